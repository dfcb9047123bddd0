"""Review marks in the web UI: the controls beside each conflict and merged spelling, and the
JSON routes that store a mark (``POST /api/reviews``) and list them (``GET /api/reviews``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse

from dossier.model import Conflict, Entity, Story
from dossier.report.markup import esc
from dossier.store.reviews import DECISIONS, KINDS, Review, conflict_key, merge_key
from dossier.web.api import store_of
from dossier.web.body import json_body
from dossier.web.errors import ApiError

MAX_NOTE = 2_000
MAX_REVIEW_BODY = 10_000


def story_keys(story: Story) -> list[str]:
    """The review keys of every conflict and merged spelling of ``story``."""
    keys = [conflict_key(c) for c in story.conflicts]
    keys += [merge_key(e, a) for e in story.entities for a in e.aliases]
    return keys


class ReviewControls:
    """Renders the mark and its buttons (the buttons work through ``/static/ui.js``)."""

    def __init__(self, marks: Mapping[str, Review]) -> None:
        self.marks = marks

    def _control(self, kind: str, key: str, label: str) -> str:
        mark = self.marks.get(key)
        state = mark.decision if mark else "open"
        # not language: the review states as the interface shows them
        status = {"open": "not reviewed", "confirmed": "confirmed", "dismissed": "dismissed"}
        buttons = "".join(
            f'<button type="button" data-decision="{d}" aria-pressed="{str(state == d).lower()}">'
            f"{'Confirm' if d == 'confirmed' else 'Dismiss'}</button>"
            for d in DECISIONS
        )
        return (
            f' <span class="review" data-kind="{esc(kind)}" data-key="{esc(key)}"'
            f' data-label="{esc(label)}"><span class="badge review-{state}" role="status">'
            f"{status[state]}</span>{buttons}</span>"
        )

    def conflict(self, story: Story, conflict: Conflict) -> str:
        return self._control("conflict", conflict_key(conflict), conflict.description)

    def merge(self, story: Story, entity: Entity, alias: str) -> str:
        return self._control("merge", merge_key(entity, alias), f"{alias} = {entity.name}")


def review_controls(request: Request, story: Story) -> ReviewControls:
    marks = {r.key: r for r in store_of(request).reviews(story_keys(story))}
    return ReviewControls(marks)


async def post_review(request: Request) -> JSONResponse:
    """Store, replace or clear (``"decision": "open"``) one mark."""
    body = await request.body()
    if len(body) > MAX_REVIEW_BODY:
        raise ApiError(413, f"request body over {MAX_REVIEW_BODY} bytes")
    data = await json_body(request)  # the body Starlette keeps, parsed and checked
    if not isinstance(data, dict):
        raise ApiError(400, 'the body must be a JSON object: {"kind", "key", "decision"}')
    # not language: the fields of the request body
    unknown = set(data) - {"kind", "key", "decision", "note", "label"}
    if unknown:
        raise ApiError(400, f"unknown field(s): {', '.join(sorted(unknown))}")
    kind, key, decision = data.get("kind"), data.get("key"), data.get("decision")
    note, label = data.get("note", ""), data.get("label", "")
    if kind not in KINDS:
        raise ApiError(400, f"kind must be one of {', '.join(KINDS)}")
    if not isinstance(key, str) or not key or len(key) > 100:
        raise ApiError(400, "key must be the review key of a conflict or merge (a string)")
    if decision not in (*DECISIONS, "open"):
        raise ApiError(400, f"decision must be one of {', '.join((*DECISIONS, 'open'))}")
    if not isinstance(note, str) or not isinstance(label, str) or len(note) > MAX_NOTE:
        raise ApiError(400, f"note and label must be strings (note at most {MAX_NOTE} chars)")
    store = store_of(request)
    if decision == "open":
        store.clear_review(kind, key)
        return JSONResponse({"ok": True, "review": None})
    store.set_review(Review(kind, key, decision, note, label[:500]))
    (saved,) = store.reviews([key])
    return JSONResponse({"ok": True, "review": dataclasses.asdict(saved)})


def list_reviews(request: Request) -> JSONResponse:
    marks = [dataclasses.asdict(r) for r in store_of(request).reviews()]
    return JSONResponse({"ok": True, "reviews": marks})
