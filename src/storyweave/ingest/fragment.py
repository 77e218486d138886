"""HTML fragments (a feed entry's content, a JSON ``content_html``) to text, and HTML entities to characters.

A fragment is already the article body, not a whole page: it needs no main-content extraction (which would throw
away a post of line breaks or list items), only its text with one line per paragraph, heading, list item or
``<br>``-separated line. Images, scripts, styles, embeds and forms have no text to give.
"""

from __future__ import annotations

import html
import re
from typing import Any

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<[^>]*>")
# markup that only HTML has: an opening or closing tag of HTML's own vocabulary, or a comment (not "<3", "a < b")
_MARKUP = re.compile(
    r"<(?:/?(?:p|br|div|span|a|b|i|em|strong|u|s|sup|sub|small|li|ul|ol|h[1-6]|img|figure|figcaption|blockquote"
    r"|table|tr|td|th|pre|code|hr|section|article|header|footer|iframe|video|audio|source|picture|q|cite|mark"
    r"|abbr|time|dl|dt|dd|font|center|script|style|noscript)(?:\s[^<>]*)?/?>|!--)",
    re.IGNORECASE,
)
_BLOCK = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table thead tbody tfoot tr section article header"
    " footer aside main nav figure figcaption address details summary hr center caption".split()
)
_CELL = frozenset({"td", "th"})
_NO_TEXT = frozenset(
    "script style noscript template iframe object embed svg math video audio canvas form button select option"
    " textarea input img picture source head title".split()
)


def decode_entities(text: str, keep_markup: bool = False) -> str:
    """``text`` with its HTML character references (``&#8217;``, ``&amp;``, ``&eacute;``) as characters.

    Only references ending in ``;`` count, so ``AT&T`` or ``&notice`` stay as they are. Doubly escaped references
    (``&amp;#8217;``, as some publishing systems write) are decoded too. ``keep_markup``: leave the references
    for ``<`` and ``>`` alone, so that plain text never gains tags.
    """

    def one(match: re.Match[str]) -> str:
        char = html.unescape(match.group(0))
        return match.group(0) if keep_markup and char in ("<", ">") else char

    for _ in range(3):
        if "&" not in text:
            break
        decoded = _ENTITY.sub(one, text)
        if decoded == text:
            break
        text = decoded
    return text


def looks_like_markup(text: str) -> bool:
    """Whether ``text`` holds HTML tags (not just a ``<`` or an angle-bracketed word)."""
    return "<" in text and _MARKUP.search(text) is not None


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: one line per block (paragraph, heading, list item, ``<br>`` line)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _lines(_TAG.sub("\n", fragment).replace("\r", ""), decode=True)
    parts: list[str] = []
    _walk(root, parts, in_pre=False)
    return _lines("".join(parts), decode=True)


def inline_text(value: str | None) -> str | None:
    """A title, name or label as one line of text: tags dropped, entities decoded, spaces squashed; None if empty."""
    if value is None:
        return None
    if looks_like_markup(value):
        value = fragment_text(value).replace("\n", " ")
    value = " ".join(decode_entities(value).split())
    return value or None


def _walk(element: Any, parts: list[str], in_pre: bool) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None  # comments have a function as tag
    if tag is not None and tag not in _NO_TEXT:
        pre = in_pre or tag == "pre"
        if tag in _BLOCK or tag == "br":
            parts.append("\n")
        elif tag in _CELL:
            parts.append(" ")
        if element.text:
            parts.append(_flow(element.text, pre))
        for child in element:
            _walk(child, parts, pre)
        if tag in _BLOCK:
            parts.append("\n")
    if element.tail:
        parts.append(_flow(element.tail, in_pre))


def _flow(text: str, in_pre: bool) -> str:
    """Source line breaks are spaces, except inside ``<pre>``."""
    return text if in_pre else text.replace("\r", " ").replace("\n", " ")


def _lines(text: str, decode: bool) -> str:
    if decode:
        text = decode_entities(text, keep_markup=True)
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
