"""Stage 3: whole-document copies and shared (reused) paragraphs."""

from __future__ import annotations

import dataclasses
import random
import time
from pathlib import Path

import pytest

from dossier.clean import clean_documents
from dossier.dedup import DedupSettings, mark_copies, mark_shared_spans
from dossier.ingest import read_inputs
from dossier.model import Document
from dossier.nlp import ParseSettings, parse_documents
from dossier.resources import Resources
from dossier.settings import Settings

PARAGRAPHS = [
    "A district court in the northern town of Kestrel on Thursday sentenced the environmental "
    "activist Mara Linden to two years of probation for organising a blockade of a logging road.",
    "Linden, 34, had pleaded not guilty, telling the court that the blockade was a peaceful "
    "protest against the felling of one of the last old-growth forests in the province.",
    "Prosecutor Adam Reiss had asked for an eighteen-month prison term, arguing that the blockade "
    "had stopped ambulances from reaching a village on the other side of the forest.",
    "The defence produced records from the regional ambulance service showing that no emergency "
    "call from the village had been delayed during the three days of the protest.",
    "Supporters who had gathered outside the courthouse applauded when the sentence was read out, "
    "and Linden said she would continue campaigning against the logging concession.",
    "The forestry company holding the concession said in a statement that it respected the "
    "court's decision and that work on the road would resume next month.",
]


def _doc(doc_id: str, paragraphs: list[str], **kw: object) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", clean_text="\n\n".join(paragraphs), **kw)  # type: ignore[arg-type]


def mark_duplicates(
    docs: list[Document] | tuple[Document, ...], settings: DedupSettings, resources: Resources
) -> tuple[Document, ...]:
    """The two dedup stages as the pipeline runs them: copies, the parse, shared spans."""
    docs = [dataclasses.replace(d, language=d.language or "en") if d.ok else d for d in docs]
    parsed = parse_documents(mark_copies(docs, settings), ParseSettings(), resources)
    return mark_shared_spans(parsed, settings)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, settings: Settings, resources: Resources) -> dict[str, Document]:
    docs = clean_documents(read_inputs([seeds_dir], settings.ingest), settings.clean, resources)
    return {d.id: d for d in mark_duplicates(docs, settings.dedup, resources)}


def test_seeds_have_no_copies(seeds: dict[str, Document]) -> None:
    assert all(d.status == "ok" and d.duplicate_of is None for d in seeds.values())


def test_seed_background_paragraphs_are_shared_both_ways(seeds: dict[str, Document]) -> None:
    with_spans = {k: d for k, d in seeds.items() if d.shared_spans}
    assert len(with_spans) == 2  # the two articles of the same outlet reuse background
    (a, b) = with_spans.values()
    for doc, other in ((a, b), (b, a)):
        quotes = [doc.clean_text[s:e] for s, e, o in doc.shared_spans if o == other.id]
        assert len(quotes) == len(doc.shared_spans) >= 6
        joined = "\n".join(quotes)
        for phrase in ("counterextremism centers", "refused to extradite", "second-largest Turkic"):
            assert phrase in joined
        for start, end, _ in doc.shared_spans:
            assert 0 <= start < end <= len(doc.clean_text)
            assert doc.clean_text[start:end].strip() == doc.clean_text[start:end]
    # A paragraph that only one of them has is not shared.
    assert not any("Laura Mills" in d.clean_text[s:e] for d in (a, b) for s, e, _ in d.shared_spans)


def test_lightly_edited_syndicated_copy_is_a_duplicate(resources: Resources) -> None:
    original = _doc("wire", PARAGRAPHS)
    edited = [p.replace("Thursday", "Thursday, 4 May") for p in PARAGRAPHS]
    edited[4] = edited[4].replace("applauded", "cheered")
    copy = _doc("reprint", [*edited, "This article was first published by a partner agency."])
    other = _doc(
        "other",
        [
            "An unrelated story about a football match in which the home side won "
            "three goals to nil after a second-half collapse by the visitors."
        ],
    )
    out = {d.id: d for d in mark_duplicates([original, copy, other], DedupSettings(), resources)}
    assert out["other"].status == "ok"
    dup = [d for d in out.values() if d.status == "duplicate"]
    assert len(dup) == 1
    kept = "reprint" if dup[0].id == "wire" else "wire"
    assert dup[0].duplicate_of == kept and "Jaccard" in (dup[0].reason or "")
    assert out[kept].status == "ok"


def test_keeper_is_earliest_dated_then_longest_then_first(resources: Resources) -> None:
    short = _doc("short", PARAGRAPHS[:-1], metadata_date="2021-03-01")
    long = _doc("long", PARAGRAPHS, metadata_date="2021-03-05")
    out = {d.id: d for d in mark_duplicates([long, short], DedupSettings(), resources)}
    assert out["long"].duplicate_of == "short" and out["short"].ok

    undated = [_doc("a", PARAGRAPHS[:-1]), _doc("b", PARAGRAPHS)]
    out = {d.id: d for d in mark_duplicates(undated, DedupSettings(), resources)}
    assert out["a"].duplicate_of == "b"

    same = [_doc("first", PARAGRAPHS), _doc("second", PARAGRAPHS)]
    out = {d.id: d for d in mark_duplicates(same, DedupSettings(), resources)}
    assert out["second"].duplicate_of == "first" and out["first"].ok


def test_truncated_reprint_is_a_duplicate_by_containment(resources: Resources) -> None:
    out = mark_duplicates(
        [_doc("full", PARAGRAPHS), _doc("cut", PARAGRAPHS[:4])], DedupSettings(), resources
    )
    assert out[1].status == "duplicate" and out[1].duplicate_of == "full"
    assert "100% of its text" in (out[1].reason or "")


def test_shared_background_paragraph_between_different_articles(resources: Resources) -> None:
    background = PARAGRAPHS[5]
    a = _doc(
        "a",
        [
            "A first, different report on the verdict, written from the courtroom by our "
            "correspondent who attended all three hearings in the case.",
            background,
        ],
    )
    b = _doc(
        "b",
        [
            "Another outlet's own introduction, about the reactions of environmental groups "
            "in the capital to the sentence handed down on Thursday.",
            background,
        ],
    )
    out = mark_duplicates([a, b], DedupSettings(), resources)
    assert all(d.ok for d in out)
    for doc, other in ((out[0], "b"), (out[1], "a")):
        assert [(doc.clean_text[s:e], o) for s, e, o in doc.shared_spans] == [(background, other)]


def test_non_ok_documents_pass_through(resources: Resources) -> None:
    rejected = Document(id="r", source="r.txt", status="rejected", reason="empty file")
    docs = [
        rejected,
        _doc("x", PARAGRAPHS),
        dataclasses.replace(_doc("y", PARAGRAPHS), status="rejected", reason="z"),
    ]
    out = mark_duplicates(docs, DedupSettings(), resources)
    assert out[0] is rejected and out[2].status == "rejected" and out[1].ok


def test_scales_without_all_pairs() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    docs = []
    for i in range(1500):
        paras = [" ".join(rng.choices(vocabulary, k=40)) + "." for _ in range(5)]
        docs.append(_doc(f"d{i:04d}", paras))
    planted = {}
    for n, source in enumerate(rng.sample(range(1500), 10)):
        text = docs[source].clean_text.replace("w1 ", "w2 ")
        copy_id = f"copy{n}"
        docs.append(Document(id=copy_id, source=copy_id, clean_text=text))
        planted[copy_id] = docs[source].id
    start = time.perf_counter()
    # Unparsed documents (no sentence units): this is about the number of comparisons.
    out = mark_shared_spans(mark_copies(docs, DedupSettings()), DedupSettings())
    elapsed = time.perf_counter() - start
    flagged = {d.id: d.duplicate_of for d in out if d.status == "duplicate"}
    pairs = {frozenset((k, v)) for k, v in flagged.items()}
    assert pairs == {frozenset((k, v)) for k, v in planted.items()}
    assert elapsed < 30, f"{elapsed:.1f}s for {len(docs)} documents"
