"""The command line: parse, call the library, print. Exit status 0 ok, 1 some items failed, 2 usage error."""

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
from storyweave.errors import NotFoundError, QueryError, StoryweaveError
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


def _open(create: bool = False):
    """The store named by --db / STORYWEAVE_DB. Only ``ingest`` creates one (and says so): a read command on a
    path with no store exits 2 instead of creating an empty store there."""
    import os

    from storyweave.engine import Storyweave

    settings = _settings()
    exists = os.path.exists(settings.db)
    if not exists and not create:
        _fail(
            f"no store at {settings.db}; check --db (or STORYWEAVE_DB), or create one with"
            f" `storyweave --db {settings.db} ingest PATH`"
        )
    try:
        sw = Storyweave(settings=settings)
    except StoryweaveError as exc:
        _fail(str(exc))
    if not exists:
        sys.stderr.write(f"created store {settings.db}\n")
    return sw


def _fail(message: str, status: int = 2) -> NoReturn:
    """One unwrapped line on standard error (scripts grep it), then exit."""
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(status)


def _date_option(value: str | None, name: str) -> str | None:
    if value is not None and parse_iso(value) is None:
        raise typer.BadParameter(f"{value!r} is not an ISO date such as 2016-12-14", param_hint=name)
    return value


def _print_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
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


def _emit_json(obj: Any) -> None:
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


def _one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        _fail("--csv and --json cannot be used together; pick one")


def _emit_csv(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
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


def _print_total(offset: int, shown: int, total: int, noun: str, plural: str | None = None) -> None:
    """ "showing 21-40 of 4,013 stories" on standard error, so standard output stays a clean table."""
    nouns = noun if total == 1 else (plural or noun + "s")
    span = f"{offset + 1:,}-{offset + shown:,}" if shown else "0"
    sys.stderr.write(f"showing {span} of {total:,} {nouns}\n")


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

    sw = _open(create=True)
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
        _emit_json(report.to_json())
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


@app.command()
def articles(
    lang: str | None = typer.Option(None, "--lang", help="ISO 639-1 code, e.g. fr."),
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet name as stored, e.g. reuters.com."),
    since: str | None = typer.Option(None, "--since", help="Published on or after this ISO date."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this ISO date."),
    search: str | None = typer.Option(
        None,
        "--search",
        help='Full-text search over title and text: words all required; OR, NOT, "phrase", pre*.',
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first (paging with --limit)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one article a line."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV with a header row (UTF-8; lists joined with ';')."),
) -> None:
    """List stored articles in publish order."""
    _date_option(since, "--since")
    _date_option(until, "--until")
    _one_format(as_json, as_csv)
    filters = dict(lang=lang, outlet=outlet, since=since, until=until, search=search)
    sw = _open()
    try:
        try:
            total = None if as_json or as_csv else sw.count_articles(**filters)
            rows = sw.articles(**filters, limit=limit, offset=offset)
        except QueryError as exc:
            _fail(str(exc))
        if as_json:
            for a in rows:
                _emit_json(a.to_json())
            return
        if as_csv:
            _emit_csv(
                ARTICLE_CSV_COLUMNS,
                (
                    (
                        a.id,
                        a.source_id,
                        a.published or "",
                        a.lang or "",
                        a.outlet or "",
                        ";".join(a.authors),
                        a.url or "",
                        a.story_id or "",
                        a.duplicate_of or "",
                        a.title or "",
                    )
                    for a in rows
                ),
            )
            return
        rows = list(rows)
        _print_table(
            ("id", "published", "lang", "outlet", "story", "title"),
            [
                (
                    a.id,
                    (a.published or "")[:10],
                    a.lang or "",
                    a.outlet or "",
                    a.story_id or "",
                    (a.title or a.text[:80]).replace("\n", " "),
                )
                for a in rows
            ],
        )
        _print_total(offset, len(rows), total or 0, "article")
    finally:
        sw.close()


@app.command()
def article(
    article_id: str = typer.Argument(..., help="Article id (or the source id it was ingested with)."),
    revisions: bool = typer.Option(
        False, "--revisions", help="Also the earlier versions of an updated article."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Show one article: metadata, clean text and the removed lines."""
    sw = _open()
    try:
        a = sw.article(article_id)
        earlier = sw.revisions(a.id) if revisions else []
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    if as_json:
        data = a.to_json()
        if revisions:
            data["revisions"] = [
                {"revision": r.number, "replaced_at": r.replaced_at, **r.article.to_json()} for r in earlier
            ]
        _emit_json(data)
        return
    if revisions:
        _print_revisions(earlier)
    out.print(a.title or "(no title)", style="bold", markup=False)
    for key in ("id", "source_id", "lang", "published", "outlet", "url", "duplicate_of", "story_id"):
        out.print(f"{key}: {getattr(a, key) or '-'}", markup=False)
    out.print(f"authors: {', '.join(a.authors) or '-'}", markup=False)
    out.print("")
    out.print(a.text, markup=False)
    if a.removed:
        out.print("")
        out.print(f"removed ({len(a.removed)} lines):", style="dim", markup=False)
        for line in a.removed:
            out.print(f"  - {line}", style="dim", markup=False)


def _print_revisions(earlier) -> None:
    if not earlier:
        out.print("revisions: none (this is the only version stored)", style="dim", markup=False)
        return
    for r in earlier:
        out.print(
            f"revision {r.number} (replaced {r.replaced_at}): {r.article.title or '(no title)'}",
            style="dim",
            markup=False,
        )
        for line in r.article.text.splitlines():
            out.print(f"  | {line}", style="dim", markup=False)
    out.print(f"current version (revision {len(earlier) + 1}):", style="bold", markup=False)


@app.command()
def stories(
    lang: str | None = typer.Option(None, "--lang", help="Stories with an article in this language."),
    outlet: str | None = typer.Option(None, "--outlet", help="Stories with an article from this outlet."),
    since: str | None = typer.Option(
        None, "--since", help="With an article published on or after this date."
    ),
    until: str | None = typer.Option(
        None, "--until", help="With an article published on or before this date."
    ),
    search: str | None = typer.Option(
        None,
        "--search",
        help='With an article matching this search (words all required; OR, NOT, "phrase", pre*).',
    ),
    sort: StorySort = typer.Option(
        StorySort.recent,
        "--sort",
        help="recent: newest activity first; size: largest first (ties newest first).",
    ),
    min_size: int | None = typer.Option(
        None, "--min-size", min=1, help="Only stories of at least N articles."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many (in --sort order)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first (paging with --limit)."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one story a line."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV with a header row (UTF-8; lists joined with ';')."),
) -> None:
    """List stories, newest activity first (or largest first with --sort size)."""
    _date_option(since, "--since")
    _date_option(until, "--until")
    _one_format(as_json, as_csv)
    filters = dict(
        lang=lang, outlet=outlet, since=since, until=until, search=search, sort=sort.value, min_size=min_size
    )
    sw = _open()
    try:
        total = None if as_json or as_csv else sw.count_stories(**filters)
        found = sw.stories(**filters, limit=limit, offset=offset)
    except QueryError as exc:
        _fail(str(exc))
    finally:
        sw.close()
    if as_json:
        for s in found:
            _emit_json(s.to_json())
        return
    if as_csv:
        _emit_csv(
            STORY_CSV_COLUMNS,
            (
                (
                    s.id,
                    str(s.size),
                    ";".join(s.languages),
                    ";".join(s.outlets),
                    s.first_published or "",
                    s.last_published or "",
                    s.title or "",
                    ";".join(s.article_ids),
                )
                for s in found
            ),
        )
        return
    _print_table(
        ("id", "size", "langs", "outlets", "first", "last", "title"),
        [
            (
                s.id,
                str(s.size),
                ",".join(s.languages),
                str(len(s.outlets)),
                (s.first_published or "")[:10],
                (s.last_published or "")[:10],
                (s.title or "").replace("\n", " "),
            )
            for s in found
        ],
    )
    _print_total(offset, len(found), total or 0, "story", "stories")


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id; ids of stories merged away still resolve."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Show one story: its articles grouped by outlet and language, in time order."""
    sw = _open()
    try:
        s = sw.story(story_id)
        members = [sw.article(i) for i in s.article_ids]
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    groups: dict[tuple[str, str], list[Any]] = {}
    for a in members:
        groups.setdefault((a.outlet or "(unknown outlet)", a.lang or "?"), []).append(a)
    if as_json:
        obj = s.to_json()
        obj["groups"] = [
            {
                "outlet": outlet,
                "lang": lang,
                "articles": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "published": a.published,
                        "url": a.url,
                        "duplicate_of": a.duplicate_of,
                    }
                    for a in arts
                ],
            }
            for (outlet, lang), arts in groups.items()
        ]
        _emit_json(obj)
        return
    out.print(s.title or "(no title)", style="bold", markup=False)
    out.print(
        f"id {s.id}  size {s.size}  languages {','.join(s.languages)}  "
        f"{s.first_published or '?'} .. {s.last_published or '?'}",
        markup=False,
    )
    for (outlet, lang), arts in groups.items():
        out.print(f"\n{outlet} [{lang}]", style="bold", markup=False)
        for a in arts:
            dup = f"  (copy of {a.duplicate_of})" if a.duplicate_of else ""
            out.print(f"  {(a.published or '?')[:16]}  {a.id}  {a.title or a.text[:60]}{dup}", markup=False)


@app.command()
def explain(
    article_id: str = typer.Argument(..., help="Article id (or the source id it was ingested with)."),
    story_id: str | None = typer.Argument(None, help="A story to compare with (default: the article's own)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Why an article is (or is not) in a story: every part of the clustering decision."""
    sw = _open()
    try:
        result = sw.explain(article_id, story_id)
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    if as_json:
        _emit_json(result.to_json())
        return
    _print_explanation(result)


def _print_explanation(result) -> None:
    a = result.article
    out.print(
        f"article {a.id}: {a.title or a.text[:60]!r} [{a.lang or '?'}, {(a.published or 'undated')[:10]}]",
        style="bold",
        markup=False,
    )
    if result.copy_of:
        out.print(
            f"a copy of {result.copy_of}: it follows its original; the decision shown is the original's",
            markup=False,
        )
    out.print(f"in story: {result.story_id or '-'}", markup=False)
    where = f"joins {result.decision}" if result.decision else "opens a story of its own"
    out.print(
        f"decision now: {where} (an article joins the best story scoring above {result.threshold:g})",
        markup=False,
    )
    shown = result.candidates[:5] + [
        c for c in result.candidates[5:] if c.story_id in (result.story_id, result.asked)
    ]
    for rank, c in enumerate(shown, 1):
        marks = [
            m for m, sid in (("its story", result.story_id), ("asked", result.asked)) if sid == c.story_id
        ]
        label = f"  ({', '.join(marks)})" if marks else ""
        out.print(f"\n{rank}. {c.story_id}{label}: score {c.score:+.2f}", style="bold", markup=False)
        parts = "  ".join(f"{k} {v:+.2f}" for k, v in c.contributions.items())
        out.print(f"   = {parts}", markup=False)
        imputed = " (no member in its language: imputed from dense)" if c.terms_imputed else ""
        out.print(
            f"   dense cosine {c.dense:.3f}  terms cosine {c.terms:.3f}{imputed}  anchors cosine {c.anchors:.3f}"
            f"  time gap {c.gap_days:.1f} days  story size {c.size}",
            markup=False,
        )
        if c.shared_anchors:
            out.print(f"   shared anchors: {', '.join(c.shared_anchors)}", markup=False)
    if not shown:
        out.print("\nno candidate story (the store holds no other story near it)", markup=False)


def _print_metrics(result: dict[str, Any]) -> None:
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


def _settings():
    try:
        return load_settings(state.config, {"db": state.db})
    except StoryweaveError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


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
            result = embedding_speed(corpus, _settings())
        else:
            result = evaluate_corpus(corpus, _settings(), cluster=not no_cluster, first_run=split)
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _emit_json(result) if as_json else _print_metrics(result)


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
        result = evaluate_pairs(pairs, _settings())
    except (StoryweaveError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    _emit_json(result) if as_json else _print_metrics(result)


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
    _emit_json(result) if as_json else _print_metrics(result)


@app.command()
def recluster(
    since: str = typer.Option(..., "--since", help="First publish date of the range (ISO)."),
    until: str = typer.Option(..., "--until", help="Last publish date of the range (ISO)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Rebuild the stories of the articles published in a date range."""
    _date_option(since, "--since")
    _date_option(until, "--until")
    sw = _open()
    try:
        result = sw.recluster(since, until)
    finally:
        sw.close()
    _emit_json(result) if as_json else _print_metrics(result)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
