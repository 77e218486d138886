"""The SQLite side of story anatomy: per-article analyses and the per-story anatomy cache (migration 0006).

A mixin of :class:`storyweave.store.sqlite.SQLiteStore` (it uses the store's connection ``_db``); kept apart so
that the store module stays readable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from storyweave.store.base import WriteBatch

_CHUNK = 500


def touched_stories(batch: WriteBatch) -> set[str]:
    """The stories whose articles (or their analyses) ``batch`` changes: their anatomy is out of date."""
    ids = {s.article.story_id for s in batch.articles if s.article.story_id}
    ids |= {s.replaces.story_id for s in batch.articles if s.replaces is not None and s.replaces.story_id}
    ids |= {story for _, story in batch.story_assignments}
    ids |= {sid for pair in batch.merges for sid in pair}
    ids |= set(batch.drop_stories)
    return ids


class AnatomyTables:
    _db: sqlite3.Connection

    def _write_analyses(self, rows: Sequence[tuple[str, str, int, str]]) -> None:
        """Inside an open transaction."""
        self._db.executemany(
            "INSERT OR REPLACE INTO analyses (article_id, analyser, version, result) VALUES (?, ?, ?, ?)",
            rows,
        )

    def _forget_anatomy(self, story_ids: Iterable[str]) -> None:
        """Inside an open transaction."""
        self._db.executemany("DELETE FROM story_anatomy WHERE story_id = ?", [(s,) for s in story_ids])

    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        out: dict[str, dict[str, list[dict[str, Any]]]] = {}
        ids = list(dict.fromkeys(article_ids))
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            rows = self._db.execute(
                f"SELECT article_id, analyser, result FROM analyses WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for article_id, analyser, result in rows:
                out.setdefault(article_id, {})[analyser] = json.loads(result)
        return out

    def stale_analyses(self, versions: dict[str, int], after: str = "", limit: int = 500) -> list[str]:
        if not versions:
            return []
        missing = " OR ".join(
            "NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id AND n.analyser = ? AND n.version >= ?)"
            for _ in versions
        )
        args: list[Any] = [x for name, version in versions.items() for x in (name, version)]
        rows = self._db.execute(
            f"SELECT a.id FROM articles a WHERE a.id > ? AND ({missing}) ORDER BY a.id LIMIT ?",
            [after, *args, limit],
        )
        return [r[0] for r in rows]

    def write_analyses(self, rows: Sequence[tuple[str, str, int, str]]) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._write_analyses(rows)
            ids = list(dict.fromkeys(r[0] for r in rows))
            stories: set[str] = set()
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                found = db.execute(
                    f"SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )
                stories.update(r[0] for r in found)
            self._forget_anatomy(stories)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def story_anatomy(self, story_id: str, version: int) -> str | None:
        row = self._db.execute(
            "SELECT anatomy FROM story_anatomy WHERE story_id = ? AND version = ?", (story_id, version)
        ).fetchone()
        return row[0] if row else None

    def save_story_anatomy(self, story_id: str, version: int, anatomy: str) -> None:
        """A cache: when another process holds the write lock, the anatomy is simply built again next time."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO story_anatomy (story_id, version, anatomy, built) VALUES (?, ?, ?, ?)",
                (story_id, version, anatomy, now),
            )
        except sqlite3.OperationalError:  # database is locked
            pass
