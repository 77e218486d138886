"""`articles` and `stories` at scale (issue 8): sort, minimum size, paging, totals, CSV and the search language,
through typer's runner with exact orders, counts and exit codes."""

import csv
import io
import json
from pathlib import Path

import pytest

from storyweave.cli import app
from storyweave.errors import QueryError
from storyweave.models import Article
from storyweave.store import ArticleQuery, SQLiteStore, StoredArticle, WriteBatch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# story -> (day published, lang, text) of each member; sizes 3, 1, 3, 2, 3
STORIES = {
    "sA": [(1, "en", "Apple opens a store"), (4, "fr", "Séisme à Paris"), (5, "en", "Apple again")],
    "sB": [(9, "en", "Boeing and Apple sign a deal")],
    "sC": [(2, "en", "Boeing delays the plane"), (6, "en", "Plane news"), (7, "de", "Über Boeing")],
    "sD": [(3, "es", "Séisme au Chili"), (3, "en", "Earthquake in Chile")],
    "sE": [(6, "en", "A newspaper in New York"), (7, "en", "New York floods"), (7, "it", "Alluvione")],
}


def _handmade_articles():
    n = 0
    for story_id, members in STORIES.items():
        for day, lang, text in members:
            n += 1
            yield Article(
                id=f"a{n:02d}",
                source_id=f"src{n:02d}",
                title=f"{story_id} {text}",
                text=text,
                lang=lang,
                published=f"2020-01-0{day}T{n:02d}:00:00+00:00",
                outlet=f"outlet-{lang}.example",
                authors=("Ann", "Bo") if n == 1 else (),
                story_id=story_id,
            )


@pytest.fixture
def handmade(tmp_path):
    """A store whose stories are known exactly (written directly, no clustering)."""
    path = tmp_path / "hand.db"
    store = SQLiteStore(path)
    arts = list(_handmade_articles())
    store.write_batch(WriteBatch(articles=[StoredArticle(a, content_hash="h" + a.id) for a in arts]))
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def meantime(tmp_path_factory):
    from typer.testing import CliRunner

    path = str(tmp_path_factory.mktemp("scale") / "meantime.db")
    mp = pytest.MonkeyPatch()
    mp.setenv("STORYWEAVE_EMBEDDER", "hashing")
    try:
        result = CliRunner().invoke(app, ["--db", path, "ingest", str(SAMPLES / "meantime")])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return path


def _run(runner, db, *args):
    return runner.invoke(app, ["--db", db, *args])


def _ids(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def _csv(result):
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


# --- sort, minimum size, paging --------------------------------------------------------------------


def test_stories_default_sort_is_newest_activity_first(runner, handmade):
    assert _ids(_run(runner, handmade, "stories", "--json")) == ["sB", "sE", "sC", "sA", "sD"]
    assert _ids(_run(runner, handmade, "stories", "--json", "--sort", "recent")) == [
        "sB",
        "sE",
        "sC",
        "sA",
        "sD",
    ]


def test_stories_sort_size_is_largest_first_ties_newest_first(runner, handmade):
    assert _ids(_run(runner, handmade, "stories", "--json", "--sort", "size")) == [
        "sE",
        "sC",
        "sA",
        "sD",
        "sB",
    ]


def test_min_size_counts_all_members_even_under_a_filter(runner, handmade):
    assert _ids(_run(runner, handmade, "stories", "--json", "--min-size", "2")) == ["sE", "sC", "sA", "sD"]
    assert _ids(_run(runner, handmade, "stories", "--json", "--min-size", "3", "--sort", "size")) == [
        "sE",
        "sC",
        "sA",
    ]
    # sA has one French article but three in all
    assert _ids(_run(runner, handmade, "stories", "--json", "--lang", "fr", "--min-size", "3")) == ["sA"]
    assert _ids(_run(runner, handmade, "stories", "--json", "--min-size", "4")) == []


def test_paging_stories_and_articles(runner, handmade):
    args = ("stories", "--json", "--sort", "size")
    assert _ids(_run(runner, handmade, *args, "--limit", "2")) == ["sE", "sC"]
    assert _ids(_run(runner, handmade, *args, "--limit", "2", "--offset", "2")) == ["sA", "sD"]
    assert _ids(_run(runner, handmade, *args, "--limit", "2", "--offset", "4")) == ["sB"]
    assert _ids(_run(runner, handmade, *args, "--offset", "3")) == ["sD", "sB"]
    assert _ids(_run(runner, handmade, *args, "--offset", "9")) == []
    # articles in publish order: a01 (day 1), a05 (day 2), a08 and a09 (day 3), a02 (day 4) ... a04 (day 9)
    assert _ids(_run(runner, handmade, "articles", "--json", "--limit", "3", "--offset", "1")) == [
        "a05",
        "a08",
        "a09",
    ]
    assert _ids(_run(runner, handmade, "articles", "--json", "--offset", "11")) == ["a04"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stories", "--sort", "big"), "recent"),
        (("stories", "--min-size", "0"), "--min-size"),
        (("stories", "--limit", "0"), "--limit"),
        (("stories", "--offset", "-1"), "--offset"),
        (("articles", "--offset", "-1"), "--offset"),
    ],
)
def test_bad_paging_values_are_usage_errors(runner, handmade, args, message):
    result = _run(runner, handmade, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_an_unknown_sort_in_the_library_names_the_choices():
    with pytest.raises(QueryError, match="choose one of: recent, size"):
        ArticleQuery(sort="biggest")


def test_count_matches_ignores_paging(handmade):
    store = SQLiteStore(handmade)
    try:
        assert store.count_matching_stories(ArticleQuery(limit=1, offset=1)) == 5
        assert store.count_matching_stories(ArticleQuery(min_size=3)) == 3
        assert store.count_matching_stories(ArticleQuery(lang="en", min_size=3)) == 3
        assert store.count_matching_articles(ArticleQuery(lang="en", limit=2)) == 8
        assert store.count_matching_articles(ArticleQuery(search="Boeing OR Apple")) == 5
    finally:
        store.close()


# --- totals --------------------------------------------------------------------------------------


def test_total_line_goes_to_stderr_on_text_output_only(runner, handmade):
    result = _run(runner, handmade, "stories", "--sort", "size", "--limit", "2", "--offset", "1")
    assert result.exit_code == 0
    assert result.stderr == "showing 2-3 of 5 stories\n"
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["id", "sC", "sA"]
    assert _run(runner, handmade, "stories", "--min-size", "9").stderr == "showing 0 of 0 stories\n"
    assert _run(runner, handmade, "stories", "--search", "Alluvione").stderr == "showing 1-1 of 1 story\n"
    assert _run(runner, handmade, "articles", "--offset", "10").stderr == "showing 11-12 of 12 articles\n"
    assert _run(runner, handmade, "articles", "--offset", "20").stderr == "showing 0 of 12 articles\n"
    for fmt in ("--json", "--csv"):
        assert _run(runner, handmade, "stories", fmt).stderr == ""
        assert _run(runner, handmade, "articles", fmt).stderr == ""


def test_total_uses_thousands_separators(runner, tmp_path):
    path = tmp_path / "big.db"
    store = SQLiteStore(path)
    arts = [
        Article(
            id=f"b{i:05d}",
            source_id=f"s{i}",
            title=None,
            text="x",
            lang=None,
            published=None,
            outlet=None,
            story_id=f"st{i % 1200:04d}",
        )
        for i in range(2400)
    ]
    store.write_batch(WriteBatch(articles=[StoredArticle(a, content_hash=a.id) for a in arts]))
    store.close()
    result = _run(runner, str(path), "stories", "--limit", "20", "--offset", "1000")
    assert result.stderr == "showing 1,001-1,020 of 1,200 stories\n"
    assert len(result.stdout.splitlines()) == 21
    assert _run(runner, str(path), "articles", "--limit", "5").stderr == "showing 1-5 of 2,400 articles\n"


# --- CSV -----------------------------------------------------------------------------------------


def test_stories_csv(runner, handmade):
    rows = _csv(_run(runner, handmade, "stories", "--csv", "--sort", "size", "--limit", "3"))
    assert rows[0] == [
        "id",
        "size",
        "languages",
        "outlets",
        "first_published",
        "last_published",
        "title",
        "article_ids",
    ]
    assert [r[0] for r in rows[1:]] == ["sE", "sC", "sA"]
    s_c = rows[2]
    assert s_c[1] == "3"
    assert s_c[2] == "de;en"
    assert s_c[3] == "outlet-de.example;outlet-en.example"
    assert s_c[4].startswith("2020-01-02") and s_c[5].startswith("2020-01-07")
    assert s_c[7] == "a05;a06;a07"
    assert rows[3][6] == "sA Apple opens a store"


def test_articles_csv_is_utf8_with_lists_joined(runner, handmade):
    result = _run(runner, handmade, "articles", "--csv", "--lang", "fr")
    assert result.stdout_bytes.decode("utf-8") == result.stdout
    rows = _csv(result)
    assert rows[0] == [
        "id",
        "source_id",
        "published",
        "lang",
        "outlet",
        "authors",
        "url",
        "story_id",
        "duplicate_of",
        "title",
    ]
    assert rows[1:] == [
        [
            "a02",
            "src02",
            "2020-01-04T02:00:00+00:00",
            "fr",
            "outlet-fr.example",
            "",
            "",
            "sA",
            "",
            "sA Séisme à Paris",
        ]
    ]
    first = _csv(_run(runner, handmade, "articles", "--csv", "--limit", "1"))
    assert first[1][5] == "Ann;Bo"


def test_csv_quotes_commas_and_quotes(runner, tmp_path):
    path = tmp_path / "q.db"
    store = SQLiteStore(path)
    title = 'Apple, Boeing and the "deal"\nsecond line'
    a = Article(
        id="q1", source_id="q1", title=title, text="t", lang=None, published=None, outlet=None, story_id="sq"
    )
    store.write_batch(WriteBatch(articles=[StoredArticle(a, content_hash="q")]))
    store.close()
    assert _csv(_run(runner, str(path), "articles", "--csv"))[1][9] == title
    assert _csv(_run(runner, str(path), "stories", "--csv"))[1][6] == title


@pytest.mark.parametrize("command", ["articles", "stories"])
def test_csv_and_json_together_is_a_usage_error(runner, handmade, command):
    result = _run(runner, handmade, command, "--csv", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: --csv and --json cannot be used together; pick one\n"


# --- the search language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Apple", ["a01", "a03", "a04"]),
        ("apple boeing", ["a04"]),  # plain words: all required, as before
        ("Apple OR Boeing", ["a01", "a05", "a03", "a07", "a04"]),
        ("Apple AND Boeing", ["a04"]),
        ("Apple NOT Boeing", ["a01", "a03"]),
        ('"new york"', ["a10", "a11"]),
        ('"york new"', []),
        ("new*", ["a06", "a10", "a11"]),  # news, newspaper, new
        ("seisme", ["a08", "a02"]),  # diacritics fold
        ("SÉISME chili", ["a08"]),
        ("uber", ["a07"]),
        ("(Apple OR Boeing) plane", ["a05"]),
        ("plane (Apple OR Boeing)", ["a05"]),  # FTS5 itself rejects an implicit AND before (
        ("or", []),  # lower case is a plain word
        ("U.S. covid-19", []),  # punctuation inside words is no syntax
    ],
)
def test_search_syntax(runner, handmade, query, expected):
    assert _ids(_run(runner, handmade, "articles", "--json", "--search", query)) == expected


def test_search_or_on_stories(runner, handmade):
    assert _ids(_run(runner, handmade, "stories", "--json", "--search", "Alluvione OR seisme")) == [
        "sE",
        "sA",
        "sD",
    ]


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ('kerala "OR', 'unbalanced "'),
        ("OR", "OR needs a term before it"),
        ("Apple OR", "OR needs a term after it"),
        ("Apple OR OR Boeing", "OR needs a term after it"),
        ("NOT Apple", "NOT needs a term before it"),
        ("(Apple OR Boeing", "unbalanced ("),
        ("Apple)", "unexpected )"),
        ("()", "unexpected )"),
        ("*", "a lone *"),
        ('""', "empty phrase"),
        ("   ", "no words"),
        ("kerala\x00", "NUL character"),
    ],
)
@pytest.mark.parametrize("command", ["articles", "stories"])
def test_malformed_search_is_one_clear_line_and_exit_2(runner, handmade, command, query, why):
    result = _run(runner, handmade, command, "--search", query)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and why in result.stderr
    assert result.stderr.count("\n") == 1


def test_search_text_never_reaches_sql(handmade):
    store = SQLiteStore(handmade)
    try:
        for query in ["'; DROP TABLE articles; --", 'x" OR 1=1 --"', "title:Apple", "NEAR(Apple Boeing)"]:
            assert list(store.articles(ArticleQuery(search=query))) == []
        with pytest.raises(QueryError):
            store.articles(ArticleQuery(search="a) OR (b"))
        assert store.count_articles() == 12
    finally:
        store.close()


# --- a real ingest: 48 articles in 4 languages -------------------------------------------------------


def test_meantime_counts_pages_and_csv(runner, meantime):
    all_articles = _ids(_run(runner, meantime, "articles", "--json"))
    assert len(all_articles) == 48
    text = _run(runner, meantime, "articles", "--limit", "20", "--offset", "40")
    assert text.stderr == "showing 41-48 of 48 articles\n"
    pages = [
        _ids(_run(runner, meantime, "articles", "--json", "--limit", "20", "--offset", str(o)))
        for o in (0, 20, 40)
    ]
    assert sum(pages, []) == all_articles

    stories = [json.loads(line) for line in _run(runner, meantime, "stories", "--json").stdout.splitlines()]
    by_size = sorted(stories, key=lambda s: -s["size"])  # stable: ties keep the recent order, newest first
    assert _ids(_run(runner, meantime, "stories", "--json", "--sort", "size")) == [s["id"] for s in by_size]
    total = len(stories)
    assert _run(runner, meantime, "stories", "--limit", "5").stderr == f"showing 1-5 of {total} stories\n"

    rows = _csv(_run(runner, meantime, "stories", "--csv"))
    assert len(rows) == total + 1
    assert [r[0] for r in rows[1:]] == [s["id"] for s in stories]
    langs = set()
    for r in rows[1:]:
        langs.update(r[2].split(";"))
    assert langs == {"en", "es", "it", "nl"}
    assert sum(int(r[1]) for r in rows[1:]) == sum(s["size"] for s in stories)


def test_meantime_search_or_finds_what_and_cannot(runner, meantime):
    apple = set(_ids(_run(runner, meantime, "articles", "--json", "--search", "Apple")))
    boeing = set(_ids(_run(runner, meantime, "articles", "--json", "--search", "Boeing")))
    assert apple and boeing
    either = _ids(_run(runner, meantime, "articles", "--json", "--search", "Apple OR Boeing"))
    assert set(either) == apple | boeing
    both = set(_ids(_run(runner, meantime, "articles", "--json", "--search", "Apple Boeing")))
    assert both == apple & boeing
    assert len(either) > len(both)


@pytest.mark.parametrize("command", ["articles", "stories"])
def test_every_listing_option_is_documented(command):
    import typer.main

    doc = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text()
    row = next(line for line in doc.splitlines() if line.startswith(f"| `{command}` |"))
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    for param in click_command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in row, opt
