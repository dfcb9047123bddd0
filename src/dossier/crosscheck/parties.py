"""Who a frame is about, read from the parse: subjects, objects, agents, and what pronouns and
group nouns ("they", "the pair", "the two men") point back to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.crosscheck.reading import (
    NOMINAL,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    DocView,
    Mention,
)


@dataclass(frozen=True, slots=True)
class Party:
    """A participant (or a speaker): the story entities it names and, when it names none,
    the head nouns it is written with ("workers", "the court")."""

    entities: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    text: str = ""
    persons: frozenset[str] = frozenset()  # the entities that are people

    def __bool__(self) -> bool:
        return bool(self.entities or self.nouns)

    def agrees(self, other: Party, people: frozenset[str] = frozenset()) -> bool:
        """Nothing shows they are different: they share a story entity, or one of them names
        none; two groups of people named by common nouns ("the workers", "her clients")
        differ when they share no noun (other common nouns never tell parties apart: "the
        oil" and "the spill" may be one thing)."""
        if self.entities and other.entities:
            return bool(self.entities & other.entities)
        if self.entities or other.entities or not (self.nouns and other.nouns):
            return True
        if (self.nouns | other.nouns) & people:
            return bool(self.nouns & other.nouns)
        return True

    def same(self, other: Party) -> bool:
        """Positively the same: a shared entity, or (with no entities) a shared noun."""
        if self.entities and other.entities:
            return bool(self.entities & other.entities)
        return bool(self.nouns & other.nouns) and not (self.entities or other.entities)

    def key(self) -> str:
        """A stable name for grouping statements by who makes them."""
        if self.entities:
            return "entity:" + ",".join(sorted(self.entities))
        if self.nouns:
            return "noun:" + ",".join(sorted(self.nouns))
        return ""


NOBODY = Party()


@dataclass(slots=True)
class Context:
    """What a paragraph has named so far, for pronouns and group nouns."""

    main: frozenset[str] = frozenset()  # the story's protagonists
    persons: tuple[str, ...] = ()  # PERSON entities of the last sentence naming any, in order
    sentence_start: int = 0  # where the sentence being read starts
    group: frozenset[str] = frozenset()  # the last two or more persons named together
    types: dict[str, str] = field(default_factory=dict)  # entity id -> type

    def saw(self, persons: Sequence[str]) -> None:
        if persons:
            self.persons = tuple(dict.fromkeys(persons))
            if len(self.persons) >= 2:
                self.group = frozenset(self.persons)

    def new_paragraph(self) -> None:
        self.group = frozenset()


def party(
    view: DocView, heads: Sequence[int], ctx: Context, skip: frozenset[int] = frozenset()
) -> Party:
    """The party named by the noun phrases headed by ``heads`` (and their conjuncts);
    ``skip``: nouns that are the unit of an amount ("5,000 barrels"), not a participant."""
    entities: set[str] = set()
    persons: set[str] = set()
    nouns: set[str] = set()
    spans: list[tuple[int, int]] = []
    for head in heads:
        for token in view.conjuncts(head):
            phrase = view.phrase_tokens(token)
            start, end = view.span_of(phrase)
            spans.append((start, end))
            named = _named(view, token, start, end)
            entities.update(m.entity_id for m in named)
            persons.update(m.entity_id for m in named if m.type == "PERSON")
            if named:
                continue
            found = _named_apart(view, token) | _referents(view, token, ctx)
            entities.update(found)
            persons.update(found)
            if view.pos(token) in NOMINAL and not entities and token not in skip:
                nouns.add(view.lemma(token))  # "the workers"; "Uyghurs" when not an entity
    text = " ".join(view.text[a:b] for a, b in spans)
    return Party(frozenset(entities), frozenset(nouns), text, frozenset(persons))


def _named(view: DocView, token: int, start: int, end: int) -> list[Mention]:
    """The story entities a noun phrase names: people and organisations, and a place only
    when the phrase is that place ("China said"; not "a court in Zelenogorsk")."""
    mentions = view.mentions_in(start, end)
    actors = [m for m in mentions if m.type in ("PERSON", "ORG")]
    if actors or view.pos(token) == "NOUN":
        return actors
    head_start, head_end = view.parse.starts[token], view.parse.ends[token]
    return [m for m in mentions if m.start < head_end and head_start < m.end]


def _named_apart(view: DocView, token: int) -> frozenset[str]:
    """ "an ethnic-Kazakh man from Xinjiang, Tilek Tabarikuly": the name a person noun's
    phrase gives in an apposition the parser hung further down."""
    if view.lemma(token) not in view.lexicon.person_nouns:
        return frozenset()
    todo = [token]
    found: set[str] = set()
    for _ in range(6):
        if not todo:
            break
        step = []
        for t in todo:
            for c in view.children[t]:
                if view.dep(c) in ("appos", "npadvmod") and view.pos(c) == "PROPN":
                    start, end = view.span_of(view.phrase_tokens(c))
                    found.update(
                        m.entity_id for m in view.mentions_in(start, end) if m.type == "PERSON"
                    )
                elif view.dep(c) in ("pobj", "prep"):
                    step.append(c)
        todo = step
    return frozenset(found)


def _referents(view: DocView, token: int, ctx: Context) -> frozenset[str]:
    """Who a pronoun or a group noun ("the pair", "the two men", "both") refers to."""
    pos = view.pos(token)
    lemma = view.lemma(token)
    morph = view.parse.morphs[token]
    cues = view.lexicon.language.claims
    plural = "Number=Plur" in morph
    if pos == "PRON":
        if "PronType=Prs" not in morph or "Person=3" not in morph:
            return frozenset()
        if plural:
            return ctx.group or ctx.main
        if "Gender=Neut" in morph:
            return frozenset()
        before = [
            m.entity_id
            for m in view.mentions_in(ctx.sentence_start, view.parse.starts[token])
            if m.type == "PERSON"
        ]
        persons = tuple(dict.fromkeys(before)) or ctx.persons
        if not persons:
            return frozenset()
        # "he" continues the subject (named first); "him" the object (named last): "Judge X
        # sentenced Y but refused to hand him over" -> Y. The story's protagonist, when
        # among them, is whom a later pronoun most often means.
        main = [p for p in persons if p in ctx.main]
        if main and not before:
            return frozenset({main[0]})
        return frozenset({persons[-1] if view.dep(token) in OBJECTS else persons[0]})
    group_noun = lemma in cues.group_nouns
    people = lemma in view.lexicon.person_nouns and plural
    definite = any("Definite=Def" in view.parse.morphs[c] for c in view.kids(token))
    if group_noun or (people and definite):
        return ctx.group or ctx.main
    return frozenset()


def arguments(view: DocView, verb: int) -> tuple[list[int], list[int], bool]:
    """Agent and patient heads of a verb, and whether it is passive."""
    kids = view.children[verb]
    deps = [view.dep(c) for c in kids]
    passive = "auxpass" in deps or any(d in PASSIVE_SUBJECTS for d in deps)
    if not passive and view.dep(verb) == "acl" and view.parse.tags[verb] == "VBN":
        passive = True  # "two men charged with ..."
    agents = [c for c in kids if view.dep(c) in SUBJECTS and view.pos(c) != "SCONJ"]
    patients = [c for c in kids if view.dep(c) in PASSIVE_SUBJECTS]
    if passive:
        for by in view.kids(verb, "agent"):
            agents.extend(view.kids(by, "pobj"))
        if view.dep(verb) == "acl" and not patients:
            patients.append(view.head(verb))
    else:
        patients.extend(c for c in kids if view.dep(c) in ("dobj", "dative"))
    if view.dep(verb) == "relcl":
        noun = view.head(verb)
        agents = [noun if _relative(view, a) else a for a in agents]
        patients = [noun if _relative(view, p) else p for p in patients]
        if not agents and not patients:
            agents = [noun]
    if (not agents and not patients) or (not agents and not passive):
        inherited = inherited_subject(view, verb)
        if inherited is not None:
            (patients if passive else agents).append(inherited)
    return _nominal(view, agents), _nominal(view, patients), passive


def _relative(view: DocView, token: int) -> bool:
    # not language: Penn tags of relative pronouns (who, which, that)
    return view.parse.tags[token] in ("WP", "WDT", "WP$")


def inherited_subject(view: DocView, verb: int) -> int | None:
    """An xcomp or a conjoined verb without a subject takes its governor's:
    "X refused to resign", "police arrested him in March and released him in June"."""
    node = verb
    for _ in range(4):
        link = view.dep(node)
        if link not in ("xcomp", "conj", "advcl") or view.head(node) == node:
            return None
        node = view.head(node)
        # Object control: "prompted many Kazakhs to cross", "urged the police to act".
        objects = view.kids(node, "dobj") if link == "xcomp" else []
        subjects = objects or [
            c for c in view.children[node] if view.dep(c) in SUBJECTS | PASSIVE_SUBJECTS
        ]
        if subjects:
            return subjects[0]
    return None


def _nominal(view: DocView, tokens: Sequence[int]) -> list[int]:
    return [t for t in tokens if view.pos(t) in NOMINAL | {"PRON", "NUM", "ADJ"}]


def event_noun_parties(view: DocView, noun: int, ctx: Context) -> Party:
    """Whom an event noun is about: "their trial", "the deportation of two men", "the
    proceedings against the pair", "the Murray trial"."""
    heads = list(view.kids(noun, "poss"))
    for prep in view.kids(noun, "prep"):
        if view.lemma(prep) in view.lexicon.language.claims.participant_words:
            heads.extend(view.kids(prep, "pobj"))
    heads.extend(c for c in view.kids(noun, "compound") if view.pos(c) == "PROPN")
    return party(view, heads, ctx) if heads else NOBODY
