"""My contribution and the team timeline as people use them: record, confirm, thank, commit, reflect."""

from __future__ import annotations

from django.test import Client

from naober.contributions.models import Appreciation, Contribution, CraftCommitment, Help, HelpStatus, Visibility
from naober.contributions.services import contribution_record, help_answer
from naober.orgs.models import Person
from tests.conftest import World, client_for


def test_quick_entry_records_a_contribution_and_asks_the_helped_colleague(world: World, member_client: Client) -> None:
    url = f"/o/{world.org.slug}/contribute/"
    daan = world.people["daan"]
    data = {
        "form": "contribution", "text": "Daans offerte voor de woningcorporatie afgemaakt",
        "customer_notice": "De corporatie heeft morgen de offerte", "helped": [daan.pk], "visibility": "team",
    }  # fmt: skip
    response = member_client.post(url, data)
    assert response.status_code == 302
    contribution = Contribution.objects.get(text__startswith="Daans offerte")
    assert contribution.team == world.binnendienst
    record = Help.objects.get(contribution=contribution)
    assert (record.helper, record.helped, record.status) == (world.people["chantal"], daan, HelpStatus.PENDING)
    daan_page = client_for(world.users["member2"]).get(url).content.decode()
    assert "Daans offerte voor de woningcorporatie afgemaakt" in daan_page
    assert f'name="help" value="{record.pk}"' in daan_page


def test_the_helped_colleague_confirms_and_says_thanks(world: World) -> None:
    client = client_for(world.users["member2"])
    url = f"/o/{world.org.slug}/contribute/"
    assert client.post(url, {"form": "answer", "help": world.help.pk, "answer": "confirm"}).status_code == 302
    world.help.refresh_from_db()
    assert world.help.status == HelpStatus.CONFIRMED
    assert (
        client.post(url, {"form": "thanks", "help": world.help.pk, "message": "Dank je, Chantal!"}).status_code == 302
    )
    thanks = Appreciation.objects.get(help=world.help)
    assert thanks.recipient == world.people["chantal"]
    assert "Dank je, Chantal!" in client_for(world.users["member"]).get(url).content.decode()


def test_the_helper_cannot_confirm_their_own_record(world: World, member_client: Client) -> None:
    response = member_client.post(
        f"/o/{world.org.slug}/contribute/", {"form": "answer", "help": world.help.pk, "answer": "confirm"}
    )
    assert response.status_code == 403
    world.help.refresh_from_db()
    assert world.help.status == HelpStatus.PENDING


def test_help_received_is_recorded_by_the_one_helped(world: World) -> None:
    client = client_for(world.users["member2"])
    data = {"form": "help_received", "helper": world.people["bram"].pk, "description": "Prijsafspraak uitgezocht"}
    assert client.post(f"/o/{world.org.slug}/contribute/", data).status_code == 302
    record = Help.objects.get(description="Prijsafspraak uitgezocht")
    assert record.recorded_by == world.people["daan"]
    assert record.confirmer == world.people["bram"]


def test_an_empty_entry_names_the_field(world: World, member_client: Client) -> None:
    response = member_client.post(
        f"/o/{world.org.slug}/contribute/", {"form": "contribution", "text": "", "visibility": "team"},
        HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert not Contribution.objects.filter(text="").exists()


def test_craft_commitment_with_reflections_and_sharing(world: World, member_client: Client) -> None:
    url = f"/o/{world.org.slug}/contribute/"
    assert member_client.post(url, {"form": "commitment", "title": "Warmtepompen leren inregelen"}).status_code == 302
    commitment = CraftCommitment.objects.get(title="Warmtepompen leren inregelen")
    assert commitment.shared is False
    data = {"form": "reflection", "commitment": commitment.pk, "text": "Meegelopen met Luuk"}
    assert member_client.post(url, data).status_code == 302
    assert member_client.post(url, {"form": "share", "commitment": commitment.pk, "shared": "on"}).status_code == 302
    commitment.refresh_from_db()
    assert commitment.shared is True
    assert [r.text for r in commitment.reflections.all()] == ["Meegelopen met Luuk"]
    other = client_for(world.users["member2"])
    assert other.post(url, {"form": "reflection", "commitment": commitment.pk, "text": "Ik ook"}).status_code == 403


def test_a_login_without_a_person_is_told_so(world: World) -> None:
    membership = world.users["leader"].memberships.get()
    membership.person = None
    membership.save()
    content = client_for(world.users["leader"]).get(f"/o/{world.org.slug}/contribute/", HTTP_ACCEPT_LANGUAGE="en")
    assert "not linked to a person" in content.content.decode()


def test_timeline_shows_what_the_team_shares(world: World) -> None:
    help_answer(membership=world.users["member2"].memberships.get(), help_record=world.help, confirmed=True)
    contribution_record(membership=world.users["member2"].memberships.get(), text="Storingsmelding doorgezet")
    content = client_for(world.users["team_lead"]).get(f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/timeline/")
    text = content.content.decode()
    assert "Storingsmelding doorgezet" in text
    assert "Offerte" in text  # the confirmed help
    assert world.goal.title in text
    assert world.private_contribution.text not in text


def test_timeline_has_no_n_plus_one(world: World, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    members = [world.users["member"].memberships.get(), world.users["member2"].memberships.get()]
    for number in range(20):
        membership = members[number % 2]
        other = world.people["daan"] if number % 2 == 0 else world.people["chantal"]
        contribution_record(membership=membership, text=f"Klus {number}", helped=[other], visibility=Visibility.TEAM)
    for record in Help.objects.filter(status=HelpStatus.PENDING):
        record.status = HelpStatus.CONFIRMED
        record.save()
    client = client_for(world.users["team_lead"])
    with django_assert_max_num_queries(18):
        assert client.get(f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/timeline/").status_code == 200


def test_my_page_has_no_n_plus_one(world: World, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    membership = world.users["member"].memberships.get()
    for number in range(20):
        helped = Person.objects.create(organisation=world.org, name=f"Collega {number}")
        contribution_record(membership=membership, text=f"Klus {number}", helped=[helped])
    client = client_for(world.users["member"])
    with django_assert_max_num_queries(24):
        assert client.get(f"/o/{world.org.slug}/contribute/").status_code == 200
