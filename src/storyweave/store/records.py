"""What every store does the same way with its rows: the article columns, a row or a revision's JSON to an
:class:`~storyweave.models.Article`, the ``removed`` column's JSON, and a story's summary (its title rule) from its
member rows. Backend-neutral: SQL text and placeholders stay in each store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from storyweave.errors import QueryError
from storyweave.models import Article, Story
from storyweave.store.base import ArticleQuery

ARTICLE_COLUMNS = "id, source_id, title, text, lang, published, outlet, authors, url, duplicate_of, removed, extra, story_id, ingested, outlet_name"


class Row(Protocol):
    """A row read by column name: ``sqlite3.Row`` or a dict (psycopg's ``dict_row``)."""

    def __getitem__(self, key: str, /) -> Any: ...


def row_to_article(row: Row) -> Article:
    """An article from a row of :data:`ARTICLE_COLUMNS` (authors, removed and extra as stored JSON text)."""
    return Article(
        id=row["id"],
        source_id=row["source_id"],
        title=row["title"],
        text=row["text"],
        lang=row["lang"],
        published=row["published"],
        outlet=row["outlet"],
        authors=tuple(json.loads(row["authors"])),
        url=row["url"],
        duplicate_of=row["duplicate_of"],
        **removed_fields(json.loads(row["removed"])),
        story_id=row["story_id"],
        extra=json.loads(row["extra"]),
        ingested=row["ingested"],
        outlet_name=row["outlet_name"],
    )


def article_from_json(data: dict[str, Any]) -> Article:
    """An article from :meth:`Article.to_json` output (a kept revision)."""
    return Article(
        id=data["id"],
        source_id=data["source_id"],
        title=data.get("title"),
        text=data.get("text") or "",
        lang=data.get("lang"),
        published=data.get("published"),
        outlet=data.get("outlet"),
        authors=tuple(data.get("authors") or ()),
        url=data.get("url"),
        duplicate_of=data.get("duplicate_of"),
        **removed_fields(data.get("removed") or ()),
        story_id=data.get("story_id"),
        extra=data.get("extra") or {},
        outlet_name=data.get("outlet_name"),
    )


def removed_fields(items: Any) -> dict[str, Any]:
    """``removed`` and ``removed_reasons`` from a stored list: [line, reason] pairs, {"line", "reason"} objects (the
    JSON views), or bare lines (stores written before reasons were kept)."""
    lines: list[str] = []
    reasons: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
            reasons.append("")
        elif isinstance(item, dict):
            lines.append(str(item.get("line") or ""))
            reasons.append(str(item.get("reason") or ""))
        else:
            lines.append(str(item[0]))
            reasons.append(str(item[1] or "") if len(item) > 1 else "")
    return {"removed": tuple(lines), "removed_reasons": tuple(reasons)}


def reasons_of(a: Article) -> tuple[str, ...]:
    """The reason of each removed line; blank ones when the article does not give one per line."""
    return a.removed_reasons if len(a.removed_reasons) == len(a.removed) else ("",) * len(a.removed)


def removed_json(a: Article) -> str:
    """The ``removed`` column: [line, reason] pairs, as :func:`removed_fields` reads them back."""
    return json.dumps(
        [[line, why] for line, why in zip(a.removed, reasons_of(a), strict=True)], ensure_ascii=False
    )


def check_articles_query(query: ArticleQuery) -> None:
    """Refuse story-only options in an article listing."""
    if query.sort != "recent" or query.min_size is not None:
        raise QueryError("sort and min_size apply to stories; articles are listed in publish order")


def story_from_rows(story_id: str, rows: Sequence[Row]) -> Story:
    """A story's summary from its member rows (any order) of id, title, lang, outlet, published, published_ts."""
    rows = sorted(rows, key=lambda r: (r["published_ts"] is None, r["published_ts"] or 0.0, r["id"]))
    published = [r["published"] for r in rows if r["published"]]
    counts: dict[str, int] = {}
    for r in rows:
        if r["lang"]:
            counts[r["lang"]] = counts.get(r["lang"], 0) + 1
    # the title of the earliest article in the story's main language (English on a tie)
    main = min(counts, key=lambda lang: (-counts[lang], lang != "en", lang)) if counts else None
    title = next((r["title"] for r in rows if r["title"] and r["lang"] == main), None)
    title = title or next((r["title"] for r in rows if r["title"]), None)
    return Story(
        id=story_id,
        title=title,
        size=len(rows),
        languages=tuple(sorted(counts)),
        outlets=tuple(sorted({r["outlet"] for r in rows if r["outlet"]})),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        article_ids=tuple(r["id"] for r in rows),
    )
