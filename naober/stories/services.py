"""Telling a story: one way for the page and the API."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from naober.contributions.services import default_team, person_of
from naober.orgs.models import Membership, Organisation, Person, Role
from naober.stories.models import INVOLVED, SLIDERS, TRIADS, SelectionPick, SelectionRound, Story

SIGNIFIER_FIELDS = tuple(f"{key}_{corner}" for key, _q, _c in TRIADS for corner in "abc") + tuple(
    key for key, _l, _left, _right in SLIDERS
)


def story_tell(*, membership: Membership, title: str, text: str, visibility: str, **signifiers: Any) -> Story:
    """A story by the member's person, in their first team, with the signifiers given (all optional)."""
    author = person_of(membership)
    unknown = set(signifiers) - {*SIGNIFIER_FIELDS, "tone", "frequency", "involved", "more_or_less"}
    if unknown:
        raise ValidationError(_("Unknown signifiers: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    involved = list(signifiers.pop("involved", None) or [])
    if set(involved) - {key for key, _label in INVOLVED}:
        raise ValidationError({"involved": _("Choose from the listed options.")})
    story = Story(
        organisation_id=membership.organisation_id,
        author=author,
        team=default_team(author),
        title=title.strip(),
        text=text.strip(),
        visibility=visibility,
        involved=involved,
        **{k: ("" if v is None and k in ("tone", "frequency", "more_or_less") else v) for k, v in signifiers.items()},
    )
    story.full_clean()
    story.save()
    return story


def selection_open(
    *, organisation: Organisation, period_start: date, period_end: date, staff_seats: int = 3, seed: int | None = None
) -> SelectionRound:
    """A selection round whose panel is the leadership plus a rotating group of staff: people who were not on
    the previous round's panel come first (DESIGN.md §8; Most Significant Change)."""
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period ends before it starts.")})
    leaders = set(
        Membership.objects.filter(organisation=organisation, role=Role.LEADER, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    previous = SelectionRound.objects.filter(organisation=organisation).order_by("-created_at").first()
    served = set(previous.panel.values_list("pk", flat=True)) if previous else set()
    staff = list(Person.objects.in_org(organisation).current().exclude(pk__in=leaders).order_by("name"))
    rng = random.Random(seed)  # noqa: S311 - a fair rotation, not a secret
    rng.shuffle(staff)
    staff.sort(key=lambda person: person.pk in served)  # stable: who has not served yet comes first
    selection = SelectionRound.objects.create(
        organisation=organisation, period_start=period_start, period_end=period_end
    )
    selection.panel.set([*leaders, *(p.pk for p in staff[:staff_seats])])
    return selection


def selection_pick(
    *, selection: SelectionRound, membership: Membership, coupling: str, story: Story, why: str
) -> SelectionPick:
    """The panel's pick for one coupling (a later pick replaces it); only panel members pick."""
    if membership.person_id is None or not selection.panel.filter(pk=membership.person_id).exists():
        raise PermissionDenied
    if not selection.candidates().filter(pk=story.pk).exists():
        raise ValidationError({"story": _("Pick a story shared with the organisation in this period.")})
    if not why.strip():
        raise ValidationError({"why": _("Write down why this story matters most.")})
    pick, _created = SelectionPick.objects.update_or_create(
        round=selection, coupling=coupling, defaults={"story": story, "why": why.strip()}
    )
    return pick
