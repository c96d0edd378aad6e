"""Workflows on values, goals, indicators and measurements, shared by the pages, the API and the demo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.goals.models import Direction, Goal, Horizon, Indicator, IndicatorKind, Measurement, Scope, Value, ValueKind
from naober.orgs.models import Organisation, Team

if TYPE_CHECKING:
    from naober.accounts.models import User

# DESIGN.md §1: the values every new organisation starts with. Stored in Dutch, the organisation's language;
# an organisation may rename, add or retire them.
DEFAULT_VALUES = (
    ("Klantzorg", ValueKind.CUSTOMER, "De klant merkt dat we er voor hem zijn, ook als het lastig wordt."),
    ("Doorlooptijd", ValueKind.LEAD_TIME, "Een vraag is snel en in één keer geholpen, wie hem ook oppakt."),
    ("Ketensamenwerking", ValueKind.COLLABORATION, "We helpen elkaar over de grenzen van pakket en team heen."),
    ("Kwaliteit", ValueKind.QUALITY, "Goed in één keer: geen herstelwerk, geen tweede bezoek."),
    ("Leren en innoveren", ValueKind.LEARNING, "We worden elk jaar beter in ons vak en in hoe we samenwerken."),
)


def values_create_defaults(*, organisation: Organisation) -> list[Value]:
    """The five default values, for an organisation that has none yet (idempotent)."""
    if Value.objects.in_org(organisation).exists():
        return []
    return Value.objects.bulk_create(
        Value(organisation=organisation, name=name, kind=kind, description=description, position=index)
        for index, (name, kind, description) in enumerate(DEFAULT_VALUES)
    )


def value_in_use(value: Value) -> bool:
    from naober.contributions.models import Contribution

    return value.goals.exists() or Contribution.objects.filter(value=value).exists()


def value_delete(*, value: Value) -> None:
    """Delete an unused value; one that a goal or contribution uses can only be retired."""
    if value_in_use(value):
        raise ValidationError(
            _("“%(value)s” is in use by goals or contributions: retire it instead, so their history stays.")
            % {"value": value.name}
        )
    value.delete()


def value_save(
    *,
    organisation: Organisation,
    name: str,
    description: str = "",
    kind: str = ValueKind.OTHER,
    retired: bool = False,
    value: Value | None = None,
) -> Value:
    """Create or change a value; `retired` sets or clears the date it was retired."""
    if value is None:
        last = Value.objects.in_org(organisation).order_by("-position").first()
        value = Value(organisation=organisation, position=(last.position + 1) if last else 0)
    value.name = name.strip()
    value.description = description.strip()
    value.kind = kind
    if retired and value.retired_on is None:
        value.retired_on = timezone.localdate()
    elif not retired:
        value.retired_on = None
    value.full_clean()
    value.save()
    return value


@transaction.atomic
def goal_save(
    *,
    organisation: Organisation,
    team: Team,
    title: str,
    values: list[Value],
    straight_line: str = "",
    meaning: str = "",
    horizon: str = Horizon.YEAR,
    scope: str = Scope.TEAM,
    user: User | None = None,
    goal: Goal | None = None,
) -> Goal:
    """Create or change a goal. Never refuses for the goal check's findings: they are advice (check.py)."""
    if team.organisation_id != organisation.pk or any(v.organisation_id != organisation.pk for v in values):
        raise ValidationError(_("The team and the values must be of this organisation."))
    if goal is None:
        goal = Goal(organisation=organisation, created_by=user)
    goal.team = team
    goal.title = title.strip()
    goal.straight_line = straight_line.strip()
    goal.meaning = meaning.strip()
    goal.horizon = horizon
    goal.scope = scope
    goal.full_clean()
    goal.save()
    goal.values.set(values)
    return goal


def indicator_save(
    *,
    goal: Goal,
    name: str,
    kind: str = IndicatorKind.OTHER,
    unit: str = "",
    direction: str = Direction.HIGHER,
    target: Decimal | None = None,
    indicator: Indicator | None = None,
) -> Indicator:
    if indicator is None:
        indicator = Indicator(goal=goal)
    indicator.name = name.strip()
    indicator.kind = kind
    indicator.unit = unit.strip()
    indicator.direction = direction
    indicator.target = target
    indicator.full_clean()
    indicator.save()
    return indicator


def measurement_record(
    *, indicator: Indicator, measured_on: date, value: Decimal, note: str = "", user: User | None = None
) -> Measurement:
    """Record the value of a date; a second value for the same date replaces the first (a correction)."""
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator,
        measured_on=measured_on,
        defaults={"value": value, "note": note.strip(), "entered_by": user},
    )
    return measurement


def team_may_be_steered_by(team: Team, *, role: str, person_id: int | None) -> bool:
    """Leaders steer every team's goals; a team lead only those of the teams they lead."""
    if role == "leader":
        return True
    return role == "team_lead" and person_id is not None and team.leads.filter(pk=person_id).exists()
