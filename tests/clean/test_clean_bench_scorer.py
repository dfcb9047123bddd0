"""The extraction benchmark's scorer reproduces the published trafilatura figure."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_extraction.py"


def test_scorer_reproduces_published_trafilatura_f1() -> None:
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (module.BENCH / "ground-truth.json").exists():
        pytest.fail(f"benchmark data missing: {module.BENCH}")
    import json

    truth = json.loads((module.BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    check = module._validate_scorer({k: v.get("articleBody") or "" for k, v in truth.items()})
    assert round(check["f1"], 3) == 0.958
    assert round(check["precision"], 3) == 0.938 and round(check["recall"], 3) == 0.978
    # Identical texts score 1, disjoint texts 0 (the metric's edge cases).
    assert module.shingle_matching("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert module.shingle_matching("a b c d", "w x y z")[0] == 0.0
