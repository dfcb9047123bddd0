"""A fictional three-outlet story, built by hand (no upstream stage involved).

It holds exactly three real conflicts (a role, a superseded expectation, a
number) and several paraphrases that must not be reported as conflicts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.model import (
    Citation,
    DateValue,
    Document,
    Entity,
    PublishedDate,
    RoleClaim,
    TimeExpression,
)
from dossier.nlp import read_documents
from dossier.resources import Resources

# One model load for every test of this package (the parse is what the stage reads).
_RESOURCES = Resources()


def parsed(docs: Sequence[Document]) -> tuple[Document, ...]:
    """The documents as the parse stage leaves them (language and parse set)."""
    return read_documents(docs, _RESOURCES)


TEXTS = {
    "ledger": (
        "Daily Ledger",
        "2021-03-01",
        "Tomas Varga, 41, and Elin Sorensen were arrested on February 20 in Norvik.\n\n"
        "Their trial began on March 1 in the Norvik district court.\n\n"
        "Prosecutors said the pair will probably be extradited to Estoria after the trial.\n\n"
        "Their defence lawyer Ana Pirelli said her clients were innocent.\n\n"
        "Police said 12 protesters were detained outside the court building.\n\n"
        "Both face up to five years in prison if convicted.",
    ),
    "herald": (
        "Coast Herald",
        "2021-03-02",
        "Police arrested Tomas Varga and Elin Sorensen in Norvik in February.\n\n"
        "Proceedings against the two opened in Norvik on March 1.\n\n"
        "Ana Pirelli, a lawyer for the prosecution, asked the court to keep them in custody.\n\n"
        "Police said 30 protesters were detained outside the court building.\n\n"
        "The hearing was adjourned until March 15.",
    ),
    "post": (
        "Norvik Post",
        "2021-03-20",
        "A court in Norvik ruled on March 18 that Tomas Varga and Elin Sorensen will not be "
        "extradited to Estoria.\n\n"
        "The judge, Karl Mendes, sentenced the pair to two years of probation.\n\n"
        "Varga, 41, thanked the supporters who had gathered outside the court.",
    ),
}

PEOPLE = {
    "varga": ("Tomas Varga", ["Tomas Varga", "Varga"]),
    "sorensen": ("Elin Sorensen", ["Elin Sorensen"]),
    "pirelli": ("Ana Pirelli", ["Ana Pirelli"]),
    "mendes": ("Karl Mendes", ["Karl Mendes"]),
}
PLACES = {"norvik": ("Norvik", ["Norvik"]), "estoria": ("Estoria", ["Estoria"])}
_MONTHS = {"February": "02", "March": "03"}


def _time_expressions(doc_id: str, text: str) -> tuple[TimeExpression, ...]:
    out = []
    for m in re.finditer(r"\b(February|March)(?: (\d{1,2}))?\b", text):
        month = _MONTHS[m.group(1)]
        if m.group(2):
            value = DateValue(f"2021-{month}-{int(m.group(2)):02d}", "day")
        else:
            value = DateValue(f"2021-{month}", "month")
        out.append(TimeExpression(doc_id, m.start(), m.end(), m.group(), value))
    return tuple(out)


def report(
    doc_id: str,
    text: str,
    outlet: str,
    published: PublishedDate,
    dates: tuple[TimeExpression, ...] | None = None,
) -> Document:
    """One outlet's report as cleaning and dating leave it (dates: those of this package's
    stories unless given)."""
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        clean_text=text,
        outlet=outlet,
        published=published,
        time_expressions=_time_expressions(doc_id, text) if dates is None else dates,
    )


def on(date: str) -> PublishedDate:
    return PublishedDate(DateValue(date, "day"), "test")


def documents() -> tuple[Document, ...]:
    return parsed(
        [report(doc_id, text, outlet, on(date)) for doc_id, (outlet, date, text) in TEXTS.items()]
    )


def _mentions(docs: tuple[Document, ...], surfaces: list[str]) -> tuple[Citation, ...]:
    out = []
    for doc in docs:
        taken: list[tuple[int, int]] = []
        for surface in sorted(surfaces, key=len, reverse=True):
            for m in re.finditer(re.escape(surface), doc.clean_text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append(doc.cite(m.start(), m.end()))
    return tuple(sorted(out, key=lambda c: (c.doc, c.start)))


# Roles as the entity layer states them: (person, role, phrase stating it).
ROLES = (
    ("pirelli", "defence lawyer", "defence lawyer Ana Pirelli"),
    ("pirelli", "prosecution lawyer", "Ana Pirelli, a lawyer for the prosecution"),
    ("mendes", "judge", "The judge, Karl Mendes"),
)


def _roles(docs: tuple[Document, ...], eid: str) -> tuple[RoleClaim, ...]:
    out = []
    for person, role, phrase in ROLES:
        if person != eid:
            continue
        for doc in docs:
            for m in re.finditer(re.escape(phrase), doc.clean_text):
                out.append(RoleClaim(role, doc.cite(m.start(), m.end())))
    return tuple(out)


def entities(docs: tuple[Document, ...]) -> tuple[Entity, ...]:
    out = []
    for eid, (name, surfaces) in PEOPLE.items():
        out.append(
            Entity(eid, "PERSON", name, (), _mentions(docs, surfaces), roles=_roles(docs, eid))
        )
    for eid, (name, surfaces) in PLACES.items():
        out.append(Entity(eid, "PLACE", name, (), _mentions(docs, surfaces)))
    return tuple(out)
