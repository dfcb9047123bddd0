"""Named points where a test can kill the process, to check that nothing is lost.

``DOSSIER_CRASH_AT=<point>`` in the environment makes the process kill itself (SIGKILL: no
cleanup, no ``finally``) when it reaches that point; without it a checkpoint does nothing.
The points of an update, in order: ``computed`` (everything computed, nothing written),
``written`` (inside the store's transaction, rows written, not committed),
``outputs-prepared`` (the new output files written beside the old ones, not committed),
``committed`` (the store committed, outputs not yet in place), ``renamed-first`` (one
output in place), ``renamed`` (all in place, not yet recorded as done).
"""

from __future__ import annotations

import os
import signal

ENV = "DOSSIER_CRASH_AT"


def checkpoint(name: str) -> None:
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
