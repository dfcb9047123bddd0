"""Handlers of the temporal grammar: each turns one regex match into a :class:`Spec`.

A handler returns ``None`` to reject a match (a false hit). Month and weekday names must
be capitalised, and month names that are also ordinary words ("May", "March") need a
day, a year or a cue word, so verbs and modals are not dates. Ages ("25-year-old"), bare
numbers and quantities are not dates. Every word a handler checks comes from the
grammar's language tables (see :mod:`dossier.time.rules` for the patterns).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dossier.lang.timewords import Shift
from dossier.time.grammar import norm
from dossier.time.spec import RelBase, Spec

if TYPE_CHECKING:
    from dossier.time.grammar import Grammar

# typography: the word before a date; digits only; a clock time; the word after
_PREV_WORD = re.compile(r"([^\W\d_]+)[\s-]*$")
_DIGITS = re.compile(r"\D")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(.*)$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_OFFSETS = {Shift.LAST: -1, Shift.NEXT: 1, Shift.THIS: 0}
_NARRATIVE = {Shift.FOLLOWING: 1, Shift.PREVIOUS: -1, Shift.SAME: 0, Shift.NEXT: 1}
_BACK = frozenset({Shift.LAST, Shift.PAST, Shift.PREVIOUS})


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower() if m else ""


def _month(token: str, g: Grammar) -> int | None:
    if not token or not token[0].isupper():
        return None
    return g.calendar.months.get(norm(token))


def _weekday(token: str, g: Grammar) -> int | None:
    if not token or not token[0].isupper():
        return None
    return g.calendar.weekdays.get(norm(token))


def _day(token: str) -> int:
    return int(_DIGITS.sub("", token))


def clock_value(token: str | None, g: Grammar) -> str | None:
    """``"HH:MM"`` of a clock time as printed ("9.15 p.m.", "noon")."""
    if not token:
        return None
    t = " ".join(token.lower().split())
    if t in g.words.clock_words:
        return g.words.clock_words[t]
    m = _CLOCK.match(t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    meridian = g.words.meridians.get(m.group(3).strip())
    if meridian == "pm" and hour < 12:
        hour += 12
    if meridian == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def number_value(token: str, g: Grammar) -> float | None:
    """The amount of a quantity ("about two and a half", "a dozen"); None when vague."""
    t = g.approximator_prefix.sub("", norm(token))
    half = t.endswith(" " + g.numbers.and_a_half)
    if half:
        t = t[: -len(g.numbers.and_a_half) - 1]
    if t in g.numbers.vague:
        return None
    value: float | None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        value = (
            float(t.replace(",", ""))
            if "," in t and len(t.split(",")[-1]) == 3
            else float(t.replace(",", "."))
        )
    elif t in g.numbers.cardinals:
        value = float(g.numbers.cardinals[t])
    else:
        parts = re.split(r"[- ]", t)
        cardinals = g.numbers.cardinals
        if len(parts) == 2 and parts[0] in cardinals and parts[1] in cardinals:
            value = float(cardinals[parts[0]] + cardinals[parts[1]])
        else:
            return None
    return value + 0.5 if half else value


def _has_meridian(token: str, g: Grammar) -> bool:
    lowered = token.lower()
    words = (*g.words.meridians, *g.words.clock_words)
    return any(re.search(r"(?<![^\W\d_])" + re.escape(w), lowered) for w in words)


# --- handlers ----------------------------------------------------------------------


def iso(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Spec(year=y, month=mo, day=d, clock=clock_value(m["clock"], g))


def numeric(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 50 else 2000
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    if m["sep"] == "." and not m["clock"] and len(m["y"]) == 2:
        return None  # "1.2.34" is more likely a version or a score than a date
    return Spec(year=y, numeric=(a, b), clock=clock_value(m["clock"], g))


def mdy(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    month = _month(m["mon"], g)
    if month is None:
        return None
    day = _day(m["day"])
    year = int(m["year"]) if m["year"] else None
    wd = _weekday(m["wd"], g) if m["wd"] else None
    if m["wd"] and wd is None:
        return None
    # "May 5" is a date, but a sentence-initial "May 10 people ..." is not.
    if (
        year is None
        and norm(m["mon"]) in g.calendar.ambiguous_months
        and _is_sentence_start(text, m.start())
        and (
            _next_word(text, m.end()) in g.words.not_after_month_day
            or text[m.end() : m.end() + 2].strip().startswith("%")
        )
    ):
        return None
    return Spec(year=year, month=month, day=day, weekday=wd, clock=clock_value(m["clock"], g))


def dmy(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    month = _month(m["mon"], g)
    if month is None:
        return None
    # "30 May" is a date; "given 30 may" is not (a lower-case month is rejected by _month).
    wd = _weekday(m["wd"], g) if m["wd"] else None
    if m["wd"] and wd is None:
        return None
    year = int(m["year"]) if m["year"] else None
    clock = clock_value(m["clock"], g)
    return Spec(year=year, month=month, day=_day(m["day"]), weekday=wd, clock=clock)


def my(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    month = _month(m["mon"], g)
    if month is None:
        return None
    return Spec(year=int(m["year"]), month=month)


def bare_month(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    month = _month(m["mon"], g)
    name = norm(m["mon"])
    if month is None or "." in m["mon"] or name not in g.month_names:
        return None
    shift = g.shift(m["dir"])
    prev = _prev_word(text, m.start())
    modifier = bool(g.modifier_before.search(text[max(0, m.start() - 40) : m.start()]))
    words = g.words
    cues = words.strong_month_cues if name in g.calendar.ambiguous_months else words.month_cues
    if shift is None and not modifier and prev not in cues:
        return None
    if shift in _BACK:
        return Spec(month=month, rel_unit="monthname", rel_offset=-1, rel_base="dct")
    if shift is Shift.NEXT:
        return Spec(month=month, rel_unit="monthname", rel_offset=1, rel_base="dct")
    if shift is Shift.THIS:
        return Spec(month=month, rel_unit="monthname", rel_offset=0, rel_base="dct")
    return Spec(month=month)


def year_alone(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    prev = _prev_word(text, m.start())
    after = text[m.end() : m.end() + 3]
    if (
        prev not in g.words.year_cues
        and prev not in g.words.year_determiners
        and not re.match(r"(?:'s|[,.;:)!?\"”]|\s*$|\s+-)", after)
    ):
        return None
    return Spec(year=int(m["year"]))


def decade(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    if m["dec"]:
        return Spec(decade=int(m["dec"]))
    return Spec(decade=190 + int(m["dec2"]) if int(m["dec2"]) < 3 else 190 + int(m["dec2"]) - 10)


def deictic(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    word = norm(m["w"])
    found = g.words.deictics.get(word)
    if found is not None:
        return Spec(
            kind="time" if found.part_of_day else "date",
            rel_unit=found.unit,
            rel_offset=found.offset,
            rel_base="dct",
            part_of_day=found.part_of_day,
        )
    if _next_word(text, m.end()) in g.words.refs_not_before.get(word, ()):
        return None  # "now that ..."
    return Spec(ref=g.words.refs[word])


def pod(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    offset = g.words.part_of_day_shifts[norm(m["dir"])]
    part = g.calendar.parts_of_day[m["pod"].lower()]
    return Spec(kind="time", rel_unit="day", rel_offset=offset, rel_base="dct", part_of_day=part)


def relative(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    shift = g.shift(m["dir"])
    unit = g.unit(m["unit"])
    approx = bool(m["early"])
    season = g.calendar.seasons.get(m["unit"].lower())
    if m["the"]:
        if shift in (Shift.PREVIOUS, Shift.FOLLOWING, Shift.SAME) or (
            shift is Shift.NEXT and unit == "day"
        ):
            return Spec(rel_unit=unit, rel_offset=_NARRATIVE[shift], rel_base="narrative")
        if shift in (Shift.PAST, Shift.LAST, Shift.NEXT) and not season:
            return Spec(kind="duration", duration=((unit, 1.0),))
        return None
    if shift in (Shift.PREVIOUS, Shift.FOLLOWING, Shift.SAME) or shift is None:
        return None
    if shift is Shift.PAST:
        return None if season else Spec(kind="duration", duration=((unit, 1.0),))
    offset = _OFFSETS[shift]
    if season:
        return Spec(
            rel_unit="season", rel_offset=offset, rel_base="dct", season=season, approx=approx
        )
    return Spec(rel_unit=unit, rel_offset=offset, rel_base="dct", approx=approx)


def rel_weekday(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    wd = _weekday(m["wd"], g)
    if wd is None:
        return None
    title = re.match(r"\s+([^\W\d_]+)", text[m.end() :])
    if title and title.group(1)[0].isupper() and title.group(1).lower() in g.words.weekday_titles:
        return None  # "the Sunday Times"
    direction = (m["dir"] or "").lower()
    shift = g.shift(direction)
    part = g.calendar.parts_of_day.get((m["pod"] or "").lower())
    return Spec(
        kind="time" if part else "date",
        weekday=wd,
        rel_unit="weekday",
        rel_offset=_OFFSETS.get(shift) if shift else None,
        rel_base="dct",
        part_of_day=part,
        approx=direction in g.words.edges,
    )


def ago(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    direction = norm(m["dir"])
    found = g.words.offsets_after.get(direction)
    if found is None:
        return None  # "five days after X": only the duration is temporal (tagged separately)
    base_word, sign = found
    if base_word == "narrative" and _next_word(text, m.end()) == g.words.than:
        return None
    if _age_after(text, m.end(), g):
        return None
    amount = number_value(m["q"], g)
    unit = g.unit(m["unit"])
    base: RelBase = "dct" if base_word == "dct" else "narrative"
    if amount is None:
        return Spec(
            rel_unit=unit,
            rel_offset=None,
            rel_base=base,
            approx=True,
            ref="PAST_REF" if sign < 0 else "FUTURE_REF",
        )
    if unit in {"decade", "century"}:  # "a decade ago" is a year
        amount *= 10 if unit == "decade" else 100
        unit = "year"
    return Spec(
        rel_unit=unit,
        rel_offset=round(sign * amount),
        rel_base=base,
        approx=amount != int(amount),
    )


def _age_after(text: str, end: int, g: Grammar) -> bool:
    after = text[end : end + 10].lower()
    if after.startswith("-"):
        after = " " + after[1:]
    return any(re.match(r"\s+" + re.escape(w) + r"\b", after) for w in g.words.age_after)


def duration(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    if not m["dir"] and _age_after(text, m.end(), g):
        return None  # an age, not a duration
    pairs = [(q, g.unit(u)) for q, u in g.pair.findall(m.group(0))]
    if not pairs:
        return None
    cue = _prev_word(text, m.start())
    indefinite = norm(pairs[0][0]) in g.numbers.indefinite
    if indefinite and not m["dir"] and cue not in g.words.article_duration_cues:
        return None
    if re.match(r"\s*\d", text[m.end() : m.end() + 8]):
        return None
    return Spec(kind="duration", duration=tuple((u, number_value(q, g)) for q, u in pairs))


def hyphen_duration(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    amount = number_value(m["q"].replace("-", " "), g)
    return Spec(kind="duration", duration=((g.unit(m["unit"]), amount),))


def vague_plural(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    return Spec(kind="duration", duration=((g.unit(m["unit"]), None),))


def set_handler(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    if m["adv"]:
        unit = g.words.set_adverbs[m["adv"].lower()]
    elif m["unit"]:
        unit = g.unit(m["unit"])
    else:
        unit = g.unit(m["per"].split()[-1])
        before = text[max(0, m.start() - 12) : m.start()].lower().rstrip()
        if not (
            before[-1:].isdigit() or before.endswith("%") or before.endswith(g.words.per_after)
        ):
            return None
    return Spec(kind="set", set_unit=unit)


def quarter(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    word = m["ord"].lower()
    q = 4 if word in g.words.final else g.numbers.ordinals.get(word)
    if q is None:
        return None
    year = int(m["year"]) if m["year"] else None
    return Spec(
        quarter=q,
        year=year,
        rel_unit=None if year else "quarter-of",
        rel_base=None if year else "dct",
    )


def fiscal_quarter(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    offset = g.words.quarter_refs.get((m["which"] or "").lower(), 0)
    return Spec(rel_unit="fiscal-quarter", rel_offset=offset, rel_base="dct")


def season(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    direction = (m["dir"] or "").lower()
    code = g.calendar.seasons[m["season"].lower()]
    if m["year"]:
        return Spec(season=code, year=int(m["year"]), approx=direction in g.words.edges)
    shift = g.shift(direction)
    if shift in _OFFSETS:
        assert shift is not None
        return Spec(season=code, rel_unit="season", rel_offset=_OFFSETS[shift], rel_base="dct")
    return None


def clock_alone(m: re.Match[str], text: str, g: Grammar) -> Spec | None:
    token = m["clock"]
    meridian = _has_meridian(token, g)
    if not meridian and not m["pre"]:
        return None
    if not meridian and "." in token:
        return None
    return Spec(
        kind="time", rel_unit="day", rel_offset=0, rel_base="dct", clock=clock_value(token, g)
    )


def _is_sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in '.!?\n"“'
