"""The parameters of a simulation: frozen dataclasses, checked on construction.

Units are in the names: hours are working hours, money is euros, rates are per working hour.
docs/simulation.md says what every parameter means and where its default comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ServiceDistribution = Literal["exponential", "lognormal"]
TeamBasis = Literal["service_level", "lead_time", "quality", "revenue"]
BonusShape = Literal["none", "linear", "threshold", "capped", "rank"]
TargetMode = Literal["absolute", "scaled"]
Policy = Literal["scheme", "none", "pooled"]


class ParameterError(ValueError):
    """A parameter is outside what the model can mean; the message names it."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ParameterError(message)


@dataclass(frozen=True)
class Team:
    """The customer team and its work."""

    members: int = 8
    days: int = 250
    hours_per_day: float = 8.0
    period_days: int = 20
    # One entry per member (portfolio). Deliberately uneven by default, like the demo's Binnendienst: the busiest
    # portfolio has almost twice the work of the lightest, yet every member could carry their own portfolio alone
    # (busiest: 0.75 / h * 1.03 with rework / 0.87 presence = 0.89 of their hours), so no queue grows without
    # bound and results do not depend on how many days are simulated (docs/simulation.md §5).
    arrival_rates_per_hour: tuple[float, ...] = (0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75)
    service_mean_hours: tuple[float, ...] = (1.0,) * 8
    service_distribution: ServiceDistribution = "exponential"
    service_cv: float = 1.0
    revenue_per_request_eur: tuple[float, ...] = (250.0,) * 8
    help_efficiency: float = 0.8
    sick_probability: float = 0.01
    sick_mean_days: float = 3.0
    holiday_days: int = 25  # per year of 250 working days; a shorter run takes its share
    service_level_hours: float = 8.0
    rework_probability_own: float = 0.03
    rework_probability_help: float = 0.06

    def __post_init__(self) -> None:
        n = self.members
        _check(1 <= n <= 200, f"members must be 1..200, not {n}")
        _check(self.days >= 1, "days must be at least 1")
        _check(0 < self.hours_per_day <= 24, "hours_per_day must be in (0, 24]")
        _check(self.period_days >= 1, "period_days must be at least 1")
        for name in ("arrival_rates_per_hour", "service_mean_hours", "revenue_per_request_eur"):
            values = getattr(self, name)
            _check(len(values) == n, f"{name} needs one value per member ({n}), not {len(values)}")
        _check(all(x >= 0 for x in self.arrival_rates_per_hour), "arrival rates must be >= 0")
        _check(all(x > 0 for x in self.service_mean_hours), "service means must be > 0")
        _check(all(x >= 0 for x in self.revenue_per_request_eur), "revenue per request must be >= 0")
        _check(self.service_cv > 0, "service_cv must be > 0")
        _check(0 < self.help_efficiency <= 1, "help_efficiency must be in (0, 1]")
        _check(0 <= self.sick_probability < 1, "sick_probability must be in [0, 1)")
        _check(self.sick_mean_days >= 1, "sick_mean_days must be at least 1")
        _check(0 <= self.holiday_days <= 250, "holiday_days (per year of 250 working days) must be in [0, 250]")
        _check(self.service_level_hours > 0, "service_level_hours must be > 0")
        for name in ("rework_probability_own", "rework_probability_help"):
            _check(0 <= getattr(self, name) < 1, f"{name} must be in [0, 1)")


@dataclass(frozen=True)
class Scheme:
    """The incentive scheme and the behavioural parameters that meet it."""

    individual_weight: float = 1.0
    team_basis: TeamBasis = "service_level"
    bonus_shape: BonusShape = "threshold"
    bonus_per_period_eur: float = 1000.0
    target_mode: TargetMode = "absolute"
    target_level: float = 1.0
    cap_level: float = 1.5
    # The team KPI at which the team bonus is full: a share (service_level, quality), working hours of mean lead
    # time (lead_time: full at or below it). Not used with revenue: that target is the sum of the personal ones.
    team_target: float = 0.8
    duty_eur: float = 40.0
    intrinsic_help_eur: float = 10.0
    reciprocity_eur: float = 10.0
    help_visible: bool = False
    appreciation_eur: float = 0.0
    perception_unseen: float = 0.3
    reciprocity_learning_rate: float = 0.5
    effort_modelled: bool = False
    effort_min: float = 0.6
    effort_cost_eur: float = 2000.0
    intrinsic_effort_eur: float = 0.0
    temperature_eur: float = 5.0
    # Conditional willingness c_i in the first period, before anyone has seen any help (docs/simulation.md §2).
    willingness_initial: float = 1.0

    def __post_init__(self) -> None:
        _check(0 <= self.individual_weight <= 1, "individual_weight must be in [0, 1]")
        _check(self.bonus_per_period_eur >= 0, "bonus_per_period_eur must be >= 0")
        _check(self.target_level > 0, "target_level must be > 0")
        _check(self.cap_level >= 1, "cap_level must be at least 1")
        _check(self.team_target > 0, "team_target must be > 0")
        _check(0 <= self.perception_unseen <= 1, "perception_unseen must be in [0, 1]")
        _check(0 < self.reciprocity_learning_rate <= 1, "reciprocity_learning_rate must be in (0, 1]")
        _check(0 < self.effort_min <= 1.2, "effort_min must be in (0, 1.2]")
        _check(self.effort_cost_eur > 0, "effort_cost_eur must be > 0")
        _check(self.temperature_eur > 0, "temperature_eur must be > 0")
        _check(0 <= self.willingness_initial <= 1, "willingness_initial must be in [0, 1]")


@dataclass(frozen=True)
class Params:
    team: Team = field(default_factory=Team)
    scheme: Scheme = field(default_factory=Scheme)
    policy: Policy = "scheme"
    replications: int = 100
    keep_requests: bool = False

    def __post_init__(self) -> None:
        _check(self.replications >= 1, "replications must be at least 1")
