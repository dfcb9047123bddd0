"""One error shape for the whole HTTP API: ``{"ok": false, "error": {"status", "message"}}``.

Pages of the web UI get the same status with a small HTML page instead.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from dossier.errors import DossierError
from dossier.report.html import page
from dossier.report.markup import esc
from dossier.report.policy import security_headers

log = logging.getLogger(__name__)


class ApiError(HTTPException):
    """An error with a message meant for the client."""


def error_body(status: int, message: str) -> dict[str, object]:
    return {"ok": False, "error": {"status": status, "message": message}}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str) -> Response:
    """The error as JSON under ``/api``, else as a small page; with the security headers
    (a server error is answered outside the guard that adds them to everything else)."""
    headers = security_headers()
    if wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)
    title = f"{status} {HTTPStatus(status).phrase}"
    body = (
        f'<main><h1>{esc(title)}</h1><p>{esc(message)}</p><p><a href="/">All stories</a></p></main>'
    )
    return HTMLResponse(page(title, body), status_code=status, headers=headers)


async def http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and not isinstance(exc, ApiError):
        message = f"nothing here: {request.url.path}"
    if exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    response = error_response(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def server_error(request: Request, exc: Exception) -> Response:
    log.error("error serving %s %s", request.method, request.url.path, exc_info=exc)
    detail = f": {exc}" if isinstance(exc, DossierError) else ""
    return error_response(request, 500, f"internal error: {type(exc).__name__}{detail}")
