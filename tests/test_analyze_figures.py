"""Figures per article (issue 9, item 3) and their scorer.

Real text: sentences from the MEANTIME corpus (CC BY 4.0; en es it nl, `../shared/corpora/meantime`). The French,
German, Russian, Arabic, Turkish and Polish sentences are written for these tests in the style of news reports.
"""

from __future__ import annotations

import pytest

from storyweave.analyze.base import ArticleText, Figure
from storyweave.analyze.figures import FigureFinder
from storyweave.evaluate.anatomy_figures import score_figures, unit_key


@pytest.fixture(scope="module")
def finder() -> FigureFinder:
    return FigureFinder()


def found(finder: FigureFinder, text: str, lang: str = "en") -> list[tuple[float, str | None, str | None]]:
    return [(f.value, f.unit, f.what) for f in finder.analyse(ArticleText(text, lang=lang))]


def test_the_interface(finder: FigureFinder) -> None:
    assert (finder.name, finder.version) == ("figures", 1)
    text = "About 6,000 civilians and 366 fighters left the city."
    figures = finder.analyse(ArticleText(text, lang="en"))
    assert all(isinstance(f, Figure) for f in figures)
    assert [text[f.start : f.end] for f in figures] == [f.text for f in figures]
    assert Figure.from_json(figures[0].to_json()) == figures[0]
    assert finder.analyse(ArticleText(text, lang="en")) == figures  # deterministic


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "About 6,000 civilians and 366 fighters left the city; 15,000 people, including 4,000 rebel "
            "fighters, remain.",
            [
                (6000, None, "civilians"),
                (366, None, "fighters"),
                (15000, None, "people"),
                (4000, None, "rebel fighters"),
            ],
        ),
        ("en", "The fund holds $40 billion.", [(40e9, "USD", None)]),
        ("en", "Six people were killed.", [(6, None, "people")]),
        ("en", "It took two or three days.", [(2, None, "days")]),
        ("en", "Support fell to 58%.", [(58, "%", None)]),
        (
            "en",
            "Dozens of people were hurt and tens of thousands fled.",
            [(12, None, "people"), (1e4, None, None)],
        ),
        (
            "en",
            "Almost half of the voters and one in five drivers agreed.",
            [(0.5, None, "voters"), (0.2, None, "drivers")],
        ),
        # MEANTIME en_100911 (CC BY 4.0)
        (
            "en",
            "(EADS) have unexpectedly defeated Boeing for a US$40 billion (GB # 20.1 billion) contract to "
            "supply the United States Air Force (USAF) with 179 new aerial refueling tankers at a rate of 15 a year.",
            [
                (40e9, "USD", None),
                (20.1e9, None, None),
                (179, None, "new aerial refueling tankers"),
                (15, None, None),
            ],
        ),
        # MEANTIME en_106653 (CC BY 4.0): a range is one figure, its first value, its text over the range
        (
            "en",
            "Boeing say airlines demand performance improvements of 15-20% are required if a new airliner is to "
            "be commercially viable.",
            [(15, "%", None)],
        ),
        # MEANTIME es_11716, it_11716, nl_108294, es_100911 (CC BY 4.0)
        (
            "es",
            "El pedido, que se estima en 15.000 millones de $, ha impulsado la por lo demás decepcionante París "
            "Air Show.",
            [(15e9, "USD", None)],
        ),
        (
            "it",
            "L'ordine, stimato per un valore di 15 miliardi dollari, ha dato una spinta all'altrimenti deludente "
            "esposizione aeronautica di Parigi.",
            [(15e9, "USD", None)],
        ),
        (
            "nl",
            "Op 18 juni verzocht de Amerikaanse Rekenkamer (GAO) om een nieuwe aanbestedingsprocedure voor het "
            "tankercontract van 40 miljard dollar voor de U.S.",
            [(40e9, "USD", None)],
        ),
        ("es", "El 60% de las piezas las suministraran fabricantes nacionales.", [(60, "%", None)]),
        # written for these tests
        (
            "fr",
            "Il reste 100.000 habitants, soit 0,75 % de la population ; 2,5 millions d'euros iront à deux cents "
            "familles et 57 870 réfugiés.",
            [
                (1e5, None, "habitants"),
                (0.75, "%", None),
                (2.5e6, "EUR", None),
                (200, None, "familles"),
                (57870, None, "réfugiés"),
            ],
        ),
        ("fr", "Plus de 6\u202f000 civils syriens ont quitté la ville.", [(6000, None, "civils")]),
        (
            "de",
            "Die Stadt hat 100.000 Einwohner; der Bund zahlt 20 Milliarden Euro, 0,75 Prozent des Haushalts. "
            "Zweiundzwanzig Menschen starben.",
            [(1e5, None, "einwohner"), (20e9, "EUR", None), (0.75, "%", None), (22, None, "menschen")],
        ),
        ("de", "Zwischen 5 und 10 Prozent der Soldaten desertierten.", [(5, "%", None)]),
        (
            "pl",
            "W mieście mieszka 14 tys. osób, a 2,5 mln zł trafi do 300 rodzin.",
            [(14000, None, "osób"), (2.5e6, "PLN", None), (300, None, "rodzin")],
        ),
        (
            "tr",
            "Türkiye'de 57 bin 870 Suriyeli sığınmacı yaşıyor; yüzde 58'i kadın. Zarar 3 milyar dolar.",
            [(57870, None, "suriyeli sığınmacı"), (58, "%", None), (3e9, "USD", None)],
        ),
        (
            "ru",
            "В городе остались 6 тысяч мирных жителей и 366 боевиков, ущерб составил 2,5 млн рублей.",
            [(6000, None, "мирных жителей"), (366, None, "боевиков"), (2.5e6, "RUB", None)],
        ),
        (
            "ar",
            "بلغت الخسائر 27,3 مليار دولار، وقتل ٦٠٠٠ مدني.",
            [(27.3e9, "USD", None), (6000, None, "مدني")],
        ),
    ],
)
def test_figures(finder: FigureFinder, lang: str, text: str, expected: list) -> None:
    got = found(finder, text, lang)
    assert [(pytest.approx(v), u, w) for v, u, w in expected] == got


def test_arabic_indic_digits_keep_the_text(finder: FigureFinder) -> None:
    (figure,) = finder.analyse(ArticleText("بلغت الخسائر ٢٧٫٣ مليار دولار", lang="ar"))
    assert (figure.value, figure.unit, figure.text) == (pytest.approx(27.3e9), "USD", "٢٧٫٣ مليار دولار")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A 57-year-old man, aged 57, was hurt at 10:30 a.m. on March 29, 2019."),
        (
            "en",
            "Section 427 of the 22nd amendment; the Galaxy S23 and COVID-19 hit the F-16 program in 2021.",
        ),
        ("en", "Call +1 919 555 1234 or see page 5 of version 2.0.1 at http://example.com/2019/12."),
        ("en", "Maddon, 66, said Chelsea won 2-0 at 4:39 p.m. on Oct. 31."),
        ("fr", "Un homme de 57 ans a été tué le 3 mars 2019 à 14h30 ; le 1er ministre l'a dit."),
        ("de", "Am 3. Oktober 2020 wurde der 57-Jährige beim 2. Versuch im Alter von 57 festgenommen."),
        ("ru", "5 марта 2019 года 57-летний мужчина занял 5-е место."),
        ("tr", "22'nci madde 5 Mart 2019 tarihinde 57 yaşındaki adam için uygulandı."),
        ("pl", "5 marca 2020 r. 57-letni mężczyzna został zatrzymany w wieku 57 lat."),
        ("ar", "وقال الرجل البالغ 57 عاما في عام 2019."),
    ],
)
def test_not_figures(finder: FigureFinder, lang: str, text: str) -> None:
    assert found(finder, text, lang) == []


def test_scorer_on_a_hand_made_row(finder: FigureFinder) -> None:
    text = "Officials said 6,000 civilians left, about 5 per cent of the $40 billion plan, in 2019."

    def span(part: str) -> dict[str, int]:
        return {"start": text.index(part), "end": text.index(part) + len(part)}

    row = {
        "id": "r1",
        "lang": "en",
        "text": text,
        "figures": [
            {"value": 6000.0, "unit": "civilians", "normalized_unit": "civilian", **span("6,000")},
            {"value": 5.0, "unit": "per cent", "normalized_unit": "percentage", **span("5 per")},
            {"value": 40e9, "unit": "$", "normalized_unit": "dollar", **span("40 billion")},
            {"value": 7.0, "unit": "-", "normalized_unit": "-", "start": None, "end": None},  # unaligned
        ],
    }
    score = score_figures([row, {"id": "r2", "text": "nothing", "figures": None}], finder)
    assert (score["gold"], score["predicted"], score["matched"], score["matched_with_unit"]) == (4, 3, 3, 3)
    assert score["precision"] == 1.0 and score["recall"] == 0.75
    assert score["f1"] == pytest.approx(2 * 0.75 / 1.75, abs=1e-4)


def test_unit_keys() -> None:
    assert unit_key("$") == unit_key("US$") == unit_key("dollars") == unit_key("USD") == "USD"
    assert unit_key("per cent") == unit_key("%") == unit_key("pc") == "%"
    assert unit_key("$ per gallon") == "USD"
    assert unit_key("first-team players") == unit_key("players") == "player"
    assert unit_key("-") is None
