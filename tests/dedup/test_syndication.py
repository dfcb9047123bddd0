"""Syndication with direction: the credited or earlier-published text is the original, copies
point to it and keep their own outlet and page date; credits to an outlet or agency that is
not in the collection are noticed too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dossier.model import Document
from dossier.pipeline import ingest, stages_for
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings, for_today

STORY = (
    "Rescue teams on Sunday reached eleven workers who had been trapped for two days in a "
    "flooded tunnel of the Karsk potash mine, the regional emergency service said.",
    "The workers were found in a ventilation chamber above the water line and were brought to "
    "the surface one by one over six hours. Two of them were taken to hospital in Karsk with "
    "hypothermia.",
    "Water broke into the tunnel on Friday after a pump failed during heavy rain, the mine's "
    "owner, Nordkali, said. It said the pumps had been inspected in March.",
    "Relatives who had waited outside the mine since Friday night cheered as the first men "
    "came out. The labour inspectorate has opened an investigation into the flooding.",
)


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def _outlets(folder: Path, outlets: dict[str, str]) -> None:
    """A sources.csv naming each file's outlet (pasted text has lost it)."""
    rows = ["file,outlet", *(f"{name},{outlet}" for name, outlet in outlets.items())]
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _build(paths: list[Path], resources: Resources) -> dict[str, Document]:
    settings = for_today(Settings(), dt.date(2026, 12, 1))
    corpus = LocalRunner().run(ingest(paths, settings), stages_for("date"), settings, resources)
    return {d.id: d for d in corpus.documents}


def test_the_earlier_published_copy_is_the_original(tmp_path: Path, resources: Resources) -> None:
    # The original prints its day; the reprint sits in a later day's folder and is longer
    # (it adds a paragraph): it was kept as the original before.
    original = _write(
        tmp_path / "inbox",
        "steppe_wire.txt",
        ["Steppe Wire", "Sunday, 7 July 2024", "Eleven miners rescued after two days", *STORY],
    )
    later = [
        "Valley Herald",
        "Eleven miners rescued after two days",
        *STORY,
        "The Karsk mine employs about 2,000 people and produces a fifth of the country's potash.",
    ]
    reprint = _write(tmp_path / "2024-07-09", "valley_herald.txt", later)
    _outlets(tmp_path / "2024-07-09", {"valley_herald.txt": "Valley Herald"})
    docs = _build([original, reprint], resources)
    copy, kept = docs["valley_herald"], docs["steppe_wire"]
    assert kept.status == "ok" and copy.status == "duplicate"
    assert copy.duplicate_of == "steppe_wire" and "published first (2024-07-07)" in (
        copy.reason or ""
    )
    # The copy keeps its own outlet and its own date.
    assert copy.outlet == "Valley Herald"
    assert copy.published.date is not None and copy.published.date.value == "2024-07-09"
    assert kept.published.date is not None and kept.published.date.value == "2024-07-07"


def test_the_credited_text_is_the_original(tmp_path: Path, resources: Resources) -> None:
    # The agency's own story has no date at all; the copy credits it in its dateline and is
    # dated: the credit decides.
    _write(
        tmp_path,
        "nordic_press.txt",
        ["NORDIC PRESS AGENCY", "Eleven miners rescued after two days", *STORY],
    )
    first, *rest = STORY
    copy_lines = [
        "Karsk Evening News",
        "Monday, 8 July 2024",
        "Eleven miners rescued after two days",
        "KARSK (Nordic Press) - " + first,
        *rest,
    ]
    _write(tmp_path, "karsk_evening.txt", copy_lines)
    _outlets(
        tmp_path, {"nordic_press.txt": "Nordic Press", "karsk_evening.txt": "Karsk Evening News"}
    )
    docs = _build([tmp_path], resources)
    assert docs["karsk_evening"].duplicate_of == "nordic_press"
    assert "credits it" in (docs["karsk_evening"].reason or "")
    assert docs["karsk_evening"].credit is not None
    assert docs["karsk_evening"].credit.name == "Nordic Press"
    assert "syndicated" in {f.kind for f in docs["karsk_evening"].flags}


def test_a_credit_to_an_outlet_not_in_the_collection_is_noticed(
    tmp_path: Path, resources: Resources
) -> None:
    _write(
        tmp_path,
        "plains_daily.txt",
        [
            "Plains Daily",
            "Tuesday, 9 July 2024",
            "Miners' families demand answers",
            *STORY[:2],
            '"Nobody told us the pumps were old," said Daria Velt, whose son was trapped, '
            "told Tundra Post.",
            "She said she would join a complaint against the mine owner.",
        ],
    )
    _write(
        tmp_path,
        "river_voice.txt",
        [
            "River Voice",
            "Tuesday, 9 July 2024",
            "Inspectors to question mine managers",
            "Inspectors will question the managers of the Karsk potash mine this week, the "
            "labour inspectorate told River Voice.",
            "The inspectorate said it wanted to know why the pumps had failed on Friday.",
        ],
    )
    _outlets(tmp_path, {"plains_daily.txt": "Plains Daily", "river_voice.txt": "River Voice"})
    docs = _build([tmp_path], resources)
    assert (
        docs["plains_daily"].credit is not None
        and docs["plains_daily"].credit.name == "Tundra Post"
    )
    # Its own outlet, told a quote, is no credit.
    assert docs["river_voice"].credit is None
