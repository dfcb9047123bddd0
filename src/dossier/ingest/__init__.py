"""Stage 1, ingest: files and folders in, :class:`~dossier.model.Document` records out."""

from dossier.ingest.reader import read_inputs
from dossier.ingest.settings import IngestSettings

__all__ = ["IngestSettings", "read_inputs"]
