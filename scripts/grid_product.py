"""Score one ClusterConfig override through the product path (`storyweave eval`: cleaning included, one process)
on the six clustering corpora; prints the mean and each corpus's BCubed F1.

    PYTHONPATH=src python scripts/grid_product.py bias=-9.25
    for b in -9.25 -9.5 -9.75; do PYTHONPATH=src python scripts/grid_product.py bias=$b; done

Tuning only: the product always uses the ClusterConfig defaults.
"""

from __future__ import annotations

import dataclasses
import sys

from sw_data import CLUSTER_CORPORA, CORPORA

from storyweave.cluster.config import ClusterConfig
from storyweave.config import Settings
from storyweave.evaluate.harness import evaluate_corpus


def main() -> None:
    fields = {f.name: f for f in dataclasses.fields(ClusterConfig)}
    over = dict(arg.split("=", 1) for arg in sys.argv[1:])
    kw = {k: (int(v) if fields[k].type in ("int", int) else float(v)) for k, v in over.items()}
    config = ClusterConfig(**kw)
    scores = [
        evaluate_corpus(CORPORA / name / "articles.jsonl", Settings(workers=0), cluster_config=config)[
            "bcubed_f1"
        ]
        for name in CLUSTER_CORPORA
    ]
    print(over, f"mean {sum(scores) / len(scores):.4f}", " ".join(f"{s:.4f}" for s in scores), flush=True)


if __name__ == "__main__":
    main()
