"""Grouping organisation and place mentions of one story.

Organisations merge on a normalised key, on acronyms defined in the text
("National Security Committee, or KNB"; "Human Rights Watch (HRW)"), and on
acronyms that spell a full name's initials ("UN" = "United Nations"). Places
merge on the phonetic key shared with person names (Zaisan = Zaysan = ZAISAN),
on renamings stated in the text ("Nur-Sultan, formerly Astana"), and on
administrative suffixes ("Xinjiang province" = "Xinjiang").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from anyascii import anyascii

from dossier.entities.lexicon import is_demonym_word, words
from dossier.entities.names import name_key, within_one_edit
from dossier.model import Document, Mention
from dossier.unionfind import UnionFind

_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$|^[A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,8}$")
_DEFINE_AFTER = re.compile(
    r"^\s*(?:\(\s*|,\s*(?:or|known as|also known as|better known as)\s+(?:the\s+)?)"
    r"(?P<acr>[A-Z](?:[A-Z&]|\.(?=[A-Z])){1,9}\.?)(?=\)|[\s,;.]|$)"
)
_APPOSED = re.compile(r"^\s*(?:\(|,\s*(?:or|known as|also known as)\s+)\s*(?:the\s+)?$")
_COUNTRY_WORDS = frozenset(words("us u s uk un eu national federal state"))
_FUNCTION_WORDS = frozenset(words("of the and for on in at to de du des la le"))
_RENAME = re.compile(
    r"^\s*(?:,|\()\s*(?:formerly|previously|once|earlier|now|currently|renamed|"
    r"formerly known as|then known as|then called|now called|now known as|also called|"
    r"also known as)"
    r"\s+(?:known\s+as\s+|called\s+)?$"
)
_ADMIN_WORDS = frozenset(
    words("province oblast prefecture autonomous krai okrug governorate region county")
)
_ADMIN_REQUIRED = frozenset(words("province oblast prefecture autonomous krai okrug governorate"))


@dataclass(slots=True)
class Group:
    """Mentions of one organisation or place."""

    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)


def org_key(text: str) -> str:
    t = anyascii(text)
    t = re.sub(r"^(?:the)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"['’]s$", "", t)
    if _ACRONYM.match(t.replace(".", "") if "." in t else t) and " " not in t:
        return t.replace(".", "").upper()
    return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()


def _near_names(a: str, b: str) -> bool:
    """Same words, except long words (7+ letters) that may differ by one edit."""
    pairs = list(zip(a.split(), b.split(), strict=True))
    return all(x == y or (min(len(x), len(y)) >= 7 and within_one_edit(x, y)) for x, y in pairs)


def _dominant(keys: list[str], counts: Counter[str]) -> str | None:
    """The one key among ``keys`` (or the one named far more often than the rest)."""
    if not keys:
        return None
    ranked = sorted(keys, key=lambda k: (-counts[k], k))
    rest = sum(counts[k] for k in ranked[1:])
    return ranked[0] if counts[ranked[0]] > 2 * rest else None


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper()


def _is_acronym(key: str) -> bool:
    return key.isupper() and " " not in key and 2 <= len(key) <= 8


def group_orgs(docs: Sequence[Document]) -> list[Group]:  # noqa: C901 (to split with the entity rewrite (issue 13))
    uf = UnionFind[str]()
    items: list[tuple[int, Mention, str]] = []
    for di, doc in enumerate(docs):
        orgs = sorted((m for m in doc.mentions if m.label == "ORG"), key=lambda m: m.start)
        for i, m in enumerate(orgs):
            key = org_key(m.text)
            if not key:
                continue
            uf.find(key)
            items.append((di, m, key))
            # Acronym defined right after the name.
            after = _DEFINE_AFTER.match(doc.clean_text[m.end : m.end + 40])
            if after and not _is_acronym(key):
                acr = after.group("acr").replace(".", "").upper()
                uf.union(key, acr)
            # Two names in apposition: "HRW (Human Rights Watch)", "X, or Y".
            if i + 1 < len(orgs):
                nxt = orgs[i + 1]
                between = doc.clean_text[m.end : nxt.start]
                other = org_key(nxt.text)
                spelled = _initials(key) == other or _initials(other) == key
                if _APPOSED.match(between) and ("(" not in between or spelled):
                    uf.union(key, other)
    keys = {k for _, _, k in items}
    full = [k for k in keys if not _is_acronym(k)]
    # British and American spellings, typos: "Organisation" = "Organization".
    by_size: dict[int, list[str]] = {}
    for k in sorted(full):
        by_size.setdefault(len(k.split()), []).append(k)
    for same in by_size.values():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if _near_names(a, b):
                    uf.union(a, b)
    # "Border Service" = "Kazakh Border Service": a name of two or more words that
    # ends exactly one longer name whose extra words are demonyms or country words.
    for short in full:
        words = short.split()
        if len(words) < 2:
            continue
        longer = [
            k
            for k in full
            if k != short
            and k.endswith(" " + short)
            and all(is_demonym_word(w) or w in _COUNTRY_WORDS for w in k[: -len(short)].split())
        ]
        if len(longer) == 1:
            uf.union(short, longer[0])
    for acr in (k for k in keys if _is_acronym(k)):
        matches = [k for k in full if len(k.split()) >= 2 and _initials(k) == acr]
        if len(matches) == 1:
            uf.union(acr, matches[0])
    return _collect(items, uf)


def place_key(text: str) -> str:
    t = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
    t = re.sub(r"['’]s$", "", t)
    return name_key(t.replace("-", " "))


def group_places(docs: Sequence[Document]) -> list[Group]:
    uf = UnionFind[str]()
    items: list[tuple[int, Mention, str]] = []
    for di, doc in enumerate(docs):
        places = sorted((m for m in doc.mentions if m.label == "PLACE"), key=lambda m: m.start)
        for i, m in enumerate(places):
            key = place_key(m.text)
            if not key:
                continue
            uf.find(key)
            items.append((di, m, key))
            if i + 1 < len(places):
                nxt = places[i + 1]
                between = doc.clean_text[m.end : nxt.start]
                if _RENAME.match(between) or (
                    re.fullmatch(r"\s*\(\s*", between)
                    and _is_acronym(nxt.text)
                    and _initials(org_key(m.text)) == nxt.text
                ):
                    uf.union(key, place_key(nxt.text))
    keys = {k for _, _, k in items}
    texts = {k: t for _, m, k in items for t in [m.text]}
    counts = Counter(k for _, _, k in items)
    # "US" = "United States", "UAE" = "United Arab Emirates": an all-capitals name that
    # spells the initials of exactly one longer place of the story.
    for key in keys:
        short = texts[key].replace(".", "")
        if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 5):
            continue
        spelled = [
            k for k in keys if len(texts[k].split()) >= 2 and _initials(org_key(texts[k])) == short
        ]
        best = _dominant(spelled, counts)
        if best is not None:
            uf.union(key, best)
    for key in keys:
        words = texts[key].split()
        for cut in range(len(words) - 1, 0, -1):
            head, tail = words[:cut], [w.lower() for w in words[cut:]]
            if not any(w in _ADMIN_REQUIRED for w in tail):
                continue
            if not all(w in _ADMIN_WORDS or is_demonym_word(w) for w in tail):
                continue
            head_key = place_key(" ".join(head))
            if head_key in keys:
                uf.union(key, head_key)
                break
    return _collect(items, uf)


def _collect(items: list[tuple[int, Mention, str]], uf: UnionFind[str]) -> list[Group]:
    groups: dict[str, Group] = {}
    for di, m, key in items:
        root = uf.find(key)
        group = groups.setdefault(root, Group())
        group.keys.add(key)
        group.mentions.append((di, m))
    return list(groups.values())


def canonical_org_name(group: Group) -> str:
    """Most frequent full (non-acronym) spelling, then the longest."""
    counts: dict[str, int] = {}
    for _, m in group.mentions:
        counts[m.text] = counts.get(m.text, 0) + 1
    full = [t for t in counts if not _is_acronym(org_key(t))]
    pool = full or list(counts)
    return max(pool, key=lambda t: (counts[t], len(t), t))


def canonical_place_name(group: Group) -> str:
    """Most frequent spelling; ties go to a full name over an acronym or all-capitals
    form, then to the first mentioned (the current name in "X, formerly Y")."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for di, m in group.mentions:
        counts[m.text] = counts.get(m.text, 0) + 1
        first[m.text] = min(first.get(m.text, (di, m.start)), (di, m.start))
    pool = [t for t in counts if not (t.isupper() and len(t) > 3)] or list(counts)

    def rank(t: str) -> tuple[int, int, int, int]:
        acronym = t.replace(".", "").isupper()
        return (counts[t], not acronym, -first[t][0], -first[t][1])

    return max(pool, key=rank)
