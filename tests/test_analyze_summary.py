"""Summary and timeline on real text: MEANTIME's two reports on General Motors' bankruptcy (1 June 2009) in
English and Spanish, and the first one in Italian and Dutch."""

from __future__ import annotations

from storyweave.analyze.summary import (
    Summary,
    first_report,
    split_sentences,
    spread,
    story_language,
    summarise,
    timeline,
)
from storyweave.models import Article

MEANTIME = {  # MEANTIME (Minard et al., LREC 2016), CC BY 4.0: Wikinews (CC BY 2.5) and its es/it/nl translations
    "en_127226": (
        "2009-06-01",
        "U.S. manufacturer General Motors seeks bankruptcy protection",
        "June 01, 2009\nUnited States automobile manufacturing firm General Motors filed for bankruptcy and Chapter 11 protection from its creditors at 12:00 UTC Monday, in a Manhattan, New York federal bankruptcy court.\nThis was the largest bankruptcy filing for a U.S. manufacturing company, and with declared assets of $82.29 billion and a debt of $172.81 billion, and the fourth largest bankruptcy filing in recent U.S. history -- after the bankruptcies of Lehman Brothers ($691.06 billion), Washington Mutual ($327.91 billion), and WorldCom ($103.91 billion).",
    ),
    "en_127227": (
        "2009-06-01",
        "Barack Obama presents rescue plan after GM declaration of bankruptcy",
        'June 01, 2009\nIn a televised speech from the White House at 16:00 UTC today, President of the United States Barack Obama presented a reorganization plan following the 12:00 UTC announcement by General Motors that it had filed for bankruptcy and Chapter 11 protection from its creditors, the largest bankruptcy of a U.S. manufacturing company.\nDescribing the problem with the company as one that had been "decades in the making," Obama explained the rationale behind his proposed reorganization plan for General Motors.\nHe stated that his intent was not to "perpetuate] the bad business decisions of the past," and that loaning General Motors money, when debt was its problem, would have been doing exactly that.\nHis plan, he stated, was for the United States government, in conjunction with the governments of Canada and Ontario (which he thanked for their roles alongside the government of Germany which he thanked for its role in selling a corporate stake in GM Europe), to become shareholders in General Motors.\nThe United States government would hold a 60% stake.\nThe government will give GM a capital infusion of US$30 billion in addition to the funds it has already received.\nOf the government ownership he stated that he refused "to let General Motors and Chrysler become wards of the state", and described the bankruptcy of Chrysler, and the bankruptcy of General Motors that he envisioned as being "quick, surgical, bankruptcies".\nHe pointed to the bankruptcy of Chrysler as an example of what he envision for General Motors, but stated that General Motors was a "more complex company" than Chrysler.\nResponding to challenges voiced by political opponents, before the speech, that the federal government would actively participate in the affairs of the restructured company, he stated that he had "no interest"in running GM, and that the federal government would"refrain from exercising its rights" as a corporate shareholder for the most part.\nIn particular, he stated that the federal government would not exercise its rights as a shareholder to dictate "what new type of car to make."\nHe stated that he expected the restructured GM to make "high quality, safe, and fuel-efficient cars of tomorrow,"and several times described what he anticipated as"better"and"fuel-efficient" cars, after a streamlining of GM\'s brands.\nHe said to the general public that "I will not pretend that the hard times are over."\nHe described the financial hardship that some -- shareholders, communities based around GM plants, GM dealers, and others -- would undergo as a "sacrifice for the next generation"on their parts, so that their children could live in"an America that still makes things,"concluding that one day the United States might return to a time when the maxim (a widely-repeated mis-quotation of what Charles Erwin Wilson once testified before the U.S. Senate when nominated for the position of Secretary of Defense) would once more be true that"what is good for General Motors is good for the United States of America."',
    ),
    "es_127226": (
        "2009-06-01",
        "El fabricante estadounidense General Motors busca protección de quiebra",
        "01 de junio del 2009\nEl fabricante de automóviles estadounidense General Motors ha solicitado la quiebra y la protección 11 de sus acreedores a las 12:00 UTC del lunes, en el tribunal federal de quiebras de Manhattan (Nueva York).\nHa sido la mayor solicitud de quiebra de un fabricante estadounidense, y ha declarado 82.290 millones de $en activos y una deuda de 172.810 millones de $; es la cuarta mayor quiebra de la historia reciente de los EEUU, tras las quiebras de Lehman Brothers (691.060 millones de $), Washington Mutual (327.910 millones de $) y WorldCom (103.910 millones de $).",
    ),
    "es_127227": (
        "2009-06-01",
        "Barack Obama presenta un plan de rescate tras la declaración de quiebra de GM",
        '01 de junio del 2009\nTras la declaración que GM ha hecho hoy a las 12:00 UTC donde ha dicho que ha solicitado la quiebra y la protección de capítulo 11 frente a sus acreedores, la mayor quiebra de una empresa de fabricación estadounidense, el presidente de Estados Unidos Barack Obama ha presentado un plan de reorganización en un discurso televisado desde la Casa Blanca a las 16:00 UTC.\nDescribiendo el problema de la empresa como uno que lleva "décadas en proceso", Obama explicó las razones de su propuesta de reorganización para General Motors.\nDeclaró que su propósito no era "perpetuar] las malas decisiones de negocio del pasado", y que prestar dinero a General Motors no sería más que eso, ya que su problema es la deuda.\nSu plan, declaró, es que el gobierno de Estados Unidos se convierta en accionista de General Motors, junto con los gobiernos de Canadá y Ontario (a los que agradeció el papel que habían jugado junto con el gobierno de Alemania, al que agradeció por su papel en la venta de acciones corporativas de GM en Europa).\nEl gobierno de Estados Unidos poseería un 60% de las acciones.\nEl gobierno inyectará 30.000 millones de US$de capital a GM, además de los fondos que ya ha recibido.\nEn cuanto a posesión del gobierno, negó que "permitirían que General Motors y Chrysler sean tutelados por el estado", y describió la quiebra de Chrysler y la de quiebra de General Motors que había concebido como "quiebras rápidas, quirúrgicas".\nSeñaló la quiebra de Chrysler como un ejemplo de lo que concebía para General Motors, pero aclaró que General Motors era una "empresa más compleja" que Chrysler.\nEn respuesta a las objeciones expresadas por oponentes políticos antes del discurso, según las cuales el gobierno federal participará activamente en los negocios de la empresa reestructurada, ha declarado que no tenía "ningún interés" en dirigir GM, que que el gobierno federal "no ejercería sus derechos" de accionista corporativo en casi nada.\nParticularmente, ha declarado que el gobierno federal no ejercerá sus derechos de accionista para dictar "que nuevo tipo de coche fabricar".\nHa declarado que espera que la reestructurada GM fabricará "coches del futuro, de gran calidad, seguros y de consumo eficiente de combustible", y varias veces ha descrito lo que él espera que sean coches "mejores" y "de consumo más eficiente de combustible" después de aerodinamizar las marcas de GM.\nDijo para el público en general que "No fingiré que los malos tiempos hayan acabado".\nDescribió las dificultades financieras que van a sufrir algunos (accionistas, comunidades basadas en torno a las plantas de GM, distribuidores de GM y otros) como "un sacrificio por la próxima generación", de forma que sus hijos puedan vivir en "una América que todavía fabrica cosas", y concluyó diciendo que algún día Estados Unidos volverá a un tiempo en el que la máxima "lo que es bueno para General Motors es bueno para los Estados Unidos de América" vuelva a ser cierto (una cita equivocada muy recurrente de lo que Charles Erwin Wilson aseveró ante el senado de los EEUU cuando lo nominaron para el puesto de secretario de defensa).',
    ),
    "it_127226": (
        "2009-06-01",
        "Il produttore statunitense General Motors presenta l'istanza di tutela giudiziaria dal fallimento",
        "1 giugno 2009\nLa casa automobilistica statunitense General Motors ha chiesto l'avvio della procedura fallimentare e di tutela giudiziaria dai creditori prevista dal Chapter 11 lunedì alle 12:00 UTC, presso un tribunale fallimentare federale di Manhattan, New York.\nSi tratta della più grande istanza di fallimento per una società di produzione statunitense, con un patrimonio dichiarato di 82,29 miliardi di dollari e un debito di 172,81 miliardi di dollari, la quarta più grande nella recente storia degli Stati Uniti, dopo i fallimenti di Lehman Brothers (691,06 miliardi di dollari), Washington Mutual (327,91 miliardi di dollari), e WorldCom (103,91 miliardi di dollari).",
    ),
    "nl_127226": (
        "2009-06-01",
        "Amerikaanse fabrikant General Motors vraagt faillissementsbescherming aan",
        "01-Jun-09\nHet Amerikaanse autobedrijf General Motors vroeg om 12.00 uur UTC een faillissement en bescherming tegen crediteuren onder Chapter 11 aan bij een faillissementsrechtbank in Manhattan, New York.\nDit was de grootste faillissementsaanvraag van een fabrikant in Amerika, met activa ter waarde van $82,29 miljard en een schuld van $172,81 miljard en de op drie na grootste faillissementsaanvraag in de recente Amerikaanse geschiedenis na het faillissement van Lehman Brothers ($691,06 miljard), Washington Mutual ($327,91 miljard) en WorldCom ($103,91 miljard).",
    ),
}


def _articles(langs=("en", "es", "it", "nl"), hours=True) -> list[Article]:
    out = []
    for n, (key, (date, title, text)) in enumerate(MEANTIME.items()):
        lang = key.split("_")[0]
        if lang in langs:
            published = f"{date}T{10 + n:02d}:00:00+00:00" if hours else date
            out.append(Article(key, key, title, text, lang, published, f"{lang}.example"))
    return out


def test_sentences_come_from_the_articles_and_name_them():
    arts = _articles()
    summary = summarise(arts)
    texts = {a.id: a.text for a in arts}
    assert 3 <= len(summary.sentences) <= 4
    for s in summary.sentences:
        assert s.text in texts[s.article_id]
        assert s.article_id.startswith(summary.lang + "_")
    assert {s.article_id for s in summary.sentences} == {"en_127226", "en_127227"}


def test_the_default_language_is_the_most_common_one():
    arts = _articles()
    assert story_language(arts) == "en"  # en 2, es 2: the earliest article is English
    assert story_language([a for a in arts if a.id != "en_127227"]) == "es"
    summary = summarise(arts)
    assert summary.lang == "en"
    assert summary.headline in {a.title for a in arts if a.lang == "en"}


def test_a_chosen_language():
    summary = summarise(_articles(), lang="es")
    assert summary.lang == "es"
    assert summary.headline == "El fabricante estadounidense General Motors busca protección de quiebra"
    assert all(s.article_id.startswith("es_") for s in summary.sentences)
    assert any("quiebra" in s.text for s in summary.sentences)
    assert summarise(_articles(), lang="nl").sentences[0].article_id == "nl_127226"
    assert summarise(_articles(), lang="fr") == Summary("fr", None)


def test_without_titles_the_headline_is_a_first_sentence():
    arts = [Article(a.id, a.id, None, a.text, a.lang, a.published, a.outlet) for a in _articles(("en",))]
    summary = summarise(arts)
    firsts = {split_sentences(a.text)[1] for a in arts}  # [0] is the dateline "June 01, 2009"
    assert summary.headline in firsts
    assert summary.headline not in {s.text for s in summary.sentences}


def test_sentences_are_not_repeated():
    arts = _articles(("en",))
    twice = arts + [
        Article("copy", "copy", arts[0].title, arts[0].text, "en", arts[0].published, "c.example")
    ]
    texts = [s.text for s in summarise(twice).sentences]
    assert len(texts) == len(set(texts))


def test_json_shape():
    data = summarise(_articles(("it",))).to_json()
    assert set(data) == {"lang", "headline", "sentences"}
    assert data["lang"] == "it"
    assert all(set(s) == {"text", "article_id"} for s in data["sentences"])


def test_sentence_split_keeps_abbreviations():
    assert split_sentences("WASHINGTON — Mr. Steele of the U.S. Senate spoke. He left.") == [
        "Mr. Steele of the U.S. Senate spoke.",
        "He left.",
    ]


def test_timeline_first_report_and_spread():
    arts = _articles()
    reordered = [arts[3], arts[0], arts[5], arts[1], arts[4], arts[2]]
    line = timeline(reordered)
    assert [e["article_id"] for e in line] == [a.id for a in arts]
    assert line[0] == {
        "published": "2009-06-01T10:00:00+00:00",
        "article_id": "en_127226",
        "outlet": "en.example",
        "lang": "en",
    }
    undated = Article("x", "x", None, "text", "en", None, "z.example")
    assert timeline([undated, *reordered])[-1]["article_id"] == "x"
    assert first_report([undated, *reordered])["article_id"] == "en_127226"
    assert first_report([undated]) is None
    languages = spread(reordered)["languages"]
    assert languages["es"] == {"first": "2009-06-01T12:00:00+00:00", "articles": 2}
