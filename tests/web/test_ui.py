"""The HTML pages of the web UI, in process."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_index_lists_stories_with_links_and_search(client: TestClient) -> None:
    page = client.get("/").text
    assert '<a href="/stories/s-lindqvist">Vestrava journalist sentenced</a>' in page
    assert '<a href="/stories/s-harbour">Kelmsund ferry terminal</a>' in page
    assert '<form action="/search" method="get"' in page
    assert "A court in Oskholm sentenced journalist Mara Lindqvist to five years." in page


def test_story_page_reuses_the_report(client: TestClient) -> None:
    response = client.get("/stories/s-lindqvist")
    assert response.status_code == 200
    page = response.text
    assert "<title>Vestrava journalist sentenced</title>" in page
    assert "<h2>Vestrava journalist sentenced</h2>" in page
    assert '<table class="timeline">' in page
    assert "The Oskholm District Court sentenced Lindqvist to five years." in page
    assert 'id="doc-ledger-2021-07-13-' in page  # cited spans are anchored
    assert "Kelmsund" not in page  # only this story
    # the duplicate of one of its sources is listed, with why
    assert "wire-0712-copy" in page and "same text as wire-0712" in page
    assert '<link rel="stylesheet" href="/static/ui.css">' in page
    assert client.get("/static/ui.css").status_code == 200


def test_search_page_escapes_the_query_and_marks_hits(client: TestClient) -> None:
    page = client.get("/search", params={"q": "<script>x</script> court"}).text
    assert "<script>x" not in page
    assert 'value="&lt;script&gt;x&lt;/script&gt; court"' in page
    page = client.get("/search", params={"q": "ferry"}).text
    assert '<a href="/stories/s-harbour#doc-harbour">Kelmsund opens ferry terminal</a>' in page
    assert "<mark>ferry</mark>" in page
    assert "Type words" in client.get("/search").text
    assert "Nothing found" in client.get("/search", params={"q": "zzzz"}).text


def test_document_page_for_a_rejected_input(client: TestClient) -> None:
    page = client.get("/documents/blank").text
    assert "rejected: empty file" in page and "in no story" in page
