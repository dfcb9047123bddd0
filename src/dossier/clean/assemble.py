"""Assembling a cleaned page: body text, dateline, page date, outlet, removals.

Works on the labelled lines produced by :mod:`dossier.clean.plain`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from dossier.clean import lines as L
from dossier.clean import outlet as O
from dossier.clean.lines import Line
from dossier.model import Removal

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w’'.-]+(?:[ -][A-Z][\w’'.-]+){0,3}"
    r"(?:,\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,2})?)"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^()]{2,60})\))?\s*(?P<dash>--|—|–|-)\s+(?=\S)"
)


def dateline(body: Sequence[Line]) -> tuple[str | None, str | None]:
    for line in body[:2]:
        match = _DATELINE.match(line.text)
        if not match:
            continue
        place, agency, dash = match.group("place"), match.group("agency"), match.group("dash")
        shouting = any(w.isupper() and len(w) > 2 for w in re.findall(r"[\w’'-]+", place))
        if dash == "-" and not (shouting or agency):
            continue
        if not (shouting or agency or dash in ("--", "—")):
            continue
        if L.word_count(place) > 5:
            continue
        return _titlecase_shouting(place), agency
    return None, None


def _titlecase_shouting(place: str) -> str:
    return re.sub(r"\b[A-Z][A-Z’'-]{2,}\b", lambda m: m.group().capitalize(), place)


def page_date(lines: Sequence[Line], labels: Sequence[str], body_start: int) -> str | None:
    for i, label in enumerate(labels):
        if label == "page-date" and i < body_start:
            return lines[i].text
        if label == "byline" and i < body_start:
            dated = L.dated_byline(lines[i].text)
            if dated:
                return dated[0]
    for i, label in enumerate(labels):
        if label == "page-date":
            return lines[i].text
    return None


def find_outlet(  # noqa: C901 (to split with the cleaning rewrite (issue 17))
    lines: Sequence[Line],
    labels: Sequence[str],
    agency: str | None,
    raw: str,
    masthead: str | None,
) -> str | None:
    """The outlet, strongest signal first: its self-description, the masthead, a copyright
    line (often the parent company, hence after the masthead), the dateline agency, a
    follow-us handle, a subscription prompt."""
    for line, label in zip(lines, labels, strict=True):
        if label == "outlet-blurb":
            name = O.outlet_from_blurb(line.text)
            if name:
                return name
    if masthead:
        return masthead
    for line, label in zip(lines, labels, strict=True):
        if label in ("footer", "legal"):
            name = O.outlet_from_copyright(line.text)
            if name:
                return name
    if agency:
        name = O.outlet_from_agency(agency)
        if name:
            return name
    for line, label in zip(lines, labels, strict=True):
        if label == "share":
            name = O.outlet_from_handle(line.text, raw)
            if name:
                return name
    for line, label in zip(lines, labels, strict=True):
        if label == "subscribe":
            name = O.outlet_from_subscribe(line.text)
            if name:
                return name
    return None


def join_body(body: Sequence[Line]) -> str:
    if not body:
        return ""
    wrapped = _looks_hard_wrapped(body)
    paragraphs: list[list[str]] = [[body[0].text]]
    for prev, line in itertools.pairwise(body):
        same_block = prev.block == line.block and line.index == prev.index + 1
        join = same_block and (
            wrapped
            or prev.text.endswith(("-", ",", ";"))
            or (not L.ends_sentence(prev.text) and line.text[:1].islower())
        )
        if join:
            paragraphs[-1].append(line.text)
        else:
            paragraphs.append([line.text])
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _looks_hard_wrapped(body: Sequence[Line]) -> bool:
    lengths = [len(line.text) for line in body]
    if len(lengths) < 5:
        return False
    longest = max(lengths)
    if not 50 <= longest <= 100:
        return False
    near = sum(1 for n in lengths if n >= longest * 0.7)
    return near >= 0.6 * len(lengths)


def removals(raw: str, lines: Sequence[Line], labels: Sequence[str]) -> tuple[Removal, ...]:
    out: list[Removal] = []
    run: list[Line] = []
    run_label = ""

    def flush() -> None:
        if run:
            start, end = run[0].start, run[-1].end
            out.append(Removal(start, end, run_label, raw[start:end]))

    for line, label in zip(lines, labels, strict=True):
        if label == "body":
            flush()
            run = []
            continue
        if run and label == run_label:
            run.append(line)
            continue
        flush()
        run, run_label = [line], label
    flush()
    return tuple(out)
