from __future__ import annotations

import unicodedata

import pytest

from storyweave.clean import DEFAULT_LANGUAGES, LanguageIdentifier
from storyweave.clean.language import UNDETERMINED, languages_from_setting


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


# -- languages outside the configured set ----------------------------------------------------------------------
# One news paragraph and two titles per language, as outlets in these languages write them.
OUTSIDE = {
    "vi": (
        "Chính phủ Việt Nam hôm thứ Ba đã công bố một gói hỗ trợ mới nhằm giảm bớt tác động của giá năng lượng tăng"
        " cao đối với các hộ gia đình và doanh nghiệp nhỏ. Theo Bộ Tài chính, gói hỗ trợ trị giá khoảng 20.000 tỷ"
        " đồng sẽ được triển khai trong sáu tháng tới. Các chuyên gia kinh tế cho rằng biện pháp này là cần thiết,"
        " nhưng họ cảnh báo rằng lạm phát vẫn có thể tiếp tục tăng cho đến cuối năm.",
        "Chính phủ công bố gói hỗ trợ mới trước đà tăng giá năng lượng",
        "Bão số 3 gây mưa lớn, hàng nghìn hộ dân phải sơ tán",
    ),
    "id": (
        "Pemerintah Indonesia pada hari Selasa mengumumkan paket bantuan baru untuk meringankan dampak kenaikan harga"
        " energi bagi rumah tangga dan usaha kecil. Menurut Kementerian Keuangan, paket senilai sekitar 20 triliun"
        " rupiah itu akan disalurkan dalam enam bulan ke depan. Para ekonom menilai langkah tersebut diperlukan,"
        " tetapi mereka memperingatkan bahwa inflasi masih bisa terus naik hingga akhir tahun.",
        "Pemerintah umumkan paket bantuan baru di tengah kenaikan harga energi",
        "Banjir rendam ribuan rumah di Jakarta, warga diminta waspada",
    ),
    "fa": (
        "دولت ایران روز سه‌شنبه بسته حمایتی تازه‌ای را برای کاهش اثر افزایش قیمت انرژی بر خانوارها و کسب‌وکارهای"
        " کوچک اعلام کرد. به گفته وزارت اقتصاد، این بسته در شش ماه آینده اجرا خواهد شد. کارشناسان اقتصادی می‌گویند"
        " این اقدام لازم است، اما هشدار می‌دهند که تورم ممکن است تا پایان سال همچنان بالا بماند.",
        "دولت بسته حمایتی جدیدی در برابر گرانی انرژی اعلام کرد",
        "سیل در شمال کشور هزاران نفر را آواره کرد",
    ),
    "ca": (
        "El Govern va anunciar dimarts un nou paquet d'ajudes per reduir l'impacte de la pujada dels preus de"
        " l'energia sobre les famílies i les petites empreses. Segons el Departament d'Economia, les ajudes, dotades"
        " amb uns 200 milions d'euros, s'aplicaran durant els pròxims sis mesos. Els economistes consideren que la"
        " mesura és necessària, però avisen que la inflació encara podria continuar pujant fins a final d'any.",
        "El Govern anuncia un nou paquet d'ajudes davant la pujada de l'energia",
        "Els bombers treballen per apagar l'incendi de l'Empordà",
    ),
    "bg": (
        "Правителството на България обяви във вторник нов пакет от мерки за ограничаване на въздействието на"
        " поскъпването на енергията върху домакинствата и малкия бизнес. Според Министерството на финансите помощта"
        " ще бъде изплащана през следващите шест месеца. Икономисти смятат, че мярката е необходима, но"
        " предупреждават, че инфлацията може да продължи да расте до края на годината.",
        "Правителството обяви нови мерки срещу поскъпването на енергията",
        "Хиляди хора протестираха в София срещу новия закон",
    ),
    "da": (
        "Regeringen præsenterede tirsdag en ny hjælpepakke, der skal afbøde virkningen af de stigende energipriser"
        " for husholdninger og små virksomheder. Ifølge Finansministeriet vil pakken på omkring fem milliarder"
        " kroner blive udbetalt over de næste seks måneder. Økonomer mener, at tiltaget er nødvendigt, men de"
        " advarer om, at inflationen fortsat kan stige frem mod årets udgang.",
        "Regeringen præsenterer ny hjælpepakke mod stigende energipriser",
        "Tusindvis af husstande er stadig uden strøm efter stormen",
    ),
}
CASES = [
    (lang, kind, text)
    for lang, texts in OUTSIDE.items()
    for kind, text in zip(("text", "title", "title2"), texts, strict=True)
]


@pytest.fixture(scope="module")
def every() -> LanguageIdentifier:
    return LanguageIdentifier(languages_from_setting("all"))


@pytest.mark.parametrize(("lang", "kind", "text"), CASES)
def test_outside_the_default_set_is_und_never_a_wrong_code(ident: LanguageIdentifier, lang, kind, text):
    assert lang not in DEFAULT_LANGUAGES
    assert ident.detect(text) == UNDETERMINED
    assert ident.detect(text.title()) == UNDETERMINED  # titles in Title Case
    assert ident.detect(text.upper()) == UNDETERMINED
    long = " ".join([OUTSIDE[lang][0]] * 3)  # past the function-word shortcut's minimum length
    assert ident.detect(long) == UNDETERMINED


@pytest.mark.parametrize(("lang", "kind", "text"), CASES)
def test_languages_all_names_them(every: LanguageIdentifier, lang, kind, text):
    assert every.detect(text) == lang
    assert every.detect(text.title()) == lang


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Kosovo's Krasniqi denies Japan's Tonaki, wins judo gold", "en"),
        ("Olympics Latest: Wongpattanakit, Dell'Aquila win golds", "en"),
        ("Minnesota leaves Juancho Hernangómez out of the Olympics", "en"),
        ("El adiós de Paula Pareto", "es"),
        ("La judoka Distria Krasniqi logra la primera medalla de oro para Kosovo", "es"),
        ("Luka Dončić in Slovenija proti Litvi za prve OI slovenske košarke", "sl"),
    ],
)
def test_foreign_names_do_not_make_a_title_foreign(ident, every, title, lang):
    assert ident.detect(title) == lang
    assert every.detect(title) == lang


def test_a_language_added_to_the_defaults_is_named_and_the_rest_stay_und():
    ident = LanguageIdentifier(languages_from_setting("default,vi"))
    assert ident.detect(OUTSIDE["vi"][1]) == "vi"
    assert ident.detect(OUTSIDE["da"][0]) == UNDETERMINED
    assert ident.detect("Government announces new measures to curb rising energy prices") == "en"


def test_a_small_set_makes_every_other_language_und():
    ident = LanguageIdentifier(("en", "fr"))
    german = "Die Bundesregierung hat am Dienstag ein neues Entlastungspaket für Haushalte beschlossen."
    assert ident.detect(german) == UNDETERMINED
    assert ident.detect(" ".join([german] * 6)) == UNDETERMINED
    assert ident.detect("Правительство объявило о новых мерах против роста цен на энергию") == UNDETERMINED
    assert ident.detect("Le gouvernement annonce de nouvelles mesures contre la hausse des prix") == "fr"
    only = LanguageIdentifier(("en",))
    assert only.detect("Government announces new measures to curb rising energy prices") == "en"
    assert (
        only.detect("Le gouvernement annonce de nouvelles mesures contre la hausse des prix") == UNDETERMINED
    )


def test_scripts_without_a_configured_language():
    ident = LanguageIdentifier()
    thai = "รัฐบาลประกาศมาตรการใหม่เพื่อรับมือกับราคาพลังงานที่สูงขึ้น"
    assert ident.detect(thai) == UNDETERMINED
    assert LanguageIdentifier(languages_from_setting("default,th")).detect(thai) == "th"
    assert ident.detect("ក្រសួងសុខាភិបាលបានប្រកាសវិធានការថ្មី") == UNDETERMINED  # Khmer: no lingua model
    assert ident.detect("Marathi: राज्य सरकारने आज नवीन योजना जाहीर केली आणि ती लवकरच लागू होईल") == UNDETERMINED


def test_too_little_text_is_und():
    ident = LanguageIdentifier()
    assert ident.detect("NBA") == UNDETERMINED
    assert ident.detect("AsiaOne") == UNDETERMINED
    assert ident.detect("12345 !!! ---") is None


def test_vietnamese_typed_with_combining_marks():
    decomposed = unicodedata.normalize("NFD", OUTSIDE["vi"][1])
    assert LanguageIdentifier().detect(decomposed) == UNDETERMINED
    assert LanguageIdentifier(languages_from_setting("all")).detect(decomposed) == "vi"


# -- the setting ------------------------------------------------------------------------------------------------
def test_languages_from_setting():
    assert languages_from_setting("default") == DEFAULT_LANGUAGES
    every = languages_from_setting("all")
    assert (
        len(every) == 75
        and set(DEFAULT_LANGUAGES) <= set(every)
        and {"vi", "id", "fa", "ca", "bg", "da"} <= set(every)
    )
    assert languages_from_setting("en, fr vi") == ("en", "fr", "vi")
    assert languages_from_setting(["English", "fra", "pt-BR", "en"]) == ("en", "fr", "pt")
    assert languages_from_setting("default,vi")[-1] == "vi"
    with pytest.raises(ValueError, match="'xx'.*'default', 'all'.*vi"):
        languages_from_setting("en,xx")
    with pytest.raises(ValueError, match="no language"):
        languages_from_setting(" , ")
