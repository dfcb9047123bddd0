"""Running the app: ``dossier serve`` (uvicorn, with the API's error shape down to the
protocol level and a write token when it listens beyond loopback)."""

from __future__ import annotations

import json
import secrets
import socket
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from dossier.report.policy import security_headers
from dossier.web.errors import error_body
from dossier.web.guard import is_loopback

if TYPE_CHECKING:
    from starlette.applications import Starlette

KEEP_ALIVE_SECONDS = 5  # an idle connection is closed after this
SWITCH_SECONDS = 0.001  # how often the serving process's threads take turns


class JsonErrorsH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, but a request it cannot parse gets the API's JSON error
    shape (uvicorn's own answer is plain text)."""

    def send_400_response(self, msg: str) -> None:
        body = json.dumps(error_body(400, f"invalid HTTP request: {msg}")).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *((k.lower().encode(), v.encode()) for k, v in security_headers().items()),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()


def serve(
    store_path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_paths: Path | None = None,
    hosts: Iterable[str] = (),
    token: str | None = None,
) -> None:
    """Serve the UI and API until interrupted (``dossier serve``).

    Beyond loopback, writes need a token: ``token``, or one made up here and printed.
    """
    import uvicorn

    from dossier.web.app import create_app

    if not is_loopback(host):
        token = token or secrets.token_urlsafe(24)
        print(token_notice(host, port, token), file=sys.stderr, flush=True)
    app = create_app(Path(store_path), allow_paths=allow_paths, host=host, hosts=hosts, token=token)
    # Light requests wait for the interpreter lock behind a page being rendered: hand it over
    # every millisecond (the default is 5) so that their latency stays low under load.
    sys.setswitchinterval(SWITCH_SECONDS)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        http=JsonErrorsH11Protocol,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )


def token_notice(host: str, port: int, token: str) -> str:
    """What ``dossier serve`` prints when it listens beyond loopback: the header every
    write needs, and the address that hands the web UI the token (in the fragment, which
    a browser never sends to any server)."""
    name = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
    name = f"[{name}]" if ":" in name else name
    return (
        f"dossier serve: listening on {host}, beyond this machine. Every write (POST) needs "
        f"the header\n    Authorization: Bearer {token}\n"
        f"In a browser, open http://{name}:{port}/#token={quote(token, safe='')}\n"
        "(the web UI keeps the token for that tab and sends it with its writes)"
    )


@contextmanager
def running(app: Starlette, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` from a background thread (port 0: any free port); yields its base URL.

    For tests, benchmarks and embedding; stops the server when the block ends.
    """
    import uvicorn

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",
        http=JsonErrorsH11Protocol,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dossier-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
