"""Stages 5 and 7, entities: mentions in clean text, then people, organisations
and places merged across spellings and outlets, with cited roles and attributes."""

from dossier.entities.ner import find_mentions
from dossier.entities.resolve import resolve_entities
from dossier.entities.roles import RoleConflict, role_conflicts
from dossier.entities.settings import EntitySettings

__all__ = ["EntitySettings", "RoleConflict", "find_mentions", "resolve_entities", "role_conflicts"]
