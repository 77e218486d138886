"""Figures per article (issue 9, item 3): numbers with what they count, read per locale.

What counts as a figure: a number in digits or words with its scale ("20 Milliarden", "14 tys.", "57 bin 870",
"two million"), its unit ("%", a currency code, a measure such as "km" or "t"), and the counted noun after it
(``what``: "6,000 civilians" -> "civilians"); vague plurals ("dozens of people" -> 12, "tens of thousands" ->
10000: the lower bound), fractions of a group ("two-thirds of", "la moitié") and ratios ("one in five" -> 0.2).
Not figures: years, dates, clock times, ages, ordinals, identifiers ("Section 427", "Galaxy S23", "COVID-19",
"F-16", "page 5"), scores ("2-0"), versions, phone numbers, street numbers and links.

Ranges ("252 to 287 miles", "two or three days", "zwischen 5 und 10 Prozent", "5-10W") are one figure: its value is
the first (lower) end, its text covers the whole range, and a scale written once applies to both ends when that
keeps the range ascending ("$89 to $93 billion" -> 89e9; "$200 to $4 million" -> 200).

How numbers are read: the article's language sets the decimal separator (a comma in fr de es it pt nl pl ru tr ar
...); a lone separator of the other kind followed by three digits groups thousands, and spaces (plain ones in fr ru
pl ...; non-breaking and thin ones everywhere) group thousands too. Arabic-Indic digits are read as digits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from storyweave.analyze import figures_lexicon as lx
from storyweave.analyze.base import Analyser, ArticleText, Figure
from storyweave.analyze.figures_tables import Tables, build
from storyweave.analyze.figures_words import DIGITS, NON_ASCII_DIGITS, parse_digits, words_value

_PREV_WORD = re.compile(r"(\S+)[ \u00a0]+$")
_TAIL = re.compile(r"[ \u00a0\u202f](\d{1,3})(?![\d.,]?\d)")
_HYPHEN_PREFIXES = frozenset("sub over under above below near".split())
_FROM = re.compile(
    r"(?i)(?:\b(?:between|from|entre|zwischen|von|tra|fra|tussen|van|między|od|de|da)|между|от|بين|من)\s+$"
)
_BETWEEN = re.compile(r"(?i)(?:\b(?:between|entre|zwischen|tra|fra|tussen|między)|между|بين)\s+$")
_CHANGE = re.compile(
    r"(?i)\b(?:by|up|down|rose|fell|gained|lost|climbed|dropped|jumped|plunged|slid|increased|decreased|"
    r"added|shed|grew|um|de|en|di|на)\s+$"
)
_DASH = frozenset("- – —".split())
_TO = frozenset("to à au bis a tot до do ila إلى".split())
_AND = frozenset("and et und y e en и i ve ile و".split())
_OR = frozenset("or ou oder o of или lub albo veya أو".split())
_ONE_NOT_AFTER = frozenset("each every no any same this that which another the other last single".split())
_AMBIGUOUS_ALONE = {"it": {"sei"}, "fr": {"neuf"}, "tr": {"on", "bin", "yüz", "altı"}, "en": {"zero"}}
_COMPOUND_TIME = re.compile(r"-(?:years?|months?|weeks?|days?|hours?|minutes?)\b", re.I)
_FRACTIONS = {
    "en": r"(?i)\b(?:(?P<n>a|one|two|three|four)[ -])?(?P<d>half|thirds?|quarters?|fifths?)(?= of\b| the\b)",
    "fr": r"(?i)\b(?:la moitié|(?P<n>un|deux|trois) (?P<d>tiers|quarts?))",
    "de": r"\b(?:die Hälfte|(?P<n>ein|zwei|drei) (?P<d>Drittel|Viertel))",
    "es": r"(?i)\b(?:la mitad|(?P<n>un|dos|tres) (?P<d>tercios?|cuartos?)(?= de\b))",
    "it": r"(?i)\b(?:la metà|(?P<n>un|due|tre) (?P<d>terz[oi]|quart[oi])(?= d))",
    "pt": r"(?i)\b(?:metade|(?P<n>um|dois|três) (?P<d>terços?)(?= d))",
    "ru": r"(?i)(?<!\w)(?:половин[аеуы]|(?P<n>две) (?P<d>трети))(?!\w)",
}
_FRACTION_PARTS = {
    "a": 1,
    "one": 1,
    "un": 1,
    "ein": 1,
    "um": 1,
    "two": 2,
    "deux": 2,
    "zwei": 2,
    "dos": 2,
    "due": 2,
    "dois": 2,
    "две": 2,
    "three": 3,
    "trois": 3,
    "drei": 3,
    "tres": 3,
    "tre": 3,
    "três": 3,
    "four": 4,
    "half": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tiers": 3,
    "quart": 4,
    "quarts": 4,
    "drittel": 3,
    "viertel": 4,
    "tercio": 3,
    "tercios": 3,
    "cuarto": 4,
    "cuartos": 4,
    "terzo": 3,
    "terzi": 3,
    "quarto": 4,
    "quarti": 4,
    "terço": 3,
    "terços": 3,
    "трети": 3,
}
_RATIO = re.compile(
    r"(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:out of|in) "
    r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b"
)
_RATIO_HINT = re.compile(r" (?:out of|in) (?:two|three|four|five|six|seven|eight|nine|ten|\d)")
_FRACTION_HINTS = ("half", "third", "quarter", "fifth")
_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_ADJ_RU = re.compile(r"(?:ых|их|ой|ый|ий|ая|ое|ые|ие|ого|его|ому|ым|ыми|ими)$")
_ADJ_PL = re.compile(r"(?:ych|ich|ego|ymi|imi|ej|ym|im)$")
_NOT_A_FRACTION = frozenset(
    "first second third last next final this that the top bottom middle opening closing".split()
)
_DETERMINERS = frozenset("the a an these those his her their its our la le les".split())
_PLURAL_NOT = frozenset(
    "this thus always perhaps whereas plus less news its has was his is as us yes".split()
)


@dataclass(frozen=True)
class _Mention:
    start: int  # the figure's first character (a currency sign included)
    end: int  # after the number, its scale and unit
    value: float
    unit: str | None = None
    own_unit: bool = False  # a currency or unit written with this number itself
    scale: float = 1.0  # its own scale word's multiplier
    kind: str = "digits"  # digits, words, vague, fraction


class FigureFinder(Analyser):
    """Figures in an article's text, per the module docstring. Tables are built per language on first use."""

    name = "figures"
    version = 1

    def __init__(self) -> None:
        self._tables: dict[str, Tables] = {}

    def _for(self, lang: str) -> Tables:
        tables = self._tables.get(lang)
        if tables is None:
            tables = self._tables[lang] = build(lang)
        return tables

    def analyse(self, article: ArticleText) -> list[Figure]:
        lang = (article.lang or "en").lower()[:2]
        if lang == "un":
            lang = "en"
        text = article.text
        if NON_ASCII_DIGITS.search(text):
            text = text.translate(DIGITS)  # one character for one: offsets stay valid
        t = self._for(lang)
        masks: list[tuple[int, int]] = []
        mentions = list(self._digits(text, t, masks))
        taken = [(m.start, m.end) for m in mentions] + masks
        taken.sort()
        low = text.lower()
        for extra in (self._ratios, self._fractions, self._vague, self._words):
            found = [m for m in extra(text, low, t) if not _overlaps(taken, m.start, m.end)]
            mentions += found
            taken = sorted(taken + [(m.start, m.end) for m in found])
        mentions.sort(key=lambda m: m.start)
        return [self._figure(text, article.text, t, m) for m in self._ranges(text, t, mentions)]

    # --- numbers in digits -------------------------------------------------------------------------------
    def _digits(self, text: str, t: Tables, masks: list[tuple[int, int]]):
        """Numbers in digits; the spans found not to be figures (dates, times, ...) are added to ``masks``."""
        n = len(text)
        skip_until = 0
        for m in t.number.finditer(text):
            s, e = m.span()
            if s < skip_until:
                continue
            mm = t.mask.match(text, s - 1 if s and text[s - 1] in "+(" else s)
            if mm is not None and mm.end() > e:
                skip_until = mm.end()
                masks.append(mm.span())
                continue
            token = text[max(0, s - 40) : s].rsplit(None, 1)[-1] if s and not text[s - 1].isspace() else ""
            if "/" in token or "@" in token:
                continue  # in a link or an address
            after = text[e : e + 2]
            if after[:1] in (".", ",") and after[1:2].isdigit():
                continue  # a version or an address: 2.0.1, 192.168.0.1
            before = text[s - 1] if s else " "
            if before in "/⁄#№":
                continue
            if after[:1] in ("/", "⁄"):
                frac = self._fraction_digits(text, m, t)
                if frac is not None:
                    yield frac
                continue
            raw = m.group()
            lm = t.left.search(text, max(0, s - 14), s)
            cur = lm.group("cur") if lm else None
            sign = lm.group("sign") if lm else None
            pct = lm.group("pct") if lm else None
            begin = lm.start() if lm and lm.group() else s
            if (
                cur
                and lm
                and (
                    (cur in lx.CURRENCY_GLUED_ONLY and lm.group("sp"))
                    or (begin and text[begin - 1].isalpha())
                )
            ):
                cur, pct, sign, begin = None, None, None, s
                if text[s - 1 : s].isalpha():
                    continue
            prev = text[begin - 1] if begin else " "
            if sign and sign.strip() in ("-", "−") and len(sign) == 1:
                if prev.isdigit():
                    sign, begin = None, s  # a range: "5-10"
                    prev = text[s - 1]
                elif prev.isalpha():
                    word = re.findall(r"\w+$", text[max(0, begin - 12) : begin])
                    if not (word and word[-1].lower() in _HYPHEN_PREFIXES):
                        continue  # COVID-19, F-16, TA-35
                    sign, begin, prev = None, s, "-"
                elif re.search(r"\b[A-Z]{2,} $", text[max(0, begin - 12) : begin]):
                    continue  # COVID -19
            if prev.isalpha() or prev in "_'’":
                if prev in "'’" and len(raw) == 2:
                    continue  # '19
                if prev.isalpha():
                    continue  # glued to letters: an identifier (S23, XC40, M21)
            if t.ordinal is not None and t.ordinal.match(text, e):
                continue
            rm = _always(t.right.match(text, e))
            gs, scale_words, unit_words = rm.group("gs"), rm.group("scale"), rm.group("unit")
            rend = rm.end()
            if rend < n and text[rend - 1 : rend].isalnum() and text[rend].isalpha():
                continue  # letters glued on: 9AB8, 5G, 1990s
            if rend == e and e < n and text[e].isalpha():
                continue
            value = parse_digits(raw, t.decimal, t.lang)
            mult = 1.0
            unit: str | None = None
            if gs:
                if gs == "m" and not cur:
                    unit = "m"  # metres, not millions, without a currency
                else:
                    mult = lx.SCALES_GLUED[gs]
            if scale_words:
                for w in scale_words.split():
                    mult *= t.scales.get(w.lower(), 1.0)
            if mult >= 1000 and not unit_words:
                tm = _TAIL.match(text, rend)
                if tm and float(tm.group(1)) * 1 < mult:
                    value = value * mult + float(tm.group(1))
                    mult = 1.0
                    rend = tm.end()
                    um = _always(t.right.match(text, rend))
                    if um.group("unit") and not um.group("gs") and not um.group("scale"):
                        unit_words, rend = um.group("unit"), um.end()
            if unit_words:
                unit = t.units.get(unit_words) or t.units.get(unit_words.lower()) or unit
            if cur:
                unit = lx.CURRENCY_PREFIX[cur]
            elif pct:
                unit = "%"
            if unit is None and mult == 1.0 and not sign and raw.isdigit():
                if len(raw) == 4 and 1500 <= int(raw) <= 2150:
                    continue  # a year
                if len(raw) <= 3 and self._date_or_age(text, t, begin, rend):
                    continue
                if self._identifier(text, t, begin):
                    continue
            if sign and (sign.strip("- ").lower() in ("minus", "moins", "минус") or sign in "-−"):
                value = -value
            value = value * mult
            skip_until = rend
            yield _Mention(begin, rend, _clean(value), unit, bool(unit), mult, "digits")

    def _fraction_digits(self, text: str, m: re.Match[str], t: Tables) -> _Mention | None:
        dm = re.match(r"[/⁄](\d{1,3})(?![\d/.,]?\d)", text[m.end() : m.end() + 6])
        if not dm or not m.group().isdigit():
            return None
        num, den = int(m.group()), int(dm.group(1))
        if not (num < den and (text[m.end()] == "⁄" or den in (2, 3, 4, 8, 16, 32, 64, 128))):
            return None
        return _Mention(m.start(), m.end() + dm.end(), _clean(num / den), None, False, 1.0, "fraction")

    def _date_or_age(self, text: str, t: Tables, begin: int, end: int) -> bool:
        """A day after a month name ("March 29"), or an age ("aged 57", "Maddon, 66,", "Max Muster (57)",
        "un homme de 57 ans")."""
        bm = t.before.search(text, max(0, begin - 30), begin)
        if bm is None:
            return False
        nxt = text[end : end + 1]
        if bm.group("month") is not None:
            return int(text[begin:end].strip()[:2] or 0) <= 31
        if bm.group("age") is not None:
            return True
        if bm.group("name") is not None:
            return (
                nxt == "," or re.match(r" (?:was|is|has|had|who|and|said)\b", text[end : end + 6]) is not None
            )
        if bm.group("paren") is not None:
            return nxt == ")"
        return t.age_years is not None and t.age_years.match(text, end) is not None

    def _identifier(self, text: str, t: Tables, begin: int) -> bool:
        """A number after a naming noun ("Section 427", "page 5") or, outside German and Arabic, after a
        capitalised word that does not start the sentence ("Big 12", "iPhone 11", "FTSE 100")."""
        pw = _PREV_WORD.search(text, max(0, begin - 40), begin)
        if not pw:
            return False
        word = pw.group(1)
        if word.lower() in lx.ID_NOUNS:
            return True
        if t.lang in ("de", "ar") or not word[-1].isalnum() or not any(c.isupper() for c in word):
            return False
        j = pw.start(1)
        head = text[max(0, j - 3) : j].rstrip(" \u00a0")
        return not (j == 0 or not head or head[-1] in '.!?:;\n"“«(—–-' or word.lower() in t.stop)

    # --- numbers in words, vague plurals, fractions, ratios ----------------------------------------------
    def _words(self, text: str, low: str, t: Tables):
        if t.words is None:
            return
        base = t.lang if t.lang in lx.WORDS else "en"
        scales = {w for w, v in t.word_values.items() if v >= 100}
        ambiguous = _AMBIGUOUS_ALONE.get(base, set())
        for m in t.words.finditer(text):
            s, e = m.span()
            parts = [p for p in re.split(r"[\s\u00a0-]+", m.group().lower()) if p]
            values: list[float] = []
            if t.morphemes is not None:
                tokens = [x for p in parts for x in t.morphemes.findall(p)]
            else:
                tokens = parts
            tokens = [x for x in tokens if x not in ("and", "et", "y", "e", "en", "und", "ën", "و")]
            if base == "fr":
                tokens = _fr_eighty(tokens)
            for x in tokens:
                if x in t.word_values:
                    values.append(t.word_values[x])
                elif x in ("sieb",):
                    values.append(7.0)
            if not values or len(values) != len(tokens):
                continue
            if len(tokens) == 1:
                word = tokens[0]
                if word in lx.ALONE_NOT or word in ambiguous:
                    continue
                if word in scales and word not in ("dozen",):
                    if re.search(r"(?i)\ban?[ \u00a0]+$", text[max(0, s - 4) : s]):
                        values.insert(0, 1.0)
                    else:
                        continue
                elif word == "dozen":
                    if not re.search(r"(?i)\ban?[ \u00a0]+$", text[max(0, s - 4) : s]):
                        continue
                if word == "one" and not self._one(text, s, e):
                    continue
            if _COMPOUND_TIME.match(text, e):
                continue  # "a five-year plan"
            value = words_value(values)
            if value is None:
                continue
            rm = _always(t.right.match(text, e))
            unit = None
            if rm.group("unit") and not rm.group("gs"):
                unit = t.units.get(rm.group("unit")) or t.units.get(rm.group("unit").lower())
                if unit:
                    e = rm.end()
            yield _Mention(s, e, _clean(value), unit, bool(unit), 1.0, "words")

    @staticmethod
    def _one(text: str, s: int, e: int) -> bool:
        pw = _PREV_WORD.search(text, max(0, s - 20), s)
        if pw:
            word = pw.group(1).lower()
            if word in _ONE_NOT_AFTER or (text[s].isupper() and pw.group(1)[:1].isupper() and s > 2):
                return False
        nxt = text[e : e + 10].lower()
        return not (
            nxt.startswith((" another", "'s", "’s", " or two", " by one", "-on-one")) or nxt[1:2].isdigit()
        )

    def _vague(self, text: str, low: str, t: Tables):
        if t.vague is None or not any(w in low for w in t.vague_hints):
            return
        for m in t.vague.finditer(text):
            key = re.sub(r"\s+", " ", m.group().lower())
            if key in t.vague_values:
                yield _Mention(m.start(), m.end(), t.vague_values[key], None, False, 1.0, "vague")

    def _fractions(self, text: str, low: str, t: Tables):
        pattern = _FRACTIONS.get(t.lang)
        if pattern is None or (t.lang == "en" and not any(w in low for w in _FRACTION_HINTS)):
            return
        for m in re.finditer(pattern, text):
            n, d = m.groupdict().get("n"), m.groupdict().get("d")
            if d is None:
                value = 0.5
            else:
                num = _FRACTION_PARTS.get((n or "a").lower(), 1)
                den = _FRACTION_PARTS.get(d.lower(), 0)
                if not den:
                    continue
                value = num / den
            if t.lang == "en" and d and not n:
                pw = _PREV_WORD.search(text, max(0, m.start() - 20), m.start())
                if pw and pw.group(1).lower() in _NOT_A_FRACTION:
                    continue
            yield _Mention(m.start(), m.end(), _clean(value), None, False, 1.0, "fraction")

    def _ratios(self, text: str, low: str, t: Tables):
        if t.lang != "en" or not _RATIO_HINT.search(low):
            return
        for m in _RATIO.finditer(text):
            a, b = (_SMALL.get(x.lower()) if not x.isdigit() else int(x) for x in m.groups())
            if a is not None and b and a < b <= 100:
                yield _Mention(m.start(), m.end(), _clean(a / b), None, False, 1.0, "fraction")

    # --- ranges and the counted noun ------------------------------------------------------------------------
    def _ranges(self, text: str, t: Tables, mentions: list[_Mention]) -> list[_Mention]:
        out: list[_Mention] = []
        i = 0
        while i < len(mentions):
            a = mentions[i]
            if i + 1 < len(mentions):
                b = mentions[i + 1]
                gap = text[a.end : b.start]
                if len(gap) <= 6:
                    merged = _range(text, a, b, gap.strip().lower())
                    if merged == "skip":
                        i += 2
                        continue
                    if isinstance(merged, _Mention):
                        out.append(merged)
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    def _figure(self, text: str, original: str, t: Tables, m: _Mention) -> Figure:
        what, end = None, m.end
        if m.unit is None or m.kind != "digits" or not m.own_unit:
            what, end = _what(text, m.end, t, m.value)
        elif m.unit:
            wm = re.match(r"[ \u00a0]+(?:of|de|d'|d’|di) ", text[m.end : m.end + 6])
            if wm:
                what, end = _what(text, m.end + wm.end() - 1, t, m.value)
        if what is None:
            end = m.end
        return Figure(m.value, what, original[m.start : end], m.start, end, m.unit)


def _range(text: str, a: _Mention, b: _Mention, gap: str) -> _Mention | str | None:
    bare = not a.own_unit and a.scale == 1.0
    before = text[max(0, a.start - 20) : a.start]
    if gap in _DASH or gap == "":
        if not gap:
            return None
        if a.kind == "digits" and b.kind == "digits" and bare and b.scale == 1.0 and not b.own_unit:
            if a.value >= b.value:
                return "skip"  # a score or a pairing: 2-0, 89-89
        if not (a.value < b.value * (b.scale if bare and b.scale > 1 else 1)) or not (
            bare or a.unit == b.unit
        ):
            return None
    elif gap in _TO:
        if not (_FROM.search(before) or bare or (a.unit == b.unit and not _CHANGE.search(before))):
            return None
    elif gap in _AND:
        if not _BETWEEN.search(before):
            return None
    elif gap in _OR:
        if not bare or a.value >= b.value * (b.scale if b.scale > 1 else 1):
            return None
    else:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    value = a.value
    if a.scale == 1.0 and b.scale > 1.0 and a.value * b.scale <= b.value:
        value = _clean(a.value * b.scale)
    return replace(a, end=b.end, value=value, unit=b.unit or a.unit, own_unit=a.own_unit or b.own_unit)


def _what(text: str, pos: int, t: Tables, value: float) -> tuple[str | None, int]:
    """The counted noun after a figure, lower-cased, and where it ends; None when unclear."""
    m = t.what.match(text, pos)
    if not m:
        return None, pos
    if text[pos] == "-":  # a compound: "a three-point shot", "a 5-seat car"
        hyphen = re.match(r"-([^\W\d_]+)", text[pos : pos + 30])
        if hyphen is None or hyphen.group(1).lower() in t.stop:
            return None, pos
        return hyphen.group(1).lower(), pos + hyphen.end()
    words = [(w.group(), pos + w.start()) for w in re.finditer(r"[^\s\u00a0]+", m.group())]
    lang = t.lang
    of = False
    if words and words[0][0].lower() in ("of", "de", "di", "van", "von") and len(words) > 1:
        words, of = words[1:], True
        if words[0][0].lower() in _DETERMINERS:
            words = words[1:]
    picked: list[tuple[str, int]] = []
    headed = False  # the last picked word is the noun that ends the phrase
    for k, (word, start) in enumerate(words[: 4 if lang == "en" else 3]):
        low = word.lower()
        if lang in ("fr", "it") and low[:2] in ("d'", "d’", "l'", "l’") and not picked:
            word, start, low = word[2:], start + 2, low[2:]
        if not word or low in t.stop:
            break
        if lang == "en" and not picked and low.endswith("ing"):
            following = words[k + 1][0] if k + 1 < len(words) else ""
            if not _is_head(following, following.lower(), lang):
                break  # a verb: "around 73 raising the prospect", not "517 rushing yards"
        picked.append((word, start))
        headed = _is_head(word, low, lang) or (
            lang == "en" and ((value == 1 and not of) or low.endswith("-old"))
        )
        if headed:
            break
        if lang not in ("en", "de", "nl", "ru", "pl", "tr"):
            headed = True  # the noun comes first ("100.000 habitants", "6 000 civils syriens")
            break
    if not picked:
        return None, pos
    if not headed:
        if lang == "en" and (value == 1 or (len(picked) == 1 and not picked[0][0].endswith(("ed", "ing")))):
            picked = picked[:1]
        else:
            return None, pos
    last_word, last_start = picked[-1]
    return " ".join(w for w, _ in picked).lower(), last_start + len(last_word)


def _is_head(word: str, low: str, lang: str) -> bool:
    """Whether ``word`` ends a counted-noun phrase: a plural noun in English, a noun in German (capitalised),
    a word that is not an adjective in Dutch, Russian, Polish and Turkish."""
    if lang == "en":
        return (
            low in lx.PLURALS_EN
            or low.endswith("men")
            or (
                len(low) > 3
                and low.endswith("s")
                and not low.endswith(("ss", "us", "is"))
                and low not in _PLURAL_NOT
            )
        )
    if lang == "de":
        return word[0].isupper()
    if lang == "nl":
        return not low.endswith("e")
    if lang == "ru":
        return not _ADJ_RU.search(low)
    if lang == "pl":
        return not _ADJ_PL.search(low)
    if lang == "tr":
        return not low.endswith(("li", "lı", "lu", "lü", "sel", "sal"))
    return True


def _fr_eighty(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for x in tokens:
        if x in ("vingt", "vingts") and out and out[-1] == "quatre":
            out[-1] = "quatre-vingt"
        else:
            out.append(x)
    return out


def _always(match: re.Match[str] | None) -> re.Match[str]:
    """The match of a pattern whose parts are all optional: it always matches (maybe empty)."""
    assert match is not None
    return match


def _clean(value: float) -> float:
    return float(f"{value:.12g}")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, short)."""
    k = bisect_right(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, k - 20) : k])
