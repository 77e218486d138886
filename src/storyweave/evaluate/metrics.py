"""Clustering and pair-similarity metrics, and the corpora's stream order."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _common(gold: Mapping[str, str], pred: Mapping[str, str]) -> list[str]:
    missing = [k for k in gold if k not in pred]
    if missing:
        raise ValueError(f"{len(missing)} items have a gold label but no prediction, e.g. {missing[0]!r}")
    return list(gold)


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 over the items of ``gold`` (every one must be in ``pred``).

    Computed from the contingency table: item i in gold g and predicted p has precision |g∩p|/|p| and
    recall |g∩p|/|g|; the scores are their means over items.
    """
    items = _common(gold, pred)
    if not items:
        return 0.0, 0.0, 0.0
    cells = Counter((gold[i], pred[i]) for i in items)
    gsize = Counter(gold[i] for i in items)
    psize = Counter(pred[i] for i in items)
    p = sum(n * n / psize[pc] for (_, pc), n in cells.items()) / len(items)
    r = sum(n * n / gsize[gc] for (gc, _), n in cells.items()) / len(items)
    return _prf(p, r)


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over same-cluster item pairs, from contingency counts (no pair enumeration)."""
    items = _common(gold, pred)

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    both = pairs(Counter((gold[i], pred[i]) for i in items).values())
    in_pred = pairs(Counter(pred[i] for i in items).values())
    in_gold = pairs(Counter(gold[i] for i in items).values())
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return _prf(p, r)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation; 0.0 when either side is constant."""
    n = len(xs)
    if n != len(ys):
        raise ValueError(f"pearson needs equal lengths, got {n} and {len(ys)}")
    if n < 2:
        return 0.0
    mx = sum(xs) / n
    my = sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def stream_order(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows sorted by ``date`` (missing dates last), then by ``id``: the evaluation stream order."""
    return sorted(rows, key=lambda r: (r.get("date") is None, r.get("date") or "", str(r.get("id"))))
