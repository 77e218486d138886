"""Scores the quote finder on a corpus in the polnear / quotes-de-wikinews layout (issue 9, item 8).

    .venv/bin/python scripts/eval_quotes.py ../shared/corpora/polnear/articles.jsonl [--half a|b] [--json]

Prints quote precision/recall/F1 (all, direct, indirect), speaker accuracy, direct quotes per language and the
finder's speed. ``--half a`` / ``--half b`` score the even / odd rows only (a split to check rules tuned on one
half against the other).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyweave.analyze.base import ArticleText
from storyweave.analyze.quotes import QuoteFinder
from storyweave.evaluate.anatomy_quotes import score_direct_by_language, score_quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--half", choices=("a", "b"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.corpus).open(encoding="utf-8") if line.strip()]
    if args.half:
        rows = rows[0 if args.half == "a" else 1 :: 2]
    finder = QuoteFinder()
    result = {"corpus": args.corpus, "half": args.half, **score_quotes(rows, finder)}
    result["direct_by_language"] = score_direct_by_language(rows, finder)
    articles = [ArticleText(text=r.get("text") or "", lang=r.get("lang")) for r in rows]
    started = time.perf_counter()
    for a in articles:
        finder.analyse(a)
    seconds = time.perf_counter() - started
    result["articles_per_second"] = round(len(articles) / seconds) if seconds else None
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    for key in ("all", "direct", "indirect"):
        s = result[key]
        print(
            f"{key:9} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (gold {s['gold']}, predicted {s['predicted']})"
        )
    if "mixed_recall" in result:
        print(f"mixed     R {result['mixed_recall']:.3f}")
    for kind, s in result["recall_by_gold_type"].items():
        print(f"  gold {kind:24} R {s['recall']:.3f}  (gold {s['gold']})")
    sp = result["speaker"]
    print(
        f"speaker accuracy {sp['accuracy']} on {sp['judged']} matched named gold speakers (predicted for {sp['predicted_share']})"
    )
    for lang, s in result["direct_by_language"].items():
        print(
            f"direct {lang}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  speaker {s['speaker_accuracy']}"
        )
    print(f"speed: {result['articles_per_second']} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
