"""Sources: the panel listing a story's sources (outlet, title, date and its basis, URL),
and one source's page: what is known about it, its flags, what cleaning removed, and
its clean text with the cited passages marked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from dossier.model import DateValue, Document, Story
from dossier.report.html_text import DocSpans, SourceLabels, marked_text
from dossier.report.json_out import removal_summary
from dossier.report.links import Links
from dossier.report.markup import doc_anchor, esc
from dossier.stories.reasons import describe

# not language: how the report names each provenance basis (interface text)
_BASIS_NAMES = {
    "sources-file": "sources file",
    "canonical-link": "canonical link",
    "og:url": "og:url",
    "og:site_name": "og:site_name",
    "metadata": "page metadata",
    "page": "date printed on the page",
    "content": "the text's own dates",
    "folder": "folder name",
    "filename": "file name",
    "none": "no evidence",
}


def _date(date: DateValue | None) -> str:
    if date is None:
        return "unknown"
    return ("≈ " if date.approximate else "") + date.value


def basis_label(basis: str | None, default: str = "the page") -> str:
    return _BASIS_NAMES.get(basis or "", basis or default)


def published_note(doc: Document) -> str:
    p = doc.published
    text = _date(p.date)
    if p.date is not None:
        text += f" ({p.date.granularity}; decided from {basis_label(p.basis)})"
    else:
        text += f" ({p.basis})"
    if p.page_date:
        text += f"; printed on the page as “{p.page_date}”"
    d = doc.dating
    if d.earliest is not None or d.latest is not None:
        low = d.earliest.value if d.earliest else "?"
        high = d.latest.value if d.latest else "?"
        text += f"; between {low} and {high}"
    if d.updated is not None:
        text += f"; last updated {d.updated.value}"
    if d.evidence and p.basis == "content":
        text += f" ({d.evidence})"
    return text


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


def _basis(doc: Document, field: str) -> str | None:
    return next((p.basis for p in doc.provenance if p.field == field), None)


def url_link(url: str | None) -> str:
    """A link to an article's URL; anything but http(s) is shown as text, never linked."""
    if not url:
        return '<span class="meta">–</span>'
    if not url.lower().startswith(("http://", "https://")):
        return esc(url)
    return f'<a class="url" href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>'


def sources_panel(
    heading: str,
    story: Story,
    docs: Mapping[str, Document],
    labels: SourceLabels,
    links: Links,
) -> str:
    """The story's sources at the top of its page, collapsed: [n], outlet, title, date with
    its basis, URL (the title opens the source's page), and why the source is in the story
    (its membership); copies of one report are counted once."""
    rows = []
    outlets = set()
    why = {m.doc: describe(m) for m in story.membership}
    for doc_id in story.document_ids:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        outlets.add(labels.outlet_group(doc_id))
        outlet_basis = _basis(doc, "outlet")
        outlet = esc(doc.outlet or "unknown")
        if doc.outlet and outlet_basis:
            outlet += f' <span class="meta">({esc(basis_label(outlet_basis))})</span>'
        p = doc.published
        rows.append(
            f"<tr><td>{esc(labels.number(doc_id))}</td><td>{outlet}</td>"
            f'<td><a href="{links.source(doc_id)}">{esc(doc.title or doc.id)}</a></td>'
            f'<td class="date">{esc(_date(p.date))} <span class="meta">'
            f"({esc(basis_label(p.basis))})</span></td><td>{url_link(doc.url)}</td>"
            f'<td class="why">{esc(why.get(doc_id, ""))}</td></tr>'
        )
    copies = sum(1 for m in story.membership if m.basis == "duplicate" and m.doc in docs)
    counted = f"{len(rows) - copies} source(s)" + (f" and {copies} copies" if copies > 0 else "")
    summary = (
        f"{counted} from {len(outlets)} outlet(s): outlet, title, date, URL, why in this story"
    )
    return (
        f'<section id="{esc("sources-" + story.id)}">{heading}'
        f'<details class="sources"><summary>{esc(summary)}</summary><div class="scroll">'
        '<table class="sources"><thead><tr><th scope="col">#</th><th scope="col">Outlet</th>'
        '<th scope="col">Title</th><th scope="col">Published (basis)</th>'
        '<th scope="col">URL</th><th scope="col">Why in this story</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div></details></section>"
    )


def source_article(
    doc: Document,
    number: str,
    spans: DocSpans,
    duplicates: Sequence[Document],
    docs: Mapping[str, Document],
    links: Links | None = None,
    *,
    with_id: bool = True,
    level: int = 3,
    text_html: str | None = None,
) -> str:
    """One source: what is known about it, then its clean text with cited spans marked.

    ``with_id`` gives the article the id ``doc-<id>`` that links to the source point at;
    ``text_html`` replaces the marked clean text (the web UI adds search hits).
    """
    links = links or Links()
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in _meta_rows(doc, duplicates, docs, links))
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
        blocks = "".join(
            f'<p class="removed-reason">{esc(r.reason)}</p><pre>{esc(r.text)}</pre>'
            for r in doc.removals
        )
        removed = f'<details class="removed"><summary>{esc(note)}</summary>{blocks}</details>'
    title = esc(doc.title or doc.id)
    outlet = esc(doc.outlet or "unknown outlet")
    if text_html is None:
        shared = [(s, e) for s, e, _ in doc.shared_spans]
        text_html = marked_text(doc.clean_text, doc.id, spans.strong, shared, spans.light)
    element_id = f' id="{esc(doc_anchor(doc.id))}"' if with_id else ""
    n = min(6, level)
    return (
        f'<article class="source"{element_id}>'
        f"<h{n}>[{esc(number)}] {outlet} — {title}</h{n}><dl>{meta}</dl>{flags}{removed}"
        f'<div class="text">{text_html}</div></article>'
    )


def _meta_rows(
    doc: Document, duplicates: Sequence[Document], docs: Mapping[str, Document], links: Links
) -> list[tuple[str, str]]:
    outlet = esc(doc.outlet or "unknown")
    if doc.outlet:
        outlet += f' <span class="meta">(from {esc(basis_label(_basis(doc, "outlet")))})</span>'
    rows = [("Outlet", outlet)]
    if doc.url:
        url_basis = basis_label(_basis(doc, "url"))
        rows.append(
            ("URL", f'{url_link(doc.url)} <span class="meta">(from {esc(url_basis)})</span>')
        )
    rows += [("Published", esc(published_note(doc))), ("Input", esc(doc.source))]
    if doc.declared is not None:
        rows.append(("Listed in", esc(doc.declared.listed_in)))
    if doc.status != "ok":
        rows.append(("Status", esc(doc.status + (f": {doc.reason}" if doc.reason else ""))))
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
                    f'<a href="{links.source(o)}">'
                    f"{esc((docs[o].outlet or o) if o in docs else o)}</a>"
                    f" ({n} passage{'s' if n != 1 else ''})"
                    for o, n in others.items()
                ),
            )
        )
    if doc.credit is not None:
        rows.append(("Credits", esc(f"{doc.credit.name} (“{doc.credit.text}”)")))
    if duplicates:
        rows.append(
            (
                "Reprints",
                ", ".join(
                    f'<a href="{links.source(d.id)}">{esc(d.id)}</a> '
                    f"({esc(d.outlet or d.source)}, {esc(_date(d.published.date))})"
                    for d in duplicates
                ),
            )
        )
    return rows


__all__ = [
    "SourceLabels",
    "basis_label",
    "published_note",
    "removal_note",
    "source_article",
    "sources_panel",
    "url_link",
]
