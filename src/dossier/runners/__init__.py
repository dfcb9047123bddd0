"""Runners execute a stage list; the stages are the same whichever runner runs them."""

from dossier.runners.local import LocalRunner, StageTiming
from dossier.runners.progress import Progress
from dossier.runners.sharded import ShardedRunner

__all__ = ["LocalRunner", "Progress", "ShardedRunner", "StageTiming"]
