"""Rule cues: what a line of a page dump looks like (a share row, a date line, a byline...).

A :class:`Cues` is built from the document's language (its :class:`~dossier.lang.Boilerplate`
phrases and patterns, its calendar and stop words). Without a language object only the
language-neutral cues run: numeric dates and times, copyright signs, media timestamps,
separators of breadcrumbs and link rows. The cues are features of the block classifier and
the reasons given for removals; the few exact ones also decide (see
:mod:`dossier.clean.blocks`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.clean import lines as L
from dossier.clean.lines import Line
from dossier.lang import Language
from dossier.lang.boilerplate import Boilerplate

# Typography, not words: dates and times written with digits, and the copyright sign.
_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}[:.]\d{2}\b")
_NUMBER_PREFIX = re.compile(r"^\d{1,4}")
_TOKEN = re.compile(r"[^\W_]+")
_TIMESTAMP = re.compile(r"^[\W_]*\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2})?[\W_]*$")
_COPYRIGHT_SIGN = re.compile(r"(?:^|\s)©\s*(?:\d{4})?")
# After a labelled date, the words a page adds beside it ("in Business, Ports", "| Updated").
_DATE_LINE_TAIL_WORDS = 6
_PRICE = re.compile(r"[$£€¥₹]\s?\d")  # a price, not a time: "£20.99"
# typography: quotation marks, straight, curly, guillemets and TeX-style
_QUOTES = re.compile(r"[\"“”«»„]|``|''")


# Cues by language object (few, long-lived): the object is kept beside its cues so that a
# reused id never returns another language's.
_BUILT: dict[int, tuple[Language | None, Cues]] = {}


@dataclass(frozen=True, slots=True)
class Cues:
    """The rule cues of one language (``boilerplate`` None: language-neutral only)."""

    boilerplate: Boilerplate | None
    stop_words: frozenset[str] | None
    months: frozenset[str]
    date_words: frozenset[str]
    # Labels that lead a date line ("published", "last updated"), from the calendar.
    date_labels: frozenset[str] = frozenset()
    # Abbreviations whose full stop ends no sentence (where overlong lines may be broken).
    abbreviations: frozenset[str] = frozenset()
    # The boilerplate's share controls padded with spaces, as :meth:`is_share_row` looks
    # for them among a line's words.
    padded_controls: tuple[str, ...] = ()
    # Their first words: a line holds a control only if one of its words is one of these.
    control_words: frozenset[str] = frozenset()

    @staticmethod
    def of(language: Language | None) -> Cues:
        """The cues of ``language`` (built once per language object)."""
        cached = _BUILT.get(id(language))
        if cached is not None and cached[0] is language:
            return cached[1]
        cues = Cues._build(language)
        _BUILT[id(language)] = (language, cues)
        return cues

    @staticmethod
    def _build(language: Language | None) -> Cues:
        if language is None or language.boilerplate is None:
            stops = language.stop_words if language is not None else None
            abbreviations = language.abbreviations if language is not None else frozenset()
            return Cues(None, stops, frozenset(), frozenset(), frozenset(), abbreviations)
        bp = language.boilerplate
        calendar = language.calendar
        months = frozenset(calendar.months)
        labels = calendar.page.published | calendar.page.updated
        return Cues(
            bp,
            language.stop_words,
            months,
            bp.date_words | calendar.words,
            labels,
            language.abbreviations,
            padded_controls=tuple(f" {phrase} " for phrase in bp.share_controls),
            control_words=frozenset(phrase.split(" ")[0] for phrase in bp.share_controls),
        )

    @property
    def neutral(self) -> bool:
        return self.boilerplate is None

    # --- lines --------------------------------------------------------------------------

    def split(self, raw: str) -> list[Line]:
        return L.split_lines(raw, self.credit_prefix)

    def line_cues(self, lines: Sequence[Line], known_title: str | None = None) -> list[str | None]:
        """The context-free cue of each line, then repeats (a caption or title printed twice)."""
        cues = [self.cue(line) for line in lines]
        for i, line in enumerate(lines):
            if cues[i] is None and self.is_paywall(line.text, line.words):
                cues[i] = "subscribe"  # "Subscribe to read the rest of this article"
        if known_title and L.line_key(known_title):
            title_key = L.line_key(known_title)
            cues = [
                "title-repeat" if ln.key == title_key else c
                for ln, c in zip(lines, cues, strict=True)
            ]
        mark_duplicates(lines, cues)
        return cues

    def cue(self, line: Line) -> str | None:
        text, n = line.text, line.words
        bp = self.boilerplate
        if bp is None:
            return _neutral_cue(line)
        if bp.reader_comment.match(text):
            return "reader-comment"
        if n <= 30:  # page furniture is short; long lines skip these checks (speed)
            short = self._short_cue(text, line.key, n, bp)
            if short is not None:
                return short
        lower = text.lower()
        if self.is_cookie_notice(text, lower):
            return "legal"
        if n <= 60 and self.is_copyright(text, lower):
            return "footer"
        if n <= 35 and self.is_caption(text, lower):
            return "caption"
        if self.is_blurb(text, n):
            return "outlet-blurb"
        if n <= 60 and self.has_interface_words(text, lower) and not _QUOTES.search(text):
            return "notice"  # "click here", "please note": removed, does not start the footer
        return None

    def _short_cue(self, text: str, key: str, n: int, bp: Boilerplate) -> str | None:
        if bp.media.match(text):
            return "media-placeholder"
        if bp.advert.match(text):
            return "advertisement"
        if self.is_date_line(text) or self.is_labelled_date_line(text):
            return "page-date"
        if key in bp.navigation or L.is_breadcrumb(text) or self._reading_time(text, n):
            return "navigation"
        if key in bp.share or self.is_share_row(text, key) or self._follow(text, n):
            return "share"
        if bp.comment_count.match(text) or self._share_prompt(text, n):
            return "share"
        if key in bp.subscribe or self.is_subscribe_prompt(text, n):
            return "subscribe"
        if key in bp.related_headers or self._section_header(text, n):
            return "related-header"
        if key in bp.tag_headers:
            return "tags-header"
        if bp.related_prefix.match(text) and n <= 30:
            return "related-links"
        if bp.tags.match(text):
            return "tags"
        if self.byline_name(text, n):
            return "byline"
        return None

    # --- shapes ---------------------------------------------------------------------------

    def is_date_line(self, text: str) -> bool:
        """A line that is only a date and/or time ("01/08/2020, 13.31", "Saturday, Feb 22,
        2025", "Published 4 June 2021, 08:15 GMT")."""
        if len(text) > 80 or not _DIGIT.search(text) or _PRICE.search(text):
            return False
        if _TIME.search(text) and _YEAR.search(text) and L.word_count(text) <= 12:
            return not L.ends_sentence(text) or text.endswith(".m.")  # "… 2018 às 0:13"
        tokens = _TOKEN.findall(text)
        if not tokens or len(tokens) > 10:
            return False
        has_date = False
        shaped = bool(_NUMERIC_DATE.search(text))
        for token in tokens:
            lower = token.lower()
            number = _NUMBER_PREFIX.match(lower)
            if number and (number.end() == len(lower) or lower[number.end() :] in self.date_words):
                has_date = True
            elif lower in self.months:
                shaped = True
            elif lower not in self.date_words:
                return False
            elif lower == "ago":
                shaped = True
        return has_date and shaped

    def is_labelled_date_line(self, text: str) -> bool:
        """A page-date line led by one of the language's date labels ("Published", "Posted
        on", "Last updated:") with a second date or where the page files it beside it:
        "Published 4 June 2021, 08:15 GMT | Updated 4 June 2021", "Posted on 12 March 2024 in
        Business". Everything after the label up to that furniture must be a date line."""
        labels = self.date_labels
        if not labels or len(text) > 160 or not _DIGIT.search(text) or self.dated_byline(text):
            return False
        lowered = text.lower()
        if not any(
            lowered.startswith(label) and not lowered[len(label) : len(label) + 1].isalpha()
            for label in labels
        ):
            return False
        words = text.split()
        for k in range(min(len(words), 12), 1, -1):
            if self.is_date_line(" ".join(words[:k])):
                return len(words) - k <= _DATE_LINE_TAIL_WORDS
        return False

    def is_share_row(self, text: str, key: str | None = None) -> bool:
        """Social buttons ("Facebook Twitter Email") or a row of share/print/text-size controls
        ("Send to a friend   Print this page   Text size: A A A"); ``key``: the text's
        :func:`~dossier.clean.lines.line_key`, when the caller has it."""
        bp = self.boilerplate
        if bp is None:
            return False
        if bp.share_row.match(text):
            return True
        if text.count(" ") > 16:
            return False
        words = L.words_of(L.line_key(text) if key is None else key)
        if self.control_words.isdisjoint(words):
            return False  # the common case: no control starts at any of its words
        rest = " " + " ".join(words) + " "
        found = 0
        for phrase in self.padded_controls:
            if phrase in rest:
                rest = rest.replace(phrase, " ")
                found += 1
        leftover = [w for w in L.words_of(rest) if len(w) > 1]
        return found >= 2 and len(leftover) <= 1

    def is_subscribe_prompt(self, text: str, words: int | None = None) -> bool:
        bp = self.boilerplate
        return (
            bp is not None
            and _mentions(text, bp.needles.subscribe)
            and _words(text, words) <= 40
            and bool(bp.subscribe_prompt.search(text))
        )

    def is_paywall(self, text: str, words: int | None = None) -> bool:
        """ "Subscribe to read the rest", "This article is for subscribers"."""
        bp = self.boilerplate
        return (
            bp is not None
            and _words(text, words) <= 40
            and _mentions(text, bp.needles.paywall)
            and bool(bp.paywall.search(text))
        )

    def is_copyright(self, text: str, lower: str | None = None) -> bool:
        """A copyright line, or a short row of policy links ("Privacy policy | Terms of use")."""
        bp = self.boilerplate
        if bp is None:
            return bool(_COPYRIGHT_SIGN.search(text)) and L.word_count(text) <= 30
        if (
            _mentions(text, bp.needles.copyright, lower)
            and bp.copyright.search(text)
            and L.word_count(text) <= 60
        ):
            return True
        return (
            _mentions(text, bp.needles.policy, lower)
            and L.word_count(text) <= 12
            and bool(bp.policy_links.search(text))
            and not L.ends_sentence(text)
        )

    def is_cookie_notice(self, text: str, lower: str | None = None) -> bool:
        bp = self.boilerplate
        return (
            bp is not None
            and _mentions(text, bp.needles.cookie, lower)
            and bool(bp.cookies.search(text))
        )

    def has_interface_words(self, text: str, lower: str | None = None) -> bool:
        bp = self.boilerplate
        return (
            bp is not None
            and _mentions(text, bp.needles.ui, lower)
            and bool(bp.interface.search(text))
        )

    def has_credit(self, text: str, lower: str | None = None) -> bool:
        bp = self.boilerplate
        return (
            bp is not None
            and _mentions(text, bp.needles.credit, lower)
            and bool(bp.credit.search(text))
        )

    def is_caption(self, text: str, lower: str | None = None) -> bool:
        bp = self.boilerplate
        if bp is None or text[:1] in "\"“‘'«":
            return False
        if self.has_credit(text, lower):
            return True
        if "(" not in text and "pictured" not in text:
            return False
        return bool(bp.caption_position.search(text))

    def is_blurb(self, text: str, words: int) -> bool:
        """Shaped like an outlet describing itself; never a line with quoted speech."""
        bp = self.boilerplate
        if bp is None or words < 8 or _QUOTES.search(text):
            return False
        if self.self_described_name(text):
            return len(bp.blurb_words.findall(text)) >= 2
        return bool(bp.first_plural.search(text)) and len(bp.blurb_words.findall(text)) >= 3

    def is_legal(self, text: str) -> bool:
        bp = self.boilerplate
        return bp is not None and bool(bp.legal_words.search(text))

    def self_described_name(self, text: str) -> str | None:
        """``X`` in "X journalists report ...", "X is an independent ..."."""
        bp = self.boilerplate
        match = bp.self_description.match(text) if bp is not None else None
        if bp is None or not match:
            return None
        name = re.split(r"['’]s\b", match.group("name").strip())[0].strip()
        if name.lower() in bp.not_names:
            return None
        return name if 2 <= len(name) <= 60 else None

    def byline_name(self, text: str, words: int | None = None) -> str | None:
        bp = self.boilerplate
        if bp is None or not bp.byline_start.match(text) or _words(text, words) > 14:
            return None
        dated = self.dated_byline(text)
        if dated:
            return dated[1]
        match = bp.byline.match(text)
        return match.group("name").strip() if match else None

    def dated_byline(self, text: str) -> tuple[str, str] | None:
        """``(date, name)`` from "Posted on 26 March 2027 by Jo Ek" or "By Jo Ek | March 3,
        2021"."""
        bp = self.boilerplate
        if bp is None or L.word_count(text) > 14:
            return None
        match = bp.dated_byline.match(text)
        if match and self.is_date_line(match.group("date")):
            return match.group("date"), match.group("name")
        match = bp.byline_then_date.match(text)
        if (
            match
            and self.is_date_line(match.group("date"))
            and bp.byline.match(f"By {match.group('name')}")
        ):
            return match.group("date"), match.group("name").strip()
        return None

    def credit_prefix(self, text: str) -> int:
        """Words of a photo credit glued to the start of a long line ("Photograph: A
        Name/Agency The minister said ..."), 0 when there is none."""
        bp = self.boilerplate
        cut = 0
        paren = L.leading_parenthesis(text) if text[:1] in "(-" else None
        if paren and self.has_credit(paren):
            cut = len(paren.split())
        elif bp is not None and bp.credit_label.match(text):
            tokens = text.split(" ")
            for i, token in enumerate(tokens[:12]):
                if "/" in token:
                    cut = i + 1
            while cut and cut < len(tokens) and tokens[cut].lower().strip(".,") in bp.agency_tail:
                cut += 1
        return cut

    def _reading_time(self, text: str, words: int) -> bool:
        bp = self.boilerplate
        return bp is not None and bool(bp.reading_time.match(text)) and words <= 8

    def _follow(self, text: str, words: int) -> bool:
        bp = self.boilerplate
        return bp is not None and bool(bp.follow.match(text)) and words <= 20

    def _share_prompt(self, text: str, words: int) -> bool:
        bp = self.boilerplate
        return (
            bp is not None
            and "share" in text.lower()
            and words <= 15
            and bool(bp.share_prompt.search(text))
        )

    def _section_header(self, text: str, words: int) -> bool:
        bp = self.boilerplate
        return bp is not None and bool(bp.section_header.match(text)) and words <= 5


def _neutral_cue(line: Line) -> str | None:
    text = line.text
    if line.words <= 30:
        if _TIMESTAMP.match(text):
            return "media-placeholder"
        dated = _TIME.search(text) and _YEAR.search(text) and line.words <= 12
        if dated and not L.ends_sentence(text):
            return "page-date"
        if L.is_breadcrumb(text):
            return "navigation"
    if _COPYRIGHT_SIGN.search(text) and line.words <= 30:
        return "footer"
    return None


def mark_duplicates(lines: Sequence[Line], cues: list[str | None]) -> None:
    """Consecutive identical lines: a repeated caption (or a repeated title)."""
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.key != b.key or not a.key:
            continue
        if cues[i] in (None, "caption") and cues[i + 1] in (None, "caption"):
            if L.is_headline_like(a.text) and cues[i] is None:
                cues[i + 1] = "title-repeat"
            else:
                cues[i] = "caption"
                cues[i + 1] = "caption-repeat"


def _mentions(text: str, needles: tuple[str, ...], lower: str | None = None) -> bool:
    """Cheap substring pre-filter before running a slow case-insensitive regex (``lower``:
    the text in lower case, when the caller has it)."""
    lower = text.lower() if lower is None else lower
    return any(map(lower.__contains__, needles))


def _words(text: str, words: int | None) -> int:
    """The text's word count: ``words`` when the caller knows it (a line's)."""
    return L.word_count(text) if words is None else words
