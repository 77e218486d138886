"""The PostgreSQL translation of :mod:`storyweave.store.migrations`: the same named migrations and tables.

Differences from SQLite: ``seq`` (an identity column, on articles and embeddings) keeps the insertion order
SQLite's ``rowid`` keeps; blobs are
``bytea``; JSON stays text (the store reads and writes it whole); ids and other keys compare byte-wise
(``COLLATE "C"``), as in SQLite, whatever the database's locale; the full-text index is a stored ``tsvector`` column
(``search``) with a GIN index, built by the ``storyweave`` text search configuration: PostgreSQL's ``simple`` one
with ``unaccent`` in front, which folds diacritics as FTS5's ``remove_diacritics`` does. Blobs of random-looking
floats are stored without compression (``STORAGE EXTERNAL``, a row target that keeps 2 KB vectors inline).

A step is SQL text or a Python function of the open cursor (0005's outlet re-keying, done in Python instead of
through functions registered on the connection).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Step = str | Callable[[Any], None]

_KEY = 'TEXT COLLATE "C"'


def _rekey_outlets(cur: Any) -> None:
    """0005 on a store with older rows: each row's outlet key and display name from its outlet and URL, as the
    cleaner finds them for a new article; learned lines follow their outlet to its key (merged keys add up)."""
    from storyweave.clean.outlet import OutletFinder, name_key

    finder = OutletFinder()
    rows = cur.execute(
        "SELECT id, outlet, url FROM articles WHERE outlet IS NOT NULL OR url IS NOT NULL"
    ).fetchall()
    moved: dict[str, dict[str, int]] = {}
    updates = []
    for article_id, old, url in rows:
        found = finder.find(old, None, url)
        key, name = (found.key, found.name) if found else (None, None)
        if old is not None and key is not None:
            moved.setdefault(old, {})
            moved[old][key] = moved[old].get(key, 0) + 1
        updates.append((key, name, article_id))
    cur.executemany("UPDATE articles SET outlet = %s, outlet_name = %s WHERE id = %s", updates)
    cur.execute(
        "INSERT INTO outlet_names (outlet, name, name_key) SELECT DISTINCT outlet, outlet_name, '' FROM articles"
        " WHERE outlet IS NOT NULL AND outlet_name IS NOT NULL ON CONFLICT DO NOTHING"
    )
    names = cur.execute("SELECT outlet, name FROM outlet_names").fetchall()
    cur.executemany(
        "UPDATE outlet_names SET name_key = %s WHERE outlet = %s AND name = %s",
        [(name_key(name) or "", outlet, name) for outlet, name in names],
    )
    lines: dict[tuple[str, str], list[Any]] = {}
    for outlet, line_hash, n, stories in cur.execute(
        "SELECT outlet, line_hash, n, stories FROM outlet_lines"
    ):
        counts = moved.get(outlet)
        if counts:
            key = min(counts, key=lambda k: (-counts[k], k))
        else:
            found = finder.find(outlet, None, None)
            key = found.key if found else None
        if key is None:
            continue
        total = lines.setdefault((key, line_hash), [0, []])
        total[0] += n
        if stories:
            total[1].append(stories)
    cur.execute("DELETE FROM outlet_lines")
    cur.executemany(
        "INSERT INTO outlet_lines (outlet, line_hash, n, stories) VALUES (%s, %s, %s, %s)",
        [(key, line_hash, n, ",".join(stories)) for (key, line_hash), (n, stories) in lines.items()],
    )


MIGRATIONS: list[tuple[str, list[Step]]] = [
    (
        "0001_initial",
        [
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            "CREATE TEXT SEARCH CONFIGURATION storyweave (COPY = simple)",
            "ALTER TEXT SEARCH CONFIGURATION storyweave ALTER MAPPING FOR hword, hword_part, word"
            " WITH unaccent, simple",
            f"""CREATE TABLE articles (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id {_KEY} NOT NULL UNIQUE,
                source_id {_KEY} NOT NULL UNIQUE,
                content_hash TEXT NOT NULL,
                title TEXT,
                text TEXT NOT NULL,
                lang TEXT,
                published TEXT,
                published_ts DOUBLE PRECISION,
                outlet {_KEY},
                authors TEXT NOT NULL DEFAULT '[]',
                url TEXT,
                duplicate_of {_KEY},
                removed TEXT NOT NULL DEFAULT '[]',
                extra TEXT NOT NULL DEFAULT '{{}}',
                story_id {_KEY},
                signature BYTEA,
                ingested TEXT NOT NULL,
                search TSVECTOR GENERATED ALWAYS AS (
                    to_tsvector('storyweave'::regconfig, coalesce(title, ''))
                    || to_tsvector('storyweave'::regconfig, text)
                ) STORED
            )""",
            "CREATE INDEX articles_content_hash ON articles(content_hash)",
            "CREATE INDEX articles_published ON articles(published_ts)",
            "CREATE INDEX articles_outlet ON articles(outlet)",
            "CREATE INDEX articles_lang ON articles(lang)",
            "CREATE INDEX articles_story ON articles(story_id)",
            "CREATE INDEX articles_search ON articles USING GIN (search)",
            f"CREATE TABLE dup_bands (band BIGINT NOT NULL, article_id {_KEY} NOT NULL)",
            "CREATE INDEX dup_bands_band ON dup_bands(band)",
            f"""CREATE TABLE embeddings (
                article_id {_KEY} NOT NULL,
                model TEXT NOT NULL,
                vector BYTEA NOT NULL,
                PRIMARY KEY (article_id, model)
            ) WITH (toast_tuple_target = 8160)""",
            "ALTER TABLE embeddings ALTER COLUMN vector SET STORAGE EXTERNAL",
            f"""CREATE TABLE stories (
                id {_KEY} PRIMARY KEY,
                state TEXT NOT NULL,
                blob BYTEA NOT NULL,
                last_ts DOUBLE PRECISION
            )""",
            "ALTER TABLE stories ALTER COLUMN blob SET STORAGE EXTERNAL",
            "CREATE INDEX stories_last ON stories(last_ts)",
            f"""CREATE TABLE story_merges (
                old_id {_KEY} PRIMARY KEY,
                new_id {_KEY} NOT NULL,
                at TEXT NOT NULL
            )""",
            f"""CREATE TABLE outlet_lines (
                outlet {_KEY} NOT NULL,
                line_hash TEXT NOT NULL,
                n BIGINT NOT NULL,
                PRIMARY KEY (outlet, line_hash)
            )""",
        ],
    ),
    (
        "0002_clusterer_statistics",
        [
            "CREATE TABLE clusterer_statistics (name TEXT PRIMARY KEY, meta TEXT NOT NULL, blob BYTEA NOT NULL)"
        ],
    ),
    # SQLite's 0003 moved vectors out of a clustered (WITHOUT ROWID) table; a PostgreSQL table is a heap in
    # insertion order with its key in a separate index already: nothing to do, the name is recorded all the same
    ("0003_embeddings_by_rowid", []),
    (
        "0004_identity_revisions",
        [
            "ALTER TABLE articles ADD COLUMN identity TEXT",
            "ALTER TABLE articles ADD COLUMN raw_hash TEXT",
            "UPDATE articles SET identity = source_id",
            "CREATE INDEX articles_identity ON articles(identity)",
            f"""CREATE TABLE article_revisions (
                article_id {_KEY} NOT NULL,
                revision INTEGER NOT NULL,
                replaced_at TEXT NOT NULL,
                raw_hash TEXT,
                article TEXT NOT NULL,
                PRIMARY KEY (article_id, revision)
            )""",
            "ALTER TABLE outlet_lines ADD COLUMN stories TEXT NOT NULL DEFAULT ''",
        ],
    ),
    (
        "0005_outlet_names",
        [
            "ALTER TABLE articles ADD COLUMN outlet_name TEXT",
            f"""CREATE TABLE outlet_names (
                outlet {_KEY} NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                PRIMARY KEY (outlet, name)
            )""",
            "CREATE INDEX outlet_names_key ON outlet_names(name_key)",
            _rekey_outlets,
        ],
    ),
    (
        "0006_analyses",
        [
            f"""CREATE TABLE analyses (
                article_id {_KEY} NOT NULL,
                analyser TEXT NOT NULL,
                version INTEGER NOT NULL,
                result TEXT NOT NULL,
                PRIMARY KEY (article_id, analyser)
            )""",
            "CREATE INDEX analyses_version ON analyses(analyser, version)",
            f"""CREATE TABLE story_anatomy (
                story_id {_KEY} PRIMARY KEY,
                version INTEGER NOT NULL,
                anatomy TEXT NOT NULL,
                built TEXT NOT NULL
            )""",
        ],
    ),
    (
        # Store.embeddings_after: vectors in the order written, as SQLite's rowid orders them; the upsert in
        # write_batch sets seq again when it replaces a vector, as SQLite's INSERT OR REPLACE writes a new row
        "0007_embeddings_in_order",
        [
            "ALTER TABLE embeddings ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY",
            "CREATE INDEX embeddings_model_seq ON embeddings(model, seq)",
        ],
    ),
    ("0008_story_time_index", ["CREATE INDEX articles_story_time ON articles(story_id, published_ts)"]),
]
