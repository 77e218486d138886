"""Scoring commands: eval, eval-pairs, eval-extraction, bench, bench-scale."""

from __future__ import annotations

import sys

import typer

from storyweave.cli.app import app, cli_settings, emit_json, err, print_metrics
from storyweave.errors import StoryweaveError


@app.command("eval")
def eval_(
    corpus: str = typer.Argument(
        ..., help="Labelled corpus, JSON Lines with id, story, title, text, date, outlet."
    ),
    no_cluster: bool = typer.Option(
        False, "--no-cluster", help="Only ingest, clean and describe (no stories)."
    ),
    embed_only: bool = typer.Option(
        False,
        "--embed-only",
        help="Time only the embedding step on the texts the pipeline embeds (no scores).",
    ),
    first_run: str | None = typer.Option(
        None,
        "--first-run",
        metavar="FIELD=V1,V2",
        help="Ingest the rows whose FIELD is one of the values first, the rest in a "
        "second run on the same store (e.g. lang=en,es).",
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Ingest a labelled corpus into a fresh temporary store in stream order and score its stories."""
    from storyweave.evaluate.harness import embedding_speed, evaluate_corpus

    split = None
    if first_run is not None:
        field, _, values = first_run.partition("=")
        if not field or not values:
            raise typer.BadParameter("give FIELD=V1,V2, e.g. lang=en,es", param_hint="--first-run")
        split = (field, frozenset(v.strip() for v in values.split(",")))
    try:
        if embed_only:
            result = embedding_speed(corpus, cli_settings())
        else:
            result = evaluate_corpus(corpus, cli_settings(), cluster=not no_cluster, first_run=split)
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    emit_json(result) if as_json else print_metrics(result)


@app.command("eval-pairs")
def eval_pairs(
    pairs: str = typer.Argument(
        ..., help="CSV with text1, text2, Overall (1 = very similar .. 4 = very dissimilar)."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Pearson correlation of the system's pair similarity with graded human judgements."""
    from storyweave.evaluate.pairs import evaluate_pairs

    try:
        result = evaluate_pairs(pairs, cli_settings())
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    emit_json(result) if as_json else print_metrics(result)


@app.command("eval-extraction")
def eval_extraction(
    folder: str = typer.Argument(
        ..., help="Folder with ground-truth.json and html/KEY.html.gz and/or text/KEY.txt.gz pages."
    ),
    mode: str = typer.Option(
        "text", "--mode", help="Read the pages as 'text' (scraped plain text) or 'html'."
    ),
    details: bool = typer.Option(False, "--details", help="Also give precision and recall per page (JSON)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Article-body extraction: the cleaned body of each page scored against its gold body (shingle P/R/F1)."""
    from storyweave.evaluate.extraction import evaluate_extraction

    try:
        result = evaluate_extraction(folder, mode, details=details)
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    emit_json(result) if as_json or details else print_metrics(result)


@app.command("eval-anatomy")
def eval_anatomy(
    corpus: str = typer.Argument(
        ...,
        help="JSON Lines with gold quotes / figures / citations per article, or quotekg-style quote groups.",
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Score quotes and speakers, figures, citations (or quote linking across languages) against gold."""
    from storyweave.evaluate.anatomy import evaluate_anatomy

    try:
        result = evaluate_anatomy(corpus, cli_settings())
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    emit_json(result) if as_json else print_metrics(result)


@app.command()
def bench(
    corpora: str = typer.Option("../shared/corpora", "--corpora", help="Folder of labelled corpora."),
    output: str = typer.Option(
        "bench-out/results.json", "--output", help="Where to write all results as JSON."
    ),
) -> None:
    """Run every benchmark (language, ingest speed, clustering, pairs) and print a Markdown table."""
    from storyweave.evaluate.bench import run_bench

    try:
        table = run_bench(corpora, output, echo=lambda line: err.print(line, markup=False))
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    sys.stdout.write(table + "\n")


@app.command("bench-scale")
def bench_scale(
    corpus: str = typer.Option(
        "../shared/corpora/gva-longtail/articles.jsonl", "--corpus", help="Labelled corpus."
    ),
    sizes: str = typer.Option("10000,1000000", "--sizes", help="Comma-separated store sizes to probe."),
    workdir: str | None = typer.Option(
        None, "--workdir", help="Keep the built stores here (reused if present)."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Throughput and peak memory of ingesting with 10,000 vs 1,000,000 articles already stored."""
    from storyweave.evaluate.scale import run_scale

    try:
        numbers = [int(x) for x in sizes.split(",") if x.strip()]
    except ValueError as exc:
        raise typer.BadParameter(
            "sizes must be whole numbers, e.g. 10000,1000000", param_hint="--sizes"
        ) from exc
    result = run_scale(corpus, numbers, workdir, echo=lambda line: err.print(line, markup=False))
    emit_json(result) if as_json else print_metrics(result)
