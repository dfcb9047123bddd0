"""The HTML of one story: an overview first (headline, dated summary, key people, main
events, conflicts), a sources panel, then the sections behind a table of contents:
timeline, people and organisations, places, conflicts, who reports what.

Where links point is the caller's choice (:mod:`dossier.report.links`); source texts
are rendered by :mod:`dossier.report.html_source` (inline in the one-page report,
on pages of their own otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from dossier.model import (
    Change,
    Citation,
    Conflict,
    DateValue,
    Document,
    Entity,
    Sentence,
    Story,
)
from dossier.report.html_facts import facts_section
from dossier.report.html_source import published_note, sources_panel
from dossier.report.html_text import SourceLabels
from dossier.report.links import Links
from dossier.report.markup import esc
from dossier.report.ranking import main_events

KEY_PEOPLE = 8
MAIN_EVENTS = 8


class ReviewHooks(Protocol):
    """Extra controls the web UI puts beside a conflict or a merged spelling (review marks)."""

    def conflict(self, story: Story, conflict: Conflict) -> str: ...

    def merge(self, story: Story, entity: Entity, alias: str) -> str: ...


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What the sections of one story page need."""

    story: Story
    docs: Mapping[str, Document]
    labels: SourceLabels
    links: Links
    level: int  # heading level of the story title (1 on its own page, 2 in the one-page report)
    hooks: ReviewHooks | None = None

    def h(self, depth: int, text: str, anchor: str = "") -> str:
        """A heading ``depth`` levels below the story title (escaped text)."""
        n = min(6, self.level + depth)
        ident = f' id="{esc(anchor)}"' if anchor else ""
        return f"<h{n}{ident}>{esc(text)}</h{n}>"

    def anchor(self, section: str) -> str:
        return f"{section}-{self.story.id}"


def main_citations(story: Story) -> Iterator[Citation]:
    """Citations of the summary, timeline and conflicts: highlighted in the source texts."""
    if story.headline is not None:
        yield from story.headline.citations
    for sentence in story.summary:
        yield from sentence.citations
    for event in story.events:
        yield from event.citations
    for conflict in story.conflicts:
        for side in conflict.sides:
            yield from side.citations


def detail_citations(story: Story) -> Iterator[Citation]:
    """Citations of roles, attributes and the fact matrix: anchored, lightly tinted."""
    for entity in story.entities:
        yield from (r.citation for r in entity.roles)
        yield from (a.citation for a in entity.attributes)
    for corroboration in story.corroborations:
        yield from corroboration.citations


def linked_citations(story: Story) -> Iterator[Citation]:
    """Every citation the report links to."""
    yield from main_citations(story)
    yield from detail_citations(story)


def format_date(date: DateValue | None) -> str:
    if date is None:
        return "unknown"
    return ("≈ " if date.approximate else "") + date.value


def story_body(
    story: Story,
    docs: Mapping[str, Document],
    links: Links,
    *,
    level: int = 1,
    hooks: ReviewHooks | None = None,
    extra_sections: Sequence[tuple[str, str, str]] = (),
) -> str:
    """The story's ``<section>``: title, contents, overview, sources panel and the sections.

    ``extra_sections`` are ``(anchor suffix, heading, html)`` added at the end (the one-page
    report puts the source texts there).
    """
    labels = SourceLabels(story.document_ids, docs, links)
    ctx = StoryContext(story, docs, labels, links, level, hooks)
    # not language: the story page's sections (interface text)
    sections = [
        ("overview", "Overview", _overview(ctx)),
        ("changes", "What is new", _changes(ctx)),
        ("sources", "Sources", sources_panel(ctx.h(1, "Sources"), story, docs, labels, links)),
        ("timeline", "Timeline", _timeline(ctx)),
        ("people", "People and organisations", _people(ctx)),
        ("places", "Places", _places(ctx)),
        ("conflicts", "Conflicts", _conflicts(ctx)),
        (
            "facts",
            "Who reports what",
            facts_section(ctx.h(1, "Who reports what"), story, labels, links, ctx.h),
        ),
        *(
            (key, title, f'<section id="{esc(ctx.anchor(key))}">{ctx.h(1, title)}{html}</section>')
            for key, title, html in extra_sections
        ),
    ]
    present = [(key, title, html) for key, title, html in sections if html]
    toc = "".join(
        f'<li><a href="{links.section(story.id, key)}">{esc(title)}</a></li>'
        for key, title, _ in present
    )
    parts = [
        f'<section class="story" id="story-{esc(story.id)}">',
        f"<h{level}>{esc(story.title)}</h{level}>",
        _story_meta(ctx),
        f'<nav class="toc" aria-label="Contents of this story"><ol>{toc}</ol></nav>',
        *(html for _, _, html in present),
        "</section>",
    ]
    return "\n".join(parts)


def _story_meta(ctx: StoryContext) -> str:
    story_docs = [ctx.docs[d] for d in ctx.story.document_ids if d in ctx.docs]
    outlets = sorted({d.outlet for d in story_docs if d.outlet})
    dates = sorted(e.date.value for e in ctx.story.events)
    span = f"{dates[0]} – {dates[-1]}" if dates else "no dated events"
    shown = ", ".join(outlets[:8]) + (f" and {len(outlets) - 8} more" if len(outlets) > 8 else "")
    return (
        f'<p class="meta">{len(story_docs)} source(s): {esc(shown or "outlets unknown")}'
        f" · events {esc(span)} · story id <code>{esc(ctx.story.id)}</code></p>"
    )


# ---------------------------------------------------------------- overview


def _overview(ctx: StoryContext) -> str:
    story = ctx.story
    parts = [f'<section class="overview" id="{esc(ctx.anchor("overview"))}">']
    parts.append(ctx.h(1, "Overview"))
    if story.headline is not None:
        parts.append(
            f'<p class="headline">{esc(story.headline.text)}'
            f"{ctx.labels.markers(story.headline.citations)}</p>"
        )
    latest = _latest_source_date(ctx)
    parts.append(ctx.h(2, "Summary" + (f" as of {latest}" if latest else "")))
    if story.summary:
        parts.append('<div class="summary">')
        parts.extend(
            f'<p><span class="when">{esc(_as_of(s))}</span> '
            f"{esc(s.text)}{ctx.labels.markers(s.citations)}</p>"
            for s in story.summary
        )
        parts.append("</div>")
    else:
        parts.append('<p class="meta">No summary could be written with citations.</p>')
    parts.append(_legend())
    parts.append('<div class="overview-grid">')
    parts.append(_key_people(ctx))
    parts.append(_main_events(ctx))
    parts.append("</div>")
    parts.append(_conflict_overview(ctx))
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _as_of(sentence: Sentence) -> str:
    """ "As of 2020-01-21:": the date of the report the sentence is quoted from (what it
    states was so then; a later report may say otherwise), after the date of what it
    reports when the sentence gives it ("2019-10 (as of 2020-01-09):"): the summary is in
    the order of those dates."""
    as_of = f"as of {format_date(sentence.as_of)}" if sentence.as_of else "undated"
    when = sentence.event_date
    if when is None or (sentence.as_of is not None and when.value == sentence.as_of.value):
        return as_of[:1].upper() + as_of[1:] + ":"
    return f"{format_date(when)} ({as_of}):"


def _latest_source_date(ctx: StoryContext) -> str:
    dates = [
        ctx.docs[d].published.date.value  # type: ignore[union-attr]
        for d in ctx.story.document_ids
        if d in ctx.docs and ctx.docs[d].published.date is not None
    ]
    return f"{max(dates)} (the latest source)" if dates else ""


def _legend() -> str:
    return (
        '<aside class="legend" aria-label="How to read this report"><strong>How to read this:'
        "</strong> <sup>[n]</sup> cites source n (see Sources) and opens the quoted passage; "
        'in a source, <mark class="cited">highlighted</mark> text is quoted by the summary, '
        'timeline or conflicts, <span class="cited light">faintly tinted</span> text is cited '
        'for a role or detail, <span class="shared">dotted</span> text also appears in another '
        "source (so it is not independent confirmation), and the passage a link opened is "
        '<mark class="current">outlined</mark>.</aside>'
    )


def _key_people(ctx: StoryContext) -> str:
    people = sorted(
        (e for e in ctx.story.entities if e.type in ("PERSON", "ORG")),
        key=lambda e: -len(e.mentions),
    )[:KEY_PEOPLE]
    if not people:
        return ""
    items = []
    for e in people:
        roles = e.role_summary
        ages = sorted({str(a.value) for a in e.attributes if a.name == "age"})
        details = "; ".join(p for p in (roles, f"age {'/'.join(ages)}" if ages else "") if p)
        items.append(
            f'<li><a href="{ctx.links.entity(ctx.story.id, e.id)}">{esc(e.name)}</a>'
            + (f' <span class="meta">— {esc(details)}</span>' if details else "")
            + "</li>"
        )
    return f"<div>{ctx.h(2, 'Key people and organisations')}<ul>{''.join(items)}</ul></div>"


def _main_events(ctx: StoryContext) -> str:
    events = ctx.story.events
    if not events:
        return ""
    chosen = main_events(ctx.story, ctx.docs, MAIN_EVENTS)
    rows = "".join(
        f'<li><span class="date">{esc(format_date(e.date))}</span> {esc(e.text)}'
        f"{ctx.labels.markers(e.citations)}</li>"
        for e in chosen
    )
    more = (
        f' <a href="{ctx.links.section(ctx.story.id, "timeline")}">All {len(events)} events</a>'
        if len(events) > len(chosen)
        else ""
    )
    return f'<div>{ctx.h(2, "Main events")}<ul class="events">{rows}</ul>{more}</div>'


def _conflict_overview(ctx: StoryContext) -> str:
    conflicts = ctx.story.conflicts
    if not conflicts:
        return f'{ctx.h(2, "Conflicts")}<p class="meta">Sources do not contradict each other.</p>'
    items = "".join(
        f'<li><span class="badge warn">{esc(c.kind)}</span> '
        f'<a href="{ctx.links.section(ctx.story.id, "conflict-" + c.id)}">'
        f"{esc(c.description)}</a></li>"
        for c in conflicts
    )
    return f'{ctx.h(2, f"Conflicts ({len(conflicts)})")}<ul class="conflicts">{items}</ul>'


# ---------------------------------------------------------------- sections

CHANGE_BUILDS = 5  # builds whose changes the page lists (the rest are counted)


def _changes(ctx: StoryContext) -> str:
    """The story's change log (kept by the store), latest build first."""
    changes = getattr(ctx.story, "changes", ())
    if not changes:
        return ""
    by_build: dict[int, list[Change]] = {}
    for change in changes:
        by_build.setdefault(change.build, []).append(change)
    builds = sorted(by_build, reverse=True)
    # The latest build's changes are what is new since the build before it.
    title = "What is new"
    if len(builds) > 1:
        title = f"What is new since {by_build[builds[1]][0].at[:10]}"
    parts = [f'<section id="{esc(ctx.anchor("changes"))}">', ctx.h(1, title)]
    for build in builds[:CHANGE_BUILDS]:
        items = by_build[build]
        items_html = "".join(
            f'<li><span class="badge">{esc(c.kind)}</span> {esc(c.text)}</li>' for c in items
        )
        parts.append(
            ctx.h(2, f"Build {build}, {items[0].at[:10]}")
            + f'<ul class="changes">{items_html}</ul>'
        )
    if len(builds) > CHANGE_BUILDS:
        older = sum(len(by_build[b]) for b in builds[CHANGE_BUILDS:])
        parts.append(
            f'<p class="meta">{older} earlier change(s) in {len(builds) - CHANGE_BUILDS} '
            "earlier build(s); the store keeps them all.</p>"
        )
    parts.append("</section>")
    return "".join(parts)


def _timeline(ctx: StoryContext) -> str:
    head = ctx.h(1, "Timeline", ctx.anchor("timeline"))
    if not ctx.story.events:
        return head + '<p class="meta">No dated events found.</p>'
    rows = [
        f'<tr><td class="date">{esc(format_date(e.date))}</td><td>{esc(e.text)}</td>'
        f"<td>{ctx.labels.outlet_links(e.citations)}</td></tr>"
        for e in ctx.story.events
    ]
    return (
        head + '<div class="scroll"><table class="timeline"><thead><tr><th scope="col">Date</th>'
        '<th scope="col">What happened</th><th scope="col">Reported by</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def _roles(entity: Entity, labels: SourceLabels) -> str:
    by_role: dict[str, list[Citation]] = {}
    for claim in entity.roles:
        by_role.setdefault(claim.role.lower(), []).append(claim.citation)
    shown = ", ".join(f"{esc(role)}{labels.markers(c)}" for role, c in sorted(by_role.items()))
    disputed = any(claim.disputed for claim in entity.roles)
    return shown + (' <span class="badge warn">sources disagree</span>' if disputed else "")


def _attributes(entity: Entity, labels: SourceLabels) -> str:
    by_name: dict[str, dict[str | int, list[Citation]]] = {}
    for claim in entity.attributes:
        by_name.setdefault(claim.name, {}).setdefault(claim.value, []).append(claim.citation)
    items = []
    for name, values in by_name.items():
        ranked = sorted(values.items(), key=lambda kv: -len(kv[1]))
        shown = " / ".join(f"{esc(v)}{labels.markers(c)}" for v, c in ranked)
        warn = ' <span class="badge warn">sources differ</span>' if len(values) > 1 else ""
        items.append(f"{esc(name)}: {shown}{warn}")
    return "<br>".join(items)


def _aliases(ctx: StoryContext, entity: Entity) -> str:
    hooks = ctx.hooks
    if hooks is None:
        return esc(", ".join(entity.aliases))
    return ", ".join(
        f'<span class="alias">{esc(a)}{hooks.merge(ctx.story, entity, a)}</span>'
        for a in entity.aliases
    )


def _people(ctx: StoryContext) -> str:
    people = [e for e in ctx.story.entities if e.type != "PLACE"]
    if not people:
        return ""
    rows = [
        f'<tr id="{esc(f"entity-{ctx.story.id}-{e.id}")}">'
        f'<td><a href="{ctx.links.entity(ctx.story.id, e.id)}"><strong>{esc(e.name)}</strong></a>'
        f"</td><td>{esc(e.type.lower())}</td><td>{_aliases(ctx, e)}</td>"
        f"<td>{_roles(e, ctx.labels)}</td>"
        f'<td>{_attributes(e, ctx.labels)}</td><td class="num">{len(e.mentions)}</td></tr>'
        for e in people
    ]
    return (
        ctx.h(1, "People and organisations", ctx.anchor("people"))
        + '<div class="scroll"><table class="entities"><thead><tr><th scope="col">Name</th>'
        '<th scope="col">Type</th><th scope="col">Also written</th><th scope="col">Roles</th>'
        '<th scope="col">Age and other details</th><th scope="col" class="num">Mentions</th>'
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def _places(ctx: StoryContext) -> str:
    places = [e for e in ctx.story.entities if e.type == "PLACE"]
    head = ctx.h(1, "Places", ctx.anchor("places"))
    if not places:
        return head + '<p class="meta">No places found.</p>'
    items = [
        f'<li id="{esc(f"entity-{ctx.story.id}-{p.id}")}">'
        f'<a href="{ctx.links.entity(ctx.story.id, p.id)}">{esc(p.name)}</a>'
        + (f' <span class="meta">(also {_aliases(ctx, p)})</span>' if p.aliases else "")
        + f' <span class="meta">· {len(p.mentions)} mention(s)</span></li>'
        for p in places
    ]
    return head + '<ul class="places">' + "".join(items) + "</ul>"


def _conflicts(ctx: StoryContext) -> str:
    head = ctx.h(1, "Conflicts", ctx.anchor("conflicts"))
    if not ctx.story.conflicts:
        return head + '<p class="meta">No conflicts between sources were found.</p>'
    out = [head]
    for conflict in ctx.story.conflicts:
        sides = []
        for side in conflict.sides:
            quotes = "".join(
                f'<blockquote>{esc(c.quote)}<span class="meta">— {esc(ctx.labels.outlet(c.doc))}'
                f" [{ctx.labels.link(c)}]</span></blockquote>"
                for c in side.citations
            )
            sides.append(
                f'<div class="side"><p class="side-says">{esc(side.text)}</p>{quotes}</div>'
            )
        review = ctx.hooks.conflict(ctx.story, conflict) if ctx.hooks is not None else ""
        out.append(
            f'<div class="conflict" id="{esc(ctx.anchor("conflict-" + conflict.id))}">'
            f'<p><span class="badge warn">{esc(conflict.kind)}</span> '
            f"{esc(conflict.description)}{review}</p>"
            f'<div class="sides">{"".join(sides)}</div></div>'
        )
    return "\n".join(out)


__all__ = [
    "ReviewHooks",
    "detail_citations",
    "format_date",
    "linked_citations",
    "main_citations",
    "published_note",
    "story_body",
]
