from __future__ import annotations

import pytest

from storyweave.clean import DEFAULT_LANGUAGES, LanguageIdentifier


@pytest.fixture(scope="module")
def ident() -> LanguageIdentifier:
    return LanguageIdentifier()


def test_default_languages_cover_the_main_ones():
    assert set("en fr de es it pt nl pl ru uk ar tr zh ja ko sl".split()) <= set(DEFAULT_LANGUAGES)


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Government announces new measures to curb rising energy prices", "en"),
        ("Le gouvernement annonce de nouvelles mesures contre la hausse des prix", "fr"),
        ("Bundesregierung kündigt neue Maßnahmen gegen steigende Energiepreise an", "de"),
        ("El Gobierno anuncia nuevas medidas para frenar la subida de los precios", "es"),
        ("Il governo annuncia nuove misure contro l'aumento dei prezzi dell'energia", "it"),
        ("Governo anuncia novas medidas para conter a alta dos preços da energia", "pt"),
        ("Kabinet kondigt nieuwe maatregelen aan tegen stijgende energieprijzen", "nl"),
        ("Rząd zapowiada nowe działania przeciwko rosnącym cenom energii", "pl"),
        ("Правительство объявило о новых мерах против роста цен на энергию", "ru"),
        ("Уряд оголосив нові заходи проти зростання цін на енергію", "uk"),
        ("الحكومة تعلن عن إجراءات جديدة لمواجهة ارتفاع أسعار الطاقة", "ar"),
        ("Hükümet artan enerji fiyatlarına karşı yeni önlemler açıkladı", "tr"),
        ("政府宣布应对能源价格上涨的新措施", "zh"),
        ("政府、エネルギー価格の高騰に対する新たな対策を発表", "ja"),
        ("정부, 에너지 가격 상승에 대응한 새로운 대책 발표", "ko"),
        ("Vlada napovedala nove ukrepe proti naraščanju cen energije", "sl"),
    ],
)
def test_titles_alone(ident: LanguageIdentifier, title: str, lang: str):
    assert ident.detect(title) == lang


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en"),
        ("eng", "en"),
        ("en-US", "en"),
        ("pt_BR", "pt"),
        ("fre", "fr"),
        ("German", "de"),
        ("zz", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_input_codes(ident: LanguageIdentifier, code: str | None, expected: str | None):
    assert ident.normalize(code) == expected


def test_long_text_fast_path_and_restricted_languages():
    text = "The council said the plan would be voted on next week and that the mayor had been informed. " * 10
    assert LanguageIdentifier().detect(text) == "en"
    assert LanguageIdentifier(("fr", "de")).detect("Der Rat hat den Plan am Dienstag beschlossen.") == "de"


def test_nothing_to_detect(ident: LanguageIdentifier):
    assert ident.detect("") is None
    assert ident.detect("12345 !!! ---") is None
