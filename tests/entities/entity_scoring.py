"""Score resolved entities against a gold entity table (tests/gold/entities_*.json).

- precision: share of PERSON/ORG/PLACE entities whose name or an alias is a
  surface form of a gold entity of the same type (or an allowed extra);
- recall: share of gold entities some entity of the same type carries;
- merge_f1: pairwise F1 over surface forms: two forms are "merged" when one
  entity carries both; gold pairs are forms of one gold entity (restricted to
  forms the system produced at all);
- false_merges: entities carrying forms of two different gold entities;
- role_recall / age_recall: gold roles and ages found on the matching entities.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from dossier.model import Entity

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
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
    false_merges: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    missed_roles: list[str] = field(default_factory=list)
    must_not_found: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "merge_f1": round(self.merge_f1, 4),
            "role_recall": round(self.role_recall, 4),
            "age_recall": round(self.age_recall, 4),
        }


def _forms(entity: Entity) -> set[str]:
    return {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}


def score(entities: tuple[Entity, ...] | list[Entity], gold: dict[str, Any]) -> Score:
    golds: list[tuple[str, dict[str, Any]]] = [
        (etype, g) for section, etype in _TYPES.items() for g in gold.get(section, [])
    ]
    owner: dict[tuple[str, str], int] = {}
    for gi, (etype, g) in enumerate(golds):
        for alias in g["aliases"]:
            owner[(etype, alias.casefold())] = gi
    allowed = {a.casefold() for a in gold.get("allowed_extra", [])}
    must_not = {a.casefold() for a in gold.get("must_not", [])}
    system = [e for e in entities if e.type in ("PERSON", "ORG", "PLACE")]

    correct = 0
    false_positives: list[str] = []
    false_merges: list[str] = []
    matched: dict[int, list[Entity]] = {}
    must_not_found: list[str] = []
    produced: set[tuple[str, str]] = set()
    for e in system:
        forms = _forms(e)
        produced |= {(e.type, f) for f in forms}
        must_not_found += sorted(forms & must_not)
        owners = {owner[(e.type, f)] for f in forms if (e.type, f) in owner}
        if len(owners) > 1:
            false_merges.append(f"{e.name}: {sorted(forms)}")
        for gi in owners:
            matched.setdefault(gi, []).append(e)
        if (owners and len(owners) == 1) or (not owners and forms & allowed):
            correct += 1
        elif not owners:
            false_positives.append(f"{e.type} {e.name}")
    precision = correct / len(system) if system else 1.0
    missed = [golds[gi][1]["name"] for gi in range(len(golds)) if gi not in matched]
    recall = (len(golds) - len(missed)) / len(golds) if golds else 1.0

    gold_pairs: set[frozenset[tuple[str, str]]] = set()
    for etype, g in golds:
        forms = sorted({(etype, a.casefold()) for a in g["aliases"]} & produced)
        gold_pairs |= {frozenset(p) for p in combinations(forms, 2)}
    sys_pairs: set[frozenset[tuple[str, str]]] = set()
    for e in system:
        forms = sorted({(e.type, f) for f in _forms(e)} & set(owner))
        sys_pairs |= {frozenset(p) for p in combinations(forms, 2)}
    tp = len(gold_pairs & sys_pairs)
    p = tp / len(sys_pairs) if sys_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    merge_f1 = 2 * p * r / (p + r) if p + r else 0.0

    roles_total = roles_found = ages_total = ages_found = 0
    missed_roles: list[str] = []
    for gi, (etype, g) in enumerate(golds):
        if etype != "PERSON":
            continue
        found_roles = {r for e in matched.get(gi, []) for r in e.role_names}
        found_ages = {a.value for e in matched.get(gi, []) for a in e.attributes if a.name == "age"}
        for role in g.get("roles", []):
            roles_total += 1
            if role in found_roles:
                roles_found += 1
            else:
                missed_roles.append(f"{g['name']}: {role}")
        for age in g.get("ages", []):
            ages_total += 1
            ages_found += age in found_ages
    return Score(
        precision=precision,
        recall=recall,
        merge_f1=merge_f1,
        role_recall=roles_found / roles_total if roles_total else 1.0,
        age_recall=ages_found / ages_total if ages_total else 1.0,
        false_merges=false_merges,
        false_positives=false_positives,
        missed=missed,
        missed_roles=missed_roles,
        must_not_found=must_not_found,
    )
