"""API operations for organisations, teams, people and memberships: read for members, write for leaders."""

import json
from datetime import date

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import EmailStr, Field

from naober.api import ERRORS, InputSchema, RowId, error_response, org_auth
from naober.core.access import (
    COLLEAGUES,
    EVERYONE,
    TEAMS_EDITABLE_BY_LEADERS,
    Access,
    OrgRequest,
    roles,
)
from naober.orgs import services
from naober.orgs.models import Membership, Organisation, Person, Role, Team
from naober.orgs.people_import import people_import

router = Router(tags=["organisations"])

ORG_EDITABLE_BY_LEADERS = Access(read=EVERYONE.read, write=roles(Role.LEADER))
PEOPLE_EDITABLE_BY_LEADERS = Access(read=COLLEAGUES.read, write=roles(Role.LEADER))
LEADERS_WRITE = Access(read=roles(Role.LEADER), write=roles(Role.LEADER))


class OrganisationOut(Schema):
    slug: str
    name: str
    city: str
    anonymity_threshold: int
    role: str


class OrganisationPatch(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=200)
    city: str | None = Field(None, max_length=100)
    anonymity_threshold: int | None = Field(None, ge=5, le=1000)


class TeamOut(Schema):
    id: int
    name: str
    description: str
    member_ids: list[RowId]
    lead_ids: list[RowId]


class TeamIn(InputSchema):
    name: str = Field(min_length=1, max_length=120)
    description: str = Field("", max_length=5000)


class TeamPatch(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=120)
    description: str | None = Field(None, max_length=5000)
    member_ids: list[RowId] | None = None
    lead_ids: list[RowId] | None = None


class PersonOut(Schema):
    id: int
    name: str
    job_title: str
    team_ids: list[RowId]
    left_on: date | None
    # Only for the person themself and for leaders; null for everyone else.
    email: str | None
    personnel_number: str | None


class PersonIn(InputSchema):
    name: str = Field(min_length=1, max_length=150)
    email: EmailStr | None = None
    personnel_number: str = Field("", max_length=40)
    job_title: str = Field("", max_length=120)
    team_ids: list[RowId] = Field(default_factory=list)


class PersonPatch(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=150)
    email: EmailStr | None = None
    personnel_number: str | None = Field(None, max_length=40)
    job_title: str | None = Field(None, max_length=120)
    team_ids: list[RowId] | None = None
    left_on: date | None = None


class MembershipOut(Schema):
    id: int
    role: str
    user_name: str
    person_id: int | None


class MembershipPatch(InputSchema):
    role: Role


class InvitationIn(InputSchema):
    email: EmailStr
    role: Role
    person_id: RowId | None = None


class InvitationOut(Schema):
    id: int
    email: str
    role: str


class ImportResultOut(Schema):
    dry_run: bool
    imported: bool
    rows: int
    created: int
    updated: int
    teams_created: list[str]


def _org_out(org: Organisation, role: str) -> OrganisationOut:
    return OrganisationOut(
        slug=org.slug, name=org.name, city=org.city, anonymity_threshold=org.anonymity_threshold, role=role
    )


def _team_out(team: Team) -> TeamOut:
    return TeamOut(
        id=team.pk,
        name=team.name,
        description=team.description,
        member_ids=sorted(p.pk for p in team.members.all()),
        lead_ids=sorted(p.pk for p in team.leads.all()),
    )


def _person_out(request: OrgRequest, person: Person) -> PersonOut:
    private = request.role == Role.LEADER or request.membership.person_id == person.pk
    return PersonOut(
        id=person.pk,
        name=person.name,
        job_title=person.job_title,
        team_ids=sorted(t.pk for t in person.teams.all()),
        left_on=person.left_on,
        email=person.email if private else None,
        personnel_number=person.personnel_number if private else None,
    )


def _people_in_org(request: OrgRequest, ids: list[RowId]) -> list[Person]:
    people = list(Person.objects.in_org(request.org).filter(pk__in=ids))
    if len(people) != len(set(ids)):
        raise HttpError(422, "Some person ids are not people of this organisation.")
    return people


@router.get("orgs", response={200: list[OrganisationOut], **ERRORS}, summary="The organisations I belong to")
def list_organisations(request: HttpRequest) -> list[OrganisationOut]:
    return [_org_out(m.organisation, m.role) for m in Membership.objects.for_user(request.user)]


@router.get("orgs/{org}", response={200: OrganisationOut, **ERRORS}, auth=org_auth(ORG_EDITABLE_BY_LEADERS))
def get_organisation(request: OrgRequest, org: str) -> OrganisationOut:
    return _org_out(request.org, request.role)


@router.patch("orgs/{org}", response={200: OrganisationOut, **ERRORS}, auth=org_auth(ORG_EDITABLE_BY_LEADERS))
def update_organisation(request: OrgRequest, org: str, payload: OrganisationPatch) -> OrganisationOut:
    for field, value in payload.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(request.org, field, value)
    request.org.full_clean()
    request.org.save()
    return _org_out(request.org, request.role)


@router.get("orgs/{org}/teams", response={200: list[TeamOut], **ERRORS}, auth=org_auth(TEAMS_EDITABLE_BY_LEADERS))
def list_teams(request: OrgRequest, org: str) -> list[TeamOut]:
    teams = Team.objects.in_org(request.org).prefetch_related("members", "leads")
    return [_team_out(team) for team in teams]


@router.post("orgs/{org}/teams", response={201: TeamOut, **ERRORS}, auth=org_auth(TEAMS_EDITABLE_BY_LEADERS))
def create_team(request: OrgRequest, org: str, payload: TeamIn) -> Status[TeamOut]:
    team = services.team_create(organisation=request.org, name=payload.name, description=payload.description)
    return Status(201, _team_out(team))


@router.get("orgs/{org}/teams/{team_id}", response={200: TeamOut, **ERRORS}, auth=org_auth(TEAMS_EDITABLE_BY_LEADERS))
def get_team(request: OrgRequest, org: str, team_id: RowId) -> TeamOut:
    return _team_out(get_object_or_404(Team, organisation=request.org, pk=team_id))


@router.patch("orgs/{org}/teams/{team_id}", response={200: TeamOut, **ERRORS}, auth=org_auth(TEAMS_EDITABLE_BY_LEADERS))
@transaction.atomic
def update_team(request: OrgRequest, org: str, team_id: RowId, payload: TeamPatch) -> TeamOut:
    team = get_object_or_404(Team, organisation=request.org, pk=team_id)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    for field in ("name", "description"):
        if field in changes:
            setattr(team, field, changes[field])
    team.full_clean()
    team.save()
    if "member_ids" in changes:
        team.members.set(_people_in_org(request, changes["member_ids"]))
    if "lead_ids" in changes:
        team.leads.set(_people_in_org(request, changes["lead_ids"]))
    return _team_out(team)


@router.delete("orgs/{org}/teams/{team_id}", response={204: None, **ERRORS}, auth=org_auth(TEAMS_EDITABLE_BY_LEADERS))
def delete_team(request: OrgRequest, org: str, team_id: RowId) -> Status[None]:
    get_object_or_404(Team, organisation=request.org, pk=team_id).delete()
    return Status(204, None)


@router.get("orgs/{org}/people", response={200: list[PersonOut], **ERRORS}, auth=org_auth(PEOPLE_EDITABLE_BY_LEADERS))
def list_people(request: OrgRequest, org: str) -> list[PersonOut]:
    people = Person.objects.in_org(request.org).prefetch_related("teams")
    return [_person_out(request, person) for person in people]


@router.post("orgs/{org}/people", response={201: PersonOut, **ERRORS}, auth=org_auth(PEOPLE_EDITABLE_BY_LEADERS))
@transaction.atomic
def create_person(request: OrgRequest, org: str, payload: PersonIn) -> Status[PersonOut]:
    person = Person(
        organisation=request.org,
        name=payload.name.strip(),
        email=(payload.email or "").lower(),
        personnel_number=payload.personnel_number.strip(),
        job_title=payload.job_title.strip(),
    )
    person.full_clean()
    person.save()
    if payload.team_ids:
        teams = list(Team.objects.in_org(request.org).filter(pk__in=payload.team_ids))
        if len(teams) != len(set(payload.team_ids)):
            raise HttpError(422, "Some team ids are not teams of this organisation.")
        person.teams.set(teams)
    return Status(201, _person_out(request, person))


# Before people/{person_id}, which would otherwise take "import" for an id.
@router.post(
    "orgs/{org}/people/import",
    response={200: ImportResultOut, **ERRORS},
    auth=org_auth(PEOPLE_EDITABLE_BY_LEADERS),
)
def import_people(
    request: OrgRequest,
    org: str,
    file: File[UploadedFile],
    dry_run: Form[bool] = False,
    mapping: Form[str] = "",
) -> ImportResultOut | HttpResponse:
    """Import people and teams from a CSV or XLSX export. ``mapping`` is a JSON object from our field
    names (name, email, team, personnel_number, role) to the file's column headers."""
    try:
        column_mapping = json.loads(mapping) if mapping else None
    except json.JSONDecodeError:
        raise HttpError(422, "mapping is not valid JSON.") from None
    if column_mapping is not None and not (
        isinstance(column_mapping, dict) and all(isinstance(v, str) for v in column_mapping.values())
    ):
        raise HttpError(422, "mapping must be a JSON object from field names to column headers.")
    result = people_import(
        organisation=request.org,
        data=file.read(),
        filename=file.name or "upload.csv",
        mapping=column_mapping,
        dry_run=dry_run,
        actor=request.user,
    )
    if result.problems:
        errors = [{"field": p.column, "row": p.row, "value": p.value, "message": p.reason} for p in result.problems]
        detail = f"{len(result.problems)} problem(s) in the file; nothing was imported."
        return error_response(request, 422, detail, errors)
    return ImportResultOut(
        dry_run=result.dry_run,
        imported=result.imported,
        rows=result.rows,
        created=result.created,
        updated=result.updated,
        teams_created=result.teams_created,
    )


@router.get(
    "orgs/{org}/people/{person_id}",
    response={200: PersonOut, **ERRORS},
    auth=org_auth(PEOPLE_EDITABLE_BY_LEADERS),
)
def get_person(request: OrgRequest, org: str, person_id: RowId) -> PersonOut:
    return _person_out(request, get_object_or_404(Person, organisation=request.org, pk=person_id))


@router.patch(
    "orgs/{org}/people/{person_id}",
    response={200: PersonOut, **ERRORS},
    auth=org_auth(PEOPLE_EDITABLE_BY_LEADERS),
)
@transaction.atomic
def update_person(request: OrgRequest, org: str, person_id: RowId, payload: PersonPatch) -> PersonOut:
    person = get_object_or_404(Person, organisation=request.org, pk=person_id)
    changes = payload.model_dump(exclude_unset=True)
    for field in ("name", "personnel_number", "job_title", "left_on"):
        if field in changes and (changes[field] is not None or field == "left_on"):
            setattr(person, field, changes[field])
    if "email" in changes:
        person.email = (changes["email"] or "").lower()
    person.full_clean()
    person.save()
    if changes.get("team_ids") is not None:
        teams = list(Team.objects.in_org(request.org).filter(pk__in=changes["team_ids"]))
        if len(teams) != len(set(changes["team_ids"])):
            raise HttpError(422, "Some team ids are not teams of this organisation.")
        person.teams.set(teams)
    return _person_out(request, person)


@router.get(
    "orgs/{org}/memberships",
    response={200: list[MembershipOut], **ERRORS},
    auth=org_auth(Access(read=COLLEAGUES.read, write=roles(Role.LEADER))),
)
def list_memberships(request: OrgRequest, org: str) -> list[MembershipOut]:
    memberships = Membership.objects.filter(organisation=request.org).select_related("user")
    return [MembershipOut(id=m.pk, role=m.role, user_name=str(m.user), person_id=m.person_id) for m in memberships]


@router.patch(
    "orgs/{org}/memberships/{membership_id}",
    response={200: MembershipOut, **ERRORS},
    auth=org_auth(LEADERS_WRITE),
)
def update_membership(request: OrgRequest, org: str, membership_id: RowId, payload: MembershipPatch) -> MembershipOut:
    membership = get_object_or_404(Membership, organisation=request.org, pk=membership_id)
    if membership.pk == request.membership.pk and payload.role != Role.LEADER:
        raise HttpError(422, "You cannot take away your own leadership role; ask another leader.")
    membership.role = payload.role
    membership.save(update_fields=["role"])
    return MembershipOut(
        id=membership.pk, role=membership.role, user_name=str(membership.user), person_id=membership.person_id
    )


@router.delete("orgs/{org}/memberships/{membership_id}", response={204: None, **ERRORS}, auth=org_auth(LEADERS_WRITE))
def delete_membership(request: OrgRequest, org: str, membership_id: RowId) -> Status[None]:
    membership = get_object_or_404(Membership, organisation=request.org, pk=membership_id)
    if membership.pk == request.membership.pk:
        raise HttpError(422, "You cannot remove your own membership.")
    membership.delete()
    return Status(204, None)


@router.post("orgs/{org}/invitations", response={201: InvitationOut, **ERRORS}, auth=org_auth(LEADERS_WRITE))
def create_invitation(request: OrgRequest, org: str, payload: InvitationIn) -> Status[InvitationOut]:
    person = None
    if payload.person_id is not None:
        person = get_object_or_404(Person, organisation=request.org, pk=payload.person_id)
    invitation = services.invitation_send(
        organisation=request.org,
        email=payload.email,
        role=payload.role,
        invited_by=request.user,
        person=person,
    )
    return Status(201, InvitationOut(id=invitation.pk, email=invitation.email, role=invitation.role))
