"""The web UI: stories, a story (filters, downloads, review marks), its facts, its entities,
documents (rejected ones included), one document with its citations and search hits,
and search over every merged spelling.

Pages are the report's HTML (:mod:`dossier.report`) with the UI's links; the stylesheet
and the one script (``/static/ui.js``, review buttons) are files, so the pages work
under a strict Content-Security-Policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse

from dossier.model import Corpus, Document, Story
from dossier.report.html import cited_spans, page
from dossier.report.html_facts import facts_table
from dossier.report.html_index import KEY_NAMES, StoryLine, other_inputs, story_line
from dossier.report.html_source import source_article
from dossier.report.html_story import story_body
from dossier.report.html_text import DocSpans, SourceLabels, marked_text
from dossier.report.links import Links
from dossier.report.markup import doc_anchor, esc
from dossier.store import SearchHit, StoryListing
from dossier.store.spellings import hit_spans
from dossier.web.api import check_query, run_search, store_of, story_and_documents
from dossier.web.corrections import correction_form
from dossier.web.downloads import DOWNLOADS
from dossier.web.errors import ApiError
from dossier.web.filters import StoryFilter, apply_filter
from dossier.web.reviews import review_controls

HEAD = '<script src="/static/ui.js" defer></script>'


def _q(value: str) -> str:
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class UiRoutes(Links):
    """Links to the web UI's routes."""

    single_page = False

    def index(self) -> str:
        return "/"

    def story(self, story_id: str) -> str:
        return esc(f"/stories/{_q(story_id)}")

    def section(self, story_id: str, section: str) -> str:
        return esc(f"/stories/{_q(story_id)}#{_q(section + '-' + story_id)}")

    def source(self, doc_id: str, start: int | None = None) -> str:
        return esc(f"/documents/{_q(doc_id)}#{_q(doc_anchor(doc_id, start))}")

    def entity(self, story_id: str, entity_id: str) -> str:
        return esc(f"/stories/{_q(story_id)}/entities/{_q(entity_id)}")

    def facts(self, story_id: str) -> str:
        return esc(f"/stories/{_q(story_id)}/facts")

    def asset(self, name: str) -> str:
        return esc(f"/static/{name}")


ROUTES = UiRoutes()


def nav(query: str = "") -> str:
    return (
        '<header class="page"><nav class="site" aria-label="Site"><a href="/">Stories</a>'
        ' · <a href="/documents">Documents</a>'
        ' · <a href="/documents?status=rejected">Rejected inputs</a>'
        '<form action="/search" method="get" role="search">'
        f'<input type="search" name="q" value="{esc(query)}" placeholder="Search the sources"'
        ' aria-label="Search the sources"> <button type="submit">Search</button></form>'
        ' · <a href="/api/stories">JSON API</a></nav></header>'
    )


def ui_page(title: str, body: str, query: str = "") -> HTMLResponse:
    return HTMLResponse(page(title, body, nav_html=nav(query), head_html=HEAD, assets="/static/"))


PAGE_SIZE = 50  # stories per page of the story list
DOCUMENTS_PAGE_SIZE = 500  # rows per page of the document list


def index(request: Request) -> HTMLResponse:
    """The stories, largest first, a page at a time, from the store's summaries (no story
    is loaded in full, however large the case)."""
    store = store_of(request)
    listings = sorted(store.list_stories(), key=lambda s: (-s.documents, s.title))
    pages = max(1, -(-len(listings) // PAGE_SIZE))
    number = _page_number(request, pages)
    shown = listings[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    names = store.key_names([s.id for s in shown], KEY_NAMES)
    items = "".join(story_line(_line(s, names[s.id]), ROUTES) for s in shown)
    rejected = len(store.list_documents("rejected"))
    note = (
        f' · <a href="/documents?status=rejected">{rejected} rejected input(s)</a>'
        if rejected
        else ""
    )
    listing = (
        f'<ol class="stories" start="{(number - 1) * PAGE_SIZE + 1}">{items}</ol>'
        if items
        else '<p class="meta">No stories yet. Build some with <code>dossier build</code> '
        "or <code>POST /api/build</code>.</p>"
    )
    sources = sum(s.documents for s in listings)
    body = (
        f'<h1>Stories</h1><p class="meta">{len(listings)} stories from {sources} sources'
        f"{note}</p>{_pager(number, pages)}{listing}{_pager(number, pages)}"
    )
    return ui_page("Dossier: stories", body)


def _line(listing: StoryListing, names: list[str]) -> StoryLine:
    return StoryLine(
        id=listing.id,
        title=listing.title,
        headline=listing.headline,
        sources=listing.documents,
        outlets=listing.outlets,
        first_date=listing.first_date,
        last_date=listing.last_date,
        events=listing.events,
        conflicts=listing.conflicts,
        names=names,
    )


def _page_number(request: Request, pages: int) -> int:
    raw = request.query_params.get("page", "1")
    if not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, "page must be a whole number from 1")
    if int(raw) > pages:
        raise ApiError(404, f"no page {raw}: the stories fill {pages} page(s)")
    return int(raw)


def _pager(number: int, pages: int, path: str = "/", **params: str) -> str:
    if pages == 1:
        return ""

    def link(n: int, rel: str, label: str) -> str:
        query = urlencode({**{k: v for k, v in params.items() if v}, "page": n})
        return f'<a href="{esc(path)}?{esc(query)}" rel="{rel}">{label}</a>'

    links = [link(number - 1, "prev", "Previous")] if number > 1 else []
    links.append(f"page {number} of {pages}")
    if number < pages:
        links.append(link(number + 1, "next", "Next"))
    return f'<nav class="pages meta" aria-label="Pages">{" · ".join(links)}</nav>'


# ---------------------------------------------------------------- a story


def _filter_form(story: Story, docs: dict[str, Document], f: StoryFilter) -> str:
    people = sorted(
        (e for e in story.entities if e.type in ("PERSON", "ORG")), key=lambda e: -len(e.mentions)
    )[:200]
    outlets = sorted({o for d in story.document_ids if d in docs and (o := docs[d].outlet)})
    kinds = sorted({c.kind for c in story.conflicts})

    def select(name: str, label: str, options: list[tuple[str, str]], chosen: str) -> str:
        opts = "".join(
            f'<option value="{esc(v)}"{" selected" if v == chosen else ""}>{esc(t)}</option>'
            for v, t in [("", "any"), *options]
        )
        return (
            f'<label for="f-{name}">{esc(label)}</label>'
            f'<select id="f-{name}" name="{name}">{opts}</select>'
        )

    clear = f' <a href="{ROUTES.story(story.id)}">Clear</a>' if f.active else ""
    return (
        f'<form class="filters" method="get" action="{ROUTES.story(story.id)}" '
        'aria-label="Filter this story">'
        + select("entity", "Person or organisation", [(e.id, e.name) for e in people], f.entity)
        + select("outlet", "Outlet", [(o, o) for o in outlets], f.outlet)
        + '<label for="f-from">From</label><input id="f-from" name="from" '
        f'placeholder="YYYY-MM-DD" size="10" value="{esc(f.date_from)}">'
        + '<label for="f-to">To</label><input id="f-to" name="to" placeholder="YYYY-MM-DD" '
        f'size="10" value="{esc(f.date_to)}">'
        + select("kind", "Conflict kind", [(k, k) for k in kinds], f.conflict_kind)
        + f'<button type="submit">Filter</button>{clear}</form>'
    )


def _downloads(story: Story) -> str:
    items = "".join(
        f'<li><a href="/stories/{esc(_q(story.id))}/download/{name}" download>{esc(name)}</a> '
        f'<span class="meta">{esc(what)}</span></li>'
        for name, (what, _) in DOWNLOADS.items()
    )
    return (
        '<details class="downloads"><summary>Download this story</summary>'
        f"<ul>{items}</ul></details>"
    )


def story(request: Request) -> HTMLResponse:
    found, docs = story_and_documents(request)
    f = StoryFilter.from_params(request.query_params)
    shown = apply_filter(found, docs, f)
    hooks = review_controls(request, found)
    note = ""
    if f.active:
        note = (
            f'<p class="meta filtered" role="status">Filtered: {len(shown.events)} of '
            f"{len(found.events)} events, {len(shown.conflicts)} of {len(found.conflicts)} "
            f"conflicts, {len(shown.corroborations)} of {len(found.corroborations)} facts.</p>"
        )
    tools = _filter_form(found, docs, f) + note + _downloads(found)
    tools += correction_form(found, docs)
    body = story_body(shown, docs, ROUTES, level=1, hooks=hooks)
    marker = "</nav>"  # the tools go right after the story's table of contents
    body = body.replace(marker, marker + tools, 1)
    dupes = Corpus(documents=tuple(docs.values()), stories=(found,))
    body += other_inputs(dupes, ROUTES, {}, with_texts=False)
    return ui_page(found.title, body)


def facts(request: Request) -> HTMLResponse:
    found, docs = story_and_documents(request)
    labels = SourceLabels(found.document_ids, docs, ROUTES)
    n = len(found.corroborations)
    body = (
        f"<h1>All facts: {esc(found.title)}</h1>"
        f'<p><a href="{ROUTES.story(found.id)}">Back to the story</a></p>'
        + facts_table(found.corroborations, labels, f"All {n} facts, most reported first", None)
    )
    return ui_page(f"All facts: {found.title}", body)


# ---------------------------------------------------------------- documents


def documents(request: Request) -> HTMLResponse:
    status = request.query_params.get("status", "")
    if status not in ("", "ok", "duplicate", "rejected"):
        raise ApiError(400, "status must be ok, duplicate or rejected")
    rows = store_of(request).list_documents(status or None)
    pages = max(1, -(-len(rows) // DOCUMENTS_PAGE_SIZE))
    number = _page_number(request, pages)
    pager = _pager(number, pages, "/documents", status=status)
    shown = rows[(number - 1) * DOCUMENTS_PAGE_SIZE : number * DOCUMENTS_PAGE_SIZE]
    body_rows = "".join(
        f'<tr><td><a href="/documents/{esc(_q(i))}">{esc(i)}</a></td><td>{esc(src)}</td>'
        f"<td>{esc(st)}</td><td>{esc(reason or '')}</td></tr>"
        for i, src, st, reason in shown
    )
    what = {"": "All documents", "ok": "Documents", "duplicate": "Duplicates"}
    heading = what.get(status, "Rejected inputs")
    body = (
        f"<h1>{esc(heading)} ({len(rows)})</h1>"
        '<p class="meta">Show: <a href="/documents">all</a> · '
        '<a href="/documents?status=rejected">rejected</a> · '
        f'<a href="/documents?status=duplicate">duplicates</a></p>{pager}'
        '<div class="scroll"><table><thead><tr><th scope="col">Input</th>'
        '<th scope="col">Source</th><th scope="col">Status</th><th scope="col">Why</th></tr>'
        f"</thead><tbody>{body_rows}</tbody></table></div>{pager}"
    )
    return ui_page(heading, body)


def _span_param(raw: str) -> tuple[int, int] | None:
    start, _, end = raw.partition("-")
    if start.isdigit() and end.isdigit() and int(start) < int(end):
        return int(start), int(end)
    return None


def document(request: Request) -> HTMLResponse:
    store = store_of(request)
    doc_id = request.path_params["doc_id"]
    doc = store.get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r}")
    story_ids = store.stories_of(doc_id)
    stories = [s for s in (store.get_story(i) for i in story_ids) if s is not None]
    spans = cited_spans(stories).get(doc.id, DocSpans())
    query = request.query_params.get("q", "").strip()
    hits: list[tuple[int, int]] = []
    if query:
        check_query(query)  # the search limits bound what highlighting costs too
        hits = hit_spans(doc.clean_text, store.expand(query).terms)
    at = request.query_params.get("at", "")
    target = int(at) if at.isdigit() else None
    chosen = _span_param(request.query_params.get("hl", ""))
    if chosen is not None:
        hits, target = [chosen], chosen[0]
    shared = [(s, e) for s, e, _ in doc.shared_spans]
    text = marked_text(
        doc.clean_text, doc.id, spans.strong, shared, spans.light, hits=hits, target=target
    )
    home = stories[0] if stories else None
    number = SourceLabels(home.document_ids, {}).number(doc.id) if home else doc.id
    others = {d.id: d for d in store.get_documents([o for *_, o in doc.shared_spans])}
    article = source_article(
        doc, number, spans, store.duplicates_of([doc.id]), others, ROUTES, level=1, text_html=text
    )
    where = ", ".join(f'<a href="{ROUTES.story(s.id)}">{esc(s.title)}</a>' for s in stories)
    found = ""
    if query:
        found = (
            f'<p class="meta" role="status">{len(hits)} match(es) for “{esc(query)}”'
            + (' · <a href="#passage">go to the passage</a>' if hits else "")
            + "</p>"
        )
    body = f'<p class="meta">{"Story: " + where if where else "In no story"}</p>{found}{article}'
    return ui_page(doc.title or doc.id, body, query)


# ---------------------------------------------------------------- search


async def search(request: Request) -> HTMLResponse:
    query = request.query_params.get("q", "").strip()
    if not query:
        return _search_page(query, [], ())
    store = store_of(request)

    def answer() -> HTMLResponse:  # in the search thread, the page and all
        return _search_page(query, store.search(query), store.expand(query).spellings)

    return await run_search(request, query, answer)


def _search_page(query: str, hits: list[SearchHit], expanded: tuple[str, ...]) -> HTMLResponse:
    also = (
        f'<p class="meta">Also searched as: {esc(", ".join(expanded))} (merged spellings)</p>'
        if expanded
        else ""
    )
    if not query:
        result = '<p class="meta">Type words to find in the sources.</p>'
    elif not hits:
        result = f'{also}<p class="meta">Nothing found for “{esc(query)}”.</p>'
    else:
        items = "".join(_hit(h, query) for h in hits)
        result = f'{also}<p class="meta">{len(hits)} source(s)</p><ol class="hits">{items}</ol>'
    body = f"<h1>Search</h1>{result}"
    return ui_page(f"Search: {query}" if query else "Search", body, query)


def _hit(hit: SearchHit, query: str) -> str:
    params = {"q": query, **({"at": str(hit.at)} if hit.at is not None else {})}
    target = f"/documents/{_q(hit.doc_id)}?{urlencode(params)}#passage"
    snippet, cursor = [], 0
    for start, end in hit.highlights:
        snippet.append(esc(hit.snippet[cursor:start]))
        snippet.append(f"<mark>{esc(hit.snippet[start:end])}</mark>")
        cursor = end
    snippet.append(esc(hit.snippet[cursor:]))
    status = "" if hit.status == "ok" else f' <span class="badge">{esc(hit.status)}</span>'
    stories = "".join(
        f' <a class="meta" href="{ROUTES.story(s)}">(its story)</a>' for s in hit.story_ids[:1]
    )
    return (
        f'<li><a href="{esc(target)}">{esc(hit.title or hit.doc_id)}</a>{status}'
        f' <span class="meta">{esc(hit.outlet or "")}</span>{stories}<br>{"".join(snippet)}</li>'
    )
