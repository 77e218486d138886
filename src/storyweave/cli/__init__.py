"""The command line: parse, call the library, print. Exit status 0 ok, 1 some items failed, 2 usage error.

One module per group of commands; importing them registers the commands on ``app``."""

from storyweave.cli import evaluation, ingest, maintenance, views  # noqa: F401  (registers the commands)
from storyweave.cli.app import app

_ORDER = (
    "ingest",
    "articles",
    "article",
    "stories",
    "story",
    "explain",
    "recluster",
    "eval",
    "eval-pairs",
    "bench",
    "bench-scale",
)
app.registered_commands.sort(
    key=lambda c: _ORDER.index(c.name or getattr(c.callback, "__name__", ""))
)  # --help order


def main() -> None:
    app()


__all__ = ["app", "main"]
