"""`storyweave eval-anatomy CORPUS`: the per-article analysers (and quote linking) scored against gold.

A corpus is JSON Lines. Rows with ``text`` and gold ``quotes`` / ``figures`` / ``citations`` (the layout of the
shared polnear, quotes-de-wikinews and newsquant corpora: see their CARD.md) score the analysers whose gold is
present (a field that is null in every row is not annotated); rows with ``group_id`` and ``quotes`` (the quotekg
layout: the same quotation in several languages per group) score quote linking across languages. The metrics are
those of issue 9; each scorer's module says how it matches.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyweave.config import Settings
from storyweave.errors import StoryweaveError


def _rows(corpus: str) -> list[dict[str, Any]]:
    path = Path(corpus)
    if not path.exists():
        raise StoryweaveError(f"{corpus}: no such file")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise StoryweaveError(f"{corpus}:{number}: not JSON: {exc}") from exc
    if not rows:
        raise StoryweaveError(f"{corpus}: no rows")
    return rows


def _annotated(rows: Sequence[dict[str, Any]], field: str) -> bool:
    return any(isinstance(r.get(field), list) for r in rows)


def score_links(rows: Sequence[dict[str, Any]], encode) -> dict[str, Any]:
    """Quote linking on quotekg-style groups: every quote becomes a one-quote article in its language, the
    story's quote groups are built as for a real story (per speaker), and the predicted same-group pairs are
    compared with the gold ones (pairwise precision, recall, F1)."""
    from storyweave.analyze.anatomy import quote_groups
    from storyweave.models import Article

    by_speaker: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for row in rows:
        for q in row.get("quotes") or []:
            by_speaker.setdefault(row.get("speaker") or "", []).append((row["group_id"], q))
    tp = fp = fn = 0
    for speaker, quotes in by_speaker.items():
        articles, analyses, gold_of = [], {}, {}
        for k, (group, q) in enumerate(quotes):
            aid = f"q{k}"
            articles.append(
                Article(
                    id=aid,
                    source_id=aid,
                    title=None,
                    text=q["text"],
                    lang=q["lang"],
                    published=None,
                    outlet=None,
                )
            )
            analyses[aid] = {
                "quotes": [{"text": q["text"], "start": 0, "end": len(q["text"]), "speaker": speaker}]
            }
            gold_of[aid] = group
        predicted: set[tuple[str, str]] = set()
        for g in quote_groups(articles, analyses, encode):
            ids = sorted({v["article_id"] for v in g["variants"]})
            predicted.update(itertools.combinations(ids, 2))
        gold = {(a, b) for a, b in itertools.combinations(sorted(gold_of), 2) if gold_of[a] == gold_of[b]}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pairs_gold": tp + fn,
        "pairs_predicted": tp + fp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def evaluate_anatomy(corpus: str, settings: Settings) -> dict[str, Any]:
    from storyweave.analyze.registry import make_analysers

    rows = _rows(corpus)
    result: dict[str, Any] = {"corpus": corpus, "rows": len(rows)}
    started = time.perf_counter()
    if "group_id" in rows[0]:
        from storyweave.embed.factory import make_embedder

        embedder = make_embedder(settings)
        result["quote_links"] = score_links(rows, lambda texts: embedder.embed(texts))
    else:
        analysers = {a.name: a for a in make_analysers("all")}
        if _annotated(rows, "quotes"):
            from storyweave.evaluate.anatomy_quotes import score_quotes

            result["quotes"] = score_quotes(rows, analysers["quotes"])
        if _annotated(rows, "figures"):
            from storyweave.evaluate.anatomy_figures import score_figures

            result["figures"] = score_figures(rows, analysers["figures"])
        if _annotated(rows, "citations"):
            from storyweave.evaluate.anatomy_citations import score_citations

            result["citations"] = score_citations(rows, analysers["citations"])
    if len(result) == 2:
        raise StoryweaveError(f"{corpus}: no gold quotes, figures, citations or quote groups in its rows")
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
