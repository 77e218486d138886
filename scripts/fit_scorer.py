"""Fit the scorer's logit on oracle streams: each article is scored against its nearest stories while the
stories are built from the gold labels (via ``duplicate_story``); label = candidate is the gold story.

    PYTHONPATH=src:scripts python scripts/fit_scorer.py
Prints per-corpus balanced logistic weights and a pooled fit (each corpus weighted equally).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from sw_data import CLUSTER_CORPORA, CachedEmbedder, load_corpus

from storyweave.cluster.online import ClusterConfig, OnlineClusterer
from storyweave.cluster.represent import Representer
from storyweave.embed.use import USEEmbedder

NAMES = ["dense", "terms", "anchors", "loggap"]


def samples(feats, gold, cfg):
    clu = OnlineClusterer(cfg)
    xs, ys = [], []
    for f in feats:
        mem = clu._memory(f.dense.shape[0])
        g = "g" + gold[f.article_id]
        cands = mem.index.search(f.dense, cfg.candidates)
        prep = clu._prepare(mem, f)
        for sid, cos in cands:
            xs.append(clu._components(mem, f, mem.stories[sid], cos, prep))
            ys.append(1.0 if sid == g else 0.0)
        clu.learn_one(dataclasses.replace(f, duplicate_story=g))
    return np.array(xs), np.array(ys)


def fit(x, y, w, l2=1e-3, iters=50):
    X = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(X.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-X @ beta))
        grad = X.T @ (w * (p - y)) + l2 * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X + l2 * np.eye(X.shape[1])
        beta -= np.linalg.solve(H, grad)
    return beta


def main():
    cfg = ClusterConfig()
    rep = Representer(CachedEmbedder(USEEmbedder()))
    allx, ally, allw = [], [], []
    for name in CLUSTER_CORPORA:
        rows = load_corpus(name)
        gold = {r.id: r.story for r in rows}
        x, y = samples(rep.features(rows), gold, cfg)
        w = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum()))
        beta = fit(x, y, w * len(y))
        print(
            f"{name:15s} n={len(y)} pos={int(y.sum())} bias={beta[0]:.2f} "
            + " ".join(f"{k}={b:.2f}" for k, b in zip(NAMES, beta[1:], strict=False)),
            flush=True,
        )
        allx.append(x)
        ally.append(y)
        allw.append(w)
    x, y, w = np.vstack(allx), np.concatenate(ally), np.concatenate(allw)
    beta = fit(x, y, w * len(y) / len(CLUSTER_CORPORA))
    print(
        f"pooled          bias={beta[0]:.2f} "
        + " ".join(f"{k}={b:.2f}" for k, b in zip(NAMES, beta[1:], strict=False))
    )


if __name__ == "__main__":
    main()
