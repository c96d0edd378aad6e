"""The demo's work data (DESIGN.md §9): a simulated year for Binnendienst under personal targets and for Service &
Onderhoud under team goals, with the targets of the personal scheme, and the story the diagnosis tells of it."""

from __future__ import annotations

from collections import Counter
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from naober import sim
from naober.core.demo import PORTFOLIOS, TEAM_MEMBERS
from naober.orgs.models import Person, Portfolio, Team
from naober.sim import Params, Result
from naober.sim.presets import preset_params
from naober.work.demo import DEMO_SOURCE, DEMO_ZONE, period_targets, work_demo_load, workdays_before
from naober.work.models import PersonTarget, WorkItem
from tests.conftest import World

TODAY = date(2026, 11, 4)  # a Wednesday; the demo year ends on Tuesday 3 November


@pytest.fixture
def teams(world: World) -> tuple[Team, Team]:
    """The demo's two teams at full size: Binnendienst's eight with their uneven portfolios, Service's thirteen."""
    known = {person.name: person for person in world.people.values()}
    for owner, name, customers in PORTFOLIOS:
        if owner not in known:
            known[owner] = Person.objects.create(organisation=world.org, name=owner)
            world.binnendienst.members.add(known[owner])
        if owner != world.portfolio.owner.name:  # type: ignore[union-attr]
            Portfolio.objects.create(
                organisation=world.org, team=world.binnendienst, owner=known[owner], name=name, customer_count=customers
            )
    service = [
        Person.objects.create(organisation=world.org, name=name, job_title=job_title)
        for name, job_title in TEAM_MEMBERS["Service & Onderhoud"]
    ]
    world.service.members.add(*service)
    world.service.leads.add(service[0])
    return world.binnendienst, world.service


def _load(world: World, teams: tuple[Team, Team], seed: int = 2026) -> str:
    return work_demo_load(organisation=world.org, individual_team=teams[0], value_team=teams[1], seed=seed, today=TODAY)


def _rows(team: Team) -> list[tuple[object, ...]]:
    return list(
        WorkItem.objects.for_team(team)
        .order_by("external_id")
        .values_list(
            "external_id", "customer", "owner__name", "handler__name", "created_at", "first_response_at",
            "resolved_at", "value", "channel",
        )
    )  # fmt: skip


def test_both_teams_get_a_year_of_work_from_their_own_people(world: World, teams: tuple[Team, Team]) -> None:
    summary = _load(world, teams)
    first_day, last_day = workdays_before(TODAY, 250)[0], date(2026, 11, 3)
    for team in teams:
        items = WorkItem.objects.for_team(team)
        people = set(team.members.values_list("pk", flat=True))
        assert f"{items.count():,} " in summary
        assert 5_000 <= items.count() <= 20_000
        assert set(items.values_list("owner", flat=True)) == people  # everyone has a share
        assert set(items.exclude(handler=None).values_list("handler", flat=True)) <= people
        created = [moment.astimezone(DEMO_ZONE) for moment in items.values_list("created_at", flat=True)]
        assert min(created).date() == first_day and max(created).date() == last_day
        assert all(moment.weekday() < 5 and time(8, 30) <= moment.time() < time(16, 30) for moment in created)
        assert set(items.values_list("source", flat=True)) == {DEMO_SOURCE}
        assert set(items.values_list("channel", flat=True)) == {"telefoon", "e-mail", "portaal"}
    assert summary.endswith(f"{PersonTarget.objects.count()} targets.")


def test_resolved_after_first_response_after_created(world: World, teams: tuple[Team, Team]) -> None:
    _load(world, teams)
    items = WorkItem.objects.filter(organisation=world.org)
    open_items = 0
    for created, first_response, resolved in items.values_list("created_at", "first_response_at", "resolved_at"):
        assert first_response is None or first_response >= created
        assert resolved is None or (first_response is not None and resolved >= first_response)
        open_items += resolved is None
    assert 0 < open_items < 0.02 * items.count()  # only what is still open at the end of the year
    # The busiest portfolio brings the most questions, and so on down; revenue per question, none for rework.
    owned = Counter(WorkItem.objects.for_team(teams[0]).values_list("owner__name", flat=True))
    by_customers = [owner for owner, _name, _customers in sorted(PORTFOLIOS, key=lambda p: p[2])]
    assert sorted(owned, key=owned.__getitem__) == by_customers
    values = set(WorkItem.objects.for_team(teams[0]).values_list("value", flat=True))
    assert values == {Decimal("250.00"), Decimal("0.00")}


def test_targets_only_for_the_personal_scheme_and_every_period(world: World, teams: tuple[Team, Team]) -> None:
    _load(world, teams)
    targets = PersonTarget.objects.filter(organisation=world.org)
    assert not targets.filter(person__in=teams[1].members.all()).exists()
    periods = period_targets(preset_params("individueel", members=8, replications=1))
    workdays = workdays_before(TODAY, 250)
    assert targets.count() == 8 * len(periods) == 8 * 13
    for first, last, expected in periods:
        rows = targets.filter(period_start=workdays[first], period_end=workdays[last])
        assert set(rows.values_list("person__name", flat=True)) == {owner for owner, _n, _c in PORTFOLIOS}
        assert {row.target for row in rows} == {Decimal(f"{expected[0]:.2f}")}
    # 0.8 of the mean portfolio's revenue: 0.8 * 0.575 / h * €250 * 8 h * 20 days; the last period has 10 days.
    assert set(targets.filter(period_start=workdays[0]).values_list("target", flat=True)) == {Decimal("18400.00")}
    assert set(targets.filter(period_end=workdays[-1]).values_list("target", flat=True)) == {Decimal("9200.00")}


def test_the_same_seed_gives_the_same_year_and_loading_again_replaces_it(
    world: World, teams: tuple[Team, Team], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = []
    run = sim.run

    def spy(params: Params, *, seed: int) -> Result:
        seeds.append(seed)
        return run(params, seed=seed)

    monkeypatch.setattr(sim, "run", spy)
    _load(world, teams, seed=7)
    first = [_rows(team) for team in teams]
    targets = PersonTarget.objects.count()
    _load(world, teams, seed=7)
    assert [_rows(team) for team in teams] == first
    assert PersonTarget.objects.count() == targets
    assert seeds == [7, 8, 7, 8]  # the seed reaches the simulation, one stream per team


def _help_after_target(team: Team) -> dict[str, Any]:
    from naober.work.diagnostics import team_diagnose  # imported here: it needs naober.lib.workstats

    signal: dict[str, Any] = team_diagnose(team=team, start=None, end=None, viewer=None)["help_after_target"]
    return signal


def test_binnendienst_helps_mostly_after_reaching_target(world: World, teams: tuple[Team, Team]) -> None:
    """The raw pattern the simulation produces: help moments are several times as frequent once the helper is past
    the target; in Service & Onderhoud there are no personal targets to be past."""
    _load(world, teams)
    binnendienst = _help_after_target(teams[0])
    assert binnendienst["rate_after"] > 2 * binnendienst["rate_before"], binnendienst
    assert binnendienst["share_after"] > 0.4, binnendienst
    assert _help_after_target(teams[1])["verdict"] != "pattern"


# In the simulation (docs/simulation.md §2) a member with own work waiting practically never helps, so all help
# starts with an empty own queue and the target decides between helping and idling: the detector must compare help
# per working hour at equal own workload (naober/lib/workstats.py) to see it.
def test_the_diagnosis_finds_help_after_target_in_binnendienst_only(world: World, teams: tuple[Team, Team]) -> None:
    _load(world, teams)
    binnendienst, service = _help_after_target(teams[0]), _help_after_target(teams[1])
    assert binnendienst["verdict"] == "pattern", binnendienst
    assert service["verdict"] != "pattern", service
