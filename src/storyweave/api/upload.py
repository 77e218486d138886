"""``POST /api/articles``: a JSON body, a body in another format ``ingest`` reads, or files uploaded as
multipart form data, ingested as ``storyweave ingest`` would, behind a bearer token."""

from __future__ import annotations

import hmac
import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from storyweave.api.deps import StorePool
from storyweave.ingest import read_stream
from storyweave.models import InputItem

MAX_FILES = 100  # files in one multipart upload

# a body's media type -> the file name its reader is chosen by (None: the first bytes decide)
_NAMES = {
    "application/json": "request.json",
    "application/x-ndjson": "request.jsonl",
    "application/jsonl": "request.jsonl",
    "application/jsonlines": "request.jsonl",
    "application/x-jsonlines": "request.jsonl",
    "text/html": "request.html",
    "application/xhtml+xml": "request.html",
    "text/plain": "request.txt",
    "text/csv": "request.csv",
    "application/rss+xml": "request.xml",
    "application/atom+xml": "request.xml",
    "application/xml": "request.xml",
    "text/xml": "request.xml",
    "application/warc": "request.warc",
}


def check_token(request: Request, token: str | None) -> None:
    """401 without a bearer token, 403 with a wrong one or when the server has none configured."""
    if not token:
        raise HTTPException(
            403, "uploads are disabled on this server: set the token setting (STORYWEAVE_TOKEN) and restart"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(
            401,
            "send the token as an 'Authorization: Bearer TOKEN' header",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPException(403, "wrong token")


def _safe_name(name: str | None) -> str:
    """The last part of an uploaded file's name, printable characters only."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:200] or "upload"


async def ingest_request(request: Request, pool: StorePool) -> tuple[int, dict[str, Any]]:
    """The status and the ingest report of one upload request."""
    check_token(request, pool.settings.token)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    sources: list[tuple[str, str | None, BinaryIO]] = []  # (source, name for the reader, stream)
    form = None
    if media == "multipart/form-data":
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
        for _, value in form.multi_items():
            if isinstance(value, UploadFile):
                filename = _safe_name(value.filename)
                sources.append((f"upload:{filename}", filename, value.file))
        if not sources:
            raise HTTPException(400, "the form holds no file: send files as multipart fields named 'file'")
    elif media == "application/x-www-form-urlencoded":
        raise HTTPException(
            415, "send a JSON body, a file in a format ingest reads, or files as multipart/form-data"
        )
    else:
        body = await request.body()
        if not body.strip():
            raise HTTPException(
                400, "the body is empty: send JSON articles or a file in a format ingest reads"
            )
        if media == "application/json":
            try:
                json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc
        sources.append(("upload:request", _NAMES.get(media), io.BytesIO(body)))
    try:
        report = await run_in_threadpool(_ingest, pool, sources)
    finally:
        if form is not None:
            await form.close()
    kept = report["stored"] + report["updated"] + report["unchanged"]
    return (200 if kept or not report["failed"] else 422), report


def _ingest(pool: StorePool, sources: list[tuple[str, str | None, BinaryIO]]) -> dict[str, Any]:
    def items() -> Iterator[InputItem]:
        for source, name, stream in sources:
            yield from read_stream(stream, source, name=name)

    with pool.ingest_lock:
        sw = pool.open()
        try:
            return sw.ingest_documents(items()).to_json()
        finally:
            sw.close()
