"""Framing against BASIL's lexical-bias spans (issue 9): the share of each outlet's top framing terms inside its
annotated spans, beside the share for its most frequent content words.

    .venv/bin/python scripts/eval_framing.py                       # ../shared/corpora/basil
    .venv/bin/python scripts/eval_framing.py --corpus PATH --top 10 --min-z 1.96 --json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyweave.analyze.framing import MIN_COUNT, MIN_Z, framing
from storyweave.evaluate.anatomy_framing import score_framing


def basil_rows(folder: Path) -> list[dict]:
    """BASIL articles with the texts of their ``lex`` spans as ``lex_spans``."""
    spans: dict[str, list[str]] = {}
    for path in sorted((folder / "annotations").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [p["txt"] for p in data.get("phrase-level-annotations", []) if p.get("bias") == "lex"]
        spans.setdefault(data["uuid"], []).extend(found)
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [{**r, "lex_spans": spans.get(r["id"], [])} for r in rows]


def main() -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=here.parent.parent / "shared" / "corpora" / "basil")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--min-z", type=float, default=MIN_Z)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = basil_rows(args.corpus)
    result = score_framing(
        rows,
        top=args.top,
        framer=lambda arts: framing(arts, top=args.top, min_z=args.min_z, min_count=args.min_count),
    )
    if args.json:
        print(json.dumps(result, indent=2))
        return
    f, b = result["framing"], result["frequency"]
    print(
        f"{result['stories']} stories, {result['outlets']} outlets, {result['outlets_with_terms']} with framing terms"
    )
    print(
        f"framing    top-{args.top}: {f['inside']}/{f['terms']} terms inside lexical-bias spans = {f['share']:.4f}"
    )
    print(
        f"frequency  top-{args.top}: {b['inside']}/{b['terms']} terms inside lexical-bias spans = {b['share']:.4f}"
    )
    ratio = result["ratio"]
    print(f"ratio: {ratio:.2f} (goal >= 2.00)" if ratio is not None else "ratio: n/a (baseline share 0)")


if __name__ == "__main__":
    main()
