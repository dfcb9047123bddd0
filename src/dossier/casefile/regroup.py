"""Stories after an update: every document regrouped, only changed stories recomputed.

Grouping compares every document with every other (a TF-IDF vocabulary and entity weights
over the whole collection), so it runs over all of them, from the features kept per
document (no text is read again). A story whose documents' fingerprints are all as they
were is taken from the store as it is (its id and title may change); any other story runs
through the story stages (entities, events, cross-checking, summary), with the sentence
embeddings of claims already embedded taken from the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from dossier.casefile.docstages import story_fingerprint
from dossier.casefile.world import World
from dossier.model import DateValue, Document, Flag, Parse, PublishedDate, Story
from dossier.runners.heap import settle
from dossier.stages import StoryStage
from dossier.store.context import read_features
from dossier.store.read import read_story
from dossier.stories.features import BagMaker, Bags
from dossier.stories.grouping import group_stories

TITLE_SENTENCES = 8  # the sentences a story title may be taken from (stories.titles)


def encode_features(bags: Bags, doc: Document) -> str:
    """What grouping reads of a document, kept in the store: its name and word bags (in the
    order the document gives them: ties are broken by it) and the first sentences a title may
    come from."""
    sentences = doc.parse.sentences[:TITLE_SENTENCES] if doc.parse is not None else ()
    return json.dumps(
        {
            "names": dict(bags.names),
            "words": dict(bags.words),
            "surfaces": bags.surfaces,
            "sentences": [list(s) for s in sentences],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_features(text: str) -> tuple[Bags, tuple[tuple[int, int], ...]]:
    data = json.loads(text)
    bags = Bags(Counter(data["names"]), Counter(data["words"]), dict(data["surfaces"]))
    return bags, tuple((int(a), int(b)) for a, b in data.get("sentences", ()))


_VIEW = (
    "SELECT d.id, d.source, d.status, d.duplicate_of, d.title, d.clean_text,"
    " d.published_date, d.published_granularity, d.published_approximate, d.published_basis,"
    " d.content_id, d.extra, EXISTS (SELECT 1 FROM flags f WHERE f.doc_id = d.id"
    " AND f.kind = 'unsupported-language') FROM documents d"
)


def grouping_view(
    conn: sqlite3.Connection, skip: set[str], sentences: Mapping[str, tuple[tuple[int, int], ...]]
) -> list[Document]:
    """Stored documents with just what grouping reads: status, language, title, dates,
    content id, and (for a title) the first sentences of the clean text."""
    out = []
    for r in conn.execute(_VIEW).fetchall():
        if r[0] in skip:
            continue
        date = DateValue(r[6], r[7], bool(r[8])) if r[6] is not None else None
        flags = (Flag("unsupported-language", ""),) if r[12] else ()
        language = json.loads(r[11] or "{}").get("language")
        spans = sentences.get(r[0], ())
        out.append(
            Document(
                id=r[0],
                source=r[1],
                status=r[2],
                duplicate_of=r[3],
                title=r[4],
                clean_text=r[5],
                published=PublishedDate(date, r[9]),
                content_id=r[10] or "",
                flags=flags,
                language=language,
                parse=_sentences_only(language, spans),
            )
        )
    return out


def _sentences_only(language: str | None, spans: tuple[tuple[int, int], ...]) -> Parse | None:
    """A parse holding only the sentence spans a title is chosen from."""
    if not spans:
        return None
    return Parse(language or "", "", (), (), (), (), (), (), (), (), (), spans, ())


def regroup(world: World, final: Mapping[str, Document]) -> tuple[Story, ...]:
    """The stories of every stored document (but removed ones) and the ``final`` ones."""
    known: dict[str, Bags] = {}
    sentences: dict[str, tuple[tuple[int, int], ...]] = {}
    for doc_id, text in read_features(world.conn).items():
        if world.is_context(doc_id):
            known[doc_id], sentences[doc_id] = decode_features(text)
    stored = grouping_view(world.conn, world.removed | set(final), sentences)
    maker = BagMaker()
    for doc in final.values():
        if doc.readable:
            bags = maker.bags(doc, world.resources.language(doc.language))
            known[doc.id] = bags
            world.context(doc.id)["features"] = encode_features(bags, doc)
    docs = [*stored, *final.values()]
    return group_stories(docs, world.settings.stories, world.resources, known)


@dataclass(frozen=True, slots=True)
class StoryPlan:
    stories: tuple[Story, ...]  # every story, in order, with their content
    recomputed: frozenset[str]  # ids of stories the story stages ran on
    fingerprints: dict[str, str]  # story id -> fingerprint


def stored_fingerprints(conn: sqlite3.Connection) -> dict[str, str]:
    """fingerprint -> id of the stored story that has it."""
    return {
        r[0]: r[1]
        for r in conn.execute("SELECT fingerprint, id FROM stories WHERE fingerprint IS NOT NULL")
    }


def settle_stories(
    world: World,
    grouped: Sequence[Story],
    final: Mapping[str, Document],
    doc_fingerprints: Mapping[str, str],
    version: str,
) -> StoryPlan:
    """Each grouped story with its content: taken from the store when its documents are
    unchanged (with what grouping gives it now: its id, title and membership scores depend
    on the whole collection), else computed."""
    by_print = stored_fingerprints(world.conn)
    prints = {s.id: story_fingerprint(s.document_ids, doc_fingerprints, version) for s in grouped}
    done: dict[str, Story] = {}
    todo = []
    for story in grouped:
        old_id = by_print.get(prints[story.id])
        row = None
        if old_id is not None:
            row = world.conn.execute("SELECT * FROM stories WHERE id = ?", (old_id,)).fetchone()
        if row is None:
            todo.append(story)
            continue
        old = read_story(world.conn, row)
        # What grouping gives (ids, title, members and why) depends on every document.
        done[story.id] = replace(
            old,
            id=story.id,
            title=story.title,
            document_ids=story.document_ids,
            membership=story.membership,
            changes=(),
        )
    for story in compute_stories(world, todo, final):
        done[story.id] = story
    return StoryPlan(tuple(done[s.id] for s in grouped), frozenset(s.id for s in todo), prints)


def compute_stories(
    world: World, stories: Sequence[Story], final: Mapping[str, Document]
) -> list[Story]:
    """Run the story stages on ``stories`` (their documents from ``final`` or the store)."""
    if not stories:
        return []
    wanted = {i for s in stories for i in s.document_ids if i not in final}
    stored = world.stored(wanted)
    docs = {**stored, **final}
    pairs = [
        (s, tuple(docs[i] for i in s.document_ids if i in docs and docs[i].readable))
        for s in stories
    ]
    for stage in world.stages:
        if isinstance(stage, StoryStage):
            updated = stage.fn(pairs, world.settings, world.resources)
            pairs = [(story, docs_) for story, (_, docs_) in zip(updated, pairs, strict=True)]
            settle()  # what the stage leaves is not walked by the collector again
    return [story for story, _ in pairs]
