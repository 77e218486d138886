from __future__ import annotations

import pytest

from storyweave.clean import Outlet, OutletFinder, display_name, name_key, outlet_key, registered_domain


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("http://news.bbc.co.uk/2/hi/uk_news/123.stm", "bbc.co.uk"),
        ("https://edition.cnn.com/2020/01/01/x", "cnn.com"),
        ("https://m.smh.com.au/x", "smh.com.au"),
        ("www.lemonde.fr", "lemonde.fr"),
        # suffixes a hand-written table missed: the whole public suffix list
        ("https://www.abc.net.au/news/x", "abc.net.au"),
        ("https://www.elpais.com.uy/x", "elpais.com.uy"),
        ("https://www.nation.co.ke/x", "nation.co.ke"),
        ("https://www.kommersant.ru/doc/1", "kommersant.ru"),
        (
            "https://someblog.blogspot.com/2020/01/x.html",
            "someblog.blogspot.com",
        ),  # a private suffix: one blog
        ("https://www.example.com/a?example=1", "example.com"),
        ("example.com?example=1", "example.com"),
        ("https://xn--80ak6aa92e.com/x", "аррӏе.com"),  # punycode shown as the name it encodes
        ("http://web.archive.org/web/20150101000000/http://www.wral.com/x", "wral.com"),  # the captured page
        (
            "https://www.harborledger.example/nation/x",
            "harborledger.example",
        ),  # a URL may use an unlisted suffix
        ("http://127.0.0.1:8000/x", "127.0.0.1"),
        ("U.S", None),  # a bare host must end in a listed suffix
        ("St.Louis", None),
        ("not a url", None),
        ("localhost", None),
        (None, None),
    ],
)
def test_registered_domain(url: str | None, host: str | None):
    assert registered_domain(url) == host


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("  Le   Monde ", "Le Monde"),
        ("Le Journal &amp; Co", "Le Journal & Co"),
        ("Arnault&#8217;s Daily", "Arnault’s Daily"),
        ("© 2016 Diario del Aire. All rights reserved.", "Diario del Aire"),
        ("Copyright 2014", None),
        ("©", None),
        ("@politifact", None),
        ("U.S.", None),
        ("u.s", None),
        ("wikinews.org", None),
        ("https://www.example.com/?example=1", None),
        ("", None),
        (None, None),
    ],
)
def test_display_name(value: str | None, name: str | None):
    assert display_name(value) == name


def test_keys_of_names_and_user_values():
    assert name_key("The  New-York Times") == "the new york times"
    assert name_key("Le Journal &amp; Co") == "le journal co"
    assert name_key("...") is None
    assert outlet_key("https://www.NYTimes.com/x") == "nytimes.com"
    assert outlet_key("NYTimes.com") == "nytimes.com"
    assert outlet_key("The New York Times") == "the new york times"
    assert outlet_key("@politifact") == "politifact"
    assert outlet_key("U.S") == "u s"


def test_metadata_wins_over_url_and_a_domain_is_the_key():
    finder = OutletFinder()
    assert finder.find("www.Reuters.com", None, "https://apnews.com/x") == Outlet("reuters.com")
    assert finder.find(None, "  Le Monde ", "https://www.lemonde.fr/x") == Outlet("lemonde.fr", "Le Monde")
    assert finder.find(None, None, "https://www.lemonde.fr/x") == Outlet("lemonde.fr")
    assert finder.find("wikinews.org", "Wikinews", None) == Outlet("wikinews.org", "Wikinews")
    assert finder.find("NYTimes", None, "https://www.nytimes.com/x") == Outlet("nytimes.com", "NYTimes")
    assert finder.find("The Quint", None, None) == Outlet("the quint", "The Quint")
    assert finder.find("@politifact", None, None) == Outlet("politifact")
    assert finder.find("Copyright 2014", None, None) is None
    assert finder.find("Copyright 2014", None, "https://www.kvvu.com/x") == Outlet("kvvu.com")
    assert finder.find(None, None, None) is None


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Body.", "Follow RT on Telegram"], Outlet("rt", "RT")),
        (["Body.", "At The Grayzone, we are answerable only to our audience."], Outlet("the grayzone", "The Grayzone")),
        (["Body.", "© 2016 Diario del Aire. Todos los derechos reservados."], Outlet("diario del aire", "Diario del Aire")),
        (["Body.", "Copyright 2017 WMC Action News 5. All rights reserved."], Outlet("wmc action news 5", "WMC Action News 5")),
        (["Body.", "© Copyright 2014 by CBS San Francisco. All Rights Reserved."], Outlet("cbs san francisco", "CBS San Francisco")),
        (["LONDON, Dec 14 (Reuters) - Britain said on Monday it would act."], Outlet("reuters", "Reuters")),
        (["Nothing here.", "Just text that names Reuters in a sentence."], None),
        (["Body.", "Copyright 2014"], None),
        (["WASHINGTON (U.S.) - The Senate voted."], None),
        (["Body.", "Follow @politifact on Twitter"], Outlet("politifact")),
        # "follow <outlet> on <app>" in other languages
        (["Texte.", "Suivez Le Courrier du Soir sur Instagram"], Outlet("le courrier du soir", "Le Courrier du Soir")),
        (["Text.", "Folgen Sie Beispiel-Zeitung auf Twitter"], Outlet("beispiel zeitung", "Beispiel-Zeitung")),
        (["Texto.", "Sigue a Diario del Aire en Facebook"], Outlet("diario del aire", "Diario del Aire")),
        (["Testo.", "Segui Cronache del Volo su Telegram"], Outlet("cronache del volo", "Cronache del Volo")),
        (["Texto.", "Siga Jornal do Céu no Instagram"], Outlet("jornal do céu", "Jornal do Céu")),
        (["Tekst.", "Volg Het Vliegveldjournaal op X"], Outlet("het vliegveldjournaal", "Het Vliegveldjournaal")),
        (["Tekst.", "Obserwuj Gazeta Lotnicza na Facebooku"], Outlet("gazeta lotnicza", "Gazeta Lotnicza")),
        (["Текст.", "Подписывайтесь на «Вестник Неба» в Telegram"], Outlet("вестник неба", "Вестник Неба")),
        (["نص.", "تابعوا صحيفة السماء على تويتر"], Outlet("صحيفة السماء", "صحيفة السماء")),
        (["Metin.", "Gökyüzü Haber'i Twitter'da takip edin"], Outlet("gökyüzü haber", "Gökyüzü Haber")),
        (["Body.", "Follow us on Twitter", "Síguenos en Facebook"], None),
    ],
)  # fmt: skip
def test_outlet_from_plain_text(lines: list[str], outlet: Outlet | None):
    assert OutletFinder().find(None, None, None, lines) == outlet


def test_self_references_name_the_outlet_of_a_plain_text():
    finder = OutletFinder()
    own = [
        "Parliament passed the bill on Monday.",
        "@TheQuint: Watch our explainer https://t.co/AbC123xYz",
        "Subscribe: https://www.youtube.com/c/TheQuint",
    ]
    assert finder.find(None, None, None, own) == Outlet("thequint", "The Quint")
    profiles = ["Body.", "twitter.com/QECourier", "— Queens Evening Courier (@QECourier) September 14, 2013"]
    assert finder.find(None, None, None, profiles) == Outlet("qecourier", "Queens Evening Courier")
    lower = ["Body.", "https://www.facebook.com/politifact", "https://www.instagram.com/politifact/"]
    assert finder.find(None, None, None, lower) == Outlet("politifact")  # no way to spell the name: none
    # someone else's posts embedded in an article are not the outlet's (no link to their profile)
    others = [
        "The senator reacted within minutes.",
        "— Jane Roe (@SenJaneRoe) November 3, 2016",
        "@SenJaneRoe: A great day https://t.co/xyz",
        "https://twitter.com/SenJaneRoe/status/123456",
    ]
    assert finder.find(None, None, None, others) is None


def test_a_name_in_the_text_is_the_display_name_only_when_it_fits_the_domain():
    finder = OutletFinder()
    own = ["Body.", "Copyright 2017 WMC Action News 5. All rights reserved."]
    assert finder.find(None, None, "https://www.wmcactionnews5.com/x", own) == Outlet(
        "wmcactionnews5.com", "WMC Action News 5"
    )
    wire = ["Body.", "Copyright 2016 The Associated Press. All rights reserved."]
    assert finder.find(None, None, "https://www.wral.com/x", wire) == Outlet("wral.com")
    times = ["Body.", "Follow The New York Times on Instagram"]
    assert finder.find(None, None, "https://www.nytimes.com/x", times) == Outlet(
        "nytimes.com", "The New York Times"
    )
