"""The reads behind both the JSON API and the pages, over one Storyweave handle. Shapes come from the one
serialiser (:mod:`storyweave.serialise`), so ``/api/...`` answers what ``storyweave ... --json`` prints."""

from __future__ import annotations

from itertools import islice
from typing import Any

from storyweave.api.deps import check_date
from storyweave.api.semantic import VectorIndex
from storyweave.engine import Storyweave
from storyweave.errors import NotFoundError, QueryError
from storyweave.serialise import article_json, story_json

SEARCH_MODES = ("keyword", "semantic")


def story_filters(
    lang: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
) -> dict[str, Any]:
    """The CLI's listing filters, dates checked; empty values mean no filter."""
    return {
        "lang": lang or None,
        "outlet": outlet or None,
        "since": check_date(since, "since"),
        "until": check_date(until, "until"),
        "search": search or None,
    }


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A listing: the items, the total before paging, and the offset of the next page (None at the end)."""
    following = offset + len(items)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": following if following < total and items else None,
        "items": items,
    }


def list_stories(
    sw: Storyweave, filters: dict[str, Any], sort: str, min_size: int | None, limit: int, offset: int
) -> dict[str, Any]:
    query = {**filters, "sort": sort, "min_size": min_size}
    found = sw.stories(**query, limit=limit, offset=offset)
    total = sw.count_stories(**query)
    return page([s.to_json() for s in found], total, limit, offset)


def list_articles(sw: Storyweave, filters: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    found = list(sw.articles(**filters, limit=limit, offset=offset))
    total = sw.count_articles(**filters)
    analyses = sw.analyses([a.id for a in found]) if found else {}
    return page([article_json(a, analyses.get(a.id)) for a in found], total, limit, offset)


def story_detail(sw: Storyweave, story_id: str) -> dict[str, Any]:
    """``storyweave story ID --json``: an old merged id gives the story it became (its ``id`` says which)."""
    story = sw.story(story_id)
    members = [sw.article(i) for i in story.article_ids]
    return story_json(story, members, sw.anatomy(story.id))


def article_detail(sw: Storyweave, article_id: str, revisions: bool = False) -> dict[str, Any]:
    """``storyweave article ID --json`` (``--revisions`` adds the earlier versions)."""
    article = sw.article(article_id)
    data = article_json(article, sw.analyses([article.id]).get(article.id, {}))
    if revisions:
        data["revisions"] = [
            {"revision": r.number, "replaced_at": r.replaced_at, **r.article.to_json()}
            for r in sw.revisions(article.id)
        ]
    return data


def search_articles(
    sw: Storyweave,
    index: VectorIndex,
    q: str,
    mode: str,
    lang: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """Keyword (FTS5, publish order) or semantic (nearest first, each item with its ``score``) search."""
    if mode not in SEARCH_MODES:
        raise QueryError(f"unknown mode {mode!r}; choose one of: {', '.join(SEARCH_MODES)}")
    if not q.strip():
        raise QueryError("q is empty: give words to search for")
    if mode == "keyword":
        result = list_articles(sw, story_filters(lang=lang, search=q), limit, offset)
        return {"q": q, "mode": mode, **result}
    # semantic: rank everything, then keep the language asked for (rare filter: rank a wider window)
    window = (offset + limit) * (8 if lang else 1)
    items: list[dict[str, Any]] = []
    hits = index.search(sw.store, q, limit=window)
    found = []
    for hit in hits:
        try:
            article = sw.article(hit.article_id)
        except NotFoundError:
            continue  # deleted since the vectors were read
        if lang and article.lang != lang:
            continue
        found.append((article, hit.score))
    chosen = found[offset : offset + limit]
    analyses = sw.analyses([a.id for a, _ in chosen]) if chosen else {}
    for article, score in chosen:
        items.append({**article_json(article, analyses.get(article.id)), "score": round(score, 4)})
    total = len(found)
    return {"q": q, "mode": mode, **page(items, total, limit, offset)}


def search_stories(
    sw: Storyweave, index: VectorIndex, q: str, limit: int, min_score: float = 0.1
) -> list[dict[str, Any]]:
    """Stories of the nearest articles, in the order of their best article (the river's semantic search); articles
    less similar than ``min_score`` (unrelated, for the multilingual encoder) bring no story."""
    seen: dict[str, dict[str, Any]] = {}
    for hit in index.search(sw.store, q, limit=limit * 10):
        if hit.score < min_score:
            break
        try:
            article = sw.article(hit.article_id)
        except NotFoundError:
            continue
        if not article.story_id or article.story_id in seen:
            continue
        try:
            story = sw.story(article.story_id)
        except NotFoundError:
            continue
        if story.id in seen:
            continue
        seen[story.id] = {**story.to_json(), "score": round(hit.score, 4)}
        if len(seen) == limit:
            break
    return list(seen.values())


def list_quotes(
    sw: Storyweave,
    speaker: str | None,
    search: str | None,
    filters: dict[str, Any],
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """``storyweave quotes --json``, a page at a time (``total`` is not counted: ``next_offset`` says more)."""
    found = sw.quotes(
        speaker=speaker or None,
        search=search or None,
        lang=filters["lang"],
        since=filters["since"],
        until=filters["until"],
    )
    items = list(islice(found, offset, offset + limit + 1))
    more = len(items) > limit
    items = items[:limit]
    return {
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
        "items": items,
    }
