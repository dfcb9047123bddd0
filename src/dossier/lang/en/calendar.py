"""English month and weekday names, seasons, parts of the day, and the words around dates."""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.en.timewords import PAGE_DATE, TENSE, TIME_WORDS
from dossier.lang.language import Calendar

_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_WEEKDAYS = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)

CALENDAR = Calendar(
    months=MappingProxyType(
        {name: number for number, names in enumerate(_MONTHS, 1) for name in names}
    ),
    weekdays=MappingProxyType(
        {name: number for number, names in enumerate(_WEEKDAYS) for name in names}
    ),
    # Month names that are also common English words: they need a day, a year or a cue.
    ambiguous_months=frozenset({"may", "march", "mar", "jan", "dec", "sep", "jun", "jul", "aug"}),
    seasons=MappingProxyType(
        {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
    ),
    parts_of_day=MappingProxyType(
        {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
    ),
    # "04/03/2021" is 3 April in US usage, 4 March elsewhere: month first when nothing decides.
    numeric_day_first=False,
    expressions=TIME_WORDS,
    tense=TENSE,
    page=PAGE_DATE,
)
