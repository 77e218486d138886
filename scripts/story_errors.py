"""Which gold stories a corpus's predicted stories mix, and which gold stories they split, through the product path
(`storyweave eval`'s stream order, cleaning included, one process).

    PYTHONPATH=src python scripts/story_errors.py ../shared/corpora/meantime/articles.jsonl
    PYTHONPATH=src python scripts/story_errors.py ../shared/corpora/ecbplus/articles.jsonl --limit 30
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from storyweave.config import Settings
from storyweave.engine import Storyweave
from storyweave.evaluate.harness import corpus_documents, load_corpus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=12, help="examples of each kind to print")
    args = parser.parse_args()
    rows = load_corpus(args.corpus)
    gold = {str(r["id"]): str(r["story"]) for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        with Storyweave(settings=Settings(db=str(Path(tmp) / "errors.db"), workers=0)) as sw:
            sw.ingest_documents(corpus_documents(rows, args.corpus))
            articles = {a.source_id: a for a in sw.articles()}
    predicted: dict[str, list[str]] = defaultdict(list)
    for source_id, article in articles.items():
        predicted[article.story_id or article.id].append(source_id)
    mixed = [
        (sid, Counter(gold[m] for m in members))
        for sid, members in predicted.items()
        if len({gold[m] for m in members}) > 1
    ]
    pieces: dict[str, set[str]] = defaultdict(set)
    for source_id, article in articles.items():
        pieces[gold[source_id]].add(article.story_id or article.id)
    split = {g: len(p) for g, p in pieces.items() if len(p) > 1}
    print(
        f"{len(predicted)} predicted stories, {len(set(gold.values()))} gold; {len(mixed)} predicted stories mix "
        f"gold stories; {len(split)} gold stories are split"
    )
    for sid, counts in mixed[: args.limit]:
        print(f"mixed {sid}: {dict(counts)}")
        for g in counts:
            first = min(
                (articles[m] for m in predicted[sid] if gold[m] == g), key=lambda a: a.published or "~"
            )
            print(f"    {g}: {first.published} {(first.title or first.text[:80])!r}")
    for g, n in sorted(split.items(), key=lambda kv: -kv[1])[: args.limit]:
        print(f"split {g} into {n} stories")


if __name__ == "__main__":
    main()
