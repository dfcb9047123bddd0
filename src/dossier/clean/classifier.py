"""The block classifier: how likely each line of a page dump is article text.

Two gradient-boosted tree ensembles (scikit-learn's ``HistGradientBoostingClassifier``,
trained by ``benchmarks/train_block_classifier.py`` on rendered public pages, never on the
seeds), shipped as package data (``clean/data/blocks.npz``) and evaluated here with numpy:

1. *line*: the features of :mod:`dossier.clean.features` (the line and its neighbours);
2. *context*: the line's own main signals plus the first stage's scores of the lines around
   it (offsets -3..+3, window means over 2, 5 and 10 lines, the best score above and below):
   context smoothing, so one sentence-like line inside a menu and one short line inside the
   article are judged by their neighbourhood.

Each stage has a language-neutral variant, trained without the stop-word features, for
documents in a language Dossier has no language object for.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from importlib import resources as package_files
from typing import Any, Literal

import numpy as np

from dossier.clean import features as F

Variant = Literal["full", "neutral"]
MODEL_FILE = "blocks.npz"
_WINDOWS = (2, 5, 10)
_STAGE2_OWN = (
    "log_words",
    "terminal",
    "prose_line",
    "stop_density",
    "any_cue",
    "short",
    "position",
    "prose_above",
    "page_repeats",
    "short_run",
    "block_words",
)


def stage2_names() -> tuple[str, ...]:
    around = tuple(f"p@{off:+d}" for off in (-3, -2, -1, 0, 1, 2, 3))
    windows = tuple(f"mean±{w}" for w in _WINDOWS)
    return (*_STAGE2_OWN, *around, *windows, "best_above", "best_below", "page_mean")


STAGE2_NAMES = stage2_names()
_OWN_INDEX = tuple(F.NAMES.index(name) for name in _STAGE2_OWN)


def stage2_features(x: np.ndarray, p: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Second-stage rows from first-stage rows ``x`` and scores ``p``; ``groups`` marks
    which page each row belongs to (rows of one page are contiguous)."""
    out = np.empty((len(x), len(STAGE2_NAMES)), dtype=np.float32)
    out[:, : len(_OWN_INDEX)] = x[:, _OWN_INDEX]
    start = 0
    for end in _boundaries(groups):
        out[start:end, len(_OWN_INDEX) :] = _page_context(p[start:end])
        start = end
    return out


def _boundaries(groups: np.ndarray) -> list[int]:
    if len(groups) == 0:
        return []
    cuts = np.flatnonzero(groups[1:] != groups[:-1]) + 1
    return [*cuts.tolist(), len(groups)]


def _page_context(p: np.ndarray) -> np.ndarray:
    n = len(p)
    columns = []
    for off in (-3, -2, -1, 0, 1, 2, 3):
        shifted = np.full(n, -1.0, dtype=np.float32)
        if off == 0:
            shifted[:] = p
        elif 0 < -off < n:
            shifted[-off:] = p[: n + off]
        elif 0 < off < n:
            shifted[: n - off] = p[off:]
        columns.append(shifted)
    padded = np.concatenate([[0.0], np.cumsum(p, dtype=np.float64)])
    index = np.arange(n)
    for w in _WINDOWS:
        lo, hi = np.maximum(index - w, 0), np.minimum(index + w + 1, n)
        columns.append(((padded[hi] - padded[lo]) / (hi - lo)).astype(np.float32))
    best_above = np.maximum.accumulate(np.concatenate([[0.0], p[:-1]])) if n else p
    best_below = np.maximum.accumulate(np.concatenate([p[1:], [0.0]])[::-1])[::-1] if n else p
    columns += [best_above, best_below, np.full(n, p.mean() if n else 0.0)]
    return np.stack(columns, axis=1)


@dataclass(frozen=True, slots=True)
class Trees:
    """A tree ensemble as flat arrays: tree ``t``'s nodes are rows ``t`` of each array."""

    feature: np.ndarray  # (T, N) int: feature index of a split node
    threshold: np.ndarray  # (T, N) float: go left when x <= threshold
    missing_left: np.ndarray  # (T, N) bool: where NaN goes
    left: np.ndarray  # (T, N) int
    right: np.ndarray  # (T, N) int
    leaf: np.ndarray  # (T, N) bool
    value: np.ndarray  # (T, N) float: a leaf's contribution to the log-odds
    baseline: float
    depth: int
    # scikit-learn's compiled tree walker over these arrays (the pinned version's), when it
    # can be imported; :meth:`raw_numpy` is the same computation in numpy.
    compiled: Any = None

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Log-odds for each row of ``x``."""
        if self.compiled is None or len(x) == 0:
            return self.raw_numpy(x)
        return self.baseline + self.compiled(np.ascontiguousarray(x, dtype=np.float64))

    def raw_numpy(self, x: np.ndarray) -> np.ndarray:
        """Log-odds for each row of ``x``, walking all trees at once with numpy."""
        rows = len(x)
        if rows == 0:
            return np.zeros(0)
        trees = np.arange(self.feature.shape[0])[None, :]
        node = np.zeros((rows, self.feature.shape[0]), dtype=np.int64)
        row_index = np.arange(rows)[:, None]
        for _ in range(self.depth):
            feature = self.feature[trees, node]
            values = x[row_index, feature]
            go_left = np.where(
                np.isnan(values),
                self.missing_left[trees, node],
                values <= self.threshold[trees, node],
            )
            step = np.where(go_left, self.left[trees, node], self.right[trees, node])
            node = np.where(self.leaf[trees, node], node, step)
        return self.baseline + self.value[trees, node].sum(axis=1)

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(x)))


@dataclass(frozen=True, slots=True)
class BlockModel:
    line: Trees
    context: Trees
    columns: np.ndarray  # feature columns the line stage reads (the neutral variant: fewer)
    context_columns: np.ndarray  # columns of :data:`STAGE2_NAMES` the context stage reads
    threshold: float  # keep a line whose context score is at least this
    unsure: float  # a removed prose line scoring at least this is kept and marked

    def scores(self, x: np.ndarray, groups: np.ndarray) -> np.ndarray:
        """Context-smoothed probability that each row is article text."""
        first = self.line.probability(x[:, self.columns])
        second = stage2_features(x, first.astype(np.float32), groups)
        return self.context.probability(second[:, self.context_columns])


def load_models() -> dict[Variant, BlockModel]:
    """The shipped models, by variant."""
    with package_files.files("dossier.clean").joinpath("data", MODEL_FILE).open("rb") as fh:
        data = dict(np.load(fh, allow_pickle=False))
    out: dict[Variant, BlockModel] = {}
    for variant in ("full", "neutral"):
        out[variant] = BlockModel(
            line=_trees(data, f"{variant}.line"),
            context=_trees(data, f"{variant}.context"),
            columns=data[f"{variant}.columns"].astype(np.int64),
            context_columns=data[f"{variant}.context_columns"].astype(np.int64),
            threshold=float(data[f"{variant}.threshold"]),
            unsure=float(data[f"{variant}.unsure"]),
        )
    return out


def _trees(data: dict[str, np.ndarray], prefix: str) -> Trees:
    trees = Trees(
        feature=data[f"{prefix}.feature"].astype(np.int64),
        threshold=data[f"{prefix}.threshold"].astype(np.float64),
        missing_left=data[f"{prefix}.missing_left"].astype(bool),
        left=data[f"{prefix}.left"].astype(np.int64),
        right=data[f"{prefix}.right"].astype(np.int64),
        leaf=data[f"{prefix}.leaf"].astype(bool),
        value=data[f"{prefix}.value"].astype(np.float64),
        baseline=float(data[f"{prefix}.baseline"]),
        depth=int(data[f"{prefix}.depth"]),
    )
    return dataclasses.replace(trees, compiled=_compiled(trees))


def _compiled(trees: Trees) -> Any:
    """scikit-learn's Cython walker of histogram-gradient-boosting trees, fed our arrays."""
    try:
        from sklearn.ensemble._hist_gradient_boosting._predictor import (
            _predict_from_raw_data,
        )
        from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
    except ImportError:  # another scikit-learn layout: numpy does the walk
        return None
    nodes = []
    for t in range(trees.feature.shape[0]):
        record = np.zeros(trees.feature.shape[1], dtype=PREDICTOR_RECORD_DTYPE)
        record["value"] = trees.value[t]
        record["feature_idx"] = trees.feature[t]
        record["num_threshold"] = trees.threshold[t]
        record["missing_go_to_left"] = trees.missing_left[t]
        record["left"] = trees.left[t]
        record["right"] = trees.right[t]
        record["is_leaf"] = trees.leaf[t]
        nodes.append(record)
    no_bitsets = np.zeros((0, 8), dtype=np.uint32)

    def walk(x: np.ndarray) -> np.ndarray:
        total = np.zeros(len(x))
        out = np.empty(len(x))
        f_idx_map = np.zeros(x.shape[1], dtype=np.uint32)
        for record in nodes:
            _predict_from_raw_data(record, x, no_bitsets, no_bitsets, f_idx_map, 1, out)
            total += out
        return total

    return walk


def export_trees(model: object, prefix: str) -> dict[str, np.ndarray]:
    """A fitted ``HistGradientBoostingClassifier`` (binary, numeric features) as the arrays
    :func:`load_models` reads (used by the training script)."""
    predictors = [tree[0].nodes for tree in model._predictors]  # type: ignore[attr-defined]
    size = max(len(nodes) for nodes in predictors)
    t = len(predictors)
    arrays: dict[str, np.ndarray] = {
        "feature": np.zeros((t, size), dtype=np.int32),
        "threshold": np.zeros((t, size), dtype=np.float64),
        "missing_left": np.zeros((t, size), dtype=bool),
        "left": np.zeros((t, size), dtype=np.int32),
        "right": np.zeros((t, size), dtype=np.int32),
        "leaf": np.ones((t, size), dtype=bool),
        "value": np.zeros((t, size), dtype=np.float64),
    }
    depth = 0
    for i, nodes in enumerate(predictors):
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported")
        k = len(nodes)
        arrays["feature"][i, :k] = nodes["feature_idx"]
        arrays["threshold"][i, :k] = nodes["num_threshold"]
        arrays["missing_left"][i, :k] = nodes["missing_go_to_left"].astype(bool)
        arrays["left"][i, :k] = nodes["left"]
        arrays["right"][i, :k] = nodes["right"]
        arrays["leaf"][i, :k] = nodes["is_leaf"].astype(bool)
        arrays["value"][i, :k] = nodes["value"]
        depth = max(depth, int(nodes["depth"].max()))
    out = {f"{prefix}.{name}": value for name, value in arrays.items()}
    baseline = np.asarray(model._baseline_prediction).ravel()[0]  # type: ignore[attr-defined]
    out[f"{prefix}.baseline"] = np.array(baseline, dtype=np.float64)
    out[f"{prefix}.depth"] = np.array(depth, dtype=np.int32)
    return out
