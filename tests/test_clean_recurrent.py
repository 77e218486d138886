from __future__ import annotations

from storyweave.clean import Cleaner, RecurrentLines
from storyweave.clean.recurrent import ARTICLES_KEY
from storyweave.models import RawDocument

FOOTER = "Copyright 2016 KXYZ News. All rights reserved."


def test_a_line_becomes_recurrent_after_enough_articles():
    store = RecurrentLines(min_articles=3, min_share=0.2)
    for i in range(2):
        store.observe("kxyz.com", [f"Unique body line number {i}", FOOTER])
    assert not store.is_recurrent("kxyz.com", FOOTER)
    store.observe("kxyz.com", ["Another unique body line", FOOTER.replace("2016", "2017")])  # digits fold
    assert store.is_recurrent("kxyz.com", FOOTER)
    assert not store.is_recurrent("other.com", FOOTER)  # per outlet
    assert not store.is_recurrent("kxyz.com", "Another unique body line")
    assert store.articles_seen("kxyz.com") == 3


def test_is_recurrent_has_no_side_effects():
    store = RecurrentLines()
    store.observe("a.com", ["x line"])
    before = sorted(store.export())
    for _ in range(5):
        store.is_recurrent("a.com", "x line")
        store.is_recurrent("b.com", "x line")
    assert sorted(store.export()) == before


def test_a_line_counts_once_per_article_and_share_matters():
    store = RecurrentLines(min_articles=3, min_share=0.5)
    for _ in range(3):
        store.observe("a.com", ["Footer", "Footer", "Footer"])
    assert store.count("a.com", "Footer") == 3
    for i in range(5):
        store.observe("a.com", [f"body {i}"])
    assert not store.is_recurrent("a.com", "Footer")  # 3 of 8 articles < 50 %


def test_export_and_reload_round_trip():
    store = RecurrentLines()
    for i in range(4):
        store.observe("a.com", [FOOTER, f"body {i}"])
    rows = list(store.export())
    assert ("a.com", ARTICLES_KEY, 4) in rows
    assert all(isinstance(h, str) and isinstance(n, int) for _, h, n in rows)
    again = RecurrentLines.from_rows(rows)
    assert again.articles_seen("a.com") == 4
    assert again.is_recurrent("a.com", FOOTER)
    assert sorted(again.export()) == sorted(rows)


def test_cleaner_drops_learned_lines_but_keeps_quotes():
    quote = '"We are here for our community," the station said.'
    cleaner = Cleaner(recurrent=RecurrentLines(min_articles=3, min_share=0.2))
    for i in range(4):
        raw = RawDocument(
            source="t", format="text", outlet="kxyz.com", lang="en",
            text=f"Police said {i} people were hurt in a crash on the highway on Monday night.\nWatch KXYZ at 6\n{quote}",
        )  # fmt: skip
        result = cleaner.clean(raw)
        cleaner.learn_one(result)
    assert "Watch KXYZ at 6" in result.removed
    assert quote in result.text
