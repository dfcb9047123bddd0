"""Score resolved entities against a gold entity table (tests/gold/entities_*.json).

- precision: share of PERSON/ORG/PLACE entities whose name or an alias is a surface form of a
  gold entity of the same type (or an allowed extra); ``person_precision`` the same over
  PERSON entities only;
- recall: share of gold entities some entity of the same type carries; ``person_recall``
  over gold people only;
- merge_f1: pairwise F1 over surface forms: two forms are "merged" when one entity carries
  both; gold pairs are forms of one gold entity (restricted to forms the system produced);
- false_merges: entities carrying forms of two different gold entities;
- role_recall / age_recall: gold roles and ages found on the matching entities;
  wrong_roles: roles a gold person must not get ("not_roles") that they got;
- description links (when the gold lists ``descriptions`` and the documents are given):
  each gold description ("the prosecutor" in a quoted context) names the person or people it
  refers to, or none; a link is right when the entities linked to that span are exactly
  those people. Precision counts every link the system made (also on spans the gold does
  not list: the gold lists every definite description headed by a role noun), recall every
  gold description with a referent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from dossier.model import Document, Entity

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold"
_TYPES = {"people": "PERSON", "organisations": "ORG", "places": "PLACE"}


def load_gold(name: str) -> dict[str, Any]:
    return json.loads((GOLD_DIR / name).read_text(encoding="utf-8"))


def load_floors() -> dict[str, dict[str, float]]:
    return json.loads((GOLD_DIR / "entities_floors.json").read_text(encoding="utf-8"))


@dataclass
class Score:
    precision: float
    recall: float
    merge_f1: float
    role_recall: float
    age_recall: float
    person_precision: float = 1.0
    person_recall: float = 1.0
    description_precision: float = 1.0
    description_recall: float = 1.0
    description_f1: float = 1.0
    false_merges: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    missed_roles: list[str] = field(default_factory=list)
    wrong_roles: list[str] = field(default_factory=list)
    must_not_found: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        names = (
            "precision",
            "recall",
            "merge_f1",
            "role_recall",
            "age_recall",
            "person_precision",
            "person_recall",
            "description_precision",
            "description_recall",
            "description_f1",
        )
        return {n: round(getattr(self, n), 4) for n in names}

    def report(self, name: str) -> str:
        return (
            f"{name}: {self.as_dict()} missed={self.missed} fp={self.false_positives} "
            f"false_merges={self.false_merges} missed_roles={self.missed_roles} "
            f"wrong_roles={self.wrong_roles} must_not={self.must_not_found} "
            f"wrong_links={self.wrong_links} missed_links={self.missed_links}"
        )


def _forms(entity: Entity) -> set[str]:
    return {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


class _Gold:
    def __init__(self, gold: Mapping[str, Any]) -> None:
        self.entries: list[tuple[str, dict[str, Any]]] = [
            (etype, g) for section, etype in _TYPES.items() for g in gold.get(section, [])
        ]
        self.owner: dict[tuple[str, str], int] = {}
        for gi, (etype, g) in enumerate(self.entries):
            for alias in g["aliases"]:
                self.owner[(etype, alias.casefold())] = gi
        self.by_name = {g["name"]: gi for gi, (_, g) in enumerate(self.entries)}
        self.allowed = {a.casefold() for a in gold.get("allowed_extra", [])}
        self.must_not = {a.casefold() for a in gold.get("must_not", [])}

    def owners(self, e: Entity) -> set[int]:
        return {self.owner[(e.type, f)] for f in _forms(e) if (e.type, f) in self.owner}


def score(
    entities: Sequence[Entity], gold: Mapping[str, Any], docs: Sequence[Document] = ()
) -> Score:
    g = _Gold(gold)
    system = [e for e in entities if e.type in ("PERSON", "ORG", "PLACE")]
    correct = {"all": 0, "PERSON": 0}
    false_positives: list[str] = []
    false_merges: list[str] = []
    matched: dict[int, list[Entity]] = {}
    must_not_found: list[str] = []
    produced: set[tuple[str, str]] = set()
    for e in system:
        forms = _forms(e)
        produced |= {(e.type, f) for f in forms}
        must_not_found += sorted(forms & g.must_not)
        owners = g.owners(e)
        if len(owners) > 1:
            false_merges.append(f"{e.name}: {sorted(forms)}")
        for gi in owners:
            matched.setdefault(gi, []).append(e)
        if len(owners) == 1 or (not owners and forms & g.allowed):
            correct["all"] += 1
            correct["PERSON"] += e.type == "PERSON"
        elif not owners:
            false_positives.append(f"{e.type} {e.name}")
    people = [e for e in system if e.type == "PERSON"]
    gold_people = [gi for gi, (t, _) in enumerate(g.entries) if t == "PERSON"]
    missed = [g.entries[gi][1]["name"] for gi in range(len(g.entries)) if gi not in matched]
    missed_people = [gi for gi in gold_people if gi not in matched]
    roles = _roles(g, matched)
    links = _links(g, entities, gold, docs)
    return Score(
        precision=correct["all"] / len(system) if system else 1.0,
        recall=(len(g.entries) - len(missed)) / len(g.entries) if g.entries else 1.0,
        merge_f1=_merge_f1(g, system, produced),
        role_recall=roles["role_recall"],
        age_recall=roles["age_recall"],
        person_precision=correct["PERSON"] / len(people) if people else 1.0,
        person_recall=(len(gold_people) - len(missed_people)) / len(gold_people)
        if gold_people
        else 1.0,
        description_precision=links["precision"],
        description_recall=links["recall"],
        description_f1=_f1(links["precision"], links["recall"]),
        false_merges=false_merges,
        false_positives=false_positives,
        missed=missed,
        missed_roles=roles["missed"],
        wrong_roles=roles["wrong"],
        must_not_found=must_not_found,
        wrong_links=links["wrong"],
        missed_links=links["missed"],
    )


def _merge_f1(g: _Gold, system: list[Entity], produced: set[tuple[str, str]]) -> float:
    gold_pairs: set[frozenset[tuple[str, str]]] = set()
    for etype, entry in g.entries:
        forms = sorted({(etype, a.casefold()) for a in entry["aliases"]} & produced)
        gold_pairs |= {frozenset(p) for p in combinations(forms, 2)}
    sys_pairs: set[frozenset[tuple[str, str]]] = set()
    for e in system:
        forms = sorted({(e.type, f) for f in _forms(e)} & set(g.owner))
        sys_pairs |= {frozenset(p) for p in combinations(forms, 2)}
    tp = len(gold_pairs & sys_pairs)
    p = tp / len(sys_pairs) if sys_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return _f1(p, r)


def _roles(g: _Gold, matched: dict[int, list[Entity]]) -> dict[str, Any]:
    roles_total = roles_found = ages_total = ages_found = 0
    missed: list[str] = []
    wrong: list[str] = []
    for gi, (etype, entry) in enumerate(g.entries):
        if etype != "PERSON":
            continue
        found_roles = {r for e in matched.get(gi, []) for r in e.role_names}
        found_ages = {a.value for e in matched.get(gi, []) for a in e.attributes if a.name == "age"}
        for role in entry.get("roles", []):
            roles_total += 1
            if role in found_roles:
                roles_found += 1
            else:
                missed.append(f"{entry['name']}: {role}")
        wrong += [f"{entry['name']}: {r}" for r in entry.get("not_roles", []) if r in found_roles]
        for age in entry.get("ages", []):
            ages_total += 1
            ages_found += age in found_ages
    return {
        "role_recall": roles_found / roles_total if roles_total else 1.0,
        "age_recall": ages_found / ages_total if ages_total else 1.0,
        "missed": missed,
        "wrong": wrong,
    }


def _links(
    g: _Gold, entities: Sequence[Entity], gold: Mapping[str, Any], docs: Sequence[Document]
) -> dict[str, Any]:
    """Description links scored span by span (see the module docstring)."""
    listed = gold.get("descriptions", [])
    if not listed or not docs:
        return {"precision": 1.0, "recall": 1.0, "wrong": [], "missed": []}
    texts = {d.id: d.clean_text for d in docs}
    # (doc, start, end) of each system link -> the gold people of the entities linked there
    made: dict[tuple[str, int, int], set[int]] = {}
    for e in entities:
        owners = g.owners(e) if e.type == "PERSON" else set()
        for link in getattr(e, "descriptions", ()):
            key = (link.citation.doc, link.citation.start, link.citation.end)
            made.setdefault(key, set()).update(owners or {-1})
    tp = fp = with_referent = 0
    wrong: list[str] = []
    missed: list[str] = []
    claimed: set[tuple[str, int, int]] = set()
    for item in listed:
        text = texts.get(item["doc"], "")
        at = text.find(item["context"])
        if at < 0:
            raise ValueError(f"gold description context not in {item['doc']}: {item['context']!r}")
        start = at + item["context"].index(item["text"])
        end = start + len(item["text"])
        refs = item["refers_to"]
        want = {g.by_name[r] for r in ([refs] if isinstance(refs, str) else refs or [])}
        hits = [k for k in made if k[0] == item["doc"] and k[1] < end and start < k[2]]
        claimed.update(hits)
        got = set().union(*(made[k] for k in hits)) if hits else set()
        with_referent += bool(want)
        if got and got == want:
            tp += 1
        elif got:
            fp += 1
            wrong.append(f"{item['doc']}: {item['text']!r} -> {sorted(got)} (gold {sorted(want)})")
        elif want:
            missed.append(f"{item['doc']}: {item['context']!r}")
    for key in made.keys() - claimed:
        fp += 1
        doc, s, e = key
        wrong.append(f"{doc}: {texts.get(doc, '')[s:e]!r} (not a listed description)")
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / with_referent if with_referent else 1.0,
        "wrong": wrong,
        "missed": missed,
    }
