"""Pages of an organisation: home, teams, people, settings, people import, transparency register."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from naober.core.access import (
    COLLEAGUES,
    EVERYONE,
    LEADERS_ONLY,
    TEAM_VIEWERS,
    TEAMS_EDITABLE_BY_LEADERS,
    OrgRequest,
    get_in_org,
    org_view,
)
from naober.orgs import register, services
from naober.orgs.forms import InvitationForm, OrganisationSettingsForm, PeopleImportForm, TeamForm
from naober.orgs.models import Invitation, Membership, Person, Portfolio, Role, Team
from naober.orgs.people_import import people_import


@org_view(EVERYONE)
def home(request: OrgRequest) -> HttpResponse:
    teams = Team.objects.in_org(request.org).annotate(size=Count("members", distinct=True))
    context = {
        "teams": teams,
        "people_count": Person.objects.in_org(request.org).current().count(),
        "my_teams": request.membership.person.teams.all() if request.membership.person else [],
    }
    return render(request, "orgs/home.html", context)


@org_view(TEAMS_EDITABLE_BY_LEADERS)
def team_list(request: OrgRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(organisation=request.org, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Team %(name)s created.") % {"name": team.name})
            return redirect(team)
    teams = (
        Team.objects.in_org(request.org)
        .annotate(size=Count("members", distinct=True), portfolio_count=Count("portfolios", distinct=True))
        .prefetch_related("leads")
    )
    context = {"teams": teams, "form": form, "can_create": request.role == Role.LEADER}
    return render(request, "orgs/team_list.html", context, status=422 if form.errors else 200)


@org_view(TEAM_VIEWERS)
def team_detail(request: OrgRequest, team_id: int) -> HttpResponse:
    team = get_in_org(Team, request, team_id)
    portfolios = Portfolio.objects.filter(team=team).select_related("owner")
    members = team.members.current().select_related("organisation")
    members = members.prefetch_related(Prefetch("portfolios", queryset=portfolios))
    context = {"team": team, "members": members, "leads": team.leads.all(), "portfolios": portfolios}
    return render(request, "orgs/team_detail.html", context)


@org_view(COLLEAGUES)
def person_list(request: OrgRequest) -> HttpResponse:
    people = Person.objects.in_org(request.org).current().prefetch_related("teams")
    return render(request, "orgs/person_list.html", {"people": people})


@org_view(COLLEAGUES)
def person_detail(request: OrgRequest, person_id: int) -> HttpResponse:
    person = get_in_org(Person, request, person_id)
    is_self = request.membership.person_id == person.pk
    # Contact and payroll details are for the person themself and the leadership only.
    show_private = is_self or request.role == Role.LEADER
    if show_private and not is_self:
        services.audit(organisation=request.org, actor=request.user, action="person.viewed", subject=person.name)
    context = {
        "person": person,
        "is_self": is_self,
        "show_private": show_private,
        "teams": person.teams.all(),
        "portfolios": person.portfolios.select_related("team"),
    }
    return render(request, "orgs/person_detail.html", context)


@org_view(LEADERS_ONLY)
@vary_on_headers("HX-Request")
def settings_page(request: OrgRequest) -> HttpResponse:
    form = OrganisationSettingsForm(request.POST or None, instance=request.org)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        if not request.htmx:
            messages.success(request, _("Settings saved."))
            return redirect("orgs:settings", org=request.org.slug)
        saved = True  # htmx swaps the form in place, so it carries the confirmation itself
    template = "orgs/settings.html#settings-form" if request.htmx else "orgs/settings.html"
    return render(request, template, {"form": form, "saved": saved}, status=422 if form.errors else 200)


@org_view(LEADERS_ONLY)
def member_list(request: OrgRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None, organisation=request.org)
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_send(
            organisation=request.org,
            email=form.cleaned_data["email"],
            role=Role(form.cleaned_data["role"]),
            person=form.cleaned_data["person"],
            invited_by=request.user,
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("orgs:members", org=request.org.slug)
    context = {
        "memberships": Membership.objects.filter(organisation=request.org).select_related("user", "person"),
        "invitations": Invitation.objects.filter(organisation=request.org, accepted_at__isnull=True),
        "form": form,
    }
    return render(request, "orgs/member_list.html", context, status=422 if form.errors else 200)


@org_view(LEADERS_ONLY)
def people_import_page(request: OrgRequest) -> HttpResponse:
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = people_import(
            organisation=request.org,
            data=upload.read(),
            filename=upload.name,
            mapping=form.mapping() or None,
            dry_run=form.cleaned_data["dry_run"],
            actor=request.user,
        )
        if result.imported:
            messages.success(
                request,
                _("Imported: %(created)s people added, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("orgs:people", org=request.org.slug)
    status = 422 if (form.errors or (result and result.problems)) else 200
    return render(request, "orgs/people_import.html", {"form": form, "result": result}, status=status)


@org_view(EVERYONE)
def transparency(request: OrgRequest) -> HttpResponse:
    return render(request, "orgs/transparency.html", {"register": register.entries(request.org)})
