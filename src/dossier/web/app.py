"""The Starlette app: the HTTP API under ``/api`` and the web UI, over one store.

``create_app(store_path)`` opens the store once (failing early with a clear
:class:`~dossier.errors.StoreError` if it cannot) and serves it until shutdown.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from dossier.store import Store
from dossier.web import api, ui
from dossier.web.api import BuildFn, PipelineBuild
from dossier.web.errors import http_exception, server_error

if TYPE_CHECKING:
    from dossier.settings import Settings

STATIC_DIR = Path(__file__).resolve().parent / "static"


def routes() -> list[Route | Mount]:
    return [
        Route("/", ui.index, name="index"),
        Route("/stories/{story_id:str}", ui.story, name="story"),
        Route("/documents/{doc_id:str}", ui.document, name="document"),
        Route("/search", ui.search, name="search"),
        Route("/api/health", api.health, name="api-health"),
        Route("/api/stories", api.list_stories, name="api-stories"),
        Route("/api/stories/{story_id:str}", api.get_story, name="api-story"),
        Route("/api/documents/{doc_id:str}", api.get_document, name="api-document"),
        Route("/api/search", api.search, name="api-search"),
        Route("/api/build", api.build, methods=["POST"], name="api-build"),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]


def create_app(
    store_path: Path,
    *,
    settings: Settings | None = None,
    build: BuildFn | None = None,
    allow_server_paths: bool = True,
) -> Starlette:
    """The web app over the store at ``store_path`` (created if missing).

    ``build`` turns input paths into a corpus for ``POST /api/build`` (default:
    the full pipeline with ``settings``); ``allow_server_paths=False`` makes
    that endpoint accept uploaded texts only.
    """
    store = Store(store_path)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    app = Starlette(
        routes=routes(),
        exception_handlers={HTTPException: http_exception, Exception: server_error},
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.build = build or PipelineBuild(settings)
    app.state.build_lock = threading.Lock()
    app.state.allow_server_paths = allow_server_paths
    return app


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the UI and API until interrupted (``dossier serve``)."""
    import uvicorn

    uvicorn.run(create_app(Path(store_path)), host=host, port=port, log_level="info")
