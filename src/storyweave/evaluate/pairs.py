"""`storyweave eval-pairs`: the system's similarity of article pairs against graded human judgements
(SemEval-2022 Task 8 format: ``pair_id, lang1, lang2, text1, text2, ..., Overall`` with 1 = very similar,
4 = very dissimilar). Reports Pearson r of the similarity against ``-Overall``, overall and per language pair.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from storyweave.config import Settings
from storyweave.errors import InputError, StoryweaveError
from storyweave.evaluate.metrics import pearson
from storyweave.models import RawDocument


def load_pairs(path: str | Path) -> list[dict[str, str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        needed = {"text1", "text2", "Overall"}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise StoryweaveError(
                f"{path}: missing column(s) {', '.join(sorted(missing))}; need {sorted(needed)}"
            )
        return list(reader)


def pair_features(
    path: str | Path, rows: list[dict[str, str]], embedder: Any
) -> tuple[list[dict[str, str]], list[Any], Any]:
    """The ``rows`` (from ``load_pairs(path)``) whose two texts survive cleaning, their ``Features`` (two per
    row, in order) and an ``OnlineClusterer`` that has observed all of them (so it weighs terms by the
    collection's IDF)."""
    from storyweave.clean import Cleaner
    from storyweave.cluster.online import OnlineClusterer
    from storyweave.cluster.represent import Representer
    from storyweave.models import Article

    cleaner = Cleaner()
    representer = Representer(embedder)
    scorer = OnlineClusterer()
    articles: list[Article] = []
    keep: list[dict[str, str]] = []
    for number, row in enumerate(rows, 2):
        pair = []
        for side in ("1", "2"):
            raw = RawDocument(source=str(path), format="csv", line=number, text=row[f"text{side}"] or "")
            try:
                result = cleaner.clean(raw)
            except InputError:
                break
            pair.append(
                Article(
                    id=f"{number}-{side}",
                    source_id=f"{number}-{side}",
                    title=result.title,
                    text=result.text,
                    lang=result.lang,
                    published=None,
                    outlet=None,
                )
            )
        if len(pair) == 2:
            articles.extend(pair)
            keep.append(row)
    features = representer.features(articles)
    for f in features:  # learn the term and anchor weights of the collection, as ingesting it would
        scorer.observe_one(f)
    scorer.freeze()
    return keep, features, scorer


def evaluate_pairs(path: str | Path, settings: Settings = Settings()) -> dict[str, Any]:
    from storyweave.embed.factory import make_embedder

    started = time.perf_counter()
    rows = load_pairs(path)
    keep, features, scorer = pair_features(path, rows, make_embedder(settings))
    sims = [scorer.pair_similarity(features[2 * i], features[2 * i + 1]) for i in range(len(keep))]
    gold = [-float(r["Overall"]) for r in keep]
    by_pair: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for row, sim, g in zip(keep, sims, gold, strict=True):
        key = f"{row.get('lang1', '?')}-{row.get('lang2', '?')}"
        by_pair[key][0].append(sim)
        by_pair[key][1].append(g)
    return {
        "pairs": str(path),
        "n": len(keep),
        "skipped": len(rows) - len(keep),
        "pearson": round(pearson(sims, gold), 4),
        "by_lang_pair": {
            k: {"n": len(v[0]), "pearson": round(pearson(v[0], v[1]), 4) if len(v[0]) > 2 else None}
            for k, v in sorted(by_pair.items())
        },
        "seconds": round(time.perf_counter() - started, 2),
    }
