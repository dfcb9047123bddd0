"""A story's title: from its latest central report, never a byline, a time stamp or page
furniture."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from dossier.lang import Language
from dossier.lang.discourse import NewsText
from dossier.model import Document, Membership
from dossier.nlp.glued import glued_parts
from dossier.resources import Resources

MAX_TITLE = 120  # characters


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
    """The document's title when it is one, else its first sentence that could be."""
    if usable_title(doc.title, news):
        return _shorten(str(doc.title))
    parse = doc.parse
    spans = parse.sentences[:8] if parse is not None else ()
    if parse is not None and language is not None:  # a headline glued to the first sentence
        spans = tuple(
            p for a, b in spans for p in glued_parts(parse, doc.clean_text, a, b, language)
        )
    for start, end in spans[:8]:
        sentence = doc.clean_text[start:end]
        if len(sentence.split()) >= 4 and usable_title(sentence, news):
            return _shorten(sentence)
    return None


def story_title(
    docs: Sequence[Document], membership: Sequence[Membership], resources: Resources | None
) -> str:
    """The title of the latest of the story's more central documents (closer to the others
    than the median), falling back to any document, then to the founder's first line."""
    score = {m.doc: m.score for m in membership}
    middle = statistics.median(score.get(d.id, 0.0) for d in docs)
    central = [d for d in docs if score.get(d.id, 0.0) >= middle]
    ranked = sorted(
        sorted(central, key=lambda d: d.id),
        key=lambda d: (
            d.published.date.sort_key if d.published.date else "",
            d.title is not None,
            score.get(d.id, 0.0),
        ),
        reverse=True,
    )
    ranked += sorted((d for d in docs if d not in central), key=lambda d: -score.get(d.id, 0.0))
    for doc in ranked:
        language = resources.language(doc.language) if resources is not None else None
        news = language.news if language is not None else NewsText()
        title = document_title(doc, news, language)
        if title:
            return title
    first = docs[0].clean_text.strip().split("\n", 1)[0]
    return _shorten(first) or docs[0].id
