"""Dated events on fictional documents: detection, merging, shared text, order."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Citation, DateValue, Document, Entity, Event
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.time import TimeSettings, date_documents

S = TimeSettings()
_R = Resources()


def extract_events(
    docs: Sequence[Document], entities: Sequence[Entity], s: TimeSettings
) -> tuple[Event, ...]:
    from dossier.time import extract_events as extract

    return extract(read_documents(docs, _R), entities, s, _R)


A = """The trial of the two fishermen opened on 6 May in Porto Lindo. \
The judge adjourned the hearing until May 20 after two hours.

Police arrested the men on April 2 near the harbour."""
B = """The fishermen went on trial on May 6 in Portolindo, near the coast. \
On the same day, dock workers held a strike over unpaid wages."""
C = """Their trial, which began on May 6 in Porto Lindo, drew dozens of supporters."""
# Says when the trial was to be held, not that it was: never a citation of the trial.
SCHEDULED = """Their trial, scheduled for May 6 in Porto Lindo, was expected to draw crowds."""


def doc(doc_id: str, text: str, page: str, **kw: object) -> Document:
    return Document(
        id=doc_id, source=doc_id, raw_text=text, clean_text=text, page_date_text=page, **kw
    )  # type: ignore[arg-type]


def dated_docs(c_shared: bool = False) -> tuple[Document, ...]:
    shared = ((0, len(C), "a"),) if c_shared else ()
    return date_documents(
        [
            doc("a", A, "May 7, 2021"),
            doc("b", B, "May 8, 2021"),
            doc("c", C, "May 7, 2021", shared_spans=shared),
        ],
        S,
    )


def test_same_event_from_three_outlets_is_one_event() -> None:
    events = extract_events(dated_docs(), [], S)
    trial = [e for e in events if e.date == DateValue("2021-05-06", "day") and "trial" in e.text]
    assert len(trial) == 1
    assert sorted(c.doc for c in trial[0].citations) == ["a", "b", "c"]
    docs = {d.id: d for d in dated_docs()}
    for c in trial[0].citations:
        assert docs[c.doc].clean_text[c.start : c.end] == c.quote


def test_a_schedule_is_not_a_citation_of_the_event() -> None:
    docs = date_documents([doc("a", A, "May 7, 2021"), doc("s", SCHEDULED, "May 1, 2021")], S)
    events = extract_events(docs, [], S)
    assert all(c.doc != "s" for e in events for c in e.citations)


def test_bounding_expressions_do_not_make_events() -> None:
    events = extract_events(dated_docs(), [], S)
    assert not any(e.date.value == "2021-05-20" for e in events)


def test_events_are_sorted_oldest_first_with_stable_ids() -> None:
    events = extract_events(dated_docs(), [], S)
    assert [e.date.value for e in events] == sorted(e.date.value for e in events)
    assert events[0].date.value == "2021-04-02"
    assert [e.id for e in events] == [e.id for e in extract_events(dated_docs(), [], S)]


def test_shared_text_only_joins_existing_events() -> None:
    events = extract_events(dated_docs(c_shared=True), [], S)
    trial = next(e for e in events if e.date.value == "2021-05-06" and "trial" in e.text)
    assert "c" in {c.doc for c in trial.citations}  # still a citation
    # A shared sentence never starts an event when its primary copy is processed.
    other = doc("a", "The harbour was quiet on Sunday.", "May 7, 2021")
    solo = date_documents([other, doc("z", C, "May 7, 2021", shared_spans=((0, len(C), "a"),))], S)
    assert extract_events(solo, [], S) == ()


def test_entities_in_the_sentence_are_participants() -> None:
    docs = dated_docs()
    a = docs[0]
    start = a.clean_text.index("Porto Lindo")
    place = Entity(
        id="place-1",
        type="PLACE",
        name="Porto Lindo",
        aliases=("Porto Lindo",),
        mentions=(Citation.of("a", a.clean_text, start, start + len("Porto Lindo")),),
    )
    events = extract_events(docs, [place], S)
    trial = next(e for e in events if e.date.value == "2021-05-06" and "trial" in e.text)
    assert trial.entity_ids == ("place-1",)


def test_one_sentence_naming_a_day_twice_is_one_citation() -> None:
    text = "On 6 May the court met, and 6 May was also when the strike began in the port."
    docs = date_documents([doc("x", text, "May 7, 2021")], S)
    events = [e for e in extract_events(docs, [], S) if e.date.value == "2021-05-06"]
    assert events
    for event in events:  # each happening once, each citing the sentence once
        assert len(event.citations) == len(set(event.citations)) == 1


def test_text_shared_with_a_duplicate_still_makes_events() -> None:
    shared = ((0, len(C), "a"),)
    docs = date_documents(
        [
            doc("a", A, "May 7, 2021", status="duplicate", duplicate_of="c"),
            doc("c", C, "May 7, 2021", shared_spans=shared),
        ],
        S,
    )
    events = extract_events(docs, [], S)
    assert [sorted(c.doc for c in e.citations) for e in events] == [["c"]]


def test_documents_without_stage_4_output_are_tagged_on_the_fly() -> None:
    plain = doc("p", B, "May 8, 2021")
    assert plain.time_expressions == ()
    events = extract_events([plain], [], S)
    assert events == ()  # no published date and partial dates: nothing to anchor
    (dated,) = date_documents([plain], S)
    undated_expressions = type(dated)(id="q", source="q", clean_text=B, published=dated.published)
    assert extract_events([undated_expressions], [], S)


def test_one_document_telling_one_happening_twice_gives_one_event() -> None:
    told_twice = (
        "The trial of the ferry captain Oskar Lind opened at the Harwick court yesterday. "
        "Police closed the road outside.\n\n"
        "Judge Petra Holm opened the hearing on Tuesday, June 8, at nine in the morning.\n\n"
        "On June 8, a hunger strike also began outside the court building.\n\n"
        "The port authority suspended all ferry sailings on June 8, a spokesman said."
    )
    other = "The ferry captain went on trial on June 8 in Harwick, accused of negligence."
    docs = date_documents(
        [doc("p", told_twice, "June 9, 2021"), doc("q", other, "June 10, 2021")], S
    )
    events = [e for e in extract_events(docs, [], S) if e.date.value == "2021-06-08"]
    trial = [e for e in events if any("hearing" in c.quote for c in e.citations)]
    assert len(trial) == 1
    quotes = [c.quote for c in trial[0].citations]
    assert any(q.startswith("The trial of the ferry captain") for q in quotes)
    assert {c.doc for c in trial[0].citations} == {"p", "q"}
    # Other things done that day, even "began" near "court", stay events of their own.
    assert not any("hunger strike" in q or "suspended" in q for q in quotes)
    assert len(events) == 3


def test_a_clause_without_its_subject_reads_from_the_subject() -> None:
    text = (
        "Tomas Varga said the border police detained him in March 2019 "
        "and released him in June 2020.\n\n"
        "The court heard the case on May 4, while the prosecutor asked for a fine on May 5."
    )
    docs = date_documents([doc("v", text, "May 7, 2021")], S)
    by_date = {e.date.value: e.text for e in extract_events(docs, [], S)}
    assert by_date["2019-03"] == "Tomas Varga said the border police detained him in March 2019"
    assert by_date["2020-06"].startswith("Tomas Varga said the border police detained him")
    assert by_date["2020-06"].endswith("released him in June 2020.")
    # A clause that names its own subject stays short.
    assert by_date["2021-05-05"] == "the prosecutor asked for a fine on May 5."


def test_event_wording_leaves_out_the_dateline_but_its_citation_keeps_the_sentence() -> None:
    text = (
        "HARBOURVILLE, June 3 (Coastline Wire) - Divers recovered the ferry's second "
        "lifeboat on June 2 off the northern breakwater.\n\n"
        "PORT ESK -- The harbour master closed the channel to shipping on May 30."
    )
    (dated,) = date_documents([doc("w", text, "June 3, 2022")], S)
    events = extract_events([dated], [], S)
    wordings = {e.date.value: e for e in events}
    assert wordings["2022-06-02"].text.startswith("Divers recovered")
    assert wordings["2022-05-30"].text.startswith("The harbour master closed")
    for event in events:
        (c,) = event.citations
        assert text[c.start : c.end] == c.quote
        assert c.quote.endswith(event.text)
