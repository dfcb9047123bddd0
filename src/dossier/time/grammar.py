"""Word tables and regular-expression pieces of the temporal-expression grammar.

Everything here is immutable and compiled once at import time.
"""

from __future__ import annotations

import re
import string
from types import MappingProxyType

MONTHS = MappingProxyType(
    {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    }
)
# Month names that are also common English words: they need a day, a year or a cue.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sep", "jun", "jul", "aug"})

WEEKDAYS = MappingProxyType(
    {
        "monday": 0,
        "mon": 0,
        "tuesday": 1,
        "tue": 1,
        "tues": 1,
        "wednesday": 2,
        "wed": 2,
        "thursday": 3,
        "thu": 3,
        "thur": 3,
        "thurs": 3,
        "friday": 4,
        "fri": 4,
        "saturday": 5,
        "sat": 5,
        "sunday": 6,
        "sun": 6,
    }
)

NUMBER_WORDS = MappingProxyType(
    {
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a hundred": 100,
        "a dozen": 12,
        "dozen": 12,
        "a": 1,
        "an": 1,
        "half a": 0.5,
        "half an": 0.5,
    }
)
# Quantifiers that give a duration with an unknown amount (TimeML "X").
VAGUE_QUANTITIES = frozenset(
    {
        "several",
        "few",
        "a few",
        "many",
        "some",
        "a couple of",
        "a number of",
        "dozens of",
        "hundreds of",
        "a matter of",
    }
)

# TimeML duration letters per unit.
SEASONS = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)
PARTS_OF_DAY = MappingProxyType(
    {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
)
ORDINALS = MappingProxyType(
    {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "final": 4,
        "last": 4,
    }
)

# --- regex pieces -----------------------------------------------------------------

MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?"
    r"|nov\.?|dec\.?)(?![a-z])"
)
WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon\.|tue\.|tues\.|wed\.|thu\.|thur\.|thurs\.|fri\.|sat\.|sun\.)(?![a-z])"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"a\s+hundred|hundred|a\s+dozen|dozen)"
)
NUMBER = r"(?:\d+(?:[.,]\d+)?|" + NUM_WORD + r")"
QUANTITY = (
    r"(?:(?:more\s+than|less\s+than|fewer\s+than|about|almost|nearly|around|roughly|"
    r"some|over|under|at\s+least|up\s+to|just|only)\s+)?"
    r"(?:" + NUMBER + r"(?:\s+and\s+a\s+half)?|half\s+an?|an?|several|a\s+few|few|many|"
    r"a\s+couple\s+of|a\s+number\s+of|dozens\s+of|hundreds\s+of|a\s+matter\s+of)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|decades?|centuries|century)(?![a-z])"
)
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:a\.m\.|p\.m\.|am|pm)(?![a-z]))?"
    r"|(?:1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am|pm)(?![a-z])|noon|midnight)"
)
MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close|turn|first\s+half|"
    r"second\s+half|first\s+part|latter\s+part|latter\s+half|early\s+part)\s+of\s+(?:the\s+)?"
    r"|\b(?:early|late|mid|earlier|later)[\s-]+|\bmid-)$",
    re.IGNORECASE,
)


def compile_ci(pattern: str) -> re.Pattern[str]:
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
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)
