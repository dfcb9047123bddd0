"""Handlers of the temporal grammar: each turns one regex match into a :class:`Spec`.

A handler returns ``None`` to reject a match (a false hit). See :mod:`dossier.time.detect`
for the grammar itself.

:func:`detect` returns :class:`~dossier.time.spec.RawTimex` records (span and
parsed meaning) without anchoring them to any date. Month and weekday names
must be capitalised, and the month names that are also English words ("May",
"March") need a day, a year or a cue word, so verbs and modals are not dates.
Ages ("25-year-old"), bare numbers and quantities are not dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dossier.time import grammar as g
from dossier.time.spec import RelBase, Spec

Handler = Callable[[re.Match[str], str], Spec | None]

_WS = re.compile(r"\s+")
_PAIR = re.compile(
    r"(" + g.QUANTITY + r")\s+(?:more\s+|full\s+|long\s+|straight\s+)?(" + g.UNIT + r")", re.I
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip().lower().rstrip("."))


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _month(token: str) -> int | None:
    if not token or not token[0].isupper():
        return None
    return g.MONTHS.get(_norm(token))


def _weekday(token: str) -> int | None:
    if not token or not token[0].isupper():
        return None
    return g.WEEKDAYS.get(_norm(token))


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _year(token: str) -> int:
    return int(token)


def _clock(token: str | None) -> str | None:
    if not token:
        return None
    t = token.lower().strip()
    if t == "noon":
        return "12:00"
    if t == "midnight":
        return "24:00"
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) and m.group(3)[0] == "p" and hour < 12:
        hour += 12
    if m.group(3) and m.group(3)[0] == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _number(token: str) -> float | None:
    t = _norm(token)
    t = re.sub(
        r"^(?:more than|less than|fewer than|about|almost|nearly|around|roughly|some|over|"
        r"under|at least|up to|just|only) ",
        "",
        t,
    )
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    if t in g.VAGUE_QUANTITIES:
        return None
    value: float | None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        value = (
            float(t.replace(",", ""))
            if "," in t and len(t.split(",")[-1]) == 3
            else float(t.replace(",", "."))
        )
    elif t in g.NUMBER_WORDS:
        value = float(g.NUMBER_WORDS[t])
    else:
        parts = re.split(r"[- ]", t)
        if len(parts) == 2 and parts[0] in g.NUMBER_WORDS and parts[1] in g.NUMBER_WORDS:
            value = float(g.NUMBER_WORDS[parts[0]] + g.NUMBER_WORDS[parts[1]])
        else:
            return None
    return value + 0.5 if half else value


def _unit(token: str) -> str:
    t = token.lower()
    if t == "centuries":
        return "century"
    return t[:-1] if t.endswith("s") else t


# --- handlers ----------------------------------------------------------------------


def iso(m: re.Match[str], text: str) -> Spec | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Spec(year=y, month=mo, day=d, clock=_clock(m["clock"]))


def numeric(m: re.Match[str], text: str) -> Spec | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 50 else 2000
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    if m["sep"] == "." and not m["clock"] and len(m["y"]) == 2:
        return None  # "1.2.34" is more likely a version or a score than a date
    return Spec(year=y, numeric=(a, b), clock=_clock(m["clock"]))


def mdy(m: re.Match[str], text: str) -> Spec | None:
    month = _month(m["mon"])
    if month is None:
        return None
    day = _day(m["day"])
    year = _year(m["year"]) if m["year"] else None
    wd = _weekday(m["wd"]) if m["wd"] else None
    if m["wd"] and wd is None:
        return None
    # "May 5" is a date, but a sentence-initial "May 10 people ..." is not.
    if (
        year is None
        and _norm(m["mon"]) in {"may", "march"}
        and _is_sentence_start(text, m.start())
        and re.match(r"\s+(?:people|of|or|to|and|percent|%)", text[m.end() : m.end() + 12].lower())
    ):
        return None
    return Spec(year=year, month=month, day=day, weekday=wd, clock=_clock(m["clock"]))


def dmy(m: re.Match[str], text: str) -> Spec | None:
    month = _month(m["mon"])
    if month is None:
        return None
    # "30 May" is a date; "given 30 may" is not (a lower-case month is rejected by _month).
    wd = _weekday(m["wd"]) if m["wd"] else None
    if m["wd"] and wd is None:
        return None
    year = _year(m["year"]) if m["year"] else None
    return Spec(year=year, month=month, day=_day(m["day"]), weekday=wd)


def my(m: re.Match[str], text: str) -> Spec | None:
    month = _month(m["mon"])
    if month is None:
        return None
    return Spec(year=_year(m["year"]), month=month)


_STRONG_MONTH_CUES = frozenset(
    [
        "in",
        "during",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "throughout",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
    ]
)
_BARE_MONTH_CUES = _STRONG_MONTH_CUES | frozenset(
    ["before", "after", "as", "between", "and", "or", "to", "of", "around"]
)


def bare_month(m: re.Match[str], text: str) -> Spec | None:
    month = _month(m["mon"])
    if (
        month is None
        or "." in m["mon"]
        or (
            len(_norm(m["mon"])) <= 4
            and _norm(m["mon"])
            not in {
                "may",
                "june",
                "july",
            }
        )
    ):
        return None
    direction = (m["dir"] or "").lower()
    prev = _prev_word(text, m.start())
    modifier = bool(g.MODIFIER_BEFORE.search(text[max(0, m.start() - 40) : m.start()]))
    cues = _STRONG_MONTH_CUES if _norm(m["mon"]) in g.AMBIGUOUS_MONTHS else _BARE_MONTH_CUES
    if not direction and not modifier and prev not in cues:
        return None
    if direction in {"last", "past", "previous"}:
        return Spec(month=month, rel_unit="monthname", rel_offset=-1, rel_base="dct")
    if direction in {"next", "coming"}:
        return Spec(month=month, rel_unit="monthname", rel_offset=1, rel_base="dct")
    if direction == "this":
        return Spec(month=month, rel_unit="monthname", rel_offset=0, rel_base="dct")
    return Spec(month=month)


_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "of",
        "during",
        "from",
        "to",
        "before",
        "after",
        "through",
        "early",
        "late",
        "mid",
        "between",
        "and",
        "year",
        "fiscal",
        "circa",
        "around",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "or",
    ]
)


# "the 1996 Olympic bombing", "a 1996 law", "its 1989 results", "both 1990 and 1991".
_YEAR_DETERMINERS = frozenset(
    ["the", "a", "an", "that", "this", "its", "his", "her", "their", "our", "s", "both"]
)


def year_alone(m: re.Match[str], text: str) -> Spec | None:
    prev = _prev_word(text, m.start())
    after = text[m.end() : m.end() + 3]
    if (
        prev not in _YEAR_CUES
        and prev not in _YEAR_DETERMINERS
        and not re.match(r"(?:'s|[,.;:)!?\"”]|\s*$|\s+-)", after)
    ):
        return None
    return Spec(year=_year(m["year"]))


def decade(m: re.Match[str], text: str) -> Spec | None:
    if m["dec"]:
        return Spec(decade=int(m["dec"]))
    return Spec(decade=190 + int(m["dec2"]) if int(m["dec2"]) < 3 else 190 + int(m["dec2"]) - 10)


_DEICTIC = {
    "yesterday": ("day", -1),
    "today": ("day", 0),
    "tonight": ("day", 0),
    "tomorrow": ("day", 1),
    "the day before yesterday": ("day", -2),
    "the day after tomorrow": ("day", 2),
}
_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


def deictic(m: re.Match[str], text: str) -> Spec | None:
    word = _norm(m["w"])
    pod = "NI" if word == "tonight" else None
    if word in _DEICTIC:
        unit, offset = _DEICTIC[word]
        return Spec(
            kind="time" if pod else "date",
            rel_unit=unit,
            rel_offset=offset,
            rel_base="dct",
            part_of_day=pod,
        )
    if word == "now" and re.match(r"-|\s+that\b", text[m.end() : m.end() + 6]):
        return None  # "now-defunct", "now that ..."
    return Spec(ref=_REFS[word])


def pod(m: re.Match[str], text: str) -> Spec | None:
    direction = _norm(m["dir"])
    pod = g.PARTS_OF_DAY[m["pod"].lower()]
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}.get(direction.split()[-1], 0)
    if direction.endswith("last") and pod != "NI":
        offset = -1
    return Spec(kind="time", rel_unit="day", rel_offset=offset, rel_base="dct", part_of_day=pod)


_NARRATIVE_DIRS = {"following": 1, "previous": -1, "same": 0, "next": 1, "preceding": -1}


def relative(m: re.Match[str], text: str) -> Spec | None:
    direction = m["dir"].lower()
    unit = m["unit"].lower()
    approx = bool(m["early"])
    season = g.SEASONS.get(unit)
    if m["the"]:
        if (direction in _NARRATIVE_DIRS and direction != "next") or (
            direction == "next" and unit in {"day", "morning"}
        ):
            return Spec(rel_unit=unit, rel_offset=_NARRATIVE_DIRS[direction], rel_base="narrative")
        if direction in {"past", "last", "next", "coming"} and not season:
            return Spec(kind="duration", duration=((unit, 1.0),))
        return None
    if direction in {"following", "previous", "preceding", "same"}:
        return None
    if direction == "past":
        return None if season else Spec(kind="duration", duration=((unit, 1.0),))
    offset = {"last": -1, "next": 1, "coming": 1, "this": 0, "current": 0}[direction]
    if season:
        return Spec(
            rel_unit="season", rel_offset=offset, rel_base="dct", season=season, approx=approx
        )
    return Spec(rel_unit=unit, rel_offset=offset, rel_base="dct", approx=approx)


def rel_weekday(m: re.Match[str], text: str) -> Spec | None:
    wd = _weekday(m["wd"])
    if wd is None or (m["wd"].endswith(".") and not m["wd"][0].isupper()):
        return None
    if m["wd"].lower().startswith("sun") and re.match(
        r"\s+(?:Times|Telegraph|Mail|Express)", text[m.end() :]
    ):
        return None
    direction = (m["dir"] or "").lower()
    offset = {"last": -1, "next": 1, "coming": 1, "this": 0}.get(direction)
    pod = g.PARTS_OF_DAY.get((m["pod"] or "").lower())
    return Spec(
        kind="time" if pod else "date",
        weekday=wd,
        rel_unit="weekday",
        rel_offset=offset,
        rel_base="dct",
        part_of_day=pod,
        approx=direction in {"early", "late"},
    )


def ago(m: re.Match[str], text: str) -> Spec | None:
    direction = _norm(m["dir"])
    after = text[m.end() : m.end() + 8]
    amount = _number(m["q"])
    unit = _unit(m["unit"])
    if direction in {"before", "after"}:
        return None  # "five days after X": only the duration is temporal (tagged separately)
    if direction in {"earlier", "later"} and re.match(r"\s+than\b", after):
        return None
    if re.match(r"-old|\s+old\b", after):
        return None
    base: RelBase = "dct" if direction in {"ago", "from now", "hence", "back"} else "narrative"
    sign = -1 if direction in {"ago", "earlier", "back"} else 1
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


_A_CUES = frozenset(
    [
        "for",
        "in",
        "within",
        "about",
        "than",
        "over",
        "after",
        "nearly",
        "almost",
        "spent",
        "past",
        "last",
        "next",
        "around",
        "only",
        "just",
        "least",
        "once",
        "up",
        "under",
        "roughly",
        "some",
        "more",
        "first",
    ]
)


def duration(m: re.Match[str], text: str) -> Spec | None:
    span = m.group(0)
    after = text[m.end() : m.end() + 8]
    if not m["dir"] and re.match(r"-old|\s+old\b|\s+of\s+age\b", after):
        return None  # an age, not a duration
    pairs = [(q, _unit(u)) for q, u in _PAIR.findall(span)]
    if not pairs:
        return None
    first_q = _norm(pairs[0][0])
    if first_q in {"a", "an"} and not m["dir"]:
        prev = _prev_word(text, m.start())
        if prev not in _A_CUES:
            return None
    if re.match(r"\s*\d", after):
        return None
    return Spec(kind="duration", duration=tuple((u, _number(q)) for q, u in pairs))


def hyphen_duration(m: re.Match[str], text: str) -> Spec | None:
    amount = _number(m["q"].replace("-", " "))
    return Spec(kind="duration", duration=((_unit(m["unit"]), amount),))


def vague_plural(m: re.Match[str], text: str) -> Spec | None:
    return Spec(kind="duration", duration=((_unit(m["unit"]), None),))


def set_handler(m: re.Match[str], text: str) -> Spec | None:
    unit = (m["unit"] or m["adv"] or "").lower()
    mapping = {
        "daily": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "hourly": "hour",
        "nightly": "night",
    }
    unit = mapping.get(unit, unit)
    if m["per"]:
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"(?:\d|illion|times|once|twice|percent|%)\s*$", before):
            return None
    return Spec(kind="set", set_unit=unit)


def quarter(m: re.Match[str], text: str) -> Spec | None:
    q = g.ORDINALS.get(m["ord"].lower())
    if q is None:
        return None
    year = _year(m["year"]) if m["year"] else None
    return Spec(
        quarter=q,
        year=year,
        rel_unit=None if year else "quarter-of",
        rel_base=None if year else "dct",
    )


def fiscal_quarter(m: re.Match[str], text: str) -> Spec | None:
    which = (m["which"] or "").lower()
    offset = {"year-ago": -4, "year-earlier": -4, "previous": -1, "past": -1}.get(which, 0)
    return Spec(rel_unit="fiscal-quarter", rel_offset=offset, rel_base="dct")


def season(m: re.Match[str], text: str) -> Spec | None:
    direction = (m["dir"] or "").lower()
    season = g.SEASONS[m["season"].lower()]
    if m["year"]:
        return Spec(season=season, year=_year(m["year"]), approx=direction in {"early", "late"})
    if direction in {"last", "next", "this"}:
        offset = {"last": -1, "next": 1, "this": 0}[direction]
        return Spec(season=season, rel_unit="season", rel_offset=offset, rel_base="dct")
    return None


def clock_alone(m: re.Match[str], text: str) -> Spec | None:
    token = m["clock"].lower()
    has_meridian = bool(re.search(r"[ap]\.?m\.?|noon|midnight", token))
    if not has_meridian and not m["pre"]:
        return None
    if not has_meridian and "." in token:
        return None
    return Spec(kind="time", rel_unit="day", rel_offset=0, rel_base="dct", clock=_clock(token))


def _is_sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in '.!?\n"“'
