"""Every stage reads only what it declares (``requires``) and changes only what it declares
(``provides``): each stage of the default list is run on the bundled example as the stages
before it left it, once with every undeclared field replaced by a value that raises on any
use, and once as it is, to compare what it changed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier.model import Corpus, Document, Story
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stages import DOCUMENT_ATTRIBUTES, STORY_ATTRIBUTES, Field, Stage

# Always readable, and written by whichever stage decides them: what a document is and why.
BASE_DOCUMENT = frozenset({"id", "source", "status", "reason", "flags"})
BASE_STORY = frozenset({"id", "title", "document_ids"})


class UndeclaredRead(AssertionError):
    pass


class Undeclared:
    """Stands for a field a stage did not declare: any use of it raises."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        object.__setattr__(self, "what", what)

    def __repr__(self) -> str:
        return f"<undeclared {self.what}>"

    def _fail(self, *_: object, **__: object) -> None:
        raise UndeclaredRead(f"read {self.what} without declaring it")

    def __getattr__(self, name: str) -> object:
        self._fail()
        return None

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _fail  # type: ignore[assignment]
    __eq__ = __lt__ = __gt__ = __le__ = __ge__ = __hash__ = __str__ = _fail  # type: ignore[assignment]
    __add__ = __radd__ = __format__ = __index__ = __int__ = __float__ = _fail  # type: ignore[assignment]


def _poisoned(corpus: Corpus, stage: Stage) -> Corpus:
    declared = stage.requires | stage.provides
    hidden_doc = [
        attr for f, attrs in DOCUMENT_ATTRIBUTES.items() if f not in declared for attr in attrs
    ]
    hidden_story = [
        attr for f, attrs in STORY_ATTRIBUTES.items() if f not in declared for attr in attrs
    ]
    docs = tuple(
        dataclasses.replace(d, **{a: Undeclared(f"doc.{a}") for a in hidden_doc})  # type: ignore[arg-type]
        for d in corpus.documents
    )
    stories: object = tuple(
        dataclasses.replace(s, **{a: Undeclared(f"story.{a}") for a in hidden_story})  # type: ignore[arg-type]
        for s in corpus.stories
    )
    if Field.STORIES not in declared:
        stories = Undeclared("corpus.stories") if corpus.stories else ()
    return dataclasses.replace(corpus, documents=docs, stories=stories)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def inputs(example_dir: Path, settings: Settings, resources: Resources) -> list[Corpus]:
    """The corpus before each stage of the default list."""
    corpus = ingest([example_dir], settings)
    before = []
    for stage in DEFAULT_STAGES:
        before.append(corpus)
        corpus = stage.apply(corpus, settings, resources)
    return before


@pytest.mark.parametrize("index", range(len(DEFAULT_STAGES)), ids=[s.name for s in DEFAULT_STAGES])
def test_stage_reads_only_what_it_requires(
    index: int, inputs: list[Corpus], settings: Settings, resources: Resources
) -> None:
    stage = DEFAULT_STAGES[index]
    try:
        stage.apply(_poisoned(inputs[index], stage), settings, resources)
    except UndeclaredRead as error:
        pytest.fail(f"stage {stage.name!r} {error}; add it to the stage's requires")


def _changed(before: object, after: object, attrs: frozenset[str]) -> set[str]:
    return {
        f.name
        for f in dataclasses.fields(before)  # type: ignore[arg-type]
        if f.name not in attrs and getattr(before, f.name) != getattr(after, f.name)
    }


@pytest.mark.parametrize("index", range(len(DEFAULT_STAGES)), ids=[s.name for s in DEFAULT_STAGES])
def test_stage_changes_only_what_it_provides(
    index: int, inputs: list[Corpus], settings: Settings, resources: Resources
) -> None:
    stage = DEFAULT_STAGES[index]
    before = inputs[index]
    after = stage.apply(before, settings, resources)
    doc_attrs = BASE_DOCUMENT | {a for f in stage.provides for a in DOCUMENT_ATTRIBUTES.get(f, ())}
    story_attrs = BASE_STORY | {a for f in stage.provides for a in STORY_ATTRIBUTES.get(f, ())}
    assert len(after.documents) == len(before.documents)
    for old, new in zip(before.documents, after.documents, strict=True):
        assert isinstance(new, Document)
        assert not _changed(old, new, doc_attrs), f"{stage.name} changed {old.id}"
    if Field.STORIES not in stage.provides:
        assert [s.id for s in after.stories] == [s.id for s in before.stories]
        for old_story, new_story in zip(before.stories, after.stories, strict=True):
            assert isinstance(new_story, Story)
            assert not _changed(old_story, new_story, story_attrs), stage.name
