"""Rule-based line labelling: for text an HTML extractor already reduced to the article.

trafilatura's rendering of an HTML page (one paragraph per line) still carries leftovers
(captions, share rows, "Read more" lists, repeated titles). Each line gets a context-free
*cue* (:mod:`dossier.clean.cues`); then position decides: lines before the first
prose line are the header (navigation, masthead, page date, title, byline, captions);
from the first footer marker after the body (share/print rows, subscription prompts, related-article
headers, outlet blurbs, legal notices, media placeholders) to the end is the
footer, unless body prose clearly resumes. Lines repeated verbatim across the
documents of the input that are not sentence-like are boilerplate.

The title is returned separately and is *not* part of the clean text. Plain-text pages
(everything on the page) go through the block classifier instead (:mod:`dossier.clean.blocks`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dossier.clean import assemble as A
from dossier.clean import lines as L
from dossier.clean import outlet as O
from dossier.clean.cues import Cues
from dossier.clean.lines import Line
from dossier.clean.settings import CleanSettings
from dossier.model import Removal

# Cues that, after some body text, start the footer.
# not language: cue identifiers
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
    rules: Cues,
    repeated: frozenset[str] = frozenset(),
    known_title: str | None = None,
    extracted: bool = False,
) -> PlainResult:
    """Classify the lines of ``raw`` and build the clean text (title excluded).

    ``repeated`` holds :func:`dossier.clean.lines.line_key` keys of lines seen in
    several documents of the input; ``known_title`` (from HTML metadata) is
    removed wherever it appears as a line of its own. ``extracted`` is for text
    an HTML extractor already reduced to the main content: there is no page
    header to infer (no title guessing, no navigation above the body).
    """
    lines = rules.split(raw)
    cues = rules.line_cues(lines, known_title)
    is_repeat = [
        line.key in repeated
        and line.words <= settings.repeat_max_words
        and not _is_short_sentence(line)
        for line in lines
    ]
    labels: list[str | None] = [None] * len(lines)
    body_start = 0 if extracted else _body_start(lines, cues)
    title_index = None if extracted else _title_index(lines, cues, is_repeat, body_start)
    _label_header(lines, cues, is_repeat, labels, body_start, title_index, rules)
    _label_rest(lines, cues, is_repeat, labels, body_start, settings, rules)
    final = [label or "body" for label in labels]

    title = lines[title_index].text if title_index is not None else known_title
    _label_blurb_names(lines, final)
    body = [line for line, label in zip(lines, final, strict=True) if label == "body"]
    dateline_place, agency = A.dateline(body, rules)
    page_date = A.page_date(lines, final, body_start, rules)
    author = _author(lines, final, rules)
    masthead = None if extracted else _masthead(lines, final, cues, title_index, rules)
    outlet_name = A.find_outlet(lines, final, agency, raw, masthead, rules)
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


def _author(lines: list[Line], final: list[str], rules: Cues) -> str | None:
    """The name of the first byline line, if any."""
    bylines = (ln for ln, label in zip(lines, final, strict=True) if label == "byline")
    return next((rules.byline_name(line.text) for line in bylines), None)


def _masthead(
    lines: list[Line],
    final: list[str],
    cues: list[str | None],
    title_index: int | None,
    rules: Cues,
) -> str | None:
    """The outlet a page's first (navigation-like) line names; that line is relabelled
    "masthead" in ``final`` when it names one."""
    first = next(
        (i for i, lab in enumerate(final) if lab not in ("legal", "page-date", "advertisement")),
        None,
    )
    if first is None or final[first] not in ("navigation", "cross-document-repeat"):
        return None
    if cues[first] is not None:
        return None
    masthead = O.outlet_from_masthead(lines[first], lines, title_index, rules)
    if masthead:
        final[first] = "masthead"
    return masthead


def _is_short_sentence(line: Line) -> bool:
    """A complete sentence, however short ("It lasted about 45 seconds."): a quote reused by
    several articles is body text, not page furniture."""
    first = line.text.lstrip("\"“‘'«([`„")[:1]
    return line.words >= 3 and L.ends_sentence(line.text) and (first.isupper() or first.isdigit())


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
    rules: Cues,
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
            labels[i] = final_cue(cue, line.text, rules)
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


def final_cue(cue: str, text: str, rules: Cues) -> str:
    """The removal reason a cue gives."""
    if cue == "notice":
        return "legal" if rules.is_legal(text) else "footer"
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
    rules: Cues,
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
            if _resume_index(lines, cues, is_repeat, i, settings, rules) is None:
                _label_footer(lines, cues, labels, i, len(lines), rules)
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
                list_label
                if in_list and cue in _LIST_FURNITURE
                else final_cue(cue, line.text, rules)
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
    rules: Cues,
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
        if not (uncued and L.is_prose(text) and not rules.is_legal(text)):
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
    rules: Cues,
) -> None:
    section = "footer"
    for j in range(start, end):
        cue = cues[j]
        if cue in ("related-header", "tags-header"):
            section = "related-links" if cue == "related-header" else "tags"
            labels[j] = section
        elif cue is not None and not (section != "footer" and cue in _LIST_FURNITURE):
            labels[j] = final_cue(cue, lines[j].text, rules)
            if cue in ("outlet-blurb", "legal", "subscribe"):
                section = "footer"
        elif section != "footer":
            labels[j] = section
        elif rules.is_legal(lines[j].text):
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
