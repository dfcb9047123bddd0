"""English words of temporal expressions, tense cues and page-date labels."""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.language import phrases, words
from dossier.lang.timewords import Deictic, PageDateWords, Shift, TenseCues, TimeWords

_UNITS = {
    **{u: u for u in words("second minute hour day night week weekend fortnight month quarter")},
    **{u: u for u in words("year decade century")},
    **{u + "s": u for u in words("second minute hour day night week weekend fortnight month")},
    **{u + "s": u for u in words("quarter year decade")},
    "centuries": "century",
}

TIME_WORDS = TimeWords(
    article="the",
    of="of",
    conjunction="and",
    other="other",
    very="very",
    units=MappingProxyType(_UNITS),
    hyphen_units=frozenset(words("second minute hour day week month year decade")),
    shifts=MappingProxyType(
        {
            "last": Shift.LAST,
            "next": Shift.NEXT,
            "coming": Shift.NEXT,
            "this": Shift.THIS,
            "current": Shift.THIS,
            "past": Shift.PAST,
            "previous": Shift.PREVIOUS,
            "preceding": Shift.PREVIOUS,
            "following": Shift.FOLLOWING,
            "same": Shift.SAME,
        }
    ),
    edges=MappingProxyType({"early": "START", "late": "END", "earlier": None, "later": None}),
    period_parts=MappingProxyType(
        {
            "start": "START",
            "beginning": "START",
            "first half": "START",
            "first part": "START",
            "early part": "START",
            "end": "END",
            "close": "END",
            "turn": "END",
            "second half": "END",
            "latter part": "END",
            "latter half": "END",
            "middle": "MID",
        }
    ),
    mid="mid",
    deictics=MappingProxyType(
        {
            "yesterday": Deictic("day", -1),
            "today": Deictic("day", 0),
            "tonight": Deictic("day", 0, "NI"),
            "tomorrow": Deictic("day", 1),
            "the day before yesterday": Deictic("day", -2),
            "the day after tomorrow": Deictic("day", 2),
        }
    ),
    refs=MappingProxyType(
        {
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
    ),
    refs_not_before=MappingProxyType({"now": frozenset({"that"})}),
    offsets_after=MappingProxyType(
        {
            "ago": ("dct", -1),
            "back": ("dct", -1),
            "from now": ("dct", 1),
            "hence": ("dct", 1),
            "earlier": ("narrative", -1),
            "later": ("narrative", 1),
            "before": None,
            "after": None,
        }
    ),
    than="than",
    age_after=frozenset({"old", "of age"}),
    duration_fillers=frozenset(words("more full long straight")),
    duration_leads=frozenset(words("past last next coming first final previous following")),
    article_duration_cues=frozenset(
        words(
            """for in within about than over after nearly almost spent past last next around
            only just least once up under roughly some more first"""
        )
    ),
    recent=frozenset({"recent"}),
    quarter="quarter",
    fiscal="fiscal",
    final=frozenset({"final", "last"}),
    quarter_refs=MappingProxyType(
        {
            "latest": 0,
            "current": 0,
            "same": 0,
            "comparable": 0,
            "recent": 0,
            "previous": -1,
            "past": -1,
            "year-ago": -4,
            "year-earlier": -4,
        }
    ),
    set_quantifiers=frozenset({"every", "each"}),
    set_adverbs=MappingProxyType(
        {
            "daily": "day",
            "weekly": "week",
            "monthly": "month",
            "annually": "year",
            "yearly": "year",
            "hourly": "hour",
            "nightly": "night",
        }
    ),
    per=frozenset({"a", "per"}),
    per_after=("illion", "times", "once", "twice", "percent"),
    part_of_day_shifts=MappingProxyType(
        {"this": 0, "early this": 0, "last": -1, "late last": -1, "yesterday": -1, "tomorrow": 1}
    ),
    clock_prepositions=frozenset(words("at by around until about before after from")),
    meridians=MappingProxyType({"a.m.": "am", "p.m.": "pm", "am": "am", "pm": "pm"}),
    clock_words=MappingProxyType({"noon": "12:00", "midnight": "24:00"}),
    strong_month_cues=frozenset(
        words("in during since until till by from through throughout last next this early late mid")
    ),
    month_cues=frozenset(
        words(
            """in during since until till by from through throughout last next this early late
            mid before after as between and or to of around"""
        )
    ),
    not_after_month_day=frozenset(words("people of or to and percent")),
    year_cues=frozenset(
        words(
            """in since by until till of during from to before after through early late mid
            between and year fiscal circa around spring summer fall autumn winter or"""
        )
    ),
    # "the 1996 Olympic bombing", "a 1996 law", "its 1989 results", "both 1990 and 1991".
    year_determiners=frozenset(words("the a an that this its his her their our s both")),
    weekday_titles=frozenset(words("times telegraph mail express")),
    sequence=frozenset(words("then later subsequently afterwards thereafter")),
    duration_for="for",
    duration_spans=frozenset({"a period of", "a term of"}),
    duration_hedges=frozenset(words("about nearly almost")),
)

TENSE = TenseCues(
    future=frozenset(
        (
            *words(
                """will won't wo shall 'll scheduled slated due expected expects expect plan
                plans planned upcoming next intend intends would"""
            ),
            *phrases("set to; is to; are to; going to; to be held; as soon as; as early as"),
            *phrases("likely to"),
        )
    ),
    past=frozenset(
        words(
            """was were had did ago last said told since earlier previously already began went
            came took gave made fled left met held sent won lost fell rose spent paid found saw
            ran led brought thought became got struck hit shot"""
        )
    ),
    past_form="[a-z]{2,}ed",
    not_past=frozenset(
        words(
            """based related alleged armed united limited detailed advanced concerned interested
            supposed used scheduled expected planned proposed red need speed feed seed bed
            indeed hundred"""
        )
    ),
    neutral=frozenset(words("until till by before through")),
)

PAGE_DATE = PageDateWords(
    published=frozenset(
        (
            *words("published posted date created"),
            *phrases("first published; originally published; publication date; date published"),
        )
    ),
    updated=frozenset(
        (
            *words("updated modified revised"),
            *phrases("last updated; last modified; date modified; last revised"),
        )
    ),
    joiners=frozenset(words("on at")),
    bylines=frozenset(
        (
            *words("by reporter correspondent writer editor contributor"),
            *phrases("staff writer; staff reporter; written by"),
        )
    ),
    copyright=frozenset({"copyright", "all rights reserved", "©", "(c)"}),
)
