"""Issue 19, defect 8: a strict Content-Security-Policy on the report and the UI (one
definition, ``dossier.report.policy``), ``nosniff`` and ``Referrer-Policy`` everywhere."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from dossier.report.html import render_report
from dossier.report.policy import content_security_policy, source_hash
from report.sample import sample_corpus

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)  # inline ones


def _inline_blocks_allowed(page: str, policy: str, *, inline_style: bool = True) -> None:
    styles = _STYLE.findall(page)
    if inline_style:
        assert styles, "the one-page report inlines its stylesheet"
    for block in styles:
        assert source_hash(block) in policy
    for block in _SCRIPT.findall(page):
        assert source_hash(block) in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/stories/s-lindqvist", "/api/health", "/api/nothing", "/static/ui.js"):
        response = client.get(url)
        assert response.headers["x-content-type-options"] == "nosniff", url
        assert response.headers["referrer-policy"] == "no-referrer", url
        assert response.headers["content-security-policy"] == content_security_policy(), url
    refused = client.get("/", headers={"host": "evil.example"})
    assert refused.status_code == 421 and refused.headers["x-content-type-options"] == "nosniff"


def test_ui_pages_run_under_the_policy(client: TestClient) -> None:
    policy = content_security_policy()
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    for url in ("/", "/stories/s-lindqvist", "/documents/blank", "/search?q=court"):
        page = client.get(url).text
        # The UI links its stylesheet and its one script (same origin): nothing inline.
        _inline_blocks_allowed(page, policy, inline_style=False)
        assert '<link rel="stylesheet" href="/static/report.css">' in page
        assert re.findall(r"<script\b[^>]*>", page) == [
            '<script src="/static/report.js" defer>',
            '<script src="/static/ui.js" defer>',
        ]


def test_the_report_file_carries_the_same_policy() -> None:
    page = render_report(sample_corpus())
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta is not None
    policy = meta[1].replace("&#x27;", "'")
    assert policy in content_security_policy()
    _inline_blocks_allowed(page, policy)
    assert page.index("Content-Security-Policy") < page.index("<style>")  # before what it governs
