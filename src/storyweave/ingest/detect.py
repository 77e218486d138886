"""Choose a reader per input and read paths, directories and standard input."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import BinaryIO

from storyweave.errors import InputError
from storyweave.ingest import skip
from storyweave.ingest.base import Reader
from storyweave.ingest.csv import CsvReader
from storyweave.ingest.decode import BINARY, looks_binary
from storyweave.ingest.feed import FeedReader
from storyweave.ingest.html import HtmlReader
from storyweave.ingest.jsonl import JsonlReader, JsonReader
from storyweave.ingest.streams import GZIP_MAGIC, TRUNCATED_GZIP, peek
from storyweave.ingest.text import TextReader
from storyweave.ingest.warc import WarcReader
from storyweave.models import InputItem, ItemError, SkippedItem

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
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip_files: Collection[str] = frozenset(),
) -> Iterator[InputItem]:
    """Documents from files, directories (recursively, sorted, hidden entries skipped) and ``-``.

    Every problem is yielded as an :class:`ItemError` and reading goes on with the next item or
    file; every input that is not an article (an image, a log, a zip; see :mod:`storyweave.ingest.skip`)
    as a :class:`SkippedItem`, as is every file in ``skip_files`` (resolved paths, such as
    ``skip.store_files(db)``). ``stdin`` is read for ``-`` (default: the process's standard input).

    Inside directories, a file is read when it matches an ``include`` glob (if any is given) and no
    ``exclude`` glob; a directory matching an ``exclude`` glob is not entered. Globs match the path
    relative to the directory given (``/``-separated) or the last part of it: see :func:`skip.matches`.
    Files and ``-`` named in ``paths`` are always read.
    """
    readers = tuple(readers) if readers is not None else default_readers()
    for given in paths:
        path = os.fspath(given)
        if path == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, "-", readers=readers)
        elif os.path.isdir(path):
            for file in _walk(path, include, exclude):
                if isinstance(file, ItemError):
                    yield file
                else:
                    yield from read_file(file, readers=readers, skip_files=skip_files)
        else:
            yield from read_file(path, readers=readers, skip_files=skip_files)


def files_under(directory: str, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    """The files :func:`read_paths` reads inside ``directory`` (folders it cannot list left out)."""
    return (file for file in _walk(directory, include, exclude) if isinstance(file, str))


def _walk(
    directory: str, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[str | ItemError]:
    """Regular files under ``directory``, depth first in name order, skipping names that start with a dot
    and those the ``include`` and ``exclude`` globs leave out.

    Symbolic links to directories are followed once each, so a link cycle ends.
    """
    seen: set[str] = set()
    excluded_dirs = [pattern.rstrip("/") for pattern in exclude]

    def visit(folder: str, prefix: str) -> Iterator[str | ItemError]:
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
            relative = prefix + name
            if os.path.isdir(path):
                if not skip.matches(relative, excluded_dirs):
                    yield from visit(path, relative + "/")
            elif os.path.isfile(path):
                if (not include or skip.matches(relative, include)) and not skip.matches(relative, exclude):
                    yield path

    return visit(directory, "")


def read_file(
    path: str, *, readers: Sequence[Reader] | None = None, skip_files: Collection[str] = frozenset()
) -> Iterator[InputItem]:
    readers = tuple(readers) if readers is not None else default_readers()
    if skip_files and os.path.realpath(path) in skip_files:
        yield SkippedItem(path, skip.STORE)
        return
    reason = skip.by_name(path)
    if reason is not None:
        yield SkippedItem(path, reason)
        return
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield ItemError(path, _os_reason(error))
        return
    with stream:
        yield from read_stream(stream, path, name=path, readers=readers)


def read_stream(
    stream: BinaryIO, source: str, *, name: str | None = None, readers: Sequence[Reader] | None = None
) -> Iterator[InputItem]:
    """Documents from one (possibly gzipped) stream; ``name``'s extension picks the reader, else sniffing.

    Input that is not an article (by ``name``, else by its first bytes) is one :class:`SkippedItem`;
    so is input in which the reader finds nothing (a JSON ``[]``, a feed without entries).
    """
    readers = tuple(readers) if readers is not None else default_readers()
    reason = skip.by_name(name) if name else None
    if reason is not None:
        yield SkippedItem(source, reason)
        return
    try:
        magic, stream = peek(stream, len(GZIP_MAGIC))
        if magic == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head, stream = peek(stream, HEAD_BYTES)
        named = reader_by_name(name or "", readers)
        reason = _skip_by_content(head, named, readers)
        if reason is not None:
            yield SkippedItem(source, reason)
            return
        reader = _choose(head, named, readers)
        found = 0
        for item in reader.read(stream, source):
            found += 1
            yield item
        if not found:
            yield SkippedItem(source, f"no articles in this {reader.format} input")
    except InputError as error:
        yield ItemError(source, error.reason, error.line)
    except EOFError:
        yield ItemError(source, TRUNCATED_GZIP)
    except (gzip.BadGzipFile, zlib.error) as error:
        yield ItemError(source, f"corrupt gzip: {str(error).lower()}")
    except OSError as error:
        yield ItemError(source, f"read error: {_os_reason(error)}")


def _skip_by_content(head: bytes, named: Reader | None, readers: Sequence[Reader]) -> str | None:
    """A SQLite database whatever its name; other kinds only when the name chose no reader."""
    if skip.is_sqlite(head):
        return skip.SQLITE
    if named is not None or not head:
        return None
    reason = skip.by_content(head)
    if reason is None and looks_binary(head) and not any(r.binary and r.sniff(head) for r in readers):
        reason = skip.BINARY_UNKNOWN
    return reason


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
