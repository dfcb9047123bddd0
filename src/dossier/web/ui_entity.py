"""One entity of a story: every spelling with its mentions, roles and details per source,
the descriptions linked to it, the events it is part of, the conflicts about it, and each
mention in context."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse

from dossier.model import Citation, Conflict, Document, Entity, Event, RoleClaim, Story
from dossier.report.html_story import format_date
from dossier.report.html_text import SourceLabels
from dossier.report.markup import esc
from dossier.web.api import store_of, story_and_documents
from dossier.web.errors import ApiError
from dossier.web.filters import spellings
from dossier.web.reviews import review_controls
from dossier.web.ui import ROUTES, ui_page

CONTEXT = 90  # characters of context on each side of a mention
MAX_MENTIONS = 300


def _mention_link(cite: Citation) -> str:
    return esc(f"/documents/{quote(cite.doc, safe='')}?hl={cite.start}-{cite.end}#passage")


def _context(doc: Document | None, cite: Citation) -> str:
    if doc is None:
        return esc(cite.quote)
    text = doc.clean_text
    start, end = max(0, cite.start - CONTEXT), min(len(text), cite.end + CONTEXT)
    before = ("…" if start > 0 else "") + text[start : cite.start]
    after = text[cite.end : end] + ("…" if end < len(text) else "")
    return f"{esc(before)}<mark>{esc(text[cite.start : cite.end])}</mark>{esc(after)}"


def _role(claim: RoleClaim) -> str:
    """A role as one source states it; one that another source contradicts says so."""
    return claim.role + (" (disputed: another source gives another side)" if claim.disputed else "")


def _claims_table(title: str, rows: list[tuple[str, Citation]], labels: SourceLabels) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{esc(what)}</td><td>{esc(labels.outlet(c.doc))} [{labels.link(c)}]</td>"
        f"<td>{esc(c.quote)}</td></tr>"
        for what, c in rows
    )
    return (
        f"<h2>{esc(title)}</h2>"
        '<div class="scroll"><table><thead><tr><th scope="col">What</th>'
        '<th scope="col">Source</th><th scope="col">As stated</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _spellings(story: Story, entity: Entity, request: Request) -> str:
    counts = Counter(m.quote for m in entity.mentions)
    hooks = review_controls(request, story)
    canonical = ' <span class="meta">(canonical)</span>'
    rows = "".join(
        f"<tr><td>{esc(name)}{canonical if name == entity.name else ''}"
        f'</td><td class="num">{counts.get(name, 0)}</td>'
        f"<td>{'' if name == entity.name else hooks.merge(story, entity, name)}</td></tr>"
        for name in spellings(entity)
    )
    written = sorted(set(counts) - set(spellings(entity)))
    extra = (
        f'<p class="meta">Also written in the texts: {esc(", ".join(written))}</p>'
        if written
        else ""
    )
    return (
        "<h2>Spellings merged into this entity</h2>"
        '<div class="scroll"><table><thead><tr><th scope="col">Spelling</th>'
        '<th scope="col" class="num">Mentions</th><th scope="col">Review the merge</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></div>{extra}"
    )


def entity(request: Request) -> HTMLResponse:
    story, docs = story_and_documents(request)
    entity_id = request.path_params["entity_id"]
    found = next((e for e in story.entities if e.id == entity_id), None)
    if found is None:
        raise ApiError(404, f"no entity {entity_id!r} in story {story.id!r}")
    labels = SourceLabels(story.document_ids, docs, ROUTES)
    names = tuple(n.casefold() for n in spellings(found))
    events = [
        e
        for e in story.events
        if found.id in e.entity_ids or any(n in e.text.casefold() for n in names)
    ]
    conflicts = [
        c
        for c in story.conflicts
        if any(n in x.quote.casefold() for side in c.sides for x in side.citations for n in names)
    ]
    parts = [
        f"<h1>{esc(found.name)}</h1>",
        f'<p class="meta">{esc(found.type.lower())} in <a href="{ROUTES.story(story.id)}">'
        f"{esc(story.title)}</a> · {len(found.mentions)} mention(s) in "
        f"{len({m.doc for m in found.mentions})} source(s)</p>",
        _other_stories(request, story, found),
        _spellings(story, found, request),
        _claims_table("Roles, per source", [(_role(r), r.citation) for r in found.roles], labels),
        _descriptions(found, labels),
        _claims_table(
            "Age and other details, per source",
            [(f"{a.name}: {a.value}", a.citation) for a in found.attributes],
            labels,
        ),
        _events(events, labels),
        _conflicts(story, conflicts),
        _mentions(found, docs, labels),
    ]
    return ui_page(f"{found.name} — {story.title}", "\n".join(p for p in parts if p))


# not language: how each basis of a description link is shown (a UI label, English like
# the rest of the interface)
_BASIS = {
    "apposition": "named in the same sentence",
    "title-in-document": "the only one with this title in the article",
    "title-in-story": "the only one with this title named in the article",
    "only-holder": "the only one with this title in the story",
    "listed-before": "as many names listed just before",
}


def _descriptions(entity: Entity, labels: SourceLabels) -> str:
    """The descriptions linked to the entity ("the judge"), each with why and the evidence."""
    if not entity.descriptions:
        return ""
    body = "".join(
        f"<tr><td>{esc(d.citation.quote)}</td>"
        f"<td>{esc(labels.outlet(d.citation.doc))} [{labels.link(d.citation)}]</td>"
        f"<td>{esc(_BASIS.get(d.basis, d.basis))}: {esc(d.evidence.quote)} "
        f"[{labels.link(d.evidence)}]</td></tr>"
        for d in entity.descriptions
    )
    return (
        f"<h2>Described as ({len(entity.descriptions)})</h2>"
        '<div class="scroll"><table><thead><tr><th scope="col">Description</th>'
        '<th scope="col">Source</th><th scope="col">Linked because</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _other_stories(request: Request, story: Story, entity: Entity) -> str:
    """The other stories of the store this entity is in (its id is the same in each)."""
    others = [
        (sid, title)
        for sid, title in store_of(request).stories_with_entity(entity.id)
        if sid != story.id
    ]
    if not others:
        return ""
    items = "".join(
        f'<li><a href="{ROUTES.entity(sid, entity.id)}">{esc(title)}</a></li>'
        for sid, title in others
    )
    heading = (
        "Also in another story" if len(others) == 1 else f"Also in {len(others)} other stories"
    )
    return f"<h2>{heading}</h2><ul>{items}</ul>"


def _events(events: list[Event], labels: SourceLabels) -> str:
    if not events:
        return '<h2>Events</h2><p class="meta">No dated event names this entity.</p>'
    rows = "".join(
        f'<tr><td class="date">{esc(format_date(e.date))}</td><td>{esc(e.text)}</td>'
        f"<td>{labels.outlet_links(e.citations)}</td></tr>"
        for e in events
    )
    return (
        f"<h2>Events ({len(events)})</h2>"
        '<div class="scroll"><table class="timeline"><thead><tr><th scope="col">Date</th>'
        '<th scope="col">What happened</th><th scope="col">Reported by</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _conflicts(story: Story, conflicts: list[Conflict]) -> str:
    if not conflicts:
        return '<h2>Conflicts</h2><p class="meta">No conflict between sources about it.</p>'
    items = "".join(
        f'<li><span class="badge warn">{esc(c.kind)}</span> '
        f'<a href="{ROUTES.section(story.id, "conflict-" + c.id)}">{esc(c.description)}</a></li>'
        for c in conflicts
    )
    return f'<h2>Conflicts ({len(conflicts)})</h2><ul class="conflicts">{items}</ul>'


def _mentions(found: Entity, docs: dict[str, Document], labels: SourceLabels) -> str:
    by_doc: dict[str, list[Citation]] = {}
    for m in found.mentions[:MAX_MENTIONS]:
        by_doc.setdefault(m.doc, []).append(m)
    blocks = []
    for doc_id, cites in by_doc.items():
        doc = docs.get(doc_id)
        items = "".join(
            f'<li><a href="{_mention_link(c)}">{_context(doc, c)}</a></li>' for c in cites
        )
        title = esc(doc.title or doc_id) if doc else esc(doc_id)
        blocks.append(
            f"<h3>[{esc(labels.number(doc_id))}] {esc(labels.outlet(doc_id))} — {title} "
            f'<span class="meta">({len(cites)})</span></h3><ul class="mentions">{items}</ul>'
        )
    more = (
        f'<p class="meta">The first {MAX_MENTIONS} of {len(found.mentions)} mentions.</p>'
        if len(found.mentions) > MAX_MENTIONS
        else ""
    )
    return f"<h2>Every mention</h2>{more}" + "".join(blocks)
