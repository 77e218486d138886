"""Citations (issue 9, item 4): who cites whom, on real text and on sentences written for the other languages.

Real text: MEANTIME (en/es/it, CC BY 4.0, Wikinews) and ECB+ (en). The fr/de/ru/ar/tr/pl sentences are written
here in the style of agency copy.
"""

from __future__ import annotations

import pytest

from storyweave.analyze.base import Analyser, ArticleText, Citation
from storyweave.analyze.citations import CitationFinder
from storyweave.evaluate.anatomy_citations import canonical, score_citations


def cited(text: str, **kwargs) -> list[str]:
    return [c.outlet for c in CitationFinder().analyse(ArticleText(text, **kwargs))]


def test_interface():
    finder = CitationFinder()
    assert isinstance(finder, Analyser)
    assert (finder.name, finder.version) == ("citations", 1)
    text = "Les pertes atteignent un milliard, selon l'AFP."
    first, second = finder.analyse(ArticleText(text)), finder.analyse(ArticleText(text))
    assert first == second == [Citation("AFP", text, 43, 46, "afp.com")]
    assert Citation.from_json(first[0].to_json()) == first[0]


# real text: MEANTIME (Wikinews, CC BY 4.0) and ECB+
@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        (
            "According to the Associated Press, the number of people claiming weekly unemployment benefits rose "
            "15,000 last week to 444,000, which, according to The New York Times is near a five-year high.",
            ["Associated Press", "The New York Times"],
        ),
        (
            "The Reuters news agency reports that, at their height, the losses cause equity values to lose $1 trillion.",
            ["Reuters"],
        ),
        (
            '"I am absolutely delighted that General Motors have finally done the right thing for them and for us," '
            "he told the BBC.",
            ["BBC"],
        ),
        (
            "Lohan lawyer Mark Heller told L. A. Superior Court Judge James R. Dabney that Lohan had checked into a "
            "rehab, but prosecutors have not signed off on the facility, reports AP.",
            ["Associated Press"],
        ),
        (
            "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday, one day after the team continued its "
            "slide with a season-worst offensive effort, dpa reported.",
            ["dpa"],
        ),
        (
            "For the first time in post-Soviet Turkmenistan's history, its parliamentary elections will have two "
            "parties, ITAR-TASS reported September 26.",
            ["TASS"],
        ),
        (
            '"This campaign stands out for its pluralism," an election official told the AFP news agency.',
            ["AFP"],
        ),
        (
            "Según The New York Times, que fue el primer medio de comunicación en anunciar la salida de "
            "Papermaster, una persona anónima afirmó que el ex-ejecutivo había sido despedido.",
            ["The New York Times"],
        ),
        (
            "La agencia de noticias Reuters informa de que las elevadas pérdidas provocaron que los valores de "
            "participación perdieran un billón de dólares.",
            ["Reuters"],
        ),
        (
            "Il quotidiano China Daily ha riferito che la trattativa si trova in attesa di approvazione da parte "
            "delle autorità aeronautiche cinesi.",
            ["China Daily"],
        ),
        (
            "L'agenzia di stampa Reuters riferisce che le perdite comportano una perdita del valore delle azioni "
            "di mille miliardi di dollari.",
            ["Reuters"],
        ),
    ],
)
def test_real_text(text, outlets):
    assert cited(text) == outlets


# written for the other languages and credit forms
@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # en: datelines, sign-offs, source lines, inputs
        ("WASHINGTON (AP) — The Senate passed the bill on Tuesday.", ["Associated Press"]),
        ("BEIRUT, Dec 22 (Reuters) - Syrian troops took the last rebel-held district.", ["Reuters"]),
        ("The army said 6,000 civilians had left the city. (With Reuters inputs.)", ["Reuters"]),
        ("Four people were hurt.\n— Associated Press", ["Associated Press"]),
        ("By Jane Doe, Associated Press\nThe storm hit the coast on Monday.", ["Associated Press"]),
        ("The Associated Press contributed to this report.", ["Associated Press"]),
        ("Assad spoke in a long interview. He told RT that the operation would continue.", ["RT"]),
        ("The plan was first reported by Bloomberg News on Friday.", ["Bloomberg"]),
        ("Fox News host Sean Hannity said the race was over.", ["Fox News"]),
        ("A CNN/ORC poll released on Tuesday showed a tie.", ["CNN"]),
        # fr
        (
            "Le président syrien a répondu dans une interview accordée à la chaîne Russia Today diffusée jeudi.",
            ["RT"],
        ),
        ("Selon l'AFP, cent mille habitants restent dans la ville.", ["AFP"]),
        ("Le bilan s'élève à douze morts, rapporte Le Monde.", ["Le Monde"]),
        ("Les troupes ont repris le quartier. (avec AFP)", ["AFP"]),
        # de
        ("Das berichtete die dpa am Abend unter Berufung auf die Polizei.", ["dpa"]),
        (
            "Wie die „Süddeutsche Zeitung“ berichtet, soll der Vertrag verlängert werden.",
            ["Süddeutsche Zeitung"],
        ),
        ("Der Minister sagte dem „Spiegel“, er rechne mit einer Einigung.", ["Der Spiegel"]),
        ("Laut einem Bericht der BBC wurden 62 Studien ausgewertet.", ["BBC"]),
        ("Die Preise stiegen um 3,2 Prozent.\nQuelle: dpa", ["dpa"]),
        ("MOSKAU (dpa) - Die Regierung hat neue Sanktionen angekündigt.", ["dpa"]),
        # es / it / pt
        ("El Gobierno aprobó el decreto el martes.\nFuente: EFE", ["EFE"]),
        ("El ministro dijo a El País que no dimitirá.", ["El País"]),
        ("Secondo l'ANSA, i feriti sono sei.", ["ANSA"]),
        ("O ministro disse à Folha de S.Paulo que o acordo está fechado.", ["Folha de S.Paulo"]),
        # ru
        ("Как сообщает ТАСС, эвакуация продолжится до пятницы.", ["TASS"]),
        ("Об этом заявил агентству Интерфакс источник в министерстве.", ["Interfax"]),
        ("По данным РИА Новости, из города вышли 6 тысяч мирных жителей.", ["RIA Novosti"]),
        # ar
        ("وقال مسؤول لوكالة رويترز إن القوات دخلت المدينة.", ["Reuters"]),
        ("ذكرت وكالة الأناضول أن 366 مقاتلا غادروا المدينة.", ["Anadolu Agency"]),
        # tr
        ("Bakan, Anadolu Ajansı'na yaptığı açıklamada anlaşmanın imzalandığını söyledi.", ["Anadolu Agency"]),
        ("Reuters'a göre 6 bin sivil kentten ayrıldı.", ["Reuters"]),
        ("Toplantı yarın yapılacak.\nKaynak: AA", ["Anadolu Agency"]),
        # pl
        ("Według agencji Reutera z miasta wyszło 6 tys. cywilów.", ["Reuters"]),
        ("Jak podała PAP, rozmowy potrwają do piątku.", ["PAP"]),
        ("Minister powiedział w rozmowie z TVN24, że nie poda się do dymisji.", ["TVN24"]),
    ],
)
def test_credit_forms(text, outlets):
    assert cited(text) == outlets


@pytest.mark.parametrize(
    "text",
    [
        # people, governments and platforms are not outlets
        "Michael Bloomberg said he would not run. Mr. Bloomberg said the race was too close.",
        "The Kremlin said the talks would resume, the foreign ministry told reporters.",
        "Trump wrote on Twitter that the report was fake; the video was posted on YouTube and Telegram.",
        "Atlantic City Mayor Don Guardian said he understood the decision.",
        # a mention is not a credit
        "Trump appeared on Fox News and then flew to Iowa.",
        "CNN and MSNBC turned to coverage of the plagiarism story.",
        "Students who took the AP exams scored higher.",
        # photo credits are not text citations
        "Police at the scene on Sunday. (AP Photo/Evan Vucci)",
        "Rescuers search the rubble. Photo: Reuters",
        # ambiguous bare names without their full name in the article
        "The Post said nothing, and the Times kept quiet.",
        "Die Welt ist groß, sagte er.",
    ],
)
def test_not_citations(text):
    assert cited(text) == []


def test_short_name_needs_the_full_name():
    text = "The Washington Post reported the sale on Monday. The Post said the buyer was a fund."
    assert cited(text) == ["The Washington Post", "The Washington Post"]


def test_self_citation_is_dropped():
    text = "A POLITICO analysis found the gap, and Politico reported that CNN confirmed it."
    assert cited(text, outlet="politico.com") == ["CNN"]
    assert cited(text, outlet="cnn.com") == ["Politico", "Politico"]


def test_removed_lines_are_evidence():
    article = ArticleText(
        "The storm hit the coast on Monday.",
        removed=(
            "By Jane Doe, Associated Press",
            "Photo: Reuters",
            "(Reporting by Tom Smith; Editing by Ann Lee)",
        ),
        removed_reasons=("byline", "photo_credit", "outside_body"),
    )
    found = CitationFinder().analyse(article)
    assert [(c.outlet, c.evidence, c.start, c.end) for c in found] == [
        ("Associated Press", "By Jane Doe, Associated Press", None, None),
        ("Reuters", "(Reporting by Tom Smith; Editing by Ann Lee)", None, None),
    ]


def test_evidence_is_the_sentence():
    text = "The city fell on Monday. Officials told CNN that 366 fighters left. More buses are expected."
    (citation,) = CitationFinder().analyse(ArticleText(text))
    assert citation.evidence == "Officials told CNN that 366 fighters left."
    assert text[citation.start : citation.end] == "CNN"


def test_scorer_on_a_hand_made_row():
    rows = [
        {
            "id": "a",
            "text": "WASHINGTON (AP) — Graham told CNN on Sunday. Trump appeared on Fox News. Politico reported it.",
            "outlet": "politico.com",
            "citations": [
                {"outlet": "Associated Press", "via": "metadata_wire", "start": 11, "end": 15, "self": False},
                {"outlet": "CNN", "via": "source", "start": 30, "end": 33, "self": False},
                {"outlet": "Politico", "via": "source", "start": 71, "end": 79, "self": True},
                {"outlet": "The Hill", "via": "metadata_hat_tip", "start": None, "end": None, "self": False},
                {"outlet": "The New York Times", "via": "source", "start": 0, "end": 1, "self": False},
            ],
        },
        {"id": "b", "text": "No outlet here.", "outlet": "x.com", "citations": []},
        {"id": "c", "text": "Not annotated.", "citations": None},
    ]
    result = score_citations(rows, CitationFinder())
    assert {k: result[k] for k in ("articles", "gold", "predicted", "precision", "recall")} == {
        "articles": 2,
        "gold": 3,
        "predicted": 2,
        "precision": 1.0,
        "recall": 0.6667,
    }
    assert [(e["kind"], e["outlet"]) for e in result["errors"]] == [("missed", "The New York Times")]
    assert canonical("The Washington Post") == canonical("Washington Post") == "The Washington Post"
