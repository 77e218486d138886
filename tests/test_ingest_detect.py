"""read_paths: choosing readers, gzip, directories, stdin, encodings and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storyweave.ingest import read_paths
from storyweave.ingest.detect import extension
from storyweave.models import ItemError, RawDocument, SkippedItem

DATA = Path(__file__).parent / "data" / "ingest"
HTML = b"<!doctype html><html lang='en'><head><title>T</title></head><body><p>Body</p></body></html>"
JSONL = b'{"id": "1", "text": "one"}\n{"id": "2", "text": "two"}\n'


def write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def summary(items: list[RawDocument | ItemError]) -> list[tuple[str, str, int | None]]:
    return [
        (item.source, item.format, item.line)
        if isinstance(item, RawDocument)
        else (item.source, "error", item.line)
        for item in items
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.jsonl.gz", ".jsonl"),
        ("A.WARC.GZ", ".warc"),
        ("x.html", ".html"),
        ("noext", ""),
        ("x.gz", ""),
        (".hidden", ""),
    ],
)
def test_extension_looks_through_gz(name: str, expected: str) -> None:
    assert extension(name) == expected


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.jsonl.gz", JSONL, "jsonl"),
        ("a.html.gz", HTML, "html"),
        ("a.txt.gz", "Café au lait".encode(), "text"),
        ("a.csv.gz", b"title,text\nT,B\n", "csv"),
        ("a.json.gz", b'[{"text": "x"}]', "json"),
        ("a.rss.gz", (DATA / "feed.rss").read_bytes(), "feed"),
        ("a.gz", JSONL, "jsonl"),  # no inner extension: sniffed after decompressing
        ("a.jsonl", gzip.compress(JSONL), "jsonl"),  # gzip recognised by its magic bytes, whatever the name
    ],
)
def test_gzip_anywhere(tmp_path: Path, name: str, content: bytes, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if content[:2] == b"\x1f\x8b" else gzip.compress(content))
    items = list(read_paths([str(path)]))
    assert items and all(isinstance(item, RawDocument) and item.format == fmt for item in items)
    assert all(item.source == str(path) for item in items)


def test_gzipped_text_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt.gz", gzip.compress("Café au lait".encode()))
    [doc] = read_paths([str(path)])
    assert isinstance(doc, RawDocument) and doc.text == "Café au lait"


def test_truncated_gzip_keeps_what_was_read_and_reports_the_truncation(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"text": f"article {i} " + "x" * 200}).encode() + b"\n" for i in range(2000))
    packed = gzip.compress(lines)
    path = write(tmp_path / "a.jsonl.gz", packed[: len(packed) // 2])
    after = write(tmp_path / "b.txt", b"next file")
    items = list(read_paths([str(path), str(after)]))
    *docs, error, nxt = items
    assert len(docs) > 100 and all(isinstance(doc, RawDocument) for doc in docs)
    assert [doc.line for doc in docs] == list(range(1, len(docs) + 1))  # no half line read as malformed
    assert isinstance(error, ItemError) and error.source == str(path)
    assert error.reason == "truncated gzip: the compressed data ends early"
    assert isinstance(nxt, RawDocument) and nxt.text == "next file"


def test_truncated_gzip_inside_the_header(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt.gz", gzip.compress(b"hello world" * 100)[:12])
    [error] = read_paths([str(path)])
    assert isinstance(error, ItemError) and error.reason.startswith("truncated gzip: ")


def test_corrupt_gzip(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(b"hello world " * 500))
    packed[20:40] = b"\xff" * 20
    path = write(tmp_path / "a.txt.gz", bytes(packed))
    [error] = read_paths([str(path)])
    assert isinstance(error, ItemError) and error.reason.startswith(("corrupt gzip: ", "truncated gzip: "))
    assert "Traceback" not in error.reason


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", b"b")
    write(root / "a" / "z.txt", b"az")
    write(root / "a" / "y" / "deep.md", b"deep")
    write(root / "c.jsonl", JSONL)
    write(root / ".hidden.txt", b"hidden")
    write(root / ".git" / "x.txt", b"hidden dir")
    write(root / "sub" / ".secret" / "x.txt", b"hidden")
    items = list(read_paths([str(root)]))
    assert summary(items) == [
        (os.path.join(str(root), "a", "y", "deep.md"), "text", None),
        (os.path.join(str(root), "a", "z.txt"), "text", None),
        (os.path.join(str(root), "b.txt"), "text", None),
        (os.path.join(str(root), "c.jsonl"), "jsonl", 1),
        (os.path.join(str(root), "c.jsonl"), "jsonl", 2),
    ]


def test_directory_sources_keep_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "in" / "x.txt", b"x")
    monkeypatch.chdir(tmp_path)
    [doc] = read_paths(["in"])
    assert isinstance(doc, RawDocument) and doc.source == os.path.join("in", "x.txt")


def test_symlink_cycle_ends(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "x.txt", b"x")
    (root / "loop").symlink_to(root, target_is_directory=True)
    assert [item.source for item in read_paths([str(root)])] == [str(root / "x.txt")]


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (JSONL, "jsonl"),
        (b'[\n {"text": "a"}\n]\n', "json"),
        (b'{\n  "text": "pretty printed"\n}\n', "json"),
        (HTML, "html"),
        (b"\xef\xbb\xbf  \n<html><body>x</body></html>", "html"),
        ((DATA / "feed.atom").read_bytes(), "feed"),
        (b"id,title,text\n1,T,B\n", "csv"),
        (b"Just some words, and a comma.\nAnother line.", "text"),
    ],
)
def test_sniffing_without_extension(tmp_path: Path, content: bytes, fmt: str) -> None:
    path = write(tmp_path / "noext", content)
    items = list(read_paths([str(path)]))
    assert items and all(isinstance(item, RawDocument) and item.format == fmt for item in items), items


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "export.dat", JSONL)
    assert [item.format for item in read_paths([str(path)]) if isinstance(item, RawDocument)] == [
        "jsonl",
        "jsonl",
    ]


def test_stdin(tmp_path: Path) -> None:
    items = list(read_paths(["-"], stdin=io.BytesIO(JSONL)))
    assert summary(items) == [("-", "jsonl", 1), ("-", "jsonl", 2)]
    assert [item.source_id for item in items if isinstance(item, RawDocument)] == ["1", "2"]


def test_gzipped_stdin_that_cannot_seek() -> None:
    class Pipe(io.RawIOBase):  # a stream without seek, like a real pipe
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            chunk = self._data.read(min(len(buffer), 7))  # short reads, as pipes give
            buffer[: len(chunk)] = chunk
            return len(chunk)

    stream = Pipe(gzip.compress(HTML))
    assert not stream.seekable()
    [doc] = read_paths(["-"], stdin=stream)  # type: ignore[list-item]
    assert isinstance(doc, RawDocument) and doc.format == "html" and doc.html == HTML.decode()


def test_cp1252_text_is_decoded() -> None:
    [doc] = read_paths([str(DATA / "cp1252.txt")])
    assert isinstance(doc, RawDocument)
    assert doc.text == "Le café était très “bon”, dit-il — naïve résumé.\n"


def test_cp1252_lines_in_jsonl_and_csv(tmp_path: Path) -> None:
    jsonl = '{"text": "Café “quoted” — naïve"}\n{"text": "plain ascii"}\n{"text": "très élevé"}\n'
    csv = 'title,text\nÉté,"Le café était très “bon”"\n'
    docs = list(
        read_paths(
            [
                str(write(tmp_path / "a.jsonl", jsonl.encode("cp1252"))),
                str(write(tmp_path / "a.csv", csv.encode("cp1252"))),
            ]
        )
    )
    assert [doc.text for doc in docs if isinstance(doc, RawDocument)] == [
        "Café “quoted” — naïve",
        "plain ascii",
        "très élevé",
        "Le café était très “bon”",
    ]
    assert isinstance(docs[3], RawDocument) and docs[3].title == "Été"


def test_utf8_bom_on_jsonl_and_csv(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", b'\xef\xbb\xbf{"text": "x"}\n')
    b = write(tmp_path / "b.csv", b"\xef\xbb\xbftext,title\nx,T\n")
    docs = list(read_paths([str(a), str(b)]))
    assert [(doc.text, doc.title) for doc in docs if isinstance(doc, RawDocument)] == [
        ("x", None),
        ("x", "T"),
    ]


# bad inputs: one ItemError each, and the next file is still read ---------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.txt", PNG, "binary file, not text"),  # the name says text: a broken article, not an image
        ("random.jsonl", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary file, not text"),
        ("controls.html", b"<html>" + b"\x01\x02\x03\x04\x05\x06" * 50, "binary file, not text"),
        ("empty.txt", b"", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("blank.csv", b"  \n\n \t\n", "empty file"),
        ("empty.txt.gz", gzip.compress(b""), "empty file"),
        ("noext-empty", b"", "empty file"),
        ("high.txt", bytes(range(128, 256)) * 10, "undecodable text: not utf-8 and no other encoding fits"),
    ],
)
def test_bad_inputs_are_item_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "zz-good.txt", b"fine")
    items = list(read_paths([str(bad), str(good)]))
    assert items[0] == ItemError(str(bad), reason)
    assert str(items[0]) == f"{bad}: {reason}"
    assert len(items) == 2 and isinstance(items[1], RawDocument) and items[1].text == "fine"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("image.png", PNG, "image"),  # by name
        ("noext", PNG, "image"),  # the name says nothing: by magic bytes
        ("page.bin", b"%PDF-1.7\n" + bytes(range(256)), "pdf or office document"),
        ("noext.gz", gzip.compress(b"\xff\xd8\xff\xe0" + bytes(300)), "image"),  # magic seen through gzip
        ("blob", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary file of unknown kind"),
        ("store.jsonl", b"SQLite format 3\x00" + bytes(100), "sqlite database"),  # whatever the name
        ("crawl.log", b"GET /a 200\n", "log file"),
        ("crawl.log.1", b"GET /a 200\n", "log file"),
        ("pages.tar.gz", gzip.compress(b"x" * 600), "archive of a kind not read (only .gz is)"),
        ("notes.txt~", b"text", "editor or os junk"),
    ],
)
def test_inputs_that_are_not_articles_are_skipped(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    other = write(tmp_path / name, content)
    good = write(tmp_path / "zz-good.txt", b"fine")
    items = list(read_paths([str(other), str(good)]))
    assert items[0] == SkippedItem(str(other), reason)
    assert str(items[0]) == f"{other}: skipped: {reason}"
    assert len(items) == 2 and isinstance(items[1], RawDocument) and items[1].text == "fine"


def test_input_with_no_articles_is_skipped_not_silent(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", b"[]")
    assert list(read_paths([str(path)])) == [SkippedItem(str(path), "no articles in this json input")]


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    good = write(tmp_path / "ok.txt", b"fine")
    items = list(read_paths([missing, str(good)]))
    assert items[0] == ItemError(missing, "no such file or directory")
    assert isinstance(items[1], RawDocument)


def test_nul_bytes_at_the_start_make_a_jsonl_file_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "a"}\n\xff\x00\xfe\x00\n{"text": "b"}\n')
    assert list(read_paths([str(path)])) == [ItemError(str(path), "binary file, not text")]


def test_binary_line_later_in_jsonl_is_one_item_error(tmp_path: Path) -> None:
    good = b'{"text": "' + b"x" * 1000 + b'"}\n'
    path = write(tmp_path / "a.jsonl", good * 100 + b"\xff\x00\xfe\x00\n" + good)
    items = list(read_paths([str(path)]))
    assert items[100] == ItemError(str(path), "binary file, not text", 101)
    assert [item.line for item in items] == list(range(1, 103))


def test_reasons_are_short_and_lower_case(tmp_path: Path) -> None:
    inputs = [
        write(tmp_path / "a.png", PNG),
        write(tmp_path / "b.txt", b""),
        str(tmp_path / "missing"),
        write(tmp_path / "c.jsonl", b"{bad\n[1]\n"),
        write(tmp_path / "d.csv", b"a,b\n1,2\n"),
        write(tmp_path / "e.gz", gzip.compress(b"abc" * 1000)[:30]),
        write(tmp_path / "f.rss", b"<rss><chan"),
        write(tmp_path / "g.warc", b"WARC/1.0\r\ngarbage"),
        write(tmp_path / "h.json", b"[1, {"),
    ]
    errors = [item for item in read_paths([str(path) for path in inputs]) if isinstance(item, ItemError)]
    assert len(errors) == 10  # h.json: item 1 is not an object, then the array breaks off
    for error in errors:
        assert error.reason[:1].islower() and len(error.reason) < 120, error
        assert "Traceback" not in error.reason and "\n" not in error.reason


def test_mixed_directory_of_every_format(tmp_path: Path) -> None:
    from test_ingest_warc import make_warc

    root = tmp_path / "corpus"
    write(root / "01.txt", "Café".encode("cp1252"))
    write(root / "02.html.gz", gzip.compress(HTML))
    write(root / "03.jsonl", JSONL)
    write(root / "04.json", b'[{"text": "j"}]')
    write(root / "05.csv", b"text\nc\n")
    write(root / "06.atom", (DATA / "feed.atom").read_bytes())
    write(root / "07.warc.gz", make_warc(compress=True))
    write(root / "08", b'{"text": "sniffed"}\n')
    write(root / "09.png", PNG)
    items = list(read_paths([root]))  # a Path works too
    formats = [item.format if isinstance(item, RawDocument) else item.reason for item in items]
    assert isinstance(items[-1], SkippedItem)
    assert formats == [
        "text",
        "html",
        "jsonl",
        "jsonl",
        "json",
        "csv",
        "feed",
        "feed",
        "warc",
        "warc",
        "warc",
        "jsonl",
        "image",
    ]
    assert isinstance(items[0], RawDocument) and items[0].text == "Café"
