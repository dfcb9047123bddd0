"""What a story stage reads of one document alone is computed once while it is unchanged."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.casefile.memo import STAGE, StoreMemo
from dossier.casefile.readings import ReadingCache
from dossier.entities.context import ContextReader
from dossier.entities.vocab import Vocab
from dossier.model import DateValue, Document, TimeExpression
from dossier.nlp import read_documents, to_spacy
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store
from dossier.store.context import cache_put

from .conftest import Adder, read

# the module (the package exports a function of the same name)
summary = importlib.import_module("dossier.summarize.candidates")

TEXT = (
    "Police in Halvik arrested Jon Berg, 34, on Monday over the theft of two paintings "
    "from the town museum.\n\n"
    "Berg was released on bail on Tuesday, his lawyer told reporters outside the court."
)


def test_a_kept_result_is_given_back_only_for_the_same_document_and_depends(
    resources: Resources, tmp_path: Path
) -> None:
    (doc,) = read_documents([Document(id="halvik", source="h.txt", clean_text=TEXT)], resources)
    calls: list[str] = []

    def compute(what: str) -> Callable[[], tuple[int, ...]]:
        def run() -> tuple[int, ...]:
            calls.append(what)
            return (len(what), 7)

        return run

    with Store(tmp_path / "case.sqlite") as store, store.transaction() as conn:
        first = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        kept = first.get("lengths", doc, 1, tuple[int, ...], compute("first"))
        assert first.get("lengths", doc, 1, tuple[int, ...], compute("again")) == kept
        cache_put(conn, STAGE, "v1", first.pending())
        later = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        assert later.get("lengths", doc, 1, tuple[int, ...], compute("stored")) == kept
        assert later.hits == 1 and later.used == {"halvik": set(first.used["halvik"])}
        later.get("lengths", doc, 2, tuple[int, ...], compute("other depends"))
        later.get("other kind", doc, 1, tuple[int, ...], compute("other kind"))
        edited = replace(doc, clean_text=TEXT.replace("34", "43"))
        later.get("lengths", edited, 1, tuple[int, ...], compute("other text"))
        monday = TEXT.index("Monday")
        when = TimeExpression(
            "halvik", monday, monday + 6, "Monday", DateValue("2024-03-04", "day")
        )
        redated = replace(doc, time_expressions=(when,))
        later.get("lengths", redated, 1, tuple[int, ...], compute("other dates"))
        StoreMemo(conn, "v2", ReadingCache(conn, "v2")).get(
            "lengths", doc, 1, tuple[int, ...], compute("other version")
        )
    assert calls == [
        "first",
        "other depends",
        "other kind",
        "other text",
        "other dates",
        "other version",
    ]


def test_the_ages_of_a_document_come_back_from_the_memo_as_found(
    resources: Resources, tmp_path: Path
) -> None:
    (doc,) = read_documents([Document(id="halvik", source="h.txt", clean_text=TEXT)], resources)
    assert doc.parse is not None
    language = resources.language("en")
    assert language is not None
    spacy_vocab = resources.pipeline_for("en").vocab
    end = TEXT.index("Jon Berg") + len("Jon Berg")

    def age_after(memo: StoreMemo | None) -> object:
        assert doc.parse is not None
        reader = ContextReader(Vocab.of(language), spacy_vocab)
        sdoc = to_spacy(doc.parse, doc.clean_text, spacy_vocab)
        reader.ages.remember(sdoc, doc, memo)
        return reader.ages.after(sdoc, end)

    plain = age_after(None)
    assert plain is not None and plain.age == 34  # type: ignore[attr-defined]
    with Store(tmp_path / "case.sqlite") as store, store.transaction() as conn:
        first = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        assert age_after(first) == plain and first.misses == 1
        cache_put(conn, STAGE, "v1", first.pending())
        later = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        assert age_after(later) == plain and later.hits == 1 and later.misses == 0


@pytest.mark.slow
def test_an_article_joining_a_story_has_the_summary_read_only_its_own_sentences(
    fixtures: Path,
    settings: Settings,
    add: Adder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The story is summarised again, from every document's candidate sentences, but only
    the new article's are read: the others come from the store, and the summary is the one
    a build over all of them gives."""
    docs = read([fixtures / "dorrow"], settings)
    trial = next(d for d in docs if d.id == "wire-trial")
    computed: list[str] = []
    real = summary._kept

    def counting(doc: Document, *args: object) -> tuple[object, ...]:
        computed.append(doc.id)
        return real(doc, *args)

    monkeypatch.setattr(summary, "_kept", counting)
    with Store(tmp_path / "grown.sqlite") as grown:
        add(grown, [d for d in docs if d is not trial])
        assert sorted(computed) == sorted(d.id for d in docs if d is not trial)
        computed.clear()
        result = add(grown, [trial])
        assert result.build is not None and result.recomputed_stories >= 1
        assert computed == ["wire-trial"]
        stories = grown.load_corpus().stories
    with Store(tmp_path / "one.sqlite") as one:
        add(one, docs)
        expected = one.load_corpus().stories
    assert [(s.headline, s.summary) for s in stories] == [(s.headline, s.summary) for s in expected]


def test_a_documents_content_lemmas_come_back_from_the_memo_as_read(
    resources: Resources, tmp_path: Path
) -> None:
    """The events' topic measure reads each document's content lemmas once."""
    from dossier.time.topic import Topic

    docs = read_documents(
        [
            Document(id="halvik", source="h.txt", clean_text=TEXT),
            Document(id="other", source="o.txt", clean_text=TEXT.replace("Berg", "Holm")),
        ],
        resources,
    )
    language = resources.language("en")
    assert language is not None
    plain = Topic.of(docs, language.stop_words)
    with Store(tmp_path / "case.sqlite") as store, store.transaction() as conn:
        first = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        assert Topic.of(docs, language.stop_words, first) == plain and first.misses == 2
        cache_put(conn, STAGE, "v1", first.pending())
        later = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        assert Topic.of(docs, language.stop_words, later) == plain
        assert later.hits == 2 and later.misses == 0
        other = StoreMemo(conn, "v1", ReadingCache(conn, "v1"))
        Topic.of(docs, language.stop_words - {"the"}, other)
        assert other.misses == 2  # other stop words: read again
