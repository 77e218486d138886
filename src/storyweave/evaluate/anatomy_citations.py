"""Citations scored against gold: the set of distinct outlets each article credits (issue 9, item 8).

Gold rows are in the layout of the shared polnear and quotes-de-wikinews corpora (see their CARD.md): ``text``,
``outlet`` and ``citations`` with ``outlet`` (the corpus's canonical name), ``via`` and ``self``. Which gold
citations count, following the issue ("per article, outlets cited in the text"):

- self-citations (``self`` true) do not count: the finder drops an outlet citing itself;
- credits known from metadata only do not count, unless the text carries them after all: a ``metadata_wire``
  credit counts when its dateline was found in the text (it has ``start``) or, for Reuters, when the text has
  Reuters' "(Reporting by ..." sign-off (the corpus card names these HuffPost pieces); a ``metadata_hat_tip``
  credit counts when the text holds an "h/t" line naming it.

Names are compared after mapping both sides onto the gazetteer's canonical names: a gold name is looked up among
the gazetteer's display names and aliases (case, "The" and punctuation ignored), then in :data:`GOLD_ALIASES`;
a name found nowhere stays as it is (it can only be a miss). Scores are micro precision, recall and F1 over
distinct (article, outlet) pairs; ``errors`` lists some misses and false alarms to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from storyweave.analyze.base import Analyser, ArticleText
from storyweave.analyze.outlets_gazetteer import parse_table

# gold canonical names that differ from the gazetteer's and are not among its aliases
GOLD_ALIASES = {
    "ABC 7 (local affiliate)": "ABC",
    "ABC (Australia)": "ABC (Australia)",
    "Sport Bild": "Sport Bild",
    "NTV": "NTV",
}

_FOLD = re.compile(r"[\W_]+")


def _fold(name: str) -> str:
    name = re.sub(r"^(?:the|die|der|das|le|la|el|il)\s+", "", name.strip(), flags=re.I)
    return _FOLD.sub("", name.casefold())


def _canonical_map() -> dict[str, str]:
    table: dict[str, str] = {}
    for alias in parse_table():
        table.setdefault(_fold(alias.entry.name), alias.entry.name)
    for alias in parse_table():
        if not alias.weak and not alias.short:
            table.setdefault(_fold(alias.surface), alias.entry.name)
    return table


def canonical(name: str, table: dict[str, str] | None = None) -> str:
    """A gold outlet name mapped onto the gazetteer's canonical name (unchanged when unknown)."""
    table = table if table is not None else _canonical_map()
    name = GOLD_ALIASES.get(name, name)
    return table.get(_fold(name), name)


def gold_outlets(row: dict[str, Any], table: dict[str, str]) -> set[str]:
    found = set()
    for c in row.get("citations") or []:
        if c.get("self"):
            continue
        text = row.get("text") or ""
        if c.get("via") == "metadata_hat_tip" and not _hat_tip_in_text(text, c):
            continue
        if c.get("via") == "metadata_wire" and c.get("start") is None:
            if not (canonical(c["outlet"], table) == "Reuters" and "(Reporting by" in text):
                continue
        found.add(canonical(c["outlet"], table))
    return found


def _hat_tip_in_text(text: str, citation: dict[str, Any]) -> bool:
    names = {citation.get("outlet") or "", citation.get("alias") or ""} - {""}
    for line in re.findall(r"(?im)^.*\bh/t\b.*$", text):
        if any(_fold(n) in _fold(line) for n in names):
            return True
    return False


def article_of(row: dict[str, Any]) -> ArticleText:
    return ArticleText(
        text=row["text"],
        title=row.get("title"),
        lang=row.get("lang"),
        outlet=row.get("outlet"),
        published=row.get("date"),
    )


def score_citations(
    rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]], finder: Analyser, max_errors: int = 20
) -> dict[str, Any]:
    """Micro precision, recall and F1 over distinct (article, outlet) pairs of rows with gold ``citations``;
    ``errors`` holds up to ``max_errors`` false alarms and as many misses, with their evidence."""
    table = _canonical_map()
    tp = fp = fn = 0
    articles = 0
    errors: list[dict[str, Any]] = []
    for row in rows:
        if not isinstance(row.get("citations"), list):
            continue
        articles += 1
        gold = gold_outlets(row, table)
        cited = finder.analyse(article_of(row))
        predicted = {c.outlet for c in cited}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        for outlet in sorted(predicted - gold):
            evidence = next(c.evidence for c in cited if c.outlet == outlet)
            errors.append({"id": row.get("id"), "kind": "false", "outlet": outlet, "evidence": evidence})
        for outlet in sorted(gold - predicted):
            evidence = next(
                (c.get("evidence") for c in row["citations"] if canonical(c["outlet"], table) == outlet), ""
            )
            errors.append({"id": row.get("id"), "kind": "missed", "outlet": outlet, "evidence": evidence})
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "articles": articles,
        "gold": tp + fn,
        "predicted": tp + fp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "errors": [e for e in errors if e["kind"] == "false"][:max_errors]
        + [e for e in errors if e["kind"] == "missed"][:max_errors],
    }
