"""The goal check (DESIGN.md §1, Steer): plain findings about goals that reward the opposite of the values.

Every finding says what is the matter, why it matters and what to do instead. Findings are advice: saving a
goal never waits for them. The rules read goals as they are stored (`check_organisation`) so the same
findings show after a save, on the goal's page, in the organisation overview and in the API.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from naober.goals.models import FINANCIAL_KINDS, VALUE_LINKED_KINDS, Goal, Horizon, Scope, Value, ValueKind
from naober.orgs.models import Organisation, Team

# Words that make a goal about money when it has no indicators to say so (Dutch first, then English).
MONEY_WORDS = re.compile(r"€|\b(omzet|winst|marge|revenue|profit|margin|turnover|sales)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    code: str
    title: Promise | str
    why: Promise
    instead: Promise
    goal: Goal | None = None
    team: Team | None = None
    value: Value | None = None

    @property
    def subject(self) -> str:
        for item in (self.goal, self.team, self.value):
            if item is not None:
                return str(item)
        return ""


def _is_about_money(goal: Goal) -> bool:
    kinds = {indicator.kind for indicator in goal.indicators.all()}
    if kinds & VALUE_LINKED_KINDS:
        return False
    if kinds & FINANCIAL_KINDS:
        return True
    return not kinds - {"other"} and bool(MONEY_WORDS.search(f"{goal.title} {goal.straight_line}"))


def check_goal(goal: Goal) -> list[Finding]:
    """The findings about one goal on its own (`goal` with values and indicators prefetched, ideally)."""
    findings = []
    if not goal.values.all():
        findings.append(
            Finding(
                "goal_without_value",
                _("This goal serves no value"),
                _("A goal without a value is steered on the number alone; nobody can tell what it is for."),
                _("Say which value it serves: customer care, lead time, chain collaboration, quality or learning."),
                goal=goal,
            )
        )
    if _is_about_money(goal):
        findings.append(
            Finding(
                "ego_goal",
                _("This goal is only about revenue or profit"),
                _(
                    "A money-only goal rewards people for what they bring in for themselves, not for what the "
                    "customer notices; helping a colleague then costs you."
                ),
                _(
                    "Add an indicator the customer notices (lead time, quality, customer satisfaction) or one for "
                    "working together, or make revenue the result of such a goal instead of the goal itself."
                ),
                goal=goal,
            )
        )
    if not goal.meaning.strip():
        findings.append(
            Finding(
                "goal_without_meaning",
                _("This goal does not say what the customer will notice"),
                _("Without its meaning, a goal is a number to reach, not a reason to do the work well."),
                _("Write down what the customer will notice when the goal is reached."),
                goal=goal,
            )
        )
    return findings


def _team_findings(team: Team, goals: list[Goal], collaboration_valued: bool) -> list[Finding]:
    findings = []
    if collaboration_valued and all(goal.scope == Scope.INDIVIDUAL for goal in goals):
        findings.append(
            Finding(
                "only_individual_goals",
                _("This team has only individual goals"),
                _(
                    "The organisation values chain collaboration, but every goal of this team is reached alone: "
                    "the structure then rewards people for not helping each other."
                ),
                _("Add a goal the team reaches together, such as a lead time or service level for all customers."),
                team=team,
            )
        )
    if all(goal.horizon == Horizon.QUARTER for goal in goals):
        findings.append(
            Finding(
                "short_horizon_only",
                _("Every goal of this team is for this quarter"),
                _("Only short goals push the long term (craft, customers for years, the next generation) aside."),
                _("Add a goal for this year or for the next generation."),
                team=team,
            )
        )
    return findings


def check_organisation(organisation: Organisation, goals: Iterable[Goal] | None = None) -> list[Finding]:
    """Every finding of the organisation: per goal, per team, and about values and the long term."""
    if goals is None:
        goals = Goal.objects.in_org(organisation).with_details()
    goals = list(goals)
    values = list(Value.objects.in_org(organisation).active())
    collaboration_valued = any(value.kind == ValueKind.COLLABORATION for value in values)
    findings: list[Finding] = []
    by_team: dict[Team, list[Goal]] = defaultdict(list)
    for goal in goals:
        findings.extend(check_goal(goal))
        by_team[goal.team].append(goal)
    for team, team_goals in sorted(by_team.items(), key=lambda item: item[0].name):
        findings.extend(_team_findings(team, team_goals, collaboration_valued))
    served = {value.pk for goal in goals for value in goal.values.all()}
    for value in values:
        if value.pk not in served:
            findings.append(
                Finding(
                    "value_without_goal",
                    _("No goal serves the value “%(value)s”") % {"value": value.name},
                    _("A value that no goal serves stays a word on the wall; the structure rewards something else."),
                    _("Give at least one team a goal that serves this value, or retire the value honestly."),
                    value=value,
                )
            )
    if goals and not any(goal.horizon == Horizon.GENERATION for goal in goals):
        findings.append(
            Finding(
                "no_long_term",
                _("No goal looks beyond this year"),
                _("A family firm lasts generations; without a long goal, every choice is made for the short term."),
                _("Set at least one goal for the next generation: craft, customers, the place in the region."),
            )
        )
    return findings


def findings_for_goal(goal: Goal) -> list[Finding]:
    """What to show after saving a goal: its own findings and those of its team."""
    team_goals = list(Goal.objects.for_team(goal.team).with_details())
    collaboration_valued = (
        Value.objects.in_org(goal.organisation).active().filter(kind=ValueKind.COLLABORATION).exists()
    )
    return check_goal(goal) + _team_findings(goal.team, team_goals, collaboration_valued)
