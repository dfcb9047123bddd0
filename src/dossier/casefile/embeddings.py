"""Sentence embeddings kept in the store: a claim embedded once is never embedded again.

Cross-checking a story that gained one article embeds that article's claims only; the
others come from the store (``stage_cache``, stage ``embedding``, keyed by the sentence and
by the model and arithmetic that computed it, as raw float32).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dossier.store.context import cache_get

STAGE = "embedding"


def _key(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:32]


class EmbeddingCache:
    def __init__(self, conn: sqlite3.Connection, version: str) -> None:
        self.conn = conn
        self.version = version
        self._new: dict[str, tuple[str, bytes]] = {}
        self.hits = 0
        self.misses = 0

    def embed(self, sentences: Sequence[str], compute: Callable[[list[str]], Any]) -> np.ndarray:
        keys = [_key(s) for s in sentences]
        found = {k: v[1] for k, v in self._new.items() if k in set(keys)}
        rest = sorted(set(keys) - set(found))
        if rest:
            found.update(
                (k, v[1]) for k, v in cache_get(self.conn, STAGE, self.version, rest).items()
            )
        todo: dict[str, str] = {}
        for key, sentence in zip(keys, sentences, strict=True):
            if key not in found:
                todo.setdefault(key, sentence)
        self.hits += len(sentences) - len(todo)
        self.misses += len(todo)
        if todo:
            vectors = np.asarray(compute(list(todo.values())), dtype=np.float32)
            for key, vector in zip(todo, vectors, strict=True):
                blob = vector.astype("<f4").tobytes()
                found[key] = blob
                self._new[key] = ("", blob)
        if not keys:
            return np.asarray(compute([]), dtype=np.float32)
        return np.stack([np.frombuffer(found[k], dtype="<f4") for k in keys])

    def pending(self) -> dict[str, tuple[str, bytes]]:
        return self._new
