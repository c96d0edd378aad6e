from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from naober.goals.forms import DATE_INPUT
from naober.lib.numbers import parse_decimal
from naober.orgs.models import Person, Team
from naober.scan.instrument import Instrument


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=150, required=False, help_text=_("For example: Balance scan autumn 2026.")
    )
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"), queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the whole organisation."),
    )  # fmt: skip
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE_INPUT)

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"closes_on": timezone.localdate() + timedelta(days=21)})
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = Team.objects.in_org(organisation)  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who takes it up"), queryset=Person.objects.none(), required=False)
    due_on = forms.DateField(label=_("By"), widget=DATE_INPUT, required=False)

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Person.objects.in_org(organisation).current()  # type: ignore[attr-defined]


def answers_from_post(instrument: Instrument, data: Any) -> dict[str, Any]:
    """The answer page's form fields as the answers dictionary of naober.scan.instrument.clean_answers.

    Fields: item:<key> = 1..7 or "dk" (don't know); slider:<key> = 0..100; prediction:<scale> = a number typed
    with a decimal comma or point; open = text. Anything not filled in is left out (a draft may be partial);
    a value that is not a number is passed on as text so that clean_answers names it."""
    answers: dict[str, Any] = {"items": {}, "sliders": {}, "predictions": {}}
    for item in instrument.items:
        value = data.get(f"item:{item.key}", "")
        if value == "dk":
            answers["items"][item.key] = None
        elif value:
            answers["items"][item.key] = int(value) if value.isdigit() else value
    for slider in instrument.sliders:
        value = data.get(f"slider:{slider.key}", "")
        if value:
            answers["sliders"][slider.key] = int(value) if value.isdigit() else value
    for scale in instrument.scales:
        value = data.get(f"prediction:{scale.key}", "").strip()
        if value:
            try:
                answers["predictions"][scale.key] = float(parse_decimal(value, decimal_comma=get_language() != "en"))
            except ValueError:
                answers["predictions"][scale.key] = value
    if data.get("open", "").strip():
        answers["open"] = data["open"]
    return answers
