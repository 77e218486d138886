"""pair_similarity: the graded, symmetric article-pair similarity behind `storyweave eval-pairs`."""

from __future__ import annotations

import numpy as np
import pytest

from storyweave.cluster.base import Features
from storyweave.cluster.online import PAIR_RANGE, PAIR_WEIGHTS, OnlineClusterer

DIM = 16


def vec(*weights: float) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[: len(weights)] = weights
    return (v / np.linalg.norm(v)).astype(np.float32)


def art(
    aid: str, dense: np.ndarray, terms: tuple[str, ...], anchors: tuple[str, ...] = (), lang: str = "en"
) -> Features:
    return Features(aid, None, lang, dense, dict.fromkeys(terms, 1.0), frozenset(anchors))


def observed(*fs: Features) -> OnlineClusterer:
    clu = OnlineClusterer()
    for f in fs:
        clu.observe_one(f)
    filler = [art(f"f{k}", vec(0, 0, 1), (f"filler{k}", "common"), (f"e:x{k}",)) for k in range(20)]
    for f in filler:  # a collection, so that shared rare words weigh more than common ones
        clu.observe_one(f)
    return clu


def test_same_story_scores_one_and_unrelated_scores_zero() -> None:
    a = art("a", vec(1, 0.1), ("quake", "turkey", "rescue", "common"), ("p:TR", "n:6000"))
    b = art("b", vec(1, 0.12), ("quake", "turkey", "rescue", "victims"), ("p:TR", "n:6000"))
    c = art("c", vec(0, 1), ("election", "budget", "common"), ("p:FR",))
    clu = observed(a, b, c)
    assert clu.pair_similarity(a, b) == 1.0
    assert clu.pair_similarity(a, c) == 0.0


def test_graded_symmetric_and_bounded() -> None:
    a = art("a", vec(1, 1.5), ("quake", "turkey", "rescue", "common"), ("p:TR",))
    b = art("b", vec(1, 0.0), ("quake", "chile", "aid", "common"), ("p:CL",))
    clu = observed(a, b)
    s = clu.pair_similarity(a, b)
    assert 0.0 < s < 1.0
    assert s == pytest.approx(clu.pair_similarity(b, a))


def test_words_shared_across_languages_count() -> None:
    """Terms are compared whatever the languages: a German and an English article naming the same rare things
    score higher than a pair with the same dense cosine and nothing in common."""
    de = art("de", vec(1, 0.8), ("erdogan", "ankara", "wahl"), lang="de")
    en = art("en", vec(1, 0.0), ("erdogan", "ankara", "vote"), lang="en")
    other = art("o", vec(1, 0.0), ("football", "league", "goal"), lang="en")
    clu = observed(de, en, other)
    assert clu.pair_components(de, en)[1] > 0.5 and clu.pair_components(de, other)[1] == 0.0
    assert clu.pair_similarity(de, en) > clu.pair_similarity(de, other)


def test_similarity_is_the_documented_function() -> None:
    a = art("a", vec(1, 0.7), ("alpha", "beta", "common"), ("e:abc", "n:12"))
    b = art("b", vec(1, 0.1), ("alpha", "gamma", "common"), ("e:abc",))
    clu = observed(a, b)
    dense, terms, anchors = clu.pair_components(a, b)
    bias, wd, wt, wa = PAIR_WEIGHTS
    g = bias + wd * dense + wt * terms**0.5 + wa * anchors**0.5
    lo, hi = PAIR_RANGE
    assert clu.pair_similarity(a, b) == pytest.approx((min(max(g, lo), hi) - lo) / (hi - lo))
    assert clu.snapshot() == []  # scoring a pair creates no story
