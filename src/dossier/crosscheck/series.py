"""Estimate series: one figure revised, whoever gives each revision.

A report that sets a figure against the earlier one it replaces ("5,000 barrels a day are
spilling, far more than the previous estimate of 1,000"; "BP's initial estimate was 1,000
barrels a day, and NOAA later put it at roughly 5,000") links the two as steps of one
estimate, though a company gave one and a government agency the other. Figures of one unit
so linked form a series: two of its figures are a revision, never a conflict, and the series
is shown as one dated :class:`~dossier.model.Revision`. Nothing links figures no report
relates (an official figure and an independent scientist's stay a conflict).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dossier.crosscheck.amounts import Amount
from dossier.crosscheck.items import Item, same_period
from dossier.crosscheck.reading import Lexicon
from dossier.ids import digest
from dossier.model import Citation, DateValue, Revision, RevisionStep

# (item, amount, unit) for every figure a story's frames give
Figure = tuple[Item, Amount, str]
# (earlier figure, later figure, the frames giving each) as one sentence relates them
Link = tuple[Amount, Amount, Item, Item]


@dataclass(slots=True)
class Series:
    """The figures of one unit that reports link as earlier and later values of one
    estimate, and the claims that link them."""

    unit: str
    kind: str
    nodes: list[Amount] = field(default_factory=list)
    links: list[Item] = field(default_factory=list)
    # Per node, the step it is (a series restated in another unit has several figures per
    # step: "200,000" and "210,000 gallons" both restate 5,000 barrels); empty: one each.
    steps: list[int] = field(default_factory=list)

    def node_of(self, amount: Amount) -> int | None:
        return next((k for k, n in enumerate(self.nodes) if n.compatible(amount)), None)

    def relates(self, a: Amount, b: Amount) -> bool:
        """Two different figures of this series."""
        na, nb = self.node_of(a), self.node_of(b)
        if na is None or nb is None:
            return False
        return self.steps[na] != self.steps[nb] if self.steps else na != nb


def restated_series(series: Sequence[Series], figures: Sequence[Figure]) -> list[Series]:
    """Each series in the other units its figures are restated in ("1,000 barrels (42,000
    gallons) a day" puts 42,000 gallons a day in the series of 1,000 barrels a day)."""
    out: list[Series] = []
    for s in series:
        by_unit: dict[str, Series] = {}
        for item, amount, unit in figures:
            other = amount.restates
            if other is None or unit == s.unit or other[2] != s.unit:
                continue
            step = s.node_of(Amount(other[0], other[1], "exact", other[2], 0, 0, 0))
            if step is not None:
                restated = by_unit.setdefault(unit, Series(unit, s.kind))
                restated.nodes.append(amount)
                restated.steps.append(step)
                restated.links.append(item)
        out.extend(r for r in by_unit.values() if len(set(r.steps)) >= 2)
    return out


def find_series(figures: Sequence[Figure], lexicon: Lexicon, days: int) -> list[Series]:
    """Per unit, the figures reports link as earlier / later values of one estimate: one
    report gives both, one told as the earlier figure ("the previous estimate", "BP
    initially put it at", "had estimated"), the other as the current one, of the same kind
    of event, or in one sentence whose earlier figure is an estimate ("5,000 barrels a day,
    up from an earlier estimate of 1,000")."""
    by_doc: dict[str, list[Figure]] = {}
    for figure in figures:
        frame = figure[0].frame
        if frame.asserted and not frame.future:
            by_doc.setdefault(figure[0].claim.doc.id, []).append(figure)
    edges: dict[str, list[Link]] = {}
    for entries in by_doc.values():
        for old_item, old, unit in entries:
            if not old_item.frame.earlier:
                continue
            for new_item, new, other in entries:
                if other != unit or new.compatible(old) or not _current(new_item, days):
                    continue
                if _related(old_item, new_item, lexicon):
                    edges.setdefault(unit, []).append((old, new, old_item, new_item))
    out: list[Series] = []
    for unit, links in sorted(edges.items()):
        out.extend(_components(unit, links))
    return out


def _current(item: Item, days: int) -> bool:
    """Told as the figure now: not as history, nor dated to another time ("when an oil tanker
    spilled 11 million gallons in 1989")."""
    date, published = item.frame.date, item.published
    if item.frame.earlier:
        return False
    return date is None or published is None or same_period(date, published, days)


def _related(old: Item, new: Item, lexicon: Lexicon) -> bool:
    """Two figures of one estimate: of the same kind of event, or in one sentence whose
    earlier figure is an estimate (an estimate noun, or a verb of measuring)."""
    if old.claim is not new.claim:
        # Across sentences, the later figure on its sentence's main line (not "the Valdez
        # supertanker, which leaked 11 million gallons").
        return old.frame.kind == new.frame.kind and new.frame.main
    if old.frame.kind == new.frame.kind:
        return True
    estimate = old.frame.classed and old.frame.kind not in lexicon.dated_classes
    return estimate or old.frame.lemma in lexicon.language.claims.measure_verbs


def _components(unit: str, links: Sequence[Link]) -> list[Series]:
    nodes: list[Amount] = []
    parent: list[int] = []

    def node(amount: Amount) -> int:
        for k, n in enumerate(nodes):
            if n.compatible(amount):
                return k
        nodes.append(amount)
        parent.append(len(parent))
        return len(nodes) - 1

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for old, new, _, _ in links:
        a, b = root(node(old)), root(node(new))
        parent[max(a, b)] = min(a, b)
    groups: dict[int, Series] = {}
    for k, amount in enumerate(nodes):
        kind = links[0][3].frame.kind
        groups.setdefault(root(k), Series(unit, kind)).nodes.append(amount)
    for old, _, old_item, new_item in links:
        groups[root(node(old))].links.extend((old_item, new_item))
    return [s for s in groups.values() if len(s.nodes) >= 2]


def linked(series: Sequence[Series], unit: str, a: Amount, b: Amount) -> bool:
    """``a`` and ``b`` are two values of one estimate series."""
    return any(s.unit == unit and s.relates(a, b) for s in series)


def series_revisions(
    series: Sequence[Series],
    figures: Sequence[Figure],
    label: Callable[[str], str],
) -> list[Revision]:
    """Each series as a dated revision: its figures in order of their first report."""
    out = []
    for s in series:
        steps = _steps(s, figures)
        if len(steps) < 2:
            continue
        voices = [
            item.claim.speaker_text or item.claim.outlet
            for item in (*s.links, *(f[0] for f in figures if f[2] == s.unit))
            if any(n.compatible(a) for n in s.nodes for a in item.frame.amounts)
        ]
        subject = f"{label(s.kind.split('|')[0])}: {s.unit}"
        first = s.links[0].claim
        out.append(
            Revision(
                id="revision-" + digest(subject, "series", first.doc.id, str(first.start)),
                subject=subject,
                source="one estimate, revised: " + _listed(list(dict.fromkeys(voices))),
                steps=tuple(steps),
            )
        )
    return out


def _listed(voices: Sequence[str], most: int = 5) -> str:
    more = len(voices) - most
    return "; ".join(voices[:most]) + (f" and {more} more" if more > 0 else "")


def _steps(s: Series, figures: Sequence[Figure]) -> list[RevisionStep]:
    """Per figure of the series: when it was first reported as the current one (a figure
    known only as "the previous estimate" takes the date of the report that says so), with
    the reports that give it."""
    cited: dict[int, list[tuple[DateValue | None, Citation]]] = {}
    for item, amount, unit in figures:
        k = s.node_of(amount) if unit == s.unit and not item.frame.earlier else None
        if k is not None:
            cited.setdefault(k, []).append((item.published, item.claim.claim.citation))
    for item in s.links:
        for amount in item.frame.amounts:
            k = s.node_of(amount)
            if k is not None:
                cited.setdefault(k, []).append((item.published, item.claim.claim.citation))
    order = sorted(
        cited,
        key=lambda k: (
            min((d.sort_key for d, _ in cited[k] if d is not None), default="9999"),
            s.nodes[k].low,
        ),
    )
    steps = []
    for k in order:
        dates = [d for d, _ in cited[k] if d is not None]
        first = min(dates, key=lambda d: d.sort_key) if dates else None
        citations = tuple(dict.fromkeys(c for _, c in cited[k]))
        steps.append(RevisionStep(s.nodes[k].label, first, citations))
    return steps
