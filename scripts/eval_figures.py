"""Score the figures analyser on a newsquant-style corpus and time it on plain articles.

    .venv/bin/python scripts/eval_figures.py [--corpus ../shared/corpora/newsquant/sentences.jsonl]
        [--errors] [--speed ../shared/corpora/gva-longtail/articles.jsonl]

Prints the scores as JSON (value precision/recall/F1, value+unit F1, recall per gold alignment type); --errors
lists missed gold figures, unmatched predictions and unit disagreements; --speed prints articles per second on the
texts of a JSON Lines file of articles (``text`` and ``lang``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyweave.analyze.base import ArticleText
from storyweave.analyze.figures import FigureFinder
from storyweave.evaluate.anatomy_figures import _unit_ok, score_figures

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "newsquant" / "sentences.jsonl"


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--speed", type=Path)
    args = parser.parse_args()
    rows = _load(args.corpus)
    finder = FigureFinder()
    details: list = []
    result = score_figures(rows, finder, details if args.errors else None)
    print(json.dumps({"corpus": str(args.corpus), "rows": len(rows), **result}, indent=2, ensure_ascii=False))
    if args.errors:
        texts = {r["id"]: r["text"] for r in rows}
        for rid, gold, pred in details:
            if gold is not None and pred is not None and _unit_ok(pred, gold):
                continue
            kind = "MISS" if pred is None else "EXTRA" if gold is None else "UNIT"
            g = f"{gold['text']!r}={gold['value']:g} [{gold['unit']}]" if gold else ""
            p = f"{pred.text!r}={pred.value:g} [{pred.unit}|{pred.what}]" if pred else ""
            print(f"{kind:5} {rid} {g:45} {p:45} | {texts[rid][:150]}")
    if args.speed:
        articles = [
            ArticleText(text=a.get("text") or "", title=a.get("title"), lang=a.get("lang"))
            for a in _load(args.speed)
        ]
        finder.analyse(articles[0])
        started = time.perf_counter()
        found = sum(len(finder.analyse(a)) for a in articles)
        seconds = time.perf_counter() - started
        print(
            json.dumps(
                {
                    "speed_corpus": str(args.speed),
                    "articles": len(articles),
                    "figures": found,
                    "seconds": round(seconds, 3),
                    "articles_per_second": round(len(articles) / seconds),
                }
            )
        )


if __name__ == "__main__":
    main()
