"""Text -> lines, each with the reason it is not article text (None: it is).

The line rules of :class:`~storyweave.clean.boilerplate.BoilerplateFilter` judge each line alone; for a whole
scraped page (see :mod:`storyweave.clean.page`) the lines outside the body region are ``outside_body`` and link
lists inside it ``link_list``, except a byline or date line between the page's title heading and the body, left
for the describe step to read and remove.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyweave.clean.boilerplate import BoilerplateFilter
from storyweave.clean.byline import BylineFinder, looks_like_headline
from storyweave.clean.dates import DateFinder
from storyweave.clean.page import PageLine, body_span, is_page, line_scores, page_lines, repeated_lines


@dataclass
class SplitText:
    lines: list[str]  # normalised lines with text
    reasons: list[str | None]  # why each line is not article text; None: it is
    title_at: int | None  # the page's title heading ("# Title") above the body, if the text is a whole page


class LineSplitter:
    """``split(text, extracted)`` -> :class:`SplitText`. No state of its own; the helpers are the Cleaner's."""

    def __init__(self, boilerplate: BoilerplateFilter, bylines: BylineFinder, dates: DateFinder):
        self.boilerplate = boilerplate
        self.bylines = bylines
        self.dates = dates

    def split(self, text: str, extracted: bool = False) -> SplitText:
        """``extracted``: ``text`` is what the HTML extractor found as the body already (no region search)."""
        bp = self.boilerplate
        lines: list[str] = []
        reasons: list[str | None] = []
        items: list[int] = []  # the page line each line comes from
        structure = page_lines(text)
        page = not extracted and is_page(structure)
        for n, item in enumerate(structure):
            # a page's lines lose their Markdown; any other text keeps its lines as written ("- " opens speech)
            line = bp.normalize_line(item.text if page else item.raw)
            if not line:
                continue
            why = "share_link" if bp.share_only(item.raw) else bp.classify(line)
            split = bp.split_pitch(line) if why == "call_to_reader" else None
            if split is not None:  # a real sentence followed by a pitch: keep the sentence
                lines += split
                reasons += [None, why]
                items += [n, n]
            else:
                lines.append(line)
                reasons.append(why)
                items.append(n)
        for i in range(len(lines) - 1):
            if (
                reasons[i] is None
                and reasons[i + 1] == "call_to_reader"
                and bp.names_pitch(lines[i], lines[i + 1])
            ):
                reasons[i] = "call_to_reader"
        if not page:
            return SplitText(lines, reasons, None)
        return self._region(structure, lines, reasons, items)

    def _region(
        self, structure: list[PageLine], lines: list[str], reasons: list[str | None], items: list[int]
    ) -> SplitText:
        first = [i == 0 or items[i - 1] != n for i, n in enumerate(items)]  # the first line of its page line
        flagged = [False] * len(structure)
        for i, n in enumerate(items):
            flagged[n] = flagged[n] or (first[i] and reasons[i] is not None)
        by_item = line_scores(structure, flagged)
        repeats = repeated_lines(
            [line if why is None else "" for line, why in zip(lines, reasons, strict=True)]
        )
        scores = [
            (min(by_item[n], 0.0) if i in repeats else by_item[n]) if first[i] else 0.0
            for i, n in enumerate(items)
        ]
        start, end = body_span(scores)
        title_at = self._title_above(structure, lines, items, start)
        if title_at is None:
            title_at = self._headline_above(lines, reasons, start)
        for i, n in enumerate(items):
            if reasons[i] is not None:
                continue
            if not start <= i < end:
                head = title_at is not None and title_at < i < start
                reasons[i] = None if head and self._byline_or_date(lines[i]) else "outside_body"
            elif structure[n].linked >= 0.5 and by_item[n] < 0:
                reasons[i] = "link_list"
        return SplitText(lines, reasons, title_at)

    @staticmethod
    def _title_above(structure: list[PageLine], lines: list[str], items: list[int], start: int) -> int | None:
        """The last top-level heading ("# Title") of the page above line ``start``."""
        for i in range(min(start, len(lines) - 1), -1, -1):
            item = structure[items[i]]
            if item.kind == "h" and item.raw.lstrip().startswith("# "):
                return i
        return None

    def _headline_above(self, lines: list[str], reasons: list[str | None], start: int) -> int | None:
        """On a page without a title heading: the line just above the body, past its byline and date lines, when
        it reads like a headline."""
        for i in range(start - 1, max(-1, start - 6), -1):
            if reasons[i] is not None or self._byline_or_date(lines[i]):
                continue
            return i if looks_like_headline(lines[i], lines[start : start + 3]) else None
        return None

    def _byline_or_date(self, line: str) -> bool:
        if len(line.split()) > 12:
            return False
        if self.bylines.find([line])[1] is not None:
            return True
        head = self.dates.from_text([line])
        return head is not None and head.only_date
