"""A story laid open, built from its articles and their stored per-article analyses (issue 9).

``build_anatomy`` is pure: articles and analyses in, one JSON-ready dict out, with the keys the CLI and the REST
API show: ``quotes`` (groups of the same statement across articles and languages), ``figures`` (what outlets
count, flagged where they disagree), ``citations`` (who cites whom), ``framing``, ``summary`` and ``timeline``.
The store caches the result per story (``ANATOMY_VERSION``) and drops it when a batch changes the story.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from storyweave.analyze.framing import entity_labels
from storyweave.analyze.summary import timeline
from storyweave.models import Article

ANATOMY_VERSION = 2
SAME_QUOTE_OVERLAP = (
    0.6  # share of the shorter quote's words found in the other: one statement (same language)
)
SAME_QUOTE_COSINE = 0.6  # quote vectors' cosine: one statement across languages (quotekg: 0.5-0.65 alike)
DIFFERENT_VALUES = 0.01  # relative difference above which two values of the same figure disagree

_WORD = re.compile(r"\w+")
Encoder = Callable[[list[str]], np.ndarray]  # texts -> unit-length row vectors


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def matches(text: str, wanted: str) -> bool:
    """Whether ``wanted`` occurs in ``text``, case and accents ignored."""
    return _norm(wanted).strip() in _norm(text)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(_norm(text)) if len(w) > 2}


def _speaker_key(speaker: str | None) -> str | None:
    """The last word of a name, normalised: "President Bashar al-Assad" and "Assad" agree."""
    if not speaker:
        return None
    words = _WORD.findall(_norm(speaker))
    return words[-1] if words else None


@dataclass
class _Variant:
    article: Article
    quote: dict[str, Any]
    words: set[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.quote["text"],
            "type": self.quote.get("type"),
            "speaker": self.quote.get("speaker"),
            "lang": self.article.lang,
            "article_id": self.article.id,
            "outlet": self.article.outlet,
            "published": self.article.published,
        }


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _speakers_agree(a: _Variant, b: _Variant) -> bool:
    ka, kb = _speaker_key(a.quote.get("speaker")), _speaker_key(b.quote.get("speaker"))
    return ka is None or kb is None or ka == kb


def quote_groups(
    articles: Sequence[Article],
    analyses: dict[str, dict[str, list[dict[str, Any]]]],
    encode: Encoder | None = None,
) -> list[dict[str, Any]]:
    """The same statement quoted by several articles, in one language or several, is one group: word containment
    within a language, sentence-vector cosine across languages (with ``encode``), never two different speakers.
    Groups are listed largest first; variants first appearance first."""
    variants = [
        _Variant(a, q, _words(q["text"]))
        for a in articles
        for q in analyses.get(a.id, {}).get("quotes", [])
        if q.get("text")
    ]
    groups = _Groups(len(variants))
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(variants):
        for w in v.words:
            index[w].append(i)
    for i, v in enumerate(variants):
        shared: Counter[int] = Counter()
        for w in v.words:
            shared.update(j for j in index[w] if j > i)
        for j, n in shared.items():
            other = variants[j]
            if n >= SAME_QUOTE_OVERLAP * min(len(v.words), len(other.words)) and _speakers_agree(v, other):
                groups.join(i, j)
    if encode is not None:
        langs = {v.article.lang for v in variants}
        if len(langs) > 1:
            vectors = encode([v.quote["text"] for v in variants])
            sims = vectors @ vectors.T
            for i, j in zip(*np.nonzero(np.triu(sims >= SAME_QUOTE_COSINE, k=1)), strict=True):
                a, b = variants[int(i)], variants[int(j)]
                if a.article.lang != b.article.lang and _speakers_agree(a, b):
                    groups.join(int(i), int(j))
    members: dict[int, list[_Variant]] = defaultdict(list)
    for i, v in enumerate(variants):
        members[groups.find(i)].append(v)
    out: list[dict[str, Any]] = []
    for group in members.values():
        group.sort(key=lambda v: (v.article.published or "9999", v.article.id, v.quote.get("start", 0)))
        speakers = Counter(v.quote.get("speaker") for v in group if v.quote.get("speaker"))
        out.append(
            {
                "speaker": speakers.most_common(1)[0][0] if speakers else None,
                "articles": len({v.article.id for v in group}),
                "languages": sorted({v.article.lang for v in group if v.article.lang}),
                "variants": [v.to_json() for v in group],
            }
        )
    out.sort(key=lambda g: (-g["articles"], -len(g["variants"]), g["variants"][0]["published"] or "9999"))
    return out


def _what_key(what: str | None, unit: str | None) -> str | None:
    """What a figure counts, for grouping: None when the counted noun is unknown (a unit alone, "USD", says too
    little: $40 billion and $10 billion are usually different things)."""
    if not what:
        return None
    words = _WORD.findall(_norm(what or ""))
    head = words[-1] if words else ""
    if len(head) > 3 and head.endswith("s"):
        head = head[:-1]  # civilians / civilian
    return f"{head}|{unit or ''}"


def figure_groups(
    articles: Sequence[Article], analyses: dict[str, dict[str, list[dict[str, Any]]]]
) -> list[dict[str, Any]]:
    """Figures about the same thing (the counted noun and the unit) across the story's articles; a group where
    outlets give different values is flagged as a disagreement."""
    by_key: dict[str, list[tuple[Article, dict[str, Any]]]] = defaultdict(list)
    for a in articles:
        for f in analyses.get(a.id, {}).get("figures", []):
            key = _what_key(f.get("what"), f.get("unit"))
            if key is not None:
                by_key[key].append((a, f))
    out: list[dict[str, Any]] = []
    for items in by_key.values():
        if len({a.id for a, _ in items}) < 2:
            continue  # one article's figure: nothing to compare
        values = sorted({float(f["value"]) for _, f in items})
        spread = (values[-1] - values[0]) / max(abs(values[-1]), 1e-9) if values else 0.0
        per_outlet = defaultdict(set)
        for a, f in items:
            per_outlet[a.outlet].add(float(f["value"]))
        disagreement = spread > DIFFERENT_VALUES and len(per_outlet) > 1
        whats = Counter(f.get("what") for _, f in items if f.get("what"))
        out.append(
            {
                "what": whats.most_common(1)[0][0] if whats else None,
                "unit": items[0][1].get("unit"),
                "disagreement": disagreement,
                "values": [
                    {
                        "value": f["value"],
                        "text": f.get("text"),
                        "lang": a.lang,
                        "article_id": a.id,
                        "outlet": a.outlet,
                    }
                    for a, f in sorted(items, key=lambda x: (x[0].published or "9999", x[0].id))
                ],
            }
        )
    out.sort(key=lambda g: (not g["disagreement"], -len(g["values"])))
    return out


def citation_edges(
    articles: Sequence[Article], analyses: dict[str, dict[str, list[dict[str, Any]]]]
) -> list[dict[str, Any]]:
    """Who cites whom: one edge per article and cited outlet, with the evidence."""
    out = []
    for a in articles:
        seen = set()
        for c in analyses.get(a.id, {}).get("citations", []):
            target = c.get("outlet")
            if not target or target in seen:
                continue
            seen.add(target)
            out.append(
                {
                    "from_outlet": a.outlet,
                    "to_outlet": target,
                    "to_key": c.get("key"),
                    "article_id": a.id,
                    "evidence": c.get("evidence"),
                }
            )
    return out


def build_anatomy(
    articles: Sequence[Article],
    analyses: dict[str, dict[str, list[dict[str, Any]]]],
    encode: Encoder | None = None,
    framing: Callable[[Sequence[Article]], dict[str, list[str]]] | None = None,
    summary: Callable[[Sequence[Article]], dict[str, Any] | None] | None = None,
) -> dict[str, Any]:
    """The anatomy of one story (see the module)."""
    originals = [a for a in articles if not a.duplicate_of] or list(articles)
    return {
        "quotes": quote_groups(originals, analyses, encode),
        "figures": figure_groups(originals, analyses),
        "citations": citation_edges(originals, analyses),
        "framing": framing(originals) if framing is not None else {},
        "labels": entity_labels(originals) if framing is not None else [],
        "summary": summary(originals) if summary is not None else None,
        "timeline": timeline(articles),
    }
