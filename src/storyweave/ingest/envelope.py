"""Top-level JSON objects that wrap the articles: news-API responses, JSON Feed, API and scraper dumps.

``{"status": "ok", "totalResults": 2, "articles": [...]}`` is two articles, not one article without text. An object
is such an envelope when it has no full-text field of its own and holds an array under one of :data:`ARRAY_KEYS`,
directly or in an object one level down (``{"response": {"results": [...]}}``). What the envelope says about all
its items (a JSON Feed's title and language, a dump's outlet) fills what an item does not say. An API's error
response (``"status": "error"``) is an error, not an empty input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from storyweave.errors import InputError
from storyweave.ingest.fields import field_value, is_text_name, normalise_name

ARRAY_KEYS: tuple[str, ...] = ("articles", "items", "results", "data", "entries", "posts", "stories")
_ERROR_STATUSES = ("error", "fail", "failed", "failure")
_JSON_FEED = "https://jsonfeed.org/version/"


@dataclass(frozen=True)
class Envelope:
    items: list[Any]
    defaults: Mapping[str, Any] = field(default_factory=dict)  # canonical field -> value for every item


def unwrap(value: Mapping[str, Any], depth: int = 2) -> Envelope | None:
    """The items ``value`` wraps, or None when it is one article (or unknown: the caller reads it as one).

    Raise :class:`InputError` for an API error response.
    """
    if any(isinstance(key, str) and is_text_name(key, summary=False) for key in value):
        return None
    by_name = {normalise_name(key): key for key in value if isinstance(key, str)}
    status = value.get(by_name.get("status", ""))
    if isinstance(status, str) and status.strip().lower() in _ERROR_STATUSES:
        raise InputError(f"the input is an error response, not articles: {_error_message(value, by_name)}")
    for name in ARRAY_KEYS:
        items = value.get(by_name.get(name, ""))
        if isinstance(items, list):
            return Envelope(items, _defaults(value))
    if depth > 1:
        for inner in value.values():
            if isinstance(inner, dict):
                found = unwrap(inner, depth - 1)
                if found is not None:
                    return Envelope(found.items, {**_defaults(value), **found.defaults})
    return None


def _defaults(value: Mapping[str, Any]) -> dict[str, Any]:
    version = value.get("version")
    if isinstance(version, str) and version.startswith(_JSON_FEED):  # jsonfeed.org, versions 1 and 1.1
        found = {
            "outlet": value.get("title"),
            "lang": value.get("language"),
            "authors": value.get("authors") or value.get("author"),
        }
    else:
        found = {name: field_value(value, name) for name in ("outlet", "lang")}
    return {
        name: given
        for name, given in found.items()
        if given and (isinstance(given, str) or (name == "authors" and isinstance(given, (list, dict))))
    }


def _error_message(value: Mapping[str, Any], by_name: Mapping[str, str]) -> str:
    parts = []
    for name in ("code", "message", "error"):
        given = value.get(by_name.get(name, ""))
        if isinstance(given, dict):
            given = given.get("message")
        if isinstance(given, (str, int)) and str(given).strip():
            parts.append(str(given).strip())
    return ": ".join(parts) or "no message"
