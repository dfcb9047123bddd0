"""Which claims are compared (and so embedded) at all."""

from __future__ import annotations

from typing import Any

from dossier.crosscheck import crosscheck, crosscheck_stories
from dossier.crosscheck.align import candidate_pairs, worth_aligning
from dossier.crosscheck.claims import story_claims
from dossier.crosscheck.support import Rules, lexicons_for
from dossier.model import Document
from dossier.resources import Resources
from dossier.settings import Settings

from . import story
from .test_fictional import _entities, _two_docs


def _pairs(docs: tuple[Document, ...], settings: Settings) -> set[tuple[str, str]]:
    resources = Resources()
    lexicons = lexicons_for(docs, resources)
    claims = story_claims(docs, _entities(docs), lexicons)
    rules = Rules.of(next(iter(lexicons.values())).language)
    cs = settings.crosscheck
    worth = [i for i, c in enumerate(claims) if worth_aligning(c, cs.min_claim_words)]
    return {(claims[i].text, claims[j].text) for i, j in candidate_pairs(claims, worth, rules, cs)}


def test_same_wording_and_same_event_are_compared(settings: Settings) -> None:
    pairs = {frozenset(p) for p in _pairs(story.documents(), settings)}
    assert (
        frozenset(
            {
                "Police said 12 protesters were detained outside the court building.",
                "Police said 30 protesters were detained outside the court building.",
            }
        )
        in pairs
    )
    assert (
        frozenset(
            {
                "Their trial began on March 1 in the Norvik district court.",
                "Proceedings against the two opened in Norvik on March 1.",
            }
        )
        in pairs
    )
    # Nothing in another document speaks of the penalty they face.
    assert not any("five years" in a or "five years" in b for a, b in pairs)


def test_claims_sharing_only_the_topic_are_not_compared(settings: Settings) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen met reporters in Lund on March 2 and spoke at length "
        "about the harsh winter, their elderly parents, the shuttered bakery and the orchard "
        "they hope to replant together.",
        "Supporters of Tomas Varga and Elin Sorensen marched through central Lund on March 2, "
        "carrying painted banners, drums, candles and flowers towards the municipal theatre "
        "where the mayor was speaking.",
    )
    assert _pairs(docs, settings) == set()


def test_a_paraphrase_of_the_same_event_is_compared(settings: Settings) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Border guards detained Tomas Varga and Elin Sorensen in Lund on February 20 "
        "after a long chase across the frozen lake.",
    )
    assert len(_pairs(docs, settings)) == 1


class _CountingResources(Resources):
    """Real embeddings, but remembers which texts were embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed(self, sentences: list[str]) -> Any:
        self.embedded.extend(sentences)
        return super().embed(sentences)


def test_copies_align_without_embedding(settings: Settings) -> None:
    sentence = (
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards."
    )
    docs = _two_docs(sentence, sentence)
    resources = _CountingResources()
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert resources.embedded == []
    assert [sorted(f.outlets) for f in result.corroborations] == [["Outlet one", "Outlet two"]]


def test_many_stories_at_once_equal_one_at_a_time(settings: Settings) -> None:
    resources = Resources()
    story_docs = story.documents()
    other = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Border guards detained Tomas Varga and Elin Sorensen in Kira on February 20.",
    )
    inputs = [(story_docs, story.entities(story_docs)), (other, _entities(other))]
    together = crosscheck_stories(inputs, settings.crosscheck, resources)
    alone = [crosscheck(d, e, (), settings.crosscheck, resources) for d, e in inputs]
    assert together == alone
    assert [c.kind for c in together[1].conflicts] == ["place"]


def test_a_pair_that_can_never_align_is_not_embedded(settings: Settings) -> None:
    # Worded alike, so a candidate pair; but the events differ (an arrest, a release), so
    # no cosine could make them one fact: their texts need no vector.
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Tomas Varga and Elin Sorensen were released in Lund on February 20 by border guards.",
    )
    assert len(_pairs(docs, settings)) == 1
    resources = _CountingResources()
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert resources.embedded == []
    assert all(len(f.outlets) == 1 for f in result.corroborations)


def test_only_comparable_pairs_are_embedded(settings: Settings) -> None:
    # The same event in other words: comparable, so both texts are embedded (and align).
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Border guards detained Tomas Varga and Elin Sorensen in Lund on February 20 "
        "after a long chase across the frozen lake.",
    )
    resources = _CountingResources()
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert len(resources.embedded) == 2
    assert any(len(f.outlets) == 2 for f in result.corroborations)
