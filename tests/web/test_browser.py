"""One real browser run: uvicorn on a free localhost port, headless Chromium reads the pages.

Needs ``chromium`` (CI: ``apt-get update && apt-get install -y chromium chromium-driver``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from dossier.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(store_path: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(store_path), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _dump_dom(url: str, profile: Path) -> str:
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
    return result.stdout


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is missing: apt-get update && apt-get install -y chromium chromium-driver",
)
def test_story_page_renders_in_a_real_browser(server: str, tmp_path: Path) -> None:
    dom = _dump_dom(f"{server}/stories/s-lindqvist", tmp_path / "profile")
    assert "<h2>Vestrava journalist sentenced</h2>" in dom
    assert '<table class="timeline">' in dom
    assert '<td class="date">2021-07-12</td>' in dom
    assert "The Oskholm District Court sentenced Lindqvist to five years." in dom
    assert "Judge Tomas Rell" in dom  # the source text is there, with marks
    index = _dump_dom(f"{server}/", tmp_path / "profile")
    assert 'href="/stories/s-harbour"' in index
