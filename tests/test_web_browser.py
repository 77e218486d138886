"""The pages in a real browser: Debian's Chromium (launched by its path, never a downloaded build) driven by
Playwright against a live server on localhost. Screenshots are kept under the pytest temporary folder
(``browser-artifacts``), or under ``$BROWSER_ARTIFACTS`` when set."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests",
    ),
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the dev extra) is not installed")

from test_api import ANALYSERS, XSS_ID, XSS_STORY, XSS_TITLE, build_store  # noqa: E402

TOKEN = "browser-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A live server in a thread over a small store (uvicorn, as `storyweave serve` runs it)."""
    import uvicorn

    from storyweave.api import create_app

    settings = build_store(tmp_path_factory.mktemp("web")).merged({"token": TOKEN})
    app = create_app(settings, analysers=ANALYSERS, poll_ms=500)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not live.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    given = os.environ.get("BROWSER_ARTIFACTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("browser-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records dialogs (none may open), requests to other hosts (none may leave) and errors."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogs, page.foreign, page.errors = [], [], []  # type: ignore[attr-defined]

    def on_dialog(dialog) -> None:
        page.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda r: None if r.url.startswith(server) else page.foreign.append(r.url))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    yield page
    context.close()


def test_river_filter_search_and_a_story_laid_open(page, server, artifacts):
    page.goto(server + "/")
    cards = page.locator(".story-card")
    assert cards.count() == 3
    page.screenshot(path=str(artifacts / "river.png"), full_page=True)

    page.fill("#lang", "fr")  # filter by language through the form
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "lang=fr" in page.url
    assert "q=" not in page.url and "since=" not in page.url  # empty fields are not sent
    assert cards.count() == 1 and "Aleppo" in cards.first.inner_text()

    page.goto(server + "/")  # a German question finds the English report of the Kerala floods first
    page.fill("#q", "Überschwemmungen in Indien")
    page.select_option("#mode", "semantic")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "mode=semantic" in page.url
    assert "Kerala" in cards.first.inner_text()
    page.screenshot(path=str(artifacts / "river-semantic.png"), full_page=True)

    page.fill("#q", "évacuation d'Alep")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "mode=semantic" in page.url
    assert "Aleppo" in cards.first.inner_text()
    cards.first.locator("h2 a").click()
    page.wait_for_url("**/stories/*")

    groups = page.locator("#quotes .quote-group")
    assert groups.count() >= 1
    variants = page.locator("#quotes .variant")
    assert {variants.nth(k).get_attribute("lang") for k in range(variants.count())} >= {"en", "de", "fr"}
    assert page.locator("#figures tr.disagree").count() == 1
    assert "disagreement" in page.locator("#figures tr.disagree").inner_text()
    assert page.locator("#citations svg line.edge").count() >= 2
    assert "AFP" in (page.locator("#citations svg").text_content() or "")
    assert page.locator("#timeline svg circle.dot").count() == 4
    assert page.locator("#coverage table.grid tbody tr").count() == 4
    assert page.locator("#articles ul.articles li").count() == 4
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)

    page.locator("#articles ul.articles li a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text mark.m-quote").count() >= 1
    assert page.locator("#article-story, #story-link").count() == 1
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    assert not page.dialogs and not page.foreign and not page.errors  # type: ignore[attr-defined]


def test_pages_fit_a_phone_and_follow_the_dark_theme(browser, server, artifacts):
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme="dark", is_mobile=True)
    page = context.new_page()
    try:
        for name, path in (("phone-river", "/"), ("phone-citations", "/citations")):
            page.goto(server + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
            page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(21, 23, 26)"  # the dark palette
    finally:
        context.close()


def test_script_payloads_render_inert(page, server, artifacts):
    for path in (f"/articles/{XSS_ID}", f"/stories/{XSS_STORY}", "/?since=2018-08-17", "/citations"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        for link in page.locator("a").all():  # try the links a reader would follow
            href = link.get_attribute("href") or ""
            assert not href.strip().lower().startswith("javascript:"), href
        page.mouse.move(300, 300)
        page.wait_for_timeout(200)
        page.screenshot(
            path=str(artifacts / f"xss{path.replace('/', '-').replace('?', '-')}.png"), full_page=True
        )
    page.goto(server + f"/articles/{XSS_ID}")
    assert page.locator("#article-title").inner_text() == XSS_TITLE  # shown as text, not run
    assert "<script>" in page.locator("#article-outlet").inner_text()
    assert page.locator("#article-text img, #article-text script, #article-text b").count() == 0
    page.locator("#removed summary").click()
    assert "<script>alert('removed')</script>" in page.locator("#removed").inner_text()
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert not page.dialogs, page.dialogs  # type: ignore[attr-defined]
    assert not page.foreign, page.foreign  # type: ignore[attr-defined]


def test_new_articles_are_announced_while_a_page_is_open(page, server):
    page.goto(server + "/")
    assert page.locator("#new-articles").is_hidden()
    page.keyboard.press("/")  # keyboard: "/" goes to the search box
    assert page.evaluate("document.activeElement.id") == "q"
    body = json.dumps(
        {
            "id": "late-1",
            "title": "Snow closes the Alpine passes",
            "text": "Heavy snow closed several Alpine passes on Tuesday and drivers were told to wait.",
            "outlet": "alps.ch",
            "date": "2019-01-08",
        }
    ).encode()
    request = Request(
        server + "/api/articles",
        data=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    with urlopen(request, timeout=30) as answer:
        assert json.loads(answer.read())["stored"] == 1
    page.locator("#new-articles").wait_for(state="visible", timeout=10_000)
    assert "1 new article" in page.locator("#new-articles-text").inner_text()
    page.locator("#new-articles-reload").click()
    page.wait_for_load_state("load")
    assert "Snow closes the Alpine passes" in page.locator("#river").inner_text()
