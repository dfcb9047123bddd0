"""The index of a report with several stories (each story's headline, dates, size, key
people), and the inputs that are in no story (rejected files, duplicates, texts left alone)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.model import Corpus, Document, Story
from dossier.report.html_source import source_article
from dossier.report.html_text import DocSpans
from dossier.report.links import Links
from dossier.report.markup import doc_anchor, esc
from dossier.stories import distinct_size

KEY_NAMES = 4


@dataclass(frozen=True, slots=True)
class StoryLine:
    """What one line of a story list shows (from a whole story, or from the store's
    summary of it, so that a list never needs every story in full)."""

    id: str
    title: str
    headline: str | None
    sources: int
    outlets: Sequence[str]  # sorted
    first_date: str | None
    last_date: str | None
    events: int
    conflicts: int
    names: Sequence[str]  # the key people and organisations, most mentioned first


def key_names(story: Story) -> list[str]:
    """The story's most mentioned people and organisations (at most ``KEY_NAMES``)."""
    ranked = sorted(story.entities, key=lambda e: -len(e.mentions))
    return [e.name for e in ranked if e.type in ("PERSON", "ORG")][:KEY_NAMES]


def story_item(story: Story, docs: Mapping[str, Document], links: Links) -> str:
    dates = sorted(e.date.value for e in story.events)
    outlets = sorted({o for d in story.document_ids if d in docs and (o := docs[d].outlet)})
    line = StoryLine(
        id=story.id,
        title=story.title,
        headline=story.headline.text if story.headline else None,
        sources=distinct_size(story),  # copies of one report count once
        outlets=outlets,
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        events=len(story.events),
        conflicts=len(story.conflicts),
        names=key_names(story),
    )
    return story_line(line, links)


def story_line(line: StoryLine, links: Links) -> str:
    """One ``<li>`` of a story list: title, headline, sources, dates, sizes, key names."""
    span = f"{line.first_date} – {line.last_date}" if line.first_date else "no dated events"
    outlets = list(line.outlets)
    headline = f"<p>{esc(line.headline)}</p>" if line.headline else ""
    shown = ", ".join(outlets[:5]) + (f" and {len(outlets) - 5} more" if len(outlets) > 5 else "")
    return (
        f'<li class="story-item"><h2><a href="{links.story(line.id)}">{esc(line.title)}</a>'
        f"</h2>{headline}"
        f'<p class="meta">{line.sources} source(s)'
        + (f": {esc(shown)}" if shown else "")
        + f" · {esc(span)} · {line.events} events · {line.conflicts} conflict(s)"
        + (f" · {esc(', '.join(line.names))}" if line.names else "")
        + "</p></li>"
    )


def index_body(corpus: Corpus, links: Links) -> str:
    """The list of stories, largest first."""
    docs = corpus.by_id()
    ranked = sorted(corpus.stories, key=lambda s: (-distinct_size(s), s.title))
    items = "".join(story_item(s, docs, links) for s in ranked)
    return (
        f'<section id="stories"><h1>{len(ranked)} stories</h1>'
        '<p class="meta">Largest first. Each story has its overview, timeline, people, '
        "conflicts and sources on its own page.</p>"
        f'<ol class="stories">{items}</ol></section>'
    )


def other_inputs(
    corpus: Corpus,
    links: Links,
    spans: Mapping[str, DocSpans],
    *,
    with_texts: bool = True,
) -> str:
    """Inputs that are in no story: rejected files, duplicates, and ok texts left alone,
    each with why (and, in the one-page report, its text)."""
    in_story = {d for s in corpus.stories for d in s.document_ids}
    rest = [d for d in corpus.documents if d.id not in in_story]
    if not rest:
        return ""
    docs = corpus.by_id()
    rows = []
    for doc in rest:
        if doc.status == "duplicate" and doc.duplicate_of:
            target = docs.get(doc.duplicate_of)
            what = (
                f'duplicate of <a href="{links.source(doc.duplicate_of)}">'
                f"{esc(doc.duplicate_of)}</a>"
                + (f" ({esc(target.outlet)})" if target and target.outlet else "")
            )
            if doc.reason:
                what += f": {esc(doc.reason)}"
        elif doc.status == "rejected":
            what = f"rejected: {esc(doc.reason or 'no reason given')}"
        else:
            what = "not grouped into any story" + (f": {esc(doc.reason)}" if doc.reason else "")
        name = (
            esc(doc.id)
            if links.single_page
            else f'<a href="{links.source(doc.id)}">{esc(doc.id)}</a>'
        )
        row_id = f' id="{esc(doc_anchor(doc.id))}"' if links.single_page else ""
        rows.append(
            f"<tr{row_id}><td>{name}</td><td>{esc(doc.source)}</td>"
            f"<td>{esc(doc.status)}</td><td>{what}</td></tr>"
        )
    texts = ""
    if with_texts:
        texts = "".join(
            f"<details><summary>{esc(d.id)}: text ({len(d.clean_text)} characters)</summary>"
            + source_article(d, d.id, spans.get(d.id, DocSpans()), [], docs, links, with_id=False)
            + "</details>"
            for d in rest
            if d.clean_text
        )
    rejected = sum(1 for d in rest if d.status == "rejected")
    return (
        '<section class="inputs" id="other-inputs">'
        f"<h2>Rejected inputs, duplicates and other texts ({len(rest)}; {rejected} rejected)</h2>"
        '<div class="scroll"><table><thead><tr><th scope="col">Input</th>'
        '<th scope="col">Source</th><th scope="col">Status</th><th scope="col">Why</th></tr>'
        "</thead><tbody>" + "".join(rows) + "</tbody></table></div>" + texts + "</section>"
    )
