"""Group documents into stories: one case, one story.

Documents are compared by the named people, places and organisations they share and by
their content words (:mod:`dossier.stories.features`), then grouped by the cosine of group
centroids (:mod:`dossier.stories.linkage`): a story is not split because its articles cover
different days, and two cases of the same kind (two trials, two earthquakes) stay apart
because they do not share their participants. A syndicated copy joins the story of the
document it copies and counts once in every size. The user's corrections (merge, split,
move) are applied last, so they survive rebuilds and additions. Each story says why each of
its documents is in it (:class:`~dossier.model.Membership`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dossier.ids import digest
from dossier.model import Document, Membership, Story
from dossier.resources import Resources
from dossier.stories.corrections import apply_corrections
from dossier.stories.features import BagMaker, Bags, similarity, tfidf
from dossier.stories.linkage import centroid_linkage
from dossier.stories.passing import detach_passing
from dossier.stories.reasons import Explainer
from dossier.stories.settings import StorySettings
from dossier.stories.titles import story_title


def founding_document(documents: Sequence[Document]) -> Document:
    """The document a story is named after: the earliest published (undated last), then
    the smallest content id. A later report joining the story leaves it the same."""
    return min(
        documents,
        key=lambda d: (
            d.published.date is None,
            d.published.date.sort_key if d.published.date else "",
            d.content_id or d.id,
            d.id,
        ),
    )


def story_id(documents: Sequence[Document]) -> str:
    """A story's id: a digest of its founding document's content, not of its member list."""
    founder = founding_document(documents)
    return "story-" + digest("story", founder.content_id or founder.id)


def group_stories(
    documents: Sequence[Document],
    settings: StorySettings,
    resources: Resources | None = None,
    known: Mapping[str, Bags] | None = None,
) -> tuple[Story, ...]:
    """Group readable documents into stories; duplicates join the story of what they copy.

    Rejected documents belong to no story. Stories are ordered by their number of distinct
    documents (largest first), then by id; the result does not depend on the order of
    ``documents`` (each story lists its documents in id order, duplicates last). ``known``
    bags (by document id) are used instead of reading those documents' mentions and parse
    again (a store keeps them).
    """
    ok = sorted((d for d in documents if d.readable), key=lambda d: d.id)
    if not ok:
        return ()
    resources = resources or Resources()
    maker = BagMaker()
    bags = [
        known[d.id] if known and d.id in known else maker.bags(d, resources.language(d.language))
        for d in ok
    ]
    names = tfidf([b.names for b in bags])
    words = tfidf([b.words for b in bags])
    sim = similarity(
        names, words, settings.name_weight, settings.similarity_floor, settings.words_alone
    )
    linked = centroid_linkage(sim, settings.link_threshold)
    clusters, passing = detach_passing(linked, bags, settings)
    clusters, corrected = apply_corrections(clusters, ok, settings.corrections)
    explain = Explainer(ok, bags, names, words, sim)
    passed_by = _passed_by(linked, passing, ok)
    copies: dict[str, list[Document]] = {}
    for doc in documents:
        if doc.status == "duplicate" and doc.duplicate_of is not None:
            copies.setdefault(doc.duplicate_of, []).append(doc)
    stories = []
    for members in clusters:
        docs = [ok[i] for i in members]
        founder = founding_document(docs)
        membership = [explain.membership(i, members, founder.id, corrected) for i in members]
        if len(members) == 1 and members[0] in passed_by and ok[members[0]].id not in corrected:
            membership = [passed_by[members[0]]]
        dupes = sorted((c for d in docs for c in copies.get(d.id, ())), key=lambda d: d.id)
        membership += [
            Membership(c.id, "duplicate", note=f"a copy of {c.duplicate_of}") for c in dupes
        ]
        stories.append(
            Story(
                id=story_id(docs),
                title=story_title(docs, membership, resources),
                document_ids=tuple(d.id for d in docs) + tuple(c.id for c in dupes),
                membership=tuple(membership),
            )
        )
    stories.sort(key=lambda s: (-distinct_size(s), s.id))
    return tuple(stories)


def _passed_by(
    linked: Sequence[Sequence[int]], passing: dict[int, float], ok: Sequence[Document]
) -> dict[int, Membership]:
    """The membership of each page left alone for mentioning a story only in passing."""
    out: dict[int, Membership] = {}
    for members in linked:
        founder = founding_document([ok[i] for i in members if i not in passing] or [ok[0]])
        for i in members:
            if i in passing:
                note = (
                    f"mentions the story of {founder.id} only in passing: "
                    f"{passing[i]:.0%} of its names and words are that story's"
                )
                out[i] = Membership(ok[i].id, "passing", round(passing[i], 3), note=note)
    return out


def distinct_size(story: Story) -> int:
    """How many distinct documents a story has: copies of one report count once."""
    if not story.membership:
        return len(story.document_ids)
    return sum(1 for m in story.membership if m.basis != "duplicate")
