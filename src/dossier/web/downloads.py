"""Downloads of one story: its dossier/1 JSON, CSV tables and FollowTheMoney entities."""

from __future__ import annotations

import json
import re

from starlette.requests import Request
from starlette.responses import Response

from dossier.report.export import (
    claims_csv,
    entities_csv,
    events_csv,
    ftm_lines,
    story_dossier,
)
from dossier.web.api import story_and_documents
from dossier.web.errors import ApiError

# name -> (what, media type)
DOWNLOADS = {
    "story.json": ("the story as a dossier/1 file", "application/json"),
    "events.csv": ("timeline events (CSV)", "text/csv"),
    "entities.csv": ("people, organisations and places (CSV)", "text/csv"),
    "claims.csv": ("claims with who asserts them (CSV)", "text/csv"),
    "entities.ftm.json": (
        "FollowTheMoney entities for Aleph (one JSON object per line)",
        "application/json",
    ),
}


def download(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in DOWNLOADS:
        raise ApiError(404, f"no download named {name!r}; there are {', '.join(DOWNLOADS)}")
    story, docs = story_and_documents(request)
    if name == "story.json":
        body = json.dumps(story_dossier(story, docs), ensure_ascii=False, indent=2)
    elif name == "events.csv":
        body = events_csv(story, docs)
    elif name == "entities.csv":
        body = entities_csv(story, docs)
    elif name == "claims.csv":
        body = claims_csv(story, docs)
    else:
        body = ftm_lines(story, docs)
    media = DOWNLOADS[name][1]
    filename = re.sub(r"[^\w.-]+", "_", f"{story.id}-{name}")
    return Response(
        body,
        media_type=f"{media}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
