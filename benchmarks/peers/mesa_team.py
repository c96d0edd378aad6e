"""The customer-team model of docs/simulation.md, written a second time, idiomatically, in Mesa 3.3.

This peer exists to check the engine (`naober.sim`) against an independent implementation and to measure
what the engine's speed buys. It takes the same `Params` and reports the same metric names, but shares no
code with the engine: a disagreement between the two is a bug in one of them.

How it is built, the way Mesa's own examples are (wolf_sheep for the scheduling, boltzmann for the rest):

- `TeamModel` is a `mesa.Model`. It holds the queues, the absence calendar, the period's tallies and the
  clock, and a `DataCollector` that records the outputs at the end of every bonus period.
- `Member` is a `mesa.Agent`. Its `decide()` is the decision point of §2: the logit choice over own work,
  helping a colleague and staying idle; `offer()` is the decision point a new request brings. `start()` and
  `finish()` are the two halves of serving a request.
- Time is continuous. Mesa 3.3 ships discrete-event scheduling in `mesa.experimental.devs`, so the model
  runs on a `DEVSimulator` whose float clock is the working-hour clock of §1: arrivals and service
  completions are events at their exact times. A fixed tick (one minute, say) would round every service
  time, add 480 empty agent activations per member-day and still miss the order of events within a tick.
  `Model.step()` is one working day, scheduled by the simulator at `d · H` (the hybrid ABM/DEVS style of
  wolf_sheep): absence, period settlement and the morning's decision points happen there, through
  `model.agents.do(...)`. Members are asked in index order, not with `shuffle_do`, because the contract
  fixes that order for new requests (after the owner, see below) and the engine uses it at every offer.

The choice at a decision point is the one docs/simulation.md §2 describes and the engine implements:
utilities as in §2, but chosen in two logit stages, "own work, or idle when the own queue is
empty" against "help" (valued by the best colleague queue minus the cost of helping), then which colleague's
queue; the cost of helping is `w · B / hours left in the period` under a threshold or capped bonus while it
still moves, `w · m_i · v_i · a_i / s_i` under a linear or rank bonus, else 0; and choosing to idle starts an
idle spell that only the member's own queue getting work, finishing work or a new day ends.

Where docs/simulation.md leaves a detail open, the peer reads it as follows (and so does the engine):

- A new request (a rework too) is offered to its owner first when the owner is free and present, then to the
  other free members in index order. (The contract says "in order of member index" only; read literally,
  a free low-index member beats an idle owner to their own customer; under the one-stage choice of §2 that
  raised the default team's help share from 0.57 to 0.61 of the hours.)
- Before the first period every colleague counts as an average reciprocator (`g_ij = 1`) and willingness
  starts at `Scheme.willingness_initial`.
- A shorter last period (250 days are 12.5 periods of 20) gets a target and a `Q` in proportion to its days.
- Hours worked and helped are booked when a request is finished; work in hand at the end counts up to the
  end. Whether help counts as "after target" is decided when it starts.
- The validation policies are plain queues: no absence, no rework, helpers at full speed.
- The service level counts a request still open at the end as missed once it is older than `SL`.
- The revenue team KPI is team revenue over the sum of targets; in the rank bonus, ties share the rank.

`run(params, seed=...)` returns one `Estimate` per metric, replication *k* seeded with
`SeedSequence(seed).spawn(R)[k]` like the engine (the streams are used differently, so single replications
differ; aggregates agree).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import mesa
import numpy as np
from mesa.datacollection import DataCollector
from mesa.experimental.devs import DEVSimulator, Priority
from scipy import stats

from naober.sim.params import Params

# The metrics `run` aggregates; the names are the engine's.
METRICS = (
    "lead_time_mean_hours",
    "lead_time_p50_hours",
    "lead_time_p90_hours",
    "wait_mean_hours",
    "service_level_share",
    "requests_finished",
    "backlog_end",
    "help_hours",
    "help_share",
    "help_after_target_share",
    "workload_gini",
    "bonus_gini",
    "team_revenue_eur",
    "effort_mean",
)

# The holiday of §1 is taken in blocks of this many days.
HOLIDAY_BLOCK_DAYS = 5
DAYS_PER_YEAR = 250
HOLIDAY_PLACEMENT_TRIES = 50
EFFORT_MAX = 1.2


class Request:
    """One customer request; a rework is a new Request with half the work and no revenue."""

    __slots__ = ("arrival_hours", "handler", "owner", "rework", "start_hours", "value_eur", "work_hours")

    def __init__(self, owner: int, arrival_hours: float, work_hours: float, value_eur: float, rework: bool) -> None:
        self.owner = owner
        self.arrival_hours = arrival_hours
        self.work_hours = work_hours  # at efficiency 1 and effort 1
        self.value_eur = value_eur
        self.rework = rework
        self.start_hours = math.nan
        self.handler = -1


class Member(mesa.Agent):
    """A team member: owns portfolio `index`, serves one request at a time, chooses at decision points."""

    model: TeamModel

    def __init__(self, model: TeamModel, index: int) -> None:
        super().__init__(model)
        self.index = index
        self.busy_with: Request | None = None
        self.present = True
        self.effort = 1.0
        self.willingness = model.scheme.willingness_initial
        self.target_eur = 0.0  # set at the start of every period
        self.started_hours = 0.0
        self.help_counts_after_target = False
        self.resting = False  # in an idle spell: chose to idle and waits for own work or the next day
        self.period_help_cost = 0.0  # help_cost() under a linear or rank bonus, set per period
        self.bonus_eur = 0.0  # summed over the periods
        self.hours_worked = 0.0

    # -- the decision point ------------------------------------------------------------------------------

    def decide(self) -> None:
        """A decision point (§2): when free and present and there is work waiting, pick an option and start it.

        Choosing to idle starts an idle spell (`resting`): see `offer`.
        """
        if self.busy_with is not None or not self.present or not any(self.model.queues):
            return
        choice = self.model.choose(self)
        self.resting = choice is None
        if choice is not None:
            self.start(choice)

    def offer(self, owner: int) -> None:
        """A new request for `owner` is offered: an idle spell ends only when the member's own queue gets work."""
        if self.resting and owner != self.index:
            return
        self.decide()

    def marginal_own_value(self) -> float:
        """m_i: euros of bonus per euro of own revenue, by bonus shape (§2)."""
        model = self.model
        shape = model.scheme.bonus_shape
        if shape == "none":
            return 0.0
        if self.target_eur <= 0:  # a portfolio without demand has no target to work towards
            return 0.0
        per_euro = model.scheme.bonus_per_period_eur / self.target_eur
        revenue = model.period_revenue_eur[self.index]
        if shape == "threshold" and revenue >= self.target_eur:
            return 0.0
        if shape == "capped" and revenue >= model.scheme.cap_level * self.target_eur:
            return 0.0
        return per_euro

    def own_utility(self) -> float:
        """U of own work on the head of the own queue, euros per working hour; 0 (idle) when it is empty."""
        model = self.model
        queue = model.queues[self.index]
        if not queue:
            return 0.0
        scheme = model.scheme
        request = queue[0]
        team_share = (1 - scheme.individual_weight) * scheme.bonus_per_period_eur
        gain = scheme.duty_eur + scheme.individual_weight * self.marginal_own_value() * request.value_eur
        if team_share:
            gain += team_share * model.team_value(request, helping=False)
        return gain * self.effort / model.service_mean_hours[self.index]

    def help_utilities(self) -> tuple[list[int], list[float]]:
        """The colleagues' queues with work waiting and the utility of helping each, euros per working hour."""
        model = self.model
        scheme = model.scheme
        i = self.index
        weight = scheme.individual_weight
        team_share = (1 - weight) * scheme.bonus_per_period_eur
        marginal = self.marginal_own_value()
        queues: list[int] = []
        values: list[float] = []
        for j, queue in enumerate(model.queues):
            if j == i or not queue:
                continue
            request = queue[0]
            team_value = team_share * model.team_value(request, helping=True) if team_share else 0.0
            rank_penalty = -marginal * request.value_eur / (model.members - 1) if model.rank_bonus else 0.0
            gain = (
                weight * rank_penalty
                + team_value
                + scheme.intrinsic_help_eur
                + scheme.reciprocity_eur * self.willingness * model.perceived_help[i][j]
                + model.appreciation_eur
            )
            queues.append(j)
            values.append(gain * self.effort * model.help_efficiency / model.service_mean_hours[j])
        return queues, values

    def help_cost(self) -> float:
        """What helping costs in own bonus, euros per working hour (§5).

        Threshold and capped bonuses, while the bonus still moves: the bonus at stake over the working hours left
        in the period. Linear and rank: what an hour of own work earns, fixed for the period. Otherwise 0.
        """
        model = self.model
        scheme = model.scheme
        if scheme.bonus_shape in ("threshold", "capped"):
            if self.marginal_own_value() == 0:
                return 0.0
            hours_left = model.period_end_hours - model.simulator.time
            return scheme.individual_weight * scheme.bonus_per_period_eur / max(1.0, hours_left)
        return self.period_help_cost

    # -- serving a request -------------------------------------------------------------------------------

    def start(self, queue_index: int) -> None:
        model = self.model
        request = model.queues[queue_index].popleft()
        now = model.simulator.time
        helping = queue_index != self.index
        speed = self.effort * (model.help_efficiency if helping else 1.0)
        duration = request.work_hours / speed
        request.start_hours = now
        request.handler = self.index
        model.wait_sum_hours += now - request.arrival_hours
        model.started_requests += 1
        self.busy_with = request
        self.started_hours = now
        self.help_counts_after_target = (
            helping and model.targets_exist and model.period_revenue_eur[self.index] >= self.target_eur
        )
        model.simulator.schedule_event_relative(self.finish, duration)

    def book_hours(self, until_hours: float) -> None:
        """Hours worked on the request in hand, up to `until_hours`, on own work or on help."""
        request = self.busy_with
        assert request is not None
        hours = until_hours - self.started_hours
        self.hours_worked += hours
        if request.owner != self.index:
            self.model.record_help(self, request.owner, hours)

    def finish(self) -> None:
        request = self.busy_with
        assert request is not None
        model = self.model
        now = model.simulator.time
        self.book_hours(now)
        self.busy_with = None
        rework_probability = model.rework_own if request.handler == request.owner else model.rework_help
        right_first_time = rework_probability == 0 or self.random.random() >= rework_probability
        model.record_finish(request, right_first_time)
        if right_first_time:
            self.decide()
        else:  # the rework is a new request: offered to its owner first, then to every free member
            model.add_request(Request(request.owner, now, request.work_hours / 2, 0.0, rework=True))


class TeamModel(mesa.Model):
    """N members, N portfolio queues and a working-hour clock run by Mesa's discrete-event simulator."""

    def __init__(self, params: Params, *, rng: np.random.SeedSequence | int | None = None) -> None:
        super().__init__(rng=rng)
        team, scheme = params.team, params.scheme
        self.params = params
        self.team = team
        self.scheme = scheme
        self.policy = params.policy
        self.members = team.members
        self.hours_per_day = team.hours_per_day
        self.horizon_hours = team.days * team.hours_per_day
        self.period_hours = team.period_days * team.hours_per_day
        self.arrival_rates = team.arrival_rates_per_hour
        self.service_mean_hours = team.service_mean_hours
        self.rank_bonus = scheme.bonus_shape == "rank"
        is_scheme = params.policy == "scheme"
        # The validation policies are plain queues (§2 "Validation policies").
        self.help_efficiency = team.help_efficiency if is_scheme else 1.0
        self.rework_own = team.rework_probability_own if is_scheme else 0.0
        self.rework_help = team.rework_probability_help if is_scheme else 0.0
        # Whether "help after the own target" means anything: there are individual targets.
        self.targets_exist = is_scheme and scheme.bonus_shape != "none" and scheme.individual_weight > 0
        self.appreciation_eur = scheme.appreciation_eur if scheme.help_visible else 0.0
        self.perception = 1.0 if scheme.help_visible else scheme.perception_unseen
        self.keep_requests = params.keep_requests
        # Per period (set in begin_period): the sum of targets and Q, the expected number of team requests.
        self.team_target_eur = 0.0
        self.requests_per_period = 1.0
        self.period_end_hours = 0.0
        self._sample_work = self._service_sampler()
        self.choose: Callable[[Member], int | None] = {
            "scheme": self._choose_by_logit,
            "none": self._choose_own,
            "pooled": self._choose_oldest,
        }[params.policy]

        self.queues: list[deque[Request]] = [deque() for _ in range(self.members)]
        self.absent = self._absence_calendar()
        self._reset_run_tallies()
        self._reset_period_tallies()
        n = self.members
        # g_ij of §2 for the running period: help i perceived from j in the previous one, normalised;
        # before the first period every colleague counts as an average reciprocator.
        self.perceived_help = [[0.0 if i == j else 1.0 for j in range(n)] for i in range(n)]
        self.team_members = [Member(self, i) for i in range(n)]

        self.datacollector = DataCollector(
            model_reporters={
                "period_help_hours": lambda m: m.period_help_total_hours,
                "mean_willingness": lambda m: sum(a.willingness for a in m.team_members) / m.members,
                "mean_effort": lambda m: sum(a.effort for a in m.team_members) / m.members,
                "backlog": lambda m: m.backlog(),
            },
            agent_reporters={"willingness": "willingness", "effort": "effort", "bonus_eur": "bonus_eur"},
            tables={"requests": ["owner", "handler", "arrival_hours", "start_hours", "finish_hours", "rework"]},
        )

        self.simulator = DEVSimulator()
        self.simulator.setup(self)
        # Day 0 now; each day schedules the next one, as ABMSimulator does for its ticks.
        self.simulator.schedule_event_absolute(self.step, 0.0, priority=Priority.HIGH)
        for portfolio in range(n):
            self._schedule_arrival(portfolio)

    # -- set-up ------------------------------------------------------------------------------------------

    def _service_sampler(self) -> Callable[[int], float]:
        means = self.service_mean_hours
        random = self.random
        if self.team.service_distribution == "exponential":
            return lambda portfolio: random.expovariate(1.0 / means[portfolio])
        sigma = math.sqrt(math.log(1 + self.team.service_cv**2))
        mus = [math.log(mean) - sigma**2 / 2 for mean in means]
        return lambda portfolio: random.lognormvariate(mus[portfolio], sigma)

    def _absence_calendar(self) -> list[list[bool]]:
        """absent[i][d]: drawn per day in advance (§1): holiday blocks first, then sick spells."""
        team = self.team
        days = team.days
        calendar = [[False] * days for _ in range(self.members)]
        if self.policy != "scheme":
            return calendar
        holiday_days = min(days, int(team.holiday_days * days / DAYS_PER_YEAR + 0.5))  # half up, as the engine
        sick_stop = 1.0 / team.sick_mean_days
        for absent in calendar:
            remaining = holiday_days
            while remaining > 0:
                length = min(HOLIDAY_BLOCK_DAYS, remaining)
                for _ in range(HOLIDAY_PLACEMENT_TRIES):  # blocks do not overlap, unless the year is full
                    first = self.random.randrange(days - length + 1)
                    if not any(absent[first : first + length]):
                        break
                for day in range(first, first + length):
                    absent[day] = True
                remaining -= length
            sick_until = -1
            for day in range(days):
                if day <= sick_until or absent[day]:
                    continue
                if self.random.random() < team.sick_probability:
                    spell = 1
                    while self.random.random() >= sick_stop:  # geometric, mean sick_mean_days
                        spell += 1
                    sick_until = day + spell - 1
                    for sick_day in range(day, min(days, day + spell)):
                        absent[sick_day] = True
        return calendar

    def _reset_run_tallies(self) -> None:
        n = self.members
        self.lead_times_hours: list[float] = []
        self.wait_sum_hours = 0.0
        self.within_service_level = 0
        self.help_matrix_hours = [[0.0] * n for _ in range(n)]
        self.help_after_target_hours = 0.0
        self.started_requests = 0
        self.team_revenue_eur = 0.0
        self.effort_sum = 0.0
        self.effort_periods = 0

    def _reset_period_tallies(self) -> None:
        n = self.members
        self.period_revenue_eur = [0.0] * n
        self.period_help_hours = [[0.0] * n for _ in range(n)]
        self.period_help_total_hours = 0.0
        self.period_finished = 0
        self.period_within_service_level = 0
        self.period_lead_sum_hours = 0.0
        self.period_right_first_time = 0

    # -- events ------------------------------------------------------------------------------------------

    def step(self) -> None:
        """The start of working day `steps - 1`: settle a finished period, update absence, decide."""
        day = self.steps - 1
        if day + 1 < self.team.days:
            next_day = (day + 1) * self.hours_per_day
            self.simulator.schedule_event_absolute(self.step, next_day, priority=Priority.HIGH)
        if day % self.team.period_days == 0:
            if day > 0:
                self.settle_period()
            self.begin_period()
        for member in self.team_members:
            member.present = not self.absent[member.index][day]
            member.resting = False  # idle spells end with the day
        self.agents.do("decide")

    def _schedule_arrival(self, portfolio: int) -> None:
        rate = self.arrival_rates[portfolio]
        if rate > 0:
            self.simulator.schedule_event_relative(
                self.arrive, self.random.expovariate(rate), function_args=[portfolio]
            )

    def arrive(self, portfolio: int) -> None:
        now = self.simulator.time
        value = self.team.revenue_per_request_eur[portfolio]
        self.add_request(Request(portfolio, now, self._sample_work(portfolio), value, rework=False))
        self._schedule_arrival(portfolio)

    def add_request(self, request: Request) -> None:
        """A new request joins its queue and is offered to its owner first, then to the free members by index."""
        self.queues[request.owner].append(request)
        self.team_members[request.owner].offer(request.owner)
        self.agents.do("offer", request.owner)

    # -- choices by policy -------------------------------------------------------------------------------

    def _choose_by_logit(self, member: Member) -> int | None:
        """Two logit stages (§5): own work or idle against "help", then which colleague's queue."""
        own_queue = self.queues[member.index]
        queues, help_values = member.help_utilities()
        if not queues:
            return member.index  # own work waiting and nobody else's: nothing to choose
        temperature = self.scheme.temperature_eur
        stay = member.own_utility()  # own work, or idling (0) when the own queue is empty
        best_help = max(help_values)
        go = best_help - member.help_cost()
        top = max(stay, go)
        stay_weight = math.exp((stay - top) / temperature)
        go_weight = math.exp((go - top) / temperature)
        if self.random.random() * (stay_weight + go_weight) < stay_weight:
            return member.index if own_queue else None
        weights = [math.exp((value - best_help) / temperature) for value in help_values]
        (queue,) = self.random.choices(queues, weights)
        return queue

    def _choose_own(self, member: Member) -> int | None:
        return member.index if self.queues[member.index] else None

    def _choose_oldest(self, member: Member) -> int | None:
        heads = [(queue[0].arrival_hours, j) for j, queue in enumerate(self.queues) if queue]
        return min(heads)[1] if heads else None

    # -- the team KPI and bookkeeping --------------------------------------------------------------------

    def team_value(self, request: Request, *, helping: bool) -> float:
        """k(r): the marginal value of starting `request` now to the team KPI (§2)."""
        basis = self.scheme.team_basis
        if basis == "revenue":
            return request.value_eur / self.team_target_eur
        q = self.requests_per_period
        wait: float = self.simulator.time - request.arrival_hours
        service_level = self.team.service_level_hours
        if basis == "service_level":
            can_make_it = wait + self.service_mean_hours[request.owner] <= service_level
            return (1.0 if can_make_it else 0.25) / q
        if basis == "lead_time":
            return (1 + wait / service_level) / q
        return (1 - (self.rework_help if helping else self.rework_own)) / q

    def record_help(self, member: Member, owner: int, hours: float) -> None:
        self.help_matrix_hours[member.index][owner] += hours
        self.period_help_hours[member.index][owner] += hours
        self.period_help_total_hours += hours
        if member.help_counts_after_target:
            self.help_after_target_hours += hours

    def record_finish(self, request: Request, right_first_time: bool) -> None:
        now = self.simulator.time
        self.period_right_first_time += right_first_time
        lead = now - request.arrival_hours
        self.lead_times_hours.append(lead)
        self.period_lead_sum_hours += lead
        self.period_finished += 1
        if lead <= self.team.service_level_hours:
            self.within_service_level += 1
            self.period_within_service_level += 1
        self.period_revenue_eur[request.owner] += request.value_eur
        self.team_revenue_eur += request.value_eur
        if self.keep_requests:
            self.datacollector.add_table_row(
                "requests",
                {
                    "owner": request.owner,
                    "handler": request.handler,
                    "arrival_hours": request.arrival_hours,
                    "start_hours": request.start_hours,
                    "finish_hours": now,
                    "rework": request.rework,
                },
            )

    def backlog(self) -> int:
        waiting = sum(len(queue) for queue in self.queues)
        return waiting + sum(member.busy_with is not None for member in self.team_members)

    # -- between periods ---------------------------------------------------------------------------------

    def begin_period(self) -> None:
        """Targets and Q for the period's days; effort (when modelled) is chosen now (§2)."""
        team, scheme = self.team, self.scheme
        day = self.steps - 1
        self.period_hours = min(team.period_days, team.days - day) * self.hours_per_day
        self.requests_per_period = max(sum(self.arrival_rates) * self.period_hours, 1e-12)
        own = [
            rate * value * self.period_hours
            for rate, value in zip(self.arrival_rates, team.revenue_per_request_eur, strict=True)
        ]
        for member in self.team_members:
            base = own[member.index] if scheme.target_mode == "scaled" else sum(own) / self.members
            member.target_eur = scheme.target_level * base
        self.team_target_eur = sum(member.target_eur for member in self.team_members)
        self.period_end_hours = day * self.hours_per_day + self.period_hours
        if scheme.effort_modelled and self.policy == "scheme":
            self.agents.do(self._choose_effort)
        for member in self.team_members:
            m0 = member.marginal_own_value()  # revenue is 0 at the start of the period
            value = team.revenue_per_request_eur[member.index]
            hourly = scheme.individual_weight * m0 * value * member.effort / team.service_mean_hours[member.index]
            member.period_help_cost = hourly
        self.effort_sum += sum(member.effort for member in self.team_members) / self.members
        self.effort_periods += 1

    def _choose_effort(self, member: Member) -> None:
        scheme, team = self.scheme, self.team
        i = member.index
        weight = scheme.individual_weight
        team_rate = sum(self.arrival_rates)
        own_term = weight * member.marginal_own_value() * team.revenue_per_request_eur[i] / team.service_mean_hours[i]
        team_term = (1 - weight) * scheme.bonus_per_period_eur * team_rate / self.requests_per_period / self.members
        marginal_bonus = self.period_hours * (own_term + team_term + scheme.intrinsic_effort_eur)
        effort = scheme.effort_min + marginal_bonus / (2 * scheme.effort_cost_eur)
        member.effort = min(max(effort, scheme.effort_min), EFFORT_MAX)

    def settle_period(self) -> None:
        """Pay the period's bonus, update reciprocity, collect the period's data, start afresh (§2)."""
        if self.policy == "scheme":
            self._pay_bonus()
            self._update_reciprocity()
        self.datacollector.collect(self)
        self._reset_period_tallies()

    def _team_ratio(self) -> float:
        scheme = self.scheme
        basis = scheme.team_basis
        finished = self.period_finished
        if basis == "revenue":
            return min(1.0, sum(self.period_revenue_eur) / self.team_target_eur) if self.team_target_eur else 1.0
        if finished == 0:
            return 0.0
        if basis == "service_level":
            kpi = self.period_within_service_level / finished
        elif basis == "quality":
            kpi = self.period_right_first_time / finished
        else:  # lead_time: the ratio is target / mean lead time
            mean_lead = self.period_lead_sum_hours / finished
            return min(1.0, scheme.team_target / mean_lead) if mean_lead > 0 else 1.0
        return min(1.0, kpi / scheme.team_target)

    def _pay_bonus(self) -> None:
        scheme = self.scheme
        bonus = scheme.bonus_per_period_eur
        weight = scheme.individual_weight
        team_part = (1 - weight) * bonus * self._team_ratio()
        revenue = self.period_revenue_eur
        n = self.members
        for member in self.team_members:
            x = revenue[member.index] / member.target_eur if member.target_eur > 0 else 1.0
            shape = scheme.bonus_shape
            if shape == "none":
                f = 0.0
            elif shape == "linear":
                f = x
            elif shape == "threshold":
                f = 1.0 if x >= 1 else 0.0
            elif shape == "capped":
                f = min(x, scheme.cap_level)
            else:  # rank: 1 for the highest revenue, 0 for the lowest; ties share the rank
                own = revenue[member.index]
                above = sum(r > own for r in revenue) + (sum(r == own for r in revenue) - 1) / 2
                f = (n - 1 - above) / (n - 1) if n > 1 else 1.0
            member.bonus_eur += weight * bonus * f + team_part

    def _update_reciprocity(self) -> None:
        n = self.members
        help_hours = self.period_help_hours
        pairs = n * (n - 1)
        mean_pair = self.period_help_total_hours / pairs if pairs else 0.0
        eta = self.scheme.reciprocity_learning_rate
        for member in self.team_members:
            i = member.index
            given = sum(help_hours[i])
            received = self.perception * sum(help_hours[j][i] for j in range(n))
            if given > 0:
                member.willingness += eta * (min(1.0, received / given) - member.willingness)
            for j in range(n):
                perceived = self.perception * help_hours[j][i]
                self.perceived_help[i][j] = perceived / mean_pair if mean_pair > 0 else 0.0

    # -- running and reporting ---------------------------------------------------------------------------

    def run_model(self) -> None:
        self.simulator.run_until(self.horizon_hours)
        self.settle_period()
        for member in self.team_members:  # work in hand counts up to the end
            if member.busy_with is not None:
                member.book_hours(self.horizon_hours)
        self.running = False

    def outcomes(self) -> dict[str, float]:
        """The replication's metrics, under the engine's names."""
        leads = self.lead_times_hours
        finished = len(leads)
        help_hours = sum(map(sum, self.help_matrix_hours))
        worked = [member.hours_worked for member in self.team_members]
        p50, p90 = np.percentile(leads, [50, 90]) if leads else (math.nan, math.nan)
        # Work left undone must not look like good service: open requests older than SL count as missed.
        service_level = self.team.service_level_hours
        overdue = sum(
            self.horizon_hours - request.arrival_hours > service_level
            for request in [*(r for queue in self.queues for r in queue), *self._in_hand()]
        )
        return {
            "lead_time_mean_hours": sum(leads) / finished if finished else math.nan,
            "lead_time_p50_hours": float(p50),
            "lead_time_p90_hours": float(p90),
            "wait_mean_hours": self.wait_sum_hours / self.started_requests if self.started_requests else math.nan,
            "service_level_share": (
                self.within_service_level / (finished + overdue) if finished + overdue else math.nan
            ),
            "requests_finished": float(finished),
            "backlog_end": float(self.backlog()),
            "help_hours": help_hours,
            "help_share": help_hours / sum(worked) if sum(worked) > 0 else math.nan,
            "help_after_target_share": (
                self.help_after_target_hours / help_hours if self.targets_exist and help_hours > 0 else math.nan
            ),
            "workload_gini": gini(worked),
            "bonus_gini": gini([m.bonus_eur for m in self.team_members]) if self.policy == "scheme" else math.nan,
            "team_revenue_eur": self.team_revenue_eur,
            "effort_mean": self.effort_sum / self.effort_periods,
        }

    def _in_hand(self) -> list[Request]:
        return [member.busy_with for member in self.team_members if member.busy_with is not None]


def gini(values: list[float]) -> float:
    """0 when everyone has the same, towards 1 when one has everything; NaN when nobody has anything."""
    n = len(values)
    total = sum(values)
    if n == 0 or total <= 0:
        return math.nan
    ordered = sorted(values)
    weighted = sum((k + 1) * x for k, x in enumerate(ordered))
    return (2 * weighted) / (n * total) - (n + 1) / n


@dataclass(frozen=True)
class Estimate:
    """Mean over replications with the 95% confidence interval of docs/simulation.md §3."""

    mean: float
    ci95_low: float
    ci95_high: float
    sd: float
    n: int


def estimate(values: list[float]) -> Estimate:
    finite = [v for v in values if math.isfinite(v)]
    n = len(finite)
    if n == 0:
        return Estimate(math.nan, math.nan, math.nan, math.nan, 0)
    mean = sum(finite) / n
    if n == 1:
        return Estimate(mean, math.nan, math.nan, math.nan, 1)
    sd = math.sqrt(sum((v - mean) ** 2 for v in finite) / (n - 1))
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    return Estimate(mean, mean - half, mean + half, sd, n)


def run_replication(params: Params, seed_sequence: np.random.SeedSequence) -> dict[str, float]:
    model = TeamModel(params, rng=seed_sequence)
    model.run_model()
    return model.outcomes()


def run(params: Params, *, seed: int) -> dict[str, Estimate]:
    """All replications of `params` in this process; one Estimate per metric."""
    streams = np.random.SeedSequence(seed).spawn(params.replications)
    rows = [run_replication(params, stream) for stream in streams]
    return {name: estimate([row[name] for row in rows]) for name in METRICS}
