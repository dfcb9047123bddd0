from __future__ import annotations

import re
from dataclasses import replace

from dossier.model import Document, Mention
from dossier.stories import group_stories
from dossier.stories.grouping import story_id
from dossier.stories.settings import StorySettings


def _doc(doc_id: str, text: str, names: dict[str, str], **kw: object) -> Document:
    mentions = []
    for name, label in names.items():
        for m in re.finditer(re.escape(name), text):
            mentions.append(Mention(doc_id, m.start(), m.end(), name, label))  # type: ignore[arg-type]
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        clean_text=text,
        mentions=tuple(mentions),
        language="en",
        **kw,
    )  # type: ignore[arg-type]


TRIAL_A = _doc(
    "a1",
    "A court in Velmora sentenced the journalist Dariga Omarkyzy to two years on Monday. "
    "Judge Teodor Vance said the reporting on the dam collapse had insulted officials.",
    {"Velmora": "PLACE", "Dariga Omarkyzy": "PERSON", "Teodor Vance": "PERSON"},
)
TRIAL_B = _doc(
    "a2",
    "Dariga Omarkyza, a reporter who covered the dam collapse, was jailed in Velmora. "
    "Her lawyer said the trial before Judge Vance ignored the evidence.",
    {"Velmora": "PLACE", "Dariga Omarkyza": "PERSON", "Vance": "PERSON"},
)
TRIAL_C = _doc(
    "a3",
    "Press freedom groups condemned the verdict against Omarkyzy. The Velmora court "
    "rejected her appeal against the sentence for her dam collapse reporting.",
    {"Omarkyzy": "PERSON", "Velmora": "PLACE"},
)
FLOOD = _doc(
    "b1",
    "Floods swept through the port city of Castrel after three days of rain. "
    "Mayor Ilse Brandt ordered the evacuation of the harbour district.",
    {"Castrel": "PLACE", "Ilse Brandt": "PERSON"},
)
FLOOD_2 = _doc(
    "b2",
    "Rescue teams in Castrel pumped water from flooded homes as the rain stopped. "
    "Brandt said the harbour district would reopen next week.",
    {"Castrel": "PLACE", "Brandt": "PERSON"},
)


def test_documents_about_one_case_form_one_story_and_others_stay_apart() -> None:
    stories = group_stories([TRIAL_A, FLOOD, TRIAL_B, FLOOD_2, TRIAL_C], StorySettings())
    groups = sorted(sorted(s.document_ids) for s in stories)
    assert groups == [["a1", "a2", "a3"], ["b1", "b2"]]


def test_duplicates_join_the_story_of_what_they_copy_and_rejected_join_none() -> None:
    copy = _doc("a1-copy", TRIAL_A.clean_text, {}, status="duplicate", duplicate_of="a1")
    bad = Document(id="bad", source="bad.txt", status="rejected", reason="empty file")
    stories = group_stories([TRIAL_A, TRIAL_B, copy, bad, FLOOD], StorySettings())
    by_doc = {d: s.id for s in stories for d in s.document_ids}
    assert by_doc["a1-copy"] == by_doc["a1"]
    assert "bad" not in by_doc


def test_story_ids_are_deterministic_and_titles_come_from_documents() -> None:
    titled = Document(
        id=TRIAL_A.id,
        source=TRIAL_A.source,
        clean_text=TRIAL_A.clean_text,
        mentions=TRIAL_A.mentions,
        language="en",
        title="Velmora court jails reporter",
    )
    first = group_stories([titled, TRIAL_B], StorySettings())
    second = group_stories([TRIAL_B, titled], StorySettings())
    assert [s.id for s in first] == [s.id for s in second]
    assert first[0].title == "Velmora court jails reporter"


def test_no_documents_no_stories() -> None:
    assert group_stories([], StorySettings()) == ()


def _dated(doc: Document, day: str, content: str) -> Document:
    from dossier.model import DateValue, PublishedDate

    return replace(doc, published=PublishedDate(DateValue(day, "day"), "page"), content_id=content)


def test_a_story_is_named_after_its_founding_document_not_its_members() -> None:
    a1 = _dated(TRIAL_A, "2023-05-02", "c-a1")
    a2 = _dated(TRIAL_B, "2023-05-04", "c-a2")
    a3 = _dated(TRIAL_C, "2023-06-10", "c-a3")
    (first,) = group_stories([a1, a2], StorySettings())
    later = {s.id: s for s in group_stories([a3, a2, a1, FLOOD, FLOOD_2], StorySettings())}
    # A later report joins the story: same id, and the members are listed in id order.
    assert later[first.id].document_ids == ("a1", "a2", "a3")
    assert first.id == story_id([a1])
    # An earlier report found later names the story from then on.
    earlier = _dated(TRIAL_C, "2023-04-30", "c-a3")
    (grown,) = [
        s for s in group_stories([a1, a2, earlier], StorySettings()) if "a1" in s.document_ids
    ]
    assert grown.id == story_id([earlier]) != first.id


def test_grouping_does_not_depend_on_input_order() -> None:
    docs = [TRIAL_A, FLOOD, TRIAL_B, FLOOD_2, TRIAL_C]
    expected = group_stories(docs, StorySettings())
    for shift in range(1, len(docs)):
        assert group_stories(docs[shift:] + docs[:shift], StorySettings()) == expected
    assert group_stories(list(reversed(docs)), StorySettings()) == expected
