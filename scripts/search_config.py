"""Coordinate search of the scorer's few free parameters; objective = mean BCubed F1 over the clustering corpora.

PYTHONPATH=src:scripts python scripts/search_config.py [--evict=0] [key=value ...]   (start point)
"""

from __future__ import annotations

import sys

from sw_data import CLUSTER_CORPORA, CachedEmbedder, load_corpus
from tune_cluster import cluster, make_config

from storyweave.cluster.represent import Representer
from storyweave.embed.use import USEEmbedder
from storyweave.evaluate.metrics import bcubed

STEPS = {
    "bias": 0.5,
    "w_dense": 1.0,
    "w_terms": 1.5,
    "w_anchors": 1.0,
    "w_time": 0.3,
    "missing_terms": 0.1,
    "w_size": 0.15,
}


def main() -> None:
    start = {
        k: float(v) for k, v in (a.split("=") for a in sys.argv[1:] if "=" in a and not a.startswith("--"))
    }
    rep = Representer(CachedEmbedder(USEEmbedder()))
    data = {}
    for name in CLUSTER_CORPORA:
        rows = load_corpus(name)
        data[name] = ({r.id: r.story for r in rows}, rep.features(rows))
    cache: dict[tuple, tuple[float, list[float]]] = {}

    def score(p: dict[str, float]) -> float:
        key = tuple(sorted(p.items()))
        if key not in cache:
            cfg = make_config(p)
            f1s = [bcubed(g, cluster(cfg, feats)[0])[2] for g, feats in data.values()]
            cache[key] = (sum(f1s) / len(f1s), f1s)
            print(
                f"{sum(f1s) / len(f1s):.4f} "
                + " ".join(f"{x:.3f}" for x in f1s)
                + " | "
                + " ".join(f"{k}={v:g}" for k, v in sorted(p.items())),
                flush=True,
            )
        return cache[key][0]

    cur = dict(start)
    best = score(cur)
    for sweep in range(3):
        improved = False
        for k, step in STEPS.items():
            for sign in (1, -1):
                while True:
                    trial = dict(cur)
                    trial[k] = round(cur.get(k, getattr(make_config({}), k)) + sign * step, 3)
                    s = score(trial)
                    if s > best + 1e-4:
                        best, cur, improved = s, trial, True
                    else:
                        break
        print(f"sweep {sweep}: best {best:.4f} {cur}", flush=True)
        if not improved:
            break


if __name__ == "__main__":
    main()
