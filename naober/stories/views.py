"""Stories: tell one (on a phone too), read those shared with you, and see them as patterns."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from naober.contributions.views import CONTRIBUTORS
from naober.core.access import EVERYONE, Access, OrgRequest, get_in_org, org_view, roles
from naober.goals.forms import DATE_INPUT
from naober.orgs.models import Membership, Person, Role, Team
from naober.stories import patterns, services
from naober.stories.forms import StoryForm
from naober.stories.models import PROMPT, SLIDERS, TRIADS, SelectionRound, Story

PERIODS = {"3": 91, "6": 182, "12": 365}


def _people(request: OrgRequest) -> list[Person]:
    return list(Person.objects.in_org(request.org))


@org_view(CONTRIBUTORS)
def story_list(request: OrgRequest) -> HttpResponse:
    people = _people(request)
    stories = Story.objects.visible_to(request.membership).select_related("author", "team")[:100]
    rows = [(s, s.title_for(request.membership, people)) for s in stories]
    return render(request, "stories/story_list.html", {"rows": rows})


def _placed(form: StoryForm, key: str) -> tuple[float, float, float] | None:
    """The point the teller placed (on a form sent back with an error), or None."""
    try:
        values = tuple(float(form[f"{key}_{corner}"].value()) for corner in "abc")
    except (TypeError, ValueError):
        return None
    return values  # type: ignore[return-value]


@org_view(CONTRIBUTORS)
def story_new(request: OrgRequest) -> HttpResponse:
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            story = services.story_tell(membership=request.membership, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for your story."))
            return redirect(story)
    triads = [(key, question, corners, _placed(form, key)) for key, question, corners in TRIADS]
    context = {
        "form": form,
        "prompt": PROMPT,
        "triads": triads,
        "sliders": [(form[key], label, left, right) for key, label, left, right in SLIDERS],
    }
    return render(request, "stories/story_new.html", context, status=422 if form.errors else 200)


@org_view(CONTRIBUTORS)
def story_detail(request: OrgRequest, story_id: int) -> HttpResponse:
    story = Story.objects.visible_to(request.membership).select_related("author", "team").filter(pk=story_id).first()
    if story is None:
        raise Http404
    people = _people(request)
    context = {
        "story": story,
        "title": story.title_for(request.membership, people),
        "text": story.text_for(request.membership, people),
        "is_mine": story.author_id == request.membership.person_id,
    }
    return render(request, "stories/story_detail.html", context)


@org_view(EVERYONE)
def story_patterns(request: OrgRequest) -> HttpResponse:
    """Patterns of the shared stories the reader may know of, filtered by team, period and (above 8) role."""
    stories = Story.objects.for_patterns(request.membership).select_related("author")
    teams = Team.objects.in_org(request.org)
    team_id = request.GET.get("team", "")
    if team_id.isdigit():
        stories = stories.filter(team_id=int(team_id))
    period = request.GET.get("period", "")
    if period in PERIODS:
        stories = stories.filter(created_at__gte=timezone.now() - timedelta(days=PERIODS[period]))
    chosen = list(stories)
    role_allowed = patterns.role_filter_allowed(len(chosen))
    role = request.GET.get("role", "")
    if role_allowed and role in Role.values:
        tellers = set(
            Membership.objects.filter(organisation=request.org, role=role).values_list("person_id", flat=True)
        )
        chosen = [s for s in chosen if s.author_id in tellers]
    readable = set(Story.objects.visible_to(request.membership).values_list("pk", flat=True))
    data = patterns.build(
        chosen, threshold=request.org.anonymity_threshold, readable_ids=readable, people=_people(request)
    )
    context = {"data": data, "teams": teams, "team_id": team_id, "period": period, "role": role,
               "role_allowed": role_allowed, "roles": Role.choices, "corners_xy": patterns.CORNERS}  # fmt: skip
    return render(request, "stories/patterns.html", context)


SELECTIONS = Access(read=EVERYONE.read, write=roles(Role.LEADER))
PICKING = Access(read=EVERYONE.read, write=roles(Role.LEADER, Role.TEAM_LEAD, Role.MEMBER))


class SelectionForm(forms.Form):
    period_start = forms.DateField(label=_lazy("From"), widget=DATE_INPUT)
    period_end = forms.DateField(label=_lazy("Until"), widget=DATE_INPUT)
    staff_seats = forms.IntegerField(label=_lazy("Staff on the panel"), min_value=1, max_value=12, initial=3)


class PickForm(forms.Form):
    coupling = forms.ChoiceField(choices=[(k, label) for k, label, _l, _r in SLIDERS])
    story = forms.IntegerField(min_value=1)
    why = forms.CharField(label=_lazy("Why this story?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


@org_view(SELECTIONS)
def selection_list(request: OrgRequest) -> HttpResponse:
    form = SelectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            selection = services.selection_open(organisation=request.org, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(selection)
    selections = SelectionRound.objects.filter(organisation=request.org).prefetch_related("picks")
    context = {"selections": selections, "form": form, "may_open": request.role == Role.LEADER}
    return render(request, "stories/selection_list.html", context, status=422 if form.errors else 200)


@org_view(PICKING)
def selection_detail(request: OrgRequest, selection_id: int) -> HttpResponse:
    selection: SelectionRound = get_in_org(SelectionRound, request, selection_id)
    form = PickForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        story = selection.candidates().filter(pk=form.cleaned_data["story"]).first()
        try:
            if story is None:
                raise ValidationError(_("Pick a story shared with the organisation in this period."))
            data = form.cleaned_data
            services.selection_pick(
                selection=selection,
                membership=request.membership,
                coupling=data["coupling"],
                story=story,
                why=data["why"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(selection)
    people = _people(request)
    on_panel = (
        request.membership.person_id is not None and selection.panel.filter(pk=request.membership.person_id).exists()
    )
    picks = {pick.coupling: pick for pick in selection.picks.select_related("story")}
    candidates = (
        [
            (s, s.title_for(request.membership, people), s.text_for(request.membership, people))
            for s in selection.candidates()
        ]
        if on_panel
        else []
    )
    couplings = []
    for key, label, _left, _right in SLIDERS:
        pick = picks.get(key)
        couplings.append((key, label, pick, pick.story.title_for(request.membership, people) if pick else ""))
    context = {"selection": selection, "on_panel": on_panel, "couplings": couplings, "candidates": candidates,
               "panel": selection.panel.all(), "form": form}  # fmt: skip
    return render(request, "stories/selection_detail.html", context, status=422 if form.errors else 200)
