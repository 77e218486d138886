"""Small stream helpers: look ahead without consuming, bounded reads and lines."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from storyweave.errors import InputError
from storyweave.ingest.base import MB

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
_STREAM_ERRORS = (EOFError, OSError, zlib.error)  # what a truncated or corrupt gzip raises
TRUNCATED_GZIP = "truncated gzip: the compressed data ends early"


class _Lookahead(io.BufferedIOBase):
    """``head`` then the rest of ``stream``: undoes a look-ahead on a stream that cannot seek.

    An error from ``stream`` (a truncated gzip) is raised only once the data read before it has
    been returned: ``read(n)`` gives the bytes it has, the next read raises. ``readline`` raises
    rather than return a line cut short.
    """

    def __init__(self, head: bytes, stream: BinaryIO, pending: Exception | None = None) -> None:
        super().__init__()
        self._buffer = bytearray(head)
        self._stream = stream
        self._pending = pending

    def readable(self) -> bool:
        return True

    def _fill(self, size: int = _CHUNK) -> bool:
        """Append one read's worth to the buffer; False at the end of the stream."""
        if self._pending is not None:
            error, self._pending = self._pending, None
            raise error
        data = _read_some(self._stream, size)
        self._buffer += data
        return bool(data)

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def read(self, size: int | None = -1) -> bytes:
        want = size if size is not None and size >= 0 else None
        while want is None or len(self._buffer) < want:
            try:
                if not self._fill(max(_CHUNK, (want or 0) - len(self._buffer))):
                    break
            except _STREAM_ERRORS as error:
                if not self._buffer:
                    raise
                self._pending = error
                break
        return self._take(len(self._buffer) if want is None else want)

    def read1(self, size: int = -1) -> bytes:
        if not self._buffer:
            self._fill()
        return self._take(len(self._buffer) if size < 0 else size)

    def readline(self, size: int | None = -1) -> bytes:
        limit = size if size is not None and size >= 0 else None
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end >= 0:
                return self._take(end + 1 if limit is None else min(end + 1, limit))
            if limit is not None and len(self._buffer) >= limit:
                return self._take(limit)
            start = len(self._buffer)
            if not self._fill():
                return self._take(len(self._buffer) if limit is None else limit)


def _read_some(stream: BinaryIO, size: int) -> bytes:
    """One underlying read where the stream allows it, so an error loses no data read before it."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if callable(read1) else stream.read(size)  # type: ignore[no-any-return]


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """At most ``size`` bytes, fewer only at the end of the stream."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes, and a stream that still starts with them.

    A regular file is read again from where it was; pipes and gzip streams, which cannot seek
    back (or only by decompressing again), are wrapped.
    """
    if isinstance(stream, (io.BufferedReader, io.BytesIO)) and stream.seekable():
        position = stream.tell()
        head = read_up_to(stream, size)
        stream.seek(position)
        return head, stream
    chunks: list[bytes] = []
    pending: Exception | None = None
    left = size
    try:
        while left > 0:
            chunk = _read_some(stream, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except _STREAM_ERRORS as error:
        if not chunks:
            raise
        pending = error
    head = b"".join(chunks)
    return head, cast(BinaryIO, _Lookahead(head, stream, pending))


def read_limited(stream: BinaryIO, max_bytes: int, what: str = "file") -> bytes:
    """The whole stream; :class:`InputError` if it holds more than ``max_bytes``."""
    data = read_up_to(stream, max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{what} too large: over {max_bytes / MB:g} MB")
    return data


def iter_lines(stream: BinaryIO, max_line_bytes: int) -> Iterator[tuple[int, bytes | InputError]]:
    """``(line number, line bytes)`` with the newline kept; an ``InputError`` for over-long lines.

    Memory stays bounded by ``max_line_bytes`` whatever the size of the stream.
    """
    lineno = 0
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, InputError(f"line too long: over {max_line_bytes / MB:g} MB", lineno)
            continue
        yield lineno, line


class EOFAsInputError(io.BufferedIOBase):
    """Turns ``EOFError`` (a truncated gzip) into :class:`InputError`, for parsers that take an
    ``EOFError`` for the normal end of their input (warcio does)."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        try:
            return self._stream.read(-1 if size is None else size)
        except EOFError:
            raise InputError(TRUNCATED_GZIP) from None

    def read1(self, size: int = -1) -> bytes:
        try:
            return _read_some(self._stream, size if size >= 0 else _CHUNK)
        except EOFError:
            raise InputError(TRUNCATED_GZIP) from None

    def readline(self, size: int | None = -1) -> bytes:
        try:
            return self._stream.readline(-1 if size is None else size)
        except EOFError:
            raise InputError(TRUNCATED_GZIP) from None
