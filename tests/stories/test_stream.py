"""A fictional mixed stream: two fraud trials, two earthquakes and two unrelated pages,
through every stage before grouping. Cases of the same kind stay apart; each case's
articles, published weeks apart, are one story."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dossier.model import Document, StoryCorrection
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.runners.local import LocalRunner
from dossier.settings import Settings
from dossier.stories import group_stories
from dossier.stories.settings import StorySettings

STREAM = Path(__file__).parent / "fixtures" / "stream"
BEFORE_STORIES = DEFAULT_STAGES[: [s.name for s in DEFAULT_STAGES].index("stories")]


def case_of(doc: Document) -> str:
    case = Path(doc.source).parts[-3]
    return doc.id if case == "other" else case


@pytest.fixture(scope="module")
def stream(settings: Settings, resources: Resources) -> tuple[Document, ...]:
    corpus = LocalRunner().run(ingest([STREAM], settings), BEFORE_STORIES, settings, resources)
    return corpus.documents


def test_each_case_is_one_story_and_cases_of_one_kind_stay_apart(
    stream: tuple[Document, ...], resources: Resources
) -> None:
    stories = group_stories(stream, StorySettings(), resources)
    by_id = {d.id: d for d in stream}
    groups = sorted(sorted(case_of(by_id[i]) for i in s.document_ids) for s in stories)
    cases = Counter(case_of(d) for d in stream)
    assert groups == sorted([case] * n for case, n in cases.items())


def test_every_document_says_why_it_is_in_its_story(
    stream: tuple[Document, ...], resources: Resources
) -> None:
    stories = group_stories(stream, StorySettings(), resources)
    trial = next(
        s
        for s in stories
        if any("verdict" in d for d in s.document_ids[:4])
        and len(s.document_ids) == 4
        and "Brenning" in s.title
    )
    assert [m.doc for m in trial.membership] == list(trial.document_ids)
    for member in trial.membership:
        assert member.basis in ("similar", "founder")
        assert member.score > 0
        assert any("Brenning" in n or "Norstrand" in n or "Tarsk" in n for n in member.names)
    alone = [s for s in stories if len(s.document_ids) == 1]
    assert alone and all(s.membership[0].basis == "alone" for s in alone)


def test_titles_are_the_latest_central_report(
    stream: tuple[Document, ...], resources: Resources
) -> None:
    titles = {s.title for s in group_stories(stream, StorySettings(), resources)}
    assert "Halvard Brenning jailed for nine years over Norstrand fraud" in titles
    assert "Oduya found guilty of Kestrel Pay fraud, given six years" in titles


def test_corrections_merge_split_and_move(
    stream: tuple[Document, ...], resources: Resources
) -> None:
    by_source = {Path(d.source).parent.parent.name + "/" + Path(d.source).name: d for d in stream}
    verdict = by_source["oduya/verdict.txt"]
    arrest = by_source["oduya/arrest.txt"]
    charges = by_source["brenning/tarsk-charges.txt"]
    quake = by_source["sefrin/quake.txt"]
    corrections = (
        StoryCorrection(1, "merge", (verdict.content_id, charges.content_id)),
        StoryCorrection(2, "split", (arrest.content_id,)),
        StoryCorrection(3, "move", (quake.content_id,), target=verdict.content_id),
        StoryCorrection(4, "merge", ("no-such-document",)),
    )
    stories = group_stories(stream, StorySettings(corrections=corrections), resources)
    story_of = {d: s for s in stories for d in s.document_ids}
    assert story_of[verdict.id] is story_of[charges.id] is story_of[quake.id]
    assert story_of[arrest.id].document_ids == (arrest.id,)
    notes = {m.doc: m for m in story_of[quake.id].membership}
    assert notes[quake.id].basis == "correction" and "3" in notes[quake.id].note
    # Without the corrections the grouping is as before.
    plain = group_stories(stream, StorySettings(), resources)
    assert len(plain) == 6
