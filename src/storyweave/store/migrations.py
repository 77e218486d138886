"""Named, ordered schema migrations. Each runs in its own transaction and is recorded once."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, list[str]]] = [
    (
        "0001_initial",
        [
            """CREATE TABLE articles (
                rowid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source_id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL,
                title TEXT,
                text TEXT NOT NULL,
                lang TEXT,
                published TEXT,
                published_ts REAL,
                outlet TEXT,
                authors TEXT NOT NULL DEFAULT '[]',
                url TEXT,
                duplicate_of TEXT,
                removed TEXT NOT NULL DEFAULT '[]',
                extra TEXT NOT NULL DEFAULT '{}',
                story_id TEXT,
                signature BLOB,
                ingested TEXT NOT NULL
            )""",
            "CREATE INDEX articles_content_hash ON articles(content_hash)",
            "CREATE INDEX articles_published ON articles(published_ts)",
            "CREATE INDEX articles_outlet ON articles(outlet)",
            "CREATE INDEX articles_lang ON articles(lang)",
            "CREATE INDEX articles_story ON articles(story_id)",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
            END""",
            """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            END""",
            """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
            END""",
            """CREATE TABLE dup_bands (
                band INTEGER NOT NULL,
                article_id TEXT NOT NULL
            )""",
            "CREATE INDEX dup_bands_band ON dup_bands(band)",
            """CREATE TABLE embeddings (
                article_id TEXT NOT NULL,
                model TEXT NOT NULL,
                vector BLOB NOT NULL,
                PRIMARY KEY (article_id, model)
            ) WITHOUT ROWID""",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                blob BLOB NOT NULL,
                last_ts REAL
            )""",
            "CREATE INDEX stories_last ON stories(last_ts)",
            """CREATE TABLE story_merges (
                old_id TEXT PRIMARY KEY,
                new_id TEXT NOT NULL,
                at TEXT NOT NULL
            )""",
            """CREATE TABLE outlet_lines (
                outlet TEXT NOT NULL,
                line_hash TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (outlet, line_hash)
            ) WITHOUT ROWID""",
        ],
    ),
    (
        "0002_clusterer_statistics",
        [
            """CREATE TABLE clusterer_statistics (
                name TEXT PRIMARY KEY,
                meta TEXT NOT NULL,
                blob BLOB NOT NULL
            )""",
        ],
    ),
    (
        # vectors (2 KB each) appended in rowid order with a small unique index, instead of a WITHOUT ROWID table
        # keyed by random article ids, where every insert dirtied (and often split) a page of 2 KB records:
        # -0.46 ms per article written with 1,000,000 articles stored
        "0003_embeddings_by_rowid",
        [
            """CREATE TABLE embeddings_new (
                article_id TEXT NOT NULL,
                model TEXT NOT NULL,
                vector BLOB NOT NULL
            )""",
            "INSERT INTO embeddings_new (article_id, model, vector) SELECT article_id, model, vector FROM embeddings",
            "DROP TABLE embeddings",
            "ALTER TABLE embeddings_new RENAME TO embeddings",
            "CREATE UNIQUE INDEX embeddings_key ON embeddings(article_id, model)",
        ],
    ),
    (
        # issue 7: an article's identity (its input id, normalised URL or canonical place) and the hash of the
        # input version stored; earlier versions of updated articles; the stories a recurrent line was seen in
        "0004_identity_revisions",
        [
            "ALTER TABLE articles ADD COLUMN identity TEXT",
            "ALTER TABLE articles ADD COLUMN raw_hash TEXT",
            "UPDATE articles SET identity = source_id",
            "CREATE INDEX articles_identity ON articles(identity)",
            """CREATE TABLE article_revisions (
                article_id TEXT NOT NULL,
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
        # issue 8: one canonical outlet per site. ``outlet`` becomes the key (the registered domain, else the name
        # key) and ``outlet_name`` the display name; old rows are re-keyed from what they held and their URL, as
        # the cleaner keys new ones. ``outlet_names`` maps display names to keys for ``--outlet``. Learned
        # recurrent lines follow their outlet to its key (lines of outlets merged into one key are added up).
        # ``storyweave_outlet_key`` and ``storyweave_outlet_name`` are Python functions the store registers.
        "0005_outlet_names",
        [
            "ALTER TABLE articles ADD COLUMN outlet_name TEXT",
            """CREATE TABLE outlet_rekey AS
                SELECT outlet AS old, storyweave_outlet_key(outlet, url) AS new, count(*) AS n
                FROM articles WHERE outlet IS NOT NULL GROUP BY 1, 2""",
            """UPDATE articles SET outlet_name = storyweave_outlet_name(outlet, url),
                outlet = storyweave_outlet_key(outlet, url)
                WHERE outlet IS NOT NULL OR url IS NOT NULL""",
            """CREATE TABLE outlet_names (
                outlet TEXT NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                PRIMARY KEY (outlet, name)
            ) WITHOUT ROWID""",
            "CREATE INDEX outlet_names_key ON outlet_names(name_key)",
            """INSERT OR IGNORE INTO outlet_names (outlet, name, name_key)
                SELECT DISTINCT outlet, outlet_name, storyweave_name_key(outlet_name) FROM articles
                WHERE outlet IS NOT NULL AND outlet_name IS NOT NULL""",
            """CREATE TABLE outlet_lines_new (
                outlet TEXT NOT NULL,
                line_hash TEXT NOT NULL,
                n INTEGER NOT NULL,
                stories TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (outlet, line_hash)
            ) WITHOUT ROWID""",
            """INSERT INTO outlet_lines_new (outlet, line_hash, n, stories)
                SELECT key, line_hash, sum(n), coalesce(group_concat(nullif(stories, ''), ','), '') FROM (
                    SELECT coalesce(
                        (SELECT r.new FROM outlet_rekey r WHERE r.old = l.outlet AND r.new IS NOT NULL
                         ORDER BY r.n DESC, r.new LIMIT 1),
                        storyweave_outlet_key(l.outlet, NULL)
                    ) AS key, l.line_hash, l.n, l.stories FROM outlet_lines l
                ) WHERE key IS NOT NULL GROUP BY key, line_hash""",
            "DROP TABLE outlet_lines",
            "ALTER TABLE outlet_lines_new RENAME TO outlet_lines",
            "DROP TABLE outlet_rekey",
        ],
    ),
    (
        # issue 9: what the per-article analysers found (quotes, figures, citations), one JSON list per article and
        # analyser with the analyser's version (``reanalyze`` re-runs older ones), and each story's anatomy as last
        # built: a write that changes a story's articles or their analyses deletes its row, the next read rebuilds it.
        "0006_analyses",
        [
            """CREATE TABLE analyses (
                article_id TEXT NOT NULL,
                analyser TEXT NOT NULL,
                version INTEGER NOT NULL,
                result TEXT NOT NULL,
                PRIMARY KEY (article_id, analyser)
            ) WITHOUT ROWID""",
            "CREATE INDEX analyses_version ON analyses(analyser, version)",
            """CREATE TABLE story_anatomy (
                story_id TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                anatomy TEXT NOT NULL,
                built TEXT NOT NULL
            ) WITHOUT ROWID""",
        ],
    ),
    # Store.embeddings_after reads vectors in the order they were written: here by rowid, which 0003 gave the
    # table (a replaced vector is a new row). PostgreSQL's embeddings need a column for it; the name is recorded
    # here all the same, so both stores list the same migrations.
    ("0007_embeddings_in_order", []),
    # issue 10: story listings group articles by story and take the latest publish time; with this covering index
    # that is an index-only scan (100,000 articles: 230 -> 35 ms per listing query)
    ("0008_story_time_index", ["CREATE INDEX articles_story_time ON articles(story_id, published_ts)"]),
]
