"""Who sees which contribution, help, thank-you and craft commitment (DESIGN.md §2, §5).

Private contributions and private commitments are the author's alone: leaders and the coach never see them,
on a page or through the API. A team-shared one is seen in that team only, by whatever role.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from naober.contributions.models import Appreciation, Contribution, Visibility
from naober.contributions.services import (
    appreciation_give,
    commitment_create,
    contribution_record,
    help_answer,
    reflection_add,
)
from naober.orgs.models import Membership
from tests.conftest import World, client_for

ROLES = ["leader", "team_lead", "member", "member2", "coach", "council"]


def _membership(world: World, key: str) -> Membership:
    return world.users[key].memberships.get()


def _pages_and_api(world: World, key: str) -> str:
    """Everything the persona can read about contributions: every page and every list in the API."""
    client = client_for(world.users[key])
    org = world.org.slug
    urls = [
        f"/o/{org}/contribute/",
        f"/o/{org}/teams/{world.binnendienst.pk}/timeline/",
        f"/o/{org}/teams/{world.service.pk}/timeline/",
        f"/o/{org}/steer/overview/",
        f"/o/{org}/steer/overview.csv",
        f"/api/v1/orgs/{org}/contributions",
        f"/api/v1/orgs/{org}/commitments",
        f"/api/v1/orgs/{org}/help",
        f"/api/v1/orgs/{org}/appreciations",
        f"/api/v1/orgs/{org}/overview",
    ]
    return "\n".join(client.get(url).content.decode() for url in urls)


@pytest.mark.parametrize("key", ["leader", "team_lead", "member2", "coach", "council"])
def test_a_private_contribution_is_seen_by_nobody_but_its_author(world: World, key: str) -> None:
    text = world.private_contribution.text
    assert text not in _pages_and_api(world, key)
    assert text in _pages_and_api(world, "member")
    client = client_for(world.users[key])
    url = f"/api/v1/orgs/{world.org.slug}/contributions/{world.private_contribution.pk}"
    assert client.get(url).status_code in (403, 404)


@pytest.mark.parametrize("key", ["leader", "team_lead", "member2", "coach", "council"])
def test_a_private_commitment_is_seen_by_nobody_but_its_owner(world: World, key: str) -> None:
    commitment = commitment_create(membership=_membership(world, "member"), title="Leren onderhandelen zonder korting")
    reflection_add(membership=_membership(world, "member"), commitment=commitment, text="Eerste gesprek ging stroef")
    everything = _pages_and_api(world, key)
    assert "Leren onderhandelen zonder korting" not in everything
    assert "Eerste gesprek ging stroef" not in everything
    assert "Leren onderhandelen zonder korting" in _pages_and_api(world, "member")


def test_a_shared_commitment_is_seen_in_the_team_only(world: World) -> None:
    commitment_create(membership=_membership(world, "member"), title="Storingen zelf leren analyseren", shared=True)
    for key in ("team_lead", "member2"):  # Binnendienst
        assert "Storingen zelf leren analyseren" in _pages_and_api(world, key)
    for key in ("leader", "coach", "council"):  # not in Binnendienst
        assert "Storingen zelf leren analyseren" not in _pages_and_api(world, key)


def test_a_team_contribution_is_seen_in_that_team_only(world: World) -> None:
    contribution_record(membership=_membership(world, "member"), text="Planning met werkvoorbereiding rondgemaakt")
    text = "Planning met werkvoorbereiding rondgemaakt"
    for key in ("member", "member2", "team_lead"):
        assert text in _pages_and_api(world, key), key
    for key in ("leader", "coach", "council"):
        assert text not in _pages_and_api(world, key), key


def test_the_coach_and_the_works_council_see_no_contribution_at_all(world: World) -> None:
    for key in ("coach", "council"):
        everything = _pages_and_api(world, key)
        for contribution in Contribution.objects.filter(organisation=world.org):
            assert contribution.text not in everything


def test_pending_help_is_seen_by_the_two_people_only(world: World) -> None:
    # world.help: Chantal says she helped Daan with "Offerte"; Daan has not answered yet.
    client = client_for(world.users["leader"])
    assert world.help.pk not in [h["id"] for h in client.get(f"/api/v1/orgs/{world.org.slug}/help").json()]
    for key in ("member", "member2"):
        listed = client_for(world.users[key]).get(f"/api/v1/orgs/{world.org.slug}/help").json()
        assert world.help.pk in [h["id"] for h in listed]
    help_answer(membership=_membership(world, "member2"), help_record=world.help, confirmed=True)
    assert world.help.pk in [h["id"] for h in client.get(f"/api/v1/orgs/{world.org.slug}/help").json()]


def test_only_the_other_one_confirms_help(world: World) -> None:
    org = world.org.slug
    url = f"/api/v1/orgs/{org}/help/{world.help.pk}/answer"
    helper = client_for(world.users["member"])  # Chantal recorded it herself
    assert helper.post(url, {"confirmed": True}, content_type="application/json").status_code == 403
    assert (
        client_for(world.users["team_lead"]).post(url, {"confirmed": True}, content_type="application/json").status_code
        == 404
    )
    helped = client_for(world.users["member2"])
    response = helped.post(url, {"confirmed": True}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    assert helped.post(url, {"confirmed": False}, content_type="application/json").status_code == 422


def test_thanks_go_to_someone_else_for_something_the_sender_sees(world: World) -> None:
    help_answer(membership=_membership(world, "member2"), help_record=world.help, confirmed=True)
    thanks = appreciation_give(
        membership=_membership(world, "member2"), message="Top, dank je!", help_record=world.help
    )
    assert thanks.recipient == world.people["chantal"]
    with pytest.raises(ValidationError, match=r"yourself|jezelf"):
        appreciation_give(membership=_membership(world, "member"), message="Goed gedaan", help_record=world.help)
    private = world.private_contribution
    client = client_for(world.users["leader"])
    body = {"message": "Mooi!", "contribution_id": private.pk}
    assert (
        client.post(f"/api/v1/orgs/{world.org.slug}/appreciations", body, content_type="application/json").status_code
        == 404
    )
    assert not Appreciation.objects.filter(contribution=private).exists()


def test_a_thank_you_for_a_private_contribution_never_shows_it(world: World) -> None:
    # Nobody but the author sees it, so nobody can thank for it, and no list shows it either.
    for key in ROLES:
        if key == "member":
            continue
        assert world.private_contribution.text not in _pages_and_api(world, key)


def test_only_the_owner_changes_a_contribution_or_commitment(world: World) -> None:
    org = world.org.slug
    chantal = world.contributions["member"]
    client = client_for(world.users["member2"])
    response = client.patch(
        f"/api/v1/orgs/{org}/contributions/{chantal.pk}", {"text": "Anders"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert client.delete(f"/api/v1/orgs/{org}/contributions/{chantal.pk}").status_code == 403
    commitment = world.commitments["member"]
    response = client.patch(
        f"/api/v1/orgs/{org}/commitments/{commitment.pk}", {"shared": True}, content_type="application/json"
    )
    assert response.status_code == 404
    commitment.refresh_from_db()
    assert commitment.shared is False
    assert Contribution.objects.get(pk=chantal.pk).text != "Anders"


def test_nothing_counts_contributions_or_help_per_person(world: World) -> None:
    for key in ROLES:
        data = client_for(world.users[key]).get(f"/api/v1/orgs/{world.org.slug}/overview")
        if data.status_code != 200:
            continue
        for row in data.json()["teams"]:
            assert set(row) == {
                "team_id", "team", "people", "shown", "help_within_team", "help_to_other_teams",
                "help_from_other_teams", "thanks_received", "shared_contributions",
            }  # fmt: skip


def test_the_transparency_register_says_contributions_stay_out_of_appraisal(
    world: World, member_client: Client
) -> None:
    content = member_client.get(f"/o/{world.org.slug}/transparency/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Never used in appraisals" in content
    assert "never used in appraisals" in content


def test_leaving_the_contribution_visibility_out_shares_with_the_team(world: World) -> None:
    contribution = contribution_record(membership=_membership(world, "member"), text="Iets gedaan")
    assert contribution.visibility == Visibility.TEAM
    assert contribution.team == world.binnendienst
