"""Corrections of the story grouping over HTTP: ``POST /api/corrections`` stores a merge,
split or move (the next build of the store applies it, as every later one does) and
``GET /api/corrections`` lists them. Writes go through the app's one guard middleware
(same origin, JSON only, token beyond loopback). :func:`correction_form` is the story
page's form for them (sent by ``/static/ui.js``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse

from dossier.errors import StoreError
from dossier.model import Document, Story
from dossier.report.markup import esc
from dossier.web.api import store_of
from dossier.web.body import json_body
from dossier.web.errors import ApiError

MAX_BODY = 20_000
MAX_DOCUMENTS = 500
# not language: the kinds of correction
KINDS = ("merge", "split", "move")


async def post_correction(request: Request) -> JSONResponse:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ApiError(413, f"request body over {MAX_BODY} bytes")
    data = await json_body(request)  # the body Starlette keeps, parsed and checked
    if not isinstance(data, dict):
        raise ApiError(400, 'the body must be a JSON object: {"kind", "documents", "target"}')
    # not language: the fields of the request body
    unknown = set(data) - {"kind", "documents", "target"}
    if unknown:
        raise ApiError(400, f"unknown field(s): {', '.join(sorted(unknown))}")
    kind, documents, target = data.get("kind"), data.get("documents"), data.get("target")
    if kind not in KINDS:
        raise ApiError(400, f"kind must be one of {', '.join(KINDS)}")
    if (
        not isinstance(documents, list)
        or not documents
        or len(documents) > MAX_DOCUMENTS
        or not all(isinstance(d, str) and d for d in documents)
    ):
        raise ApiError(400, f"documents must be a list of 1 to {MAX_DOCUMENTS} document ids")
    if kind == "merge" and len(documents) < 2:
        raise ApiError(400, "merge takes two or more documents (one from each story)")
    if (kind == "move") != isinstance(target, str) or (target is not None and kind != "move"):
        raise ApiError(400, "move takes a target document (and only move does)")
    try:
        correction = store_of(request).add_correction(kind, documents, target)
    except StoreError as exc:
        raise ApiError(404, str(exc)) from None
    return JSONResponse({"ok": True, "correction": dataclasses.asdict(correction)})


def list_corrections(request: Request) -> JSONResponse:
    found = [dataclasses.asdict(c) for c in store_of(request).corrections()]
    return JSONResponse({"ok": True, "corrections": found})


def correction_form(story: Story, docs: Mapping[str, Document]) -> str:
    """The story page's form to split documents off, move them to another story, or merge
    this story with another (named by one of its documents)."""
    shown = [d for d in story.document_ids if d in docs and docs[d].status != "duplicate"]
    boxes = "".join(
        f'<li><input type="checkbox" id="c-doc-{k}" name="documents" value="{esc(d)}"> '
        f'<label for="c-doc-{k}">{esc(docs[d].title or d)} '
        f'<span class="meta">{esc(d)}</span></label></li>'
        for k, d in enumerate(shown)
    )
    first = next((d for d in story.document_ids if d in docs), "")
    # not language: the interface's own labels
    kinds = (
        ("split", "split the ticked documents into a story of their own"),
        ("move", "move the ticked documents to the story of document ..."),
        ("merge", "merge this story with the story of document ..."),
    )
    options = "".join(f'<option value="{k}">{esc(label)}</option>' for k, label in kinds)
    return (
        '<details class="corrections"><summary>Correct the grouping</summary>'
        f'<form class="correction" data-first="{esc(first)}">'
        f'<ul class="plain">{boxes}</ul>'
        f'<p><label for="c-kind">What to do</label> <select id="c-kind" name="kind">{options}'
        '</select> <label for="c-target">Document of the other story</label> '
        '<input id="c-target" name="target" size="24"></p>'
        '<p><button type="submit">Save the correction</button> '
        '<span class="status" role="status"></span></p>'
        '<p class="meta">A saved correction is applied by the next build and every later '
        "one (also listed at <code>GET /api/corrections</code>).</p></form></details>"
    )
