"""Group documents into stories."""

from dossier.stories.corrections import apply_corrections, document_key
from dossier.stories.grouping import distinct_size, group_stories

__all__ = ["apply_corrections", "distinct_size", "document_key", "group_stories"]
