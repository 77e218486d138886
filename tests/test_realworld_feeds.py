"""Regression corpus of feeds, dumps and archives (tests/realworld/feeds, see tests/realworld/README.md): real article
text in synthetic wrappers, ingested through the CLI, with the stored articles checked against expectations."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from storyweave.cli import app

HERE = Path(__file__).parent / "realworld" / "feeds"
CASES = sorted(p.name.removesuffix(".expect.json") for p in HERE.glob("*.expect.json"))
REDISTRIBUTABLE = {"meantime", "ecbplus"}


def spec_of(name: str) -> dict:
    return json.loads((HERE / f"{name}.expect.json").read_text(encoding="utf-8"))


def input_of(name: str) -> Path:
    [path] = [p for p in HERE.glob(f"{name}.*") if not p.name.endswith(".expect.json")]
    return path


def _json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_corpus_covers_every_kind_and_the_text_may_be_redistributed() -> None:
    kinds = Counter(input_of(name).suffix for name in CASES)
    assert {".atom", ".rss", ".json", ".jsonl", ".warc"} <= set(kinds), kinds
    langs = {article["lang"] for name in CASES for article in spec_of(name)["expect"]["articles"]}
    assert {"en", "es", "it", "nl"} <= langs
    for name in CASES:
        source = spec_of(name)["source"]
        assert source["corpus"] in REDISTRIBUTABLE, (
            f"{name}: {source['corpus']} texts may not be shipped here"
        )
        assert source.get("id") and source.get("licence") and source.get("wrapper"), name


@pytest.mark.parametrize("name", CASES)
def test_realworld_feed(name: str, runner, tmp_path: Path) -> None:
    expect = spec_of(name)["expect"]
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["--db", db, "ingest", "--json", str(input_of(name))])
    assert result.exit_code == expect["exit_code"], result.output
    report = json.loads(result.stdout)
    assert (report["stored"], report["failed"]) == (expect["stored"], expect["failed"]), report.get("errors")

    listed = runner.invoke(app, ["--db", db, "articles", "--json"])
    assert listed.exit_code == 0, listed.output
    stored = {article["title"]: article for article in _json_lines(listed.stdout)}
    assert sorted(stored) == sorted(article["title"] for article in expect["articles"])
    for want in expect["articles"]:
        got = stored[want["title"]]
        assert (got["lang"], got["published"], got["authors"]) == (
            want["lang"],
            want["published"],
            want["authors"],
        )
        for sentence in want["keep"]:
            assert sentence in got["text"], f"lost: {sentence[:80]}"
        for fragment in want.get("remove", ()):
            assert fragment not in got["text"], f"kept: {fragment}"

    by_outlet = runner.invoke(app, ["--db", db, "articles", "--outlet", expect["outlet"], "--json"])
    assert by_outlet.exit_code == 0, by_outlet.output
    assert len(_json_lines(by_outlet.stdout)) == len(expect["articles"])
