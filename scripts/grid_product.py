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

import storyweave.cluster.online as online
from storyweave.config import Settings
from storyweave.evaluate.harness import evaluate_corpus


def main() -> None:
    fields = {f.name: f for f in dataclasses.fields(online.ClusterConfig)}
    over = dict(arg.split("=", 1) for arg in sys.argv[1:])
    kw = {k: (int(v) if fields[k].type in ("int", int) else float(v)) for k, v in over.items()}
    config = online.ClusterConfig(**kw)
    original = online.OnlineClusterer.__init__

    def init(self, cfg=config, state_source=None):  # the engine builds OnlineClusterer(state_source=...)
        original(self, cfg, state_source)

    online.OnlineClusterer.__init__ = init  # type: ignore[method-assign]
    scores = [evaluate_corpus(CORPORA / name / "articles.jsonl", Settings(workers=0))["bcubed_f1"]
              for name in CLUSTER_CORPORA]
    print(over, f"mean {sum(scores) / len(scores):.4f}", " ".join(f"{s:.4f}" for s in scores), flush=True)


if __name__ == "__main__":
    main()
