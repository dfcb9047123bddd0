"""Corrections of the grouping are stored by content id and hold on later builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import StoreError
from dossier.model import Corpus, Document
from dossier.store import Store


def _doc(doc_id: str, content: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", clean_text=doc_id, content_id=content)


def test_corrections_are_stored_by_content_id_in_order(tmp_path: Path) -> None:
    path = tmp_path / "dossier.sqlite"
    with Store(path) as store:
        store.save_corpus(Corpus(documents=(_doc("a", "c-a"), _doc("b", "c-b"), _doc("c", "c-c"))))
        first = store.add_correction("merge", ["a", "c-b"])
        second = store.add_correction("move", ["c"], target="a")
        with pytest.raises(StoreError, match="no stored document"):
            store.add_correction("split", ["nowhere"])
    with Store(path) as store:  # a later build reads them back
        assert store.corrections() == (first, second)
    assert first.documents == ("c-a", "c-b") and first.kind == "merge"
    assert second.documents == ("c-c",) and second.target == "c-a"


def test_the_correct_command_stores_a_correction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.cli import EXIT_OK, EXIT_USAGE, main

    path = tmp_path / "dossier.sqlite"
    with Store(path) as store:
        store.save_corpus(Corpus(documents=(_doc("a", "c-a"), _doc("b", "c-b"))))
    assert main(["correct", "--store", str(path), "move", "a", "--to", "b"]) == EXIT_OK
    assert "correction 1 stored (move)" in capsys.readouterr().out
    assert main(["correct", "--store", str(path), "merge", "a"]) == EXIT_USAGE
    assert main(["correct", "--store", str(tmp_path / "none.sqlite"), "split", "a"]) == EXIT_USAGE
    with Store(path) as store:
        (stored,) = store.corrections()
    assert stored.documents == ("c-a",) and stored.target == "c-b"
