"""The fast paths of the cleaning step decide exactly as the plain formulations they replace."""

from __future__ import annotations

import hashlib
import re

import pytest

from storyweave.clean import BoilerplateFilter, LanguageIdentifier, RecurrentLines
from storyweave.clean.phrases import STRONG_RULES, STRONG_STEMS
from storyweave.clean.recurrent import line_hash

LINES = [
    "Sign up for our daily newsletter to get the latest headlines.",
    "Police said the suspect fled on foot. Subscribe to our newsletter for more.",
    "We are answerable only to our readers.",
    "Follow us on Twitter and Facebook for updates.",
    "Like us at facebook: we post every day",
    "Our Facebook page has more photos of the event",
    "Send us your news tips: tips@example.com",
    "Please enable JavaScript to view the comments.",
    "I'm not a robot",
    "Create a free account to keep reading.",
    "Abonnez-vous à notre newsletter",
    "Jetzt abonnieren und weiterlesen",
    "Suscríbete a nuestro boletín",
    "Iscriviti alla newsletter e seguici",
    "Schrijf je in voor onze nieuwsbrief",
    "Zapisz się do newslettera",
    "Подпишитесь на наш телеграм-канал",
    "Підписуйтесь на наш канал",
    "Bizi takip edin ve abone ol",
    "Çerezler bu sitede kullanılmaktadır",
    "اشترك في النشرة البريدية",
    "The mayor said the city would share the cost with the county.",
    "He told reporters he would only comment after the hearing on Tuesday.",
    "A man was found dead in his apartment, police said.",
]
# re.IGNORECASE matches these to i, s and Cyrillic letters although str.lower() does not
ODD = ["SUBSCRİBE TO OUR NEWSLETTER", "subscrıbe to the list", "ſign up for our emails", "под\u1c82пишитесь"]


@pytest.mark.parametrize(
    "line", [v for line in LINES for v in (line, line.upper(), line.title(), line.swapcase())] + ODD
)
def test_calls_to_reader_matches_the_whole_strong_pattern(line: str):
    bp = BoilerplateFilter()
    low = line.lower()
    expected = any(s in low for s in STRONG_STEMS) and bool(bp._patterns()["strong"].search(line))
    assert bp._calls_to_reader(line, low) == expected


def test_every_strong_rule_literal_is_lower_case():
    for literals, _ in STRONG_RULES:
        assert literals and all(literal == literal.lower() for literal in literals)


@pytest.mark.parametrize(
    "line", ["Copyright 2016 WBTV.", "  __x__ 12 ", "", "—", "Ünïcode  ½ and ² digits_2", "a\u00a0b\u2028c"]
)
def test_line_hash_matches_the_plain_normalisation(line: str):
    norm = re.sub(r"[\W_]+", " ", re.sub(r"\d+", "0", line.casefold())).strip()
    expected = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest() if norm else ""
    assert line_hash(line) == expected


def test_the_line_hash_memo_stays_bounded_and_correct():
    store = RecurrentLines()
    lines = [f"line number {i} of the footer" for i in range(10_000)]
    assert [store.count("x.com", line) for line in lines] == [0] * len(lines)
    assert len(store._hashes) <= 4096
    assert all(store._hash(line) == line_hash(line) for line in lines[-10:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("1234 !!", None), ("just some plain latin words", "und"), ("Ελληνικά και English", "el")],
)
def test_latin_shortcut_gives_what_script_counting_gives(text: str, expected: str | None):
    ident = LanguageIdentifier(languages=("el",))  # no Latin-script candidate: no model is needed
    assert ident.detect(text) == expected
