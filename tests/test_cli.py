"""The CLI through typer's runner: exact exit codes, output and JSON shapes."""

import json
import shutil
from pathlib import Path

import pytest

from storyweave.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ARTICLE_KEYS = {
    "id",
    "source_id",
    "title",
    "text",
    "lang",
    "published",
    "outlet",
    "authors",
    "url",
    "duplicate_of",
    "removed",
}
STORY_KEYS = {
    "id",
    "title",
    "size",
    "languages",
    "outlets",
    "first_published",
    "last_published",
    "article_ids",
}


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def _ingest(runner, db, *paths, extra=()):
    return runner.invoke(app, ["--db", db, "ingest", *extra, *map(str, paths)])


def _lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_ingest_samples_then_again_changes_nothing(runner, db):
    first = _ingest(runner, db, SAMPLES / "meantime", SAMPLES / "ecbplus", extra=["--json"])
    assert first.exit_code == 0, first.output
    report = _lines(first.stdout)[0]
    assert report["read"] == 107 and report["failed"] == 0
    assert report["stored"] == 107
    second = _ingest(runner, db, SAMPLES / "meantime", SAMPLES / "ecbplus", extra=["--json"])
    assert second.exit_code == 0
    again = _lines(second.stdout)[0]
    assert again["stored"] == 0 and again["unchanged"] == 107
    listed = _lines(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)
    assert len(listed) == 107


def test_ingest_reports_bad_items_and_keeps_the_rest(runner, db, tmp_path):
    bad = tmp_path / "feed.jsonl"
    good = {
        "id": "g1",
        "title": "Floods hit Kerala",
        "text": "Heavy rain caused floods across Kerala on Monday, "
        "officials said, and thousands of people were moved to relief camps.",
        "date": "2018-08-16",
    }
    bad.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": "g2"}) + "\n{not json\n")
    result = _ingest(runner, db, bad, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert "stored 2" in result.stdout and "failed 2" in result.stdout
    assert f"{bad}:3:" in result.stderr
    assert f"{tmp_path / 'missing.txt'}:" in result.stderr
    stored = {
        a["source_id"]: a for a in _lines(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)
    }
    assert sorted(stored) == ["g1", "g2"]
    # the same text under another id is stored once more, linked to the first copy, in its story
    assert stored["g2"]["duplicate_of"] == stored["g1"]["id"]
    assert stored["g2"]["story_id"] == stored["g1"]["story_id"]


def test_usage_errors_exit_2(runner, db):
    assert runner.invoke(app, ["--db", db, "ingest"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "articles", "--since", "yesterday-ish"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "frobnicate"]).exit_code == 2


def test_article_json_and_text_views(runner, db):
    assert _ingest(runner, db, SAMPLES / "meantime").exit_code == 0
    listed = _lines(runner.invoke(app, ["--db", db, "articles", "--lang", "es", "--json"]).stdout)
    assert len(listed) == 12 and all(a["lang"] == "es" for a in listed)
    assert ARTICLE_KEYS <= set(listed[0])
    one = runner.invoke(app, ["--db", db, "article", listed[0]["id"], "--json"])
    assert one.exit_code == 0
    obj = json.loads(one.stdout)
    assert ARTICLE_KEYS <= set(obj) and obj["id"] == listed[0]["id"]
    text = runner.invoke(app, ["--db", db, "article", listed[0]["id"]])
    assert text.exit_code == 0 and obj["text"].splitlines()[0] in text.stdout
    missing = runner.invoke(app, ["--db", db, "article", "does-not-exist"])
    assert missing.exit_code == 1 and "no article" in missing.stderr


def test_search_and_date_filters(runner, db):
    assert _ingest(runner, db, SAMPLES / "meantime").exit_code == 0
    found = _lines(runner.invoke(app, ["--db", db, "articles", "--search", "Boeing", "--json"]).stdout)
    assert found and all("boeing" in (a["title"] + a["text"]).lower() for a in found)
    since = _lines(runner.invoke(app, ["--db", db, "articles", "--since", "2010-01-01", "--json"]).stdout)
    assert since and all(a["published"] >= "2010-01-01" for a in since)


def test_stories_and_story(runner, db):
    assert _ingest(runner, db, SAMPLES / "meantime").exit_code == 0
    stories = _lines(runner.invoke(app, ["--db", db, "stories", "--json"]).stdout)
    assert stories and all(STORY_KEYS <= set(s) for s in stories)
    assert sum(s["size"] for s in stories) == 48
    first = stories[0]
    shown = runner.invoke(app, ["--db", db, "story", first["id"], "--json"])
    assert shown.exit_code == 0
    obj = json.loads(shown.stdout)
    assert obj["id"] == first["id"] and sorted(obj["article_ids"]) == sorted(first["article_ids"])
    assert sum(len(g["articles"]) for g in obj["groups"]) == first["size"]
    assert runner.invoke(app, ["--db", db, "story", "nope"]).exit_code == 1


def test_db_from_environment(runner, tmp_path, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("STORYWEAVE_DB", str(path))
    src = tmp_path / "one.txt"
    shutil.copy(SAMPLES / "ecbplus" / "1_10ecbplus.txt", src)
    assert runner.invoke(app, ["ingest", str(src)]).exit_code == 0
    assert path.exists()


def test_read_commands_refuse_a_missing_store_and_ingest_says_it_creates_one(runner, tmp_path):
    missing = str(tmp_path / "typo.db")
    for command in (["articles"], ["stories"], ["article", "x"], ["story", "s"], ["explain", "x"]):
        result = runner.invoke(app, ["--db", missing, *command])
        assert result.exit_code == 2, command
        assert f"no store at {missing}" in result.stderr
    assert not (tmp_path / "typo.db").exists()
    src = tmp_path / "one.txt"
    shutil.copy(SAMPLES / "ecbplus" / "1_10ecbplus.txt", src)
    created = runner.invoke(app, ["--db", missing, "ingest", str(src)])
    assert created.exit_code == 0 and f"created store {missing}" in created.stderr
    again = runner.invoke(app, ["--db", missing, "ingest", str(src)])
    assert "created store" not in again.stderr


def test_a_file_that_is_not_a_store_is_one_line_exit_2(runner, tmp_path):
    import sqlite3

    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database\n" * 100)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.close()
    for path in (text, other):
        for command in (["articles"], ["ingest", str(SAMPLES / "ecbplus" / "1_10ecbplus.txt")]):
            result = runner.invoke(app, ["--db", str(path), *command])
            assert result.exit_code == 2, (path, command)
            lines = result.stderr.strip().splitlines()
            assert (
                len(lines) == 1 and "not a storyweave store" in lines[0] and "Traceback" not in result.output
            )


def test_version(runner):
    from storyweave import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"storyweave {__version__}"
