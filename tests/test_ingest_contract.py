"""Checks every reader must pass, whatever its format (one contract suite for the interface)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from test_ingest_warc import make_warc  # the warc tests own the archive builder

from storyweave.errors import InputError
from storyweave.ingest import Reader, default_readers, read_stream
from storyweave.models import ItemError, RawDocument

DATA = Path(__file__).parent / "data" / "ingest"
READERS = default_readers()


def _warc() -> bytes:
    return make_warc(compress=False)


SAMPLES = {
    "text": lambda: b"Plain words.\n",
    "html": lambda: (DATA / "page.html").read_bytes(),
    "jsonl": lambda: b'{"text": "a"}\n{"text": "b"}\n',
    "json": lambda: b'[\n {"text": "a"}\n]',
    "csv": lambda: (DATA / "articles.csv").read_bytes(),
    "feed": lambda: (DATA / "feed.rss").read_bytes(),
    "warc": _warc,
}
GARBAGE = [
    b"",
    b"\x00\x01\x02\xff" * 64,
    b"{",
    b"<",
    b"WARC/1.0\r\n\r\n",
    b'"a,"b\n"',
    "é€“”".encode("cp1252") * 10,
    gzip.compress(b"x")[:5],
]


def ids(reader: Reader) -> str:
    return reader.format


def test_one_reader_per_format_and_no_shared_extensions() -> None:
    formats = [reader.format for reader in READERS]
    assert sorted(formats) == sorted(SAMPLES)
    extensions = [ext for reader in READERS for ext in reader.extensions]
    assert len(extensions) == len(set(extensions))


@pytest.mark.parametrize("reader", READERS, ids=ids)
def test_declares_format_and_lower_case_extensions(reader: Reader) -> None:
    assert reader.format and reader.extensions
    assert all(ext.startswith(".") and ext == ext.lower() and ext != ".gz" for ext in reader.extensions)


@pytest.mark.parametrize("reader", READERS, ids=ids)
def test_sniffs_its_own_sample(reader: Reader) -> None:
    assert reader.sniff(SAMPLES[reader.format]()[:65536]) is True


@pytest.mark.parametrize("reader", READERS, ids=ids)
@pytest.mark.parametrize("head", GARBAGE)
def test_sniff_returns_a_bool_on_anything(reader: Reader, head: bytes) -> None:
    assert isinstance(reader.sniff(head), bool)


@pytest.mark.parametrize("reader", READERS, ids=ids)
def test_reads_its_sample_into_documents_of_its_format(reader: Reader) -> None:
    items = list(reader.read(io.BytesIO(SAMPLES[reader.format]()), "sample"))
    assert items
    for item in items:
        assert isinstance(item, RawDocument), item
        assert item.format == reader.format and item.source == "sample"
        assert item.text is not None or item.html is not None
        assert item.source_id is None or isinstance(item.source_id, str)
        assert isinstance(item.authors, tuple)


@pytest.mark.parametrize("reader", READERS, ids=ids)
@pytest.mark.parametrize("data", GARBAGE)
def test_garbage_gives_item_errors_or_input_error_never_other_exceptions(reader: Reader, data: bytes) -> None:
    try:
        items = list(reader.read(io.BytesIO(data), "junk"))
    except InputError as error:
        assert error.reason and error.reason[0].islower()
        return
    for item in items:
        assert isinstance(item, (RawDocument, ItemError))
        if isinstance(item, ItemError):
            assert item.source == "junk" and item.reason[0].islower()


@pytest.mark.parametrize("reader", READERS, ids=ids)
@pytest.mark.parametrize("data", GARBAGE)
def test_read_stream_never_raises(reader: Reader, data: bytes) -> None:
    name = "junk" + reader.extensions[0]
    for item in read_stream(io.BytesIO(data), "junk", name=name):
        assert isinstance(item, (RawDocument, ItemError))
