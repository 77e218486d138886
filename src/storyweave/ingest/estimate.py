"""How many items an ingest will read, counted before it starts, for a progress bar with a total and an ETA.

Counted, not guessed: a JSON Lines file holds one item per non-empty line, a CSV file one per line after the header
(a quoted field over several lines makes that an overestimate), a plain-text or HTML page one item, a file that
will be skipped (an image, a log) one skipped item. Formats whose item count needs a parse (JSON arrays, feeds,
WARC archives) and standard input make the total unknown: :func:`estimate_items` returns None and the caller shows
a counter without a total.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Sequence

from storyweave.ingest import skip
from storyweave.ingest.detect import extension, files_under

_LINES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
_CSV = frozenset({".csv", ".tsv"})
_ONE = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ""})


def _non_empty_lines(path: str) -> int:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def _items_in(path: str) -> int | None:
    if skip.by_name(path) is not None:
        return 1
    ext = extension(path)
    try:
        if ext in _LINES:
            return _non_empty_lines(path)
        if ext in _CSV:
            return max(0, _non_empty_lines(path) - 1)
    except (OSError, EOFError, gzip.BadGzipFile):
        return 1  # unreadable: the ingest reports it as one failed item
    return 1 if ext in _ONE else None


def estimate_items(
    paths: Iterable[str | os.PathLike[str]], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> int | None:
    """The number of items reading ``paths`` will give (see the module), or None when it is not known upfront."""
    total = 0
    for given in paths:
        path = os.fspath(given)
        if path == "-":
            return None
        files = files_under(path, include, exclude) if os.path.isdir(path) else [path]
        for file in files:
            count = _items_in(file)
            if count is None:
                return None
            total += count
    return total
