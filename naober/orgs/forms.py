from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.orgs.models import MIN_ANONYMITY_THRESHOLD, Organisation, Person, Role, Team


class OrganisationSettingsForm(forms.ModelForm[Organisation]):
    anonymity_threshold = forms.IntegerField(
        label=_("Smallest group reported"),
        min_value=MIN_ANONYMITY_THRESHOLD,
        max_value=1000,
        help_text=_("Groups with fewer respondents are never shown. At least 5."),
    )

    class Meta:
        model = Organisation
        fields: ClassVar[list[str]] = ["name", "city", "anonymity_threshold"]


class TeamForm(forms.ModelForm[Team]):
    class Meta:
        model = Team
        fields: ClassVar[list[str]] = ["name", "description"]
        widgets: ClassVar[dict[str, forms.Widget]] = {"description": forms.Textarea(attrs={"rows": 3})}


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("(nobody yet)"),
        help_text=_("Link the login to someone already in naober, so their own data is theirs."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person_field = cast(forms.ModelChoiceField[Person], self.fields["person"])
        person_field.queryset = Person.objects.in_org(organisation).current()


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export file"), help_text=_("CSV (comma or semicolon, UTF-8 or Windows-1252) or XLSX.")
    )
    column_name = forms.CharField(label=_("Column for the name"), required=False)
    column_email = forms.CharField(label=_("Column for the e-mail address"), required=False)
    column_team = forms.CharField(label=_("Column for the team"), required=False)
    column_personnel_number = forms.CharField(label=_("Column for the personnel number"), required=False)
    column_role = forms.CharField(label=_("Column for the role"), required=False)
    dry_run = forms.BooleanField(label=_("Check only, import nothing"), required=False, initial=True)

    def mapping(self) -> dict[str, str]:
        fields = ("name", "email", "team", "personnel_number", "role")
        return {
            field: self.cleaned_data[f"column_{field}"].strip()
            for field in fields
            if self.cleaned_data.get(f"column_{field}", "").strip()
        }
