"""Checks on a written ``dossier.json``: the JSON Schema contract and the citations."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path

_CITATION_KEYS = frozenset({"doc", "start", "end", "quote"})


CONTRACT_FILE = "dossier.schema.json"


def contract_schema() -> dict[str, object]:
    """The ``dossier/1`` JSON Schema shipped inside the package."""
    text = resources.files("dossier.report").joinpath(CONTRACT_FILE).read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


def validate_against_contract(data: object, schema_path: str | Path | None = None) -> list[str]:
    """Every way ``data`` breaks the JSON Schema (Draft 2020-12) at ``schema_path``
    (default: the ``dossier/1`` contract shipped with the package).

    Each message starts with the JSON path of the offending value; an empty
    list means the data satisfies the contract. Raises ``OSError`` or
    ``ValueError`` when ``schema_path`` cannot be read as JSON.
    """
    from jsonschema import Draft202012Validator  # imported here: it takes a second to load

    if schema_path is None:
        schema = contract_schema()
    else:
        schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{e.json_path}: {e.message}" for e in errors]


def check_citations(data: Mapping[str, object]) -> list[str]:
    """Every citation in ``data`` whose quote is not ``clean_text[start:end]`` of its document.

    A citation is any object with (at least) the keys ``doc``, ``start``,
    ``end`` and ``quote``, wherever it appears under ``stories``.
    """
    texts: dict[str, str] = {}
    documents = data.get("documents")
    for doc in documents if isinstance(documents, list) else []:
        if isinstance(doc, dict) and isinstance(doc.get("id"), str):
            texts[doc["id"]] = str(doc.get("clean_text", ""))
    problems: list[str] = []
    for path, cite in _citations(data.get("stories", []), "$.stories"):
        doc_id, start, end, quote = cite["doc"], cite["start"], cite["end"], cite["quote"]
        if doc_id not in texts:
            problems.append(f"{path}: cites unknown document {doc_id!r}")
            continue
        text = texts[doc_id]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{path}: span {start}:{end} is outside document {doc_id!r}")
        elif text[start:end] != quote:
            problems.append(
                f"{path}: {doc_id}[{start}:{end}] is {text[start:end]!r}, not the quote {quote!r}"
            )
    return problems


def _citations(value: object, path: str) -> Iterator[tuple[str, dict[str, object]]]:
    if isinstance(value, dict):
        if value.keys() >= _CITATION_KEYS:
            yield path, value
            return
        for key, child in value.items():
            yield from _citations(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _citations(child, f"{path}[{i}]")
