from __future__ import annotations

from datetime import datetime, timezone

import pytest

from storyweave.clean import DateFinder

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def dates() -> DateFinder:
    return DateFinder(now=lambda: NOW)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-14", "2016-12-14"),
        ("2016-12-14T10:32:00+01:00", "2016-12-14T10:32:00+01:00"),
        ("2016-12-14T10:32:00Z", "2016-12-14T10:32:00+00:00"),
        ("2016-12-14 10:32:00", "2016-12-14"),  # no offset: the day is sure, the instant is not
        ("Wed, 14 Dec 2016 10:32:00 +0000", "2016-12-14T10:32:00+00:00"),
        ("14/12/2016", "2016-12-14"),
        ("14.12.2016", "2016-12-14"),
        ("Dec. 14, 2016", "2016-12-14"),
        ("December 14th, 2016", "2016-12-14"),
        ("Tuesday, January 28, 2014 8:18 PM EST", "2014-01-28T20:18:00-05:00"),
        ("le 14 décembre 2016", "2016-12-14"),
        ("14. Dezember 2016", "2016-12-14"),
        ("14 de diciembre de 2016", "2016-12-14"),
        ("14 dicembre 2016", "2016-12-14"),
        ("14 december 2016", "2016-12-14"),
        ("14 de dezembro de 2016", "2016-12-14"),
        ("14 grudnia 2016", "2016-12-14"),
        ("14 декабря 2016 г.", "2016-12-14"),
        ("14 грудня 2016", "2016-12-14"),
        ("14 Aralık 2016", "2016-12-14"),
        ("14 ديسمبر 2016", "2016-12-14"),
        ("2016年12月14日", "2016-12-14"),
        ("13-Jun-05", "2005-06-13"),
    ],
)
def test_parse_formats_and_languages(dates: DateFinder, value: str, expected: str):
    assert dates.parse(value) == expected


@pytest.mark.parametrize("value", ["2099-01-01", "1985-05-01", "not a date", "", "04/05/2016", "31/31/2016"])
def test_implausible_or_ambiguous_dates_are_none(dates: DateFinder, value: str):
    assert dates.parse(value) is None


def test_ambiguous_numeric_date_uses_the_language(dates: DateFinder):
    assert dates.parse("04/05/2016", lang="en") == "2016-04-05"
    assert dates.parse("04/05/2016", lang="fr") == "2016-05-04"


def test_dateline_is_the_publish_date_not_the_event_date(dates: DateFinder):
    head = dates.from_text(
        ["WASHINGTON, Dec. 14, 2016 (Reuters) - The U.S. said the attack on Dec. 7, 2016 killed four people."]
    )
    assert head is not None and head.value == "2016-12-14" and not head.only_date


def test_event_date_in_body_is_not_a_publish_date(dates: DateFinder):
    lines = [
        "Police said the attack on Dec. 7, 2016 killed four people in the city centre.",
        "The suspect was arrested on 9 December 2016 at his home.",
    ]
    assert dates.from_text(lines) is None


def test_labelled_dates_in_several_languages(dates: DateFinder):
    assert dates.from_text(["Published: 14/12/2016 10:32", "Body"]).value == "2016-12-14"  # type: ignore[union-attr]
    assert dates.from_text(["Publié le 2 mars 2020 à 10h30"]).value == "2020-03-02"  # type: ignore[union-attr]
    assert dates.from_text(["Veröffentlicht am 24.04.2020, 10:32 Uhr"]).value == "2020-04-24"  # type: ignore[union-attr]
    head = dates.from_text(
        ["Headline here Posted: Tuesday, January 28, 2014 8:18 PM EST Updated: Friday, February 28, 2014"]
    )
    assert (
        head is not None and head.value == "2014-01-28T20:18:00-05:00" and head.line == 0 and head.start > 0
    )


def test_updated_only_is_a_fallback_and_published_wins(dates: DateFinder):
    assert dates.from_text(["Updated 3 March 2020", "x"]).value == "2020-03-03"  # type: ignore[union-attr]
    head = dates.from_text(["Mis à jour le 3 mars 2020", "Publié le 2 mars 2020"])
    assert head is not None and head.value == "2020-03-02"


def test_only_the_first_lines_are_read(dates: DateFinder):
    lines = ["Body sentence one is here.", "Another one.", "And another.", "Yet another.", "March 01, 2008"]
    assert dates.from_text(lines) is None


def test_a_line_of_labelled_dates_only_is_only_a_date(dates: DateFinder):
    head = dates.from_text(
        ["Apple lancia iPhone 3G", "Di Chiara", "Pubblicato il 9 giugno 2008 | Aggiornato il 10 giugno 2008"]
    )
    assert head is not None and head.value == "2008-06-09" and head.line == 2 and head.only_date
    head = dates.from_text(["Posted: Jul. 6, 2016 4:15 pm Updated: Jul. 6, 2016 4:42 pm", "Body text here."])
    assert head is not None and head.value == "2016-07-06" and head.only_date
    head = dates.from_text(["Pubblicato il 9 giugno 2008, quando Apple ha lanciato il nuovo iPhone", "x"])
    assert head is not None and not head.only_date


def test_a_labelled_date_line_counts_a_few_lines_further_down(dates: DateFinder):
    lines = [
        "Captcha junk",
        "More junk",
        "Headline of the article",
        "Door Bram Jansen",
        "Geplaatst: vrijdag 15 mei 2009 18:05",
        "Body.",
    ]
    head = dates.from_text(lines, "nl")
    assert head is not None and head.value == "2009-05-15" and head.line == 4 and head.only_date
    # below the head, a date in a sentence or after a bare "date" label is not taken
    body = ["One.", "Two.", "Three.", "Four."]
    assert (
        dates.from_text([*body, "Published: 3 March 2020, the report said the vote was delayed again."])
        is None
    )
    assert dates.from_text([*body, "Date: 3 March 2020"]) is None
    assert dates.from_text([*body, "Posted: 3 March 2020"]).value == "2020-03-03"  # type: ignore[union-attr]
    assert dates.from_text([*body, *body, "Posted: 3 March 2020"]) is None
