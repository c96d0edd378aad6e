"""The balance scan (DESIGN.md §7): rounds, who is invited, and anonymous answers kept apart from people.

Three tables keep three things apart, and no table holds a person or a link token together with answers:

- `Participation`: who is invited, with the hash of their link's token and whether they responded — never what.
- `Draft`: half-way answers, encrypted with a key derived from the token and found by another hash of it, so
  only the holder of the link can read or even locate them. Deleted on submission.
- `Response`: the submitted answers with only the round, the role group and (for staff) the team. No person,
  no token, no time, and a random primary key, so it cannot be lined up with `Participation.responded_at`.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind
from naober.orgs.models import Organisation, Person, Team


class RoleGroup(models.TextChoices):
    LEADER = "leader", _("Leaders")
    STAFF = "staff", _("Staff")


class ScanRoundQuerySet(models.QuerySet["ScanRound"]):
    def in_org(self, organisation: Organisation) -> ScanRoundQuerySet:
        return self.filter(organisation=organisation)


class ScanRound(models.Model):
    transparency = DataKind(
        what=_("Balance scan rounds: title, teams, closing date, instrument version"),
        why=_("To ask leaders and staff where the organisation stands, and to compare with the previous round."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the organisation uses naober"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="scan_rounds")
    title = models.CharField(_("title"), max_length=150)
    instrument_version = models.CharField(_("instrument version"), max_length=20)
    teams: models.ManyToManyField[Team, Any] = models.ManyToManyField(
        Team, blank=True, related_name="scan_rounds", verbose_name=_("teams (none: the whole organisation)")
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ScanRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("scan round")
        verbose_name_plural = _("scan rounds")
        ordering: ClassVar[list[str]] = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("scan:round", kwargs={"org": self.organisation.slug, "round_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and self.closes_on >= timezone.localdate()


class Participation(models.Model):
    """An invitation to one round: who, and whether they responded. Never what they answered."""

    transparency = DataKind(
        what=_("Scan invitations: who is invited to a round, by e-mail or on paper, and whether they responded"),
        why=_("So that reminders go only to people who have not answered. What someone answered is not here."),
        who_sees=_("Leadership and the coach, who run the round"),
        kept=_("As long as the round"),
    )

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="scan_participations")
    role = models.CharField(max_length=10, choices=RoleGroup.choices)
    # The team the answers are reported in (staff only; leaders are one group across teams).
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    # The token itself, encrypted with the server's key: reminders and reprinted letters carry the same link,
    # so a half-way draft survives them.
    token_sealed = models.TextField()
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("scan invitation")
        verbose_name_plural = _("scan invitations")
        ordering: ClassVar[list[str]] = ["round", "person__name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint("round", "person", name="participation_one_per_person_and_round")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.round}"


class Draft(models.Model):
    """Half-way answers, readable only with the link: found by a hash of the token, encrypted with a key from it."""

    transparency = DataKind(
        what=_("Half-way scan answers, encrypted with the personal link; deleted when the answers are sent"),
        why=_("So a questionnaire can be saved and finished later."),
        who_sees=_("Only whoever holds the personal link"),
        kept=_("Until the answers are sent, or the round is deleted"),
    )

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="+")
    lookup = models.CharField(max_length=64, unique=True)
    sealed_answers = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scan draft")
        verbose_name_plural = _("scan drafts")

    def __str__(self) -> str:
        return f"draft {self.lookup[:8]}"


class Response(models.Model):
    """Submitted answers, anonymous: the round, the role group and the team. Nothing else."""

    transparency = DataKind(
        what=_("Scan answers, anonymous: only the round, leader or staff, and the team; no name, no link, no time"),
        why=_(
            "The balance scan's report. Nobody ever sees one person's answers; "
            "groups under the threshold are not shown."
        ),
        who_sees=_("Nobody individually; everyone sees the report of groups large enough to stay anonymous"),
        kept=_("As long as the organisation uses naober, for the trend between rounds"),
        personal=False,
    )

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="responses")
    role = models.CharField(max_length=10, choices=RoleGroup.choices)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answers = models.JSONField()

    class Meta:
        verbose_name = _("scan response")
        verbose_name_plural = _("scan responses")

    def __str__(self) -> str:
        return f"response to {self.round_id}"


class Action(models.Model):
    """One of the one to three actions a round ends in (until learning reviews exist: an action list)."""

    transparency = DataKind(
        what=_("Actions chosen after a scan round: what, who takes it up, by when"),
        why=_("A scan ends in a few actions, followed up, not in a report in a drawer."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the round"),
        personal=False,
    )

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who takes it up")
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("scan action")
        verbose_name_plural = _("scan actions")
        ordering: ClassVar[list[str]] = ["created_at"]

    def __str__(self) -> str:
        return self.title


MAX_ACTIONS = 3
