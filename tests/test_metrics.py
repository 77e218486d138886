"""Metric tests against hand-computed values."""

from __future__ import annotations

import pytest

from storyweave.evaluate.metrics import bcubed, largest_stories, pairwise, pearson, stream_order

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
PRED = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}


def test_bcubed_hand_computed() -> None:
    # precision per item: a 1, b 1, c 1/2, d 1/2, e 1 -> 4/5; recall: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 -> 8/3 / 5
    p, r, f = bcubed(GOLD, PRED)
    assert p == pytest.approx(0.8)
    assert r == pytest.approx(8 / 15)
    assert f == pytest.approx(2 * 0.8 * (8 / 15) / (0.8 + 8 / 15))


def test_bcubed_perfect_and_missing() -> None:
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="no prediction"):
        bcubed(GOLD, {"a": "1"})


def test_pairwise_hand_computed() -> None:
    # gold pairs: ab ac bc de = 4; predicted pairs: ab cd = 2; both: ab = 1
    p, r, f = pairwise(GOLD, PRED)
    assert (p, r) == (0.5, 0.25)
    assert f == pytest.approx(1 / 3)


def test_pairwise_all_singletons() -> None:
    single = {k: k for k in GOLD}
    assert pairwise(single, single) == (1.0, 1.0, 1.0)


def test_largest_stories_size_purity_gold_and_span() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "z", "e": "z", "f": "z", "g": "w"}
    pred = {"a": "1", "b": "1", "c": "1", "d": "1", "e": "2", "f": "2", "g": "3"}
    day = 86400.0
    times = {
        "a": 0.0,
        "b": 2 * day,
        "c": None,
        "d": 30 * day,
        "e": 5 * day,
        "f": None,
    }  # g has no time at all
    top = largest_stories(gold, pred, times, k=2)
    # story 1: 4 members, majority x holds 2, three gold labels, days 0..30; story 2: pure, one dated member
    assert top == [
        {"size": 4, "purity": 0.5, "gold_stories": 3, "span_days": 30.0},
        {"size": 2, "purity": 1.0, "gold_stories": 1, "span_days": 0.0},
    ]
    assert largest_stories(gold, pred, k=5)[2] == {
        "size": 1,
        "purity": 1.0,
        "gold_stories": 1,
        "span_days": None,
    }
    assert len(largest_stories(gold, pred, times)) == 3
    # ties in size are broken by story id, so the report is reproducible
    assert [s["span_days"] for s in largest_stories(gold, {k: k for k in gold}, times, k=2)] == [0.0, 0.0]
    with pytest.raises(ValueError, match="no prediction"):
        largest_stories(gold, {"a": "1"})


def test_pearson() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert pearson([1, 1], [1, 2]) == 0.0
    with pytest.raises(ValueError):
        pearson([1], [1, 2])


def test_stream_order() -> None:
    rows = [
        {"id": "b", "date": None},
        {"id": "c", "date": "2020-01-02"},
        {"id": "a", "date": None},
        {"id": "d", "date": "2020-01-01"},
        {"id": "a2", "date": "2020-01-02"},
    ]
    assert [r["id"] for r in stream_order(rows)] == ["d", "a2", "c", "a", "b"]
