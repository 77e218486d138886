"""Two ingests into one store at once: both complete, nothing lost, nothing stored twice."""

import json
import random
import sqlite3
import subprocess
import sys

from test_robustness import _article, _env


def _start(db, *paths):
    return subprocess.Popen(
        [sys.executable, "-m", "storyweave", "--db", str(db), "ingest", "--json", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(STORYWEAVE_BATCH_SIZE="50"),
    )


def test_two_ingests_at_once_into_a_new_store(tmp_path):
    rng = random.Random(3)
    rows = [_article(i, rng) for i in range(600)]
    shared = tmp_path / "shared.jsonl"
    shared.write_text("".join(json.dumps(r) + "\n" for r in rows[:400]))
    own = tmp_path / "own.jsonl"
    own.write_text("".join(json.dumps(r) + "\n" for r in rows[400:]))
    db = tmp_path / "both.db"  # does not exist yet: both create and migrate it
    procs = [_start(db, shared), _start(db, shared, own)]
    outputs = []
    try:
        for proc in procs:
            outputs.append(proc.communicate(timeout=600))
    finally:
        for proc in procs:  # never leave a child (or its pipes) behind for a later test to trip over
            if proc.poll() is None:
                proc.kill()
            proc.communicate()
    reports = []
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert reports[0]["read"] == 400 and reports[1]["read"] == 600
    assert all(r["failed"] == 0 for r in reports)
    # every item was stored by exactly one of the two; the other counted it as unchanged
    assert reports[0]["stored"] + reports[1]["stored"] == 600
    assert reports[0]["stored"] + reports[0]["unchanged"] == 400
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*), count(DISTINCT source_id) FROM articles").fetchone() == (600, 600)
    assert con.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    con.close()
