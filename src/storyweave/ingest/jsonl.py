"""JSON Lines (one object per line, streamed) and JSON files (an array of objects, or one object)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import LineDecoder, decode_text
from storyweave.ingest.fields import json_type, record_to_document
from storyweave.ingest.streams import iter_lines, read_limited
from storyweave.models import ItemError, RawDocument


def malformed(error: json.JSONDecodeError) -> str:
    return f"malformed json: {error.msg[:1].lower() + error.msg[1:]} at column {error.colno}"


def _first_line(head: bytes) -> bytes | None:
    """The first non-blank line of ``head``, or None when it does not end within ``head``."""
    for line in head.lstrip(b"\xef\xbb\xbf").splitlines(keepends=True):
        if line.strip():
            return line if line.endswith((b"\n", b"\r")) else None
    return None


class JsonlReader(Reader):
    """One JSON object per line; blank lines are skipped; memory bounded by the longest line."""

    format = "jsonl"
    extensions = (".jsonl", ".ndjson", ".jsonlines")

    def __init__(self, max_line_bytes: int = 64 * MB) -> None:
        self.max_line_bytes = max_line_bytes

    def sniff(self, head: bytes) -> bool:
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return False
        line = _first_line(head)
        if line is None:  # one long first line: a pretty-printed object would have broken it
            return True
        try:
            return isinstance(json.loads(line), dict)
        except ValueError:
            return False

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        decoder = LineDecoder()
        for lineno, raw in iter_lines(stream, self.max_line_bytes):
            try:
                if isinstance(raw, InputError):
                    raise raw
                if not raw.strip():
                    continue
                yield self._document(decoder.decode(raw, lineno), source, lineno)
            except InputError as error:
                yield ItemError(source, error.reason, lineno)

    def _document(self, line: str, source: str, lineno: int) -> RawDocument:
        try:
            value: Any = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(malformed(error)) from None
        except RecursionError:
            raise InputError("malformed json: nested too deeply") from None
        if not isinstance(value, dict):
            raise InputError(f"not a json object (got {json_type(value)})")
        return record_to_document(value, source=source, format=self.format, line=lineno)


class JsonReader(Reader):
    """A JSON array of objects (``line`` is the 1-based position in it) or a single object.

    The file is parsed whole, so it is refused above ``max_bytes``; large inputs belong in JSONL.
    """

    format = "json"
    extensions = (".json",)

    def __init__(self, max_bytes: int = 200 * MB) -> None:
        self.max_bytes = max_bytes

    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"[", b"{"))

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        data = read_limited(stream, self.max_bytes, "json file (use jsonl for large inputs)")
        try:
            value: Any = json.loads(decode_text(data))
        except json.JSONDecodeError as error:
            raise InputError(malformed(error), error.lineno) from None
        except RecursionError:
            raise InputError("malformed json: nested too deeply") from None
        if isinstance(value, dict):
            yield self._document(value, source, None)
        elif isinstance(value, list):
            for number, item in enumerate(value, 1):
                if isinstance(item, dict):
                    yield self._document(item, source, number)
                else:
                    yield ItemError(source, f"not a json object (got {json_type(item)})", number)
        else:
            raise InputError(f"json must hold an object or an array of objects, got {json_type(value)}")

    def _document(self, record: dict[str, Any], source: str, number: int | None) -> RawDocument | ItemError:
        try:
            return record_to_document(record, source=source, format=self.format, line=number)
        except InputError as error:
            return ItemError(source, error.reason, number)
