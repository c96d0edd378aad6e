"""Learning reviews: start one, add insights and actions, follow them up, and remind by e-mail."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.orgs.models import Person, Team
from naober.reviews.models import Insight, Review, ReviewAction, Rhythm, next_review_due

# A rhythm between every week and twice a year: outside it a reminder is noise or comes too late to matter.
RHYTHM_WEEKS = (1, 26)


def review_start(*, team: Team) -> Review:
    return Review.objects.create(organisation_id=team.organisation_id, team=team)


def rhythm_set(*, team: Team, every_weeks: int) -> Rhythm:
    """Set how often the team holds a learning review; the reminders follow the new rhythm at once."""
    low, high = RHYTHM_WEEKS
    if not low <= every_weeks <= high:
        raise ValidationError(
            {"every_weeks": _("Choose between %(low)s and %(high)s weeks.") % {"low": low, "high": high}}
        )
    rhythm, _created = Rhythm.objects.update_or_create(team=team, defaults={"every_weeks": every_weeks})
    return rhythm


def open_actions_before(review: Review) -> list[ReviewAction]:
    """The open actions of the team's earlier reviews: every review starts with them."""
    return list(
        ReviewAction.objects.open()
        .filter(review__team=review.team, review__created_at__lt=review.created_at)
        .select_related("owner", "review")
    )


def insight_add(*, review: Review, question: str, text: str, author: Person | None,
                behaviour: str = "", outcome: str = "") -> Insight:  # fmt: skip
    if review.closed_at is not None:
        raise ValidationError(_("This review is closed."))
    insight = Insight(review=review, question=question, text=text.strip(), author=author, behaviour=behaviour,
                      outcome=outcome)  # fmt: skip
    insight.full_clean()
    insight.save()
    return insight


def action_add(*, review: Review, title: str, owner: Person | None = None, due_on: date | None = None) -> ReviewAction:
    if owner is not None and owner.organisation_id != review.organisation_id:
        raise ValidationError({"owner": _("That person is not in this organisation.")})
    action = ReviewAction(review=review, title=title.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    action.save()
    return action


def action_done(*, action: ReviewAction) -> None:
    action.done_on = timezone.localdate()
    action.save(update_fields=["done_on"])


def reminders_send(*, today: date | None = None) -> tuple[int, int]:
    """E-mail team leads whose team's review is due (by its rhythm) within two days or past, and owners of
    overdue actions (at most once a week per action). Returns (review reminders, action reminders)."""
    today = today or timezone.localdate()
    reviews_sent = 0
    for team in Team.objects.filter(Q(reviews__isnull=False) | Q(review_rhythm__isnull=False)).distinct():
        last = team.reviews.order_by("-held_on").first()
        due = next_review_due(team, last, today)
        if (due - today).days <= 2:
            leads = [p.email for p in team.leads.all() if p.email]
            if leads:
                subject = _("Learning review due: %(team)s") % {"team": team.name}
                body = _("The next learning review of %(team)s is due on %(date)s.") % {"team": team.name, "date": due}
                _mail(leads, subject, body)
                reviews_sent += 1
    actions_sent = 0
    for action in ReviewAction.objects.overdue(today).select_related("owner", "review__team"):
        if action.owner is None or not action.owner.email:
            continue
        if action.reminded_on is not None and (today - action.reminded_on).days < 7:
            continue
        _mail([action.owner.email], _("Action overdue: %(title)s") % {"title": action.title},
              _("The action “%(title)s” of %(team)s was due on %(date)s.")
              % {"title": action.title, "team": action.review.team.name, "date": action.due_on})  # fmt: skip
        action.reminded_on = today
        action.save(update_fields=["reminded_on"])
        actions_sent += 1
    return reviews_sent, actions_sent


def _mail(to: list[str], subject: str, body: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(str(subject), str(body), None, to)
