"""The queueing bounds of DESIGN.md §6, simulated with the engine's own kernel.

`queue_run` runs the kernel with the validation policies on one long working day: `none` is C independent
M/M/1 queues, `pooled` one work-conserving M/M/C FIFO queue. There is no absence, rework or bonus. The first
`warmup_hours` are discarded; after the measured `hours` the simulation runs on for a drain period so that the
requests that arrived while measuring can start.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

from naober.sim import kernel
from naober.sim.engine import replication_states, run_replications
from naober.sim.params import ParameterError
from naober.sim.results import Estimate


def queue_run(
    *,
    servers: int,
    arrival_rates: Sequence[float],
    service_rate: float,
    policy: Literal["none", "pooled"],
    hours: float,
    replications: int,
    seed: int,
    within: float | None = None,
    warmup_hours: float = 1000.0,
    workers: int = 1,
) -> dict[str, Any]:
    """Mean wait (and the share of waits up to `within` hours) with 95% intervals over replications.

    `arrival_rates` holds one rate per server, or a single rate for every server. Rates are per hour.
    """
    if servers < 1:
        raise ParameterError("servers must be at least 1")
    rates = [float(x) for x in arrival_rates]
    if len(rates) == 1:
        rates = rates * servers
    if len(rates) != servers:
        raise ParameterError(f"arrival_rates needs one value or one per server ({servers}), not {len(rates)}")
    if any(x < 0 for x in rates) or sum(rates) <= 0:
        raise ParameterError("arrival_rates must be >= 0 and not all zero")
    if service_rate <= 0:
        raise ParameterError("service_rate must be > 0")
    if policy not in ("none", "pooled"):
        raise ParameterError(f"policy must be 'none' or 'pooled', not {policy!r}")
    if hours <= 0:
        raise ParameterError("hours must be > 0")
    if warmup_hours < 0:
        raise ParameterError("warmup_hours must be >= 0")
    if replications < 2:
        raise ParameterError("replications must be at least 2 for a confidence interval")
    if within is not None and within < 0:
        raise ParameterError("within must be >= 0")

    drain = 0.1 * hours + 100.0 / service_rate
    fp = np.zeros(kernel.F_COUNT)
    fp[kernel.F_HOURS_PER_DAY] = warmup_hours + hours + drain
    fp[kernel.F_SERVICE_CV] = 1.0
    fp[kernel.F_HELP_EFFICIENCY] = 1.0
    fp[kernel.F_SICK_MEAN_DAYS] = 1.0
    fp[kernel.F_SERVICE_LEVEL_HOURS] = within if within is not None else 1.0
    fp[kernel.F_TARGET_LEVEL] = 1.0
    fp[kernel.F_CAP_LEVEL] = 1.0
    fp[kernel.F_TEAM_TARGET] = 1.0
    fp[kernel.F_EFFORT_MIN] = 1.0
    fp[kernel.F_EFFORT_COST] = 1.0
    fp[kernel.F_TEMPERATURE] = 1.0
    fp[kernel.F_MEASURE_FROM] = warmup_hours
    fp[kernel.F_MEASURE_TO] = warmup_hours + hours
    fp[kernel.F_WITHIN] = within if within is not None else math.inf
    ip = np.zeros(kernel.I_COUNT, dtype=np.int64)
    ip[kernel.I_MEMBERS] = servers
    ip[kernel.I_DAYS] = 1
    ip[kernel.I_PERIOD_DAYS] = 1
    ip[kernel.I_POLICY] = kernel.POLICY_NONE if policy == "none" else kernel.POLICY_POOLED
    lam = np.asarray(rates)
    smean = np.full(servers, 1.0 / service_rate)
    value = np.zeros(servers)

    states = replication_states(seed, replications)
    rows, _, _ = run_replications(states, (fp, ip, lam, smean, value), workers=workers)
    wait = Estimate.of(rows[:, kernel.M_WAIT_MEAN])
    result: dict[str, Any] = {
        "servers": servers,
        "policy": policy,
        "replications": replications,
        "hours": hours,
        "warmup_hours": warmup_hours,
        "arrival_rates": rates,
        "service_rate": service_rate,
        "utilisation": sum(rates) / (servers * service_rate),
        "mean_wait_hours": wait.mean,
        "mean_wait_ci95": [wait.ci95_low, wait.ci95_high],
        "within": within,
        "share_waiting_within": None,
        "share_waiting_within_ci95": None,
    }
    if within is not None:
        share = Estimate.of(rows[:, kernel.M_WAIT_WITHIN_SHARE])
        result["share_waiting_within"] = share.mean
        result["share_waiting_within_ci95"] = [share.ci95_low, share.ci95_high]
    return result
