from __future__ import annotations

import pytest

from storyweave.clean import Cleaner, RecurrentLines
from storyweave.clean.recurrent import ARTICLES_KEY, line_hash
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
    for i in range(3):  # three articles (the same article observed again would not count again)
        store.observe("a.com", ["Footer", f"body {i}", "Footer", "Footer"])
    assert store.count("a.com", "Footer") == 3
    for i in range(5):
        store.observe("a.com", [f"body {i}"])
    assert not store.is_recurrent("a.com", "Footer")  # 3 of 8 articles < 50 %


def test_export_and_reload_round_trip():
    store = RecurrentLines()
    for i in range(4):
        store.observe("a.com", [FOOTER, f"body {i}"])
    rows = list(store.export())
    assert ("a.com", ARTICLES_KEY, 4, "") in rows
    assert all(isinstance(h, str) and isinstance(n, int) and isinstance(s, str) for _, h, n, s in rows)
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


# --- recurrence across stories (issue 7, item 2) ---------------------------------------------------------------

BACKGROUND = "The shooting happened on Main Street shortly after midnight on Saturday, police said."
SPOKESMAN = '"This city deserves answers, not silence," opposition spokesman Tom Reyes said.'
FOOTER_SENTENCE = "KXYZ is an independent news organisation founded in 1999."
CONTACT = "Contact the newsroom at news@kxyz.com with story ideas and corrections."
FOLLOW = "Follow @kxyz for the latest"


def article(*lines: str, outlet: str = "kxyz.com") -> RawDocument:
    return RawDocument(source="t", format="text", outlet=outlet, lang="en", text="\n".join(lines))


def test_stories_are_counted_distinct_and_saturate():
    store = RecurrentLines(min_stories=3)
    for body, story in zip("abcdefg", ["s1", "s1", "s2", "s1", "s3", "s4", "s5"], strict=True):
        store.observe("a.com", [FOOTER, f"body {body}"], story)
    assert store.count("a.com", FOOTER) == 7
    assert store.stories("a.com", FOOTER) == 3  # s1, s2, s3 ... capped at min_stories
    assert store.stories("a.com", "body a") == 1
    assert store.stories("a.com", "never seen") == store.stories("b.com", FOOTER) == 0
    store.observe("a.com", [FOOTER, "its own story"])  # story None: the article is a story of its own
    store.observe("a.com", [FOOTER, "another story of its own"])
    assert store.stories("a.com", FOOTER) == 3


def test_an_article_observed_again_is_not_counted_again():
    store = RecurrentLines()
    page = [FOOTER, BACKGROUND, "Police are looking for a grey van."]
    for story in [None, None, "s1", "s2"]:  # a re-capture, whatever story it is filed under
        store.observe("a.com", page, story)
    assert store.articles_seen("a.com") == 1
    assert store.count("a.com", BACKGROUND) == store.stories("a.com", BACKGROUND) == 1
    store.observe("b.com", page)  # another outlet's copy is that outlet's article
    store.observe("a.com", [*page, "Update: the van was found."])  # an update is a new article
    assert store.articles_seen("b.com") == 1 and store.articles_seen("a.com") == 2
    assert store.stories("a.com", BACKGROUND) == 2  # two articles of their own story each


def test_min_stories_must_be_positive():
    with pytest.raises(ValueError, match="min_stories"):
        RecurrentLines(min_stories=0)


def test_follow_ups_of_one_story_keep_their_background_and_quotes():
    cleaner = Cleaner(recurrent=RecurrentLines())
    updates = [
        "A man was shot and wounded outside a bar early on Saturday, police said.",
        "Police have identified the man who was shot outside a bar on Saturday as Carl Diaz, aged 34.",
        "Carl Diaz remained in critical condition at County General Hospital on Sunday, his family said.",
        "Police arrested a 19-year-old man on Monday in connection with the shooting of Carl Diaz.",
        "The 19-year-old suspect appeared in court on Tuesday and was held without bail.",
        "Carl Diaz was released from the hospital on Wednesday, a family spokeswoman said.",
    ]
    others = [
        "The city council approved a new budget for the parks department on Tuesday evening.",
        "A new bakery opened downtown on Friday and drew a long line of customers before dawn.",
        "Firefighters put out a blaze in a vacant warehouse near the river on Thursday night.",
    ]
    for n, update in enumerate(updates, start=1):
        result = cleaner.clean(article(update, BACKGROUND, SPOKESMAN, "Watch KXYZ at 6"))
        if n in (4, 6):
            assert BACKGROUND in result.text.splitlines()
            assert SPOKESMAN in result.text.splitlines()
            assert update in result.text.splitlines()
        if n == 6:
            assert "Watch KXYZ at 6" in result.removed  # boilerplate-like, and in other stories too
        cleaner.learn_one(result, story="story-shooting")
        if n <= len(others):  # the outlet's other stories come in between
            other = cleaner.clean(article(others[n - 1], "Watch KXYZ at 6"))
            cleaner.learn_one(other, story=f"story-{n}")
    assert cleaner.recurrent is not None
    assert cleaner.recurrent.stories("kxyz.com", BACKGROUND) == 1


def test_lines_recurring_across_unrelated_stories_are_removed():
    cleaner = Cleaner(recurrent=RecurrentLines())
    bodies = [
        "The city council approved a new budget for the parks department on Tuesday evening.",
        "A new bakery opened downtown on Friday and drew a long line of customers before dawn.",
        "Firefighters put out a blaze in a vacant warehouse near the river on Thursday night.",
        "The school board voted to start classes thirty minutes later from next autumn.",
        "A water main broke under Oak Avenue on Monday, flooding three basements nearby.",
        "The county fair opens on Saturday with a record number of livestock entries this year.",
        "Two lanes of the interstate will close overnight this week for bridge repairs.",
    ]
    boilerplate = [FOOTER_SENTENCE, CONTACT, FOLLOW, "Follow us on Twitter @kxyz"]
    for n, body in enumerate(bodies, start=1):
        result = cleaner.clean(article(body, *boilerplate))
        assert result.text.splitlines()[0] == body
        if n == 4:  # three stories: the boilerplate-like lines go, the sentence is not boilerplate yet
            assert {CONTACT, FOLLOW} <= set(result.removed)
            assert FOOTER_SENTENCE in result.text.splitlines()
        cleaner.learn_one(result, story=f"story-{n}")
    # the 7th: a sentence under six unrelated stories goes too
    assert result.text.splitlines() == [bodies[-1]]
    assert set(boilerplate) <= set(result.removed)


PAGE = [
    "Two hurt in crash on Route 9",
    "Two people were hurt when a truck hit a car on Route 9 on Monday night, police said.",
    BACKGROUND,
    "Police are asking anyone who saw the crash to call the non-emergency line.",
]
HANDLES = ["kxyz", "kxyznews", "kxyz_tv", "kxyzweather", "kxyzsports", "kxyz_live", "kxyzalerts"]


@pytest.mark.parametrize("story", [None, "story-1"])
def test_captures_of_one_page_are_duplicates_not_failures(story: str | None):
    cleaner = Cleaner(recurrent=RecurrentLines())
    for _ in range(7):  # the same article crawled under seven URLs
        result = cleaner.clean(article(*PAGE))
        assert result.title == PAGE[0] and result.text.splitlines() == PAGE[1:]
        cleaner.learn_one(result, story=story)
    assert cleaner.recurrent is not None
    assert cleaner.recurrent.articles_seen("kxyz.com") == 1  # copies add nothing


def test_near_copies_filed_under_their_story_keep_their_text():
    cleaner = Cleaner(recurrent=RecurrentLines())
    for handle in HANDLES:  # captures that differ in a removed share line
        result = cleaner.clean(article(*PAGE, f"Follow us on Twitter @{handle}"))
        assert result.text.splitlines() == PAGE[1:]
        cleaner.learn_one(result, story="story-1")


def test_learned_lines_never_empty_an_article():
    cleaner = Cleaner(recurrent=RecurrentLines())
    store = cleaner.recurrent
    assert store is not None
    for handle in HANDLES:  # without a story each capture counts as a story of its own
        result = cleaner.clean(article(*PAGE, f"Follow us on Twitter @{handle}"))  # never raises
        assert result.text.splitlines() == PAGE[1:]
        cleaner.learn_one(result)
    assert all(store.stories("kxyz.com", line) == store.min_stories for line in PAGE[1:])  # all learned


def test_stories_round_trip_through_rows_and_old_rows_load():
    store = RecurrentLines()
    for i in range(4):
        store.observe("a.com", [FOOTER, f"body {i}"], story=f"s{i % 2}")
    rows = list(store.export())
    assert all(len(row) == 4 for row in rows)
    assert ("a.com", ARTICLES_KEY, 4, "") in rows
    again = RecurrentLines.from_rows(rows)
    assert again.stories("a.com", FOOTER) == 2 and again.count("a.com", FOOTER) == 4
    assert sorted(again.export()) == sorted(rows)
    again.observe("a.com", [FOOTER, "body x"], story="s0")  # a story already known adds none
    again.observe("a.com", [FOOTER, "body y"], story="s2")
    assert again.stories("a.com", FOOTER) == 3
    assert RecurrentLines.from_rows(rows, min_stories=1).stories("a.com", FOOTER) == 1  # capped when read

    old = [(outlet, key, n) for outlet, key, n, _ in rows]  # a store written before stories were kept
    legacy = RecurrentLines.from_rows(old)
    assert legacy.articles_seen("a.com") == 4 and legacy.count("a.com", FOOTER) == 4
    assert legacy.stories("a.com", FOOTER) == 0  # unknown: learned again from now on
    legacy.observe("a.com", [FOOTER, "body z"], story="s9")
    assert legacy.stories("a.com", FOOTER) == 1
    assert sorted(legacy.export())[0][3] == ""  # the ARTICLES_KEY row sorts first


def test_drain_changes_gives_stories_and_forgotten_lines():
    store = RecurrentLines(max_lines_per_outlet=3)
    store.observe("a.com", [FOOTER, "first body"], story="s1")
    first = {row[1]: row for row in store.drain_changes()}
    assert first[ARTICLES_KEY] == ("a.com", ARTICLES_KEY, 1, "")
    footer_key = line_hash(FOOTER)
    assert first[footer_key] == ("a.com", footer_key, 1, first[line_hash("first body")][3])  # one story key
    assert len(first) == 3 and store.drain_changes() == []
    # 4 lines > max_lines_per_outlet: the lines seen once are forgotten
    store.observe("a.com", [FOOTER, "second body", "third body"], story="s2")
    rows = {row[1]: row for row in store.drain_changes()}
    assert rows[footer_key][2] == 2 and rows[footer_key][3].count(",") == 1
    forgotten = [row for row in rows.values() if row[2] == 0]
    assert len(forgotten) == 3 and all(row[3] == "" for row in forgotten)
    assert store.count("a.com", "first body") == store.stories("a.com", "first body") == 0
    assert store.stories("a.com", FOOTER) == 2
