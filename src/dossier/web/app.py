"""The Starlette app: the HTTP API under ``/api`` and the web UI, over one store.

``create_app(store_path)`` opens the store once (failing early with a clear
:class:`~dossier.errors.StoreError` if it cannot) and serves it until shutdown.
Every request goes through :class:`~dossier.web.guard.Guard` (host check, the
write rules, body limits, security headers); :func:`dossier.web.server.serve`
runs the app with uvicorn.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dossier.report.policy import report_script, stylesheet
from dossier.store import Store
from dossier.web import api, corrections, downloads, reviews, ui, ui_entity
from dossier.web.api import BuildFn, PipelineBuild
from dossier.web.errors import http_exception, server_error
from dossier.web.guard import (
    BODY_SECONDS,
    MAX_BODY_BYTES,
    Guard,
    WriteRules,
    allowed_hosts,
    is_loopback,
)
from dossier.web.pacing import HeavyGate, SearchGate, heavy

if TYPE_CHECKING:
    from dossier.settings import Settings

STATIC_DIR = Path(__file__).resolve().parent / "static"


def report_stylesheet(request: Request) -> Response:
    """The report's stylesheet (one file for the report folder and the UI)."""
    return Response(stylesheet(), media_type="text/css; charset=utf-8")


def report_js(request: Request) -> Response:
    """The report's script (outlines a cited passage), the same file as in a report folder."""
    return Response(report_script(), media_type="text/javascript; charset=utf-8")


def routes() -> list[Route | Mount]:
    return [
        Route("/", ui.index, name="index"),
        # Whole stories, facts, entities and source pages take turns (dossier.web.pacing).
        Route("/stories/{story_id:str}", heavy(ui.story), name="story"),
        Route("/stories/{story_id:str}/facts", heavy(ui.facts), name="story-facts"),
        Route(
            "/stories/{story_id:str}/entities/{entity_id:str}",
            heavy(ui_entity.entity),
            name="entity",
        ),
        Route(
            "/stories/{story_id:str}/download/{name:str}",
            heavy(downloads.download),
            name="download",
        ),
        Route("/documents", ui.documents, name="documents"),
        Route("/documents/{doc_id:str}", heavy(ui.document), name="document"),
        Route("/search", ui.search, name="search"),
        Route("/static/report.css", report_stylesheet, name="report-css"),
        Route("/static/report.js", report_js, name="report-js"),
        Route("/api/health", api.health, name="api-health"),
        Route("/api/stories", api.list_stories, name="api-stories"),
        Route("/api/stories/{story_id:str}", heavy(api.get_story), name="api-story"),
        Route("/api/documents/{doc_id:str}", api.get_document, name="api-document"),
        Route("/api/search", api.search, name="api-search"),
        Route("/api/build", api.build, methods=["POST"], name="api-build"),
        Route("/api/reviews", reviews.list_reviews, name="api-reviews"),
        Route("/api/corrections", corrections.list_corrections, name="api-corrections"),
        Route(
            "/api/corrections",
            corrections.post_correction,
            methods=["POST"],
            name="api-correction",
        ),
        Route("/api/reviews", reviews.post_review, methods=["POST"], name="api-review"),
        Route("/api/documents", api.add_documents, methods=["POST"], name="api-add-documents"),
        Route("/api/changes", api.changes, name="api-changes"),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]


def create_app(
    store_path: Path,
    *,
    settings: Settings | None = None,
    build: BuildFn | None = None,
    allow_paths: Path | None = None,
    host: str = "127.0.0.1",
    hosts: Iterable[str] = (),
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    body_seconds: float = BODY_SECONDS,
) -> Starlette:
    """The web app over the store at ``store_path`` (created if missing).

    ``build`` turns input paths into a corpus for ``POST /api/build`` (default: the full
    pipeline with ``settings``). Server-side ``paths`` are refused unless ``allow_paths``
    names the folder they must stay inside. ``host`` is the address the server listens
    on: requests must name it (or a loopback name, or one of ``hosts``) in their
    ``Host`` header. Beyond loopback, ``token`` is required and every write must carry it.
    A write's body may hold ``max_body_bytes`` and must arrive within ``body_seconds``.
    """
    if not is_loopback(host) and not token:
        raise ValueError(f"a server listening on {host} (beyond loopback) needs a write token")
    if allow_paths is not None and not Path(allow_paths).is_dir():
        raise ValueError(f"--allow-paths {allow_paths}: not a folder")
    store = Store(store_path)
    searches = SearchGate()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        searches.close()
        store.close()

    rules = WriteRules(
        allowed_hosts=allowed_hosts(host, hosts),
        token=token,
        max_body_bytes=max_body_bytes,
        body_seconds=body_seconds,
    )
    app = Starlette(
        routes=routes(),
        middleware=[Middleware(Guard, rules=rules)],
        exception_handlers={HTTPException: http_exception, Exception: server_error},
        lifespan=lifespan,
    )
    # /api/stories/ is not /api/stories: a 404 in the API's error shape, not a bare redirect.
    app.router.redirect_slashes = False
    app.state.store = store
    app.state.build = build or PipelineBuild(settings)
    app.state.build_lock = threading.Lock()
    app.state.searches = searches
    app.state.heavy = HeavyGate()
    app.state.allow_paths = Path(os.path.realpath(allow_paths)) if allow_paths else None
    return app
