"""Predicate frames: what a claim says happened (or will happen), to whom, when.

A frame is one occurrence of a legal/news predicate family ("removal" for
deport / extradite / hand back, "postpone", "begin", ...) inside a claim, with
its polarity, whether a modal governs it (a prediction), whether it sits under
a condition, an appeal or a denial, its object (what was postponed), its
destination ("to China") and its dates. Built with patterns only: no parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.crosscheck import lexicon as lx
from dossier.crosscheck.claims import ClaimInfo
from dossier.model import DateValue

_WORD = re.compile(r"[A-Za-z][\w\-]*")
_DESTINATION = re.compile(
    r"^(?:\s+(?!to\b)[\w\-]+){0,4}?\s+(?:back\s+)?(?:to|into)\s+(?:the\s+|a\s+|one\s+of\s+the\s+)?"
    r"(?P<dest>[\w\-]+)",
    re.IGNORECASE,
)
_ACTIVE_OBJECT = re.compile(
    r"^\s+(?:the|its|their|his|her|a|an)?\s*(?:\w+ly\s+)?(?P<obj>[a-z][\w\-]*)", re.IGNORECASE
)
_PASSIVE_SUBJECT = re.compile(
    r"(?P<obj>[a-z][\w\-]*)(?:\s+(?:of|against)\s+[^,]{1,60})?(?:,[^,]{1,80},)?\s+"
    r"(?:has|have|had|was|were|is|are|will\s+be|would\s+be)\s+(?:been\s+|be\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Frame:
    family: str
    start: int  # document offsets of the predicate
    end: int
    negated: bool
    modal: bool  # a prediction / expectation ("will probably follow", "would be handed back")
    ruled: bool  # under a decision frame ("the court ruled that ... will not be")
    conditional: bool
    appeal: bool  # asked for, urged, feared, threatened: not a statement of fact
    denied: bool
    obj: str | None  # head noun of what the predicate applies to (postpone/begin)
    obj_class: str | None  # "proceeding", "removal", ...
    destination: str | None
    on_date: DateValue | None  # the date the event happened / was scheduled for
    until_date: DateValue | None  # the new date a postponement moves it to
    scheduled_date: DateValue | None = None  # "scheduled for D" before the predicate

    @property
    def asserted(self) -> bool:
        """Stated as a fact (or a ruling), not predicted, asked for or conditional."""
        return (
            (not self.modal or self.ruled)
            and not self.conditional
            and not self.appeal
            and not self.denied
        )


def frames(info: ClaimInfo) -> tuple[Frame, ...]:
    text = info.doc.clean_text
    out: list[Frame] = []
    taken: list[tuple[int, int]] = []
    for family, pattern in lx.PREDICATES.items():
        for m in pattern.finditer(info.text):
            start, end = info.start + m.start(), info.start + m.end()
            if any(a < end and start < b for a, b in taken) and family != "stay":
                continue
            frame = _frame(info, text, family, start, end)
            if frame is not None:
                out.append(frame)
                taken.append((start, end))
    return tuple(sorted(out, key=lambda f: f.start))


def _frame(info: ClaimInfo, text: str, family: str, start: int, end: int) -> Frame | None:
    # The clause segment before the predicate, back to the last comma / quote.
    before_clause = text[info.start : start]
    segment = re.split(r"[,;:“”\"]|\s[-–—]\s", before_clause)[-1]
    after = text[end : info.end]
    word = text[start:end].lower()
    if family == "begin" and not _begins_proceeding(word, before_clause, after):
        return None
    if family == "cross" and not re.search(r"\bborder\b|\bcountry\b", text[start : info.end], re.I):
        return None
    negated = bool(lx.NEGATION.search(segment[-40:]))
    if family == "stay":
        negated = not negated  # "allowed to stay" = not removed
    if (
        family == "removal"
        and word.startswith("return")
        and not _DESTINATION.match(" " + after)
        and not re.search(r"forcibly|home", word + after[:20], re.I)
    ):
        return None  # "return" without a destination is too vague (in return, returned home...)
    modal = bool(lx.MODAL_BEFORE.search(before_clause[-60:])) or bool(lx.MODAL_AFTER.match(after))
    # A bare noun ("postponed the deportation", "threatened with deportation") asserts
    # nothing about the removal itself, unless predicted or flatly negated ("No deportation").
    decided: bool | None = None  # a decision on the removal itself: against / for
    if family == "removal" and lx.NOMINAL_REMOVAL.match(word):
        if lx.DECISION_AGAINST.search(before_clause[-40:]):
            decided = False
        elif lx.DECISION_FOR.search(before_clause[-40:]):
            decided = True
        elif not lx.MODAL_AFTER.match(after) and not re.search(r"\bno\s+$", before_clause, re.I):
            return None
    ruled = bool(lx.RULING_THAT.search(before_clause)) and modal
    conditional = bool(lx.CONDITIONAL.search(segment))
    appeal = bool(lx.APPEAL.search(before_clause[-80:])) and not ruled
    denied = bool(lx.DENIAL.search(before_clause))
    if decided is not None:
        # "The court refused the extradition": an asserted decision, not a denial of a report.
        negated, denied, modal = not decided, False, False
        appeal = appeal and not lx.RULING_THAT.search(before_clause)
    obj, obj_class = _object(family, before_clause, after, word)
    destination = None
    dest = _DESTINATION.match(after)
    if dest and family in ("removal", "stay"):
        destination = dest.group("dest").lower()
    on_date, until_date, scheduled_date = _frame_dates(info, start, end, family)
    return Frame(
        family=family,
        start=start,
        end=end,
        negated=negated,
        modal=modal,
        ruled=ruled,
        conditional=conditional,
        appeal=appeal,
        denied=denied,
        obj=obj,
        obj_class=obj_class,
        destination=destination,
        on_date=on_date,
        until_date=until_date,
        scheduled_date=scheduled_date,
    )


def _begins_proceeding(word: str, before: str, after: str) -> bool:
    if "trial" in word:
        return True
    window = (before[-60:] + " " + after[:20]).lower()
    return any(n in _WORD.findall(window) for n in lx.PROCEEDING_NOUNS if n != "court")


def _object(family: str, before: str, after: str, word: str) -> tuple[str | None, str | None]:
    if family not in ("postpone", "begin"):
        return None, None
    if "trial" in word:
        return "trial", "proceeding"
    candidates: list[str] = []
    active = _ACTIVE_OBJECT.match(after)
    if active:
        candidates.append(active.group("obj").lower())
    passive = _PASSIVE_SUBJECT.search(before)
    if passive:
        candidates.append(passive.group("obj").lower())
    if family == "begin":
        candidates.extend(w.lower() for w in _WORD.findall(before[-50:])[::-1])
    for noun in candidates:
        for cls, nouns in lx.OBJECT_CLASSES.items():
            if noun in nouns:
                return noun, cls
    return None, None


def _frame_dates(
    info: ClaimInfo, start: int, end: int, family: str
) -> tuple[DateValue | None, DateValue | None, DateValue | None]:
    """The date attached to the predicate, the new date of a postponement, and the date
    the event was scheduled for ("X, scheduled for January 6, ... has been postponed")."""
    on_date: DateValue | None = None
    until_date: DateValue | None = None
    scheduled: DateValue | None = None
    text = info.doc.clean_text
    for d_start, d_end, value in info.dates:
        lead = text[max(info.start, d_start - 25) : d_start]
        if d_start < start and lx.SCHEDULED_FOR.search(lead):
            scheduled = scheduled or value
        between = text[end:d_start] if d_start >= end else text[d_end:start]
        if len(between) > 60 or re.search(r"[;]", between):
            continue
        lead = text[max(info.start, d_start - 12) : d_start]
        if family == "postpone" and d_start >= end and lx.UNTIL.search(lead):
            until_date = until_date or value
            continue
        if re.search(r"\b(?:until|till)\s*$", lead, re.I):
            continue
        if on_date is None:
            on_date = value
    if family == "postpone" and on_date is None:
        on_date = scheduled
    return on_date, until_date, scheduled


def compatible_dates(a: DateValue, b: DateValue) -> bool:
    """Two dates can describe the same day (one may be coarser than the other)."""
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]


def strictly_before(a: DateValue, b: DateValue) -> bool:
    """``a`` certainly ends before ``b`` starts, at the coarser granularity."""
    n = min(len(a.value), len(b.value))
    return a.value[:n] < b.value[:n]
