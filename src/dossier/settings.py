"""All settings, one frozen dataclass per stage, gathered in :class:`Settings`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from dossier.clean.settings import CleanSettings
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.dedup.settings import DedupSettings
from dossier.entities.settings import EntitySettings
from dossier.ingest.settings import IngestSettings
from dossier.limits.settings import LimitSettings
from dossier.nlp.settings import LanguageSettings, ParseSettings
from dossier.stories.settings import StorySettings
from dossier.summarize.settings import SummarySettings
from dossier.time.settings import TimeSettings


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    parse: ParseSettings = field(default_factory=ParseSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    crosscheck: CrosscheckSettings = field(default_factory=CrosscheckSettings)
    summarize: SummarySettings = field(default_factory=SummarySettings)
    limits: LimitSettings = field(default_factory=LimitSettings)


def for_today(settings: Settings, today: dt.date) -> Settings:
    """``settings`` with the run's today (the CLI and the web server read the clock once;
    stages read only this): nothing is published after it."""
    return replace(settings, time=replace(settings.time, today=today.isoformat()))
