"""The HTML of one story: summary, timeline, people, places, conflicts,
corroboration matrix and every source's cleaned text with its cited spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from dossier.model import Citation, DateValue, Document, Entity, Story
from dossier.report.html_text import (
    DocSpans,
    SourceLabels,
    doc_anchor,
    esc,
    href,
    marked_text,
)
from dossier.report.json_out import removal_summary


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


def story_section(
    story: Story,
    docs: Mapping[str, Document],
    spans: Mapping[str, DocSpans],
) -> str:
    """``<section>`` for one story; ``spans`` are the cited spans to mark, per document."""
    labels = SourceLabels(story.document_ids, docs)
    story_docs = [docs[d] for d in story.document_ids if d in docs]
    outlets = sorted({d.outlet for d in story_docs if d.outlet})
    dates = [e.date.value for e in story.events]
    span_text = f"{min(dates)} – {max(dates)}" if dates else "no dated events"
    parts = [
        f'<section class="story" id="story-{esc(story.id)}">',
        f"<h2>{esc(story.title)}</h2>",
        f'<p class="meta">{len(story_docs)} source(s): '
        f"{esc(', '.join(outlets) or 'unknown outlets')}"
        f" · {esc(span_text)} · story id <code>{esc(story.id)}</code></p>",
        _summary(story, labels),
        _timeline(story, labels),
        _people(story, labels),
        _places(story),
        _conflicts(story, labels),
        _matrix(story, labels, outlets),
        "<h3>Sources</h3>",
    ]
    duplicates: dict[str, list[Document]] = {}
    for doc in docs.values():
        if doc.duplicate_of:
            duplicates.setdefault(doc.duplicate_of, []).append(doc)
    for doc in story_docs:
        parts.append(
            source_article(
                doc,
                labels.number(doc.id),
                spans.get(doc.id, DocSpans()),
                duplicates.get(doc.id, []),
                docs,
            )
        )
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _summary(story: Story, labels: SourceLabels) -> str:
    out = []
    if story.headline is not None:
        out.append(
            f'<p class="headline">{esc(story.headline.text)}'
            f"{labels.markers(story.headline.citations)}</p>"
        )
    if story.summary:
        out.append('<div class="summary">')
        out.extend(f"<p>{esc(s.text)}{labels.markers(s.citations)}</p>" for s in story.summary)
        out.append("</div>")
    if not out:
        out.append('<p class="meta">No summary could be written with citations.</p>')
    return "\n".join(out)


def _timeline(story: Story, labels: SourceLabels) -> str:
    if not story.events:
        return '<h3>Timeline</h3><p class="meta">No dated events found.</p>'
    rows = [
        f'<tr><td class="date">{esc(format_date(e.date))}</td><td>{esc(e.text)}</td>'
        f"<td>{labels.outlet_links(e.citations)}</td></tr>"
        for e in story.events
    ]
    return (
        '<h3>Timeline</h3><table class="timeline"><thead><tr><th>Date</th><th>What happened</th>'
        "<th>Reported by</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _roles(entity: Entity, labels: SourceLabels) -> str:
    by_role: dict[str, list[Citation]] = {}
    for claim in entity.roles:
        by_role.setdefault(claim.role.lower(), []).append(claim.citation)
    return ", ".join(f"{esc(role)}{labels.markers(c)}" for role, c in sorted(by_role.items()))


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


def _people(story: Story, labels: SourceLabels) -> str:
    people = [e for e in story.entities if e.type != "PLACE"]
    if not people:
        return ""
    rows = [
        f"<tr><td><strong>{esc(e.name)}</strong></td><td>{esc(e.type.lower())}</td>"
        f"<td>{esc(', '.join(e.aliases))}</td><td>{_roles(e, labels)}</td>"
        f'<td>{_attributes(e, labels)}</td><td class="num">{len(e.mentions)}</td></tr>'
        for e in people
    ]
    return (
        '<h3>People and organisations</h3><table class="entities"><thead><tr><th>Name</th>'
        "<th>Type</th><th>Also written</th><th>Roles</th><th>Age and other details</th>"
        '<th class="num">Mentions</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
    )


def _places(story: Story) -> str:
    places = [e for e in story.entities if e.type == "PLACE"]
    if not places:
        return ""
    items = [
        f"<li>{esc(p.name)}"
        + (f' <span class="meta">(also {esc(", ".join(p.aliases))})</span>' if p.aliases else "")
        + f' <span class="meta">· {len(p.mentions)} mention(s)</span></li>'
        for p in places
    ]
    return '<h3>Places</h3><ul class="places">' + "".join(items) + "</ul>"


def _conflicts(story: Story, labels: SourceLabels) -> str:
    if not story.conflicts:
        return '<h3>Conflicts</h3><p class="meta">No conflicts between sources were found.</p>'
    out = ["<h3>Conflicts</h3>"]
    for conflict in story.conflicts:
        sides = []
        for side in conflict.sides:
            quotes = "".join(
                f'<blockquote>{esc(c.quote)}<span class="meta">— {esc(labels.outlet(c.doc))}'
                f" [{labels.link(c)}]</span></blockquote>"
                for c in side.citations
            )
            sides.append(f'<div class="side"><h4>{esc(side.text)}</h4>{quotes}</div>')
        out.append(
            f'<div class="conflict" id="conflict-{esc(story.id)}-{esc(conflict.id)}">'
            f'<p><span class="badge warn">{esc(conflict.kind)}</span> '
            f"{esc(conflict.description)}</p>"
            f'<div class="sides">{"".join(sides)}</div></div>'
        )
    return "\n".join(out)


def _matrix(story: Story, labels: SourceLabels, outlets: Sequence[str]) -> str:
    if not story.corroborations:
        return ""
    columns = list(dict.fromkeys([*outlets, *(o for c in story.corroborations for o in c.outlets)]))
    head = "".join(f"<th>{esc(o)}</th>" for o in columns)
    rows = []
    for fact in story.corroborations:
        by_outlet: dict[str, Citation] = {}
        for c in fact.citations:
            by_outlet.setdefault(labels.outlet(c.doc), c)
        cells = []
        for outlet in columns:
            if outlet in by_outlet:
                cells.append(f'<td class="yes">{labels.link(by_outlet[outlet], "✓")}</td>')
            elif outlet in fact.outlets:
                cells.append('<td class="yes">✓</td>')
            else:
                cells.append('<td class="no">·</td>')
        rows.append(
            f"<tr><td>{esc(fact.text)}</td>{''.join(cells)}"
            f'<td class="num">{fact.independent_sources}</td></tr>'
        )
    return (
        '<h3>Who reports what</h3><table class="matrix"><thead><tr><th>Fact</th>'
        f'{head}<th class="num">Independent sources</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
        + _profiles(story)
    )


def _profiles(story: Story) -> str:
    """Per outlet: facts others confirm, facts only it reports, facts it leaves out."""
    profiles = getattr(story, "outlet_profiles", ())
    if not profiles:
        return ""
    facts = {c.id: c.text for c in story.corroborations}

    def listed(ids: Sequence[str]) -> str:
        return "<br>".join(esc(facts.get(i, i)) for i in ids) or '<span class="meta">none</span>'

    rows = "".join(
        f"<tr><td>{esc(p.outlet)}</td><td>{listed(p.confirmed)}</td>"
        f"<td>{listed(p.only_here)}</td><td>{listed(p.omitted)}</td></tr>"
        for p in profiles
    )
    return (
        '<table class="profiles"><thead><tr><th>Outlet</th><th>Confirmed by others</th>'
        "<th>Only this outlet</th><th>Left out (most others report it)</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def removal_note(doc: Document) -> str:
    """``removed: related-links (47 lines), navigation (3 lines)``, or "" when nothing was."""
    rows = removal_summary(doc.removals)
    if not rows:
        return ""
    parts = [
        f"{reason} ({lines} line{'s' if lines != 1 else ''}"
        + (f" in {blocks} blocks" if blocks > 1 else "")
        + ")"
        for reason, blocks, lines in rows
    ]
    return "removed: " + ", ".join(parts)


def published_note(doc: Document) -> str:
    p = doc.published
    text = format_date(p.date)
    if p.date is not None:
        text += f" ({p.date.granularity}; decided from {p.basis})"
    else:
        text += f" ({p.basis})"
    if p.page_date:
        text += f"; printed on the page as “{p.page_date}”"
    return text


def source_article(
    doc: Document,
    number: str,
    spans: DocSpans,
    duplicates: Sequence[Document],
    docs: Mapping[str, Document],
    *,
    with_id: bool = True,
) -> str:
    """One source: what is known about it, then its clean text with cited spans marked.

    ``with_id`` gives the article the id ``doc-<id>`` that links to the source point at.
    """
    rows = [("Source", esc(doc.source)), ("Published", esc(published_note(doc)))]
    if doc.author:
        rows.append(("Author", esc(doc.author)))
    if doc.dateline_place:
        rows.append(("Dateline", esc(doc.dateline_place)))
    if doc.shared_spans:
        others = Counter(other for _, _, other in doc.shared_spans)
        rows.append(
            (
                "Shares text with",
                ", ".join(
                    f'<a href="{href(doc_anchor(o))}">'
                    f"{esc((docs[o].outlet or o) if o in docs else o)}</a>"
                    f" ({n} passage{'s' if n != 1 else ''})"
                    for o, n in others.items()
                ),
            )
        )
    if duplicates:
        rows.append(
            (
                "Duplicates",
                ", ".join(
                    f'<a href="{href(doc_anchor(d.id))}">{esc(d.id)}</a>'
                    f" ({esc(d.outlet or d.source)})"
                    for d in duplicates
                ),
            )
        )
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    flags = ""
    if doc.flags:
        flags = (
            '<ul class="flags">'
            + "".join(
                f"<li><strong>{esc(f.kind)}</strong>: {esc(f.message)}</li>" for f in doc.flags
            )
            + "</ul>"
        )
    removed = ""
    note = removal_note(doc)
    if note:
        blocks = "".join(f"<h4>{esc(r.reason)}</h4><pre>{esc(r.text)}</pre>" for r in doc.removals)
        removed = f'<details class="removed"><summary>{esc(note)}</summary>{blocks}</details>'
    title = esc(doc.title or doc.id)
    outlet = esc(doc.outlet or "unknown outlet")
    shared = [(s, e) for s, e, _ in doc.shared_spans]
    text = marked_text(doc.clean_text, doc.id, spans.strong, shared, spans.light)
    element_id = f' id="{esc(doc_anchor(doc.id))}"' if with_id else ""
    return (
        f'<article class="source"{element_id}>'
        f"<h4>[{esc(number)}] {outlet} — {title}</h4><dl>{meta}</dl>{flags}{removed}"
        f'<div class="text">{text}</div></article>'
    )
