"""Story anatomy on the command line: `reanalyze`, `quotes`, `citations`, and the anatomy part of `article` and
`story` (issue 9)."""

from __future__ import annotations

from typing import Any

import typer

from storyweave.cli.app import app, date_option, emit_json, open_store, out, print_table


def print_findings(found: dict[str, list[dict[str, Any]]]) -> None:
    """An article's quotes, figures and citations, under its text."""
    quotes, figures, citations = found.get("quotes", []), found.get("figures", []), found.get("citations", [])
    if quotes:
        out.print(f"\nquotes ({len(quotes)}):", style="bold", markup=False)
        for q in quotes:
            who = q.get("speaker") or "?"
            out.print(f"  {who} [{q.get('type')}, {q.get('cue') or '-'}]: {q['text']}", markup=False)
    if figures:
        out.print(f"\nfigures ({len(figures)}):", style="bold", markup=False)
        for f in figures:
            out.print(
                f"  {f['value']:g} {f.get('unit') or ''} {f.get('what') or '?'}  ({f['text']})", markup=False
            )
    if citations:
        out.print(f"\ncitations ({len(citations)}):", style="bold", markup=False)
        for c in citations:
            out.print(f"  {c['outlet']}: {c['evidence']}", markup=False)


def print_anatomy(anatomy: dict[str, Any]) -> None:
    """A story's anatomy, under its articles."""
    summary = anatomy.get("summary")
    if summary:
        out.print(
            f"\nsummary [{summary.get('lang')}]: {summary.get('headline') or ''}", style="bold", markup=False
        )
        for s in summary.get("sentences", []):
            out.print(f"  - {s['text']} ({s['article_id']})", markup=False)
    groups = anatomy.get("quotes", [])
    if groups:
        out.print(f"\nquotes ({len(groups)} statements):", style="bold", markup=False)
        for g in groups[:20]:
            langs = ",".join(g["languages"])
            out.print(f"  {g['speaker'] or '?'} [{g['articles']} articles; {langs}]", markup=False)
            for v in g["variants"][:4]:
                out.print(f"    {v['outlet'] or '?'} [{v['lang']}]: {v['text']}", markup=False)
    figures = anatomy.get("figures", [])
    if figures:
        out.print(f"\nfigures ({len(figures)}):", style="bold", markup=False)
        for g in figures[:20]:
            flag = "  DISAGREEMENT" if g["disagreement"] else ""
            values = "; ".join(f"{v['outlet'] or '?'} {v['value']:g}" for v in g["values"][:6])
            out.print(f"  {g['what'] or '?'} {g.get('unit') or ''}{flag}: {values}", markup=False)
    edges = anatomy.get("citations", [])
    if edges:
        out.print(f"\ncitations ({len(edges)}):", style="bold", markup=False)
        for e in edges[:20]:
            out.print(f"  {e['from_outlet'] or '?'} -> {e['to_outlet']}: {e['evidence']}", markup=False)
    framing = anatomy.get("framing") or {}
    if framing:
        out.print("\nframing (terms one outlet uses and the others do not):", style="bold", markup=False)
        for outlet, terms in framing.items():
            out.print(f"  {outlet}: {', '.join(terms)}", markup=False)


@app.command()
def reanalyze(as_json: bool = typer.Option(False, "--json", help="One JSON object.")) -> None:
    """Run the per-article analysers again where their stored results are missing or older (after an upgrade)."""
    sw = open_store()
    try:
        result = sw.reanalyze()
    finally:
        sw.close()
    if as_json:
        emit_json(result)
    else:
        out.print(
            f"reanalyzed {result['articles']} articles ({', '.join(result['analysers']) or 'no analysers'})"
        )


@app.command()
def quotes(
    speaker: str | None = typer.Option(None, "--speaker", help="Part of the speaker's name, any case."),
    search: str | None = typer.Option(None, "--search", help="Part of the quote's text, any case."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the article, e.g. fr."),
    since: str | None = typer.Option(None, "--since", help="Published on or after this ISO date."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this ISO date."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one quote a line."),
) -> None:
    """Every stored quote matching the filters, in publish order, in any language."""
    date_option(since, "--since")
    date_option(until, "--until")
    sw = open_store()
    try:
        found = sw.quotes(speaker=speaker, search=search, lang=lang, since=since, until=until)
        if as_json:
            for q in found:
                emit_json(q)
            return
        rows: list[tuple[str, ...]] = [
            (
                (q["published"] or "")[:10],
                q["lang"] or "",
                q["outlet"] or "",
                q.get("speaker") or "?",
                q["article_id"],
                q["text"].replace("\n", " "),
            )
            for q in found
        ]
    finally:
        sw.close()
    print_table(("published", "lang", "outlet", "speaker", "article", "quote"), rows)


@app.command()
def citations(
    since: str | None = typer.Option(None, "--since", help="Published on or after this ISO date."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this ISO date."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one edge a line."),
) -> None:
    """Who cites whom: edges from the citing outlet to the cited one, with counts and examples."""
    date_option(since, "--since")
    date_option(until, "--until")
    sw = open_store()
    try:
        edges = sw.citations(since=since, until=until)
    finally:
        sw.close()
    if as_json:
        for e in edges:
            emit_json(e)
        return
    print_table(
        ("from", "to", "articles", "example"),
        [
            (e["from_outlet"] or "?", e["to_outlet"], str(e["articles"]), e["examples"][0]["evidence"] or "")
            for e in edges
        ],
    )
