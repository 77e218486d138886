"""The real pipeline on PostgreSQL gives what it gives on SQLite: the same articles, stories, story ids and search
results for the same input (samples/: MEANTIME and ECB+ subsets). Skipped where no PostgreSQL cluster can start."""

import dataclasses
import json
from pathlib import Path

import pytest

from storyweave import Storyweave
from storyweave.cli import app
from storyweave.config import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEARCHES = [
    "apple",
    "iphone OR airbus",
    '"steve jobs"',
    "earthquake NOT indonesia",
    "sei*",
    "(gm OR ford) sales",
]


def _snapshot(sw: Storyweave) -> dict:
    articles = [dataclasses.replace(a, ingested=None).to_json() for a in sw.articles()]
    stories = [s.to_json() for s in sw.stories()]
    by_size = [s.id for s in sw.stories(sort="size", min_size=2)]
    found = {q: [a.id for a in sw.articles(search=q)] for q in SEARCHES}
    analyses = sw.analyses([a["id"] for a in articles])
    return {
        "articles": articles,
        "stories": stories,
        "by_size": by_size,
        "search": found,
        "analyses": analyses,
    }


@pytest.mark.parametrize(("workers", "analysers"), [(0, "none"), (1, "all")])
def test_sqlite_and_postgres_agree(tmp_path, pg_url, workers, analysers):
    paths = [str(SAMPLES / "meantime"), str(SAMPLES / "ecbplus")]
    snapshots = []
    for db in (str(tmp_path / "s.db"), pg_url):
        with Storyweave(
            settings=Settings(db=db, embedder="hashing", workers=workers, analysers=analysers)
        ) as sw:
            report = sw.ingest(paths)
            again = sw.ingest(paths)  # nothing new the second time
            assert again.stored == 0
            snapshots.append((report.stored, _snapshot(sw), sw.store.stats()))
    (stored_sqlite, sqlite, stats_sqlite), (stored_pg, postgres, stats_pg) = snapshots
    assert stored_sqlite == stored_pg > 50
    assert stats_sqlite == stats_pg
    assert postgres["stories"] == sqlite["stories"]
    assert postgres["articles"] == sqlite["articles"]
    assert postgres["by_size"] == sqlite["by_size"]
    assert postgres["search"] == sqlite["search"]
    assert postgres["analyses"] == sqlite["analyses"]
    assert bool(postgres["analyses"]) == (analysers == "all")
    assert any(postgres["search"].values())


def test_the_cli_takes_a_postgresql_url(runner, pg_url, tmp_path):
    outputs = []
    for db in (str(tmp_path / "s.db"), pg_url):
        ingest = runner.invoke(app, ["--db", db, "ingest", "--json", str(SAMPLES / "meantime")])
        assert ingest.exit_code == 0, ingest.output
        assert ("created store" in ingest.stderr) == (db != pg_url)
        stories = runner.invoke(app, ["--db", db, "stories", "--json"])
        assert stories.exit_code == 0, stories.output
        outputs.append([json.loads(line) for line in stories.stdout.splitlines()])
    assert outputs[1] == outputs[0]
    assert outputs[1]


def test_semantic_search_through_the_api_agrees_and_sees_later_ingests(tmp_path, pg_url):
    from fastapi.testclient import TestClient

    from storyweave.api import create_app

    query = {"q": "earthquake", "mode": "semantic", "limit": 10}
    results = []
    for db in (str(tmp_path / "s.db"), pg_url):
        settings = Settings(db=db, embedder="hashing")
        with Storyweave(settings=settings) as sw:
            sw.ingest([str(SAMPLES / "meantime")])
        with TestClient(create_app(settings, analysers=[])) as client:
            before = client.get("/api/search", params=query)
            assert before.status_code == 200, before.text
            with Storyweave(settings=settings) as sw:  # another process's ingest, after the index was read
                sw.ingest([str(SAMPLES / "ecbplus")])
            after = client.get("/api/search", params=query)
            assert after.status_code == 200, after.text
        results.append([[(a["id"], a["score"]) for a in r.json()["items"]] for r in (before, after)])
    assert results[1] == results[0]
    (before_ids, after_ids) = ([a for a, _ in items] for items in results[0])
    assert before_ids and after_ids != before_ids  # the vectors stored later were read on


def test_serve_takes_a_postgresql_url(runner, pg_url, monkeypatch):
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = runner.invoke(app, ["--db", pg_url, "serve", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert seen["port"] == 8124 and "serving postgresql://" in result.stderr
