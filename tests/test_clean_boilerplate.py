from __future__ import annotations

import pytest

from storyweave.clean import BoilerplateFilter


@pytest.fixture(scope="module")
def bp() -> BoilerplateFilter:
    return BoilerplateFilter()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Sign up for our newsletter", "call_to_reader"),
        ("Become a member", "call_to_reader"),
        ("Support our journalism", "call_to_reader"),
        ("At The Daily Example, we are answerable only to our audience. Please become a member today.", "call_to_reader"),
        ("Abonnez-vous à notre newsletter", "call_to_reader"),
        ("Newsletter abonnieren", "call_to_reader"),
        ("Suscríbete a nuestro boletín", "call_to_reader"),
        ("Подпишитесь на наш телеграм-канал", "call_to_reader"),
        ("READ MORE: Police arrest suspect in shooting", "related"),
        ("Related:", "related"),
        ("See also", "related"),
        ("Lesen Sie auch: Merkel trifft Macron", "related"),
        ("Czytaj także: Sejm przyjął ustawę", "related"),
        ("Читайте также: В Москве прошел митинг", "related"),
        ("اقرأ أيضا: أسعار الذهب اليوم", "related"),
        ("Share this", "call_to_reader"),
        ("Share this: Facebook", "call_to_reader"),
        ("Follow us on Telegram", "call_to_reader"),
        ("Follow RT on Telegram", "call_to_reader"),
        ("Stay Up To Date, Follow KDKA On Twitter", "call_to_reader"),
        ("Bizi takip edin: Twitter | Facebook", "call_to_reader"),
        ("https://example.com/news/2020/01/story", "link_or_handle"),
        ("@jdoe @example #breaking", "link_or_handle"),
        ("jdoe@example.com or 407-420-5774", "link_or_handle"),
        ("— Jane Doe (@jdoe) March 3, 2022", "social_post"),
        ("Huge crowd at the square tonight pic.twitter.com/abc123", "social_post"),
        ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "call_to_reader"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "call_to_reader"),
        ("Home", "interface"),
        ("World", "interface"),
        ("Menu", "interface"),
        ("Home | World | Business | Sport", "interface"),
        ("Inicio · Mundo · Economía · Deportes · Opinión", "menu"),
        ("12.3K subscribers", "social_count"),
        ("12,3 tys. obserwujących", "social_count"),
        ("5 min read", "read_time"),
        ("Lesezeit: 3 Min.", "read_time"),
        ("Advertisement", "advertisement"),
        ("Publicidad", "advertisement"),
        ("Photo: Reuters", "photo_credit"),
        ("Getty Images", "photo_credit"),
        ("(AP Photo/Evan Vucci)", "photo_credit"),
        ("You must enter the characters with black color that stand out from the other characters", "call_to_reader"),
        ("Please enable Javascript to watch this video", "call_to_reader"),
        ("Copyright 2016 The Associated Press. All rights reserved.", "copyright"),
        ("© 2020 Rheinische Rundschau", "copyright"),
        ("-----", "separator"),
    ],
)
def test_boilerplate_classes(bp: BoilerplateFilter, line: str, reason: str):
    assert bp.classify(bp.normalize_line(line)) == reason


@pytest.mark.parametrize(
    "line",
    [
        # real sentences that merely mention the words of the rules
        "He wrote on Twitter that he would follow the case on Facebook until the trial ends.",
        '"We will not sign up for the newsletter of a party that lies to us," the mayor said.',
        "« Nous utilisons tous les moyens pour retrouver les suspects », a déclaré le procureur.",
        "„Folgen Sie uns nicht“, sagte der Polizeisprecher am Dienstag in Berlin.",
        "Police said the shooting happened around 2 a.m. near the club on Friday.",
        "The investigation is ongoing.",
        "Read the full report, the minister said, before judging the decision of the court.",
        "Trenton",
        "Police Chief John Smith",
        "سعر الدولار اليوم يواصل تراجعه أمام الجنيه المصري في البنوك.",
    ],
)
def test_real_sentences_and_quotes_are_kept(bp: BoilerplateFilter, line: str):
    assert bp.classify(bp.normalize_line(line)) is None


def test_markdown_links_keep_their_text(bp: BoilerplateFilter):
    line = bp.normalize_line("The [city council](https://example.org/council) voted on ![map](x.png) Tuesday.")
    assert line == "The city council voted on Tuesday."
    assert bp.classify(line) is None


def test_strip_returns_kept_text_and_removed_lines_in_order(bp: BoilerplateFilter):
    text = "\n".join(
        [
            "Home",
            "The mayor resigned on Monday after a week of protests in the city centre.",
            "READ MORE: Protests grow in the capital",
            '"I leave with my head high," she told reporters.',
            "",
            "Sign up for our newsletter",
            "Follow us on Twitter",
        ]
    )
    out = bp.strip(text)
    assert out.kept == [
        "The mayor resigned on Monday after a week of protests in the city centre.",
        '"I leave with my head high," she told reporters.',
    ]
    assert out.text == "\n".join(out.kept)
    assert out.removed == ["Home", "READ MORE: Protests grow in the capital", "Sign up for our newsletter", "Follow us on Twitter"]
    assert [r.reason for r in out.reasons] == ["interface", "related", "call_to_reader", "call_to_reader"]


def test_a_pitch_glued_to_a_sentence_only_takes_the_pitch(bp: BoilerplateFilter):
    line = "The victim was rushed to the hospital and was in stable condition, cops said. For the latest on this story, subscribe to our newsletter."
    out = bp.strip(line)
    assert out.kept == ["The victim was rushed to the hospital and was in stable condition, cops said."]
    assert out.removed == ["For the latest on this story, subscribe to our newsletter."]
    assert bp.split_pitch("Subscribe to our newsletter. It is free and you can cancel it at any time.") is None


def test_long_paragraph_mentioning_a_post_link_is_kept():
    from storyweave.clean.boilerplate import BoilerplateFilter

    paragraph = ("CNN veröffentlicht Satellitenbilder der beschädigten Militärbasis im Irak. Der TV-Sender hat am "
                 "Mittwoch Bilder veröffentlicht, auf denen die Schäden zu sehen sind, und verwies auf einen Beitrag "
                 "pic.twitter.com/AbCdEf123 des Senders. ") * 3
    assert BoilerplateFilter().classify(paragraph.strip()) is None
    assert BoilerplateFilter().classify("pic.twitter.com/AbCdEf123") == "social_post"
