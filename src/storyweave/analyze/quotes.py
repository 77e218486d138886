"""Quotes per article, with their speakers (issue 9, item 1): rules and per-language lexicons, no model.

What is found:
- direct speech between quotation marks of every style (“…” "…" «…» „…“ »…« ‘…’ 「…」 ''…''), quotes over
  several sentences or paragraphs, quotes interrupted by their attribution (“…,” she said. “…”: one quote whose
  ``text`` joins the pieces and whose span covers them), dash-introduced speech (— …, — заявил он.) and interview
  transcripts ("Name: …", "Q:/A:");
- indirect speech around a reporting verb ("said that …", "a déclaré que …", "sagte, …", "заявил, что …",
  "…, she said.", "according to X, …", "laut X …", Turkish "X, … söyledi") and German Konjunktiv I sentences
  that continue a report without a new cue.

The speaker is a name next to the cue, in the sentence or in the neighbouring ones; pronouns, pro-drop verbs and
roles resolve to the nearest compatible named person earlier in the article (:mod:`quotes_speaker`); else None.
Everything is regular expressions and word sets, built on first use; an article costs well under a millisecond.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from storyweave.analyze.base import Analyser, ArticleText, Quote
from storyweave.analyze.quotes_direct import dash_quotes, marked_quotes, transcript_lines
from storyweave.analyze.quotes_lexicon import DETERMINERS
from storyweave.analyze.quotes_speaker import Mention, People, after, before, name_mention, subject
from storyweave.analyze.quotes_tables import Patterns, Tables, build_patterns, build_tables

_TRIM = " \t\r\n\u00a0,;:.—–-"
_SENT_END = re.compile(r"[.!?…][\"”»’']*(?=\s|$)|\n")
_LAST_END = re.compile(r"(?:[.!?…][\"”»’']*\s+|\n)(?!.*(?:[.!?…][\"”»’']*\s|\n))", re.S)


def _WORDCHAR(c: str) -> bool:
    return c.isalnum() or c in "'’_"


_SO = re.compile(r"[ \u00a0]*,[ \u00a0]*(so)[ \u00a0]+(?=\w)")
_NEXT_CLAUSE = re.compile(
    r"(?:[,;]\s*|\s+)(?:and|but|et|mais|und|aber|y|pero|e|ma|mas|и|а|i|ale|ve|و)\s+(?:\S+\s+){0,3}?$|[,;]\s*(?:\S+\s+){0,3}?$"
)
_STOPS = {
    "en": re.compile(r";|,? (?:although|though|while|whereas|but) "),
    "fr": re.compile(r";|,? (?:mais|alors que|tandis que) "),
    "es": re.compile(r";|,? (?:pero|aunque|mientras que) "),
    "it": re.compile(r";|,? (?:ma|mentre) "),
    "pt": re.compile(r";|,? (?:mas|enquanto) "),
}
_ADJUNCTS = frozenset("in on at during after before to about of for with by from as when while".split())


@dataclass
class _Found:
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    type: str
    cue: str | None
    cue_pos: int
    mention: Mention | None
    pos: int  # where the speaker is mentioned (for resolution order)


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    according: bool


class QuoteFinder(Analyser):
    """``analyse(article) -> [Quote]`` in text order; see the module for what is found."""

    name = "quotes"
    version = 2

    def __init__(self) -> None:
        self._patterns: Patterns | None = None
        self._tables: dict[str, Tables] = {}

    def tables(self, lang: str | None) -> tuple[Patterns, Tables]:
        if self._patterns is None:
            self._patterns = build_patterns()
        key = lang or "und"
        if key not in self._tables:
            self._tables[key] = build_tables(lang)
        return self._patterns, self._tables[key]

    def analyse(self, article: ArticleText) -> list[Quote]:
        if not article.text or not article.text.strip():
            return []
        p, t = self.tables((article.lang or "und").lower()[:2])
        return [_named(q) for q in _Run(article.text, t, p).quotes()]


def _named(quote: Quote) -> Quote:
    """A speaker that is only a determiner or pronoun-like function word ("Een", "Una": a sentence's first word
    taken for a name) is no speaker: None rather than a guess."""
    speaker = quote.speaker
    if speaker and speaker.casefold() in _NOT_NAMES:
        return Quote(quote.text, quote.start, quote.end, quote.type, quote.cue, None)
    return quote


_NOT_NAMES = frozenset(w.casefold() for w in DETERMINERS)


class _Run:
    """One article's pass: finds candidates, then resolves speakers in text order."""

    def __init__(self, text: str, t: Tables, p: Patterns):
        self.text, self.t, self.p = text, t, p
        self.found: list[_Found] = []
        self.used_cues: set[int] = set()
        low = text.lower()
        if len(low) != len(text):  # "İ" lowers to two characters: keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.cue_at: list[tuple[int, int]] = []  # (start, end) of every cue word, in text order
        hits = set(p.word.findall(low)) & t.cues.keys()
        for word in hits:
            pos = low.find(word)
            while pos >= 0:
                end = pos + len(word)
                if (pos == 0 or not _WORDCHAR(low[pos - 1])) and (end == len(low) or not _WORDCHAR(low[end])):
                    self.cue_at.append((pos, end))
                pos = low.find(word, end)
        self.cue_at.sort()
        self.low = low

    # -- cues ---------------------------------------------------------------------------------------------
    def cues(self, lo: int, hi: int) -> list[_Cue]:
        out = []
        k = bisect.bisect_left(self.cue_at, (lo, -1))
        while k < len(self.cue_at) and self.cue_at[k][0] < hi:
            start, end0 = self.cue_at[k]
            k += 1
            if end0 > hi:
                break
            for parts in self.t.cues[self.low[start:end0]]:
                end = end0
                if len(parts) > 1:
                    nxt = self.low[end : end + 40].split()[: len(parts) - 1]
                    if tuple(w.strip(",.") for w in nxt) != parts[1:]:
                        continue
                    end = self.low.find(parts[-1], end) + len(parts[-1])
                joined = " ".join(parts)
                out.append(_Cue(start, end, self.text[start:end], joined in self.t.according))
                break
        return out

    # -- direct speech ------------------------------------------------------------------------------------
    def _frame_right(self, pos: int, stop: int) -> int:
        hi = min(stop, pos + 200, len(self.text))
        for m in _SENT_END.finditer(self.text, pos, hi):
            if m.group() != "\n" and self._abbreviation(m.start()):
                continue
            return m.start()
        return hi

    def _abbreviation(self, dot: int) -> bool:
        """Whether the period at ``dot`` ends an abbreviation ("Mr.", "U.S.", an initial) rather than a sentence."""
        word = self.text[max(0, dot - 12) : dot].split()
        last = word[-1].lstrip("\"“„«‘'(").lower() if word else ""
        return last in self.p.abbreviations or (len(last) == 1 and last.isalpha())

    def _frame_left(self, pos: int, stop: int) -> int:
        lo = max(stop, pos - 200)
        m = _LAST_END.search(self.text, lo, pos)
        return m.end() if m else lo

    def _attribute(self, lo: int, open_: int, close: int, hi: int) -> tuple[_Cue | None, Mention | None, int]:
        """The cue and speaker of a quote from its frames: ``[lo, open_)`` before it and ``[close, hi)`` after."""
        text = self.text
        right = self.cues(close, hi)
        if right and len(text[close : right[0].start].split()) <= 8:
            cue = right[0]
            who = None
            if text[close : cue.start].strip(" \u00a0,—–-"):  # “…,” Trump told Fox News: the subject before
                who = before(self.t, self.p, text, close, cue.start)
            who = who or after(self.t, self.p, text, cue.end, hi)
            if who is None:
                head = text[lo:open_].rstrip()
                if head.endswith(","):
                    m = self.p.name_end.search(text, lo, lo + len(head) - 1)
                    if m:
                        who = name_mention(self.t, self.p, m.group(1))
            if who is None and self.t.pro_drop:
                who = Mention("implicit", None)
            return cue, who, cue.start
        left = [c for c in self.cues(lo, open_) if c.start not in self.used_cues]
        if left:
            cue = left[-1]
            between = text[cue.end : open_]
            who = before(self.t, self.p, text, lo, cue.start)
            if cue.according or who is None:
                who = after(self.t, self.p, text, cue.end, open_) or who
            tail = between.rstrip(" \u00a0")
            if ":" not in between and (
                len(between.split()) > 6 or (len(between.split()) >= 2 and tail[-1:] not in ",—–-")
            ):
                if not (
                    who is not None
                    and who.kind == "name"
                    and len(between.split()) <= len((who.text or "").split()) + 1
                ):
                    return None, None, 0  # a partial quote inside reported speech: left to the indirect pass
            return cue, who, cue.start
        m = _SO.match(text, close, hi) if self.t.lang in ("de", "und") else None
        if m:  # „…“, so Gall.
            return (
                _Cue(m.start(1), m.end(1), "so", False),
                after(self.t, self.p, text, m.end(1), hi),
                m.start(1),
            )
        content_end = text[close - 3 : close]
        gap = text[close:hi]
        if len(gap.split()) <= 4 and any(c in content_end for c in ",?!"):  # “…?” Hannity pressed.
            who = after(self.t, self.p, text, close, hi)
            if who is not None and who.kind in ("name", "pronoun"):
                return None, who, close
        if text[lo:open_].strip():
            who = subject(self.t, self.p, text, lo, open_)
            if who is not None:
                return None, who, lo
        return None, None, 0

    def direct(self) -> None:
        text = self.text
        quotes = marked_quotes(text)
        prev_close = 0
        for k, q in enumerate(quotes):
            content = text[q.start : q.end].strip(" \u00a0")
            words = content.split()
            nxt = quotes[k + 1].open if k + 1 < len(quotes) else len(text)
            hi = self._frame_right(q.close, nxt)
            lo = self._frame_left(q.open, prev_close)
            para = text.rfind("\n", 0, q.open) + 1
            lo = max(lo, para)
            prev_close = q.close
            cue, who, pos = self._attribute(lo, q.open, q.close, hi)
            if cue is None and lo == para and q.open == para:
                prev = self.found[-1] if self.found else None
                if prev and prev.type == "direct" and text.count("\n", prev.end, q.open) <= 2:
                    who, pos = (
                        prev.mention,
                        prev.pos,
                    )  # a paragraph that continues the previous speaker's quote
            if cue is None and who is None:
                if len(words) < 6 and not (len(words) >= 3 and content[-1:] in ".!?…"):
                    continue  # a scare quote or a title, not speech
            elif len(words) < 4 and not (pos >= q.close and len(words) >= 2):
                continue  # a partial quote ("called it “a disaster”"): the reported speech around it is the quote
            if cue is not None:
                self.used_cues.add(cue.start)
            piece = (q.start, q.end)
            last = self.found[-1] if self.found else None
            if (
                last is not None
                and last.type == "direct"
                and last.cue is not None
                and cue is None
                and last.end < last.cue_pos < q.open
                and "\n" not in text[last.end : q.open]
                and len(text[last.end : q.open].split()) <= 10
            ):  # “…,” she said, “…”: the second piece belongs to the first
                last.pieces = (*last.pieces, piece)
                last.end = q.end
                continue
            self.found.append(
                _Found(q.start, q.end, (piece,), "direct", cue.text if cue else None, pos, who, pos)
            )

    def dashes(self) -> None:
        text = self.text
        for d in dash_quotes(text, self.p.dash_line, self.p.dash_split):
            a, b = d.pieces[0]
            if len(text[a:b].split()) < 3:
                continue
            cue, who = None, None
            if d.frame:
                cues = self.cues(*d.frame)
                if cues:
                    cue = cues[0]
                    who = after(self.t, self.p, text, cue.end, d.frame[1]) or before(
                        self.t, self.p, text, d.frame[0], cue.start
                    )
            if cue is None:
                prev_end = text.rfind("\n", 0, a)
                prev_start = text.rfind("\n", 0, max(0, prev_end - 1)) + 1
                if (
                    prev_end < 0
                    or not text[:prev_end].rstrip().endswith(":")
                    or not self.cues(prev_start, prev_end)
                ):
                    continue
            pieces = d.pieces if cue is not None else ((a, d.pieces[-1][1]),)
            start, end = pieces[0][0], pieces[-1][1]
            pos = cue.start if cue else start
            self.found.append(_Found(start, end, pieces, "direct", cue.text if cue else None, pos, who, pos))

    def transcripts(self) -> None:
        for label, a, b in transcript_lines(self.text, self.p.transcript, self.t.not_labels):
            who = (
                None if label in ("Q", "A", "F", "R", "В", "О", "P", "S") else Mention("name", label.title())
            )
            self.found.append(_Found(a, b, ((a, b),), "direct", None, a, who, a))

    # -- indirect speech ----------------------------------------------------------------------------------
    def sentences(self) -> list[tuple[int, int]]:
        text, out, start = self.text, [], 0
        for m in self.p.boundary.finditer(text):
            if m.group().startswith("\n"):
                out.append((start, m.start()))
                start = m.end()
                continue
            dot = text.rfind(".", start, m.start() + 1)
            if dot >= 0 and m.start() - dot <= 3 and self._abbreviation(dot):
                continue
            out.append((start, m.start()))
            start = m.end()
        out.append((start, len(text)))
        return [(a, b) for a, b in out if b > a]

    def _content(self, a: int, b: int) -> tuple[int, int] | None:
        text = self.text
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM + "\"”»’'":
            b -= 1
        return (a, b) if len(text[a:b].split()) >= 3 else None

    def _inside_direct(self, pos: int) -> bool:
        return any(f.type == "direct" and f.start - 1 <= pos < f.end + 1 for f in self.found)

    def indirect(self, sentences: list[tuple[int, int]]) -> None:
        for s, e in sentences:
            cues = [
                c
                for c in self.cues(s, e)
                if c.start not in self.used_cues and not self._inside_direct(c.start)
            ]
            for k, cue in enumerate(cues):
                end = e
                if k + 1 < len(cues):  # "X said A, and added B": A ends before the next cue's clause
                    m = _NEXT_CLAUSE.search(self.text, cue.end, cues[k + 1].start)
                    if m:
                        end = m.start()
                got = self._according(cue, s, end) if cue.according else self._verb(cue, s, end)
                if got is None:
                    continue
                (a, b), who = got
                stop = _STOPS.get(self.t.lang)
                if stop is not None:
                    m = stop.search(self.text, a, b)
                    if m and len(self.text[a : m.start()].split()) >= 3:
                        b = m.start()
                self.used_cues.add(cue.start)
                self.found.append(_Found(a, b, ((a, b),), "indirect", cue.text, cue.start, who, cue.start))

    def _according(self, cue: _Cue, s: int, e: int) -> tuple[tuple[int, int], Mention | None] | None:
        text, t, p = self.text, self.t, self.p
        if cue.text.lower() in t.according_after:  # "X zufolge", "Bakan'a göre"
            m = p.name_end.search(text, max(s, cue.start - 80), cue.start)
            who = name_mention(self.t, self.p, re.sub(r"['’]\w+$", "", m.group(1))) if m else None
            span = self._content(cue.end, e) if text[s : cue.start].count(",") == 0 else self._content(s, e)
            return (span, who) if span else None
        who = after(t, p, text, cue.end, e)
        comma = text.find(",", cue.end, e)
        if len(text[s : cue.start].split()) <= 2 and comma > 0:  # "According to X, content."
            span = self._content(comma + 1, e)
        else:
            before_comma = text.rfind(",", s, cue.start)
            if before_comma > s and len(text[cue.end : e].split()) <= 8:  # "content, according to X."
                span = self._content(s, before_comma)
            else:
                span = self._content(s, e)  # "Anschließend sei laut X die Bearbeitung erfolgt."
        return (span, who) if span else None

    def _verb(self, cue: _Cue, s: int, e: int) -> tuple[tuple[int, int], Mention | None] | None:
        text, t, p = self.text, self.t, self.p
        toks = [
            (m.group(), m.start(), m.end()) for m in p.token.finditer(text, cue.end, min(e, cue.end + 120))
        ]
        left = before(t, p, text, s, cue.start)
        if t.lang == "tr":
            return self._turkish(cue, s, e)
        for k, (w, _a, b) in enumerate(toks[:14]):
            if w in ".!?;":
                break
            if w.lower() in t.comps or w.lower() in ("qu'", "qu’"):
                span = self._content(b, e)
                who = left or after(t, p, text, cue.end, toks[k][1])
                return (span, who) if span else None
        tail = text[cue.end : e]
        konj = [m for m in p.word.finditer(text, cue.end, e) if m.group() in t.konjunktiv]
        if konj and "," in text[cue.end : konj[0].start()]:
            comma = text.rfind(",", cue.end, konj[0].start())
            span = self._content(comma + 1, e)
            who = left or after(t, p, text, cue.end, comma)
            return (span, who) if span else None
        stripped = tail.lstrip()
        if (
            stripped.startswith((",", ":"))
            and len(stripped.split()) >= 4
            and t.lang in ("de", "nl", "ru", "pl", "und")
        ):
            span = self._content(cue.end + len(tail) - len(stripped) + 1, e)
            return (span, left) if span else None
        if (
            left is not None
            and left.kind != "role"
            and toks
            and t.lang in ("en", "fr", "es", "it", "pt", "nl", "und")
        ):
            first = toks[0][0].lower()
            if first not in _ADJUNCTS and toks[0][0][0].isalnum() and len(tail.split()) >= 4:
                span = self._content(cue.end, e)
                return (span, left) if span else None
        if len(tail.split()) <= 9:  # "content, X said." / "content, sagte Merkel."
            comma = text.rfind(",", s, cue.start)
            dash = max(text.rfind(" — ", s, cue.start), text.rfind(" – ", s, cue.start))
            cut = max(comma, dash)
            if cut > s and len(text[cut : cue.start].split()) <= 10:
                who = before(t, p, text, cut + 1, cue.start) or after(t, p, text, cue.end, e)
                if who is None and t.pro_drop and text[cut + 1 : cue.start].strip(" —–") == "":
                    who = Mention("implicit", None)
                span = self._content(s, cut)
                return (span, who) if span and who else None
        if left is not None and toks and t.lang in ("en", "fr", "es", "it", "pt", "nl", "und"):
            first = toks[0][0].lower()
            if first not in _ADJUNCTS and toks[0][0][0].isalnum() and len(tail.split()) >= 4:
                span = self._content(cue.end, e)
                return (span, left) if span else None
        return None

    def _turkish(self, cue: _Cue, s: int, e: int) -> tuple[tuple[int, int], Mention | None] | None:
        text = self.text
        if len(text[cue.end : e].split()) > 2:
            return None
        comma = text.find(",", s, cue.start)
        who = None
        if comma > 0:
            m = self.p.name_end.search(text, s, comma)
            who = name_mention(self.t, self.p, re.sub(r"['’]\w+$", "", m.group(1))) if m else None
        end = cue.start
        if text[s:end].rstrip().endswith(" diye"):
            end = text.rfind(" diye", s, end)
        span = self._content(comma + 1 if comma > 0 else s, end)
        return (span, who) if span else None

    def konjunktiv(self, sentences: list[tuple[int, int]]) -> None:
        if not self.t.konjunktiv:
            return
        ordered = sorted(self.found, key=lambda f: f.start)
        taken = [(f.start, f.end) for f in ordered]
        last: _Found | None = None
        fi = 0
        for s, e in sentences:
            while fi < len(ordered) and ordered[fi].start < e:
                last = ordered[fi]
                fi += 1
            if last is None or last.mention is None or any(a < e and s < b for a, b in taken):
                continue
            if s - last.end > 400:
                continue
            if not any(m.group() in self.t.konjunktiv for m in self.p.word.finditer(self.text, s, e)):
                continue
            span = self._content(s, e)
            if span:
                f = _Found(span[0], span[1], (span,), "indirect", None, s, last.mention, last.pos)
                self.found.append(f)
                last = f

    # -- resolution ---------------------------------------------------------------------------------------
    def _gender(self, cue: str | None) -> tuple[str, bool]:
        """Gender and plural a cue verb carries (Russian, Polish, Arabic, German "sagten")."""
        if not cue:
            return "-", False
        c = cue.split()[0].lower()
        lang = self.t.lang
        if lang == "ru":
            return (
                ("f", False)
                if c.endswith("ла")
                else ("-", True)
                if c.endswith(("ли", "ют", "ят"))
                else ("m", False)
            )
        if lang == "pl":
            return (
                ("f", False)
                if c.endswith("ła")
                else ("-", True)
                if c.endswith(("li", "ły"))
                else ("-", False)
            )
        if lang == "ar":
            return ("f", False) if c.endswith("ت") else ("-", c.endswith("وا"))
        if lang in ("es", "pt", "it"):
            return "-", c.endswith(("ron", "ram", "rono", "ono", "em", "an", "am"))
        if lang == "de":
            return "-", c.endswith("en")
        return "-", False

    def _speaker(self, f: _Found, people: People) -> str | None:
        m = f.mention
        if m is None:
            return None
        gender, plural = self._gender(f.cue)
        if m.kind == "name":
            if m.text and " " not in m.text and m.text.lower() in self.t.titles:
                return None
            return (
                people.add(m.text or "", f.pos, m.gender if m.gender != "-" else gender, m.roles)
                if m.text
                else None
            )
        if m.kind == "role":
            return people.role(f.pos, m.roles) if not m.plural else None
        if m.plural or plural or (m.kind == "pronoun" and m.gender == "-" and self.t.lang == "en"):
            return None
        g = m.gender if m.gender != "-" else gender
        if m.kind == "pronoun" and m.text and m.text.lower() == "sie":
            g = "f"
        return people.pronoun(f.pos, g)

    def quotes(self) -> list[Quote]:
        self.direct()
        self.dashes()
        self.transcripts()
        sentences = self.sentences() if self.cue_at else []
        if self.cue_at:
            self.indirect(sentences)
        self._drop_overlaps()
        if self.t.konjunktiv and sentences:
            self.konjunktiv(sentences)
        people = People(self.t, self.p, self.text)
        out = []
        for f in sorted(self.found, key=lambda f: (f.pos, f.start)):
            speaker = self._speaker(f, people)
            pieces = [self.text[a:b].strip() for a, b in f.pieces]
            out.append(Quote(" ".join(x for x in pieces if x), f.start, f.end, f.type, f.cue, speaker))
        return sorted(out, key=lambda q: (q.start, q.end))

    def _drop_overlaps(self) -> None:
        """A quote in marks inside reported speech ("X said the plan was “a disaster”"): the reported span stays
        unless the marked quote is nearly all of it; overlapping spans otherwise keep the first found."""
        keep: list[_Found] = []
        for f in sorted(self.found, key=lambda f: (f.start, -(f.end - f.start))):
            clash = next((g for g in keep if f.start < g.end and g.start < f.end), None)
            if clash is None:
                keep.append(f)
                continue
            outer, inner = (clash, f) if clash.end - clash.start >= f.end - f.start else (f, clash)
            if (
                outer.type == "indirect"
                and inner.type == "direct"
                and (inner.end - inner.start) >= 0.8 * (outer.end - outer.start)
            ):
                outer, inner = inner, outer
            if outer is f:
                keep.remove(clash)
                keep.append(f)
        self.found = keep
