"""Amounts in a sentence: numbers with what they count, bounds, ranges and rates.

"12 workers", "at least 5,000 barrels of oil a day", "between 12,000 and 19,000 barrels
per day", "35,000-60,000 bpd", "$20bn", "30 killed". Each :class:`Amount` is an interval
(an exact value is a point; "at least" opens it upwards; "about" widens it by a tenth), so
two amounts are compatible when their intervals meet. The words (bounds, rate words, unit
abbreviations, number words) come from the language's :class:`~dossier.lang.Quantities`
and :class:`~dossier.lang.Numbers`; the regular expressions below read digits only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from dossier.crosscheck.reading import DocView

# not language: enumerated kinds
Kind = Literal["exact", "min", "max", "about", "range"]

# Digits as news writes them: "1,000", "12.5", "20bn" (a number glued to a multiplier).
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([^\W\d_]{0,2})$")
# A thousands group split off by a tokenizer or a typesetter: "19 ,000".
_GROUP = re.compile(r"^,\d{3}$")
_THREE_DIGITS = re.compile(r"^\d{3}$")
# Dashes between the two ends of a range ("35,000-60,000").
_DASHES = frozenset("-\u2013\u2014")
APPROXIMATE = 0.1  # "about 70,000": within a tenth either way
_UNNAMED_GROUP = -1  # "three of them": a part of a group only a pronoun names


@dataclass(frozen=True, slots=True)
class Amount:
    """A counted quantity: an interval of values and the unit it counts."""

    low: float
    high: float
    kind: Kind
    unit: str  # counted noun lemma ("worker", "barrel/day"); "" when it counts the event
    start: int  # offsets of the words in the clean text
    end: int
    anchor: int  # token the amount hangs from in the parse (its noun, or its last number)
    # The same quantity in another unit, as the sentence restates it ("5,000 barrels (210,000
    # gallons)"): (low, high, unit) of the other figure.
    restates: tuple[float, float, str] | None = None
    material: str = ""  # what a measure is of ("oil", "dispersant"), when the sentence says

    def same_quantity(self, other: Amount) -> bool:
        """Nothing shows the two measure different things: the same material, or one
        unsaid; not two restatements of one figure in another unit ("200,000" and "210,000
        gallons" for 5,000 barrels)."""
        if self.material and other.material and self.material != other.material:
            return False
        a, b = self.restates, other.restates
        if a is None or b is None or a[2] != b[2]:
            return True
        return not (a[0] <= b[1] and b[0] <= a[1])

    @property
    def interval(self) -> tuple[float, float]:
        if self.kind == "min":
            return self.low, math.inf
        if self.kind == "max":
            return 0.0, self.high
        if self.kind == "about":
            return self.low * (1 - APPROXIMATE), self.high * (1 + APPROXIMATE)
        return self.low, self.high

    def compatible(self, other: Amount) -> bool:
        a, b = self.interval, other.interval
        return a[0] <= b[1] and b[0] <= a[1]

    @property
    def label(self) -> str:
        value = _number(self.low)
        if self.kind == "range":
            value = f"{value}-{_number(self.high)}"
        elif self.kind == "min":
            value = f">={value}"
        elif self.kind == "max":
            value = f"<={value}"
        elif self.kind == "about":
            value = f"~{value}"
        return f"{value} {self.unit}".strip()


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def amounts(view: DocView, tokens: range) -> list[Amount]:
    """Every amount in the tokens of one sentence (dates, ages and ordinals left out)."""
    dated = {t for a, b, _ in view.dates_in(tokens.start, tokens.stop) for t in range(a, b)}
    out: list[tuple[Amount, int, int]] = []  # the amount, its first token, the token after
    i = tokens.start
    while i < tokens.stop:
        found = _expression(view, i, tokens.stop, dated)
        if found is None:
            i += 1
            continue
        amount, after = found
        if amount is not None:
            out.append((amount, i, after))
        i = after
    return _conversions_share_rates(view, out, tokens.stop)


def _conversions_share_rates(
    view: DocView, found: list[tuple[Amount, int, int]], stop: int
) -> list[Amount]:
    """ "5,000 barrels (210,000 gallons) of oil a day", "1,000 barrels -- or 42,000 gallons --
    a day": a figure restated in another unit, between brackets, dashes or commas, is the
    same rate; the period may follow either."""
    amounts = [a for a, _, _ in found]
    for k in range(len(found) - 1):
        (a, _, a_after), (b, b_first, b_after) = found[k], found[k + 1]
        if not _only_punctuation(view, a_after, b_first) or a.unit == b.unit:
            continue
        if not (a.unit and b.unit):
            continue
        period = _period(a.unit) or _period(b.unit)
        if period is None:
            close = b_after
            while close < stop and _typographic(view, close):
                close += 1
            if close > b_after:
                period, _ = _rate(view, close, stop)
        x, y = amounts[k], amounts[k + 1]
        if period is not None:
            x, y = as_rate(x, period), as_rate(y, period)
        amounts[k] = replace(x, restates=(y.low, y.high, y.unit))
        amounts[k + 1] = replace(y, restates=(x.low, x.high, x.unit))
    return amounts


def _only_punctuation(view: DocView, first: int, stop: int) -> bool:
    """Between two figures only brackets, dashes, commas, a coordinator ("or") and the
    second figure's unit sign ("$200m (£130m)")."""
    if stop - first < 1:
        return False
    signs = view.lexicon.language.quantities.unit_abbreviations
    return all(
        _typographic(view, t)
        or view.pos(t) == "CCONJ"
        or (t == stop - 1 and (view.word(t) in signs or _currency_sign(view.word(t))))
        for t in range(first, stop)
    )


def _typographic(view: DocView, t: int) -> bool:
    """Punctuation, or a bracket a tokeniser wrote as a word ("-LRB-", "-RRB-")."""
    if view.pos(t) == "PUNCT":
        return True
    word = view.word(t)
    core = word.strip("-")
    return core != word and len(core) == 3 and core.isalpha() and core.isupper()


def is_rate(unit: str) -> bool:
    """Whether an amount's unit is a rate ("barrel/day"): its noun, a slash, its period."""
    return "/" in unit


def _period(unit: str) -> str | None:
    return unit.split("/", 1)[1] if is_rate(unit) else None


def as_rate(amount: Amount, period: str) -> Amount:
    """The amount as a rate per ``period`` (unchanged if it is one, or counts the event)."""
    if not amount.unit or is_rate(amount.unit):
        return amount
    return replace(amount, unit=f"{amount.unit}/{period}")


def _value(view: DocView, i: int, stop: int) -> tuple[float, int] | None:
    """The number starting at token ``i`` and the token after it (multipliers included)."""
    numbers = view.lexicon.language.numbers
    word = view.word(i).lower()
    value: float | None = None
    after = i + 1
    match = _DIGITS.match(word)
    if match:
        value = float(match.group(1).replace(",", ""))
        suffix = match.group(2)
        while after < stop:
            group = _split_group(view, after, stop)
            if group is None:
                break
            value, after = value * 1000 + group[0], group[1]
        if suffix:
            scale = view.lexicon.language.quantities.multiplier_abbreviations.get(suffix)
            if scale is None:
                return None
            value *= scale
    elif word in numbers.cardinals and word not in ("a", "an") and view.pos(i) == "NUM":
        value = numbers.cardinals[word]
    if value is None:
        return None
    if after < stop:
        nxt = view.word(after).lower()
        scale = numbers.multipliers.get(nxt) or _abbreviated_scale(view, nxt)
        if scale:
            value *= scale
            after += 1
    return value, after


def _split_group(view: DocView, i: int, stop: int) -> tuple[float, int] | None:
    """A thousands group a typesetter or tokenizer split off ("19 ,000"): its value and the
    token after it."""
    word = view.word(i)
    if _GROUP.match(word):
        return float(word[1:]), i + 1
    if (
        word == ","
        and i + 1 < stop
        and _THREE_DIGITS.match(view.word(i + 1))
        and view.parse.ends[i] == view.parse.starts[i + 1]
        and view.parse.starts[i] > view.parse.ends[i - 1]
    ):
        return float(view.word(i + 1)), i + 2
    return None


def _abbreviated_scale(view: DocView, word: str) -> float | None:
    return view.lexicon.language.quantities.multiplier_abbreviations.get(word)


def _expression(
    view: DocView, i: int, stop: int, dated: set[int]
) -> tuple[Amount | None, int] | None:
    if i in dated:
        return None
    first = _value(view, i, stop)
    if first is None:
        return None
    low, after = first
    high, kind = low, _bound_before(view, i)
    if after + 1 < stop and _joins_range(view, after, kind):
        second = _value(view, after + 1, stop)
        if second is not None and after + 1 not in dated:
            if low < 1000 <= second[0] and low * 1000 <= second[0]:
                low *= 1000  # "20-40,000 barrels": 20,000 to 40,000
            if second[0] >= low:
                high, after = second[0], second[1]
                kind = "range"
    if kind == "between":
        kind = "exact"
    if _is_age_or_ordinal(view, i, after, stop):
        return None, after
    if low == 1 and kind == "exact" and after < stop and view.dep(after) == "prep":
        return None, after  # "one of the camps": a part, not a count
    part = _partitive(view, after, stop)
    if part == _UNNAMED_GROUP:
        return None, after  # "three of them": a part of a group the sentence does not name
    if part is None:
        unit, unit_end, anchor = _unit(view, i, after, stop)
    else:
        unit, unit_end, anchor = f"of {view.lemma(part)}", part + 1, part
    start = view.parse.starts[_bound_start(view, i)]
    end = view.parse.ends[max(after, unit_end) - 1]
    material = _material(view, anchor) if unit else ""
    amount = Amount(low, high, kind, unit, start, end, anchor, material=material)
    return amount, max(after, unit_end)


def _partitive(view: DocView, after: int, stop: int) -> int | None:
    """ "17 of its staff", "40 of the 120 miners": a number whose own preposition takes a
    determined noun counts a part of that group, not the total a "17 people" counts; the
    group's noun token is returned (compared only with parts of the same group),
    :data:`_UNNAMED_GROUP` when the group is a pronoun ("three of them"), None when the number
    is no partitive."""
    if after >= stop or view.dep(after) != "prep" or view.head(after) != after - 1:
        return None
    objects = [k for k in view.kids(after, "pobj") if k < stop]
    if not objects:
        return None
    noun = objects[0]
    if view.pos(noun) == "PRON":
        return _UNNAMED_GROUP
    determined = bool(view.kids(noun, "det", "poss", "nummod"))
    if view.pos(noun) != "NOUN" or not determined:
        return None
    return noun


def _material(view: DocView, unit: int) -> str:
    """ "gallons of dispersant", "barrels of crude oil": what a measure is of (the object of
    a preposition on the unit noun), "" when the sentence does not say."""
    if view.pos(unit) != "NOUN":
        return ""
    for prep in view.kids(unit, "prep"):
        for noun in view.kids(prep, "pobj"):
            if view.pos(noun) == "NOUN":
                return view.lemma(noun)
    return ""


def _joins_range(view: DocView, i: int, kind: str) -> bool:
    word = view.word(i).lower()
    if word in _DASHES:
        return True
    words = view.lexicon.language.quantities.range_words
    return word in words and (word != "and" or kind == "between")


def _bound_before(view: DocView, i: int) -> Kind | Literal["between"]:
    bounds = view.lexicon.language.quantities.bounds
    for width in (3, 2, 1):
        if i - width < 0:
            continue
        words = " ".join(view.word(k).lower() for k in range(i - width, i))
        if words in bounds:
            return bounds[words]
    return "exact"


def _bound_start(view: DocView, i: int) -> int:
    bounds = view.lexicon.language.quantities.bounds
    for width in (3, 2, 1):
        if i - width >= 0 and " ".join(view.word(k).lower() for k in range(i - width, i)) in bounds:
            return i - width
    return i


def _is_age_or_ordinal(view: DocView, first: int, after: int, stop: int) -> bool:
    """ "Name, 30," and "the 30-year-old": ages, which the entity layer reads."""
    previous = first - 1
    if (
        previous >= 1
        and view.word(previous) == ","
        and view.pos(previous - 1) == "PROPN"
        and after < stop
        and view.word(after) == ","
    ):
        return True
    if view.dep(first) == "appos" and view.pos(view.head(first)) == "PROPN":
        return True
    rest = "".join(view.word(k) for k in range(after, min(stop, after + 4))).lower()
    periods = view.lexicon.language.quantities.rate_periods
    return any(rest.startswith(f"-{p}-") for p in periods)


def _unit(view: DocView, first: int, after: int, stop: int) -> tuple[str, int, int]:
    """What the number counts, the token after the unit words, and the anchor token."""
    quantities = view.lexicon.language.quantities
    if first > 0 and view.word(first - 1) in quantities.unit_abbreviations:
        return quantities.unit_abbreviations[view.word(first - 1)], after, after - 1
    if first > 0 and _currency_sign(view.word(first - 1)):
        return "currency:" + view.word(first - 1), after, after - 1  # a sum, never people
    if after >= stop:
        return "", after, after - 1
    word = view.word(after).lower()
    if word in quantities.unit_abbreviations:
        return quantities.unit_abbreviations[word], after + 1, after - 1
    k = after
    dashed = word in _DASHES and k + 1 < stop and view.pos(k + 1) == "NOUN"
    if dashed:
        k += 1  # "one-year sentence", "a five-year term"
    while (
        k + 1 < stop
        and view.pos(k) == "ADJ"
        and view.lemma(k) not in view.lexicon.noun_class
        and view.pos(k + 1) in ("NOUN", "PROPN", "ADJ")
    ):
        k += 1  # "12 more workers", "30 British tourists", "two ethnic Kazakhs"
    while not dashed and k + 1 < stop and view.pos(k) == "NOUN" and view.dep(k) == "compound":
        k += 1  # "two leak sites": the sites are counted
    if k >= stop or view.pos(k) not in ("NOUN", "PROPN", "ADJ"):
        return "", after, after - 1
    if view.pos(k) == "ADJ" and view.lemma(k) not in view.lexicon.noun_class:
        return "", after, after - 1
    unit = view.lemma(k)
    end = k + 1
    rate, end = _rate(view, end, stop)
    if rate is None:
        rate = _rate_of_phrase(view, k)
    return (f"{unit}/{rate}" if rate else unit), end, k


def _currency_sign(word: str) -> bool:
    """A currency sign the language's table does not name ("¥", "₹"): what follows is money."""
    return len(word) == 1 and unicodedata.category(word) == "Sc"


def _rate_of_phrase(view: DocView, unit: int) -> str | None:
    """ "The daily spill estimate of 5,000 barrels": a rate word on the noun the amount is
    "of" (or on the unit itself) makes the amount a rate."""
    adverbs = view.lexicon.language.quantities.rate_adverbs
    nouns = [unit]
    if view.dep(unit) == "pobj" and view.dep(view.head(unit)) == "prep":
        nouns.append(view.head(view.head(unit)))
    for noun in nouns:
        for word in view.kids(noun, "amod", "advmod"):
            if view.lemma(word) in adverbs:
                return adverbs[view.lemma(word)]
    return None


def _rate(view: DocView, i: int, stop: int) -> tuple[str | None, int]:
    """ "a day", "per day", "of oil a day": the period of a rate, if one follows."""
    quantities = view.lexicon.language.quantities
    k = i
    if k + 1 < stop and view.dep(k) == "prep" and view.word(k).lower() not in quantities.rate_words:
        noun = k + 1
        while noun + 1 < stop and view.pos(noun) == "ADJ":
            noun += 1  # "of crude oil a day"
        if view.pos(noun) == "NOUN":
            k = noun + 1  # "barrels of oil a day"
    if k + 1 < stop and view.word(k).lower() in quantities.rate_words:
        period = view.lemma(k + 1)
        if period in quantities.rate_periods:
            return period, k + 2
    if k < stop and view.word(k).lower() in quantities.rate_adverbs:
        return quantities.rate_adverbs[view.word(k).lower()], k + 1  # "15,000 barrels daily"
    return None, i
