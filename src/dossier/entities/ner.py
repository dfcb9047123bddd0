"""Stage 5: named-entity mentions in clean text.

The statistical model proposes spans (``doc.parse.entities``); the structure of news text and
the parse correct them: a title or role before a name, an age after it, an apposition, the noun
a name is in apposition to ("the song Billie Jean", "the sedative propofol"), the verb it is the
subject of, the label the same string gets elsewhere in the document, whether its lower-case
form is a common noun of the document, and whether a single word is the family name of a person
named in full in the same document. Demonyms and ethnic groups are never entities. Only
readable documents with a parse are read; others are returned unchanged. Each document is
decided on its own (the result does not depend on the batch, so the stage can be sharded);
story-wide consistency is restored by :func:`dossier.entities.resolve_entities`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from dossier.entities.context import ContextReader
from dossier.entities.decide import Decider
from dossier.entities.names import NameMatcher
from dossier.entities.patterns import PatternHit, PatternRules
from dossier.entities.settings import EntitySettings
from dossier.entities.spans import Cand, Headlines, SpanRules, non_overlapping
from dossier.entities.splits import split_names
from dossier.entities.structure import Structure
from dossier.entities.vocab import Vocab
from dossier.lang import Language
from dossier.model import Document, EntityType, Mention
from dossier.nlp import to_spacy
from dossier.resources import Resources

log = logging.getLogger(__name__)

# spaCy's entity labels and the types they stand for (not language: the model's label set).
# not language: model labels
_NAME_SHAPED_LABELS = frozenset(["WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "DATE", "LANGUAGE"])
# not language: model labels
_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}
# What a pattern hit that no candidate covers is added as: an entity, or a thing whose
# decision drops it and counts against the same name elsewhere in the document ("Radio
# Kent's Morning Desk programme" when the model proposed nothing there).
_PATTERN_KINDS = frozenset({"PERSON", "ORG", "PLACE", "WORK", "SUBSTANCE", "EVENT"})
# typography: a word that starts with a letter in any script
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class MentionFinder:
    """The mention stage's rules for one language (built once per stage call)."""

    def __init__(self, language: Language, settings: EntitySettings, resources: Resources):
        self.language = language
        self.vocab = Vocab.of(language)
        self.spacy_vocab = resources.pipeline_for(language.code).vocab
        self.reader = ContextReader(self.vocab, self.spacy_vocab)
        self.rules = SpanRules(self.vocab, self.reader)
        self.matcher = NameMatcher(language.names, settings.typo_min_len)
        self.settings = settings
        self.patterns = PatternRules(language.entity_patterns, self.spacy_vocab)

    def document(self, doc: Document) -> tuple[Mention, ...]:
        assert doc.parse is not None
        sdoc = to_spacy(doc.parse, doc.clean_text, self.spacy_vocab)
        structure = Structure(sdoc, self.vocab, self.patterns.find(sdoc))
        chosen = self._candidates(doc, list(doc.parse.entities), structure)
        return tuple(Mention(doc.id, c.start, c.end, c.text, _entity_type(c.label)) for c in chosen)

    def _candidates(
        self, doc: Document, ents: list[tuple[int, int, str]], structure: Structure
    ) -> list[Cand]:
        """One document's mentions from the model's spans. Every decision reads this document
        only, so the result does not depend on which documents share a batch."""
        text = doc.clean_text
        texts = [text]
        headline = self.rules.headline_mask(text)
        cands: list[Cand] = []
        for start_char, end_char, model_label in ents:
            label = self._label(text[start_char:end_char], model_label)
            if label is None:
                continue
            for start, end in self.rules.trim_span(text, start_char, end_char, label):
                cands.append(Cand(0, start, end, text[start:end], label, weak=headline(start)))
        cands.extend(self.rules.rule_candidates(0, text, headline))
        cands.extend(self._shared_family_names(cands, structure, text, headline))
        cands = self.rules.extend_left(
            self.rules.join_adjacent(cands, texts, self.matcher.name_key, [structure.sdoc]),
            texts,
        )
        cands = split_names(cands, structure.sdoc)
        cands = _with_pattern_names(cands, structure, text, headline)
        decider = Decider(self, doc, structure)
        decider.decide(cands)
        kept: dict[int, list[Cand]] = {0: []}
        for cand in cands:
            if cand.label and cand.label != "DROP":
                kept[0].append(cand)
            elif cand.label == "DROP":
                log.debug("%s: dropped %r (%s)", doc.id, cand.text, cand.reason)
        self.rules.add_repeats(kept, texts, [structure.group_at])
        return non_overlapping(kept[0])

    def _shared_family_names(
        self, cands: list[Cand], structure: Structure, text: str, headline: Headlines
    ) -> list[Cand]:
        """A given name coordinated with a full name that carries the family name of both
        ("honeymooners Iain and Dawn Askham", "Mikhail and Svetlana Ivanov"): the given name
        the model leaves out is a person too."""
        out: list[Cand] = []
        taken = [(c.start, c.end) for c in cands]
        for cand in cands:
            if cand.model != "PERSON" or " " not in cand.text:
                continue
            first = structure.head(cand.start, cand.start + len(cand.text.split(" ")[0]))
            if first is None or first.i < 2:
                continue
            cc, given = first.nbor(-1), first.nbor(-2)
            if cc.dep_ != "cc" or given.pos_ != "PROPN" or not _name_shape(given.text):
                continue
            s, e = given.idx, given.idx + len(given.text)
            if self.rules.non_name_word(given.text) or any(a < e and s < b for a, b in taken):
                continue
            out.append(Cand(0, s, e, given.text, "RULE", weak=headline(s), ctx="PERSON"))
        return out

    def _label(self, span: str, model_label: str) -> str | None:
        label = _LABELS.get(model_label)
        if label is None:
            if model_label in _NAME_SHAPED_LABELS and _name_shape(span):
                return "OTHER"  # "Yerbol Qojabekuly" as WORK_OF_ART: context decides
            return None
        if label == "NORP" and any(self.vocab.is_org_word(w) for w in span.split()):
            return "ORG"  # "the Communist Party", "the Uyghur Human Rights Project"
        return label


def find_mentions(
    docs: Sequence[Document], settings: EntitySettings, resources: Resources
) -> tuple[Document, ...]:
    """PERSON/ORG/PLACE mentions in the clean text of every parsed document, decided from the
    model's entity spans (``doc.parse.entities``), the parse and the structure of news text.
    Documents without a parse (not readable, or in a language Dossier does not read) are
    returned unchanged."""
    finders: dict[str, MentionFinder] = {}
    out = []
    for doc in docs:
        language = resources.language(doc.parse.language) if doc.parse is not None else None
        if not doc.readable or doc.parse is None or language is None:
            out.append(doc)
            continue
        finder = finders.get(language.code)
        if finder is None:
            finder = finders[language.code] = MentionFinder(language, settings, resources)
        out.append(replace(doc, mentions=finder.document(doc)))
    return tuple(out)


def _with_pattern_names(
    cands: list[Cand], structure: Structure, text: str, headline: Headlines
) -> list[Cand]:
    """``cands`` with the names the language's patterns find: a name no candidate covers is
    added ("Gazprom chief executive X" when the model left Gazprom out), and a possessor
    inside a longer proper name that a common noun names becomes that whole name ("its
    nursery Noah's Ark": not the person Noah)."""
    out = list(cands)
    for hit in structure.hits:
        kind = _hit_kind(hit, structure)
        if kind is None:
            continue
        overlapping = [c for c in out if c.start < hit.end and hit.start < c.end]
        if hit.kind == "NAMED_BY_NOUN" or _swallows(hit, overlapping):
            out = [c for c in out if c not in overlapping]
        elif overlapping or kind not in _PATTERN_KINDS:
            continue
        s, e = hit.start, hit.end
        out.append(Cand(0, s, e, text[s:e], "RULE", weak=headline(s), ctx=kind, reason=hit.why))
    return sorted(out, key=lambda c: (c.start, -c.end))


def _swallows(hit: PatternHit, overlapping: list[Cand]) -> bool:
    """An organisation's whole name a pattern finds around shorter candidates inside it
    ("Friends of the Earth" around the model's "Earth") replaces them."""
    return (
        hit.kind == "ORG"
        and bool(overlapping)
        and all(
            hit.start <= c.start and c.end <= hit.end and c.end - c.start < hit.end - hit.start
            for c in overlapping
        )
    )


def _hit_kind(hit: PatternHit, structure: Structure) -> str | None:
    if hit.kind != "NAMED_BY_NOUN":
        return hit.kind
    return structure.noun_class(structure.sdoc[hit.noun])


def _name_shape(text: str) -> bool:
    """One to four capitalised words, each a capital then a lower-case letter."""
    words = text.split(" ")
    return 1 <= len(words) <= 4 and all(
        len(w) >= 2 and w[0].isupper() and w[1].islower() and _WORD.fullmatch(w) for w in words
    )


def _entity_type(label: str | None) -> EntityType:
    if label == "PERSON":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "PLACE":
        return "PLACE"
    return "OTHER"
