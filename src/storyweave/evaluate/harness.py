"""`storyweave eval`: ingest a labelled corpus into a fresh temporary store, in stream order, and score
the stories it makes against the gold labels. Part of the product: users run it on their own gold data.

Corpus format (one JSON object a line): ``id``, ``story`` (gold label), ``title``, ``text``, ``date``,
``outlet``, ``url``; ``lang`` is used only to score language detection, never given to the pipeline.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyweave.cluster.config import ClusterConfig
from storyweave.config import Settings
from storyweave.errors import StoryweaveError
from storyweave.evaluate.metrics import bcubed, largest_stories, pairwise, stream_order
from storyweave.models import RawDocument
from storyweave.timeutil import to_timestamp

_GOLD_FIELDS = {"story", "lang"}


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise StoryweaveError(f"{path}:{number}: malformed JSON: {exc.msg}") from exc
            if not isinstance(row, dict) or "id" not in row or "story" not in row:
                raise StoryweaveError(f"{path}:{number}: each line needs at least 'id' and 'story'")
            rows.append(row)
    return rows


def corpus_documents(rows: Sequence[Mapping[str, Any]], source: str) -> Iterator[RawDocument]:
    """RawDocuments in stream order, with the gold fields held back."""
    for number, row in enumerate(stream_order(rows), 1):
        authors = row.get("authors") or ()
        yield RawDocument(
            source=source,
            format="jsonl",
            line=number,
            source_id=str(row["id"]),
            title=row.get("title"),
            text=row.get("text") or "",
            date=row.get("date"),
            outlet=row.get("outlet"),
            url=row.get("url"),
            authors=tuple(authors) if isinstance(authors, list) else (),
        )


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus the largest finished child (the embedding worker): an upper
    bound of what the two held at once."""
    peak = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def embedding_speed(path: str | Path, settings: Settings = Settings()) -> dict[str, Any]:
    """The embedding step alone: clean the corpus (not timed), then time the embedder on exactly the texts the
    pipeline embeds (title + lead), in ingest-sized batches, in this process with ``settings.threads``."""
    from storyweave.clean import Cleaner
    from storyweave.cluster.represent import Representer
    from storyweave.embed.factory import make_embedder
    from storyweave.errors import InputError

    rows = load_corpus(path)
    cleaner = Cleaner()
    texts = []
    representer = Representer(make_embedder(settings))
    for raw in corpus_documents(rows, str(path)):
        try:
            result = cleaner.clean(raw)
        except InputError:
            continue
        texts.append(representer.dense_text(result))
    embedder = representer.embedder
    embedder.embed(["warm up"])
    started = time.perf_counter()
    for start in range(0, len(texts), settings.batch_size):
        embedder.embed(texts[start : start + settings.batch_size])
    elapsed = time.perf_counter() - started
    return {
        "corpus": str(path),
        "articles": len(texts),
        "embedder": embedder.name,
        "threads": settings.threads,
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1) if texts else 0,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(texts) / elapsed, 1) if elapsed else None,
    }


def _added(a: Any, b: Any) -> Any:
    """Two ingest reports as one."""
    return replace(
        a,
        read=a.read + b.read,
        stored=a.stored + b.stored,
        duplicates=a.duplicates + b.duplicates,
        failed=a.failed + b.failed,
        errors=a.errors + b.errors,
    )


def evaluate_corpus(
    path: str | Path,
    settings: Settings = Settings(),
    cluster: bool = True,
    first_run: tuple[str, frozenset[str]] | None = None,
    cluster_config: ClusterConfig | None = None,
) -> dict[str, Any]:
    """Ingest ``path`` into a fresh store and score it; returns the metrics as a dict. ``first_run``: (field,
    values): the rows whose field holds one of the values are ingested by one process-like session first, the
    others by a second one on the same store (stories must span runs as they span one run)."""
    from storyweave.engine import Storyweave

    rows = load_corpus(path)
    gold = {str(r["id"]): str(r["story"]) for r in rows}
    gold_lang = {str(r["id"]): r.get("lang") for r in rows}
    runs = [rows]
    if first_run is not None:
        field, values = first_run
        runs = [
            [r for r in rows if str(r.get(field)) in values],
            [r for r in rows if str(r.get(field)) not in values],
        ]
    with tempfile.TemporaryDirectory(prefix="storyweave-eval-") as tmp:
        run_settings = replace(settings, db=str(Path(tmp) / "eval.db"))
        elapsed = 0.0
        report: Any = None
        for (
            run_rows
        ) in runs:  # each run a fresh engine on the same store, as separate ingest commands would be
            with Storyweave(settings=run_settings, cluster=cluster, cluster_config=cluster_config) as sw:
                if cluster:
                    sw.pipeline.warm_up()
                started = time.perf_counter()
                part = sw.ingest_documents(corpus_documents(run_rows, str(path)))
                elapsed += time.perf_counter() - started
                report = part if report is None else _added(report, part)
                stored = list(sw.articles())
    pred = {a.source_id: a.story_id or a.id for a in stored}
    detected = {a.source_id: a.lang for a in stored}
    result: dict[str, Any] = {
        "corpus": str(path),
        "articles": len(rows),
        "stored": report.stored,
        "failed": report.failed,
        "duplicates": report.duplicates,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(rows) / elapsed, 1) if elapsed else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "stories_gold": len(set(gold.values())),
    }
    scored = {k: v for k, v in gold_lang.items() if v and k in detected}
    if scored:
        correct = sum(1 for k, v in scored.items() if detected[k] == v)
        result["language_accuracy"] = round(correct / len(scored), 4)
    if cluster:
        # failed articles count as singletons so that a failure can never raise a score
        full_pred = {k: pred.get(k, "failed:" + k) for k in gold}
        bp, br, bf = bcubed(gold, full_pred)
        pp, pr, pf = pairwise(gold, full_pred)
        result.update(
            {
                "bcubed_precision": round(bp, 4),
                "bcubed_recall": round(br, 4),
                "bcubed_f1": round(bf, 4),
                "pairwise_precision": round(pp, 4),
                "pairwise_recall": round(pr, 4),
                "pairwise_f1": round(pf, 4),
                "stories_pred": len(set(full_pred.values())),
            }
        )
        # the stories a user sorting by size opens first: a story chaining unrelated events is impure and long
        times = {str(r["id"]): to_timestamp(r.get("date")) for r in rows}
        result["largest_stories"] = [
            {
                **s,
                "purity": round(s["purity"], 4),
                "span_days": None if s["span_days"] is None else round(s["span_days"], 1),
            }
            for s in largest_stories(gold, full_pred, times)
        ]
    if report.errors:
        result["errors"] = report.errors[:20]
    return result
