import math
from collections.abc import Sequence

import numpy as np
import pytest

from naober.lib.psychometrics import (
    cronbach_alpha,
    distribution,
    favourable_share,
    histogram,
    item_rest_correlations,
    mean,
)

# Five respondents answer the three items of one scale.
#
#   item 1: 4 2 5 3 6   mean 4, deviations  0 -2  1 -1  2, squares sum to 10, variance 10/4 = 2.5
#   item 2: 5 3 4 3 5   mean 4, deviations  1 -1  0 -1  1, squares sum to  4, variance  4/4 = 1.0
#   item 3: 4 1 6 3 6   mean 4, deviations  0 -3  2 -1  2, squares sum to 18, variance 18/4 = 4.5
#   totals: 13 6 15 9 17  mean 12, deviations  1 -6  3 -3  5, squares sum to 80, variance 80/4 = 20
#
#   alpha = k/(k-1) * (1 - sum of item variances / total variance)
#         = 3/2 * (1 - (2.5 + 1.0 + 4.5) / 20) = 3/2 * (1 - 8/20) = 3/2 * 0.6 = 0.9
SCALE = [
    [4, 5, 4],
    [2, 3, 1],
    [5, 4, 6],
    [3, 3, 3],
    [6, 5, 6],
]
HAND_COMPUTED_ALPHA = 0.9


def numpy_alpha(rows: list[list[int]]) -> float:
    """Alpha from the covariance matrix C: k/(k-1) * (1 - trace(C) / sum(C)), a second route to the same value."""
    covariance = np.cov(np.array(rows, dtype=float), rowvar=False, ddof=1)
    items = covariance.shape[0]
    return float(items / (items - 1) * (1 - np.trace(covariance) / covariance.sum()))


def test_alpha_matches_the_hand_computed_example() -> None:
    alpha = cronbach_alpha(SCALE)
    assert alpha is not None
    assert alpha == pytest.approx(HAND_COMPUTED_ALPHA, abs=1e-9)


def test_alpha_matches_the_covariance_formula() -> None:
    assert numpy_alpha(SCALE) == pytest.approx(HAND_COMPUTED_ALPHA, abs=1e-9)
    rows = [[1, 2, 2, 3], [4, 4, 5, 3], [7, 6, 6, 7], [2, 3, 1, 2], [5, 5, 6, 4], [3, 2, 4, 4], [6, 7, 5, 6]]
    assert cronbach_alpha(rows) == pytest.approx(numpy_alpha(rows), abs=1e-9)


def test_alpha_drops_respondents_with_a_dont_know() -> None:
    with_gaps: list[Sequence[int | None]] = [*SCALE, [None, 7, 7], [1, None, 1], [None, None, None]]
    assert cronbach_alpha(with_gaps) == pytest.approx(HAND_COMPUTED_ALPHA, abs=1e-9)


def test_alpha_is_negative_when_items_contradict_each_other() -> None:
    # Items that pull apart make the totals vary less than the items: alpha below 0 is a real signal.
    alpha = cronbach_alpha([[1, 6], [3, 5], [5, 1]])
    assert alpha is not None
    assert alpha < 0


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param([], id="nobody answered"),
        pytest.param([[4], [5], [6]], id="one item"),
        pytest.param([[4, 5, 4], [2, 3, None]], id="one complete respondent"),
        pytest.param([[None, 5], [3, None]], id="no complete respondent"),
        pytest.param([[4, 4, 4], [4, 4, 4], [4, 4, 4]], id="everyone gave the same answers"),
        pytest.param([[1, 7], [7, 1], [4, 4]], id="totals do not vary"),
    ],
)
def test_alpha_is_undefined(rows: list[list[int | None]]) -> None:
    assert cronbach_alpha(rows) is None


def test_alpha_rejects_rows_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="respondent 2"):
        cronbach_alpha([[1, 2, 3], [1, 2]])


def test_item_rest_correlation_matches_a_hand_computation() -> None:
    # Item 1 against items 2 + 3 of SCALE: rest 9 4 10 6 11, mean 8, deviations 1 -4 2 -2 3 (squares 34);
    # item 1 deviations 0 -2 1 -1 2 (squares 10); products 0 8 2 2 6 sum to 18; r = 18 / sqrt(10 * 34).
    correlations = item_rest_correlations(SCALE)
    assert correlations[0] == pytest.approx(18 / math.sqrt(340), abs=1e-9)
    for index, correlation in enumerate(correlations):
        rest = [sum(row) - row[index] for row in SCALE]
        expected = np.corrcoef([row[index] for row in SCALE], rest)[0, 1]
        assert correlation == pytest.approx(expected, abs=1e-9)


def test_item_rest_correlation_flags_an_unrelated_item() -> None:
    # Items 1-3 rise together; item 4 goes up and down with no relation to them.
    rows = [
        [1, 2, 1, 4],
        [2, 2, 3, 7],
        [3, 4, 3, 1],
        [4, 4, 5, 4],
        [5, 6, 5, 7],
        [6, 6, 7, 1],
        [7, 7, 6, 4],
    ]
    first, second, third, unrelated = item_rest_correlations(rows)
    for agreeing in (first, second, third):
        assert agreeing is not None
        assert agreeing > 0.7
    # Below the research notes' bar of .30 for keeping an item (§6.1).
    assert unrelated is not None
    assert abs(unrelated) < 0.3


def test_item_rest_correlation_is_undefined_where_nothing_varies() -> None:
    rows: list[list[int | None]] = [[4, 1, 2], [4, 3, 3], [4, 5, 6], [None, 7, 7]]
    constant, *_ = item_rest_correlations(rows)
    assert constant is None
    assert item_rest_correlations([[4, 5, 6], [1, None, 3]]) == [None, None, None]
    assert item_rest_correlations([[4], [5]]) == [None]
    assert item_rest_correlations([]) == []


def test_mean_leaves_out_dont_know() -> None:
    assert mean([7, None, 4, 1, None]) == pytest.approx(4.0)
    assert mean([None, None]) is None
    assert mean([]) is None


def test_favourable_share_counts_six_and_seven_among_the_answers_given() -> None:
    answers = [7, 6, 5, 1, None, 6, None, 3]
    assert favourable_share(answers) == pytest.approx(3 / 6)
    assert favourable_share(answers, favourable_from=5) == pytest.approx(4 / 6)
    assert favourable_share([None]) is None


def test_distribution_counts_every_point_and_dont_know() -> None:
    counts = distribution([7, 7, 1, None, 4, 6, None, 7])
    assert counts == {"1": 1, "2": 0, "3": 0, "4": 1, "5": 0, "6": 1, "7": 3, "dont_know": 2}
    assert list(counts) == ["1", "2", "3", "4", "5", "6", "7", "dont_know"]
    assert distribution([], points=5) == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "dont_know": 0}


@pytest.mark.parametrize("answer", [0, 8, -1])
def test_distribution_rejects_answers_off_the_scale(answer: int) -> None:
    with pytest.raises(ValueError, match="not on the scale"):
        distribution([4, answer])


def test_histogram_edges() -> None:
    counts = histogram([0, 9, 10, 19, 20, 50, 89, 90, 99, 100, None])
    assert counts == [2, 2, 1, 0, 0, 1, 0, 0, 1, 3]
    assert sum(counts) == 10


def test_histogram_with_other_bins_and_range() -> None:
    # Bins of 5: [-10, -5), [-5, 0), [0, 5), [5, 10].
    assert histogram([-10, -5.5, -5, 0, 4.9, 5, 10], bins=4, low=-10, high=10) == [2, 1, 2, 2]
    assert histogram([]) == [0] * 10


@pytest.mark.parametrize("value", [-1, 101, float("nan")])
def test_histogram_rejects_values_outside_the_range(value: float) -> None:
    with pytest.raises(ValueError, match="outside"):
        histogram([50, value])


def test_histogram_rejects_an_empty_range_or_no_bins() -> None:
    with pytest.raises(ValueError, match="bin"):
        histogram([1], bins=0)
    with pytest.raises(ValueError, match="empty"):
        histogram([1], low=5, high=5)
