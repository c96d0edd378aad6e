"""The engine's contract: reproducibility, conservation, the request table, the statistics and the layering."""

from __future__ import annotations

import ast
import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from naober.sim import Estimate, ParameterError, Params, Result, Scheme, Team, kernel, run
from naober.sim.presets import PRESETS, preset_params
from naober.sim.results import METRIC_NAMES, t_quantile_975

SIM = Path(__file__).resolve().parents[2] / "naober" / "sim"

# A short, busy team: 6 members, 40 days in periods of 10, absence and rework on (the defaults).
SMALL_TEAM = Team(
    members=6,
    days=40,
    period_days=10,
    arrival_rates_per_hour=(0.4, 0.6, 0.7, 0.8, 0.9, 1.0),
    service_mean_hours=(1.0,) * 6,
    revenue_per_request_eur=(250.0,) * 6,
    sick_probability=0.03,
)


def small(**changes: object) -> Params:
    values: dict[str, object] = {"team": SMALL_TEAM, "replications": 6}
    values.update(changes)
    return Params(**values)  # type: ignore[arg-type]


def _same(a: Result, b: Result) -> bool:
    return all(np.array_equal(a.metrics[k], b.metrics[k], equal_nan=True) for k in METRIC_NAMES) and np.array_equal(
        a.help_matrix_hours, b.help_matrix_hours
    )


def test_same_seed_gives_identical_results() -> None:
    assert _same(run(small(), seed=5), run(small(), seed=5))


def test_different_seeds_give_different_results() -> None:
    a, b = run(small(), seed=5), run(small(), seed=6)
    assert not np.array_equal(a.metrics["lead_time_mean_hours"], b.metrics["lead_time_mean_hours"])


def test_results_do_not_depend_on_the_number_of_workers() -> None:
    params = small(replications=60)  # three chunks of 25, 25, 10
    seen: list[tuple[int, int]] = []
    one = run(params, seed=9)
    two = run(params, seed=9, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert _same(one, two)
    assert seen[-1] == (60, 60) and len(seen) == 3


def test_a_replication_depends_only_on_its_index() -> None:
    """Replication k uses SeedSequence(seed).spawn(R)[k]: the first 6 of 30 equal a run of 6."""
    few, many = run(small(replications=6), seed=3), run(small(replications=30), seed=3)
    for name in METRIC_NAMES:
        assert np.array_equal(few.metrics[name], many.metrics[name][:6], equal_nan=True)


def test_progress_reports_every_replication_once_done() -> None:
    seen: list[tuple[int, int]] = []
    run(small(replications=30), seed=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(25, 30), (30, 30)]


def test_every_arrived_request_is_finished_or_in_the_backlog() -> None:
    result = run(small(keep_requests=True), seed=2)
    requests = result.requests
    assert requests is not None
    for k in range(6):
        rows = requests[requests["replication"] == k]
        finished = int(np.isfinite(rows["finish"]).sum())
        assert finished == result.metrics["requests_finished"][k]
        assert len(rows) == finished + result.metrics["backlog_end"][k]


def test_help_matrix_has_a_zero_diagonal_and_sums_to_the_help_hours() -> None:
    result = run(small(), seed=2)
    assert np.all(np.diag(result.help_matrix_hours) == 0)
    assert result.help_matrix_hours.sum() == pytest.approx(result.metrics["help_hours"].mean(), rel=1e-12)
    assert result.aggregate["help_hours"].mean > 0


def test_no_help_policy_gives_no_help() -> None:
    result = run(small(policy="none", keep_requests=True), seed=4)
    assert np.all(result.metrics["help_hours"] == 0)
    assert np.all(result.help_matrix_hours == 0)
    requests = result.requests
    assert requests is not None
    started = requests["handler"] >= 0
    assert np.all(requests["handler"][started] == requests["owner"][started])
    assert np.all(requests["rework"] == 0)  # validation policies have no rework


def test_request_table_agrees_with_the_metrics() -> None:
    """Lead times, waits, service level, backlog and help hours recomputed from the requests of every
    replication match the engine's metrics."""
    params = small(keep_requests=True)
    result = run(params, seed=8)
    requests = result.requests
    assert requests is not None
    t_end = SMALL_TEAM.days * SMALL_TEAM.hours_per_day
    sl = SMALL_TEAM.service_level_hours
    for k in range(params.replications):
        rows = requests[requests["replication"] == k]
        done = np.isfinite(rows["finish"])
        lead = rows["finish"][done] - rows["arrival"][done]
        started = np.isfinite(rows["start"])
        wait = rows["start"][started] - rows["arrival"][started]
        late_open = (~done) & (t_end - rows["arrival"] > sl)
        metric = {name: values[k] for name, values in result.metrics.items()}
        assert metric["lead_time_mean_hours"] == pytest.approx(lead.mean(), rel=1e-12)
        assert metric["lead_time_p50_hours"] == pytest.approx(np.percentile(lead, 50), rel=1e-12)
        assert metric["lead_time_p90_hours"] == pytest.approx(np.percentile(lead, 90), rel=1e-12)
        assert metric["wait_mean_hours"] == pytest.approx(wait.mean(), rel=1e-12)
        assert metric["service_level_share"] == pytest.approx((lead <= sl).sum() / (done.sum() + late_open.sum()))
        helped = started & (rows["handler"] != rows["owner"])
        hours = np.where(np.isfinite(rows["finish"]), rows["finish"], t_end) - rows["start"]
        assert metric["help_hours"] == pytest.approx(hours[helped].sum(), rel=1e-9)
        assert np.all(rows["start"][started] >= rows["arrival"][started])
        assert np.all(rows["finish"][done] >= rows["start"][done])


@pytest.mark.parametrize("preset", ["vast", "team", "waardegedreven"])
def test_near_zero_temperature_nobody_helps_while_their_own_queue_has_work(preset: str) -> None:
    """With the temperature near zero every choice is the best option (docs/simulation.md §2), and duty is
    worth more than helping: a member helps only when nothing of their own is waiting. Most logit weights
    underflow then, so the decisions go through the exact path; the presets cover all three ways the kernel
    weighs a choice: one class per queue (vast), request classes (team) and utilities that grow with the wait
    (waardegedreven). Seed 5, 3 replications of the small team; the property is exact, no tolerance."""
    scheme = replace(PRESETS[preset].scheme, temperature_eur=0.001)
    params = Params(team=SMALL_TEAM, scheme=scheme, replications=3, keep_requests=True)
    requests = run(params, seed=5).requests
    assert requests is not None
    for k in range(params.replications):
        rows = requests[requests["replication"] == k]
        helped = rows[np.isfinite(rows["start"]) & (rows["handler"] != rows["owner"])]
        assert len(helped) > 20
        for handler, start in zip(helped["handler"], helped["start"], strict=True):
            own = rows[rows["owner"] == handler]
            waiting = (own["arrival"] < start) & ~(own["start"] <= start)  # a NaN start: never started
            assert not waiting.any(), f"member {handler} helped at {start} with own work waiting"


# Mean lead time (hours) and help share of each preset, 10 replications of the default team, seed 11, as the
# kernel computed them before its choices were tabulated per period (commit 07f9d75). The kernel's speed-ups
# must not change what it computes; a change of the model itself updates these numbers on purpose.
PINNED = {
    "individueel": (7.509640109913863, 0.14556757762627334),
    "team": (3.0403834308738564, 0.453691311234221),
    "hybride": (5.6833670874831, 0.24689928111519258),
    "rang": (10.682086048776963, 0.039033650954008924),
    "waardegedreven": (2.1906481609836654, 0.5740596677905759),
    "vast": (3.267572701089814, 0.4223778921999449),
}


@pytest.mark.parametrize("preset", sorted(PINNED))
def test_the_presets_give_the_pinned_results(preset: str) -> None:
    result = run(preset_params(preset, replications=10), seed=11)
    lead, help_share = PINNED[preset]
    assert result.aggregate["lead_time_mean_hours"].mean == pytest.approx(lead, rel=1e-9)
    assert result.aggregate["help_share"].mean == pytest.approx(help_share, rel=1e-9)


def test_rework_comes_back_to_the_same_queue_without_revenue() -> None:
    team = Team(
        members=2,
        days=40,
        arrival_rates_per_hour=(0.3, 0.3),
        service_mean_hours=(1.0, 1.0),
        revenue_per_request_eur=(100.0, 100.0),
        rework_probability_own=0.5,
        rework_probability_help=0.5,
    )
    result = run(Params(team=team, replications=3, keep_requests=True), seed=1)
    requests = result.requests
    assert requests is not None
    originals = requests[requests["rework"] == 0]
    assert (requests["rework"] > 0).sum() > 0.3 * len(originals)
    for k in range(3):
        rows = originals[originals["replication"] == k]
        assert result.metrics["team_revenue_eur"][k] == 100.0 * np.isfinite(rows["finish"]).sum()


def test_without_effort_modelled_effort_is_one_and_with_it_stays_in_bounds() -> None:
    assert np.all(run(small(), seed=1).metrics["effort_mean"] == 1.0)
    effort = run(small(scheme=Scheme(effort_modelled=True)), seed=1).metrics["effort_mean"]
    assert np.all((effort >= 0.6) & (effort <= 1.2))


def test_help_after_target_share_is_undefined_without_targets() -> None:
    result = run(small(scheme=Scheme(bonus_shape="none")), seed=1)
    assert np.all(np.isnan(result.metrics["help_after_target_share"]))
    assert result.aggregate["help_after_target_share"].n == 0


def test_every_scheme_option_runs_and_gives_finite_core_metrics() -> None:
    for shape in ("none", "linear", "threshold", "capped", "rank"):
        for basis in ("service_level", "lead_time", "quality", "revenue"):
            scheme = Scheme(
                bonus_shape=shape, team_basis=basis, individual_weight=0.5, target_mode="scaled", help_visible=True
            )
            result = run(small(scheme=scheme, replications=2), seed=1)
            for name in ("lead_time_mean_hours", "service_level_share", "help_share", "team_revenue_eur"):
                assert np.all(np.isfinite(result.metrics[name])), (shape, basis, name)


def test_result_to_dict_is_plain_json() -> None:
    data = run(small(replications=2, keep_requests=True), seed=1).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text)["aggregate"]["lead_time_mean_hours"]["n"] == 2
    assert set(data["metrics"]) == set(METRIC_NAMES)


def test_estimate_is_mean_plus_minus_t_times_standard_error() -> None:
    estimate = Estimate.of([1.0, 2.0, 3.0, 4.0, 5.0, math.nan])
    sd = math.sqrt(2.5)
    half = 2.7764451051977934 * sd / math.sqrt(5)
    assert estimate.n == 5
    assert estimate.mean == 3.0
    assert estimate.sd == pytest.approx(sd)
    assert estimate.ci95_low == pytest.approx(3.0 - half)
    assert estimate.ci95_high == pytest.approx(3.0 + half)
    assert Estimate.of([math.nan]).n == 0
    assert math.isnan(Estimate.of([2.0]).ci95_low)


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (20, 2.086), (30, 2.042), (40, 2.021), (60, 2.000),
     (120, 1.980), (1000, 1.962), (10**7, 1.960)],
)  # fmt: skip
def test_t_quantile_matches_the_table(df: int, expected: float) -> None:
    assert round(t_quantile_975(df), 3) == expected


def test_t_quantile_beyond_the_table_has_the_right_tail_probability() -> None:
    """Integrate Student's t density numerically up to the quantile: the area is 0.975 (to 1e-6)."""
    for df in (31, 45, 99):
        q = t_quantile_975(df)
        x = np.linspace(0.0, q, 200_001)
        log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
        density = np.exp(log_c - (df + 1) / 2 * np.log1p(x**2 / df))
        area = float(np.sum((density[1:] + density[:-1]) / 2 * np.diff(x)))
        assert 0.5 + area == pytest.approx(0.975, abs=1e-6)


def test_generator_is_xoshiro256_starstar() -> None:
    """Reference outputs of xoshiro256** from state (1, 2, 3, 4)."""
    rng = (np.uint64(1), np.uint64(2), np.uint64(3), np.uint64(4))
    expected = [11520, 0, 1509978240, 1215971899390074240]
    for raw in expected:
        u, rng = kernel._uniform(rng)
        assert u == (raw >> 11) * 2.0**-53


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Team(members=0), "members"),
        (lambda: Team(arrival_rates_per_hour=(1.0,)), "arrival_rates_per_hour"),
        (lambda: Team(help_efficiency=1.5), "help_efficiency"),
        (lambda: Scheme(temperature_eur=0), "temperature_eur"),
        (lambda: Scheme(willingness_initial=2), "willingness_initial"),
        (lambda: Params(replications=0), "replications"),
        (lambda: run(Params(), seed=-1), "seed"),
        (lambda: run(Params(), seed=1, workers=0), "workers"),
    ],
)
def test_bad_parameters_raise_an_error_that_names_the_field(build: object, field: str) -> None:
    with pytest.raises(ParameterError, match=field):
        build()  # type: ignore[operator]


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def test_the_simulation_core_imports_nothing_from_django_or_the_apps() -> None:
    """naober/sim may import the standard library, NumPy, numba and naober.sim itself: nothing else."""
    allowed_third_party = {"numpy", "numba"}
    files = sorted(SIM.glob("*.py"))
    assert files
    for path in files:
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "naober":
                assert name == "naober.sim" or name.startswith("naober.sim."), f"{path.name} imports {name}"
            else:
                import sys

                assert top in allowed_third_party or top in sys.stdlib_module_names, f"{path.name} imports {name}"


def test_the_simulation_core_never_prints_or_opens_files() -> None:
    for path in sorted(SIM.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"print", "open", "input"}, f"{path.name} calls {node.func.id}"
