"""Timeline summarisation for large collections (``dossier timeline``).

A date-wise method in the spirit of DATEWISE (Ghalandari & Ifrim, ACL 2020):

1. every sentence of every usable document is linked to the calendar days it
   mentions (the document's ``time_expressions`` when stage 4 has set them,
   otherwise :func:`dossier.time.tag_time_expressions` relative to its
   publication date), day granularity only;
2. each day is scored by how many distinct sentences mention it, weighted by
   where the mention comes from (a report on or after the day counts fully,
   an announcement of a future day less; sentences with a topic keyword count
   more), plus a small bonus per document published that day; only days in
   ``[start, end]`` (default: a year before the first publication to the day
   after the last) are considered;
3. days are taken best first until ``max_dates`` of them have a summary;
4. a day's candidates are the sentences naming it plus the undated lead
   sentences of documents published that day or the next; ``per_date`` of them
   are chosen by TF-IDF cosine to the day's centroid (the terms the naming
   sentences and the leads have in common, as news-tls does), skipping any
   sentence too similar to one already chosen anywhere in the timeline.

Boilerplate (a sentence repeated verbatim across many documents) is dropped
and duplicated sentences count once. Every output sentence is a verbatim span
of a document's ``clean_text``, cited in each document where it occurs (up to
``max_citations``). Documents that are not ``ok``, cannot be dated, are empty or
unparsed, or are listings, schedules and programme guides (:func:`is_listing`) are left
out and logged with the reason. Sentences are the parse's. No statistical model is
needed: a collection of a few hundred documents takes about a second once
tagged.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from dossier.model import Citation, DateValue, Document, Sentence, TimeExpression
from dossier.resources import Resources
from dossier.time.settings import TimeSettings
from dossier.time.timex import tag_time_expressions

logger = logging.getLogger(__name__)

# Between the days of a timeline file (the Timeline17 format: a date line, its sentences, this).
SEPARATOR = "-" * 32

# A word: a letter or digit run, apostrophes and hyphens inside (typography).
_WORD = re.compile(r"[^\W_][\w'’-]*")
# A line that opens on a clock time ("06:00 Morning News"): listings and schedules.
_CLOCK_LINE = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b", re.MULTILINE)
_LISTING_SHARE = 0.3  # a document whose lines open on a clock time this often is a listing
_SPACE = re.compile(r"\s+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class TimelineSettings:
    max_dates: int = 10  # T: how many dates the timeline keeps
    per_date: int = 2  # N: sentences per date
    # Topic words: mentions in sentences with one of them count more, and such sentences are
    # preferred in summaries (or required, with keyword_filter). A keyword that no document
    # has is ignored (and logged).
    keywords: tuple[str, ...] = ()
    start: str | None = None  # ISO day: keep only dates on or after it
    end: str | None = None  # ISO day: keep only dates on or before it
    min_words: int = 5  # shorter sentences are never summary sentences
    max_words: int = 80  # longer "sentences" are usually run-on page furniture
    future_weight: float = 0.5  # weight of a mention of a day after the publication date
    keyword_weight: float = 2.0  # weight of a mention in a sentence containing a keyword
    keyword_bonus: float = 0.1  # centroid-score bonus of sentences with a keyword
    keyword_filter: bool = False  # True: a day's summary uses only keyword sentences if any
    pub_weight: float = 0.5  # score per distinct document published on the day
    mention_bonus: float = 0.0  # centroid-score bonus of sentences that name the day itself
    # Undated sentences among the first ``lead_sentences`` of a document published on the
    # day or up to ``pub_days - 1`` days after it are candidates for the day too.
    lead_sentences: int = 5
    pub_days: int = 2
    # Centre a day on the terms its naming sentences and its leads share (False: on all
    # candidates). Measured on Timeline17: AR1-F 0.124 -> 0.134.
    joint_centroid: bool = True
    redundancy: float = 0.5  # a sentence this TF-IDF-similar to a chosen one is redundant
    boilerplate_min_docs: int = 4  # a sentence verbatim in this many documents or more ...
    boilerplate_share: float = 0.02  # ... and this share of them is boilerplate
    max_citations: int = 5  # citations per output sentence (identical copies elsewhere)
    time: TimeSettings = field(default_factory=TimeSettings)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: DateValue
    sentences: tuple[Sentence, ...]


@dataclass(slots=True)
class _Sent:
    doc: int  # index into the usable documents
    start: int
    end: int
    key: str  # normalised text: identical sentences share it
    pub: int  # publication day (ordinal)
    days: tuple[int, ...]  # mentioned days (ordinals), distinct
    keyword: bool
    words: int
    position: int  # index among the document's kept sentences


def select_timeline(
    docs: Sequence[Document], settings: TimelineSettings, resources: Resources
) -> tuple[TimelineEntry, ...]:
    """Pick the ``settings.max_dates`` most important days and ``per_date`` sentences each.

    Entries are returned oldest first. TF-IDF centroids are enough and keep large
    collections fast; the stop words are those of the documents' language (the most common
    one among them).
    """
    for name, bound in (("start", settings.start), ("end", settings.end)):
        if bound is not None and _parse_day(bound) is None:
            raise ValueError(f"timeline {name} must be an ISO day (YYYY-MM-DD), got {bound!r}")
    usable: list[tuple[Document, date]] = []
    for doc in docs:
        if not doc.ok:
            logger.info("timeline: %s left out: status %s", doc.id, doc.status)
            continue
        pub = _publication_day(doc)
        if pub is None:
            logger.warning("timeline: %s left out: no publication date", doc.id)
            continue
        if not doc.clean_text.strip():
            logger.info("timeline: %s left out: empty text", doc.id)
            continue
        if doc.parse is None:
            logger.info("timeline: %s left out: not parsed (language unsupported?)", doc.id)
            continue
        if is_listing(doc, resources):
            logger.info("timeline: %s left out: a listing, schedule or programme guide", doc.id)
            continue
        usable.append((doc, pub))
    if not usable or settings.max_dates <= 0 or settings.per_date <= 0:
        return ()

    keywords = _active_keywords(settings.keywords, [d.clean_text for d, _ in usable])
    sents = _collect_sentences(usable, keywords, settings)
    first, last = _parse_day(settings.start), _parse_day(settings.end)
    scores = _score_days(sents, settings, first, last)
    ranked = sorted(scores, key=lambda day: (-scores[day], day))

    by_key: dict[str, list[_Sent]] = defaultdict(list)
    for s in sents:
        by_key[s.key].append(s)
    vectors = _TfIdf([s.key for s in sents], _stop_words([d for d, _ in usable], resources))
    index = _CandidateIndex(sents, settings)
    picked_keys: list[str] = []
    entries: list[TimelineEntry] = []
    for day in ranked:  # a day without usable sentences gives way to the next one
        if len(entries) >= settings.max_dates:
            break
        chosen = _summarise_day(day, index, vectors, picked_keys, settings)
        if not chosen:
            logger.info("timeline: %s skipped: no usable sentence", date.fromordinal(day))
            continue
        picked_keys.extend(chosen)
        sentences = tuple(_sentence(by_key[key], usable, settings) for key in chosen)
        value = DateValue(date.fromordinal(day).isoformat(), "day")
        entries.append(TimelineEntry(value, sentences))
    entries.sort(key=lambda e: e.date.value)
    return tuple(entries)


def is_listing(doc: Document, resources: Resources) -> bool:
    """A listing, schedule or programme guide: its opening names itself one (the language's
    listing phrases), or many of its lines open on a clock time."""
    language = resources.language(doc.language)
    if language is not None and language.news.is_listing(doc.clean_text[:1000]):
        return True
    lines = [line for line in doc.clean_text.splitlines() if line.strip()]
    timed = len(_CLOCK_LINE.findall(doc.clean_text))
    return len(lines) >= 3 and timed >= _LISTING_SHARE * len(lines)


def _stop_words(docs: Sequence[Document], resources: Resources) -> frozenset[str]:
    codes = Counter(d.language for d in docs if d.language)
    language = resources.language(codes.most_common(1)[0][0] if codes else "en")
    return language.stop_words if language is not None else frozenset()


def format_timeline(entries: Sequence[TimelineEntry]) -> str:
    """The Timeline17 text format: date line, one sentence per line, dashed separator."""
    lines: list[str] = []
    for entry in entries:
        lines.append(entry.date.value)
        lines.extend(_SPACE.sub(" ", s.text).strip() for s in entry.sentences)
        lines.append(SEPARATOR)
    return "\n".join(lines) + ("\n" if lines else "")


# --------------------------------------------------------------------------- sentences


def _publication_day(doc: Document) -> date | None:
    published = doc.published.date
    if published is not None and published.granularity == "day":
        return _parse_day(published.value)
    for text in (doc.folder_date, doc.metadata_date):
        day = _parse_day(text)
        if day is not None:
            return day
    return None


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    match = _ISO_DAY.match(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _active_keywords(keywords: Sequence[str], texts: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    active = []
    for word in keywords:
        word = word.strip()
        if not word:
            continue
        # one of the story's own words, as a whole word (escaped): no list of a language
        pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
        if any(pattern.search(text) for text in texts):
            active.append(pattern)
        else:
            logger.warning("timeline: keyword %r occurs in no document; ignored", word)
    return tuple(active)


def _collect_sentences(
    usable: Sequence[tuple[Document, date]],
    keywords: Sequence[re.Pattern[str]],
    settings: TimelineSettings,
) -> list[_Sent]:
    sents: list[_Sent] = []
    for index, (doc, pub) in enumerate(usable):
        text = doc.clean_text
        expressions = _time_expressions(doc, pub, settings.time)
        starts = [e.start for e in expressions]
        position = 0
        for start, end in doc.parse.sentences if doc.parse is not None else ():
            sentence = text[start:end]
            words = len(_WORD.findall(sentence))
            if words < 3:
                continue
            lo = bisect_right(starts, start - 1)
            hi = bisect_right(starts, end - 1)
            days = tuple(
                dict.fromkeys(
                    d for e in expressions[lo:hi] if (d := _expression_day(e)) is not None
                )
            )
            sents.append(
                _Sent(
                    doc=index,
                    start=start,
                    end=end,
                    key=_SPACE.sub(" ", sentence).strip().lower(),
                    pub=pub.toordinal(),
                    days=days,
                    keyword=any(k.search(sentence) for k in keywords),
                    words=words,
                    position=position,
                )
            )
            position += 1
    return _drop_boilerplate(sents, len(usable), settings)


def _time_expressions(doc: Document, pub: date, settings: TimeSettings) -> list[TimeExpression]:
    if doc.time_expressions:
        found: Sequence[TimeExpression] = doc.time_expressions
    else:
        anchor = DateValue(pub.isoformat(), "day")
        found = tag_time_expressions(doc.clean_text, doc.id, anchor, settings)
    return sorted(found, key=lambda e: e.start)


def _expression_day(expression: TimeExpression) -> int | None:
    value = expression.value
    if expression.kind not in ("date", "time") or value is None or value.granularity != "day":
        return None
    day = _parse_day(value.value)
    return day.toordinal() if day is not None else None


def _drop_boilerplate(sents: list[_Sent], n_docs: int, settings: TimelineSettings) -> list[_Sent]:
    docs_per_key: dict[str, set[int]] = defaultdict(set)
    for s in sents:
        docs_per_key[s.key].add(s.doc)
    limit = max(settings.boilerplate_min_docs, math.ceil(settings.boilerplate_share * n_docs))
    boiler = {key for key, found in docs_per_key.items() if len(found) >= limit}
    if boiler:
        logger.info("timeline: %d repeated sentences treated as boilerplate", len(boiler))
    return [s for s in sents if s.key not in boiler]


# --------------------------------------------------------------------------- dates


def _score_days(
    sents: Sequence[_Sent], settings: TimelineSettings, first: date | None, last: date | None
) -> dict[int, float]:
    """Mention-count score of each day; each distinct sentence text counts once."""
    lo = first.toordinal() if first else None
    hi = last.toordinal() if last else None
    pubs = [s.pub for s in sents]
    if lo is None:
        lo = min(pubs) - 366  # background years back are not this story's timeline
    if hi is None:
        hi = max(pubs) + 1
    scores: dict[int, float] = defaultdict(float)
    seen: set[str] = set()
    for s in sents:
        if s.key in seen:
            continue
        seen.add(s.key)
        weight = settings.keyword_weight if s.keyword else 1.0
        for day in s.days:
            if lo <= day <= hi:
                scores[day] += weight * (1.0 if day <= s.pub else settings.future_weight)
    docs_per_day: dict[int, set[int]] = defaultdict(set)
    for s in sents:
        if lo <= s.pub <= hi:
            docs_per_day[s.pub].add(s.doc)
    for day, found in docs_per_day.items():
        scores[day] += settings.pub_weight * len(found)
    return scores


# --------------------------------------------------------------------------- summaries


class _TfIdf:
    """Sparse, L2-normalised TF-IDF vectors of sentence texts (stop words removed)."""

    def __init__(self, texts: Sequence[str], stop_words: frozenset[str]) -> None:
        self._stop = stop_words
        df: Counter[str] = Counter()
        unique = dict.fromkeys(texts)
        for text in unique:
            df.update(set(self._tokens(text)))
        n = len(unique) + 1
        self._idf = {term: math.log(n / (count + 1)) + 1.0 for term, count in df.items()}
        self._cache: dict[str, dict[str, float]] = {}

    def _tokens(self, text: str) -> list[str]:
        return [w for w in _WORD.findall(text.lower()) if w not in self._stop and len(w) > 1]

    def vector(self, text: str) -> dict[str, float]:
        cached = self._cache.get(text)
        if cached is None:
            counts = Counter(self._tokens(text))
            raw = {t: c * self._idf.get(t, 1.0) for t, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            cached = {t: v / norm for t, v in raw.items()}
            self._cache[text] = cached
        return cached


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


class _CandidateIndex:
    """Summary candidates by the day they name, and undated lead sentences by publication day."""

    def __init__(self, sents: Sequence[_Sent], settings: TimelineSettings) -> None:
        self.naming: dict[int, list[_Sent]] = defaultdict(list)
        self.leads: dict[int, list[_Sent]] = defaultdict(list)
        for s in sents:
            if not settings.min_words <= s.words <= settings.max_words:
                continue
            for day in s.days:
                self.naming[day].append(s)
            if not s.days and s.position < settings.lead_sentences:
                self.leads[s.pub].append(s)

    def for_day(self, day: int, pub_days: int) -> list[_Sent]:
        found = list(self.naming.get(day, ()))
        for offset in range(max(pub_days, 0)):
            found.extend(self.leads.get(day + offset, ()))
        return found


def _summarise_day(
    day: int,
    index: _CandidateIndex,
    vectors: _TfIdf,
    already: Sequence[str],
    settings: TimelineSettings,
) -> list[str]:
    """Keys of the day's chosen sentences: greedy centroid fit without redundancy."""
    candidates: dict[str, float] = {}  # key -> bonus
    keyword_keys: set[str] = set()
    named: set[str] = set()
    for s in index.for_day(day, settings.pub_days):
        if s.keyword:
            keyword_keys.add(s.key)
        if day in s.days:
            candidates[s.key] = settings.mention_bonus
            named.add(s.key)
        else:
            candidates.setdefault(s.key, 0.0)
    if not candidates:
        return []
    if settings.keyword_filter:
        on_topic = {key: bonus for key, bonus in candidates.items() if key in keyword_keys}
        if on_topic:  # the day has sentences with a keyword: use only those
            candidates = on_topic
    else:
        for key in keyword_keys & candidates.keys():
            candidates[key] += settings.keyword_bonus
    centroid = _mean(vectors, candidates)
    if settings.joint_centroid and named and len(named) < len(candidates):
        # news-tls style: what reports naming the day and that day's leads have in common
        of_named = _mean(vectors, named)
        of_leads = _mean(vectors, [k for k in candidates if k not in named])
        joint = {t: v + of_leads[t] for t, v in of_named.items() if t in of_leads}
        if joint:
            centroid = joint
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centroid = {t: v / norm for t, v in centroid.items()}
    base = {key: _dot(vectors.vector(key), centroid) + bonus for key, bonus in candidates.items()}
    chosen: list[str] = []
    previous = [vectors.vector(key) for key in already]
    for key in sorted(base, key=lambda k: (-base[k], k)):
        if len(chosen) >= settings.per_date:
            break
        vector = vectors.vector(key)
        if any(_dot(vector, other) >= settings.redundancy for other in previous):
            continue
        chosen.append(key)
        previous.append(vector)
    return chosen


def _mean(vectors: _TfIdf, keys: Iterable[str]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    n = 0
    for key in keys:
        n += 1
        for term, value in vectors.vector(key).items():
            total[term] += value
    return {t: v / max(n, 1) for t, v in total.items()}


def _sentence(
    copies: Sequence[_Sent], usable: Sequence[tuple[Document, date]], settings: TimelineSettings
) -> Sentence:
    """The sentence as its first occurrence reads, cited in every document that has it."""
    first = copies[0]
    doc = usable[first.doc][0]
    citations: list[Citation] = []
    cited: set[int] = set()
    for s in copies:
        if s.doc in cited or len(citations) >= settings.max_citations:
            continue
        cited.add(s.doc)
        citations.append(usable[s.doc][0].cite(s.start, s.end))
    return Sentence(_SPACE.sub(" ", doc.clean_text[first.start : first.end]), tuple(citations))
