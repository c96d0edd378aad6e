"""Team diagnostics of a customer team's real work (DESIGN.md §1 Diagnose): the pure NumPy analysis.

The Django layer loads one team's work items and person targets into arrays, calls `diagnose` and renders the
result as charts, JSON and CSV. Everything here returns plain numbers and lists; `as_dict()` gives JSON-ready
data (no NaN, no infinity: an undefined figure is None).

Times are float64 seconds since 1970-01-01 in *local wall-clock* time, so days and weeks (Monday to Sunday)
fall on local boundaries. People are indices 0..P-1; -1 means unknown.

What the figures mean:

- Lead time: resolved minus created, in hours, for resolved items.
- Service level: the share of items resolved within the team's service-level time (`within_hours`, inclusive).
- Backlog: items created and not yet resolved, at the end of a day or week.
- Load: items and revenue per portfolio owner; the Gini coefficient of items over the portfolios that have any
  work (0 = every portfolio brings the same, towards 1 = one portfolio brings everything), and how many times
  the average the busiest portfolio brings.
- Help: an item handled by someone other than its portfolio owner. The help matrix counts items per
  (handler, owner); "given" and "received" leave out people's own items.

Does help wait until people reach their own target? (`help_after_target`)

We follow each person with a personal target through their working time and ask: how often did they help a
colleague per hour, before and after they reached their target, while their own work was equally full?

- Help: an item of a colleague's portfolio that the person handled. It happens at the handling moment: the first
  response when known, else the resolution. Items nobody handled, without either time, or whose owner is
  unknown (we cannot tell whether they were help) are left out.
- Target state: inside one of the person's own target periods, they are *after target* once the revenue of
  their own portfolio credited in the period (the value of their own items resolved from the period's start
  until just before that moment) has reached the target; before that, *before target*. Outside their target
  periods they are in neither state and left out, and a person without target periods contributes nothing.
- Own workload: the number of their own items that have arrived and are not yet resolved, including the one
  they are working on: someone busy with their last own question has no empty queue. (In busy weeks an empty
  queue is mostly the hour spent on that last question; counting only the questions nobody had picked up yet
  made busy weeks look like weeks in which people chose not to help, and flagged 22 of 40 simulated teams in
  the tests whose help depended only on their own queue.) An own item resolved at the very moment of a help
  moment no longer counts: the person finished it, then chose. Items that stay open for days, waiting for a
  customer, count all that time; then the workload says less about someone's free time and the comparison is
  coarser. Workloads are grouped as 0, 1-2, 3-5, 6-10 and 11 or more (adjustable).
- Time: we add up, per person, workload group and target state, the *working hours* spent in it: Monday to
  Friday, 08:00-18:00 local time by default (adjustable). A night or a weekend adds nothing, so help is counted
  against the time people could have given it. Holidays and sick days do count as working time: the data does
  not say who was away. Only the time the data covers counts, from the first item created to the last (and
  only the help in it), so a target period that runs on past the data does not add empty hours. Help given
  outside working hours still counts, in the group and state the person was in at that moment.

Someone whose own queue is empty helps more, whatever the incentive, and someone who reached their target
often has less of their own work waiting. So we only compare like with like: the same person at about the same
own workload. Within each group (person x workload) we compare help per working hour after the target with help
per working hour before it; the rate ratio combines the groups (Mantel-Haenszel). 3 means that, at the same own
workload, a person helped three times as often per hour once they had reached their target. This is what a
bonus on a personal target does when reaching it decides between helping and sitting idle.

The p-value asks how often chance alone would give at least as much help after the target: if help came at the
same hourly rate in both states, each group's help would fall on the after-target hours in proportion to their
share of the group's hours (a binomial draw per group, all groups drawn at once 2,000 times, one-sided). The
verdict is "pattern" when p < 0.05 and the ratio is above 1; "too_little_data" with fewer than 2 people with
a target period in the data, fewer than 30 help moments in a target state, or no group where a person spent
working time both before and after their target.

Time spent helping counts as time too, so a real difference reads somewhat smaller: in the tests, help three
times as often per free hour after the target gives a ratio of about 2.

Beside the verdict: `share_after` is the share of all help that came after the helper's target, and
`rate_before` / `rate_after` are help moments per working hour before and after target, all people and
workloads together. Those plain figures still contain the empty-queue effect; the rate ratio does not.

This describes a structure, not a person: it says what the way people are rewarded seems to do to help.

Pure NumPy: no Django, no naober apps.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

SECONDS_PER_HOUR = 3600.0
SECONDS_PER_DAY = 86400.0

# Lead-time histogram edges in hours: half a working day, a working day, one to seven days, longer.
LEAD_TIME_EDGES_HOURS: tuple[float, ...] = (0.0, 4.0, 8.0, 24.0, 48.0, 96.0, 168.0)
LEAD_TIME_LABELS: tuple[str, ...] = ("0-4", "4-8", "8-24", "24-48", "48-96", "96-168", "168+")

# Own open workload groups for help_after_target: 0, 1-2, 3-5, 6-10, 11 or more.
WORKLOAD_BINS: tuple[int, ...] = (0, 1, 3, 6, 11)
# The working day for help_after_target's hours, local wall-clock hours from and until (Monday to Friday).
WORKING_DAY_HOURS: tuple[float, float] = (8.0, 18.0)
SIGNIFICANCE = 0.05
MIN_HELP_EVENTS = 30
MIN_PEOPLE_WITH_TARGETS = 2

Side = Literal["left", "right"]
Verdict = Literal["pattern", "no_pattern", "too_little_data"]
# Why a verdict is too_little_data, in the order they are checked.
REASON_FEW_PEOPLE = "too_few_people_with_targets"
REASON_FEW_HELP = "too_few_help_events"
REASON_NO_COMPARISON = "no_stratum_with_both_states"


# --- inputs ------------------------------------------------------------------------------------------------------


def _float_array(name: str, values: Any) -> FloatArray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, not of shape {array.shape}")
    return array


def _int_array(name: str, values: Any) -> IntArray:
    raw = np.asarray(values)
    if raw.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, not of shape {raw.shape}")
    if raw.size and raw.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integers, not {raw.dtype}")
    return raw.astype(np.int64)


def _same_length(kind: str, arrays: dict[str, npt.NDArray[Any]]) -> None:
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"{kind}: the arrays differ in length: {lengths}")


@dataclass(frozen=True, eq=False)
class Items:
    """One entry per work item; see the module docstring for times and people."""

    created: FloatArray
    first_response: FloatArray  # NaN when unknown
    resolved: FloatArray  # NaN while open
    owner: IntArray  # the portfolio owner, -1 when unknown
    handler: IntArray  # who did the work, -1 when unknown
    value: FloatArray  # revenue, NaN when unknown

    def __post_init__(self) -> None:
        arrays: dict[str, npt.NDArray[Any]] = {}
        for field in ("created", "first_response", "resolved", "value"):
            arrays[field] = _float_array(field, getattr(self, field))
        for field in ("owner", "handler"):
            arrays[field] = _int_array(field, getattr(self, field))
        _same_length("Items", arrays)
        if not np.isfinite(arrays["created"]).all():
            raise ValueError("Items: every item needs a creation time")
        if arrays["owner"].size and min(arrays["owner"].min(), arrays["handler"].min()) < -1:
            raise ValueError("Items: people are indices from 0, or -1 when unknown")
        for field, array in arrays.items():
            object.__setattr__(self, field, array)

    def __len__(self) -> int:
        return len(self.created)

    def resolved_effective(self) -> FloatArray:
        """Resolution times, never before creation.

        The times are local wall-clock times: in the autumn night the clocks go back, an item created at 02:50
        and resolved twenty minutes later reads as resolved at 02:10, before it was created. Such an item
        counts as resolved the moment it was created."""
        return np.maximum(self.resolved, self.created)  # NaN (open) stays NaN

    def handled_at(self) -> FloatArray:
        """The handling moment: the first response when known, else the resolution; NaN when neither."""
        return np.where(np.isnan(self.first_response), self.resolved, self.first_response)


@dataclass(frozen=True, eq=False)
class Targets:
    """Person targets per period (KPI-based schemes); one person's periods must not overlap."""

    person: IntArray
    start: FloatArray  # seconds, inclusive
    end: FloatArray  # seconds, exclusive
    target: FloatArray  # revenue target for the period

    def __post_init__(self) -> None:
        arrays: dict[str, npt.NDArray[Any]] = {"person": _int_array("person", self.person)}
        for field in ("start", "end", "target"):
            arrays[field] = _float_array(field, getattr(self, field))
        _same_length("Targets", arrays)
        person, start, end = arrays["person"], arrays["start"], arrays["end"]
        if not all(np.isfinite(arrays[field]).all() for field in ("start", "end", "target")):
            raise ValueError("Targets: start, end and target must be known numbers")
        if person.size and person.min() < 0:
            raise ValueError("Targets: people are indices from 0")
        if (end < start).any():
            raise ValueError("Targets: a period ends before it starts")
        order = np.lexsort((start, person))
        same_person = person[order][1:] == person[order][:-1]
        if (same_person & (start[order][1:] < end[order][:-1])).any():
            raise ValueError("Targets: a person has overlapping target periods")
        for field, array in arrays.items():
            object.__setattr__(self, field, array)

    def __len__(self) -> int:
        return len(self.person)


def _check_people(items: Items, n_people: int) -> None:
    if n_people < 0:
        raise ValueError("n_people cannot be negative")
    if len(items) and max(items.owner.max(), items.handler.max()) >= n_people:
        raise ValueError(f"Items: a person index is {n_people} or more, but there are {n_people} people")


def _check_hours(within_hours: float) -> None:
    if not math.isfinite(within_hours) or within_hours < 0:
        raise ValueError("within_hours must be a number of hours, 0 or more")


# --- small helpers -----------------------------------------------------------------------------------------------


def _optional(value: float) -> float | None:
    """A float for JSON: None instead of NaN or infinity."""
    return float(value) if math.isfinite(value) else None


def _days(seconds: FloatArray) -> IntArray:
    return np.floor(seconds / SECONDS_PER_DAY).astype(np.int64)


def _monday(days: IntArray) -> IntArray:
    # 1970-01-01 was a Thursday: day 0 has weekday 3 when Monday is 0.
    return days - (days + 3) % 7


def _iso_dates(days: IntArray) -> list[str]:
    return [str(day) for day in np.datetime_as_string(days.astype("datetime64[D]"), unit="D")]


def _lead_hours(items: Items, resolved: FloatArray) -> FloatArray:
    return (resolved - items.created) / SECONDS_PER_HOUR


def _grouped_quantiles(
    values: FloatArray, groups: IntArray, n_groups: int, qs: tuple[float, ...]
) -> list[list[float | None]]:
    """Per q, the q-quantile of the values in each group 0..n_groups-1 (linear interpolation, NumPy's default);
    None for an empty group."""
    # Sort by value, then (stably, a radix sort for integers) by group: much faster than np.lexsort.
    order = np.argsort(values)
    order = order[np.argsort(groups[order], kind="stable")]
    values = values[order]
    counts = np.bincount(groups, minlength=n_groups)
    filled = np.flatnonzero(counts)
    starts = (np.cumsum(counts) - counts)[filled]
    sizes = counts[filled]
    result: list[list[float | None]] = []
    for q in qs:
        position = q * (sizes - 1)
        low = np.floor(position).astype(np.int64)
        high = np.minimum(low + 1, sizes - 1)
        low_value, high_value = values[starts + low], values[starts + high]
        quantiles: list[float | None] = [None] * n_groups
        for group, quantile in zip(
            filled.tolist(), (low_value + (position - low) * (high_value - low_value)).tolist(), strict=True
        ):
            quantiles[group] = quantile
        result.append(quantiles)
    return result


# --- lead times, weeks, backlog ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Histogram:
    labels: list[str]
    counts: list[int]
    edges_hours: list[float]  # lower edges; the last bin is open-ended


@dataclass(frozen=True)
class LeadTimes:
    count: int
    p50_hours: float | None
    p90_hours: float | None
    mean_hours: float | None
    within_hours: float
    share_within: float | None  # share of resolved items with lead time <= within_hours
    histogram: Histogram

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def lead_times(items: Items, *, within_hours: float) -> LeadTimes:
    """Lead times in hours of the resolved items: percentiles, mean, histogram and service level."""
    _check_hours(within_hours)
    resolved = items.resolved_effective()
    done = ~np.isnan(resolved)
    hours = _lead_hours(items, resolved)[done]
    edges = np.array(LEAD_TIME_EDGES_HOURS)
    bins = np.searchsorted(edges, hours, side="right") - 1
    histogram = Histogram(
        labels=list(LEAD_TIME_LABELS),
        counts=np.bincount(bins, minlength=len(edges)).tolist(),
        edges_hours=edges.tolist(),
    )
    if hours.size == 0:
        return LeadTimes(0, None, None, None, float(within_hours), None, histogram)
    p50, p90 = np.quantile(hours, [0.5, 0.9]).tolist()
    return LeadTimes(
        count=int(hours.size),
        p50_hours=p50,
        p90_hours=p90,
        mean_hours=float(hours.mean()),
        within_hours=float(within_hours),
        share_within=float(np.count_nonzero(hours <= within_hours) / hours.size),
        histogram=histogram,
    )


@dataclass(frozen=True)
class Week:
    week: str  # the Monday the week starts on, ISO date
    created: int
    resolved: int
    p50_hours: float | None  # lead time of the items resolved this week
    p90_hours: float | None
    service_level: float | None  # share of this week's resolved items resolved within the service-level time
    backlog: int  # created and not resolved at the end of the week (Sunday 24:00)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def weekly(items: Items, *, within_hours: float) -> list[Week]:
    """One row per week (Monday to Sunday, local time) from the first to the last week with any item created or
    resolved; weeks without activity in between are included with zeros."""
    _check_hours(within_hours)
    if len(items) == 0:
        return []
    resolved = items.resolved_effective()
    done = ~np.isnan(resolved)
    created_monday = _monday(_days(items.created))
    resolved_monday = _monday(_days(resolved[done]))
    first = int(created_monday.min())
    last = int(max(created_monday.max(), resolved_monday.max(initial=first)))
    n_weeks = (last - first) // 7 + 1
    created_week = (created_monday - first) // 7
    resolved_week = (resolved_monday - first) // 7
    created_count = np.bincount(created_week, minlength=n_weeks)
    resolved_count = np.bincount(resolved_week, minlength=n_weeks)
    hours = _lead_hours(items, resolved)[done]
    within = np.bincount(resolved_week, weights=(hours <= within_hours).astype(np.float64), minlength=n_weeks)
    p50, p90 = _grouped_quantiles(hours, resolved_week, n_weeks, (0.5, 0.9))
    # Every resolved item was created no later than it was resolved, so the difference never goes negative.
    backlog = np.cumsum(created_count) - np.cumsum(resolved_count)
    mondays = _iso_dates(np.arange(first, last + 1, 7, dtype=np.int64))
    return [
        Week(
            week=mondays[week],
            created=int(created_count[week]),
            resolved=int(resolved_count[week]),
            p50_hours=p50[week],
            p90_hours=p90[week],
            service_level=float(within[week] / resolved_count[week]) if resolved_count[week] else None,
            backlog=int(backlog[week]),
        )
        for week in range(n_weeks)
    ]


def backlog_daily(items: Items) -> list[tuple[str, int]]:
    """Open items (created, not yet resolved) at the end of each day, from the first to the last day with any
    item created or resolved."""
    if len(items) == 0:
        return []
    resolved = items.resolved_effective()
    created_day = _days(items.created)
    resolved_day = _days(resolved[~np.isnan(resolved)])
    first = int(created_day.min())
    last = int(max(created_day.max(), resolved_day.max(initial=first)))
    n_days = last - first + 1
    open_items = np.cumsum(np.bincount(created_day - first, minlength=n_days)) - np.cumsum(
        np.bincount(resolved_day - first, minlength=n_days)
    )
    return list(zip(_iso_dates(np.arange(first, last + 1, dtype=np.int64)), open_items.tolist(), strict=True))


# --- load and help flows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    items: list[int]  # per person: items in their portfolio
    revenue: list[float]  # per person: summed known value of their portfolio's items
    portfolios: int  # people who own at least one item
    unowned: int  # items without a known owner
    gini: float | None  # Gini of items over the portfolios (None without any)
    max_over_mean: float | None  # items of the busiest portfolio / mean items per portfolio

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def gini(counts: IntArray) -> float | None:
    """Gini coefficient of non-negative counts: the mean absolute difference between two of them over twice
    their mean; 0 when all are equal. None for an empty list or an all-zero one."""
    values = np.sort(np.asarray(counts, dtype=np.int64))
    n, total = values.size, int(values.sum())
    if n == 0 or total == 0:
        return None
    # Sorted form of the mean absolute difference, in integers so an even load gives exactly 0.
    ranked = int(np.dot(np.arange(1, n + 1, dtype=np.int64), values))
    return (2 * ranked - (n + 1) * total) / (n * total)


def load(items: Items, n_people: int) -> Load:
    """Items and revenue per portfolio owner, and how unevenly the items fall on the portfolios."""
    _check_people(items, n_people)
    owned = items.owner >= 0
    counts = np.bincount(items.owner[owned], minlength=n_people)
    revenue = np.bincount(items.owner[owned], weights=np.nan_to_num(items.value[owned]), minlength=n_people)
    portfolios = counts[counts > 0]
    return Load(
        items=counts.tolist(),
        revenue=revenue.astype(np.float64).tolist(),
        portfolios=int(portfolios.size),
        unowned=int(np.count_nonzero(~owned)),
        gini=gini(portfolios),
        max_over_mean=float(portfolios.max() / portfolios.mean()) if portfolios.size else None,
    )


@dataclass(frozen=True)
class HelpFlows:
    items: int  # items with a known owner and a known handler
    help_items: int  # of those, handled by someone other than the owner
    help_share: float | None
    matrix: list[list[int]]  # matrix[handler][owner]: items
    given: list[int]  # per person: colleagues' items they handled
    received: list[int]  # per person: items of their portfolio that a colleague handled

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def help_flows(items: Items, n_people: int) -> HelpFlows:
    """Who handled items of whose portfolio, among the items whose owner and handler are both known."""
    _check_people(items, n_people)
    known = (items.owner >= 0) & (items.handler >= 0)
    cells = items.handler[known] * n_people + items.owner[known]
    matrix = np.bincount(cells, minlength=n_people * n_people).reshape(n_people, n_people)
    own = np.diag(matrix)
    total = int(matrix.sum())
    helped = total - int(own.sum())
    return HelpFlows(
        items=total,
        help_items=helped,
        help_share=helped / total if total else None,
        matrix=matrix.tolist(),
        given=(matrix.sum(axis=1) - own).tolist(),
        received=(matrix.sum(axis=0) - own).tolist(),
    )


# --- help after target -------------------------------------------------------------------------------------------


def working_seconds(times: FloatArray, working_day: tuple[float, float] = WORKING_DAY_HOURS) -> FloatArray:
    """Working seconds from a fixed origin up to each time: Monday to Friday, inside `working_day` (local
    wall-clock hours from and until). The working time in [a, b) is working_seconds(b) - working_seconds(a)."""
    opens, closes = working_day[0] * SECONDS_PER_HOUR, working_day[1] * SECONDS_PER_HOUR
    days = np.floor(times / SECONDS_PER_DAY)
    # Weeks counted from Monday 1969-12-29 (day -3), so the weekday is 0 on Mondays and 5, 6 at the weekend.
    weeks, weekday = np.divmod(days + 3, 7)
    whole_days = 5 * weeks + np.minimum(weekday, 5)
    today = np.where(weekday < 5, np.clip(times - days * SECONDS_PER_DAY - opens, 0.0, closes - opens), 0.0)
    seconds: FloatArray = whole_days * (closes - opens) + today
    return seconds


@dataclass(frozen=True)
class HelpSignal:
    verdict: Verdict
    reason: str | None  # why too_little_data (see REASON_*), else None
    share_after: float | None  # help moments after target / help moments in a target state
    rate_before: float | None  # help moments per working hour before target (all people and workloads together)
    rate_after: float | None  # the same after target
    rate_ratio: float | None  # Mantel-Haenszel rate ratio at equal person and own workload; None when undefined
    p_value: float | None  # one-sided stratified conditional test; None without a comparable group
    help_events: int  # help moments of people in a target state
    handled_events: int  # all such moments (help and own work)
    strata_used: int  # groups (person x workload) with working time both before and after target
    people_with_targets: int  # people with working time or a handling moment inside their own target periods
    permutations: int

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _groups(keys: IntArray, within: FloatArray | None = None) -> tuple[IntArray, IntArray, IntArray]:
    """An order that groups equal keys (sorted by `within` inside a group, else stable), the distinct keys, and
    where each key's group starts and ends in that order."""
    order = np.arange(keys.size) if within is None else np.argsort(within)
    order = order[np.argsort(keys[order], kind="stable")]
    distinct, starts = np.unique(keys[order], return_index=True)
    ends = np.append(starts[1:], keys.size)[: starts.size]
    return order, distinct, np.stack([starts, ends], axis=1)


def _members(keys: IntArray, spans: IntArray, order: IntArray, key: int) -> IntArray:
    """The entries of `order` whose key is `key` (see _groups), none when it has no group."""
    found = int(np.searchsorted(keys, key))
    if found == keys.size or keys[found] != key:
        return order[:0]
    return order[slice(*spans[found])]


@dataclass(frozen=True)
class _ItemTimes:
    """What the signal needs of every item, computed once for all people."""

    created: FloatArray
    resolved: FloatArray  # never before creation (see Items.resolved_effective); NaN while open
    value: FloatArray  # unknown counts as 0

    @classmethod
    def of(cls, items: Items) -> _ItemTimes:
        return cls(created=items.created, resolved=items.resolved_effective(), value=np.nan_to_num(items.value))


@dataclass(frozen=True)
class _Periods:
    """One person's target periods, sorted by start."""

    start: FloatArray
    end: FloatArray
    target: FloatArray

    def containing(self, moments: FloatArray) -> IntArray:
        """The period that contains each moment, -1 where none does."""
        period = np.searchsorted(self.start, moments, side="right") - 1
        inside = period >= 0
        inside[inside] = moments[inside] < self.end[period[inside]]
        return np.where(inside, period, -1)


@dataclass(frozen=True)
class _Portfolio:
    """One person's own items, sorted so that questions about many moments are answered at once."""

    created: FloatArray  # sorted
    resolved: FloatArray  # sorted; NaN (still open) sorts last
    revenue_before: FloatArray  # revenue_before[k]: summed value of the first k resolved items
    tolerance: float

    @classmethod
    def of(cls, times: _ItemTimes, mine: IntArray) -> _Portfolio:
        order = np.argsort(times.resolved[mine])
        resolved = times.resolved[mine][order]
        values = times.value[mine][order][~np.isnan(resolved)]
        return cls(
            created=np.sort(times.created[mine]),
            resolved=resolved,
            revenue_before=np.concatenate(([0.0], np.cumsum(values))),
            # Running totals carry rounding of about 1e-16 of their size per step: a target met to the cent
            # must not read as missed by a billionth of a euro.
            tolerance=1e-10 * max(1.0, float(np.abs(values).sum())),
        )

    def after_target(self, periods: _Periods, period: IntArray, moments: FloatArray, *, until: Side) -> BoolArray:
        """Whether the revenue resolved in the period up to each moment reached the period's target: resolved
        before the moment with until="left" (at the moment itself), also at it with until="right" (just after)."""
        credited = np.searchsorted(self.resolved, moments, side=until)
        since = np.searchsorted(self.resolved, periods.start[period], side="left")
        revenue = self.revenue_before[credited] - self.revenue_before[since]
        reached: BoolArray = revenue + self.tolerance >= periods.target[period]
        return reached

    def own_work(self, moments: FloatArray) -> IntArray:
        """Own items arrived and not resolved, just after each moment: the workload from it until the next own
        arrival or resolution."""
        arrived = np.searchsorted(self.created, moments, side="right")
        return arrived - np.searchsorted(self.resolved, moments, side="right")

    def change_points(self) -> FloatArray:
        """Every moment the own workload or the credited revenue changes."""
        resolved = self.resolved[~np.isnan(self.resolved)]
        return np.concatenate((self.created, resolved))


@dataclass(frozen=True)
class _Tally:
    """Per stratum (person x own-workload group, as rows) and target state (columns: before, after)."""

    help_events: IntArray
    hours: FloatArray
    handled_events: int
    people: int


def _working_hours_by_state(
    portfolio: _Portfolio,
    periods: _Periods,
    *,
    covered: tuple[float, float],
    workload_bins: IntArray,
    working_day: tuple[float, float],
) -> FloatArray:
    """Working hours the person spent in each (workload group, target state) inside their target periods.

    Between two consecutive change points (own arrivals and resolutions, period bounds) the workload and the
    target state stay the same, so each such segment [a, b) falls in one cell as a whole."""
    bounds = np.concatenate((periods.start, periods.end, portfolio.change_points()))
    points = np.unique(np.clip(bounds, *covered))
    a, b = points[:-1], points[1:]
    period = periods.containing(a)
    inside = period >= 0
    a, b, period = a[inside], b[inside], period[inside]
    after = portfolio.after_target(periods, period, a, until="right")
    group = np.searchsorted(workload_bins, portfolio.own_work(a), side="right") - 1
    seconds = working_seconds(b, working_day) - working_seconds(a, working_day)
    cells = np.bincount(group * 2 + after, weights=seconds, minlength=2 * workload_bins.size)
    return cells.reshape(workload_bins.size, 2) / SECONDS_PER_HOUR


def _help_tally(items: Items, targets: Targets, workload_bins: IntArray, working_day: tuple[float, float]) -> _Tally:
    n_bins = workload_bins.size
    handled_at = items.handled_at()
    is_event = (items.handler >= 0) & (items.owner >= 0) & ~np.isnan(handled_at)
    event_person, event_time = items.handler[is_event], handled_at[is_event]
    event_help = items.handler[is_event] != items.owner[is_event]
    # Moments in time order within each person: np.searchsorted is far faster with sorted keys.
    event_order, event_people, event_spans = _groups(event_person, event_time)
    own_order, own_people, own_spans = _groups(items.owner)
    item_times = _ItemTimes.of(items)
    covered = (float(items.created.min()), float(items.created.max())) if len(items) else (0.0, 0.0)
    target_order = np.lexsort((targets.start, targets.person))
    target_people, target_starts = np.unique(targets.person[target_order], return_index=True)
    target_ends = np.append(target_starts[1:], len(targets))

    help_events = np.zeros((target_people.size, n_bins, 2), dtype=np.int64)
    hours = np.zeros((target_people.size, n_bins, 2))
    handled_events = people = 0
    for slot, person in enumerate(target_people.tolist()):
        rows = target_order[target_starts[slot] : target_ends[slot]]
        periods = _Periods(targets.start[rows], targets.end[rows], targets.target[rows])
        portfolio = _Portfolio.of(item_times, _members(own_people, own_spans, own_order, person))
        hours[slot] = _working_hours_by_state(
            portfolio, periods, covered=covered, workload_bins=workload_bins, working_day=working_day
        )

        events = _members(event_people, event_spans, event_order, person)
        times = event_time[events]
        period = periods.containing(times)
        inside = (period >= 0) & (times >= covered[0]) & (times <= covered[1])
        events, times, period = events[inside], times[inside], period[inside]
        handled_events += events.size
        people += int(events.size > 0 or hours[slot].sum() > 0)

        helped = event_help[events]
        after = portfolio.after_target(periods, period[helped], times[helped], until="left")
        group = np.searchsorted(workload_bins, portfolio.own_work(times[helped]), side="right") - 1
        help_events[slot] = np.bincount(group * 2 + after, minlength=2 * n_bins).reshape(n_bins, 2)
    return _Tally(help_events.reshape(-1, 2), hours.reshape(-1, 2), handled_events, people)


def mantel_haenszel_rate_ratio(
    *, events_before: IntArray, events_after: IntArray, hours_before: FloatArray, hours_after: FloatArray
) -> float | None:
    """Mantel-Haenszel rate ratio, after vs before target, over strata with time in both states (one entry per
    stratum): sum(a * T0 / T) / sum(b * T1 / T) with a, b the events after and before, T1, T0 the time after
    and before and T = T0 + T1. Infinity when there are events after but none before; None when there are none."""
    total = hours_before + hours_after
    numerator = float(np.sum(events_after * hours_before / total))
    denominator = float(np.sum(events_before * hours_after / total))
    if denominator == 0:
        return math.inf if numerator > 0 else None
    return numerator / denominator


def help_after_target(
    items: Items,
    targets: Targets,
    *,
    permutations: int = 2000,
    seed: int = 0,
    workload_bins: tuple[int, ...] = WORKLOAD_BINS,
    working_day: tuple[float, float] = WORKING_DAY_HOURS,
) -> HelpSignal:
    """Whether people help colleagues more often per working hour once they reached their own target, at equal
    own workload.

    See the module docstring for the definition. The test is the exact conditional test of equal rates: given
    the n help moments of a (person x workload) stratum, under equal rates the number after target is
    Binomial(n, after-target share of the stratum's working time); all strata are drawn at once and summed."""
    if permutations < 1:
        raise ValueError("permutations must be 1 or more")
    bins = np.asarray(workload_bins, dtype=np.int64)
    if bins.ndim != 1 or bins.size == 0 or bins[0] != 0 or (np.diff(bins) <= 0).any():
        raise ValueError("workload_bins must start at 0 and increase")
    if not 0 <= working_day[0] < working_day[1] <= 24:
        raise ValueError("working_day must be (from, until) in hours with 0 <= from < until <= 24")
    tally = _help_tally(items, targets, bins, working_day)

    before, after = tally.help_events[:, 0], tally.help_events[:, 1]
    hours_before, hours_after = tally.hours[:, 0], tally.hours[:, 1]
    help_before, help_after = int(before.sum()), int(after.sum())
    help_events = help_before + help_after
    total_before, total_after = float(hours_before.sum()), float(hours_after.sum())

    mixed = (hours_before > 0) & (hours_after > 0)
    rate_ratio = p_value = None
    if mixed.any():
        rate_ratio = mantel_haenszel_rate_ratio(
            events_before=before[mixed],
            events_after=after[mixed],
            hours_before=hours_before[mixed],
            hours_after=hours_after[mixed],
        )
        share = hours_after[mixed] / (hours_before[mixed] + hours_after[mixed])
        rng = np.random.default_rng(seed)
        draws = rng.binomial(before[mixed] + after[mixed], share, size=(permutations, share.size)).sum(axis=1)
        p_value = (1 + int(np.count_nonzero(draws >= after[mixed].sum()))) / (1 + permutations)

    reason = None
    if tally.people < MIN_PEOPLE_WITH_TARGETS:
        reason = REASON_FEW_PEOPLE
    elif help_events < MIN_HELP_EVENTS:
        reason = REASON_FEW_HELP
    elif not mixed.any():
        reason = REASON_NO_COMPARISON
    verdict: Verdict = "too_little_data"
    if reason is None:
        flagged = p_value is not None and p_value < SIGNIFICANCE and rate_ratio is not None and rate_ratio > 1
        verdict = "pattern" if flagged else "no_pattern"

    return HelpSignal(
        verdict=verdict,
        reason=reason,
        share_after=help_after / help_events if help_events else None,
        rate_before=help_before / total_before if total_before > 0 else None,
        rate_after=help_after / total_after if total_after > 0 else None,
        rate_ratio=None if rate_ratio is None else _optional(rate_ratio),
        p_value=p_value,
        help_events=help_events,
        handled_events=tally.handled_events,
        strata_used=int(np.count_nonzero(mixed)),
        people_with_targets=tally.people,
        permutations=permutations,
    )


# --- everything together -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Diagnosis:
    lead_time: LeadTimes
    weekly: list[Week]
    backlog: list[tuple[str, int]]
    load: Load
    help_flows: HelpFlows
    help_after_target: HelpSignal

    def as_dict(self) -> dict[str, Any]:
        return {
            "lead_time": self.lead_time.as_dict(),
            "weekly": [week.as_dict() for week in self.weekly],
            "backlog": [[day, open_items] for day, open_items in self.backlog],
            "load": self.load.as_dict(),
            "help": self.help_flows.as_dict(),
            "help_after_target": self.help_after_target.as_dict(),
        }


def diagnose(
    items: Items,
    targets: Targets,
    n_people: int,
    *,
    within_hours: float,
    seed: int = 0,
    permutations: int = 2000,
) -> Diagnosis:
    """The whole team diagnosis of one set of items and targets."""
    return Diagnosis(
        lead_time=lead_times(items, within_hours=within_hours),
        weekly=weekly(items, within_hours=within_hours),
        backlog=backlog_daily(items),
        load=load(items, n_people),
        help_flows=help_flows(items, n_people),
        help_after_target=help_after_target(items, targets, permutations=permutations, seed=seed),
    )
