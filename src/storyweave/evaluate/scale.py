"""`storyweave bench-scale`: does the cost per article stay flat as the store grows?

A labelled corpus is split in stream order: the first half is ingested once (full pipeline) and then
replicated inside the store with shifted dates (each copy a corpus time span plus a year further back, with its own ids, content
hashes, LSH bands, embeddings and story states) until the store holds N articles; the second half is then
ingested into each store in a fresh process, which reports articles/s and its peak memory.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from storyweave.config import Settings
from storyweave.evaluate.harness import corpus_documents, load_corpus, peak_rss_mb
from storyweave.evaluate.metrics import stream_order

_YEAR = 365.25 * 86400


def _replicate(db: Path, target: int) -> int:
    """Copy the stored articles into the past until the store holds ``target``; copies never overlap in time.

    SQL on the SQLite file, not the Store interface: a copy needs the columns the interface does not read back
    (content hash, signature, LSH bands, identity, raw hash, story state blobs), and the benchmark copies store
    files anyway. ``removed`` holds each line with its reason, so the reasons come along with it."""
    con = sqlite3.connect(db, isolation_level=None)
    base = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    low, high = con.execute("SELECT min(published_ts), max(published_ts) FROM articles").fetchone()
    step = (high - low if low is not None else 0.0) + _YEAR
    copies = max(0, -(-target // base) - 1)
    for k in range(1, copies + 1):
        s = f"r{k}"
        shift = k * step
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO articles (id, source_id, content_hash, title, text, lang, published, published_ts, outlet,"
            " authors, url, duplicate_of, removed, extra, story_id, signature, ingested, identity, raw_hash,"
            " outlet_name)"
            " SELECT id || ?1, source_id || '#' || ?1, content_hash || ?1, title, text, lang,"
            " CASE WHEN published_ts IS NULL THEN NULL ELSE datetime(published_ts - ?2, 'unixepoch') END,"
            " published_ts - ?2, outlet, authors, url,"
            " CASE WHEN duplicate_of IS NULL THEN NULL ELSE duplicate_of || ?1 END, removed, extra,"
            " story_id || ?1, signature, ingested, identity || '#' || ?1, raw_hash || ?1, outlet_name"
            " FROM articles WHERE instr(id, 'r') = 0",
            (s, shift),
        )
        con.execute(
            "INSERT INTO dup_bands (band, article_id) SELECT (band + ?2 * 1000003) % 72057594037927936, article_id || ?1"
            " FROM dup_bands WHERE instr(article_id, 'r') = 0",
            (s, k),
        )
        con.execute(
            "INSERT INTO embeddings (article_id, model, vector) SELECT article_id || ?1, model, vector"
            " FROM embeddings WHERE instr(article_id, 'r') = 0",
            (s,),
        )
        con.execute(
            "INSERT INTO stories (id, state, blob, last_ts) SELECT id || ?1,"
            " json_set(state, '$.id', id || ?1,"
            "  '$.first', json_extract(state, '$.first') - ?2, '$.last', json_extract(state, '$.last') - ?2,"
            "  '$.touched', json_extract(state, '$.touched') - ?2),"
            " blob, last_ts - ?2 FROM stories WHERE instr(id, 'r') = 0",
            (s, shift),
        )
        con.execute("COMMIT")
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    return int(n)


def probe(db: str, corpus: str, settings: Settings) -> dict[str, Any]:
    """Ingest the second half of ``corpus`` into ``db`` (run in its own process)."""
    from dataclasses import replace

    from storyweave.engine import Storyweave

    rows = stream_order(load_corpus(corpus))
    half = rows[len(rows) // 2 :]
    with Storyweave(settings=replace(settings, db=db)) as sw:
        stored_before = sw.store.count_articles()
        sw.pipeline.warm_up()
        started = time.perf_counter()
        report = sw.ingest_documents(corpus_documents(half, corpus))
        elapsed = time.perf_counter() - started
    return {
        "stored_before": stored_before,
        "articles": len(half),
        "stored": report.stored,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(half) / elapsed, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def build_store(corpus: str, size: int, workdir: Path, settings: Settings | None = None, echo=print) -> Path:
    """``workdir/store-SIZE.db``: the first half of ``corpus`` ingested (once, into ``workdir/base.db``) and
    replicated to ``size`` articles; an existing one is reused."""
    from dataclasses import replace

    from storyweave.engine import Storyweave

    base = workdir / "base.db"
    if not base.exists():
        echo(f"building the base store from the first half of {corpus}")
        rows = stream_order(load_corpus(corpus))
        with Storyweave(settings=replace(settings or Settings(), db=str(base))) as sw:
            sw.ingest_documents(corpus_documents(rows[: len(rows) // 2], corpus))
    db = workdir / f"store-{size}.db"
    if not db.exists():
        echo(f"replicating to {size} articles")
        shutil.copy(base, db)
        _replicate(db, size)
    return db


def run_scale(corpus: str, sizes: list[int], workdir: str | None = None, echo=print) -> dict[str, Any]:
    tmp = Path(workdir or tempfile.mkdtemp(prefix="storyweave-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"corpus": corpus, "runs": []}
    for size in sizes:
        db = build_store(corpus, size, tmp, echo=echo)
        echo(f"probing with {size} stored")
        trial = tmp / f"probe-{size}.db"  # the probe writes; the replicated store stays reusable
        shutil.copy(db, trial)
        try:
            proc = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import json,sys; from storyweave.evaluate.scale import probe;"
                    " from storyweave.config import Settings;"
                    " print(json.dumps(probe(sys.argv[1], sys.argv[2], Settings())))",
                    str(trial),
                    corpus,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            for leftover in (trial, Path(f"{trial}-wal"), Path(f"{trial}-shm")):
                leftover.unlink(missing_ok=True)
        run = json.loads(proc.stdout.strip().splitlines()[-1])
        run["db_mb"] = round(db.stat().st_size / 2**20, 1)
        echo(json.dumps(run))
        results["runs"].append(run)
    if len(results["runs"]) >= 2:
        first, last = results["runs"][0], results["runs"][-1]
        results["throughput_ratio"] = round(last["articles_per_second"] / first["articles_per_second"], 3)
    return results
