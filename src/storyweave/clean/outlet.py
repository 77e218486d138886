"""The outlet of an article: one canonical key per site and a display name beside it.

The **key** is the registered domain (``nytimes.com``, ``bbc.co.uk``; from the public suffix list that the
``publicsuffixlist`` package ships, never downloaded) whenever a domain is known: a domain or URL given as the outlet
or site name, else the article's URL. Without one, the key is the normalised name (:func:`name_key`: the name's
letters and digits, case-folded, every other run of characters as one space, e.g. ``The Quint`` -> ``the quint``),
or, when the only clue is a social handle, the handle without its ``@``, case-folded. A key holds a dot only when it
is a domain.

The **name** is what the input calls the outlet (an outlet or site-name field, a feed's title, a dump's
``source.name``), entities decoded, else a name the text gives itself (``Follow The Quint on Instagram``,
``© 2016 Diario del Aire``, ``— The Quint (@TheQuint)``), else None. A copyright line, a handle, an abbreviation
such as ``U.S.`` or a URL is never a name.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList


@dataclass(frozen=True)
class Outlet:
    key: str  # "nytimes.com", or a name key ("the quint") when no domain is known
    name: str | None = None  # "The New York Times"; None when only the domain is known


@functools.cache
def _suffixes() -> PublicSuffixList:
    """The public suffix list shipped in the package, parsed once (a read-only table, like a compiled pattern)."""
    return PublicSuffixList()


_ARCHIVED = re.compile(r"^(?:https?://)?(?:web\.)?archive\.org/web/\d+[a-z_]*/(.+)$", re.I)
_IP = re.compile(r"[\d.]+|\[?[0-9a-f:]+\]?")
_NON_WORD = re.compile(r"[\W_]+")


def registered_domain(url_or_host: str | None) -> str | None:
    """'https://www.reuters.com/x' -> 'reuters.com'; 'news.bbc.co.uk' -> 'bbc.co.uk'; None if there is no host.

    A URL with a scheme may end in a suffix the list does not know (``.example``, ``.local``): the last two labels
    then. A bare host must end in a known public suffix, so that ``U.S`` or ``St.Louis`` is not a domain. An
    archive.org capture URL stands for the page it captured.
    """
    if not url_or_host:
        return None
    text = url_or_host.strip()
    archived = _ARCHIVED.match(text)
    if archived:
        text = archived.group(1)
    has_scheme = bool(re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I))
    if not has_scheme and (not text or any(c.isspace() for c in text)):
        return None
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname
    except ValueError:  # a malformed IPv6 literal
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".")
    if "xn--" in host:
        try:
            host = host.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            pass
    if _IP.fullmatch(host):
        return host
    return _suffixes().privatesuffix(host, accept_unknown=has_scheme)


def name_key(name: str | None) -> str | None:
    """The key of an outlet known only by name: its letters and digits case-folded, other runs as one space."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKC", html.unescape(name)).casefold()
    return _NON_WORD.sub(" ", folded).strip() or None


def outlet_key(value: str | None) -> str | None:
    """The key a user's outlet value stands for: the registered domain of a domain or URL, else its name key."""
    if not value:
        return None
    value = html.unescape(value).strip()
    return _domain_of(value) or name_key(value.lstrip("@"))


def _domain_of(value: str) -> str | None:
    """The registered domain when ``value`` is a host or URL (not a name that happens to hold a dot)."""
    if "." not in value or (" " in value and "://" not in value):
        return None
    return registered_domain(value)


_HANDLE = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b|\ball rights reserved\b\.?|(?<!\w)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\w)"
    r"|^by\b|^tm\b|^and\b)",
    re.I,
)
_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?")
_NOT_NAMES = frozenset(
    "us the all our me we you home news menu index untitled null none unknown rss feed".split()
)


def display_name(value: str | None) -> str | None:
    """A display name from what the input calls its outlet: entities decoded, spaces collapsed, copyright marks
    and years dropped; None for a handle, a host or URL, an abbreviation ("U.S.") or what is left of a copyright
    line ("Copyright 2014")."""
    if not value:
        return None
    name = " ".join(html.unescape(value).split()).strip(" -|·•:,;")
    if not name or _HANDLE.fullmatch(name) or _domain_of(name) or "://" in name:
        return None
    if _COPYRIGHT_MARK.search(name):
        previous = None
        while previous != name:  # "© Copyright 2014 by CBS" -> "CBS"
            previous = name
            name = _COPYRIGHT.sub(" ", name, count=1).strip(" -|·•:,;.")
            name = " ".join(name.split())
    name = re.sub(r"\s+(?:Inc|LLC|Ltd|Corp|Corporation)\.?$", "", name)
    if (
        not any(c.isalpha() for c in name)
        or _ABBREVIATION.fullmatch(name)
        or name.casefold() in _NOT_NAMES
        or len(name) > 100
    ):
        return None
    return name


def _handle_name(handle: str) -> str | None:
    """'TheQuint' -> 'The Quint'; None for a handle without inner capitals ('politifact'): no way to spell it."""
    parts = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|\d+", handle)
    if len(parts) < 2 or "".join(parts) != handle:
        return None
    return " ".join(parts)


def _fits_domain(name: str, domain: str) -> bool:
    """Whether a name found in the text plausibly names the site ``domain`` ("The Quint" and thequint.com, "The New
    York Times" and nytimes.com), and not a wire service or group whose copyright line a syndicated page carries."""
    label = _NON_WORD.sub("", domain.split(".")[0].casefold())
    words = [w for w in _NON_WORD.split(name.casefold()) if w]
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    squashed = "".join(words)
    if len(label) < 2 or not squashed:
        return False
    initials = "".join(w[0] for w in words)
    return squashed in label or label in squashed or (len(initials) >= 2 and label.startswith(initials))


_PLATFORM = (
    r"(?i:Telegram|Telegramm?e?|Twitter(?:ze)?|X|Facebooku?|Instagram(?:ie)?|YouTube|TikTok|VK|VKontakte|WhatsApp"
    r"|LinkedIn|Threads|Google News|Dzen|Дзен|Телеграм[еа]?|ВКонтакте|Одноклассниках|تيليجرام|تلغرام|تويتر|فيسبوك"
    r"|يوتيوب|إنستغرام)"
)
#: What a line holding a self-reference contains (lower-cased): a copyright mark, a handle, a link, a platform.
_TRIGGERS = (
    "©", "(c)", "copyright", "reserved", "answerable", "@", "://", ".com/", ".me/", ".net/", "takip", "telegram",
    "twitter", "facebook", "instagram", "youtube", "tiktok", "vk", "whatsapp", "linkedin", "threads", "google news",
    "dzen", "дзен", "телеграм", "вконтакте", "одноклассник", "تيليجرام", "تلغرام", "تويتر", "فيسبوك", "يوتيوب",
    "إنستغرام", " x ", " x.",
)  # fmt: skip


def _may_refer(line: str) -> bool:
    """Whether a line may hold a self-reference (a cheap test: most lines of an article hold none)."""
    low = line.lower()
    return low.endswith(" x") or any(t in low for t in _TRIGGERS)


_SOCIAL_URL = re.compile(
    r"(?:https?://)?(?:www\.|m\.|mobile\.)?(?<![\w-])"  # not the end of another host ("fox.com")
    r"(?P<site>twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|youtube\.com|t\.me|tiktok\.com|vk\.com"
    r"|threads\.net|linkedin\.com/company|telegram\.me)"
    r"/(?:(?:c|user|channel|s)/)?@?(?P<account>[A-Za-z0-9_.]{2,40}?)/?(?=[\s)\]>\"'?#]|$)",
    re.I,
)
_NOT_ACCOUNTS = frozenset(
    "share sharer intent home search hashtag watch embed i status explore p reel tv login signup plugins "
    "dialog groups events pages profile.php story.php photo.php video.php playlist results joinchat addstickers "
    "s".split()
)
_EMBED_SIGNATURE = re.compile(
    r"(?:^|[—–-]\s*)(?P<name>[^\s(@][^()@]{0,60}?)\s*\(@(?P<handle>[A-Za-z0-9_]{2,30})\)"
)
_POST_START = re.compile(r"^@(?P<handle>[A-Za-z0-9_]{2,30})\b[:\s]")


class OutletFinder:
    """``find(outlet, site_name, url, lines)`` -> :class:`Outlet` or None. Patterns are compiled on first use."""

    def __init__(self, max_lines: int = 400):
        self.max_lines = max_lines
        self._rx: list[re.Pattern[str]] | None = None
        self._turkish = -1  # the rank of the Turkish pattern, whose names carry a case ending

    def _patterns(self) -> list[re.Pattern[str]]:
        if self._rx is None:
            upper = r"[^\W\d_a-zß-ÿа-я]"  # a capital letter (Latin, Cyrillic, Greek...) or '@'
            connector = (
                r"(?:de|del|della|di|da|do|dos|du|des|la|le|van|von|der|den|het|of|the|and|für|y|e|i|et|und)"
            )
            word = rf"(?:{upper}|@)[\w.&'’-]*"
            name = rf"(?P<name>{word}(?:\s+(?:{connector}\s+)?(?:{upper}|\d)[\w.&'’-]*){{0,6}})"
            quoted = r"[«\"“„](?P<quoted>[^»\"”“]{2,40})[»\"”“]"
            arabic = r"(?P<arabic>[\u0600-\u06ff][\u0600-\u06ff\s]{1,40}?)"
            platform = _PLATFORM
            # "follow <outlet> on <app>" and its translations (the "follow us" forms name no outlet)
            follow = [
                (r"(?i:follow|like|find|join)", r"(?i:on|at)"),
                (r"(?i:subscribe to)", r"(?i:on)"),
                (r"(?i:suivez|rejoignez|abonnez-vous à)", r"(?i:sur)"),
                (r"(?i:folgen Sie|folgt|abonnieren Sie)", r"(?i:auf|bei)"),
                (r"(?i:sigue a|siga a)", r"(?i:en)"),
                (r"(?i:segui|seguite)", r"(?i:su)"),
                (r"(?i:siga|segue|acompanhe)", r"(?i:no|na|nos)"),
                (r"(?i:volg)", r"(?i:op)"),
                (r"(?i:obserwuj|śledź)", r"(?i:na|w)"),
                (r"(?i:подписывайтесь на|подпишитесь на|читайте)", r"(?i:в|во)"),
            ]
            self._rx = [
                re.compile(rf"\bAt\s+{name}\s*,\s*we\s+are\s+answerable\s+only\s+to\b"),
                *(
                    re.compile(rf"(?<!\w){verb}\s+(?:{quoted}|{name})\s+{prep}\s+{platform}(?!\w)")
                    for verb, prep in follow
                ),
                re.compile(rf"(?i:تابعوا|تابعونا على|تابع)\s+{arabic}\s+(?:على|عبر)\s+{platform}"),
            ]
            self._turkish = len(self._rx)
            self._rx += [
                re.compile(rf"(?:{quoted}|{name})\s+{platform}['’]?\S*\s+takip edin"),
                re.compile(
                    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:Copyright\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
                    rf"\s*,?\s*)?(?:by\s+)?{name}(?=\s*[.,|(]|\s+(?:All|Inc|LLC|Ltd|-|–)|\s*$)"
                ),
                re.compile(rf"(?:19|20)\d\d\s+{name}\.?\s+All rights reserved"),
                re.compile(rf"^{upper}[\w .,'’-]{{0,60}}\((?P<name>{upper}[\w.&' -]{{1,30}})\)\s*[-–—]"),
            ]
        return self._rx

    def find(
        self, outlet: str | None, site_name: str | None, url: str | None, lines: Sequence[str] = ()
    ) -> Outlet | None:
        """The outlet from what the input says (``outlet``, then ``site_name``), the URL, then the text."""
        domain: str | None = None
        name: str | None = None
        handle: str | None = None
        for value in (outlet, site_name):
            if not value:
                continue
            value = html.unescape(value).strip()
            domain = domain or _domain_of(value)
            name = name or display_name(value)
            if _HANDLE.fullmatch(value):
                handle = handle or value[1:]
        domain = domain or registered_domain(url)
        if name is None:
            found = self.from_text(lines)
            if found is not None:
                if domain is None:
                    return found
                if found.name and (found.key == domain or _fits_domain(found.name, domain)):
                    name = found.name
        if domain:
            return Outlet(domain, name)
        if name:
            return Outlet(name_key(name) or name, name)
        return Outlet(handle.casefold(), None) if handle else None

    def from_text(self, lines: Sequence[str]) -> Outlet | None:
        """The outlet a text names itself: "Follow X on Telegram" (in several languages), "© 2016 X", a dateline's
        "(Reuters) -", else the account its embedded posts and social links share."""
        patterns = self._patterns()
        head = list(lines[:6])
        window = [line for line in lines[: self.max_lines] if _may_refer(line)]
        for rank, rx in enumerate(patterns):
            scan = head if rank == len(patterns) - 1 else window
            for line in scan:
                m = rx.search(line)
                if not m:
                    continue
                found = next(v for k, v in m.groupdict().items() if v and k in ("name", "quoted", "arabic"))
                found = found.strip(" .,-")
                if rank == self._turkish:  # "The Quint'i Twitter'da takip edin": drop the case ending
                    found = re.sub(r"['’][^\W\d_]{1,3}$", "", found)
                if found.startswith("@"):
                    handle = found[1:]
                    return Outlet(handle.casefold(), _handle_name(handle)) if handle else None
                domain = _domain_of(found)
                if domain:
                    return Outlet(domain, found)
                name = display_name(found)
                if name:
                    return Outlet(name_key(name) or name, name)
        return self._from_accounts(window)

    @staticmethod
    def _from_accounts(lines: Sequence[str]) -> Outlet | None:
        """The account that self-references of two kinds name, one of them a link to its profile on a social or
        video site: profiles on two sites, or a profile and embedded posts that start with its handle or are signed
        "— Name (@handle)". Posts of someone else embedded in an article come without links to their profiles."""
        kinds: dict[str, set[str]] = {}
        spelled: dict[str, str] = {}
        signed: dict[str, str] = {}

        def vote(account: str, kind: str) -> None:
            kinds.setdefault(account.casefold(), set()).add(kind)
            spelled.setdefault(account.casefold(), account)

        for line in lines:
            for m in _SOCIAL_URL.finditer(line):
                account = m.group("account").rstrip(".")
                if account.casefold() not in _NOT_ACCOUNTS:
                    vote(account, "profile:" + m.group("site").casefold().split(".")[0])
            for m in _EMBED_SIGNATURE.finditer(line):
                vote(m.group("handle"), "signed")
                name = display_name(m.group("name").strip(' —–-"“”'))
                if name:
                    signed.setdefault(m.group("handle").casefold(), name)
            start = _POST_START.match(line)
            if start and "://" in line:  # a post embedded as text: the handle, the post, its short link
                vote(start.group("handle"), "post")
        strong = [
            account
            for account, seen in kinds.items()
            if len(seen) >= 2 and any(kind.startswith("profile:") for kind in seen)
        ]
        if len(strong) != 1:
            return None
        account = strong[0]
        return Outlet(account, signed.get(account) or _handle_name(spelled[account]))
