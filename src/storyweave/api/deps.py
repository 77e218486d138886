"""What every request shares: the settings, a store connection of its own, and the checks on query values.

Connections come from a :class:`StorePool`: each request checks one out for itself and gives it back, so a
connection is never used by two requests at once (SQLite in WAL mode: readers see the last committed batch while
an ingest writes)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from storyweave.analyze.base import Analyser
from storyweave.config import Settings
from storyweave.engine import Storyweave
from storyweave.errors import QueryError
from storyweave.timeutil import parse_iso

MAX_LIMIT = 500  # the most items one listing request returns
MAX_OFFSET = 10**9  # beyond any store; keeps the value inside SQLite's integers
IDLE_CONNECTIONS = 16  # connections kept open between requests (more are opened under load, then closed)


class StorePool:
    """Storyweave handles over one store, each used by one request at a time. Opening is lazy (no I/O when the
    app is built); ``close`` closes the idle ones."""

    def __init__(self, settings: Settings, analysers: Sequence[Analyser] | None = None):
        self.settings = settings
        self.analysers = analysers
        self._idle: queue.LifoQueue[Storyweave] = queue.LifoQueue()
        self._closed = False
        self._lock = threading.Lock()
        self.ingest_lock = threading.Lock()  # one upload ingests at a time: the clusterer sees them in order

    def open(self) -> Storyweave:
        return Storyweave(settings=self.settings, analysers=self.analysers)

    @contextmanager
    def connection(self) -> Iterator[Storyweave]:
        try:
            sw = self._idle.get_nowait()
        except queue.Empty:
            sw = self.open()
        try:
            yield sw
        finally:
            with self._lock:
                keep = not self._closed and self._idle.qsize() < IDLE_CONNECTIONS
            if keep:
                self._idle.put(sw)
            else:
                sw.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def check_date(value: str | None, name: str) -> str | None:
    """An ISO date or datetime, or a QueryError naming the parameter."""
    if value is None or value == "":
        return None
    if parse_iso(value) is None:
        raise QueryError(f"{name}: {value!r} is not an ISO date such as 2016-12-14")
    return value


def blank_to_none(value: str | None) -> str | None:
    """Empty form fields mean "no filter"."""
    if value is None:
        return None
    value = value.strip()
    return value or None
