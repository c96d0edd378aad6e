"""API of stories: tell one, read those shared with you (names masked where the teller's is), and patterns."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.contributions.views import CONTRIBUTORS
from naober.core.access import EVERYONE, Access, OrgRequest
from naober.orgs.models import Person
from naober.stories import patterns, services
from naober.stories.models import Frequency, MoreOrLess, Story, StoryVisibility, Tone

PATTERNS = Access(read=EVERYONE.read)
router = Router(tags=["stories"])


class Weights(Schema):
    a: float = Field(ge=0, le=1)
    b: float = Field(ge=0, le=1)
    c: float = Field(ge=0, le=1)


class Sliders(Schema):
    meaning_behaviour: int | None = Field(None, ge=0, le=100)
    humanity_result: int | None = Field(None, ge=0, le=100)
    freedom_responsibility: int | None = Field(None, ge=0, le=100)
    direction_collaboration: int | None = Field(None, ge=0, le=100)


class StoryIn(InputSchema):
    title: str = Field(min_length=1, max_length=150)
    text: str = Field(min_length=1, max_length=5000)
    visibility: StoryVisibility = StoryVisibility.TEAM
    tone: Tone | None = None
    frequency: Frequency | None = None
    more_or_less: MoreOrLess | None = None
    involved: list[str] = Field(default_factory=list)
    difference: Weights | None = Field(None, description="What made the difference: clear agreements, craft, help")
    counted: Weights | None = Field(None, description="What counted most: result, people, long term")
    sliders: Sliders | None = None


class StoryOut(Schema):
    id: int
    title: str
    text: str
    author: str | None = Field(description="null when the teller shared it without their name")
    visibility: StoryVisibility
    created_at: datetime
    tone: str
    difference: Weights | None
    counted: Weights | None
    sliders: Sliders


def _weights(story: Story, key: str) -> Weights | None:
    a, b, c = (getattr(story, f"{key}_{corner}") for corner in "abc")
    return None if a is None or b is None or c is None else Weights(a=a, b=b, c=c)


def _out(request: OrgRequest, story: Story, people: list[Person]) -> StoryOut:
    mine = story.author_id == request.membership.person_id
    return StoryOut(
        id=story.pk,
        title=story.title_for(request.membership, people),
        text=story.text_for(request.membership, people),
        author=story.author.name if story.shows_name or mine else None,
        visibility=StoryVisibility(story.visibility),
        created_at=story.created_at,
        tone=story.tone,
        difference=_weights(story, "difference"),
        counted=_weights(story, "counted"),
        sliders=Sliders(**{key: getattr(story, key) for key in Sliders.model_fields}),
    )


@router.get("orgs/{org}/stories", response={200: list[StoryOut], **ERRORS}, auth=org_auth(CONTRIBUTORS))
def list_stories(request: OrgRequest, org: str) -> list[StoryOut]:
    """The stories shared with the caller, newest first; private ones of others never."""
    people = list(Person.objects.in_org(request.org))
    rows = Story.objects.visible_to(request.membership).select_related("author")[:500]
    return [_out(request, story, people) for story in rows]


@router.post("orgs/{org}/stories", response={201: StoryOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def tell_story(request: OrgRequest, org: str, payload: StoryIn) -> Status[StoryOut]:
    sliders = payload.sliders.model_dump() if payload.sliders else {}
    signifiers: dict[str, object] = {k: v for k, v in sliders.items() if v is not None}
    for key in ("difference", "counted"):
        weights = getattr(payload, key)
        if weights is not None:
            if abs(weights.a + weights.b + weights.c - 1) > 0.01:
                raise HttpError(422, f"{key}: the three weights must add up to 1.")
            signifiers.update({f"{key}_a": weights.a, f"{key}_b": weights.b, f"{key}_c": weights.c})
    for key in ("tone", "frequency", "more_or_less"):
        if getattr(payload, key) is not None:
            signifiers[key] = getattr(payload, key)
    story = services.story_tell(
        membership=request.membership, title=payload.title, text=payload.text, visibility=payload.visibility,
        involved=payload.involved, **signifiers,
    )  # fmt: skip
    return Status(201, _out(request, story, list(Person.objects.in_org(request.org))))


@router.get("orgs/{org}/stories/{story_id}", response={200: StoryOut, **ERRORS}, auth=org_auth(CONTRIBUTORS))
def get_story(request: OrgRequest, org: str, story_id: RowId) -> StoryOut:
    """A story the caller may not read is a 404, like one that does not exist."""
    story = get_object_or_404(Story.objects.visible_to(request.membership).select_related("author"), pk=story_id)
    return _out(request, story, list(Person.objects.in_org(request.org)))


@router.get("orgs/{org}/story-patterns", response={200: dict[str, object], **ERRORS}, auth=org_auth(PATTERNS))
def story_patterns(request: OrgRequest, org: str) -> dict[str, object]:
    """Counts, triangle points, slider histograms and themes (words only) of the shared stories; nothing under
    the anonymity threshold."""
    stories = list(Story.objects.for_patterns(request.membership))
    people = list(Person.objects.in_org(request.org))
    data = patterns.build(stories, threshold=request.org.anonymity_threshold, readable_ids=set(), people=people)
    data.pop("choices", None)
    if "themes" in data:
        data["themes"] = [{"words": list(theme["words"])} for theme in data["themes"]]
    if "triangles" in data:
        data["triangles"] = [{"key": t["key"], "points": [list(p) for p in t["points"]]} for t in data["triangles"]]
    if "sliders" in data:
        data["sliders"] = [
            {"key": s["key"], "n": s["n"], "bins": [b["count"] for b in s["bars"]]} for s in data["sliders"]
        ]
    return data
