"""`ingest` on real scrape folders: what is not an article is skipped (with a reason), not failed; --include/--exclude."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from storyweave.cli import app

ARTICLE = (
    "Floods hit Kerala\n\nHeavy rain caused floods across Kerala on Monday, officials said, and thousands of "
    "people were moved to relief camps as rivers rose above their banks for the first time in decades.\n"
)
OTHER = (
    "Bridge collapses in Genoa\n\nA motorway bridge collapsed in Genoa during a storm, killing dozens of drivers, "
    "and rescuers searched the rubble through the night while the city mourned.\n"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
STORE = "the store's own file"


def _write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _scrape(root: Path) -> Path:
    _write(root / "article.txt", ARTICLE)
    _write(root / "photo.jpg", JPEG)
    _write(root / "logo.png", PNG)
    _write(root / "scan", JPEG)  # no extension: known by its magic bytes
    _write(root / "crawl.log", "2024-05-01 12:00:00 GET https://news.example/a 200\n" * 20)
    _write(root / "pages.zip", ZIP)
    _write(root / "notes.pdf", PDF)
    _write(root / "raw" / "other.txt", OTHER)  # left out by --exclude raw
    return root


def _articles(runner, db: Path) -> list[dict]:
    result = runner.invoke(app, ["--db", str(db), "articles", "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_scrape_folder_with_the_store_inside_exits_0_and_skips_what_is_not_an_article(
    runner, tmp_path: Path
) -> None:
    root = _scrape(tmp_path / "scrape")
    db = root / "store.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--json", "--exclude", "raw", str(root)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    store_files = sum(1 for line in report["skips"] if line.startswith(f"{db}") and line.endswith(STORE))
    assert store_files == 3  # store.db, store.db-shm, store.db-wal: by resolved path
    assert report["skipped_reasons"] == {
        "image": 3,
        "log file": 1,
        "archive of a kind not read (only .gz is)": 1,
        "pdf or office document": 1,
        STORE: 3,
    }
    assert (report["read"], report["stored"], report["skipped"], report["failed"]) == (10, 1, 9, 0)
    assert report["read"] == sum(
        report[key] for key in ("stored", "updated", "unchanged", "skipped", "failed")
    )  # every item counted once
    assert report["errors"] == []
    assert f"{root / 'crawl.log'}: skipped: log file" in report["skips"]
    assert f"{root / 'scan'}: skipped: image" in report["skips"]
    assert {
        "read",
        "stored",
        "duplicates",
        "updated",
        "unchanged",
        "failed",
        "skipped",
        "skipped_reasons",
        "skips",
        "merges",
        "errors",
        "warnings",
    } <= set(report)
    [article] = _articles(runner, db)
    assert article["source_id"].endswith(
        "article.txt"
    )  # neither the log, the store nor raw/ became an article


def test_text_summary_counts_skipped_and_groups_reasons(runner, tmp_path: Path) -> None:
    root = _scrape(tmp_path / "scrape")
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--exclude", "raw/", str(root)])
    assert result.exit_code == 0, result.output
    assert "stored 1  duplicate 0  updated 0  unchanged 0  skipped 6  failed 0" in result.stdout
    assert "skipped 3: image\n" in result.stderr
    assert "skipped 1: log file\n" in result.stderr
    assert str(root) not in result.stderr  # no per-file lines without --verbose
    verbose = runner.invoke(
        app, ["--db", str(tmp_path / "v.db"), "ingest", "-v", "--exclude", "raw", str(root)]
    )
    assert verbose.exit_code == 0, verbose.output
    assert f"{root / 'photo.jpg'}: skipped: image\n" in verbose.stderr


def test_include_and_exclude_filter_folders_but_named_files_are_always_read(runner, tmp_path: Path) -> None:
    root = _scrape(tmp_path / "scrape")
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--json", "--include", "*.txt", str(root)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["read"], report["stored"], report["skipped"]) == (2, 2, 0)  # article.txt and raw/other.txt

    db2 = tmp_path / "store2.db"
    named = root / "raw" / "other.txt"
    args = [
        "--db",
        str(db2),
        "ingest",
        "--json",
        "--include",
        "raw/*",
        "--exclude",
        "*.txt",
        str(root),
        str(named),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["read"], report["stored"]) == (1, 1)  # the folder gives nothing; the named file is read
    assert [a["source_id"] for a in _articles(runner, db2)][0].endswith("other.txt")


def test_empty_and_truncated_archives_say_why(runner, tmp_path: Path) -> None:
    from test_ingest_warc import make_warc

    root = tmp_path / "archives"
    warc = make_warc(compress=True)
    _write(root / "empty.gz", b"")
    _write(root / "empty-inside.warc.gz", gzip.compress(b""))
    _write(root / "cut.warc.gz", warc[:10])
    _write(
        root / "no-pages.warc.gz",
        gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"),
    )
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", "--json", str(root)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["read"], report["stored"], report["failed"], report["skipped"]) == (4, 0, 3, 1)
    assert sorted(report["errors"]) == [
        f"{root / 'cut.warc.gz'}: truncated gzip: the compressed data ends early",
        f"{root / 'empty-inside.warc.gz'}: empty file",
        f"{root / 'empty.gz'}: empty file",
    ]
    assert report["skips"] == [f"{root / 'no-pages.warc.gz'}: skipped: no articles in this warc input"]


def test_filters_that_leave_a_folder_empty_are_warned_about(runner, tmp_path: Path) -> None:
    root = _scrape(tmp_path / "scrape")
    db = tmp_path / "store.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--include", "*.html", str(root)])
    assert result.exit_code == 0, result.output
    assert f"warning: {root}: --include *.html left no file to read in this folder" in result.stderr
    result = runner.invoke(app, ["--db", str(db), "ingest", "--include", "*.txt", str(root)])
    assert "left no file" not in result.stderr
