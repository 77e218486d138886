"""RSS and Atom feeds via feedparser: one document per entry.

An entry's content is an HTML fragment that is already the article body: it becomes ``text`` here (one line per
paragraph, heading, list item or ``<br>`` line), not ``html``, which is for whole pages that need their main
content found. A feed that declares no encoding and is not UTF-8 is decoded with a detected one; a feed cut short
keeps its complete entries, and each cut entry and the feed itself fail with the reason.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from storyweave.errors import InputError
from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import bom_encoding, guess_encoding, known_encoding
from storyweave.ingest.fragment import decode_entities, fragment_text, inline_text
from storyweave.ingest.streams import read_limited
from storyweave.models import ItemError, RawDocument

# the root element, after any XML declaration, processing instructions, comments and doctype
_FEED_START = re.compile(
    rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE | re.DOTALL
)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:entry|item)\s*>", re.IGNORECASE)
_ROOT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>", re.IGNORECASE)
_PLAIN = ("text/plain",)


def _reason(error: BaseException | None) -> str:
    if error is None:
        return "malformed feed"
    get_message = getattr(error, "getMessage", None)  # xml.sax errors: the message without a position
    message = get_message() if callable(get_message) else str(error)
    return f"malformed feed: {message.lower()}"


def _position(error: BaseException | None) -> str:
    line, column = getattr(error, "getLineNumber", None), getattr(error, "getColumnNumber", None)
    if callable(line) and callable(column) and line() is not None:
        return f" at line {line()}, column {column()}"
    return ""


def as_utf8(data: bytes) -> bytes:
    """The feed as UTF-8 when it declares no encoding (or one its bytes do not fit) and is not UTF-8.

    XML without a declaration is UTF-8 by definition, but feeds in KOI8-R, windows-1251 or latin-1 without one
    are common; feedparser would read them as windows-1252. A byte order mark or a declaration the bytes fit is
    left to feedparser.
    """
    if bom_encoding(data) is not None:
        return data
    declaration = _XML_DECLARATION.match(data)
    named = _DECLARED_ENCODING.search(declaration.group(0)) if declaration else None
    for encoding in (known_encoding(named.group(1).decode("ascii")) if named else None, "utf-8"):
        fitting = _fitting(data, encoding) if encoding else None
        if fitting is not None:
            return fitting
    rest = data[declaration.end() :] if declaration else data
    guessed = guess_encoding(rest)
    if guessed is None:
        return data
    try:
        text = rest.decode(guessed)
    except UnicodeDecodeError:
        return data
    return b'<?xml version="1.0" encoding="utf-8"?>' + text.encode("utf-8")


def _fitting(data: bytes, encoding: str) -> bytes | None:
    """``data`` if it decodes in ``encoding``, less a character cut at the very end (a truncated file); else None."""
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return None
    return text.encode(encoding) if len(text.encode(encoding)) != len(data) else data


def _text(detail: Any) -> str | None:
    """The text of a content, summary or title ``detail`` (value and type): markup turned into lines."""
    value = detail.get("value") if detail else None
    if not value or not isinstance(value, str):
        return None
    if (detail.get("type") or "").lower() in _PLAIN:
        return decode_entities(value, keep_markup=True)
    return fragment_text(value) or None


def _body(entry: Any) -> str | None:
    """The fullest text the entry has: its content, else its summary."""
    for content in entry.get("content") or ():
        text = _text(content)
        if text:
            return text
    return _text(entry.get("summary_detail") or {"value": entry.get("summary"), "type": "text/html"})


def _authors(entry: Any) -> tuple[str, ...]:
    given = [author.get("name") for author in entry.get("authors") or () if isinstance(author, dict)]
    names = [inline_text(name) for name in given if isinstance(name, str)]
    if not any(names) and isinstance(entry.get("author"), str):
        names = [inline_text(entry["author"])]
    return tuple(name for name in names if name)


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
        data = as_utf8(read_limited(stream, self.max_bytes, "feed"))
        parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never treats it as a URL
        error = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if not parsed.entries:
            if error is not None:
                raise InputError(_reason(error))
            if not parsed.get("version"):
                raise InputError("not an rss or atom feed")
            return
        # a feed cut short (a truncated download): feedparser's lenient parser still gives the entries it saw
        cut = error is not None and hasattr(error, "getLineNumber") and _ROOT_END.search(data[-4096:]) is None
        complete = len(_ENTRY_END.findall(data)) if cut else len(parsed.entries)
        feed = parsed.feed
        outlet = inline_text(feed.get("title"))
        for number, entry in enumerate(parsed.entries, 1):
            if number > complete:
                yield ItemError(source, "entry cut short: the feed ends before this entry does", number)
                continue
            tags = [tag.get("term") for tag in entry.get("tags") or () if tag.get("term")]
            yield RawDocument(
                source=source,
                format=self.format,
                line=number,
                source_id=entry.get("id") or None,
                title=inline_text(_text(entry.get("title_detail")) or entry.get("title")),
                text=_body(entry),
                date=entry.get("published") or entry.get("updated") or None,
                outlet=outlet,
                url=entry.get("link") or None,
                lang=_lang(entry, feed),
                authors=_authors(entry),
                extra={"tags": tags} if tags else {},
            )
        if cut:
            where = _reason(error).removeprefix("malformed feed: ") + _position(error)
            raise InputError(f"feed cut short: it ends without its closing tag ({where})")
