"""The Typer app and what every command shares: the global options, opening the store, errors and output."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable
from enum import Enum
from typing import Any, NoReturn

import typer
from rich.console import Console

from storyweave.config import load_settings
from storyweave.errors import StoryweaveError
from storyweave.timeutil import parse_iso

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="storyweave: turn piles and streams of multilingual news articles into stories.",
)
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, highlight=False)


class _State:
    db: str | None = None
    config: str | None = None


state = _State()


def _print_version(value: bool) -> None:
    if value:
        from storyweave import __version__

        out.print(f"storyweave {__version__}", markup=False)
        raise typer.Exit(0)


@app.callback()
def _global(
    db: str | None = typer.Option(
        None, "--db", help="SQLite store path (env STORYWEAVE_DB; default ./storyweave.db)."
    ),
    config: str | None = typer.Option(
        None, "--config", help="TOML config file (default ./storyweave.toml if present)."
    ),
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
    ),
) -> None:
    state.db = db
    state.config = config


def open_store(create: bool = False):
    """The store named by --db / STORYWEAVE_DB. Only ``ingest`` creates one (and says so): a read command on a
    path with no store exits 2 instead of creating an empty store there."""
    import os

    from storyweave.engine import Storyweave

    settings = cli_settings()
    # a PostgreSQL URL names a database the server holds: opening it creates the store's tables when missing
    exists = settings.db.startswith(("postgresql://", "postgres://")) or os.path.exists(settings.db)
    if not exists and not create:
        fail(
            f"no store at {settings.db}; check --db (or STORYWEAVE_DB), or create one with"
            f" `storyweave --db {settings.db} ingest PATH`"
        )
    try:
        sw = Storyweave(settings=settings)
    except StoryweaveError as exc:
        fail(str(exc))
    if not exists:
        sys.stderr.write(f"created store {settings.db}\n")
    return sw


def fail(message: str, status: int = 2) -> NoReturn:
    """One unwrapped line on standard error (scripts grep it), then exit."""
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(status)


def date_option(value: str | None, name: str) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2016-12-14", param_hint=name)
    return value


def print_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Aligned columns; only the last one (a title) is cut to the terminal width, ids are never shortened."""
    widths = [max([len(name), *(len(r[k]) for r in rows)]) for k, name in enumerate(columns[:-1])]
    room = max(20, out.width - sum(widths) - 2 * len(widths)) if out.is_terminal else 10_000

    def line(cells: tuple[str, ...]) -> str:
        head = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False))
        last = cells[-1] if len(cells[-1]) <= room else cells[-1][: room - 1] + "…"
        return f"{head}  {last}".rstrip()

    out.print(line(columns), style="bold", markup=False)
    for row in rows:
        out.print(line(row), markup=False)


def emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


ARTICLE_CSV_COLUMNS = (
    "id",
    "source_id",
    "published",
    "lang",
    "outlet",
    "authors",
    "url",
    "story_id",
    "duplicate_of",
    "title",
)
STORY_CSV_COLUMNS = (
    "id",
    "size",
    "languages",
    "outlets",
    "first_published",
    "last_published",
    "title",
    "article_ids",
)


class StorySort(str, Enum):
    """The orders of ``stories --sort`` (storyweave.store.base.STORY_SORTS)."""

    recent = "recent"
    size = "size"


def one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        fail("--csv and --json cannot be used together; pick one")


def emit_csv(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
    """CSV with a header row, UTF-8 whatever the locale (written as bytes where standard output allows)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text.getvalue())
        return
    sys.stdout.flush()
    buffer.write(text.getvalue().encode("utf-8"))
    buffer.flush()


def print_total(offset: int, shown: int, total: int, noun: str, plural: str | None = None) -> None:
    """ "showing 21-40 of 4,013 stories" on standard error, so standard output stays a clean table."""
    nouns = noun if total == 1 else (plural or noun + "s")
    span = f"{offset + 1:,}-{offset + shown:,}" if shown else "0"
    sys.stderr.write(f"showing {span} of {total:,} {nouns}\n")


def print_metrics(result: dict[str, Any]) -> None:
    for key, value in result.items():
        if key == "errors":
            continue
        if isinstance(value, dict):
            out.print(f"{key}:", markup=False)
            for k, v in value.items():
                out.print(f"  {k}: {v}", markup=False)
        else:
            out.print(f"{key}: {value}", markup=False)
    for line in result.get("errors", []):
        err.print(line, markup=False)


def cli_settings():
    try:
        return load_settings(state.config, {"db": state.db})
    except StoryweaveError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
