"""`storyweave ingest`: read, clean, deduplicate and cluster into the store."""

from __future__ import annotations

import sys

import typer

from storyweave.cli.app import app, emit_json, err, open_store, out
from storyweave.errors import StoryweaveError


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders (recursive), .gz anywhere, '-' for standard input."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON object."),
    include: list[str] = typer.Option(
        [],
        "--include",
        metavar="GLOB",
        help="Inside folders, read only files matching GLOB (repeatable): against the path relative to the"
        " folder given, or the file name. Files named on the command line are always read.",
    ),
    exclude: list[str] = typer.Option(
        [],
        "--exclude",
        metavar="GLOB",
        help="Inside folders, leave out files and subfolders matching GLOB (repeatable; same matching as --include).",
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Print one 'path: skipped: reason' line per skipped file on stderr."
    ),
) -> None:
    """Read, clean, deduplicate and cluster articles into the store.

    Files that are not articles (images, audio and video, PDFs and office files, zip/tar/7z/rar archives, logs,
    the store's own files, editor junk) are skipped, not failed: counted per reason, exit status still 0.
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    sw = open_store(create=True)
    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(report) -> None:
                bar.update(
                    task, description=f"read {report.read}  stored {report.stored}  failed {report.failed}"
                )

            report = sw.ingest(
                paths, stdin=sys.stdin.buffer, progress=progress, include=include, exclude=exclude
            )
    except StoryweaveError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    except KeyboardInterrupt:
        err.print(
            "interrupted: every batch stored so far is complete; ingest the same input again to finish"
            " (articles already stored are skipped)"
        )
        raise typer.Exit(130) from None
    finally:
        sw.close()
    if as_json:
        emit_json(report.to_json())
    else:
        out.print(
            f"read {report.read}  stored {report.stored}  duplicate {report.duplicates}  updated {report.updated}"
            f"  unchanged {report.unchanged}  skipped {report.skipped}  failed {report.failed}"
        )
    for line in report.warnings:
        sys.stderr.write(f"warning: {line}\n")
    if verbose:
        for line in report.skips:
            sys.stderr.write(line + "\n")  # path: skipped: reason
    else:
        for reason, count in sorted(report.skipped_reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            sys.stderr.write(f"skipped {count}: {reason}\n")
    for line in report.errors:
        sys.stderr.write(line + "\n")  # one unwrapped line per failed item: path[:line]: reason
    raise typer.Exit(1 if report.failed else 0)
