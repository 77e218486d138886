"""Story headlines against BASIL ``main-event`` and NewsWCL50 titles (issue 9): mean ROUGE-1 F1 of the summary's
headline and of the lead sentence of the first article, with and without the articles' titles.

    .venv/bin/python scripts/eval_summary.py                    # ../shared/corpora/{basil,newswcl50}
    .venv/bin/python scripts/eval_summary.py --corpora PATH --json

NewsWCL50 has no event description: its references are its titles, so it is only scored without titles.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyweave.evaluate.anatomy_summary import score_summary


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=here.parent.parent / "shared" / "corpora")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    for corpus, settings in (("basil", (True, False)), ("newswcl50", (False,))):
        with (args.corpora / corpus / "articles.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for titles in settings:
            results.append({"corpus": corpus, **score_summary(rows, titles=titles)})
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for r in results:
        verdict = "meets" if r["headline"] >= r["lead"] else "below"
        print(
            f"{r['corpus']:10} titles={'yes' if r['titles'] else 'no ':3} stories={r['stories']:3}  "
            f"ROUGE-1 F1 headline {r['headline']:.3f}  lead baseline {r['lead']:.3f}  ({verdict} the goal)"
        )


if __name__ == "__main__":
    main()
