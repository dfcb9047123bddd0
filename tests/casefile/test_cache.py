"""Per-document results are kept in the store: a text is parsed once, a claim embedded once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.casefile import remove_documents
from dossier.model import Document
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store

from .conftest import Adder, read

pytestmark = pytest.mark.slow


def test_a_known_text_is_never_parsed_or_embedded_again(
    fixtures: Path,
    settings: Settings,
    f32: Resources,
    add: Adder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = read([fixtures / "dorrow"], settings)
    with Store(tmp_path / "case.sqlite") as store:
        add(store, docs)
        parsed: list[str] = []
        embedded: list[str] = []
        real_parse = pipeline.parse_documents
        real_embed = Resources._embed_now

        def counting_parse(found: Sequence[Document], *args: object) -> tuple[Document, ...]:
            parsed.extend(d.id for d in found)
            return real_parse(found, *args)  # type: ignore[arg-type]

        def counting_embed(self: Resources, sentences: list[str]) -> object:
            embedded.extend(sentences)
            return real_embed(self, sentences)

        monkeypatch.setattr(pipeline, "parse_documents", counting_parse)
        monkeypatch.setattr(Resources, "_embed_now", counting_embed)
        trial = next(d for d in docs if d.id == "wire-trial")
        remove_documents(store, ["wire-trial"], settings, f32)
        result = add(store, [trial])
        assert result.build is not None and result.build.added == ("wire-trial",)
        assert result.recomputed_stories == 1
    assert parsed == []  # the parse came from the store, the story's claims too
    assert embedded == []


def test_a_document_is_read_into_frames_once_per_build_and_not_again_while_unchanged(
    fixtures: Path,
    settings: Settings,
    f32: Resources,
    add: Adder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Events, cross-checking, the summary and the citation check all read a story's
    documents as frames: once per build, and a later build that leaves a document, its
    mentions and the story's protagonists as they were takes its reading from the store."""
    from dossier.crosscheck import read as frames

    reads: list[str] = []
    real_read = frames.read_document

    def counting_read(view: frames.DocView, main: frozenset[str]) -> list[frames.SentenceReading]:
        reads.append(view.doc.id)
        return real_read(view, main)

    monkeypatch.setattr(frames, "read_document", counting_read)
    docs = read([fixtures / "dorrow"], settings)
    with Store(tmp_path / "case.sqlite") as store:
        add(store, docs)
        built = store.load_corpus()
        assert reads and sorted(reads) == sorted(set(reads))  # each read once, by 4 stages
        trial = next(d for d in docs if d.id == "wire-trial")
        remove_documents(store, ["wire-trial"], settings, f32)
        reads.clear()
        add(store, [trial])  # the case as it was built: every reading is stored
        assert reads == []
        again = store.load_corpus()
    assert [s.events for s in again.stories] == [s.events for s in built.stories]
    assert [s.conflicts for s in again.stories] == [s.conflicts for s in built.stories]
    assert [s.summary for s in again.stories] == [s.summary for s in built.stories]


def test_a_stored_reading_is_used_only_for_what_it_was_read_with(
    resources: Resources, tmp_path: Path
) -> None:
    """A reading is kept under the document and what the story says about it: another
    entity id on a mention (a merge renamed it) or other protagonists read it again."""
    from dossier.casefile.readings import STAGE, ReadingCache
    from dossier.crosscheck import read as frames
    from dossier.crosscheck.read import read_document
    from dossier.crosscheck.reading import DocView, Mention
    from dossier.crosscheck.support import lexicons_for
    from dossier.nlp import read_documents
    from dossier.store.context import cache_put

    text = (
        "Police in Halvik arrested Jon Berg on Monday over the theft of two paintings.\n\n"
        "Berg, 34, was released on bail on Tuesday, his lawyer said."
    )
    (doc,) = read_documents(
        [Document(id="halvik", source="halvik.txt", clean_text=text)], resources
    )
    lexicon = lexicons_for([doc], resources)["en"]
    start = text.index("Jon Berg")

    def view(entity: str) -> DocView:
        made = DocView.of(doc, lexicon, (Mention(start, start + 8, entity, "PERSON"),))
        assert made is not None
        return made

    calls: list[tuple[str, frozenset[str]]] = []

    def compute(v: DocView, main: frozenset[str]) -> list[frames.SentenceReading]:
        calls.append((v.mentions[0].entity_id, main))
        return read_document(v, main)

    with Store(tmp_path / "case.sqlite") as store, store.transaction() as conn:
        first = ReadingCache(conn, "v1")
        kept = first.read(view("person-berg"), frozenset({"person-berg"}), compute)
        assert first.read(view("person-berg"), frozenset({"person-berg"}), compute) is kept
        cache_put(conn, STAGE, "v1", first.pending())
        later = ReadingCache(conn, "v1")
        again = later.read(view("person-berg"), frozenset({"person-berg"}), compute)
        assert again == kept and later.hits == 1
        later.read(view("person-jon-berg"), frozenset({"person-berg"}), compute)
        later.read(view("person-berg"), frozenset(), compute)
        ReadingCache(conn, "v2").read(view("person-berg"), frozenset({"person-berg"}), compute)
    assert calls == [
        ("person-berg", frozenset({"person-berg"})),
        ("person-jon-berg", frozenset({"person-berg"})),
        ("person-berg", frozenset()),
        ("person-berg", frozenset({"person-berg"})),  # another version of Dossier
    ]
