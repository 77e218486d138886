"""Small stream helpers: look ahead without consuming, bounded reads and lines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO, cast

from storyweave.errors import InputError
from storyweave.ingest.base import MB

GZIP_MAGIC = b"\x1f\x8b"


class _Replay(io.RawIOBase):
    """``head`` then the rest of ``stream``: undoes a look-ahead on a stream that cannot seek."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


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
    """The first ``size`` bytes, and a stream that still starts with them."""
    if stream.seekable():
        position = stream.tell()
        head = read_up_to(stream, size)
        stream.seek(position)
        return head, stream
    head = read_up_to(stream, size)
    return head, cast(BinaryIO, io.BufferedReader(_Replay(head, stream), buffer_size=1 << 16))


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
