"""The rules every request must pass, as one ASGI middleware around the whole app.

No other web page may drive the server, and no request may cost it without bound:

* **Host** (every request): the ``Host`` header must name this server (a loopback name
  or address, or one of the names it was started with), else ``421``. This is what
  stops DNS rebinding: a page on ``evil.example`` whose name later points at
  127.0.0.1 still sends ``Host: evil.example``.
* **Writes** (every method but GET and HEAD, on every route, including routes added
  later; nothing to declare per route):

  - cross-origin requests are refused (``403``): an ``Origin`` header must be this
    server's own origin, and ``Sec-Fetch-Site``, when the browser sends it, must be
    ``same-origin`` or ``none``;
  - the body must be ``application/json`` (``415``): browsers cannot send that to
    another site without a CORS preflight, which this server never grants;
  - when the server listens beyond loopback, ``Authorization: Bearer <token>`` with
    the token printed at start-up (``401``);
  - the body is counted as it streams in, chunked or not: over the limit is ``413``
    at once, and a body that takes longer than the time limit to arrive is ``408``.

* **Every response** carries the security headers of :mod:`dossier.report.policy`
  (Content-Security-Policy, ``X-Content-Type-Options: nosniff``, ``Referrer-Policy``...).

Refusals use the API's one error shape (:mod:`dossier.web.errors`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier.report.policy import security_headers
from dossier.web.errors import ApiError, error_response

SAFE_METHODS = frozenset({"GET", "HEAD"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_BODY_BYTES = 50 * 1024 * 1024
BODY_SECONDS = 60.0  # the whole body of a write must arrive within this time
_JSON = "application/json"


@dataclass(frozen=True, slots=True)
class WriteRules:
    """What the guard enforces; built once by :func:`dossier.web.create_app`."""

    allowed_hosts: frozenset[str] = LOOPBACK_NAMES  # lower case, without port
    token: str | None = None  # required on every write when set
    max_body_bytes: int = MAX_BODY_BYTES
    body_seconds: float = BODY_SECONDS


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or address) only ever reaches this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` names a server bound to ``bound`` answers to: the loopback names, the
    bound address itself, and ``extra`` names; bound to every address (``0.0.0.0``), also
    this machine's own names and addresses."""
    names = set(LOOPBACK_NAMES)
    if bound in ("0.0.0.0", "::", ""):
        names.update(_own_names())
    else:
        names.add(bound.strip("[]").lower())
    names.update(name.strip("[]").lower().rstrip(".") for name in extra)
    return frozenset(names)


def _own_names() -> set[str]:
    """This machine's host name, full name and the addresses they resolve to."""
    host = socket.gethostname()
    names = {host.lower(), socket.getfqdn().lower()}
    with contextlib.suppress(OSError):
        names.update(str(info[4][0]).lower() for info in socket.getaddrinfo(host, None))
    return {n for n in names if n}


def host_name(value: str) -> str:
    """``"Example.org:8000"`` -> ``"example.org"``; ``"[::1]:8000"`` -> ``"::1"``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    name, sep, port = value.rpartition(":")
    if sep and port.isdigit() and ":" not in name:
        value = name
    return value.rstrip(".")


class Guard:
    """ASGI middleware enforcing :class:`WriteRules` on every HTTP request."""

    def __init__(self, app: ASGIApp, rules: WriteRules) -> None:
        self.app = app
        self.rules = rules
        self.headers = [(k.lower().encode(), v.encode()) for k, v in security_headers().items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope)
        if problem is not None:
            response = error_response(Request(scope), problem.status_code, str(problem.detail))
            response.headers.update(problem.headers or {})
            await response(scope, receive, self._with_headers(send))
            return
        if scope["method"] not in SAFE_METHODS:
            receive = self._counted(receive)
        await self.app(scope, receive, self._with_headers(send))

    def _problem(self, scope: Scope) -> ApiError | None:
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if host_name(host) not in self.rules.allowed_hosts:
            return ApiError(421, f"this server does not answer to the host name {host!r}")
        if scope["method"] in SAFE_METHODS or not _has_handler(scope):
            return None  # no handler runs: the router answers 404 or 405
        return self._write_problem(headers, host)

    def _write_problem(self, headers: Headers, host: str) -> ApiError | None:
        origin = headers.get("origin")
        if origin is not None and not _same_origin(origin, host):
            return ApiError(403, f"cross-origin write refused (Origin {origin!r})")
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return ApiError(403, f"cross-origin write refused (Sec-Fetch-Site {site!r})")
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        if media != _JSON:
            shown = media or "none"
            return ApiError(415, f"a write must be sent as {_JSON} (Content-Type: {shown})")
        if self.rules.token is not None and not _token_ok(headers, self.rules.token):
            return ApiError(
                401,
                "this server needs the token it printed at start-up: Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.rules.max_body_bytes):
            return _too_large(self.rules.max_body_bytes)
        return None

    def _counted(self, receive: Receive) -> Receive:
        """``receive`` that stops a body over the size limit or slower than the time limit."""
        limit = self.rules.max_body_bytes
        deadline = time.monotonic() + self.rules.body_seconds
        total = 0

        async def counted() -> Message:
            nonlocal total
            remaining = deadline - time.monotonic()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(remaining, 0.001))
            except TimeoutError:
                raise ApiError(
                    408, f"the request body did not arrive within {self.rules.body_seconds:g} s"
                ) from None
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > limit:
                    raise _too_large(limit)
            return message

        return counted

    def _with_headers(self, send: Send) -> Send:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return with_headers


def _has_handler(scope: Scope) -> bool:
    """Whether a route of the app takes this method on this path."""
    app = scope.get("app")
    router = getattr(app, "router", None)
    if router is None:
        return True  # not inside a Starlette app: assume the worst
    return any(route.matches(scope)[0] is Match.FULL for route in router.routes)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"request body over {limit} bytes")


def _same_origin(origin: str, host: str) -> bool:
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()


def _token_ok(headers: Headers, token: str) -> bool:
    scheme, _, given = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )
