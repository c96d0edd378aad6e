"""Statistics for the balance scan's report (DESIGN.md §7).

Items are answered on a 7-point agreement scale (1..7); None is "weet ik niet" (don't know) and never counts
as a score. The coupling sliders run from 0 to 100 and are reported as distributions, never as a mean alone.
Reliability follows the research notes (§4, §6.1): Cronbach's alpha per scale and the item-rest correlation
per item; a scale is kept at alpha >= .70 with every item-rest correlation >= .30.

Pure Python: no Django, no naober apps.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence

SCALE_POINTS = 7
# "% favourable" counts the answers 6 and 7 on the 7-point scale.
FAVOURABLE_FROM = 6
DONT_KNOW = "dont_know"


def _complete_rows(rows: Sequence[Sequence[float | None]]) -> tuple[int, list[list[float]]]:
    """The number of items and the respondents who answered every item (listwise deletion).

    Alpha and item-rest correlations compare items over the same people, so a respondent with any
    "don't know" is left out of both rather than having a gap filled in."""
    width = len(rows[0]) if rows else 0
    complete: list[list[float]] = []
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"respondent {number} has {len(row)} answers, the first has {width}")
        answers = [float(answer) for answer in row if answer is not None]
        if len(answers) == width:
            complete.append(answers)
    return width, complete


def cronbach_alpha(rows: Sequence[Sequence[float | None]]) -> float | None:
    """Cronbach's alpha of one scale: rows are respondents, columns the scale's items.

    alpha = k / (k - 1) * (1 - sum of the item variances / variance of the respondents' totals), with sample
    variances (n - 1). Respondents with any None are dropped. None when the scale has fewer than 2 items,
    fewer than 2 respondents answered every item, or the totals do not vary (alpha is undefined)."""
    items, complete = _complete_rows(rows)
    if items < 2 or len(complete) < 2:
        return None
    # statistics.variance works in exact fractions, so a constant column gives exactly 0, not rounding noise.
    item_variances = [statistics.variance(column) for column in zip(*complete, strict=True)]
    total_variance = statistics.variance([math.fsum(row) for row in complete])
    if total_variance == 0:
        return None
    return items / (items - 1) * (1 - math.fsum(item_variances) / total_variance)


def item_rest_correlations(rows: Sequence[Sequence[float | None]]) -> list[float | None]:
    """Per item, the Pearson correlation between the item and the sum of the scale's other items.

    A low value marks an item that does not measure what its siblings measure. Same listwise deletion as
    `cronbach_alpha`; None where the correlation is undefined (fewer than 2 complete respondents, or the
    item or the rest does not vary, which includes a scale of one item)."""
    items, complete = _complete_rows(rows)
    if len(complete) < 2:
        return [None] * items
    correlations: list[float | None] = []
    for index in range(items):
        item = [row[index] for row in complete]
        rest = [math.fsum(row[:index] + row[index + 1 :]) for row in complete]
        correlations.append(_pearson(item, rest))
    return correlations


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    if len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    # Rounding can land a hair outside [-1, 1] for perfectly (anti-)correlated data.
    return max(-1.0, min(1.0, statistics.correlation(xs, ys)))


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the answers given; "don't know" (None) is left out. None when nobody gave an answer."""
    answered = [value for value in values if value is not None]
    if not answered:
        return None
    return math.fsum(answered) / len(answered)


def favourable_share(values: Iterable[float | None], favourable_from: float = FAVOURABLE_FROM) -> float | None:
    """The share (0..1) of the answers given that are at least `favourable_from` (6: "% favourable" is 6-7).

    "Don't know" is left out of both the count and the total. None when nobody gave an answer."""
    answered = [value for value in values if value is not None]
    if not answered:
        return None
    return sum(1 for value in answered if value >= favourable_from) / len(answered)


def distribution(values: Iterable[int | None], points: int = SCALE_POINTS) -> dict[str, int]:
    """How many gave each answer: keys "1".."points" in order, then "dont_know" for None.

    Every key is present, with 0 where nobody chose it, so a diverging stacked bar can be drawn without
    gaps. Raises ValueError for an answer outside 1..points."""
    if points < 1:
        raise ValueError(f"a scale needs at least one point, not {points}")
    counts = {str(point): 0 for point in range(1, points + 1)}
    counts[DONT_KNOW] = 0
    for value in values:
        if value is None:
            counts[DONT_KNOW] += 1
        elif value in range(1, points + 1):
            counts[str(int(value))] += 1
        else:
            raise ValueError(f"answer {value!r} is not on the scale 1..{points}")
    return counts


def histogram(values: Iterable[float | None], bins: int = 10, low: float = 0, high: float = 100) -> list[int]:
    """Counts of slider positions in `bins` equal bins from `low` to `high`.

    Each bin holds [its lower edge, its upper edge), except the last, which also holds `high`: with the
    defaults 0-9 fall in the first bin, 90-100 in the last. None (no answer) is left out. Raises ValueError
    for a value outside low..high."""
    if bins < 1:
        raise ValueError(f"a histogram needs at least one bin, not {bins}")
    if not high > low:
        raise ValueError(f"the range {low}..{high} is empty")
    counts = [0] * bins
    for value in values:
        if value is None:
            continue
        if not low <= value <= high:  # also rejects NaN
            raise ValueError(f"slider value {value!r} is outside {low}..{high}")
        # Multiplying before dividing keeps integer edges exact: 10 lands in bin 1, not in bin 0 by rounding.
        index = int((value - low) * bins // (high - low))
        counts[min(index, bins - 1)] += 1
    return counts
