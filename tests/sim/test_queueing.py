"""The queueing bounds of DESIGN.md §6: the engine's validation policies against queueing theory and Ciw.

`none` must behave as independent M/M/1 queues and `pooled` as one M/M/c queue. Every test runs the real
kernel (naober.sim.kernel) through `queue_run`. The pass rule (DESIGN.md §6, research notes V1): the analytic
value lies in the 95% confidence interval over replications, or the simulated mean is within ±3% of it.
"""

from __future__ import annotations

import math

import ciw
import numpy as np

from naober.sim import Params, Team, queue_run, run
from naober.sim.results import Estimate


def erlang_c(servers: int, offered_load: float) -> float:
    """Probability that an arrival waits in M/M/c (Erlang C), offered load a = lambda / mu < c."""
    rho = offered_load / servers
    top = offered_load**servers / math.factorial(servers) / (1 - rho)
    return top / (sum(offered_load**k / math.factorial(k) for k in range(servers)) + top)


def mmc_wait(servers: int, arrival_rate: float, service_rate: float) -> float:
    return erlang_c(servers, arrival_rate / service_rate) / (servers * service_rate - arrival_rate)


def mmc_share_within(servers: int, arrival_rate: float, service_rate: float, hours: float) -> float:
    c = erlang_c(servers, arrival_rate / service_rate)
    return 1 - c * math.exp(-(servers * service_rate - arrival_rate) * hours)


def _agrees(simulated: float, ci: list[float], analytic: float, tolerance: float = 0.03) -> bool:
    return ci[0] <= analytic <= ci[1] or abs(simulated - analytic) <= tolerance * analytic


def test_erlang_c_oracle_reproduces_the_design_example() -> None:
    assert round(erlang_c(4, 3.2), 3) == 0.596
    assert round(mmc_wait(4, 3.2, 1.0), 3) == 0.746
    assert round(mmc_wait(1, 0.8, 1.0), 3) == 4.000
    assert round(mmc_share_within(4, 3.2, 1.0, 1.0), 3) == 0.732
    assert round(mmc_share_within(1, 0.8, 1.0, 1.0), 3) == 0.345


def test_no_help_is_four_independent_mm1_queues() -> None:
    """4 servers, mu = 1/h, lambda = 0.8/h each: W_q = 4.000 h, P(W_q <= 1 h) = 0.345.

    Seed 11, 24 replications of 20,000 h after 1,000 h warm-up; analytic value in the 95% CI or within ±3%."""
    result = queue_run(
        servers=4,
        arrival_rates=[0.8],
        service_rate=1.0,
        policy="none",
        hours=20_000,
        replications=24,
        seed=11,
        within=1.0,
    )
    assert _agrees(result["mean_wait_hours"], result["mean_wait_ci95"], 4.000)
    assert _agrees(result["share_waiting_within"], result["share_waiting_within_ci95"], 0.345)
    assert result["utilisation"] == 0.8


def test_full_help_is_one_mm4_queue() -> None:
    """4 servers, mu = 1/h, lambda = 0.8/h each, pooled: W_q = 0.746 h (C = 0.596), P(W_q <= 1 h) = 0.732.

    Seed 12, 24 replications of 20,000 h after 1,000 h warm-up; analytic value in the 95% CI or within ±3%."""
    result = queue_run(
        servers=4,
        arrival_rates=[0.8],
        service_rate=1.0,
        policy="pooled",
        hours=20_000,
        replications=24,
        seed=12,
        within=1.0,
    )
    assert _agrees(result["mean_wait_hours"], result["mean_wait_ci95"], mmc_wait(4, 3.2, 1.0))
    assert _agrees(
        result["share_waiting_within"], result["share_waiting_within_ci95"], mmc_share_within(4, 3.2, 1.0, 1.0)
    )


UNEVEN = [0.5, 0.7, 0.9, 0.6]


def test_uneven_load_without_help_gives_the_arrival_weighted_mm1_waits() -> None:
    """lambda = 0.5, 0.7, 0.9, 0.6 /h, mu = 1/h, no help: per-queue M/M/1 waits weighted by arrival share
    (4.123 h; P(W_q <= 1 h) = 0.449). The rho = 0.9 queue converges slowly, hence the longer run.

    Seed 13, 30 replications of 40,000 h after 2,000 h warm-up; analytic value in the 95% CI or within ±3%."""
    total = sum(UNEVEN)
    wait = sum(lam / total * mmc_wait(1, lam, 1.0) for lam in UNEVEN)
    within = sum(lam / total * mmc_share_within(1, lam, 1.0, 1.0) for lam in UNEVEN)
    result = queue_run(
        servers=4,
        arrival_rates=UNEVEN,
        service_rate=1.0,
        policy="none",
        hours=40_000,
        replications=30,
        seed=13,
        within=1.0,
        warmup_hours=2_000,
    )
    assert _agrees(result["mean_wait_hours"], result["mean_wait_ci95"], wait)
    assert _agrees(result["share_waiting_within"], result["share_waiting_within_ci95"], within)


def test_uneven_load_with_full_help_is_erlang_c_of_the_total_rate() -> None:
    """Pooled, lambda = 0.5, 0.7, 0.9, 0.6 /h (total 2.7), mu = 1/h: M/M/4 with W_q = 0.301 h, P(W_q <= 1 h) = 0.894.

    Seed 14, 24 replications of 20,000 h after 1,000 h warm-up; analytic value in the 95% CI or within ±3%."""
    result = queue_run(
        servers=4,
        arrival_rates=UNEVEN,
        service_rate=1.0,
        policy="pooled",
        hours=20_000,
        replications=24,
        seed=14,
        within=1.0,
    )
    assert _agrees(result["mean_wait_hours"], result["mean_wait_ci95"], mmc_wait(4, 2.7, 1.0))
    assert _agrees(
        result["share_waiting_within"], result["share_waiting_within_ci95"], mmc_share_within(4, 2.7, 1.0, 1.0)
    )


def test_pooled_mode_agrees_with_ciw_for_mm4() -> None:
    """Ciw as an independent oracle: M/M/4, lambda = 3.2/h, mu = 1/h, mean wait in queue.

    Ciw: seeds 0..7, 8 runs of 3,000 h after 200 h warm-up. Engine: seed 15, 16 replications of 10,000 h after
    1,000 h. Pass: the two 95% confidence intervals overlap."""
    ciw_means = []
    for k in range(8):
        network = ciw.create_network(
            arrival_distributions=[ciw.dists.Exponential(rate=3.2)],
            service_distributions=[ciw.dists.Exponential(rate=1.0)],
            number_of_servers=[4],
        )
        ciw.seed(k)
        simulation = ciw.Simulation(network)
        simulation.simulate_until_max_time(3_200)
        waits = [r.waiting_time for r in simulation.get_all_records() if 200 <= r.arrival_date < 3_200]
        ciw_means.append(float(np.mean(waits)))
    oracle = Estimate.of(ciw_means)
    engine = queue_run(
        servers=4, arrival_rates=[0.8], service_rate=1.0, policy="pooled", hours=10_000, replications=16, seed=15
    )
    low, high = engine["mean_wait_ci95"]
    assert low <= oracle.ci95_high and oracle.ci95_low <= high
    assert _agrees(oracle.mean, [oracle.ci95_low, oracle.ci95_high], mmc_wait(4, 3.2, 1.0))


def test_lognormal_service_matches_pollaczek_khinchine() -> None:
    """One member, no help, lognormal service with mean 1 h and cv 0.5, lambda = 0.6/h: M/G/1 with
    W_q = rho (1 + cv^2) / 2 * s / (1 - rho) = 0.9375 h. Also checks the working-hour clock runs across days.

    Seed 16, 20 replications of 2,000 days x 24 h (no warm-up: the queue starts empty, a small bias);
    analytic value in the 95% CI or within ±3%."""
    team = Team(
        members=1,
        days=2_000,
        hours_per_day=24.0,
        period_days=20,
        arrival_rates_per_hour=(0.6,),
        service_mean_hours=(1.0,),
        service_distribution="lognormal",
        service_cv=0.5,
        revenue_per_request_eur=(100.0,),
        holiday_days=0,
    )
    result = run(Params(team=team, policy="none", replications=20), seed=16)
    wait = result.aggregate["wait_mean_hours"]
    analytic = 0.6 * (1 + 0.5**2) / 2 * 1.0 / (1 - 0.6)
    assert _agrees(wait.mean, [wait.ci95_low, wait.ci95_high], analytic)
