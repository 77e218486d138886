"""Whole HTML pages -> body text (paragraphs as lines) and metadata, with trafilatura and htmldate."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyweave.ingest.fragment import inline_text

logger = logging.getLogger(__name__)

_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish_date", "publish-date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "published_time", "cxenseparse:recs:publishtime",
)  # fmt: skip
_SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher", "copyright")
_TARGETS = ("href", "src", "srcset", "action", "data-src", "data-href", "data-url")  # links name other pages
_DATA_TAGS = frozenset({"script", "time", "meta"})  # JSON-LD and machine-readable dates stay whole
_TEXT_BLOCKS = ("p", "li", "blockquote", "td", "dd", "figcaption", "h2", "h3", "h4", "h5", "h6", "pre")
_SENTENCE_WORDS = (
    12  # text longer than this, or ending like a sentence, is the article's: its dates are events
)
_SENTENCE_ENDS = (".", "!", "?", "…", "。", '"', "”", "»")


@dataclass(frozen=True)
class PageContent:
    text: str  # paragraphs, one per line
    title: str | None
    authors: tuple[str, ...]
    site_name: str | None
    url: str | None
    date: str | None  # the raw date string found in metadata (not yet normalised)
    date_source: str | None  # "meta", "json-ld", "time", "htmldate"
    lang: str | None


def _walk_json(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk_json(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_json(value)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _without_body_dates(tree: Any) -> Any:
    """A copy of ``tree`` whose body has no link or media targets, no link texts and no sentences: what is left for
    a date search is metadata, date and time elements, labels ("Published 19 Nov 2019") and the page's own URL."""
    from copy import deepcopy

    copy = deepcopy(tree)
    body = copy.find(".//body")
    root = body if body is not None else copy
    for element in root.iter():
        if isinstance(element.tag, str):
            for name in _TARGETS:
                element.attrib.pop(name, None)
    sentences = [el for el in root.iter(*_TEXT_BLOCKS) if _is_sentence(el.text_content())]
    links = [el for el in root.iter("a") if el.find(".//time") is None]  # a link's text names another page
    for element in sentences + links:
        for child in list(element):
            element.remove(child)
        element.text = ""
    for element in root.iter():  # loose text outside paragraphs
        if isinstance(element.tag, str) and element.tag not in _DATA_TAGS:
            if element.text and _is_sentence(element.text):
                element.text = ""
            if element.tail and _is_sentence(element.tail):
                element.tail = ""
    return copy


def _is_sentence(text: str) -> bool:
    words = len(text.split())
    return words > _SENTENCE_WORDS or (words > 5 and text.rstrip().endswith(_SENTENCE_ENDS))


class HtmlExtractor:
    """``extract(html, url)`` -> :class:`PageContent`. Uses trafilatura with its fallback extractors and its
    precision setting, tables kept, comments left out (best of the settings measured on aeb-pages, see
    docs/benchmarks.md)."""

    def __init__(self, with_htmldate: bool = True):
        self.with_htmldate = with_htmldate

    def extract(self, html: str, url: str | None = None) -> PageContent:
        from lxml import html as lxml_html
        from lxml.etree import ParserError

        try:
            tree = lxml_html.fromstring(html)
        except (ParserError, ValueError):
            return PageContent("", None, (), None, url, None, None, None)
        meta = self._metadata(tree)
        body = self._body(tree, url)
        date, source = meta.get("date"), meta.get("date_source")
        if date is None and self.with_htmldate:
            date, source = self._htmldate(tree, url), "htmldate"
        title = inline_text(meta.get("title") or (body.title if body is not None else None))
        authors = tuple(meta.get("authors") or ())
        if not authors and body is not None and body.author:
            authors = tuple(a.strip() for a in body.author.split(";") if a.strip())
        authors = tuple(name for name in map(inline_text, authors) if name)
        site = inline_text(meta.get("site") or (body.sitename if body is not None else None))
        return PageContent(
            text=(body.text or "") if body is not None else "",
            title=title,
            authors=authors,
            site_name=site,
            url=url or meta.get("url"),
            date=date if date else None,
            date_source=source if date else None,
            lang=meta.get("lang"),
        )

    @staticmethod
    def _body(tree: Any, url: str | None) -> Any:
        import trafilatura

        try:
            return trafilatura.bare_extraction(
                tree, url=url, fast=False, favor_precision=True, include_comments=False, include_tables=True,
                include_images=False,
                include_links=False, with_metadata=True, date_extraction_params={"original_date": True, "extensive_search": False},
            )  # fmt: skip
        except (ValueError, TypeError, AttributeError) as exc:  # trafilatura raises on some malformed trees
            logger.debug("trafilatura failed on %s: %s", url, exc)
            return None

    @staticmethod
    def _htmldate(tree: Any, url: str | None) -> str | None:
        """htmldate's date from the page's metadata, date elements and URL (metadata first), never from a link or
        a sentence of the body: it searches a copy without link targets and without sentence-long text."""
        from htmldate import find_date

        try:
            return find_date(
                _without_body_dates(tree), url=url, original_date=True, extensive_search=False,
                deferred_url_extractor=True,
            )  # fmt: skip
        except (ValueError, TypeError) as exc:
            logger.debug("htmldate failed on %s: %s", url, exc)
            return None

    @staticmethod
    def _metadata(tree: Any) -> dict[str, Any]:
        found: dict[str, Any] = {}
        lang = tree.get("lang") or tree.get("xml:lang")
        if lang:
            found["lang"] = lang
        metas: dict[str, str] = {}
        for el in tree.iterfind(".//meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            content = (el.get("content") or "").strip()
            if key and content and key not in metas:
                metas[key] = content
        authors: list[str] = []
        for script in tree.iterfind(".//script"):
            if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
                continue
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for node in _walk_json(data):
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if not any(
                    isinstance(k, str) and ("Article" in k or k in ("Report", "BlogPosting", "WebPage"))
                    for k in kinds
                ):
                    continue
                if "date" not in found and isinstance(node.get("datePublished"), str):
                    found["date"], found["date_source"] = node["datePublished"], "json-ld"
                if not authors:
                    authors = _names(node.get("author"))
                if "title" not in found and isinstance(node.get("headline"), str):
                    found["title"] = node["headline"].strip()
                publisher = node.get("publisher")
                if "site" not in found and _names(publisher):
                    found["site"] = _names(publisher)[0]
        if "date" not in found:
            for key in _DATE_META:
                if key in metas:
                    found["date"], found["date_source"] = metas[key], "meta"
                    break
        if "date" not in found:
            for el in tree.iterfind(".//time"):
                value = el.get("datetime")
                if value and (
                    el.get("pubdate") is not None
                    or "publish" in (el.get("class") or "")
                    or el.get("itemprop") == "datePublished"
                ):
                    found["date"], found["date_source"] = value, "time"
                    break
        if not authors:
            authors = [
                metas[k]
                for k in ("author", "article:author", "sailthru.author", "dc.creator")
                if k in metas and "://" not in metas[k]
            ][:1]
        found["authors"] = [a.strip() for a in authors if a and a.strip()]
        title = metas.get("og:title") or metas.get("twitter:title")
        if "title" not in found and title:
            found["title"] = title
        for key in _SITE_META:
            if key in metas and "site" not in found and not metas[key].startswith("@"):
                found["site"] = metas[key]
        if metas.get("og:url"):
            found["url"] = metas["og:url"]
        return found
