from __future__ import annotations

import pytest

from storyweave.clean import OutletFinder, normalize_outlet, registered_domain


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("http://news.bbc.co.uk/2/hi/uk_news/123.stm", "bbc.co.uk"),
        ("https://edition.cnn.com/2020/01/01/x", "cnn.com"),
        ("https://m.smh.com.au/x", "smh.com.au"),
        ("www.lemonde.fr", "lemonde.fr"),
        ("not a url", None),
        (None, None),
    ],
)
def test_registered_domain(url: str | None, host: str | None):
    assert registered_domain(url) == host


def test_metadata_wins_over_url_and_is_normalised():
    finder = OutletFinder()
    assert finder.find("www.Reuters.com", None, "https://apnews.com/x") == "reuters.com"
    assert finder.find(None, "  Le Monde ", "https://www.lemonde.fr/x") == "Le Monde"
    assert finder.find(None, None, "https://www.lemonde.fr/x") == "lemonde.fr"
    assert normalize_outlet("") is None


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Body.", "Follow RT on Telegram"], "RT"),
        (["Body.", "At The Grayzone, we are answerable only to our audience."], "The Grayzone"),
        (["Body.", "© 2016 Diario del Aire. Todos los derechos reservados."], "Diario del Aire"),
        (["Body.", "Copyright 2017 WMC Action News 5. All rights reserved."], "WMC Action News 5"),
        (["LONDON, Dec 14 (Reuters) - Britain said on Monday it would act."], "Reuters"),
        (["Nothing here.", "Just text that names Reuters in a sentence."], None),
    ],
)
def test_outlet_from_plain_text(lines: list[str], outlet: str | None):
    assert OutletFinder().find(None, None, None, lines) == outlet
