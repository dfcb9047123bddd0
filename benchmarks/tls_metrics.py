"""Timeline summarisation metrics: date-selection F1 and alignment-based ROUGE.

The ROUGE variant is "align+ m:1" of Martschat & Markert (EACL 2017), the one
news-tls reports as AR-1/AR-2 (``align_date_content_costs_many_to_one`` in the
``tilse`` toolkit):

* every predicted date is aligned to the reference date of least cost, and
  (separately, for recall) every reference date to the predicted date of least
  cost; several dates may align to the same one (many-to-one);
* the cost of aligning dates ``a`` and ``b`` is
  ``(1 - 1/(|a-b|+1)) * (1 - R1approx(a, b))``, where ``R1approx`` is the
  unigram-overlap F1 of the two daily summaries on raw whitespace tokens (so an
  exact date match always costs 0); ties go to the earliest date;
* n-gram hits of an aligned pair are weighted by ``1/(|a-b|+1)``; precision is
  the weighted hits over all predicted n-grams, recall over all reference
  n-grams, F is their harmonic mean.

ROUGE n-grams follow ROUGE-1.5.5 with stemming and stop-word removal (as tilse
calls it): lower-cased alphanumeric tokens, stop words removed, Porter stems
for tokens longer than 3 characters, n-grams over a day's whole summary, hits
clipped by count. The stop-word list is a compact English list, close to but
not identical with ROUGE's SMART list, so scores can differ from tilse's in the
third decimal.

Dates are :class:`datetime.date`; a timeline is a mapping from date to the list
of its sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

Timeline = Mapping[date, Sequence[str]]


_DATE_LINE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TOKEN = re.compile(r"[a-z0-9]+")

_STOP_TEXT = """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anybody anyhow anyone anything anyway
    anywhere are around as at be became because become becomes becoming been before beforehand
    behind being below beside besides between beyond both but by can cannot could did do does
    doing done down during each either else elsewhere enough etc even ever every everybody
    everyone everything everywhere except few for former formerly from further had has have
    having he hence her here hereafter hereby herein hers herself him himself his how however i
    ie if in indeed into is it its itself just latter latterly least less many may me meanwhile
    might mine more moreover most mostly much must my myself namely neither never nevertheless
    next no nobody none noone nor not nothing now nowhere of off often on once one only onto or
    other others otherwise our ours ourselves out over own per perhaps rather same seem seemed
    seeming seems several she should since so some somehow someone something sometime sometimes
    somewhere still such than that the their theirs them themselves then thence there thereafter
    thereby therefore therein thereupon these they this those though through throughout thru
    thus to together too toward towards under until up upon us very via was we well were what
    whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever
    whether which while whither who whoever whole whom whose why will with within without would
    yet you your yours yourself yourselves s t"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(precision: float, recall: float) -> PRF:
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        return PRF(precision, recall, f1)


@dataclass(frozen=True, slots=True)
class TimelineScores:
    date: PRF
    rouge1: PRF  # AR-1
    rouge2: PRF  # AR-2


# --------------------------------------------------------------------------- reading


def parse_timeline(text: str) -> dict[date, list[str]]:
    """Parse the Timeline17 format: a date line, its sentences, a dashed separator.

    A date that appears in several blocks gets all their sentences, in order.
    """
    timeline: dict[date, list[str]] = {}
    current: date | None = None
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if set(line) == {"-"} and len(line) >= 5:
            current = None
            continue
        match = _DATE_LINE.match(line) if current is None else None
        if match:
            current = date(int(match[1]), int(match[2]), int(match[3]))
            timeline.setdefault(current, [])
            continue
        if current is not None:
            timeline[current].append(line)
    return timeline


# --------------------------------------------------------------------------- scores


def date_f1(predicted: Sequence[date] | set[date], reference: Sequence[date] | set[date]) -> PRF:
    """Date-selection precision/recall/F1 over distinct dates."""
    pred, ref = set(predicted), set(reference)
    if not pred or not ref:
        return PRF(0.0, 0.0, 0.0)
    shared = len(pred & ref)
    return PRF.of(shared / len(pred), shared / len(ref))


def evaluate_timeline(predicted: Timeline, reference: Timeline) -> TimelineScores:
    """Date F1, AR-1 and AR-2 of one predicted timeline against one reference timeline."""
    return TimelineScores(
        date=date_f1(list(predicted), list(reference)),
        rouge1=alignment_rouge(predicted, reference, 1),
        rouge2=alignment_rouge(predicted, reference, 2),
    )


def alignment_rouge(predicted: Timeline, reference: Timeline, n: int) -> PRF:
    """Alignment-based ROUGE-n ("align+ m:1") of ``predicted`` against ``reference``."""
    pred_dates = sorted(d for d in predicted if predicted[d])
    ref_dates = sorted(d for d in reference if reference[d])
    pred_grams = {d: _ngrams(predicted[d], n) for d in pred_dates}
    ref_grams = {d: _ngrams(reference[d], n) for d in ref_dates}
    pred_denom = sum(sum(g.values()) for g in pred_grams.values())
    ref_denom = sum(sum(g.values()) for g in ref_grams.values())
    if not pred_dates or not ref_dates or pred_denom == 0 or ref_denom == 0:
        return PRF(0.0, 0.0, 0.0)

    pred_raw = {d: _raw_counts(predicted[d]) for d in pred_dates}
    ref_raw = {d: _raw_counts(reference[d]) for d in ref_dates}
    costs = [
        [_cost(p, r, pred_raw[p], ref_raw[r]) for r in ref_dates] for p in pred_dates
    ]  # costs[i][j]: predicted date i against reference date j

    prec_num = 0.0
    for i, p in enumerate(pred_dates):
        j = _argmin(costs[i])
        r = ref_dates[j]
        prec_num += _date_weight(p, r) * _hits(pred_grams[p], ref_grams[r])
    rec_num = 0.0
    for j, r in enumerate(ref_dates):
        i = _argmin([row[j] for row in costs])
        p = pred_dates[i]
        rec_num += _date_weight(p, r) * _hits(pred_grams[p], ref_grams[r])
    return PRF.of(prec_num / pred_denom, rec_num / ref_denom)


def _date_weight(a: date, b: date) -> float:
    return 1.0 / (abs(a.toordinal() - b.toordinal()) + 1)


def _cost(p: date, r: date, pred_counts: Counter[str], ref_counts: Counter[str]) -> float:
    return (1.0 - _date_weight(p, r)) * (1.0 - _approx_rouge1(pred_counts, ref_counts))


def _argmin(values: Sequence[float]) -> int:
    best = 0
    for k in range(1, len(values)):
        if values[k] < values[best]:
            best = k
    return best


def _raw_counts(sentences: Sequence[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(sentence.split())
    return counts


def _approx_rouge1(pred: Counter[str], ref: Counter[str]) -> float:
    """Unigram-overlap F1 on raw tokens (the alignment's content similarity)."""
    match = sum(min(c, ref[t]) for t, c in pred.items())
    p_total, r_total = sum(pred.values()), sum(ref.values())
    if match == 0 or p_total == 0 or r_total == 0:
        return 0.0
    precision, recall = match / p_total, match / r_total
    return 2 * precision * recall / (precision + recall)


def _hits(pred: Counter[tuple[str, ...]], ref: Counter[tuple[str, ...]]) -> int:
    if len(pred) > len(ref):
        pred, ref = ref, pred
    return sum(min(c, ref[g]) for g, c in pred.items() if g in ref)


def rouge_tokens(text: str) -> list[str]:
    """ROUGE-1.5.5-style tokens: lower case, alphanumeric, no stop words, stemmed."""
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        if token in STOP_WORDS:
            continue
        tokens.append(porter_stem(token) if len(token) > 3 else token)
    return tokens


def _ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    tokens = rouge_tokens(" ".join(sentences))
    return Counter(tuple(tokens[k : k + n]) for k in range(len(tokens) - n + 1))


# --------------------------------------------------------------------------- Porter stemmer
# The original algorithm (Porter 1980), as used by ROUGE-1.5.5.

_STEP2 = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
)
_STEP3 = (
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
)
_STEP4 = [
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ion",
    "ou",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
]


def _is_consonant(word: str, i: int) -> bool:
    ch = word[i]
    if ch in "aeiou":
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """Number of vowel-consonant sequences ([C](VC)^m[V])."""
    m, prev_vowel = 0, False
    for i in range(len(stem)):
        vowel = not _is_consonant(stem, i)
        if prev_vowel and not vowel:
            m += 1
        prev_vowel = vowel
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _is_consonant(stem, i) for i in range(len(stem)))


def _double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _is_consonant(word, len(word) - 1)


def _cvc(word: str) -> bool:
    if len(word) < 3:
        return False
    n = len(word)
    return (
        _is_consonant(word, n - 3)
        and not _is_consonant(word, n - 2)
        and _is_consonant(word, n - 1)
        and word[-1] not in "wxy"
    )


def _replace_suffix(word: str, rules: Sequence[tuple[str, str]], min_measure: int) -> str:
    for suffix, replacement in sorted(rules, key=lambda rule: -len(rule[0])):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem + replacement if _measure(stem) > min_measure else word
    return word


def porter_stem(word: str) -> str:  # noqa: C901 (the Porter (1980) algorithm, step by step as published)
    """Porter (1980) stem of a lower-case word."""
    if len(word) <= 2:
        return word
    # Step 1a
    if word.endswith("sses") or word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # Step 1b
    extra = False
    if word.endswith("eed"):
        if _measure(word[:-3]) > 0:
            word = word[:-1]
    elif word.endswith("ed") and _has_vowel(word[:-2]):
        word, extra = word[:-2], True
    elif word.endswith("ing") and _has_vowel(word[:-3]):
        word, extra = word[:-3], True
    if extra:
        if word.endswith(("at", "bl", "iz")):
            word += "e"
        elif _double_consonant(word) and word[-1] not in "lsz":
            word = word[:-1]
        elif _measure(word) == 1 and _cvc(word):
            word += "e"
    # Step 1c
    if word.endswith("y") and _has_vowel(word[:-1]):
        word = word[:-1] + "i"
    # Steps 2 and 3
    word = _replace_suffix(word, _STEP2, 0)
    word = _replace_suffix(word, _STEP3, 0)
    # Step 4
    for suffix in sorted(_STEP4, key=len, reverse=True):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if _measure(stem) > 1 and (suffix != "ion" or stem.endswith(("s", "t"))):
                word = stem
            break
    # Step 5a
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            word = stem
    # Step 5b
    if word.endswith("ll") and _measure(word) > 1:
        word = word[:-1]
    return word
