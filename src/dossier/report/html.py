"""The self-contained HTML report: one page, inline CSS, no scripts, print-friendly; its
Content-Security-Policy (:mod:`dossier.report.policy`) lets nothing else run or load.

Every piece of source text is HTML-escaped; citation markers link to the
quoted span in the source's clean text (``#doc-<id>-<start>``), where the
quote is highlighted with ``<mark>``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from dossier.model import Corpus, Document
from dossier.report.html_story import (
    detail_citations,
    main_citations,
    source_article,
    story_section,
)
from dossier.report.html_text import DocSpans, doc_anchor, esc, href
from dossier.report.policy import policy_meta, stylesheet


def page(title: str, body: str, *, nav_html: str = "", head_html: str = "") -> str:
    """A complete HTML page with the report's inline stylesheet around ``body``.

    ``body``, ``nav_html`` and ``head_html`` are trusted HTML (already escaped). The page
    carries the Content-Security-Policy of :mod:`dossier.report.policy`: anything inlined
    here (style or script) must be allowed there.
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">{policy_meta()}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{stylesheet()}</style>{head_html}</head>\n"
        f"<body>{nav_html}{body}</body></html>\n"
    )


def cited_spans(corpus: Corpus) -> dict[str, DocSpans]:
    """Per document, the spans the report links to."""
    strong: dict[str, set[tuple[int, int]]] = {}
    light: dict[str, set[tuple[int, int]]] = {}
    for story in corpus.stories:
        for c in main_citations(story):
            strong.setdefault(c.doc, set()).add((c.start, c.end))
        for c in detail_citations(story):
            light.setdefault(c.doc, set()).add((c.start, c.end))
    return {
        doc: DocSpans(tuple(sorted(strong.get(doc, ()))), tuple(sorted(light.get(doc, ()))))
        for doc in strong.keys() | light.keys()
    }


def render_report(
    corpus: Corpus, *, title: str | None = None, nav_html: str = "", head_html: str = ""
) -> str:
    """The whole corpus as one HTML page.

    The web UI passes ``nav_html`` (put above the page) and ``head_html``
    (put in ``<head>``), both trusted HTML; the report file has neither.
    """
    docs = corpus.by_id()
    spans = cited_spans(corpus)
    heading = title or "Dossier"
    # The browser tab names the story when there is only one; the page heading says what it is.
    tab = title or (corpus.stories[0].title if len(corpus.stories) == 1 else "Dossier")
    statuses = Counter(d.status for d in corpus.documents)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    header = [
        '<header class="page">',
        f"<h1>{esc(heading)}</h1>",
        f'<p class="meta">{len(corpus.stories)} story(ies) from {len(corpus.documents)} input(s)'
        f" ({esc(counts or 'none')})"
        + (f" · generated {esc(corpus.generated_at)}" if corpus.generated_at else "")
        + "</p>",
        "</header>",
    ]
    body = ["<main>"]
    if len(corpus.stories) > 1:
        body.append('<nav><ol class="contents">')
        body.extend(
            f'<li><a href="{href("story-" + s.id)}">{esc(s.title)}</a></li>' for s in corpus.stories
        )
        body.append("</ol></nav>")
    if not corpus.stories:
        body.append('<p class="meta">No stories were found in these inputs.</p>')
    body.extend(story_section(story, docs, spans) for story in corpus.stories)
    body.append(other_inputs(corpus.documents, corpus, spans))
    body.append("</main>")
    footer = ""
    if corpus.stage_log:
        log = "\n".join(corpus.stage_log)
        footer = (
            '<footer class="page"><details><summary>How this report was made</summary>'
            f"<pre>{esc(log)}</pre></details></footer>"
        )
    return page(tab, "\n".join([*header, *body, footer]), nav_html=nav_html, head_html=head_html)


def other_inputs(
    documents: Sequence[Document], corpus: Corpus, spans: Mapping[str, DocSpans]
) -> str:
    """Inputs that are in no story: rejected files, duplicates, and ok texts left alone."""
    in_story = {d for s in corpus.stories for d in s.document_ids}
    rest = [d for d in documents if d.id not in in_story]
    if not rest:
        return ""
    docs = corpus.by_id()
    rows = []
    for doc in rest:
        if doc.status == "duplicate" and doc.duplicate_of:
            target = docs.get(doc.duplicate_of)
            what = (
                f'duplicate of <a href="{href(doc_anchor(doc.duplicate_of))}">'
                f"{esc(doc.duplicate_of)}</a>"
                + (f" ({esc(target.outlet)})" if target and target.outlet else "")
            )
            if doc.reason:
                what += f": {esc(doc.reason)}"
        elif doc.status == "rejected":
            what = f"rejected: {esc(doc.reason or 'no reason given')}"
        else:
            what = "not grouped into any story" + (f": {esc(doc.reason)}" if doc.reason else "")
        rows.append(
            f'<tr id="{esc(doc_anchor(doc.id))}"><td>{esc(doc.id)}</td><td>{esc(doc.source)}</td>'
            f"<td>{esc(doc.status)}</td><td>{what}</td></tr>"
        )
    texts = [
        f"<details><summary>{esc(d.id)}: text ({len(d.clean_text)} characters)</summary>"
        + source_article(d, d.id, spans.get(d.id, DocSpans()), [], docs, with_id=False)
        + "</details>"
        for d in rest
        if d.clean_text
    ]
    return (
        '<section class="inputs" id="other-inputs">'
        "<h2>Rejected inputs, duplicates and other texts</h2>"
        "<table><thead><tr><th>Input</th><th>Source</th><th>Status</th><th>Why</th></tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>" + "".join(texts) + "</section>"
    )
