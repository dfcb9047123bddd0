"""Within one run (Resources.run_scope) the story stages read each document as frames once."""

from __future__ import annotations

from dataclasses import replace

from dossier.crosscheck import crosscheck
from dossier.crosscheck.support import CitationReader
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.time import extract_events

from . import story


def test_a_run_reads_each_document_once_and_gives_the_same_result(settings: Settings) -> None:
    docs = story.documents()
    entities = story.entities(docs)
    resources = Resources()
    alone = crosscheck(docs, entities, (), settings.crosscheck, resources)
    alone_events = extract_events(docs, entities, settings.time, resources)
    with resources.run_scope():
        events = extract_events(docs, entities, settings.time, resources)
        together = crosscheck(docs, entities, events, settings.crosscheck, resources)
        first = CitationReader.of(docs, entities, resources)
        second = CitationReader.of(docs, entities, resources)
        for doc in docs:
            assert second.sentences(doc.id) is first.sentences(doc.id)
            assert second.view(doc.id) is first.view(doc.id)
        # Another object for the document (its time expressions taken away) is read again.
        changed = replace(docs[0], time_expressions=())
        other = CitationReader.of((changed, *docs[1:]), entities, resources)
        assert other.sentences(changed.id) is not first.sentences(changed.id)
        assert other.view(changed.id) is not first.view(changed.id)
        # Other protagonists, another reading.
        fewer = CitationReader.of(docs, entities[1:], resources)
        assert fewer.sentences(docs[0].id) is not first.sentences(docs[0].id)
    assert together == alone
    assert events == alone_events
    assert resources.reading_cache is None  # nothing is kept after the run
    after = CitationReader.of(docs, entities, resources)
    assert after.sentences(docs[0].id) is not first.sentences(docs[0].id)


def test_a_callers_reading_cache_is_kept_in_a_run() -> None:
    resources = Resources()
    resources.reading_cache = kept = object()
    with resources.run_scope():
        assert resources.reading_cache is kept
    assert resources.reading_cache is kept
