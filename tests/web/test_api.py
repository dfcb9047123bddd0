"""The JSON API, in process."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from starlette.testclient import TestClient

from dossier.model import Corpus, Document
from dossier.report import corpus_to_json
from dossier.store import Store
from dossier.store.migrate import known_migrations
from dossier.web import create_app
from report.sample import sample_corpus

from .conftest import FakeBuild, SavingUpdate, local_client


def test_health(client: TestClient, store_path: Path) -> None:
    body = client.get("/api/health").json()
    assert body["ok"] is True
    assert body["schema"] == "dossier/1"
    assert (body["documents"], body["stories"]) == (5, 2)
    assert body["store_schema_version"] == known_migrations()[-1].id
    assert str(store_path) not in json.dumps(body)  # where the store lives is not for clients


def test_story_list(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["stories"]] == ["s-lindqvist", "s-harbour"]
    first = body["stories"][0]
    assert first["outlets"] == ["Baltic Wire", "Northern Ledger"]
    assert first["events"] == 3 and first["first_date"] == "2021-03-04"


def test_story_is_the_story_of_dossier_json(client: TestClient) -> None:
    expected = corpus_to_json(sample_corpus())["stories"][0]
    response = client.get("/api/stories/s-lindqvist")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == expected


def test_document(client: TestClient) -> None:
    expected = corpus_to_json(sample_corpus())["documents"][3]
    assert client.get("/api/documents/blank").json() == expected
    assert client.get("/api/documents/blank").json()["reason"] == "empty file"


def test_search(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "ferry terminal"}).json()
    assert body["query"] == "ferry terminal"
    assert [r["doc_id"] for r in body["results"]] == ["harbour"]
    hit = body["results"][0]
    assert hit["story_ids"] == ["s-harbour"]
    assert {hit["snippet"][s:e] for s, e in hit["highlights"]} == {"ferry", "terminal"}
    assert client.get("/api/search", params={"q": "court", "limit": 1}).json()["results"][0]
    assert client.get("/api/search", params={"q": "court", "limit": "x"}).status_code == 400


def test_build_from_uploaded_texts(
    client: TestClient, fake_build: FakeBuild, store_path: Path
) -> None:
    extra = Document(
        id="note", source="", clean_text="A new fictional note about a harbour.", outlet="Memo"
    )
    fake_build.corpus = Corpus(documents=(extra,))
    response = client.post(
        "/api/build",
        json={"articles": [{"name": "note", "text": "A new fictional note about a harbour."}]},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    assert [d["id"] for d in body["documents"]] == ["note"]
    (paths,) = fake_build.calls
    assert [p.name for p in paths] == ["note.txt"]
    assert fake_build.texts == {"note.txt": "A new fictional note about a harbour."}
    assert not paths[0].exists()  # the temporary copy is gone
    assert client.get("/api/documents/note").json()["clean_text"].startswith("A new fictional")
    assert client.get("/api/health").json()["documents"] == 6


def test_uploads_get_a_stable_source_name(store_path: Path, tmp_path: Path) -> None:
    class EchoBuild(SavingUpdate):
        def __call__(self, paths: list[Path], within: object = ()) -> Corpus:
            return Corpus(
                documents=tuple(
                    Document(id=p.stem, source=str(p), clean_text=p.read_text()) for p in paths
                )
            )

    app = create_app(store_path, build=EchoBuild())
    with local_client(app) as client:
        response = client.post(
            "/api/build", json={"articles": [{"name": "a.html", "text": "<p>x"}]}
        )
        assert response.status_code == 200
        assert response.json()["documents"][0]["source"] == "upload:a.html"
    with Store(store_path) as store:
        assert store.get_document("a").source == "upload:a.html"


def test_build_from_server_paths_inside_the_allowed_folder(
    store_path: Path, fake_build: FakeBuild, tmp_path: Path
) -> None:
    root = tmp_path / "cases"
    (root / "inputs").mkdir(parents=True)
    fake_build.corpus = replace(sample_corpus(), stories=())
    app = create_app(store_path, build=fake_build, allow_paths=root)
    with local_client(app) as client:
        absolute = client.post("/api/build", json={"paths": [str(root / "inputs")]})
        relative = client.post("/api/build", json={"paths": ["inputs"]})
        missing = client.post("/api/build", json={"paths": ["not/here"]})
        outside = client.post("/api/build", json={"paths": [str(tmp_path)]})
        dotted = client.post("/api/build", json={"paths": ["inputs/../.."]})
    assert absolute.status_code == relative.status_code == 200, absolute.text
    assert missing.status_code == 400 and "no such file" in missing.text
    assert outside.status_code == dotted.status_code == 403
    assert "outside the folder" in outside.json()["error"]["message"]
    assert fake_build.calls == [[root / "inputs"], [root / "inputs"]]
    # The build may read only the allowed folder and its own upload folder.
    assert all(within[0] == root.resolve() and len(within) == 2 for within in fake_build.within)


def test_build_rejects_bad_requests_without_running(
    client: TestClient, fake_build: FakeBuild
) -> None:
    bad_bodies = [
        [],
        {},
        {"paths": "not-a-list"},
        {"articles": [{"name": "../escape", "text": "x"}]},
        {"articles": [{"name": "a/b.txt", "text": "x"}]},
        {"articles": [{"name": ".hidden", "text": "x"}]},
        {"articles": [{"name": "a", "text": 3}]},
        {"articles": [{"name": "a", "text": "x"}, {"name": "a", "text": "y"}]},
        {"articles": [], "extra": 1},
    ]
    for body in bad_bodies:
        response = client.post("/api/build", json=body)
        assert response.status_code == 400, (body, response.text)
        assert response.json()["ok"] is False
    assert fake_build.calls == []


def test_build_accepts_a_sources_list_beside_uploaded_articles(store_path: Path) -> None:
    class IngestOnly(SavingUpdate):
        def __call__(self, paths: list[Path], within: object = ()) -> Corpus:
            from dossier.ingest import IngestSettings, read_inputs

            return Corpus(documents=read_inputs(paths, IngestSettings()))

    app = create_app(store_path, build=IngestOnly())
    with local_client(app) as client:
        response = client.post(
            "/api/build",
            json={
                "articles": [{"name": "quarry", "text": "Workers at the quarry went on strike."}],
                "sources": [
                    {
                        "file": "quarry",
                        "outlet": "Coastal Courier",
                        "url": "https://courier.example/quarry",
                        "date": "2023-06-05",
                    }
                ],
            },
        )
        assert response.status_code == 200, response.text
        doc = client.get("/api/documents/quarry").json()
        assert doc["outlet"] == "Coastal Courier"
        assert doc["url"] == "https://courier.example/quarry"
        assert doc["declared"]["date"] == "2023-06-05"
        bad = client.post(
            "/api/build",
            json={"articles": [{"name": "a", "text": "x"}], "sources": [{"outlet": "X"}]},
        )
        assert bad.status_code == 400 and "sources[0]" in bad.json()["error"]["message"]
