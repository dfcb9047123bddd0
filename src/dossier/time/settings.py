from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeSettings:
    day_first: bool | None = None  # force day/month order for numeric dates; None = infer
