"""The corpus stages, run on the documents an update recomputes against the stored rest.

Each step gives the recomputed ("dirty") documents exactly what the stage would give them
in one build over every document, reading only the stored documents it must (through the
context rows of :mod:`dossier.store.context`), and names the stored documents whose own
result changes because of them: those are recomputed too (the engine runs the stages
again with them). A step never changes a stored document itself.

- ``clean``: a short line is boilerplate when enough documents have it; a new document can
  make a stored one's line repeated (or, removed, not repeated any more).
- ``dedup``: copies are grouped transitively; the groups an added document links to are
  regrouped whole (a new, earlier copy becomes the one kept).
- ``shared``: what two documents share depends on those two only
  (:func:`dossier.dedup.spans.pair_spans`), so a stored document gains the spans it
  shares with the new ones and loses those with removed ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from dossier.casefile.docstages import attributes
from dossier.casefile.world import World, sorted_docs
from dossier.clean.api import clean_prepared, prepare, repeated_lines
from dossier.dedup import CopyMark, copy_marks, credited, original_of
from dossier.dedup.documents import CopyKeys, Original, copy_candidate, copy_keys
from dossier.dedup.spans import Span, doc_units, find_shared_spans, pair_spans
from dossier.model import Corpus, Document
from dossier.stages import CorpusStage
from dossier.store.context import (
    KIND_DOCUMENT,
    KIND_PARAGRAPH,
    band_hits,
    documents_with_line_keys,
    line_key_counts,
    line_keys_of,
    to_signed,
)

StepResult = tuple[list[Document], set[str]]
Step = Callable[[list[Document], World], StepResult]


def clean_step(docs: list[Document], world: World) -> StepResult:
    settings = world.settings.clean
    pages = {i: prepare(d, settings, world.resources) for i, d in enumerate(docs) if d.ok}
    keys = {docs[i].id: page.keys for i, page in pages.items()}
    old = line_keys_of(world.conn, world.excluded)
    touched = set().union(*keys.values(), *old.values())
    base = line_key_counts(world.conn, touched, world.excluded)
    before, after = dict(base), dict(base)
    for stored_keys in old.values():
        for key in stored_keys:
            before[key] += 1
    for new_keys in keys.values():
        for key in new_keys:
            after[key] += 1
    was, now = repeated_lines(before, settings), repeated_lines(after, settings)
    flipped = (was - now) | (now - was)
    more = documents_with_line_keys(world.conn, flipped) - world.excluded
    for doc_id, page_keys in keys.items():
        world.context(doc_id)["line_keys"] = page_keys
    cleaned = clean_prepared(docs, pages, now, settings, world.resources)
    return [cleaned.get(i, doc) for i, doc in enumerate(docs)], more


def _live(doc: Document) -> bool:
    return doc.ok and bool(doc.clean_text.strip())


def copies_step(docs: list[Document], world: World) -> StepResult:
    settings = world.settings.dedup
    live = sorted_docs([d for d in docs if _live(d)])
    keys = dict(zip([d.id for d in live], copy_keys(live, settings), strict=True))
    for doc_id, found in keys.items():
        world.context(doc_id)["copy_keys"] = tuple(to_signed(found.keys))
    wanted = {(b, k) for found in keys.values() for b, k in enumerate(to_signed(found.keys))}
    hits = {h.doc_id for h in band_hits(world.conn, KIND_DOCUMENT, wanted)}
    candidates = world.stored(i for i in hits if world.is_context(i) and _was_live(world, i))
    stored_keys = _copy_keys_of(list(candidates.values()), world)
    linked = {
        s_id
        for s_id, s_keys in stored_keys.items()
        if any(copy_candidate(q, s_keys, settings) for q in keys.values())
    }
    groups = {_group(world, i) for i in linked}
    groups |= {_group(world, i) for i in world.excluded if i in world.index and _was_live(world, i)}
    members = world.stored(
        i for i, s in world.index.items() if world.is_context(i) and _group(world, i) in groups
    )
    everyone = sorted_docs([*live, *members.values()])
    all_keys = [keys.get(d.id) or stored_keys.get(d.id) for d in everyone]
    missing = [d for d, k in zip(everyone, all_keys, strict=True) if k is None]
    extra = dict(zip([d.id for d in missing], copy_keys(missing, settings), strict=True))
    ready = [k if k is not None else extra[d.id] for d, k in zip(everyone, all_keys, strict=True)]
    originals = _originals(everyone, world)
    marked = copy_marks(everyone, settings, [originals[d.id] for d in everyone], ready)
    marks = {everyone[i].id: m for i, m in marked.items()}
    more = {d.id for d in members.values() if _copy_state(d) != _marked(marks.get(d.id))}
    out = []
    for doc in docs:
        credit = originals[doc.id].credit if doc.id in originals else None
        if credit is not None and _live(doc):
            doc = credited(doc, credit)
        out.append(marks[doc.id].apply(doc) if doc.id in marks else doc)
    return out, more


def _originals(docs: Sequence[Document], world: World) -> dict[str, Original]:
    """What decides each document's place in its copy group (its credit, the day it states),
    read from it as dedup saw it: a stored copy was ``ok`` before dedup marked it."""
    return {
        d.id: original_of(replace(d, status="ok", duplicate_of=None, reason=None), world.resources)
        for d in docs
    }


def _copy_state(doc: Document) -> tuple[str, str | None, str | None]:
    return (doc.status, doc.duplicate_of, doc.reason)


def _marked(mark: CopyMark | None) -> tuple[str, str | None, str | None]:
    return ("ok", None, None) if mark is None else ("duplicate", mark.duplicate_of, mark.reason)


def _was_live(world: World, doc_id: str) -> bool:
    """A stored document that took part in finding copies (ok after cleaning)."""
    return world.index[doc_id].status in ("ok", "duplicate")


def _group(world: World, doc_id: str) -> str:
    stored = world.index[doc_id]
    return stored.duplicate_of or stored.id


def _copy_keys_of(docs: Sequence[Document], world: World) -> dict[str, CopyKeys]:
    return dict(zip([d.id for d in docs], copy_keys(docs, world.settings.dedup), strict=True))


def shared_step(docs: list[Document], world: World) -> StepResult:
    settings = world.settings.dedup
    originals = sorted_docs([d for d in docs if _live(d)])
    word_cache: dict[str, int] = {}
    units = {d.id: doc_units(d, settings, word_cache) for d in originals}
    spans: dict[str, set[Span]] = defaultdict(set)
    for doc, found in zip(originals, find_shared_spans(originals, settings), strict=True):
        spans[doc.id].update(found)
    wanted = set()
    for doc_id, u in units.items():
        world.context(doc_id)["paragraph_keys"] = tuple(
            (p.start, p.end, tuple(to_signed(u.keys[i]))) for i, p in enumerate(u.paragraphs)
        )
        wanted |= {(b, k) for row in u.keys for b, k in enumerate(to_signed(row))}
    hits = {h.doc_id for h in band_hits(world.conn, KIND_PARAGRAPH, wanted)}
    pointing = _pointing_at(world)
    stored = world.stored(
        i for i in hits | pointing if world.is_context(i) and world.index[i].status == "ok"
    )
    gained: dict[str, set[Span]] = defaultdict(set)
    for s_id in sorted(hits & set(stored)):
        s_units = doc_units(stored[s_id], settings, word_cache)
        for q_id, q_units in units.items():
            on_q, on_s = pair_spans(q_units, s_units, settings)
            spans[q_id].update(on_q)
            gained[s_id].update(on_s)
    excluded = world.excluded
    more = set()
    for s_id, doc in stored.items():
        kept = {s for s in doc.shared_spans if s[2] not in excluded}
        if sorted(kept | gained[s_id]) != sorted(doc.shared_spans):
            more.add(s_id)
    out = [
        replace(d, shared_spans=tuple(sorted(spans[d.id]))) if spans.get(d.id) else d for d in docs
    ]
    return out, more


def _pointing_at(world: World) -> set[str]:
    """Stored documents that share a passage with a removed or recomputed one."""
    excluded = sorted(world.excluded)
    found: set[str] = set()
    for i in range(0, len(excluded), 500):
        part = excluded[i : i + 500]
        found.update(
            r[0]
            for r in world.conn.execute(
                "SELECT DISTINCT doc_id FROM shared_spans"
                f" WHERE other_doc IN ({','.join('?' * len(part))})",
                part,
            )
        )
    return found


STEPS: dict[str, Sequence[Step]] = {
    "clean": (clean_step,),
    "dedup": (copies_step,),
    "shared": (shared_step,),
}


def whole_corpus_step(stage: CorpusStage) -> Step:
    """A corpus stage without an incremental form, run over every document: the stored ones
    as they were before the stage (its outputs taken off, the flags it added dropped), the
    recomputed ones as the update has them. Stored documents whose result changes are then
    recomputed too. Always the one-build result; it reads every stored document."""
    names = attributes(stage.provides)
    blank = Document(id="", source="")

    def step(docs: list[Document], world: World) -> StepResult:
        for doc in docs:
            world.context(doc.id).setdefault("marks", {})[stage.name] = len(doc.flags)
        stored = world.stored(i for i in world.index if world.is_context(i))
        before = {i: _before(stage.name, d, names, blank, world) for i, d in stored.items()}
        everything = sorted_docs([*before.values(), *docs])
        corpus = Corpus(documents=tuple(everything))
        result = {d.id: d for d in stage.apply(corpus, world.settings, world.resources).documents}
        more = {i for i, d in stored.items() if not _same(result[i], d, names)}
        return [result[d.id] for d in docs], more

    return step


def _before(
    name: str, doc: Document, names: Sequence[str], blank: Document, world: World
) -> Document:
    marks = json.loads(world.index[doc.id].marks or "{}")
    flags = doc.flags[: marks[name]] if name in marks else doc.flags
    return replace(doc, flags=flags, **{n: getattr(blank, n) for n in names})


def _same(new: Document, old: Document, names: Sequence[str]) -> bool:
    return new.flags == old.flags and all(getattr(new, n) == getattr(old, n) for n in names)
