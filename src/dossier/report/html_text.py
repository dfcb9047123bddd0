"""HTML building blocks shared by the report and the web UI: escaping, anchors,
citation links and a source's clean text with its cited spans marked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dossier.model import Citation, Document
from dossier.report.links import Links
from dossier.report.markup import doc_anchor, esc


class SourceLabels:
    """How citations name their documents inside one story: ``[n]`` plus the outlet.

    ``links`` says where a citation points:
    a fragment of the same page, another page of the report folder, or a UI route.
    """

    def __init__(
        self,
        story_doc_ids: Sequence[str],
        docs: Mapping[str, Document],
        links: Links | None = None,
    ) -> None:
        self.docs = docs
        self.links = links if links is not None else Links()
        self.numbers = {doc_id: i + 1 for i, doc_id in enumerate(story_doc_ids)}

    def number(self, doc_id: str) -> str:
        return str(self.numbers.get(doc_id, doc_id))

    def outlet(self, doc_id: str) -> str:
        """The outlet, else the title, else the id (for quotes: "— Outlet")."""
        doc = self.docs.get(doc_id)
        return (doc.outlet if doc else None) or (doc.title if doc else None) or doc_id

    def outlet_group(self, doc_id: str) -> str:
        """The outlet a document is grouped under (``unknown outlet`` when none is known)."""
        doc = self.docs.get(doc_id)
        return (doc.outlet if doc else None) or UNKNOWN_OUTLET

    def link(self, cite: Citation, label: str | None = None) -> str:
        """A link to the quoted span, titled with the outlet and the quote."""
        title = f"{self.outlet(cite.doc)}: “{cite.quote}”"
        text = label if label is not None else self.number(cite.doc)
        return (
            f'<a href="{self.links.source(cite.doc, cite.start)}" title="{esc(title)}">'
            f"{esc(text)}</a>"
        )

    def markers(self, cites: Iterable[Citation]) -> str:
        """Superscript ``[1][2]`` markers, one per cited document (first span of each); past
        :data:`MAX_MARKERS`, the rest are counted (``+6``, their numbers in the tooltip)."""
        seen: dict[str, Citation] = {}
        for c in cites:
            seen.setdefault(c.doc, c)
        if not seen:
            return ""
        firsts = list(seen.values())
        shown = "".join(f"[{self.link(c)}]" for c in firsts[:MAX_MARKERS])
        rest = firsts[MAX_MARKERS:]
        if rest:
            numbers = " ".join(f"[{self.number(c.doc)}]" for c in rest)
            shown += (
                f'<span class="more" title="also {esc(numbers)}">+{len(rest)}&#8239;more</span>'
            )
        return f'<sup class="cites">{shown}</sup>'

    def outlet_links(self, cites: Iterable[Citation]) -> str:
        """``Outlet [n][m]`` per outlet citing it (documents grouped under their outlet), each
        number linking to its span; documents of no known outlet are listed by number."""
        by_outlet: dict[str, dict[str, Citation]] = {}
        for c in cites:
            by_outlet.setdefault(self.outlet_group(c.doc), {}).setdefault(c.doc, c)
        parts = []
        for outlet, firsts in by_outlet.items():
            numbers = "".join(f"[{self.link(c)}]" for c in firsts.values())
            name = "" if outlet == UNKNOWN_OUTLET else f"{esc(outlet)}&nbsp;"
            parts.append(f'<span class="nowrap">{name}{numbers}</span>')
        return ", ".join(parts)


UNKNOWN_OUTLET = "unknown outlet"
MAX_MARKERS = 5


@dataclass(frozen=True, slots=True)
class DocSpans:
    """The cited spans of one document: ``strong`` ones (summary, timeline, conflicts) are
    highlighted; ``light`` ones (roles, details, the fact matrix) are only anchored and tinted."""

    strong: tuple[tuple[int, int], ...] = ()
    light: tuple[tuple[int, int], ...] = ()


def marked_text(
    text: str,
    doc_id: str,
    spans: Iterable[tuple[int, int]],
    shared: Iterable[tuple[int, int]] = (),
    light: Iterable[tuple[int, int]] = (),
    hits: Sequence[tuple[int, int]] = (),
    target: int | None = None,
) -> str:
    """``text`` escaped, cited spans marked, with an anchor ``doc-<id>-<start>`` at each start.

    ``spans`` go in ``<mark>``, ``light`` spans in ``<span class="cited">``; passages
    ``shared`` with another document get the ``shared`` class. Search ``hits`` are marked
    ``hit`` with anchors ``hit-1``, ``hit-2``...; the first hit at or after ``target``
    (else the first hit) also gets the anchor ``passage``. Overlapping spans are split
    into segments, so marks never nest.
    """
    strong = _inside(spans, len(text))
    weak = _inside(light, len(text))
    reused = _inside(shared, len(text))
    found = _inside(hits, len(text))
    lengths: dict[int, int] = {}
    for s, e in (*strong, *weak):
        lengths[s] = max(lengths.get(s, 0), e - s)
    hit_ids = _hit_anchors(found, target)
    bounds = sorted({0, len(text)} | _flat(strong) | _flat(weak) | _flat(reused) | _flat(found))
    depth = _coverage(bounds, strong)
    light_depth = _coverage(bounds, weak)
    shared_depth = _coverage(bounds, reused)
    hit_depth = _coverage(bounds, found)
    out: list[str] = []
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        if a in lengths:
            out.append(
                f'<a class="anchor" id="{esc(doc_anchor(doc_id, a))}" data-len="{lengths[a]}"></a>'
            )
        out.extend(f'<a class="anchor" id="{anchor}"></a>' for anchor in hit_ids.get(a, ()))
        chunk = esc(text[a:b])
        shared_class = " shared" if shared_depth[i] else ""
        if hit_depth[i]:
            cited = " cited" if depth[i] else " cited light" if light_depth[i] else ""
            out.append(f'<mark class="hit{cited}{shared_class}">{chunk}</mark>')
        elif depth[i]:
            out.append(f'<mark class="cited{shared_class}">{chunk}</mark>')
        elif light_depth[i]:
            out.append(f'<span class="cited light{shared_class}">{chunk}</span>')
        elif shared_depth[i]:
            out.append(f'<span class="shared" title="also in another source">{chunk}</span>')
        else:
            out.append(chunk)
    return "".join(out)


def _hit_anchors(hits: Sequence[tuple[int, int]], target: int | None) -> dict[int, list[str]]:
    anchors: dict[int, list[str]] = {}
    for n, (start, _) in enumerate(hits, 1):
        anchors.setdefault(start, []).append(f"hit-{n}")
    if hits:
        after = [s for s, _ in hits if target is not None and s >= target]
        anchors.setdefault(after[0] if after else hits[0][0], []).append("passage")
    return anchors


def _inside(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in spans if 0 <= s < e <= length]


def _flat(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {p for span in spans for p in span}


def _coverage(bounds: Sequence[int], spans: Sequence[tuple[int, int]]) -> list[int]:
    """How many spans cover each segment ``bounds[i]:bounds[i+1]``."""
    delta: dict[int, int] = {}
    for s, e in spans:
        delta[s] = delta.get(s, 0) + 1
        delta[e] = delta.get(e, 0) - 1
    depth, running = [], 0
    for b in bounds[:-1]:
        running += delta.get(b, 0)
        depth.append(running)
    return depth
