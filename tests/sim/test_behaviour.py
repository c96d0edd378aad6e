"""The qualitative validation cases of DESIGN.md §6: the scheme mechanics must reproduce the literature.

Every test compares runs through 95% confidence intervals over replications, never single draws: "A below B"
means A's upper bound lies under B's lower bound, and a difference between two runs is significant when its
95% interval (t-quantile, variances of independent runs added) excludes zero. Seeds are fixed, so a run is
deterministic; the tolerance is the 95% interval itself. Behaviour comes from the presets
(naober/sim/presets.py) so the tests check the documented defaults, not values tuned for the test.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from naober.sim import Estimate, Params, Result, run
from naober.sim.presets import preset_params
from naober.sim.results import t_quantile_975

REPLICATIONS = 60


def _scheme(params: Params, **changes: Any) -> Params:
    return replace(params, scheme=replace(params.scheme, **changes))


def _team(params: Params, **changes: Any) -> Params:
    return replace(params, team=replace(params.team, **changes))


def _even_and_present(params: Params) -> Params:
    """The same team with every portfolio at the mean load and nobody ever absent."""
    rates = params.team.arrival_rates_per_hour
    mean = sum(rates) / len(rates)
    return _team(params, arrival_rates_per_hour=(mean,) * len(rates), sick_probability=0.0, holiday_days=0)


def _below(low: Estimate, high: Estimate) -> bool:
    return low.ci95_high < high.ci95_low


def _show(estimate: Estimate) -> str:
    return f"{estimate.mean:.3f} [{estimate.ci95_low:.3f}, {estimate.ci95_high:.3f}]"


def _gap(a: npt.ArrayLike, b: npt.ArrayLike, *more: npt.ArrayLike) -> tuple[float, float]:
    """mean(a) - mean(b) (+ mean(c) - mean(d) ...) of independent runs, with its 95% half-width."""
    groups = [np.asarray(x, dtype=np.float64) for x in (a, b, *more)]
    signs = [1.0 if k % 2 == 0 else -1.0 for k in range(len(groups))]
    mean = sum(s * float(g.mean()) for s, g in zip(signs, groups, strict=True))
    variance = sum(float(g.var(ddof=1)) / g.size for g in groups)
    return mean, t_quantile_975(min(g.size for g in groups) - 1) * math.sqrt(variance)


def _help_given_by(result: Result, members: list[int]) -> npt.NDArray[np.float64]:
    """Per replication: hours the given members worked on colleagues' queues (needs keep_requests)."""
    requests = result.requests
    assert requests is not None
    started = np.isfinite(requests["start"])
    helping = started & np.isin(requests["handler"], members) & (requests["handler"] != requests["owner"])
    team = result.params.team
    end = np.where(np.isfinite(requests["finish"]), requests["finish"], team.days * team.hours_per_day)
    hours = np.where(helping, end - requests["start"], 0.0)
    per_replication = np.bincount(requests["replication"], weights=hours, minlength=result.params.replications)
    return per_replication.astype(np.float64)


# --- help only after the own target (Oyer 1998; Cadena et al. 2011; research V2) -----------------------------


def test_personal_target_bonus_puts_help_after_the_target() -> None:
    """`individueel`, 8 members, 250 days; seed 11, 60 replications.

    Control: the same run with the bonus set to zero, so targets are still counted but move no choice; its
    help_after_target_share is the share of helping opportunities that fall after the target anyway. Under
    the bonus the share must be clearly higher (95% intervals apart) and at least 1.5 times the control.
    """
    params = preset_params("individueel", replications=REPLICATIONS)
    with_bonus = run(params, seed=11).aggregate["help_after_target_share"]
    without = run(_scheme(params, bonus_per_period_eur=0.0), seed=11).aggregate["help_after_target_share"]
    assert _below(without, with_bonus), f"after-target share {_show(with_bonus)} vs control {_show(without)}"
    assert with_bonus.mean >= 1.5 * without.mean, f"after-target share {_show(with_bonus)} vs control {_show(without)}"


def test_harder_personal_targets_raise_waiting_toward_the_no_help_bound() -> None:
    """`individueel` at target levels 0.5, 0.8 (its default) and 1.1; seed 12, 60 replications, 8 members, 250 days.

    Mean wait must rise with every step (means in order, and 0.5 and 1.1 with 95% intervals apart) and stay
    below the no-help bound: the same run where helping is worth nothing (intrinsic help -1e6 euro).
    """
    params = preset_params("individueel", replications=REPLICATIONS)
    waits = [
        run(_scheme(params, target_level=level), seed=12).aggregate["wait_mean_hours"] for level in (0.5, 0.8, 1.1)
    ]
    no_help = _scheme(params, intrinsic_help_eur=-1e6, reciprocity_eur=0.0, appreciation_eur=0.0)
    bound = run(no_help, seed=12).aggregate["wait_mean_hours"]
    shown = ", ".join(_show(w) for w in waits)
    assert waits[0].mean < waits[1].mean < waits[2].mean, f"wait by target 0.5/0.8/1.1: {shown}"
    assert _below(waits[0], waits[2]), f"wait by target 0.5/0.8/1.1: {shown}"
    assert _below(waits[2], bound), f"hardest target {_show(waits[2])} vs no help {_show(bound)}"


def test_unscaled_targets_keep_the_light_portfolios_from_helping() -> None:
    """`individueel` with absolute vs scaled targets; seed 13, 60 replications, 8 members, 250 days.

    The two lightest portfolios (0.40 and 0.45 requests per hour) have the most spare capacity but never reach
    an absolute target set at the team mean. With a target scaled to their portfolio they reach it like
    everyone else. Their help hours must be clearly lower (95% interval of the difference below zero) under
    absolute targets.
    """
    params = replace(preset_params("individueel", replications=REPLICATIONS), keep_requests=True)
    light = [0, 1]
    absolute = _help_given_by(run(_scheme(params, target_mode="absolute"), seed=13), light)
    scaled = _help_given_by(run(_scheme(params, target_mode="scaled"), seed=13), light)
    gap, half = _gap(absolute, scaled)
    assert gap + half < 0, f"light members' help hours, absolute - scaled: {gap:.0f} ± {half:.0f}"


# --- team weight (Hamilton, Nickerson & Owan 2003; Itoh 1991; Chan, Li & Pierce 2014; research V3) ------------


def test_team_weight_raises_help_and_service_level_more_with_uneven_load_and_absence() -> None:
    """`hybride`'s scheme at individual weight 1 and 0, on the default team (uneven load, absence) and on the
    same team with even load and no absence; seed 14, 60 replications, 8 members, 250 days.

    On the uneven team, weight 0 must give clearly more help and a clearly higher service level (95%
    intervals apart). The gain in service level must be larger on the uneven team than on the even one, as
    team pay gained most in heterogeneous teams (Hamilton, Nickerson & Owan 2003): the 95% interval of the
    difference of the two gains lies above zero.
    """
    params = preset_params("hybride", replications=REPLICATIONS)
    runs = []
    for team in (params, _even_and_present(params)):
        individual = run(_scheme(team, individual_weight=1.0), seed=14)
        collective = run(_scheme(team, individual_weight=0.0), seed=14)
        runs.append((individual, collective))
    (uneven_1, uneven_0), (even_1, even_0) = runs
    for metric in ("help_share", "service_level_share"):
        low, high = uneven_1.aggregate[metric], uneven_0.aggregate[metric]
        assert _below(low, high), f"{metric} at weight 1: {_show(low)}, at weight 0: {_show(high)}"
    metric = "service_level_share"
    gap, half = _gap(uneven_0.metrics[metric], uneven_1.metrics[metric], even_1.metrics[metric], even_0.metrics[metric])
    assert gap - half > 0, f"gain in service level, uneven minus even team: {gap:.4f} ± {half:.4f}"


# --- rank bonus (Drago & Garvey 1998; Lazear 1989; research V4) -----------------------------------------------


def test_rank_bonus_gives_less_help_than_an_absolute_individual_kpi() -> None:
    """`rang` against the same scheme with a threshold (`individueel`) and a linear bonus on own revenue;
    seed 15, 60 replications, 8 members, 250 days. Help share under rank must lie clearly below both (95%
    intervals apart)."""
    params = preset_params("rang", replications=REPLICATIONS)
    rank = run(params, seed=15).aggregate["help_share"]
    for shape in ("threshold", "linear"):
        absolute = run(_scheme(params, bonus_shape=shape), seed=15).aggregate["help_share"]
        assert _below(rank, absolute), f"help share under rank {_show(rank)}, under {shape} {_show(absolute)}"


# --- reciprocity (Fehr & Gächter 2000; Fischbacher & Gächter 2010; research V5) -------------------------------


def test_unseen_help_decays_and_visible_help_keeps_it_up() -> None:
    """Conditional helpers only: `vast` (no bonus in the way) with no intrinsic help and no appreciation, on an
    even team without absence; seed 16, 60 replications, 8 members.

    The engine reports help per run, not per period, so the first period is one run of 20 days and the nine
    after it are the difference between a run of 200 days and that first run. Without visibility, help hours
    per period in periods 2-10 must be clearly below period 1 (95% interval of the difference below zero);
    with visibility they must be clearly above the unseen case.
    """
    conditional = _even_and_present(
        _scheme(preset_params("vast", replications=REPLICATIONS), intrinsic_help_eur=0.0, appreciation_eur=0.0)
    )
    later = {}
    for visible in (False, True):
        params = _scheme(conditional, help_visible=visible)
        first = run(_team(params, days=20), seed=16).metrics["help_hours"]
        whole = run(_team(params, days=200), seed=16).metrics["help_hours"]
        # No absence is drawn, so with the same seed the first 20 days of both runs are the same draw.
        later[visible] = (whole - first) / 9.0
        if not visible:
            gap, half = _gap(later[visible], first)
            assert gap + half < 0, f"unseen help per period, periods 2-10 minus period 1: {gap:.1f} ± {half:.1f}"
    gap, half = _gap(later[True], later[False])
    assert gap - half > 0, f"help per period in periods 2-10, visible minus unseen: {gap:.1f} ± {half:.1f}"


# --- free riding (Holmström 1982 and Kandel & Lazear 1992, general literature; Knez & Simester 2001, V6) -----


def test_pure_team_bonus_weakens_effort_as_the_team_grows() -> None:
    """`team` with effort modelled and no intrinsic motivation to work, at 2, 4, 8 and 16 members (load per
    member kept); seed 17, 60 replications, 250 days. Mean effort must fall with every doubling (95% intervals
    apart), and the effort above the floor at 16 members must be less than half of that at 2."""
    efforts = []
    for members in (2, 4, 8, 16):
        params = preset_params("team", members=members, replications=REPLICATIONS)
        params = _scheme(params, effort_modelled=True, intrinsic_effort_eur=0.0)
        efforts.append(run(params, seed=17).aggregate["effort_mean"])
    shown = ", ".join(_show(e) for e in efforts)
    for smaller, larger in itertools.pairwise(efforts):
        assert _below(larger, smaller), f"effort by 2/4/8/16 members: {shown}"
    floor = preset_params("team").scheme.effort_min
    assert efforts[-1].mean - floor < 0.5 * (efforts[0].mean - floor), f"effort by 2/4/8/16 members: {shown}"
