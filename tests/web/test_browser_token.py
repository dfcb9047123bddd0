"""The review buttons of a server that takes writes only with its start-up token (as it does
beyond loopback), in a real headless Chromium: the token from the address's fragment, or
asked for once when a write is refused."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.web import create_app
from dossier.web.server import running, token_notice

from .cdp import CHROMIUM, Browser, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium is missing: apt-get update && apt-get install -y chromium",
    ),
]

TOKEN = "t0k/en+with=odd&chars"
STORY = "s-lindqvist"  # the fictional sample's story, with merged spellings to review
BADGE = "document.querySelector('.review .badge').textContent"  # the first control's
BUTTON = '.review button[data-decision="confirmed"]'
_UNTIL = (
    "((test) => new Promise((done, fail) => { const t0 = Date.now(); (function poll() {"
    " if (test()) done(true); else if (Date.now() - t0 > 15000) fail('timed out');"
    " else setTimeout(poll, 50); })(); }))"
)


@pytest.fixture
def token_server(store_path: Path) -> Iterator[str]:
    with running(create_app(store_path, token=TOKEN)) as url:
        yield url


def _marks(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}/api/reviews", timeout=30) as answer:
        return [m["decision"] for m in json.loads(answer.read())["reviews"]]


def _badge_after_click(page: Page) -> str:
    return str(page.js(f"{_UNTIL}(() => {BADGE} !== 'not reviewed').then(() => {BADGE})"))


def test_the_token_in_the_fragment_is_kept_and_sent(browser: Browser, token_server: str) -> None:
    page = browser.page()
    page.open(f"{token_server}/stories/{STORY}#token={urllib.parse.quote(TOKEN, safe='')}")
    # Out of the address bar at once (bookmarks, screenshots, shoulders).
    assert "token" not in page.js("location.href")
    page.click(BUTTON)
    assert _badge_after_click(page) == "confirmed"
    assert _marks(token_server) == ["confirmed"]
    # Kept for the tab: another page of the server writes without asking.
    page.open(f"{token_server}/stories/{STORY}")
    page.click(BUTTON)  # pressing the active button again clears the mark
    assert page.js(f"{_UNTIL}(() => {BADGE} === 'not reviewed').then(() => {BADGE})")
    assert _marks(token_server) == []
    assert page.problems() == []


def test_a_refused_write_asks_for_the_token_once(browser: Browser, token_server: str) -> None:
    page = browser.page()
    page.open(f"{token_server}/stories/{STORY}")
    page.click(BUTTON)
    dialog = page.wait_for("Page.javascriptDialogOpening")["params"]
    assert dialog["type"] == "prompt" and "token" in dialog["message"]
    page.send("Page.handleJavaScriptDialog", accept=True, promptText=TOKEN)
    assert _badge_after_click(page) == "confirmed"
    assert _marks(token_server) == ["confirmed"]
    # A wrong answer saves nothing and says why.
    fresh = browser.page()
    fresh.open(f"{token_server}/stories/{STORY}")
    fresh.click('.review button[data-decision="dismissed"]')
    fresh.wait_for("Page.javascriptDialogOpening")
    fresh.send("Page.handleJavaScriptDialog", accept=True, promptText="guess")
    refused = f"{_UNTIL}(() => {BADGE}.startsWith('not saved')).then(() => {BADGE})"
    assert fresh.js(refused).startswith("not saved: this server needs the token")
    assert _marks(token_server) == ["confirmed"]


def test_the_start_up_notice_gives_the_address_with_the_token() -> None:
    notice = token_notice("192.0.2.7", 8000, TOKEN)
    assert f"Authorization: Bearer {TOKEN}" in notice
    assert "http://192.0.2.7:8000/#token=t0k%2Fen%2Bwith%3Dodd%26chars" in notice
    assert "http://[2001:db8::1]:80/#token=" in token_notice("2001:db8::1", 80, TOKEN)
