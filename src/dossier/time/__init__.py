"""Stages 4 and 8, time: publication dates, temporal expressions, dated events.

- :func:`tag_time_expressions` finds and normalises temporal expressions (stable API).
- :func:`date_documents` (stage 4) sets each ok document's publication date, flags
  and time expressions.
- :func:`extract_events` (stage 8) builds dated events merged across documents.
"""

from dossier.time.events import extract_events
from dossier.time.pubdate import date_documents
from dossier.time.settings import TimeSettings
from dossier.time.timex import tag_time_expressions

__all__ = ["TimeSettings", "date_documents", "extract_events", "tag_time_expressions"]
