"""API operations for contributions, help, appreciation and craft commitments, for the people themselves.

Lists answer with what the caller may see (the same `visible_to` rules as the pages); changes are the
owner's. Nothing here returns a count per person.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field, model_validator

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.contributions import services
from naober.contributions.models import (
    Appreciation,
    Contribution,
    CraftCommitment,
    Help,
    HelpStatus,
    Visibility,
)
from naober.contributions.views import CONTRIBUTORS
from naober.core.access import OrgRequest
from naober.goals.api import AtLeastOneField
from naober.goals.models import Goal, Value
from naober.orgs.models import Person

router = Router(tags=["contributions"])


class ContributionOut(Schema):
    id: int
    author_id: int
    author: str
    team_id: int | None
    text: str
    customer_notice: str
    goal_id: int | None
    value_id: int | None
    visibility: Visibility
    occurred_on: date


class ContributionIn(InputSchema):
    text: str = Field(min_length=1, max_length=500)
    customer_notice: str = Field("", max_length=500)
    goal_id: RowId | None = None
    value_id: RowId | None = None
    visibility: Visibility = Visibility.TEAM
    helped_ids: list[RowId] = Field(default_factory=list, description="Colleagues I helped; each is asked to confirm.")
    occurred_on: date | None = None


class ContributionPatch(AtLeastOneField):
    text: str | None = Field(None, min_length=1, max_length=500)
    customer_notice: str | None = Field(None, max_length=500)
    visibility: Visibility | None = None


class HelpOut(Schema):
    id: int
    helper_id: int
    helper: str
    helped_id: int
    helped: str
    recorded_by_id: int
    description: str
    occurred_on: date
    status: HelpStatus
    contribution_id: int | None


class HelpIn(InputSchema):
    helper_id: RowId
    helped_id: RowId
    description: str = Field("", max_length=500)
    occurred_on: date | None = None


class HelpAnswer(InputSchema):
    confirmed: bool


class AppreciationOut(Schema):
    id: int
    sender_id: int
    sender: str
    recipient_id: int
    recipient: str
    message: str
    contribution_id: int | None
    help_id: int | None
    created_at: datetime


class AppreciationIn(InputSchema):
    message: str = Field(min_length=1, max_length=500)
    contribution_id: RowId | None = None
    help_id: RowId | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> AppreciationIn:
        if (self.contribution_id is None) == (self.help_id is None):
            raise ValueError("Send contribution_id or help_id: thank for one thing.")
        return self


class ReflectionOut(Schema):
    id: int
    text: str
    created_at: datetime


class CommitmentOut(Schema):
    id: int
    person_id: int
    person: str
    title: str
    period_start: date
    period_end: date | None
    shared: bool
    reflections: list[ReflectionOut]


class CommitmentIn(InputSchema):
    title: str = Field(min_length=1, max_length=300)
    period_end: date | None = None
    shared: bool = False


class CommitmentPatch(AtLeastOneField):
    title: str | None = Field(None, min_length=1, max_length=300)
    period_end: date | None = None
    shared: bool | None = None


class ReflectionIn(InputSchema):
    text: str = Field(min_length=1, max_length=1000)


def _contribution_out(c: Contribution) -> ContributionOut:
    return ContributionOut(
        id=c.pk, author_id=c.author_id, author=c.author.name, team_id=c.team_id, text=c.text,
        customer_notice=c.customer_notice, goal_id=c.goal_id, value_id=c.value_id, visibility=Visibility(c.visibility),
        occurred_on=c.occurred_on,
    )  # fmt: skip


def _help_out(h: Help) -> HelpOut:
    return HelpOut(
        id=h.pk, helper_id=h.helper_id, helper=h.helper.name, helped_id=h.helped_id, helped=h.helped.name,
        recorded_by_id=h.recorded_by_id, description=h.description, occurred_on=h.occurred_on,
        status=HelpStatus(h.status), contribution_id=h.contribution_id,
    )  # fmt: skip


def _appreciation_out(a: Appreciation) -> AppreciationOut:
    return AppreciationOut(
        id=a.pk, sender_id=a.sender_id, sender=a.sender.name, recipient_id=a.recipient_id, recipient=a.recipient.name,
        message=a.message, contribution_id=a.contribution_id, help_id=a.help_id, created_at=a.created_at,
    )  # fmt: skip


def _commitment_out(c: CraftCommitment) -> CommitmentOut:
    reflections = [ReflectionOut(id=r.pk, text=r.text, created_at=r.created_at) for r in c.reflections.all()]
    return CommitmentOut(
        id=c.pk, person_id=c.person_id, person=c.person.name, title=c.title, period_start=c.period_start,
        period_end=c.period_end, shared=c.shared, reflections=reflections,
    )  # fmt: skip


def _in_org(request: OrgRequest, model: type, pk: int | None) -> object | None:
    return None if pk is None else get_object_or_404(model, organisation=request.org, pk=pk)


def _people(request: OrgRequest, ids: list[int]) -> list[Person]:
    people = list(Person.objects.in_org(request.org).filter(pk__in=ids))
    if len(people) != len(set(ids)):
        raise HttpError(422, "Some person ids are not people of this organisation.")
    return people


def _own_contribution(request: OrgRequest, contribution_id: int) -> Contribution:
    contribution = get_object_or_404(
        Contribution.objects.visible_to(request.membership).select_related("author"), pk=contribution_id
    )
    if contribution.author_id != request.membership.person_id:
        raise PermissionDenied
    return contribution


@router.get("orgs/{org}/contributions", response={200: list[ContributionOut], **ERRORS}, auth=org_auth(CONTRIBUTORS))
def list_contributions(request: OrgRequest, org: str) -> list[ContributionOut]:
    """What I may see: my own, those shared with my teams, those shared with everyone. Newest first."""
    rows = Contribution.objects.visible_to(request.membership).select_related("author")[:500]
    return [_contribution_out(c) for c in rows]


@router.post("orgs/{org}/contributions", response={201: ContributionOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def create_contribution(request: OrgRequest, org: str, payload: ContributionIn) -> Status[ContributionOut]:
    contribution = services.contribution_record(
        membership=request.membership,
        text=payload.text,
        customer_notice=payload.customer_notice,
        goal=_in_org(request, Goal, payload.goal_id),  # type: ignore[arg-type]
        value=_in_org(request, Value, payload.value_id),  # type: ignore[arg-type]
        visibility=payload.visibility,
        helped=_people(request, payload.helped_ids),
        occurred_on=payload.occurred_on,
    )
    return Status(201, _contribution_out(contribution))


@router.get(
    "orgs/{org}/contributions/{contribution_id}",
    response={200: ContributionOut, **ERRORS},
    auth=org_auth(CONTRIBUTORS),
)
def get_contribution(request: OrgRequest, org: str, contribution_id: RowId) -> ContributionOut:
    """A contribution the caller may not see is a 404, like one that does not exist."""
    qs = Contribution.objects.visible_to(request.membership).select_related("author")
    return _contribution_out(get_object_or_404(qs, pk=contribution_id))


@router.patch(
    "orgs/{org}/contributions/{contribution_id}",
    response={200: ContributionOut, **ERRORS},
    auth=org_auth(CONTRIBUTORS),
)
def update_contribution(
    request: OrgRequest, org: str, contribution_id: RowId, payload: ContributionPatch
) -> ContributionOut:
    contribution = _own_contribution(request, contribution_id)
    for field, value in payload.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(contribution, field, value.strip() if isinstance(value, str) and field != "visibility" else value)
    contribution.full_clean()
    contribution.save()
    return _contribution_out(contribution)


@router.delete(
    "orgs/{org}/contributions/{contribution_id}", response={204: None, **ERRORS}, auth=org_auth(CONTRIBUTORS)
)
def delete_contribution(request: OrgRequest, org: str, contribution_id: RowId) -> Status[None]:
    services.contribution_delete(
        membership=request.membership, contribution=_own_contribution(request, contribution_id)
    )
    return Status(204, None)


@router.get("orgs/{org}/help", response={200: list[HelpOut], **ERRORS}, auth=org_auth(CONTRIBUTORS))
def list_help(request: OrgRequest, org: str) -> list[HelpOut]:
    """Confirmed help between colleagues, and my own help records whatever their status."""
    rows = Help.objects.visible_to(request.membership).select_related("helper", "helped")[:500]
    return [_help_out(h) for h in rows]


@router.post("orgs/{org}/help", response={201: HelpOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def record_help(request: OrgRequest, org: str, payload: HelpIn) -> Status[HelpOut]:
    """The caller is the helper or the one helped; the other one is asked to confirm."""
    helper, helped = _people(request, [payload.helper_id])[0], _people(request, [payload.helped_id])[0]
    record = services.help_record(
        membership=request.membership,
        helper=helper,
        helped=helped,
        description=payload.description,
        occurred_on=payload.occurred_on,
    )
    return Status(201, _help_out(record))


@router.post("orgs/{org}/help/{help_id}/answer", response={200: HelpOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def answer_help(request: OrgRequest, org: str, help_id: RowId, payload: HelpAnswer) -> HelpOut:
    """Confirm (or not) help the other one recorded. Only the person asked may answer (else 403)."""
    qs = Help.objects.visible_to(request.membership).select_related("helper", "helped")
    record = get_object_or_404(qs, pk=help_id)
    return _help_out(
        services.help_answer(membership=request.membership, help_record=record, confirmed=payload.confirmed)
    )


@router.get("orgs/{org}/appreciations", response={200: list[AppreciationOut], **ERRORS}, auth=org_auth(CONTRIBUTORS))
def list_appreciations(request: OrgRequest, org: str) -> list[AppreciationOut]:
    rows = Appreciation.objects.visible_to(request.membership).select_related("sender", "recipient")[:500]
    return [_appreciation_out(a) for a in rows]


@router.post("orgs/{org}/appreciations", response={201: AppreciationOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def give_appreciation(request: OrgRequest, org: str, payload: AppreciationIn) -> Status[AppreciationOut]:
    """Thank the author of a contribution or the helper, for something the caller may see."""
    contribution = help_record = None
    if payload.contribution_id is not None:
        contribution = get_object_or_404(
            Contribution.objects.visible_to(request.membership), pk=payload.contribution_id
        )
    else:
        help_record = get_object_or_404(Help.objects.visible_to(request.membership), pk=payload.help_id)
    given = services.appreciation_give(
        membership=request.membership, message=payload.message, contribution=contribution, help_record=help_record
    )
    return Status(201, _appreciation_out(given))


@router.get("orgs/{org}/commitments", response={200: list[CommitmentOut], **ERRORS}, auth=org_auth(CONTRIBUTORS))
def list_commitments(request: OrgRequest, org: str) -> list[CommitmentOut]:
    """My own craft commitments, and those colleagues in my teams shared. Private ones of others: never."""
    rows = (
        CraftCommitment.objects.visible_to(request.membership).select_related("person").prefetch_related("reflections")
    )
    return [_commitment_out(c) for c in rows]


@router.post("orgs/{org}/commitments", response={201: CommitmentOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def create_commitment(request: OrgRequest, org: str, payload: CommitmentIn) -> Status[CommitmentOut]:
    commitment = services.commitment_create(membership=request.membership, **payload.model_dump())
    return Status(201, _commitment_out(commitment))


def _own_commitment(request: OrgRequest, commitment_id: int) -> CraftCommitment:
    if request.membership.person_id is None:
        raise HttpError(404, "Not found.")
    qs = CraftCommitment.objects.filter(organisation=request.org, person_id=request.membership.person_id)
    return get_object_or_404(qs.select_related("person").prefetch_related("reflections"), pk=commitment_id)


@router.patch(
    "orgs/{org}/commitments/{commitment_id}", response={200: CommitmentOut, **ERRORS}, auth=org_auth(CONTRIBUTORS)
)
def update_commitment(request: OrgRequest, org: str, commitment_id: RowId, payload: CommitmentPatch) -> CommitmentOut:
    """Only the person changes their commitment; someone else's is a 404, shared or not."""
    commitment = _own_commitment(request, commitment_id)
    services.commitment_update(
        membership=request.membership, commitment=commitment, **payload.model_dump(exclude_unset=True)
    )
    return _commitment_out(_own_commitment(request, commitment_id))


@router.post(
    "orgs/{org}/commitments/{commitment_id}/reflections",
    response={201: CommitmentOut, **ERRORS},
    auth=org_auth(CONTRIBUTORS),
)
def add_reflection(request: OrgRequest, org: str, commitment_id: RowId, payload: ReflectionIn) -> Status[CommitmentOut]:
    commitment = _own_commitment(request, commitment_id)
    services.reflection_add(membership=request.membership, commitment=commitment, text=payload.text)
    return Status(201, _commitment_out(_own_commitment(request, commitment_id)))
