"""Documents dating each other (a fictional corruption trial, not the seeds): a text that
reports, undated, an event another document dates is dated on that day (approximate, with
its range and the evidence), and its sentence supports that event on the timeline; and
`dossier timeline` dates documents exactly as a build does."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.model import Document
from dossier.pipeline import ingest, stages_for
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings, for_today
from dossier.time import extract_events

VERDICT = """Halden Evening Post

Sunday, 14 May 2023

Former mayor jailed for taking bribes

The district court in Halden announced its verdict on May 12 in the bribery case of the \
former mayor Ivo Renko and his deputy Mara Lind, after a trial of four weeks.

Judge Elin Sande said the two had taken more than 300,000 euros from builders in exchange for \
planning permits between 2018 and 2021. Both have said they will appeal.
"""
UNDATED = """Nordic Ledger

Renko and Lind get three years for bribery

Ivo Renko and Mara Lind, the former mayor and deputy mayor of Halden, have been sentenced to \
three years in prison for taking bribes from builders, their lawyers said.

The trial opened on April 11. Prosecutors had asked for five years.

Lind's lawyer, Tomas Ek, said the court had ignored evidence that the permits were lawful.
"""
OPENING = """Halden Evening Post

Wednesday, 12 April 2023

Bribery trial of former mayor opens

The trial of the former mayor Ivo Renko and his deputy Mara Lind opened on Tuesday, April 11, \
at the district court in Halden. Both deny taking bribes.

Prosecutors say the two took money from builders for planning permits. The court expects to \
hear 30 witnesses and to give its verdict in May.
"""


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> dict[str, Document]:
    folder = tmp_path_factory.mktemp("trial")
    for name, text in (("verdict", VERDICT), ("undated", UNDATED), ("opening", OPENING)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = for_today(Settings(), dt.date(2026, 12, 1))
    corpus = LocalRunner().run(ingest([folder], settings), stages_for("date"), settings, resources)
    return {d.id: d for d in corpus.documents}


def test_an_undated_report_takes_the_day_another_document_gives_its_event(
    docs: dict[str, Document],
) -> None:
    doc = docs["undated"]
    assert doc.published.basis == "content"
    assert doc.published.date is not None and doc.published.date.value == "2023-05-12"
    assert doc.published.date.approximate and doc.published.date.granularity == "day"
    assert doc.dating.earliest is not None and doc.dating.earliest.value == "2023-05-12"
    same = doc.dating.same_event
    assert same is not None and same.citation.doc == "verdict"
    assert "have been sentenced" in doc.clean_text[same.start : same.end]
    assert "verdict" in doc.dating.evidence


def test_its_sentence_supports_the_dated_event(
    docs: dict[str, Document], resources: Resources
) -> None:
    events = extract_events(list(docs.values()), [], Settings().time, resources)
    verdict = [e for e in events if e.date.value == "2023-05-12"]
    assert verdict, [(e.date.value, e.text) for e in events]
    cited = {c.doc for e in verdict for c in e.citations}
    assert {"verdict", "undated"} <= cited


def test_dossier_timeline_dates_documents_as_build_does(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="dossier.time.timeline"):
        assert main(["timeline", str(seeds_dir)]) == 0
    assert not [r for r in caplog.records if "no publication date" in r.getMessage()]
    out = capsys.readouterr().out
    assert "2020-01-21" in out.splitlines()  # a day only content-dated documents give
