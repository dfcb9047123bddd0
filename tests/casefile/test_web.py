"""The case file over HTTP: POST /api/documents adds to the case; a merged story redirects."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store
from dossier.web import create_app
from dossier.web.api import PipelineBuild

from .conftest import Adder, read

pytestmark = pytest.mark.slow
LOCAL = "http://127.0.0.1:8000"


def test_posting_documents_adds_to_the_case_and_merged_ids_redirect(
    fixtures: Path, settings: Settings, f32: Resources, add: Adder, tmp_path: Path
) -> None:
    path = tmp_path / "case.sqlite"
    with Store(path) as store:
        add(store, read([fixtures / "osk"], settings))
        add(store, read([fixtures / "dorrow"], settings))
        before = sorted(s.id for s in store.list_stories())
    text = (fixtures / "bridge" / "gazette-link.txt").read_text(encoding="utf-8")
    app = create_app(path, build=PipelineBuild(settings, f32))
    with TestClient(app, base_url=LOCAL) as client:
        response = client.post(
            "/api/documents", json={"articles": [{"name": "gazette-link.txt", "text": text}]}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["build"]["kind"] == "add" and body["build"]["added"] == ["gazette-link"]
        assert [(d["id"], d["outcome"]) for d in body["documents"]] == [("gazette-link", "new")]
        ((story,),) = [body["stories"]]
        fire = ["courier-fire", "gazette-charges", "herald-fire", "wire-trial"]
        assert set(story["documents"]) == {"courier-fine", "herald-fine", *fire, "gazette-link"}
        assert any(c["kind"] == "story-merged" for c in body["changes"])
        gone = [i for i in before if i != story["id"]]
        assert len(gone) == 1
        moved = client.get(f"/api/stories/{gone[0]}", follow_redirects=False)
        assert moved.status_code == 308
        assert moved.headers["location"].endswith(f"/api/stories/{story['id']}")
        assert client.get(f"/api/stories/{gone[0]}").json()["id"] == story["id"]
        page = client.get(f"/stories/{gone[0]}", follow_redirects=False)
        assert page.status_code == 308 and page.headers["location"] == f"/stories/{story['id']}"
        assert client.get("/api/stories/never-was").status_code == 404
        again = client.post(
            "/api/documents", json={"articles": [{"name": "again.txt", "text": text}]}
        ).json()
        assert again["build"]["added"] == []  # only the new name of a known text is recorded
        assert [d["outcome"] for d in again["documents"]] == ["already stored"]
        log = client.get("/api/changes").json()["changes"]
    assert {c["build"] for c in log} == {1, 2, 3}
