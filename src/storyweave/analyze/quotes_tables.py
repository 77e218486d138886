"""The compiled form of :mod:`quotes_lexicon`: per-language word sets and the text patterns quote finding uses.
Built on first use by :class:`~storyweave.analyze.quotes.QuoteFinder`, never at import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyweave.analyze import quotes_lexicon as lex

LANGS = tuple(lex.CUES)

# Capitalised words that start no name ("said Tuesday", "The", "In").
_NOT_NAMES = """the a an in on at for but and or if when while after before as it this that these those there
    here his her their our its we they he she i you monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december yesterday today
    tomorrow last earlier later meanwhile however also still so then now der die das ein eine am im in und
    aber doch auch noch le la les un une dans en et mais el los las en y pero il lo gli e ma o os as em mas
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi
    dimanche""".split()

_ABBREVIATIONS = """mr mrs ms dr prof st gen sen rep gov lt col sgt capt jr sr inc corp co ltd vs no jan feb mar apr
    jun jul aug sep sept oct nov dec u.s u.k u.n mt ft m mme hr nr bzw ca dr vgl usw z.b st ул г""".split()


def _uppercase() -> str:
    return "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())


@dataclass(frozen=True)
class Patterns:
    """Language-independent patterns."""

    word: re.Pattern[str]
    token: re.Pattern[str]
    name: re.Pattern[str]
    name_end: re.Pattern[str]
    apposition: re.Pattern[str]  # "Smith, the company's chief executive," ending a frame
    boundary: re.Pattern[str]
    transcript: re.Pattern[str]
    dash_line: re.Pattern[str]
    dash_split: re.Pattern[str]
    not_names: frozenset[str]
    abbreviations: frozenset[str]


@dataclass(frozen=True)
class Tables:
    """One language's words (or every language's, for an unknown language)."""

    lang: str
    cues: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the word tuples of the cues starting with it
    according: frozenset[str]  # cues (words joined by a space) that name their source: "according to X"
    according_after: frozenset[str]  # ... whose source comes before them: "X zufolge", "X'e göre"
    comps: frozenset[str]
    pronouns: dict[str, str]
    aux: frozenset[str]
    dets: frozenset[str]
    titles: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    organisations: frozenset[str]
    konjunktiv: frozenset[str]
    pro_drop: bool
    not_labels: frozenset[str]


def build_patterns() -> Patterns:
    up = _uppercase()
    name_token = rf"(?:(?:al|el|ad|as|ash|bin|abu|ben)-)?(?:[{up}]\.|[{up}][\w'’\-]+)"
    connector = r"(?:al|el|bin|ibn|de|da|di|del|della|dos|du|van|von|der|den|ter|zu|la|le|mc|y)"
    name = rf"{name_token}(?:[ \u00a0]+(?:{connector}[ \u00a0]+)?{name_token}){{0,4}}"
    return Patterns(
        word=re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?"),
        token=re.compile(r"[^\W_][\w'’\-]*|[^\w\s]"),
        name=re.compile(name),
        name_end=re.compile(rf"({name})[\s\u00a0]*$"),
        apposition=re.compile(
            rf"({name})(?:[ \u00a0]*\([^()]{{1,30}}\))?[ \u00a0]*,[^,;:“”\"«»„]{{2,90}},[ \u00a0]*$"
        ),
        boundary=re.compile(
            r"(?<=[.!?…])[\"”»’'“)]*[ \t\u00a0]+(?=[\"“„«»‹‚「‘'(\[—–-]*[\w\"“„«»‹‚「'])|\n+"
        ),
        transcript=re.compile(
            rf"^[ \t]*((?:Q|A|F|R|В|О|P|S|[{up}][\w.'’\-]*(?:[ \t][{up}][\w.'’\-]*){{0,3}}))[ \t]*[:：][ \t]+(\S.*)$",
            re.M,
        ),
        dash_line=re.compile(r"^[ \t]*[—–―-][ \t]*(?=\S)(.+)$", re.M),
        dash_split=re.compile(r"[ \u00a0]*[—–―][ \u00a0]*|[ \u00a0]+-[ \u00a0]+"),
        not_names=frozenset(_NOT_NAMES),
        abbreviations=frozenset(_ABBREVIATIONS),
    )


def _words(value: str) -> list[str]:
    return value.lower().split()


def build_tables(lang: str | None) -> Tables:
    langs = (lang,) if lang in lex.CUES else LANGS
    cues: dict[str, list[tuple[str, ...]]] = {}
    according: set[str] = set()
    comps: set[str] = set()
    pronouns: dict[str, str] = {}
    for code in langs:
        forms = _words(lex.CUES[code])
        if code == "ar":  # the conjunctions و and ف are written onto the verb
            forms += [p + f for f in forms for p in ("و", "ف")]
        for form in forms:
            parts = tuple(form.split("_"))
            cues.setdefault(parts[0], []).append(parts)
        according.update(w.replace("_", " ") for w in _words(lex.ACCORDING.get(code, "")))
        comps.update(_words(lex.COMPLEMENTISERS.get(code, "")))
        pronouns.update(lex.PRONOUNS.get(code, {}))
    return Tables(
        lang=lang if lang in lex.CUES else "und",
        cues={k: tuple(sorted(v, key=len, reverse=True)) for k, v in cues.items()},
        according=frozenset(according),
        according_after=frozenset({"zufolge", "göre", "aldus"}),
        comps=frozenset(comps),
        pronouns=pronouns,
        aux=frozenset(w.replace("_", " ") for w in lex.AUXILIARIES),
        dets=frozenset(lex.DETERMINERS),
        titles=frozenset(lex.TITLES),
        feminine=frozenset(lex.FEMININE_TITLES),
        masculine=frozenset(lex.MASCULINE_TITLES),
        organisations=frozenset(lex.ORGANISATION_WORDS),
        konjunktiv=frozenset(lex.KONJUNKTIV) if lang in ("de", None, "und") else frozenset(),
        pro_drop=lang in lex.PRO_DROP,
        not_labels=frozenset(lex.NOT_SPEAKER_LABELS),
    )
