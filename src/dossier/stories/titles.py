"""A story's title: the heading its documents share most (of the central ones, the latest
report's), never a byline, a time stamp, a question, a caption or page furniture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from dossier.lang import Language
from dossier.lang.discourse import NewsText
from dossier.model import Document, Membership, Parse
from dossier.nlp.glued import glued_parts
from dossier.resources import Resources
from dossier.text import content_tokens

MAX_TITLE = 120  # characters
CENTRAL = 0.85  # a heading this close to the most central one's score is central too
# Words of no share added to every heading's mean, so that a heading of one or two common
# words ("There is still oil out there") does not outscore one that says what happened.
PRIOR_WORDS = 2


def is_byline(text: str, news: NewsText) -> bool:
    """ "By David Willis BBC News, Los Angeles": a byline word, then a capitalised name."""
    tokens = text.split()
    return len(tokens) >= 2 and tokens[0].lower() in news.byline_words and tokens[1][:1].isupper()


def usable_title(text: str | None, news: NewsText) -> bool:
    if not text or not text.strip():
        return False
    return not (is_byline(text.strip(), news) or news.is_boilerplate(text))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_TITLE:
        return text
    return text[: MAX_TITLE - 3].rsplit(" ", 1)[0] + "…"


def document_title(doc: Document, news: NewsText, language: Language | None = None) -> str | None:
    """What could head the document: its title when it is one, else the first of its opening
    sentences that could be (with the parse, one that makes a statement: a caption or a
    label has no verb)."""
    if usable_title(doc.title, news):
        return _shorten(str(doc.title))
    parse = doc.parse
    spans = parse.sentences[:8] if parse is not None else ()
    if parse is not None and language is not None:  # a headline glued to the first sentence
        spans = tuple(
            p for a, b in spans for p in glued_parts(parse, doc.clean_text, a, b, language)
        )
    verbs = language.grammar.verb_pos if language is not None else frozenset()
    for start, end in spans[:8]:
        sentence = doc.clean_text[start:end]
        if len(sentence.split()) < 4 or not usable_title(sentence, news):
            continue
        if sentence.rstrip().endswith("?"):
            continue  # a question heads a feature, not the story
        if parse is not None and verbs and not _states(parse, start, end, verbs):
            continue
        return _shorten(sentence)
    return None


def _states(parse: Parse, start: int, end: int, verbs: frozenset[str]) -> bool:
    return any(parse.pos[i] in verbs for i in parse.token_range(start, end))


def story_title(
    docs: Sequence[Document], membership: Sequence[Membership], resources: Resources | None
) -> str:
    """The heading the story's documents share most: each document's title (or its lead),
    scored by how central it is, the mean share of the story's documents that use each of
    its content words (an aside, "rain expected for the weekend's race", uses words few of
    them use; ``PRIOR_WORDS`` words of no share are counted in). Of the central ones (within
    ``CENTRAL`` of the best), the latest report's, which states the story's latest state;
    then the one closer to the others (membership). Falls back to the founder's first line."""
    score = {m.doc: m.score for m in membership}
    headings: list[tuple[Document, str, frozenset[str]]] = []
    stop_words: set[str] = set()
    for doc in docs:
        language = resources.language(doc.language) if resources is not None else None
        news = language.news if language is not None else NewsText()
        stop = language.stop_words if language is not None else frozenset()
        stop_words |= stop
        heading = document_title(doc, news, language)
        if heading:
            headings.append((doc, heading, content_tokens(heading, stop)))
    if headings:
        shares = _shares(docs, frozenset(stop_words))
        central = [
            (sum(shares.get(t, 0.0) for t in words) / (len(words) + PRIOR_WORDS), doc, heading)
            for doc, heading, words in headings
        ]
        best = max(c for c, _, _ in central)
        _, _, title = max(
            (x for x in central if x[0] >= best * CENTRAL),
            key=lambda x: (_published(x[1]), score.get(x[1].id, 0.0), x[0], x[1].id),
        )
        return title
    first = docs[0].clean_text.strip().split("\n", 1)[0]
    return _shorten(first) or docs[0].id


def _shares(docs: Sequence[Document], stop_words: frozenset[str]) -> dict[str, float]:
    """For each content word, the share of the documents that use it."""
    counts = Counter(t for d in docs for t in content_tokens(d.clean_text, stop_words))
    return {t: n / len(docs) for t, n in counts.items()}


def _published(doc: Document) -> str:
    return doc.published.date.sort_key if doc.published.date else ""
