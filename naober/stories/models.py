"""Stories told and signified by the teller (DESIGN.md §8), with the visibility the teller chooses (§5)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.contributions.models import COLLEAGUE_ROLES, teams_of
from naober.lib.register import DataKind
from naober.orgs.models import Membership, Organisation, Person, Team

PROMPT = _(
    "Think of a moment in recent weeks when you thought: this is how it should be — or: this must never happen "
    "again. What happened?"
)

# The two triangles and the four sliders of DESIGN.md §8. A slider runs between two undesirable ends.
TRIAD_DIFFERENCE = ("difference", _("What made the difference?"),
                    (_("clear agreements"), _("craftsmanship"), _("helping each other")))  # fmt: skip
TRIAD_COUNTED = ("counted", _("What counted most?"), (_("the result"), _("the people"), _("the long term")))
TRIADS = (TRIAD_DIFFERENCE, TRIAD_COUNTED)
SLIDERS = (
    ("meaning_behaviour", _("Meaning and behaviour"),
     _("fine words, nobody acts on them"), _("just doing, nobody knows why")),
    ("humanity_result", _("Humanity and result"),
     _("everyone spared, the result slips"), _("only the figures count")),
    ("freedom_responsibility", _("Freedom and responsibility"),
     _("everyone does their own thing, nobody answers for it"), _("everything has to go through the boss")),
    ("direction_collaboration", _("Direction and collaboration"),
     _("the course comes from above, nobody is asked"), _("endless talking, nobody knows where we go")),
)  # fmt: skip


class Tone(models.TextChoices):
    GOOD = "good", _("This is how it should be")
    BAD = "bad", _("This must never happen again")
    MIXED = "mixed", _("Both")


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    SOMETIMES = "sometimes", _("Now and then")
    OFTEN = "often", _("Often")
    ALWAYS = "always", _("All the time")


class MoreOrLess(models.TextChoices):
    MORE = "more", _("More of this")
    LESS = "less", _("Less of this")
    UNSURE = "unsure", _("I don't know")


INVOLVED = (
    ("me", _("Only me")),
    ("team", _("My team")),
    ("other_teams", _("Other teams")),
    ("customer", _("A customer")),
    ("leadership", _("Leadership")),
    ("supplier", _("A supplier or partner")),
)


class StoryVisibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    TEAM = "team", _("My team")
    ORGANISATION = "organisation", _("The organisation")
    ANONYMOUS = "anonymous", _("The organisation, without my name")


class StoryQuerySet(models.QuerySet["Story"]):
    def visible_to(self, membership: Membership) -> StoryQuerySet:
        """My own stories; those shared with one of my teams; those shared with the organisation (with or without
        the teller's name). Leaders and the coach never see a private story; the coach and the works council see
        stories only as patterns (counts, plots, themes), never one by one."""
        if membership.role not in COLLEAGUE_ROLES:
            return self.none()
        mine = Q(author_id=membership.person_id) if membership.person_id else Q(pk__in=[])
        shared = Q(visibility__in=[StoryVisibility.ORGANISATION, StoryVisibility.ANONYMOUS]) | Q(
            visibility=StoryVisibility.TEAM, team__in=teams_of(membership).values("pk")
        )
        return self.filter(Q(organisation_id=membership.organisation_id) & (mine | shared))

    def for_patterns(self, membership: Membership) -> StoryQuerySet:
        """What the pattern views count: every shared story (not private ones) the reader may know exists. The
        coach and the works council see aggregates of organisation-wide stories; colleagues also their teams'."""
        if membership.role in COLLEAGUE_ROLES:
            return self.visible_to(membership).exclude(visibility=StoryVisibility.PRIVATE)
        return self.filter(
            organisation_id=membership.organisation_id,
            visibility__in=[StoryVisibility.ORGANISATION, StoryVisibility.ANONYMOUS],
        )


class Story(models.Model):
    """A told experience and the teller's own signifiers (verhaal)."""

    transparency = DataKind(
        what=_("Stories: title, text, the teller's signifiers (triangles, sliders, choices), visibility"),
        why=_("Doubt, friction and pride are information about how the work goes, not excuses."),
        who_sees=_(
            "As the teller chooses: only them, their team, the organisation, or the organisation without their "
            "name (names of colleagues in the text are masked too). Leadership and the coach never see a private "
            "story; the coach and the works council see patterns only"
        ),
        kept=_("Until the teller deletes it"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="stories")
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="stories")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="stories")
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("what happened"), max_length=5000)
    # Barycentric weights of the point in each triangle (a + b + c = 1), null when not placed.
    difference_a = models.FloatField(null=True, blank=True)
    difference_b = models.FloatField(null=True, blank=True)
    difference_c = models.FloatField(null=True, blank=True)
    counted_a = models.FloatField(null=True, blank=True)
    counted_b = models.FloatField(null=True, blank=True)
    counted_c = models.FloatField(null=True, blank=True)
    meaning_behaviour = models.PositiveSmallIntegerField(null=True, blank=True)
    humanity_result = models.PositiveSmallIntegerField(null=True, blank=True)
    freedom_responsibility = models.PositiveSmallIntegerField(null=True, blank=True)
    direction_collaboration = models.PositiveSmallIntegerField(null=True, blank=True)
    tone = models.CharField(_("tone"), max_length=10, choices=Tone.choices, blank=True)
    frequency = models.CharField(_("how often this happens"), max_length=10, choices=Frequency.choices, blank=True)
    involved = models.JSONField(_("who was involved"), default=list, blank=True)
    more_or_less = models.CharField(_("more or less of this"), max_length=10, choices=MoreOrLess.choices, blank=True)
    visibility = models.CharField(
        _("who may read it"), max_length=20, choices=StoryVisibility.choices, default=StoryVisibility.TEAM
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering: ClassVar[list[str]] = ["-created_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(meaning_behaviour__lte=100)
                & Q(humanity_result__lte=100)
                & Q(freedom_responsibility__lte=100)
                & Q(direction_collaboration__lte=100),
                name="story_sliders_0_to_100",
            )
        ]
        indexes: ClassVar[list[models.Index]] = [
            # The pattern views: an organisation's stories in a period.
            models.Index(fields=["organisation", "-created_at"], name="story_org_created"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", kwargs={"org": self.organisation.slug, "story_id": self.pk})

    @property
    def shows_name(self) -> bool:
        return self.visibility != StoryVisibility.ANONYMOUS

    def text_for(self, membership: Membership, people: Iterable[Person]) -> str:
        """The text as this reader sees it: names of colleagues masked in an anonymous story (not for the teller)."""
        if self.shows_name or membership.person_id == self.author_id:
            return self.text
        return mask_names(self.text, people)

    def title_for(self, membership: Membership, people: Iterable[Person]) -> str:
        if self.shows_name or membership.person_id == self.author_id:
            return self.title
        return mask_names(self.title, people)


MASK = "[…]"


def mask_names(text: str, people: Iterable[Person]) -> str:
    """Replace every name of a colleague in the text — full names, and first and last names on their own — by
    a mark. Longest first, so "Daan Kamphuis" goes as one; whole words only, any case."""
    parts: set[str] = set()
    for person in people:
        name = person.name.strip()
        if not name:
            continue
        parts.add(name)
        words = name.split()
        if len(words) > 1:
            parts.add(words[0])  # first name
            parts.add(" ".join(w for w in words[1:]))  # "Oude Luttikhuis", "ter Horst"
            parts.add(words[-1])
    for part in sorted((p for p in parts if len(p) >= 2), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", MASK, text, flags=re.IGNORECASE)
    mark = re.escape(MASK)
    return re.sub(rf"{mark}(?:\s+{mark})+", MASK, text)  # "[…] […]" (a first and a last name) as one


class SelectionRound(models.Model):
    """Most Significant Change: a panel picks the most significant story per coupling for a period and writes
    down why; the outcome is shown to everyone in the organisation."""

    transparency = DataKind(
        what=_("Story selection rounds: period, panel, the story picked per coupling and why"),
        why=_("To learn together which stories matter most, and why, instead of counting them."),
        who_sees=_("Everyone in the organisation sees the outcome; the panel sees the candidate stories"),
        kept=_("As long as the organisation uses naober"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="selection_rounds")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    panel: models.ManyToManyField[Person, Any] = models.ManyToManyField(
        Person, related_name="selection_panels", verbose_name=_("panel")
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("selection round")
        verbose_name_plural = _("selection rounds")
        ordering: ClassVar[list[str]] = ["-period_end"]

    def __str__(self) -> str:
        return f"{self.period_start} - {self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse("stories:selection", kwargs={"org": self.organisation.slug, "selection_id": self.pk})

    def candidates(self) -> models.QuerySet[Story]:
        """Stories shared with the organisation (with or without name) told in the period."""
        return Story.objects.filter(
            organisation=self.organisation,
            visibility__in=[StoryVisibility.ORGANISATION, StoryVisibility.ANONYMOUS],
            created_at__date__gte=self.period_start,
            created_at__date__lte=self.period_end,
        ).select_related("author")


class SelectionPick(models.Model):
    transparency = DataKind(
        what=_("The story a selection panel picked for a coupling, and why"),
        why=_("The outcome of a selection round."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as its round"),
        personal=False,
    )

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="picks")
    coupling = models.CharField(_("coupling"), max_length=30, choices=[(k, label) for k, label, _l, _r in SLIDERS])
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="picks")
    why = models.TextField(_("why this story"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("selection pick")
        verbose_name_plural = _("selection picks")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint("round", "coupling", name="selection_one_pick_per_coupling")
        ]

    def __str__(self) -> str:
        return f"{self.coupling}: {self.story}"
