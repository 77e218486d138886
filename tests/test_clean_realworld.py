"""Regression corpus: real articles (see tests/realworld/README.md) with expected extractions."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from storyweave.clean import Cleaner
from storyweave.models import RawDocument

HERE = Path(__file__).parent / "realworld"
CASES = sorted(p.stem for p in HERE.glob("*.json"))
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def load(name: str) -> tuple[RawDocument, dict]:
    spec = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
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
    langs = {load(name)[1]["lang"] for name in CASES}
    kinds = {load(name)[0].format for name in CASES}
    assert len(CASES) >= 10 and len(langs) >= 4 and kinds == {"html", "text"}


@pytest.mark.parametrize("name", CASES)
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
