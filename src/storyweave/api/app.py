"""The app factory: the JSON API (``/api``), the pages, the static files, the security headers and limits, and
the errors users see (a 4xx with a message for anything they sent wrong)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyweave import __version__
from storyweave.analyze.base import Analyser
from storyweave.api.deps import StorePool
from storyweave.api.routes import router as api_router
from storyweave.api.security import SecurityMiddleware
from storyweave.api.semantic import VectorIndex
from storyweave.config import Settings
from storyweave.embed.base import Embedder
from storyweave.errors import NotFoundError, QueryError, StoreError, StoryweaveError
from storyweave.web.pages import STATIC, make_templates
from storyweave.web.pages import router as page_router

BODY_LIMIT = 64 * 1024  # any request but an upload
UPLOAD_LIMIT = 32 * 1024 * 1024  # POST /api/articles


def create_app(
    settings: Settings,
    analysers: Sequence[Analyser] | None = None,
    embedder: Embedder | None = None,
    upload_limit: int = UPLOAD_LIMIT,
    poll_ms: int = 15000,
) -> FastAPI:
    """The web app over the store ``settings.db``. Nothing is opened until the first request; ``analysers`` and
    ``embedder`` replace the configured ones (tests pass small ones); open pages look for new articles every
    ``poll_ms`` milliseconds."""
    pool = StorePool(settings, analysers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="storyweave",
        version=__version__,
        description="News articles in many languages, clustered into stories and laid open.",
        docs_url=None,  # the default docs page loads Swagger UI from a CDN: /docs is a local page instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.index = VectorIndex(settings, embedder)
    app.state.templates = make_templates(poll_ms)
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(SecurityMiddleware, body_limit=BODY_LIMIT, upload_limit=upload_limit)
    _errors(app)
    return app


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.startswith("/openapi") or path.startswith("/static")


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        "error.html",
        {"status": status, "message": message, "articles_count": None},
        status_code=status,
        headers=headers,
    )


def _errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return _error(request, 400, "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(StoryweaveError)
    async def other_error(request: Request, exc: StoryweaveError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def busy(request: Request, exc: sqlite3.OperationalError) -> Response:
        if "locked" in str(exc) or "busy" in str(exc):
            return _error(request, 503, f"the store is busy ({exc}); try again")
        raise exc
