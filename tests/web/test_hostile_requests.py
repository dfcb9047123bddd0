"""Issue 19, defects 3 and 7: hostile requests get the documented error shape and bounded
cost; a search never stalls the other routes."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.model import Corpus, Document
from dossier.store import Store
from dossier.store import db as store_db
from dossier.web import create_app
from dossier.web.server import running

from .conftest import FakeBuild, local_client


def _error(response: object, status: int) -> str:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error"} and body["ok"] is False
    assert body["error"]["status"] == status
    return str(body["error"]["message"])


def test_deeply_nested_json_is_a_400(client: TestClient) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    response = client.post("/api/build", content=body, headers={"content-type": "application/json"})
    assert "nested too deeply" in _error(response, 400)


def test_a_lone_surrogate_is_a_400_naming_the_field(
    client: TestClient, fake_build: FakeBuild
) -> None:
    body = b'{"articles": [{"name": "a.txt", "text": "bad \\ud800 text"}]}'
    response = client.post("/api/build", content=body, headers={"content-type": "application/json"})
    assert "articles[0].text" in _error(response, 400)
    assert fake_build.calls == []


def test_a_build_where_every_input_is_rejected_is_a_422(
    store_path: Path, fake_build: FakeBuild
) -> None:
    fake_build.corpus = Corpus(
        documents=(Document(id="a", source="upload:a.txt", status="rejected", reason="empty file"),)
    )
    app = create_app(store_path, build=fake_build)
    with local_client(app) as client:
        before = client.get("/api/health").json()["documents"]
        response = client.post("/api/build", json={"articles": [{"name": "a", "text": ""}]})
        message = _error(response, 422)
        assert "upload:a.txt: empty file" in message
        assert client.get("/api/health").json()["documents"] == before  # nothing stored


def test_a_second_build_while_one_runs_is_a_409(store_path: Path, fake_build: FakeBuild) -> None:
    app = create_app(store_path, build=fake_build)
    with local_client(app) as client:
        app.state.build_lock.acquire()
        try:
            response = client.post("/api/build", json={"articles": [{"name": "a", "text": "x"}]})
        finally:
            app.state.build_lock.release()
    assert "another build is running" in _error(response, 409)


@pytest.mark.parametrize("url", ["/api/stories/", "/api/health/", "/api/"])
def test_trailing_slashes_are_json_404s_not_bare_redirects(client: TestClient, url: str) -> None:
    response = client.get(url, follow_redirects=False)
    assert url in _error(response, 404)


def test_a_huge_search_is_refused_at_once(client: TestClient) -> None:
    started = time.perf_counter()
    words = client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(6000))})
    repeated = client.get("/api/search", params={"q": "court " * 8000})
    assert "characters long" in _error(words, 400)
    assert "characters long" in _error(repeated, 400)
    assert time.perf_counter() - started < 5
    many = client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(40))})
    assert "different words" in _error(many, 400)
    broad = client.get("/api/search", params={"q": "a* court"})
    assert "at least 2 letters" in _error(broad, 400)
    prefixes = client.get("/api/search", params={"q": "ab* cd* ef* gh* ij*"})
    assert "5 prefixes" in _error(prefixes, 400)
    assert client.get("/api/search", params={"q": "fe* te*"}).json()["results"]
    # a word repeated counts once
    again = client.get("/api/search", params={"q": "ferry " * 100})
    assert again.status_code == 200 and again.json()["results"]


def test_a_search_over_its_time_limit_is_stopped(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "_PROGRESS_STEPS", 1)  # check the clock at every step
    client.app.state.store.search_seconds = 0.0  # type: ignore[attr-defined]
    assert "took too long" in _error(client.get("/api/search", params={"q": "court"}), 503)
    assert client.get("/api/health").status_code == 200


def test_reads_go_on_while_a_long_read_or_a_write_holds_the_store(
    client: TestClient, store_path: Path
) -> None:
    """The store's write lock is never taken by reads: a slow search or a long build
    cannot make the light routes wait."""
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    inside, release = threading.Event(), threading.Event()

    def slow_read() -> None:
        with store.reading():
            inside.set()
            release.wait(10)

    def long_write() -> None:
        with store.transaction():
            inside.set()
            release.wait(10)

    for hold in (slow_read, long_write):
        inside.clear()
        release.clear()
        holder = threading.Thread(target=hold)
        holder.start()
        assert inside.wait(5)
        try:
            started = time.perf_counter()
            assert client.get("/api/health").status_code == 200
            assert client.get("/api/stories").status_code == 200
            assert client.get("/api/search", params={"q": "ferry"}).json()["results"]
            assert time.perf_counter() - started < 5
        finally:
            release.set()
            holder.join()


@pytest.fixture
def real_server(store_path: Path) -> Iterator[int]:
    with running(create_app(store_path)) as url:
        yield int(url.rsplit(":", 1)[1])


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_requests_the_server_cannot_parse_get_the_json_error_shape(real_server: int) -> None:
    answer = _raw(real_server, b"NOT HTTP AT ALL\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"content-type: application/json" in head.lower()
    assert b"x-content-type-options: nosniff" in head.lower()
    assert body.startswith(b'{"ok": false, "error": {"status": 400, "message": "invalid HTTP')


def test_a_real_server_refuses_a_rebound_host_name(real_server: int) -> None:
    answer = _raw(
        real_server,
        b"GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 421")
    assert b'"status":421' in answer


def test_heavy_pages_take_turns_and_the_overflow_is_told_to_come_back() -> None:
    import asyncio

    from dossier.web.errors import ApiError
    from dossier.web.pacing import HeavyGate

    gate = HeavyGate(running=1, waiting=1)
    order: list[str] = []

    async def page(name: str, hold: asyncio.Event) -> None:
        async with gate.turn():
            order.append(f"{name} starts")
            await hold.wait()
            order.append(f"{name} ends")

    async def scenario() -> str:
        first, second = asyncio.Event(), asyncio.Event()
        a = asyncio.create_task(page("a", first))
        await asyncio.sleep(0)
        b = asyncio.create_task(page("b", second))  # waits its turn
        await asyncio.sleep(0)
        try:
            async with gate.turn():  # a third, with one already waiting: refused
                pass
        except ApiError as refused:
            status = f"{refused.status_code} {refused.headers}"
        first.set()
        second.set()
        await asyncio.gather(a, b)
        return status

    status = asyncio.run(scenario())
    assert status == "503 {'Retry-After': '1'}"
    assert order == ["a starts", "a ends", "b starts", "b ends"]


def test_the_ui_refuses_what_the_api_refuses(client: TestClient) -> None:
    """The search page and a document's highlighting take the search's limits: a query
    over them is a 400 page at once, never a 500 nor a slow page."""
    doc_id = client.get("/api/search", params={"q": "ferry"}).json()["results"][0]["doc_id"]
    words = " ".join(f"word{i}" for i in range(150))
    started = time.perf_counter()
    for url, params in (
        ("/search", {"q": " ".join(f"{c}*" for c in "abcdefgh")}),
        ("/search", {"q": words}),
        (f"/documents/{doc_id}", {"q": words}),
    ):
        response = client.get(url, params=params)
        assert response.status_code == 400, (url, response.text[:200])
        assert response.headers["content-type"].startswith("text/html")
        assert "use fewer words" in response.text
    assert time.perf_counter() - started < 5
    found = client.get(f"/documents/{doc_id}", params={"q": "ferry"})
    assert found.status_code == 200 and "match(es)" in found.text


def test_searches_run_one_at_a_time_in_their_own_thread_and_pause_after_each() -> None:
    import asyncio

    from dossier.web.errors import ApiError
    from dossier.web.pacing import SEARCH_NICENESS, SearchGate

    def search() -> str:
        time.sleep(0.01)
        return threading.current_thread().name

    def niceness() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    async def twice(gate: SearchGate) -> tuple[str, str]:
        first = await gate.run(search)
        try:
            second = await gate.run(search)
        except ApiError as refused:
            second = f"{refused.status_code} {refused.headers}"
        return first, second

    unpaced = SearchGate(share=1.0, max_wait=0.0)  # searches may take all the time
    first, second = asyncio.run(twice(unpaced))
    assert first.startswith("dossier-search") and second == first
    # At most a quarter of the time: a search right after one must wait three times as
    # long as that one took; one that may wait no time at all is told to come back.
    paced = SearchGate(share=0.25, max_wait=0.0)
    assert asyncio.run(twice(paced))[1] == "503 {'Retry-After': '1'}"
    waits = SearchGate(share=0.25, max_wait=5.0)
    assert asyncio.run(twice(waits))[1].startswith("dossier-search")
    # On Linux the search thread has the lowest priority: light requests go first.
    lowest = SEARCH_NICENESS if sys.platform.startswith("linux") else niceness()
    assert asyncio.run(unpaced.run(niceness)) == lowest
    for gate in (unpaced, paced, waits):
        gate.close()


def test_searches_beyond_those_waiting_are_told_to_come_back() -> None:
    import asyncio

    from dossier.web.errors import ApiError
    from dossier.web.pacing import SearchGate

    gate = SearchGate(share=1.0, waiting=1)
    release = threading.Event()

    async def scenario() -> str:
        held = asyncio.create_task(gate.run(lambda: release.wait(10)))
        await asyncio.sleep(0.05)
        try:
            await gate.run(lambda: True)
        except ApiError as refused:
            status = f"{refused.status_code} {refused.headers}"
        release.set()
        assert await held
        return status

    assert asyncio.run(scenario()) == "503 {'Retry-After': '1'}"
    gate.close()
