"""API of the balance scan: rounds and reports inside an organisation; the questionnaire by link token.

The token operations need no login: the token is the key, as in the personal link. They never say whose link
it is, and answers sent through them are stored as anonymously as through the page.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.core.access import OrgRequest
from naober.orgs.models import Person, Team
from naober.scan import instrument as instrument_module
from naober.scan import services
from naober.scan.instrument import InstrumentError, load
from naober.scan.models import Action, ScanRound
from naober.scan.report import build
from naober.scan.views import ROUNDS

router = Router(tags=["balance scan"])


class RoundOut(Schema):
    id: int
    title: str
    instrument_version: str
    team_ids: list[int]
    closes_on: date
    open: bool
    invited: int
    responded: int


class RoundIn(InputSchema):
    closes_on: date
    title: str = Field("", max_length=150)
    team_ids: list[RowId] = Field(default_factory=list, description="None: the whole organisation.")
    send_email: bool = True


class LetterOut(Schema):
    person: str
    team: str | None
    role: str
    token: str
    url: str


class OpenedOut(Schema):
    round: RoundOut
    invitations: list[LetterOut]


class ActionOut(Schema):
    id: int
    title: str
    owner_id: int | None
    due_on: date | None


class ActionIn(InputSchema):
    title: str = Field(min_length=1, max_length=300)
    owner_id: RowId | None = None
    due_on: date | None = None


class AnswersIn(InputSchema):
    items: dict[str, int | None] = Field(default_factory=dict, description="item key: 1..7, null for don't know")
    sliders: dict[str, int] = Field(default_factory=dict, description="slider key: 0..100")
    predictions: dict[str, float] = Field(default_factory=dict, description="leaders only: scale key: 1..7")
    open: str = Field("", max_length=2000)


class QuestionnaireOut(Schema):
    round_title: str
    organisation: str
    instrument_version: str
    role: str
    closes_on: date
    draft: dict[str, Any]


def _round_out(scan_round: ScanRound) -> RoundOut:
    participations = list(scan_round.participations.all())
    return RoundOut(
        id=scan_round.pk, title=scan_round.title, instrument_version=scan_round.instrument_version,
        team_ids=sorted(t.pk for t in scan_round.teams.all()), closes_on=scan_round.closes_on,
        open=scan_round.is_open, invited=len(participations),
        responded=sum(1 for p in participations if p.responded_at is not None),
    )  # fmt: skip


def _round(request: OrgRequest, round_id: int) -> ScanRound:
    return get_object_or_404(ScanRound, organisation=request.org, pk=round_id)


@router.get("orgs/{org}/scan/rounds", response={200: list[RoundOut], **ERRORS}, auth=org_auth(ROUNDS))
def list_rounds(request: OrgRequest, org: str) -> list[RoundOut]:
    rounds = ScanRound.objects.in_org(request.org).prefetch_related("teams", "participations")
    return [_round_out(r) for r in rounds]


@router.post("orgs/{org}/scan/rounds", response={201: OpenedOut, **ERRORS}, auth=org_auth(ROUNDS))
def open_round(request: OrgRequest, org: str, payload: RoundIn) -> Status[OpenedOut]:
    """Open a round: a personal link for everyone in the teams, e-mailed where there is an address. The links
    are in this answer once; hand the others out on paper (the round's letters page)."""
    teams = list(Team.objects.in_org(request.org).filter(pk__in=payload.team_ids))
    if len(teams) != len(set(payload.team_ids)):
        raise HttpError(422, "Some team ids are not teams of this organisation.")
    scan_round, letters = services.round_open(
        organisation=request.org, closes_on=payload.closes_on, teams=teams, title=payload.title,
        opened_by=request.user, send_email=payload.send_email,
    )  # fmt: skip
    invitations = [
        LetterOut(person=x.person.name, team=x.team.name if x.team else None, role=x.role, token=x.token, url=x.url)
        for x in letters
    ]
    return Status(201, OpenedOut(round=_round_out(scan_round), invitations=invitations))


@router.get("orgs/{org}/scan/rounds/{round_id}", response={200: RoundOut, **ERRORS}, auth=org_auth(ROUNDS))
def get_round(request: OrgRequest, org: str, round_id: RowId) -> RoundOut:
    return _round_out(_round(request, round_id))


@router.get("orgs/{org}/scan/rounds/{round_id}/report", response={200: dict[str, Any], **ERRORS}, auth=org_auth(ROUNDS))
def round_report(request: OrgRequest, org: str, round_id: RowId) -> dict[str, Any]:
    """The report: groups (suppressed ones by name, kind and reason only), gaps, trend. No person's answers."""
    return build(_round(request, round_id))


@router.post("orgs/{org}/scan/rounds/{round_id}/close", response={200: RoundOut, **ERRORS}, auth=org_auth(ROUNDS))
def close_round(request: OrgRequest, org: str, round_id: RowId) -> RoundOut:
    scan_round = _round(request, round_id)
    services.round_close(scan_round)
    return _round_out(scan_round)


@router.post(
    "orgs/{org}/scan/rounds/{round_id}/reminders", response={200: dict[str, int], **ERRORS}, auth=org_auth(ROUNDS)
)
def send_reminders(request: OrgRequest, org: str, round_id: RowId) -> dict[str, int]:
    """E-mail a reminder to everyone invited who has not answered (and has an address)."""
    return {"reminded": services.reminders_send(_round(request, round_id))}


@router.get(
    "orgs/{org}/scan/rounds/{round_id}/actions", response={200: list[ActionOut], **ERRORS}, auth=org_auth(ROUNDS)
)
def list_actions(request: OrgRequest, org: str, round_id: RowId) -> list[ActionOut]:
    actions = Action.objects.filter(round=_round(request, round_id))
    return [ActionOut(id=a.pk, title=a.title, owner_id=a.owner_id, due_on=a.due_on) for a in actions]


@router.post("orgs/{org}/scan/rounds/{round_id}/actions", response={201: ActionOut, **ERRORS}, auth=org_auth(ROUNDS))
def add_action(request: OrgRequest, org: str, round_id: RowId, payload: ActionIn) -> Status[ActionOut]:
    owner = None
    if payload.owner_id is not None:
        owner = get_object_or_404(Person, organisation=request.org, pk=payload.owner_id)
    action = services.action_add(
        scan_round=_round(request, round_id), title=payload.title, owner=owner, due_on=payload.due_on
    )
    return Status(201, ActionOut(id=action.pk, title=action.title, owner_id=action.owner_id, due_on=action.due_on))


@router.get("scan/instrument/{version}", response={200: dict[str, Any], **ERRORS}, auth=None)
def instrument(request: HttpRequest, version: str) -> dict[str, Any]:
    """The questionnaire as data, in Dutch and English (the version a round records)."""
    try:
        load(version)  # known, and valid
    except InstrumentError:
        raise HttpError(404, "No instrument with this version.") from None
    path = Path(instrument_module.__file__).parent / "instruments" / f"balance-{version}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _participation(token: str) -> Any:
    try:
        return services.participation_for(token)
    except services.LinkError as error:
        raise HttpError(410, str(error)) from None


@router.get("scan/answers/{token}", response={200: QuestionnaireOut, 410: Any, **ERRORS}, auth=None)
def questionnaire(request: HttpRequest, token: str) -> QuestionnaireOut:
    """What this link answers: the round, the instrument version, leader or staff, and the saved draft."""
    participation = _participation(token)
    return QuestionnaireOut(
        round_title=participation.round.title, organisation=participation.round.organisation.name,
        instrument_version=participation.round.instrument_version, role=participation.role,
        closes_on=participation.round.closes_on, draft=services.draft_load(token),
    )  # fmt: skip


@router.put("scan/answers/{token}/draft", response={200: dict[str, Any], 410: Any, **ERRORS}, auth=None)
def save_draft(request: HttpRequest, token: str, payload: AnswersIn) -> dict[str, Any]:
    """Save half-way answers (any subset); they can be fetched and sent later with the same link."""
    _participation(token)
    return services.draft_save(token, payload.model_dump())


@router.post("scan/answers/{token}", response={204: None, 410: Any, **ERRORS}, auth=None)
def submit_answers(request: HttpRequest, token: str, payload: AnswersIn) -> Status[None]:
    """Send the answers: every statement answered (null for don't know), every slider, and for leaders a
    prediction per scale of both poles. The link then stops working."""
    _participation(token)
    services.response_submit(token, payload.model_dump())
    return Status(204, None)
