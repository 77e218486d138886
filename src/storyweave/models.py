"""The nouns every step shares. Frozen dataclasses, no behaviour beyond small conveniences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias


@dataclass(frozen=True)
class RawDocument:
    """One item as a reader found it, before cleaning.

    A reader fills ``text`` (plain text as scraped) or ``html`` (a whole page), or both; every other
    field is what the input itself said, unparsed (``date`` is the raw string).
    """

    source: str  # the file path, "-" for standard input, "path.warc.gz#record" style for archives
    format: str  # "text", "html", "jsonl", "json", "csv", "feed", "warc"
    line: int | None = None  # 1-based line (jsonl/csv) or entry number (feed/warc/json array)
    source_id: str | None = None  # the id the input gave
    title: str | None = None
    text: str | None = None
    html: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    authors: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)  # unknown input fields, kept as given
    captured: str | None = (
        None  # when an archive fetched the page (WARC-Date), raw: the last fallback for a date
    )

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(frozen=True)
class ItemError:
    """One input item that could not be read; reported as ``path[:line]: reason``."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class SkippedItem:
    """One input that is not an article (an image, a log, the store itself); reported as ``path: skipped: reason``.

    Not a failure: ``ingest`` counts it as ``skipped`` and still exits 0.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: skipped: {self.reason}"


InputItem: TypeAlias = (
    RawDocument | ItemError | SkippedItem
)  # what readers yield and ``Pipeline.ingest`` takes


@dataclass(frozen=True)
class CleanResult:
    """What cleaning and description make of one RawDocument."""

    title: str | None
    text: str
    lang: str | None
    published: str | None  # ISO 8601, or None rather than wrong
    outlet: str | None
    authors: tuple[str, ...]
    url: str | None
    removed: tuple[str, ...]  # the lines cleaning took out, in order
    outlet_name: str | None = None  # the outlet's display name beside its key ``outlet`` (clean.outlet)
    removed_reasons: tuple[str, ...] = ()  # why each line of ``removed`` was taken out, in the same order


@dataclass(frozen=True)
class Article:
    """A clean, described article as the store keeps it."""

    id: str
    source_id: str
    title: str | None
    text: str
    lang: str | None
    published: str | None
    outlet: str | None
    authors: tuple[str, ...] = ()
    url: str | None = None
    duplicate_of: str | None = None
    removed: tuple[str, ...] = ()
    story_id: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    ingested: str | None = None
    outlet_name: str | None = None  # display name of the outlet; ``outlet`` is its key (a registered domain)
    removed_reasons: tuple[str, ...] = ()  # why each line of ``removed`` was taken out ("" where not known)

    def removed_lines(self) -> list[dict[str, str | None]]:
        """The removed lines with their reasons, as the JSON views give them."""
        reasons = self.removed_reasons if len(self.removed_reasons) == len(self.removed) else ()
        return [
            {"line": line, "reason": (reasons[i] or None) if reasons else None}
            for i, line in enumerate(self.removed)
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "title": self.title,
            "text": self.text,
            "lang": self.lang,
            "published": self.published,
            "outlet": self.outlet,
            "outlet_name": self.outlet_name,
            "authors": list(self.authors),
            "url": self.url,
            "duplicate_of": self.duplicate_of,
            "story_id": self.story_id,
            "removed": self.removed_lines(),
            "extra": dict(self.extra),
        }


@dataclass(frozen=True)
class Story:
    id: str
    title: str | None
    size: int
    languages: tuple[str, ...]
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    article_ids: tuple[str, ...]
    merged_into: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "size": self.size,
            "languages": list(self.languages),
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "article_ids": list(self.article_ids),
        }
