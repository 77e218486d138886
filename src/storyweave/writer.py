"""Batches committed in a background thread while the next batch is prepared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyweave.report import IngestReport, count_skipped
from storyweave.store.base import Store, WriteBatch


@dataclass(frozen=True)
class Inflight:
    """What later batches must see of a batch that is still being committed."""

    batch: WriteBatch
    hashes: dict[str, str]  # content hash -> id of an original
    signatures: list[tuple[str, bytes, tuple[int, ...]]]  # originals: id, MinHash signature, LSH band keys
    stories: dict[str, str]  # article id -> story id


class BatchWriter:
    """Commits batches through a second store handle in a background thread, one at a time, in order.

    A large SQLite store spends most of a batch's write in COMMIT (dirty index pages into the WAL) with the
    interpreter lock released, so it runs while the main thread cleans, deduplicates and clusters the next batch.
    Meanwhile ``inflight`` answers for the batch being committed (deduplication, a copy's story, already-seen
    source ids). ``wait`` blocks until it is committed and re-raises its error, if any; a batch is still one
    transaction, so a killed process leaves whole batches.
    """

    def __init__(self, store: Store) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyweave-writer")
        self._future: Any = None
        self._report: IngestReport | None = None
        self.inflight: Inflight | None = None

    def write(self, batch: WriteBatch, report: IngestReport) -> None:
        self.wait()
        originals = [s for s in batch.articles if s.article.duplicate_of is None]
        self._report = report
        self.inflight = Inflight(
            batch=batch,
            hashes={s.content_hash: s.article.id for s in reversed(originals)},  # the first one wins
            signatures=[
                (s.article.id, s.signature, tuple(s.bands)) for s in originals if s.signature and s.bands
            ],
            stories={s.article.id: s.article.story_id for s in batch.articles if s.article.story_id},
        )
        self._future = self._pool.submit(self._store.write_batch, batch)

    def wait(self) -> None:
        future, self._future = self._future, None
        try:
            if future is not None:
                skipped = future.result()
                if self.inflight is not None and self._report is not None:
                    count_skipped(skipped, self.inflight.batch, self._report)
        finally:
            self.inflight = None

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self._pool.submit(self._store.close).result()
            self._pool.shutdown()
