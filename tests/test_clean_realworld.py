"""Regression corpus: real articles (see tests/realworld/README.md) with expected extractions."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from storyweave.clean import Cleaner
from storyweave.models import RawDocument

HERE = Path(__file__).parent / "realworld"
CASES = sorted(p.stem for p in HERE.glob("*.json"))
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
# Only corpora whose licence lets us redistribute the text in this repository (see tests/realworld/README.md).
# quotekg: Wikiquote quotations (CC BY-SA, attribution in the case's source; share-alike applies to that fixture).
REDISTRIBUTABLE = {"meantime", "ecbplus", "quotekg"}


def spec_of(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


def param(name: str):
    """A case whose JSON has "xfail": "<reason>" is a known cleaner bug: strict xfail, so a fix makes it fail loudly."""
    reason = spec_of(name).get("xfail")
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else name


def load(name: str) -> tuple[RawDocument, dict]:
    spec = spec_of(name)
    given = spec["input"]
    html_path, text_path = HERE / f"{name}.html", HERE / f"{name}.txt"
    raw = RawDocument(
        source=str(html_path if html_path.exists() else text_path),
        format="html" if html_path.exists() else "text",
        title=given.get("title"),
        text=text_path.read_text(encoding="utf-8") if text_path.exists() else None,
        html=html_path.read_text(encoding="utf-8") if html_path.exists() else None,
        date=given.get("date"),
        outlet=given.get("outlet"),
        url=given.get("url"),
        lang=given.get("lang"),
    )
    return raw, spec["expect"]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(now=lambda: NOW)


def test_corpus_is_big_and_varied_enough():
    langs = Counter(load(name)[1]["lang"] for name in CASES)
    kinds = Counter(load(name)[0].format for name in CASES)
    assert len(CASES) >= 12
    assert all(langs[lang] >= 3 for lang in ("en", "es", "it", "nl")), langs
    assert set(kinds) == {"html", "text"} and min(kinds.values()) >= len(CASES) // 3, kinds
    # whole scraped pages as plain text arrive in every language, not only the four of the news corpora
    text_langs = {load(name)[1]["lang"] for name in CASES if load(name)[0].format == "text"}
    assert len(text_langs) >= 5, sorted(text_langs)


def test_corpus_text_may_be_redistributed():
    for name in CASES:
        source = spec_of(name)["source"]
        assert source["corpus"] in REDISTRIBUTABLE, (
            f"{name}: {source['corpus']} texts may not be shipped in this repository"
        )
        assert source.get("id") and source.get("licence"), f"{name}: give the source article id and licence"


@pytest.mark.parametrize("name", [param(name) for name in CASES])
def test_realworld(name: str, cleaner: Cleaner):
    raw, expect = load(name)
    result = cleaner.clean(raw)
    assert result.title == expect["title"]
    assert result.lang == expect["lang"]
    assert result.published == expect["published"]
    assert result.outlet == expect["outlet"]
    assert list(result.authors) == expect["authors"]
    body_lines = result.text.splitlines()
    for sentence in expect["keep"]:
        assert sentence in result.text, f"lost: {sentence[:80]}"
    for fragment in expect["remove"]:
        assert not any(fragment in line for line in body_lines), f"kept boilerplate: {fragment}"
        if raw.format == "text":
            assert any(fragment in line for line in result.removed), f"not reported as removed: {fragment}"


@pytest.mark.parametrize("name", [name for name in CASES if "outlet_name" in spec_of(name)["expect"]])
def test_realworld_outlet_name(name: str, cleaner: Cleaner):
    """The outlet's display name beside its key (``expect.outlet``: the registered domain, else the name key)."""
    raw, expect = load(name)
    assert cleaner.clean(raw).outlet_name == expect["outlet_name"]
