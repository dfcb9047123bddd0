"""Issue 19, defect 5: a huge single input costs what its size says, never a hang.

Stages that analyse text read at most their cap of a document (``dossier.limits``): the
document is flagged, keeps its whole clean text, and every annotation points into it.
Reading, cleaning and copy detection take the whole text in time linear in its length.
Costs per size are measured in ``benchmarks/bench_size.py``; here each input gets a
generous deadline so that a regression to a hang fails instead of stalling the suite.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from deadline import deadline
from dossier.clean import clean_documents
from dossier.dedup import mark_copies
from dossier.ingest import read_inputs
from dossier.limits import ANALYSIS_CAPPED, LimitSettings, Windowed, cut_point
from dossier.model import Corpus, Document
from dossier.pipeline import run_pipeline
from dossier.report import check_citations, corpus_to_json
from dossier.resources import Resources
from dossier.settings import Settings

PARAGRAPHS = [
    "A court in Vellmar on Tuesday sentenced the editor Ilka Morrow, 44, to two years in "
    "prison for publishing a leaked budget, her lawyer Tomas Reyne said.",
    "Morrow was arrested on February 2, 2023, after the Vellmar Tribune printed the document.",
    "Reyne said he would appeal the verdict at the regional court in Oskar by March 10.",
    "The Union of Journalists called the sentence an attack on the press.",
]


def _article(repeat: int) -> str:
    return "Vellmar Tribune\n\n" + "\n\n".join(PARAGRAPHS * repeat) + "\n"


def test_cut_points_fall_at_paragraph_breaks() -> None:
    text = "one two.\n\nthree four.\n\nfive six seven."
    assert cut_point(text, 100) == len(text)
    assert text[: cut_point(text, 25)] == "one two.\n\nthree four.\n\n"
    assert cut_point("x" * 50, 20) == 20  # no break at all: cut at the limit


def test_a_short_document_passes_through_a_capped_stage_untouched() -> None:
    docs = (Document(id="a", source="a", clean_text="Short text."),)
    seen: list[tuple[Document, ...]] = []

    def stage(documents: tuple[Document, ...], settings: object, resources: object) -> object:
        seen.append(documents)
        return documents

    out = Windowed("mentions", stage)(docs, Settings(), None)  # type: ignore[arg-type]
    assert out == docs and seen == [docs]


def test_a_long_document_is_cut_for_the_stage_and_given_back_whole() -> None:
    text = "\n\n".join(PARAGRAPHS * 50)
    doc = Document(id="a", source="a", clean_text=text)
    settings = dataclasses.replace(Settings(), limits=LimitSettings({"mentions": 1000}))
    seen: list[int] = []

    def stage(documents: list[Document], s: object, r: object) -> tuple[Document, ...]:
        seen.append(len(documents[0].clean_text))
        return tuple(documents)

    (out,) = Windowed("mentions", stage)([doc], settings, None)  # type: ignore[arg-type]
    assert seen == [cut_point(text, 1000)] and seen[0] <= 1000
    assert out.clean_text == text
    (flag,) = out.flags
    assert flag.kind == ANALYSIS_CAPPED and f"{len(text):,} characters" in flag.message
    assert f"mentions read the first {seen[0]:,} characters" in flag.message


@pytest.mark.parametrize("kind", ["one-line", "repetitive"])
def test_megabytes_are_read_cleaned_and_deduplicated_in_linear_time(
    tmp_path: Path, kind: str
) -> None:
    text = _article(4000)  # about 1.2 MB
    if kind == "one-line":
        text = " ".join(text.split())
    path = tmp_path / f"{kind}.txt"
    # The audit's cases: a 5 MB one-line file, 1.6 MB of repetitive text.
    path.write_text(text * 4 if kind == "one-line" else (text * 2)[:1_600_000], encoding="utf-8")
    settings = Settings()
    with deadline(240):
        (doc,) = read_inputs([path], settings.ingest)
        (doc,) = clean_documents([dataclasses.replace(doc, language="en")], settings.clean)
        (doc,) = mark_copies([doc], settings.dedup)
    assert doc.ok, doc.reason  # a page saved on one line is an article, not a blurb
    assert "sentenced the editor Ilka Morrow" in doc.clean_text


@pytest.mark.slow
def test_the_whole_pipeline_on_a_long_input_keeps_its_citations(
    tmp_path: Path, resources: Resources
) -> None:
    (tmp_path / "long.txt").write_text(_article(300), encoding="utf-8")  # about 90 KB
    (tmp_path / "short.txt").write_text(_article(1), encoding="utf-8")
    caps = {stage: 6000 for stage in LimitSettings().max_chars}
    settings = dataclasses.replace(Settings(), limits=LimitSettings(caps))
    with deadline(600):
        corpus = run_pipeline([tmp_path], settings, resources)
    docs = {d.id: d for d in corpus.documents}
    long, short = docs["long"], docs["short"]
    assert long.clean_text.count("Ilka Morrow") == 300  # the whole text is kept
    assert [f.kind for f in long.flags if f.kind == ANALYSIS_CAPPED] == [ANALYSIS_CAPPED]
    assert not any(f.kind == ANALYSIS_CAPPED for f in short.flags)
    cut = cut_point(long.clean_text, 6000)
    assert long.mentions and all(m.end <= cut for m in long.mentions)
    assert all(t.end <= cut for t in long.time_expressions)
    assert long.parse is not None and long.parse.ends[-1] <= cut
    assert check_citations(corpus_to_json(Corpus(corpus.documents, corpus.stories))) == []
