"""What a run returns: per-replication metrics, their aggregates with 95% confidence intervals, plain data."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from naober.sim.params import Params

# One value per replication. Times are working hours; requests include rework (a request that came back).
# - lead_time_*: finish - arrival over finished requests; wait_mean_hours: start - arrival over started ones.
# - service_level_share: finished within the team's service_level_hours, over the finished requests plus the
#   open ones already older than that at the end (undone work must not look like good service).
# - backlog_end: requests not finished at the end (waiting or in hand); requests_finished: finished ones.
# - help_hours: hours worked on a colleague's queue (work in hand at the end counts up to the end);
#   help_share: help hours / hours worked; help_after_target_share: share of help hours whose request was started
#   after the helper's own revenue reached the period target (NaN without individual targets or without help).
# - workload_gini: Gini of hours worked per member; bonus_gini: Gini of bonus paid per member over the run (NaN
#   for the validation policies, which pay none, or when nothing was paid).
# - team_revenue_eur: revenue of the finished original requests; effort_mean: mean over members and periods.
METRIC_NAMES: tuple[str, ...] = (
    "lead_time_mean_hours",
    "lead_time_p50_hours",
    "lead_time_p90_hours",
    "wait_mean_hours",
    "service_level_share",
    "backlog_end",
    "requests_finished",
    "help_hours",
    "help_share",
    "help_after_target_share",
    "workload_gini",
    "bonus_gini",
    "team_revenue_eur",
    "effort_mean",
)

# One row per request; `replication` says which replication it belongs to. `rework` counts how often the
# work came back (0 for a customer's original request). handler is -1 and start/finish NaN while open.
REQUEST_DTYPE = np.dtype(
    [
        ("replication", np.int32),
        ("arrival", np.float64),
        ("owner", np.int32),
        ("handler", np.int32),
        ("start", np.float64),
        ("finish", np.float64),
        ("rework", np.int32),
    ]
)

# t_{0.975, df} for df = 1..30 (exact to the digits shown); beyond 30 the Cornish-Fisher expansion is used,
# which is accurate to better than 1e-6 there.
_T975 = (
    12.706204736174694,
    4.302652729749462,
    3.1824463052837078,
    2.7764451051977934,
    2.5705818356363146,
    2.4469118511449786,
    2.364624251592784,
    2.306004135204166,
    2.262157162798205,
    2.228138851986274,
    2.200985160091639,
    2.1788128296672284,
    2.1603686564627913,
    2.144786687917804,
    2.131449545559776,
    2.1199052992212546,
    2.1098155778333156,
    2.1009220402410382,
    2.0930240544083087,
    2.085963447265864,
    2.0796138447276795,
    2.0738730679040254,
    2.0686576104190486,
    2.0638985616280245,
    2.0595385527532972,
    2.0555294386428735,
    2.0518305164802846,
    2.0484071417952454,
    2.045229642132703,
    2.0422724563012378,
)
_Z975 = 1.959963984540054


def t_quantile_975(df: int) -> float:
    """The 0.975 quantile of Student's t with `df` degrees of freedom (two-sided 95% intervals)."""
    if df < 1:
        raise ValueError("df must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    v = float(df)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


@dataclass(frozen=True)
class Estimate:
    """Mean over replications with a 95% t-interval; NaN replications are left out (n counts the rest)."""

    mean: float
    ci95_low: float
    ci95_high: float
    sd: float
    n: int

    @classmethod
    def of(cls, values: npt.ArrayLike) -> Estimate:
        x = np.asarray(values, dtype=np.float64)
        x = x[np.isfinite(x)]
        n = int(x.size)
        if n == 0:
            return cls(math.nan, math.nan, math.nan, math.nan, 0)
        mean = float(x.mean())
        if n == 1:
            return cls(mean, math.nan, math.nan, math.nan, 1)
        sd = float(x.std(ddof=1))
        half = t_quantile_975(n - 1) * sd / math.sqrt(n)
        return cls(mean, mean - half, mean + half, sd, n)

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "mean": _plain(self.mean),
            "ci95_low": _plain(self.ci95_low),
            "ci95_high": _plain(self.ci95_high),
            "sd": _plain(self.sd),
            "n": self.n,
        }


def _plain(x: float) -> float | None:
    """JSON has no NaN: undefined values become None."""
    return float(x) if math.isfinite(x) else None


@dataclass(frozen=True)
class Result:
    """One run: `metrics[name][k]` is replication k's value; `aggregate[name]` summarises them.

    `help_matrix_hours[i, j]` is the mean over replications of the hours member i worked on j's queue.
    `requests` (REQUEST_DTYPE, every replication) is there only when `params.keep_requests` was set.
    """

    params: Params
    seed: int
    metrics: dict[str, npt.NDArray[np.float64]]
    help_matrix_hours: npt.NDArray[np.float64]
    aggregate: dict[str, Estimate]
    requests: npt.NDArray[np.void] | None = None

    @classmethod
    def build(
        cls,
        params: Params,
        seed: int,
        metrics: dict[str, npt.NDArray[np.float64]],
        help_matrix_hours: npt.NDArray[np.float64],
        requests: npt.NDArray[np.void] | None,
    ) -> Result:
        aggregate = {name: Estimate.of(values) for name, values in metrics.items()}
        return cls(params, seed, metrics, help_matrix_hours, aggregate, requests)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data (lists, floats, None for NaN)."""
        data: dict[str, Any] = {
            "params": dataclasses.asdict(self.params),
            "seed": self.seed,
            "metrics": {name: [_plain(float(v)) for v in values] for name, values in self.metrics.items()},
            "help_matrix_hours": [[float(v) for v in row] for row in self.help_matrix_hours],
            "aggregate": {name: estimate.to_dict() for name, estimate in self.aggregate.items()},
            "requests": None,
        }
        if self.requests is not None:
            data["requests"] = {
                name: [
                    _plain(float(v)) if self.requests.dtype[name].kind == "f" else int(v) for v in self.requests[name]
                ]
                for name in REQUEST_DTYPE.names or ()
            }
        return data
