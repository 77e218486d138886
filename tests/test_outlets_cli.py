"""One canonical outlet per site (issue 8): the registered domain as the key whatever the format said, a display
name beside it, ``--outlet`` matching either, ``storyweave outlets`` and old stores re-keyed; through the CLI."""

import csv
import io
import json
import sqlite3

import pytest

from storyweave.cli import app
from storyweave.store import SQLiteStore
from storyweave.store.migrations import MIGRATIONS

TEXTS = [
    "The city council approved the new budget on Wednesday after a debate that lasted eleven hours.",
    "Firefighters brought a large warehouse fire under control late on Thursday night, officials said.",
    "The central bank kept interest rates unchanged on Friday, citing slowing inflation across the region.",
    "A new bridge over the river opened to traffic on Saturday after four years of construction work.",
    "Scientists reported the discovery of a new species of frog in the rainforest on Sunday morning.",
    "The national football team won its qualifying match on Monday with two late goals in the second half.",
    "Heavy snow closed several mountain roads on Tuesday and stranded hundreds of drivers overnight.",
    "The museum announced on Wednesday that it will return dozens of artefacts to their country of origin.",
]


def _page(site_name: str, url: str, title: str, text: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site_name}"></head>
<body><article><h1>{title}</h1><p>{text}</p><p>{text.replace("on ", "again on ", 1)}</p></article></body></html>"""


def _feed(title: str, link: str, entry_title: str, text: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>{link}</link><description>News</description>
<item><title>{entry_title}</title><link>{link}/news/1</link><guid>{link}/news/1</guid>
<description>{text}</description><pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture
def inputs(tmp_path):
    """The same site in three formats (an HTML page, a JSON Lines record naming it, one giving its domain), a
    feed, plain texts whose only clues are self-references and inputs with outlet values seen wrong before."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        _page(
            "NYTimes", "https://www.nytimes.com/2020/01/06/nyregion/budget.html", "Budget approved", TEXTS[0]
        ),
        encoding="utf-8",
    )
    records = [
        {"id": "r1", "title": "Warehouse fire", "text": TEXTS[1], "outlet": "The New York Times",
         "url": "https://www.nytimes.com/2020/01/07/nyregion/fire.html"},
        {"id": "r2", "title": "Rates unchanged", "text": TEXTS[2], "outlet": "www.NYTimes.com"},
        {"id": "r3", "title": "Bridge opens", "text": TEXTS[3], "outlet": "Copyright 2014"},
        {"id": "r4", "title": "New frog", "text": TEXTS[4], "outlet": "@politifact"},
        {"id": "r5", "title": "Team wins", "text": TEXTS[5], "outlet": "example.com?example=1"},
        {"id": "r6", "title": "Roads closed", "text": TEXTS[6], "outlet": "Le Journal &amp; Co"},
    ]  # fmt: skip
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "feed.xml").write_text(
        _feed("Example Feed", "https://www.example.com", "Artefacts returned", TEXTS[7]), encoding="utf-8"
    )
    (folder / "quint.txt").write_text(
        "Parliament passed the data protection bill on Monday after a long and heated debate in both houses.\n\n"
        "The opposition walked out before the final vote, calling the bill a threat to privacy.\n\n"
        "@TheQuint: Watch our explainer on the new bill https://t.co/AbC123xYz\n\n"
        "Subscribe to our channel: https://www.youtube.com/c/TheQuint\n\n"
        "https://www.instagram.com/TheQuint/\n",
        encoding="utf-8",
    )
    (folder / "monde.txt").write_text(
        "Le gouvernement a présenté mercredi un projet de loi sur la protection des données personnelles.\n\n"
        "L'opposition a dénoncé un texte qui menace, selon elle, la vie privée des citoyens.\n\n"
        "Suivez Le Courrier du Soir sur Instagram et Telegram.\n",
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(
        "WASHINGTON (U.S.) - The Senate approved the spending bill late on Thursday after weeks of talks.\n\n"
        "The bill now goes to the House, where its fate is uncertain, lawmakers said on Friday morning.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def db(tmp_path, inputs, runner):
    path = str(tmp_path / "outlets.db")
    result = runner.invoke(app, ["--db", path, "ingest", str(inputs)])
    assert result.exit_code == 0, result.output
    return path


def _json_lines(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _articles(runner, db, *args) -> list[dict]:
    return _json_lines(runner.invoke(app, ["--db", db, "articles", "--json", *args]))


def _by_title(rows: list[dict]) -> dict[str, dict]:
    return {r["title"]: r for r in rows}


def test_one_site_in_three_formats_gets_one_key_and_its_display_names(runner, db):
    rows = _by_title(_articles(runner, db))
    assert rows["Budget approved"]["outlet"] == "nytimes.com"
    assert rows["Budget approved"]["outlet_name"] == "NYTimes"
    assert rows["Warehouse fire"]["outlet"] == "nytimes.com"
    assert rows["Warehouse fire"]["outlet_name"] == "The New York Times"
    assert (rows["Rates unchanged"]["outlet"], rows["Rates unchanged"]["outlet_name"]) == (
        "nytimes.com",
        None,
    )
    assert (rows["Artefacts returned"]["outlet"], rows["Artefacts returned"]["outlet_name"]) == (
        "example.com",
        "Example Feed",
    )


@pytest.mark.parametrize(
    "value", ["nytimes.com", "NYTimes.com", "The New York Times", "the new york times", "NYTimes", "nytimes"]
)
def test_outlet_filter_takes_the_key_or_any_display_name_in_any_case(runner, db, value):
    found = _articles(runner, db, "--outlet", value)
    assert sorted(a["title"] for a in found) == ["Budget approved", "Rates unchanged", "Warehouse fire"]
    stories = _json_lines(runner.invoke(app, ["--db", db, "stories", "--json", "--outlet", value]))
    assert {i for s in stories for i in s["article_ids"]} >= {a["id"] for a in found}
    assert all("nytimes.com" in s["outlets"] for s in stories)
    table = runner.invoke(app, ["--db", db, "articles", "--outlet", value])
    assert table.exit_code == 0 and "showing 1-3 of 3 articles" in table.stderr


def test_outlet_filter_takes_a_url_of_the_site(runner, db):
    found = _articles(runner, db, "--outlet", "https://www.nytimes.com/section/world")
    assert len(found) == 3
    assert _articles(runner, db, "--outlet", "nytimes.co.uk") == []


def test_wrong_outlet_values_are_never_stored(runner, db):
    rows = _by_title(_articles(runner, db))
    assert rows["Bridge opens"]["outlet"] is None and rows["Bridge opens"]["outlet_name"] is None
    assert rows["New frog"]["outlet"] == "politifact" and rows["New frog"]["outlet_name"] is None
    assert (rows["Team wins"]["outlet"], rows["Team wins"]["outlet_name"]) == ("example.com", None)
    assert (rows["Roads closed"]["outlet"], rows["Roads closed"]["outlet_name"]) == (
        "le journal co",
        "Le Journal & Co",
    )
    values = {v for r in rows.values() for v in (r["outlet"], r["outlet_name"]) if v}
    assert not any(
        v.startswith("@") or "?" in v or "opyright" in v or v.casefold() in {"u.s", "u.s."} for v in values
    )


def test_plain_text_whose_only_clues_are_self_references_gets_its_outlet(runner, db):
    rows = _articles(runner, db)
    by_start = {r["text"][:20]: r for r in rows}
    quint = by_start["Parliament passed th"]
    assert (quint["outlet"], quint["outlet_name"]) == ("thequint", "The Quint")
    monde = by_start["Le gouvernement a pr"]
    assert (monde["outlet"], monde["outlet_name"]) == ("le courrier du soir", "Le Courrier du Soir")
    assert [a["text"][:20] for a in _articles(runner, db, "--outlet", "The Quint")] == [
        "Parliament passed th"
    ]
    wire = by_start["WASHINGTON (U.S.) - "]
    assert wire["outlet"] is None and wire["outlet_name"] is None


def test_outlets_lists_keys_names_and_counts_most_articles_first(runner, db):
    listed = _json_lines(runner.invoke(app, ["--db", db, "outlets", "--json"]))
    assert listed[0] == {
        "key": "nytimes.com",
        "name": listed[0]["name"],
        "articles": 3,
        "stories": listed[0]["stories"],
        "names": listed[0]["names"],
    }
    assert sorted(listed[0]["names"]) == ["NYTimes", "The New York Times"]
    assert listed[0]["name"] in listed[0]["names"] and 1 <= listed[0]["stories"] <= 3
    assert [o["articles"] for o in listed] == sorted((o["articles"] for o in listed), reverse=True)
    by_key = {o["key"]: o for o in listed}
    assert by_key["example.com"]["articles"] == 2 and by_key["example.com"]["name"] == "Example Feed"
    assert by_key["thequint"]["name"] == "The Quint"
    assert by_key["politifact"]["name"] is None
    total = sum(o["articles"] for o in listed)
    everything = _articles(runner, db)
    assert total == sum(1 for a in everything if a["outlet"])


def test_outlets_table_and_csv(runner, db):
    table = runner.invoke(app, ["--db", db, "outlets"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["articles", "stories", "key", "name"]
    # two display names, one article each: the tie goes to the first in alphabetical order
    assert lines[1].split()[0] == "3" and lines[1].split()[2:] == ["nytimes.com", "NYTimes"]
    assert "outlets" in table.stderr
    rows = list(csv.reader(io.StringIO(runner.invoke(app, ["--db", db, "outlets", "--csv"]).stdout)))
    assert rows[0] == ["key", "name", "articles", "stories", "names"]
    assert rows[1][0] == "nytimes.com" and rows[1][2] == "3"
    assert runner.invoke(app, ["--db", db, "outlets", "--csv", "--json"]).exit_code == 2


def test_article_and_story_views_show_the_display_name(runner, db):
    budget = _by_title(_articles(runner, db))["Budget approved"]
    shown = runner.invoke(app, ["--db", db, "article", budget["id"]])
    assert "outlet: nytimes.com (NYTimes)" in shown.stdout
    story = json.loads(runner.invoke(app, ["--db", db, "story", budget["story_id"], "--json"]).stdout)
    group = next(g for g in story["groups"] if g["outlet"] == "nytimes.com")
    assert group["outlet_name"] in ("NYTimes", "The New York Times")


def test_a_store_from_before_0005_is_rekeyed_with_its_learned_lines(tmp_path, runner):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, statements in MIGRATIONS[:4]:
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_migrations VALUES (?, '2026-12-01')", (name,))
    old = [  # (id, outlet as the old cleaner stored it, url)
        ("a1", "NYTimes", "https://www.nytimes.com/a"),
        ("a2", "nytimes.com", None),
        ("a3", "The New York Times", "https://nytimes.com/b"),
        ("a4", "Copyright 2014", None),
        ("a5", "u.s", None),
        ("a6", "Reuters", None),
    ]
    for k, (article_id, outlet, url) in enumerate(old):
        db.execute(
            "INSERT INTO articles (id, source_id, content_hash, text, outlet, url, ingested, story_id)"
            " VALUES (?, ?, ?, ?, ?, ?, 'now', ?)",
            (article_id, f"src{k}", f"h{k}", TEXTS[k], outlet, url, f"s{k}"),
        )
    db.executemany(
        "INSERT INTO outlet_lines (outlet, line_hash, n, stories) VALUES (?, ?, ?, ?)",
        [
            ("NYTimes", "*", 4, ""),
            ("NYTimes", "abc", 3, "00000001,00000002"),
            ("nytimes.com", "*", 2, ""),
            ("nytimes.com", "abc", 2, "00000003"),
            ("Reuters", "def", 5, ""),
        ],
    )
    db.close()

    store = SQLiteStore(path)
    try:
        assert "0005_outlet_names" in store.migrations()
        assert sorted(store.line_counts()) == [
            ("nytimes.com", "*", 6, ""),
            ("nytimes.com", "abc", 5, "00000001,00000002,00000003"),
            ("reuters", "def", 5, ""),
        ]
        assert store.migrate() == []  # recorded once
    finally:
        store.close()

    rows = {a["id"]: a for a in _articles(runner, str(path))}
    assert [(rows[i]["outlet"], rows[i]["outlet_name"]) for i in ("a1", "a2", "a3", "a4", "a5", "a6")] == [
        ("nytimes.com", "NYTimes"),
        ("nytimes.com", None),
        ("nytimes.com", "The New York Times"),
        (None, None),
        (None, None),
        ("reuters", "Reuters"),
    ]
    assert sorted(a["id"] for a in _articles(runner, str(path), "--outlet", "NYTimes")) == ["a1", "a2", "a3"]
    assert [a["id"] for a in _articles(runner, str(path), "--outlet", "reuters")] == ["a6"]
    listed = _json_lines(runner.invoke(app, ["--db", str(path), "outlets", "--json"]))
    assert [(o["key"], o["articles"], o["stories"]) for o in listed] == [
        ("nytimes.com", 3, 3),
        ("reuters", 1, 1),
    ]
