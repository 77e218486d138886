"""Three articles on one event (two languages, one without title or date) form one story, in an empty store and
in a store that already holds thousands of unrelated articles: decisions do not depend on unrelated articles."""

import json
import os
from pathlib import Path

import pytest

from storyweave.cli import app

SEED = Path(__file__).resolve().parent / "data" / "seed"
FILES = [SEED / "broadcaster.json", SEED / "agency.json", SEED / "french.txt"]
UNRELATED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gva-longtail" / "articles.jsonl"


def _seed_stories(runner, db):
    result = runner.invoke(app, ["--db", db, "ingest", "--json", *map(str, FILES)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 3
    rows = [
        json.loads(line)
        for line in runner.invoke(app, ["--db", db, "articles", "--json"]).stdout.splitlines()
    ]
    seeds = [a for a in rows if a["source_id"].startswith("seed-") or a["source_id"].endswith("french.txt")]
    assert len(seeds) == 3
    return {a["story_id"] for a in seeds}


@pytest.fixture
def real_runner(runner, monkeypatch):
    monkeypatch.setenv(
        "STORYWEAVE_EMBEDDER", "use"
    )  # the multilingual encoder: the hashing one has no languages
    return runner


def test_seed_articles_form_one_story_in_an_empty_store(real_runner, tmp_path):
    assert len(_seed_stories(real_runner, str(tmp_path / "empty.db"))) == 1


@pytest.mark.slow
@pytest.mark.skipif(not UNRELATED.exists(), reason="needs ../shared/corpora/gva-longtail")
def test_seed_articles_form_one_story_after_thousands_of_unrelated_ones(real_runner, tmp_path):
    db = str(tmp_path / "full.db")
    unrelated = tmp_path / "unrelated.jsonl"
    with UNRELATED.open() as src, unrelated.open("w") as out:
        for _, line in zip(range(int(os.environ.get("SEED_UNRELATED", "5000"))), src, strict=False):
            row = json.loads(line)
            out.write(
                json.dumps({k: row[k] for k in ("id", "title", "text", "date", "url") if k in row}) + "\n"
            )
    result = real_runner.invoke(app, ["--db", db, "ingest", str(unrelated)])
    assert result.exit_code == 0, result.output
    assert len(_seed_stories(real_runner, db)) == 1
