"""Map one record (a JSON object, a CSV row) onto a RawDocument: names, aliases and value types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from storyweave.errors import InputError
from storyweave.models import RawDocument

# canonical field -> accepted names, the first present one wins; the others stay in ``extra``
ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "id": ("id",),
        "title": ("title", "headline"),
        "text": ("text", "body", "content"),
        "html": ("html",),
        "date": ("date", "published", "publish_date", "published_at", "datetime"),
        "outlet": ("outlet", "source", "site"),
        "url": ("url", "link"),
        "lang": ("lang", "language"),
        "authors": ("authors", "author"),
    }
)
TEXT_NAMES: tuple[str, ...] = ALIASES["text"] + ALIASES["html"]
_NAME_TO_FIELD = MappingProxyType({name: canonical for canonical, names in ALIASES.items() for name in names})
_AUTHOR_SPLIT = re.compile(r"\s*[,;]\s*")


def normalise_name(name: str) -> str:
    return name.strip().lower()


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
        if name.strip():
            authors.append(name.strip())
    return tuple(authors)


def _present(value: Any, blank_is_missing: bool) -> bool:
    return value is not None and not (blank_is_missing and value == "")


def record_to_document(
    record: Mapping[str, Any], *, source: str, format: str, line: int | None, blank_is_missing: bool = False
) -> RawDocument:
    """Raise :class:`InputError` (without a line) when the record has no text or a value has the wrong type.

    ``blank_is_missing``: treat empty strings as absent (CSV, where every row has every column).
    """
    by_name: dict[str, str] = {}
    for key in record:
        by_name.setdefault(normalise_name(key), key)
    values: dict[str, Any] = {}
    used: set[str] = set()
    for canonical, names in ALIASES.items():
        for name in names:
            found = by_name.get(name)
            if found is not None and _present(record[found], blank_is_missing):
                values[canonical] = record[found]
                used.add(found)
                break
    # unknown fields, and known ones that lost to an earlier alias, are kept; empty known ones are not
    extra = {
        key: value
        for key, value in record.items()
        if key not in used
        and (normalise_name(key) not in _NAME_TO_FIELD or _present(value, blank_is_missing))
    }
    if not any(name in by_name for name in TEXT_NAMES):
        raise InputError(missing_text_reason(list(record)))
    return RawDocument(
        source=source,
        format=format,
        line=line,
        source_id=_string("id", values.get("id")),
        title=_string("title", values.get("title")),
        text=_string("text", values.get("text"), numbers=False),
        html=_string("html", values.get("html"), numbers=False),
        date=_string("date", values.get("date")),
        outlet=_string("outlet", values.get("outlet")),
        url=_string("url", values.get("url")),
        lang=_string("lang", values.get("lang")),
        authors=_authors(values.get("authors")),
        extra=extra,
    )
