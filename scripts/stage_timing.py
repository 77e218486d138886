"""Where an ingest spends its time, per stage, in the main process (wall-clock seconds and ms per article).

    PYTHONPATH=src python scripts/stage_timing.py                         # gva-longtail into a fresh store
    PYTHONPATH=src python scripts/stage_timing.py --db COPY_OF_STORE.db --half   # second half into a big store

"wait worker" is time the main process waited for the embedding worker; "write" runs in the writing thread
when a worker runs (so it overlaps the other stages) and in the main process otherwise.
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

import storyweave.pipeline as pipeline
import storyweave.store.sqlite as sqlite
import storyweave.workers as workers
from storyweave.config import Settings
from storyweave.engine import Storyweave
from storyweave.evaluate.harness import corpus_documents, load_corpus
from storyweave.evaluate.metrics import stream_order

SPENT: dict[str, float] = collections.defaultdict(float)


def timed(owner: type, name: str, label: str) -> None:
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="../shared/corpora/gva-longtail/articles.jsonl")
    parser.add_argument("--db", help="an existing store to ingest into (use a copy: it is written)")
    parser.add_argument("--half", action="store_true", help="ingest only the second half of the corpus")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    timed(pipeline.Pipeline, "_clean", "clean")
    timed(pipeline.Pipeline, "_deduplicate", "dedup")
    timed(pipeline.Pipeline, "_cluster", "describe + cluster")
    timed(workers.EmbedWorker, "result", "wait worker")
    timed(sqlite.SQLiteStore, "write_batch", "write")
    rows = stream_order(load_corpus(args.corpus))
    if args.half:
        rows = rows[len(rows) // 2 :]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "stages.db")
        with Storyweave(settings=Settings(db=db, workers=args.workers)) as sw:
            sw.pipeline.warm_up()
            SPENT.clear()
            started = time.perf_counter()
            sw.ingest_documents(corpus_documents(rows, args.corpus))
            elapsed = time.perf_counter() - started
    print(f"{len(rows)} articles in {elapsed:.1f} s: {len(rows) / elapsed:.1f} articles/s")
    for label, seconds in SPENT.items():
        print(f"  {label:20s} {seconds:6.2f} s  {1000 * seconds / len(rows):.2f} ms/article")


if __name__ == "__main__":
    main()
