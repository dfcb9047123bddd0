"""Stage 1, ingest: files and folders in, :class:`~dossier.model.Document` records out."""

from dossier.ingest.files import Skipped
from dossier.ingest.reader import ENCODING_REPAIRED, read_inputs, skipped_inputs
from dossier.ingest.settings import IngestSettings

__all__ = ["ENCODING_REPAIRED", "IngestSettings", "Skipped", "read_inputs", "skipped_inputs"]
