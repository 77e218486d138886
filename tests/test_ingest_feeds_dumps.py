"""Feeds, JSON Feed, news-API and scraper dumps, and broken feeds, through `storyweave ingest` (issue 8, item 2)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyweave.cli import app
from storyweave.ingest import read_paths
from storyweave.models import ItemError, RawDocument

# Synthetic Russian blog text, written for these tests.
RU = [
    "В прошлом месяце мы наконец перенесли все сервисы на новый сервер, и это заняло больше времени, чем ожидалось.",
    "Главной проблемой оказалась база данных: часть индексов пришлось строить заново, а сайт не работал два часа.",
    "Мы благодарим всех читателей, которые писали в поддержку и терпеливо ждали, пока мы всё починим.",
]
EN = [
    "The city council approved the new bridge on Tuesday after a debate that lasted late into the night.",
    "Construction is expected to start next spring and to take about three years, the mayor told reporters.",
]


def _ingest(runner, tmp_path: Path, *paths: Path) -> tuple[int, dict]:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", "--json", *map(str, paths)])
    return result.exit_code, json.loads(result.stdout)


def _articles(runner, tmp_path: Path, *options: str) -> list[dict]:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "articles", "--json", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _esc(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# RSS / Atom ----------------------------------------------------------------------------------------------


def _rich_entries() -> list[str]:
    """Fifteen shapes of blog HTML seen in real feeds; each holds all of RU."""
    a, b, c = RU
    return [
        f"<p>{a}</p><p>{b}</p><p>{c}</p>",
        f"{a}<br /><br />{b}<br /><br />{c}",  # no <p> at all (LiveJournal, Blogger)
        f'<img src="https://blog.example/i/1.jpg" alt=""/><br />{a}<br />{b}<br />{c}',
        f'<div class="post">{a}<br/>{b}<br/>{c}</div>',
        f"<ul><li>{a}</li><li>{b}</li><li>{c}</li></ul>",
        f"<table><tr><td>{a}</td></tr><tr><td>{b}</td></tr><tr><td>{c}</td></tr></table>",
        f'<span style="font-size:14px">{a}</span><br><span>{b}</span><br><span>{c}</span>',
        f"<blockquote>{a}</blockquote><p>{b}</p><p>{c}</p>",
        f'<figure><img src="x.jpg"/><figcaption>Фото автора</figcaption></figure><p>{a}</p><p>{b}</p><p>{c}</p>',
        f"<h2>Итоги</h2><p>{a}</p><h3>Подробности</h3><p>{b}</p><p>{c}</p>",
        f'<p><a href="https://blog.example/a">{a}</a></p><p>{b}</p><p>{c}</p>',
        f'{a}<br /><a name="cutid1"></a>{b}<br />{c}<br /><a href="https://blog.example/?thread">Комментарии</a>',
        f"<p><strong>{a}</strong></p><p><em>{b}</em></p><pre>{c}</pre>",
        f"<div><div><div>{a}</div></div><div>{b}</div></div><p>{c}</p>",
        f"<p>{a}</p>\n\n<p>{b}</p>\n<!-- more -->\n<p>{c}</p><script>var x = 1;</script>",
    ]


def test_atom_entries_with_rich_html_content_are_all_stored(runner, tmp_path: Path) -> None:
    entries = "".join(
        f"<entry><title>Запись {n}</title><link href='https://blog.example/{n}/'/><id>urn:blog:{n}</id>"
        f"<published>2024-03-{n:02d}T09:15:00+03:00</published><author><name>Иван Петров</name></author>"
        f'<content type="html">{_esc(html)}</content></entry>'
        for n, html in enumerate(_rich_entries(), 1)
    )
    feed = _write(
        tmp_path / "blog.atom",
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">'
        f"<title>Заметки инженера</title><id>urn:blog</id><updated>2024-03-20T00:00:00Z</updated>{entries}</feed>",
    )
    code, report = _ingest(runner, tmp_path, feed)
    assert (code, report["stored"], report["failed"]) == (0, 15, 0), report["errors"]
    for article in _articles(runner, tmp_path):
        assert all(sentence in article["text"].splitlines() for sentence in RU), article["text"]
        assert article["lang"] == "ru" and article["authors"] == ["Иван Петров"]
        assert "<" not in article["text"] and "var x" not in article["text"]


def test_feed_in_koi8_r_without_an_encoding_declaration_is_decoded(runner, tmp_path: Path) -> None:
    title = "В городе открылся новый мост через реку"
    rss = (
        '<rss version="2.0"><channel><title>Новости города</title><link>https://gorod.example/</link>'
        f"<item><title>{title}</title><link>https://gorod.example/most</link>"
        f"<pubDate>Tue, 19 Nov 2019 10:00:00 +0300</pubDate><description>{' '.join(RU)}</description></item>"
        "</channel></rss>"
    )
    code, report = _ingest(runner, tmp_path, _write(tmp_path / "koi8.rss", rss.encode("koi8-r")))
    assert (code, report["stored"]) == (0, 1)
    [article] = _articles(runner, tmp_path)
    assert (article["title"], article["lang"], article["published"]) == (
        title,
        "ru",
        "2019-11-19T10:00:00+03:00",
    )
    assert RU[0] in article["text"]
    assert _articles(runner, tmp_path, "--outlet", "Новости города")


def test_feed_in_windows_1251_with_a_wrong_utf8_declaration_is_decoded(tmp_path: Path) -> None:
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Блог</title>'
        f"<item><title>Переезд</title><description>{RU[0]}</description></item></channel></rss>"
    )
    [doc] = read_paths([str(_write(tmp_path / "a.rss", rss.encode("cp1251")))])
    assert isinstance(doc, RawDocument) and (doc.title, doc.text, doc.outlet) == ("Переезд", RU[0], "Блог")


def test_feed_titles_and_names_escaped_twice_are_decoded(tmp_path: Path) -> None:
    rss = (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Caf&amp;eacute; Press</title>'
        "<item><title>Arnault&amp;#8217;s bid</title><dc:creator>Jos&amp;eacute; P&amp;#233;rez</dc:creator>"
        f"<description>{EN[0]}</description></item></channel></rss>"
    )
    [doc] = read_paths([str(_write(tmp_path / "a.rss", rss))])
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.outlet, doc.authors) == ("Arnault’s bid", "Café Press", ("José Pérez",))


def test_a_feed_cut_short_keeps_its_whole_entries_and_fails_naming_the_file(runner, tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Item {n}</title><link>https://news.example/{n}</link><description>{EN[n % 2]}</description></item>"
        for n in range(3)
    )
    whole = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>N</title>{items}</channel></rss>'
    cut = whole[: whole.rindex("<item>") + 40]  # inside the third item
    path = _write(tmp_path / "cut.rss", cut)
    code, report = _ingest(runner, tmp_path, path)
    assert (code, report["read"], report["stored"], report["failed"]) == (1, 4, 2, 2)
    assert report["errors"] == [
        f"{path}:3: entry cut short: the feed ends before this entry does",
        f"{path}: feed cut short: it ends without its closing tag (no element found at line 1, column {len(cut)})",
    ]


def test_a_gzipped_feed_cut_short_fails_naming_the_file(runner, tmp_path: Path) -> None:
    rss = f'<rss version="2.0"><channel><title>N</title><item><description>{EN[0]}</description></item></channel></rss>'
    path = _write(tmp_path / "feed.rss.gz", gzip.compress(rss.encode())[:40])
    code, report = _ingest(runner, tmp_path, path)
    assert (code, report["stored"], report["failed"]) == (1, 0, 1)
    assert report["errors"] == [f"{path}: truncated gzip: the compressed data ends early"]


# JSON Feed -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_json_feed_items_are_articles(runner, tmp_path: Path, version: str) -> None:
    feed = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "Bridge Watch",
        "home_page_url": "https://bridgewatch.example/",
        "language": "en",
        "items": [
            {
                "id": "1",
                "url": "https://bridgewatch.example/posts/bridge",
                "title": "Council approves bridge",
                "content_html": "".join(f"<p>{s}</p>" for s in EN),
                "summary": "A short summary that is not the text.",
                "date_published": "2019-11-19T10:00:00-05:00",
                **(
                    {"author": {"name": "Ann Writer"}}
                    if version == "1"
                    else {"authors": [{"name": "Ann Writer"}, {"name": "Bob Roe"}]}
                ),
            },
            {
                "id": "2",
                "url": "https://bridgewatch.example/2019/11/20/works",
                "title": "Works begin",
                "content_text": EN[1],
            },
        ],
    }
    code, report = _ingest(runner, tmp_path, _write(tmp_path / "feed.json", json.dumps(feed)))
    assert (code, report["stored"], report["failed"]) == (0, 2, 0), report["errors"]
    first, second = sorted(_articles(runner, tmp_path), key=lambda a: a["title"])
    assert first["title"] == "Council approves bridge" and first["text"].splitlines() == EN
    assert first["published"] == "2019-11-19T10:00:00-05:00"
    assert first["authors"] == (["Ann Writer"] if version == "1" else ["Ann Writer", "Bob Roe"])
    assert (second["title"], second["text"], second["published"]) == ("Works begin", EN[1], "2019-11-20")
    assert len(_articles(runner, tmp_path, "--outlet", "Bridge Watch")) == 2


# news-API and scraper dumps ----------------------------------------------------------------------------------


def _news_api(*articles: dict) -> dict:
    return {"status": "ok", "totalResults": len(articles), "articles": list(articles)}


def test_news_api_dump_is_read_with_nested_source_and_published_at(runner, tmp_path: Path) -> None:
    dump = _news_api(
        {
            "source": {"id": "daily-example", "name": "The Daily Example"},
            "author": "Ann Writer, Bob Roe",
            "title": "Council approves bridge",
            "description": "The council said yes.",
            "url": "https://daily.example/bridge",
            "urlToImage": "https://daily.example/bridge.jpg",
            "publishedAt": "2019-11-19T15:04:05Z",
            "content": EN[0] + " Construction is expected… [+1234 chars]",
        },
        {
            "source": {"id": None, "name": "Other Times"},
            "author": None,
            "title": "Works begin",
            "description": EN[1],
            "url": "https://othertimes.example/works",
            "urlToImage": None,
            "publishedAt": "2019-11-20T08:00:00Z",
            "content": None,
        },
    )
    code, report = _ingest(runner, tmp_path, _write(tmp_path / "news.json", json.dumps(dump)))
    assert (code, report["stored"], report["failed"]) == (0, 2, 0), report["errors"]
    first, second = sorted(_articles(runner, tmp_path), key=lambda a: a["title"])
    assert first["published"] == "2019-11-19T15:04:05+00:00" and first["authors"] == ["Ann Writer", "Bob Roe"]
    assert first["text"] == EN[0] + " Construction is expected"  # the API's cut mark is not article text
    assert second["text"] == EN[1]  # no content: the description stands in
    assert [a["title"] for a in _articles(runner, tmp_path, "--outlet", "The Daily Example")] == [
        first["title"]
    ]
    assert [a["title"] for a in _articles(runner, tmp_path, "--outlet", "Other Times")] == [second["title"]]


def test_news_api_dump_fields_on_the_raw_document(tmp_path: Path) -> None:
    dump = _news_api(
        {
            "source": {"id": "x1", "name": "X News"},
            "title": "T",
            "description": "D",
            "content": EN[0],
            "extra": 1,
        }
    )
    [doc] = read_paths([str(_write(tmp_path / "n.json", json.dumps(dump)))])
    assert isinstance(doc, RawDocument) and (doc.line, doc.outlet, doc.text) == (1, "X News", EN[0])
    assert doc.extra == {"source.id": "x1", "description": "D", "extra": 1}  # nothing the input said is lost


def test_news_api_error_response_fails_with_its_message(runner, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "err.json",
        json.dumps({"status": "error", "code": "apiKeyInvalid", "message": "Your API key is invalid."}),
    )
    code, report = _ingest(runner, tmp_path, path)
    assert (code, report["failed"]) == (1, 1)
    assert report["errors"] == [
        f"{path}: the input is an error response, not articles: apiKeyInvalid: Your API key is invalid."
    ]


@pytest.mark.parametrize("key", ["articles", "items", "results", "data", "entries"])
def test_an_object_wrapping_an_array_is_its_articles(tmp_path: Path, key: str) -> None:
    wrapped = {"page": 1, key: [{"title": "A", "text": EN[0]}, {"title": "B", "text": EN[1]}, 7]}
    items = list(read_paths([str(_write(tmp_path / "w.json", json.dumps(wrapped, indent=2)))]))
    assert [(d.line, d.title) for d in items if isinstance(d, RawDocument)] == [(1, "A"), (2, "B")]
    assert items[2] == ItemError(str(tmp_path / "w.json"), "not a json object (got number)", 3)


def test_a_wrapper_one_level_down_and_a_wrapper_per_json_line(tmp_path: Path) -> None:
    nested = {
        "response": {
            "status": "ok",
            "results": [{"webTitle": "A", "webUrl": "https://g.example/a", "fields": {"bodyText": EN[0]}}],
        }
    }
    [doc] = read_paths([str(_write(tmp_path / "g.json", json.dumps(nested)))])
    assert isinstance(doc, RawDocument) and (doc.title, doc.url, doc.text) == (
        "A",
        "https://g.example/a",
        EN[0],
    )
    lines = [
        json.dumps(_news_api(*({"title": f"P{page}-{n}", "content": EN[n]} for n in range(2))))
        for page in range(2)
    ]
    docs = list(read_paths([str(_write(tmp_path / "pages.jsonl", "\n".join(lines) + "\n"))]))
    assert [(d.line, d.title) for d in docs if isinstance(d, RawDocument)] == [
        (1, "P0-0"),
        (1, "P0-1"),
        (2, "P1-0"),
        (2, "P1-1"),
    ]


def test_an_object_with_its_own_text_is_one_article_even_with_an_items_field(tmp_path: Path) -> None:
    [doc] = read_paths([str(_write(tmp_path / "a.json", json.dumps({"text": EN[0], "items": ["x"]})))])
    assert isinstance(doc, RawDocument) and doc.text == EN[0] and doc.extra == {"items": ["x"]}


def test_an_empty_wrapper_is_skipped_with_the_reason(runner, tmp_path: Path) -> None:
    path = _write(tmp_path / "none.json", json.dumps(_news_api()))
    code, report = _ingest(runner, tmp_path, path)
    assert (code, report["read"], report["skipped"]) == (0, 1, 1)
    assert report["skips"] == [f"{path}: skipped: no articles in this json input"]


def test_scraper_json_with_objects_for_source_and_authors_and_html_content(runner, tmp_path: Path) -> None:
    record = {
        "headline": "Bridge approved",
        "source": {"name": "Harbor Ledger", "url": "https://harborledger.example"},
        "authors": [{"name": "Ann Writer"}, {"name": "Bob Roe"}],
        "pubDate": "Tue, 19 Nov 2019 10:00:00 GMT",
        "link": "https://harborledger.example/bridge",
        "content": "".join(f"<p>{s}</p>" for s in EN) + '<p><img src="x.jpg"></p>',
        "description": "Teaser.",
    }
    code, report = _ingest(runner, tmp_path, _write(tmp_path / "scrape.jsonl", json.dumps(record) + "\n"))
    assert (code, report["stored"]) == (0, 1), report["errors"]
    [article] = _articles(runner, tmp_path, "--outlet", "Harbor Ledger")
    assert (article["title"], article["published"]) == ("Bridge approved", "2019-11-19T10:00:00+00:00")
    assert article["authors"] == ["Ann Writer", "Bob Roe"] and article["text"].splitlines() == EN


def test_wordpress_rest_export_reads_rendered_fields(tmp_path: Path) -> None:
    post = {
        "id": 42,
        "date": "2019-11-19T10:00:00",
        "link": "https://blog.example/bridge/",
        "title": {"rendered": "Arnault&#8217;s bridge"},
        "content": {"rendered": "".join(f"<p>{s}</p>" for s in EN), "protected": False},
        "excerpt": {"rendered": "<p>Teaser</p>"},
    }
    [doc] = read_paths([str(_write(tmp_path / "posts.json", json.dumps([post])))])
    assert isinstance(doc, RawDocument)
    assert (doc.source_id, doc.title, doc.text, doc.date) == (
        "42",
        "Arnault’s bridge",
        "\n".join(EN),
        "2019-11-19T10:00:00",
    )
    assert doc.extra == {"content.protected": False, "excerpt": {"rendered": "<p>Teaser</p>"}}


def test_description_is_the_text_only_when_there_is_no_full_text(tmp_path: Path) -> None:
    lines = [{"description": "Only a summary.", "title": "A"}, {"summary": "S", "body": "", "content": EN[0]}]
    first, second = read_paths([str(_write(tmp_path / "a.jsonl", "\n".join(map(json.dumps, lines)) + "\n"))])
    assert isinstance(first, RawDocument) and first.text == "Only a summary." and first.extra == {}
    assert isinstance(second, RawDocument) and second.text == EN[0] and second.extra == {"summary": "S"}


def test_csv_of_a_news_api_export(tmp_path: Path) -> None:
    csv = "source.name,publishedAt,title,description\nThe Daily Example,2019-11-19T15:04:05Z,T,Desc text\n"
    [doc] = read_paths([str(_write(tmp_path / "a.csv", csv))])
    assert isinstance(doc, RawDocument) and (doc.date, doc.text) == ("2019-11-19T15:04:05Z", "Desc text")
