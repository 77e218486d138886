"""The web server in-process: status, content type and JSON shape of every API endpoint (the same shapes as the
CLI's --json, from the one serialiser), errors as 4xx with a message, uploads behind a token, the pages escaping
untrusted text under a Content-Security-Policy, and no 500 on any request generated from the OpenAPI schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave import Storyweave
from storyweave.analyze.base import Analyser, ArticleText, Citation, Figure, Quote
from storyweave.api import create_app
from storyweave.config import Settings
from storyweave.models import Article
from storyweave.serialise import article_json, story_json
from storyweave.store.base import StoredArticle, WriteBatch

# One event reported in English, German and French (quotes, a figure two outlets disagree on, AFP credits), an
# unrelated English story, and an article whose every field carries script payloads.
ARTICLES = [
    {
        "id": "e1",
        "outlet": "courier.com",
        "date": "2016-12-14T08:00:00Z",
        "lang": "en",
        "url": "https://courier.com/aleppo-1",
        "title": "Evacuation of eastern Aleppo begins after ceasefire deal",
        "text": "Buses began evacuating civilians and fighters from eastern Aleppo on Wednesday under a ceasefire "
        'deal brokered by Russia and Turkey.\n"We will leave the city tonight," said Abu Omar, a rebel commander. '
        "About 6000 civilians were still trapped in the besieged districts, AFP reported.",
    },
    {
        "id": "e5",
        "outlet": "herald.com",
        "date": "2016-12-14T12:00:00Z",
        "lang": "en",
        "url": "https://herald.com/aleppo",
        "title": "Aleppo evacuation under way as ceasefire holds",
        "text": "The evacuation of rebel-held eastern Aleppo started on Wednesday as a ceasefire brokered by Russia "
        'and Turkey held.\n"We will leave the city tonight," rebel commander Abu Omar said. Some 8000 civilians '
        "remain in the besieged districts.",
    },
    {
        "id": "e2",
        "outlet": "zeitung.de",
        "date": "2016-12-14T15:00:00Z",
        "lang": "de",
        "url": "https://zeitung.de/aleppo",
        "title": "Evakuierung von Ost-Aleppo hat begonnen",
        "text": "In Ost-Aleppo hat am Mittwoch die Evakuierung von Zivilisten und Kämpfern begonnen, nach einer von "
        'Russland und der Türkei vermittelten Waffenruhe.\n"Wir werden die Stadt heute Nacht verlassen", sagte '
        "der Rebellenkommandeur Abu Omar, wie AFP berichtete.",
    },
    {
        "id": "e3",
        "outlet": "journal.fr",
        "date": "2016-12-15T09:00:00Z",
        "lang": "fr",
        "url": "https://journal.fr/alep",
        "title": "L'évacuation d'Alep-Est a commencé",
        "text": "L'évacuation des civils et des combattants d'Alep-Est a commencé mercredi, en vertu d'un "
        'cessez-le-feu négocié par la Russie et la Turquie.\n"Nous quitterons la ville ce soir", a déclaré Abu '
        "Omar, un commandant rebelle, selon l'AFP.",
    },
    {
        "id": "f1",
        "outlet": "herald.com",
        "date": "2018-08-16T10:00:00Z",
        "lang": "en",
        "url": "https://herald.com/kerala",
        "title": "Floods kill dozens in Kerala as monsoon rains continue",
        "text": "Heavy monsoon rains caused floods and landslides across the Indian state of Kerala, killing dozens "
        "of people.\nRescue teams in boats searched flooded villages for stranded residents, Reuters reported.",
    },
]

XSS_TITLE = "<script>alert('title')</script> Bad <img src=x onerror=alert('img')> title"
XSS_TEXT = (
    "Click <a href=\"javascript:alert('link')\">here</a> now. <img src=x onerror=alert('text')> and "
    "<script>alert('body')</script> and \"<b onmouseover=alert('q')>quoted</b>\" said Mallory.\n"
    "javascript:alert('plain') 66 civilians onerror=alert('plain2')"
)
XSS_OUTLET = "\"><script>alert('outlet')</script>"
XSS_ID, XSS_STORY = "0bad0bad0bad", "s0bad0bad0bad"
PAYLOADS = ("<script>alert(", "onerror=alert(", "onmouseover=alert(", "javascript:alert(")


class Quotes(Analyser):
    """Quotes in straight double quotes, their speaker the name just after: enough to test the plumbing."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        out = []
        for m in re.finditer(r'"([^"]+)"', article.text):
            who = re.search(r"Abu Omar|Mallory", article.text[m.end() : m.end() + 80])
            out.append(
                Quote(m.group(1).rstrip(","), m.start(1), m.end(1), "direct", "said", who and who.group(0))
            )
        return out


class Figures(Analyser):
    name: ClassVar[str] = "figures"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        return [
            Figure(float(m.group(1)), m.group(2), m.group(0), m.start(), m.end())
            for m in re.finditer(r"(\d+) (civilians)", article.text)
        ]


class Citations(Analyser):
    name: ClassVar[str] = "citations"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        out = []
        for name, key in (("AFP", "afp.com"), ("Reuters", "reuters.com")):
            i = article.text.find(name)
            if i >= 0:
                out.append(Citation(name, article.text, i, i + len(name), key))
        return out


ANALYSERS = [Quotes(), Figures(), Citations()]


def build_store(folder: Path, embedder: str = "use") -> Settings:
    """The corpus above ingested into ``folder/s.db``, plus the script-payload article written straight into the
    store (the readers strip tags, but stored text is untrusted whatever put it there) and a merged story id."""
    src = folder / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    settings = Settings(db=str(folder / "s.db"), embedder=embedder, workers=0)
    with Storyweave(settings=settings, analysers=ANALYSERS) as sw:
        sw.ingest([str(src)])
        bad = Article(
            id=XSS_ID,
            source_id="xss",
            title=XSS_TITLE,
            text=XSS_TEXT,
            lang="en",
            published="2018-08-17T10:00:00+00:00",
            outlet=XSS_OUTLET,
            outlet_name=XSS_OUTLET,
            authors=("<img src=x onerror=alert('author')>",),
            url="javascript:alert('url')",
            removed=("<script>alert('removed')</script>",),
            removed_reasons=("<b onmouseover=alert('reason')>",),
            story_id=XSS_STORY,
        )
        merged_into = next(s.id for s in sw.stories() if s.size >= 3)
        sw.store.write_batch(
            WriteBatch(
                articles=[StoredArticle(bad, content_hash="xss")], merges=[("s000000merged", merged_into)]
            )
        )
        rows = [(XSS_ID, *found) for found in sw.analysis_runner().run(bad)]  # type: ignore[union-attr]
        rows.append(
            (
                XSS_ID,
                "citations",
                1,
                json.dumps([{"outlet": XSS_OUTLET, "key": None, "evidence": XSS_TEXT, "start": 0, "end": 5}]),
            )
        )
        sw.store.write_analyses(rows)
    return settings


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Settings:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store, analysers=ANALYSERS)) as c:
        yield c


@pytest.fixture
def sw(store):
    with Storyweave(settings=store, analysers=ANALYSERS) as handle:
        yield handle


def _json(response) -> Any:
    assert response.headers["content-type"] == "application/json", response.text[:200]
    return response.json()


def _aleppo(sw) -> str:
    return next(s.id for s in sw.stories() if s.size >= 3)


# --- the JSON API -----------------------------------------------------------------------------------------------
def test_stories_are_listed_as_the_cli_lists_them(client, sw):
    r = client.get("/api/stories")
    assert r.status_code == 200
    body = _json(r)
    assert body["items"] == [s.to_json() for s in sw.stories(limit=50)]
    assert body["total"] == sw.count_stories() and body["offset"] == 0 and body["next_offset"] is None
    by_size = _json(client.get("/api/stories", params={"sort": "size", "limit": 1}))
    assert by_size["items"][0]["id"] == _aleppo(sw) and by_size["next_offset"] == 1
    fr = _json(client.get("/api/stories", params={"lang": "fr"}))
    assert [s["id"] for s in fr["items"]] == [_aleppo(sw)]
    assert _json(client.get("/api/stories", params={"outlet": "zeitung.de", "min_size": 2}))["total"] == 1
    assert (
        _json(client.get("/api/stories", params={"since": "2018-01-01", "until": "2018-12-31"}))["total"] == 2
    )
    found = _json(client.get("/api/stories", params={"search": "Kerala OR Aleppo"}))
    assert found["total"] == 2


def test_a_story_comes_with_its_whole_anatomy_in_the_serialisers_shape(client, sw):
    sid = _aleppo(sw)
    story = sw.story(sid)
    expected = story_json(story, [sw.article(i) for i in story.article_ids], sw.anatomy(sid))
    body = _json(client.get(f"/api/stories/{sid}"))
    assert body == expected
    assert {"groups", "quotes", "figures", "citations", "framing", "summary", "timeline"} <= set(body)
    assert body["languages"] == ["de", "en", "fr"]
    assert any(g["disagreement"] for g in body["figures"])


def test_an_old_merged_story_id_answers_with_the_story_it_became(client, sw):
    r = client.get("/api/stories/s000000merged")
    assert r.status_code == 200 and _json(r)["id"] == _aleppo(sw)
    page = client.get("/stories/s000000merged", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/stories/{_aleppo(sw)}"


def test_articles_and_one_article_match_the_cli_json(client, sw):
    body = _json(client.get("/api/articles", params={"limit": 3, "offset": 1}))
    listed = list(sw.articles(limit=3, offset=1))
    found = sw.analyses([a.id for a in listed])
    assert body["items"] == [article_json(a, found.get(a.id)) for a in listed]
    assert body["total"] == sw.count_articles() and body["next_offset"] == 4
    one = sw.article("e1")
    assert _json(client.get(f"/api/articles/{one.id}")) == article_json(one, sw.analyses([one.id])[one.id])
    assert _json(client.get("/api/articles/e1"))["id"] == one.id  # the source id works too
    with_revisions = _json(client.get(f"/api/articles/{one.id}", params={"revisions": "true"}))
    assert with_revisions["revisions"] == []
    in_story = _json(client.get("/api/articles", params={"story": _aleppo(sw)}))
    assert in_story["total"] == 4


def test_keyword_search_and_cross_lingual_semantic_search(client):
    keyword = _json(client.get("/api/search", params={"q": "Kerala"}))
    assert keyword["mode"] == "keyword" and [a["source_id"] for a in keyword["items"]] == ["f1"]
    # a French question finds the German and English reports of the same event before anything else
    semantic = _json(
        client.get(
            "/api/search", params={"q": "évacuation des civils d'Alep", "mode": "semantic", "limit": 4}
        )
    )
    top = [a["source_id"] for a in semantic["items"]]
    assert set(top) == {"e1", "e5", "e2", "e3"}, top
    scores = [a["score"] for a in semantic["items"]]
    assert scores == sorted(scores, reverse=True)
    german = _json(client.get("/api/search", params={"q": "Alep", "mode": "semantic", "lang": "de"}))
    assert [a["source_id"] for a in german["items"]] == ["e2"]


def test_quotes_and_citations(client):
    quotes = _json(client.get("/api/quotes", params={"speaker": "abu omar"}))
    assert len(quotes["items"]) == 4 and {q["lang"] for q in quotes["items"]} == {"en", "de", "fr"}
    assert set(quotes["items"][0]) >= {"text", "speaker", "article_id", "outlet", "story_id", "published"}
    paged = _json(client.get("/api/quotes", params={"speaker": "abu omar", "limit": 3}))
    assert len(paged["items"]) == 3 and paged["next_offset"] == 3
    edges = _json(client.get("/api/citations"))["items"]
    assert ("courier.com", "AFP") in {(e["from_outlet"], e["to_outlet"]) for e in edges}
    assert (
        _json(client.get("/api/citations", params={"until": "2017-01-01"}))["items"][0]["to_outlet"] == "AFP"
    )


def test_status_and_outlets(client):
    status = _json(client.get("/api/status"))
    assert status["articles"] == len(ARTICLES) + 1
    assert "herald.com" in {o["key"] for o in _json(client.get("/api/outlets"))["items"]}


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/stories/s-nope", 404, "no story"),
        ("/api/articles/nope", 404, "no article"),
        ("/api/stories?since=2016-13-45", 400, "not an ISO date"),
        ("/api/stories?sort=biggest", 400, "sort"),
        ("/api/stories?limit=0", 400, "limit"),
        ("/api/stories?limit=abc", 400, "limit"),
        ("/api/stories?offset=-1", 400, "offset"),
        ("/api/articles?search=%22new", 400, "search"),
        ("/api/articles?search=NOT", 400, "search"),
        ("/api/search", 400, "q"),
        ("/api/search?q=x&mode=magic", 400, "mode"),
        ("/api/nothing-here", 404, "nothing at"),
        ("/api/search?q=%00", 400, "NUL"),
    ],
)
def test_malformed_requests_get_a_4xx_with_a_message(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status, r.text
    assert words in _json(r)["detail"]


def test_openapi_and_local_docs(client):
    spec = _json(client.get("/openapi.json"))
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}"} <= set(
        spec["paths"]
    )
    assert {"/api/search", "/api/quotes", "/api/citations"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "/api/stories" in docs.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", docs.text)  # nothing from another host


# --- uploads ------------------------------------------------------------------------------------------------------
@pytest.fixture
def upload_store(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "u.db"), embedder="hashing", workers=0)


NEW = {
    "id": "n1",
    "title": "Heavy snow closes the Alpine passes",
    "text": "Heavy snow closed several Alpine passes on Tuesday, police said, and drivers were told to wait.",
    "outlet": "alps.ch",
    "date": "2019-01-08",
}


def test_uploads_are_refused_without_a_configured_token(upload_store):
    with TestClient(create_app(upload_store)) as c:
        r = c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403 and "STORYWEAVE_TOKEN" in r.json()["detail"]


def test_uploads_need_the_right_bearer_token_and_answer_the_ingest_report(upload_store):
    app = create_app(upload_store.merged({"token": "s3cret"}))
    with TestClient(app) as c:
        missing = c.post("/api/articles", json=NEW)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.post("/api/articles", json=NEW, headers={"Authorization": "Basic s3cret"}).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        r = c.post("/api/articles", json=NEW, headers=auth)
        assert r.status_code == 200
        assert _json(r) == {**_json(r), "read": 1, "stored": 1, "failed": 0}
        again = c.post("/api/articles", json=[NEW], headers=auth)
        assert _json(again)["unchanged"] == 1
        assert _json(c.get("/api/articles"))["items"][0]["source_id"] == "n1"
        lines = "\n".join(
            json.dumps({**NEW, "id": f"f{k}", "title": f"Story {k}", "text": f"Text number {k} " * 8})
            for k in range(3)
        )
        files = [("file", ("more.jsonl", lines.encode(), "application/octet-stream"))]
        files.append(
            ("file", ("page.txt", b"# A page\n\nOne paragraph of scraped text about snow.\n", "text/plain"))
        )
        uploaded = c.post("/api/articles", files=files, headers=auth)
        assert uploaded.status_code == 200 and _json(uploaded)["stored"] == 4, uploaded.text
        assert _json(c.get("/api/status"))["articles"] == 5
        bad = c.post(
            "/api/articles", content=b"{not json", headers={**auth, "content-type": "application/json"}
        )
        assert bad.status_code == 400 and "not valid JSON" in bad.json()["detail"]
        empty = c.post("/api/articles", content=b"", headers=auth)
        assert empty.status_code == 400
        no_file = c.post("/api/articles", files={"note": (None, b"1")}, headers=auth)
        assert no_file.status_code == 400 and "no file" in no_file.json()["detail"]
        form = c.post("/api/articles", data={"x": "1"}, headers=auth)
        assert form.status_code == 415


def test_request_bodies_over_the_limit_get_413(upload_store):
    app = create_app(upload_store.merged({"token": "t"}), upload_limit=1000)
    with TestClient(app) as c:
        big = [{**NEW, "text": "word " * 400}]
        r = c.post("/api/articles", json=big, headers={"Authorization": "Bearer t"})
        assert r.status_code == 413 and "too large" in r.json()["detail"]

        def chunks():  # no Content-Length: counted as it arrives
            for _ in range(10):
                yield b"x" * 500

        streamed = c.post(
            "/api/articles",
            content=chunks(),
            headers={"Authorization": "Bearer t", "content-type": "text/plain"},
        )
        assert streamed.status_code == 413
        assert c.request("GET", "/api/stories", content=b"x" * 100_000).status_code == 413


# --- pages and their safety ---------------------------------------------------------------------------------------
def _page(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for tag in re.findall(r"<script\b[^>]*>", r.text):  # scripts only from our own files
        assert re.fullmatch(r'<script src="/static/[\w.-]+\.js" defer>', tag), tag
    assert not re.search(r"\son[a-z]+\s*=", _tags(r.text)), url  # no event handler attribute in any tag
    assert not re.search(r"""(src=|<link[^>]*href=)["']?(https?:)?//""", r.text), url  # nothing from a CDN
    return r.text


def _tags(html: str) -> str:
    """Every tag's source, text between tags left out (escaped payloads in text are harmless)."""
    return " ".join(re.findall(r"<[a-zA-Z][^>]*>", html))


def test_pages_render_with_the_security_headers(client, sw):
    sid = _aleppo(sw)
    river = _page(client, "/")
    assert sid in river and "Evacuation of eastern Aleppo" in river
    story = _page(client, f"/stories/{sid}")
    for part in ("timeline", "coverage", "quotes", "figures", "framing", "citations", "articles"):
        assert f'id="{part}"' in story
    assert "Abu Omar" in story and 'class="disagree"' in story and "<svg" in story
    article = _page(client, f"/articles/{sw.article('e1').id}")
    assert '<mark class="m-quote"' in article and '<mark class="m-figure"' in article
    assert '<mark class="m-citation"' in article and f'href="/stories/{sid}"' in article
    assert "AFP" in _page(client, "/citations")
    assert _page(client, "/?q=Kerala").count('class="story-card"') == 1
    assert _page(client, "/?lang=fr").count('class="story-card"') == 1
    semantic = _page(client, "/?q=Überschwemmung+in+Indien&mode=semantic")
    cards = semantic.split('class="story-card"')[1:]
    assert cards and "Kerala" in cards[0] and "Aleppo" not in semantic  # unrelated stories are left out
    missing = client.get("/stories/nope")
    assert missing.status_code == 404 and "no story" in missing.text
    assert client.get("/?since=yesterday").status_code == 400


def test_script_payloads_in_title_text_outlet_and_analyses_come_back_escaped(client):
    pages = [
        _page(client, f"/articles/{XSS_ID}"),
        _page(client, f"/stories/{XSS_STORY}"),
        _page(client, "/?since=2018-08-17"),
        _page(client, "/citations"),
    ]
    for html in pages:
        tags = _tags(html)
        for payload in PAYLOADS:
            assert payload not in tags
        assert "<img" not in html and "<b " not in html and "alert('title')</script>" not in html
    article = pages[0]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(&#39;text&#39;)&gt;" in article
    assert "&#34;&gt;&lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt;" in article
    assert 'href="javascript:' not in article and "javascript:alert(&#39;url&#39;)" in article
    assert "&lt;script&gt;alert(&#39;removed&#39;)&lt;/script&gt;" in article
    # the JSON gives the stored strings back as they are: escaping is the page's job
    assert _json(client.get(f"/api/articles/{XSS_ID}"))["title"] == XSS_TITLE


def test_static_files_and_the_page_script_use_no_inner_html(client):
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "innerHTML" not in js.text and "eval(" not in js.text
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/../pages.py").status_code == 404


# --- no 500, whatever is asked --------------------------------------------------------------------------------------
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(
        [
            '"',
            "*",
            "NOT",
            "a OR",
            "(",
            ")",
            "2016-13-45",
            "0001-01-01",
            "9999-12-31T23:59:59+14:00",
            "2016-12-14T25:00",
            "\x00",
            "%",
            "s000000merged",
            "-1",
            "1e9",
            "99999999999999999999999",
        ]
    ),
)


def _value(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    strategies: list[st.SearchStrategy[str]] = [TEXT]
    for s in options:
        if "enum" in s:
            strategies.append(st.sampled_from([str(v) for v in s["enum"]]))
        if s.get("type") == "integer":
            strategies.append(st.integers(-(10**20), 10**20).map(str))
            strategies.append(st.integers(-2, 1100).map(str))
        if s.get("type") == "boolean":
            strategies.append(st.sampled_from(["true", "false", "1", "0", "maybe"]))
    return st.one_of(*strategies)


def _requests(spec: dict[str, Any]) -> st.SearchStrategy[tuple[str, dict[str, str]]]:
    """(path, query) pairs for every GET operation, each parameter present or not, well-formed or not."""
    ops = []
    for path, methods in spec["paths"].items():
        op = methods.get("get")
        if op is None:
            continue
        params = op.get("parameters", [])
        path_params = {p["name"]: TEXT.filter(bool) for p in params if p["in"] == "path"}
        query = {p["name"]: _value(p.get("schema", {})) for p in params if p["in"] == "query"}

        def build(
            values: dict[str, Any], chosen: dict[str, str], path: str = path
        ) -> tuple[str, dict[str, str]]:
            url = path
            for name, value in values.items():
                url = url.replace("{" + name + "}", quote(value, safe=""))
            return url, chosen

        ops.append(
            st.builds(
                build,
                st.fixed_dictionaries(path_params),
                st.fixed_dictionaries({}, optional=query),
            )
        )
    pages = [
        st.builds(
            lambda q: ("/", q),
            st.fixed_dictionaries(
                {},
                optional={
                    k: TEXT for k in ("q", "mode", "lang", "outlet", "since", "until", "sort", "offset")
                },
            ),
        ),
        st.builds(
            lambda q: ("/citations", q), st.fixed_dictionaries({}, optional={"since": TEXT, "until": TEXT})
        ),
        st.builds(lambda i: (f"/stories/{quote(i, safe='')}", {}), TEXT.filter(bool)),
        st.builds(lambda i: (f"/articles/{quote(i, safe='')}", {}), TEXT.filter(bool)),
    ]
    return st.one_of(*ops, *pages)


def test_no_request_generated_from_the_openapi_schema_gets_a_500(client):
    spec = client.get("/openapi.json").json()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(_requests(spec))
    def check(request: tuple[str, dict[str, str]]) -> None:
        path, params = request
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.status_code, r.text[:300])
        if r.status_code >= 400 and r.headers["content-type"] == "application/json":
            assert r.json()["detail"]

    check()


# --- the command -----------------------------------------------------------------------------------------------------
def test_serve_command_starts_uvicorn_on_localhost(store, runner, monkeypatch):
    import uvicorn

    from storyweave.cli import app

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = runner.invoke(app, ["--db", store.db, "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert "http://127.0.0.1:8123/" in result.output
    missing = runner.invoke(app, ["--db", str(Path(store.db).parent / "none.db"), "serve"])
    assert missing.exit_code == 2 and "no store at" in missing.output
