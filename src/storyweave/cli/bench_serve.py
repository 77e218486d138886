"""`storyweave bench-serve`: latency of the pages and the API under concurrent clients while an ingest runs."""

from __future__ import annotations

import typer

from storyweave.cli.app import app, cli_settings, emit_json, err, out
from storyweave.errors import StoryweaveError


@app.command("bench-serve")
def bench_serve(
    articles: int = typer.Option(100000, "--articles", min=1, help="Articles in the store served."),
    clients: int = typer.Option(20, "--clients", min=1, help="Concurrent clients (keep-alive connections)."),
    seconds: float = typer.Option(
        30.0, "--seconds", min=0.1, help="How long the clients run at least (on until the ingest ends)."
    ),
    workdir: str | None = typer.Option(
        None, "--workdir", help="Keep the built store here (reused if present)."
    ),
    corpus: str = typer.Option(
        "../shared/corpora/gva-longtail/articles.jsonl", "--corpus", help="Labelled corpus."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """p50/p95/p99 of the river, story pages and /api/stories under concurrent clients while an ingest runs."""
    from storyweave.evaluate.serve_load import run_serve_load

    try:
        result = run_serve_load(
            corpus,
            articles,
            clients,
            seconds,
            cli_settings(),
            workdir,
            echo=lambda line: err.print(line, markup=False),
        )
    except (StoryweaveError, OSError, RuntimeError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if as_json:
        emit_json(result)
        return
    out.print(
        f"{result['articles']:,} articles, {result['stories']:,} stories, {clients} clients,"
        f" {result['seconds']} s, {result['total']['requests_per_second']} requests/s",
        markup=False,
    )
    out.print(
        f"{'endpoint':<16}{'requests':>9}{'failures':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}", markup=False
    )
    for name, row in [*result["endpoints"].items(), ("all", result["total"])]:
        out.print(
            f"{name:<16}{row['requests']:>9}{row['failures']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}{row['p99_ms']:>9}",
            markup=False,
        )
    alone, under = result["ingest_alone"], result["ingest_under_load"]
    out.print(
        f"ingest: {alone['articles_per_second']} articles/s alone, {under['articles_per_second']} under load"
        f" ({result['ingest_ratio']:.0%})",
        markup=False,
    )
    for example in result["failure_examples"]:
        err.print(f"failure: {example}", markup=False)
    goal = result["goal"]
    out.print(
        f"goal p95 < {goal['p95_ms_below']:g} ms, no failure: {'met' if goal['met'] else 'not met'}",
        markup=False,
    )
