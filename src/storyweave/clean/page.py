"""Scraped page text: the lines of a whole page as scrapers deliver it, and the region that holds the article.

Many scrapers turn a page into Markdown-like plain text (html2text and its kin): menus become lists of links
(``* [World](https://...)``), headings keep their ``#``, links their targets, tables their pipes, and a link's text
may run over several lines. :func:`page_lines` recovers that structure: for every line with visible text its
visible text (link text kept, link targets, images and emphasis marks gone), its kind (paragraph, list item,
heading, table row, block quote) and how much of it is link text. Plain text without any markup is just
paragraphs.

:func:`body_span` then finds the article in the page the way maximum-subsequence segmentation does (Pasternack and
Roth, "Extracting article text from the web with maximum subsequence segmentation", WWW 2009): every line gets a
score, positive for prose (by its length, so one long paragraph outweighs many short crumbs) and negative for
navigation (link lists, short list items, lines the line rules call boilerplate), and the body is the contiguous
run of lines with the largest total. Only language-independent signals are used: link density, length, sentence
punctuation, list and heading structure; words enter only through the boilerplate line rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\s*\)")
_LIST = re.compile(r"^\s*(?:[*+-]\s+|(?=\d{1,3}[.)]\s))")  # a numbered item keeps its number
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")  # "---|---" under a header


def _table_rows(raw_lines: Sequence[str]) -> set[int]:
    """Positions of the lines of Markdown tables: runs of lines with pipes around a "---|---" rule line."""
    rows: set[int] = set()
    for i, line in enumerate(raw_lines):
        if i in rows or "-" not in line or not _TABLE_RULE.match(line):
            continue
        rows.add(i)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(raw_lines) and "|" in raw_lines[j]:
                rows.add(j)
                j += step
    return rows


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)")
_STRAY = re.compile(r"\*\*+|__+")  # emphasis marks left unpaired (an icon between them was dropped)
_SQUASH = re.compile(r"\W+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_WORD = re.compile(r"\w+")
_WIDE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)  # kana, Han, Hangul
_SENTENCE_END = re.compile(r"[.!?…:;。！？]['\"”»’)\]]*$")
_QUOTE_MARK = re.compile(r"[\"“”„«»「」]")
_OPEN, _CLOSE = "\x01", "\x02"  # around link text while the lines are split
# the start of a comment section ("34 responses to ...", "Leave a Reply", "Kommentare", "username says:")
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?|comentários?|commenti|"
    r"reacties|komentarze?|комментари[йи]|коментар[іи]|yorumlar?|تعليقات?)(?:\s+(?:to|on|for|zu|sur|a|en|su|op|до|к)\b.*)?\W*$"
    r"|^(?:leave|post|add|write|show|view|load)\s+(?:a\s+|your\s+)?(?:comment|reply|response)s?\b"
    r"|^(?:join|start) the (?:conversation|discussion)\b"
    r"|^(?:laissez|ajouter|écrire) un commentaire|^(?:kommentar|kommentieren) (?:schreiben|verfassen)"
    r"|^(?:deja|escribe|añade) (?:un|tu) comentario|^(?:lascia|scrivi|aggiungi) un commento"
    r"|^(?:deixe|escreva|adicione) (?:um|seu) comentário|^(?:dodaj|napisz) komentarz"
    r"|^(?:оставить|добавить|написать) комментарий|^yorum (?:yaz|yap|ekle)"
    r"|^\d{0,4}\.?\s*[\w.@ -]{2,40}\s+(?:says|said|wrote|schreibt|dit|dice|diz|pisze|пишет|yazdı):\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageLine:
    """One line of a page with visible text."""

    raw: str  # the line as given (without the targets of links that started on earlier lines)
    text: str  # visible text, whitespace collapsed
    kind: str  # "p" paragraph, "li" list item, "h" heading, "table" table row, "quote" block quote
    linked: float  # share of the visible characters that are link text
    words: int  # \w+ runs; a CJK character counts as half a word
    block: int  # lines joined by hard line breaks (a line ending in two spaces or a backslash) share a block

    @property
    def sentence(self) -> bool:
        """Ends like a sentence (or holds a quotation) and is not mostly link text."""
        return self.linked < 0.5 and bool(_SENTENCE_END.search(self.text) or _QUOTE_MARK.search(self.text))


def _mark_links(text: str) -> str:
    """Links -> their text between _OPEN and _CLOSE (closed and reopened at line ends); images -> nothing."""

    def repl(m: re.Match[str]) -> str:
        if m.group(0).startswith("!"):
            return ""
        anchor = m.group(1)
        return _OPEN + anchor.replace("\n", f"{_CLOSE}\n{_OPEN}") + _CLOSE

    return _LINK.sub(repl, text) if "](" in text else text


def _visible(line: str) -> tuple[str, int]:
    """(visible text, characters inside links) of one marked line."""
    if _OPEN not in line and _CLOSE not in line:
        return line, 0
    linked = 0
    inside = False
    out: list[str] = []
    for part in re.split(f"([{_OPEN}{_CLOSE}])", line):
        if part == _OPEN:
            inside = True
        elif part == _CLOSE:
            inside = False
        else:
            out.append(part)
            if inside:
                linked += len(part.strip())
    return "".join(out), linked


def page_lines(text: str) -> list[PageLine]:
    """The lines of ``text`` that hold visible text, with their structure."""
    marked = _mark_links(text)
    out: list[PageLine] = []
    block = 0
    joined = False  # the previous line ended in a hard line break
    raw_lines = text.splitlines()
    tables = _table_rows(raw_lines) if "|" in text else set()
    for n, (raw, line) in enumerate(zip(raw_lines, marked.splitlines(), strict=False)):
        block += not joined
        joined = raw.endswith(("  ", "\\")) and bool(raw.strip())
        visible, linked = _visible(line)
        kind = "p"
        if m := _HEADING.match(visible):
            kind, visible = "h", visible[m.end() :]
        elif m := _LIST.match(visible):
            kind, visible = "li", visible[m.end() :]
        elif m := _QUOTE.match(visible):
            kind, visible = "quote", visible[m.end() :]
        elif n in tables:
            if _TABLE_RULE.match(raw):
                continue
            kind = "table"
            visible = " ".join(cell.strip() for cell in visible.strip().strip("|").split("|"))
        if "\\" in visible:
            visible = _ESCAPE.sub(r"\1", visible)
        if "*" in visible or "_" in visible:
            visible = _STRAY.sub(" ", _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), visible))
        visible = " ".join(visible.split())
        if not visible:
            continue
        words = len(_WORD.findall(visible))
        if _WIDE.search(visible):
            words += len(_WIDE.findall(visible)) // 2
        out.append(PageLine(raw, visible, kind, min(1.0, linked / len(visible)), words, block))
    return out


def is_page(lines: Sequence[PageLine]) -> bool:
    """Whether the text carries page structure (links, lists, headings) rather than being an article alone."""
    structured = sum(1 for line in lines if line.linked > 0 or line.kind in ("li", "h", "table"))
    return structured >= 3


# the article starts just below the page's title heading ("# Title"): the first prose line within TITLE_WINDOW
# lines of it gets TITLE_BONUS, on pages with at most TITLE_HEADINGS such headings
TITLE_BONUS = 100.0
TITLE_WINDOW = 12
TITLE_HEADINGS = 2


def starts_comments(line: PageLine) -> bool:
    """Whether ``line`` opens readers' comments (not a link to them): the article does not go on past it."""
    return line.linked < 0.5 and line.words <= 12 and bool(_COMMENTS.match(line.text))


def line_score(line: PageLine, boilerplate: bool) -> float:
    """How much ``line`` alone speaks for being inside the article body (> 0) or outside it (< 0)."""
    words = line.words
    if starts_comments(line):
        return -1e6
    if line.linked >= 0.5:
        return 0.0 if line.sentence and words >= 15 else -(words + 2.0)
    if boilerplate:
        return -max(2.0, words * 0.5)
    if line.kind == "h":
        return 0.0
    if line.kind == "table":
        return 1.0
    prose = words * (1.0 - line.linked)
    if line.sentence and words >= 8:
        return prose
    if words >= 20:
        return 0.8 * prose
    if line.kind == "li":
        return -2.0
    if line.sentence and words >= 2:
        return 1.0
    return -0.3  # a short plain line: a caption, a list entry, a label; weak evidence either way


def line_scores(lines: Sequence[PageLine], boilerplate: Sequence[bool]) -> list[float]:
    """:func:`line_score` of every line; the plain lines of one block (a paragraph broken by hard line breaks:
    an address, a list of dates) share the score the block would get as one line."""
    scores = [line_score(line, flag) for line, flag in zip(lines, boilerplate, strict=True)]
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and lines[end].block == lines[start].block:
            end += 1
        members = [i for i in range(start, end) if lines[i].kind == "p" and not boilerplate[i]]
        if len(members) > 1:
            text = " ".join(lines[i].text for i in members)
            linked = sum(lines[i].linked * len(lines[i].text) for i in members) / max(1, len(text))
            whole = PageLine("", text, "p", linked, sum(lines[i].words for i in members), lines[start].block)
            share = line_score(whole, False) / len(members)
            for i in members:
                scores[i] = max(scores[i], share)
        start = end
    titles = [i for i, line in enumerate(lines) if line.kind == "h" and line.raw.lstrip().startswith("# ")]
    if 0 < len(titles) <= TITLE_HEADINGS:
        for t in titles:
            first = next(
                (i for i in range(t + 1, min(len(lines), t + 1 + TITLE_WINDOW)) if scores[i] > 0), None
            )
            if first is not None:
                scores[first] += TITLE_BONUS
    return scores


def repeated_lines(texts: Sequence[str]) -> set[int]:
    """The positions of lines that repeat earlier text of the page: second copies of a line (teasers, headline
    lists shown twice), cut-off teasers ("Good morning! This is the...") of another line, and long lines that
    hold an earlier line whole (a summary block that repeats the article). Empty texts are ignored."""
    keys = [_SQUASH.sub(" ", text.casefold()).strip() for text in texts]
    found: set[int] = set()
    seen: set[str] = set()
    long_seen: list[str] = []
    for i, key in enumerate(keys):
        n = key.count(" ") + 1
        if not key or n < 3:
            continue
        if key in seen:
            found.add(i)
        elif texts[i].endswith(("...", "…")) and len(key) >= 20:
            if any(j != i and other != key and other.startswith(key) for j, other in enumerate(keys)):
                found.add(i)
        elif n >= 20 and any(other in key for other in long_seen):
            found.add(i)
        seen.add(key)
        if n >= 8:
            long_seen.append(key)
    return found


def body_span(scores: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run of lines with the largest total score; (0, 0) when none is positive."""
    best = total = 0.0
    span = (0, 0)
    start = 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, span = total, (start, i + 1)
    return span
