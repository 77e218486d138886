"""The PostgreSQL side of story anatomy: per-article analyses and the per-story anatomy cache (migration 0006).

A mixin of :class:`storyweave.store.postgres.PostgresStore` (it uses the store's connection ``_db``), the
counterpart of :mod:`storyweave.store.anatomy_tables`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

_UPSERT_ANALYSIS = (
    "INSERT INTO analyses (article_id, analyser, version, result) VALUES (%s, %s, %s, %s)"
    " ON CONFLICT (article_id, analyser) DO UPDATE SET version = EXCLUDED.version, result = EXCLUDED.result"
)


class PostgresAnatomyTables:
    _db: Any  # psycopg.Connection

    def _write_analyses(self, cur: Any, rows: Sequence[tuple[str, str, int, str]]) -> None:
        """Inside an open transaction."""
        if rows:
            cur.executemany(_UPSERT_ANALYSIS, rows)

    def _forget_anatomy(self, cur: Any, story_ids: Iterable[str]) -> None:
        """Inside an open transaction."""
        ids = sorted(set(story_ids))
        if ids:
            cur.execute("DELETE FROM story_anatomy WHERE story_id = ANY(%s)", (ids,))

    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        out: dict[str, dict[str, list[dict[str, Any]]]] = {}
        rows = self._db.execute(
            "SELECT article_id, analyser, result FROM analyses WHERE article_id = ANY(%s)",
            (list(dict.fromkeys(article_ids)),),
        )
        for article_id, analyser, result in rows:
            out.setdefault(article_id, {})[analyser] = json.loads(result)
        return out

    def stale_analyses(self, versions: dict[str, int], after: str = "", limit: int = 500) -> list[str]:
        if not versions:
            return []
        missing = " OR ".join(
            "NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id AND n.analyser = %s"
            " AND n.version >= %s)"
            for _ in versions
        )
        args: list[Any] = [x for name, version in versions.items() for x in (name, version)]
        rows = self._db.execute(
            f"SELECT a.id FROM articles a WHERE a.id > %s AND ({missing}) ORDER BY a.id LIMIT %s",
            [after, *args, limit],
        )
        return [r[0] for r in rows]

    def write_analyses(self, rows: Sequence[tuple[str, str, int, str]]) -> None:
        with self._db.transaction(), self._db.cursor() as cur:
            self._write_analyses(cur, rows)
            ids = list(dict.fromkeys(r[0] for r in rows))
            found = cur.execute(
                "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL AND id = ANY(%s)", (ids,)
            ).fetchall()
            self._forget_anatomy(cur, (r[0] for r in found))

    def story_anatomy(self, story_id: str, version: int) -> str | None:
        row = self._db.execute(
            "SELECT anatomy FROM story_anatomy WHERE story_id = %s AND version = %s", (story_id, version)
        ).fetchone()
        return row[0] if row else None

    def save_story_anatomy(self, story_id: str, version: int, anatomy: str) -> None:
        """A cache: an upsert outside any batch (concurrent writers of the same story's anatomy agree)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._db.execute(
            "INSERT INTO story_anatomy (story_id, version, anatomy, built) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (story_id) DO UPDATE SET version = EXCLUDED.version, anatomy = EXCLUDED.anatomy,"
            " built = EXCLUDED.built",
            (story_id, version, anatomy, now),
        )
