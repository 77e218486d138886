"""Across runs as in one run: a later run joins the stories of earlier runs, whatever their age."""

import json
from pathlib import Path

from storyweave.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ENGLISH = SAMPLES / "meantime" / "wikinews-en.jsonl"
TRANSLATIONS = SAMPLES / "meantime" / "translations.csv"


def _partition(runner, db):
    rows = [
        json.loads(line)
        for line in runner.invoke(app, ["--db", db, "articles", "--json"]).stdout.splitlines()
    ]
    groups: dict[str, set[str]] = {}
    for a in rows:
        groups.setdefault(a["story_id"], set()).add(a["source_id"])
    return sorted(sorted(g) for g in groups.values())


def test_two_runs_give_the_stories_of_one_run(runner, tmp_path, monkeypatch):
    monkeypatch.setenv(
        "STORYWEAVE_BATCH_SIZE", "12"
    )  # one run then reads the files in the same batches as two
    one = str(tmp_path / "one.db")
    assert runner.invoke(app, ["--db", one, "ingest", str(ENGLISH), str(TRANSLATIONS)]).exit_code == 0
    two = str(tmp_path / "two.db")
    assert runner.invoke(app, ["--db", two, "ingest", str(ENGLISH)]).exit_code == 0
    assert runner.invoke(app, ["--db", two, "ingest", str(TRANSLATIONS)]).exit_code == 0
    in_one = _partition(runner, one)
    assert _partition(runner, two) == in_one
    # the sample's stories span 2005-2011: the translations joined stories years older than the newest one
    assert sum(1 for g in in_one if any(i.startswith("en_") for i in g) and len(g) > 1) >= 6


def _stories(runner, db):
    rows = [
        json.loads(line)
        for line in runner.invoke(app, ["--db", db, "articles", "--json"]).stdout.splitlines()
    ]
    return {a["source_id"]: a["story_id"] for a in rows}


def _recluster(runner, db, since="2000-01-01", until="2030-12-31"):
    result = runner.invoke(app, ["--db", db, "recluster", "--since", since, "--until", until, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_recluster_is_deterministic_and_keeps_story_ids(runner, tmp_path):
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(ENGLISH), str(TRANSLATIONS)]).exit_code == 0
    before = _stories(runner, db)
    first = _recluster(runner, db)
    after_first = _stories(runner, db)
    kept = sum(1 for k in before if after_first[k] == before[k]) / len(before)
    assert kept >= 0.95, first
    assert first["stories_after"] == len(set(after_first.values()))
    second = _recluster(runner, db)
    assert _stories(runner, db) == after_first
    assert (
        second["unchanged"] == second["stories_after"]
        and second["moved_articles"] == 0
        and second["merged"] == 0
    )
    third = _recluster(runner, db)
    assert third == second
    for old in set(before.values()):  # every id ever shown still leads to a story
        shown = runner.invoke(app, ["--db", db, "story", old, "--json"])
        assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] in set(after_first.values())


def test_recluster_of_part_of_the_range_keeps_the_other_stories(runner, tmp_path):
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(ENGLISH), str(TRANSLATIONS)]).exit_code == 0
    before = _stories(runner, db)
    _recluster(runner, db, "2008-01-01", "2008-12-31")
    once = _stories(runner, db)
    _recluster(runner, db, "2008-01-01", "2008-12-31")
    assert _stories(runner, db) == once
    # most keep their story id; some may move, since the range is now scored with every other article already
    # counted in the term statistics, where the first ingest counted them in publish order
    assert sum(1 for k in before if once[k] == before[k]) / len(before) >= 0.9
