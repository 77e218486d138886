"""Whole scraped pages as plain text (html2text-style Markdown): the article body out, every other line removed with
its reason; through the Cleaner and through the CLI."""

import json

from storyweave.clean import Cleaner
from storyweave.clean.page import body_span, page_lines, repeated_lines
from storyweave.cli import app
from storyweave.models import RawDocument

# the body: real MEANTIME English text (Wikinews, CC BY 2.5), en_107785
BODY = [
    "Apple Inc. has announced the launch of the iPhone 3G, the successor to the original iPhone, which will go on "
    "sale in 22 countries on July 11.",
    "The new phone supports the faster 3G mobile networks and has a built-in GPS receiver, features that the "
    "original model lacked.",
    "\"It's amazing that we're able to bring 3G to the iPhone at half the price,\" said Steve Jobs.",
    "It was announced that the 8GB version of the phone will cost $199 and the 16GB version $299.",
]
MENU = ["  * [World](https://courier.example/world)", "  * [Gadgets](https://courier.example/gadgets)",
        "  * [Tech](https://courier.example/tech)", "  * [Sport](https://courier.example/sport)"]  # fmt: skip
TEASERS = [
    "  * [Regulators open an inquiry into the merger of the two largest carriers in the region after complaints "
    "from consumer groups](https://courier.example/a)",
    "  * [The city council votes to close three libraries and two swimming pools to balance its budget for next "
    "year](https://courier.example/b)",
]


def page(*middle: str, comments: bool = False) -> str:
    parts = [
        "[Skip to content](#main)",
        *MENU,
        "[Subscribe](https://courier.example/subscribe) [Sign In](https://courier.example/login)",
        "# Apple launches the iPhone 3G",
        "By [Jane Roe](https://courier.example/jane)",
        "June 10, 2008",
        BODY[0],
        BODY[1],
        *middle,
        BODY[2],
        BODY[3],
        "## Related",
        *TEASERS,
    ]
    if comments:
        parts += [
            "12 Comments",
            "1. phonefan says:",
            "I will definitely be queueing outside the store on the first morning of sales, no doubt about it.",
            "2. skeptic42 says:",
            "The battery life of this phone is going to be terrible with all of those new radios switched on.",
        ]
    parts += ["  * [About us](https://courier.example/about)", "  * [Privacy](https://courier.example/privacy)",
              "© 2008 The Courier. All rights reserved."]  # fmt: skip
    return "\n\n".join(parts)


def clean(text: str):
    return Cleaner().clean(RawDocument(source="page.txt", format="text", text=text))


def test_page_lines_recover_structure():
    lines = page_lines(
        "# A title\n\n  * [World](https://x.example/world)\n\nSome **bold** and _italic_ text with a "
        '[link](https://x.example/a "title").\n\n1. First item\n\n| a | b |\n|---|---|\n| 1 | 2 |'
    )
    assert [(line.kind, line.text) for line in lines] == [
        ("h", "A title"),
        ("li", "World"),
        ("p", "Some bold and italic text with a link."),
        ("li", "1. First item"),  # a numbered item keeps its number: it is part of the text
        ("table", "a b"),
        ("table", "1 2"),
    ]
    assert lines[1].linked == 1.0 and 0 < lines[2].linked < 0.2


def test_link_text_over_several_lines_counts_as_link_text():
    lines = page_lines('[ Some teaser headline\n  * By STAFF\n](/news/teaser "Some teaser headline")\n')
    assert [line.text for line in lines] == ["Some teaser headline", "By STAFF"]
    assert all(line.linked == 1.0 for line in lines)


def test_body_span_is_the_run_with_the_largest_total():
    assert body_span([-3, 5, -1, 4, -9, 2]) == (1, 4)
    assert body_span([-1, -2]) == (0, 0)


def test_repeated_lines_second_copies_and_cut_off_teasers():
    texts = [
        "Good morning! This is the tech news you need to know this Tuesday.",
        "Apple is holding a surprise event next month in New York.",
        "Good morning! This is the tech news you need...",
        "Apple is holding a surprise event next month in New York.",
    ]
    assert repeated_lines(texts) == {2, 3}


def test_whole_page_keeps_the_body_and_removes_the_rest_with_reasons():
    r = clean(page())
    assert r.text.splitlines() == BODY
    assert r.title == "Apple launches the iPhone 3G"
    assert r.authors == ("Jane Roe",)
    assert r.published == "2008-06-10"
    why = dict(zip(r.removed, r.removed_reasons, strict=True))
    assert len(r.removed) == len(r.removed_reasons) and all(r.removed_reasons)
    assert why["Gadgets"] == "outside_body"
    assert why["Regulators open an inquiry into the merger of the two largest carriers in the region after "
               "complaints from consumer groups"] == "outside_body"  # fmt: skip
    assert why["© 2008 The Courier. All rights reserved."] == "copyright"


def test_clutter_inside_the_body_goes_and_a_price_sentence_stays():
    r = clean(
        page(
            "[READ MORE: Apple shares rise ahead of the launch](#)",
            "@courier_example: Apple launches the iPhone 3G https://t.co/Ab3dE",
            "Watch the keynote https://www.youtube.com/watch?v=abc123",
            "The Morning Brief",
            "Get the day's top stories in your inbox every morning.",
            "Join 120,000 subscribers",
            "12 months",
            "$4.99/month",
            "Suivez-nous sur Telegram",
        )
    )
    assert r.text.splitlines() == BODY  # BODY[3] names prices: a real sentence about prices stays
    why = dict(zip(r.removed, r.removed_reasons, strict=True))
    assert why["READ MORE: Apple shares rise ahead of the launch"] == "related"
    assert why["@courier_example: Apple launches the iPhone 3G https://t.co/Ab3dE"] == "social_post"
    assert why["Watch the keynote https://www.youtube.com/watch?v=abc123"] in ("embedded_post", "related")
    assert why["The Morning Brief"] == "call_to_reader"
    assert why["Join 120,000 subscribers"] == "call_to_reader"
    assert why["12 months"] == why["$4.99/month"] == "offer"
    assert why["Suivez-nous sur Telegram"] == "call_to_reader"


def test_comments_after_the_body_are_not_article_text():
    r = clean(page(comments=True))
    assert r.text.splitlines() == BODY
    assert (
        "The battery life of this phone is going to be terrible with all of those new radios switched on."
        in (r.removed)
    )


def test_an_article_without_page_structure_keeps_its_short_lines():
    text = "\n\n".join([BODY[0], BODY[1], "He declined to comment.", "Sales begin Friday"])
    r = clean(text)
    assert r.text.splitlines() == [BODY[0], BODY[1], "He declined to comment.", "Sales begin Friday"]


def test_cli_article_json_gives_each_removed_line_with_its_reason(runner, tmp_path):
    src = tmp_path / "scrape"
    src.mkdir()
    (src / "iphone.txt").write_text(page(comments=True), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(src)]).exit_code == 0
    listed = runner.invoke(app, ["--db", db, "articles", "--json"])
    article_id = json.loads(listed.stdout.splitlines()[0])["id"]
    shown = runner.invoke(app, ["--db", db, "article", article_id, "--json"])
    data = json.loads(shown.stdout)
    assert data["text"].splitlines() == BODY
    reasons = {item["line"]: item["reason"] for item in data["removed"]}
    assert reasons["Gadgets"] == "outside_body"
    assert reasons["© 2008 The Courier. All rights reserved."] == "copyright"
    assert all(item["reason"] for item in data["removed"])
    text_view = runner.invoke(app, ["--db", db, "article", article_id])
    assert "[outside_body] Gadgets" in text_view.stdout


def test_follow_prompts_and_sign_up_messages_in_other_languages_go():
    prompts = [
        "Suivez-nous sur Telegram",
        "Folgen Sie uns auf Instagram",
        "Síguenos en WhatsApp",
        "Siga-nos no Instagram",
        "Seguici su Telegram",
        "Подписывайтесь на наш Telegram-канал",
        "Instagram'da bizi takip edin",
        "Obserwuj nas na Facebooku",
        "تابعونا على تيليجرام",
        "Stay up to date with the Courier.",
        "You have successfully subscribed. Thank you!",
    ]
    r = clean(page(*prompts))
    assert r.text.splitlines() == BODY
    why = dict(zip(r.removed, r.removed_reasons, strict=True))
    assert all(why.get(p) == "call_to_reader" for p in prompts), {p: why.get(p) for p in prompts}


def test_a_text_without_page_structure_keeps_its_lines_as_written():
    """Dash-introduced speech and list-like lines of an ordinary article keep their markers (a quote analyser
    reads "- " as the start of speech); only whole scraped pages lose their Markdown."""
    text = "\n".join(
        [
            "Apple launched the iPhone 3G on Monday in San Francisco before a crowd of developers.",
            "- It's amazing that we're able to bring 3G to the iPhone at half the price - said Steve Jobs.",
            "* The 8GB version will cost $199.",
        ]
    )
    assert clean(text).text.splitlines()[1:] == [
        "- It's amazing that we're able to bring 3G to the iPhone at half the price - said Steve Jobs.",
        "* The 8GB version will cost $199.",
    ]
