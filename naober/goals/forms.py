from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from naober.goals.models import Direction, Goal, Horizon, IndicatorKind, Scope, Value, ValueKind
from naober.lib.numbers import parse_decimal
from naober.orgs.models import Team

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LocalDecimalField(forms.DecimalField):
    """A number as people type it in the page's language: "1.234,5" in Dutch, "1,234.5" in English."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # the stubs inherit IntegerField
        if value in self.empty_values:
            return None
        try:
            number = parse_decimal(str(value), decimal_comma=get_language() != "en")
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return number


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    team = forms.ModelChoiceField(label=_("Owner team"), queryset=Team.objects.none())
    values = forms.ModelMultipleChoiceField(
        label=_("Values it serves"),
        queryset=Value.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one: the goal check asks for it, but never stops you saving."),
    )
    straight_line = forms.CharField(
        label=_("Straight line"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("What must happen: plain and checkable."),
    )
    meaning = forms.CharField(
        label=_("Meaning"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("What will the customer notice when we reach it?"),
    )
    horizon = forms.ChoiceField(label=_("Horizon"), choices=Horizon.choices, initial=Horizon.YEAR)
    scope = forms.ChoiceField(label=_("Kind of goal"), choices=Scope.choices, initial=Scope.TEAM)

    def __init__(self, *args: Any, teams: Any, values: Any, goal: Goal | None = None, **kwargs: Any) -> None:
        if goal is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": goal.title,
                "team": goal.team_id,
                "values": list(goal.values.all()),
                "straight_line": goal.straight_line,
                "meaning": goal.meaning,
                "horizon": goal.horizon,
                "scope": goal.scope,
            }
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["values"].queryset = values  # type: ignore[attr-defined]


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=150)
    kind = forms.ChoiceField(label=_("Measures"), choices=IndicatorKind.choices, initial=IndicatorKind.CUSTOMER)
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False, help_text=_("For example: %, hours, €."))
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    target = LocalDecimalField(label=_("Target"), max_digits=16, decimal_places=4, required=False, localize=True)


class MeasurementForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    measured_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    value = LocalDecimalField(label=_("Value"), max_digits=16, decimal_places=4, localize=True)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, indicators: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.pk, i.name) for i in indicators]  # type: ignore[attr-defined]


class ValueForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    kind = forms.ChoiceField(label=_("Kind of value"), choices=ValueKind.choices, initial=ValueKind.OTHER)


class ValueActionForm(forms.Form):
    """Retire, bring back or delete one value."""

    value = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("retire", "retire"), ("restore", "restore"), ("delete", "delete")])
