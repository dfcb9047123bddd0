"""Stage 1: reading files and folders; every bad input is a rejected document with a reason."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dossier.ingest import IngestSettings, read_inputs
from dossier.ingest.encoding import BinaryContentError, decode_bytes
from dossier.model import Document

ARTICLE = (
    "A court in the capital sentenced the activist on Monday.\n\nHis lawyer said he would appeal.\n"
)


def _one(path: Path, settings: IngestSettings | None = None) -> Document:
    (doc,) = read_inputs([path], settings or IngestSettings())
    return doc


def test_seeds_are_read(seeds_dir: Path) -> None:
    docs = read_inputs([seeds_dir], IngestSettings())
    assert len(docs) == 5
    assert [d.id for d in docs] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    for doc in docs:
        assert doc.ok and doc.media_type == "text" and doc.encoding == "utf-8"
        assert doc.raw_text == (seeds_dir / f"{doc.id}.txt").read_text(encoding="utf-8")


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    doc = _one(tmp_path / "nowhere.txt")
    assert doc.status == "rejected" and doc.reason == "file not found"
    assert doc.id == "nowhere"


def test_empty_and_blank_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    docs = {d.id: d for d in read_inputs([tmp_path], IngestSettings())}
    assert docs["empty"].status == "rejected" and docs["empty"].reason == "empty file"
    assert docs["blank"].status == "rejected" and "whitespace only" in (docs["blank"].reason or "")


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4)
    doc = _one(path)
    assert doc.status == "rejected" and "binary" in (doc.reason or "")


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65, 66, 14, 15, 16, 17]) * 50)
    doc = _one(path)
    assert doc.status == "rejected" and "control" in (doc.reason or "")


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    doc = _one(path, IngestSettings(max_bytes=100))
    assert doc.status == "rejected" and "too large" in (doc.reason or "")
    assert str(path.stat().st_size) in (doc.reason or "")


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    real_open = os.open

    def deny(name: str, flags: int, *args: int) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    doc = _one(path)
    assert doc.status == "rejected" and doc.reason == "cannot read file: Permission denied"


def test_unsupported_explicit_file_is_rejected_but_folder_walk_skips_it(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert [d.id for d in read_inputs([tmp_path], IngestSettings())] == ["story"]
    doc = _one(tmp_path / "notes.pdf")
    assert doc.status == "rejected" and "unsupported file type '.pdf'" in (doc.reason or "")


def test_directory_given_twice_reads_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    docs = read_inputs([tmp_path, tmp_path / "story.txt", tmp_path], IngestSettings())
    assert [d.id for d in docs] == ["story"]


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "a_cp1252.txt").write_bytes("Café owner’s “trial” – day 2\n".encode("cp1252"))
    (tmp_path / "b_bom.txt").write_bytes(codecs.BOM_UTF8 + "Ünïcode text here\n".encode())
    (tmp_path / "c_utf16.txt").write_bytes("Ein Gericht in Köln\n".encode("utf-16"))
    (tmp_path / "d_utf16le.txt").write_bytes(
        "Ein Gericht in Köln hat entschieden\n".encode("utf-16-le")
    )
    docs = {d.id: d for d in read_inputs([tmp_path], IngestSettings())}
    assert docs["a_cp1252"].raw_text.startswith("Café owner’s “trial” – day 2")
    assert docs["a_cp1252"].encoding is not None and docs["a_cp1252"].encoding != "utf-8"
    assert (
        docs["b_bom"].raw_text.startswith("Ünïcode") and docs["b_bom"].encoding == "utf-8-sig (BOM)"
    )
    assert docs["c_utf16"].raw_text.startswith("Ein Gericht in Köln")
    assert docs["c_utf16"].encoding == "utf-16 (BOM)"
    assert docs["d_utf16le"].raw_text.startswith("Ein Gericht in Köln")
    assert all(d.ok for d in docs.values())


def test_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nBody line.\rOld mac line.\r\n")
    assert _one(path).raw_text == "Title\n\nBody line.\nOld mac line.\n"


def test_ids_are_unique_with_parent_folder_then_suffix(tmp_path: Path) -> None:
    for folder in ("2010-01-21", "2010-01-22", "x/2010-01-21"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "1538.htm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "solo.txt").write_text(ARTICLE, encoding="utf-8")
    docs = read_inputs([tmp_path], IngestSettings())
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(ids) == 4
    assert set(ids) == {"2010-01-21_1538", "2010-01-22_1538", "2010-01-21_1538-2", "solo"}
    dated = {d.id: d.folder_date for d in docs}
    assert dated["2010-01-22_1538"] == "2010-01-22" and dated["solo"] is None


def test_timeline17_layout_sets_folder_date(tmp_path: Path) -> None:
    folder = tmp_path / "InputDocs" / "2010-01-21"
    folder.mkdir(parents=True)
    (folder / "1538.htm.txt").write_text("Hundreds orphaned by quake .\n", encoding="utf-8")
    (tmp_path / "InputDocs" / "2010-13-45").mkdir()
    (tmp_path / "InputDocs" / "2010-13-45" / "9.txt").write_text(ARTICLE, encoding="utf-8")
    docs = {d.id: d for d in read_inputs([tmp_path], IngestSettings())}
    assert docs["1538"].folder_date == "2010-01-21" and docs["1538"].media_type == "text"
    assert docs["9"].folder_date is None  # not a real date


def test_media_type_sniffing(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("\n  <!DOCTYPE html><html><body><p>Hi</p></body></html>")
    (tmp_path / "plain.html").write_text(ARTICLE)
    (tmp_path / "real.htm").write_text("<html><head><title>x</title></head><body>y</body></html>")
    docs = {d.id: d for d in read_inputs([tmp_path], IngestSettings())}
    assert docs["page"].media_type == "html"
    assert docs["plain"].media_type == "text"
    assert docs["real"].media_type == "html"


def test_hidden_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text(ARTICLE)
    assert [d.id for d in read_inputs([tmp_path], IngestSettings())] == ["b"]


def test_thousands_of_files_are_fast(tmp_path: Path) -> None:
    for i in range(2000):
        folder = tmp_path / f"2020-01-{i % 28 + 1:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i}.txt").write_text(ARTICLE + str(i), encoding="utf-8")
    start = time.perf_counter()
    docs = read_inputs([tmp_path], IngestSettings())
    elapsed = time.perf_counter() - start
    assert len(docs) == 2000 and all(d.ok for d in docs)
    assert elapsed < 5.0, f"reading 2000 files took {elapsed:.2f}s"


@given(st.binary(max_size=2000))
@hsettings(max_examples=200, deadline=None)
def test_decode_never_fails_unexpectedly(data: bytes) -> None:
    try:
        text, label = decode_bytes(data)
    except BinaryContentError:
        return
    assert isinstance(text, str) and label


@given(st.binary(max_size=500))
@hsettings(max_examples=50, deadline=None)
def test_any_bytes_become_a_document(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt"
        path.write_bytes(data)
        (doc,) = read_inputs([path], IngestSettings())
        assert doc.status in ("ok", "rejected")
        assert doc.ok or doc.reason
