"""The learning review of a team: a facilitation page that several people use at once in a meeting.

Insights appear for everyone without reloading: the page polls a fragment of itself every few seconds (htmx),
and a form posts with htmx and gets the same fragment back. No websockets, so it works behind any proxy.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.vary import vary_on_headers

from naober.core.access import TEAM_VIEWERS, Access, OrgRequest, get_in_org, org_view
from naober.goals.forms import DATE_INPUT
from naober.goals.models import Goal
from naober.orgs.models import Person, Role, Team
from naober.reviews import services
from naober.reviews.models import (
    DEFAULT_RHYTHM_WEEKS,
    Behaviour,
    Outcome,
    Question,
    Review,
    ReviewAction,
    Rhythm,
    next_review_due,
)
from naober.stories.models import Story

# The team, its leads, leadership and the coach who facilitates; all of them may write during a review.
REVIEWS = Access(read=TEAM_VIEWERS.read, write=TEAM_VIEWERS.read)
POLL_SECONDS = 3


class InsightForm(forms.Form):
    question = forms.ChoiceField(choices=Question.choices, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Insight"), max_length=500)
    behaviour = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *Behaviour.choices], required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Outcome.choices], required=False)


class RhythmForm(forms.Form):
    every_weeks = forms.IntegerField(
        label=_("A review every … weeks"), min_value=services.RHYTHM_WEEKS[0], max_value=services.RHYTHM_WEEKS[1]
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who takes it up"), queryset=Person.objects.none(), required=False)
    due_on = forms.DateField(label=_("By"), widget=DATE_INPUT, required=False)

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(Q(teams=team) | Q(led_teams=team)).distinct()
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


def _team_for(request: OrgRequest, team_id: int) -> Team:
    """A member sees the reviews of their own teams only; leads, leadership and the coach those of any team."""
    team: Team = get_in_org(Team, request, team_id)
    if request.role == Role.MEMBER and not (
        request.membership.person_id
        and Team.objects.filter(
            Q(members=request.membership.person_id) | Q(leads=request.membership.person_id), pk=team.pk
        ).exists()
    ):
        raise Http404
    return team


def may_set_rhythm(request: OrgRequest, team: Team) -> bool:
    """Leadership, the coach and the team's own leads set how often the team reviews."""
    if request.role in (Role.LEADER, Role.COACH):
        return True
    person_id = request.membership.person_id
    return request.role == Role.TEAM_LEAD and person_id is not None and team.leads.filter(pk=person_id).exists()


@org_view(REVIEWS)
@vary_on_headers("HX-Request")
def review_list(request: OrgRequest, team_id: int) -> HttpResponse:
    team = _team_for(request, team_id)
    which = request.POST.get("form") if request.method == "POST" else None
    if which == "start":
        return redirect(services.review_start(team=team))
    rhythm_form = RhythmForm(request.POST if which == "rhythm" else None, initial={"every_weeks": _weeks(team)})
    if which == "rhythm":
        if not may_set_rhythm(request, team):
            raise PermissionDenied
        if rhythm_form.is_valid():
            services.rhythm_set(team=team, every_weeks=rhythm_form.cleaned_data["every_weeks"])
            team.refresh_from_db()
            saved = {"rhythm_form": RhythmForm(initial={"every_weeks": _weeks(team)}), "rhythm_saved": True}
            if request.htmx:
                return render(request, "reviews/review_list.html#rhythm", {**_list_context(request, team), **saved})
            return redirect("reviews:list", org=request.org.slug, team_id=team.pk)
    context = {**_list_context(request, team), "rhythm_form": rhythm_form}
    if which == "rhythm":
        template = "reviews/review_list.html#rhythm" if request.htmx else "reviews/review_list.html"
        return render(request, template, context, status=422)
    if which is not None:
        return render(request, "reviews/review_list.html", context, status=422)
    return render(request, "reviews/review_list.html", context)


def _weeks(team: Team) -> int:
    rhythm = Rhythm.objects.filter(team=team).first()
    return rhythm.every_weeks if rhythm else DEFAULT_RHYTHM_WEEKS


def _list_context(request: OrgRequest, team: Team) -> dict[str, Any]:
    reviews = team.reviews.prefetch_related("insights", "actions")
    last = team.reviews.order_by("-held_on").first()
    today = timezone.localdate()
    return {
        "team": team,
        "reviews": reviews,
        "open_actions": ReviewAction.objects.open().filter(review__team=team).select_related("owner"),
        "every_weeks": _weeks(team),
        "next_due": next_review_due(team, last, today),
        "today": today,
        "may_set_rhythm": may_set_rhythm(request, team),
    }


def _review(request: OrgRequest, review_id: int) -> Review:
    review: Review = get_in_org(Review, request, review_id)
    _team_for(request, review.team_id)
    return review


def _live_context(review: Review) -> dict[str, Any]:
    insights = list(review.insights.select_related("author"))
    grid = {(b, o): [i for i in insights if i.behaviour == b and i.outcome == o] for b in Behaviour for o in Outcome}
    return {
        "review": review,
        "by_question": [(q, [i for i in insights if i.question == q]) for q in Question],
        "grid": [(b, [(o, grid[(b, o)]) for o in Outcome]) for b in Behaviour],
        "outcomes": list(Outcome),
        "actions": review.actions.select_related("owner"),
        "poll_seconds": POLL_SECONDS,
    }


@org_view(REVIEWS)
@vary_on_headers("HX-Request")
def review_detail(request: OrgRequest, review_id: int) -> HttpResponse:
    review = _review(request, review_id)
    insight_form = InsightForm(request.POST if request.POST.get("form") == "insight" else None)
    action_form = ActionForm(request.POST if request.POST.get("form") == "action" else None, team=review.team)
    if request.method == "POST":
        response = _post(request, review, insight_form, action_form)
        if response is not None:
            return response
    context = {
        **_live_context(review),
        "open_before": services.open_actions_before(review),
        "stories": Story.objects.visible_to(request.membership)
        .filter(team=review.team, created_at__gte=timezone.now() - timedelta(days=90))
        .exclude(visibility="private")[:10],
        "goals": Goal.objects.for_team(review.team),
        "insight_form": insight_form,
        "action_form": action_form,
        "questions": list(Question),
    }
    return render(request, "reviews/review_detail.html", context, status=422 if request.method == "POST" else 200)


def _post(
    request: OrgRequest, review: Review, insight_form: InsightForm, action_form: ActionForm
) -> HttpResponse | None:
    which = request.POST.get("form")
    try:
        if which == "insight" and insight_form.is_valid():
            services.insight_add(review=review, author=request.membership.person, **insight_form.cleaned_data)
        elif which == "action" and action_form.is_valid():
            services.action_add(review=review, **action_form.cleaned_data)
        elif which == "done" and str(request.POST.get("action", "")).isdigit():
            action = ReviewAction.objects.filter(review__team=review.team, pk=int(request.POST["action"])).first()
            if action is None:
                raise Http404
            services.action_done(action=action)
        elif which == "close":
            review.closed_at = timezone.now()
            review.save(update_fields=["closed_at"])
        else:
            return None
    except ValidationError as error:
        insight_form.add_error(None, error)
        return None
    if request.htmx:
        return render(request, "reviews/review_detail.html#live", _live_context(review))
    return redirect(review)


@org_view(Access(read=REVIEWS.read))
def review_live(request: OrgRequest, review_id: int) -> HttpResponse:
    """The part of the review page that changes while people write: polled every few seconds."""
    return render(request, "reviews/review_detail.html#live", _live_context(_review(request, review_id)))
