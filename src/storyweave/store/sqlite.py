"""The embedded default store: one SQLite file in WAL mode, FTS5 over clean text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storyweave.clean.outlet import OutletFinder, name_key, outlet_key
from storyweave.errors import NotFoundError, QueryError, StoreError
from storyweave.models import Article, Story
from storyweave.store.anatomy_tables import AnatomyTables, touched_stories
from storyweave.store.base import (
    ArticleQuery,
    OutletSummary,
    Revision,
    Store,
    StoredArticle,
    StoredVersion,
    WriteBatch,
)
from storyweave.store.migrations import MIGRATIONS
from storyweave.store.records import (
    ARTICLE_COLUMNS,
    article_from_json,
    check_articles_query,
    removed_json,
    row_to_article,
    story_from_rows,
)
from storyweave.store.search import fts5_query
from storyweave.timeutil import to_timestamp

_CHUNK = 500  # SQLite's bound-parameter limit is at least 999


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _page(query: ArticleQuery) -> tuple[str, list[Any]]:
    """The LIMIT/OFFSET clause of a listing, as bound parameters (-1: no limit)."""
    if not query.limit and not query.offset:
        return "", []
    return " LIMIT ? OFFSET ?", [query.limit or -1, query.offset]


class SQLiteStore(AnatomyTables, Store):
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}; check the path or pass --db") from exc
        self._db.row_factory = sqlite3.Row
        try:
            tables = self._settle()
        except sqlite3.OperationalError as exc:  # still locked by another process after all retries
            self._db.close()
            raise StoreError(f"cannot open store {self.path}: {exc}; another process holds it") from exc
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path} is not a storyweave store ({exc}); check --db") from exc
        if tables and "schema_migrations" not in tables:
            self._db.close()
            raise StoreError(
                f"{self.path} is an SQLite database of something else, not a storyweave store; check --db"
            )
        self._db.execute(
            "PRAGMA cache_size=-131072"
        )  # 128 MiB: random index pages of a large store stay cached
        self._register_functions()
        self.migrate()

    def _register_functions(self) -> None:
        """The Python functions migrations call: an old row's outlet key and display name from the outlet it
        held and its URL, as the cleaner finds them for a new article, and the name key of a display name."""
        finder = OutletFinder()

        def key(old: str | None, url: str | None) -> str | None:
            found = finder.find(old, None, url)
            return found.key if found else None

        def name(old: str | None, url: str | None) -> str | None:
            found = finder.find(old, None, url)
            return found.name if found else None

        self._db.create_function("storyweave_outlet_key", 2, key, deterministic=True)
        self._db.create_function("storyweave_outlet_name", 2, name, deterministic=True)
        self._db.create_function("storyweave_name_key", 1, name_key, deterministic=True)

    def _settle(self) -> set[str]:
        """Set the connection up (WAL and friends) and return the names of the tables there. Another process
        creating or migrating the same new store can hold a lock that switching to WAL does not wait for
        (SQLite's busy handler is not called there): retry for up to 30 s."""
        import time

        deadline = time.monotonic() + 30.0
        while True:
            try:
                self._db.execute("PRAGMA busy_timeout=30000")  # another writer may hold the lock for a batch
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # --- schema -------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations, each in one transaction; return the names applied."""
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self._db.execute("SELECT name FROM schema_migrations")}
        applied = []
        for name, statements in MIGRATIONS:
            if name in done:
                continue
            try:
                self._db.execute("BEGIN IMMEDIATE")
                if self._db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                    self._db.execute("COMMIT")  # another process applied it since we looked
                    continue
                for statement in statements:
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)",
                    (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def close(self) -> None:
        self._db.close()

    def open_writer(self) -> SQLiteStore:
        """A second connection: in WAL mode this one keeps reading the last committed batch while it writes."""
        return SQLiteStore(self.path)

    # --- writes -------------------------------------------------------------------------------
    def write_batch(self, batch: WriteBatch) -> list[str]:
        db = self._db
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        db.execute("BEGIN IMMEDIATE")
        try:
            skipped = self._write_articles(batch, now)
            gone = set(skipped)
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                [row for row in batch.embeddings if row[0] not in gone],
            )
            db.executemany("DELETE FROM stories WHERE id = ?", [(sid,) for sid in batch.drop_stories])
            db.executemany(
                "INSERT OR REPLACE INTO stories (id, state, blob, last_ts) VALUES (?, ?, ?, ?)",
                batch.story_states,
            )
            db.executemany(
                "INSERT OR REPLACE INTO story_merges (old_id, new_id, at) VALUES (?, ?, ?)",
                [(old, new, now) for old, new in batch.merges],
            )
            for old, new in batch.merges:
                db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (new, old))
                db.execute("DELETE FROM stories WHERE id = ?", (old,))
            db.executemany(
                "UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in batch.story_assignments]
            )
            if batch.statistics is not None:
                db.execute(
                    "INSERT OR REPLACE INTO clusterer_statistics (name, meta, blob) VALUES ('default', ?, ?)",
                    batch.statistics,
                )
            db.executemany(
                "INSERT OR REPLACE INTO outlet_lines (outlet, line_hash, n, stories) VALUES (?, ?, ?, ?)",
                [
                    (row[0], row[1], row[2], row[3] if len(row) > 3 else "")
                    for row in batch.line_counts
                    if row[2] > 0
                ],
            )
            db.executemany(
                "DELETE FROM outlet_lines WHERE outlet = ? AND line_hash = ?",
                [(row[0], row[1]) for row in batch.line_counts if row[2] <= 0],
            )
            self._write_analyses([row for row in batch.analyses if row[0] not in gone])
            self._forget_anatomy(touched_stories(batch))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return skipped

    def _write_articles(self, batch: WriteBatch, now: str) -> list[str]:
        """Insert new articles and apply updates inside the open transaction; returns the ids of new articles
        whose source id is already stored (another process wrote them since this one looked)."""
        db = self._db
        fresh = [s for s in batch.articles if s.replaces is None]
        taken = self.known_source_ids([s.article.source_id for s in fresh])
        skipped = []
        for stored in batch.articles:
            a = stored.article
            if stored.replaces is None and a.source_id in taken:
                skipped.append(a.id)
                continue
            values = (
                stored.content_hash,
                a.title,
                a.text,
                a.lang,
                a.published,
                to_timestamp(a.published),
                a.outlet,
                json.dumps(list(a.authors), ensure_ascii=False),
                a.url,
                a.duplicate_of,
                removed_json(a),
                json.dumps(dict(a.extra), ensure_ascii=False, default=str),
                a.story_id,
                stored.signature,
                now,
                stored.identity,
                stored.raw_hash,
                a.outlet_name,
            )
            if a.outlet and a.outlet_name:
                db.execute(
                    "INSERT OR IGNORE INTO outlet_names (outlet, name, name_key) VALUES (?, ?, ?)",
                    (a.outlet, a.outlet_name, name_key(a.outlet_name) or ""),
                )
            if stored.replaces is None:
                db.execute(
                    "INSERT INTO articles (id, source_id, content_hash, title, text, lang, published, published_ts,"
                    " outlet, authors, url, duplicate_of, removed, extra, story_id, signature, ingested, identity,"
                    " raw_hash, outlet_name) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, a.source_id, *values),
                )
            else:
                self._keep_revision(stored, now)
                db.execute(
                    "UPDATE articles SET content_hash=?, title=?, text=?, lang=?, published=?, published_ts=?,"
                    " outlet=?, authors=?, url=?, duplicate_of=?, removed=?, extra=?, story_id=?, signature=?,"
                    " ingested=?, identity=?, raw_hash=?, outlet_name=? WHERE id = ?",
                    (*values, a.id),
                )
                db.execute("DELETE FROM dup_bands WHERE article_id = ?", (a.id,))
            if stored.bands:
                db.executemany(
                    "INSERT INTO dup_bands (band, article_id) VALUES (?, ?)",
                    [(band, a.id) for band in stored.bands],
                )
        return skipped

    def _keep_revision(self, stored: StoredArticle, now: str) -> None:
        old = stored.replaces
        assert old is not None
        row = self._db.execute("SELECT raw_hash FROM articles WHERE id = ?", (old.id,)).fetchone()
        number = self._db.execute(
            "SELECT coalesce(max(revision), 0) + 1 FROM article_revisions WHERE article_id = ?", (old.id,)
        ).fetchone()[0]
        self._db.execute(
            "INSERT INTO article_revisions (article_id, revision, replaced_at, raw_hash, article) VALUES (?,?,?,?,?)",
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
    def _rows_in(self, sql: str, values: Sequence[Any], before: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` whose ``{marks}`` placeholder is filled with ``values``, queried in chunks."""
        for chunk in _chunks(list(values)):
            yield from self._db.execute(sql.format(marks=",".join("?" * len(chunk))), [*before, *chunk])

    def known_source_ids(self, source_ids: Sequence[str]) -> set[str]:
        return {
            r[0]
            for r in self._rows_in("SELECT source_id FROM articles WHERE source_id IN ({marks})", source_ids)
        }

    def versions(self, identities: Sequence[str]) -> dict[str, list[StoredVersion]]:
        found: dict[str, list[StoredVersion]] = {}
        sql = "SELECT identity, id, source_id, raw_hash, content_hash, rowid FROM articles WHERE identity IN ({marks})"
        for row in sorted(self._rows_in(sql, identities), key=lambda r: r[5]):
            found.setdefault(row[0], []).append(StoredVersion(row[1], row[2], row[3], row[4]))
        return found

    def revisions(self, article_id: str) -> list[Revision]:
        rows = self._db.execute(
            "SELECT revision, replaced_at, article FROM article_revisions WHERE article_id = ? ORDER BY revision",
            (article_id,),
        )
        return [Revision(r[0], r[1], article_from_json(json.loads(r[2]))) for r in rows]

    def story_states_by_id(self, story_ids: Sequence[str]) -> list[tuple[str, bytes]]:
        return [
            (r[0], r[1])
            for r in self._rows_in("SELECT state, blob FROM stories WHERE id IN ({marks})", story_ids)
        ]

    def count_stories(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def find_by_content_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        sql = (
            "SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})"
            " AND duplicate_of IS NULL ORDER BY rowid"
        )
        for digest, article_id in self._rows_in(sql, hashes):
            found.setdefault(digest, article_id)
        return found

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, bytes]]:
        sql = (
            "SELECT a.rowid, a.id, a.signature FROM dup_bands b JOIN articles a ON a.id = b.article_id"
            " WHERE b.band IN ({marks}) AND a.duplicate_of IS NULL"
        )
        rows = sorted((r[0], r[1], r[2]) for r in self._rows_in(sql, bands) if r[2] is not None)
        out: dict[str, bytes] = {}
        for _, article_id, signature in rows:  # oldest first: ties go to the first copy stored
            out.setdefault(article_id, signature)
        return list(out.items())

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        sql = "SELECT id, story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL"
        return {r[0]: r[1] for r in self._rows_in(sql, article_ids)}

    def embeddings(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]:
        sql = "SELECT article_id, vector FROM embeddings WHERE model = ? AND article_id IN ({marks})"
        return {r[0]: r[1] for r in self._rows_in(sql, article_ids, before=[model])}

    def embeddings_after(self, model: str, after_rowid: int, limit: int) -> list[tuple[int, str, bytes]]:
        rows = self._db.execute(
            "SELECT rowid, article_id, vector FROM embeddings WHERE model = ? AND rowid > ? ORDER BY rowid LIMIT ?",
            (model, after_rowid, limit),
        )
        return [(int(r[0]), r[1], bytes(r[2])) for r in rows]

    def story_states(
        self, since: float | None = None, until: float | None = None
    ) -> Iterable[tuple[str, bytes]]:
        sql = "SELECT state, blob FROM stories WHERE 1=1"
        args: list[Any] = []
        if since is not None:  # undated stories have no activity time: they always count as active
            sql += " AND (last_ts >= ? OR last_ts IS NULL)"
            args.append(since)
        if until is not None:
            sql += " AND last_ts <= ?"
            args.append(until)
        return [(r[0], r[1]) for r in self._db.execute(sql, args)]

    def clusterer_statistics(self) -> tuple[str, bytes] | None:
        row = self._db.execute(
            "SELECT meta, blob FROM clusterer_statistics WHERE name = 'default'"
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def latest_story_time(self) -> float | None:
        row = self._db.execute("SELECT max(last_ts) FROM stories").fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def line_counts(self) -> list[tuple[str, str, int, str]]:
        rows = self._db.execute("SELECT outlet, line_hash, n, stories FROM outlet_lines")
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    # --- reads for the views -----------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article:
        row = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ? OR source_id = ?", (article_id, article_id)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}; list ids with `storyweave articles`")
        return row_to_article(row)

    def _where(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if query.lang:
            clauses.append("a.lang = ?")
            args.append(query.lang)
        if query.outlet:
            keys = self._outlet_keys(query.outlet)
            clauses.append(f"a.outlet IN ({','.join('?' * len(keys))})")
            args.extend(keys)
        if query.since:
            clauses.append("a.published_ts >= ?")
            args.append(to_timestamp(query.since))
        if query.until:
            clauses.append("a.published_ts < ?")
            args.append(to_timestamp(query.until, end_of_day=True))
        if query.story_id:
            clauses.append("a.story_id = ?")
            args.append(self.resolve_story(query.story_id))
        if query.search:
            clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            args.append(fts5_query(query.search))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def _outlet_keys(self, value: str) -> list[str]:
        """The outlet keys an ``--outlet`` value names: its own key (of a domain, URL or name) and the keys of the
        outlets that carry it as a display name, compared by name key (case and punctuation aside)."""
        given = " ".join(value.split())
        keys = {given, given.casefold(), outlet_key(given) or given}
        key_of_name = name_key(value)
        if key_of_name:
            rows = self._db.execute(
                "SELECT DISTINCT outlet FROM outlet_names WHERE name_key = ?", (key_of_name,)
            )
            keys.update(r[0] for r in rows)
        return sorted(keys)

    def outlets(self) -> list[OutletSummary]:
        names: dict[str, dict[str, int]] = {}
        for key, name, n in self._db.execute(
            "SELECT outlet, outlet_name, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet_name IS NOT NULL"
            " GROUP BY outlet, outlet_name"
        ):
            names.setdefault(key, {})[name] = n
        found = []
        for key, articles, stories in self._db.execute(
            "SELECT outlet, count(*), count(DISTINCT story_id) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
        ):
            seen = sorted(names.get(key, {}).items(), key=lambda item: (-item[1], item[0]))
            found.append(
                OutletSummary(
                    key=key,
                    name=seen[0][0] if seen else None,
                    articles=articles,
                    stories=stories,
                    names=tuple(name for name, _ in seen),
                )
            )
        found.sort(key=lambda o: (-o.articles, o.key))
        return found

    def _select(self, sql: str, args: list[Any]) -> sqlite3.Cursor:
        """Rows of a listing query; FTS5 rejecting the search becomes a QueryError, not a traceback."""
        try:
            return self._db.execute(sql, args)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc):
                raise QueryError(f"the search is not valid full-text syntax ({exc})") from exc
            raise

    def articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[Article]:
        check_articles_query(query)
        where, args = self._where(query)
        cols = ", ".join(f"a.{c.strip()}" for c in ARTICLE_COLUMNS.split(","))
        sql = f"SELECT {cols} FROM articles a{where} ORDER BY a.published_ts IS NULL, a.published_ts, a.id"
        page, page_args = _page(query)
        return (row_to_article(row) for row in self._select(sql + page, args + page_args))

    def count_matching_articles(self, query: ArticleQuery = ArticleQuery()) -> int:
        check_articles_query(query)
        where, args = self._where(query)
        return int(self._select(f"SELECT count(*) FROM articles a{where}", args).fetchone()[0])

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def resolve_story(self, story_id: str) -> str:
        seen = {story_id}
        current = story_id
        while True:
            row = self._db.execute("SELECT new_id FROM story_merges WHERE old_id = ?", (current,)).fetchone()
            if row is None or row[0] in seen:
                return current
            current = row[0]
            seen.add(current)

    def _matching_stories(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        """SELECT of (id, last_ts, size) of the stories with an article matching ``query``, ``min_size`` applied.
        ``size`` counts all of a story's articles, as the listing shows it, not only the matching ones."""
        where, args = self._where(query)
        extra = " AND " if where else " WHERE "
        # without filters every member matches: the group's count is the size; else count all members by index
        size = "count(*)" if not where else "(SELECT count(*) FROM articles m WHERE m.story_id = a.story_id)"
        sql = (
            f"SELECT a.story_id AS id, max(a.published_ts) AS last_ts, {size} AS size FROM articles a"
            + where
            + extra
            + "a.story_id IS NOT NULL GROUP BY a.story_id"
        )
        if query.min_size is not None:
            sql += " HAVING size >= ?"
            args.append(query.min_size)
        return sql, args

    def count_matching_stories(self, query: ArticleQuery = ArticleQuery()) -> int:
        sql, args = self._matching_stories(query)
        return int(self._select(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])

    def stories(self, query: ArticleQuery = ArticleQuery()) -> list[Story]:
        sql, args = self._matching_stories(query)
        order = {"recent": "last_ts DESC, id", "size": "size DESC, last_ts DESC, id"}[query.sort]
        page, page_args = _page(query)
        ids = [r[0] for r in self._select(f"SELECT id FROM ({sql}) ORDER BY {order}{page}", args + page_args)]
        members: dict[str, list[sqlite3.Row]] = {i: [] for i in ids}
        rows = self._rows_in(
            "SELECT story_id, id, title, lang, outlet, published, published_ts FROM articles"
            " WHERE story_id IN ({marks})",
            ids,
        )
        for row in rows:
            members[row["story_id"]].append(row)
        return [story_from_rows(i, members[i]) for i in ids]

    def story(self, story_id: str) -> Story:
        resolved = self.resolve_story(story_id)
        rows = self._db.execute(
            "SELECT id, title, lang, outlet, published, published_ts FROM articles WHERE story_id = ?",
            (resolved,),
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no story with id {story_id!r}; list ids with `storyweave stories`")
        return story_from_rows(resolved, rows)

    def stats(self) -> dict[str, int]:
        q = self._db.execute
        return {
            "articles": int(q("SELECT count(*) FROM articles").fetchone()[0]),
            "duplicates": int(
                q("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
            ),
            "stories": int(
                q("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL").fetchone()[0]
            ),
            "outlets": int(q("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0]),
            "languages": int(q("SELECT count(DISTINCT lang) FROM articles").fetchone()[0]),
        }
