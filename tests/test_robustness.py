"""Bad input and a killed process never cost stored data, and ingesting again completes the job."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")
WORDS = (
    "river storm council vote market bridge fire school hospital police minister court harbour strike "
    "factory budget election flood drought rescue border treaty festival museum airport railway"
).split()


def _article(i: int, rng: random.Random) -> dict:
    sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6)]
    return {
        "id": f"a{i}",
        "title": f"Report {i} on {rng.choice(WORDS)}",
        "text": "\n".join(sentences),
        "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
    }


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYWEAVE_")}
    env.update({"PYTHONPATH": SRC, "STORYWEAVE_EMBEDDER": "hashing", **extra})
    return env


def _ingest(db, *paths, **env):
    return subprocess.run(
        [sys.executable, "-m", "storyweave", "--db", str(db), "ingest", "--json", *map(str, paths)],
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=600,
    )


def _check_consistent(db) -> int:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    # every stored article was clustered in the same transaction that stored it
    assert con.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    orphans = con.execute(
        "SELECT count(*) FROM articles a WHERE a.duplicate_of IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM stories s WHERE s.id = a.story_id)"
    ).fetchone()[0]
    assert orphans == 0
    con.close()
    return n


def _ingest_until_stored(tmp_path, name, seed, total, **popen):
    """Start ``storyweave ingest`` (batches of 100) on ``total`` generated articles in a child process and return
    (input, store, process) once at least 300 are stored, the process still running."""
    rng = random.Random(seed)
    src = tmp_path / f"{name}.jsonl"
    src.write_text("".join(json.dumps(_article(i, rng)) + "\n" for i in range(total)))
    db = tmp_path / f"{name}.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyweave", "--db", str(db), "ingest", str(src)],
        env=_env(STORYWEAVE_BATCH_SIZE="100", STORYWEAVE_WORKERS="1"),
        **popen,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            continue
        if stored >= 300:
            break
    assert proc.poll() is None, "ingest finished before it could be stopped; make the input larger"
    return src, db, proc


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_reingest_completes(tmp_path):
    total = 4000
    src, db, proc = _ingest_until_stored(
        tmp_path, "kill", 7, total, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = _check_consistent(db)
    assert 0 < before < total
    assert before % 100 == 0  # whole batches only
    result = _ingest(db, src)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["unchanged"] == before
    assert report["stored"] == total - before
    assert _check_consistent(db) == total


@pytest.mark.slow
def test_ctrl_c_mid_ingest_says_so_and_leaves_whole_batches(tmp_path):
    total = 4000
    src, db, proc = _ingest_until_stored(
        tmp_path, "int", 11, total, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    before = _check_consistent(db)
    assert 0 < before < total and before % 100 == 0
    result = _ingest(db, src)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["unchanged"] == before
    assert _check_consistent(db) == total


def test_bad_inputs_each_reported_rest_stored(tmp_path):
    good = {
        "id": "ok1",
        "title": "Floods hit Kerala",
        "date": "2018-08-16",
        "text": "Heavy rain caused floods across Kerala on Monday, officials said, and thousands of people "
        "were moved to relief camps as rivers rose.",
    }
    (tmp_path / "good.jsonl").write_text(json.dumps(good) + "\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "broken.jsonl").write_text(
        json.dumps({**good, "id": "ok2", "text": good["text"] + " More."}) + "\n{oops\n"
    )
    (tmp_path / "nothing.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    import gzip

    rng = random.Random(3)
    lines = [
        json.dumps(
            {
                **good,
                "id": "gz1",
                "text": "Another story entirely about a bridge collapse in Genoa "
                "that killed dozens of drivers on a motorway.",
            }
        )
    ]
    lines += [json.dumps(_article(i, rng)) for i in range(300)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(blob[: len(blob) * 2 // 3])
    latin = (
        "Le séisme a frappé la région à l’aube, a déclaré le préfet, et les secours sont arrivés très vite."
    )
    (tmp_path / "latin1.txt").write_bytes(("Séisme dans les Alpes\n" + latin + "\n").encode("cp1252"))
    db = tmp_path.parent / f"{tmp_path.name}-bad.db"
    result = _ingest(db, tmp_path, tmp_path / "missing.jsonl")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    errors = "\n".join(report["errors"])
    assert f"{tmp_path / 'empty.txt'}: empty file" in errors
    assert f"{tmp_path / 'image.png'}" not in errors  # not an article: skipped, not failed
    assert report["skipped_reasons"] == {"image": 1}
    assert f"{tmp_path / 'broken.jsonl'}:2: malformed json" in errors
    assert f"{tmp_path / 'nothing.html'}" in errors
    assert f"{tmp_path / 'cut.jsonl.gz'}" in errors and "truncated gzip" in errors
    assert f"{tmp_path / 'missing.jsonl'}: no such file" in errors
    # every error line is also on stderr, in path[:line]: reason form
    for line in report["errors"]:
        assert line in result.stderr
    con = sqlite3.connect(db)
    stored = dict(con.execute("SELECT source_id, text FROM articles").fetchall())
    assert {"ok1", "ok2", "gz1"} <= set(stored)
    latin_id = next(k for k in stored if k.endswith("latin1.txt"))
    assert latin in stored[latin_id]
    _check_consistent(db)
