"""A small, entirely fictional corpus that exercises every part of the model.

Shared by the report, store and web tests (``from report.sample import sample_corpus``).
"""

from __future__ import annotations

from dataclasses import replace

from dossier.model import (
    AttributeClaim,
    Citation,
    Claim,
    Conflict,
    ConflictSide,
    Corpus,
    Corroboration,
    DateValue,
    Document,
    Entity,
    Event,
    Flag,
    Mention,
    Modality,
    OutletProfile,
    Provenance,
    PublishedDate,
    Removal,
    RoleClaim,
    Sentence,
    SourceInfo,
    Story,
    TimeExpression,
)

LEDGER_TEXT = (
    "VESTRAVA — Journalist Mara Lindqvist, 34, was detained on March 4, 2021, "
    "at her home in Vestrava.\n\n"
    "Judge Tomas Rell of the Oskholm District Court sentenced Lindqvist to five years "
    "on July 12, 2021. Her lawyer, Ansel Brink, said the case was political & unfounded.\n\n"
    "Prosecutors say Lindqvist <b>spread false information</b>."
)
WIRE_TEXT = (
    "Mara Lindqvist, 35, a reporter from Vestrava, was arrested in early March 2021.\n\n"
    "The Oskholm District Court sentenced Ms. Lindqvist to five years in prison on 12 July. "
    "Defence lawyer Ansel Brink plans to appeal."
)
HARBOUR_TEXT = (
    "The port authority of Kelmsund opened a new ferry terminal on May 2, 2022.\n\n"
    "Director Ilse Varg said the terminal doubles capacity."
)


def _cite(doc: Document, phrase: str, occurrence: int = 0) -> Citation:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.clean_text.index(phrase, start + 1)
    return doc.cite(start, start + len(phrase))


def _mentions(doc: Document, names: dict[str, str]) -> tuple[Mention, ...]:
    found = []
    for name, label in names.items():
        start = doc.clean_text.find(name)
        while start >= 0:
            found.append(Mention(doc.id, start, start + len(name), name, label))  # type: ignore[arg-type]
            start = doc.clean_text.find(name, start + 1)
    return tuple(sorted(found, key=lambda m: m.start))


def sample_documents() -> tuple[Document, ...]:
    ledger = Document(
        id="ledger-2021-07-13",
        source="inputs/ledger-2021-07-13.txt",
        media_type="text",
        raw_text="Home | World | Sport\n" + LEDGER_TEXT + "\nRelated:\nA\nB\nC\n",
        clean_text=LEDGER_TEXT,
        title="Vestrava journalist sentenced to five years",
        outlet="Northern Ledger",
        author="P. Okafor",
        dateline_place="Vestrava",
        page_date_text="13.07.2021",
        published=PublishedDate(DateValue("2021-07-13", "day"), "page", "13.07.2021"),
        flags=(Flag("ambiguous-date-format", "page date 13.07.2021 read as day-month"),),
        removals=(
            Removal(0, 20, "navigation", "Home | World | Sport"),
            Removal(-1, -1, "related-links", "Related:\nA\nB\nC"),
        ),
        encoding="utf-8",
        folder_date="2021-07-13",
    )
    wire = Document(
        id="wire-0712",
        source="inputs/wire-0712.html",
        media_type="html",
        raw_text="<html><body><p>" + WIRE_TEXT + "</p></body></html>",
        clean_text=WIRE_TEXT,
        title="Reporter jailed in Oskholm",
        outlet="Baltic Wire",
        metadata_date="2021-07-12",
        published=PublishedDate(DateValue("2021-07-12", "day"), "metadata", None),
        url="https://wire.example/2021/07/12/reporter-jailed",
        declared=SourceInfo(
            "sources.csv:3",
            outlet="Baltic Wire",
            url="https://wire.example/2021/07/12/reporter-jailed",
        ),
        provenance=(
            Provenance("outlet", "sources-file", "sources.csv:3"),
            Provenance("url", "sources-file", "sources.csv:3"),
        ),
        shared_spans=((0, 14, "ledger-2021-07-13"),),
    )
    wire_copy = Document(
        id="wire-0712-copy",
        source="inputs/wire-0712-copy.txt",
        status="duplicate",
        reason="same text as wire-0712",
        duplicate_of="wire-0712",
        raw_text=WIRE_TEXT,
        clean_text=WIRE_TEXT,
        title="Reporter jailed in Oskholm",
        outlet="Baltic Wire (reprint)",
    )
    empty = Document(
        id="blank",
        source="inputs/blank.txt",
        status="rejected",
        reason="empty file",
    )
    harbour = Document(
        id="harbour",
        source="inputs/harbour.txt",
        raw_text=HARBOUR_TEXT,
        clean_text=HARBOUR_TEXT,
        title="Kelmsund opens ferry terminal",
        outlet="Coastal Times",
        published=PublishedDate(DateValue("2022-05", "month", approximate=True), "content"),
    )
    ledger = _with_annotations(
        ledger,
        {"Mara Lindqvist": "PERSON", "Tomas Rell": "PERSON", "Oskholm District Court": "ORG"},
    )
    wire = _with_annotations(wire, {"Mara Lindqvist": "PERSON", "Ansel Brink": "PERSON"})
    return (ledger, wire, wire_copy, empty, harbour)


def _with_annotations(doc: Document, names: dict[str, str]) -> Document:
    from dataclasses import replace

    start = doc.clean_text.index("2021")
    expr = TimeExpression(doc.id, start, start + 4, "2021", DateValue("2021", "year"))
    return replace(doc, mentions=_mentions(doc, names), time_expressions=(expr,))


def sample_corpus() -> Corpus:
    docs = sample_documents()
    ledger, wire, _, _, harbour = docs
    lindqvist = Entity(
        id="e1",
        type="PERSON",
        name="Mara Lindqvist",
        aliases=("Lindqvist", "Ms. Lindqvist"),
        mentions=(
            _cite(ledger, "Mara Lindqvist"),
            _cite(ledger, "Lindqvist", 1),
            _cite(wire, "Mara Lindqvist"),
            _cite(wire, "Ms. Lindqvist"),
        ),
        roles=(
            RoleClaim("journalist", _cite(ledger, "Journalist")),
            RoleClaim("defendant", _cite(ledger, "sentenced Lindqvist")),
            RoleClaim("journalist", _cite(wire, "a reporter")),
        ),
        attributes=(
            AttributeClaim("age", 34, _cite(ledger, "34")),
            AttributeClaim("age", 35, _cite(wire, "35")),
            AttributeClaim("age", 35, _cite(wire, "35")),
        ),
    )
    rell = Entity(
        id="e2",
        type="PERSON",
        name="Tomas Rell",
        aliases=(),
        mentions=(_cite(ledger, "Tomas Rell"),),
        roles=(RoleClaim("judge", _cite(ledger, "Judge Tomas Rell")),),
    )
    brink = Entity(
        id="e3",
        type="PERSON",
        name="Ansel Brink",
        aliases=("Brink",),
        mentions=(_cite(ledger, "Ansel Brink"), _cite(wire, "Ansel Brink")),
        roles=(
            RoleClaim("defence lawyer", _cite(ledger, "Her lawyer")),
            RoleClaim("defence lawyer", _cite(wire, "Defence lawyer")),
        ),
    )
    court = Entity(
        id="e4",
        type="ORG",
        name="Oskholm District Court",
        aliases=(),
        mentions=(_cite(ledger, "Oskholm District Court"), _cite(wire, "Oskholm District Court")),
    )
    town = Entity(
        id="e5",
        type="PLACE",
        name="Vestrava",
        aliases=("VESTRAVA",),
        mentions=(_cite(ledger, "VESTRAVA"), _cite(ledger, "Vestrava"), _cite(wire, "Vestrava")),
    )
    detained = Event(
        id="ev1",
        date=DateValue("2021-03-04", "day"),
        text="Mara Lindqvist was detained at her home in Vestrava.",
        citations=(
            _cite(ledger, "was detained on March 4, 2021"),
            _cite(wire, "was arrested in early March 2021"),
        ),
        entity_ids=("e1", "e5"),
    )
    sentenced = Event(
        id="ev2",
        date=DateValue("2021-07-12", "day"),
        text="The Oskholm District Court sentenced Lindqvist to five years.",
        citations=(
            _cite(ledger, "sentenced Lindqvist to five years on July 12, 2021"),
            _cite(wire, "sentenced Ms. Lindqvist to five years in prison on 12 July"),
        ),
        entity_ids=("e1", "e2", "e4"),
    )
    appeal = Event(
        id="ev3",
        date=DateValue("2021-07", "month", approximate=True),
        text="Defence lawyer Ansel Brink plans to appeal.",
        citations=(_cite(wire, "Defence lawyer Ansel Brink plans to appeal."),),
        entity_ids=("e3",),
    )
    age_conflict = Conflict(
        id="c1",
        kind="numeric",
        description="Outlets give different ages for Mara Lindqvist.",
        sides=(
            ConflictSide("34", (_cite(ledger, "Mara Lindqvist, 34"),)),
            ConflictSide("35", (_cite(wire, "Mara Lindqvist, 35"),)),
        ),
    )
    claims = (
        Claim(
            id="cl1",
            citation=_cite(ledger, "the case was political & unfounded"),
            speaker="e3",
            modality=Modality.ALLEGATION,
            entity_ids=("e3",),
        ),
        Claim(
            id="cl2",
            citation=_cite(wire, "sentenced Ms. Lindqvist to five years in prison on 12 July"),
            speaker=None,
            modality=Modality.FACT,
            entity_ids=("e1", "e4"),
            dates=(DateValue("2021-07-12", "day"),),
            numbers=("five",),
        ),
    )
    corroborations = (
        Corroboration(
            id="f1",
            text="Lindqvist was sentenced to five years.",
            citations=(
                _cite(ledger, "sentenced Lindqvist to five years"),
                _cite(wire, "sentenced Ms. Lindqvist to five years"),
            ),
            outlets=("Northern Ledger", "Baltic Wire"),
            independent_sources=2,
        ),
        Corroboration(
            id="f2",
            text="Brink plans to appeal.",
            citations=(_cite(wire, "plans to appeal"),),
            outlets=("Baltic Wire",),
            independent_sources=1,
        ),
    )
    headline = Sentence(
        "A court in Oskholm sentenced journalist Mara Lindqvist to five years.",
        (
            _cite(ledger, "sentenced Lindqvist to five years on July 12, 2021"),
            _cite(wire, "sentenced Ms. Lindqvist to five years in prison"),
        ),
    )
    summary = (
        Sentence(
            "Mara Lindqvist was detained in Vestrava in March 2021.",
            (_cite(ledger, "was detained on March 4, 2021"),),
        ),
        Sentence(
            "Her lawyer plans to appeal.",
            (_cite(wire, "Defence lawyer Ansel Brink plans to appeal."),),
        ),
    )
    story = Story(
        id="s-lindqvist",
        title="Vestrava journalist sentenced",
        document_ids=(ledger.id, wire.id),
        entities=(lindqvist, rell, brink, court, town),
        events=(detained, sentenced, appeal),
        claims=claims,
        conflicts=(age_conflict,),
        corroborations=corroborations,
        outlet_profiles=(
            OutletProfile("Northern Ledger", (ledger.id,), confirmed=("f1",), omitted=("f2",)),
            OutletProfile("Baltic Wire", (wire.id,), confirmed=("f1",), only_here=("f2",)),
        ),
        headline=headline,
        summary=summary,
    )
    harbour_story = Story(
        id="s-harbour",
        title="Kelmsund ferry terminal",
        document_ids=(harbour.id,),
        entities=(
            Entity(
                id="e1",
                type="PERSON",
                name="Ilse Varg",
                aliases=(),
                mentions=(_cite(harbour, "Ilse Varg"),),
                roles=(RoleClaim("director", _cite(harbour, "Director")),),
            ),
        ),
        events=(
            Event(
                id="ev1",
                date=DateValue("2022-05-02", "day"),
                text="Kelmsund opened a new ferry terminal.",
                citations=(_cite(harbour, "opened a new ferry terminal on May 2, 2022"),),
            ),
        ),
        summary=(
            Sentence(
                "Kelmsund opened a ferry terminal in May 2022.",
                (_cite(harbour, "opened a new ferry terminal on May 2, 2022"),),
            ),
        ),
    )
    return Corpus(
        documents=docs,
        stories=(story, harbour_story),
        generated_at="2026-11-24T06:00:00+00:00",
        stage_log=("ingest: 5 documents", "clean: 4 ok"),
    )


def with_disputed_side(corpus: Corpus) -> Corpus:
    """The sample with the defence lawyer placed on the prosecution by one outlet."""
    story = corpus.stories[0]
    entities = []
    for e in story.entities:
        if e.name == "Ansel Brink":
            (ledger, wire) = e.roles
            e = replace(
                e,
                roles=(
                    replace(ledger, side="defence", disputed=True),
                    replace(wire, role="prosecution lawyer", side="prosecution", disputed=True),
                ),
            )
        entities.append(e)
    return replace(corpus, stories=(replace(story, entities=tuple(entities)), *corpus.stories[1:]))
