"""The demo's learning reviews and story selection rounds (DESIGN.md §8, §9): a year of reviews per team on its
rhythm, followed-up actions, and a panel that picks a story per coupling and says why."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from naober.cli import main
from naober.core.demo import DEMO_SLUG, TALES, TEAMS, picks_for
from naober.orgs.models import Organisation, Role
from naober.reviews.models import Behaviour, Outcome, Question, Review, ReviewAction, next_review_due
from naober.reviews.services import open_actions_before, reminders_send
from naober.stories.models import SLIDERS, SelectionRound, StoryVisibility
from naober.stories.services import selection_pick

pytestmark = pytest.mark.django_db

COUPLINGS = {key for key, _label, _left, _right in SLIDERS}
SHARED = (StoryVisibility.ORGANISATION, StoryVisibility.ANONYMOUS)


@pytest.fixture
def org() -> Organisation:
    assert main(["demo"]) == 0
    return Organisation.objects.get(slug=DEMO_SLUG)


def _reviews(team_name: str) -> list[Review]:
    return list(Review.objects.filter(team__name=team_name).order_by("held_on"))


def test_every_team_holds_about_a_year_of_closed_reviews_on_its_rhythm(org: Organisation) -> None:
    today = timezone.localdate()
    for team in org.teams.all():
        weeks = team.review_rhythm.every_weeks
        assert 4 <= weeks <= 6, team.name
        reviews = _reviews(team.name)
        assert len(reviews) >= 8, team.name
        assert 300 <= (today - reviews[0].held_on).days <= 365, team.name  # a year back, not more
        assert (today - reviews[-1].held_on).days <= weeks * 7, team.name  # the latest within its rhythm
        gaps = {(later.held_on - earlier.held_on).days for earlier, later in itertools.pairwise(reviews)}
        assert gaps == {weeks * 7}, team.name
        assert all(review.held_on.weekday() < 5 for review in reviews)
        for review in reviews:
            assert review.closed_at is not None, review  # none left open
            assert timezone.localtime(review.created_at).date() == review.held_on
            assert review.created_at < review.closed_at < review.created_at + timedelta(hours=3)
    assert org.teams.get(name="Binnendienst").review_rhythm.every_weeks == 4


def test_every_review_has_insights_and_actions_by_people_of_its_team(org: Organisation) -> None:
    grid: Counter[tuple[str, str]] = Counter()
    for review in Review.objects.filter(organisation=org).prefetch_related("insights", "actions", "team__members"):
        members = {person.pk for person in review.team.members.all()}
        insights = list(review.insights.all())
        assert 3 <= len(insights) <= 8, review
        assert len({insight.question for insight in insights}) >= 2, review  # spread over the questions
        assert all(insight.author_id in members for insight in insights), review
        assert review.closed_at is not None
        assert all(review.created_at <= insight.created_at <= review.closed_at for insight in insights)
        for insight in insights:
            assert bool(insight.behaviour) == bool(insight.outcome)  # placed in the grid, or not at all
            if insight.behaviour:
                grid[(insight.behaviour, insight.outcome)] += 1
        actions = list(review.actions.all())
        assert 1 <= len(actions) <= 3, review
        assert all(
            action.owner_id in members and action.due_on and action.due_on > review.held_on for action in actions
        )
    assert set(grid) == {(behaviour, outcome) for behaviour in Behaviour for outcome in Outcome}
    questions = Counter(Review.objects.filter(organisation=org).values_list("insights__question", flat=True))
    assert set(questions) == set(Question) and min(questions.values()) >= 30


def test_most_actions_are_done_some_late_some_still_open_and_a_few_overdue(org: Organisation) -> None:
    today = timezone.localdate()
    actions = list(ReviewAction.objects.filter(review__organisation=org).select_related("review"))
    done = [action for action in actions if action.done_on is not None]
    assert len(done) >= 0.7 * len(actions)
    assert all(action.review.held_on < action.done_on <= today for action in done if action.done_on)
    late = [action for action in done if action.done_on and action.due_on and action.done_on > action.due_on]
    assert 3 <= len(late) <= len(done) / 3
    overdue = ReviewAction.objects.filter(review__organisation=org).overdue(today)
    assert 2 <= overdue.count() <= 3
    still_open = ReviewAction.objects.filter(review__organisation=org).open()
    assert still_open.count() > overdue.count()  # open, but not all of it late
    assert all(action.reminded_on is None for action in actions)


def test_the_latest_review_of_each_team_opens_with_open_actions_of_earlier_ones(org: Organisation) -> None:
    longest = 0
    for team in org.teams.all():
        reviews = _reviews(team.name)
        latest = reviews[-1]
        carried = open_actions_before(latest)
        assert carried, team.name
        assert all(action.review.held_on < latest.held_on for action in carried)
        longest = max(longest, sum(action.review.held_on < review.held_on for action in carried for review in reviews))
    assert longest >= 3  # an action that stays open over several reviews


def test_binnendienst_moves_from_helping_after_the_own_target_to_a_shared_queue(org: Organisation) -> None:
    reviews = _reviews("Binnendienst")

    def texts(part: list[Review]) -> str:
        return " ".join(text for review in part for text in review.insights.values_list("text", flat=True)).lower()

    early, late = texts(reviews[:5]), texts(reviews[-5:])
    assert "target" in early and "twintigste" in early and "twee keer gebeld" in early
    assert "gezamenlijke mailbox" not in early
    assert "gezamenlijke mailbox" in late and "wachtrij" in late and "binnen een werkdag" in late
    assert "particulieren hengelo" in late  # honest: the busiest portfolio still waits longest


def test_the_closed_round_picks_a_story_per_coupling_by_the_panel_and_the_open_round_rotates_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pickers: list[tuple[int, int | None]] = []

    def spy(**kwargs: Any) -> Any:
        pickers.append((kwargs["selection"].pk, kwargs["membership"].person_id))
        return selection_pick(**kwargs)

    monkeypatch.setattr("naober.core.demo.selection_pick", spy)  # who picks is not stored; watch the calls
    assert main(["demo"]) == 0
    org = Organisation.objects.get(slug=DEMO_SLUG)
    closed, current = SelectionRound.objects.filter(organisation=org).order_by("period_start")
    today = timezone.localdate()
    assert closed.closed_at is not None and current.closed_at is None
    assert closed.period_end < current.period_start <= today <= current.period_end
    assert (current.period_start - closed.period_start).days in range(89, 93)  # a quarter
    picks = list(closed.picks.select_related("story"))
    assert {pick.coupling for pick in picks} == COUPLINGS
    assert len({pick.story_id for pick in picks}) == len(picks)
    for made in picks:
        assert made.story.visibility in SHARED
        assert closed.period_start <= timezone.localtime(made.story.created_at).date() <= closed.period_end
        assert 1 <= made.why.count(".") <= 3 and len(made.why) > 40
    assert current.picks.count() <= 2
    assert pickers and len(pickers) == closed.picks.count() + current.picks.count()
    for selection_id, person_id in pickers:
        assert SelectionRound.objects.get(pk=selection_id).panel.filter(pk=person_id).exists()
    leaders = set(org.memberships.filter(role=Role.LEADER).values_list("person_id", flat=True))
    closed_staff = set(closed.panel.values_list("pk", flat=True)) - leaders
    current_staff = set(current.panel.values_list("pk", flat=True)) - leaders
    assert leaders <= set(current.panel.values_list("pk", flat=True))
    assert len(closed_staff) == len(current_staff) == 3 and not closed_staff & current_staff


@pytest.mark.parametrize("months_into_quarter", [0, 1, 2])
def test_the_picks_cover_every_coupling_whatever_the_month(months_into_quarter: int) -> None:
    """Which stories fall in last quarter depends on today: months 1-3, 2-4 or 3-5 back."""
    first, last = months_into_quarter + 1, months_into_quarter + 3
    titles = {tale.title for tale in TALES if tale.visibility in SHARED and first <= tale.months_back <= last}
    assert {pick.coupling for pick in picks_for(titles)} == COUPLINGS


def test_send_reminders_finds_a_due_review_and_the_overdue_actions(org: Organisation) -> None:
    today = timezone.localdate()
    binnendienst = org.teams.get(name="Binnendienst")
    last = binnendienst.reviews.order_by("-held_on").first()
    assert 0 <= (next_review_due(binnendienst, last, today) - today).days <= 2
    reviews_sent, actions_sent = reminders_send(today=today)
    assert reviews_sent >= 1
    assert actions_sent == ReviewAction.objects.filter(review__organisation=org).overdue(today).count() >= 2
    recipients = {address for message in mail.outbox for address in message.to}
    assert "bram@terhorst.example" in recipients
    assert reminders_send(today=today)[1] == 0  # an action is reminded at most once a week


def test_reset_holds_the_same_reviews(org: Organisation) -> None:
    def snapshot() -> list[tuple[str, date, str, str]]:
        return sorted(
            Review.objects.filter(organisation=org).values_list(
                "team__name", "held_on", "insights__author__name", "insights__text"
            )
        )

    before = snapshot()
    assert main(["demo", "--reset"]) == 0
    org = Organisation.objects.get(slug=DEMO_SLUG)
    assert snapshot() == before
    assert {team.name for team in org.teams.all()} == {name for name, _description, _members in TEAMS}
