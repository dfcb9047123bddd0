"""Outputs: the ``dossier/1`` JSON (``docs/output.md``) and the self-contained HTML report."""

from dossier.report.checks import check_citations, validate_against_contract
from dossier.report.html import render_report
from dossier.report.json_out import SCHEMA_ID, corpus_from_json, corpus_to_json, story_to_json

__all__ = [
    "SCHEMA_ID",
    "check_citations",
    "corpus_from_json",
    "corpus_to_json",
    "render_report",
    "story_to_json",
    "validate_against_contract",
]
