"""Score the citation finder on the shared corpora and time it: ``python scripts/eval_citations.py [--errors N]``.

Prints precision, recall and F1 over distinct (article, outlet) pairs per corpus (see
``storyweave.evaluate.anatomy_citations`` for what counts) and articles per second on gva-longtail texts.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyweave.analyze.base import ArticleText
from storyweave.analyze.citations import CitationFinder
from storyweave.evaluate.anatomy_citations import score_citations

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per corpus and kind")
    parser.add_argument("--kind", choices=("false", "missed"), default=None)
    args = parser.parse_args()
    finder = CitationFinder()
    for name in ("polnear", "quotes-de-wikinews"):
        path = args.corpora / name / "articles.jsonl"
        if not path.exists():
            print(f"{name}: {path} not found")
            continue
        result = score_citations(_rows(path), finder, max_errors=args.errors)
        errors = result.pop("errors")
        print(name, json.dumps(result))
        for kind in ("false", "missed"):
            if args.kind and kind != args.kind:
                continue
            for e in [e for e in errors if e["kind"] == kind][: args.errors]:
                print(f"  {kind:6} {e['id']}  {e['outlet']}  | {e['evidence'][:220]!r}")
    gva = args.corpora / "gva-longtail" / "articles.jsonl"
    if gva.exists():
        articles = [ArticleText(text=r["text"], lang=r.get("lang")) for r in _rows(gva)]
        finder.analyse(articles[0])
        started = time.perf_counter()
        cited = sum(len(finder.analyse(a)) for a in articles)
        seconds = time.perf_counter() - started
        print(
            f"speed: {len(articles)} gva-longtail articles in {seconds:.2f} s = {len(articles) / seconds:,.0f}"
            f" articles/s ({cited} citations)"
        )


if __name__ == "__main__":
    main()
