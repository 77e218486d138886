"""Lines that recur across many articles of one outlet: learned boilerplate.

For each outlet the store counts, per line, the articles it occurred in and the distinct *stories* it occurred
in (up to ``min_stories``; :meth:`RecurrentLines.observe` takes the story the article belongs to, ``None`` when
the article is its own story). Lines are compared after normalisation (case, digits, punctuation and spacing
folded), so "Copyright 2016 WBTV" and "Copyright 2017 WBTV." are the same line. An article observed again (same
outlet, the very same set of lines: a re-capture of one page) is not counted again.

Recurrence alone is not boilerplate: the background paragraph of a developing story comes back in every
follow-up. :meth:`RecurrentLines.is_recurrent` is only the frequency test (seen in >= ``min_articles`` articles
and in >= ``min_share`` of the outlet's articles); the cleaner (``Cleaner._is_recurrent``) adds:

- a line holding a quotation is never removed;
- a boilerplate-like line (not a sentence, or one with a link, an e-mail address, a handle or a call to the
  reader) is removed once it is frequent and seen in >= 2 distinct stories (so "Watch KXYZ at 6" goes after
  three articles, but not while all three are follow-ups of one story);
- a real sentence is removed only once it is frequent and seen in >= ``min_stories`` distinct stories (an
  outlet's footer sentence under every article), so a sentence repeated across the follow-ups of one story,
  however many, stays;
- learned lines never empty an article: when dropping them would leave no text, they are kept.

Defaults: ``min_articles=3`` and ``min_share=0.2`` (as before); ``min_stories=5``: five unrelated stories
sharing a verbatim sentence is far more than the coincidences of news writing ("Police said ...") produce,
while an outlet's footer reaches it within its first few stories.
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
#: How many article fingerprints (outlet and line set) each of the two generations of copy detection holds.
_COPIES_SIZE = 65_536
#: Hex digits of a story key: the short hash of a story id kept per line (a key and a comma: 9 characters).
_STORY_KEY_LEN = 8
_STORY_KEY = re.compile(r"[0-9a-f]{8}")
_STORY_SET = re.compile(r"[0-9a-f]{8}(?:,[0-9a-f]{8})*")


def line_hash(line: str) -> str:
    """Stable (cross-process) hash of a normalised line; empty string for lines with no letters or digits."""
    # the runs of letters and digits, one space apart (every other character is a separator)
    norm = " ".join(_WORD_RUN.findall(_DIGITS.sub("0", line.casefold())))
    if not norm:
        return ""
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def story_key(story: str) -> str:
    """The short stable hash under which a story is kept in a line's story set."""
    return hashlib.blake2b(story.encode("utf-8"), digest_size=_STORY_KEY_LEN // 2).hexdigest()


class RecurrentLines:
    """Per-outlet counts of normalised line hashes and of the stories they occur in; ``observe`` learns,
    ``is_recurrent``, ``count``, ``share`` and ``stories`` only read."""

    def __init__(
        self,
        min_articles: int = 3,
        min_share: float = 0.2,
        max_lines_per_outlet: int = 100_000,
        min_stories: int = 5,
    ):
        if min_articles < 1:
            raise ValueError(f"min_articles must be >= 1, got {min_articles}")
        if not 0.0 <= min_share <= 1.0:
            raise ValueError(f"min_share must be between 0 and 1, got {min_share}")
        if min_stories < 1:
            raise ValueError(f"min_stories must be >= 1, got {min_stories}")
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_lines_per_outlet = max_lines_per_outlet
        self.min_stories = min_stories
        self._counts: dict[str, dict[str, int]] = {}
        # per outlet and line: the story keys it was seen in, comma-joined, at most min_stories of them (then the
        # set is saturated and stops growing); a line seen in one story shares that story's key string
        self._stories: dict[str, dict[str, str]] = {}
        self._saturated = min_stories * (_STORY_KEY_LEN + 1) - 1  # the length of a full story set
        # fingerprints of the articles observed lately, two generations: copies of a page are observed once
        self._copies: set[int] = set()
        self._older_copies: set[int] = set()
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
    def from_rows(
        cls, rows: Iterable[tuple[str, str, int, str] | tuple[str, str, int]], **params: float
    ) -> RecurrentLines:
        """Rebuild a store from rows as :meth:`export` gives them (``params`` go to the constructor).

        Rows of older stores, ``(outlet, line_hash, count)`` without the stories, are read as lines whose stories
        are unknown (none yet): their counts stay, their story sets fill up again as articles come in.
        """
        store = cls(**params)  # type: ignore[arg-type]
        for row in rows:
            outlet, key, count = row[0], row[1], int(row[2])
            if key == ARTICLES_KEY:
                store._articles[outlet] = store._articles.get(outlet, 0) + count
                continue
            table = store._counts.setdefault(outlet, {})
            table[key] = table.get(key, 0) + count
            given = str(row[3]) if len(row) > 3 else ""  # type: ignore[misc]
            if given:
                sets = store._stories.setdefault(outlet, {})
                if key not in sets and len(given) <= store._saturated and _STORY_SET.fullmatch(given):
                    sets[key] = given  # as export wrote it
                    continue
                merged = store._merge_stories(sets.get(key, ""), given)
                if merged:
                    sets[key] = merged
        return store

    def _merge_stories(self, known: str, more: str) -> str:
        """The union of two comma-joined story sets, valid keys only, at most ``min_stories`` of them."""
        keys = [k for k in known.split(",") if k]
        for k in more.split(","):
            if len(keys) >= self.min_stories:
                break
            if _STORY_KEY.fullmatch(k) and k not in keys:
                keys.append(k)
        return ",".join(keys)

    def observe(self, outlet: str, lines: Iterable[str], story: str | None = None) -> None:
        """Learn the lines of one article of ``outlet`` (each distinct line counts once) that belongs to ``story``.

        ``story`` is the id of the story the article was put in; ``None``: the article is its own story. An
        article whose exact set of lines was observed for ``outlet`` lately (a copy of one page, the same article
        under several URLs) is not counted again, whatever its story; "lately": among the last 65,536 to 131,072
        articles this object observed (these fingerprints are not exported).
        """
        if not outlet:
            return
        distinct = set(lines)
        keys = {self._hash(line) for line in distinct}
        keys.discard("")
        # a copy has the very same lines: not just the same normalised ones, where "3 hurt" and "4 hurt" are one
        digest = hashlib.blake2b("\n".join([outlet, *sorted(distinct)]).encode(), digest_size=8).digest()
        fingerprint = int.from_bytes(digest, "big")
        if fingerprint in self._copies or fingerprint in self._older_copies:
            return
        if len(self._copies) >= _COPIES_SIZE:
            self._older_copies, self._copies = self._copies, set()
        self._copies.add(fingerprint)
        # an article of its own story: the story key comes from its lines (stable across processes)
        skey = story_key(story) if story is not None else digest.hex()[:_STORY_KEY_LEN]
        self._articles[outlet] = self._articles.get(outlet, 0) + 1
        table = self._counts.setdefault(outlet, {})
        sets = self._stories.setdefault(outlet, {})
        full = self._saturated
        changed = self._changed.setdefault(outlet, set())
        changed.add(ARTICLES_KEY)
        for key in keys:
            table[key] = table.get(key, 0) + 1
            known = sets.get(key)
            if not known:
                sets[key] = skey
            # keys are 8 hex digits: ``in`` cannot match across a comma
            elif len(known) < full and skey not in known:
                sets[key] = f"{known},{skey}"
        changed.update(keys)
        if len(table) > self.max_lines_per_outlet:
            # forget lines seen only once: they are the article bodies, not the boilerplate
            for key in [k for k, n in table.items() if n <= 1]:
                del table[key]
                sets.pop(key, None)
                changed.add(key)

    def count(self, outlet: str, line: str) -> int:
        """In how many observed articles of ``outlet`` this line occurred."""
        return self._counts.get(outlet, {}).get(self._hash(line), 0)

    def stories(self, outlet: str, line: str) -> int:
        """In how many distinct stories of ``outlet`` this line occurred, counting up to ``min_stories``."""
        known = self._stories.get(outlet, {}).get(self._hash(line))
        return known.count(",") + 1 if known else 0

    def share(self, outlet: str, line: str) -> float:
        seen = self._articles.get(outlet, 0)
        return self.count(outlet, line) / seen if seen else 0.0

    def is_recurrent(self, outlet: str | None, line: str) -> bool:
        """Whether the line is frequent for ``outlet``: seen in >= ``min_articles`` articles and >= ``min_share`` of
        its articles. Frequency alone is not boilerplate: see the module docstring for what the cleaner adds."""
        if not outlet:
            return False
        n = self.count(outlet, line)
        return n >= self.min_articles and n >= self.min_share * self._articles.get(outlet, 0)

    def articles_seen(self, outlet: str) -> int:
        return self._articles.get(outlet, 0)

    def export(self) -> Iterable[tuple[str, str, int, str]]:
        """Rows ``(outlet, line_hash, count, stories)``: ``stories`` is the comma-joined story keys of the line (at
        most ``min_stories``); the article count of each outlet is the row keyed ``ARTICLES_KEY`` (stories '')."""
        for outlet, seen in self._articles.items():
            yield outlet, ARTICLES_KEY, seen, ""
            sets = self._stories.get(outlet, {})
            for key, count in self._counts.get(outlet, {}).items():
                yield outlet, key, count, sets.get(key, "")

    def drain_changes(self) -> list[tuple[str, str, int, str]]:
        """Rows ``(outlet, line_hash, count, stories)`` changed since the last call (count 0: forgotten), for the
        store."""
        rows = []
        for outlet, keys in self._changed.items():
            table = self._counts.get(outlet, {})
            sets = self._stories.get(outlet, {})
            for key in keys:
                if key == ARTICLES_KEY:
                    rows.append((outlet, key, self._articles.get(outlet, 0), ""))
                else:
                    rows.append((outlet, key, table.get(key, 0), sets.get(key, "")))
        self._changed = {}
        return rows
