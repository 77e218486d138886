"""Map one record (a JSON object, a CSV row) onto a RawDocument: names, aliases, nested objects and value types.

One table, :data:`ALIASES`, says which input names fill which RawDocument field, for what scrapers, news APIs,
JSON Feed and publishing systems write. Names match whatever their case, ``_``, ``-`` or spaces
(``publishedAt`` = ``published_at``); a dotted name looks inside an object (``source.name``: the ``name`` of the
``source`` object). ``summary`` is not a RawDocument field: a description, summary or excerpt becomes the text
only when the record has no full text, and stays in ``extra`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from storyweave.errors import InputError
from storyweave.ingest.fragment import decode_entities, fragment_text, inline_text, looks_like_markup
from storyweave.models import RawDocument

# canonical field -> accepted names, the first present one wins; the others stay in ``extra``
ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "id": ("id", "guid"),
        "title": ("title", "headline", "title.rendered", "webTitle"),
        "text": (
            "text", "body", "content", "content_html", "content_text", "content.rendered", "maintext",
            "article_text", "full_text", "body_text", "fields.bodyText",
        ),
        "html": ("html", "raw_html"),
        "summary": ("description", "summary", "excerpt", "excerpt.rendered", "abstract", "lead", "snippet"),
        "date": (
            "date", "published", "publishedAt", "pubDate", "date_published", "datePublished", "publish_date",
            "publication_date", "pub_date", "published_date", "date_publish", "webPublicationDate", "date_gmt",
            "created_at", "created", "datetime", "timestamp",
        ),
        "outlet": (
            "outlet", "source.name", "source.title", "site_name", "sitename", "source", "site", "source_domain",
            "publisher.name", "publisher", "domain", "hostname",
        ),
        "url": ("url", "link", "webUrl", "canonical_url", "permalink"),
        "lang": ("lang", "language", "inLanguage"),
        "authors": ("authors", "author", "byline", "creator", "author_name"),
    }
)  # fmt: skip
#: the text names an error message suggests (every alias of text, html and summary is accepted)
TEXT_NAMES: tuple[str, ...] = ("text", "body", "content", "html")
_TEXT_FIELDS = ("text", "html", "summary")
_DATE_WRAPPERS = ("$date", "$numberlong")  # MongoDB exports: {"$date": ...}, {"$date": {"$numberLong": ...}}
_AUTHOR_SPLIT = re.compile(r"\s*[,;]\s*")
# news APIs cut "content" to ~200 characters and say so: "... the council said… [+2345 chars]"
_TRUNCATED = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def normalise_name(name: str) -> str:
    """The form names are compared in: lower case, without ``_``, ``-`` and spaces."""
    return re.sub(r"[\s_-]+", "", name.strip().lower())


def _path(name: str) -> tuple[str, ...]:
    return tuple(normalise_name(part) for part in name.split("."))


_PATHS: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {field: tuple(dict.fromkeys(_path(name) for name in names)) for field, names in ALIASES.items()}
)
_TEXT_KEYS = frozenset(path[0] for field in _TEXT_FIELDS for path in _PATHS[field])
_FULL_TEXT_KEYS = frozenset(path[0] for field in ("text", "html") for path in _PATHS[field])
_KNOWN_KEYS = frozenset(path[0] for paths in _PATHS.values() for path in paths if len(path) == 1)


def is_text_name(name: str, summary: bool = True) -> bool:
    """Whether a column or key of this name can hold an article's text: a full text, a page, or (``summary``)
    a description that stands in for a missing text."""
    return normalise_name(name) in (_TEXT_KEYS if summary else _FULL_TEXT_KEYS)


def json_type(value: Any) -> str:
    """The JSON name of a Python value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def missing_text_reason(names: list[str], what: str = "field") -> str:
    found = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
    return f"no text {what} (expected one of: {', '.join(TEXT_NAMES)}); found: {found or 'nothing'}"


def _string(field: str, value: Any, numbers: bool = True) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"field '{field}' must be a string, got {json_type(value)}")


def _date(value: Any) -> str | None:
    """A date as given: a string, a number (epoch seconds or milliseconds, parsed by the cleaner) or a MongoDB
    ``{"$date": ...}`` wrapper around either."""
    for _ in range(2):
        if (
            isinstance(value, dict)
            and len(value) == 1
            and normalise_name(next(iter(value))) in _DATE_WRAPPERS
        ):
            value = next(iter(value.values()))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _string("date", value)


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        names: list[Any] = _AUTHOR_SPLIT.split(value)
    elif isinstance(value, list):
        names = [item.get("name") if isinstance(item, dict) else item for item in value]
    elif isinstance(value, dict):
        names = [value.get("name")]
    else:
        raise InputError(f"field 'authors' must be a string or a list, got {json_type(value)}")
    authors = []
    for name in names:
        if name is None:
            continue
        if not isinstance(name, str):
            raise InputError(f"field 'authors' must hold strings, got {json_type(name)}")
        name = inline_text(name)
        if name:
            authors.append(name)
    return tuple(authors)


def _text(value: Any, field: str) -> str | None:
    """A text field's value as plain text: markup converted, entities decoded, a news API's cut mark dropped."""
    text = _string(field, value, numbers=False)
    if text is None:
        return None
    if looks_like_markup(text):
        return fragment_text(text)
    return _TRUNCATED.sub("", decode_entities(text, keep_markup=True))


def _present(value: Any, blank_is_missing: bool) -> bool:
    return value is not None and not (blank_is_missing and value == "")


def _has_text(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


class _Record:
    """One record's values by normalised name, looked up along alias paths; remembers what was taken."""

    def __init__(self, record: Mapping[str, Any], blank_is_missing: bool) -> None:
        self.record = record
        self.blank_is_missing = blank_is_missing
        self.keys: dict[str, str] = {}
        for key in record:
            self.keys.setdefault(normalise_name(key), key)
        self.taken: dict[
            str, set[str] | None
        ] = {}  # top-level key -> the member keys taken (None: all of it)

    def find(self, field: str) -> tuple[Any, str | None, str | None]:
        """``(value, key, member)`` of the first alias of ``field`` the record has (``member``: the first key
        inside ``key`` for a dotted alias). An object that is the container of a dotted alias (``source`` of
        ``source.name``) is passed over when that alias finds nothing in it."""
        paths = _PATHS[field]
        containers = {path[0] for path in paths if len(path) > 1}
        for path in paths:
            key = self.keys.get(path[0])
            if key is None:
                continue
            value: Any = self.record[key]
            members: list[str] = []
            for part in path[1:]:
                member = (
                    next((k for k in value if normalise_name(k) == part), None)
                    if isinstance(value, dict)
                    else None
                )
                if member is None:
                    break
                members.append(member)
                value = value[member]
            else:
                if len(path) == 1 and isinstance(value, dict) and path[0] in containers:
                    continue
                if _present(value, self.blank_is_missing or field in _TEXT_FIELDS):  # "" text: try the next
                    return value, key, members[0] if members else None
        return None, None, None

    def take(self, key: str | None, member: str | None) -> None:
        if key is None:
            return
        if member is None:
            self.taken[key] = None
        else:
            taken = self.taken.setdefault(key, set())
            if taken is not None:
                taken.add(member)

    def extra(self) -> dict[str, Any]:
        """Unknown fields, known ones that lost to an earlier alias, and the members of a container not taken
        (``source.id`` once ``source.name`` is the outlet); empty known fields are left out."""
        extra: dict[str, Any] = {}
        for key, value in self.record.items():
            taken = self.taken.get(key, set())
            if taken is None:
                continue
            if taken and isinstance(value, dict):
                for member, inner in value.items():
                    if member not in taken and inner is not None:
                        extra[f"{key}.{member}"] = inner
            elif normalise_name(key) not in _KNOWN_KEYS or _present(
                value, self.blank_is_missing or normalise_name(key) in _TEXT_KEYS
            ):
                extra[key] = value
        return extra


def record_to_document(
    record: Mapping[str, Any],
    *,
    source: str,
    format: str,
    line: int | None,
    blank_is_missing: bool = False,
    defaults: Mapping[str, Any] | None = None,
) -> RawDocument:
    """Raise :class:`InputError` (without a line) when the record has no text or a value has the wrong type.

    ``blank_is_missing``: treat empty strings as absent (CSV, where every row has every column). ``defaults``:
    values by canonical field for what the record does not say (a feed's title as the outlet of its items).
    """
    found = _Record(record, blank_is_missing)
    if not any(key in _TEXT_KEYS for key in found.keys):
        raise InputError(missing_text_reason(list(record)))
    values: dict[str, Any] = {}
    for field in ALIASES:
        value, key, member = found.find(field)
        values[field] = value
        if field != "summary":
            found.take(key, member)
    for field, value in (defaults or {}).items():
        if values.get(field) is None:
            values[field] = value
    text = _text(values["text"], "text")
    html = _string("html", values["html"], numbers=False)
    if not _has_text(text) and not _has_text(html) and values["summary"] is not None:
        text = _text(values["summary"], "summary")  # a description only where there is no full text
        found.take(*found.find("summary")[1:])
    return RawDocument(
        source=source,
        format=format,
        line=line,
        source_id=_string("id", values["id"]),
        title=inline_text(_string("title", values["title"])),
        text=text,
        html=html,
        date=_date(values["date"]),
        outlet=inline_text(_string("outlet", values["outlet"])),
        url=_string("url", values["url"]),
        lang=_string("lang", values["lang"]),
        authors=_authors(values["authors"]),
        extra=found.extra(),
    )


def field_value(record: Mapping[str, Any], field: str) -> Any:
    """The raw value of canonical ``field`` in ``record`` (through :data:`ALIASES`), or None."""
    return _Record(record, blank_is_missing=False).find(field)[0]
