"""The JSON API: the CLI's read commands over HTTP, with the same shapes, and uploads that ingest."""

from __future__ import annotations

from enum import Enum
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from storyweave.api import queries
from storyweave.api.deps import MAX_LIMIT, MAX_OFFSET, StorePool, check_date
from storyweave.api.semantic import VectorIndex
from storyweave.api.upload import ingest_request

router = APIRouter(prefix="/api")


class SortOrder(str, Enum):
    recent = "recent"
    size = "size"


class SearchMode(str, Enum):
    keyword = "keyword"
    semantic = "semantic"


LANG = Query(None, max_length=16, description="ISO 639-1 code, e.g. fr (`und`: undetermined).")
OUTLET = Query(None, max_length=300, description="Outlet key or display name, any case: nytimes.com.")
SINCE = Query(None, max_length=40, description="Published on or after this ISO date.")
UNTIL = Query(None, max_length=40, description="Published on or before this ISO date.")
SEARCH = Query(
    None, max_length=1000, description='Full-text search: words all required; OR, NOT, "phrase", pre*.'
)
LIMIT = Query(50, ge=1, le=MAX_LIMIT, description=f"At most this many (1-{MAX_LIMIT}).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Skip this many first (paging with limit).")


def pool(request: Request) -> StorePool:
    return request.app.state.pool  # type: ignore[no-any-return]


def index(request: Request) -> VectorIndex:
    return request.app.state.index  # type: ignore[no-any-return]


@router.get("/stories", summary="List stories (storyweave stories --json)")
def get_stories(
    request: Request,
    lang: str | None = LANG,
    outlet: str | None = OUTLET,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    search: str | None = SEARCH,
    sort: SortOrder = Query(SortOrder.recent, description="recent: newest activity first; size: largest."),
    min_size: int | None = Query(
        None, ge=1, le=MAX_OFFSET, description="Only stories of at least N articles."
    ),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict[str, Any]:
    filters = queries.story_filters(lang, outlet, since, until, search)
    with pool(request).connection() as sw:
        return queries.list_stories(sw, filters, sort.value, min_size, limit, offset)


@router.get("/stories/{story_id}", summary="One story with its anatomy (storyweave story ID --json)")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return queries.story_detail(sw, story_id)


@router.get("/articles", summary="List articles in publish order (storyweave articles --json)")
def get_articles(
    request: Request,
    lang: str | None = LANG,
    outlet: str | None = OUTLET,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    search: str | None = SEARCH,
    story: str | None = Query(None, max_length=200, description="Only the articles of this story."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict[str, Any]:
    filters = queries.story_filters(lang, outlet, since, until, search)
    filters["story_id"] = story or None
    with pool(request).connection() as sw:
        return queries.list_articles(sw, filters, limit, offset)


@router.get("/articles/{article_id}", summary="One article (storyweave article ID --json)")
def get_article(
    request: Request,
    article_id: str,
    revisions: bool = Query(False, description="Also the earlier versions of an updated article."),
) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return queries.article_detail(sw, article_id, revisions)


@router.get("/articles/{article_id}/explain", summary="Why the article is in its story (storyweave explain)")
def get_explain(
    request: Request,
    article_id: str,
    story: str | None = Query(None, max_length=200, description="A story to compare with."),
) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return sw.explain(article_id, story or None).to_json()


@router.get("/search", summary="Keyword (FTS5) or cross-lingual semantic search over articles")
def get_search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=1000, description="The query."),
    mode: SearchMode = Query(
        SearchMode.keyword,
        description="keyword: full-text, publish order; semantic: nearest in meaning, any language.",
    ),
    lang: str | None = LANG,
    limit: int = Query(20, ge=1, le=100, description="At most this many (1-100)."),
    offset: int = Query(0, ge=0, le=1000, description="Skip this many first."),
) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return queries.search_articles(sw, index(request), q, mode.value, lang or None, limit, offset)


@router.get("/quotes", summary="Stored quotes in publish order (storyweave quotes --json)")
def get_quotes(
    request: Request,
    speaker: str | None = Query(None, max_length=300, description="Part of the speaker's name, any case."),
    search: str | None = Query(None, max_length=1000, description="Part of the quote's text, any case."),
    lang: str | None = LANG,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    limit: int = LIMIT,
    offset: int = Query(0, ge=0, le=100_000, description="Skip this many first."),
) -> dict[str, Any]:
    filters = queries.story_filters(lang, None, since, until)
    with pool(request).connection() as sw:
        return queries.list_quotes(sw, speaker, search, filters, limit, offset)


@router.get("/citations", summary="Who cites whom over the store (storyweave citations --json)")
def get_citations(request: Request, since: str | None = SINCE, until: str | None = UNTIL) -> dict[str, Any]:
    since, until = check_date(since, "since"), check_date(until, "until")
    with pool(request).connection() as sw:
        return {"items": sw.citations(since=since, until=until)}


@router.get("/outlets", summary="Outlets, most articles first (storyweave outlets --json)")
def get_outlets(request: Request) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return {"items": [o.to_json() for o in sw.store.outlets()]}


@router.get("/status", summary="How many articles and stories are stored (pages poll it for new articles)")
def get_status(request: Request) -> dict[str, Any]:
    with pool(request).connection() as sw:
        return dict(sw.store.stats())


@router.post(
    "/articles",
    summary="Ingest articles: a JSON body or file uploads in any format ingest reads",
    status_code=200,
    responses={
        401: {"description": "no bearer token given"},
        403: {"description": "wrong token, or uploads disabled (no token configured)"},
        413: {"description": "request body too large"},
    },
    openapi_extra={
        "security": [{"bearer": []}],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": ["object", "array"]}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            },
        },
    },
)
async def post_articles(request: Request) -> JSONResponse:
    status, report = await ingest_request(request, pool(request))
    return JSONResponse(report, status_code=status)
