"""Contribute: my contribution page (a quick entry that works on a phone) and a team's timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.contributions import services
from naober.contributions.forms import (
    CommitmentForm,
    CommitmentShareForm,
    ContributionForm,
    DeleteForm,
    HelpAnswerForm,
    HelpReceivedForm,
    ReflectionForm,
    ThanksForm,
)
from naober.contributions.models import Appreciation, Contribution, CraftCommitment, Help, Reflection
from naober.core.access import COLLEAGUES, Access, OrgRequest, get_in_org, org_view
from naober.goals.models import Goal, Indicator, Measurement
from naober.orgs.models import Team

# Leaders, team leads and employees contribute; coach and works council see team-level figures only.
CONTRIBUTORS = Access(read=COLLEAGUES.read, write=COLLEAGUES.read)
TIMELINE_DAYS = 90


def _contribution(request: OrgRequest, data: dict[str, Any]) -> str:
    services.contribution_record(membership=request.membership, **data)
    return _("Contribution saved.") + (
        " " + _("Your colleagues are asked to confirm the help.") if data["helped"] else ""
    )


def _help_received(request: OrgRequest, data: dict[str, Any]) -> str:
    me = services.person_of(request.membership)
    services.help_record(membership=request.membership, helped=me, **data)
    return _("Thank you for recording it; %(name)s is asked to confirm.") % {"name": data["helper"].name}


def _answer(request: OrgRequest, data: dict[str, Any]) -> str:
    record = get_in_org(Help, request, data["help"])
    services.help_answer(membership=request.membership, help_record=record, confirmed=data["answer"] == "confirm")
    return _("Confirmed. You can say thanks below.") if data["answer"] == "confirm" else _("Noted.")


def _thanks(request: OrgRequest, data: dict[str, Any]) -> str:
    contribution = get_in_org(Contribution, request, data["contribution"]) if data["contribution"] else None
    record = get_in_org(Help, request, data["help"]) if data["help"] else None
    given = services.appreciation_give(
        membership=request.membership, message=data["message"], contribution=contribution, help_record=record
    )
    return _("Your thanks went to %(name)s.") % {"name": given.recipient.name}


def _commitment(request: OrgRequest, data: dict[str, Any]) -> str:
    services.commitment_create(membership=request.membership, **data)
    return _("Commitment saved.")


def _reflection(request: OrgRequest, data: dict[str, Any]) -> str:
    commitment = get_in_org(CraftCommitment, request, data["commitment"])
    services.reflection_add(membership=request.membership, commitment=commitment, text=data["text"])
    return _("Reflection saved.")


def _share(request: OrgRequest, data: dict[str, Any]) -> str:
    commitment = get_in_org(CraftCommitment, request, data["commitment"])
    services.commitment_update(membership=request.membership, commitment=commitment, shared=data["shared"])
    return _("Shared with your team.") if data["shared"] else _("Only you can see it now.")


def _delete(request: OrgRequest, data: dict[str, Any]) -> str:
    contribution = get_in_org(Contribution, request, data["contribution"])
    services.contribution_delete(membership=request.membership, contribution=contribution)
    return _("Contribution deleted.")


# form name -> (form class, whether it needs the membership, handler)
HANDLERS: dict[str, tuple[type[forms.Form], bool, Callable[[OrgRequest, dict[str, Any]], str]]] = {
    "contribution": (ContributionForm, True, _contribution),
    "help_received": (HelpReceivedForm, True, _help_received),
    "answer": (HelpAnswerForm, False, _answer),
    "thanks": (ThanksForm, False, _thanks),
    "commitment": (CommitmentForm, False, _commitment),
    "reflection": (ReflectionForm, False, _reflection),
    "share": (CommitmentShareForm, False, _share),
    "delete": (DeleteForm, False, _delete),
}


def _forms(request: OrgRequest) -> dict[str, forms.Form]:
    posted = request.POST.get("form") if request.method == "POST" else None
    built = {}
    for name, (form_class, needs_membership, _handler) in HANDLERS.items():
        data = request.POST if name == posted else None
        kwargs: dict[str, Any] = {"membership": request.membership} if needs_membership else {}
        built[name] = form_class(data, **kwargs)
    return built


def _my_page_context(request: OrgRequest) -> dict[str, Any]:
    me = request.membership.person
    if me is None:
        return {"me": None}
    help_rows = Help.objects.filter(organisation=request.org).select_related("helper", "helped", "recorded_by")
    help_rows = help_rows.prefetch_related("appreciations")
    commitments = CraftCommitment.objects.filter(person=me).prefetch_related(
        Prefetch("reflections", Reflection.objects.order_by("created_at"))
    )
    return {
        "me": me,
        "contributions": Contribution.objects.filter(author=me).select_related("goal", "value", "team")[:30],
        "awaiting": [
            h for h in help_rows.filter(Q(helper=me) | Q(helped=me), status="pending") if h.confirmer.pk == me.pk
        ],
        "help_given": help_rows.filter(helper=me)[:30],
        "help_received": help_rows.filter(helped=me)[:30],
        "thanks_received": Appreciation.objects.filter(recipient=me).select_related("sender", "contribution", "help")[
            :20
        ],
        "commitments": commitments,
    }


@org_view(CONTRIBUTORS)
def mine(request: OrgRequest) -> HttpResponse:
    built = _forms(request)
    posted = request.POST.get("form") if request.method == "POST" else None
    form = built.get(posted or "")
    if form is not None and form.is_valid():
        try:
            message = HANDLERS[posted or ""][2](request, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, message)
            return redirect("contributions:mine", org=request.org.slug)
    context = {**_my_page_context(request), **{f"{name}_form": f for name, f in built.items()}, "posted": posted}
    return render(request, "contributions/mine.html", context, status=422 if request.method == "POST" else 200)


def _latest(indicator: Indicator) -> Measurement | None:
    measurements = list(indicator.measurements.all())
    return measurements[-1] if measurements else None


@org_view(CONTRIBUTORS)
def timeline(request: OrgRequest, team_id: int) -> HttpResponse:
    """What the team shares: contributions, confirmed help, thanks, shared commitments and its goals' progress."""
    team = get_in_org(Team, request, team_id)
    since = timezone.localdate() - timedelta(days=TIMELINE_DAYS)
    people = list(team.members.values_list("pk", flat=True)) + list(team.leads.values_list("pk", flat=True))
    membership = request.membership
    contributions = (
        Contribution.objects.visible_to(membership)
        .filter(Q(team=team) | Q(author__in=people), occurred_on__gte=since)
        .exclude(visibility="private")
        .select_related("author", "goal", "value")
        .prefetch_related("appreciations__sender")
    )
    help_rows = (
        Help.objects.visible_to(membership)
        .filter(Q(helper__in=people) | Q(helped__in=people), status="confirmed", occurred_on__gte=since)
        .select_related("helper", "helped")
        .prefetch_related("appreciations__sender")
    )
    commitments = (
        CraftCommitment.objects.visible_to(membership).filter(person__in=people, shared=True).select_related("person")
    )
    entries = sorted(
        [("contribution", c.occurred_on, c) for c in contributions] + [("help", h.occurred_on, h) for h in help_rows],
        key=lambda entry: entry[1],
        reverse=True,
    )
    goals = Goal.objects.for_team(team).prefetch_related(
        "values", Prefetch("indicators__measurements", Measurement.objects.order_by("measured_on"))
    )
    progress = [(goal, [(i, _latest(i)) for i in goal.indicators.all()]) for goal in goals]
    context = {"team": team, "entries": entries, "commitments": commitments, "goals": progress, "days": TIMELINE_DAYS}
    return render(request, "contributions/timeline.html", context)
