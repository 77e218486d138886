"""`storyweave explain`: why an article is (or is not) in a story, every part of the decision shown."""

import json

from test_identity_cli import BRIDGE, FIRE

from storyweave.cli import app


def _setup(runner, tmp_path):
    db = str(tmp_path / "x.db")
    rows = [
        {"id": "b1", "title": "Springfield bridge closed", "text": BRIDGE, "date": "2021-05-03"},
        {
            "id": "b2",
            "title": "Springfield bridge shut after cracks",
            "date": "2021-05-03",
            "text": "Springfield's old bridge stayed closed on Tuesday after engineers found deep cracks in its piers; "
            "the council said drivers face a long detour through the industrial district for months.",
        },
        {
            "id": "b3",
            "title": "Bridge closed",
            "text": BRIDGE.replace("Monday", "Sunday"),
            "date": "2021-05-03",
        },
        {"id": "f1", "title": "Warehouse fire in Shelbyville", "text": FIRE, "date": "2021-05-04"},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert runner.invoke(app, ["--db", db, "ingest", str(path)]).exit_code == 0
    stories = {
        json.loads(line)["source_id"]: json.loads(line)["story_id"]
        for line in runner.invoke(app, ["--db", db, "articles", "--json"]).stdout.splitlines()
    }
    return db, stories


def test_explain_shows_every_part_of_the_decision(runner, tmp_path):
    db, stories = _setup(runner, tmp_path)
    result = runner.invoke(app, ["--db", db, "explain", "b2", "--json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["story_id"] == stories["b2"] and obj["decision"] == stories["b2"] and obj["threshold"] == 0
    best = obj["candidates"][0]
    assert best["story_id"] == stories["b2"] and best["score"] > 0
    assert set(best["contributions"]) >= {"bias", "dense", "terms", "anchors", "time", "size"}
    assert abs(sum(best["contributions"].values()) - best["score"]) < 1e-3
    assert best["shared_anchors"] and best["size"] == 1  # scored without the article itself
    text = runner.invoke(app, ["--db", db, "explain", "b2"]).stdout
    assert (
        f"decision now: joins {stories['b2']}" in text
        and "shared anchors:" in text
        and "dense cosine" in text
    )
    copy = json.loads(runner.invoke(app, ["--db", db, "explain", "b3", "--json"]).stdout)
    assert copy["copy_of"] and copy["story_id"] == stories["b1"]  # a copy follows its original


def test_explain_against_another_story_and_unknown_ids(runner, tmp_path):
    db, stories = _setup(runner, tmp_path)
    obj = json.loads(runner.invoke(app, ["--db", db, "explain", "f1", stories["b1"], "--json"]).stdout)
    assert obj["asked"] == stories["b1"] and obj["story_id"] == stories["f1"]
    asked = [c for c in obj["candidates"] if c["story_id"] == stories["b1"]]
    assert asked and asked[0]["score"] <= 0  # why it is not in the bridge story
    assert obj["decision"] is None  # alone in its story: without it, it would open a story of its own
    missing = runner.invoke(app, ["--db", db, "explain", "nope"])
    assert missing.exit_code == 1 and "no article" in missing.stderr
    assert runner.invoke(app, ["--db", db, "explain", "f1", "s-nope"]).exit_code == 1


def test_explain_in_a_store_of_more_stories_than_memory_holds(runner, tmp_path, monkeypatch):
    db, stories = _setup(runner, tmp_path)
    monkeypatch.setenv(
        "STORYWEAVE_MAX_ACTIVE_STORIES", "1"
    )  # only stories near the article's time are restored
    obj = json.loads(runner.invoke(app, ["--db", db, "explain", "b2", "--json"]).stdout)
    assert obj["decision"] == stories["b2"] and obj["candidates"][0]["story_id"] == stories["b2"]
