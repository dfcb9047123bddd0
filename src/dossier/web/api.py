"""The JSON HTTP API (``docs/api.md``): thin handlers over the store and the pipeline."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from dossier import __version__
from dossier.errors import DossierError
from dossier.model import Corpus
from dossier.report.json_out import SCHEMA_ID, document_to_json, story_to_json
from dossier.store import Store
from dossier.web.errors import ApiError

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

log = logging.getLogger(__name__)

# Builds a corpus from input paths (the pipeline, or a stand-in in tests).
BuildFn = Callable[[Sequence[Path]], Corpus]

MAX_BODY_BYTES = 50 * 1024 * 1024
MAX_ARTICLES = 500
MAX_SEARCH_RESULTS = 200
_UPLOAD_NAME = re.compile(r"^[\w][\w.\- ]{0,199}$")
_UPLOAD_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def store_of(request: Request) -> Store:
    """The app's store (opened once by :func:`dossier.web.create_app`)."""
    store: Store = request.app.state.store
    return store


def health(request: Request) -> JSONResponse:
    store = store_of(request)
    counts = store.counts()
    return JSONResponse(
        {
            "ok": True,
            "version": __version__,
            "schema": SCHEMA_ID,
            "store": str(store.path),
            "store_schema_version": store.schema_version,
            "documents": counts["documents"],
            "stories": counts["stories"],
        }
    )


def list_stories(request: Request) -> JSONResponse:
    stories = [dataclasses.asdict(s) for s in store_of(request).list_stories()]
    return JSONResponse({"ok": True, "stories": stories})


def get_story(request: Request) -> JSONResponse:
    store = store_of(request)
    story_id = request.path_params["story_id"]
    story = store.get_story(story_id)
    if story is None:
        raise ApiError(404, f"no story with id {story_id!r}")
    cited = {c.doc for e in story.events for c in e.citations}
    docs = {d.id: d for d in store.get_documents([*story.document_ids, *sorted(cited)])}
    return JSONResponse(story_to_json(story, docs))


def get_document(request: Request) -> JSONResponse:
    doc_id = request.path_params["doc_id"]
    doc = store_of(request).get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return JSONResponse(document_to_json(doc))


def search(request: Request) -> JSONResponse:
    query = request.query_params.get("q", "").strip()
    if not query:
        raise ApiError(400, "missing query: use /api/search?q=words")
    limit = _int_param(request, "limit", 50, 1, MAX_SEARCH_RESULTS)
    hits = [dataclasses.asdict(h) for h in store_of(request).search(query, limit=limit)]
    return JSONResponse({"ok": True, "query": query, "results": hits})


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ApiError(400, f"{name} must be between {low} and {high}")
    return value


async def build(request: Request) -> JSONResponse:
    """Run the pipeline over server-side paths and/or uploaded texts, then store the result."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise ApiError(413, f"request body over {MAX_BODY_BYTES} bytes")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(413, f"request body over {MAX_BODY_BYTES} bytes")
    try:
        data = json.loads(body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None
    paths, articles = _build_request(data, request.app.state.allow_server_paths)
    sources = _sources_entries(data)
    corpus = await run_in_threadpool(_build_and_store, request, paths, articles, sources)
    return JSONResponse(_build_result(corpus))


def _build_request(data: object, allow_paths: bool) -> tuple[list[Path], list[tuple[str, str]]]:
    if not isinstance(data, dict):
        raise ApiError(
            400, 'the body must be a JSON object: {"paths": [...]} or {"articles": [...]}'
        )
    unknown = set(data) - {"paths", "articles", "sources"}
    if unknown:
        raise ApiError(400, f"unknown field(s): {', '.join(sorted(unknown))}")
    raw_paths = data.get("paths", [])
    raw_articles = data.get("articles", [])
    if not isinstance(raw_paths, list) or not all(isinstance(p, str) for p in raw_paths):
        raise ApiError(400, "paths must be an array of strings")
    if not isinstance(raw_articles, list):
        raise ApiError(400, "articles must be an array of {name, text} objects")
    if not raw_paths and not raw_articles:
        raise ApiError(400, "nothing to build: give paths or articles")
    if raw_paths and not allow_paths:
        raise ApiError(403, "this server does not read server-side paths; upload articles instead")
    paths = [Path(p) for p in raw_paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise ApiError(400, f"no such file or folder on the server: {', '.join(missing)}")
    if len(raw_articles) > MAX_ARTICLES:
        raise ApiError(400, f"at most {MAX_ARTICLES} articles per build")
    articles: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, item in enumerate(raw_articles):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("text"), str)
        ):
            raise ApiError(400, f"articles[{i}] must be an object with string name and text")
        name = _upload_name(item["name"], i)
        if name in seen:
            raise ApiError(400, f"articles[{i}]: the name {name!r} is used twice")
        seen.add(name)
        articles.append((name, item["text"]))
    return paths, articles


def _sources_entries(data: dict[str, object]) -> list[dict[str, str]]:
    """The ``sources`` field: what a sources.json would say about the uploaded articles."""
    raw = data.get("sources", [])
    if not isinstance(raw, list):
        raise ApiError(400, "sources must be an array of {file, outlet, url, date, ...} objects")
    entries = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise ApiError(400, f"sources[{i}] must be an object with a string file")
        bad = [k for k, v in item.items() if not isinstance(v, str | None)]
        if bad:
            raise ApiError(400, f"sources[{i}]: {', '.join(bad)} must be strings")
        entries.append({k: v for k, v in item.items() if v is not None})
    return entries


def _upload_name(name: str, index: int) -> str:
    """A safe file name for an uploaded article: no folders; .txt unless .txt/.html/.htm."""
    if not _UPLOAD_NAME.match(name) or ".." in name:
        raise ApiError(
            400,
            f"articles[{index}]: name {name!r} must be a plain file name "
            "(letters, digits, spaces, '.', '-', '_'; no folders)",
        )
    return _saved_name(name)


def _build_and_store(
    request: Request,
    paths: list[Path],
    articles: list[tuple[str, str]],
    sources: list[dict[str, str]],
) -> Corpus:
    state = request.app.state
    with state.build_lock, tempfile.TemporaryDirectory(prefix="dossier-upload-") as tmp:
        uploads = []
        for name, text in articles:
            target = Path(tmp) / name
            target.write_text(text, encoding="utf-8")
            uploads.append(target)
        if sources:
            # Beside the uploads, where ingest looks for it (names as the uploads are saved).
            entries = [{**e, "file": _saved_name(e["file"])} for e in sources]
            (Path(tmp) / "sources.json").write_text(json.dumps(entries), encoding="utf-8")
        build_fn: BuildFn = state.build
        try:
            corpus = build_fn([*paths, *uploads])
        except DossierError as exc:
            raise ApiError(422, f"the build failed: {exc}") from exc
        corpus = _name_uploads(corpus, tmp)
        store_of(request).save_corpus(corpus)
    log.info(
        "built and stored %d documents, %d stories", len(corpus.documents), len(corpus.stories)
    )
    return corpus


def _saved_name(name: str) -> str:
    return name if Path(name).suffix.lower() in _UPLOAD_SUFFIXES else name + ".txt"


def _name_uploads(corpus: Corpus, tmp: str) -> Corpus:
    """Uploaded texts came from a temporary folder that is gone: name them ``upload:<name>``."""
    prefix = str(Path(tmp)) + "/"
    docs = tuple(
        dataclasses.replace(d, source="upload:" + d.source[len(prefix) :])
        if d.source.startswith(prefix)
        else d
        for d in corpus.documents
    )
    return dataclasses.replace(corpus, documents=docs)


def _build_result(corpus: Corpus) -> dict[str, object]:
    return {
        "ok": True,
        "generated_at": corpus.generated_at,
        "documents": [
            {"id": d.id, "source": d.source, "status": d.status, "reason": d.reason}
            for d in corpus.documents
        ],
        "stories": [
            {"id": s.id, "title": s.title, "documents": list(s.document_ids)}
            for s in corpus.stories
        ],
    }


class PipelineBuild:
    """The real pipeline. It is imported, and its models loaded, on the first build only;
    the models then stay loaded for the next builds."""

    def __init__(
        self, settings: Settings | None = None, resources: Resources | None = None
    ) -> None:
        self.settings = settings
        self.resources = resources

    def __call__(self, paths: Sequence[Path]) -> Corpus:
        from dossier.pipeline import run_pipeline
        from dossier.resources import Resources
        from dossier.settings import Settings

        if self.settings is None:
            self.settings = Settings()
        if self.resources is None:
            self.resources = Resources()
        return run_pipeline(list(paths), self.settings, self.resources)
