"""Roles and attributes of people, read from the words around their mentions.

Each claim carries the citation it came from. Disagreeing sources are all
kept (a lawyer "for the defence" in one outlet and "for the prosecution" in
another): the cross-check stage reads the conflict.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from dossier.entities.context import RoleCue, left_age, left_role, right_age, right_role
from dossier.entities.settings import EntitySettings
from dossier.model import AttributeClaim, Document, Mention, RoleClaim
from dossier.text import sentence_spans

# Text between two names of a list: ", ", " and ", ", 30, and " (ages in between).
_LIST_SEP = re.compile(r"^(?:\s*,\s*\d{1,3})?\s*(?:,\s*and|,|and|&)\s*(?:\d{1,3}\s*,\s*)?$")
_DEFENDANT_AFTER = re.compile(
    r"^\s*(?:,\s*\d{1,3}\s*)?,?\s*"
    r"(?:(?:are|were|is|was|went|go|goes|stood|stand|stands|has gone|have gone|will go)\s+"
    r"(?:now\s+|currently\s+|already\s+|still\s+)?on\s+trial"
    r"|(?:were|was|have been|has been|had been|are|is|will be)\s+(?:\w+\s+)?"
    r"(?:sentenced|convicted|acquitted|found guilty|indicted|charged|prosecuted|jailed)"
    r"|(?:pleaded|pled|plead)\s+(?:not\s+)?guilty)\b",
    re.IGNORECASE,
)
_DEFENDANT_BEFORE = re.compile(
    r"(?:\b(?:defendants?|accused)\s*(?:,|:|are|were|is|was)"
    r"|\bsentences?\s+(?:\w+\s+){0,2}to"
    r"|\bsentenced|\btrial\s+of|\bcase\s+against|\bcharges\s+against"
    r"|\bprosecution\s+of|\bprosecuting|\bconvicted|\bacquitted)\s+$",
    re.IGNORECASE,
)


def person_claims(
    docs: Sequence[Document],
    mentions: Sequence[tuple[int, Mention]],
    settings: EntitySettings,
    org_name: Callable[[int, int, int], str | None],
) -> tuple[list[RoleClaim], list[AttributeClaim]]:
    """Roles and attributes stated next to ``mentions`` (one person's).

    ``org_name(doc_index, start, end)`` names the organisation at a span, if any.
    """
    roles: dict[tuple[str, str, int, int], RoleClaim] = {}
    attrs: dict[tuple[str, str, str, int, int], AttributeClaim] = {}

    def add_attr(name: str, value: str | int, doc: Document, start: int, end: int) -> None:
        citation = doc.cite(start, end)
        attrs.setdefault(
            (name, str(value), doc.id, start, end), AttributeClaim(name, value, citation)
        )

    def add_role(role: str, doc: Document, start: int, end: int) -> None:
        if role.startswith("former "):
            # A past position is no role in this story: kept as a title.
            add_attr("title", role, doc, start, end)
        else:
            roles.setdefault((role, doc.id, start, end), RoleClaim(role, doc.cite(start, end)))

    def add_affiliation(cue: RoleCue, di: int, doc: Document) -> None:
        if cue.org_start >= 0 and not _other_entity(doc, cue.org_start, cue.org_end):
            value = (
                org_name(di, cue.org_start, cue.org_end)
                or doc.clean_text[cue.org_start : cue.org_end]
            )
            add_attr("affiliation", value, doc, cue.org_start, cue.org_end)

    for di, m in mentions:
        doc = docs[di]
        text = doc.clean_text
        cue = left_role(text, m.start)
        if cue is not None:
            add_role(cue.role, doc, cue.start, m.end)
            if cue.title:
                title_end = m.start
                while title_end > cue.start and text[title_end - 1] in " ,\u00a0\t":
                    title_end -= 1
                add_attr("title", cue.title, doc, cue.start, title_end)
            add_affiliation(cue, di, doc)
        cue = right_role(text, m.end)
        if cue is not None:
            add_role(cue.role, doc, m.start, cue.end)
            add_affiliation(cue, di, doc)
        for age_cue in (right_age(text, m.end), left_age(text, m.start)):
            if age_cue is None or not settings.min_age <= age_cue.age <= settings.max_age:
                continue
            start = age_cue.start if age_cue.start >= 0 else m.start
            end = m.end if age_cue.start >= 0 else age_cue.end
            add_attr("age", age_cue.age, doc, start, end)
    return list(roles.values()), list(attrs.values())


def _other_entity(doc: Document, start: int, end: int) -> bool:
    """Whether a place or person is named at the span (then it is no affiliation)."""
    return any(
        m.label in ("PLACE", "PERSON") and m.start < end and start < m.end for m in doc.mentions
    )


def defendant_claims(docs: Sequence[Document]) -> dict[tuple[int, int], RoleClaim]:
    """``(doc index, mention start) -> RoleClaim("defendant")`` for person mentions
    named as on trial, charged, sentenced ("The defendants are A and B",
    "A and B are on trial", "sentences to A and B")."""
    out: dict[tuple[int, int], RoleClaim] = {}
    for di, doc in enumerate(docs):
        text = doc.clean_text
        people = sorted((m for m in doc.mentions if m.label == "PERSON"), key=lambda m: m.start)
        if not people:
            continue
        starts = [m.start for m in people]
        for s_start, s_end in sentence_spans(text):
            lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
            inside = [m for m in people[lo:hi] if m.end <= s_end]
            if not inside:
                continue
            for group in _lists(text, inside):
                first, last = group[0], group[-1]
                before = text[max(s_start, first.start - 80) : first.start]
                tail_end = last.end
                after = text[tail_end:s_end]
                cue_start, cue_end = -1, -1
                mb = _DEFENDANT_BEFORE.search(before)
                if mb:
                    cue_start, cue_end = first.start - len(before) + mb.start(), last.end
                else:
                    ma = _DEFENDANT_AFTER.match(after)
                    if ma:
                        cue_start, cue_end = first.start, tail_end + ma.end()
                if cue_start < 0:
                    continue
                citation = doc.cite(cue_start, cue_end)
                for m in group:
                    out.setdefault((di, m.start), RoleClaim("defendant", citation))
    return out


def _lists(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of person mentions joined only by commas/"and" (ages allowed between)."""
    runs: list[list[Mention]] = []
    for m in mentions:
        if runs and _LIST_SEP.match(text[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs
