"""Score reported conflicts against a hand-made gold file (tests/gold/conflicts_seeds.json)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dossier.model import Conflict, ConflictSide, Corroboration, Event, Revision


def fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()


def side_matches(side: ConflictSide, gold_side: dict[str, Any]) -> bool:
    for c in side.citations:
        if not any(c.doc.startswith(p) for p in gold_side["docs"]):
            continue
        if any(fold(p) in fold(c.quote) for p in gold_side["any"]):
            return True
    return False


def conflict_matches(conflict: Conflict, entry: dict[str, Any]) -> bool:
    if conflict.kind not in entry["kinds"]:
        return False
    gold_sides = entry["sides"]
    for chosen in itertools.permutations(range(len(conflict.sides)), len(gold_sides)):
        if all(side_matches(conflict.sides[i], g) for i, g in zip(chosen, gold_sides, strict=True)):
            return True
    return False


def violates(conflict: Conflict, rule: dict[str, Any]) -> bool:
    if "kinds" in rule and conflict.kind not in rule["kinds"]:
        return False
    if "description_any" in rule:
        return any(fold(p) in fold(conflict.description) for p in rule["description_any"])
    return any(
        fold(p) in fold(c.quote)
        for side in conflict.sides
        for c in side.citations
        for p in rule["side_any"]
    )


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    agreements: float
    missed: list[str]
    spurious: list[str]
    violations: list[str]
    unconfirmed: list[str]


def score(
    gold: dict[str, Any], conflicts: Sequence[Conflict], facts: Sequence[Corroboration]
) -> Score:
    wanted = gold["conflicts"]
    allowed = wanted + gold.get("acceptable", [])
    missed = [g["id"] for g in wanted if not any(conflict_matches(c, g) for c in conflicts)]
    spurious = [
        c.description for c in conflicts if not any(conflict_matches(c, g) for g in allowed)
    ]
    violations = [
        f"{rule['id']}: {c.description}"
        for rule in gold.get("must_not", [])
        for c in conflicts
        if violates(c, rule)
    ]
    unconfirmed = []
    for agreement in gold.get("agreements", []):
        ok = any(
            f.independent_sources >= 2
            and all(
                any(
                    c.doc.startswith(p) and any(fold(a) in fold(c.quote) for a in agreement["any"])
                    for c in f.citations
                )
                for p in agreement["docs"]
            )
            for f in facts
        )
        if not ok:
            unconfirmed.append(agreement["id"])
    n_agree = len(gold.get("agreements", []))
    return Score(
        recall=(len(wanted) - len(missed)) / len(wanted) if wanted else 1.0,
        precision=(len(conflicts) - len(spurious)) / len(conflicts) if conflicts else 1.0,
        agreements=(n_agree - len(unconfirmed)) / n_agree if n_agree else 1.0,
        missed=missed,
        spurious=spurious,
        violations=violations,
        unconfirmed=unconfirmed,
    )


@dataclass(frozen=True)
class EventScore:
    recall: float
    missed: list[str]


def event_matches(event: Event, entry: dict[str, Any]) -> bool:
    """``event`` is the gold event: its date, a keyword in its text or a cited sentence, and
    every gold document among its citations."""
    if event.date.value != entry["date"]:
        return False
    haystack = fold(" ".join([event.text, *(c.quote for c in event.citations)]))
    if not any(fold(k) in haystack for k in entry["any"]):
        return False
    return all(any(c.doc.startswith(p) for c in event.citations) for p in entry["docs"])


def event_score(gold: dict[str, Any], events: Sequence[Event]) -> EventScore:
    wanted = gold["events"]
    missed = [
        f"{g['date']} {g['any']} {g['docs']}"
        for g in wanted
        if not any(event_matches(e, g) for e in events)
    ]
    recall = (len(wanted) - len(missed)) / len(wanted) if wanted else 1.0
    return EventScore(recall, missed)


def _step_number(value: str) -> str:
    """ "~5,000 barrel/day" -> "5,000"; ">=12 miner" -> "12"."""
    return value.lstrip("~<>=").split(" ")[0]


def revision_matches(revision: Revision, entry: dict[str, Any]) -> bool:
    """``revision`` is the gold one: its source names one of ``source_any`` and its steps give
    the gold ``values`` in order (other steps may come between)."""
    if not any(fold(s) in fold(revision.source) for s in entry["source_any"]):
        return False
    numbers = iter(_step_number(step.value) for step in revision.steps)
    return all(any(n == value for n in numbers) for value in entry["values"])


def missed_revisions(gold: dict[str, Any], revisions: Sequence[Revision]) -> list[str]:
    return [
        g["id"]
        for g in gold.get("revisions", [])
        if not any(revision_matches(r, g) for r in revisions)
    ]
