"""Stage 5: named-entity mentions in clean text.

The statistical model proposes spans; the structure of news text corrects
them: a title or role before a name, an age after it, an apposition, the
label the same string gets elsewhere in the document, and whether a single
word is the family name of a person named in full in the same document.
Demonyms and ethnic groups are never entities. Only documents with status
``"ok"`` are read; others are returned unchanged. Each document is decided on
its own (the result does not depend on the batch, so the stage can be
sharded); story-wide consistency is restored by
:func:`dossier.entities.resolve_entities`.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from dossier.entities.context import honorific_before, left_age, left_role, right_age, right_role
from dossier.entities.lexicon import (
    CALENDAR_WORDS,
    GENERIC_NOUNS,
    ORG_CONTEXT_NOUNS,
    ORG_WORDS,
    PERSON_SUFFIXES,
    PLACE_CONTEXT_NOUNS,
    STOPWORDS,
    is_demonym_word,
)
from dossier.entities.lexicon import words as _wordlist
from dossier.entities.names import NameMatcher, TokenIndex, name_key
from dossier.entities.settings import EntitySettings
from dossier.entities.spans import (
    ETHNIC,
    Cand,
    add_repeats,
    extend_left,
    headline_mask,
    join_adjacent,
    line_start,
    non_overlapping,
    rule_candidates,
    trim_span,
)
from dossier.model import Document, EntityType, Mention
from dossier.resources import Resources

log = logging.getLogger(__name__)

_NAME_SHAPED_LABELS = frozenset(["WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "DATE", "LANGUAGE"])
_NAME_SHAPE = re.compile(r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,3}")
_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DATELINE = re.compile(r"\s*(?:,|--|—|–|\(|-\s)")
_PLACE_PREP = re.compile(r"\b(?:in|near|to|from|outside|at)\s+(?:the\s+)?$")
_PLACE_OF = re.compile(r"\b(?:" + "|".join(sorted(PLACE_CONTEXT_NOUNS)) + r")\s+of\s+$")

_PARTICLE_WORDS = frozenset(["bin", "ibn", "al", "el", "van", "von", "de", "da", "di", "du"])
_CTX_WEIGHT = 3.0
_MODEL_WEIGHT = 1.0
_WEAK_WEIGHT = 0.25


def find_mentions(
    docs: Sequence[Document], settings: EntitySettings, resources: Resources
) -> tuple[Document, ...]:
    """PERSON/ORG/PLACE mentions in the clean text of every parsed document, decided from
    the model's entity spans (``doc.parse.entities``) and the structure of news text.
    Documents without a parse (not ``ok``, or in a language Dossier does not read) are
    returned unchanged."""
    out = []
    for doc in docs:
        if not doc.readable or doc.parse is None:
            out.append(doc)
            continue
        chosen = _document_mentions(doc, list(doc.parse.entities), settings)
        mentions = tuple(
            Mention(doc.id, c.start, c.end, c.text, _entity_type(c.label)) for c in chosen
        )
        out.append(replace(doc, mentions=mentions))
    return tuple(out)


def _document_mentions(
    doc: Document, ents: list[tuple[int, int, str]], settings: EntitySettings
) -> list[Cand]:
    """One document's mentions from the model's spans. Every decision reads this
    document only, so the result does not depend on which documents share a batch
    (story-wide consistency is restored by :func:`resolve_entities`)."""
    text = doc.clean_text
    texts = [text]
    headline = headline_mask(text)
    cands: list[Cand] = []
    for start_char, end_char, model_label in ents:
        label = _LABELS.get(model_label)
        span = text[start_char:end_char]
        if label is None:
            if model_label in _NAME_SHAPED_LABELS and _NAME_SHAPE.fullmatch(span):
                label = "OTHER"  # "Yerbol Qojabekuly" as WORK_OF_ART: context decides
            else:
                continue
        if label == "NORP" and any(_is_org_word(w) for w in span.split()):
            label = "ORG"  # "the Communist Party", "the Uyghur Human Rights Project"
        for start, end in trim_span(text, start_char, end_char, label):
            cands.append(Cand(0, start, end, text[start:end], label, weak=headline(start)))
    cands.extend(rule_candidates(0, text, headline))
    outlets = {_outlet_key(doc.outlet)} if doc.outlet else set()
    cands = extend_left(join_adjacent(cands, texts), texts)
    datelines = {0: doc.dateline_place} if doc.dateline_place else {}
    _decide(cands, texts, outlets, datelines, settings)
    kept: dict[int, list[Cand]] = {0: []}
    for cand in cands:
        if cand.label and cand.label != "DROP":
            kept[0].append(cand)
        elif cand.label == "DROP":
            log.debug("%s: dropped %r (%s)", doc.id, cand.text, cand.reason)
    add_repeats(kept, texts)
    return non_overlapping(kept[0])


def _entity_type(label: str | None) -> EntityType:
    if label == "PERSON":
        return "PERSON"
    if label == "ORG":
        return "ORG"
    if label == "PLACE":
        return "PLACE"
    return "OTHER"


# --- spans -----------------------------------------------------------------


def _own_context(cand: Cand, text: str, outlets: set[str], dateline: str | None) -> str | None:
    """The label a span's own surroundings call for, if any (``PLACE_WEAK``: after
    a preposition; ``MODIFIER``: "the X copper mine", a name used as a modifier)."""
    s, e = cand.start, cand.end
    before = text[max(0, s - 40) : s]
    if ETHNIC.search(before):
        return "DROP"
    if _outlet_key(cand.text) in outlets:
        return "ORG"
    words = cand.text.split()
    if dateline and name_key(cand.text) == name_key(dateline):
        return "PLACE"
    if _DATELINE.match(text[e : e + 6]) and line_start(text, s) and cand.text.isupper():
        return "PLACE"  # "ZAISAN, Kazakhstan --", "ZELENOGORSK --"
    if cand.model in ("PERSON", "ORG", "RULE", "OTHER") and len(words) <= 4:
        if honorific_before(text, s) or right_age(text, e) or left_age(text, s):
            return "PERSON"
        cue = left_role(text, s)
        if cue is not None and cue.org_start < 0 and not any(_is_org_word(w) for w in words):
            return "PERSON"
        cue = right_role(text, e)
        if cue is not None and not any(_is_org_word(w) for w in words):
            return "PERSON"
    prev = before.rstrip().split()[-1:] if before.strip() else []
    if prev and prev[0].lower() in ORG_CONTEXT_NOUNS:
        return "ORG"
    if prev and prev[0] == "told" and cand.model in ("ORG", "PLACE") and len(words) == 1:
        return "ORG"  # "told Fergana": an outlet is told, a town is not
    if _PLACE_OF.search(before):
        return "PLACE"
    after = text[e : e + 20].split()
    if (
        after
        and after[0].strip(",.").lower() in PLACE_CONTEXT_NOUNS
        and (cand.model == "PLACE" or after[0][0].isupper())
    ):
        return "PLACE"  # "Almaty region", "Zelenogorsk District Court"
    if _PLACE_PREP.search(before) and len(words) == 1:
        return "PLACE_WEAK"
    if (
        len(words) == 1
        and re.search(r"\bthe\s+$", before)
        and re.match(r"\s+[a-z]", text[e : e + 3])
    ):
        return "MODIFIER"
    return None


_OUTLET_GENERIC = frozenset(
    _wordlist("news agency media daily times post online service com net org")
)


def _outlet_key(name: str) -> str:
    """Key of an outlet name without generic words ("Fergana News" ~ "Fergana")."""
    words = [w for w in re.split(r"[\s.]+", name) if w.lower() not in _OUTLET_GENERIC]
    return name_key(" ".join(words)) if words else name_key(name)


def _is_org_word(word: str) -> bool:
    return word.lower().strip(".,’'") in ORG_WORDS


def _reject_reason(cand: Cand) -> str | None:
    text = cand.text
    words = _WORD.findall(text)
    particle = len(words) > 1 and words[0].lower() in _PARTICLE_WORDS and words[1][0].isupper()
    if not words or not (text[0].isupper() or text[0].isdigit() or particle):
        return "not capitalised"
    if cand.model == "NORP":
        return "nationality or group (NORP)"
    if all(is_demonym_word(w) or w.lower() in GENERIC_NOUNS for w in words):
        return "demonym or generic group"
    if all(w.lower() in CALENDAR_WORDS or w.lower() in STOPWORDS for w in words):
        return "calendar word"
    if len(text) < 2 or text.startswith("@") or "http" in text:
        return "not a name"
    if len(words) > 7:
        return "too long"
    return None


def _person_shape(text: str) -> bool:
    """Capitalised tokens without organisation words, one of which carries a
    typical personal-name suffix ("Murager Alimuly", "Bagdat Asylbek")."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(not w[:1].isupper() or _is_org_word(w) or is_demonym_word(w) for w in words):
        return False
    return any(w.lower().endswith(PERSON_SUFFIXES) and len(w) >= 5 for w in words)


def _decide(  # noqa: C901 (to split with the entity rewrite (issue 13))
    cands: list[Cand],
    texts: list[str],
    outlets: set[str],
    datelines: dict[int, str],
    settings: EntitySettings,
) -> None:
    matcher = NameMatcher(settings.typo_min_len)
    for cand in cands:
        cand.key = matcher.name_key(cand.text)
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    ctx_votes: dict[str, set[str]] = defaultdict(set)
    weak_ctx: dict[str, set[str]] = defaultdict(set)
    strong_keys: set[str] = set()
    for cand in cands:
        cand.ctx = cand.ctx or _own_context(cand, texts[cand.doc], outlets, datelines.get(cand.doc))
        reason = _reject_reason(cand)
        if reason or cand.ctx == "DROP":
            cand.label = "DROP"
            cand.reason = reason or "preceded by 'ethnic'"
            continue
        key = cand.key
        weight = _WEAK_WEIGHT if cand.weak else _MODEL_WEIGHT
        if cand.model in ("PERSON", "ORG", "PLACE"):
            votes[key][cand.model] += weight
        if cand.ctx in ("PLACE_WEAK", "MODIFIER"):
            weak_ctx[key].add(cand.ctx)
            if cand.ctx == "PLACE_WEAK":
                votes[key]["PLACE"] += weight
        elif cand.ctx:
            votes[key][cand.ctx] += _CTX_WEIGHT * (0.5 if cand.weak else 1.0)
            ctx_votes[key].add(cand.ctx)
        if cand.model == "ORG" and _person_shape(cand.text):
            votes[key]["PERSON"] += 1.5 * weight
        if not cand.weak:
            strong_keys.add(key)

    def winner(key: str) -> str | None:
        v = votes.get(key)
        if not v:
            return None
        return max(sorted(v), key=lambda lab: v[lab])

    # Full person names per document (tokens usable for single-word mentions).
    person_token_lists: dict[int, list[str]] = defaultdict(list)
    corpus_token_list: list[str] = []
    for cand in cands:
        if cand.label == "DROP":
            continue
        key = cand.key
        words = cand.text.split()
        if len(words) >= 2 and winner(key) == "PERSON" and key in strong_keys:
            person_token_lists[cand.doc].extend(words)
            corpus_token_list.extend(words)
    doc_indexes = {doc: matcher.index(toks) for doc, toks in person_token_lists.items()}
    empty = matcher.index([])
    corpus_tokens = matcher.index(corpus_token_list)

    def person_tokens(doc: int) -> TokenIndex:
        return doc_indexes.get(doc, empty)

    key_counts: dict[str, int] = defaultdict(int)
    for cand in cands:
        key_counts[cand.key] += 1
    for cand in cands:
        if cand.label == "DROP":
            continue
        key = cand.key
        words = cand.text.split()
        label = winner(key)
        own = cand.ctx if cand.ctx in ("PERSON", "ORG", "PLACE") else None
        if len(words) == 1 and own is None and not ctx_votes[key] & {"PLACE", "ORG"}:
            v = votes[key]
            # A word the model mostly calls a place stays a place ("Sick Mexico" is no
            # reason to make every "Mexico" a person).
            mostly_place = v.get("PLACE", 0.0) > v.get("PERSON", 0.0) + 1.0
            if person_tokens(cand.doc).matches(cand.text) and not mostly_place:
                label = "PERSON"
        if own in ("PERSON", "ORG", "PLACE"):
            label = own
        if label is None:
            label = cand.model if cand.model in ("PERSON", "ORG", "PLACE") else None
        if label is None:
            cand.label = "DROP"
            cand.reason = "no label"
            continue
        if (
            label == "PERSON"
            and len(words) == 1
            and own is None
            and "PERSON" not in ctx_votes[key]
            and not corpus_tokens.matches(cand.text)
        ):
            # A lone word never named in full nor introduced as a person.
            if "PLACE_WEAK" in weak_ctx[key] or votes[key].get("PLACE"):
                label = "PLACE"
            elif "MODIFIER" in weak_ctx[key]:
                cand.label = "DROP"
                cand.reason = "a lone word used as a modifier (the X mine)"
                continue
        if cand.weak and key not in strong_keys and label != "PERSON":
            cand.label = "DROP"
            cand.reason = "only in a title-case headline"
            continue
        if cand.weak and key not in strong_keys and label == "PERSON":
            supported = any(corpus_tokens.matches(w) for w in words)
            if not supported:
                cand.label = "DROP"
                cand.reason = "only in a title-case headline"
                continue
        if label == "PERSON" and any(re.search(r"[A-Za-z]\d|\d[A-Za-z]", w) for w in words):
            cand.label = "DROP"
            cand.reason = "letters and digits mixed: a code, not a name (H1N1)"
            continue
        if label == "PERSON" and any(
            _is_org_word(w) or re.fullmatch(r"[A-Z]{2,5}|\d+", w) for w in words
        ):
            label = "ORG"  # "Migrationwatch UK", "Jackson 5": acronyms, numbers, org words
        if (
            label == "PERSON"
            and len(words) == 1
            and own is None
            and key_counts[key] == 1
            and line_start(texts[cand.doc], cand.start)
            and not corpus_tokens.matches(cand.text)
        ):
            cand.label = "DROP"
            cand.reason = "lone capitalised word at the start of a line"
            continue
        cand.label = label
