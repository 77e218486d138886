"""CSV (or TSV, or semicolon-separated) with a header row; one article per row.

Line numbers are physical file lines, so a row whose quoted text spans lines 4-9 is line 4.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import BinaryIO

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import LineDecoder
from storyweave.ingest.fields import is_text_name, missing_text_reason, record_to_document
from storyweave.ingest.streams import iter_lines
from storyweave.models import ItemError, RawDocument

_DELIMITERS = (",", "\t", ";", "|")
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def _allow_huge_fields() -> None:
    # The csv module's limit is process-wide; it is only ever raised, to the largest value a C long holds.
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


def _delimiter(header: str) -> str:
    return max(_DELIMITERS, key=header.count)


def _lines(stream: BinaryIO, max_line_bytes: int) -> Iterator[str]:
    decoder = LineDecoder()
    for lineno, raw in iter_lines(stream, max_line_bytes):
        if isinstance(raw, InputError):
            raise raw
        yield decoder.decode(raw, lineno)


class CsvReader(Reader):
    format = "csv"
    extensions = (".csv", ".tsv")

    def __init__(self, max_line_bytes: int = 64 * MB) -> None:
        self.max_line_bytes = max_line_bytes

    def sniff(self, head: bytes) -> bool:
        """A header line naming a text column."""
        first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
        names = next(csv.reader([first], delimiter=_delimiter(first)), [])
        return len(names) > 1 and any(is_text_name(name, summary=False) for name in names)

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        _allow_huge_fields()
        lines = _lines(stream, self.max_line_bytes)
        leading: list[str] = []  # blank lines, then the header line
        for line in lines:
            leading.append(line)
            if line.strip():
                break
        else:
            return
        rows = csv.reader(_chain(leading, lines), delimiter=_delimiter(leading[-1]))
        header: list[str] | None = None
        while True:
            start = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                if rows.line_num < start:  # nothing consumed: give up rather than loop
                    raise InputError(f"malformed csv: {error}", start) from None
                yield ItemError(source, f"malformed csv: {error}", start)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if header is None:
                header = row
                if not any(is_text_name(name) for name in header):
                    raise InputError(missing_text_reason(header, "column"), start)
                continue
            if len(row) != len(header):
                yield ItemError(source, f"row has {len(row)} fields, the header has {len(header)}", start)
                continue
            try:
                record = dict(zip(header, row, strict=True))
                yield record_to_document(
                    record, source=source, format=self.format, line=start, blank_is_missing=True
                )
            except InputError as error:
                yield ItemError(source, error.reason, start)


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest
