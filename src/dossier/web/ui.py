"""The web UI: the story list, each story's page (the HTML report's story section) and search."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse

from dossier.model import Corpus
from dossier.report.html import page, render_report
from dossier.report.html_story import linked_citations, source_article
from dossier.report.html_text import DocSpans, doc_anchor, esc
from dossier.store import SearchHit
from dossier.web.api import store_of
from dossier.web.errors import ApiError

HEAD = '<link rel="stylesheet" href="/static/ui.css">'


def nav(query: str = "") -> str:
    return (
        '<header class="page"><nav class="site"><a href="/">All stories</a>'
        '<form action="/search" method="get" role="search">'
        f'<input type="search" name="q" value="{esc(query)}" placeholder="Search the sources"'
        ' aria-label="Search the sources"> <button type="submit">Search</button></form>'
        ' · <a href="/api/stories">JSON API</a></nav></header>'
    )


def index(request: Request) -> HTMLResponse:
    stories = store_of(request).list_stories()
    items = []
    for s in stories:
        dates = f"{s.first_date} – {s.last_date}" if s.first_date else "no dated events"
        headline = f"<p>{esc(s.headline)}</p>" if s.headline else ""
        items.append(
            f'<li class="story-item"><h3><a href="/stories/{quote(s.id, safe="")}">'
            f"{esc(s.title)}</a></h3>"
            f'{headline}<p class="meta">{s.documents} source(s): {esc(", ".join(s.outlets))}'
            f" · {esc(dates)} · {s.entities} people/organisations/places · {s.events} events"
            f" · {s.conflicts} conflict(s)</p></li>"
        )
    listing = (
        '<ul class="stories">' + "".join(items) + "</ul>"
        if items
        else '<p class="meta">No stories yet. Build some with <code>dossier build</code> '
        "or <code>POST /api/build</code>.</p>"
    )
    body = f"<main><h1>Stories</h1>{listing}</main>"
    return HTMLResponse(page("Dossier: stories", body, nav_html=nav(), head_html=HEAD))


def story(request: Request) -> HTMLResponse:
    store = store_of(request)
    story_id = request.path_params["story_id"]
    found = store.get_story(story_id)
    if found is None:
        raise ApiError(404, f"no story with id {story_id!r}")
    ids = list(found.document_ids)
    cited = {c.doc for c in linked_citations(found)} - set(ids)
    docs = store.get_documents([*ids, *sorted(cited)])
    known = {d.id for d in docs}
    # Duplicates of this story's documents are listed with the story, with their reasons.
    dupes = tuple(d for d in store.duplicates_of(ids) if d.id not in known)
    corpus = Corpus(documents=(*docs, *dupes), stories=(found,))
    return HTMLResponse(render_report(corpus, nav_html=nav(), head_html=HEAD))


def document(request: Request) -> HTMLResponse:
    store = store_of(request)
    doc_id = request.path_params["doc_id"]
    doc = store.get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    stories = store.stories_of(doc_id)
    links = ", ".join(f'<a href="/stories/{quote(s, safe="")}">{esc(s)}</a>' for s in stories)
    status = f"{doc.status}" + (f": {doc.reason}" if doc.reason else "")
    body = (
        f"<main><h1>{esc(doc.title or doc.id)}</h1>"
        f'<p class="meta">input <code>{esc(doc.id)}</code> · {esc(status)}'
        + (f" · story: {links}" if links else " · in no story")
        + "</p>"
        + source_article(doc, doc.id, DocSpans(), [], {doc.id: doc})
        + "</main>"
    )
    return HTMLResponse(page(doc.title or doc.id, body, nav_html=nav(), head_html=HEAD))


def search(request: Request) -> HTMLResponse:
    query = request.query_params.get("q", "").strip()
    hits = store_of(request).search(query) if query else []
    items = "".join(_hit(h) for h in hits)
    if not query:
        result = '<p class="meta">Type words to find in the sources.</p>'
    elif not hits:
        result = f'<p class="meta">Nothing found for “{esc(query)}”.</p>'
    else:
        result = f'<p class="meta">{len(hits)} source(s)</p><ol class="hits">{items}</ol>'
    body = f"<main><h1>Search</h1>{result}</main>"
    return HTMLResponse(
        page(f"Search: {query}" if query else "Search", body, nav_html=nav(query), head_html=HEAD)
    )


def _hit(hit: SearchHit) -> str:
    if hit.story_ids:
        target = f"/stories/{quote(hit.story_ids[0], safe='')}#{quote(doc_anchor(hit.doc_id))}"
    else:
        target = f"/documents/{quote(hit.doc_id, safe='')}"
    snippet, cursor = [], 0
    for start, end in hit.highlights:
        snippet.append(esc(hit.snippet[cursor:start]))
        snippet.append(f"<mark>{esc(hit.snippet[start:end])}</mark>")
        cursor = end
    snippet.append(esc(hit.snippet[cursor:]))
    status = "" if hit.status == "ok" else f' <span class="badge">{esc(hit.status)}</span>'
    return (
        f'<li><a href="{esc(target)}">{esc(hit.title or hit.doc_id)}</a>{status}'
        f' <span class="meta">{esc(hit.outlet or "")}</span><br>{"".join(snippet)}</li>'
    )
