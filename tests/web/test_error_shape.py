"""Every API error has one shape: {"ok": false, "error": {"status": N, "message": "..."}}."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.errors import DossierError
from dossier.web import create_app

from .conftest import FakeBuild, local_client


def _assert_error(response: object, status: int) -> str:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error"}
    assert body["ok"] is False
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]


@pytest.mark.parametrize(
    ("method", "url", "status", "needle"),
    [
        ("GET", "/api/stories/no-such-story", 404, "no-such-story"),
        ("GET", "/api/documents/no-such-doc", 404, "no-such-doc"),
        ("GET", "/api/no-such-route", 404, "/api/no-such-route"),
        ("GET", "/api/search", 400, "q="),
        ("DELETE", "/api/stories", 405, "DELETE"),
        ("GET", "/api/build", 405, "GET"),
    ],
)
def test_api_errors_share_one_shape(
    client: TestClient, method: str, url: str, status: int, needle: str
) -> None:
    assert needle in _assert_error(client.request(method, url), status)


def test_invalid_json_body(client: TestClient) -> None:
    response = client.post(
        "/api/build", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in _assert_error(response, 400)


def test_failed_build_is_422_and_crash_is_500(store_path: Path) -> None:
    def refusing(paths: object, within: object = ()) -> object:
        raise DossierError("every input was rejected")

    def crashing(paths: object, within: object = ()) -> object:
        raise ZeroDivisionError("boom")

    body = {"articles": [{"name": "a", "text": "x"}]}
    with local_client(create_app(store_path, build=refusing), raise_server_exceptions=False) as c:  # type: ignore[arg-type]
        assert "every input was rejected" in _assert_error(c.post("/api/build", json=body), 422)
    with local_client(create_app(store_path, build=crashing), raise_server_exceptions=False) as c:  # type: ignore[arg-type]
        message = _assert_error(c.post("/api/build", json=body), 500)
        assert "ZeroDivisionError" in message


def test_ui_errors_are_pages_with_the_same_status(
    client: TestClient, fake_build: FakeBuild
) -> None:
    response = client.get("/stories/no-such-story")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no story with id &#x27;no-such-story&#x27;" in response.text
