"""Reading the words around a name: titles, appositions, ages.

Pure functions over ``(text, start, end)`` of a mention in clean text; they
return spans (offsets into the same text) so callers can cite them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.entities.lexicon import HONORIFICS, ROLE_NOUNS, words

_ROLE_ALT = "|".join(sorted((re.escape(w) for w in ROLE_NOUNS), key=len, reverse=True))
_HON_ALT = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Mme)\.?"

# "the pair's lawyer", "State prosecutor", "Foreign Minister", "activist", "The judge, Ms."
_LEFT_ROLE = re.compile(
    r"(?P<phrase>"
    r"(?:(?P<det>\b(?i:the|a|an|his|her|their|its|our)\s+))?"
    r"(?P<poss>\b[\w-]+(?:['’]s|s['’])\s+)?"
    r"(?P<mods>(?:\b[\w-]+\s+){0,3}?)"
    r"(?P<role>\b(?i:" + _ROLE_ALT + r"))"
    r"(?P<of>\s+of\s+(?:the\s+)?(?P<org>(?:[A-Z][\w&’'-]*\s+){0,5}?[A-Z][\w&’'-]*))?"
    r"(?:\s*,)?\s+(?:" + _HON_ALT + r"\s+)?)$",
)

# ", a lawyer for the prosecution," / ", Europe and Central Asia researcher at HRW"
_RIGHT_APPOSITION = re.compile(
    r"^(?P<phrase>,\s+(?:(?:a|an|the|his|her|their)\s+)?"
    r"(?P<mods>(?:[\w'’-]+\s+){0,5}?)"
    r"(?P<role>(?:" + _ROLE_ALT + r"))\b"
    r"(?P<tail>\s+(?P<prep>at|of|for|with|from|to|in)\s+(?:the\s+)?"
    r"(?P<obj>(?:[a-z]+\s+)?[A-Z][\w&’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w&’'-]*))*|[a-z]+))?)"
    r"(?=\s*[,.;:)]|\s+(?:who|which|that|said|says|told|and)\b|$)",
)

_RIGHT_AGE = re.compile(
    r"^(?P<phrase>(?:,\s*(?:aged\s+)?|\s+\()(?P<age>\d{1,3})(?:\s+years?\s+old)?)(?=\s*[,.;)]|\s+and\b)"
)
_LEFT_AGE = re.compile(
    r"(?P<phrase>\b(?P<age>\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,2})$",
)

_MAX_LEFT = 120


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A role word found next to a name."""

    role: str  # canonical role (lower case)
    start: int  # span of the cue phrase and the name together
    end: int
    title: str | None = None  # e.g. "Foreign Minister", "State prosecutor"
    org_start: int = -1  # span of an affiliation, if stated
    org_end: int = -1


@dataclass(frozen=True, slots=True)
class AgeCue:
    age: int
    start: int
    end: int


_DEFENCE_POSS = frozenset(
    words("""his her their pair's men's man's woman's women's defendants' defendant's couple's
    brothers' brother's accused's family's families' client's clients' detainees'
    refugees'""")
)
_GENERAL_OFFICES = frozenset(
    words(
        "attorney solicitor secretary inspector surgeon prosecutor procurator auditor consul "
        "postmaster director governor commissioner comptroller registrar"
    )
)
_RANKS = frozenset(["vice", "deputy", "assistant"])
_NOT_TITLE = frozenset(
    words("another the a an his her their its our one two three this that these those")
)
_PHOTO = re.compile(
    r"\b(?:Photo|Photograph|Picture|Image|Video|Footage)s?\s+(?:by|:|credit:?)\s+$", re.I
)
_PROSECUTION_WORDS = frozenset({"prosecution", "state", "government", "prosecution's"})
_DEFENCE_WORDS = frozenset({"defence", "defense", "defending"})


_BOUNDARY = re.compile(r"\n|[.!?;]\s|[“”\"]")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Mme)|\b[A-Z])$"
)


def _left_window(text: str, start: int) -> tuple[str, int]:
    """Text before ``start`` back to the start of its sentence (at most 120 chars)."""
    lo = max(0, start - _MAX_LEFT)
    window = text[lo:start]
    cut = -1
    for m in _BOUNDARY.finditer(window):
        if m.group().startswith(".") and _ABBREV_BEFORE.search(window[: m.start()]):
            continue
        cut = m.end()
    if cut >= 0:
        lo += cut
        window = text[lo:start]
    return window, lo


def _qualify(role: str, words: list[str]) -> str:
    lowered = [w.lower().strip(",") for w in words]
    rank = next((w for w in reversed(lowered) if w in _RANKS), None)
    if rank is not None and role in ("president", "minister", "prosecutor", "judge", "official"):
        role = f"{rank} {role}"  # "vice president", "deputy prosecutor"
    if "former" in lowered or "ex" in lowered:
        return f"former {role}"  # not this role in the story any more
    if role == "lawyer":
        if any(w in _PROSECUTION_WORDS for w in lowered):
            return "prosecution lawyer"
        if any(w in _DEFENCE_WORDS for w in lowered) or any(w in _DEFENCE_POSS for w in lowered):
            return "defence lawyer"
    return role


def left_role(text: str, start: int) -> RoleCue | None:
    """A role title right before a name: "Judge X", "the pair's lawyer X", "activist X"."""
    window, lo = _left_window(text, start)
    photo = _PHOTO.search(window)
    if photo:
        return RoleCue("photographer", lo + photo.start(), start)
    m = _LEFT_ROLE.search(window)
    if not m:
        return None
    role_word = m.group("role").lower()
    role = ROLE_NOUNS.get(role_word)
    if role is None:
        return None
    if window[: m.start("role")].endswith("-"):
        # "Director-General X", "Secretary-General X": a compound title.
        head = re.search(r"([A-Za-z]+)-$", window[: m.start("role")])
        role = ROLE_NOUNS.get(head.group(1).lower(), "official") if head else "official"
        if role == "military officer":
            role = "official"
    last_mod = m.group("mods").split()[-1:]
    if role_word == "general" and last_mod and last_mod[0].lower() in _GENERAL_OFFICES:
        # "Attorney General X", "Prosecutor General X", "Secretary General X"
        prosecution = last_mod[0].lower() in ("prosecutor", "procurator")
        role = "prosecutor" if prosecution else "official"
    raw_role = m.group("role")
    before_role = window[: m.start("role")].rstrip()
    if raw_role[0].isupper() and before_role.endswith((" of", " for", " on")):
        return None  # part of a title: "Convention on the Status of Refugees, X"
    if role_word.endswith("s") and window[m.end("role") :].lstrip().startswith(","):
        return None  # "the lawyers, X" is a list, not a title
    mods = m.group("mods").split()
    poss = (m.group("poss") or "").strip().lower().replace("’", "'")
    # Modifiers must be plain words (no digits) and the phrase must not swallow a clause.
    if any(any(c.isdigit() for c in w) for w in mods):
        mods = []
    qualifiers = [*mods, poss] if poss else list(mods)
    # "Alimuly's lawyer": a named person's lawyer is a defence lawyer.
    if (
        role == "lawyer"
        and poss
        and poss not in _DEFENCE_POSS
        and poss.removesuffix("'s") not in _PROSECUTION_WORDS
        and text[lo + m.start("poss")].isupper()
    ):
        qualifiers.append("defence")
    role = _qualify(role, qualifiers)
    phrase_start = lo + (m.start("mods") if mods else m.start("role"))
    if role == "prosecution lawyer" or (role == "defence lawyer" and poss):
        phrase_start = lo + (m.start("poss") if poss else m.start("mods"))
    title_words = [w for w in mods if w[:1].isupper() and w.lower() not in _NOT_TITLE]
    title = " ".join([*title_words, m.group("role")]) if title_words else None
    org_start = org_end = -1
    if m.group("org"):
        org_start = lo + m.start("org")
        org_end = org_start + len(m.group("org").rstrip())
    return RoleCue(role, phrase_start, start, title, org_start, org_end)


def right_role(text: str, end: int) -> RoleCue | None:
    """An apposition after a name: "X, a lawyer for the prosecution", "X, researcher at HRW"."""
    window = text[end : end + 160].split("\n", 1)[0]
    m = _RIGHT_APPOSITION.match(window)
    if not m:
        return None
    role = ROLE_NOUNS.get(m.group("role").lower())
    if role is None:
        return None
    mods = m.group("mods").split()
    if len(mods) > 5 or any(w.lower() in {"who", "which", "that", "said"} for w in mods):
        return None
    tail_words = (m.group("tail") or "").split()
    role = _qualify(role, [*mods, *tail_words])
    org_start = org_end = -1
    if m.group("obj") and m.group("prep") in {"at", "of", "for", "with", "from"}:
        obj = m.group("obj").rstrip()
        if obj[:1].isupper():
            org_start = end + m.start("obj")
            org_end = org_start + len(obj)
    if org_start < 0:
        # "X, NRO's researcher": a capitalised possessive names the employer.
        for pm in re.finditer(r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)['’]s?\s", m.group("mods")):
            org_start = end + m.start("mods") + pm.start(1)
            org_end = end + m.start("mods") + pm.end(1)
    cap_mods = [w for w in mods if w[:1].isupper() and w.lower() not in _NOT_TITLE]
    cap_mods = [w for w in cap_mods if not re.search(r"['’]s?$", w)]
    title = " ".join([*cap_mods, m.group("role")]) if cap_mods else None
    phrase_end = end + m.end("phrase")
    return RoleCue(role, -1, phrase_end, title, org_start, org_end)


def right_age(text: str, end: int) -> AgeCue | None:
    """ "X, 30," / "X, aged 30" / "X (30)"."""
    m = _RIGHT_AGE.match(text[end : end + 40])
    if not m:
        return None
    age = int(m.group("age"))
    if not 0 < age < 120:
        return None
    close = ")" if m.group("phrase").lstrip().startswith("(") else ""
    stop = end + m.end("phrase")
    if close and text[stop : stop + 1] == ")":
        stop += 1
    return AgeCue(age, -1, stop)


def left_age(text: str, start: int) -> AgeCue | None:
    """ "The 25-year-old X" / "25-year-old activist X"."""
    window, lo = _left_window(text, start)
    m = _LEFT_AGE.search(window)
    if not m:
        return None
    age = int(m.group("age"))
    if not 0 < age < 120:
        return None
    return AgeCue(age, lo + m.start("phrase"), start)


def honorific_before(text: str, start: int) -> bool:
    """Whether a courtesy title (Mr., Ms., Dr. ...) directly precedes ``start``."""
    window = text[max(0, start - 8) : start].rstrip()
    last = window.split()[-1:] if window else []
    return bool(last) and last[0].lower() in HONORIFICS
