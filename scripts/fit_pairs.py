"""Fit the constants of ``OnlineClusterer.pair_similarity`` (PAIR_WEIGHTS, PAIR_RANGE) on SemEval-2022 Task 8 pairs.

    PYTHONPATH=src:scripts python scripts/fit_pairs.py

Features come from the same path as ``storyweave eval-pairs`` (clean -> represent -> observe), with embeddings from
the /tmp cache. Least squares of -Overall on (1, dense, sqrt(terms), sqrt(anchors)), then the clip range that
maximises Pearson. Prints the in-sample numbers and a 5-fold cross-validated Pearson (10 shuffles; the clip range is
chosen inside each training fold), so the shipped constants are not judged on the pairs they were fitted on alone.
"""

from __future__ import annotations

import math

import numpy as np
from sw_data import CORPORA, CachedEmbedder

from storyweave.cluster.online import PAIR_RANGE, PAIR_WEIGHTS
from storyweave.embed.use import USEEmbedder
from storyweave.evaluate.pairs import load_pairs, pair_features

GRID = [(lo / 10, hi / 10) for lo in range(-42, -29) for hi in range(-20, -7)]


def design(comps: np.ndarray) -> np.ndarray:
    d, t, a = comps.T
    return np.column_stack(
        [np.ones(len(comps)), d, np.sqrt(np.clip(t, 0, None)), np.sqrt(np.clip(a, 0, None))]
    )


def r(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1]) if np.std(x) > 0 else 0.0


def best_clip(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    return max(GRID, key=lambda g: r(np.clip(pred, *g), y))


def main() -> None:
    path = CORPORA / "semeval2022-pairs" / "pairs.csv"
    emb = CachedEmbedder(USEEmbedder(threads=2))
    keep, feats, scorer = pair_features(path, load_pairs(path), emb)
    emb.save()
    y = np.array([-float(row["Overall"]) for row in keep])
    comps = np.array([scorer.pair_components(feats[2 * i], feats[2 * i + 1]) for i in range(len(keep))])
    X = design(comps)
    for name, col in zip(("dense", "terms", "anchors"), comps.T, strict=True):
        print(f"{name:8s} alone r={r(col, y):.4f}")
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    clip = best_clip(X @ w, y)
    print(
        f"fit: weights {np.round(w, 2).tolist()} clip {clip}: linear r={r(X @ w, y):.4f}"
        f" clipped r={r(np.clip(X @ w, *clip), y):.4f}"
    )
    lin, clipped = [], []
    for rep in range(10):
        folds = np.random.RandomState(rep).permutation(len(y)) % 5
        p0, p1 = np.zeros(len(y)), np.zeros(len(y))
        for k in range(5):
            tr = folds != k
            wk = np.linalg.lstsq(X[tr], y[tr], rcond=None)[0]
            ck = best_clip(X[tr] @ wk, y[tr])
            p0[~tr] = X[~tr] @ wk
            p1[~tr] = np.clip(X[~tr] @ wk, *ck)
        lin.append(r(p0, y))
        clipped.append(r(p1, y))
    print(
        f"5-fold CV: linear r={np.mean(lin):.4f}  clipped r={np.mean(clipped):.4f} (sd {np.std(clipped):.4f})"
    )
    shipped = [scorer.pair_similarity(feats[2 * i], feats[2 * i + 1]) for i in range(len(keep))]
    print(f"shipped PAIR_WEIGHTS={PAIR_WEIGHTS} PAIR_RANGE={PAIR_RANGE}: r={r(np.array(shipped), y):.4f}")
    assert all(math.isfinite(s) for s in shipped)


if __name__ == "__main__":
    main()
