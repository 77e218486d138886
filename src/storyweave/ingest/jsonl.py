"""JSON Lines (one object per line, streamed) and JSON files (an array of objects, or one object)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import LineDecoder, decode_text
from storyweave.ingest.envelope import unwrap
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


def _parse_line(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(malformed(error)) from None
    except RecursionError:
        raise InputError("malformed json: nested too deeply") from None


class JsonlReader(Reader):
    """One JSON object per line; blank lines are skipped; memory bounded by the longest line.

    A line that wraps articles (a news-API response, a JSON Feed: see :mod:`storyweave.ingest.envelope`) gives
    one document per article, each with that line's number.
    """

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
                value = _parse_line(decoder.decode(raw, lineno))
                if not isinstance(value, dict):
                    raise InputError(f"not a json object (got {json_type(value)})")
                envelope = unwrap(value)
                if envelope is None:
                    yield record_to_document(value, source=source, format=self.format, line=lineno)
                    continue
                for item in envelope.items:
                    yield _document(item, source, self.format, lineno, envelope.defaults)
            except InputError as error:
                yield ItemError(source, error.reason, lineno)


def _document(
    item: Any, source: str, format: str, number: int | None, defaults: Mapping[str, Any] | None = None
) -> RawDocument | ItemError:
    if not isinstance(item, dict):
        return ItemError(source, f"not a json object (got {json_type(item)})", number)
    try:
        return record_to_document(item, source=source, format=format, line=number, defaults=defaults)
    except InputError as error:
        return ItemError(source, error.reason, number)


class JsonReader(Reader):
    """A JSON array of objects (``line`` is the 1-based position in it), a single object, or an object that wraps
    an array of articles (a news-API response, a JSON Feed; ``line`` is the position in that array).

    A UTF-8 array is streamed item by item: memory is bounded by the largest item (``max_item_bytes``), not
    the file, and the items before a malformed one are kept. A single object, or a file in another encoding,
    is parsed whole and refused above ``max_bytes``.
    """

    format = "json"
    extensions = (".json",)

    def __init__(
        self, max_bytes: int = 200 * MB, max_item_bytes: int = 64 * MB, chunk_bytes: int = 1 << 16
    ) -> None:
        self.max_bytes = max_bytes
        self.max_item_bytes = max_item_bytes
        self.chunk_bytes = chunk_bytes

    def sniff(self, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"[", b"{"))

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        head = stream.read(self.chunk_bytes)
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        try:
            text = decoder.decode(head, final=not head)
        except UnicodeDecodeError:
            text = None
        if text is None or not text.lstrip(" \t\r\n").startswith("["):
            what = "json file (use jsonl for large inputs)"
            data = head + read_limited(stream, max(self.max_bytes - len(head), 0), what)
            if len(data) > self.max_bytes:
                raise InputError(f"{what} too large: over {self.max_bytes / MB:g} MB")
            yield from self._whole(data, source)
            return
        yield from self._stream(stream, source, text, decoder)

    def _whole(self, data: bytes, source: str) -> Iterator[RawDocument | ItemError]:
        try:
            value: Any = json.loads(decode_text(data))
        except json.JSONDecodeError as error:
            raise InputError(malformed(error), error.lineno) from None
        except RecursionError:
            raise InputError("malformed json: nested too deeply") from None
        if isinstance(value, dict):
            envelope = unwrap(value)
            if envelope is None:
                yield _document(value, source, self.format, None)
                return
            for number, item in enumerate(envelope.items, 1):
                yield _document(item, source, self.format, number, envelope.defaults)
        elif isinstance(value, list):
            for number, item in enumerate(value, 1):
                yield _document(item, source, self.format, number)
        else:
            raise InputError(f"json must hold an object or an array of objects, got {json_type(value)}")

    def _stream(
        self, stream: BinaryIO, source: str, buf: str, decoder: Any
    ) -> Iterator[RawDocument | ItemError]:
        """Items of a top-level array, parsed one at a time from a sliding text buffer.

        A parse that fails before the end of the input may only be cut short: more text is read (at least
        doubling what is buffered, so a large item costs linear time) and it is tried again.
        """
        parser = json.JSONDecoder()
        eof = False
        pos = buf.index("[") + 1
        line = 1 + buf.count("\n", 0, pos)  # physical line of ``pos``, for errors
        number = 0
        want_item = True

        def more(at_least: int) -> bool:
            nonlocal buf, pos, eof
            if eof:
                return False
            buf, pos = buf[pos:], 0  # drop what is consumed
            target = len(buf) + max(at_least, self.chunk_bytes)
            while len(buf) < target:
                data = stream.read(self.chunk_bytes)
                try:
                    buf += decoder.decode(data, final=not data)
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"undecodable text after item {number}: not utf-8 ({exc.reason})", line
                    ) from None
                if not data:
                    eof = True
                    break
            return True

        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                if buf[pos] == "\n":
                    line += 1
                pos += 1
            if pos >= len(buf):
                if more(self.chunk_bytes):
                    continue
                raise InputError("malformed json: the array is not closed (missing ']')", line)
            char = buf[pos]
            if char == "]" and (want_item and number == 0 or not want_item):
                return
            if not want_item:
                if char != ",":
                    raise InputError(f"malformed json: expected ',' or ']' after item {number}", line)
                pos += 1
                want_item = True
                continue
            try:
                value, end = parser.raw_decode(buf, pos)
            except json.JSONDecodeError as error:
                if len(buf) - pos > self.max_item_bytes:
                    raise InputError(
                        f"json item {number + 1} too large: over {self.max_item_bytes / MB:g} MB", line
                    ) from None
                if more(len(buf) - pos):
                    continue
                at = line + buf.count("\n", pos, error.pos)
                raise InputError(malformed(error), at) from None
            except RecursionError:
                raise InputError("malformed json: nested too deeply", line) from None
            if end == len(buf) and not isinstance(value, (dict, list)) and more(self.chunk_bytes):
                continue  # a number or literal cut by the buffer's end: read on and parse it again
            number += 1
            yield _document(value, source, self.format, number)
            line += buf.count("\n", pos, end)
            pos = end
            want_item = False
