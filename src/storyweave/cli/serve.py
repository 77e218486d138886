"""`storyweave serve`: the web UI and the JSON API over the store (storyweave.api)."""

from __future__ import annotations

import os
import sys

import typer

from storyweave.cli.app import app, cli_settings, fail


@app.command()
def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (default: this machine only)."
    ),
    port: int = typer.Option(8080, "--port", min=0, max=65535, help="Port to listen on."),
) -> None:
    """Serve the story river, story and article pages, and the JSON API (OpenAPI at /openapi.json)."""
    import uvicorn

    from storyweave.api import create_app
    from storyweave.store.postgres import shown_dsn

    settings = cli_settings()
    # a PostgreSQL URL names a database the server holds (as open_store): only a file path is checked here
    is_url = settings.db.startswith(("postgresql://", "postgres://"))
    if not is_url and not os.path.exists(settings.db):
        fail(
            f"no store at {settings.db}; check --db (or STORYWEAVE_DB), or create one with"
            f" `storyweave --db {settings.db} ingest PATH`"
        )
    shown = f"[{host}]" if ":" in host else host
    where = shown_dsn(settings.db) if is_url else settings.db
    sys.stderr.write(f"serving {where} at http://{shown}:{port}/ (Ctrl-C stops)\n")
    if not settings.token:
        sys.stderr.write("uploads (POST /api/articles) are off: set STORYWEAVE_TOKEN to allow them\n")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
