"""Build ``Features`` for a batch of articles: dense vector of title + lead, terms of the body, anchors."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from storyweave.analyze.anchors import AnchorExtractor
from storyweave.cluster.base import Features
from storyweave.embed.base import Embedder
from storyweave.timeutil import to_timestamp as parse_time

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


class TitledText(Protocol):
    @property
    def title(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class ArticleLike(TitledText, Protocol):
    @property
    def id(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...


_TITLE_TAIL = re.compile(r"\s+[|\-–—:»]\s+([^|\-–—:»]{2,60})$")
# a stray closing quote used as a separator: 'Title " EntornoInteligente' (an unbalanced '"' before a short tail)
_QUOTE_TAIL = re.compile(r'\s+"\s+([^"]{2,40})$')
# a trailing date: 'Title - 22/07/2021'
_DATE_TAIL = re.compile(r"\s+[|\-–—]\s+\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d$")


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def clean_title(title: str | None) -> str | None:
    """The headline without a trailing outlet name ("... - ISTOÉ Independente", "... | The China Post");
    None when the "title" is only a dateline ("September 18th, 2013, 05: 31 GMT")."""
    if not title:
        return title
    out = title.strip()
    if _YEAR.search(out) and len(_WORD.findall(out)) <= 2:
        return None
    out = _DATE_TAIL.sub("", out)
    m = _QUOTE_TAIL.search(out)
    if m and out.count('"') % 2 == 1 and len(m.group(1).split()) <= 4:
        out = out[: m.start()].rstrip()
    for _ in range(2):
        m = _TITLE_TAIL.search(out)
        if not m or len(m.group(1).split()) > 5 or len(m.group(1)) > 0.45 * len(out):
            break
        out = out[: m.start()].rstrip()
    return out


def lead_text(title: str | None, text: str, chars: int) -> str:
    """Title plus the start of the body (without repeating the title), cut at a word boundary near ``chars``."""
    body = text or ""
    title = (title or "").strip()
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    joined = f"{title}\n{body.strip()}" if title else body.strip()
    if len(joined) <= chars:
        return joined
    cut = joined.rfind(" ", 0, chars)
    return joined[: cut if cut > chars // 2 else chars]


def term_weights(
    title: str | None, text: str, max_chars: int, stem: int, title_boost: float
) -> dict[str, float]:
    """Sub-linear tf of lower-cased words (>= 3 letters) cut to ``stem`` characters; title words count extra."""
    counts: dict[str, float] = defaultdict(float)
    title = title or ""
    body = text or ""
    if title and body.startswith(title):
        body = body[len(title) :]
    for w in _WORD.findall(body[:max_chars].lower()):
        counts[w[:stem]] += 1.0
    for w in _WORD.findall(title.lower()):
        counts[w[:stem]] += title_boost
    return {t: 1.0 + math.log(c) if c >= 1 else c for t, c in counts.items()}


class Representer:
    """``features(items) -> list[Features]`` for objects with ``id, title, text, lang, published``.

    ``lead_chars``: how much of title + body goes to the dense embedder (cost grows with it);
    ``term_chars``: how much of the body feeds the terms; ``stem``: words are cut to this many characters
    (a cheap language-independent stemmer); ``anchors``: an ``AnchorExtractor`` (a default one if None).
    """

    def __init__(
        self,
        embedder: Embedder,
        lead_chars: int = 300,
        term_chars: int = 3000,
        stem: int = 6,
        title_boost: float = 2.0,
        anchors: AnchorExtractor | None = None,
    ) -> None:
        self.embedder = embedder
        self.lead_chars = lead_chars
        self.term_chars = term_chars
        self.stem = stem
        self.title_boost = title_boost
        self.anchors = anchors

    def _anchor_extractor(self) -> AnchorExtractor:
        if self.anchors is None:
            self.anchors = AnchorExtractor()
        return self.anchors

    def dense_text(self, item: TitledText) -> str:
        """The text the embedder sees for ``item``: cleaned title plus the lead, about ``lead_chars`` long."""
        return lead_text(clean_title(item.title), item.text, self.lead_chars)

    def features(
        self,
        items: Sequence[ArticleLike],
        duplicates: Sequence[str | None] | None = None,
        cached: Mapping[str, np.ndarray] | None = None,
    ) -> list[Features]:
        """Features of ``items``; ``cached`` maps article ids to dense vectors computed before (not re-embedded)."""
        if not items:
            return []
        titles = [clean_title(it.title) for it in items]
        cached = cached or {}
        todo = [k for k, it in enumerate(items) if it.id not in cached]
        fresh = self.embedder.embed([self.dense_text(items[k]) for k in todo])
        vectors = dict(zip(todo, fresh, strict=True))
        dense = [vectors[k] if k in vectors else cached[it.id] for k, it in enumerate(items)]
        extractor = self._anchor_extractor()
        out = []
        for k, it in enumerate(items):
            title = titles[k]
            text = it.text or ""
            if it.title and title and title != it.title and text.startswith(it.title):
                text = text[len(it.title) :]  # a title-only row repeats the title as text
            out.append(
                Features(
                    article_id=it.id,
                    published=parse_time(it.published),
                    lang=it.lang,
                    dense=dense[k],
                    terms=term_weights(title, text, self.term_chars, self.stem, self.title_boost),
                    anchors=extractor.extract(title, text),
                    duplicate_story=duplicates[k] if duplicates is not None else None,
                )
            )
        return out
