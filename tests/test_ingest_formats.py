"""Each reader on small, realistic inputs: what lands in which RawDocument field."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyweave.errors import InputError
from storyweave.ingest import read_paths
from storyweave.ingest.csv import CsvReader
from storyweave.ingest.feed import FeedReader
from storyweave.ingest.html import HtmlReader
from storyweave.ingest.jsonl import JsonlReader, JsonReader
from storyweave.ingest.text import TextReader
from storyweave.models import ItemError, RawDocument

DATA = Path(__file__).parent / "data" / "ingest"


def read(path: Path | str) -> list[RawDocument | ItemError]:
    return list(read_paths([str(path)]))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# text ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.TXT"])
def test_text_file_is_one_article_with_the_text_as_is(tmp_path: Path, name: str) -> None:
    body = "# Title\n\nShare this article\nFirst paragraph.\n\nSecond paragraph.\n"
    [doc] = read(write(tmp_path, name, body))
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.source, doc.line, doc.source_id) == ("text", str(tmp_path / name), None, None)
    assert doc.text == body  # boilerplate is the cleaner's job
    assert doc.html is None and doc.title is None


def test_text_with_utf8_bom_drops_the_bom(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "a.txt", b"\xef\xbb\xbfCaf\xc3\xa9"))
    assert isinstance(doc, RawDocument) and doc.text == "Café"


def test_text_in_utf16_with_bom(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "a.txt", "Grüße aus Köln".encode("utf-16")))
    assert isinstance(doc, RawDocument) and doc.text == "Grüße aus Köln"


def test_text_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "word " * 300)
    [error] = read_paths([str(path)], readers=[TextReader(max_bytes=1000)])
    assert isinstance(error, ItemError)
    assert str(error) == f"{path}: file for one article too large: over 0.001 MB"


# html ----------------------------------------------------------------------------------------


def test_html_page_goes_into_html_with_head_metadata() -> None:
    [doc] = read(DATA / "page.html")
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.html is not None and "<p>Le conseil a approuvé le pont.</p>" in doc.html
    assert doc.text is None and doc.title is None and doc.date is None  # the cleaner extracts these
    assert doc.url == "https://journal.example/pont"  # canonical wins over og:url
    assert doc.outlet == "Le Journal & Co"
    assert doc.lang == "fr"


def test_html_og_url_when_no_canonical_and_metadata_after_head_is_ignored(tmp_path: Path) -> None:
    page = (
        '<html><head><meta name="og:url" content="https://x.example/a"></head>'
        '<body><link rel="canonical" href="https://wrong.example/"><p>Hi</p></body></html>'
    )
    [doc] = read(write(tmp_path, "a.htm", page))
    assert isinstance(doc, RawDocument)
    assert (doc.url, doc.outlet, doc.lang) == ("https://x.example/a", None, None)


def test_html_declared_legacy_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"></head><body>Zażółć</body></html>'
    [doc] = read(write(tmp_path, "a.html", page.encode("iso-8859-2")))
    assert isinstance(doc, RawDocument) and doc.html is not None and "Zażółć" in doc.html


def test_html_without_body_is_passed_on(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "a.html", "<html><head><title>Only a title</title></head></html>"))
    assert isinstance(doc, RawDocument) and doc.html is not None


# jsonl ---------------------------------------------------------------------------------------


def test_jsonl_fields_aliases_and_extra(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a1",
            "title": "T",
            "text": "Body",
            "date": "2024-01-01",
            "outlet": "O",
            "url": "https://u",
            "lang": "en",
            "authors": ["Ann", "Bob"],
            "section": "world",
            "tags": ["x", 1],
        },
        {
            "id": 42,
            "body": "Via body",
            "published": "2024-02-02",
            "source": "Src",
            "language": "de",
            "author": "Ann, Bob ; Cy",
        },
        {"content": "Via content", "publish_date": "d", "site": "S", "authors": [{"name": "Dee"}]},
        {"html": "<p>Hi</p>", "datetime": "2024-03-03T10:00:00Z"},
        {"text": "both", "content": "second choice", "Title": "Case-insensitive"},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    docs = read(path)
    assert all(isinstance(doc, RawDocument) for doc in docs)
    a, b, c, d, e = docs
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument) and isinstance(c, RawDocument)
    assert isinstance(d, RawDocument) and isinstance(e, RawDocument)
    assert (a.format, a.line, a.source_id, a.title, a.text, a.date, a.outlet, a.url, a.lang) == (
        "jsonl",
        1,
        "a1",
        "T",
        "Body",
        "2024-01-01",
        "O",
        "https://u",
        "en",
    )
    assert a.authors == ("Ann", "Bob")
    assert a.extra == {"section": "world", "tags": ["x", 1]}
    assert (b.line, b.source_id, b.text, b.date, b.outlet, b.lang, b.authors) == (
        2,
        "42",
        "Via body",
        "2024-02-02",
        "Src",
        "de",
        ("Ann", "Bob", "Cy"),
    )
    assert (c.text, c.date, c.outlet, c.authors) == ("Via content", "d", "S", ("Dee",))
    assert (d.text, d.html, d.date) == (None, "<p>Hi</p>", "2024-03-03T10:00:00Z")
    assert (e.text, e.title, e.extra) == ("both", "Case-insensitive", {"content": "second choice"})


def test_jsonl_malformed_line_3_is_reported_and_the_rest_continue(tmp_path: Path) -> None:
    content = '{"text": "one"}\n{"text": "two"}\n{"text": "three"\n{"text": "four"}\n'
    items = read(write(tmp_path, "a.jsonl", content))
    assert [type(item).__name__ for item in items] == [
        "RawDocument",
        "RawDocument",
        "ItemError",
        "RawDocument",
    ]
    error = items[2]
    assert isinstance(error, ItemError) and error.line == 3
    assert error.reason.startswith("malformed json: ")
    assert "Traceback" not in error.reason and error.reason == error.reason.lower()
    last = items[3]
    assert isinstance(last, RawDocument) and last.line == 4 and last.text == "four"


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    items = read(write(tmp_path, "a.ndjson", '\n{"text": "a"}\n   \n{"text": "b"}\n'))
    assert [item.line for item in items] == [2, 4]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1, 2]", "not a json object (got array)"),
        ('"just a string"', "not a json object (got string)"),
        ('{"title": "no text"}', "no text field (expected one of: text, body, content, html); found: title"),
        ('{"text": ["a"]}', "field 'text' must be a string, got array"),
        ('{"text": "a", "authors": 3}', "field 'authors' must be a string or a list, got number"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path, "a.jsonl", '{"text": "ok"}\n' + line + "\n")
    ok, error = read(path)
    assert isinstance(ok, RawDocument)
    assert error == ItemError(str(path), reason, 2)


def test_jsonl_line_too_long_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", '{"text": "' + "x" * 5000 + '"}\n{"text": "short"}\n')
    error, doc = read_paths([str(path)], readers=[JsonlReader(max_line_bytes=1000)])
    assert error == ItemError(str(path), "line too long: over 0.001 MB", 1)
    assert isinstance(doc, RawDocument) and doc.text == "short" and doc.line == 2


# json ----------------------------------------------------------------------------------------


def test_json_array_of_objects(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.json", json.dumps([{"id": "x", "text": "one"}, 5, {"content": "three"}], indent=2)
    )
    one, bad, three = read(path)
    assert isinstance(one, RawDocument) and (one.format, one.line, one.source_id) == ("json", 1, "x")
    assert bad == ItemError(str(path), "not a json object (got number)", 2)
    assert isinstance(three, RawDocument) and three.line == 3 and three.text == "three"


def test_json_single_object(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path, "a.json", json.dumps({"title": "T", "text": "B"}, indent=1)))
    assert isinstance(doc, RawDocument) and (doc.format, doc.line, doc.title) == ("json", None, "T")


def test_json_malformed_reports_the_line_and_keeps_the_items_before(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", '[\n  {"text": "a"},\n  {"text": }\n]\n')
    first, error = read(path)
    assert isinstance(first, RawDocument) and first.text == "a" and first.line == 1
    assert isinstance(error, ItemError) and error.line == 3 and error.reason.startswith("malformed json: ")


def test_json_array_is_streamed_across_chunk_boundaries(tmp_path: Path) -> None:
    items = [{"id": f"i{k}", "text": "é" * (k % 7) + f"body {k} " + "x" * (k * 13 % 300)} for k in range(400)]
    items[17] = 12345  # a number may be cut at a chunk boundary too
    path = write(tmp_path, "a.json", json.dumps(items, indent=1, ensure_ascii=False))
    with open(path, "rb") as fh:
        got = list(JsonReader(chunk_bytes=64).read(fh, str(path)))
    assert len(got) == 400
    assert got[17] == ItemError(str(path), "not a json object (got number)", 18)
    docs = [g for g in got if isinstance(g, RawDocument)]
    assert [d.source_id for d in docs] == [f"i{k}" for k in range(400) if k != 17]
    assert docs[5].text == items[5]["text"]


def test_json_array_memory_is_bounded_by_the_item_not_the_file(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.json"
    with open(path, "w") as fh:
        fh.write("[")
        for k in range(20000):
            fh.write(("," if k else "") + json.dumps({"id": str(k), "text": "word " * 200}))
        fh.write("]")
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    with open(path, "rb") as fh:
        count = sum(1 for _ in JsonReader().read(fh, str(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 20000 and peak < 3_000_000


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"text": "a"} {"text": "b"}]', "malformed json: expected ',' or ']' after item 1"),
        ('[{"text": "a"},', "malformed json: the array is not closed (missing ']')"),
        ('[{"text": "a"}, {"text": "b', "malformed json: unterminated string starting at"),
    ],
)
def test_json_array_syntax_errors_after_good_items(tmp_path: Path, content: str, reason: str) -> None:
    first, error = read(write(tmp_path, "a.json", content))
    assert isinstance(first, RawDocument) and first.text == "a"
    assert isinstance(error, ItemError) and error.reason.startswith(reason)


def test_json_array_item_over_its_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{"text": "ok"}, {"text": "y" * 5000}]))
    first, error = read_paths([str(path)], readers=[JsonReader(max_item_bytes=1000, chunk_bytes=256)])
    assert isinstance(first, RawDocument)
    assert isinstance(error, ItemError) and error.reason.startswith("json item 2 too large: over ")


def test_json_array_in_a_legacy_encoding_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(
        '[{"text": "Caf\u00e9 cr\u00e8me \u00e0 la fran\u00e7aise, d\u00e9j\u00e0 vu"}]'.encode("cp1252")
    )
    [doc] = read(path)
    assert isinstance(doc, RawDocument) and doc.text == "Café crème à la française, déjà vu"


def test_json_scalar_top_level(tmp_path: Path) -> None:
    [error] = read(write(tmp_path, "a.json", "42"))
    assert isinstance(error, ItemError)
    assert error.reason == "json must hold an object or an array of objects, got number"


def test_json_reader_refuses_a_single_object_over_its_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"text": "x" * 2000}))
    [error] = read_paths([str(path)], readers=[JsonReader(max_bytes=1000)])
    assert isinstance(error, ItemError) and error.reason.startswith(
        "json file (use jsonl for large inputs) too large"
    )


# csv -----------------------------------------------------------------------------------------


def test_csv_rows_with_multiline_fields_keep_physical_line_numbers() -> None:
    path = DATA / "articles.csv"
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.format, first.line, first.source_id, first.title) == ("csv", 2, "7", "First")
    assert first.text == "Line one\nline two\n\nline four"
    assert (first.date, first.outlet, first.authors) == ("2024-01-02", "Daily", ("Ann", "Bob"))
    assert first.extra == {"section": "world"}
    assert second.line == 6  # the first row took lines 2-5
    assert (second.text, second.date, second.outlet, second.authors) == ("Plain", None, None, ())
    assert second.extra == {"section": ""}


def test_csv_semicolons_tabs_and_header_case(tmp_path: Path) -> None:
    [a] = read(write(tmp_path, "a.csv", "Title;Body\nHello;World\n"))
    [b] = read(write(tmp_path, "b.tsv", "title\tcontent\nHello\tTabbed, with comma\n"))
    assert isinstance(a, RawDocument) and (a.title, a.text) == ("Hello", "World")
    assert isinstance(b, RawDocument) and b.text == "Tabbed, with comma"


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "id,title\n1,Hello\n")
    assert read(path) == [
        ItemError(
            str(path), "no text column (expected one of: text, body, content, html); found: id, title", 1
        )
    ]


def test_csv_row_with_wrong_field_count_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "title,text\nA,one\nB,two,extra\n\nC,three\n")
    a, bad, c = read(path)
    assert bad == ItemError(str(path), "row has 3 fields, the header has 2", 3)
    assert isinstance(a, RawDocument) and isinstance(c, RawDocument) and c.line == 5


def test_csv_huge_field(tmp_path: Path) -> None:
    big = "word " * 60_000  # 300 kB, above the csv module's default 128 kB field limit
    [doc] = read(write(tmp_path, "a.csv", f'text\n"{big}"\n'))
    assert isinstance(doc, RawDocument) and doc.text == big


def test_csv_reader_directly_on_a_stream() -> None:
    items = list(CsvReader().read(io.BytesIO(b"text\r\nA\r\nB\r\n"), "mem"))
    assert [(item.line, item.text) for item in items if isinstance(item, RawDocument)] == [(2, "A"), (3, "B")]


# feeds ---------------------------------------------------------------------------------------


def test_rss_entries() -> None:
    first, second = read(DATA / "feed.rss")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.format, first.line, first.source_id, first.title) == (
        "feed",
        1,
        "daily-1001",
        "Council approves new bridge",
    )
    assert first.url == "https://daily.example/bridge"
    assert first.date == "Mon, 06 Sep 2021 16:45:00 +0000"
    assert first.authors == ("Ann Writer",)
    assert first.outlet == "The Daily Example" and first.lang == "en-gb"
    assert first.text == "The council approved the bridge." and first.html is None  # a fragment: its text
    assert first.extra == {"tags": ["Local"]}
    assert (second.line, second.source_id, second.text, second.html) == (
        2,
        None,
        "Plain words, no markup at all.",
        None,
    )


def test_atom_entries_prefer_content_and_published() -> None:
    first, second = read(DATA / "feed.atom")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source_id, first.url, first.date) == (
        "urn:example:1",
        "https://zeitung.example/bruecke",
        "2024-03-01T08:00:00Z",
    )
    assert first.text == "Der Rat hat die Brücke genehmigt." and first.html is None
    assert first.authors == ("Xaver Muster", "Yvonne Beispiel")
    assert (first.outlet, first.lang) == ("Beispiel Zeitung", "de")
    assert (second.date, second.text) == ("2024-03-02T10:00:00Z", "Nur Text.")


def test_malformed_feed_without_entries(tmp_path: Path) -> None:
    path = write(tmp_path, "a.rss", "<rss><channel><title>x</ti")
    [error] = read(path)
    assert isinstance(error, ItemError) and error.reason.startswith("malformed feed: ")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.xml", '<?xml version="1.0"?><catalog><book>Dune</book></catalog>')
    assert read(path) == [ItemError(str(path), "not an rss or atom feed")]


def test_feed_reader_raises_input_error_for_plain_text() -> None:
    with pytest.raises(InputError, match="^malformed feed: syntax error$"):
        list(FeedReader().read(io.BytesIO(b"hello, no markup"), "x"))


def test_readers_sniff_their_own_samples() -> None:
    assert FeedReader().sniff((DATA / "feed.atom").read_bytes())
    assert FeedReader().sniff((DATA / "feed.rss").read_bytes())
    assert not FeedReader().sniff((DATA / "page.html").read_bytes())
    assert HtmlReader().sniff((DATA / "page.html").read_bytes())
    assert not HtmlReader().sniff(b"A story about <html> tags in prose.")
    assert CsvReader().sniff((DATA / "articles.csv").read_bytes())
    assert not CsvReader().sniff(b"Hello, world. This is prose, with commas.\n")
    assert JsonlReader().sniff(b'{"text": "a"}\n{"text": "b"}\n')
    assert not JsonlReader().sniff(b'{\n  "text": "a"\n}\n')
    assert JsonReader().sniff(b'[{"text": "a"}]')
