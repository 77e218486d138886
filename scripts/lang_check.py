"""Language identification: accuracy on the labelled corpora and speed, for one ``languages`` setting.

    .venv/bin/python scripts/lang_check.py                      # the default languages
    .venv/bin/python scripts/lang_check.py --languages all      # every language lingua knows
    .venv/bin/python scripts/lang_check.py --corpora ../shared/corpora --runs 5

Prints, per corpus, the share of texts whose detected code is the gold ``lang`` (og2021-titles: the title alone, as
the corpus has no body; meantime: the text; semeval2022-pairs: the full texts through the Cleaner, as ``bench``
measures them), how many came out ``und``, the most frequent confusions, and the best-of-``runs`` seconds that
``detect`` takes on 500 gva-longtail titles and on 500 gva-longtail article texts (detectors built beforehand).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from storyweave.clean.language import UNDETERMINED, LanguageIdentifier, languages_from_setting


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _accuracy(name: str, pairs: list[tuple[str, str | None]]) -> None:
    correct = sum(1 for gold, found in pairs if gold == found)
    undetermined = sum(1 for _, found in pairs if found == UNDETERMINED)
    confusions = Counter(f"{gold}->{found}" for gold, found in pairs if gold != found)
    top = ", ".join(f"{k} {n}" for k, n in confusions.most_common(6)) or "-"
    print(
        f"{name:<26} n={len(pairs):<5} accuracy {correct / len(pairs):.4f}  und {undetermined:<3} misses: {top}"
    )


def _best_time(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--languages", default="default", help="the `languages` setting (default, all, en,fr,...)"
    )
    parser.add_argument("--corpora", default="../shared/corpora")
    parser.add_argument("--runs", type=int, default=3, help="timing runs; the best is printed")
    args = parser.parse_args()
    root = Path(args.corpora)
    codes = languages_from_setting(args.languages)
    ident = LanguageIdentifier(codes)
    print(f"languages={args.languages} ({len(codes)} codes)")

    og = _rows(root / "og2021-titles" / "articles.jsonl")
    _accuracy("og2021-titles (titles)", [(r["lang"], ident.detect(r["title"])) for r in og])
    meantime = _rows(root / "meantime" / "articles.jsonl")
    _accuracy("meantime (texts)", [(r["lang"], ident.detect(r["text"])) for r in meantime])
    pairs = root / "semeval2022-pairs" / "pairs.csv"
    if pairs.exists():
        from storyweave.clean import Cleaner
        from storyweave.errors import InputError
        from storyweave.evaluate.pairs import load_pairs
        from storyweave.models import RawDocument

        cleaner = Cleaner(languages=codes)
        seen: dict[str, tuple[str, str | None]] = {}
        for row in load_pairs(pairs):
            for side in ("1", "2"):
                text = row.get(f"text{side}") or ""
                if text not in seen:
                    try:
                        found = cleaner.clean(RawDocument(source=str(pairs), format="csv", text=text)).lang
                    except InputError:
                        found = None
                    seen[text] = (row[f"lang{side}"], found)
        _accuracy("semeval2022 (Cleaner)", list(seen.values()))

    gva = _rows(root / "gva-longtail" / "articles.jsonl")[:500]
    titles = [r["title"] for r in gva]
    texts = [r["text"] for r in gva]
    for sample in titles[:20] + texts[:20]:  # build the detectors before timing
        ident.detect(sample)
    t_titles = _best_time(lambda: [ident.detect(t) for t in titles], args.runs)
    t_texts = _best_time(lambda: [ident.detect(t) for t in texts], args.runs)
    print(f"speed: 500 gva-longtail titles {t_titles:.3f} s, 500 gva-longtail texts {t_texts:.3f} s")


if __name__ == "__main__":
    main()
