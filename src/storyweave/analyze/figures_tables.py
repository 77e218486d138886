"""The compiled tables of :class:`~storyweave.analyze.figures.FigureFinder` for one language: regular expressions
and lookup dicts built from :mod:`figures_lexicon`. Built once per language by the finder that needs them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyweave.analyze import figures_lexicon as lx

_SP = "[ \u00a0\u202f\u2009]"  # a space inside a figure
_WORDS_TOO = {("mil", "es"), ("mil", "pt")}
_ABBREVIATIONS = frozenset(
    "bn mn mln mil tn trn k md mds mrd mrds mio tsd mld bln млн млрд трлн тыс mi bi tri mdd mr".split()
)


def _alt(words, escape: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@dataclass(frozen=True)
class Tables:
    lang: str
    decimal: str  # "," or "."
    number: re.Pattern[str]  # a digit number, thousands groups and decimals included
    right: re.Pattern[str]  # what follows a number: glued scale, scale words, a unit
    left: re.Pattern[str]  # what precedes it: currency, percent prefix, sign (anchored at the end)
    mask: re.Pattern[str]  # dates, clock times, ages, addresses, phone numbers, links: never figures
    before: re.Pattern[
        str
    ]  # just before a number: a month, "aged", "Name, " (an age follows), "de" (fr ages)
    age_years: re.Pattern[str] | None  # after "de N": the word for years ("ans")
    words: re.Pattern[str] | None  # spelled-out numbers
    word_values: dict[str, float]
    morphemes: re.Pattern[str] | None  # parts of compound number words (de, nl)
    vague: re.Pattern[str] | None
    vague_values: dict[str, float]
    vague_hints: tuple[str, ...]  # substrings of the lower-cased text without which no vague figure is there
    scales: dict[str, float]
    units: dict[str, str]  # lower-cased unit words and case-kept symbols -> unit
    what: re.Pattern[str]  # the words after a figure
    stop: frozenset[str]
    connector: re.Pattern[str]  # between the two ends of a range
    ordinal: re.Pattern[str] | None  # right after the digits: makes the number an ordinal


def build(lang: str) -> Tables:
    base = lang if lang in lx.WORDS else "en"
    decimal = "," if lang in lx.DECIMAL_COMMA else "."
    seps = "[.,\u00a0\u202f\u2009]" if lang not in lx.SPACE_GROUPS else "[.,\u00a0\u202f\u2009 ]"
    # Each branch starts with a digit or separator (so the engine can skip to candidates fast); the lookbehinds
    # after it keep a match from starting inside another number.
    number = re.compile(
        rf"\d(?<!\d\d)(?<!\d[.,]\d)(?:\d{{0,2}}(?:{seps}\d{{3}})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?)(?!\d)"
        r"|[.,](?<![\d.,][.,])\d+(?!\d)"
    )

    scales = {k.lower(): v for k, v in lx.SCALES.get(base, {}).items()}
    if base != "en":
        scales.update({k: v for k, v in lx.SCALES["en"].items() if k in ("bn", "mln", "k")})
    scale_alt = _alt(k for k, v in scales.items() if v != 100 or k in ("hundred", "hundert", "honderd"))
    units: dict[str, str] = dict(lx.UNIT_SYMBOLS)
    word_units = dict(lx.UNIT_WORDS["*"])
    word_units.update(lx.UNIT_WORDS.get(base, {}))
    units.update(word_units)
    if base in ("fr", "de", "es", "it", "pt", "nl", "pl", "ru", "tr"):
        units.pop("p", None)  # pence is English
    of = lx.OF_WORDS.get(base, "of")
    of_part = rf"(?:(?:{of}){_SP}?)?" if of else ""
    right = re.compile(
        rf"(?:(?P<gs>bn|tn|mn|M|m|k|K|B)(?![^\W_]))?"
        rf"(?:(?:{_SP}|-)?(?P<scale>(?i:{scale_alt})(?:{_SP}+(?i:{scale_alt}))*)(?!\w))?"
        rf"(?:{_SP}?-?{_SP}?{of_part}(?P<unit>{_alt(lx.UNIT_SYMBOLS)}|(?i:{_alt(word_units)}))(?![^\W_]))?"
    )
    cur_alt = _alt(lx.CURRENCY_PREFIX)
    pct_alt = "%|" + re.escape(lx.PERCENT_PREFIX["tr"]) + _SP if base == "tr" else "%"
    left = re.compile(
        rf"(?:(?P<cur>{cur_alt})(?P<sp>{_SP})?)?(?P<pct>{pct_alt})?(?P<sign>[-−+]|(?i:minus|moins|минус)[ -])?$"
    )

    months = lx.MONTHS.get(base, lx.MONTHS["en"])
    if base == "en":
        months = "|".join(m[0].upper() + m[1:] for m in months.split("|"))
    cap = "[A-ZÀ-ÖØ-ÞА-ЯЁ][\\w'’-]+"
    month_re = months if base == "en" else f"(?i:{months})"  # English ones are capitalised ("may" is a verb)
    age_before = lx.AGES_BEFORE.get(base, "(?!)")
    age_of = lx.AGES_OF.get(base, ("(?!)", ""))
    # Masks are tried where a number starts (or one character before, for "+" and "("); what stands before a
    # number (a month name, "aged") is checked per number with ``before``.
    masks = [
        r"\+\d[\d ().-]{7,}\d|\(\d{2,4}\) ?\d{3,4}[ .-]\d{3,4}|\d{3}[-.]\d{3}[-.]\d{4}\b",
        r"0\d(?:[ .]\d\d){4}\b",
        rf"\d(?:[.,]\d+)?{_SP}?[×x]{_SP}?10[−-]?\d+",
        r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b",
        r"\d{1,2}-[A-Z][a-z]{2}-\d{2,4}\b",
        r"1-8\d\d-[\dA-Z]{3}-[\dA-Z]{4}\b",  # toll-free numbers
        r"\d{1,5}00 block\b",  # a US address ("the 2500 block of Main Street")
        rf"\d{{1,2}}[:.]\d{{2}}{_SP}?(?:[ap]\.?m\.?|[AP]M|Uhr|h)(?!\w)|\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b",
        rf"\d{{1,2}}{_SP}?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|Uhr\b)|\d{{1,2}}h\d\d\b",
        rf"\d{{1,2}}(?:st|nd|rd|th|er|\.|-?го)?{_SP}+(?:de{_SP}+)?(?:{month_re})(?!\w)(?:,?{_SP}+(?:de{_SP}+)?\d{{4}})?",
        rf"\d{{1,5}}(?:{_SP}+[A-Z][\w'’.]*){{0,3}}{_SP}+(?:{_alt(w.title() for w in lx.STREET_WORDS)})\b",
    ]
    if base in lx.AGES_AFTER:
        masks.append(lx.AGES_AFTER[base])
    before = re.compile(
        rf"(?:(?P<month>(?<!\w)(?:{month_re}))\.?,?{_SP}+|(?P<age>{age_before}){_SP}+|(?P<name>{cap}),{_SP}+"
        rf"|(?P<paren>{cap}){_SP}\(|(?P<of>{age_of[0]}){_SP}+)$"
    )
    age_years = re.compile(rf"{_SP}+{age_of[1]}\b") if age_of[1] else None
    mask = re.compile("|".join(f"(?:{m})" for m in masks))

    words = morphemes = None
    word_values: dict[str, float] = {}
    if base in lx.WORDS:
        word_values = {k.lower(): float(v) for k, v in lx.WORDS[base].items()}
        hundreds = {
            k: v
            for k, v in scales.items()
            if v >= 100 and "." not in k and (k not in _ABBREVIATIONS or (k, base) in _WORDS_TOO)
        }
        word_values.update(hundreds)
        if base == "en":
            word_values.pop("mil", None)
        joiner = lx.NUMBER_JOINERS.get(base)
        word_alt = _alt(word_values)
        if base in lx.COMPOUND_JOINERS:
            morph = _alt([*word_values, "sieb", "dreißig"]) + "|" + lx.COMPOUND_JOINERS[base]
            morphemes = re.compile(rf"(?i){morph}")
            word_alt = rf"(?:{_alt(word_values)})(?:{morph})*"
        join = rf"|{_SP}+(?:{joiner}){_SP}+" if joiner else ""
        words = re.compile(rf"(?i)(?<![\w-])(?:{word_alt})(?:(?:{_SP}+|-{join})(?:{word_alt}))*(?![\w])")

    vague_values = {k.lower(): float(v) for k, v in lx.VAGUE.get(base, {}).items()}
    vague = None
    if vague_values:
        of_v = {"en": "of", "fr": "de", "es": "de", "it": "di", "pt": "de"}.get(base)
        many = _alt(k for k in vague_values if " " in k)  # "tens of thousands": a figure by itself
        one = _alt(
            k for k in vague_values if " " not in k
        )  # "thousands": only before "of" where there is one
        one_of = rf"(?:{one})(?!\w)" + (rf"(?={_SP}+(?:{of_v})\b)" if of_v else "")
        vague = re.compile(rf"(?i)(?<!\w)(?:(?:{many})(?!\w)|{one_of})" if many else rf"(?i)(?<!\w){one_of}")

    stop = frozenset(lx.STOP_WORDS.get(base, "").split())
    what = re.compile(
        r"(?:(?:-(?=[^\W\d_])|[ \u00a0]+)(?:[^\W\d_][\w'’-]*))(?:[ \u00a0]+(?:[^\W\d_][\w'’-]*)){0,5}"
    )
    connector = re.compile(
        r"(?i)\s*(?:-|–|—|to|and|or|à|au|et|ou|bis|und|oder|a|y|o|e|tot|en|of|до|и|или|do|i|lub|albo|ile|"
        r"veya|ila|إلى|و|أو)\s*$"
    )
    ordinal = {
        "en": r"(?:st|nd|rd|th)\b",
        "fr": r"(?:er|re|e|ème|eme|è|ᵉ|ers|es)\b",
        "es": r"\.?[ºª]",
        "it": r"\.?[ºª]",
        "pt": r"\.?[ºª]",
        "ru": r"-[а-яё]{1,4}\b",
        "pl": r"-[a-ząćęłńóśźż]{1,4}\b",
        "tr": r"['’](?:[ıiuü]?nc[ıiuü])|\.(?= [a-zçğıöşü])",
        "de": r"\.(?= (?!(?:Die|Der|Das|Ein|Eine|Er|Sie|Es|Wir|Ich|Auch|Am|Im|In|Nach|Laut|Bei|Mit|Zudem|"
        r"Dabei|Doch|Aber|Man|Diese|Dieser|Dies|Damit|So|Und|Zu|Von|Wie|Was|Wer|Seit)\b)[^\W\d_])",
        "nl": r"(?:ste|de|e)\b",
    }.get(base)
    return Tables(
        lang=lang,
        decimal=decimal,
        number=number,
        right=right,
        left=left,
        mask=mask,
        before=before,
        age_years=age_years,
        words=words,
        word_values=word_values,
        morphemes=morphemes,
        vague=vague,
        vague_values=vague_values,
        vague_hints=tuple(sorted({k.split()[0] for k in vague_values})),
        scales=scales,
        units={**{k.lower(): v for k, v in word_units.items()}, **lx.UNIT_SYMBOLS},
        what=what,
        stop=stop,
        connector=connector,
        ordinal=re.compile(ordinal) if ordinal else None,
    )
