"""Learning reviews: open actions carry over, insights appear for everyone, reminders go where they should."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from naober.reviews.models import Insight, Review, ReviewAction, Rhythm
from naober.reviews.services import action_add, insight_add, reminders_send, review_start
from tests.conftest import World, client_for


def test_every_review_opens_with_the_open_actions_of_the_ones_before(world: World) -> None:
    first = review_start(team=world.binnendienst)
    done = action_add(review=first, title="Hulp zichtbaar maken", owner=world.people["bram"])
    left = action_add(review=first, title="Teamdoel op doorlooptijd", owner=world.people["chantal"])
    done.done_on = timezone.localdate()
    done.save()
    second = review_start(team=world.binnendienst)
    second.created_at = first.created_at + timedelta(days=28)
    second.save()
    page = client_for(world.users["team_lead"]).get(second.get_absolute_url()).content.decode()
    before = page.split('id="before-heading"')[1].split("</section>")[0]
    assert left.title in before and done.title not in before


def test_an_insight_posted_with_htmx_comes_back_in_the_live_fragment(world: World) -> None:
    review = review_start(team=world.binnendienst)
    client = client_for(world.users["member"])
    data = {"form": "insight", "question": "customer", "text": "Klanten bellen minder terug", "behaviour": "experiment",
            "outcome": "success"}  # fmt: skip
    response = client.post(review.get_absolute_url(), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="live"' in response.content.decode() and "Klanten bellen minder terug" in response.content.decode()
    other = client_for(world.users["member2"]).get(f"/o/{world.org.slug}/reviews/{review.pk}/live/")
    assert "Klanten bellen minder terug" in other.content.decode()
    assert Insight.objects.get().author == world.people["chantal"]


def test_members_of_another_team_do_not_see_its_reviews(world: World) -> None:
    review = review_start(team=world.service)
    assert client_for(world.users["member"]).get(review.get_absolute_url()).status_code == 404
    assert client_for(world.users["coach"]).get(review.get_absolute_url()).status_code == 200
    assert client_for(world.users["council"]).get(review.get_absolute_url()).status_code == 403


def test_a_closed_review_takes_no_more_insights(world: World) -> None:
    review = review_start(team=world.binnendienst)
    review.closed_at = timezone.now()
    review.save()
    try:
        insight_add(review=review, question="us", text="Te laat", author=None)
    except Exception as error:
        assert "closed" in str(error) or "gesloten" in str(error)
    assert not Insight.objects.exists()


def test_reminders_for_a_due_review_and_an_overdue_action(world: World) -> None:
    Rhythm.objects.create(team=world.binnendienst, every_weeks=4)
    review = review_start(team=world.binnendienst)
    review.held_on = timezone.localdate() - timedelta(weeks=4)
    review.save()
    action_add(
        review=review,
        title="Planning delen",
        owner=world.people["chantal"],
        due_on=timezone.localdate() - timedelta(days=3),
    )
    action_add(
        review=review, title="Later", owner=world.people["daan"], due_on=timezone.localdate() + timedelta(days=9)
    )
    assert reminders_send() == (1, 1)
    assert sorted(m.to[0] for m in mail.outbox) == ["bram@terhorst.example", "chantal@terhorst.example"]
    mail.outbox.clear()
    call_command("send_reminders", stdout=io.StringIO())
    assert [m.to[0] for m in mail.outbox] == ["bram@terhorst.example"]  # the action was reminded this week
    assert ReviewAction.objects.get(title="Planning delen").reminded_on == timezone.localdate()
    assert Review.objects.count() == 1


def test_a_team_lead_sets_the_rhythm_and_the_next_review_date_follows(world: World) -> None:
    review = review_start(team=world.binnendienst)
    review.held_on = timezone.localdate() - timedelta(weeks=1)
    review.save()
    url = f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/reviews/"
    response = client_for(world.users["team_lead"]).post(
        url, {"form": "rhythm", "every_weeks": "6"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'id="rhythm"' in response.content.decode()
    assert Rhythm.objects.get(team=world.binnendienst).every_weeks == 6
    api = client_for(world.users["member"]).get(
        f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/review-rhythm"
    )
    assert api.json() == {
        "team_id": world.binnendienst.pk,
        "every_weeks": 6,
        "next_due": (review.held_on + timedelta(weeks=6)).isoformat(),
    }


def test_members_see_the_rhythm_but_do_not_set_it(world: World) -> None:
    url = f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/reviews/"
    member = client_for(world.users["member"])
    assert 'name="every_weeks"' not in member.get(url).content.decode()
    assert member.post(url, {"form": "rhythm", "every_weeks": "2"}).status_code == 403
    api = f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/review-rhythm"
    assert member.put(api, {"every_weeks": 2}, content_type="application/json").status_code == 403
    assert not Rhythm.objects.exists()


def test_a_rhythm_outside_one_to_26_weeks_is_refused_and_nothing_changes(world: World) -> None:
    url = f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/reviews/"
    leader = client_for(world.users["leader"])
    response = leader.post(url, {"form": "rhythm", "every_weeks": "52"})
    assert response.status_code == 422 and 'aria-invalid="true"' in response.content.decode()
    api = f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/review-rhythm"
    assert leader.put(api, {"every_weeks": 0}, content_type="application/json").status_code == 422
    assert not Rhythm.objects.exists()
    assert leader.put(api, {"every_weeks": 2}, content_type="application/json").json()["every_weeks"] == 2
    # Without htmx the form posts the whole page and comes back to it.
    response = leader.post(url, {"form": "rhythm", "every_weeks": "5"})
    assert response.status_code == 302 and response["Location"] == url
    assert Rhythm.objects.get().every_weeks == 5
