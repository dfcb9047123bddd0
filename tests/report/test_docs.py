"""docs/output.md must explain every field dossier.json has."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.report import corpus_to_json

from .sample import sample_corpus

DOC = Path(__file__).resolve().parents[2] / "docs" / "output.md"

# Objects whose keys are data (attribute names), not fields.
_DATA_KEYED = ("attributes",)


def _field_names(value: object, parent: str = "", out: set[str] | None = None) -> set[str]:
    out = set() if out is None else out
    if isinstance(value, dict):
        if parent in _DATA_KEYED:
            return out
        for key, child in value.items():
            out.add(key)
            _field_names(child, key, out)
    elif isinstance(value, list):
        for child in value:
            _field_names(child, parent, out)
    return out


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_every_field_is_documented() -> None:
    code = re.findall(r"`([^`]+)`", DOC.read_text(encoding="utf-8"))
    documented = {word for span in code for word in re.findall(r"[a-z_]+", span)}
    fields = _field_names(corpus_to_json(sample_corpus(), include_raw=True))
    assert sorted(fields - documented) == []


def test_every_top_level_field_is_in_the_top_level_table() -> None:
    table = _section(DOC.read_text(encoding="utf-8"), "## Top level")
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M))
    assert set(corpus_to_json(sample_corpus())) <= rows


def test_every_story_and_document_field_has_a_row() -> None:
    text = DOC.read_text(encoding="utf-8")
    data = corpus_to_json(sample_corpus(), include_raw=True)
    for heading, record in (
        ("## `documents[]`", data["documents"][0]),
        ("## `stories[]`", data["stories"][0]),
        ("### `entities[]`", data["stories"][0]["entities"][0]),
        ("### `events[]`", data["stories"][0]["events"][0]),
    ):
        start = text.index(heading)
        table = text[start : text.find("\n#", start + len(heading))]
        rows = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M))
        assert sorted(set(record) - rows) == [], heading
