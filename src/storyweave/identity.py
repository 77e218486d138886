"""Who an input item is: the identity under which it is stored, and the hash of what it says.

An identity is **strong** when the input names the article: an ``id`` field, or else a URL (normalised, so that the
same page under tracking parameters, another scheme or ``www.`` is one identity). New content under a strong identity
is a new version of the same article (an update). An identity is **weak** when only the item's place in the input
names it: a file path (resolved to one canonical form, so a relative path, an absolute one and a symbolic link
agree), a line or record number, or standard input. A weak identity never hides different content: new content
under it is a different article.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storyweave.models import RawDocument

#: query parameters that only say where a reader came from; dropped from URLs before they identify a page
#: (only names that never select content: a parameter such as ``id`` or ``cid`` can name the article itself)
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_ga",
        "ocid",
        "cmpid",
        "ito",
        "ref",
        "ref_src",
        "ref_url",
        "smid",
        "smtyp",
        "ncid",
        "soc_src",
        "soc_trk",
        "sr_share",
        "wt_mc",
        "wt.mc_id",
    }
)
_TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_")


@dataclass(frozen=True)
class Identity:
    """``key``: what the store looks an item up by; ``strong``: whether the input itself named the article;
    ``kind``: ``"id"``, ``"url"`` or ``"place"``."""

    key: str
    strong: bool
    kind: str


def normalise_url(url: str) -> str | None:
    """The URL without scheme, ``www.``, default port, fragment, tracking parameters and trailing slash, with the
    host lower-cased and the remaining parameters sorted; None when it is not an absolute http(s) URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return None
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if not host:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(_TRACKING_PREFIXES)
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("", host, path, urlencode(query), "")).lstrip("/")


def canonical_source(source: str) -> str:
    """One spelling of a file path (absolute, symbolic links resolved); ``-`` (standard input) stays as it is."""
    if source == "-" or not source:
        return source
    return os.path.realpath(source)


def identity_of(raw: RawDocument) -> Identity:
    """The identity of one input item (see the module docstring)."""
    if raw.source_id:
        return Identity(raw.source_id, True, "id")
    if raw.url:
        url = normalise_url(raw.url)
        if url:
            return Identity("url:" + url, True, "url")
    where = canonical_source(raw.source)
    return Identity(f"{where}:{raw.line}" if raw.line is not None else where, False, "place")


def raw_hash(raw: RawDocument) -> str:
    """Hash of everything the item says (not where it was read from, nor under which spelling of its URL): two
    items with the same hash are the same version of an article."""
    payload = {
        "title": raw.title,
        "text": raw.text,
        "html": raw.html,
        "date": raw.date,
        "outlet": raw.outlet,
        "lang": raw.lang,
        "authors": list(raw.authors),
        "id": raw.source_id,
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def version_key(identity: Identity, digest: str) -> str:
    """The source id of a further version stored beside the first one under the same identity."""
    return f"{identity.key}#{digest[:12]}"
