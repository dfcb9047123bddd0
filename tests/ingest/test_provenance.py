"""Where an article came from: sources.csv / sources.json beside pasted texts, and the
canonical link, og:url and og:site_name of HTML pages. All texts here are fictional."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from dossier.clean import clean_documents
from dossier.ingest import IngestSettings, read_inputs
from dossier.ingest.pagemeta import page_meta
from dossier.ingest.provenance import basis_of
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.time import date_documents

PASTED = """Harbour Courier

Quarry workers strike over unpaid wages in Tarnholm

Around two hundred workers at the Tarnholm granite quarry walked out on Monday, saying they
had not been paid since the spring. Union organiser Petra Lund said the strike would go on
until the owners paid every worker in full.

The owners did not answer questions from reporters.
"""

PAGE = """<!DOCTYPE html><html><head>
<title>Strike spreads to second quarry | Valley Ledger</title>
<link rel="canonical" href="/2023/06/strike-spreads">
<meta property="og:url" content="https://valley-ledger.example/2023/06/strike-spreads?ref=og">
<meta property="og:site_name" content="The Valley Ledger">
</head><body><article><h1>Strike spreads to second quarry</h1>
<p>Workers at a second granite quarry near Tarnholm joined the strike on Wednesday, their union
said, as talks with the owners broke down for the third time this month.</p>
<p>Union organiser Petra Lund said more than three hundred workers were now out.</p>
</article></body></html>"""


def _settings() -> Settings:
    return Settings()


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "case"
    (root / "june").mkdir(parents=True)
    (root / "june" / "courier-strike.txt").write_text(PASTED, encoding="utf-8")
    (root / "ledger.html").write_text(PAGE, encoding="utf-8")
    return root


def test_a_sources_csv_gives_outlet_url_date_and_language(
    tmp_path: Path, resources: Resources
) -> None:
    root = _folder(tmp_path)
    (root / "sources.csv").write_text(
        "file,outlet,url,date,language,title\n"
        "june/courier-strike.txt,Coastal Courier,https://courier.example/strike,2023-06-05,EN,\n"
        "ledger.html,,,2023-06-07,,\n",
        encoding="utf-8",
    )
    settings = _settings()
    docs = {d.id: d for d in read_inputs([root], settings.ingest)}
    courier = docs["courier-strike"]
    assert courier.declared is not None and courier.declared.listed_in == "sources.csv:2"
    assert courier.outlet == "Coastal Courier"
    assert courier.url == "https://courier.example/strike"
    assert courier.declared.language == "en"
    assert basis_of(courier, "outlet") == "sources-file"
    assert basis_of(courier, "language") == "sources-file"
    # The page's own URL and site name are used where the sources file is silent.
    ledger = docs["ledger"]
    assert ledger.url == "https://valley-ledger.example/2023/06/strike-spreads"
    assert basis_of(ledger, "url") == "canonical-link"
    assert ledger.outlet == "The Valley Ledger"
    assert basis_of(ledger, "outlet") == "og:site_name"
    # Cleaning keeps the declared outlet over the masthead, and dating takes the given date.
    cleaned = clean_documents(tuple(docs.values()), settings.clean, resources)
    dated = {d.id: d for d in date_documents(cleaned, settings.time)}
    assert dated["courier-strike"].outlet == "Coastal Courier"
    assert dated["courier-strike"].published.date is not None
    assert dated["courier-strike"].published.date.value == "2023-06-05"
    assert dated["courier-strike"].published.basis == "sources-file"
    assert dated["ledger"].published.basis == "sources-file"
    assert dated["ledger"].outlet == "The Valley Ledger"


def test_a_sources_json_in_either_shape(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "june" / "sources.json").write_text(
        json.dumps({"courier-strike.txt": {"outlet": "Coastal Courier", "date": "2023-06"}}),
        encoding="utf-8",
    )
    (root / "sources.json").write_text(
        json.dumps([{"file": "ledger.html", "outlet": "Ledger (print)", "url": None}]),
        encoding="utf-8",
    )
    docs = {d.id: d for d in read_inputs([root], IngestSettings())}
    assert docs["courier-strike"].outlet == "Coastal Courier"
    assert docs["courier-strike"].declared.date == "2023-06"  # type: ignore[union-attr]
    assert docs["ledger"].outlet == "Ledger (print)"  # the sources file beats og:site_name
    assert docs["ledger"].url == "https://valley-ledger.example/2023/06/strike-spreads"


def test_problems_in_a_sources_file_are_named_and_never_stop_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _folder(tmp_path)
    (root / "sources.csv").write_text(
        "file,outlet,date,url,colour\n"
        "june/courier-strike.txt,Coastal Courier,05/06/2023,courier.example/strike,blue\n"
        "june/missing.txt,Nobody,,,\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="dossier.ingest"):
        docs = {d.id: d for d in read_inputs([root], IngestSettings())}
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "unknown column(s) ignored: colour" in messages
    assert "sources.csv:2: date '05/06/2023' is not an ISO date" in messages
    assert "url 'courier.example/strike' is not an http(s) URL" in messages
    assert "sources.csv:3: names 'june/missing.txt', which is not among the articles" in messages
    courier = docs["courier-strike"]
    assert courier.status == "ok"
    assert courier.outlet == "Coastal Courier"  # the good values are kept
    assert courier.declared is not None and courier.declared.date is None
    (root / "sources.csv").write_bytes(b"\xff\xfe\x00garbage")
    with caplog.at_level(logging.WARNING, logger="dossier.ingest"):
        assert len(read_inputs([root], IngestSettings())) == 2


def test_a_bare_file_name_is_found_when_unique(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "sources.csv").write_text(
        "file,outlet\ncourier-strike.txt,Coastal Courier\n", encoding="utf-8"
    )
    (docs,) = [d for d in read_inputs([root], IngestSettings()) if d.id == "courier-strike"]
    assert docs.outlet == "Coastal Courier"


def test_a_sources_file_named_on_the_command_line(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    elsewhere = tmp_path / "meta" / "list.csv"
    elsewhere.parent.mkdir()
    elsewhere.write_text("file,outlet\ncourier-strike.txt,Coastal Courier\n", encoding="utf-8")
    docs = {d.id: d for d in read_inputs([root], IngestSettings(sources_files=(str(elsewhere),)))}
    assert docs["courier-strike"].outlet == "Coastal Courier"


def test_page_meta_survives_broken_markup() -> None:
    assert page_meta("<html><head><link rel=canonical href='https://a.example/x'>").canonical == (
        "https://a.example/x"
    )
    assert page_meta("<<<>>><meta property='og:url' content='javascript:alert(1)'>").og_url is None
    assert page_meta("").site_name is None
    meta = page_meta("<head><meta name='og:site_name' content='  The   Daily\n Lamp '></head>")
    assert meta.site_name == "The Daily Lamp"
