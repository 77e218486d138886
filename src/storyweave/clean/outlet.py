"""The outlet of an article: metadata, else the URL's registered domain, else the text's self-references."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

# second-level public suffixes common in news hosts ("bbc.co.uk", "smh.com.au"); not the full public suffix list
_SECOND_LEVEL = frozenset(
    """
    co.uk org.uk ac.uk gov.uk ltd.uk me.uk com.au net.au org.au gov.au co.nz org.nz net.nz co.jp ne.jp or.jp
    com.br org.br gov.br com.ar com.mx com.tr org.tr gov.tr gen.tr com.co com.pe com.ve com.uy com.ec co.za
    co.in net.in org.in com.cn com.hk com.tw co.kr or.kr com.sg com.my com.ph com.pk com.ng com.eg com.sa
    com.ua org.ua in.ua net.ua com.ru msk.ru spb.ru com.pl net.pl com.es com.pt co.il org.il co.ke co.id
    or.id ac.id com.vn com.bd com.lb com.qa com.kw com.jo com.cy co.th in.th
    """.split()
)
_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "edition.", "news.")


def registered_domain(url_or_host: str | None) -> str | None:
    """'https://www.reuters.com/x' -> 'reuters.com'; 'news.bbc.co.uk' -> 'bbc.co.uk'; None if there is no host."""
    if not url_or_host:
        return None
    text = url_or_host.strip()
    host = urlsplit(text if "//" in text else "//" + text).hostname
    if not host or "." not in host:
        return None
    host = host.lower().rstrip(".")
    if re.fullmatch(r"[\d.]+", host):
        return host
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def normalize_outlet(name: str | None) -> str | None:
    """Display-stable outlet: hosts lower-cased without 'www.', names with collapsed spaces."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" -|·•:")
    if not name:
        return None
    if " " not in name and "." in name and re.fullmatch(r"[\w.-]+(?::\d+)?(?:/.*)?|https?://\S+", name):
        host = registered_domain(name)
        if host:
            return host
    return name


class OutletFinder:
    """``find(outlet, site_name, url, lines)`` -> outlet string or None. Patterns are compiled on first use."""

    def __init__(self, max_lines: int = 400):
        self.max_lines = max_lines
        self._rx: list[re.Pattern[str]] | None = None

    def _patterns(self) -> list[re.Pattern[str]]:
        if self._rx is None:
            upper = r"[^\W\d_a-zß-ÿа-я]"  # a capital letter (Latin, Cyrillic, Greek...) or '@'
            connector = (
                r"(?:de|del|della|di|da|do|dos|du|des|la|le|van|von|der|den|het|of|the|and|für|y|e|i|et|und)"
            )
            name = (
                rf"(?P<name>(?:{upper}|@)[\w.&'’-]*(?:\s+(?:{connector}\s+)?(?:{upper}|\d)[\w.&'’-]*){{0,4}})"
            )
            platforms = (
                r"(?i:Telegram|Twitter|X|Facebook|Instagram|YouTube|TikTok|VK|WhatsApp|LinkedIn|Threads)"
            )
            self._rx = [
                re.compile(rf"\bAt\s+{name}\s*,\s*we\s+are\s+answerable\s+only\s+to\b"),
                re.compile(rf"\b(?i:follow|like|find|join)\s+{name}\s+(?i:on|at)\s+{platforms}\b"),
                re.compile(rf"\b(?i:subscribe to)\s+{name}\s+(?i:on)\s+{platforms}\b"),
                re.compile(
                    rf"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?{name}(?=\s*[.,|(]|\s+(?:All|Inc|LLC|Ltd|-|–)|\s*$)"
                ),
                re.compile(rf"(?:19|20)\d\d\s+{name}\.?\s+All rights reserved"),
                re.compile(rf"^{upper}[\w .,'’-]{{0,60}}\((?P<name>{upper}[\w.&' -]{{1,30}})\)\s*[-–—]"),
            ]
        return self._rx

    def find(
        self, outlet: str | None, site_name: str | None, url: str | None, lines: Sequence[str] = ()
    ) -> str | None:
        for candidate in (outlet, site_name):
            found = normalize_outlet(candidate)
            if found:
                return found
        host = registered_domain(url)
        if host:
            return host
        return self.from_text(lines)

    def from_text(self, lines: Sequence[str]) -> str | None:
        patterns = self._patterns()
        window = list(lines[: self.max_lines])
        for rank, rx in enumerate(patterns):
            scan = window[:6] if rank == len(patterns) - 1 else window
            for line in scan:
                m = rx.search(line)
                if m:
                    name = m.group("name").strip(" .,-").lstrip("@")
                    name = re.sub(r"\s+(?:Inc|LLC|Ltd|Corp|Corporation|Group)\.?$", "", name)
                    if name and name.lower() not in {"us", "the", "all", "our", "me"}:
                        return normalize_outlet(name)
        return None
