from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from naober.contributions.models import Visibility
from naober.goals.forms import DATE_INPUT
from naober.goals.models import Goal, Value
from naober.orgs.models import Membership, Person, Team


def colleagues(membership: Membership) -> Any:
    """Everyone else still working here, the people of my own teams first."""
    people = Person.objects.in_org(membership.organisation).current()
    if membership.person_id is None:
        return people.order_by("name")
    people = people.exclude(pk=membership.person_id)
    mine = Team.objects.filter(Q(members=membership.person_id) | Q(leads=membership.person_id))
    in_my_team = Exists(Team.members.through.objects.filter(person_id=OuterRef("pk"), team__in=mine))
    return people.annotate(in_my_team=in_my_team).order_by("-in_my_team", "name")


class ContributionForm(forms.Form):
    text = forms.CharField(
        label=_("What did you do?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One sentence is enough."),
    )  # fmt: skip
    customer_notice = forms.CharField(
        label=_("What will the customer notice of it tomorrow?"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    goal = forms.ModelChoiceField(label=_("Goal (optional)"), queryset=Goal.objects.none(), required=False)
    value = forms.ModelChoiceField(label=_("Value (optional)"), queryset=Value.objects.none(), required=False)
    helped = forms.ModelMultipleChoiceField(
        label=_("Colleagues I helped (optional)"), queryset=Person.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("They are asked to confirm it."),
    )  # fmt: skip
    visibility = forms.ChoiceField(
        label=_("Who may see it?"), choices=Visibility.choices, initial=Visibility.TEAM, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = membership.organisation
        self.fields["goal"].queryset = Goal.objects.in_org(org).select_related("team")  # type: ignore[attr-defined]
        self.fields["value"].queryset = Value.objects.in_org(org).active()  # type: ignore[attr-defined]
        self.fields["helped"].queryset = colleagues(membership)  # type: ignore[attr-defined]


class HelpReceivedForm(forms.Form):
    helper = forms.ModelChoiceField(label=_("Who helped you?"), queryset=Person.objects.none())
    description = forms.CharField(label=_("With what?"), max_length=500, required=False)
    occurred_on = forms.DateField(label=_("When?"), widget=DATE_INPUT, required=False)

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["helper"].queryset = colleagues(membership)  # type: ignore[attr-defined]


class HelpAnswerForm(forms.Form):
    help = forms.IntegerField(min_value=1)
    answer = forms.ChoiceField(choices=[("confirm", _("Yes, that's right")), ("decline", _("I don't recognise this"))])


class ThanksForm(forms.Form):
    help = forms.IntegerField(min_value=1, required=False)
    contribution = forms.IntegerField(min_value=1, required=False)
    message = forms.CharField(label=_("Your thank-you"), max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("help")) == bool(data.get("contribution")):
            raise forms.ValidationError(_("Thank someone for one contribution or one piece of help at a time."))
        return data


class CommitmentForm(forms.Form):
    title = forms.CharField(label=_("What do you want to master or contribute this period?"), max_length=300)
    period_end = forms.DateField(label=_("Until (optional)"), widget=DATE_INPUT, required=False)
    shared = forms.BooleanField(label=_("Share with my team"), required=False)


class ReflectionForm(forms.Form):
    commitment = forms.IntegerField(min_value=1)
    text = forms.CharField(label=_("How is it going?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class CommitmentShareForm(forms.Form):
    commitment = forms.IntegerField(min_value=1)
    shared = forms.BooleanField(required=False)


class DeleteForm(forms.Form):
    contribution = forms.IntegerField(min_value=1)
