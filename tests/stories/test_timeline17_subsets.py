"""Grouping on named subsets of three Timeline17 folders (real BBC coverage of Michael
Jackson's death and his doctor's trial, the Haiti earthquake and the BP oil spill), with
pages in those folders that are about something else. Each folder's articles, spread over
months, are one story; the topics stay apart; pages that mention a topic in passing stand
alone. Scores must reach the floors in tests/gold/stories_floors.json (never lowered)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench_stories import bcubed, gold_of
from dossier.model import Document
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stories import distinct_size, group_stories
from story_sets import TIMELINE17, prepare

FLOORS = Path(__file__).resolve().parents[1] / "gold" / "stories_floors.json"
# Eight on-topic articles of 150-900 words a folder, evenly spaced by date, and three
# pages of those folders about something else (a party-conference live page and a football
# column that name Jackson's doctor in passing, a false earthquake alarm in Ghana).
SUBSET = {
    "MJ_bbc": (
        "2009-06-27/114", "2010-02-05/1093", "2010-09-16/615", "2011-02-08/987",
        "2011-08-24/473", "2011-09-28/133", "2011-10-07/398", "2011-11-08/124",
        "2011-09-28/543", "2009-09-16/1070",
    ),
    "haiti_bbc": (
        "2010-01-12/1842", "2010-01-14/1792", "2010-01-15/423", "2010-01-18/27",
        "2010-01-19/679", "2010-01-22/1617", "2010-01-25/1154", "2010-01-27/194",
    ),
    "bpoil_bbc": (
        "2010-04-20/683", "2010-05-20/203", "2010-06-07/1679", "2010-06-14/632",
        "2010-07-05/1426", "2010-07-20/2146", "2010-08-04/276", "2010-09-24/1574",
    ),
}  # fmt: skip
OFF_TOPIC = {"MJ_bbc/543", "MJ_bbc/1070"}


def _floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text())


def _prefixed(doc: Document, folder: str) -> Document:
    from dataclasses import replace

    return replace(doc, id=f"{folder}/{doc.id}")


@pytest.fixture(scope="module")
def mixed(settings: Settings, resources: Resources) -> tuple[Document, ...]:
    out: list[Document] = []
    for folder, names in SUBSET.items():
        root = TIMELINE17 / folder / "InputDocs"
        paths = [root / f"{name}.htm.txt" for name in names]
        missing = [p for p in paths if not p.is_file()]
        assert not missing, f"Timeline17 files missing: {missing}"
        out.extend(_prefixed(d, folder) for d in prepare(paths, settings, resources))
    return tuple(out)


def _ids(doc_id: str) -> str:
    folder, rest = doc_id.split("/", 1)
    return f"{folder}/{Path(rest).name.split('.')[0]}"


def test_three_topics_split_into_three_stories(
    mixed: tuple[Document, ...], resources: Resources
) -> None:
    stories = group_stories(mixed, Settings().stories, resources)
    predicted = {m.doc: k for k, s in enumerate(stories) for m in s.membership}
    gold = {d.id: gold_of(d) for d in mixed}
    assert {_ids(i) for i, g in gold.items() if g == i} == OFF_TOPIC
    _, _, f1 = bcubed(predicted, gold)
    assert f1 >= _floors()["mix3_subset_bcubed_f1"]
    big = [s for s in stories if distinct_size(s) >= 5]
    topics = [Counter(gold[d].split("/")[0] for d in s.document_ids) for s in big]
    assert sorted(t.most_common(1)[0][0] for t in topics) == ["MJ", "bpoil", "haiti"]


def test_each_folder_alone_is_one_story(mixed: tuple[Document, ...], resources: Resources) -> None:
    floor = _floors()["folder_subset_largest_share"]
    for folder in SUBSET:
        docs = [d for d in mixed if d.id.startswith(folder + "/")]
        on_topic = {d.id for d in docs if gold_of(d) != d.id}
        stories = group_stories(docs, Settings().stories, resources)
        largest = max(len(on_topic & set(s.document_ids)) for s in stories)
        assert largest / len(on_topic) >= floor, folder


def test_pages_about_something_else_stand_alone_and_say_why(
    mixed: tuple[Document, ...], resources: Resources
) -> None:
    stories = group_stories(mixed, Settings().stories, resources)
    alone = {
        _ids(s.membership[0].doc): s.membership[0] for s in stories if len(s.document_ids) == 1
    }
    assert set(alone) >= OFF_TOPIC
    for doc in OFF_TOPIC:
        member = alone[doc]
        assert member.basis in ("passing", "alone")
        if member.basis == "passing":
            assert "only in passing" in member.note and member.score < 0.1
