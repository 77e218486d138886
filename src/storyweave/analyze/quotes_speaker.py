"""Speakers: the noun phrase next to a cue (a name, a pronoun or a role) and the small per-article list of named
persons that pronouns and roles resolve to.

A name is a run of capitalised words; a capitalised run after a determiner ("the White House", "die Polizei") is a
description, not a name; titles before a name ("Syrian President Bashar al-Assad", "Kanzlerin Angela Merkel") and
appositions ("Bashar al-Assad, the Syrian president") give the person that role. A pronoun resolves to the nearest
earlier person of a compatible gender, a role to the nearest earlier person holding it; otherwise the speaker is
None: no guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyweave.analyze.quotes_tables import Patterns, Tables

_FR_INVERSION = re.compile(r"^-(?:t-)?(il|elle|ils|elles|on)\b")
_FR_SUFFIX = re.compile(r"-(?:t-)?(il|elle|ils|elles)$")
_APPOSED = re.compile(r"[ \u00a0]*,[ \u00a0]+((?:[\w'’-]+[ \u00a0]+){0,4}[\w'’-]+)[ \u00a0]*[,.]")
_STOP = frozenset('.,;:!?()[]"“”„«»‘’—–')


@dataclass(frozen=True)
class Mention:
    kind: str  # "name" | "pronoun" | "role" | "implicit" (a pro-drop verb with no subject word)
    text: str | None
    gender: str = "-"  # m / f / -
    plural: bool = False
    roles: tuple[str, ...] = ()


@dataclass
class Person:
    name: str
    pos: int
    gender: str = "-"
    roles: set[str] = field(default_factory=set)


def _tokens(p: Patterns, text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in p.token.finditer(text, lo, hi)]


def split_title(t: Tables, p: Patterns, name: str) -> tuple[str | None, tuple[str, ...], str]:
    """ "Syrian President Bashar al-Assad" -> ("Bashar al-Assad", ("president",), gender)."""
    words = name.split()
    roles: list[str] = []
    gender = "-"
    cut = 0
    for k, w in enumerate(words):
        low = w.lower()
        if low in t.titles:
            roles.append(low)
            cut = k + 1
            if low in t.feminine:
                gender = "f"
            elif low in t.masculine:
                gender = "m"
        elif (low in p.not_names or (w.isupper() and len(w) > 1 and len(words) - k > 2)) and cut == k:
            cut = k + 1  # "The", "Der"; an acronym before a full name ("МИД Мария Захарова")
    rest = words[cut:]
    while rest and rest[-1].lower() in p.not_names | t.titles:
        rest.pop()
    if not rest:
        return None, tuple(roles), gender
    return " ".join(rest), tuple(roles), gender


def _role(t: Tables, words: list[str], plural: bool = False) -> Mention:
    heads = tuple(w.lower() for w in words if w.lower() in t.titles)
    return Mention("role", " ".join(words), roles=heads[-1:], plural=plural)


def name_mention(t: Tables, p: Patterns, raw: str, elided: bool = False) -> Mention | None:
    """A mention from a capitalised run; ``elided`` when it follows an elided article ("dell'Alabama Bob Riley":
    the first word belongs to the phrase before)."""
    if elided and len(raw.split()) >= 3:
        raw = raw.split(None, 1)[1]
    name, roles, gender = split_title(t, p, raw)
    if name is None:
        return Mention("role", raw, roles=roles[-1:]) if roles else None
    return Mention("name", name, gender, roles=roles)


def before(t: Tables, p: Patterns, text: str, lo: int, hi: int) -> Mention | None:
    """The speaker ending at ``hi`` ("Smith [has] said", "Smith, the CEO, said", "the spokesman said")."""
    toks = _tokens(p, text, max(lo, hi - 160), hi)
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (toks[i][0].lower() in t.aux or toks[i][0].lower().endswith("ly")):
        i -= 1
        skipped += 1
    if i < 0:
        return None
    if toks[i][0] == ")":  # "Kristina Schröder (CDU) sagte": the party or age in brackets
        k = i
        while k >= 0 and toks[k][0] != "(" and i - k < 8:
            k -= 1
        if k > 0 and toks[k][0] == "(":
            i = k - 1
    word, start, end = toks[i]
    low = word.lower()
    inv = _FR_SUFFIX.search(low)
    if inv:
        low = inv.group(1)
    if low in t.pronouns:
        g = t.pronouns[low]
        return Mention("pronoun", word, g[0], g[1] == "p")
    if word == ",":
        m = p.name_end.search(text, max(lo, start - 60), start)
        if m and i >= 1:  # "A longtime official, Howard Ingram, said"
            k = text.rfind(",", max(lo, start - 80), m.start())
            if k >= 0 and not text[k + 1 : m.start()].strip():
                return name_mention(t, p, m.group(1))
        m = p.apposition.search(text[max(lo, hi - 200) : end])
        if m:  # "Smith, the company's chief executive, said"
            return name_mention(t, p, m.group(1))
        return None
    if word[0].isupper():
        m = p.name_end.search(text, max(lo, start - 80), end)
        if not m:
            return None
        raw = m.group(1)
        k = len(toks)
        for k in range(i, -1, -1):
            if toks[k][1] <= m.start(1):
                break
        prev = toks[k - 1][0].lower() if k > 0 and toks[k][1] >= m.start(1) else ""
        if prev in t.dets:  # "the White House", "die Polizei": a description
            return _role(t, [toks[k - 1][0], *raw.split()])
        return name_mention(t, p, raw, elided=text[m.start(1) - 1 : m.start(1)] in "'’")
    if word in _STOP or not word[0].isalpha():
        return None
    words = [word]
    for k in range(i - 1, max(-1, i - 6), -1):
        w = toks[k][0]
        if w in _STOP:
            break
        words.insert(0, w)
        if w.lower() in t.dets:
            return _role(t, words, plural=low.endswith("s") and t.lang == "en")
    heads = [w for w in words if w.lower() in t.titles]
    bounded = i - len(words) < 0 or toks[i - len(words)][0] in _STOP
    if heads or (len(words) <= 3 and bounded):
        return _role(t, words[-3:], plural=t.lang == "en" and low.endswith("s"))
    return None


def after(t: Tables, p: Patterns, text: str, lo: int, hi: int) -> Mention | None:
    """The speaker right after a cue ("said Smith", "sagte der Sprecher, Hans Meier", "a-t-il dit", "заявил он")."""
    while lo < hi and text[lo] in " \u00a0\t":
        lo += 1
    if lo >= hi:
        return None
    inv = _FR_INVERSION.match(text, lo, hi)
    if inv:
        g = t.pronouns.get(inv.group(1), "--")
        return Mention("pronoun", inv.group(1), g[0], g[1] == "p")
    toks = _tokens(p, text, lo, min(hi, lo + 200))
    if not toks:
        return None
    word = toks[0][0]
    low = word.lower()
    if low in t.pronouns:
        g = t.pronouns[low]
        return Mention("pronoun", word, g[0], g[1] == "p")
    if word[0].isupper() and low not in t.dets:
        m = p.name.match(text, lo, hi)
        if m and m.group().split()[0].lower() not in p.not_names:
            return name_mention(t, p, m.group())
        return None
    if t.lang == "ar" or "\u0600" <= word[0] <= "\u06ff":
        words = []
        for w, _, _ in toks[:6]:
            if w in _STOP or w in t.comps:
                break
            words.append(w)
        return Mention("name", " ".join(words)) if words else None
    if (
        low not in t.dets
    ):  # "— заявила официальный представитель МИД Мария Захарова", "dodała minister Anna Kowalska"
        for w, a, _ in toks[1:7] if t.lang in ("ru", "pl") else ():
            if w in _STOP or w.lower() in t.comps:
                break
            if w[0].isupper():
                m = p.name.match(text, a, hi)
                if m and m.group().split()[0].lower() not in p.not_names:
                    return name_mention(t, p, m.group())
                break
        return None
    words = []
    for k, (w, _, _end) in enumerate(toks[:9]):
        if w == "," and k + 1 < len(toks):
            m = p.name.match(text, toks[k + 1][1], hi)
            if m and m.group().split()[0].lower() not in p.not_names and len(words) >= 2:
                return name_mention(t, p, m.group())
            break
        if (w in _STOP and w != "(") or w.lower() in t.comps or w.lower() in t.cues:
            break
        words.append(w)
    return _role(t, words) if len(words) >= 2 else None


def subject(t: Tables, p: Patterns, text: str, lo: int, hi: int) -> Mention | None:
    """The named subject of a frame with no cue ("Staatssekretär Harald Stegemann bestreitet jede Kenntnis:",
    "As Professor Foner put it:"): a name opening the frame, else the first name of two words or more."""
    for m in p.name.finditer(text, lo, hi):
        raw = m.group()
        k = m.start()
        prev = text[max(lo, k - 12) : k].split()
        if prev and prev[-1].lower() in t.dets:
            continue
        found = name_mention(t, p, raw)
        if found is None or found.kind != "name" or not found.text:
            continue
        first = not text[lo:k].strip() or text[lo:k].strip().lower() in (
            "as",
            "so",
            "wie",
            "comme",
            "como",
            "come",
        )
        if first or len(found.text.split()) >= 2:
            return found
    return None


class People:
    """The named persons of one article, in text order, with their roles and gender when known."""

    def __init__(self, t: Tables, p: Patterns, text: str):
        self.t, self.p, self.text = t, p, text
        self.items: list[Person] = []
        self._scanned = 0

    def _scan(self, upto: int) -> None:
        """Adds the titled names ("President X") and appositions before ``upto`` (lazily: only when needed)."""
        if upto <= self._scanned:
            return
        for m in self.p.name.finditer(self.text, self._scanned, upto):
            raw = m.group()
            if " " not in raw and not self.items:
                continue
            apposed = self.text[m.end() : m.end() + 1] == ","
            if not apposed and not any(w.lower() in self.t.titles for w in raw.split()):
                continue
            name, roles, gender = split_title(self.t, self.p, raw)
            if name and not roles:  # "Bashar al-Assad, the Syrian president,"
                after_name = _APPOSED.match(self.text, m.end(), min(upto, m.end() + 60))
                if after_name:
                    roles = tuple(w for w in after_name.group(1).lower().split() if w in self.t.titles)[-1:]
            if name and roles:
                self.add(name, m.start(), gender, roles)
        self._scanned = upto

    def canonical(self, name: str) -> str:
        words = name.split()
        for person in reversed(self.items):
            if person.name == name:
                return name
            if len(person.name.split()) > len(words) and _contains(person.name.split(), words):
                return person.name
        return name

    def add(self, name: str, pos: int, gender: str = "-", roles: tuple[str, ...] = ()) -> str:
        full = self.canonical(name)
        for person in self.items:
            if person.name == full:
                person.pos = max(person.pos, pos)
                person.roles.update(roles)
                if gender != "-":
                    person.gender = gender
                break
        else:
            self.items.append(Person(full, pos, gender, set(roles)))
        return full

    def _is_org(self, name: str) -> bool:
        return any(w.lower() in self.t.organisations for w in name.split())

    def pronoun(self, pos: int, gender: str) -> str | None:
        self._scan(pos)
        best: Person | None = None
        for person in self.items:
            if person.pos > pos or self._is_org(person.name):
                continue
            if gender != "-" and person.gender not in ("-", gender):
                continue
            if best is None or person.pos > best.pos:
                best = person
        return best.name if best else None

    def role(self, pos: int, roles: tuple[str, ...]) -> str | None:
        if not roles:
            return None
        self._scan(pos)
        best: Person | None = None
        for person in self.items:
            if person.pos <= pos and roles[-1] in person.roles and (best is None or person.pos > best.pos):
                best = person
        return best.name if best else None


def _contains(longer: list[str], shorter: list[str]) -> bool:
    k = len(shorter)
    return any(longer[i : i + k] == shorter for i in range(len(longer) - k + 1))
