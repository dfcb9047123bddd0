"""The size benchmark's verdict (``benchmarks/bench_size.py``): a stage is linear when its
time per character it read stays within 2x of that at the smallest size."""

from __future__ import annotations

from typing import Any

from bench_size import MB, analyse, verdict


def _run(size: int, stages: dict[str, tuple[float, int]], peak: float = 900.0) -> dict[str, Any]:
    rows = [
        {"stage": name, "seconds": s, "chars": chars, "peak_rss_mb": peak, "capped": chars < size}
        for name, (s, chars) in stages.items()
    ]
    return {"size": size, "stages": rows}


def test_a_capped_stage_growing_faster_than_its_text_up_to_the_cap_is_over() -> None:
    # 14 s on 100,000 characters, 100 s on the 200,000 it reads of 10 MB: per input byte
    # that is cheaper and cheaper, per character read it is 3.6 times dearer.
    result = {
        "kind": "repetitive",
        "runs": [
            _run(100_000, {"clean": (0.5, 100_000), "mentions": (14.0, 100_000)}),
            _run(10 * MB, {"clean": (52.0, 10 * MB), "mentions": (100.0, 200_000)}),
        ],
    }
    summary = analyse(result)
    assert summary["stages"]["clean"]["linear"]
    assert not summary["stages"]["mentions"]["linear"]
    assert summary["stages"]["mentions"]["worst_ratio"] > 3.5
    (miss,) = verdict(result, summary)
    assert miss.startswith("mentions is 3.57x")


def test_memory_over_budget_at_ten_megabytes_is_a_miss_and_below_it_is_not() -> None:
    small = _run(100_000, {"clean": (0.5, 100_000)}, peak=2500.0)
    big = _run(10 * MB, {"clean": (50.0, 10 * MB)}, peak=2100.0)
    result = {"kind": "varied", "runs": [small, big]}
    assert verdict(result, analyse(result)) == ["peak memory 2,100 MB at 10 MB"]
    big["stages"][0]["peak_rss_mb"] = 1900.0
    assert verdict(result, analyse(result)) == []


def test_a_run_that_did_not_finish_is_a_miss() -> None:
    result = {"kind": "one-line", "runs": [], "error": "stopped after 600 s"}
    assert verdict(result, analyse(result)) == ["stopped after 600 s"]
