"""Direct speech by its form: text between quotation marks of every style, dash-introduced speech and interview
transcripts ("Name: ...", "Q:/A:"). Only spans and labels here; attribution is :mod:`quotes`'s job."""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that close it
_CLOSERS = {
    "“": '”“"',  # English “…”; some sources close with “ again or a straight mark
    "„": "“”",  # German/Polish/Czech „…“ (Polish and Romanian also „…”)
    "«": "»",
    "»": "«»",  # German/Danish »…« (Swedish/Finnish »…»)
    "‘": "’",
    "「": "」",
    "『": "』",
    "‹": "›",
    "‚": "‘’",
    '"': '"”',
    "''": "''",
    "``": "''",
}
MARKS = re.compile(r"''|``|[“”„«»‘’「」『』‹›‚\"]")
OPENERS = frozenset('“„«»‘「『‹‚"') | {"''", "``"}


@dataclass(frozen=True)
class Marked:
    open: int  # position of the opening mark
    start: int  # the quoted words
    end: int
    close: int  # just after the closing mark (== end when the quote runs to the end of its paragraph)


def marked_quotes(text: str) -> list[Marked]:
    """Every span between matching quotation marks, paragraph by paragraph; a quote left open runs to the end of
    its paragraph (the convention for quotes over several paragraphs)."""
    found: list[Marked] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        para_end = n if nl < 0 else nl
        _paragraph(text, pos, para_end, found)
        pos = para_end + 1
    return found


def _paragraph(text: str, lo: int, hi: int, found: list[Marked]) -> None:
    marks = [(m.group(), m.start(), m.end()) for m in MARKS.finditer(text, lo, hi)]
    k = 0
    while k < len(marks):
        mark, s, e = marks[k]
        k += 1
        if mark not in OPENERS:
            continue
        if mark == "‘" and s > lo and text[s - 1].isalnum():
            continue  # an apostrophe written as ‘
        if mark in "\"''" and e < hi and text[e] in " \t" and s > lo and text[s - 1].isalnum():
            continue  # a closing straight mark or inch sign, not an opener
        if mark == "»" and not any(m == "«" for m, _, _ in marks[k:]):
            continue  # French/Russian closer without opener
        closers = _CLOSERS[mark]
        j = k
        while j < len(marks):
            m2, s2, e2 = marks[j]
            if m2 in closers:
                if m2 in ("’", "'") and e2 < hi and text[e2].isalpha():
                    j += 1
                    continue  # an apostrophe inside the quote
                break
            j += 1
        if j < len(marks):
            found.append(Marked(s, e, marks[j][1], marks[j][2]))
            k = j + 1
        elif mark not in ("‘", "‹", "‚"):
            end = hi
            while end > e and text[end - 1] in " \t\r":
                end -= 1
            if end - e > 20:
                found.append(Marked(s, e, end, end))
            return


@dataclass(frozen=True)
class DashQuote:
    pieces: tuple[tuple[int, int], ...]  # the quoted words, without the dashes
    frame: tuple[int, int] | None  # the attribution between the dashes ("— заявил он. —")


def dash_quotes(text: str, line: re.Pattern[str], split: re.Pattern[str]) -> list[DashQuote]:
    """Lines that open with a dash: the speech, then the attribution between dashes, then more speech."""
    found = []
    for m in line.finditer(text):
        lo, hi = m.start(1), m.end(1)
        while hi > lo and text[hi - 1] in " \t\r":
            hi -= 1
        cuts = [(d.start(), d.end()) for d in split.finditer(text, lo, hi)]
        if not cuts:
            found.append(DashQuote(((lo, hi),), None))
            continue
        first = (lo, cuts[0][0])
        frame_end = cuts[1][0] if len(cuts) > 1 else hi
        frame = (cuts[0][1], frame_end)
        pieces = [first]
        if len(cuts) > 1 and cuts[1][1] < hi:
            pieces.append((cuts[1][1], hi))
        found.append(DashQuote(tuple(_trim(text, a, b) for a, b in pieces), frame))
    return found


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in " ,\u00a0":
        b -= 1
    while a < b and text[a] in " \u00a0":
        a += 1
    return a, b


def transcript_lines(
    text: str, pattern: re.Pattern[str], not_labels: frozenset[str]
) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` of the "Label: words" lines of an interview, when there are at least two of them
    (or the labels are Q/A): a single "Photo: Reuters" is no transcript."""
    lines = []
    for m in pattern.finditer(text):
        label = m.group(1)
        if label.lower() in not_labels or label.lower().rstrip(".") in not_labels:
            continue
        words = m.group(2).split()
        if len(words) < 3:
            continue
        lines.append((label, m.start(2), m.end(2)))
    labels = [lab for lab, _, _ in lines]
    if len(lines) >= 2 and len(set(labels)) <= max(2, len(lines) // 2 + 1):
        return lines
    return [x for x in lines if x[0] in ("Q", "A")] if len(lines) >= 2 else []
