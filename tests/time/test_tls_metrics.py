"""Timeline metrics on tiny hand-computed cases."""

from __future__ import annotations

from datetime import date

import pytest

from tls_metrics import (
    alignment_rouge,
    date_f1,
    evaluate_timeline,
    parse_timeline,
    porter_stem,
    rouge_tokens,
)

D = date


def test_date_f1() -> None:
    prf = date_f1(
        [D(2010, 1, 1), D(2010, 1, 2), D(2010, 1, 3)], [D(2010, 1, d) for d in (2, 3, 4, 5)]
    )
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(1 / 2)
    assert prf.f1 == pytest.approx(4 / 7)
    assert date_f1([], [D(2010, 1, 1)]).f1 == 0.0


def test_rouge_tokens_lowercase_stopwords_stems() -> None:
    assert rouge_tokens("The storms HIT the coast , killing 5 .") == [
        "storm",
        "hit",
        "coast",
        "kill",
        "5",
    ]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("relational", "relat"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("agreed", "agre"),
        ("generalization", "gener"),
        ("adoption", "adopt"),
        ("controlling", "control"),
    ],
)
def test_porter_stem(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_identical_timelines_score_one() -> None:
    tl = {D(2010, 1, 1): ["storm hits coast"], D(2010, 1, 5): ["rescue teams arrive quickly"]}
    scores = evaluate_timeline(tl, tl)
    assert scores.date.f1 == 1.0
    assert scores.rouge1.f1 == pytest.approx(1.0)
    assert scores.rouge2.f1 == pytest.approx(1.0)


def test_off_by_one_day_is_weighted_by_distance() -> None:
    pred = {D(2010, 1, 1): ["storm hits coast"]}
    ref = {D(2010, 1, 2): ["storm hits coast"], D(2010, 1, 10): ["quiet day"]}
    # precision: Jan 1 -> Jan 2 (content identical, cost 0), weight 1/2, 3 of 3 unigrams hit
    # recall: Jan 2 -> Jan 1 (1/2 * 3), Jan 10 -> Jan 1 (no hits); 5 reference unigrams
    r1 = alignment_rouge(pred, ref, 1)
    assert r1.precision == pytest.approx(0.5)
    assert r1.recall == pytest.approx(0.3)
    assert r1.f1 == pytest.approx(0.375)
    # bigrams: 2 predicted, 2 + 1 reference
    r2 = alignment_rouge(pred, ref, 2)
    assert r2.precision == pytest.approx(0.5)
    assert r2.recall == pytest.approx(1 / 3)
    assert r2.f1 == pytest.approx(0.4)
    assert evaluate_timeline(pred, ref).date.f1 == 0.0


def test_many_to_one_alignment() -> None:
    pred = {D(2010, 1, 1): ["alpha beta"], D(2010, 1, 2): ["alpha gamma"]}
    ref = {D(2010, 1, 1): ["alpha beta gamma"]}
    # precision: both predicted days align to the one reference day: 2 + 1/2 * 2 of 4
    # recall: the reference day aligns to Jan 1 (exact date, cost 0): 2 of 3
    r1 = alignment_rouge(pred, ref, 1)
    assert r1.precision == pytest.approx(0.75)
    assert r1.recall == pytest.approx(2 / 3)
    assert r1.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_alignment_prefers_matching_content_at_equal_distance() -> None:
    pred = {D(2010, 1, 5): ["flood"]}
    ref = {D(2010, 1, 3): ["flood"], D(2010, 1, 7): ["fire"]}
    r1 = alignment_rouge(pred, ref, 1)
    assert r1.precision == pytest.approx(1 / 3)  # aligned to Jan 3, weight 1/3
    assert r1.recall == pytest.approx((1 / 3) / 2)
    # with no shared content, ties go to the earliest date
    r1 = alignment_rouge(
        {D(2010, 1, 5): ["fire"]}, {D(2010, 1, 3): ["flood"], D(2010, 1, 7): ["fire"]}, 1
    )
    assert r1.precision == pytest.approx(1 / 3)  # content pulls it to Jan 7 instead


def test_empty_prediction_scores_zero() -> None:
    ref = {D(2010, 1, 1): ["storm hits coast"]}
    assert alignment_rouge({}, ref, 1).f1 == 0.0
    assert evaluate_timeline({}, ref).date.f1 == 0.0


def test_parse_timeline_merges_repeated_dates() -> None:
    text = (
        "2009-05-01\nFirst sentence .\n" + "-" * 32 + "\n"
        "2009-05-01\nSecond sentence .\n" + "-" * 32 + "\n"
        "2009-04-30\nEarlier .\n" + "-" * 32 + "\n"
    )
    assert parse_timeline(text) == {
        D(2009, 5, 1): ["First sentence .", "Second sentence ."],
        D(2009, 4, 30): ["Earlier ."],
    }
