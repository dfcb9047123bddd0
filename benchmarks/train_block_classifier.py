"""Train the plain-text block classifier and write ``src/dossier/clean/data/blocks.npz``.

Data: :mod:`block_data` (the 181 public article-extraction pages rendered as saved text in
four styles, lines labelled by the gold body; every fifth page is dev, never trained on).

1. *line* stage: scikit-learn ``HistGradientBoostingClassifier`` over
   :data:`dossier.clean.features.NAMES` (the neutral variant without the language columns);
   lines weighted by their share of their page's words, so every page counts alike, as in
   the benchmark's metric.
2. *context* stage: the same learner over :func:`dossier.clean.classifier.stage2_features`,
   fitted on out-of-fold first-stage scores (three folds by page), so it learns from scores
   like the ones it will see.

The shipped arrays are checked against scikit-learn's own ``predict_proba``. The run is
deterministic (fixed seeds, one thread is not needed: the learner's results do not depend on
it). Usage: ``.venv/bin/python benchmarks/train_block_classifier.py [--check]`` (``--check``:
train and report without writing the model file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import block_data as B
from dossier.clean import classifier as C
from dossier.clean import features as F

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dossier" / "clean" / "data" / C.MODEL_FILE
PARAMS = {
    "max_iter": 120,
    "learning_rate": 0.12,
    "max_bins": 127,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "random_state": 17,
}
FOLDS = 3


@dataclass(slots=True)
class Table:
    x: np.ndarray  # features (English)
    neutral: np.ndarray  # language-neutral features
    y: np.ndarray  # 1 = gold body
    weight: np.ndarray
    group: np.ndarray  # page-rendering number (rows of one rendering are contiguous)
    page: list[str]  # page key per rendering
    style: list[str]


def build_table(keys: Sequence[str], featurise: object) -> Table:
    xs, ns, ys, ws, gs, pages, styles = [], [], [], [], [], [], []
    for number, rendered in enumerate(B.pages(list(keys))):
        lines, x, neutral = featurise(rendered.text)  # type: ignore[operator]
        ns.append(neutral)
        labels = B.line_labels([ln.text for ln in lines], rendered.gold)
        words = np.array([max(1, ln.words) for ln in lines], dtype=np.float64)
        xs.append(x)
        ys.append(np.array(labels, dtype=np.int8))
        ws.append(words / max(1.0, words.sum()) * 100.0)
        gs.append(np.full(len(lines), number, dtype=np.int32))
        pages.append(rendered.key)
        styles.append(rendered.style)
    return Table(
        np.concatenate(xs),
        np.concatenate(ns),
        np.concatenate(ys),
        np.concatenate(ws),
        np.concatenate(gs),
        pages,
        styles,
    )


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> object:
    from sklearn.ensemble import HistGradientBoostingClassifier

    start = time.perf_counter()
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(x, y, sample_weight=w)
    print(f"  fitted {x.shape} in {time.perf_counter() - start:.0f} s", flush=True)
    return model


def out_of_fold(table: Table, x: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """First-stage scores of every training row from a model that never saw its page."""
    keys = sorted(set(table.page))
    fold_of = {k: i % FOLDS for i, k in enumerate(keys)}
    row_fold = np.array([fold_of[table.page[g]] for g in table.group])
    p = np.zeros(len(table.y), dtype=np.float32)
    for fold in range(FOLDS):
        test = row_fold == fold
        print(f"  fold {fold + 1}/{FOLDS}", flush=True)
        model = fit(x[~test][:, columns], table.y[~test], table.weight[~test])
        p[test] = model.predict_proba(x[test][:, columns])[:, 1]  # type: ignore[attr-defined]
    return p


def train_variant(table: Table, variant: str) -> tuple[dict[str, np.ndarray], dict[str, object]]:
    language = set(F.LANGUAGE_COLUMNS)
    columns = np.array(
        [i for i in range(len(F.NAMES)) if variant == "full" or i not in language], dtype=np.int64
    )
    x = table.x if variant == "full" else table.neutral
    line = fit(x[:, columns], table.y, table.weight)
    oof = out_of_fold(table, x, columns)
    x2 = C.stage2_features(x, oof, table.group)
    columns2 = np.array(
        [i for i, name in enumerate(C.STAGE2_NAMES) if variant == "full" or name != "stop_density"]
    )
    context = fit(x2[:, columns2], table.y, table.weight)
    arrays = {
        **C.export_trees(line, f"{variant}.line"),
        **C.export_trees(context, f"{variant}.context"),
    }
    arrays[f"{variant}.columns"] = columns.astype(np.int32)
    arrays[f"{variant}.context_columns"] = columns2.astype(np.int32)
    arrays[f"{variant}.threshold"] = np.array(0.5)
    arrays[f"{variant}.unsure"] = np.array(0.3)
    return arrays, {"line": line, "context": context, "columns": columns}


def check_export(arrays: dict[str, np.ndarray], fitted: dict[str, object], table: Table) -> float:
    """Largest difference between the shipped arrays' scores and scikit-learn's."""
    data = dict(arrays)
    prefix = next(iter(data)).split(".")[0]
    trees = C._trees(data, f"{prefix}.line")
    columns = fitted["columns"]
    x = (table.x if prefix == "full" else table.neutral)[:2000][:, columns]  # type: ignore[index]
    ours = trees.probability(x)
    theirs = fitted["line"].predict_proba(x)[:, 1]  # type: ignore[attr-defined]
    return float(np.abs(ours - theirs).max())


def _cached(path: Path | None, build: object) -> Table:
    if path is not None and path.exists():
        data = np.load(path, allow_pickle=False)
        return Table(
            data["x"],
            data["neutral"],
            data["y"],
            data["weight"],
            data["group"],
            list(data["page"]),
            list(data["style"]),
        )
    table: Table = build()  # type: ignore[operator]
    if path is not None:
        np.savez(
            path,
            x=table.x,
            neutral=table.neutral,
            y=table.y,
            weight=table.weight,
            group=table.group,
            page=np.array(table.page),
            style=np.array(table.style),
        )
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="train and report, write nothing")
    parser.add_argument("--cache", type=Path, help="keep the featurised pages in this .npz file")
    args = parser.parse_args(argv)
    from dossier.clean.blocks import featurise_for_training

    train_keys, dev_keys = B.split(B.page_keys())
    start = time.perf_counter()
    table = _cached(args.cache, lambda: build_table(train_keys, featurise_for_training))
    took = time.perf_counter() - start
    print(f"train: {len(train_keys)} pages, {len(table.y)} lines ({took:.0f} s)")
    arrays: dict[str, np.ndarray] = {}
    for variant in ("full", "neutral"):
        variant_arrays, fitted = train_variant(table, variant)
        gap = check_export(variant_arrays, fitted, table)
        print(f"{variant}: export differs from scikit-learn by {gap:.2e}")
        arrays.update(variant_arrays)
    arrays["dev_pages"] = np.array(dev_keys)
    arrays["feature_names"] = np.array(F.NAMES)
    if not args.check:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(OUT, **arrays)
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e3:.0f} kB)")
    print(json.dumps({"train_pages": len(train_keys), "dev_pages": len(dev_keys)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
