"""Learning reviews (leersessies) per team and the actions they agree on (DESIGN.md §1, §3; issue 6 §5).

A review asks three questions — what works for the customer, for us, and for how we work together? — and
collects insights, placed in a learning grid (experiment, mistake, practice by success, failure), and ends in
actions with an owner and a due date. Every review opens with the open actions of the team's earlier reviews.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind
from naober.orgs.models import Organisation, Person, Team


class Question(models.TextChoices):
    CUSTOMER = "customer", _("What works for the customer?")
    US = "us", _("What works for us?")
    TOGETHER = "together", _("What works for how we work together?")


class Behaviour(models.TextChoices):
    EXPERIMENT = "experiment", _("Experiment")
    MISTAKE = "mistake", _("Mistake")
    PRACTICE = "practice", _("Practice")


class Outcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    FAILURE = "failure", _("Failure")


# Monthly, give or take: the rhythm of a team that has not chosen one yet.
DEFAULT_RHYTHM_WEEKS = 4


class Rhythm(models.Model):
    """How often a team holds a learning review; reminders follow it."""

    transparency = DataKind(
        what=_("Review rhythm per team"),
        why=_("To remind a team when its next learning review is due."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the team"),
        personal=False,
    )

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="review_rhythm")
    every_weeks = models.PositiveSmallIntegerField(_("weeks between reviews"), default=DEFAULT_RHYTHM_WEEKS)

    class Meta:
        verbose_name = _("review rhythm")
        verbose_name_plural = _("review rhythms")

    def __str__(self) -> str:
        return f"{self.team}: {self.every_weeks}"


class Review(models.Model):
    transparency = DataKind(
        what=_("Learning reviews: date, team, insights and who wrote them, the learning grid, actions"),
        why=_("A team learns from its stories and figures and agrees on a few actions it follows up."),
        who_sees=_("The team, its leads, leadership and the coach who facilitates"),
        kept=_("As long as the team"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reviews")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField(_("date"), default=timezone.localdate)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("learning review")
        verbose_name_plural = _("learning reviews")
        ordering: ClassVar[list[str]] = ["-held_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.team} {self.held_on}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:review", kwargs={"org": self.organisation.slug, "review_id": self.pk})


class Insight(models.Model):
    transparency = DataKind(
        what=_("Insights written in a learning review, with who wrote them"),
        why=_("What the team learnt, in its own words."),
        who_sees=_("As its review"),
        kept=_("As long as its review"),
    )

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="insights")
    question = models.CharField(_("question"), max_length=10, choices=Question.choices)
    text = models.CharField(_("insight"), max_length=500)
    behaviour = models.CharField(_("kind"), max_length=10, choices=Behaviour.choices, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    author = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("insight")
        verbose_name_plural = _("insights")
        ordering: ClassVar[list[str]] = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text


class ReviewActionQuerySet(models.QuerySet["ReviewAction"]):
    def open(self) -> ReviewActionQuerySet:
        return self.filter(done_on__isnull=True)

    def overdue(self, today: date) -> ReviewActionQuerySet:
        return self.open().filter(due_on__lt=today)


class ReviewAction(models.Model):
    transparency = DataKind(
        what=_("Actions from learning reviews: what, who takes it up, by when, when it was done"),
        why=_("Follow-through: every review starts with the open actions of the ones before."),
        who_sees=_("As its review"),
        kept=_("As long as its review"),
    )

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who takes it up")
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("review action")
        verbose_name_plural = _("review actions")
        ordering: ClassVar[list[str]] = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


def next_review_due(team: Team, last: Review | None, today: date) -> date:
    weeks = team.review_rhythm.every_weeks if hasattr(team, "review_rhythm") else DEFAULT_RHYTHM_WEEKS
    return (last.held_on if last else today) + timedelta(weeks=weeks)
