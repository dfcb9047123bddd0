"""Plain-text page cleaning: classify every line, keep the article body.

A page dump (what a crawler left, or what someone pasted) is split into
non-blank lines. Each line first gets a context-free *cue* from its shape and
generic web vocabularies (see :mod:`dossier.clean.lines`); then position
decides: lines before the first prose line are the header (navigation,
masthead, page date, title, byline, captions); from the first footer marker
after the body (share/print rows, subscription prompts, related-article
headers, outlet blurbs, legal notices, media placeholders) to the end is the
footer, unless body prose clearly resumes. Lines repeated verbatim across the
documents of the input that are not sentence-like are boilerplate.

The title is returned separately and is *not* part of the clean text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dossier.clean import assemble as A
from dossier.clean import lines as L
from dossier.clean import outlet as O
from dossier.clean.lines import Line
from dossier.clean.settings import CleanSettings
from dossier.model import Removal

# Cues that, after some body text, start the footer.
_FOOTER_MARKERS = frozenset(
    {
        "share",
        "subscribe",
        "related-header",
        "tags-header",
        "outlet-blurb",
        "legal",
        "footer",
        "tags",
        "media-placeholder",
    }
)
# Inside a related-articles section these are swallowed as part of the list.
_LIST_FURNITURE = frozenset({"media-placeholder", "navigation", "page-date", "share", "masthead"})
_LEGAL_WORDS = re.compile(
    r"\b(?:rights reserved|copyright|terms|privacy|cookies?|declared|prohibited|liab\w+|disclaim\w*"
    r"|fines?|imprisonment|laws?|legal\w*|licen[cs]\w+|reproduc\w+|permission|undesirable"
    r"|foreign agent|passport)\b",
    re.I,
)
_BLURB_VOCAB = re.compile(
    r"\b(?:news|journalis\w+|report\w*|media|coverage|independent|audience|stories|languages"
    r"|editorial|press|information|broadcast\w*|outlet|platform|headquartered|employs|employees"
    r"|subsidiaries|founded|listed on|stock exchange|leading|provider|worldwide|global)\b",
    re.I,
)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # not "US"
_QUOTES = re.compile(r"[\"“”«»]")


@dataclass(frozen=True, slots=True)
class PlainResult:
    clean_text: str
    title: str | None
    outlet: str | None
    author: str | None
    dateline_place: str | None
    page_date_text: str | None
    removals: tuple[Removal, ...]
    line_labels: tuple[tuple[Line, str], ...]  # every line with its label ("body" = kept)


def repeat_keys(text: str, settings: CleanSettings) -> set[str]:
    """Keys of the short lines of one document (for cross-document counting)."""
    keys = set()
    for piece in text.split("\n"):
        normalised = L.normalise_space(piece)
        if normalised and L.word_count(normalised) <= settings.repeat_max_words:
            key = L.line_key(normalised)
            if key:
                keys.add(key)
    return keys


def clean_plain(
    raw: str,
    settings: CleanSettings,
    repeated: frozenset[str] = frozenset(),
    known_title: str | None = None,
    extracted: bool = False,
    date_labels: frozenset[str] = frozenset(),
) -> PlainResult:
    """Classify the lines of ``raw`` and build the clean text (title excluded).

    ``repeated`` holds :func:`dossier.clean.lines.line_key` keys of lines seen in
    several documents of the input; ``known_title`` (from HTML metadata) is
    removed wherever it appears as a line of its own. ``extracted`` is for text
    an HTML extractor already reduced to the main content: there is no page
    header to infer (no title guessing, no navigation above the body).
    """
    lines = L.split_lines(raw)
    cues = [_cue(line, date_labels) for line in lines]
    if known_title and L.line_key(known_title):
        title_key = L.line_key(known_title)
        cues = [
            "title-repeat" if ln.key == title_key else c for ln, c in zip(lines, cues, strict=True)
        ]
    _mark_duplicates(lines, cues)
    is_repeat = [
        line.key in repeated
        and line.words <= settings.repeat_max_words
        and not _is_short_sentence(line)
        for line in lines
    ]
    labels: list[str | None] = [None] * len(lines)
    body_start = 0 if extracted else _body_start(lines, cues)
    title_index = None if extracted else _title_index(lines, cues, is_repeat, body_start)
    _label_header(lines, cues, is_repeat, labels, body_start, title_index)
    _label_rest(lines, cues, is_repeat, labels, body_start, settings)
    final = [label or "body" for label in labels]

    title = lines[title_index].text if title_index is not None else known_title
    _label_blurb_names(lines, final)
    body = [line for line, label in zip(lines, final, strict=True) if label == "body"]
    dateline_place, agency = A.dateline(body)
    page_date = A.page_date(lines, final, body_start)
    author = next(
        (L.byline_name(ln.text) for ln, lab in zip(lines, final, strict=True) if lab == "byline"),
        None,
    )
    masthead = None
    first = next(
        (i for i, lab in enumerate(final) if lab not in ("legal", "page-date", "advertisement")),
        None,
    )
    if (
        not extracted
        and first is not None
        and final[first] in ("navigation", "cross-document-repeat")
        and cues[first] is None
    ):
        masthead = O.outlet_from_masthead(lines[first], lines, title_index)
        if masthead:
            final[first] = "masthead"
    outlet_name = A.find_outlet(lines, final, agency, raw, masthead)
    return PlainResult(
        clean_text=A.join_body(body),
        title=title,
        outlet=outlet_name,
        author=author,
        dateline_place=dateline_place,
        page_date_text=page_date,
        removals=A.removals(raw, lines, final),
        line_labels=tuple(zip(lines, final, strict=True)),
    )


# --- pass 1: context-free cues ------------------------------------------------------------


def _cue(line: Line, date_labels: frozenset[str] = frozenset()) -> str | None:
    text, key, n = line.text, line.key, line.words
    if L.is_reader_comment(text):
        return "reader-comment"
    if n <= 30:  # page furniture is short; long lines skip these checks (speed)
        short = _short_cue(text, key, date_labels)
        if short is not None:
            return short
    if L.is_cookie_notice(text):
        return "legal"
    if n <= 60 and L.is_copyright(text):
        return "footer"
    if n <= 35 and _is_caption(text):
        return "caption"
    if _is_blurb(text, n):
        return "outlet-blurb"
    if n <= 60 and L.has_second_person_ui(text) and not _QUOTES.search(text):
        return "notice"  # "click here", "please note": removed, but does not start the footer
    return None


def _short_cue(text: str, key: str, date_labels: frozenset[str]) -> str | None:
    if L.is_media_placeholder(text):
        return "media-placeholder"
    if L.is_advert(text):
        return "advertisement"
    if L.is_date_line(text) or L.is_labelled_date_line(text, date_labels):
        return "page-date"
    if key in L.NAVIGATION or L.is_breadcrumb(text) or L.is_reading_time(text):
        return "navigation"
    if key in L.SHARE or L.is_share_row(text) or L.is_follow(text) or L.is_comment_count(text):
        return "share"
    if L.is_share_prompt(text):
        return "share"
    if key in L.SUBSCRIBE or L.is_subscribe_prompt(text):
        return "subscribe"
    if key in L.RELATED_HEADERS or L.is_section_header(text):
        return "related-header"
    if key in L.TAG_HEADERS:
        return "tags-header"
    if L.is_related_prefix(text):
        return "related-links"
    if L.is_tags_line(text):
        return "tags"
    if L.byline_name(text):
        return "byline"
    return None


def _is_short_sentence(line: Line) -> bool:
    """A complete sentence, however short ("It lasted about 45 seconds."): a quote reused by
    several articles is body text, not page furniture."""
    first = line.text.lstrip("\"“‘'«([`„")[:1]
    return line.words >= 3 and L.ends_sentence(line.text) and (first.isupper() or first.isdigit())


def _is_caption(text: str) -> bool:
    if text[:1] in "\"“‘'«":
        return False
    return L.has_credit(text) or L.has_caption_position(text)


def _is_blurb(text: str, words: int) -> bool:
    if words < 8 or _QUOTES.search(text):
        return False
    if O.outlet_from_blurb(text) and len(_BLURB_VOCAB.findall(text)) >= 2:
        return True
    return bool(_FIRST_PLURAL.search(text)) and len(_BLURB_VOCAB.findall(text)) >= 3


def _mark_duplicates(lines: Sequence[Line], cues: list[str | None]) -> None:
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


# --- pass 2: position ----------------------------------------------------------------------


def _body_start(lines: Sequence[Line], cues: Sequence[str | None]) -> int:
    for i, line in enumerate(lines):
        if cues[i] is None and L.is_prose(line.text):
            return i
    for i, line in enumerate(lines):
        if cues[i] is None and not L.is_headline_like(line.text):
            return i
    return len(lines)


def _title_index(
    lines: Sequence[Line], cues: Sequence[str | None], is_repeat: Sequence[bool], body_start: int
) -> int | None:
    start_block = lines[body_start].block if body_start < len(lines) else -1
    best: tuple[float, int] | None = None
    for i in range(body_start):
        line = lines[i]
        if cues[i] is not None or line.block == start_block:
            continue
        if not L.is_headline_like(line.text) or line.words < 3:
            continue
        score = float(line.words)
        if is_repeat[i]:
            score *= 0.5
        if i + 1 < len(lines) and cues[i + 1] == "title-repeat":
            score += 3
        if best is None or score > best[0]:
            best = (score, i)
    if best is None and body_start == len(lines):
        return None
    return best[1] if best else None


def _label_header(
    lines: Sequence[Line],
    cues: Sequence[str | None],
    is_repeat: Sequence[bool],
    labels: list[str | None],
    body_start: int,
    title_index: int | None,
) -> None:
    start_block = lines[body_start].block if body_start < len(lines) else -1
    title_key = lines[title_index].key if title_index is not None else None
    for i in range(body_start):
        line = lines[i]
        cue = cues[i]
        same_as_title = bool(title_key) and line.key == title_key
        if i == title_index or same_as_title or cue == "title-repeat":
            labels[i] = "title"
        elif cue is not None:
            labels[i] = _final_cue(cue, line.text)
        elif line.block == start_block:
            labels[i] = "body"  # a standfirst run into the first paragraph
        elif is_repeat[i]:
            labels[i] = "cross-document-repeat"
        elif title_index is None or i < title_index:
            labels[i] = "navigation"
        elif line.words >= 8 or _is_short_sentence(line):
            labels[i] = "body"  # standfirst / dek / a short opening sentence after the title
        else:
            labels[i] = "navigation"


def _final_cue(cue: str, text: str = "") -> str:
    if cue == "notice":
        return "legal" if _LEGAL_WORDS.search(text) else "footer"
    return {"related-header": "related-links", "tags-header": "tags", "title-repeat": "title"}.get(
        cue, cue
    )


def _label_rest(
    lines: Sequence[Line],
    cues: Sequence[str | None],
    is_repeat: Sequence[bool],
    labels: list[str | None],
    body_start: int,
    settings: CleanSettings,
) -> None:
    title_keys = {lines[i].key for i, lab in enumerate(labels) if lab == "title"}
    in_list = False
    list_label = "related-links"
    seen_body = False
    i = body_start
    while i < len(lines):
        line, cue = lines[i], cues[i]
        if line.key in title_keys and cue is None:
            labels[i] = "title"
            i += 1
            continue
        if seen_body and cue in _FOOTER_MARKERS:
            if _resume_index(lines, cues, is_repeat, i, settings) is None:
                _label_footer(lines, cues, labels, i, len(lines))
                return
            # Body prose follows: this marker is furniture inside the article, not its end.
            # A self-description in mid-article is body text (a news story may describe
            # an organisation), so only the footer ever removes it.
            if cue == "outlet-blurb":
                labels[i] = "body"
                i += 1
                continue
        if cue == "related-header":
            labels[i] = "related-links"
            in_list = True
            list_label = "related-links"
        elif cue == "tags-header":
            labels[i] = "tags"
            in_list = True
            list_label = "tags"
        elif cue is not None:
            labels[i] = (
                list_label if in_list and cue in _LIST_FURNITURE else _final_cue(cue, line.text)
            )
        elif in_list and not L.is_prose(line.text):
            labels[i] = list_label
        elif is_repeat[i]:
            labels[i] = "cross-document-repeat"
        else:
            in_list = False
            labels[i] = "body"
            seen_body = True
        i += 1


def _resume_index(
    lines: Sequence[Line],
    cues: Sequence[str | None],
    is_repeat: Sequence[bool],
    start: int,
    settings: CleanSettings,
) -> int | None:
    """Where body prose clearly resumes after a footer marker, if it does.

    Counts paragraphs: a hard-wrapped block is one paragraph, otherwise each line is
    one (pages with one sentence per line and no blank lines are common). A short
    subheading neither breaks nor extends a run of body paragraphs.
    """
    run_start: int | None = None
    run_units = 0
    run_words = 0
    for unit in _paragraph_units(lines, start + 1):
        text = " ".join(lines[j].text for j in unit)
        uncued = all(cues[j] is None and not is_repeat[j] for j in unit)
        if uncued and len(unit) == 1 and L.is_headline_like(text) and lines[unit[0]].words <= 10:
            continue
        if not (uncued and L.is_prose(text) and not _LEGAL_WORDS.search(text)):
            run_start, run_units, run_words = None, 0, 0
            continue
        if run_start is None:
            run_start = unit[0]
        run_units += 1
        run_words += L.word_count(text)
        if run_units >= settings.resume_min_paragraphs and run_words >= settings.resume_min_words:
            return run_start
    return None


def _paragraph_units(lines: Sequence[Line], start: int) -> Iterator[list[int]]:
    """Line indices from ``start`` grouped into paragraphs (see :func:`_resume_index`),
    one at a time: the caller stops at the first run of body prose, so each footer marker
    costs what it reads, not the rest of the page. A block longer than ``_UNIT_LINES``
    lines (a page without blank lines) is judged on its first lines and read in pieces."""
    block: list[int] = []
    for j in range(start, len(lines)):
        if block and lines[block[-1]].block != lines[j].block:
            yield from _block_units(lines, block)
            block = []
        block.append(j)
        if len(block) == 2 * _UNIT_LINES:
            wrapped = _is_wrapped(lines, block)
            head, block = block[:_UNIT_LINES], block[_UNIT_LINES:]
            yield from [head] if wrapped else ([k] for k in head)
    if block:
        yield from _block_units(lines, block)


_UNIT_LINES = 64


def _block_units(lines: Sequence[Line], block: list[int]) -> list[list[int]]:
    if len(block) > 1 and _is_wrapped(lines, block):
        return [block]
    return [[j] for j in block]


def _is_wrapped(lines: Sequence[Line], block: Sequence[int]) -> bool:
    """Most line breaks of the block fall inside a sentence (hard-wrapped prose)."""
    inside = sum(
        1
        for a, b in itertools.pairwise(block)
        if lines[b].text[:1].islower() or lines[a].text.endswith((",", ";", "-", "–", "—"))
    )
    return inside * 2 > len(block) - 1


def _label_footer(
    lines: Sequence[Line],
    cues: Sequence[str | None],
    labels: list[str | None],
    start: int,
    end: int,
) -> None:
    section = "footer"
    for j in range(start, end):
        cue = cues[j]
        if cue in ("related-header", "tags-header"):
            section = "related-links" if cue == "related-header" else "tags"
            labels[j] = section
        elif cue is not None and not (section != "footer" and cue in _LIST_FURNITURE):
            labels[j] = _final_cue(cue, lines[j].text)
            if cue in ("outlet-blurb", "legal", "subscribe"):
                section = "footer"
        elif section != "footer":
            labels[j] = section
        elif _LEGAL_WORDS.search(lines[j].text):
            labels[j] = "legal"
        else:
            labels[j] = "footer"


def _label_blurb_names(lines: Sequence[Line], labels: list[str]) -> None:
    """A short footer line that opens the following outlet blurb is part of it."""
    for i in range(len(lines) - 1):
        if labels[i] == "footer" and labels[i + 1] == "outlet-blurb" and lines[i].words <= 8:
            key = lines[i].key
            if key and lines[i + 1].key.startswith(key):
                labels[i] = "outlet-blurb"
