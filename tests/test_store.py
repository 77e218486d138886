import sqlite3

import pytest

from storyweave.errors import NotFoundError, QueryError
from storyweave.models import Article
from storyweave.store import ArticleQuery, SQLiteStore, StoredArticle, WriteBatch
from storyweave.store.base import StoredVersion


def _article(i, **kw):
    base = dict(
        id=f"a{i}",
        source_id=f"src{i}",
        title=f"Title {i}",
        text=f"Body text number {i} about floods.",
        lang="en",
        published=f"2020-01-0{i}T10:00:00+00:00",
        outlet="example.com",
    )
    base.update(kw)
    return Article(**base)


def _batch(*articles, **kw):
    return WriteBatch(articles=[StoredArticle(a, content_hash="h" + a.id) for a in articles], **kw)


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_migrations_are_named_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    s = SQLiteStore(path)
    assert s.migrations() == [
        "0001_initial",
        "0002_clusterer_statistics",
        "0003_embeddings_by_rowid",
        "0004_identity_revisions",
        "0005_outlet_names",
        "0006_analyses",
    ]
    assert s.migrate() == []
    s.close()
    again = SQLiteStore(path)
    assert again.migrate() == []
    again.close()


def test_a_store_from_before_0003_keeps_its_embeddings(tmp_path):
    from storyweave.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, statements in MIGRATIONS[:2]:
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_migrations VALUES (?, '2026-11-24')", (name,))
    vector = bytes(range(16))
    db.execute("INSERT INTO embeddings (article_id, model, vector) VALUES ('a1', 'usem3', ?)", (vector,))
    db.close()
    store = SQLiteStore(path)
    try:
        assert "0003_embeddings_by_rowid" in store.migrations()
        assert store.embeddings(["a1", "a2"], "usem3") == {"a1": vector}
        with pytest.raises(sqlite3.IntegrityError):  # still one vector per article and model
            store._db.execute(
                "INSERT INTO embeddings (article_id, model, vector) VALUES ('a1', 'usem3', x'00')"
            )
    finally:
        store.close()


def test_wal_mode(store):
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_round_trip_and_filters(store):
    store.write_batch(
        _batch(
            _article(1),
            _article(2, lang="fr", outlet="lemonde.fr", text="Les inondations à Paris."),
            _article(3, published=None),
        )
    )
    assert store.count_articles() == 3
    a = store.get_article("a2")
    assert (a.lang, a.outlet, a.text) == ("fr", "lemonde.fr", "Les inondations à Paris.")
    assert store.get_article("src2").id == "a2"
    assert [x.id for x in store.articles(ArticleQuery(lang="fr"))] == ["a2"]
    assert [x.id for x in store.articles(ArticleQuery(since="2020-01-02"))] == ["a2"]
    assert [x.id for x in store.articles(ArticleQuery(until="2020-01-01"))] == ["a1"]
    # missing dates sort last
    assert [x.id for x in store.articles()] == ["a1", "a2", "a3"]


def test_full_text_search_folds_accents_and_quotes_safely(store):
    store.write_batch(_batch(_article(1, text="Séisme au Chili"), _article(2, text="Floods in Kerala")))
    assert [a.id for a in store.articles(ArticleQuery(search="seisme"))] == ["a1"]
    with pytest.raises(QueryError, match="unbalanced"):
        store.articles(ArticleQuery(search='kerala "OR'))
    assert [a.id for a in store.articles(ArticleQuery(search='kerala OR "OR"'))] == ["a2"]
    assert [a.id for a in store.articles(ArticleQuery(search="Kerala"))] == ["a2"]


def test_a_store_from_before_0004_knows_its_articles_by_identity(tmp_path):
    from storyweave.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, statements in MIGRATIONS[:3]:
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_migrations VALUES (?, '2026-11-25')", (name,))
    db.execute(
        "INSERT INTO articles (id, source_id, content_hash, text, ingested) VALUES ('a1', 'f.txt', 'h', 'x', 'now')"
    )
    db.execute("INSERT INTO outlet_lines (outlet, line_hash, n) VALUES ('example.com', 'abc', 3)")
    db.close()
    store = SQLiteStore(path)
    try:
        assert store.versions(["f.txt", "g.txt"]) == {"f.txt": [StoredVersion("a1", "f.txt", None, "h")]}
        assert store.line_counts() == [("example.com", "abc", 3, "")]
    finally:
        store.close()


def test_failed_batch_writes_nothing(store):
    store.write_batch(_batch(_article(1)))
    with pytest.raises(sqlite3.IntegrityError):
        store.write_batch(
            _batch(_article(2), _article(1, source_id="other"))
        )  # a1 again violates the unique id
    assert [a.id for a in store.articles()] == ["a1"]


def test_an_article_another_writer_stored_meanwhile_is_skipped_not_failed(store):
    assert store.write_batch(_batch(_article(1))) == []
    assert store.write_batch(_batch(_article(2), _article(1))) == ["a1"]
    assert [a.id for a in store.articles()] == ["a1", "a2"]


def test_an_update_keeps_the_earlier_version_as_a_revision(store):
    first = _article(1)
    store.write_batch(_batch(first))
    second = _article(1, text="Body text number 1 about floods, corrected: nine dead, not eight.")
    store.write_batch(WriteBatch(articles=[StoredArticle(second, content_hash="h2", replaces=first)]))
    assert store.get_article("a1").text == second.text
    assert [a.id for a in store.articles(ArticleQuery(search="corrected"))] == ["a1"]
    assert [a.id for a in store.articles(ArticleQuery(search="floods"))] == ["a1"]
    revisions = store.revisions("a1")
    assert [(r.number, r.article.text) for r in revisions] == [(1, first.text)]
    assert store.revisions("a2") == []


def test_merges_resolve_and_move_articles(store):
    store.write_batch(_batch(_article(1, story_id="s1"), _article(2, story_id="s2")))
    store.write_batch(WriteBatch(merges=[("s2", "s1")]))
    assert store.resolve_story("s2") == "s1"
    assert store.story("s2").id == "s1"
    assert store.story("s1").article_ids == ("a1", "a2")
    with pytest.raises(NotFoundError):
        store.story("nope")


def test_story_summary(store):
    store.write_batch(
        _batch(_article(1, story_id="s1"), _article(2, story_id="s1", lang="fr", outlet="lemonde.fr"))
    )
    s = store.story("s1")
    assert s.size == 2
    assert s.languages == ("en", "fr")
    assert s.outlets == ("example.com", "lemonde.fr")
    assert s.first_published.startswith("2020-01-01") and s.last_published.startswith("2020-01-02")
    assert [x.id for x in store.stories(ArticleQuery(lang="fr"))] == ["s1"]


def test_lookups_for_dedup(store):
    a = _article(1)
    store.write_batch(
        WriteBatch(articles=[StoredArticle(a, "hash1", signature=b"\x01\x02\x03\x04", bands=(7, 9))])
    )
    assert store.known_source_ids(["src1", "other"]) == {"src1"}
    assert store.find_by_content_hash(["hash1", "x"]) == {"hash1": "a1"}
    assert store.near_duplicate_candidates([9, 11]) == [("a1", b"\x01\x02\x03\x04")]
    assert store.near_duplicate_candidates([11]) == []
