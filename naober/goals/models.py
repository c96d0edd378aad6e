"""Values, team goals tied to them, indicators and their measurements (DESIGN.md §1, §3: Steer)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind
from naober.orgs.models import Organisation, Team

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class ValueKind(models.TextChoices):
    """What a value is about. The goal check reads it; an organisation's own values are `other`."""

    CUSTOMER = "customer", _("Customer care")
    LEAD_TIME = "lead_time", _("Lead time")
    COLLABORATION = "collaboration", _("Chain collaboration")
    QUALITY = "quality", _("Quality")
    LEARNING = "learning", _("Learning and innovation")
    OTHER = "other", _("Other")


class ValueQuerySet(models.QuerySet["Value"]):
    def in_org(self, organisation: Organisation) -> ValueQuerySet:
        return self.filter(organisation=organisation)

    def active(self) -> ValueQuerySet:
        return self.filter(retired_on__isnull=True)


class Value(models.Model):
    """What the organisation stands for (waarde). Retired, never deleted, once a goal or contribution uses it."""

    transparency = DataKind(
        what=_("Values: name, description, whether retired"),
        why=_("Goals and contributions say which value they serve."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the organisation uses naober; a value in use is retired, not deleted"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="values")
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind of value"), max_length=20, choices=ValueKind.choices, default=ValueKind.OTHER)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)

    objects = ValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering: ClassVar[list[str]] = ["position", "name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                Lower("name"),
                "organisation",
                name="value_name_unique_in_org",
                violation_error_message=_("There is already a value with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None


class Horizon(models.TextChoices):
    QUARTER = "quarter", _("This quarter")
    YEAR = "year", _("This year")
    GENERATION = "generation", _("The next generation")


class Scope(models.TextChoices):
    TEAM = "team", _("Team goal: we reach it together")
    INDIVIDUAL = "individual", _("Individual goal: each person has their own")


class GoalQuerySet(models.QuerySet["Goal"]):
    def in_org(self, organisation: Organisation) -> GoalQuerySet:
        return self.filter(organisation=organisation)

    def for_team(self, team: Team) -> GoalQuerySet:
        return self.filter(team=team)

    def with_details(self) -> GoalQuerySet:
        """Everything the goal check and a goal list read, in a fixed number of queries."""
        return self.select_related("team", "organisation").prefetch_related("values", "indicators")


class Goal(models.Model):
    """A team goal (doel): its straight line, its meaning for the customer, its horizon and its indicators."""

    transparency = DataKind(
        what=_("Team goals: title, values, straight line, meaning, horizon, indicators and measurements"),
        why=_("So a team steers on what its values ask, with figures it chose itself."),
        who_sees=_("Everyone in the organisation; team leads and leadership change them"),
        kept=_("As long as the organisation uses naober, or until the goal is removed"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="goals")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="goals", verbose_name=_("owner team"))
    title = models.CharField(_("title"), max_length=200)
    values: models.ManyToManyField[Value, Any] = models.ManyToManyField(
        Value, related_name="goals", blank=True, verbose_name=_("values it serves")
    )
    straight_line = models.TextField(
        _("straight line"), blank=True, help_text=_("What must happen: plain and checkable.")
    )
    meaning = models.TextField(_("meaning"), blank=True, help_text=_("What will the customer notice when we reach it?"))
    horizon = models.CharField(_("horizon"), max_length=20, choices=Horizon.choices, default=Horizon.YEAR)
    scope = models.CharField(_("kind of goal"), max_length=20, choices=Scope.choices, default=Scope.TEAM)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    if TYPE_CHECKING:
        indicators: RelatedManager[Indicator]

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering: ClassVar[list[str]] = ["team__name", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goals:goal", kwargs={"org": self.organisation.slug, "goal_id": self.pk})


class IndicatorKind(models.TextChoices):
    """What an indicator measures; the goal check tells an ego goal (money only) from a value-linked one."""

    REVENUE = "revenue", _("Revenue")
    PROFIT = "profit", _("Profit or margin")
    CUSTOMER = "customer", _("Customer (satisfaction, complaints, repeat questions)")
    LEAD_TIME = "lead_time", _("Lead time or service level")
    QUALITY = "quality", _("Quality (right first time, rework)")
    COLLABORATION = "collaboration", _("Collaboration (help, handovers)")
    LEARNING = "learning", _("Learning and innovation")
    OTHER = "other", _("Other")


FINANCIAL_KINDS = frozenset({IndicatorKind.REVENUE, IndicatorKind.PROFIT})
VALUE_LINKED_KINDS = frozenset(
    {
        IndicatorKind.CUSTOMER,
        IndicatorKind.LEAD_TIME,
        IndicatorKind.QUALITY,
        IndicatorKind.COLLABORATION,
        IndicatorKind.LEARNING,
    }
)


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(models.Model):
    """A measurable series of a goal, with a unit, a direction and an optional target."""

    transparency = DataKind(
        what=_("Indicators of goals: name, unit, direction, target"),
        why=_("To see whether a goal comes closer."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the goal it belongs to"),
        personal=False,
    )

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("measures"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.OTHER)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("For example: %, hours, €, customers."))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=4, null=True, blank=True)

    if TYPE_CHECKING:
        measurements: RelatedManager[Measurement]

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering: ClassVar[list[str]] = ["goal", "pk"]

    def __str__(self) -> str:
        return self.name

    def reached(self, value: Decimal) -> bool | None:
        if self.target is None:
            return None
        return value >= self.target if self.direction == Direction.HIGHER else value <= self.target


class Measurement(models.Model):
    """One value of an indicator on a date, entered by hand (or, later, computed from work data)."""

    transparency = DataKind(
        what=_("Measurements of indicators: date, value, note, who entered it"),
        why=_("For the progress chart of each goal."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the goal it belongs to"),
        personal=False,
    )

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering: ClassVar[list[str]] = ["indicator", "measured_on"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                "indicator",
                "measured_on",
                name="measurement_one_per_indicator_and_date",
                violation_error_message=_("This indicator already has a measurement on this date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"
