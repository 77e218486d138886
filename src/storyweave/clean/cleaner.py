"""The cleaning and description step: RawDocument -> CleanResult."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from storyweave.clean.boilerplate import BoilerplateFilter
from storyweave.clean.byline import BylineFinder, clean_authors, looks_like_headline, split_title_suffix
from storyweave.clean.dates import DateFinder
from storyweave.clean.html import HtmlExtractor, PageContent
from storyweave.clean.language import DEFAULT_LANGUAGES, LanguageIdentifier
from storyweave.clean.lines import LineSplitter
from storyweave.clean.outlet import OutletFinder
from storyweave.clean.recurrent import RecurrentLines
from storyweave.errors import InputError
from storyweave.models import CleanResult, RawDocument

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SQUASH = re.compile(r"\W+")
_HEADLINE_LABELS = frozenset({"related", "photo_credit", "menu", "label"})


def _same(a: str, b: str) -> bool:
    return _SQUASH.sub("", a.casefold()) == _SQUASH.sub("", b.casefold())


def _has_words(lines: list[str], n: int) -> bool:
    """Whether ``lines`` hold at least ``n`` words (stops counting there)."""
    if n <= 0:
        return True
    for line in lines:
        for _ in _WORD.finditer(line):
            n -= 1
            if n == 0:
                return True
    return False


class Cleaner:
    """Turns one RawDocument into a CleanResult: body text without boilerplate, title, language, date, outlet, authors.

    ``clean`` has no side effects; ``learn_one`` feeds a cleaned article's lines to ``recurrent`` so that lines
    recurring across an outlet's articles are dropped from later ones when they are boilerplate-like, or real
    sentences recurring across many unrelated stories (see :mod:`storyweave.clean.recurrent`); learned lines never
    empty an article. ``now`` returns an aware datetime (default: the current UTC time) and bounds plausible
    publish dates.
    """

    def __init__(
        self,
        recurrent: RecurrentLines | None = None,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        now: Callable[[], datetime] | None = None,
        min_words: int = 2,
    ):
        self.recurrent = recurrent
        self.languages = languages
        self.now = now
        self.min_words = min_words
        # helpers compile their patterns / load models on first use
        self._boilerplate = BoilerplateFilter()
        self._language = LanguageIdentifier(languages)
        self._dates = DateFinder(now=now)
        self._outlets = OutletFinder()
        self._bylines = BylineFinder()
        self._html = HtmlExtractor()
        self._splitter = LineSplitter(self._boilerplate, self._bylines, self._dates)

    def clean(self, raw: RawDocument) -> CleanResult:
        page: PageContent | None = None
        text = raw.text or ""
        if raw.html:
            page = self._html.extract(raw.html, raw.url)
            if page.text.strip():
                text = page.text
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))

        title = raw.title or (page.title if page else None)
        split = self._splitter.split(text, extracted=page is not None and bool(page.text.strip()))
        lines, reasons = split.lines, split.reasons
        if split.title_at is not None:  # the page's own heading above the body
            title = title or lines[split.title_at]
            if _same(lines[split.title_at], title):
                reasons[split.title_at] = "title"
        if title and lines and all(_same(line, title) for line in lines):
            reasons = [None] * len(lines)  # a title-only item: the title is the text
        elif len(lines) == 1 and reasons[0] in _HEADLINE_LABELS:
            reasons[0] = (
                None  # a one-line item ("VIDEO: ...", "FOTO: ..."): the label prefixes the only text there is
            )
        else:
            self._drop_leading_menu(lines, reasons)

        found = self._outlets.find(
            raw.outlet, page.site_name if page else None, raw.url or (page.url if page else None), lines
        )
        # learned lines go by the outlet's key
        outlet, outlet_name = (found.key, found.name) if found else (None, None)
        if self.recurrent is not None and outlet:
            learned = [
                i for i, line in enumerate(lines) if reasons[i] is None and self._is_recurrent(outlet, line)
            ]
            without = list(reasons)
            for i in learned:
                without[i] = "recurrent"
            # learned lines never take an article's text: not when they hold all of its sentences (a capture of a
            # page seen before, not boilerplate around new text), nor when no text would be left (below)
            if learned and (
                not any(self._boilerplate.is_sentence(lines[i]) for i in learned)
                or any(
                    r is None and self._boilerplate.is_sentence(line)
                    for line, r in zip(lines, without, strict=True)
                )
            ):
                try:
                    return self._describe(raw, page, lines, without, title, outlet, outlet_name)
                except InputError:
                    pass
        return self._describe(raw, page, lines, reasons, title, outlet, outlet_name)

    def _describe(
        self, raw: RawDocument, page: PageContent | None, lines: list[str], reasons: list[str | None],
        title: str | None, outlet: str | None, outlet_name: str | None = None,
    ) -> CleanResult:  # fmt: skip
        """The CleanResult of the lines whose reason is None: language, dates, byline, title and body text.

        Updates ``reasons``; raises InputError when no article text is left.
        """
        kept = [i for i, r in enumerate(reasons) if r is None]
        kept_lines = [lines[i] for i in kept]
        lang = self._language.normalize(raw.lang)
        if lang is None:
            sample = " ".join(kept_lines)[: self._language.max_chars]
            if len(sample) < 200 and title and title not in sample:
                sample = f"{title}\n{sample}"
            found = self._language.detect(sample)
            if found in (None, "und") and page is not None and page.lang:
                found = self._language.normalize(page.lang) or found  # the page's tag, when unsure
            lang = found

        # dateline / "Published:" line: a date-only line leaves the body; "Headline Posted: <date>" gives a title
        head = self._dates.from_text(kept_lines, lang)
        if head is not None and len(kept) > 1 and (head.only_date or (head.line == 0 and head.start > 0)):
            prefix = kept_lines[head.line][: head.start].strip(" |-–—•·,")
            if head.line == 0 and not head.only_date:
                if title is None and looks_like_headline(prefix, kept_lines[1:]):
                    title = prefix
                elif not (title and _same(prefix, title)):
                    prefix = ""
            if head.only_date or prefix:
                reasons[kept[head.line]] = "dateline"
                del kept[head.line]
                kept_lines = [lines[i] for i in kept]
        # trust order: the item's own date, the page's metadata, a date in the URL, the dateline, the capture date
        published = self._dates.parse(raw.date, lang)
        if published is None and page is not None and page.date:
            published = self._dates.parse(page.date, lang)
        if published is None:
            published = self._dates.from_url(raw.url or (page.url if page else None))
        if published is None and head is not None:
            published = head.value
        if published is None and raw.captured:
            captured = self._dates.parse(raw.captured, lang)
            published = captured[:10] if captured else None  # the day it was fetched by; not the instant

        authors = clean_authors(raw.authors) or clean_authors(page.authors if page else ())
        found_authors, byline_at = self._bylines.find(kept_lines)
        if byline_at is not None:
            reasons[kept[byline_at]] = "byline"
            del kept[byline_at]
            kept_lines = [lines[i] for i in kept]
            authors = authors or clean_authors(found_authors)

        if title:
            title = " ".join(title.split())
            if len(kept_lines) > 1 and _same(kept_lines[0], title):
                reasons[kept[0]] = "title"
                del kept[0]
        elif kept_lines and looks_like_headline(kept_lines[0], kept_lines[1:]):
            title = kept_lines[0]
            reasons[kept[0]] = "title"
            del kept[0]
        if title:
            title = split_title_suffix(title, outlet) or None

        body_lines = [lines[i] for i in kept]
        title_only = bool(title) and len(body_lines) == 1 and _same(body_lines[0], title or "")
        if (
            not title_only
            and not _has_words(body_lines, self.min_words)
            and not any(len(line) >= 20 and not line.isascii() for line in body_lines)
        ):
            raise InputError(
                "no article text left after cleaning (the item is empty or only boilerplate;"
                " check that its text or html field holds the article)",
                raw.line,
            )
        gone = [i for i, r in enumerate(reasons) if r is not None and r != "title"]
        return CleanResult(
            title=title,
            text="\n".join(body_lines),
            lang=lang,
            published=published,
            outlet=outlet,
            authors=authors,
            url=raw.url or (page.url if page else None),
            removed=tuple(lines[i] for i in gone),
            removed_reasons=tuple(reasons[i] or "" for i in gone),
            outlet_name=outlet_name,
        )

    @staticmethod
    def _drop_leading_menu(lines: list[str], reasons: list[str | None]) -> None:
        """Lone words above the first real line (section names, menu entries) are navigation."""
        candidates: list[int] = []
        for i, line in enumerate(lines):
            if reasons[i] is not None:
                continue
            if (
                len(line.split()) > 2
                or any(c in line for c in '.!?:"“«？。')
                or any(c.isdigit() for c in line)
            ):
                if len(line.split()) >= 4:  # only when a real line follows
                    for j in candidates:
                        reasons[j] = "menu"
                return
            if len(line) > 30 or any("\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in line):
                return
            candidates.append(i)

    def _is_recurrent(self, outlet: str, line: str) -> bool:
        """Whether a line that passed the boilerplate rules is learned boilerplate of ``outlet``.

        Frequent (``RecurrentLines.is_recurrent``) and: boilerplate-like and seen in >= 2 distinct stories, or a
        real sentence seen in >= ``min_stories`` distinct stories; never a line holding a quotation.
        """
        store = self.recurrent
        assert store is not None
        if not store.is_recurrent(outlet, line) or self._boilerplate.has_quote(line):
            return False
        needed = min(2, store.min_stories) if self._boilerplate_like(line) else store.min_stories
        return store.stories(outlet, line) >= needed

    def _boilerplate_like(self, line: str) -> bool:
        """Not a sentence, or a sentence with a link, an e-mail address, a handle or a call to the reader."""
        bp = self._boilerplate
        if not bp.is_sentence(line):
            return True
        rx = bp._patterns()  # the boilerplate filter's own link, e-mail and handle patterns
        if rx["url"].search(line) or rx["email"].search(line) or rx["handle"].search(line):
            return True
        return bp._calls_to_reader(line, line.lower())

    def learn_one(self, result: CleanResult, story: str | None = None) -> None:
        """Feed the lines of one cleaned article (kept and removed) to the recurrent-line store.

        ``story``: the id of the story the article was put in (None: the article is its own story). Lines repeated
        across the follow-ups of one story are background, not boilerplate: pass the story when it is known.
        """
        if self.recurrent is not None and result.outlet:
            self.recurrent.observe(result.outlet, [*result.text.splitlines(), *result.removed], story)
