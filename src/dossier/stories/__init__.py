"""Group documents into stories."""

from dossier.stories.grouping import group_stories, similarity_matrix

__all__ = ["group_stories", "similarity_matrix"]
