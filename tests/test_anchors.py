"""Anchors are language- and script-independent."""

from __future__ import annotations

import time

import pytest

from storyweave.analyze.anchors import AnchorExtractor, skeleton


@pytest.fixture(scope="module")
def extractor() -> AnchorExtractor:
    return AnchorExtractor()


def places(anchors: frozenset[str]) -> set[str]:
    return {a for a in anchors if a.startswith("p:")}


def test_aleppo_in_four_scripts(extractor: AnchorExtractor) -> None:
    ids = [
        places(extractor.extract(t, ""))
        for t in ("Fighting in Aleppo continues", "Combats à Alep", "Бои в городе Алеппо", "معارك في حلب")
    ]
    assert ids[0] and all(ids[0] <= x for x in ids)


def test_country_names_across_locales(extractor: AnchorExtractor) -> None:
    assert "p:DE" in extractor.extract("Talks in Germany", "")
    assert "p:DE" in extractor.extract("Gespräche in Deutschland", "")
    assert "p:DE" in extractor.extract("Переговоры в Германии", "") or "p:DE" in extractor.extract("Германия", "")


def test_people_transliterated(extractor: AnchorExtractor) -> None:
    en = extractor.extract("Simone Biles withdraws from the final", "")
    ru = extractor.extract("Симона Байлз снялась с финала", "")
    assert "e:" + skeleton("biles") in en & ru


def test_stop_words_and_sentence_starts_are_not_entities(extractor: AnchorExtractor) -> None:
    anchors = extractor.extract(None, "The vote was held. However the result was clear.")
    assert not any(a.startswith("e:") for a in anchors)


def test_numbers_and_dates(extractor: AnchorExtractor) -> None:
    anchors = extractor.extract(None, "On March 1, 2008 about 1,200 people marched; turnout was 35%. El 12 de marzo de 2008.")
    assert {"d:2008-03-01", "n:1200", "n:35%", "d:2008-03-12"} <= anchors


def test_speed(extractor: AnchorExtractor) -> None:
    text = ("Police in Chicago said John Smith, 34, was shot on Main Street on Friday. " * 30)[:2000]
    extractor.extract(None, text)
    start = time.perf_counter()
    for _ in range(200):
        extractor.extract("Man shot in Chicago", text)
    assert 200 / (time.perf_counter() - start) > 300  # >= 1,000/s on a quiet machine; loose bound for CI
