"""The report and the web UI in a real headless Chromium (Debian's ``chromium``; CI installs it
when missing), on the fictional sample, the seed articles and a folder of 120 real articles.

Each test saves screenshots to ``test-artifacts/screenshots/`` (git-ignored; set
``DOSSIER_ARTIFACTS`` to put them elsewhere), to be looked at: the assertions check what can
be checked (navigation, filters, search hits, no horizontal scrolling at 1280 px, page weight,
no Content-Security-Policy violation), the screenshots show the rest.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from dossier.report.links import FOLDER, page_name

from .browser_cases import BuiltCase, Served
from .cdp import CHROMIUM, Browser, Page, artifacts_dir

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium is missing: apt-get update && apt-get install -y chromium",
    ),
]

MAX_INDEX_BYTES = 2_000_000  # the index page of a 300-article build (issue 18)
WIDTH = 1280


# A promise that resolves once a condition holds (checked every 50 ms, for at most 15 s).
_UNTIL = (
    "((test) => new Promise((done, fail) => { const t0 = Date.now(); (function poll() {"
    " if (test()) done(true); else if (Date.now() - t0 > 15000) fail('timed out');"
    " else setTimeout(poll, 50); })(); }))"
)


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    return page.screenshot(artifacts_dir() / "screenshots" / f"{name}.png", full_page=full_page)


def _fits(page: Page, what: str) -> None:
    assert page.overflow() == 0, f"{what} scrolls sideways at {WIDTH} px"
    assert page.problems() == [], f"{what}: {page.problems()}"


def _in_view(page: Page, selector: str) -> bool:
    return bool(
        page.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return false; const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight; })()"
        )
    )


def _weight(page: Page) -> int:
    """Bytes the page and everything it loaded took over the network."""
    return int(
        page.js(
            "performance.getEntriesByType('navigation').concat("
            "performance.getEntriesByType('resource'))"
            ".reduce((n, e) => n + (e.transferSize || 0), 0)"
        )
    )


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


# ---------------------------------------------------------------- the fictional sample


def test_sample_story_page_renders(browser: Browser, sample_server: str) -> None:
    page = browser.page()
    page.open(f"{sample_server}/stories/s-lindqvist")
    assert page.js("document.querySelector('h1').textContent") == "Vestrava journalist sentenced"
    assert page.js("document.querySelectorAll('table.timeline tbody tr').length") == 3
    _fits(page, "the sample story")
    shot(page, "sample-story")
    # The keyboard: the first Tab reaches the skip link, Enter moves to the content.
    page.key("Tab")
    assert page.js("document.activeElement.className") == "skip"
    page.key("Enter")
    assert page.js("location.hash") == "#main"
    page.key("Tab")
    assert page.js("document.activeElement.closest('main') !== null")


def test_a_grouping_correction_is_saved_from_the_story_page(
    browser: Browser, sample_server: str
) -> None:
    page = browser.page()
    page.open(f"{sample_server}/stories/s-lindqvist")
    page.js("document.querySelector('details.corrections').open = true")
    page.js("document.querySelector('form.correction input[name=documents]').checked = true")
    page.js("document.querySelector('form.correction select[name=kind]').value = 'split'")
    page.click("form.correction button[type=submit]")
    status = "document.querySelector('form.correction .status').textContent"
    saved = page.js(f"{_UNTIL}(() => {status} !== '').then(() => {status})")
    assert saved == "saved: the next build applies it"
    assert page.problems() == []
    shot(page, "sample-story-correction-saved")
    listed = _get(f"{sample_server}/api/corrections")
    assert isinstance(listed, dict)
    assert [c["kind"] for c in listed["corrections"]][-1:] == ["split"]


# ---------------------------------------------------------------- the seeds


def test_seeds_report_folder(browser: Browser, seeds_case: BuiltCase) -> None:
    page = browser.page()
    page.open(seeds_case.index_url)
    title = seeds_case.corpus.stories[0].title
    assert page.js("document.querySelector('h1').textContent") == title
    _fits(page, "the seeds report")
    shot(page, "seeds-report-index")
    # The table of contents moves to its section.
    page.click('nav.toc a[href*="#timeline-"]')
    heading = "document.querySelector('h2[id^=\"timeline-\"]').getBoundingClientRect()"
    page.js(f"{_UNTIL}(() => {heading}.top >= 0 && {heading}.top < window.innerHeight)")
    assert page.js("location.hash").startswith("#timeline-")
    assert _in_view(page, 'h2[id^="timeline-"]')
    shot(page, "seeds-report-timeline")
    # A citation in the summary opens its source page at the quoted, highlighted passage.
    page.open(seeds_case.index_url)
    href = page.js("document.querySelector('.summary sup.cites a').getAttribute('href')")
    assert href.startswith("report/source-") and "#doc-" in href
    page.click(".summary sup.cites a")
    page.wait_for("Page.loadEventFired")
    assert "/report/source-" in page.js("location.href")
    assert page.js("!!document.querySelector(':target + mark.cited')")
    assert _in_view(page, ":target + mark.cited")
    # The whole quoted passage is outlined, not only its first piece.
    story = seeds_case.corpus.stories[0]
    cited = {f"doc-{c.doc}-{c.start}": c.quote for s in story.summary for c in s.citations}
    anchor = page.js("decodeURIComponent(location.hash.slice(1))")
    outlined = page.js("[...document.querySelectorAll('.current')].map(e => e.textContent)")
    assert "".join(outlined).startswith(cited[anchor]) and len(outlined) >= 1
    _fits(page, "a seed source page")
    shot(page, "seeds-report-source-at-citation")


def test_seeds_ui_story_filters_entity_and_review(browser: Browser, seeds_server: Served) -> None:
    corpus, url = seeds_server.corpus, seeds_server.url
    story = corpus.stories[0]
    page = browser.page()
    page.open(f"{url}/stories/{story.id}")
    _fits(page, "the seeds story in the UI")
    shot(page, "seeds-ui-story")
    rows = page.js("document.querySelectorAll('table.timeline tbody tr').length")
    # Filter by a person: choose them in the form and submit it, as a user would.
    person = next(e for e in story.entities if "Alimuly" in e.name)
    page.js(f"document.querySelector('#f-entity').value = {json.dumps(person.id)}")
    page.click("form.filters button[type=submit]")
    page.wait_for("Page.loadEventFired")
    assert f"entity={person.id}" in page.js("location.search")
    assert "Filtered:" in page.js("document.querySelector('.filtered').textContent")
    assert 0 < page.js("document.querySelectorAll('table.timeline tbody tr').length") < rows
    _fits(page, "the filtered story")
    shot(page, "seeds-ui-story-filtered")
    # The entity page, then a review mark on the first conflict.
    qaster = next(e for e in story.entities if "Musakhanuly" in e.name)
    page.open(f"{url}/stories/{story.id}/entities/{qaster.id}")
    assert "Musakhauly" in page.js("document.body.textContent")
    _fits(page, "an entity page")
    shot(page, "seeds-ui-entity")
    page.open(f"{url}/stories/{story.id}#conflicts-{story.id}")
    page.click('.conflict .review button[data-decision="confirmed"]')
    badge = "document.querySelector('.conflict .review .badge').textContent"
    assert page.js(f"{_UNTIL}(() => {badge} !== 'not reviewed').then(() => {badge})") == (
        "confirmed"
    )
    assert page.problems() == []
    shot(page, "seeds-ui-conflict-confirmed")
    marks = _get(f"{url}/api/reviews")
    assert isinstance(marks, dict)
    assert [m["decision"] for m in marks["reviews"]] == ["confirmed"]


def test_seeds_ui_search_finds_every_spelling_and_opens_the_passage(
    browser: Browser, seeds_server: Served
) -> None:
    url = seeds_server.url
    page = browser.page()
    # No seed writes "Kaster Musakhanuly": RFE/RL has Qaster Musakhanuly, KazPost Kaster Musakhan.
    page.open(f"{url}/search?q=Kaster+Musakhanuly")
    hits = page.js("document.querySelectorAll('ol.hits > li').length")
    assert hits >= 4
    assert "Qaster Musakhanuly" in page.js("document.querySelector('main').textContent")
    _fits(page, "the search page")
    shot(page, "seeds-ui-search")
    page.click("ol.hits > li > a")
    page.wait_for("Page.loadEventFired")
    assert page.js("location.hash") == "#passage"
    assert _in_view(page, "#passage + mark.hit")
    _fits(page, "a document at a search hit")
    shot(page, "seeds-ui-document-at-hit")
    page.open(f"{url}/search?q=Zaysan")
    assert page.js("document.querySelectorAll('ol.hits > li').length") >= 3  # Zaisan too


# ---------------------------------------------------------------- 120 real articles


def test_large_report_is_light_and_fits(browser: Browser, large_case: BuiltCase) -> None:
    index = large_case.out / "report.html"
    assert index.stat().st_size < MAX_INDEX_BYTES
    page = browser.page()
    page.open(large_case.index_url)
    _fits(page, "the index of 120 articles")
    shot(page, "large-report-index")
    biggest = max(large_case.corpus.stories, key=lambda s: len(s.document_ids))
    # The story's own page (a one-story index shows the story itself; every link of the
    # folder is checked in tests/report/test_report_folder.py).
    href = f"{FOLDER}/{page_name('story', biggest.id)}"
    assert (large_case.out / href).is_file()
    page.open(large_case.url(href))
    assert page.js("document.querySelector('h1').textContent") == biggest.title
    _fits(page, "the largest story")
    shot(page, "large-report-story")
    page.open(large_case.url(href) + f"#facts-{biggest.id}")
    shot(page, "large-report-facts")
    columns = page.js("document.querySelectorAll('table.matrix thead th').length")
    assert columns <= 12  # fact, at most 10 outlet columns, independent sources
    source = page.js("document.querySelector('details.sources a').getAttribute('href')")
    page.open(large_case.url("report/" + source.removeprefix("report/")))
    _fits(page, "a source page")
    shot(page, "large-report-source")


def test_large_ui_story_is_light_and_filters_by_outlet(
    browser: Browser, large_server: Served
) -> None:
    corpus, url = large_server.corpus, large_server.url
    biggest = max(corpus.stories, key=lambda s: len(s.document_ids))
    page = browser.page()
    page.open(f"{url}/")
    _fits(page, "the UI's story list")
    shot(page, "large-ui-index")
    page.open(f"{url}/stories/{biggest.id}")
    assert _weight(page) < MAX_INDEX_BYTES
    _fits(page, "the largest story in the UI")
    shot(page, "large-ui-story")
    outlets = sorted({d.outlet for d in corpus.documents if d.id in biggest.document_ids})
    page.open(f"{url}/stories/{biggest.id}?outlet={urllib.request.quote(outlets[0] or '')}")
    assert "Filtered:" in page.js("document.body.textContent")
    _fits(page, "the story filtered by outlet")
    page.open(f"{url}/documents?status=rejected")
    _fits(page, "the rejected inputs")
