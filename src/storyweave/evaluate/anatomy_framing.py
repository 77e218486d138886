"""Framing scored against annotated word-choice bias (issue 9: BASIL lexical-bias spans).

Rows are articles in the common corpus format (``id``, ``story``, ``outlet``, ``lang``, ``title``, ``text``) with
``lex_spans``: the texts of the article's annotated lexical-bias spans (BASIL ``phrase-level-annotations`` with
``bias == "lex"``). For every story and outlet, the outlet's top framing terms are compared with the spans of its
articles: a term falls inside a span when its words are a run of the span's words (case ignored). The baseline is
the outlet's ``top`` most frequent content words in that story (the same tokens and stop words). The goal is a
framing share at least twice the baseline's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from storyweave.analyze.framing import content_tokens, framing, stop_words
from storyweave.models import Article

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

Framer = Callable[[Sequence[Article]], dict[str, list[str]]]


def _article(row: dict[str, Any]) -> Article:
    return Article(
        id=str(row["id"]),
        source_id=str(row["id"]),
        title=row.get("title"),
        text=row.get("text") or "",
        lang=row.get("lang"),
        published=row.get("date"),
        outlet=(row.get("outlet") or "").casefold() or None,
    )


def _inside(term: str, spans: Sequence[list[str]]) -> bool:
    words = term.split(" ")
    k = len(words)
    return any(span[i : i + k] == words for span in spans for i in range(len(span) - k + 1))


def frequency_terms(articles: Sequence[Article], top: int = 10) -> dict[str, list[str]]:
    """The baseline: each outlet's ``top`` most frequent content words in the story (first seen first on ties)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        if a.outlet:
            tokens = content_tokens(f"{a.title or ''}\n{a.text}", stop_words(a.lang))
            counts[a.outlet].update(t for t in tokens if t is not None)
    return {o: [t for t, _ in c.most_common(top)] for o, c in counts.items()}


def score_framing(
    rows: Sequence[dict[str, Any]], top: int = 10, framer: Framer | None = None
) -> dict[str, Any]:
    """The share of framing terms and of baseline terms inside the outlets' lexical-bias spans (see the module)."""
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        stories[str(row["story"])].append(row)
    pick: Framer = framer or (lambda arts: framing(arts, top=top))
    totals = {"framing": [0, 0], "frequency": [0, 0]}
    outlets_with_terms = 0
    outlets = 0
    for story_rows in stories.values():
        articles = [_article(r) for r in story_rows]
        spans: dict[str, list[list[str]]] = defaultdict(list)
        for r, a in zip(story_rows, articles, strict=True):
            if a.outlet:
                spans[a.outlet].extend(_WORD.findall(s.casefold()) for s in r.get("lex_spans") or ())
        outlets += len(spans)
        for name, chosen in (("framing", pick(articles)), ("frequency", frequency_terms(articles, top))):
            for outlet, terms in chosen.items():
                terms = terms[:top]
                if name == "framing" and terms:
                    outlets_with_terms += 1
                totals[name][0] += sum(_inside(t, spans.get(outlet, [])) for t in terms)
                totals[name][1] += len(terms)
    result: dict[str, Any] = {
        "stories": len(stories),
        "outlets": outlets,
        "outlets_with_terms": outlets_with_terms,
    }
    for name, (inside, n) in totals.items():
        result[name] = {"terms": n, "inside": inside, "share": inside / n if n else 0.0}
    base = result["frequency"]["share"]
    result["ratio"] = result["framing"]["share"] / base if base else None
    return result
