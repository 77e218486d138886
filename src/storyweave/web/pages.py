"""The pages: server-rendered templates (autoescaped) over the same reads as the JSON API."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

import storyweave.api.queries as queries
from storyweave.api.deps import MAX_OFFSET, StorePool, blank_to_none
from storyweave.api.semantic import VectorIndex
from storyweave.engine import Storyweave
from storyweave.web import render

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PAGE = 30  # stories per river page
OUTLETS_TTL = 60.0  # seconds the river's outlet list is kept

router = APIRouter(include_in_schema=False)


def make_templates(poll_ms: int = 15000) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every value is escaped; nothing in the templates is marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["safe_url"] = safe_url
    env.globals["poll_ms"] = poll_ms
    return Jinja2Templates(env=env)


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: ``javascript:`` and the like never become an href."""
    if not url:
        return None
    text = url.strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _pool(request: Request) -> StorePool:
    return request.app.state.pool  # type: ignore[no-any-return]


def _index(request: Request) -> VectorIndex:
    return request.app.state.index  # type: ignore[no-any-return]


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


def _outlets(request: Request, sw: Storyweave) -> list[dict[str, Any]]:
    """The outlets the river's filter offers, most articles first, read at most once a minute."""
    cached = getattr(request.app.state, "outlets", None)
    if cached is not None and time.monotonic() - cached[0] < OUTLETS_TTL:
        return cached[1]  # type: ignore[no-any-return]
    found = [o.to_json() for o in sw.store.outlets()[:300]]
    request.app.state.outlets = (time.monotonic(), found)
    return found


@router.get("/", response_class=HTMLResponse)
def river(
    request: Request,
    q: str | None = Query(None, max_length=1000),
    mode: str = Query("keyword", max_length=20),
    lang: str | None = Query(None, max_length=16),
    outlet: str | None = Query(None, max_length=300),
    since: str | None = Query(None, max_length=40),
    until: str | None = Query(None, max_length=40),
    sort: str = Query("recent", max_length=20),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> Response:
    form: dict[str, str | None] = {
        "q": blank_to_none(q),
        "mode": mode if mode in queries.SEARCH_MODES else "keyword",
        "lang": blank_to_none(lang),
        "outlet": blank_to_none(outlet),
        "since": blank_to_none(since),
        "until": blank_to_none(until),
    }
    order = sort if sort in ("recent", "size") else "recent"
    form["sort"] = order
    filters = queries.story_filters(
        form["lang"],
        form["outlet"],
        form["since"],
        form["until"],
        form["q"] if form["mode"] == "keyword" else None,
    )
    with _pool(request).connection() as sw:
        if form["q"] and form["mode"] == "semantic":
            items = queries.search_stories(sw, _index(request), form["q"], PAGE)
            result = queries.page(items, len(items), PAGE, 0)
        else:
            result = queries.list_stories(sw, filters, order, None, PAGE, offset)
        outlets = _outlets(request, sw)
        count = sw.store.count_articles()
    kept = {k: v for k, v in form.items() if v}

    def link(to: int | None) -> str | None:
        return None if to is None else "/?" + urlencode({**kept, "offset": to})

    previous = max(0, offset - PAGE) if offset else None
    return _page(
        request,
        "river.html",
        {
            "form": form,
            "result": result,
            "outlets": outlets,
            "next_link": link(result["next_offset"]),
            "prev_link": link(previous),
            "articles_count": count,
        },
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    with _pool(request).connection() as sw:
        story = queries.story_detail(sw, story_id)
        count = sw.store.count_articles()
    if story["id"] != story_id:  # a merged id: the story it became
        return RedirectResponse(f"/stories/{story['id']}", status_code=301)
    titles = {a["id"]: a["title"] for g in story["groups"] for a in g["articles"]}
    edges = [
        {"from_outlet": e["from_outlet"], "to_outlet": e["to_outlet"]} for e in story.get("citations", [])
    ]
    return _page(
        request,
        "story.html",
        {
            "story": story,
            "grid": render.coverage_grid(story["groups"]),
            "timeline": render.timeline_chart(story.get("timeline") or [], titles),
            "graph": render.citation_graph(edges),
            "titles": titles,
            "articles_count": count,
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    with _pool(request).connection() as sw:
        article = queries.article_detail(sw, article_id)
        story_title = None
        if article["story_id"]:
            try:
                story_title = sw.story(article["story_id"]).title
            except Exception:  # noqa: BLE001 - the page shows the article without its story's title
                story_title = None
        count = sw.store.count_articles()
    found = {k: article[k] for k in ("quotes", "figures", "citations")}
    return _page(
        request,
        "article.html",
        {
            "article": article,
            "segments": render.segments(article["text"], render.spans_of(found)),
            "story_title": story_title,
            "articles_count": count,
        },
    )


@router.get("/articles/{article_id}/explain", response_class=HTMLResponse)
def explain_page(request: Request, article_id: str) -> Response:
    with _pool(request).connection() as sw:
        article = sw.article(article_id)
        result = sw.explain(article.id).to_json()
        count = sw.store.count_articles()
    return _page(
        request,
        "explain.html",
        {"article": article.to_json(), "explain": result, "articles_count": count},
    )


@router.get("/citations", response_class=HTMLResponse)
def citations_page(
    request: Request,
    since: str | None = Query(None, max_length=40),
    until: str | None = Query(None, max_length=40),
) -> Response:
    filters = queries.story_filters(since=blank_to_none(since), until=blank_to_none(until))
    with _pool(request).connection() as sw:
        edges = sw.citations(since=filters["since"], until=filters["until"])
        count = sw.store.count_articles()
    return _page(
        request,
        "citations.html",
        {
            "form": {"since": filters["since"], "until": filters["until"]},
            "edges": edges,
            "graph": render.citation_graph(edges),
            "articles_count": count,
        },
    )


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """The API's documentation from its OpenAPI schema, with a form per GET endpoint: no script, no CDN."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description") or "",
                    "schema": p.get("schema", {}),
                }
                for p in op.get("parameters", [])
            ]
            operations.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary") or "",
                    "params": params,
                    "form": method == "get" and all(p["in"] == "query" for p in params),
                }
            )
    return _page(request, "docs.html", {"operations": operations, "spec": spec, "articles_count": None})
