"""The feature worker process: same results as computing in-process, survives its own death, never re-runs the
caller's script, and speaks only length-prefixed JSON/bytes frames."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storyweave import Storyweave
from storyweave.config import Settings
from storyweave.errors import StoryweaveError
from storyweave.pipeline import article_id_for
from storyweave.workers import EmbedWorker, WorkerError, read_frame, write_frame

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SRC = Path(__file__).resolve().parent.parent / "src"


def _ingest(tmp_path, name, workers, paths, batch_size=16, factory=None):
    settings = Settings(
        db=str(tmp_path / f"{name}.db"), embedder="hashing", workers=workers, batch_size=batch_size
    )
    with Storyweave(settings=settings) as sw:
        if factory is not None:
            sw.pipeline._worker_factory = factory
        report = sw.ingest(paths)
        rows = {a.source_id: (a.story_id, a.duplicate_of, a.title, a.lang) for a in sw.articles()}
        stories = sorted((s.id, s.size) for s in sw.stories())
    return report, rows, stories


def test_worker_gives_the_same_stories_as_in_process(tmp_path):
    paths = [str(SAMPLES / "meantime"), str(SAMPLES / "ecbplus")]
    plain = _ingest(tmp_path, "plain", 0, paths)
    worker = _ingest(tmp_path, "worker", 1, paths)
    assert plain[0].stored == worker[0].stored > 60
    assert plain[1] == worker[1]
    assert plain[2] == worker[2]
    assert (
        len(plain[2]) < plain[0].stored
    )  # something was clustered together, so the comparison means something


def _analyses(tmp_path, name, workers):
    settings = Settings(db=str(tmp_path / f"{name}.db"), embedder="hashing", workers=workers, batch_size=16)
    with Storyweave(settings=settings) as sw:
        sw.ingest([str(SAMPLES / "meantime")])
        by_source = {a.id: a.source_id for a in sw.articles()}
        return {by_source[i]: found for i, found in sw.analyses(list(by_source)).items()}


def test_the_worker_runs_the_analysers_and_finds_what_this_process_finds(tmp_path, monkeypatch):
    from storyweave.analyze.runner import AnalysisRunner

    in_process = _analyses(tmp_path, "plain", 0)

    def not_here(self, article, only=None):
        raise AssertionError("analysed in the ingesting process although a worker runs")

    monkeypatch.setattr(AnalysisRunner, "run", not_here)  # the worker process is not patched
    in_worker = _analyses(tmp_path, "worker", 1)
    assert in_process == in_worker
    assert sum(len(found["quotes"]) for found in in_worker.values()) > 20  # the comparison means something
    assert sum(len(found["figures"]) for found in in_worker.values()) > 20


def test_a_worker_that_dies_mid_ingest_is_replaced_by_in_process_features(tmp_path):
    paths = [str(SAMPLES / "meantime")]

    class DyingWorker(EmbedWorker):  # killed while batch 2 is on its way
        def result(self, ticket):
            if ticket == 2:
                self._process.kill()
                self._process.wait()
            return super().result(ticket)

    settings = Settings(embedder="hashing")
    plain = _ingest(tmp_path, "plain", 0, paths)
    dying = _ingest(tmp_path, "dying", 1, paths, factory=lambda: DyingWorker(settings))
    assert dying[0].stored == plain[0].stored and dying[0].failed == 0
    assert dying[1] == plain[1]


def test_the_same_source_id_in_adjacent_batches_is_stored_once(tmp_path):
    row = {
        "id": "same",
        "title": "Flood in the valley",
        "text": "The river rose two metres overnight in the valley.",
    }
    other = [
        {"id": f"o{i}", "title": f"Item {i}", "text": f"Unrelated note number {i} about gardening."}
        for i in range(5)
    ]
    path = tmp_path / "dup.jsonl"
    # batch size 4: "same" ends batch one and starts batch two, which is cleaned before batch one is written
    lines = other[:3] + [row, row] + other[3:]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    report, rows, _ = _ingest(tmp_path, "adjacent", 1, [str(path)], batch_size=4)
    assert report.stored == 6 and report.unchanged == 1
    assert set(rows) == {"same", "o0", "o1", "o2", "o3", "o4"}


def test_worker_reports_a_bad_batch_and_keeps_serving():
    from storyweave.embed.hashing import HashingEmbedder

    worker = EmbedWorker(Settings(embedder="hashing"))
    try:
        worker._send(b"this is not json")
        worker._sent += 1
        with pytest.raises(WorkerError, match="failed on a batch"):
            worker.result(0)
        texts = ["Quake hits Aleppo", "Flood in Porto Alegre", ""]
        vectors = worker.result(worker.submit(texts))
        assert vectors.shape == (3, 256) and vectors.dtype == np.float32
        assert np.array_equal(
            vectors, HashingEmbedder().embed(texts)
        )  # bit for bit what the parent would get
        assert worker.result(worker.submit([])).shape[0] == 0
    finally:
        worker.close()
    assert not worker.alive


def test_a_script_without_a_main_guard_runs_once(tmp_path):
    # multiprocessing's spawn would import the caller's __main__ again in the child; the worker must not
    script = tmp_path / "script.py"
    script.write_text(
        "from storyweave import Storyweave\n"
        "from storyweave.config import Settings\n"
        f"s = Settings(db={str(tmp_path / 's.db')!r}, embedder='hashing', workers=1)\n"
        "with Storyweave(settings=s) as sw:\n"
        f"    r = sw.ingest([{str(SAMPLES / 'meantime')!r}])\n"
        "print('RAN', r.stored)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("RAN") == 1


def test_frames_round_trip_and_a_cut_frame_is_eof():
    buf = io.BytesIO()
    write_frame(buf, b"hello")
    write_frame(buf, b"")
    data = buf.getvalue()
    src = io.BytesIO(data)
    assert read_frame(src) == b"hello" and read_frame(src) == b""
    with pytest.raises(EOFError):
        read_frame(io.BytesIO(data[:7]))


def test_workers_setting_is_validated():
    with pytest.raises(StoryweaveError, match="workers"):
        Settings().merged({"workers": 3})


def test_copies_of_the_batch_being_committed_are_recognised(tmp_path, monkeypatch):
    # batch size 4: the original ends batch one, which is still being committed (in the writing thread) when
    # batch two, holding an exact and a near copy, is deduplicated; the copies must still find it and its story
    original = (
        "Flood waters rose two metres overnight in the river valley, forcing four hundred families from "
        "their homes, the regional fire service said on Sunday. Rescue boats searched the lower streets "
        "of the town until dawn, and the army sent two helicopters to reach villages cut off by water."
    )
    rows = [
        {"id": f"u{i}", "title": f"Note {i}", "text": f"Unrelated note number {i} about gardening and bees."}
        for i in range(3)
    ]
    rows.append({"id": "orig", "title": "Flood in the valley", "text": original})
    rows.append({"id": "exact", "title": "Flood in the valley", "text": original})
    rows.append({"id": "near", "title": "Valley flood", "text": original.replace("Sunday", "Sunday morning")})
    rows += [
        {"id": f"v{i}", "title": f"Item {i}", "text": f"Another unrelated item {i} on chess openings."}
        for i in range(3)
    ]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    plain = _ingest(tmp_path, "plain", 0, [str(path)], batch_size=4)
    import threading
    import time

    from storyweave.store.sqlite import SQLiteStore

    commit = SQLiteStore.write_batch

    def slow_commit(
        self, batch
    ):  # a large store: the commit is still running when the next batch is deduplicated
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.5)
        commit(self, batch)

    monkeypatch.setattr(SQLiteStore, "write_batch", slow_commit)
    threaded = _ingest(tmp_path, "threaded", 1, [str(path)], batch_size=4)
    assert plain[1] == threaded[1]
    got = threaded[1]
    orig_id = article_id_for("orig")
    assert got["exact"][1] == orig_id and got["near"][1] == orig_id  # duplicate_of
    assert got["exact"][0] == got["near"][0] == got["orig"][0]  # the same story
    assert threaded[0].duplicates == 2


def test_an_ingest_that_fails_midway_leaves_the_next_one_in_step(tmp_path):
    rows = [
        {"id": f"r{i}", "title": f"Story {i}", "text": f"Report number {i} about the harbour bridge repairs."}
        for i in range(12)
    ]

    def items(fail_at=None):
        from storyweave.models import RawDocument

        for i, row in enumerate(rows):
            if i == fail_at:
                raise RuntimeError("the source broke")
            yield RawDocument(
                source="t.jsonl",
                format="jsonl",
                line=i + 1,
                source_id=row["id"],
                title=row["title"],
                text=row["text"],
            )

    settings = Settings(db=str(tmp_path / "f.db"), embedder="hashing", workers=1, batch_size=4)
    with Storyweave(settings=settings) as sw:
        with pytest.raises(RuntimeError, match="the source broke"):
            sw.ingest_documents(items(fail_at=10))  # batch 2 was sent to the worker and never collected
        first = {a.source_id for a in sw.articles()}
        assert first == {f"r{i}" for i in range(4)}  # whole batches only
        report = sw.ingest_documents(items())
        assert report.stored == 8 and report.unchanged == 4 and report.failed == 0
        assert {a.source_id for a in sw.articles()} == {f"r{i}" for i in range(12)}
        assert all(a.story_id for a in sw.articles())
