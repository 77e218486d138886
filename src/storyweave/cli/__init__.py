"""The command line: parse, call the library, print. Exit status 0 ok, 1 some items failed, 2 usage error.

One module per group of commands; importing them registers the commands on ``app``."""

from storyweave.cli import (  # noqa: F401  (registers the commands)
    anatomy,
    bench_serve,
    evaluation,
    ingest,
    maintenance,
    serve,
    views,
)
from storyweave.cli.app import app

_ORDER = (
    "ingest",
    "articles",
    "article",
    "stories",
    "story",
    "outlets",
    "quotes",
    "citations",
    "explain",
    "recluster",
    "reanalyze",
    "eval",
    "eval-pairs",
    "eval-extraction",
    "eval-anatomy",
    "bench",
    "bench-scale",
    "bench-serve",
    "serve",
)


def _rank(command: object) -> int:
    """--help order: the listed commands first, any other after them."""
    name = getattr(command, "name", None) or getattr(getattr(command, "callback", None), "__name__", "")
    return _ORDER.index(name) if name in _ORDER else len(_ORDER)


app.registered_commands.sort(key=_rank)


def main() -> None:
    app()


__all__ = ["app", "main"]
