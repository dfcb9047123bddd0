"""Publication dates scored against gold, as a build dates documents (the stages up to
``date``): fictional pages printing their dates in the forms pages print them
(tests/gold/pubdate_pages.json), the seeds and the bundled example, and two Timeline17
subsets whose folders give the true day. Accuracy at day and at month level, the share
flagged, and pages whose printed date the content contradicts left unflagged; floors in
tests/gold/pubdate_floors.json."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dossier.model import Corpus, Document
from dossier.pipeline import ingest, stages_for
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings, for_today
from dossier.time import date_documents

GOLD = Path(__file__).resolve().parents[1] / "gold"
PAGES = GOLD / "pubdate_pages"
TIMELINE17 = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "timeline17"
TODAY = dt.date(2026, 12, 1)
# The Timeline17 stories the other issues' gold uses (the Murray trial, the BP oil spill).
T17_SUBSETS = ("MJ_bbc", "bpoil_bbc")
T17_PER_TOPIC = 25


def _floors() -> dict[str, float]:
    return json.loads((GOLD / "pubdate_floors.json").read_text())


def _dated(paths: Sequence[Path], resources: Resources) -> tuple[Document, ...]:
    settings = for_today(Settings(), TODAY)
    corpus: Corpus = ingest(paths, settings)
    return LocalRunner().run(corpus, stages_for("date"), settings, resources).documents


@pytest.fixture(scope="module")
def pages(resources: Resources) -> dict[str, Document]:
    docs = _dated([PAGES], resources)
    return {str(Path(d.source).relative_to(PAGES)): d for d in docs}


def _gold_pages() -> dict[str, dict[str, Any]]:
    return json.loads((GOLD / "pubdate_pages.json").read_text())["pages"]


def _score(
    docs: dict[str, Document], gold: dict[str, str | None]
) -> tuple[float, float, float, list[str]]:
    day = month = flagged = 0
    rows = []
    for key, want in gold.items():
        doc = docs[key]
        got = doc.published.date.value if doc.published.date else None
        day += got == want
        month += bool(got and want and got[:7] == want[:7])
        date_flags = [f.kind for f in doc.flags if f.kind != "syndicated"]
        flagged += bool(date_flags)
        rows.append(f"{key}: want {want} got {got} ({doc.published.basis}) {date_flags}")
    n = max(1, len(gold))
    return day / n, month / n, flagged / n, rows


def test_gold_pages_reach_floors(pages: dict[str, Document]) -> None:
    gold = _gold_pages()
    assert set(gold) == set(pages), "every gold page is read, and every page has gold"
    day, month, flagged, rows = _score(pages, {k: v["date"] for k, v in gold.items()})
    unflagged = [
        k
        for k, v in gold.items()
        if v.get("contradicted")
        and not any(
            f.kind.endswith("-contradicted") or f.kind == "updated-date-only"
            for f in pages[k].flags
        )
    ]
    floors = _floors()
    detail = f"day {day:.3f} month {month:.3f} flagged {flagged:.3f}\n" + "\n".join(rows)
    assert day >= floors["pages_day_accuracy"], detail
    assert month >= floors["pages_month_accuracy"], detail
    assert len(unflagged) <= floors["pages_unflagged_contradicted"], (unflagged, detail)


@pytest.mark.parametrize("key", sorted(_gold_pages()))
def test_gold_page(pages: dict[str, Document], key: str) -> None:
    want, doc = _gold_pages()[key], pages[key]
    assert doc.published.basis == want["basis"], (doc.published, doc.flags)
    kinds = {f.kind for f in doc.flags}
    assert set(want.get("flags", ())) <= kinds, doc.flags
    assert not set(want.get("no_flags", ())) & kinds, doc.flags
    assert (doc.credit.name if doc.credit else None) == want.get("credit"), doc.credit
    if "updated" in want:
        assert doc.dating.updated is not None and doc.dating.updated.value == want["updated"]
    if "time" in want:
        times = {(p.time, p.zone) for p in doc.dating.printed if p.time}
        assert (want["time"], want.get("zone")) in times, doc.dating.printed
    if doc.published.basis == "content":
        assert doc.published.date is not None and doc.published.date.approximate
        assert doc.dating.earliest is not None and doc.dating.evidence


def test_contradicted_page_dates_date_no_event(pages: dict[str, Document]) -> None:
    """Events of a page whose printed date is contradicted are dated from the content: no
    expression resolves to the year of the wrong stamp."""
    for key in ("wildfire_stamp.txt", "flood_autumn_updated.txt"):
        doc = pages[key]
        years = {e.value.year for e in doc.time_expressions if e.value is not None}
        assert not years & {2025, 2026} - {doc.published.date.year}, (key, years)  # type: ignore[union-attr]


def test_date_lines_are_removed_and_kept(pages: dict[str, Document]) -> None:
    doc = pages["port_strike.txt"]
    assert "Published" not in doc.clean_text and "08:15" not in doc.clean_text
    removed = [r.text for r in doc.removals if r.reason == "page-date"]
    assert any(r.startswith("Published 4 June 2021, 08:15 GMT") for r in removed), removed


# --- the stories of the other issues: the seeds and the bundled example ------------------------


@pytest.fixture(scope="module")
def stories(seeds_dir: Path, example_dir: Path, resources: Resources) -> dict[str, Document]:
    docs = _dated([seeds_dir, example_dir], resources)
    return {d.id: d for d in docs}


def _story_gold() -> dict[str, str | None]:
    seeds = json.loads((GOLD / "time_seeds.json").read_text())["documents"]
    example = json.loads((GOLD / "example_expected.json").read_text())["documents"]
    gold: dict[str, str | None] = {k: v["date"] for k, v in seeds.items()}
    gold.update({k: v["published"] for k, v in example.items() if v.get("published")})
    gold["eastgate_reprint"] = "2024-03-20"  # a copy keeps its own page date
    return gold


def test_stories_reach_floors(stories: dict[str, Document]) -> None:
    day, _month, _flagged, rows = _score(stories, _story_gold())
    assert day >= _floors()["stories_day_accuracy"], "\n".join(rows)
    assert stories["eastgate_reprint"].duplicate_of == "meridian_verdict"


# --- Timeline17 subsets: their folders give the true publication day ------------------------


def _t17_files() -> list[Path]:
    files: list[Path] = []
    for topic in T17_SUBSETS:
        found = sorted((TIMELINE17 / topic / "InputDocs").glob("*/*.txt"))
        if not found:
            pytest.fail(f"Timeline17 data missing: {TIMELINE17 / topic}")
        files.extend(found[:T17_PER_TOPIC])
    return files


@pytest.fixture(scope="module")
def timeline17(
    tmp_path_factory: pytest.TempPathFactory, resources: Resources
) -> tuple[dict[str, Document], dict[str, Document], dict[str, str]]:
    """The subsets read and parsed once, under names that hold no date, then dated twice: with
    their folder's date (as a build of the folders would) and without it."""
    files = _t17_files()
    hidden_dir = tmp_path_factory.mktemp("t17_hidden")
    truth: dict[str, str] = {}
    for i, f in enumerate(files):
        name = f"{f.parts[-4]}_{i:03d}.txt"
        shutil.copy(f, hidden_dir / name)
        truth[name] = f.parent.name
    settings = for_today(Settings(), TODAY)
    read = LocalRunner().run(
        ingest([hidden_dir], settings), stages_for("parse"), settings, resources
    )
    hidden = date_documents(read.documents, settings.time, resources)
    with_folder = date_documents(
        [replace(d, folder_date=truth[Path(d.source).name]) for d in read.documents],
        settings.time,
        resources,
    )

    def keyed(docs: Sequence[Document]) -> dict[str, Document]:
        return {Path(d.source).name: d for d in docs}

    return keyed(with_folder), keyed(hidden), truth


def test_timeline17_folder_dates_are_kept(
    timeline17: tuple[dict[str, Document], dict[str, Document], dict[str, str]],
) -> None:
    with_folder, _, truth = timeline17
    ok = [k for k, d in with_folder.items() if d.ok or d.status == "duplicate"]
    kept = [
        k
        for k in ok
        if with_folder[k].published.date and with_folder[k].published.date.value == truth[k]
    ]
    assert len(kept) / len(ok) >= _floors()["timeline17_folder_kept"], sorted(set(ok) - set(kept))


def test_timeline17_content_dates_with_the_folder_hidden(
    timeline17: tuple[dict[str, Document], dict[str, Document], dict[str, str]],
) -> None:
    _, hidden, truth = timeline17
    usable = {k: d for k, d in hidden.items() if d.ok or d.status == "duplicate"}
    dated = {k: d for k, d in usable.items() if d.published.date is not None}
    right = sum(d.published.date.value[:7] == truth[k][:7] for k, d in dated.items())  # type: ignore[union-attr]
    floors = _floors()
    assert len(dated) / len(usable) >= floors["timeline17_hidden_coverage"]
    assert right / max(1, len(dated)) >= floors["timeline17_hidden_month_accuracy"]
    # Dated from the content only: always approximate and flagged.
    assert all(d.published.date.approximate for d in dated.values())  # type: ignore[union-attr]


# --- the fictional gold stories of the other issues: each date hidden in turn -----------------

STORIES = GOLD / "stories"


@pytest.fixture(scope="module")
def stories_left_out(resources: Resources) -> list[tuple[str, str, Document]]:
    """Each story folder read and parsed once; then, for each document in turn, its date in
    sources.csv hidden (a report the user adds without a date) and the folder dated again:
    (story/document, the hidden date, the document as dated)."""
    settings = for_today(Settings(), TODAY)
    out: list[tuple[str, str, Document]] = []
    for story in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        read = LocalRunner().run(
            ingest([story], settings), stages_for("parse"), settings, resources
        )
        docs = read.documents
        for i, doc in enumerate(docs):
            assert doc.declared is not None and doc.declared.date, doc.id
            hidden = [
                replace(d, declared=replace(doc.declared, date=None)) if j == i else d
                for j, d in enumerate(docs)
            ]
            dated = date_documents(hidden, settings.time, resources)[i]
            out.append((f"{story.name}/{doc.id}", doc.declared.date, dated))
    return out


def test_gold_stories_dated_from_content_and_folder(
    stories_left_out: list[tuple[str, str, Document]],
) -> None:
    rows, month, near, dated = [], 0, 0, 0
    for key, truth, doc in stories_left_out:
        got = doc.published.date
        rows.append(f"{key}: want {truth} got {got.value if got else None} {doc.dating.evidence}")
        if got is None:
            assert any(f.kind in ("date-undetermined", "no-date") for f in doc.flags), key
            continue
        # Dated from what it reports: approximate, flagged, with its evidence.
        assert got.approximate and doc.published.basis == "content", key
        assert any(f.kind == "date-inferred" for f in doc.flags) and doc.dating.evidence, key
        dated += 1
        month += got.value[:7] == truth[:7]
        # News is written on the day of the latest event it reports or the day after.
        gap = (dt.date.fromisoformat(truth) - dt.date.fromisoformat(got.value)).days
        near += 0 <= gap <= 1
    floors = _floors()
    detail = "\n".join(rows)
    n = len(stories_left_out)
    assert month / n >= floors["stories_hidden_month_accuracy"], detail
    assert near / max(1, dated) >= floors["stories_hidden_dated_within_a_day"], detail
