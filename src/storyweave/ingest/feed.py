"""RSS and Atom feeds via feedparser: one document per entry."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.streams import read_limited
from storyweave.models import ItemError, RawDocument

# the root element, after any XML declaration, processing instructions, comments and doctype
_FEED_START = re.compile(
    rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE | re.DOTALL
)
_MARKUP = re.compile(r"<[a-zA-Z!/][^>]*>")


def _reason(error: BaseException | None) -> str:
    if error is None:
        return "malformed feed"
    get_message = getattr(error, "getMessage", None)  # xml.sax errors: the message without a position
    message = get_message() if callable(get_message) else str(error)
    return f"malformed feed: {message.lower()}"


def _body(entry: Any) -> tuple[str | None, str | None]:
    """``(text, html)``: the fullest content the entry has, as html when it holds markup."""
    value = None
    for content in entry.get("content") or ():
        if content.get("value"):
            value = content["value"]
            break
    if value is None:
        value = entry.get("summary")
    if not value:
        return None, None
    return (None, value) if _MARKUP.search(value) else (value, None)


def _authors(entry: Any) -> tuple[str, ...]:
    given = [author.get("name") for author in entry.get("authors") or () if isinstance(author, dict)]
    names: list[str] = [name.strip() for name in given if isinstance(name, str) and name.strip()]
    if not names and entry.get("author"):
        names = [entry["author"].strip()]
    return tuple(names)


def _lang(entry: Any, feed: Any) -> str | None:
    for detail in [*(entry.get("content") or ()), entry.get("summary_detail"), entry.get("title_detail")]:
        if detail and detail.get("language"):
            return str(detail["language"])
    return feed.get("language") or None


class FeedReader(Reader):
    format = "feed"
    extensions = (".rss", ".atom", ".xml", ".rdf")

    def __init__(self, max_bytes: int = 50 * MB) -> None:
        self.max_bytes = max_bytes

    def sniff(self, head: bytes) -> bool:
        return _FEED_START.match(head[:8192].lstrip(b"\xef\xbb\xbf")) is not None

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        data = read_limited(stream, self.max_bytes, "feed")
        parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never treats it as a URL
        if not parsed.entries:
            if parsed.get("bozo"):
                raise InputError(_reason(parsed.get("bozo_exception")))
            if not parsed.get("version"):
                raise InputError("not an rss or atom feed")
            return
        feed = parsed.feed
        for number, entry in enumerate(parsed.entries, 1):
            text, html = _body(entry)
            tags = [tag.get("term") for tag in entry.get("tags") or () if tag.get("term")]
            yield RawDocument(
                source=source,
                format=self.format,
                line=number,
                source_id=entry.get("id") or None,
                title=entry.get("title") or None,
                text=text,
                html=html,
                date=entry.get("published") or entry.get("updated") or None,
                outlet=feed.get("title") or None,
                url=entry.get("link") or None,
                lang=_lang(entry, feed),
                authors=_authors(entry),
                extra={"tags": tags} if tags else {},
            )
