"""WARC web archives via warcio: one document per successful HTML response record."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import declared_charset, decode_text, known_encoding
from storyweave.ingest.html import head_metadata
from storyweave.ingest.streams import GZIP_MAGIC, EOFAsInputError, peek
from storyweave.models import ItemError, RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return known_encoding(value)
    return None


class WarcReader(Reader):
    """``line`` is the record's 1-based position among all records of the archive.

    The crawl date goes to ``captured`` (and ``extra["crawl_date"]``), never ``date``: it says when the page
    was fetched, not when it was published, so the cleaner uses it only when the page, its URL and its text give
    no date. Records that are not HTML 200 responses are skipped.
    """

    format = "warc"
    extensions = (".warc", ".arc")
    binary = True

    def __init__(self, max_bytes: int = 20 * MB) -> None:
        self.max_bytes = max_bytes

    def sniff(self, head: bytes) -> bool:
        return head.startswith((b"WARC/", b"filedesc://"))

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        head, stream = peek(stream, 16)
        if not head.startswith((b"WARC/", b"filedesc://", GZIP_MAGIC)):
            raise InputError("not a warc file: no warc header at the start")
        records = ArchiveIterator(EOFAsInputError(stream), arc2warc=True)
        number = 0
        try:
            for number, record in enumerate(records, 1):
                item = self._document(record, source, number)
                if item is not None:
                    yield item
        # warcio reports broken records with whatever its parser trips on
        except (ArchiveLoadFailed, AttributeError, IndexError, KeyError, TypeError, ValueError):
            raise InputError(f"malformed warc: record {number + 1} cannot be parsed", number + 1) from None
        finally:
            records.close()

    def _document(self, record: Any, source: str, number: int) -> RawDocument | ItemError | None:
        if not record.rec_type:
            return ItemError(source, "malformed warc record: no warc-type", number)
        http = record.http_headers
        if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
        if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
            return None
        try:
            body = record.content_stream().read(self.max_bytes + 1)
        except (OSError, ValueError, zlib.error) as error:
            return ItemError(source, f"unreadable http body: {str(error).lower()}", number)
        if len(body) > self.max_bytes:
            return ItemError(source, f"page too large: over {self.max_bytes / MB:g} MB", number)
        try:
            page = decode_text(body, _charset(content_type) or declared_charset(body))
        except InputError as error:
            return ItemError(source, error.reason, number)
        url, outlet, lang = head_metadata(page)
        headers = record.rec_headers
        extra = {
            "crawl_date": headers.get_header("WARC-Date"),
            "warc_record_id": headers.get_header("WARC-Record-ID"),
        }
        if url:
            extra["canonical_url"] = url
        return RawDocument(
            source=source,
            format=self.format,
            line=number,
            html=page,
            url=headers.get_header("WARC-Target-URI"),
            outlet=outlet,
            lang=lang,
            extra={key: value for key, value in extra.items() if value},
            captured=headers.get_header("WARC-Date") or None,
        )
