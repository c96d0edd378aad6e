"""Run the model of docs/simulation.md: translate `Params` for the kernel, spread replications, collect results."""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed

import numpy as np
import numpy.typing as npt

from naober.sim import kernel
from naober.sim.params import ParameterError, Params
from naober.sim.results import METRIC_NAMES, REQUEST_DTYPE, Result

# Replications are always computed in chunks of this size, whatever the number of workers, so that sums over
# replications are added in the same order and results are bit-identical for any `workers`.
CHUNK_SIZE = 25

_POLICIES = {"scheme": kernel.POLICY_SCHEME, "none": kernel.POLICY_NONE, "pooled": kernel.POLICY_POOLED}
_DISTRIBUTIONS = {"exponential": kernel.DISTRIBUTION_EXPONENTIAL, "lognormal": kernel.DISTRIBUTION_LOGNORMAL}
_SHAPES = {
    "none": kernel.SHAPE_NONE,
    "linear": kernel.SHAPE_LINEAR,
    "threshold": kernel.SHAPE_THRESHOLD,
    "capped": kernel.SHAPE_CAPPED,
    "rank": kernel.SHAPE_RANK,
}
_BASES = {
    "service_level": kernel.BASIS_SERVICE_LEVEL,
    "lead_time": kernel.BASIS_LEAD_TIME,
    "quality": kernel.BASIS_QUALITY,
    "revenue": kernel.BASIS_REVENUE,
}
_METRIC_COLUMNS = {
    "lead_time_mean_hours": kernel.M_LEAD_TIME_MEAN,
    "lead_time_p50_hours": kernel.M_LEAD_TIME_P50,
    "lead_time_p90_hours": kernel.M_LEAD_TIME_P90,
    "wait_mean_hours": kernel.M_WAIT_MEAN,
    "service_level_share": kernel.M_SERVICE_LEVEL_SHARE,
    "backlog_end": kernel.M_BACKLOG_END,
    "requests_finished": kernel.M_REQUESTS_FINISHED,
    "help_hours": kernel.M_HELP_HOURS,
    "help_share": kernel.M_HELP_SHARE,
    "help_after_target_share": kernel.M_HELP_AFTER_TARGET_SHARE,
    "workload_gini": kernel.M_WORKLOAD_GINI,
    "bonus_gini": kernel.M_BONUS_GINI,
    "team_revenue_eur": kernel.M_TEAM_REVENUE,
    "effort_mean": kernel.M_EFFORT_MEAN,
}
assert tuple(_METRIC_COLUMNS) == METRIC_NAMES  # noqa: S101 - a programming error, caught on import

FloatArray = npt.NDArray[np.float64]
KernelInput = tuple[FloatArray, npt.NDArray[np.int64], FloatArray, FloatArray, FloatArray]


def replication_states(seed: int, replications: int) -> npt.NDArray[np.uint64]:
    """The generator state of every replication: replication k draws from SeedSequence(seed).spawn(R)[k]."""
    children = np.random.SeedSequence(seed).spawn(replications)
    states = np.empty((replications, 4), dtype=np.uint64)
    for k, child in enumerate(children):
        states[k] = child.generate_state(4, np.uint64)
        if not states[k].any():  # xoshiro's one forbidden state; probability 2**-256
            states[k, 0] = 1
    return states


def kernel_input(params: Params) -> KernelInput:
    """`Params` as the kernel's float vector, integer vector and per-member arrays."""
    team, scheme = params.team, params.scheme
    fp = np.zeros(kernel.F_COUNT)
    fp[kernel.F_HOURS_PER_DAY] = team.hours_per_day
    fp[kernel.F_SERVICE_CV] = team.service_cv
    fp[kernel.F_HELP_EFFICIENCY] = team.help_efficiency
    fp[kernel.F_SICK_PROBABILITY] = team.sick_probability
    fp[kernel.F_SICK_MEAN_DAYS] = team.sick_mean_days
    fp[kernel.F_HOLIDAY_DAYS] = team.holiday_days
    fp[kernel.F_SERVICE_LEVEL_HOURS] = team.service_level_hours
    fp[kernel.F_REWORK_OWN] = team.rework_probability_own
    fp[kernel.F_REWORK_HELP] = team.rework_probability_help
    fp[kernel.F_INDIVIDUAL_WEIGHT] = scheme.individual_weight
    fp[kernel.F_BONUS] = scheme.bonus_per_period_eur
    fp[kernel.F_TARGET_LEVEL] = scheme.target_level
    fp[kernel.F_CAP_LEVEL] = scheme.cap_level
    fp[kernel.F_TEAM_TARGET] = scheme.team_target
    fp[kernel.F_DUTY] = scheme.duty_eur
    fp[kernel.F_INTRINSIC_HELP] = scheme.intrinsic_help_eur
    fp[kernel.F_RECIPROCITY] = scheme.reciprocity_eur
    fp[kernel.F_APPRECIATION] = scheme.appreciation_eur
    fp[kernel.F_PERCEPTION_UNSEEN] = scheme.perception_unseen
    fp[kernel.F_LEARNING_RATE] = scheme.reciprocity_learning_rate
    fp[kernel.F_EFFORT_MIN] = scheme.effort_min
    fp[kernel.F_EFFORT_COST] = scheme.effort_cost_eur
    fp[kernel.F_INTRINSIC_EFFORT] = scheme.intrinsic_effort_eur
    fp[kernel.F_TEMPERATURE] = scheme.temperature_eur
    fp[kernel.F_WILLINGNESS_INITIAL] = scheme.willingness_initial
    fp[kernel.F_MEASURE_FROM] = 0.0
    fp[kernel.F_MEASURE_TO] = np.inf
    fp[kernel.F_WITHIN] = team.service_level_hours
    ip = np.zeros(kernel.I_COUNT, dtype=np.int64)
    ip[kernel.I_MEMBERS] = team.members
    ip[kernel.I_DAYS] = team.days
    ip[kernel.I_PERIOD_DAYS] = team.period_days
    ip[kernel.I_POLICY] = _POLICIES[params.policy]
    ip[kernel.I_DISTRIBUTION] = _DISTRIBUTIONS[team.service_distribution]
    ip[kernel.I_SHAPE] = _SHAPES[scheme.bonus_shape]
    ip[kernel.I_BASIS] = _BASES[scheme.team_basis]
    ip[kernel.I_TARGET_SCALED] = scheme.target_mode == "scaled"
    ip[kernel.I_VISIBLE] = scheme.help_visible
    ip[kernel.I_EFFORT_MODELLED] = scheme.effort_modelled
    lam = np.asarray(team.arrival_rates_per_hour, dtype=np.float64)
    smean = np.asarray(team.service_mean_hours, dtype=np.float64)
    value = np.asarray(team.revenue_per_request_eur, dtype=np.float64)
    return fp, ip, lam, smean, value


def run_chunk(
    states: npt.NDArray[np.uint64], inputs: KernelInput, keep_requests: bool, first_replication: int
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.void] | None]:
    """Replications for the rows of `states`: (metric rows, sum of help matrices, requests or None)."""
    if not keep_requests:
        metrics, help_sum = kernel.simulate_chunk(states, *inputs)
        return metrics, help_sum, None
    n = int(inputs[1][kernel.I_MEMBERS])
    rows = np.empty((states.shape[0], kernel.M_COUNT))
    help_sum = np.zeros((n, n))
    parts = []
    for k in range(states.shape[0]):
        row, help_matrix, arrival, owner, handler, start, finish, generation = kernel.replicate(states[k], *inputs)
        rows[k] = row
        help_sum += help_matrix
        part = np.empty(arrival.shape[0], dtype=REQUEST_DTYPE)
        part["replication"] = first_replication + k
        part["arrival"] = arrival
        part["owner"] = owner
        part["handler"] = handler
        part["start"] = start
        part["finish"] = finish
        part["rework"] = generation
        parts.append(part)
    return rows, help_sum, np.concatenate(parts)


# A worker process needs seconds to import numba and load the compiled kernel, so pools are kept for the
# life of the calling process and reused by every run() (a comparison of six presets pays the start once).
_POOLS: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _POOLS:
        # "spawn" rather than fork: the caller may be a threaded web or task process.
        context = multiprocessing.get_context("spawn")
        _POOLS[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        atexit.register(_POOLS[workers].shutdown, wait=False, cancel_futures=True)
    return _POOLS[workers]


def run_replications(
    states: npt.NDArray[np.uint64],
    inputs: KernelInput,
    *,
    keep_requests: bool = False,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.void] | None]:
    """All replications in fixed chunks, in this process or a pool: (metric rows, help-matrix sum, requests)."""
    total = states.shape[0]
    bounds = [(a, min(a + CHUNK_SIZE, total)) for a in range(0, total, CHUNK_SIZE)]
    results: list[tuple[FloatArray, FloatArray, npt.NDArray[np.void] | None] | None] = [None] * len(bounds)
    done = 0
    if workers == 1 or len(bounds) == 1:
        for index, (a, b) in enumerate(bounds):
            results[index] = run_chunk(states[a:b], inputs, keep_requests, a)
            done += b - a
            if progress is not None:
                progress(done, total)
    else:
        pool = _pool(workers)
        futures = {
            pool.submit(run_chunk, states[a:b], inputs, keep_requests, a): index for index, (a, b) in enumerate(bounds)
        }
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            a, b = bounds[index]
            done += b - a
            if progress is not None:
                progress(done, total)
    n = int(inputs[1][kernel.I_MEMBERS])
    help_sum = np.zeros((n, n))
    rows = []
    parts = []
    for item in results:
        assert item is not None  # noqa: S101 - every chunk has been filled in above
        rows.append(item[0])
        help_sum += item[1]
        if item[2] is not None:
            parts.append(item[2])
    requests = np.concatenate(parts) if keep_requests else None
    return np.concatenate(rows), help_sum, requests


def run(params: Params, *, seed: int, workers: int = 1, progress: Callable[[int, int], None] | None = None) -> Result:
    """Simulate `params.replications` replications of the team under its scheme (docs/simulation.md).

    Replication k draws from `SeedSequence(seed).spawn(params.replications)[k]`, so the result is the same for
    any `workers`. With `workers > 1` replications run in a process pool ("spawn"): a script that calls this
    needs the usual `if __name__ == "__main__":` guard. `progress(done, total)` is called as chunks finish.
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ParameterError(f"seed must be a non-negative integer, not {seed!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ParameterError(f"workers must be a positive integer, not {workers!r}")
    states = replication_states(int(seed), params.replications)
    rows, help_sum, requests = run_replications(
        states, kernel_input(params), keep_requests=params.keep_requests, workers=workers, progress=progress
    )
    metrics = {name: rows[:, column].copy() for name, column in _METRIC_COLUMNS.items()}
    return Result.build(params, int(seed), metrics, help_sum / params.replications, requests)
