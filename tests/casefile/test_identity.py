"""Which input is which stored document (no models needed)."""

from __future__ import annotations

import pytest

from dossier.casefile.identity import Stored, plan_update, unique_id
from dossier.ingest.identity import content_id, with_identity
from dossier.model import Document


def _stored(doc_id: str, text: str, source: str, position: int = 0) -> Stored:
    return Stored(
        id=doc_id,
        content_id=content_id(text, source),
        source=source,
        sources=(source,),
        status="ok",
        duplicate_of=None,
        position=position,
        added_build=1,
        clean_version=1,
        fingerprint=None,
        context="v",
        ingested=None,
    )


def _input(doc_id: str, text: str, source: str, **kw: object) -> Document:
    return with_identity(Document(id=doc_id, source=source, raw_text=text, **kw))  # type: ignore[arg-type]


STORE = {
    "000": _stored("000", "First article about the fire.", "a/000.txt", 0),
    "index": _stored("index", "A page about the strike.", "b/index.html", 1),
}


def test_the_content_id_ignores_line_endings_trailing_space_and_blank_runs() -> None:
    one = content_id("Title\r\n\r\n\r\nBody text.  \r\n", "x")
    assert one == content_id("Title\n\nBody text.", "y")  # where it was read from is not it
    assert one != content_id("Title\n\nBody text!", "x")
    # An input with no text is identified by where it was read from.
    assert content_id("", "a.txt") != content_id("", "b.txt")
    assert content_id("  \n", "a.txt") == content_id("", "a.txt")


def test_the_same_text_from_another_path_is_the_stored_document() -> None:
    plan = plan_update(STORE, [_input("copy", "First article about the fire.", "c/copy.txt")])
    assert plan.new == [] and plan.replaced == {}
    assert plan.new_sources == {"000": ["c/copy.txt"]}
    assert plan.outcomes == [("c/copy.txt", "000", "already stored")]
    again = plan_update(STORE, [_input("000", "First article about the fire.", "a/000.txt")])
    assert not again.changes_anything  # the same file again changes nothing


def test_a_new_article_whose_name_is_taken_gets_its_own_id() -> None:
    plan = plan_update(
        STORE,
        [
            _input("000", "Another article, another folder.", "2023-05-01/000.txt"),
            _input("index", "Another index page.", "c/index.html"),
            _input("index", "And one more.", "d/index.html"),
        ],
    )
    assert [d.id for d in plan.new] == ["2023-05-01_000", "c_index", "d_index"]
    assert plan.notes == []  # other paths: not a changed file


def test_two_inputs_with_one_text_are_one_new_document_with_two_sources() -> None:
    plan = plan_update(
        STORE,
        [_input("n1", "Fresh text.", "x/n1.txt"), _input("n2", "Fresh text.", "y/n2.txt")],
    )
    (doc,) = plan.new
    assert doc.id == "n1" and doc.sources == ("x/n1.txt", "y/n2.txt")


def test_a_changed_file_is_new_unless_replace_is_asked() -> None:
    changed = _input("000", "First article about the fire, corrected.", "a/000.txt")
    plan = plan_update(STORE, [changed])
    assert [d.id for d in plan.new] == ["a_000"] and plan.replaced == {}
    assert "--replace" in plan.notes[0] and "'000'" in plan.notes[0]
    replacing = plan_update(STORE, [changed], replace=True)
    assert plan.new and not replacing.new
    assert list(replacing.replaced) == ["000"]
    assert replacing.replaced["000"].content_id == changed.content_id


def test_a_rejected_input_never_replaces_what_was_read_from_its_path() -> None:
    broken = _input("000", "", "a/000.txt", status="rejected", reason="empty file")
    plan = plan_update(STORE, [broken], replace=True)
    assert not plan.changes_anything
    assert plan.outcomes == [("a/000.txt", "000", "rejected (empty file); kept as stored")]
    elsewhere = _input("new", "", "z/new.txt", status="rejected", reason="empty file")
    assert [d.id for d in plan_update(STORE, [elsewhere]).new] == ["new"]  # kept, with why


def test_removing_needs_no_inputs_and_ids_stay_unique_against_removed_ones() -> None:
    plan = plan_update(STORE, [_input("000", "Brand new text.", "q/000.txt")], remove=["000"])
    assert plan.removed == {"000"}
    assert [d.id for d in plan.new] == ["q_000"]  # "000" named another article


@pytest.mark.parametrize(
    ("doc_id", "source", "taken", "expected"),
    [
        ("a", "x/a.txt", set(), "a"),
        ("a", "x/a.txt", {"a"}, "x_a"),
        ("a", "x/a.txt", {"a", "x_a"}, "x_a-2"),
        ("x_a", "x/a.txt", {"x_a"}, "x_a-2"),
        ("a", "upload:a.txt", {"a"}, "a-2"),
    ],
)
def test_unique_id(doc_id: str, source: str, taken: set[str], expected: str) -> None:
    assert unique_id(Document(id=doc_id, source=source), taken) == expected
