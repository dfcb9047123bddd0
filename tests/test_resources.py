"""Sentence embeddings: bfloat16 arithmetic stays within rounding of float32."""

from __future__ import annotations

import numpy as np

from dossier.resources import EMBEDDING_DIM, Resources, cpu_has_bfloat16

SENTENCES = [
    "The court in Norvik sentenced Tomas Varga to two years of probation.",
    "Varga was given a two-year suspended sentence by the Norvik court.",
    "Heavy rain flooded the lower town overnight.",
]


def test_bfloat16_and_float32_agree(resources: Resources) -> None:
    exact = Resources(embed_precision="float32")
    exact._embedder = resources.embedder  # the same loaded model, another precision
    fast = Resources(embed_precision="bfloat16")
    fast._embedder = resources.embedder
    a, b = exact.embed(SENTENCES), fast.embed(SENTENCES)
    assert a.shape == b.shape == (3, EMBEDDING_DIM)
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-3)
    assert (a * b).sum(axis=1).min() > 0.995
    # The paraphrase stays far closer than the unrelated sentence, in both.
    for v in (a, b):
        assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_precision_choice() -> None:
    assert isinstance(cpu_has_bfloat16(), bool)
    assert Resources().embed_precision == "auto"
    assert Resources().embed([]).shape == (0, EMBEDDING_DIM)
