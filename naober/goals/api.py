"""API operations for values, goals, indicators, measurements, the goal check and the team-level overview."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field, model_validator

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.core.access import OrgRequest
from naober.goals import services
from naober.goals.check import Finding, check_organisation, findings_for_goal
from naober.goals.models import Direction, Goal, Horizon, Indicator, IndicatorKind, Measurement, Scope, Value, ValueKind
from naober.goals.overview import WINDOW_DAYS, team_figures
from naober.goals.views import GOALS, READ_ONLY, VALUES, steerable_teams
from naober.orgs.models import Team

router = Router(tags=["goals"])


class AtLeastOneField(InputSchema):
    """A PATCH body: only the fields sent change, and an empty body is a mistake worth saying."""

    @model_validator(mode="after")
    def _not_empty(self) -> AtLeastOneField:
        if not self.model_fields_set:
            raise ValueError("Send at least one field to change.")
        return self


class ValueOut(Schema):
    id: int
    name: str
    description: str
    kind: ValueKind
    retired_on: date | None


class ValueIn(InputSchema):
    name: str = Field(min_length=1, max_length=80)
    description: str = Field("", max_length=5000)
    kind: ValueKind = ValueKind.OTHER


class ValuePatch(AtLeastOneField):
    name: str | None = Field(None, min_length=1, max_length=80)
    description: str | None = Field(None, max_length=5000)
    kind: ValueKind | None = None
    retired: bool | None = None


class MeasurementOut(Schema):
    id: int
    measured_on: date
    value: Decimal
    note: str


class MeasurementIn(InputSchema):
    measured_on: date
    value: Decimal = Field(max_digits=16, decimal_places=4)
    note: str = Field("", max_length=300)


class IndicatorOut(Schema):
    id: int
    name: str
    kind: IndicatorKind
    unit: str
    direction: Direction
    target: Decimal | None
    measurements: list[MeasurementOut]


class IndicatorIn(InputSchema):
    name: str = Field(min_length=1, max_length=150)
    kind: IndicatorKind = IndicatorKind.OTHER
    unit: str = Field("", max_length=30)
    direction: Direction = Direction.HIGHER
    target: Decimal | None = Field(None, max_digits=16, decimal_places=4)


class IndicatorPatch(AtLeastOneField):
    name: str | None = Field(None, min_length=1, max_length=150)
    kind: IndicatorKind | None = None
    unit: str | None = Field(None, max_length=30)
    direction: Direction | None = None
    target: Decimal | None = Field(None, max_digits=16, decimal_places=4)


class FindingOut(Schema):
    code: str
    title: str
    why: str
    instead: str
    goal_id: int | None
    team_id: int | None
    value_id: int | None


class GoalOut(Schema):
    id: int
    title: str
    team_id: int
    value_ids: list[int]
    straight_line: str
    meaning: str
    horizon: Horizon
    scope: Scope
    indicators: list[IndicatorOut]
    findings: list[FindingOut]


class GoalIn(InputSchema):
    title: str = Field(min_length=1, max_length=200)
    team_id: RowId
    value_ids: list[RowId] = Field(default_factory=list)
    straight_line: str = Field("", max_length=5000)
    meaning: str = Field("", max_length=5000)
    horizon: Horizon = Horizon.YEAR
    scope: Scope = Scope.TEAM


class GoalPatch(AtLeastOneField):
    title: str | None = Field(None, min_length=1, max_length=200)
    team_id: RowId | None = None
    value_ids: list[RowId] | None = None
    straight_line: str | None = Field(None, max_length=5000)
    meaning: str | None = Field(None, max_length=5000)
    horizon: Horizon | None = None
    scope: Scope | None = None


class TeamFiguresOut(Schema):
    team_id: int
    team: str
    people: int
    shown: bool
    help_within_team: int | None
    help_to_other_teams: int | None
    help_from_other_teams: int | None
    thanks_received: int | None
    shared_contributions: int | None


class OverviewOut(Schema):
    window_days: int
    anonymity_threshold: int
    teams: list[TeamFiguresOut]
    findings: list[FindingOut]


def _finding_out(finding: Finding) -> FindingOut:
    return FindingOut(
        code=finding.code,
        title=str(finding.title),
        why=str(finding.why),
        instead=str(finding.instead),
        goal_id=finding.goal.pk if finding.goal else None,
        team_id=finding.team.pk if finding.team else None,
        value_id=finding.value.pk if finding.value else None,
    )


def _value_out(value: Value) -> ValueOut:
    return ValueOut(
        id=value.pk,
        name=value.name,
        description=value.description,
        kind=ValueKind(value.kind),
        retired_on=value.retired_on,
    )


def _indicator_out(indicator: Indicator) -> IndicatorOut:
    return IndicatorOut(
        id=indicator.pk,
        name=indicator.name,
        kind=IndicatorKind(indicator.kind),
        unit=indicator.unit,
        direction=Direction(indicator.direction),
        target=indicator.target,
        measurements=[
            MeasurementOut(id=m.pk, measured_on=m.measured_on, value=m.value, note=m.note)
            for m in sorted(indicator.measurements.all(), key=lambda m: m.measured_on)
        ],
    )


def _goal_out(goal: Goal, findings: list[Finding] | None = None) -> GoalOut:
    if findings is None:
        findings = findings_for_goal(goal)
    return GoalOut(
        id=goal.pk,
        title=goal.title,
        team_id=goal.team_id,
        value_ids=sorted(v.pk for v in goal.values.all()),
        straight_line=goal.straight_line,
        meaning=goal.meaning,
        horizon=Horizon(goal.horizon),
        scope=Scope(goal.scope),
        indicators=[_indicator_out(i) for i in goal.indicators.all()],
        findings=[_finding_out(f) for f in findings],
    )


def _goal(request: OrgRequest, goal_id: int, *, to_change: bool = False) -> Goal:
    goal = get_object_or_404(
        Goal.objects.prefetch_related("values", "indicators__measurements"), organisation=request.org, pk=goal_id
    )
    if to_change and not steerable_teams(request).filter(pk=goal.team_id).exists():
        raise HttpError(403, "Only leaders and the team's leads change its goals.")
    return goal


def _team(request: OrgRequest, team_id: int) -> Team:
    team = Team.objects.in_org(request.org).filter(pk=team_id).first()
    if team is None:
        raise HttpError(422, "team_id is not a team of this organisation.")
    if not steerable_teams(request).filter(pk=team.pk).exists():
        raise HttpError(403, "Only leaders and the team's leads set its goals.")
    return team


def _values(request: OrgRequest, ids: list[int]) -> list[Value]:
    values = list(Value.objects.in_org(request.org).filter(pk__in=ids))
    if len(values) != len(set(ids)):
        raise HttpError(422, "Some value ids are not values of this organisation.")
    return values


@router.get("orgs/{org}/values", response={200: list[ValueOut], **ERRORS}, auth=org_auth(VALUES))
def list_values(request: OrgRequest, org: str) -> list[ValueOut]:
    return [_value_out(v) for v in Value.objects.in_org(request.org)]


@router.post("orgs/{org}/values", response={201: ValueOut, **ERRORS}, auth=org_auth(VALUES))
def create_value(request: OrgRequest, org: str, payload: ValueIn) -> Status[ValueOut]:
    value = services.value_save(organisation=request.org, **payload.model_dump())
    return Status(201, _value_out(value))


@router.patch("orgs/{org}/values/{value_id}", response={200: ValueOut, **ERRORS}, auth=org_auth(VALUES))
def update_value(request: OrgRequest, org: str, value_id: RowId, payload: ValuePatch) -> ValueOut:
    value = get_object_or_404(Value, organisation=request.org, pk=value_id)
    changes = payload.model_dump(exclude_unset=True)
    value = services.value_save(
        organisation=request.org,
        value=value,
        name=changes.get("name") or value.name,
        description=changes["description"] if changes.get("description") is not None else value.description,
        kind=changes.get("kind") or value.kind,
        retired=changes["retired"] if changes.get("retired") is not None else value.is_retired,
    )
    return _value_out(value)


@router.delete("orgs/{org}/values/{value_id}", response={204: None, **ERRORS}, auth=org_auth(VALUES))
def delete_value(request: OrgRequest, org: str, value_id: RowId) -> Status[None]:
    """Only an unused value can be deleted; one in use answers 422: retire it instead."""
    services.value_delete(value=get_object_or_404(Value, organisation=request.org, pk=value_id))
    return Status(204, None)


@router.get("orgs/{org}/goals", response={200: list[GoalOut], **ERRORS}, auth=org_auth(GOALS))
def list_goals(request: OrgRequest, org: str) -> list[GoalOut]:
    goals = list(Goal.objects.in_org(request.org).with_details().prefetch_related("indicators__measurements"))
    findings = check_organisation(request.org, goals)
    return [
        _goal_out(g, [f for f in findings if f.goal is g or (f.team is not None and f.team.pk == g.team_id)])
        for g in goals
    ]


@router.post("orgs/{org}/goals", response={201: GoalOut, **ERRORS}, auth=org_auth(GOALS))
def create_goal(request: OrgRequest, org: str, payload: GoalIn) -> Status[GoalOut]:
    """Saving never waits for the goal check: its findings come back with the goal, as advice."""
    goal = services.goal_save(
        organisation=request.org,
        team=_team(request, payload.team_id),
        values=_values(request, payload.value_ids),
        user=request.user,
        **payload.model_dump(exclude={"team_id", "value_ids"}),
    )
    return Status(201, _goal_out(_goal(request, goal.pk)))


@router.get("orgs/{org}/goals/{goal_id}", response={200: GoalOut, **ERRORS}, auth=org_auth(GOALS))
def get_goal(request: OrgRequest, org: str, goal_id: RowId) -> GoalOut:
    return _goal_out(_goal(request, goal_id))


@router.patch("orgs/{org}/goals/{goal_id}", response={200: GoalOut, **ERRORS}, auth=org_auth(GOALS))
def update_goal(request: OrgRequest, org: str, goal_id: RowId, payload: GoalPatch) -> GoalOut:
    goal = _goal(request, goal_id, to_change=True)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    services.goal_save(
        organisation=request.org,
        goal=goal,
        team=_team(request, changes["team_id"]) if "team_id" in changes else goal.team,
        values=_values(request, changes["value_ids"]) if "value_ids" in changes else list(goal.values.all()),
        title=changes.get("title", goal.title),
        straight_line=changes.get("straight_line", goal.straight_line),
        meaning=changes.get("meaning", goal.meaning),
        horizon=changes.get("horizon", goal.horizon),
        scope=changes.get("scope", goal.scope),
    )
    return _goal_out(_goal(request, goal_id))


@router.delete("orgs/{org}/goals/{goal_id}", response={204: None, **ERRORS}, auth=org_auth(GOALS))
def delete_goal(request: OrgRequest, org: str, goal_id: RowId) -> Status[None]:
    _goal(request, goal_id, to_change=True).delete()
    return Status(204, None)


@router.post("orgs/{org}/goals/{goal_id}/indicators", response={201: IndicatorOut, **ERRORS}, auth=org_auth(GOALS))
def create_indicator(request: OrgRequest, org: str, goal_id: RowId, payload: IndicatorIn) -> Status[IndicatorOut]:
    goal = _goal(request, goal_id, to_change=True)
    return Status(201, _indicator_out(services.indicator_save(goal=goal, **payload.model_dump())))


def _indicator(request: OrgRequest, indicator_id: int, *, to_change: bool = False) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal").prefetch_related("measurements"),
        goal__organisation=request.org,
        pk=indicator_id,
    )
    if to_change and not steerable_teams(request).filter(pk=indicator.goal.team_id).exists():
        raise HttpError(403, "Only leaders and the team's leads change its indicators.")
    return indicator


@router.patch("orgs/{org}/indicators/{indicator_id}", response={200: IndicatorOut, **ERRORS}, auth=org_auth(GOALS))
def update_indicator(request: OrgRequest, org: str, indicator_id: RowId, payload: IndicatorPatch) -> IndicatorOut:
    indicator = _indicator(request, indicator_id, to_change=True)
    changes = payload.model_dump(exclude_unset=True)
    # null means "leave as it is" for every field but the target, which may be cleared.
    fields = {
        name: changes[name] if changes.get(name) is not None else getattr(indicator, name)
        for name in ("name", "kind", "unit", "direction")
    }
    target = changes.get("target", indicator.target)
    services.indicator_save(goal=indicator.goal, indicator=indicator, target=target, **fields)
    return _indicator_out(_indicator(request, indicator_id))


@router.delete("orgs/{org}/indicators/{indicator_id}", response={204: None, **ERRORS}, auth=org_auth(GOALS))
def delete_indicator(request: OrgRequest, org: str, indicator_id: RowId) -> Status[None]:
    _indicator(request, indicator_id, to_change=True).delete()
    return Status(204, None)


@router.post(
    "orgs/{org}/indicators/{indicator_id}/measurements",
    response={201: MeasurementOut, **ERRORS},
    auth=org_auth(GOALS),
)
def record_measurement(
    request: OrgRequest, org: str, indicator_id: RowId, payload: MeasurementIn
) -> Status[MeasurementOut]:
    """A second value for the same date replaces the first (a correction)."""
    indicator = _indicator(request, indicator_id, to_change=True)
    m = services.measurement_record(indicator=indicator, user=request.user, **payload.model_dump())
    return Status(201, MeasurementOut(id=m.pk, measured_on=m.measured_on, value=m.value, note=m.note))


@router.delete("orgs/{org}/measurements/{measurement_id}", response={204: None, **ERRORS}, auth=org_auth(GOALS))
def delete_measurement(request: OrgRequest, org: str, measurement_id: RowId) -> Status[None]:
    measurement = get_object_or_404(Measurement, indicator__goal__organisation=request.org, pk=measurement_id)
    _indicator(request, measurement.indicator_id, to_change=True)
    measurement.delete()
    return Status(204, None)


@router.get("orgs/{org}/goal-check", response={200: list[FindingOut], **ERRORS}, auth=org_auth(READ_ONLY))
def goal_check(request: OrgRequest, org: str) -> list[FindingOut]:
    """Every finding of the goal check for the whole organisation."""
    return [_finding_out(f) for f in check_organisation(request.org)]


@router.get("orgs/{org}/overview", response={200: OverviewOut, **ERRORS}, auth=org_auth(READ_ONLY))
def overview(request: OrgRequest, org: str) -> OverviewOut:
    """Team-level figures only, by design: help, thanks and shared contributions per team, no person anywhere."""
    rows = team_figures(request.org, today=timezone.localdate())
    return OverviewOut(
        window_days=WINDOW_DAYS,
        anonymity_threshold=request.org.anonymity_threshold,
        teams=[
            TeamFiguresOut(
                team_id=r.team.pk,
                team=r.team.name,
                people=r.size,
                shown=r.shown,
                help_within_team=r.help_within_team,
                help_to_other_teams=r.help_to_other_teams,
                help_from_other_teams=r.help_from_other_teams,
                thanks_received=r.thanks_received,
                shared_contributions=r.shared_contributions,
            )
            for r in rows
        ],
        findings=[_finding_out(f) for f in check_organisation(request.org)],
    )
