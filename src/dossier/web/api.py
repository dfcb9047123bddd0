"""The JSON HTTP API (``docs/api.md``): thin handlers over the store and the pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import JSONResponse

from dossier import __version__
from dossier.casefile.engine import change_json
from dossier.errors import DossierError, QueryError, QueryTimeout
from dossier.model import BuildKind, Corpus, Document, Story
from dossier.report.json_out import SCHEMA_ID, document_to_json, story_to_json
from dossier.store import Store, fts_query
from dossier.web.body import json_body
from dossier.web.errors import ApiError
from dossier.web.pacing import SearchGate

if TYPE_CHECKING:
    from dossier.casefile import UpdateResult
    from dossier.resources import Resources
    from dossier.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


class BuildFn(Protocol):
    """Reads input paths into documents and adds them to a store (the pipeline, or a
    stand-in in tests). ``within``, when not empty, are the only folders it may read files
    from (links resolved)."""

    def __call__(self, paths: Sequence[Path], *, within: Sequence[Path] = ()) -> Corpus: ...

    def update(
        self, store: Store, documents: Sequence[Document], *, kind: BuildKind, replace: bool
    ) -> UpdateResult: ...


MAX_ARTICLES = 500
MAX_SEARCH_RESULTS = 200
# not words: the characters a file name of an upload may have
_UPLOAD_NAME = re.compile(r"^[\w][\w.\- ]{0,199}$")
_UPLOAD_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def store_of(request: Request) -> Store:
    """The app's store (opened once by :func:`dossier.web.create_app`)."""
    store: Store = request.app.state.store
    return store


def health(request: Request) -> JSONResponse:
    store = store_of(request)
    counts = store.counts(("documents", "stories"))
    return JSONResponse(
        {
            "ok": True,
            "version": __version__,
            "schema": SCHEMA_ID,
            "store_schema_version": store.schema_version,
            "documents": counts["documents"],
            "stories": counts["stories"],
        }
    )


def list_stories(request: Request) -> JSONResponse:
    stories = [dataclasses.asdict(s) for s in store_of(request).list_stories()]
    return JSONResponse({"ok": True, "stories": stories})


def story_and_documents(request: Request) -> tuple[Story, dict[str, Document]]:
    """The story of the route's ``story_id`` (404 if none; a story that merged into another,
    or took an earlier report's id, redirects there), with its documents, those its events
    cite, and their duplicates."""
    store = store_of(request)
    story_id = request.path_params["story_id"]
    story = store.get_story(story_id)
    if story is None:
        moved = store.story_alias(story_id)
        if moved is not None:
            path = request.url.path.replace(quote(story_id, safe=""), quote(moved, safe=""), 1)
            raise ApiError(308, f"story {story_id!r} is now {moved!r}", headers={"Location": path})
        raise ApiError(404, f"no story with id {story_id!r}")
    cited = {c.doc for e in story.events for c in e.citations}
    ids = [*story.document_ids, *sorted(cited - set(story.document_ids))]
    docs = {d.id: d for d in store.get_documents(ids)}
    docs.update((d.id, d) for d in store.duplicates_of(list(story.document_ids)))
    return story, docs


def get_story(request: Request) -> JSONResponse:
    story, docs = story_and_documents(request)
    return JSONResponse(story_to_json(story, docs))


def get_document(request: Request) -> JSONResponse:
    doc_id = request.path_params["doc_id"]
    doc = store_of(request).get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    return JSONResponse(document_to_json(doc))


async def search(request: Request) -> JSONResponse:
    query = request.query_params.get("q", "").strip()
    if not query:
        raise ApiError(400, "missing query: use /api/search?q=words")
    limit = _int_param(request, "limit", 50, 1, MAX_SEARCH_RESULTS)
    store = store_of(request)

    def answer() -> JSONResponse:  # in the search thread, JSON and all
        hits = [h.to_json() for h in store.search(query, limit=limit)]
        return JSONResponse({"ok": True, "query": query, "results": hits})

    return await run_search(request, query, answer)


def check_query(query: str) -> None:
    """``400`` at once for a query over the search limits (:func:`dossier.store.fts_query`)."""
    try:
        fts_query(query)
    except QueryError as exc:
        raise ApiError(400, f"{exc}: use fewer words") from None


async def run_search(request: Request, query: str, answer: Callable[[], T]) -> T:
    """``answer()``, which searches for ``query``, run as searches are (for the API and the
    UI): checked against the limits first, then in its turn (:class:`SearchGate`), with a
    time limit."""
    check_query(query)
    gate: SearchGate = request.app.state.searches
    try:
        return await gate.run(answer)
    except QueryError as exc:
        raise ApiError(400, f"{exc}: use fewer words") from None
    except QueryTimeout:
        raise ApiError(
            503, "the search took too long and was stopped: use fewer or longer words"
        ) from None


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
    """``POST /api/build``: add server-side paths and/or uploaded texts to the store."""
    return await _update(request, "build")


async def add_documents(request: Request) -> JSONResponse:
    """``POST /api/documents``: the same as a build, recorded as an addition."""
    return await _update(request, "add")


async def _update(request: Request, kind: BuildKind) -> JSONResponse:
    data = await json_body(request)
    paths, articles = _build_request(data, request.app.state.allow_paths)
    assert isinstance(data, dict)
    sources = _sources_entries(data)
    replace = data.get("replace", False)
    if not isinstance(replace, bool):
        raise ApiError(400, "replace must be true or false")
    result, docs = await run_in_threadpool(
        _build_and_store, request, paths, articles, sources, kind, replace
    )
    return JSONResponse(_build_result(store_of(request), result, docs))


def changes(request: Request) -> JSONResponse:
    """``GET /api/changes[?since=BUILD|DATE][&story=ID]``: the change log."""
    from dossier.casefile import recorded_changes
    from dossier.cli_casefile import parse_since

    build, since = None, None
    raw = request.query_params.get("since")
    if raw:
        try:
            build, since = parse_since(raw)
        except ValueError as exc:
            raise ApiError(400, str(exc).replace("--since", "since")) from None
    story = request.query_params.get("story")
    found = recorded_changes(store_of(request), build=build, since=since, story=story)
    return JSONResponse({"ok": True, "changes": [change_json(s, c) for s, c in found]})


def _build_request(
    data: object, allow_paths: Path | None
) -> tuple[list[Path], list[tuple[str, str]]]:
    if not isinstance(data, dict):
        raise ApiError(
            400, 'the body must be a JSON object: {"paths": [...]} or {"articles": [...]}'
        )
    unknown = set(data) - {"paths", "articles", "sources", "replace"}
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
    paths = _server_paths(raw_paths, allow_paths)
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


def _server_paths(raw_paths: list[str], allow_paths: Path | None) -> list[Path]:
    """Server-side paths, each inside the ``--allow-paths`` folder (links resolved)."""
    if not raw_paths:
        return []
    if allow_paths is None:
        raise ApiError(
            403,
            "this server does not read server-side paths (start it with --allow-paths DIR); "
            "upload articles instead",
        )
    root = Path(os.path.realpath(allow_paths))
    paths = []
    for raw in raw_paths:
        if "\x00" in raw:
            raise ApiError(400, f"not a usable path: {raw!r}")
        path = Path(raw) if Path(raw).is_absolute() else root / raw
        if not Path(os.path.realpath(path)).is_relative_to(root):
            raise ApiError(403, f"{raw!r} is outside the folder this server may read")
        if not os.path.lexists(path):
            raise ApiError(400, f"no such file or folder on the server: {raw}")
        paths.append(path)
    return paths


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
    kind: BuildKind,
    replace: bool,
) -> tuple[UpdateResult, tuple[Document, ...]]:
    from dossier.casefile import NeedsRebuild

    state = request.app.state
    if not state.build_lock.acquire(blocking=False):
        raise ApiError(409, "another build is running: try again when it has finished")
    try:
        with tempfile.TemporaryDirectory(prefix="dossier-upload-") as tmp:
            corpus = _build_in(state, Path(tmp), paths, articles, sources)
            try:
                result = state.build.update(
                    store_of(request), corpus.documents, kind=kind, replace=replace
                )
            except NeedsRebuild as exc:
                raise ApiError(409, str(exc)) from exc
            except DossierError as exc:
                raise ApiError(422, f"the build failed: {exc}") from exc
    finally:
        state.build_lock.release()
    log.info("%s: %d input(s), build %s", kind, len(corpus.documents), result.build)
    return result, corpus.documents


def _saved_name(name: str) -> str:
    return name if Path(name).suffix.lower() in _UPLOAD_SUFFIXES else name + ".txt"


def _build_in(
    state: State,
    tmp: Path,
    paths: list[Path],
    articles: list[tuple[str, str]],
    sources: list[dict[str, str]],
) -> Corpus:
    """Write the uploads (and their sources file) to ``tmp`` and build them with the
    server-side paths."""
    uploads = []
    for name, text in articles:
        target = tmp / name
        target.write_text(text, encoding="utf-8")
        uploads.append(target)
    if sources:
        # Beside the uploads, where ingest looks for it (names as the uploads are saved).
        entries = [{**e, "file": _saved_name(e["file"])} for e in sources]
        (tmp / "sources.json").write_text(json.dumps(entries), encoding="utf-8")
    allow_paths: Path | None = state.allow_paths
    within = [tmp] if allow_paths is None else [allow_paths, tmp]
    build_fn: BuildFn = state.build
    try:
        corpus = build_fn([*paths, *uploads], within=within)
    except DossierError as exc:
        raise ApiError(422, f"the build failed: {exc}") from exc
    corpus = _name_uploads(corpus, str(tmp))
    if corpus.documents and all(d.status == "rejected" for d in corpus.documents):
        reasons = "; ".join(f"{d.source}: {d.reason}" for d in corpus.documents)
        raise ApiError(422, f"no article in the inputs, nothing was stored ({reasons})")
    if not corpus.documents:
        raise ApiError(422, "no article in the inputs (no .txt, .html or .htm file found)")
    return corpus


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


def _build_result(
    store: Store, result: UpdateResult, docs: Sequence[Document]
) -> dict[str, object]:
    """What a build did: each input's document and what happened to it, the stories it
    created or changed, and its change log."""
    by_source = {d.source: d for d in docs}
    build = result.build
    changed = set(build.stories) if build is not None else set()
    listed = [s for s in store.list_stories() if s.id in changed]
    members = store.story_documents([s.id for s in listed])
    documents = []
    for source, doc_id, outcome in result.outcomes:
        doc = by_source.get(source)
        documents.append(
            {
                "id": doc_id,
                "source": source,
                "status": doc.status if doc else None,
                "reason": doc.reason if doc else None,
                "outcome": outcome,
            }
        )
    return {
        "ok": True,
        "build": dataclasses.asdict(build) if build is not None else None,
        "generated_at": build.finished_at if build is not None else None,
        "documents": documents,
        "stories": [
            {"id": s.id, "title": s.title, "documents": list(members[s.id])} for s in listed
        ],
        "changes": [change_json(s, c) for s, c in result.changes],
        "notes": list(result.notes),
    }


class PipelineBuild:
    """The real pipeline: reads the inputs (``__call__``) and adds them to the store
    (``update``). Its models are loaded on the first update only, and then stay loaded."""

    def __init__(
        self, settings: Settings | None = None, resources: Resources | None = None
    ) -> None:
        from dossier.resources import Resources
        from dossier.settings import Settings, for_today

        self.settings = settings or for_today(Settings(), dt.date.today())
        self.resources = resources or Resources()

    def __call__(self, paths: Sequence[Path], *, within: Sequence[Path] = ()) -> Corpus:
        from dossier.pipeline import ingest

        settings = self.settings
        if within:
            ingest_settings = dataclasses.replace(
                settings.ingest, within=tuple(str(w) for w in within)
            )
            settings = dataclasses.replace(settings, ingest=ingest_settings)
        return ingest(list(paths), settings)

    def update(
        self, store: Store, documents: Sequence[Document], *, kind: BuildKind, replace: bool
    ) -> UpdateResult:
        from dossier.casefile import Outputs, update_store

        return update_store(
            store,
            inputs=documents,
            kind=kind,
            replace_changed=replace,
            settings=self.settings,
            resources=self.resources,
            # The report and JSON the store was built with stay in step with it.
            outputs=Outputs.recorded(store),
        )
