"""Issue 19, defects 2, 4 and 6: odd files and bytes become rejections or repaired text, never
a hang, a crash or unbounded memory."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from deadline import deadline
from dossier.ingest import ENCODING_REPAIRED, IngestSettings, read_inputs, skipped_inputs
from dossier.ingest.encoding import decode

ARTICLE = "A court in Vellmar jailed the editor on Monday.\n\nHer lawyer said she would appeal.\n"


def _by_id(paths: list[Path], settings: IngestSettings | None = None) -> dict[str, object]:
    with deadline(20):
        docs = read_inputs(paths, settings or IngestSettings())
    return {d.id: d for d in docs}


def test_a_fifo_in_a_folder_is_rejected_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    docs = _by_id([tmp_path])
    assert docs["story"].ok  # type: ignore[attr-defined]
    pipe = docs["pipe"]
    assert pipe.status == "rejected"  # type: ignore[attr-defined]
    assert pipe.reason == "not a regular file: a named pipe (FIFO)"  # type: ignore[attr-defined]


def test_a_fifo_named_explicitly_is_rejected(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (doc,) = _by_id([tmp_path / "pipe.txt"]).values()
    assert doc.status == "rejected" and "named pipe" in doc.reason  # type: ignore[attr-defined]


def test_a_link_to_dev_zero_is_rejected_with_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    docs = _by_id([tmp_path])
    assert docs["zero"].status == "rejected"  # type: ignore[attr-defined]
    assert docs["zero"].reason == "not a regular file: a character device"  # type: ignore[attr-defined]
    assert docs["story"].ok  # type: ignore[attr-defined]


def test_devices_and_sockets_are_rejected(tmp_path: Path) -> None:
    sock_path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        docs = _by_id([Path("/dev/null"), sock_path])
    assert docs["null"].reason == "not a regular file: a character device"  # type: ignore[attr-defined]
    assert docs["s"].reason == "not a regular file: a socket"  # type: ignore[attr-defined]


def test_reading_is_capped_by_bytes_read_not_by_the_size_the_file_claims(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "growing.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    real_fstat = os.fstat

    def claims_empty(fd: int) -> os.stat_result:
        info = list(real_fstat(fd))
        info[6] = 0  # st_size, as /proc files and growing files report it
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", claims_empty)
    (doc,) = _by_id([path], IngestSettings(max_bytes=1000)).values()
    assert doc.status == "rejected"  # type: ignore[attr-defined]
    assert doc.reason == "file too large: more than 1000 bytes read (limit 1000)"  # type: ignore[attr-defined]


def test_a_link_loop_in_a_folder_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    docs = _by_id([tmp_path])
    assert docs["story"].ok  # type: ignore[attr-defined]
    assert docs["a"].reason == docs["b"].reason == "symbolic link loop"  # type: ignore[attr-defined]


def test_a_link_loop_named_on_the_command_line_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    docs = _by_id([tmp_path / "self.txt", tmp_path / "story.txt"])
    assert docs["self"].reason == "symbolic link loop"  # type: ignore[attr-defined]
    assert docs["story"].ok  # type: ignore[attr-defined]


def test_links_to_files_are_read_once_and_broken_links_named(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "story.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    docs = _by_id([tmp_path])
    assert set(docs) == {"alias", "gone"}  # the alias and its target are one file, read once
    assert docs["alias"].ok  # type: ignore[attr-defined]
    assert docs["gone"].reason == "broken symbolic link"  # type: ignore[attr-defined]


def test_files_outside_the_allowed_folders_are_refused(tmp_path: Path) -> None:
    inside = tmp_path / "allowed"
    inside.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")
    (inside / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (inside / "leak.txt").symlink_to(secret)
    docs = _by_id([inside], IngestSettings(within=(str(inside),)))
    assert docs["story"].ok  # type: ignore[attr-defined]
    assert docs["leak"].reason == "outside the folders this build may read"  # type: ignore[attr-defined]


def test_folder_walks_list_what_they_skip_and_why(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".notes.txt").write_text("x")
    (tmp_path / "other").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "other")
    skipped = {Path(s.path).name: s.reason for s in skipped_inputs([tmp_path], IngestSettings())}
    assert skipped["report.pdf"].startswith("unsupported file type '.pdf'")
    assert skipped[".notes.txt"] == "hidden file"
    assert skipped["linked"].startswith("link to a folder: not followed")
    assert read_inputs([tmp_path], IngestSettings()) == ()


def test_mostly_utf8_keeps_its_text_and_flags_the_bad_bytes(tmp_path: Path) -> None:
    body = ("José Müller, the editor, was detained in Kraków on Monday. " * 30).encode()
    cut = body.index(b" ", 1000)
    data = body[:cut] + b"\xff" + body[cut:]
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    (doc,) = _by_id([path]).values()
    assert doc.ok and doc.encoding == "utf-8 (repaired)"  # type: ignore[attr-defined]
    text = doc.raw_text  # type: ignore[attr-defined]
    assert "JosÃ" not in text and text.count("José Müller") == 30
    assert text.count("\ufffd") == 1
    assert [f.kind for f in doc.flags] == [ENCODING_REPAIRED]  # type: ignore[attr-defined]
    assert "1 byte that are not UTF-8 replaced" in doc.flags[0].message  # type: ignore[attr-defined]


def test_a_line_pasted_from_cp1252_is_read_as_cp1252() -> None:
    data = "Zoë Ström wrote:\n".encode() + "Café “owner” – day 2\n".encode("cp1252")
    decoded = decode(data)
    assert decoded.text == "Zoë Ström wrote:\nCafé “owner” – day 2\n"
    assert decoded.repairs == ("1 line not in UTF-8 read as cp1252",)


def test_a_whole_cp1252_file_is_still_detected_as_such() -> None:
    decoded = decode("Le café de la Gare, près du théâtre, a fermé.\n".encode("cp1252") * 5)
    assert "café" in decoded.text and decoded.repairs == ()
    assert not decoded.encoding.startswith("utf-8")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le café de la Gare, près du théâtre, a fermé lundi après une inspection.\n", "latin-1"),
        ("Die Bürgermeisterin äußerte sich über die Straße am Fluss.\n", "cp1252"),
        (
            "Sąd w Krakowie skazał dziennikarza na dwa lata więzienia, poinformował jego "
            "adwokat. Żaden z oskarżonych nie przyznał się do winy.\n" * 3,
            "cp1250",
        ),
    ],
)
def test_a_short_legacy_text_reads_as_written(text: str, codec: str) -> None:
    """Several code pages fit a short text equally well; the one the web defaults to wins
    the tie (French in latin-1 is not read as cp1250's "prčs"), and a clear winner stays."""
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.repairs == ()


def test_a_nul_byte_in_an_article_is_removed_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode()[:20] + b"\x00" + ARTICLE.encode()[20:])
    (doc,) = _by_id([path]).values()
    assert doc.ok and doc.raw_text == ARTICLE  # type: ignore[attr-defined]
    assert [(f.kind, f.message) for f in doc.flags] == [(ENCODING_REPAIRED, "1 NUL byte removed")]  # type: ignore[attr-defined]


def test_binary_files_with_many_nul_bytes_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x01\x02\x03\x00abc" * 500)
    (doc,) = _by_id([path]).values()
    assert doc.status == "rejected" and doc.reason.startswith("binary file")  # type: ignore[attr-defined]
