"""`storyweave recluster`: rebuild the stories of a date range."""

from __future__ import annotations

import typer

from storyweave.cli.app import app, date_option, emit_json, open_store, print_metrics


@app.command()
def recluster(
    since: str = typer.Option(..., "--since", help="First publish date of the range (ISO)."),
    until: str = typer.Option(..., "--until", help="Last publish date of the range (ISO)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Rebuild the stories of the articles published in a date range."""
    date_option(since, "--since")
    date_option(until, "--until")
    sw = open_store()
    try:
        result = sw.recluster(since, until)
    finally:
        sw.close()
    emit_json(result) if as_json else print_metrics(result)
