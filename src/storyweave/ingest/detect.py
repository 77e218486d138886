"""Choose a reader per input and read paths, directories and standard input."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from storyweave.errors import InputError
from storyweave.ingest.base import Reader
from storyweave.ingest.csv import CsvReader
from storyweave.ingest.decode import BINARY, looks_binary
from storyweave.ingest.feed import FeedReader
from storyweave.ingest.html import HtmlReader
from storyweave.ingest.jsonl import JsonlReader, JsonReader
from storyweave.ingest.streams import GZIP_MAGIC, TRUNCATED_GZIP, peek
from storyweave.ingest.text import TextReader
from storyweave.ingest.warc import WarcReader
from storyweave.models import ItemError, RawDocument

HEAD_BYTES = 64 * 1024  # what sniffing looks at


def default_readers() -> tuple[Reader, ...]:
    """Every built-in reader, in sniffing order: the most specific first, plain text last."""
    return (WarcReader(), FeedReader(), HtmlReader(), JsonlReader(), JsonReader(), CsvReader(), TextReader())


def extension(name: str) -> str:
    """The lower-case extension that names the format, seen through ``.gz``: ``a.JSONL.gz`` -> ``.jsonl``."""
    base = os.path.basename(name).lower()
    if base.endswith(".gz"):
        base = base[:-3]
    return os.path.splitext(base)[1]


def reader_by_name(name: str, readers: Sequence[Reader]) -> Reader | None:
    ext = extension(name)
    return next((reader for reader in readers if ext and ext in reader.extensions), None)


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    stdin: BinaryIO | None = None,
    *,
    readers: Sequence[Reader] | None = None,
) -> Iterator[RawDocument | ItemError]:
    """Documents from files, directories (recursively, sorted, hidden entries skipped) and ``-``.

    Every problem is yielded as an :class:`ItemError` and reading goes on with the next item or
    file. ``stdin`` is read for ``-`` (default: the process's standard input).
    """
    readers = tuple(readers) if readers is not None else default_readers()
    for given in paths:
        path = os.fspath(given)
        if path == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, "-", readers=readers)
        elif os.path.isdir(path):
            for file in _walk(path):
                if isinstance(file, ItemError):
                    yield file
                else:
                    yield from read_file(file, readers=readers)
        else:
            yield from read_file(path, readers=readers)


def _walk(directory: str) -> Iterator[str | ItemError]:
    """Regular files under ``directory``, depth first in name order, skipping names that start with a dot.

    Symbolic links to directories are followed once each, so a link cycle ends.
    """
    seen: set[str] = set()

    def visit(folder: str) -> Iterator[str | ItemError]:
        real = os.path.realpath(folder)
        if real in seen:
            return
        seen.add(real)
        try:
            names = sorted(os.listdir(folder))
        except OSError as error:
            yield ItemError(folder, _os_reason(error))
            return
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if os.path.isdir(path):
                yield from visit(path)
            elif os.path.isfile(path):
                yield path

    return visit(directory)


def read_file(path: str, *, readers: Sequence[Reader] | None = None) -> Iterator[RawDocument | ItemError]:
    readers = tuple(readers) if readers is not None else default_readers()
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield ItemError(path, _os_reason(error))
        return
    with stream:
        yield from read_stream(stream, path, name=path, readers=readers)


def read_stream(
    stream: BinaryIO, source: str, *, name: str | None = None, readers: Sequence[Reader] | None = None
) -> Iterator[RawDocument | ItemError]:
    """Documents from one (possibly gzipped) stream; ``name``'s extension picks the reader, else sniffing."""
    readers = tuple(readers) if readers is not None else default_readers()
    try:
        magic, stream = peek(stream, len(GZIP_MAGIC))
        if magic == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head, stream = peek(stream, HEAD_BYTES)
        reader = _choose(head, reader_by_name(name or "", readers), readers)
        yield from reader.read(stream, source)
    except InputError as error:
        yield ItemError(source, error.reason, error.line)
    except EOFError:
        yield ItemError(source, TRUNCATED_GZIP)
    except (gzip.BadGzipFile, zlib.error) as error:
        yield ItemError(source, f"corrupt gzip: {str(error).lower()}")
    except OSError as error:
        yield ItemError(source, f"read error: {_os_reason(error)}")


def _choose(head: bytes, named: Reader | None, readers: Sequence[Reader]) -> Reader:
    if not head or (not head.strip() and len(head) < HEAD_BYTES):
        raise InputError("empty file")
    if named is None:  # archives may hold binary records, so they are recognised first
        named = next((reader for reader in readers if reader.binary and reader.sniff(head)), None)
    if named is not None and named.binary:
        return named
    if looks_binary(head):
        raise InputError(BINARY)
    if named is not None:
        return named
    for reader in readers:
        if reader.sniff(head):
            return reader
    known = ", ".join(sorted({ext for reader in readers for ext in reader.extensions}))
    raise InputError(f"unknown format; name the file with one of: {known}")


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
