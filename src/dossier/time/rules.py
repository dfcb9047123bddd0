"""The rules of the temporal grammar: one pattern and handler per kind of expression.

Patterns are templates whose ``<<name>>`` slots are filled with regex pieces built from the
language's tables (:class:`~dossier.time.grammar.Grammar`); overlapping matches are
resolved leftmost-longest by :func:`dossier.time.detect.detect`, ties by ``priority``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.lang.timewords import Shift
from dossier.time import handlers as h
from dossier.time.grammar import (
    CALENDAR_UNITS,
    NO_LETTER,
    PER_UNITS,
    YEAR,
    Handler,
    Rule,
    alternation,
    compile_ci,
    fill,
    lowercase_scanner,
)

if TYPE_CHECKING:
    from dossier.time.grammar import Grammar

_DCT_SHIFTS = frozenset({Shift.LAST, Shift.NEXT, Shift.THIS})


def _rule(name: str, pattern: str, handler: Handler, priority: int) -> Rule:
    compiled = compile_ci(pattern)
    return Rule(name, compiled, lowercase_scanner(compiled), handler, priority)


def _shift_words(g: Grammar, shifts: frozenset[Shift]) -> list[str]:
    return [word for word, shift in g.words.shifts.items() if shift in shifts]


def build_rules(g: Grammar) -> tuple[Rule, ...]:
    return (*_calendar_rules(g), *_relative_rules(g), *_duration_rules(g), *_other_rules(g))


def _calendar_rules(g: Grammar) -> list[Rule]:
    p, w = g.pieces, g.words
    clock_after = fill(
        r"(?:,?\s+(?:<<at>>\s+)?(?P<clock><<clock>>))?",
        at=alternation(w.clock_prepositions),
        clock=p.clock,
    )
    wd = fill(r"(?:(?P<wd><<wd>>),?\s+(?:<<the>>\s+)?)?", wd=p.weekday_in_date, the=p.the)
    slots = {"wd": wd, "mon": p.month, "day": p.day, "year": YEAR, "of": p.of, "the": p.the}
    return [
        *_numeric_rules(clock_after),
        *_month_rules(clock_after, slots),
        *_loose_rules(g, slots),
    ]


def _numeric_rules(clock_after: str) -> list[Rule]:
    """Dates written in digits only: ISO, and day/month/year in either order."""
    return [
        _rule(
            "iso",
            r"(?<![\d-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<clock>[0-2]\d:[0-5]\d))?(?![\d-])",
            h.iso,
            0,
        ),
        _rule(
            "numeric",
            r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
            r"(?![\d/]|[.\-]\d)" + clock_after,
            h.numeric,
            0,
        ),
    ]


def _month_rules(clock_after: str, slots: dict[str, str]) -> list[Rule]:
    """Dates with a month name: "May 14, 2020", "14th of May 2020", "May 2020"."""
    return [
        _rule(
            "mdy",
            fill(
                r"(?<![\w.])<<wd>>(?P<mon><<mon>>)\s+(?P<day><<day>>)"
                r"(?:(?:\s*,\s*|\s+)(?P<year><<year>>))?",
                **slots,
            )
            + clock_after,
            h.mdy,
            1,
        ),
        _rule(
            "dmy",
            fill(
                r"(?<![\w.,$£€])<<wd>>(?P<day><<day>>)(?P<of>\s+<<of>>)?\s+(?P<mon><<mon>>)"
                r"(?:,?\s+(?P<year><<year>>))?",
                **slots,
            )
            + clock_after,
            h.dmy,
            1,
        ),
        _rule(
            "my",
            fill(r"(?<![\w.])(?P<mon><<mon>>)(?:\s+<<of>>)?,?\s+(?P<year><<year>>)", **slots),
            h.my,
            1,
        ),
    ]


def _loose_rules(g: Grammar, slots: dict[str, str]) -> list[Rule]:
    """A year alone, a month alone ("last May"), a decade."""
    back = alternation(_shift_words(g, frozenset(Shift) - {Shift.FOLLOWING, Shift.SAME}))
    return [
        _rule(
            "year", r"(?<![\w$€£.,/#:-])(?P<year>" + YEAR + r")(?![\w/-]|[.,]\d)", h.year_alone, 5
        ),
        _rule(
            "bare-month",
            fill(r"(?<![\w.])(?:(?P<dir><<back>>)\s+)?(?P<mon><<mon>>)", back=back, **slots),
            h.bare_month,
            5,
        ),
        _rule(
            "decade",
            fill(
                r"(?<!\w)(?:<<the>>\s+)?(?:(?P<dec>(?:1[6-9]|20)\d)0'?s|'(?P<dec2>\d)0s)<<end>>",
                end=NO_LETTER,
                **slots,
            ),
            h.decade,
            2,
        ),
    ]


def _relative_rules(g: Grammar) -> list[Rule]:
    p, w, cal = g.pieces, g.words, g.calendar
    units = [u for u, canonical in w.units.items() if u == canonical and u in CALENDAR_UNITS]
    slots = {
        "edge": alternation(e for e, mod in w.edges.items() if mod),
        "edges": alternation(w.edges),
        "dct": alternation(_shift_words(g, _DCT_SHIFTS)),
        "shift": alternation(w.shifts),
        "pods": alternation(cal.parts_of_day),
        "pod_shift": alternation(w.part_of_day_shifts),
        "seasons": alternation(cal.seasons),
        "units": alternation([*units, *cal.seasons]),
        "deictic": alternation([*w.deictics, *w.refs]),
        "wd": p.weekday,
        "the": p.the,
        "of": p.of,
        "year": YEAR,
        "end": NO_LETTER,
    }
    return [
        _rule(
            "season",
            fill(
                r"(?<!\w)(?:(?P<dir><<dct>>|<<edge>>|<<the>>)\s+)?(?P<season><<seasons>>)"
                r"(?:\s+(?:<<of>>\s+)?(?P<year><<year>>))?<<end>>",
                **slots,
            ),
            h.season,
            2,
        ),
        _rule(
            "pod",
            fill(r"(?<!\w)(?P<dir><<pod_shift>>)\s+(?P<pod><<pods>>)<<end>>", **slots),
            h.pod,
            1,
        ),
        _rule("deictic", fill(r"(?<![\w-])(?P<w><<deictic>>)(?![\w-])", **slots), h.deictic, 3),
        _rule(
            "relative",
            fill(
                r"(?<!\w)(?:(?P<early><<edges>>)\s+)?(?P<the><<the>>\s+)?(?P<dir><<shift>>)\s+"
                r"(?P<unit><<units>>)<<end>>",
                **slots,
            ),
            h.relative,
            2,
        ),
        _rule(
            "weekday",
            fill(
                r"(?<!\w)(?:(?P<dir><<dct>>|<<edge>>)\s+)?(?P<wd><<wd>>)(?:\s+(?P<pod><<pods>>))?",
                **slots,
            ),
            h.rel_weekday,
            3,
        ),
    ]


def _duration_rules(g: Grammar) -> list[Rule]:
    p, w = g.pieces, g.words
    slots = {
        "q": p.quantity,
        "unit": p.unit,
        "after": alternation(w.offsets_after),
        "the": p.the,
        "lead": alternation(w.duration_leads),
        "filler": alternation(w.duration_fillers),
        "and": alternation([w.conjunction]),
        "num": p.num_word,
        "hyphen": alternation(w.hyphen_units),
        "age": alternation(w.age_after),
        "recent": alternation(w.recent),
        "plural": alternation(u for u, canonical in w.units.items() if u != canonical),
        "end": NO_LETTER,
    }
    return [
        _rule(
            "ago",
            fill(
                r"(?<![\w-])(?P<q><<q>>)\s+(?P<unit><<unit>>)\s+(?P<dir><<after>>)<<end>>", **slots
            ),
            h.ago,
            1,
        ),
        _rule(
            "duration",
            fill(
                r"(?<![\w-])(?:(?P<dir><<the>>\s+<<lead>>\s+)|(?:<<the>>\s+))?(?P<q><<q>>)\s+"
                r"(?:<<filler>>\s+)?(?P<unit><<unit>>)"
                r"(?:\s*(?:,|<<and>>|,\s*<<and>>)\s*<<q>>\s+<<unit>>)*",
                **slots,
            ),
            h.duration,
            4,
        ),
        _rule(
            "hyphen-duration",
            fill(
                r"(?<![\w-])(?P<q>\d+|<<num>>)-(?P<unit><<hyphen>>)(?![^\W\d_]|-)(?!\s+<<age>>\b)",
                **slots,
            ),
            h.hyphen_duration,
            4,
        ),
        _rule(
            "vague-plural",
            fill(r"(?<!\w)<<recent>>\s+(?P<core>(?P<unit><<plural>>))<<end>>", **slots),
            h.vague_plural,
            5,
        ),
    ]


def _other_rules(g: Grammar) -> list[Rule]:
    p, w, cal = g.pieces, g.words, g.calendar
    singular = [u for u, canonical in w.units.items() if u == canonical]
    slots = {
        "the": p.the,
        "of": p.of,
        "year": YEAR,
        "end": NO_LETTER,
        "ord": alternation([*(o for o, n in g.numbers.ordinals.items() if n <= 4), *w.final]),
        "fiscal": alternation([w.fiscal]),
        "quarter": alternation([w.quarter]),
        "which": alternation(w.quarter_refs),
        "every": alternation(w.set_quantifiers),
        "other": alternation([w.other]),
        "units": alternation([*singular, *cal.parts_of_day]),
        "adverb": alternation(w.set_adverbs),
        "per": alternation(w.per),
        "per_units": alternation(u for u in singular if u in PER_UNITS),
        "pre": alternation(w.clock_prepositions),
        "clock": p.clock,
    }
    return [
        _rule(
            "quarter",
            fill(
                r"(?<!\w)(?:<<the>>\s+)?(?P<ord><<ord>>)[\s-]+(?:<<fiscal>>\s+)?<<quarter>>"
                r"(?:\s+<<of>>\s+(?:<<fiscal>>\s+)?(?P<year><<year>>))?<<end>>",
                **slots,
            ),
            h.quarter,
            1,
        ),
        _rule(
            "fiscal-quarter",
            fill(
                r"(?<!\w)<<the>>\s+(?:(?P<which><<which>>)\s+)?<<quarter>>(?![^\W\d_]|-)"
                r"(?!\s+<<of>>\b)",
                **slots,
            ),
            h.fiscal_quarter,
            1,
        ),
        _rule(
            "set",
            fill(
                r"(?<!\w)(?:<<every>>\s+(?:<<other>>\s+)?(?P<unit><<units>>)<<end>>"
                r"|(?<![\w-])(?P<adv><<adverb>>)(?![\w-])|(?P<per><<per>>\s+<<per_units>>)<<end>>)",
                **slots,
            ),
            h.set_handler,
            0,
        ),
        _rule(
            "clock",
            fill(r"(?<![\w.:])(?:(?P<pre><<pre>>)\s+)?(?P<core>(?P<clock><<clock>>))", **slots),
            h.clock_alone,
            6,
        ),
    ]
