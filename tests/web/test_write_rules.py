"""Issue 19, defect 1: no other web page can drive the server.

The rules live in one middleware (``dossier.web.guard``) that applies to every route taking
a method other than GET/HEAD: the test at the end enumerates the app's routes, so a write
route added later is checked without anyone listing it here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.testclient import TestClient

from dossier.web import create_app
from dossier.web.guard import SAFE_METHODS, host_name

from .conftest import LOCAL, FakeBuild, local_client

ARTICLES = {"articles": [{"name": "note.txt", "text": "A fictional note about a harbour."}]}


def _status(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["ok"] is False and body["error"]["status"] == status
    return str(body["error"]["message"])


def test_a_cross_site_simple_post_cannot_build(client: TestClient, fake_build: FakeBuild) -> None:
    # What a hostile page can send without a preflight: a text/plain form-like POST.
    response = client.post(
        "/api/build",
        content=b'{"paths": ["/home/user/private"]}',
        headers={
            "content-type": "text/plain",
            "origin": "https://evil.example",
            "sec-fetch-site": "cross-site",
        },
    )
    assert response.status_code in (403, 415)
    assert fake_build.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:3000"},  # another local server is another origin
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_cross_origin_json_writes_are_refused(
    client: TestClient, fake_build: FakeBuild, headers: dict[str, str]
) -> None:
    assert "cross-origin" in _status(client.post("/api/build", json=ARTICLES, headers=headers), 403)
    assert fake_build.calls == []


def test_same_origin_and_non_browser_writes_are_accepted(
    client: TestClient, fake_build: FakeBuild
) -> None:
    same = {"origin": LOCAL, "sec-fetch-site": "same-origin"}
    assert client.post("/api/build", json=ARTICLES, headers=same).status_code == 200
    assert client.post("/api/build", json=ARTICLES).status_code == 200  # curl sends no Origin
    assert len(fake_build.calls) == 2


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_writes_must_be_json(client: TestClient, fake_build: FakeBuild, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/build", content=b'{"articles": []}', headers=headers)
    assert "application/json" in _status(response, 415)
    assert fake_build.calls == []


def test_a_foreign_host_name_is_refused_even_for_reads(client: TestClient) -> None:
    # DNS rebinding: evil.example now resolves to 127.0.0.1, but the browser still says so.
    for method, url in (("GET", "/api/documents/blank"), ("GET", "/"), ("POST", "/api/build")):
        response = client.request(method, url, headers={"host": "evil.example"})
        assert response.status_code == 421
    assert client.get("/api/documents/blank", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/api/health", headers={"host": "[::1]:8000"}).status_code == 200


def test_a_server_on_every_address_answers_to_this_machine_s_names() -> None:
    import socket

    from dossier.web.guard import allowed_hosts

    names = allowed_hosts("0.0.0.0", ["dossier.lan"])
    assert {"localhost", "127.0.0.1", "dossier.lan", socket.gethostname().lower()} <= names
    assert "evil.example" not in names and "0.0.0.0" not in names


def test_host_names_are_compared_without_port_and_case() -> None:
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:80") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert host_name("example.org.") == "example.org"


def test_server_side_paths_are_off_by_default(client: TestClient, fake_build: FakeBuild) -> None:
    response = client.post("/api/build", json={"paths": ["/etc"]})
    assert "--allow-paths" in _status(response, 403)
    assert fake_build.calls == []


def test_a_link_out_of_the_allowed_folder_is_not_followed(
    store_path: Path, fake_build: FakeBuild, tmp_path: Path
) -> None:
    root = tmp_path / "cases"
    root.mkdir()
    (root / "escape").symlink_to(tmp_path)
    app = create_app(store_path, build=fake_build, allow_paths=root)
    with local_client(app) as client:
        response = client.post("/api/build", json={"paths": ["escape"]})
    assert "outside the folder" in _status(response, 403)


def test_beyond_loopback_writes_need_the_token(store_path: Path, fake_build: FakeBuild) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(store_path, build=fake_build, host="0.0.0.0")
    app = create_app(
        store_path, build=fake_build, host="192.0.2.7", hosts=["dossier.lan"], token="s3cret"
    )
    with TestClient(app, base_url="http://dossier.lan:8000") as client:
        assert client.get("/api/health").status_code == 200  # reads need no token
        assert "token" in _status(client.post("/api/build", json=ARTICLES), 401)
        wrong = {"authorization": "Bearer guess"}
        assert client.post("/api/build", json=ARTICLES, headers=wrong).status_code == 401
        right = {"authorization": "Bearer s3cret"}
        assert client.post("/api/build", json=ARTICLES, headers=right).status_code == 200
        by_address = client.get("/api/health", headers={"host": "192.0.2.7:8000"})
        assert by_address.status_code == 200
        assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 421
    assert len(fake_build.calls) == 1


def _scope(method: str, path: str, headers: dict[str, str]) -> dict[str, object]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "http_version": "1.1",
        "root_path": "",
    }


def _call(app: Starlette, scope: dict[str, object], receive: object) -> list[dict[str, object]]:
    """Run one request through the ASGI app with a hand-made ``receive``; the messages sent."""
    import asyncio

    messages: list[dict[str, object]] = []

    async def send(message: dict[str, object]) -> None:
        messages.append(message)

    async def run() -> None:
        async with app.router.lifespan_context(app):
            await asyncio.wait_for(app(scope, receive, send), timeout=20)  # type: ignore[arg-type]

    asyncio.run(run())
    return messages


JSON_HEADERS = {"host": "127.0.0.1:8000", "content-type": "application/json"}


def test_bodies_over_the_limit_are_refused_before_and_while_streaming(
    store_path: Path, fake_build: FakeBuild
) -> None:
    app = create_app(store_path, build=fake_build, max_body_bytes=10_000)
    with local_client(app) as client:
        declared = client.post(
            "/api/build", content=b" " * 20_000, headers={"content-type": "application/json"}
        )
        assert "over 10000 bytes" in _status(declared, 413)
    received = 0

    async def chunked() -> dict[str, object]:  # 400 MB if read to the end, no Content-Length
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b" " * 4_000_000, "more_body": received < 100}

    messages = _call(app, _scope("POST", "/api/build", JSON_HEADERS), chunked)
    assert messages[0]["status"] == 413
    assert received == 1  # reading stopped at the first chunk past the limit
    assert fake_build.calls == []


def test_a_body_slower_than_the_limit_is_refused(store_path: Path, fake_build: FakeBuild) -> None:
    import asyncio

    app = create_app(store_path, build=fake_build, body_seconds=0.2)

    async def never_sends_the_body() -> dict[str, object]:
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    messages = _call(app, _scope("POST", "/api/build", JSON_HEADERS), never_sends_the_body)
    assert messages[0]["status"] == 408
    assert fake_build.calls == []


def _write_routes(app: Starlette) -> list[tuple[str, str]]:
    """(method, example URL) of every route that takes a method beyond GET/HEAD."""
    found = []
    routes: list[BaseRoute] = list(app.router.routes)
    for route in routes:
        if isinstance(route, Mount):
            found.append(("POST", route.path + "/anything"))  # a mounted app takes any method
            continue
        assert isinstance(route, Route)
        url = re.sub(r"\{[^}]+\}", "example", route.path)
        found.extend((m, url) for m in sorted((route.methods or set()) - SAFE_METHODS))
    return found


REFUSED_WRITES = [
    ({"host": "evil.example", "content-type": "application/json"}, 421),
    ({"origin": "https://evil.example", "content-type": "application/json"}, 403),
    ({"sec-fetch-site": "cross-site", "content-type": "application/json"}, 403),
    ({"content-type": "text/plain"}, 415),
    ({"content-type": "application/json", "content-length": str(10**12)}, 413),
]


def test_every_write_route_is_guarded_including_ones_added_later(
    store_path: Path, fake_build: FakeBuild
) -> None:
    app = create_app(store_path, build=fake_build)
    called: list[str] = []

    async def later(request: Request) -> JSONResponse:  # e.g. a route a later issue adds
        called.append(request.url.path)
        return JSONResponse({"ok": True})

    app.router.routes.append(
        Route("/api/later/{thing_id:str}", later, methods=["POST", "PUT", "DELETE"])
    )
    writes = _write_routes(app)
    assert ("POST", "/api/build") in writes and ("DELETE", "/api/later/example") in writes
    with local_client(app, raise_server_exceptions=False) as client:
        for method, url in writes:
            for headers, status in REFUSED_WRITES:
                response = client.request(method, url, headers=headers, content=b"{}")
                assert response.status_code == status, (method, url, headers, response.text)
        # the same write, sent properly, reaches the handler
        ok = client.request("PUT", "/api/later/x", json={}, headers={"origin": LOCAL})
        assert ok.status_code == 200
    assert fake_build.calls == [] and called == ["/api/later/x"]


def test_token_rule_binds_every_write_route(store_path: Path, fake_build: FakeBuild) -> None:
    app = create_app(store_path, build=fake_build, host="192.0.2.7", token="s3cret")
    with TestClient(app, base_url="http://192.0.2.7:8000", raise_server_exceptions=False) as client:
        for method, url in _write_routes(app):
            response = client.request(method, url, json={})
            assert response.status_code == 401, (method, url)
    assert fake_build.calls == []
