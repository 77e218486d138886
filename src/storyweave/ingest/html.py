"""One HTML page per file. The cleaner extracts title, body and date; this only decodes it and
reads the cheap metadata in ``<head>``: canonical URL, site name and language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import BinaryIO

from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import declared_charset, decode_text
from storyweave.ingest.fragment import inline_text
from storyweave.ingest.streams import read_limited
from storyweave.models import ItemError, RawDocument

_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title)[\s>/]")
_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)
_HEAD_SCAN = 256 * 1024  # no more than this is parsed for metadata


class _HeadMetadata(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.site_name: str | None = None
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "html":
            self.lang = self.lang or found.get("lang") or found.get("xml:lang") or None
        elif tag == "link" and "canonical" in found.get("rel", "").lower().split():
            self.canonical = self.canonical or found.get("href") or None
        elif tag == "meta":
            key = (found.get("property") or found.get("name") or "").lower()
            if key == "og:url":
                self.og_url = self.og_url or found.get("content") or None
            elif key == "og:site_name":
                self.site_name = self.site_name or found.get("content") or None
            elif found.get("http-equiv", "").lower() == "content-language" and not self.lang:
                self.lang = found.get("content", "").split(",")[0].strip() or None


def head_metadata(page: str) -> tuple[str | None, str | None, str | None]:
    """``(url, outlet, lang)`` from the page's ``<head>``; ``None`` where the page does not say."""
    end = _HEAD_END.search(page, 0, _HEAD_SCAN)
    parser = _HeadMetadata()
    try:
        parser.feed(page[: end.start() if end else _HEAD_SCAN])
        parser.close()
    except (AssertionError, ValueError):  # older html.parser versions on broken declarations
        pass
    return parser.canonical or parser.og_url, inline_text(parser.site_name), parser.lang


def looks_like_html(head: bytes) -> bool:
    """Markup first, and an html, head, body, meta or title tag near the start."""
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(b"<") and _HTML_START.search(start) is not None


class HtmlReader(Reader):
    format = "html"
    extensions = (".html", ".htm", ".xhtml", ".shtml")

    def __init__(self, max_bytes: int = 20 * MB) -> None:
        self.max_bytes = max_bytes

    def sniff(self, head: bytes) -> bool:
        return looks_like_html(head)

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        data = read_limited(stream, self.max_bytes, "file for one article")
        page = decode_text(data, declared_charset(data))
        url, outlet, lang = head_metadata(page)
        yield RawDocument(source=source, format=self.format, html=page, url=url, outlet=outlet, lang=lang)
