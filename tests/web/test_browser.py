"""One real browser run: uvicorn on a free localhost port, headless Chromium reads the pages.

Needs ``chromium`` (CI: ``apt-get update && apt-get install -y chromium chromium-driver``).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.web import create_app
from dossier.web.server import running

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    with running(create_app(store_path)) as url:
        yield url


def _dump_dom(url: str, profile: Path) -> str:
    return _dump_dom_and_console(url, profile)[0]


def _dump_dom_and_console(url: str, profile: Path) -> tuple[str, str]:
    """The page's DOM after loading, and what the browser logged (console, CSP reports)."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={profile}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = "\n".join(line for line in result.stderr.splitlines() if ":CONSOLE" in line)
    return result.stdout, console


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is missing: apt-get update && apt-get install -y chromium chromium-driver",
)
def test_story_page_renders_in_a_real_browser(server: str, tmp_path: Path) -> None:
    dom = _dump_dom(f"{server}/stories/s-lindqvist", tmp_path / "profile")
    assert "<h1>Vestrava journalist sentenced</h1>" in dom
    assert '<table class="timeline">' in dom
    assert '<td class="date">2021-07-12</td>' in dom
    assert "The Oskholm District Court sentenced Lindqvist to five years." in dom
    assert "Judge Tomas Rell" in dom  # the source text is there, with marks
    index = _dump_dom(f"{server}/", tmp_path / "profile")
    assert 'href="/stories/s-harbour"' in index


HOSTILE_TITLE = '<script>document.title="PWNED"</script><img src=x onerror="document.title=1">'


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is missing: apt-get update && apt-get install -y chromium chromium-driver",
)
def test_pages_keep_their_content_security_policy_and_run_no_script(
    server: str, tmp_path: Path
) -> None:
    from dataclasses import replace

    from dossier.report.html import render_report
    from report.sample import sample_corpus

    corpus = sample_corpus()
    hostile = replace(corpus.documents[0], title=HOSTILE_TITLE, outlet=HOSTILE_TITLE)
    report = tmp_path / "report.html"
    report.write_text(
        render_report(replace(corpus, documents=(hostile, *corpus.documents[1:]))),
        encoding="utf-8",
    )
    for url in (report.as_uri(), f"{server}/stories/s-lindqvist", f"{server}/", server + "/x"):
        dom, console = _dump_dom_and_console(url, tmp_path / "profile")
        assert "Content Security Policy" not in console, (url, console)  # the styles are allowed
        assert "<title>PWNED</title>" not in dom and "<title>1</title>" not in dom
        assert "<script>document" not in dom  # shown as text, never as markup
    # The policy is enforced: a script slipped into the page is blocked and logged.
    injected = tmp_path / "injected.html"
    page = report.read_text(encoding="utf-8")
    injected.write_text(
        page.replace("</body>", "<script>document.body.dataset.ran = 'yes'</script></body>"),
        encoding="utf-8",
    )
    dom, console = _dump_dom_and_console(injected.as_uri(), tmp_path / "profile")
    assert 'data-ran="yes"' not in dom
    assert "Executing inline script violates the following Content Security Policy" in console
