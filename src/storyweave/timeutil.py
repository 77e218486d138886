"""Small helpers for ISO 8601 times, shared by the store and the clustering features."""

from __future__ import annotations

from datetime import datetime, time, timezone


def parse_iso(value: str | None) -> datetime | None:
    """Parse an ISO date or datetime; naive values are taken as UTC. None if unparseable."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(datetime.fromisoformat(text[:10]).date(), time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def to_timestamp(value: str | None, end_of_day: bool = False) -> float | None:
    """Unix seconds of an ISO value. With ``end_of_day``, a bare date means the end of that day."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    ts = parsed.timestamp()
    if end_of_day and value is not None and len(value.strip()) <= 10:
        ts += 86400
    return ts
