"""POST /api/corrections stores a correction of the grouping; GET lists them."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_a_correction_is_stored_and_listed(client: TestClient) -> None:
    response = client.post(
        "/api/corrections", json={"kind": "move", "documents": ["harbour"], "target": "wire-0712"}
    )
    assert response.status_code == 200, response.text
    saved = response.json()["correction"]
    assert saved["kind"] == "move" and saved["target"]
    listed = client.get("/api/corrections").json()["corrections"]
    assert [c["id"] for c in listed] == [saved["id"]]


def test_bad_corrections_are_refused_with_a_reason(client: TestClient) -> None:
    bad = [
        {"kind": "swap", "documents": ["harbour"]},
        {"kind": "merge", "documents": ["harbour"]},
        {"kind": "move", "documents": ["harbour"]},
        {"kind": "split", "documents": []},
        {"kind": "split", "documents": ["harbour"], "extra": 1},
    ]
    for body in bad:
        response = client.post("/api/corrections", json=body)
        assert response.status_code == 400, body
    missing = client.post("/api/corrections", json={"kind": "split", "documents": ["nowhere"]})
    assert missing.status_code == 404
    assert client.get("/api/corrections").json()["corrections"] == []


def test_cross_origin_corrections_are_refused(client: TestClient) -> None:
    response = client.post(
        "/api/corrections",
        json={"kind": "split", "documents": ["harbour"]},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403
    assert client.get("/api/corrections").json()["corrections"] == []


def test_the_story_page_has_a_form_for_corrections(client: TestClient) -> None:
    import re

    page = client.get("/stories/s-lindqvist").text
    form = page[
        page.index('<form class="correction"') : page.index("</form>", page.index("correction"))
    ]
    ticks = re.findall(r'name="documents" value="([^"]+)"', form)
    assert ticks and "wire-0712" in ticks
    assert all(f'value="{k}"' in form for k in ("split", "move", "merge"))
    assert 'name="target"' in form and "onclick" not in form
    # What the form sends for "move the ticked documents to the story of document ...".
    body = {"kind": "move", "documents": ticks[:1], "target": "harbour"}
    assert client.post("/api/corrections", json=body).status_code == 200
    script = client.get("/static/ui.js").text
    assert "/api/corrections" in script and "form.correction" in script
