from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.stories.models import INVOLVED, SLIDERS, TRIADS, Frequency, MoreOrLess, StoryVisibility, Tone


class StoryForm(forms.Form):
    """The story and its signifiers; the triangles come as three weights each (a, b, c), filled in by
    static/naober/triangle.js, and may be left unplaced."""

    title = forms.CharField(label=_("A title"), max_length=150)
    text = forms.CharField(label=_("What happened?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    tone = forms.ChoiceField(label=_("What kind of moment was it?"), choices=Tone.choices, widget=forms.RadioSelect)
    frequency = forms.ChoiceField(
        label=_("How often does this happen?"), choices=Frequency.choices, widget=forms.RadioSelect, required=False
    )
    involved = forms.MultipleChoiceField(
        label=_("Who was involved?"), choices=INVOLVED, widget=forms.CheckboxSelectMultiple, required=False
    )
    more_or_less = forms.ChoiceField(
        label=_("Do we want more or less of this?"),
        choices=MoreOrLess.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"), choices=StoryVisibility.choices, initial=StoryVisibility.TEAM,
        widget=forms.RadioSelect,
        help_text=_("Without your name, the names of colleagues in your text are hidden as well."),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, _question, _corners in TRIADS:
            for corner in "abc":
                self.fields[f"{key}_{corner}"] = forms.FloatField(
                    min_value=0, max_value=1, required=False, widget=forms.HiddenInput
                )
        for key, label, _left, _right in SLIDERS:
            self.fields[key] = forms.IntegerField(label=label, min_value=0, max_value=100, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for key, question, _corners in TRIADS:
            weights = [data.get(f"{key}_{corner}") for corner in "abc"]
            if all(w is None for w in weights):
                continue
            if any(w is None for w in weights) or abs(sum(w for w in weights if w is not None) - 1) > 0.01:
                raise forms.ValidationError(
                    _("The point in “%(question)s” is not valid; place it again.") % {"question": question}
                )
        return data
