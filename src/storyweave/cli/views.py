"""The read commands: articles, article, stories, story, outlets, explain."""

from __future__ import annotations

import typer

from storyweave.cli.anatomy import print_anatomy, print_findings
from storyweave.cli.app import (
    ARTICLE_CSV_COLUMNS,
    STORY_CSV_COLUMNS,
    StorySort,
    app,
    date_option,
    emit_csv,
    emit_json,
    err,
    fail,
    one_format,
    open_store,
    out,
    print_table,
    print_total,
)
from storyweave.engine import in_pages
from storyweave.errors import NotFoundError, QueryError
from storyweave.serialise import article_json, story_json


@app.command()
def articles(
    lang: str | None = typer.Option(None, "--lang", help="ISO 639-1 code, e.g. fr."),
    outlet: str | None = typer.Option(
        None, "--outlet", help="Outlet key or display name, any case: nytimes.com, 'The New York Times'."
    ),
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
    date_option(since, "--since")
    date_option(until, "--until")
    one_format(as_json, as_csv)
    filters = dict(lang=lang, outlet=outlet, since=since, until=until, search=search)
    sw = open_store()
    try:
        try:
            total = None if as_json or as_csv else sw.count_articles(**filters)
            rows = sw.articles(**filters, limit=limit, offset=offset)
        except QueryError as exc:
            fail(str(exc))
        if as_json:
            for page in in_pages(rows):  # analyses fetched a page at a time
                _emit_articles(sw, page)
            return
        if as_csv:
            emit_csv(
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
        print_table(
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
        print_total(offset, len(rows), total or 0, "article")
    finally:
        sw.close()


def _emit_articles(sw, page) -> None:
    found = sw.analyses([a.id for a in page])
    for a in page:
        emit_json(article_json(a, found.get(a.id)))


@app.command()
def article(
    article_id: str = typer.Argument(..., help="Article id (or the source id it was ingested with)."),
    revisions: bool = typer.Option(
        False, "--revisions", help="Also the earlier versions of an updated article."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Show one article: metadata, clean text and the removed lines."""
    sw = open_store()
    try:
        a = sw.article(article_id)
        earlier = sw.revisions(a.id) if revisions else []
        found = sw.analyses([a.id]).get(a.id, {})
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    if as_json:
        data = article_json(a, found)
        if revisions:
            data["revisions"] = [
                {"revision": r.number, "replaced_at": r.replaced_at, **r.article.to_json()} for r in earlier
            ]
        emit_json(data)
        return
    if revisions:
        _print_revisions(earlier)
    out.print(a.title or "(no title)", style="bold", markup=False)
    for key in ("id", "source_id", "lang", "published", "outlet", "url", "duplicate_of", "story_id"):
        value = getattr(a, key) or "-"
        if key == "outlet" and a.outlet_name:
            value = f"{value} ({a.outlet_name})"
        out.print(f"{key}: {value}", markup=False)
    out.print(f"authors: {', '.join(a.authors) or '-'}", markup=False)
    out.print("")
    out.print(a.text, markup=False)
    if a.removed:
        out.print("")
        out.print(f"removed ({len(a.removed)} lines):", style="dim", markup=False)
        for item in a.removed_lines():
            out.print(f"  - [{item['reason'] or '?'}] {item['line']}", style="dim", markup=False)
    print_findings(found)


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
    outlet: str | None = typer.Option(
        None, "--outlet", help="Stories with an article from this outlet (key or display name, any case)."
    ),
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
    date_option(since, "--since")
    date_option(until, "--until")
    one_format(as_json, as_csv)
    filters = dict(
        lang=lang, outlet=outlet, since=since, until=until, search=search, sort=sort.value, min_size=min_size
    )
    sw = open_store()
    try:
        total = None if as_json or as_csv else sw.count_stories(**filters)
        found = sw.stories(**filters, limit=limit, offset=offset)
    except QueryError as exc:
        fail(str(exc))
    finally:
        sw.close()
    if as_json:
        for s in found:
            emit_json(s.to_json())
        return
    if as_csv:
        emit_csv(
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
    print_table(
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
    print_total(offset, len(found), total or 0, "story", "stories")


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id; ids of stories merged away still resolve."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Show one story: its articles grouped by outlet and language, in time order."""
    sw = open_store()
    try:
        s = sw.story(story_id)
        members = [sw.article(i) for i in s.article_ids]
        anatomy = sw.anatomy(s.id)
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    data = story_json(s, members, anatomy)
    if as_json:
        emit_json(data)
        return
    out.print(s.title or "(no title)", style="bold", markup=False)
    out.print(
        f"id {s.id}  size {s.size}  languages {','.join(s.languages)}  "
        f"{s.first_published or '?'} .. {s.last_published or '?'}",
        markup=False,
    )
    for group in data["groups"]:
        outlet = group["outlet"]
        named = f"{group['outlet_name']} ({outlet})" if group["outlet_name"] else outlet
        out.print(f"\n{named} [{group['lang']}]", style="bold", markup=False)
        for a in group["articles"]:
            dup = f"  (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
            out.print(f"  {(a['published'] or '?')[:16]}  {a['id']}  {a['title'] or ''}{dup}", markup=False)
    print_anatomy(anatomy)


@app.command()
def outlets(
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one outlet a line."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV with a header row (UTF-8; names joined with ';')."),
) -> None:
    """List outlets, most articles first: key (registered domain), display name, articles and stories."""
    one_format(as_json, as_csv)
    sw = open_store()
    try:
        found = sw.store.outlets()
    finally:
        sw.close()
    if as_json:
        for o in found:
            emit_json(o.to_json())
        return
    if as_csv:
        emit_csv(
            ("key", "name", "articles", "stories", "names"),
            ((o.key, o.name or "", str(o.articles), str(o.stories), ";".join(o.names)) for o in found),
        )
        return
    print_table(
        ("articles", "stories", "key", "name"),
        [(str(o.articles), str(o.stories), o.key, o.name or "") for o in found],
    )
    print_total(0, len(found), len(found), "outlet")


@app.command()
def explain(
    article_id: str = typer.Argument(..., help="Article id (or the source id it was ingested with)."),
    story_id: str | None = typer.Argument(None, help="A story to compare with (default: the article's own)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Why an article is (or is not) in a story: every part of the clustering decision."""
    sw = open_store()
    try:
        result = sw.explain(article_id, story_id)
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        sw.close()
    if as_json:
        emit_json(result.to_json())
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
