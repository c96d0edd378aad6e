"""Contributions, help, appreciation and craft commitments (DESIGN.md §1, §3: Contribute and learn).

Nothing here is counted per person, ranked or scored: the pages show what people did and thank each other
for, and the organisation overview counts per team only. The transparency register says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.goals.models import Goal, Value
from naober.lib.register import DataKind
from naober.orgs.models import Membership, Organisation, Person, Role, Team

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

# Roles that take part in the team's daily work: they contribute and see what colleagues share. The coach and
# the works council see team-level figures only (DESIGN.md §2).
COLLEAGUE_ROLES = frozenset({Role.LEADER, Role.TEAM_LEAD, Role.MEMBER})


def teams_of(membership: Membership) -> models.QuerySet[Team]:
    """The teams the member belongs to or leads: whom they share with, and whose shares they see."""
    if membership.person_id is None:
        return Team.objects.none()
    return Team.objects.filter(Q(members=membership.person_id) | Q(leads=membership.person_id)).distinct()


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    TEAM = "team", _("My team")
    ORGANISATION = "organisation", _("The whole organisation")


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def visible_to(self, membership: Membership) -> ContributionQuerySet:
        """Own contributions, those shared with one of my teams, and those shared with everyone.

        Leaders, coaches and the works council never see a private contribution: a leader sees a team's
        contributions only as a member of that team, like everyone else."""
        if membership.organisation_id is None or membership.role not in COLLEAGUE_ROLES:
            return self.none()
        mine = Q(author_id=membership.person_id) if membership.person_id else Q(pk__in=[])
        shared = Q(visibility=Visibility.ORGANISATION) | Q(
            visibility=Visibility.TEAM, team__in=teams_of(membership).values("pk")
        )
        return self.filter(Q(organisation_id=membership.organisation_id) & (mine | shared))


class Contribution(models.Model):
    """What someone did, and what the customer will notice of it tomorrow (bijdrage)."""

    transparency = DataKind(
        what=_("Contributions: what someone did, what the customer will notice, goal or value, who was helped"),
        why=_(
            "So people own their contribution and a team sees what works. Never used in appraisals: nothing "
            "counts, ranks or scores contributions per person."
        ),
        who_sees=_("The author; the team or the organisation only when the author shares it; never the coach"),
        kept=_("Until the author deletes it"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contributions")
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions")
    text = models.CharField(_("what I did"), max_length=500)
    customer_notice = models.CharField(_("what the customer will notice of it tomorrow"), max_length=500, blank=True)
    goal = models.ForeignKey(Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions")
    value = models.ForeignKey(
        # RESTRICT, not PROTECT: a value in use is never deleted on its own (retire it), yet the organisation can
        # still be deleted with everything in it, contributions and values in one cascade.
        Value,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("value"),
    )
    visibility = models.CharField(
        _("who may see it"), max_length=20, choices=Visibility.choices, default=Visibility.TEAM
    )
    occurred_on = models.DateField(_("date"), default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ContributionQuerySet.as_manager()

    if TYPE_CHECKING:
        help_records: RelatedManager[Help]

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering: ClassVar[list[str]] = ["-occurred_on", "-created_at"]
        indexes: ClassVar[list[models.Index]] = [
            # The team timeline and the overview: a team's contributions, newest first.
            models.Index(fields=["organisation", "team", "-occurred_on"], name="contribution_team_timeline"),
        ]

    def __str__(self) -> str:
        return self.text


class HelpStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Not recognised")


class HelpQuerySet(models.QuerySet["Help"]):
    def visible_to(self, membership: Membership) -> HelpQuerySet:
        """Help is visible (DESIGN.md §3): once confirmed, to every colleague; before that, to the two people."""
        if membership.role not in COLLEAGUE_ROLES:
            return self.none()
        mine = Q(helper_id=membership.person_id) | Q(helped_id=membership.person_id) if membership.person_id else Q()
        confirmed = Q(status=HelpStatus.CONFIRMED)
        condition = (confirmed | mine) if membership.person_id else confirmed
        return self.filter(Q(organisation_id=membership.organisation_id) & condition)

    def awaiting(self, person: Person) -> HelpQuerySet:
        """Help someone else recorded that this person is asked to confirm."""
        return self.filter(status=HelpStatus.PENDING).filter(
            Q(helper=person) & ~Q(recorded_by=person) | Q(helped=person) & ~Q(recorded_by=person)
        )


class Help(models.Model):
    """Work done for a colleague's customers or tasks (hulp). Recorded by one of the two, confirmed by the other."""

    transparency = DataKind(
        what=_("Help between colleagues: who helped whom, with what, and whether the other confirmed it"),
        why=_(
            "Help is work too and should be visible. It is never scored against anyone: the organisation sees "
            "only counts per team."
        ),
        who_sees=_("The two people; once confirmed, colleagues (leadership, team leads, employees)"),
        kept=_("Until one of the two deletes it"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="help_records")
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="help_given")
    helped = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="help_received")
    recorded_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="help_recorded")
    contribution = models.ForeignKey(
        Contribution, on_delete=models.SET_NULL, null=True, blank=True, related_name="help_records"
    )
    description = models.CharField(_("with what"), max_length=500, blank=True)
    occurred_on = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=HelpStatus.choices, default=HelpStatus.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = HelpQuerySet.as_manager()

    class Meta:
        verbose_name = _("help")
        verbose_name_plural = _("help")
        ordering: ClassVar[list[str]] = ["-occurred_on", "-created_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~Q(helper=models.F("helped")), name="help_between_two_people"),
            models.CheckConstraint(
                condition=Q(recorded_by=models.F("helper")) | Q(recorded_by=models.F("helped")),
                name="help_recorded_by_one_of_the_two",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            # The overview's team counts and the timeline: confirmed help in a period.
            models.Index(fields=["organisation", "status", "occurred_on"], name="help_status_date"),
        ]

    def __str__(self) -> str:
        return f"{self.helper} → {self.helped}: {self.description}"

    @property
    def confirmer(self) -> Person:
        """Who is asked to confirm: the other one of the two."""
        return self.helped if self.recorded_by_id == self.helper_id else self.helper


class AppreciationQuerySet(models.QuerySet["Appreciation"]):
    def visible_to(self, membership: Membership) -> AppreciationQuerySet:
        """A thank-you is seen by the two people, and by whoever may see what it thanks for."""
        if membership.role not in COLLEAGUE_ROLES:
            return self.none()
        contributions = Contribution.objects.visible_to(membership).values("pk")
        help_records = Help.objects.visible_to(membership).values("pk")
        condition = Q(contribution__in=contributions) | Q(help__in=help_records)
        if membership.person_id:
            condition |= Q(sender_id=membership.person_id) | Q(recipient_id=membership.person_id)
        return self.filter(Q(organisation_id=membership.organisation_id) & condition)


class Appreciation(models.Model):
    """A thank-you with a sentence, for a contribution or for help (waardering). No points, no counters."""

    transparency = DataKind(
        what=_("Appreciation: a thank-you with a sentence, who thanked whom, for which contribution or help"),
        why=_("Saying thank you is part of helping each other. Never counted per person or ranked."),
        who_sees=_("The two people, and whoever may see what it thanks for"),
        kept=_("As long as the contribution or help it thanks for"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="appreciations")
    sender = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appreciations_given")
    recipient = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appreciations_received")
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, null=True, blank=True, related_name="appreciations"
    )
    help = models.ForeignKey(Help, on_delete=models.CASCADE, null=True, blank=True, related_name="appreciations")
    message = models.CharField(_("thank-you"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AppreciationQuerySet.as_manager()

    class Meta:
        verbose_name = _("appreciation")
        verbose_name_plural = _("appreciations")
        ordering: ClassVar[list[str]] = ["-created_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(contribution__isnull=False, help__isnull=True)
                | Q(contribution__isnull=True, help__isnull=False),
                name="appreciation_for_one_thing",
            ),
            models.CheckConstraint(condition=~Q(sender=models.F("recipient")), name="appreciation_for_someone_else"),
        ]

    def __str__(self) -> str:
        return self.message


class CraftCommitmentQuerySet(models.QuerySet["CraftCommitment"]):
    def visible_to(self, membership: Membership) -> CraftCommitmentQuerySet:
        """My own, and those colleagues in my teams chose to share. Private ones: nobody else, leaders neither."""
        if membership.role not in COLLEAGUE_ROLES or membership.person_id is None:
            return self.none()
        my_teams = teams_of(membership).values("pk")
        shared = Q(shared=True) & (Q(person__teams__in=my_teams) | Q(person__led_teams__in=my_teams))
        return self.filter(
            Q(organisation_id=membership.organisation_id) & (Q(person_id=membership.person_id) | shared)
        ).distinct()


class CraftCommitment(models.Model):
    """What someone wants to master or contribute this period, chosen by themself (vakmanschapsvoornemen)."""

    transparency = DataKind(
        what=_("Craft commitments and reflections: what someone wants to master, and how it goes"),
        why=_("For the person's own growth. Private unless they share it with their team; never used in appraisals."),
        who_sees=_("The person; their team only when they share it; never leadership or the coach otherwise"),
        kept=_("Until the person deletes it"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="craft_commitments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="craft_commitments")
    title = models.CharField(_("what I want to master or contribute"), max_length=300)
    period_start = models.DateField(_("from"), default=timezone.localdate)
    period_end = models.DateField(_("until"), null=True, blank=True)
    shared = models.BooleanField(_("share with my team"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CraftCommitmentQuerySet.as_manager()

    if TYPE_CHECKING:
        reflections: RelatedManager[Reflection]

    class Meta:
        verbose_name = _("craft commitment")
        verbose_name_plural = _("craft commitments")
        ordering: ClassVar[list[str]] = ["-period_start", "-created_at"]

    def __str__(self) -> str:
        return self.title


class Reflection(models.Model):
    """A note over time on a craft commitment: how it goes, what I learnt."""

    transparency = DataKind(
        what=_("Reflections on craft commitments"),
        why=_("So a commitment is followed over time, by the person themself."),
        who_sees=_("The same people as the craft commitment it belongs to"),
        kept=_("As long as the craft commitment it belongs to"),
    )

    commitment = models.ForeignKey(CraftCommitment, on_delete=models.CASCADE, related_name="reflections")
    text = models.CharField(_("reflection"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering: ClassVar[list[str]] = ["created_at"]

    def __str__(self) -> str:
        return self.text
