"""Lines that recur across many articles of one outlet: learned boilerplate.

A line counts as recurrent for an outlet once it was seen in at least ``min_articles`` distinct articles of
that outlet and in at least ``min_share`` of all the articles seen from it. Lines are compared after
normalisation (case, digits, punctuation and spacing folded), so "Copyright 2016 WBTV" and
"Copyright 2017 WBTV." are the same line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

#: The line-hash value under which :meth:`RecurrentLines.export` stores the number of articles seen.
ARTICLES_KEY = "*"

_DIGITS = re.compile(r"\d+")
_WORD_RUN = re.compile(r"[^\W_]+")
_MEMO_SIZE = 4096


def line_hash(line: str) -> str:
    """Stable (cross-process) hash of a normalised line; empty string for lines with no letters or digits."""
    # the runs of letters and digits, one space apart (every other character is a separator)
    norm = " ".join(_WORD_RUN.findall(_DIGITS.sub("0", line.casefold())))
    if not norm:
        return ""
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


class RecurrentLines:
    """Per-outlet counts of normalised line hashes; ``observe`` learns, ``is_recurrent`` only reads."""

    def __init__(self, min_articles: int = 3, min_share: float = 0.2, max_lines_per_outlet: int = 100_000):
        if min_articles < 1:
            raise ValueError(f"min_articles must be >= 1, got {min_articles}")
        if not 0.0 <= min_share <= 1.0:
            raise ValueError(f"min_share must be between 0 and 1, got {min_share}")
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_lines_per_outlet = max_lines_per_outlet
        self._counts: dict[str, dict[str, int]] = {}
        self._articles: dict[str, int] = {}
        self._changed: dict[str, set[str]] = {}
        # line_hash of recently seen lines: cleaning asks about a line (is_recurrent, share) just before
        # observe learns it, and an outlet's boilerplate lines come back in article after article
        self._hashes: dict[str, str] = {}

    def _hash(self, line: str) -> str:
        key = self._hashes.get(line)
        if key is None:
            if len(self._hashes) >= _MEMO_SIZE:
                self._hashes.clear()
            key = self._hashes[line] = line_hash(line)
        return key

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, int]], **params: float) -> RecurrentLines:
        """Rebuild a store from rows as :meth:`export` gives them (``params`` go to the constructor)."""
        store = cls(**params)  # type: ignore[arg-type]
        for outlet, key, count in rows:
            if key == ARTICLES_KEY:
                store._articles[outlet] = store._articles.get(outlet, 0) + int(count)
            else:
                table = store._counts.setdefault(outlet, {})
                table[key] = table.get(key, 0) + int(count)
        return store

    def observe(self, outlet: str, lines: Iterable[str]) -> None:
        """Learn the lines of one article of ``outlet`` (each distinct line counts once)."""
        if not outlet:
            return
        keys = {self._hash(line) for line in lines}
        keys.discard("")
        self._articles[outlet] = self._articles.get(outlet, 0) + 1
        table = self._counts.setdefault(outlet, {})
        changed = self._changed.setdefault(outlet, set())
        changed.add(ARTICLES_KEY)
        for key in keys:
            table[key] = table.get(key, 0) + 1
        changed.update(keys)
        if len(table) > self.max_lines_per_outlet:
            # forget lines seen only once: they are the article bodies, not the boilerplate
            for key in [k for k, n in table.items() if n <= 1]:
                del table[key]
                changed.add(key)

    def count(self, outlet: str, line: str) -> int:
        """In how many observed articles of ``outlet`` this line occurred."""
        return self._counts.get(outlet, {}).get(self._hash(line), 0)

    def share(self, outlet: str, line: str) -> float:
        seen = self._articles.get(outlet, 0)
        return self.count(outlet, line) / seen if seen else 0.0

    def is_recurrent(self, outlet: str | None, line: str) -> bool:
        if not outlet:
            return False
        n = self.count(outlet, line)
        return n >= self.min_articles and n >= self.min_share * self._articles.get(outlet, 0)

    def articles_seen(self, outlet: str) -> int:
        return self._articles.get(outlet, 0)

    def export(self) -> Iterable[tuple[str, str, int]]:
        """Rows ``(outlet, line_hash, count)``; the article count of each outlet is the row keyed ``ARTICLES_KEY``."""
        for outlet, seen in self._articles.items():
            yield outlet, ARTICLES_KEY, seen
            for key, count in self._counts.get(outlet, {}).items():
                yield outlet, key, count

    def drain_changes(self) -> list[tuple[str, str, int]]:
        """Rows ``(outlet, line_hash, count)`` changed since the last call (count 0: forgotten), for the store."""
        rows = []
        for outlet, keys in self._changed.items():
            table = self._counts.get(outlet, {})
            for key in keys:
                count = self._articles.get(outlet, 0) if key == ARTICLES_KEY else table.get(key, 0)
                rows.append((outlet, key, count))
        self._changed = {}
        return rows
