"""Assembling a cleaned page: body text, dateline, page date, outlet, removals.

Works on the labelled lines produced by :mod:`dossier.clean.plain`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

import numpy as np

from dossier.clean import lines as L
from dossier.clean import outlet as O
from dossier.clean.cues import Cues
from dossier.clean.lines import Line
from dossier.model import Removal


def dateline(body: Sequence[Line], cues: Cues) -> tuple[str | None, str | None]:
    """The place (and agency) of a dateline opening the body ("ZAISAN, Kazakhstan --")."""
    bp = cues.boilerplate
    if bp is None:
        return None, None
    for line in body[:2]:
        match = bp.dateline.match(line.text)
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
    return " ".join(
        _capitalise(word) if word.isupper() and len(word) > 2 else word for word in place.split(" ")
    )


def _capitalise(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def page_date(
    lines: Sequence[Line], labels: Sequence[str], body_start: int, cues: Cues
) -> str | None:
    """The date printed on the page, verbatim: the first date line (or dated byline) above
    the body, else the first date line anywhere."""
    for i, label in enumerate(labels):
        if label == "page-date" and i < body_start:
            return lines[i].text
        if label == "byline" and i < body_start:
            dated = cues.dated_byline(lines[i].text)
            if dated:
                return dated[0]
    for i, label in enumerate(labels):
        if label == "page-date":
            return lines[i].text
    return None


def find_outlet(
    lines: Sequence[Line],
    labels: Sequence[str],
    agency: str | None,
    raw: str,
    masthead: str | None,
    cues: Cues,
) -> str | None:
    """The outlet, strongest signal first: its self-description, the masthead, a copyright
    line (often the parent company, hence after the masthead), the dateline agency, a
    follow-us handle, a subscription prompt."""
    labelled = list(zip(lines, labels, strict=True))
    found = _first(labelled, ("outlet-blurb",), cues.self_described_name) or masthead
    found = found or _first(
        labelled, ("footer", "legal"), lambda t: O.outlet_from_copyright(t, cues)
    )
    if not found and agency:
        found = O.outlet_from_agency(agency, cues)
    found = found or _first(labelled, ("share",), lambda t: O.outlet_from_handle(t, raw))
    return found or _first(labelled, ("subscribe",), lambda t: O.outlet_from_subscribe(t, cues))


def _first(
    labelled: Sequence[tuple[Line, str]],
    wanted: tuple[str, ...],
    read: Callable[[str], str | None],
) -> str | None:
    for line, label in labelled:
        if label in wanted:
            name = read(line.text)
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


def removals(
    raw: str,
    lines: Sequence[Line],
    labels: Sequence[str],
    scores: Sequence[float] | np.ndarray | None = None,
) -> tuple[Removal, ...]:
    """Runs of removed lines with one reason, as removals with raw offsets (and the best
    classifier score of the run's lines, when the lines were scored)."""
    out: list[Removal] = []
    run: list[int] = []
    for i, label in enumerate(labels):
        # A date line is its own removal, verbatim (the dating stage reads each one).
        if run and (label in ("body", "page-date") or label != labels[run[0]]):
            out.append(_removal(raw, lines, labels, run, scores))
            run = []
        if label != "body":
            run.append(i)
    if run:
        out.append(_removal(raw, lines, labels, run, scores))
    return tuple(out)


def _removal(
    raw: str,
    lines: Sequence[Line],
    labels: Sequence[str],
    run: Sequence[int],
    scores: Sequence[float] | np.ndarray | None,
) -> Removal:
    start, end = lines[run[0]].start, lines[run[-1]].end
    score = round(float(max(scores[i] for i in run)), 3) if scores is not None else None
    return Removal(start, end, labels[run[0]], raw[start:end], score)
