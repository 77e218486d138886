"""Authors from a "By Jane Doe and John Roe" byline, and headlines taken from the first line of a plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence

_BY = r"(?:by|par|von|por|di|door|przez|autor(?:ka)?|автор|від|yazan|بقلم|texto|text|tekst)"
_SEPARATORS = r"\s*(?:,|;|&|\b(?:and|AND|And)\b|\s(?:et|und|y|e|en|i|и|і|ve|ja|in|és|och|a|و)\s)\s*"
_ROLES = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|photographer|columnist|rédaction|redaktion|"
    r"redacción|redazione|redactie|redakcja|редакция|редакція|muhabir|with|in|for|at)\b.*$",
    re.IGNORECASE,
)


class BylineFinder:
    """``find(lines)`` -> (authors, index of the byline line or None). Compiled on first use."""

    def __init__(self, max_lines: int = 5, max_words: int = 14):
        self.max_lines = max_lines
        self.max_words = max_words
        self._rx: dict[str, re.Pattern[str]] | None = None

    def _patterns(self) -> dict[str, re.Pattern[str]]:
        if self._rx is None:
            self._rx = {
                "by": re.compile(rf"^\W*{_BY}\s*:?\s+(?P<names>.+?)\s*$", re.IGNORECASE),
                "sep": re.compile(_SEPARATORS),
                "name": re.compile(
                    r"^(?:[A-ZÀ-ÞА-ЯЁІЇЄҐ\u0600-\u06ff][\w.'’-]*)(?:\s+(?:[A-ZÀ-ÞА-ЯЁІЇЄҐ\u0600-\u06ff][\w.'’-]*|de|da|van|von|der|den|del|la|le|di|bin|al|el|ibn)){0,4}$"
                ),
                "date_tail": re.compile(
                    r"\s*(?:[|,–—-]\s*)?(?:updated|published|posted|on)\b.*$|\s*[|–—]\s*.*\d{4}.*$",
                    re.IGNORECASE,
                ),
            }
        return self._rx

    def find(self, lines: Sequence[str]) -> tuple[tuple[str, ...], int | None]:
        rx = self._patterns()
        for i, line in enumerate(lines[: self.max_lines]):
            if len(line.split()) > self.max_words:
                continue
            m = rx["by"].match(line)
            if not m:
                continue
            names_text = rx["date_tail"].sub("", m.group("names")).strip(" .,:;")
            names_text = re.sub(r"\s*\([^)]*\)", "", names_text)
            authors: list[str] = []
            for part in rx["sep"].split(names_text):
                part = _ROLES.sub("", part).strip(" .,:;-–—|")
                if part and rx["name"].match(part) and len(part.split()) <= 5:
                    authors.append(part)
            if authors:
                return tuple(dict.fromkeys(authors)), i
        return (), None


def looks_like_headline(line: str, next_lines: Sequence[str]) -> bool:
    """A first line that is short, has no final period and is followed by body text."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 220:
        return False
    if line.rstrip().endswith((".", ",", ";", ":")) or line.startswith(("-", "—", "–", "•", '"', "“", "«")):
        return False
    if not any(c.isalpha() for c in line) or line.lower() == line and any(c.isupper() for c in line.upper()):
        return False
    return any(len(x.split()) >= 8 for x in next_lines[:3])


def split_title_suffix(title: str, outlet: str | None) -> str:
    """'Teen shot in X - WKRN News 2' -> 'Teen shot in X' when the suffix names the outlet."""
    if not outlet:
        return title.strip()
    key = re.sub(r"\W+", "", outlet.lower().split(".")[0])
    if len(key) < 3:
        return title.strip()
    for m in re.finditer(r"\s+(?:[|–—-]|::|\s[•·]\s)\s+|\s*\|\s*", title):
        head, tail = title[: m.start()], title[m.end() :]
        segment = re.split(r"\s+(?:[|–—-]|::)\s+|\s*\|\s*", tail, maxsplit=1)[0]
        if key in re.sub(r"\W+", "", segment.lower()) and len(head.split()) >= 3:
            return head.strip()
    return title.strip()


_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters editor editors news desk team wire wires reports report web online "
    "correspondent contributor contributors agency agencies breaking redaktion rédaction redacción redazione "
    "redactie redakcja редакция редакція by the".split()
)


def clean_authors(names: Sequence[str]) -> tuple[str, ...]:
    """Drop empty and role-only names ("Staff Writer", "Web Staff"), collapse spaces, keep order, dedupe."""
    kept: list[str] = []
    for name in names:
        name = " ".join(name.split()).strip(" ,;|")
        if name and not all(w.lower().strip(".") in _ROLE_WORDS for w in name.split()):
            kept.append(name)
    return tuple(dict.fromkeys(kept))
