from __future__ import annotations

from datetime import datetime, timezone

import pytest

from storyweave.clean import Cleaner
from storyweave.errors import InputError
from storyweave.models import RawDocument

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def doc(**kw) -> RawDocument:
    return RawDocument(source="t.txt", format="text", **kw)


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(now=lambda: NOW)


def test_plain_text_title_byline_dateline_and_boilerplate(cleaner: Cleaner):
    text = "\n".join(
        [
            "Home",
            "Council approves new budget after long debate",
            "By Jane Doe and John Roe",
            "LONDON, Dec. 14, 2016 (Reuters) - The city council approved the budget on Wednesday after a debate of eleven hours.",
            "READ MORE: Council members clash over spending",
            '"This is a good day for the city," the mayor said.',
            "Sign up for our newsletter",
        ]
    )
    r = cleaner.clean(doc(text=text))
    assert r.title == "Council approves new budget after long debate"
    assert r.authors == ("Jane Doe", "John Roe")
    assert r.published == "2016-12-14"
    assert (r.outlet, r.outlet_name) == ("reuters", "Reuters")  # no domain known: the name's key
    assert r.lang == "en"
    assert r.text.splitlines() == [
        "LONDON, Dec. 14, 2016 (Reuters) - The city council approved the budget on Wednesday after a debate of eleven hours.",
        '"This is a good day for the city," the mayor said.',
    ]
    assert r.removed == (
        "Home",
        "By Jane Doe and John Roe",
        "READ MORE: Council members clash over spending",
        "Sign up for our newsletter",
    )


def test_input_fields_are_trusted(cleaner: Cleaner):
    r = cleaner.clean(
        doc(text="Le conseil municipal a voté le budget mercredi soir après un long débat.", title="Budget voté",
            lang="fra", date="2016-12-14T20:00:00+01:00", outlet="www.example.fr", authors=(" Marie Curie ",), url="https://www.example.fr/a")
    )  # fmt: skip
    assert (r.title, r.lang, r.published, r.outlet, r.authors, r.url) == (
        "Budget voté", "fr", "2016-12-14T20:00:00+01:00", "example.fr", ("Marie Curie",), "https://www.example.fr/a",
    )  # fmt: skip


def test_title_suffix_naming_the_outlet_is_cut(cleaner: Cleaner):
    r = cleaner.clean(
        doc(
            text="Police said two men were hurt in a shooting late on Monday night.",
            title="Two hurt in shooting - WKRN News 2",
            url="https://www.wkrn.com/x",
        )
    )
    assert r.title == "Two hurt in shooting"


def test_duplicate_headline_line_leaves_the_body(cleaner: Cleaner):
    r = cleaner.clean(
        doc(
            text="Two hurt in shooting\nPolice said two men were hurt in a shooting late on Monday night.",
            title="Two hurt in shooting",
        )
    )
    assert r.text == "Police said two men were hurt in a shooting late on Monday night."


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Home\nSign up for our newsletter\nFollow us on Twitter\nhttps://example.com",
        "Advertisement",
    ],
)
def test_nothing_real_left_is_an_input_error(cleaner: Cleaner, text: str):
    with pytest.raises(InputError, match="no article text"):
        cleaner.clean(doc(text=text))


def test_html_page(cleaner: Cleaner):
    html = """<html lang="de"><head><title>Stadtrat beschließt Haushalt | Beispiel-Zeitung</title>
    <meta property="og:site_name" content="Beispiel-Zeitung">
    <meta property="article:published_time" content="2020-04-24T10:32:00+02:00">
    <meta name="author" content="Anna Schmidt"></head><body>
    <nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
    <article><h1>Stadtrat beschließt Haushalt</h1>
    <p>Der Stadtrat hat am Donnerstag nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen.</p>
    <p>Lesen Sie auch: Opposition kritisiert die Pläne</p>
    <p>„Das ist ein guter Tag für die Stadt“, sagte die Bürgermeisterin nach der Abstimmung im Rathaus.</p>
    </article><footer>Newsletter abonnieren</footer></body></html>"""
    r = cleaner.clean(
        RawDocument(source="p.html", format="html", html=html, url="https://www.beispiel-zeitung.de/a")
    )
    assert r.title == "Stadtrat beschließt Haushalt"
    assert r.lang == "de"
    assert r.published == "2020-04-24T10:32:00+02:00"
    assert (r.outlet, r.outlet_name) == ("beispiel-zeitung.de", "Beispiel-Zeitung")
    assert r.authors == ("Anna Schmidt",)
    assert (
        "„Das ist ein guter Tag für die Stadt“, sagte die Bürgermeisterin nach der Abstimmung im Rathaus."
        in r.text
    )
    assert "Lesen Sie auch" not in r.text and "Newsletter" not in r.text


def test_future_raw_date_falls_back_to_none(cleaner: Cleaner):
    r = cleaner.clean(
        doc(text="Police said two men were hurt in a shooting late on Monday night.", date="2031-01-01")
    )
    assert r.published is None


def test_title_only_items_keep_the_title_as_text(cleaner: Cleaner):
    r = cleaner.clean(
        doc(text="Osaka wins her opening match in Tokyo", title="Osaka wins her opening match in Tokyo")
    )
    assert (r.title, r.text, r.lang) == (
        "Osaka wins her opening match in Tokyo",
        "Osaka wins her opening match in Tokyo",
        "en",
    )
