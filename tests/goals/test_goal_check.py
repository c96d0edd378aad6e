"""Every rule of the goal check, with an example that triggers it and one that does not.

The personas' world already holds one value-linked team goal of Binnendienst (tests/conftest.py).
"""

from __future__ import annotations

from decimal import Decimal

from naober.goals.check import check_goal, check_organisation, findings_for_goal
from naober.goals.models import Goal, Horizon, IndicatorKind, Scope, Value
from naober.goals.services import goal_save, indicator_save, value_save
from naober.orgs.models import Organisation, Team
from tests.conftest import World


def _codes(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.code for f in findings}


def _values(world: World, *names: str) -> list[Value]:
    return list(Value.objects.filter(organisation=world.org, name__in=names))


def _goal(
    world: World, title: str, *, team: Team | None = None, values: tuple[str, ...] = ("Klantzorg",), **kw
) -> Goal:  # type: ignore[no-untyped-def]
    defaults = {"meaning": "De klant merkt het.", "horizon": Horizon.YEAR, "scope": Scope.TEAM}
    return goal_save(
        organisation=world.org, team=team or world.binnendienst, title=title, values=_values(world, *values),
        **{**defaults, **kw},
    )  # fmt: skip


def test_goal_without_value_is_found(world: World) -> None:
    assert "goal_without_value" in _codes(check_goal(_goal(world, "Opruimen", values=())))


def test_goal_with_a_value_is_not_found_for_lacking_one(world: World) -> None:
    assert "goal_without_value" not in _codes(check_goal(world.goal))


def test_goal_with_only_a_revenue_indicator_is_an_ego_goal(world: World) -> None:
    goal = _goal(world, "Meer verkopen")
    indicator_save(goal=goal, name="Omzet", kind=IndicatorKind.REVENUE, unit="€", target=Decimal("150000"))
    assert "ego_goal" in _codes(check_goal(goal))


def test_goal_about_revenue_in_words_only_is_an_ego_goal(world: World) -> None:
    assert "ego_goal" in _codes(check_goal(_goal(world, "+€150.000 omzet")))
    assert "ego_goal" in _codes(check_goal(_goal(world, "Hogere winst per klant")))


def test_revenue_goal_with_a_customer_indicator_is_not_an_ego_goal(world: World) -> None:
    goal = _goal(world, "+€150.000 omzet bij tevreden klanten")
    indicator_save(goal=goal, name="Omzet", kind=IndicatorKind.REVENUE)
    indicator_save(goal=goal, name="Klanttevredenheid", kind=IndicatorKind.CUSTOMER, target=Decimal("8"))
    assert "ego_goal" not in _codes(check_goal(goal))


def test_goal_not_about_money_is_not_an_ego_goal(world: World) -> None:
    assert "ego_goal" not in _codes(check_goal(world.goal))
    # "marge" inside another word is not money talk
    assert "ego_goal" not in _codes(check_goal(_goal(world, "Margeerbare planning voor monteurs")))


def test_goal_without_meaning_is_found(world: World) -> None:
    assert "goal_without_meaning" in _codes(check_goal(_goal(world, "Sneller", meaning="  ")))
    assert "goal_without_meaning" not in _codes(check_goal(world.goal))


def test_team_with_only_individual_goals_is_found_where_collaboration_is_a_value(world: World) -> None:
    _goal(world, "Eigen pakket op orde", team=world.service, scope=Scope.INDIVIDUAL)
    _goal(world, "Eigen omzetdoel", team=world.service, scope=Scope.INDIVIDUAL)
    findings = [f for f in check_organisation(world.org) if f.code == "only_individual_goals"]
    assert [f.team for f in findings] == [world.service]


def test_team_with_a_team_goal_beside_individual_ones_is_not_found(world: World) -> None:
    _goal(world, "Eigen pakket op orde", scope=Scope.INDIVIDUAL)  # Binnendienst also has world.goal, a team goal
    assert "only_individual_goals" not in _codes(check_organisation(world.org))


def test_only_individual_goals_are_not_found_when_collaboration_is_not_a_value(world: World) -> None:
    _goal(world, "Eigen pakket op orde", team=world.service, scope=Scope.INDIVIDUAL)
    collaboration = Value.objects.get(organisation=world.org, name="Ketensamenwerking")
    value_save(
        organisation=world.org, value=collaboration, name=collaboration.name, kind=collaboration.kind, retired=True
    )
    assert "only_individual_goals" not in _codes(check_organisation(world.org))


def test_team_with_every_goal_for_this_quarter_is_found(world: World) -> None:
    _goal(world, "Achterstand weg", team=world.service, horizon=Horizon.QUARTER)
    _goal(world, "Nieuwe planning", team=world.service, horizon=Horizon.QUARTER)
    findings = [f for f in check_organisation(world.org) if f.code == "short_horizon_only"]
    assert [f.team for f in findings] == [world.service]


def test_team_with_a_goal_for_the_year_is_not_short_sighted(world: World) -> None:
    _goal(world, "Achterstand weg", horizon=Horizon.QUARTER)  # beside world.goal, for this year
    assert "short_horizon_only" not in _codes(check_organisation(world.org))


def test_value_without_goal_is_found(world: World) -> None:
    unserved = {f.value.name for f in check_organisation(world.org) if f.code == "value_without_goal"}  # type: ignore[union-attr]
    assert unserved == {"Ketensamenwerking", "Kwaliteit", "Leren en innoveren"}


def test_value_served_or_retired_is_not_found(world: World) -> None:
    _goal(world, "Samen plannen", values=("Ketensamenwerking", "Kwaliteit"))
    learning = Value.objects.get(organisation=world.org, name="Leren en innoveren")
    value_save(organisation=world.org, value=learning, name=learning.name, kind=learning.kind, retired=True)
    assert "value_without_goal" not in _codes(check_organisation(world.org))


def test_organisation_with_no_goal_for_the_next_generation_is_found(world: World) -> None:
    assert "no_long_term" in _codes(check_organisation(world.org))
    _goal(world, "Vakmanschap doorgeven", horizon=Horizon.GENERATION)
    assert "no_long_term" not in _codes(check_organisation(world.org))


def test_organisation_without_goals_has_no_findings_about_goals(db: None) -> None:
    empty = Organisation.objects.create(name="Leeg", slug="leeg")
    assert check_organisation(empty) == []


def test_findings_after_saving_include_the_team_rules(world: World) -> None:
    goal = _goal(world, "Eigen omzet", team=world.service, scope=Scope.INDIVIDUAL, horizon=Horizon.QUARTER, meaning="")
    assert _codes(findings_for_goal(goal)) == {
        "only_individual_goals",
        "short_horizon_only",
        "goal_without_meaning",
        "ego_goal",
    }


def test_every_finding_says_why_and_what_to_do_instead(world: World) -> None:
    _goal(
        world,
        "+€150.000 omzet",
        team=world.service,
        values=(),
        scope=Scope.INDIVIDUAL,
        horizon=Horizon.QUARTER,
        meaning="",
    )
    findings = check_organisation(world.org)
    assert len(_codes(findings)) == 7
    for finding in findings:
        assert str(finding.title) and str(finding.why) and str(finding.instead)
