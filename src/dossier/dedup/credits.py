"""Credits: the outlet or agency a text says it comes from.

A text is syndicated when it credits another outlet or agency: an agency in parentheses
in its dateline ("WASHINGTON (AP) --", "ZELENOGORSK, March 19 (Meridian) -"), a credit
phrase of its language ("first published by", "Reuters contributed to this report",
:class:`dossier.lang.language.Credits`), or a source quoted as having "told Eurasianet"
(a one-word name that appears nowhere else in the text). A name that is the page's own
outlet ("told Fergana" on Fergana's page, "(AsiaNews / Agencies)" on AsiaNews) is no
credit.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.lang.language import Language
from dossier.model import Credit, Document

# A dateline with an agency in parentheses: typography, not words.
_DATELINE_AGENCY = re.compile(r"^[^\n()]{2,60}?\((?P<names>[^()\n]{2,60})\)\s*(?:--|[-–—])")
# Up to four words on one line (never across a sentence end).
_NAME = r"(?P<name>[^\W\d_][\w&'’-]*(?:[ \t]+[^\W\d_][\w&'’-]*){0,3})"
_TOLD = r"(?P<name>[^\W\d_][\w&'’-]*(?:[ \t]+[^\W\d_][\w&'’-]*){0,2})"
# syntax of the language's credit patterns: a <<slot>> to fill; a run of non-letters
_SLOT = re.compile(r"<<(\w+)>>")
_ALNUM = re.compile(r"[\W_]+")
# a run of letters and digits (what the "nowhere else" check counts): typography, not words
_RUN = re.compile(r"[^\W_]+")


def _fill(pattern: str, slot: str) -> re.Pattern[str]:
    # the language's credit pattern with its slot filled
    return re.compile(_SLOT.sub(lambda _: slot, pattern), re.IGNORECASE)


def _key(name: str) -> str:
    return _ALNUM.sub("", name.lower())


def same_outlet(name: str, outlet: str | None) -> bool:
    """Whether a credited name is the outlet ("Fergana" / "Fergana News", "AP" /
    "The Associated Press" are not told apart beyond their letters)."""
    a, b = _key(name), _key(outlet or "")
    return bool(a and b) and (a in b or b in a)


def find_credit(doc: Document, language: Language) -> Credit | None:
    """The outlet or agency ``doc`` credits as its origin, if any."""
    text = doc.clean_text
    first = text[: text.find("\n")] if "\n" in text else text
    m = _DATELINE_AGENCY.match(first[:200])
    if m is not None:
        names = [n.strip() for n in re.split(r"\s*[/,&+]\s*", m["names"]) if n.strip()]
        own = any(same_outlet(n, doc.outlet) for n in names)
        if names and not own and names[0][:1].isupper():
            return Credit(names[0], m.group(0).strip())
    # A credit line is often cut from the body as page furniture: read those lines too.
    for part in (text, *(r.text for r in doc.removals)):
        for pattern in language.credits.phrases:
            for m in _fill(pattern, _NAME).finditer(part):
                name = _trim(m["name"])
                if name[:1].isupper() and not same_outlet(name, doc.outlet):
                    end = m.start("name") + len(name) if m.end("name") == m.end() else m.end()
                    return Credit(name, part[m.start() : end])
    counts = _RunCounts(text)
    for pattern in language.credits.told:
        for m in _fill(pattern, _TOLD).finditer(text):
            name = m["name"]
            if _only_here(name, counts) and not same_outlet(name, doc.outlet):
                return Credit(name, m.group(0))
    return None


class _RunCounts:
    """How often a word stands alone (no letter or digit either side) in one text: the
    text's runs of letters and digits counted once, when first asked, so checking every
    "told X" of a long text costs one pass over it, not one per name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: Counter[str] | None = None
        self._other: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        if not word.isalnum():  # "O'Brien", "AT&T": not one run, counted as written, once
            if word not in self._other:
                pattern = rf"(?<![^\W_]){re.escape(word)}(?![^\W_])"
                self._other[word] = len(re.findall(pattern, self.text))
            return self._other[word]
        if self._runs is None:
            self._runs = Counter(_RUN.findall(self.text))
        return self._runs[word]


def _only_here(name: str, counts: _RunCounts) -> bool:
    """Every word of the name capitalised and found nowhere else in the text (a person the
    story is about, or the court a source "told", comes up again)."""
    return all(w[:1].isupper() and counts(w) == 1 for w in name.split())


def _trim(name: str) -> str:
    """A credited name without the lower-case words a greedy match took after it."""
    words = name.split()
    while len(words) > 1 and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words)
