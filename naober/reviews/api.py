"""API of learning reviews and their actions, and of story selection rounds."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import Field

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.core.access import OrgRequest
from naober.orgs.models import Person, Team
from naober.reviews import services
from naober.reviews.models import Behaviour, Outcome, Question, Review, ReviewAction, next_review_due
from naober.reviews.views import REVIEWS, _review, _team_for, _weeks, may_set_rhythm
from naober.stories import services as story_services
from naober.stories.models import SelectionRound, Story
from naober.stories.views import PICKING

router = Router(tags=["learning reviews"])


class InsightOut(Schema):
    id: int
    question: Question
    text: str
    behaviour: str
    outcome: str
    author: str | None


class ActionOut(Schema):
    id: int
    review_id: int
    title: str
    owner_id: int | None
    due_on: date | None
    done_on: date | None


class ReviewOut(Schema):
    id: int
    team_id: int
    held_on: date
    closed: bool
    insights: list[InsightOut]
    actions: list[ActionOut]
    open_before: list[ActionOut] = Field(description="Open actions of the team's earlier reviews")


class InsightIn(InputSchema):
    question: Question
    text: str = Field(min_length=1, max_length=500)
    behaviour: Behaviour | None = None
    outcome: Outcome | None = None


class ActionIn(InputSchema):
    title: str = Field(min_length=1, max_length=300)
    owner_id: RowId | None = None
    due_on: date | None = None


class ActionPatch(InputSchema):
    done: bool


class PickOut(Schema):
    coupling: str
    story_id: int
    why: str


class SelectionOut(Schema):
    id: int
    period_start: date
    period_end: date
    panel_ids: list[int]
    picks: list[PickOut]
    created_at: datetime


class PickIn(InputSchema):
    coupling: str = Field(
        pattern="^(meaning_behaviour|humanity_result|freedom_responsibility|direction_collaboration)$"
    )
    story_id: RowId
    why: str = Field(min_length=1, max_length=2000)


def _action_out(a: ReviewAction) -> ActionOut:
    return ActionOut(
        id=a.pk, review_id=a.review_id, title=a.title, owner_id=a.owner_id, due_on=a.due_on, done_on=a.done_on
    )


def _review_out(review: Review) -> ReviewOut:
    insights = [
        InsightOut(
            id=i.pk,
            question=Question(i.question),
            text=i.text,
            behaviour=i.behaviour,
            outcome=i.outcome,
            author=i.author.name if i.author else None,
        )
        for i in review.insights.select_related("author")
    ]
    return ReviewOut(
        id=review.pk, team_id=review.team_id, held_on=review.held_on, closed=review.closed_at is not None,
        insights=insights, actions=[_action_out(a) for a in review.actions.all()],
        open_before=[_action_out(a) for a in services.open_actions_before(review)],
    )  # fmt: skip


class RhythmOut(Schema):
    team_id: int
    every_weeks: int
    next_due: date = Field(description="When the next learning review is due, by this rhythm")


class RhythmIn(InputSchema):
    every_weeks: int = Field(ge=services.RHYTHM_WEEKS[0], le=services.RHYTHM_WEEKS[1])


def _rhythm_out(team: Team) -> RhythmOut:
    last = team.reviews.order_by("-held_on").first()
    due = next_review_due(team, last, timezone.localdate())
    return RhythmOut(team_id=team.pk, every_weeks=_weeks(team), next_due=due)


@router.get("orgs/{org}/teams/{team_id}/review-rhythm", response={200: RhythmOut, **ERRORS}, auth=org_auth(REVIEWS))
def get_rhythm(request: OrgRequest, org: str, team_id: RowId) -> RhythmOut:
    return _rhythm_out(_team_for(request, team_id))


@router.put("orgs/{org}/teams/{team_id}/review-rhythm", response={200: RhythmOut, **ERRORS}, auth=org_auth(REVIEWS))
def set_rhythm(request: OrgRequest, org: str, team_id: RowId, payload: RhythmIn) -> RhythmOut:
    """Leadership, the coach and the team's own leads set the rhythm; others get 403."""
    team = _team_for(request, team_id)
    if not may_set_rhythm(request, team):
        raise PermissionDenied
    services.rhythm_set(team=team, every_weeks=payload.every_weeks)
    team.refresh_from_db()
    return _rhythm_out(team)


@router.get("orgs/{org}/teams/{team_id}/reviews", response={200: list[ReviewOut], **ERRORS}, auth=org_auth(REVIEWS))
def list_reviews(request: OrgRequest, org: str, team_id: RowId) -> list[ReviewOut]:
    return [_review_out(r) for r in _team_for(request, team_id).reviews.all()]


@router.post("orgs/{org}/teams/{team_id}/reviews", response={201: ReviewOut, **ERRORS}, auth=org_auth(REVIEWS))
def start_review(request: OrgRequest, org: str, team_id: RowId) -> Status[ReviewOut]:
    return Status(201, _review_out(services.review_start(team=_team_for(request, team_id))))


@router.get("orgs/{org}/reviews/{review_id}", response={200: ReviewOut, **ERRORS}, auth=org_auth(REVIEWS))
def get_review(request: OrgRequest, org: str, review_id: RowId) -> ReviewOut:
    return _review_out(_review(request, review_id))


@router.post("orgs/{org}/reviews/{review_id}/insights", response={201: InsightOut, **ERRORS}, auth=org_auth(REVIEWS))
def add_insight(request: OrgRequest, org: str, review_id: RowId, payload: InsightIn) -> Status[InsightOut]:
    insight = services.insight_add(
        review=_review(request, review_id), question=payload.question, text=payload.text,
        behaviour=payload.behaviour or "", outcome=payload.outcome or "", author=request.membership.person,
    )  # fmt: skip
    return Status(201, InsightOut(id=insight.pk, question=Question(insight.question), text=insight.text,
                                  behaviour=insight.behaviour, outcome=insight.outcome,
                                  author=insight.author.name if insight.author else None))  # fmt: skip


@router.post("orgs/{org}/reviews/{review_id}/actions", response={201: ActionOut, **ERRORS}, auth=org_auth(REVIEWS))
def add_action(request: OrgRequest, org: str, review_id: RowId, payload: ActionIn) -> Status[ActionOut]:
    owner = get_object_or_404(Person, organisation=request.org, pk=payload.owner_id) if payload.owner_id else None
    action = services.action_add(
        review=_review(request, review_id), title=payload.title, owner=owner, due_on=payload.due_on
    )
    return Status(201, _action_out(action))


@router.patch("orgs/{org}/review-actions/{action_id}", response={200: ActionOut, **ERRORS}, auth=org_auth(REVIEWS))
def update_action(request: OrgRequest, org: str, action_id: RowId, payload: ActionPatch) -> ActionOut:
    """Mark an action done (or open again)."""
    action = get_object_or_404(ReviewAction, review__organisation=request.org, pk=action_id)
    _team_for(request, action.review.team_id)
    if payload.done:
        services.action_done(action=action)
    else:
        action.done_on = None
        action.save(update_fields=["done_on"])
    return _action_out(action)


def _selection_out(s: SelectionRound) -> SelectionOut:
    return SelectionOut(
        id=s.pk, period_start=s.period_start, period_end=s.period_end,
        panel_ids=sorted(s.panel.values_list("pk", flat=True)), created_at=s.created_at,
        picks=[PickOut(coupling=p.coupling, story_id=p.story_id, why=p.why) for p in s.picks.all()],
    )  # fmt: skip


@router.get("orgs/{org}/story-selections", response={200: list[SelectionOut], **ERRORS}, auth=org_auth(PICKING))
def list_selections(request: OrgRequest, org: str) -> list[SelectionOut]:
    """Selection rounds and their outcome: the story picked per coupling and why (shown to everyone)."""
    return [_selection_out(s) for s in SelectionRound.objects.filter(organisation=request.org)]


@router.post(
    "orgs/{org}/story-selections/{selection_id}/picks", response={200: SelectionOut, **ERRORS}, auth=org_auth(PICKING)
)
def pick_story(request: OrgRequest, org: str, selection_id: RowId, payload: PickIn) -> SelectionOut:
    """The panel's pick for a coupling; only panel members (else 403), only stories shared with the organisation
    in the period (else 422)."""
    selection = get_object_or_404(SelectionRound, organisation=request.org, pk=selection_id)
    story = get_object_or_404(Story, organisation=request.org, pk=payload.story_id)
    story_services.selection_pick(
        selection=selection, membership=request.membership, coupling=payload.coupling, story=story, why=payload.why
    )
    return _selection_out(selection)
