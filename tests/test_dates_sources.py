"""Dates and titles from every field and format (issue 8, item 5): metadata > URL > dateline > WARC capture date;
never a date from a link or an event in the body; numbers and epochs parsed; HTML entities decoded everywhere."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyweave.clean.dates import DateFinder
from storyweave.cli import app

BODY = (
    "The city council approved the new bridge on Tuesday after a debate that lasted late into the night.\n"
    "Construction is expected to start next spring and to take about three years, the mayor told reporters.\n"
)


def _ingest(runner, tmp_path: Path, path: Path) -> dict:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", "--json", str(path)])
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["failed"] == 0, report["errors"]
    return report


def _by_title(runner, tmp_path: Path) -> dict[str, dict]:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "articles", "--json"])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return {article["title"]: article for article in articles}


def _jsonl(tmp_path: Path, records: list[dict], name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _warc(tmp_path: Path, pages: list[tuple[str, str, str]]) -> Path:
    """(url, html, WARC-Date) per response record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, html, captured in pages:
        body = html.encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Date": captured},
        )  # fmt: skip
        writer.write_record(record)
    path = tmp_path / "crawl.warc"
    path.write_bytes(out.getvalue())
    return path


def _page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{body}</article></body></html>"


# numbers, epochs and aliases ------------------------------------------------------------------------------


def test_numbers_and_epochs_are_parsed_not_left_null(runner, tmp_path: Path) -> None:
    dates = {
        "seconds": 1574157600,
        "milliseconds": 1574157600000,
        "seconds as text": "1574157600",
        "milliseconds as text": "1574157600000",
        "fractional seconds": 1574157600.25,
        "compact day": 20191119,
        "compact day as text": "20191119",
    }
    _ingest(
        runner, tmp_path, _jsonl(tmp_path, [{"title": t, "date": d, "text": BODY} for t, d in dates.items()])
    )
    got = {title: article["published"] for title, article in _by_title(runner, tmp_path).items()}
    moment = "2019-11-19T10:00:00+00:00"
    assert got == {
        "seconds": moment,
        "milliseconds": moment,
        "seconds as text": moment,
        "milliseconds as text": moment,
        "fractional seconds": moment,
        "compact day": "2019-11-19",
        "compact day as text": "2019-11-19",
    }


@pytest.mark.parametrize(
    "name",
    ["publishedAt", "pubDate", "date_published", "datePublished", "published_at", "publish_date", "created_at",
     "publication_date", "timestamp"],
)  # fmt: skip
def test_date_field_aliases(runner, tmp_path: Path, name: str) -> None:
    _ingest(
        runner, tmp_path, _jsonl(tmp_path, [{"title": "Bridge", name: "2019-11-19T10:00:00Z", "text": BODY}])
    )
    assert _by_title(runner, tmp_path)["Bridge"]["published"] == "2019-11-19T10:00:00+00:00"


def test_mongodb_date_wrappers(runner, tmp_path: Path) -> None:
    records = [
        {"title": "A", "publishedAt": {"$date": "2019-11-19T10:00:00Z"}, "text": BODY},
        {"title": "B", "publishedAt": {"$date": {"$numberLong": "1574157600000"}}, "text": BODY},
    ]
    _ingest(runner, tmp_path, _jsonl(tmp_path, records))
    assert {t: a["published"] for t, a in _by_title(runner, tmp_path).items()} == {
        "A": "2019-11-19T10:00:00+00:00",
        "B": "2019-11-19T10:00:00+00:00",
    }


# the order of trust ---------------------------------------------------------------------------------------


def test_item_date_then_url_then_dateline(runner, tmp_path: Path) -> None:
    dateline = "WASHINGTON, Nov. 12, 2019 (Reuters) - " + BODY
    records = [
        {
            "title": "metadata",
            "date": "2019-11-19",
            "url": "https://n.example/2019/11/18/a",
            "text": dateline,
        },
        {"title": "url", "url": "https://n.example/2019/11/18/b", "text": dateline},
        {"title": "url with dashes", "url": "https://n.example/news/2019-11-17/c", "text": dateline},
        {"title": "dateline", "url": "https://n.example/news/d", "text": dateline},
        {
            "title": "two dates in the url",
            "url": "https://n.example/2019/11/18/e/2018/01/02/",
            "text": dateline,
        },
    ]
    _ingest(runner, tmp_path, _jsonl(tmp_path, records))
    assert {t: a["published"] for t, a in _by_title(runner, tmp_path).items()} == {
        "metadata": "2019-11-19",
        "url": "2019-11-18",
        "url with dashes": "2019-11-17",
        "dateline": "2019-11-12",
        "two dates in the url": "2019-11-12",  # ambiguous: the dateline decides
    }


def test_warc_capture_date_is_the_last_fallback(runner, tmp_path: Path) -> None:
    lines = BODY.splitlines()
    pages = [
        ("https://n.example/nothing", _page("Nothing else", lines), "2019-11-21T08:30:00Z"),
        ("https://n.example/2019/11/18/in-url", _page("In the URL", lines), "2019-11-21T08:30:00Z"),
        ("https://n.example/dateline", _page("Dateline", ["LONDON, Nov. 12, 2019 (Reuters) - " + lines[0], lines[1]]),
         "2019-11-21T08:30:00Z"),
        ("https://n.example/meta", _page("Metadata", lines, '<meta property="article:published_time" content="2019-11-19">'),
         "2019-11-21T08:30:00Z"),
    ]  # fmt: skip
    _ingest(runner, tmp_path, _warc(tmp_path, pages))
    assert {t: a["published"] for t, a in _by_title(runner, tmp_path).items()} == {
        "Nothing else": "2019-11-21",  # the day it was captured by
        "In the URL": "2019-11-18",
        "Dateline": "2019-11-12",
        "Metadata": "2019-11-19",
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://n.example/2019/11/19/bridge/", "2019-11-19"),
        ("https://n.example/2019/11/19", "2019-11-19"),
        ("https://n.example/politics/2019-11-19/bridge", "2019-11-19"),
        ("https://n.example/a/bridge-20191119.html", "2019-11-19"),
        ("https://n.example/a/bridge_20191119", "2019-11-19"),
        ("https://n.example/a/120191119/", None),  # eight digits inside an id
        ("https://n.example/2019/11/bridge", None),  # no day
        ("https://n.example/2019/11/19/a/2018/01/02/", None),  # two different dates
        ("https://n.example/search?from=2019-11-19", None),  # a query is a filter, not the page's date
        ("https://n.example/2019/13/19/", None),
        ("https://n.example/2031/01/01/", None),  # after "now"
        (None, None),
    ],
)
def test_dates_in_urls(url: str | None, expected: str | None) -> None:
    finder = DateFinder(now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert finder.from_url(url) == expected


# never a link or an event in the body -------------------------------------------------------------------------


def test_no_date_from_a_link_or_an_event_in_the_body_of_a_page(runner, tmp_path: Path) -> None:
    lines = BODY.splitlines()
    pages = {
        "link.html": _page(
            "Link",
            [*lines, 'Earlier: <a href="https://n.example/story?ts=2015-03-04T10:00:00">the old bridge</a>.'],
        ),
        "event.html": _page("Event", [*lines, "The first bridge was opened on 2018-05-04, the mayor said."]),
        "related.html": _page("Related", lines).replace(
            "</article>",
            '</article><aside><a href="/2015/03/04/old/">Old bridge closes 2015-03-04</a></aside>',
        ),
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
        _ingest(runner, tmp_path, tmp_path / name)
    assert {t: a["published"] for t, a in _by_title(runner, tmp_path).items()} == {
        "Link": None,
        "Event": None,
        "Related": None,
    }


def test_no_date_from_a_link_at_the_head_of_a_plain_text(runner, tmp_path: Path) -> None:
    text = (
        "Bridge approved by council\nbridgewatch.example/2015/03/04\n" + BODY
    )  # a bare link line, as scraped
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    _ingest(runner, tmp_path, tmp_path / "a.txt")
    assert _by_title(runner, tmp_path)["Bridge approved by council"]["published"] is None


# entities ----------------------------------------------------------------------------------------------------


def test_entities_are_decoded_in_json_titles_outlets_and_authors(runner, tmp_path: Path) -> None:
    record = {
        "title": "Arnault&#8217;s bid &amp; the club",
        "source": {"name": "Caf&eacute; Press"},
        "authors": [{"name": "Jos&eacute; P&#233;rez"}],
        "text": BODY,
    }
    _ingest(runner, tmp_path, _jsonl(tmp_path, [record]))
    [(title, article)] = _by_title(runner, tmp_path).items()
    assert title == "Arnault’s bid & the club" and article["authors"] == ["José Pérez"]
    listed = runner.invoke(
        app, ["--db", str(tmp_path / "s.db"), "articles", "--json", "--outlet", "Café Press"]
    )
    assert len(listed.stdout.splitlines()) == 1


def test_entities_are_decoded_in_page_titles(runner, tmp_path: Path) -> None:
    head = (
        '<meta property="og:title" content="Arnault&amp;#8217;s bid">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Arnault&#8217;s bid",'
        ' "author": {"name": "Jos&eacute; P&#233;rez"}, "datePublished": "2019-11-19"}</script>'
    )
    (tmp_path / "a.html").write_text(
        _page("Arnault&amp;#8217;s bid", BODY.splitlines(), head), encoding="utf-8"
    )
    _ingest(runner, tmp_path, tmp_path / "a.html")
    [(title, article)] = _by_title(runner, tmp_path).items()
    assert (title, article["authors"], article["published"]) == (
        "Arnault’s bid",
        ["José Pérez"],
        "2019-11-19",
    )


def test_entities_are_decoded_in_plain_text(runner, tmp_path: Path) -> None:
    text = "Arnault&#8217;s bid for the club fails\n\n" + BODY.replace(
        "the mayor", "the mayor&#8217;s office"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    _ingest(runner, tmp_path, tmp_path / "a.txt")
    [(title, article)] = _by_title(runner, tmp_path).items()
    assert title == "Arnault’s bid for the club fails"
    assert "the mayor’s office" in article["text"]
