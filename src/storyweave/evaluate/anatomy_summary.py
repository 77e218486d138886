"""Story headlines scored against gold event descriptions (issue 9: BASIL ``main-event``, NewsWCL50 titles).

Rows are articles in the common corpus format, grouped by ``story``. A story's references are its distinct
``main_event`` values where the rows have them (BASIL), else its articles' titles (NewsWCL50). With
``titles=False`` the summariser sees no titles: ``title`` is dropped and a first line equal to it is cut from the
text (NewsWCL50 repeats the headline there), so a headline cannot be copied from the references.

The score is ROUGE-1 F1 (lower-cased word unigrams, no stemming, stop words kept) of the headline against each
reference, averaged over the references and then over stories. The baseline is the lead sentence of the first
article (date, then id; the same sentence splitter and dateline removal).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from storyweave.analyze.summary import split_sentences, summarise
from storyweave.models import Article

_WORDS = re.compile(r"\w+")


def rouge1(candidate: str, reference: str) -> float:
    """ROUGE-1 F1 of two texts: lower-cased word unigrams, clipped counts."""
    c = Counter(_WORDS.findall(candidate.casefold()))
    r = Counter(_WORDS.findall(reference.casefold()))
    overlap = sum((c & r).values())
    if not overlap:
        return 0.0
    p, rec = overlap / sum(c.values()), overlap / sum(r.values())
    return 2 * p * rec / (p + rec)


def _article(row: dict[str, Any], titles: bool) -> Article:
    text = row.get("text") or ""
    title = row.get("title")
    if not titles and title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip():
            text = rest
        elif text.startswith(title):
            text = text[len(title) :]
    return Article(
        id=str(row["id"]),
        source_id=str(row["id"]),
        title=title if titles else None,
        text=text,
        lang=row.get("lang"),
        published=row.get("date"),
        outlet=row.get("outlet"),
    )


def _lead(articles: Sequence[Article]) -> str:
    first = min(articles, key=lambda a: (a.published or "9999", a.id))
    sentences = split_sentences(first.text)
    return sentences[0] if sentences else ""


def score_summary(rows: Sequence[dict[str, Any]], titles: bool = True) -> dict[str, Any]:
    """Mean ROUGE-1 F1 of the summary headline and of the lead baseline against the references (see the module)."""
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        stories[str(row["story"])].append(row)
    scores: dict[str, list[float]] = {"headline": [], "lead": []}
    for story_rows in stories.values():
        refs = sorted({r["main_event"] for r in story_rows if r.get("main_event")}) or sorted(
            {r["title"] for r in story_rows if r.get("title")}
        )
        if not refs:
            continue
        articles = [_article(r, titles) for r in story_rows]
        headline = summarise(articles).headline or ""
        for name, text in (("headline", headline), ("lead", _lead(articles))):
            scores[name].append(sum(rouge1(text, ref) for ref in refs) / len(refs))
    out: dict[str, Any] = {"stories": len(scores["headline"]), "titles": titles}
    for name, values in scores.items():
        out[name] = sum(values) / len(values) if values else 0.0
    return out
