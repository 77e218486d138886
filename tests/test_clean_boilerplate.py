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
        (
            "At The Daily Example, we are answerable only to our audience. Please become a member today.",
            "call_to_reader",
        ),
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
        (
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            "call_to_reader",
        ),
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
        (
            "You must enter the characters with black color that stand out from the other characters",
            "call_to_reader",
        ),
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
    line = bp.normalize_line(
        "The [city council](https://example.org/council) voted on ![map](x.png) Tuesday."
    )
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
    assert out.removed == [
        "Home",
        "READ MORE: Protests grow in the capital",
        "Sign up for our newsletter",
        "Follow us on Twitter",
    ]
    assert [r.reason for r in out.reasons] == ["interface", "related", "call_to_reader", "call_to_reader"]


def test_a_pitch_glued_to_a_sentence_only_takes_the_pitch(bp: BoilerplateFilter):
    line = "The victim was rushed to the hospital and was in stable condition, cops said. For the latest on this story, subscribe to our newsletter."
    out = bp.strip(line)
    assert out.kept == ["The victim was rushed to the hospital and was in stable condition, cops said."]
    assert out.removed == ["For the latest on this story, subscribe to our newsletter."]
    assert (
        bp.split_pitch("Subscribe to our newsletter. It is free and you can cancel it at any time.") is None
    )


def test_long_paragraph_mentioning_a_post_link_is_kept():
    from storyweave.clean.boilerplate import BoilerplateFilter

    paragraph = (
        "CNN veröffentlicht Satellitenbilder der beschädigten Militärbasis im Irak. Der TV-Sender hat am "
        "Mittwoch Bilder veröffentlicht, auf denen die Schäden zu sehen sind, und verwies auf einen Beitrag "
        "pic.twitter.com/AbCdEf123 des Senders. "
    ) * 3
    assert BoilerplateFilter().classify(paragraph.strip()) is None
    assert BoilerplateFilter().classify("pic.twitter.com/AbCdEf123") == "social_post"


@pytest.mark.parametrize(
    "line",
    [
        "You must enter the characters with black color that stand out from the other characters",
        "Debe introducir los caracteres en color negro que destacan sobre los demás caracteres",
        "Voer de tekens in die zwart gekleurd zijn en afwijken van de andere tekens",
        "Saisissez les caractères affichés en noir",
        "Geben Sie die Zeichen in schwarzer Farbe ein",
        "Inserisci i caratteri di colore nero che risaltano sugli altri",
        "Digite os caracteres em preto que se destacam dos demais",
        "Message: * A friend wanted you to see this item from NorthBayCourier.com: http://courier.example/1",
        "Mensaje: * Un amigo quería que vieras este artículo de NoticiasDelCielo.com: http://cielo.example/2",
        "Bericht: * Een vriend wilde dat je dit artikel van Wielenwijzer.nl zag: http://wielen.example/3",
        "Messaggio: * Un amico voleva che vedessi questo articolo di Giornale.it: http://giornale.example/4",
        "Mensagem: * Um amigo queria que você visse este artigo: http://jornal.example/5",
        "Message : * Un ami voulait que vous voyiez cet article : http://journal.example/6",
        "Nachricht: * Ein Freund wollte, dass du diesen Artikel siehst: http://zeitung.example/7",
    ],
)
def test_captcha_and_share_form_junk_in_several_languages(bp: BoilerplateFilter, line: str):
    assert bp.classify(bp.normalize_line(line)) == "call_to_reader"


@pytest.mark.parametrize(
    "line",
    [
        "— TecnoGiornale (@tecnogiornale) 9 giugno 2008",
        "— Noticias (@noticias) 9 de junio de 2008",
        "— Zeitung (@zeitung) 9. Juni 2008",
        "— Courier (@courier) June 9, 2008",
    ],
)
def test_tweet_signatures_with_either_date_order(bp: BoilerplateFilter, line: str):
    assert bp.classify(line) == "social_post"


@pytest.mark.parametrize(
    "line",
    [
        "Een vriend wilde dat hij zou stoppen met roken, zei de politie op vrijdag.",
        "Un amigo quería que él viera a un médico antes del viaje, según la policía.",
        "The suspect typed the characters into the form before he was arrested, police said.",
        "Er setzte damit ein Zeichen, sagte der Sprecher der Polizei am Dienstag in Berlin.",
        "Message: the minister said the plan would be published next week.",
    ],
)
def test_sentences_near_the_junk_rules_are_kept(bp: BoilerplateFilter, line: str):
    assert bp.classify(bp.normalize_line(line)) is None


def test_markdown_share_buttons_are_not_article_text(bp: BoilerplateFilter):
    share = "[Condividi su Facebook](https://www.facebook.com/sharer/sharer.php?u=https://news.example/a)"
    assert bp.share_only(share)
    assert bp.share_only(
        "Share: [Twitter](https://twitter.com/intent/tweet?url=x) | [WhatsApp](https://api.whatsapp.com/send?text=x)"
    )
    out = bp.strip(f"The council voted on Tuesday to close the bridge for repairs.\n{share}")
    assert out.kept == ["The council voted on Tuesday to close the bridge for repairs."]
    assert out.removed == ["Condividi su Facebook"] and out.reasons[0].reason == "share_link"
    # a share button glued to a sentence goes, the sentence stays
    line = bp.normalize_line(
        "The council voted on Tuesday. [Share on Facebook](https://www.facebook.com/sharer.php?u=x)"
    )
    assert line == "The council voted on Tuesday."
    # an ordinary link is not a share button
    assert not bp.share_only("[The council](https://news.example/council)")
    assert (
        bp.normalize_line("[Read the report](https://news.example/sharing-economy-report) now")
        == "Read the report now"
    )
