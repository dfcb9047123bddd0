""" "Who reports what": facts (aligned claims) by outlet, and what each outlet adds or omits.

The table shows the facts that several independent sources report, one column per
outlet (the documents of an outlet grouped under it, each a link to its passage),
at most :data:`MAX_OUTLET_COLUMNS` columns (the rest in one "other outlets" column)
and at most :data:`MAX_FACT_ROWS` rows; facts that rest on one source are counted
and shown on demand (a page of their own in the report folder and the web UI, a
collapsed block in the one-page report).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from dossier.model import Citation, Corroboration, OutletProfile, Story
from dossier.report.html_text import UNKNOWN_OUTLET, SourceLabels
from dossier.report.links import Links
from dossier.report.markup import esc

MAX_OUTLET_COLUMNS = 10
MAX_FACT_ROWS = 200
PROFILE_EXAMPLES = 5
OTHER_OUTLETS = "other outlets"

Heading = Callable[[int, str, str], str]


def multi_source(fact: Corroboration) -> bool:
    return fact.independent_sources >= 2


def outlet_columns(facts: Sequence[Corroboration], labels: SourceLabels) -> list[str]:
    """Outlets by how many of ``facts`` they report; past the cap, one "other outlets"."""
    counts: Counter[str] = Counter()
    for fact in facts:
        counts.update({labels.outlet_group(c.doc) for c in fact.citations})
    ranked = [o for o, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(ranked) <= MAX_OUTLET_COLUMNS:
        return ranked
    return [*ranked[: MAX_OUTLET_COLUMNS - 1], OTHER_OUTLETS]


def facts_table(
    facts: Sequence[Corroboration], labels: SourceLabels, caption: str, limit: int | None
) -> str:
    """The fact × outlet table (``limit`` rows at most), in a horizontally scrolling box."""
    columns = outlet_columns(facts, labels)
    shown = set(columns)
    docs_per_outlet: Counter[str] = Counter()
    for doc_id in labels.numbers:
        docs_per_outlet[labels.outlet_group(doc_id)] += 1
    head = "".join(
        f'<th scope="col">{esc(o)}'
        + (
            f' <span class="meta">({docs_per_outlet[o]} docs)</span>'
            if docs_per_outlet[o] > 1
            else ""
        )
        + "</th>"
        for o in columns
    )
    rows = []
    for fact in facts[:limit] if limit is not None else facts:
        cells: dict[str, dict[str, Citation]] = {}
        for c in fact.citations:
            outlet = labels.outlet_group(c.doc)
            column = outlet if outlet in shown else OTHER_OUTLETS
            cells.setdefault(column, {}).setdefault(c.doc, c)
        row = "".join(
            f'<td class="yes">{"".join(f"[{labels.link(c)}]" for c in cells[o].values())}</td>'
            if o in cells
            else '<td class="no"><span aria-label="not reported">–</span></td>'
            for o in columns
        )
        rows.append(
            f"<tr><td>{esc(fact.text)}</td>{row}"
            f'<td class="num">{fact.independent_sources}</td></tr>'
        )
    return (
        f'<div class="scroll"><table class="matrix"><caption>{esc(caption)}</caption><thead><tr>'
        f'<th scope="col" class="fact">Fact</th>{head}'
        '<th scope="col" class="num">Independent sources</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


def facts_section(
    heading: str, story: Story, labels: SourceLabels, links: Links, h: Heading
) -> str:
    """The section: multi-source facts, the control to show all, the outlet profiles."""
    facts = story.corroborations
    if not facts:
        return ""
    multi = [f for f in facts if multi_source(f)]
    single = [f for f in facts if not multi_source(f)]
    parts = [f'<section id="{esc("facts-" + story.id)}">', heading]
    if multi:
        caption = f"{len(multi)} facts reported by two or more independent sources"
        if len(multi) > MAX_FACT_ROWS:
            caption += f" (the {MAX_FACT_ROWS} most widely reported)"
        parts.append(facts_table(multi, labels, caption, MAX_FACT_ROWS))
    else:
        parts.append('<p class="meta">No fact is reported by two independent sources.</p>')
    if single or len(multi) > MAX_FACT_ROWS:
        what = f"{len(single)} fact(s) rest on a single source"
        if links.single_page:
            parts.append(
                f'<details class="all-facts" id="{esc("all-facts-" + story.id)}">'
                f"<summary>Show all {len(facts)} facts ({esc(what)})</summary>"
                + facts_table(facts, labels, f"All {len(facts)} facts", None)
                + "</details>"
            )
        else:
            parts.append(
                f'<p><a class="button" href="{links.facts(story.id)}">Show all {len(facts)} '
                f'facts</a> <span class="meta">({esc(what)})</span></p>'
            )
    parts.append(profiles(story, labels, h))
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def profiles(story: Story, labels: SourceLabels, h: Heading) -> str:
    """Per outlet: how many facts others confirm, only it reports, it leaves out (examples)."""
    if not story.outlet_profiles:
        return ""
    texts = {c.id: c.text for c in story.corroborations}

    def listed(ids: Sequence[str]) -> str:
        if not ids:
            return '<span class="meta">none</span>'
        examples = "".join(f"<li>{esc(texts.get(i, i))}</li>" for i in ids[:PROFILE_EXAMPLES])
        more = (
            f'<li class="meta">… and {len(ids) - PROFILE_EXAMPLES} more</li>'
            if len(ids) > PROFILE_EXAMPLES
            else ""
        )
        return f"<details><summary>{len(ids)}</summary><ul>{examples}{more}</ul></details>"

    rows = "".join(
        f'<tr><th scope="row">{_profile_name(p, labels)}</th><td>{listed(p.confirmed)}</td>'
        f"<td>{listed(p.only_here)}</td><td>{listed(p.omitted)}</td></tr>"
        for p in story.outlet_profiles
    )
    return (
        h(2, "What each outlet reports", f"profiles-{story.id}")
        + '<div class="scroll"><table class="profiles"><thead><tr><th scope="col">Outlet</th>'
        '<th scope="col">Facts others confirm</th><th scope="col">Facts only this outlet '
        'reports</th><th scope="col">Facts it leaves out (most others report them)</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></div>"
    )


def _profile_name(profile: OutletProfile, labels: SourceLabels) -> str:
    numbers = "".join(f"[{labels.number(d)}]" for d in profile.document_ids)
    outlets = {labels.outlet_group(d) for d in profile.document_ids}
    name = profile.outlet
    if outlets == {UNKNOWN_OUTLET}:
        name = UNKNOWN_OUTLET
    return f'{esc(name)} <span class="meta">{esc(numbers)}</span>'
