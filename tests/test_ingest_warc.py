"""WARC and WARC.gz archives written with warcio's own writer."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyweave.ingest import read_paths
from storyweave.ingest.warc import WarcReader
from storyweave.models import ItemError, RawDocument

PAGE = (
    "<html lang='en'><head><link rel='canonical' href='https://news.example/a'>"
    "<meta property='og:site_name' content='News Example'></head><body><p>Café story</p></body></html>"
)


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    # a given length lets warcio write without buffering into temporary files
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )
    writer.write_record(record)


def make_warc(compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))  # record 1
    request = writer.create_warc_record(
        "https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"), length=19
    )
    writer.write_record(request)  # record 2
    _response(writer, "https://news.example/a?x=1", PAGE.encode(), "text/html; charset=utf-8")  # record 3
    _response(
        writer,
        "https://news.example/gone",
        b"<html><body>Not found</body></html>",
        "text/html",
        "404 Not Found",
    )
    _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")  # record 5
    latin = "<html><body><p>Déjà vu à Zürich</p></body></html>".encode("latin-1")
    _response(writer, "https://news.example/latin", latin, "text/html; charset=ISO-8859-1")  # record 6
    _response(
        writer, "https://news.example/x", b"<html><body>x</body></html>", "application/xhtml+xml"
    )  # record 7
    return out.getvalue()


def test_warc_gz_yields_html_200_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(compress=True))
    items = list(read_paths([str(path)]))
    assert all(isinstance(item, RawDocument) for item in items)
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [(doc.source, doc.format, doc.line) for doc in docs] == [
        (str(path), "warc", 3),
        (str(path), "warc", 6),
        (str(path), "warc", 7),
    ]
    first = docs[0]
    assert first.html == PAGE
    assert first.url == "https://news.example/a?x=1"  # what was crawled; the canonical URL goes to extra
    assert first.extra["canonical_url"] == "https://news.example/a"
    assert (first.outlet, first.lang) == ("News Example", "en")
    assert first.date is None  # a crawl date is not a publish date
    crawl_date = first.extra["crawl_date"]
    assert isinstance(crawl_date, str) and crawl_date[:2] == "20" and crawl_date.endswith("Z")
    assert first.extra["warc_record_id"].startswith("<urn:uuid:")
    assert docs[1].html is not None and "Déjà vu à Zürich" in docs[1].html


def test_uncompressed_warc_and_sniffing(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(make_warc(compress=False))
    unnamed = tmp_path / "archive.bin"
    unnamed.write_bytes(make_warc(compress=True))
    for path in (plain, unnamed):
        assert [item.line for item in read_paths([str(path)])] == [3, 6, 7]


def test_warc_reader_accepts_a_compressed_stream_directly() -> None:
    items = list(WarcReader().read(io.BytesIO(make_warc(compress=True)), "mem"))
    assert [item.line for item in items] == [3, 6, 7]


def test_truncated_warc_gz_keeps_earlier_records(tmp_path: Path) -> None:
    data = make_warc(compress=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[: len(data) - 40])  # cut inside the last record
    items = list(read_paths([str(path)]))
    assert [item.line for item in items if isinstance(item, RawDocument)] == [3, 6]
    assert items[-1] == ItemError(str(path), "truncated gzip: the compressed data ends early")


def test_oversized_page_is_an_item_error(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(compress=True))
    items = list(read_paths([str(path)], readers=[WarcReader(max_bytes=100)]))
    assert items[0] == ItemError(str(path), "page too large: over 0.0001 MB", 3)
    assert [item.line for item in items] == [3, 6, 7]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    path.write_bytes(gzip.compress(b"just some text\n"))
    assert list(read_paths([str(path)])) == [
        ItemError(str(path), "not a warc file: no warc header at the start")
    ]
