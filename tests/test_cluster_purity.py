"""``predict_one`` leaves no trace on later decisions; forgetting and unobserving undo learning."""

from __future__ import annotations

import numpy as np

from storyweave.cluster.base import Features
from storyweave.cluster.online import DAY, OnlineClusterer

DIM = 16
T0 = 1_600_000_000.0


def _article(
    k: int, topic: int, words: tuple[str, ...], lang: str = "en", day: float | None = None
) -> Features:
    rng = np.random.default_rng(k)
    v = np.zeros(DIM, dtype=np.float32)
    v[topic] = 1.0
    v += 0.3 * rng.standard_normal(DIM).astype(np.float32)
    v /= np.linalg.norm(v)
    return Features(
        f"a{k:03d}",
        T0 + (k / 10 if day is None else day) * DAY,
        lang,
        v,
        dict.fromkeys(words, 1.0),
        frozenset({f"e:t{topic}"}),
    )


def _stream() -> list[Features]:
    out = []
    for k in range(40):
        topic = k % 4
        out.append(_article(k, topic, (f"topic{topic}", f"w{k % 7}", "bridge" if k % 3 else "flood")))
    return out


def _scores(clu: OnlineClusterer, probes: list[Features]) -> list[tuple]:
    return [(p.story_id, p.score, p.runner_up, p.runner_up_score) for p in map(clu.predict_one, probes)]


def test_a_prediction_does_not_change_later_decisions() -> None:
    stream = _stream()
    probe = _article(900, 1, ("bridge", "topic1", "levee"))  # "levee": a word no article had so far
    later = _article(901, 1, ("levee", "topic1", "w3"))
    final = [_article(950, 1, ("levee", "topic1", "flood")), _article(951, 2, ("levee", "topic2"))]
    plain, peeked = OnlineClusterer(), OnlineClusterer()
    for f in stream[:30]:
        plain.learn_one(f)
        peeked.learn_one(f)
    peeked.predict_one(probe)  # looks "levee" up before any article with it was counted
    assert plain.learn_one(later) == peeked.learn_one(later)
    assert _scores(peeked, final) == _scores(plain, final)


def test_forgetting_an_article_undoes_learning_it() -> None:
    stream = _stream()
    clu = OnlineClusterer()
    for f in stream:
        clu.learn_one(f)
    probe = _article(960, 1, ("topic1", "w1", "bridge"), day=2.0)
    before = _scores(clu, [probe])
    extra = _article(961, 1, ("topic1", "w5", "flood"), day=2.05)
    story = clu.learn_one(extra)
    assert clu.forget_one(extra, story) is False
    after = _scores(clu, [probe])
    assert after[0][0] == before[0][0]
    assert abs(after[0][1] - before[0][1]) < 1e-3  # only its count in the document frequencies stays


def test_an_emptied_story_leaves_memory_and_its_id_can_be_retired() -> None:
    clu = OnlineClusterer()
    lone = _article(1, 5, ("volcano", "ash"))
    story = clu.learn_one(lone)
    assert clu.forget_one(lone, story) is True
    assert clu.story_ids() == []
    clu.retire(story, "s-elsewhere")
    assert clu.resolve(story) == "s-elsewhere"
    assert [(e.kind, e.old, e.new) for e in clu.drain_events()] == [("merge", story, "s-elsewhere")]


def test_unobserving_everything_decides_like_an_empty_clusterer() -> None:
    stream = _stream()
    used = OnlineClusterer()
    for f in stream:
        used.learn_one(f)
    fresh = OnlineClusterer()
    used_stats = used.export_statistics()
    replay = OnlineClusterer()
    replay.import_statistics(*used_stats)
    replay.unobserve(stream)
    assert [replay.learn_one(f) for f in stream] == [fresh.learn_one(f) for f in stream]
    assert replay.export_statistics()[1] == fresh.export_statistics()[1]
