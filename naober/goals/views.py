"""Steer: the goals of every team, one goal with its indicators and chart, the values, the overview."""

from __future__ import annotations

import csv
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.core.access import EVERYONE, Access, OrgRequest, get_in_org, org_view, roles
from naober.goals import services
from naober.goals.check import check_organisation, findings_for_goal
from naober.goals.forms import GoalForm, IndicatorForm, MeasurementForm, ValueActionForm, ValueForm
from naober.goals.models import Goal, Horizon, Indicator, Measurement, Value
from naober.goals.overview import team_figures
from naober.orgs.models import Role, Team

# Everyone reads goals (they are the team's, not a person's); leaders and team leads change them.
GOALS = Access(read=EVERYONE.read, write=roles(Role.LEADER, Role.TEAM_LEAD))
VALUES = Access(read=EVERYONE.read, write=roles(Role.LEADER))
READ_ONLY = Access(read=EVERYONE.read)


def steerable_teams(request: OrgRequest) -> QuerySet[Team]:
    teams = Team.objects.in_org(request.org)
    if request.role == Role.LEADER:
        return teams
    if request.role == Role.TEAM_LEAD and request.membership.person_id:
        return teams.filter(leads=request.membership.person_id)
    return teams.none()


def _goal_form(request: OrgRequest, goal: Goal | None = None) -> GoalForm:
    data = request.POST if request.method == "POST" and request.POST.get("form", "goal") == "goal" else None
    values = Value.objects.in_org(request.org).active()
    if goal is not None:  # a retired value the goal still serves stays ticked
        values = Value.objects.in_org(request.org).filter(Q(retired_on__isnull=True) | Q(goals=goal)).distinct()
    return GoalForm(data, teams=steerable_teams(request), values=values, goal=goal)


def _save_goal(request: OrgRequest, form: GoalForm, goal: Goal | None = None) -> Goal | None:
    try:
        return services.goal_save(organisation=request.org, user=request.user, goal=goal, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _after_save(request: OrgRequest, goal: Goal) -> None:
    findings = findings_for_goal(goal)
    messages.success(request, _("Goal saved."))
    if findings:
        advice = ngettext(
            "The goal check has %(n)s point of advice below.",
            "The goal check has %(n)s points of advice below.",
            len(findings),
        )
        messages.warning(request, advice % {"n": len(findings)})


@org_view(GOALS)
def goal_list(request: OrgRequest) -> HttpResponse:
    form = _goal_form(request)
    if request.method == "POST" and form.is_valid() and (goal := _save_goal(request, form)):
        _after_save(request, goal)
        return redirect(goal)
    goals = Goal.objects.in_org(request.org).with_details()
    findings = check_organisation(request.org, goals)
    by_goal: dict[int, int] = defaultdict(int)
    for finding in findings:
        if finding.goal is not None:
            by_goal[finding.goal.pk] += 1
    by_team: dict[Team, list[Goal]] = defaultdict(list)
    for goal in goals:
        goal.finding_count = by_goal[goal.pk]  # type: ignore[attr-defined]
        by_team[goal.team].append(goal)
    context = {"by_team": sorted(by_team.items(), key=lambda item: item[0].name), "form": form}
    context["can_create"] = steerable_teams(request).exists()
    return render(request, "goals/goal_list.html", context, status=422 if form.errors else 200)


def _chart(indicator: Indicator) -> dict[str, Any]:
    points = list(indicator.measurements.all())
    return {
        "label": indicator.name,
        "unit": indicator.unit,
        "labels": [formats.date_format(m.measured_on, "SHORT_DATE_FORMAT") for m in points],
        "values": [float(m.value) for m in points],
        "target": float(indicator.target) if indicator.target is not None else None,
    }


def _post_goal_page(request: OrgRequest, goal: Goal, forms: dict[str, Any]) -> HttpResponse | None:
    """Handle one of the goal page's forms; a redirect when it saved, else None (the form shows its errors)."""
    which = request.POST.get("form", "goal")
    form = forms.get(which)
    if form is None or not form.is_valid():
        return None
    if which == "goal":
        if (saved := _save_goal(request, form, goal)) is None:
            return None
        _after_save(request, saved)
    elif which == "indicator":
        services.indicator_save(goal=goal, **form.cleaned_data)
        messages.success(request, _("Indicator added."))
    else:
        indicator = goal.indicators.get(pk=form.cleaned_data.pop("indicator"))
        services.measurement_record(indicator=indicator, user=request.user, **form.cleaned_data)
        messages.success(request, _("Measurement saved."))
    return redirect(goal)


@org_view(GOALS)
def goal_detail(request: OrgRequest, goal_id: int) -> HttpResponse:
    goal = get_in_org(Goal, request, goal_id)
    indicators = list(
        goal.indicators.prefetch_related(Prefetch("measurements", Measurement.objects.order_by("measured_on")))
    )
    may_steer = steerable_teams(request).filter(pk=goal.team_id).exists()
    post = request.method == "POST"
    forms: dict[str, Any] = {
        "goal": _goal_form(request, goal),
        "indicator": IndicatorForm(request.POST if post and request.POST.get("form") == "indicator" else None),
        "measurement": MeasurementForm(
            request.POST if post and request.POST.get("form") == "measurement" else None,
            indicators=indicators,
            initial={"measured_on": timezone.localdate()},
        ),
    }
    if post:
        if not may_steer:
            raise PermissionDenied
        response = _post_goal_page(request, goal, forms)
        if response is not None:
            return response
    context = {
        "goal": goal,
        "indicators": [(i, _chart(i), f"indicator-chart-{i.pk}") for i in indicators],
        "findings": findings_for_goal(goal),
        "may_steer": may_steer,
        **{f"{name}_form": form for name, form in forms.items()},
    }
    return render(request, "goals/goal_detail.html", context, status=422 if post else 200)


@org_view(VALUES)
def value_list(request: OrgRequest) -> HttpResponse:
    post = request.method == "POST"
    form = ValueForm(request.POST if post and request.POST.get("form") == "value" else None)
    action = ValueActionForm(request.POST if post and request.POST.get("form") == "action" else None)
    if post and form.is_valid():
        try:
            services.value_save(organisation=request.org, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Value added."))
            return redirect("goals:values", org=request.org.slug)
    if post and action.is_valid():
        value = get_in_org(Value, request, action.cleaned_data["value"])
        try:
            if action.cleaned_data["action"] == "delete":
                services.value_delete(value=value)
            else:
                retired = action.cleaned_data["action"] == "retire"
                services.value_save(
                    organisation=request.org, value=value, retired=retired, name=value.name,
                    description=value.description, kind=value.kind,
                )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("goals:values", org=request.org.slug)
    values = Value.objects.in_org(request.org).prefetch_related("goals")
    context = {"values": values, "form": form, "may_edit": request.role == Role.LEADER}
    return render(request, "goals/value_list.html", context, status=422 if post else 200)


@org_view(READ_ONLY)
def overview(request: OrgRequest) -> HttpResponse:
    goals = list(Goal.objects.in_org(request.org).with_details())
    horizons = list(Horizon)
    grid: dict[int, dict[str, list[Goal]]] = defaultdict(lambda: defaultdict(list))
    for goal in goals:
        for value in goal.values.all():
            grid[value.pk][goal.horizon].append(goal)
    values = Value.objects.in_org(request.org)
    rows = [
        (value, [grid[value.pk][h] for h in horizons]) for value in values if not value.is_retired or grid[value.pk]
    ]
    context = {
        "horizons": horizons,
        "rows": rows,
        "findings": check_organisation(request.org, goals),
        "figures": team_figures(request.org, today=timezone.localdate()),
        "threshold": request.org.anonymity_threshold,
    }
    return render(request, "goals/overview.html", context)


@org_view(READ_ONLY)
def overview_csv(request: OrgRequest) -> HttpResponse:
    """The overview's team-level figures as CSV: one row per team, no row per person, by design."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{request.org.slug}-teams.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["team", "people", "help_within_team", "help_to_other_teams", "help_from_other_teams",
         "thanks_received", "shared_contributions"]
    )  # fmt: skip
    for row in team_figures(request.org, today=timezone.localdate()):
        figures = [row.help_within_team, row.help_to_other_teams, row.help_from_other_teams,
                   row.thanks_received, row.shared_contributions]  # fmt: skip
        writer.writerow([row.team.name, row.size, *("" if f is None else f for f in figures)])
    return response
