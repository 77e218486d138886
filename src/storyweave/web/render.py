"""What the pages draw, computed on the server: an article's text cut into marked segments, the coordinates of a
story's timeline and of a citation graph, and the outlet x language grid. Nothing here builds HTML: the templates
write every string through the template engine's escaping."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from storyweave.timeutil import parse_iso


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "quote", "figure" or "citation"
    label: str


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # the kinds of span covering it (empty: plain text)
    label: str  # what the spans covering it are, for a tooltip


def _as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def spans_of(found: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """The spans of an article's quotes, figures and citations (those with offsets)."""
    spans: list[Span] = []
    for q in found.get("quotes", []):
        who = q.get("speaker") or "unknown speaker"
        spans.append(Span(q.get("start"), q.get("end"), "quote", f"quote ({q.get('type') or '?'}): {who}"))  # type: ignore[arg-type]
    for f in found.get("figures", []):
        value = f.get("value")
        shown = f"{value:g}" if isinstance(value, (int, float)) else str(value)
        what = " ".join(str(x) for x in (shown, f.get("unit") or "", f.get("what") or "") if x)
        spans.append(Span(f.get("start"), f.get("end"), "figure", f"figure: {what}"))  # type: ignore[arg-type]
    for c in found.get("citations", []):
        spans.append(Span(c.get("start"), c.get("end"), "citation", f"cites {c.get('outlet') or '?'}"))  # type: ignore[arg-type]
    return spans


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows which spans cover it. Offsets out of range or
    reversed are dropped, overlapping spans nest."""
    valid = []
    for s in spans:
        start, end = _as_int(s.start), _as_int(s.end)
        if start is None or end is None:
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            valid.append(Span(start, end, s.kind, s.label))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s.start <= a and s.end >= b]
        kinds = tuple(sorted({s.kind for s in covering}))
        out.append(Segment(text[a:b], kinds, "; ".join(s.label for s in covering)))
    return out


def coverage_grid(groups: list[dict[str, Any]]) -> dict[str, Any]:
    """Outlets x languages: how many of the story's articles each outlet published in each language."""
    counts: Counter[tuple[str, str]] = Counter()
    names: dict[str, str | None] = {}
    for g in groups:
        counts[(g["outlet"], g["lang"])] += len(g["articles"])
        names.setdefault(g["outlet"], g.get("outlet_name"))
    outlets = sorted(names, key=lambda o: (-sum(n for (x, _), n in counts.items() if x == o), o))
    langs = sorted({lang for _, lang in counts})
    rows = [
        {"outlet": o, "name": names[o], "cells": [counts.get((o, lang), 0) for lang in langs]}
        for o in outlets
    ]
    return {"langs": langs, "rows": rows}


TIMELINE_WIDTH = 720
ROW = 26
LEFT = 150


def timeline_chart(timeline: list[dict[str, Any]], titles: dict[str, str | None]) -> dict[str, Any] | None:
    """Articles over time by outlet: one row per outlet, one dot per dated article."""
    dated = [(t, parse_iso(t.get("published"))) for t in timeline]
    points = [(t, when.timestamp()) for t, when in dated if when is not None]
    if not points:
        return None
    outlets: list[str] = []
    for t, _ in points:
        name = t.get("outlet") or "(unknown outlet)"
        if name not in outlets:
            outlets.append(name)
    first, last = min(ts for _, ts in points), max(ts for _, ts in points)
    span = max(last - first, 3600.0)
    plot = TIMELINE_WIDTH - LEFT - 20
    dots = []
    for t, ts in points:
        row = outlets.index(t.get("outlet") or "(unknown outlet)")
        dots.append(
            {
                "x": round(LEFT + (ts - first) / span * plot, 1),
                "y": row * ROW + ROW // 2 + 4,
                "article_id": t["article_id"],
                "label": f"{(t.get('published') or '')[:16]} {t.get('outlet') or '?'} [{t.get('lang') or '?'}]: "
                f"{titles.get(t['article_id']) or '(no title)'}",
            }
        )
    height = len(outlets) * ROW + 30
    return {
        "width": TIMELINE_WIDTH,
        "height": height,
        "left": LEFT,
        "rows": [{"outlet": o, "y": i * ROW + ROW // 2 + 8} for i, o in enumerate(outlets)],
        "dots": dots,
        "axis_y": height - 14,
        "start": (points[0][0].get("published") or "")[:10] if points else "",
        "first": _day(first),
        "last": _day(last),
        "right": TIMELINE_WIDTH - 20,
    }


def _day(ts: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")


GRAPH_SIZE = 560


def citation_graph(edges: list[dict[str, Any]], max_nodes: int = 40) -> dict[str, Any] | None:
    """Who cites whom, laid out on a circle: nodes are outlets, each edge an arrow from the citing outlet to the
    cited one, thicker for more articles. ``edges`` carry ``from_outlet``, ``to_outlet`` and optionally
    ``articles`` (a count, 1 when absent)."""
    weight: Counter[tuple[str, str]] = Counter()
    for e in edges:
        weight[(e.get("from_outlet") or "(unknown)", e.get("to_outlet") or "?")] += int(
            e.get("articles") or 1
        )
    if not weight:
        return None
    degree: Counter[str] = Counter()
    for (a, b), n in weight.items():
        degree[a] += n
        degree[b] += n
    names = [n for n, _ in sorted(degree.items(), key=lambda item: (-item[1], item[0]))[:max_nodes]]
    centre, radius = GRAPH_SIZE / 2, GRAPH_SIZE / 2 - 110
    where: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / len(names) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        where[name] = (x, y)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        lx, ly = centre + (radius + 14) * math.cos(angle), centre + (radius + 14) * math.sin(angle)
        nodes.append(
            {
                "name": name,
                "label": name if len(name) <= 18 else name[:17] + "…",
                "x": round(x, 1),
                "y": round(y, 1),
                "lx": round(lx, 1),
                "ly": round(ly + 4, 1),
                "anchor": anchor,
                "r": round(5 + 2 * math.log1p(degree[name]), 1),
            }
        )
    top = max(weight.values())
    lines = []
    for (a, b), n in sorted(weight.items(), key=lambda item: (-item[1], item[0])):
        if a not in where or b not in where or a == b:
            continue
        (x1, y1), (x2, y2) = where[a], where[b]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        shorten = 12.0  # stop the arrow at the node's edge
        lines.append(
            {
                "from": a,
                "to": b,
                "articles": n,
                "x1": round(x1, 1),
                "y1": round(y1, 1),
                "x2": round(x2 - (x2 - x1) / length * shorten, 1),
                "y2": round(y2 - (y2 - y1) / length * shorten, 1),
                "width": round(1 + 3 * n / top, 1),
            }
        )
    return {"size": GRAPH_SIZE, "nodes": nodes, "edges": lines}
