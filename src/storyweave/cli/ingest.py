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
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from storyweave.ingest.estimate import estimate_items

    total = estimate_items(paths, include, exclude) if err.is_terminal else None
    columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
    if total is not None:  # the input's size is known: a bar, a share done and the time left
        columns += [BarColumn(), TaskProgressColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    sw = open_store(create=True)
    try:
        with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("ingesting", total=total)

            def progress(report) -> None:
                bar.update(
                    task,
                    completed=report.read,
                    description=f"read {report.read}{f' of {total:,}' if total is not None else ''}"
                    f"  stored {report.stored}  failed {report.failed}",
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
    for line in [*report.warnings, *_empty_after_filters(paths, include, exclude)]:
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


def _empty_after_filters(paths: list[str], include: list[str], exclude: list[str]) -> list[str]:
    """A warning for each folder in which the --include / --exclude globs left no file to read."""
    import os

    from storyweave.ingest.detect import files_under

    if not include and not exclude:
        return []
    given = " ".join([*(f"--include {g}" for g in include), *(f"--exclude {g}" for g in exclude)])
    return [
        f"{path}: {given} left no file to read in this folder"
        for path in paths
        if os.path.isdir(path) and next(files_under(path, include, exclude), None) is None
    ]
