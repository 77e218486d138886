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


def largest_stories(
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    times: Mapping[str, float | None] | None = None,
    k: int = 5,
) -> list[dict[str, Any]]:
    """The ``k`` largest predicted stories (ties broken by story id), each as ``size``; ``purity``, the share of
    its members that carry its most common gold label; ``gold_stories``, how many gold labels its members carry;
    and ``span_days``, from its first to its last member's time in ``times`` (Unix seconds; None when no member
    has one). A story that chains unrelated events shows up here as low purity over a long span."""
    items = _common(gold, pred)
    members: dict[str, list[str]] = {}
    for i in items:
        members.setdefault(pred[i], []).append(i)
    largest = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:k]
    out = []
    for _, ids in largest:
        labels = Counter(gold[i] for i in ids)
        stamps = [t for t in (times.get(i) for i in ids) if t is not None] if times is not None else []
        out.append(
            {
                "size": len(ids),
                "purity": labels.most_common(1)[0][1] / len(ids),
                "gold_stories": len(labels),
                "span_days": (max(stamps) - min(stamps)) / 86400.0 if stamps else None,
            }
        )
    return out


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
