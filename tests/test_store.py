"""The store contract: every test taking ``store`` (or ``open_store``) runs on SQLite and on PostgreSQL (a throwaway
cluster, tests/pg.py; skipped where none can start). Tests of SQLite files from older versions run on SQLite only."""

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


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request):
    return request.param


@pytest.fixture
def open_store(request, backend, tmp_path):
    """Opens another handle on one new store of the backend each time it is called."""
    if backend == "sqlite":
        location, make = str(tmp_path / "t.db"), SQLiteStore
    else:
        from storyweave.store.postgres import PostgresStore

        location, make = request.getfixturevalue("pg_url"), PostgresStore
    opened = []

    def open_():
        opened.append(make(location))
        return opened[-1]

    yield open_
    for s in opened:
        s.close()


@pytest.fixture
def store(open_store):
    return open_store()


def _integrity_error(backend):
    if backend == "sqlite":
        return sqlite3.IntegrityError
    import psycopg

    return psycopg.errors.IntegrityError


def test_migrations_are_named_recorded_and_idempotent(open_store):
    s = open_store()
    assert s.migrations() == [
        "0001_initial",
        "0002_clusterer_statistics",
        "0003_embeddings_by_rowid",
        "0004_identity_revisions",
        "0005_outlet_names",
        "0006_analyses",
        "0007_embeddings_in_order",
        "0008_story_time_index",
    ]
    assert s.migrate() == []
    s.close()
    again = open_store()
    assert again.migrate() == []


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


def test_wal_mode(tmp_path):
    store = SQLiteStore(tmp_path / "t.db")
    store.close()
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


def test_failed_batch_writes_nothing(store, backend):
    store.write_batch(_batch(_article(1)))
    with pytest.raises(_integrity_error(backend)):
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


def _ids(items):
    return [x.id for x in items]


def test_search_operators_phrases_prefixes_and_groups(store):
    store.write_batch(
        _batch(
            _article(1, title="Apple pie", text="A recipe for apple pie from New York."),
            _article(2, title="Boeing", text="Boeing delivers planes to York, not New Jersey."),
            _article(3, title="Séisme", text="Un séisme frappe le Chili; Ørsted et Straße."),
            _article(4, title="Apple", text="Apple sells phones."),
        )
    )

    def found(search):
        return _ids(store.articles(ArticleQuery(search=search)))

    assert found("apple") == ["a1", "a4"]
    assert found("apple pie") == ["a1"]  # plain words are all required
    assert found("apple AND pie") == ["a1"]
    assert found("apple NOT pie") == ["a4"]
    assert found("pie OR boeing") == ["a1", "a2"]
    assert found('"new york"') == ["a1"]  # a phrase: adjacent, in order
    assert found('"york new"') == []
    assert found("seis*") == ["a3"]  # a prefix, accents folded
    assert found("SÉISME") == ["a3"]
    assert found("(pie OR phones) NOT recipe") == ["a4"]
    assert found("apple (pie OR phones)") == ["a1", "a4"]
    assert found("nothing") == []
    assert store.count_matching_articles(ArticleQuery(search="apple")) == 2
    for bad in ("apple OR", "NOT apple", "(apple", "apple )", "*", '""', "()"):
        with pytest.raises(QueryError):
            store.articles(ArticleQuery(search=bad))


def test_search_sees_title_and_punctuation_stays_a_word(store):
    store.write_batch(
        _batch(
            _article(1, title="U.S. floods", text="Rivers rose."),
            _article(2, title="Covid-19 cases", text="Cases fell; O'Brien said so."),
        )
    )
    assert _ids(store.articles(ArticleQuery(search="floods"))) == ["a1"]
    assert _ids(store.articles(ArticleQuery(search="U.S."))) == ["a1"]
    assert _ids(store.articles(ArticleQuery(search="covid-19"))) == ["a2"]
    assert _ids(store.articles(ArticleQuery(search="O'Brien"))) == ["a2"]
    assert _ids(store.articles(ArticleQuery(search="title:x OR rivers"))) == ["a1"]


def test_listing_pages_and_counts(store):
    store.write_batch(_batch(*(_article(i) for i in range(1, 6))))
    assert _ids(store.articles(ArticleQuery(limit=2))) == ["a1", "a2"]
    assert _ids(store.articles(ArticleQuery(limit=2, offset=3))) == ["a4", "a5"]
    assert _ids(store.articles(ArticleQuery(offset=4))) == ["a5"]
    assert _ids(store.articles(ArticleQuery(limit=0))) == ["a1", "a2", "a3", "a4", "a5"]
    assert store.count_matching_articles(ArticleQuery(limit=1)) == 5
    with pytest.raises(QueryError):
        store.articles(ArticleQuery(sort="size"))


def test_stories_sort_by_recent_or_size_with_min_size_and_paging(store):
    store.write_batch(
        _batch(
            _article(1, story_id="s1"),
            _article(2, story_id="s2"),
            _article(3, story_id="s2"),
            _article(4, story_id="s3", published=None),
            _article(5, story_id="s1", lang="fr"),
            _article(6, story_id="s1"),
            _article(7),
        )
    )
    assert _ids(store.stories()) == ["s1", "s2", "s3"]  # undated stories last
    assert _ids(store.stories(ArticleQuery(sort="size"))) == ["s1", "s2", "s3"]
    assert _ids(store.stories(ArticleQuery(min_size=2))) == ["s1", "s2"]
    assert _ids(store.stories(ArticleQuery(lang="fr", min_size=3))) == ["s1"]  # size counts every member
    assert [s.size for s in store.stories(ArticleQuery(lang="fr"))] == [3]
    assert _ids(store.stories(ArticleQuery(limit=1, offset=1))) == ["s2"]
    assert store.count_matching_stories() == 3
    assert store.count_matching_stories(ArticleQuery(min_size=2)) == 2
    assert store.count_matching_stories(ArticleQuery(lang="fr")) == 1
    assert store.count_matching_stories(ArticleQuery(search="number")) == 3
    s1 = store.story("s1")
    assert (s1.title, s1.article_ids, s1.languages) == ("Title 1", ("a1", "a5", "a6"), ("en", "fr"))
    assert _ids(store.stories(ArticleQuery(story_id="s2"))) == ["s2"]


def test_story_title_is_the_earliest_in_the_main_language(store):
    store.write_batch(
        _batch(
            _article(1, story_id="s", lang="fr", title="Inondations"),
            _article(2, story_id="s", lang="en", title="Floods"),
            _article(3, story_id="s", lang="en", title="More floods"),
        )
    )
    assert store.story("s").title == "Floods"


def test_ids_sort_bytewise(store):
    store.write_batch(
        _batch(
            _article(1, id="b", source_id="1", published=None, story_id="Zeta"),
            _article(2, id="B", source_id="2", published=None, story_id="alpha"),
            _article(3, id="_a", source_id="3", published=None, story_id="Alpha"),
        )
    )
    assert _ids(store.articles()) == ["B", "_a", "b"]
    assert _ids(store.stories()) == ["Alpha", "Zeta", "alpha"]
    assert store.stale_analyses({"quotes": 1}, after="B") == ["_a", "b"]


def test_learned_state_round_trips(store):
    assert store.clusterer_statistics() is None
    assert store.latest_story_time() is None
    assert store.count_stories() == 0
    blob = bytes(range(256)) * 40
    store.write_batch(
        WriteBatch(
            story_states=[("s1", '{"id": "s1"}', blob, 100.0), ("s2", '{"id": "s2"}', b"\x00", None)],
            statistics=('{"n": 3}', b"\x00\x01"),
            line_counts=[("example.com", "h1", 3, "s1,s2"), ("example.com", "h2", 2)],
        )
    )
    assert sorted(store.story_states()) == [('{"id": "s1"}', blob), ('{"id": "s2"}', b"\x00")]
    assert sorted(store.story_states(since=50.0)) == [('{"id": "s1"}', blob), ('{"id": "s2"}', b"\x00")]
    assert list(store.story_states(since=150.0)) == [('{"id": "s2"}', b"\x00")]  # undated: always active
    assert list(store.story_states(until=50.0)) == []
    assert store.story_states_by_id(["s1", "nope"]) == [('{"id": "s1"}', blob)]
    assert store.count_stories() == 2
    assert store.latest_story_time() == 100.0
    assert store.clusterer_statistics() == ('{"n": 3}', b"\x00\x01")
    assert sorted(store.line_counts()) == [("example.com", "h1", 3, "s1,s2"), ("example.com", "h2", 2, "")]
    store.write_batch(
        WriteBatch(
            story_states=[("s1", '{"id": "s1", "v": 2}', b"\x02", 120.0)],
            drop_stories=["s2"],
            statistics=('{"n": 4}', b"\x03"),
            line_counts=[("example.com", "h1", 0), ("example.com", "h2", 5, "s1")],
        )
    )
    assert list(store.story_states()) == [('{"id": "s1", "v": 2}', b"\x02")]
    assert store.clusterer_statistics() == ('{"n": 4}', b"\x03")
    assert store.line_counts() == [("example.com", "h2", 5, "s1")]


def test_embeddings_assignments_and_merge_chains(store):
    vector = bytes(range(256)) * 8  # 2 KB
    store.write_batch(
        _batch(
            _article(1, story_id="s1"),
            _article(2, story_id="s2"),
            _article(3, story_id="s3"),
            embeddings=[("a1", "m", vector), ("a2", "m", b"\x01"), ("a2", "other", b"\x02")],
            story_states=[("s1", "{}", b"", 1.0), ("s2", "{}", b"", 2.0), ("s3", "{}", b"", 3.0)],
        )
    )
    assert store.embeddings(["a1", "a2", "a9"], "m") == {"a1": vector, "a2": b"\x01"}
    store.write_batch(WriteBatch(embeddings=[("a2", "m", b"\x09")], story_assignments=[("a3", "s2")]))
    assert store.embeddings(["a2"], "m") == {"a2": b"\x09"}
    assert store.story_of(["a1", "a3", "a9"]) == {"a1": "s1", "a3": "s2"}
    store.write_batch(WriteBatch(merges=[("s2", "s1")]))
    store.write_batch(WriteBatch(merges=[("s1", "s3")]))
    assert store.resolve_story("s2") == "s3"
    assert sorted(store.merged_story_ids()) == ["s1", "s2"]
    assert store.story("s2").article_ids == ("a1", "a2", "a3")
    assert [sid for (sid,) in [(s,) for s in _ids(store.stories())]] == ["s3"]
    assert [state for state in store.story_states_by_id(["s1", "s2", "s3"])] == [("{}", b"")]


def test_embeddings_after_reads_on_in_the_order_written(store):
    assert store.embeddings_after("m", 0, 10) == []
    store.write_batch(
        _batch(
            _article(1),
            _article(2),
            _article(3),
            embeddings=[("a2", "m", b"\x02"), ("a1", "m", b"\x01"), ("a1", "other", b"\xff")],
        )
    )
    store.write_batch(WriteBatch(embeddings=[("a3", "m", b"\x03")]))
    rows = store.embeddings_after("m", 0, 10)
    assert [(a, v) for _, a, v in rows] == [("a2", b"\x02"), ("a1", b"\x01"), ("a3", b"\x03")]
    positions = [p for p, _, _ in rows]
    assert positions == sorted(set(positions)) and positions[0] > 0
    assert (
        store.embeddings_after("m", positions[0], 1) == rows[1:2]
    )  # a page: on from a position, at most limit
    assert store.embeddings_after("m", positions[-1], 10) == []
    assert [a for _, a, _ in store.embeddings_after("other", 0, 10)] == ["a1"]
    # a replaced vector comes again, after everything read so far; the old position is gone
    store.write_batch(WriteBatch(embeddings=[("a2", "m", b"\x22")]))
    (again,) = store.embeddings_after("m", positions[-1], 10)
    assert again[1:] == ("a2", b"\x22") and again[0] > positions[-1]
    assert [a for _, a, _ in store.embeddings_after("m", 0, 10)] == ["a1", "a3", "a2"]


def test_a_postgresql_store_from_before_0007_orders_its_embeddings(pg_url):
    import psycopg

    from storyweave.store.postgres import PostgresStore

    first = PostgresStore(pg_url)
    first.write_batch(
        _batch(_article(1), _article(2), embeddings=[("a1", "m", b"\x01"), ("a2", "m", b"\x02")])
    )
    first.close()
    with psycopg.connect(pg_url, autocommit=True) as con:  # back to the schema 0006 left
        con.execute("ALTER TABLE embeddings DROP COLUMN seq")
        con.execute("DELETE FROM schema_migrations WHERE name = '0007_embeddings_in_order'")
    upgraded = PostgresStore(pg_url)
    try:
        assert "0007_embeddings_in_order" in upgraded.migrations()
        assert [a for _, a, _ in upgraded.embeddings_after("m", 0, 10)] == ["a1", "a2"]
        upgraded.write_batch(WriteBatch(embeddings=[("a1", "m", b"\x11")]))
        assert [a for _, a, _ in upgraded.embeddings_after("m", 0, 10)] == ["a2", "a1"]
    finally:
        upgraded.close()


def test_versions_revisions_and_duplicates_keep_the_first_stored(store):
    first = _article(1)
    store.write_batch(
        WriteBatch(
            articles=[
                StoredArticle(first, "same", identity="doc", raw_hash="r1"),
                StoredArticle(_article(2, duplicate_of="a1"), "same", identity="doc2"),
                StoredArticle(_article(3), "same", identity="doc", raw_hash="r3"),
            ]
        )
    )
    assert store.find_by_content_hash(["same"]) == {"same": "a1"}
    assert store.versions(["doc", "none"]) == {
        "doc": [StoredVersion("a1", "src1", "r1", "same"), StoredVersion("a3", "src3", "r3", "same")]
    }
    update = _article(1, title="Title 1, updated")
    store.write_batch(
        WriteBatch(articles=[StoredArticle(update, "new", identity="doc", raw_hash="r1b", replaces=first)])
    )
    again = _article(1, title="Title 1, again")
    store.write_batch(
        WriteBatch(articles=[StoredArticle(again, "newer", identity="doc", raw_hash="r1c", replaces=update)])
    )
    assert [(r.number, r.article.title) for r in store.revisions("a1")] == [
        (1, "Title 1"),
        (2, "Title 1, updated"),
    ]
    assert store.get_article("a1").title == "Title 1, again"
    assert store.versions(["doc"])["doc"][0] == StoredVersion("a1", "src1", "r1c", "newer")


def test_a_new_article_and_its_update_in_one_batch(store):
    first = _article(1)
    second = _article(1, text="Corrected text.")
    store.write_batch(
        WriteBatch(
            articles=[
                StoredArticle(first, "h1", signature=b"1", bands=(1,)),
                StoredArticle(second, "h2", signature=b"2", bands=(2,), replaces=first),
                StoredArticle(_article(2), "h3", signature=b"3", bands=(2,)),
            ]
        )
    )
    assert store.get_article("a1").text == "Corrected text."
    assert [r.article.text for r in store.revisions("a1")] == [first.text]
    assert [a for a, _ in store.near_duplicate_candidates([1, 2])] == ["a1", "a2"]
    assert store.near_duplicate_candidates([1]) == []


def test_article_fields_round_trip(store):
    a = _article(
        1,
        title="Titre «é»",
        authors=("Ana Ruiz", "Bo Li"),
        url="https://example.com/x?y=1",
        removed=("Read more", "Share this"),
        removed_reasons=("boilerplate", ""),
        extra={"section": "world", "n": 3, "nested": {"a": [1, 2]}},
        outlet_name="Example News",
        story_id="s",
    )
    store.write_batch(_batch(a))
    got = store.get_article("a1")
    for name in (
        "title",
        "text",
        "lang",
        "published",
        "outlet",
        "authors",
        "url",
        "removed",
        "removed_reasons",
    ):
        assert getattr(got, name) == getattr(a, name), name
    assert (got.extra, got.outlet_name, got.story_id) == (a.extra, "Example News", "s")
    assert got.ingested
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_outlets_and_stats(store):
    store.write_batch(
        _batch(
            _article(1, outlet="bbc.co.uk", outlet_name="BBC News", story_id="s1"),
            _article(2, outlet="bbc.co.uk", outlet_name="BBC", story_id="s2"),
            _article(3, outlet="bbc.co.uk", outlet_name="BBC News", story_id="s2", lang="fr"),
            _article(4, outlet="lemonde.fr", story_id="s3", duplicate_of="a1"),
        )
    )
    outlets = store.outlets()
    assert [(o.key, o.name, o.articles, o.stories, o.names) for o in outlets] == [
        ("bbc.co.uk", "BBC News", 3, 2, ("BBC News", "BBC")),
        ("lemonde.fr", None, 1, 1, ()),
    ]
    assert _ids(store.articles(ArticleQuery(outlet="bbc news"))) == ["a1", "a2", "a3"]
    assert _ids(store.articles(ArticleQuery(outlet="https://www.lemonde.fr/x"))) == ["a4"]
    assert store.stats() == {"articles": 4, "duplicates": 1, "stories": 3, "outlets": 2, "languages": 2}


def test_analyses_and_the_anatomy_cache(store):
    store.write_batch(
        _batch(_article(1, story_id="s1"), _article(2, story_id="s2"), analyses=[("a1", "quotes", 1, "[1]")])
    )
    assert store.analyses(["a1", "a2"]) == {"a1": {"quotes": [1]}}
    assert store.stale_analyses({"quotes": 1}) == ["a2"]
    assert store.stale_analyses({"quotes": 2}, limit=1) == ["a1"]
    assert store.stale_analyses({}) == []
    store.save_story_anatomy("s1", 1, '{"a": 1}')
    store.save_story_anatomy("s1", 1, '{"a": 2}')
    store.save_story_anatomy("s2", 1, '{"b": 1}')
    assert store.story_anatomy("s1", 1) == '{"a": 2}'
    assert store.story_anatomy("s1", 2) is None
    store.write_analyses([("a1", "quotes", 2, "[2]"), ("a1", "figures", 1, "[]")])
    assert store.analyses(["a1"]) == {"a1": {"quotes": [2], "figures": []}}
    assert store.story_anatomy("s1", 1) is None  # its article's analyses changed
    assert store.story_anatomy("s2", 1) == '{"b": 1}'
    store.write_batch(WriteBatch(story_assignments=[("a1", "s2")]))
    assert store.story_anatomy("s2", 1) is None


def test_a_writer_handle_writes_what_the_reader_then_sees(store):
    writer = store.open_writer()
    assert writer is not None
    try:
        writer.write_batch(_batch(_article(1)))
        assert _ids(store.articles()) == ["a1"]
        assert store.write_batch(_batch(_article(1))) == ["a1"]
    finally:
        writer.close()


def test_two_handles_opening_one_new_store_agree(open_store):
    first, second = open_store(), open_store()
    first.write_batch(_batch(_article(1)))
    assert second.count_articles() == 1
