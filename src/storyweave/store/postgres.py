"""A store on a PostgreSQL server: ``--db postgresql://user@host:port/dbname`` (or ``postgres://``).

The same :class:`~storyweave.store.base.Store` as :class:`~storyweave.store.sqlite.SQLiteStore`, with the same
results: one transaction per :meth:`PostgresStore.write_batch`, writers of one store taking turns (an advisory
lock held for the transaction, as SQLite's write lock), new articles and their LSH bands written with COPY, full-text
search through a stored ``tsvector`` column (:mod:`storyweave.store.postgres_search`). The schema is
:mod:`storyweave.store.postgres_schema`, applied under an advisory lock so that processes opening a new store at
the same time apply each migration once. Needs ``psycopg`` (``pip install 'storyweave[postgres]'``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from storyweave.clean.outlet import name_key
from storyweave.errors import StoreError
from storyweave.store.anatomy_tables import touched_stories
from storyweave.store.base import Revision, Store, StoredArticle, StoredVersion, WriteBatch
from storyweave.store.postgres_anatomy import PostgresAnatomyTables
from storyweave.store.postgres_schema import MIGRATIONS
from storyweave.store.postgres_views import PostgresViews
from storyweave.store.records import article_from_json, removed_json
from storyweave.timeutil import to_timestamp

_MIGRATE_LOCK = 0x73747977_6D696772  # "stywmigr": pg_advisory_xact_lock keys, per database
_WRITE_LOCK = 0x73747977_77726974  # "stywwrit"
_NEW_ARTICLE_COLUMNS = (
    "id, source_id, content_hash, title, text, lang, published, published_ts, outlet, authors, url, duplicate_of,"
    " removed, extra, story_id, signature, ingested, identity, raw_hash, outlet_name"
)


def shown_dsn(dsn: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", dsn)


class PostgresStore(PostgresViews, PostgresAnatomyTables, Store):
    def __init__(self, dsn: str):
        self.dsn = dsn
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                "a PostgreSQL store needs psycopg: pip install 'storyweave[postgres]' (or psycopg[binary])"
            ) from exc
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {shown_dsn(dsn)}: {str(exc).strip()}; check --db"
            ) from exc
        try:
            self.migrate()
        except BaseException:
            self._db.close()
            raise

    # --- schema -------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations, each in one transaction holding the migration lock; return those applied."""
        applied = []
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        for name, steps in MIGRATIONS:
            try:
                with self._db.transaction(), self._db.cursor() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
                    if cur.execute("SELECT 1 FROM schema_migrations WHERE name = %s", (name,)).fetchone():
                        continue  # applied before, or by another process meanwhile
                    for step in steps:
                        if isinstance(step, str):
                            cur.execute(step)
                        else:
                            step(cur)
                    cur.execute(
                        "INSERT INTO schema_migrations VALUES (%s, %s)",
                        (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                    )
            except self._psycopg.Error as exc:
                raise StoreError(
                    f"migration {name} failed on {shown_dsn(self.dsn)}: {str(exc).strip()}"
                ) from exc
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def close(self) -> None:
        self._db.close()

    def open_writer(self) -> PostgresStore:
        """A second connection, for the pipeline's writing thread; this one keeps reading committed batches."""
        return PostgresStore(self.dsn)

    # --- writes -------------------------------------------------------------------------------
    def write_batch(self, batch: WriteBatch) -> list[str]:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._db.transaction(), self._db.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            skipped = self._write_articles(cur, batch, now)
            gone = set(skipped)
            vectors = [row for row in batch.embeddings if row[0] not in gone]
            if vectors:
                cur.executemany(
                    "INSERT INTO embeddings (article_id, model, vector) VALUES (%s, %s, %s)"
                    " ON CONFLICT (article_id, model) DO UPDATE SET vector = EXCLUDED.vector, seq = DEFAULT",
                    vectors,
                )
            if batch.drop_stories:
                cur.execute("DELETE FROM stories WHERE id = ANY(%s)", (list(batch.drop_stories),))
            if batch.story_states:
                cur.executemany(
                    "INSERT INTO stories (id, state, blob, last_ts) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, blob = EXCLUDED.blob,"
                    " last_ts = EXCLUDED.last_ts",
                    batch.story_states,
                )
            if batch.merges:
                cur.executemany(
                    "INSERT INTO story_merges (old_id, new_id, at) VALUES (%s, %s, %s)"
                    " ON CONFLICT (old_id) DO UPDATE SET new_id = EXCLUDED.new_id, at = EXCLUDED.at",
                    [(old, new, now) for old, new in batch.merges],
                )
            for old, new in batch.merges:
                cur.execute("UPDATE articles SET story_id = %s WHERE story_id = %s", (new, old))
                cur.execute("DELETE FROM stories WHERE id = %s", (old,))
            if batch.story_assignments:
                cur.executemany(
                    "UPDATE articles SET story_id = %s WHERE id = %s",
                    [(s, a) for a, s in batch.story_assignments],
                )
            if batch.statistics is not None:
                cur.execute(
                    "INSERT INTO clusterer_statistics (name, meta, blob) VALUES ('default', %s, %s)"
                    " ON CONFLICT (name) DO UPDATE SET meta = EXCLUDED.meta, blob = EXCLUDED.blob",
                    batch.statistics,
                )
            self._write_lines(cur, batch.line_counts)
            self._write_analyses(cur, [row for row in batch.analyses if row[0] not in gone])
            self._forget_anatomy(cur, touched_stories(batch))
        return skipped

    def _write_lines(self, cur: Any, rows: Sequence[tuple]) -> None:
        """Recurrent-line counts: counts above 0 stored, then lines counted 0 deleted (as SQLite does)."""
        kept = [(r[0], r[1], r[2], r[3] if len(r) > 3 else "") for r in rows if r[2] > 0]
        if kept:
            cur.executemany(
                "INSERT INTO outlet_lines (outlet, line_hash, n, stories) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (outlet, line_hash) DO UPDATE SET n = EXCLUDED.n, stories = EXCLUDED.stories",
                kept,
            )
        dropped = [(r[0], r[1]) for r in rows if r[2] <= 0]
        if dropped:
            cur.executemany("DELETE FROM outlet_lines WHERE outlet = %s AND line_hash = %s", dropped)

    def _write_articles(self, cur: Any, batch: WriteBatch, now: str) -> list[str]:
        """New articles (COPY) and updates in batch order inside the open transaction; returns the ids of new
        articles whose source id is already stored (another process wrote them since this one looked)."""
        fresh = [s for s in batch.articles if s.replaces is None]
        taken = self.known_source_ids([s.article.source_id for s in fresh])
        skipped: list[str] = []
        names: dict[tuple[str, str], str] = {}
        rows: list[tuple[Any, ...]] = []
        bands: list[tuple[int, str]] = []
        for stored in batch.articles:
            a = stored.article
            if stored.replaces is None and a.source_id in taken:
                skipped.append(a.id)
                continue
            if a.outlet and a.outlet_name:
                names.setdefault((a.outlet, a.outlet_name), name_key(a.outlet_name) or "")
            values = _values(stored, now)
            if stored.replaces is None:
                rows.append((a.id, a.source_id, *values))
            else:  # what comes before it is written first: it may update an article of the same batch
                self._copy(cur, rows, bands)
                rows, bands = [], []
                self._keep_revision(cur, stored, now)
                cur.execute(
                    "UPDATE articles SET content_hash=%s, title=%s, text=%s, lang=%s, published=%s,"
                    " published_ts=%s, outlet=%s, authors=%s, url=%s, duplicate_of=%s, removed=%s, extra=%s,"
                    " story_id=%s, signature=%s, ingested=%s, identity=%s, raw_hash=%s, outlet_name=%s"
                    " WHERE id = %s",
                    (*values, a.id),
                )
                cur.execute("DELETE FROM dup_bands WHERE article_id = %s", (a.id,))
            bands.extend((band, a.id) for band in stored.bands)
        self._copy(cur, rows, bands)
        if names:
            cur.executemany(
                "INSERT INTO outlet_names (outlet, name, name_key) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(outlet, name, key) for (outlet, name), key in names.items()],
            )
        return skipped

    @staticmethod
    def _copy(cur: Any, rows: list[tuple[Any, ...]], bands: list[tuple[int, str]]) -> None:
        if rows:
            with cur.copy(f"COPY articles ({_NEW_ARTICLE_COLUMNS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        if bands:
            with cur.copy("COPY dup_bands (band, article_id) FROM STDIN") as copy:
                for band in bands:
                    copy.write_row(band)

    def _keep_revision(self, cur: Any, stored: StoredArticle, now: str) -> None:
        old = stored.replaces
        assert old is not None
        row = cur.execute("SELECT raw_hash FROM articles WHERE id = %s", (old.id,)).fetchone()
        number = cur.execute(
            "SELECT coalesce(max(revision), 0) + 1 FROM article_revisions WHERE article_id = %s", (old.id,)
        ).fetchone()[0]
        cur.execute(
            "INSERT INTO article_revisions (article_id, revision, replaced_at, raw_hash, article)"
            " VALUES (%s, %s, %s, %s, %s)",
            (
                old.id,
                number,
                now,
                row[0] if row else None,
                json.dumps(old.to_json(), ensure_ascii=False, default=str),
            ),
        )

    def merged_story_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT old_id FROM story_merges")]

    # --- lookups used while ingesting ------------------------------------------------------------
    def _any(self, sql: str, values: Sequence[Any], *before: Any) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` whose last parameter (``= ANY(%s)``) is ``values``."""
        return list(self._db.execute(sql, (*before, list(values))).fetchall())

    def known_source_ids(self, source_ids: Sequence[str]) -> set[str]:
        return {
            r[0] for r in self._any("SELECT source_id FROM articles WHERE source_id = ANY(%s)", source_ids)
        }

    def versions(self, identities: Sequence[str]) -> dict[str, list[StoredVersion]]:
        found: dict[str, list[StoredVersion]] = {}
        sql = (
            "SELECT identity, id, source_id, raw_hash, content_hash FROM articles WHERE identity = ANY(%s)"
            " ORDER BY seq"
        )
        for row in self._any(sql, identities):
            found.setdefault(row[0], []).append(StoredVersion(row[1], row[2], row[3], row[4]))
        return found

    def revisions(self, article_id: str) -> list[Revision]:
        rows = self._db.execute(
            "SELECT revision, replaced_at, article FROM article_revisions WHERE article_id = %s ORDER BY revision",
            (article_id,),
        )
        return [Revision(r[0], r[1], article_from_json(json.loads(r[2]))) for r in rows]

    def story_states_by_id(self, story_ids: Sequence[str]) -> list[tuple[str, bytes]]:
        return [
            (r[0], r[1]) for r in self._any("SELECT state, blob FROM stories WHERE id = ANY(%s)", story_ids)
        ]

    def count_stories(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def find_by_content_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        sql = (
            "SELECT content_hash, id FROM articles WHERE content_hash = ANY(%s) AND duplicate_of IS NULL"
            " ORDER BY seq"
        )
        for digest, article_id in self._any(sql, hashes):
            found.setdefault(digest, article_id)
        return found

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, bytes]]:
        sql = (
            "SELECT a.id, a.signature FROM dup_bands b JOIN articles a ON a.id = b.article_id"
            " WHERE b.band = ANY(%s) AND a.duplicate_of IS NULL AND a.signature IS NOT NULL ORDER BY a.seq"
        )
        out: dict[str, bytes] = {}
        for article_id, signature in self._any(sql, bands):  # oldest first: ties go to the first copy stored
            out.setdefault(article_id, bytes(signature))
        return list(out.items())

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        sql = "SELECT id, story_id FROM articles WHERE id = ANY(%s) AND story_id IS NOT NULL"
        return {r[0]: r[1] for r in self._any(sql, article_ids)}

    def embeddings(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]:
        sql = "SELECT article_id, vector FROM embeddings WHERE model = %s AND article_id = ANY(%s)"
        return {r[0]: bytes(r[1]) for r in self._any(sql, article_ids, model)}

    def embeddings_after(self, model: str, after_rowid: int, limit: int) -> list[tuple[int, str, bytes]]:
        # writers take turns (the write lock is held until commit), so seq values commit in the order taken
        rows = self._db.execute(
            "SELECT seq, article_id, vector FROM embeddings WHERE model = %s AND seq > %s ORDER BY seq LIMIT %s",
            (model, after_rowid, limit),
        )
        return [(int(r[0]), r[1], bytes(r[2])) for r in rows]

    def story_states(
        self, since: float | None = None, until: float | None = None
    ) -> Iterable[tuple[str, bytes]]:
        sql = "SELECT state, blob FROM stories WHERE true"
        args: list[Any] = []
        if since is not None:  # undated stories have no activity time: they always count as active
            sql += " AND (last_ts >= %s OR last_ts IS NULL)"
            args.append(since)
        if until is not None:
            sql += " AND last_ts <= %s"
            args.append(until)
        return [(r[0], bytes(r[1])) for r in self._db.execute(sql, args)]

    def clusterer_statistics(self) -> tuple[str, bytes] | None:
        row = self._db.execute(
            "SELECT meta, blob FROM clusterer_statistics WHERE name = 'default'"
        ).fetchone()
        return None if row is None else (row[0], bytes(row[1]))

    def latest_story_time(self) -> float | None:
        row = self._db.execute("SELECT max(last_ts) FROM stories").fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def line_counts(self) -> list[tuple[str, str, int, str]]:
        rows = self._db.execute("SELECT outlet, line_hash, n, stories FROM outlet_lines")
        return [(r[0], r[1], int(r[2]), r[3]) for r in rows]


def _values(stored: StoredArticle, now: str) -> tuple[Any, ...]:
    """The columns after (id, source_id) of an article row, in :data:`_NEW_ARTICLE_COLUMNS` order."""
    a = stored.article
    return (
        stored.content_hash,
        _text(a.title),
        _text(a.text),
        a.lang,
        a.published,
        to_timestamp(a.published),
        _text(a.outlet),
        json.dumps(list(a.authors), ensure_ascii=False),
        _text(a.url),
        a.duplicate_of,
        removed_json(a),
        json.dumps(dict(a.extra), ensure_ascii=False, default=str),
        a.story_id,
        stored.signature,
        now,
        stored.identity,
        stored.raw_hash,
        _text(a.outlet_name),
    )


def _text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL characters (SQLite's can): they are dropped (JSON columns escape them)."""
    return value.replace("\x00", "") if value and "\x00" in value else value
