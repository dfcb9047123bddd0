"""The temporal grammar of one language, compiled from its language object.

:class:`Grammar` holds the regular expressions of every kind of expression ("March 3,
2021", "two weeks ago", "the following day", "every year") with the handler that turns a
match into a :class:`~dossier.time.spec.Spec`, and the compiled cues the tense and
evidence rules read. Every word comes from the language's ``calendar`` and ``numbers``
tables (:mod:`dossier.lang.timewords`); this module holds only the shapes of numbers,
dates and clock times. One grammar is built per language and per run
(:meth:`dossier.resources.Resources.time_grammar`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.lang.alternation import trie_alternation
from dossier.lang.language import Language
from dossier.lang.timewords import Shift

if TYPE_CHECKING:
    from dossier.time.spec import Spec

Handler = Callable[[re.Match[str], str, "Grammar"], "Spec | None"]

# Shapes, not words: typography of numbers, years, days and clock times.
NO_LETTER = r"(?![^\W\d_])"  # no letter follows (of any script)
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
# Units a direction word can shift ("last week") and units of "per" sets ("twice a year").
# not language: canonical unit names
CALENDAR_UNITS = frozenset(
    {"day", "week", "weekend", "month", "quarter", "year", "decade", "century"}
)
# not language: canonical unit names
PER_UNITS = frozenset({"day", "week", "month", "year"})


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (longest first), built as a trie so that long
    lists stay fast; words may be separated by any white space."""
    return trie_alternation(phrases, _atoms)


_SPACE = r"\s+"


def _atoms(phrase: str) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            out.append(_SPACE)
        out.extend(re.escape(c) for c in word)
    return out


# syntax of the language's date patterns: a <<slot>> to fill
_SLOT = re.compile(r"<<(\w+)>>")


def fill(template: str, **slots: str) -> str:
    """``template`` with each ``<<name>>`` replaced by ``slots[name]`` (regex text)."""
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def compile_ci(pattern: str) -> re.Pattern[str]:
    # a date pattern of the language's time grammar
    return re.compile(pattern, re.IGNORECASE)


# ASCII letters only, so the text keeps its length and every offset stays valid.
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lowercase_scanner(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive twin of a case-insensitive ``pattern``, for ASCII-lowercased text.

    Matching without IGNORECASE is about twice as fast. Literal letters are
    lowercased; escapes (``\\D``, ``\\S``, ``\\W``, ``\\B``) and group names are
    kept. On text lowered with :data:`ASCII_LOWER` it finds the same spans as
    ``pattern`` on the original text (letters outside ASCII aside).
    """
    out: list[str] = []
    source = pattern.pattern
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if source.startswith(("(?P<", "(?P="), i):
            close = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i : close + 1])
            i = close + 1
            continue
        out.append(char.lower())
        i += 1
    # the language's pattern with its case-sensitive parts marked
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One kind of expression: its pattern, the fast scanner twin, and its handler.
    ``priority`` breaks ties between matches of one span (lower wins). A match with a
    group named ``core`` covers only that group ("at 10:30" is "10:30")."""

    name: str
    pattern: re.Pattern[str]
    scanner: re.Pattern[str]
    handler: Handler
    priority: int


@dataclass(frozen=True, slots=True, eq=False)
class Pieces:
    """Regex pieces shared by several rules."""

    month: str
    weekday: str
    weekday_in_date: str  # before a day and month, an abbreviation needs no full stop
    day: str
    num_word: str
    quantity: str
    unit: str
    clock: str
    the: str
    of: str


def _pieces(language: Language) -> Pieces:
    cal, num, w = language.calendar, language.numbers, language.calendar.expressions
    full = cal.month_names()
    abbreviated = [m for m in cal.months if m not in full]
    month = "(?:" + alternation(full) + "|" + alternation(abbreviated) + r"\.?)" + NO_LETTER
    days = cal.weekday_names()
    abbreviations = alternation(d for d in cal.weekdays if d not in days)
    weekday = "(?:" + alternation(days) + "|" + abbreviations + r"\.)" + NO_LETTER
    weekday_in_date = "(?:" + alternation(days) + "|" + abbreviations + r"\.?)" + NO_LETTER
    suffixes = {o.lstrip(string.digits) for o in num.ordinals if o[:1].isdigit()}
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:" + alternation(suffixes) + r")?(?![\d:])"
    words = [k for k, v in num.cardinals.items() if v >= 1 and k not in num.indefinite]
    num_word = alternation(words)
    number = r"(?:\d+(?:[.,]\d+)?|" + num_word + ")"
    quantity = fill(
        r"(?:<<approx>>\s+)?(?:<<number>>(?:\s+<<half>>)?|<<fractions>>|<<indefinite>>|<<vague>>)",
        approx=alternation(num.approximators),
        number=number,
        half=alternation([num.and_a_half]),
        fractions=alternation(k for k, v in num.cardinals.items() if v < 1),
        indefinite=alternation(num.indefinite),
        vague=alternation(num.vague - num.approximators),
    )
    clock = fill(
        r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*<<meridian>>)?|(?:1[0-2]|0?[1-9])\s*<<meridian>>"
        r"|<<words>>)",
        meridian=alternation(w.meridians) + NO_LETTER,
        words=alternation(w.clock_words),
    )
    return Pieces(
        month=month,
        weekday=weekday,
        weekday_in_date=weekday_in_date,
        day=day,
        num_word=num_word,
        quantity=quantity,
        unit=alternation(w.units) + NO_LETTER,
        clock=clock,
        the=alternation([w.article]),
        of=alternation([w.of]),
    )


class Grammar:
    """The compiled temporal grammar of one language (see the module docstring)."""

    def __init__(self, language: Language) -> None:
        from dossier.time.rules import build_rules

        self.language = language
        self.calendar = language.calendar
        self.numbers = language.numbers
        self.words = language.calendar.expressions
        self.pieces = _pieces(language)
        self.month_names = language.calendar.month_names()
        self._compile_cues()
        self.rules: tuple[Rule, ...] = build_rules(self)

    def _compile_cues(self) -> None:
        w, tense, p, page = self.words, self.calendar.tense, self.pieces, self.calendar.page
        self.page_label = compile_ci(
            r"(?<![^\W\d_])(?P<label>" + alternation([*page.published, *page.updated]) + ")"
            r"(?![^\W\d_])"
        )
        self.copyright = compile_ci(alternation(page.copyright))
        # A clock time printed apart from its date: "4 June 2021 | 08:15", "3 May, at 9.10".
        self.clock_after = compile_ci(
            r"[\s,|·•/–—-]*(?:"
            + alternation(w.clock_prepositions)
            + r"\s+)?(?P<clock>"
            + p.clock
            + ")"
        )
        self.modifier_before = compile_ci(
            fill(
                r"(?:\b(?:<<the>>\s+)?(?:<<very>>\s+)?<<part>>\s+<<of>>\s+(?:<<the>>\s+)?"
                r"|\b<<edge>>[\s-]+)$",
                the=p.the,
                of=p.of,
                very=alternation([w.very]),
                part=alternation(w.period_parts),
                edge=alternation([*w.edges, w.mid]),
            )
        )
        # the language's tense words (future and past auxiliaries) from its tables
        self.future = re.compile(r"\b(?i:" + alternation(tense.future) + r")\b")
        self.past = re.compile(
            fill(
                r"\b(?:(?i:<<past>>)|(?!<<not_past>>\b)<<form>>)\b",
                past=alternation(tense.past),
                not_past=alternation(tense.not_past),
                form=tense.past_form,
            )
        )
        self.neutral = compile_ci(r"\b" + alternation(tense.neutral) + r"\s*$")
        self.sequence = compile_ci(r"\b" + alternation(w.sequence) + r"\b")
        self.duration_for = compile_ci(
            fill(
                r"\b<<for>>\s+(?:<<spans>>\s+)?(?:<<hedges>>\s+)?$",
                spans=alternation(w.duration_spans),
                hedges=alternation(w.duration_hedges),
                **{"for": alternation([w.duration_for])},
            )
        )
        self.approximator_prefix = compile_ci(
            r"^" + alternation(self.numbers.approximators) + r"\s+"
        )
        self.pair = compile_ci(
            fill(
                r"(<<q>>)\s+(?:<<filler>>\s+)?(<<unit>>)",
                q=p.quantity,
                filler=alternation(w.duration_fillers),
                unit=p.unit,
            )
        )

    # --- lookups the handlers use ------------------------------------------------------

    def label_role(self, label: str) -> str:
        """ "published" or "updated" for a page-date label ("Last updated" -> "updated")."""
        return "updated" if norm(label) in self.calendar.page.updated else "published"

    def shift(self, word: str | None) -> Shift | None:
        return self.words.shifts.get(_norm(word)) if word else None

    def unit(self, word: str) -> str:
        lowered = _norm(word)
        return self.words.units.get(lowered, lowered)

    def abbreviation_before_stop(self, span: str) -> bool:
        """Whether ``span`` ends in an abbreviation whose full stop belongs to it ("Jan.")."""
        match = re.search(r"([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)\.$", span)
        if match is None:
            return False
        word = match.group(1).lower()
        return (
            word in self.language.abbreviations
            or word in self.calendar.words
            or word + "." in self.words.meridians
        )


def _norm(s: str) -> str:
    return " ".join(s.strip().lower().rstrip(".").split())


def norm(s: str) -> str:
    """Lower case, final full stop dropped, white space collapsed: the form tables use."""
    return _norm(s)


def grammar_for(code: str) -> Grammar:
    """The grammar of language ``code``, built for this call (a run builds each language's
    grammar once, in :meth:`dossier.resources.Resources.time_grammar`)."""
    from dossier.lang import load_language

    language = load_language(code)
    if language is None:
        raise LookupError(f"no language object for {code!r}")
    return Grammar(language)
