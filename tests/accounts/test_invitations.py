from django.core import mail
from django.test import Client, override_settings

from naober.accounts.models import User
from naober.orgs.models import Invitation, Membership, Role
from naober.orgs.services import invitation_token
from tests.conftest import PASSWORD, World


def _invite(client: Client, world: World, email: str, role: str = "member", person: str = "") -> str:
    response = client.post(f"/o/{world.org.slug}/settings/members/", {"email": email, "role": role, "person": person})
    assert response.status_code == 302, response.content
    body = mail.outbox[-1].body
    return next(line for line in body.splitlines() if "/accounts/invitation/" in line).split("127.0.0.1:8000")[1]


def test_leader_invites_a_new_user_who_creates_a_login_and_joins(world: World, leader_client: Client) -> None:
    path = _invite(leader_client, world, "daan.nieuw@terhorst.example", "team_lead")
    assert mail.outbox[-1].to == ["daan.nieuw@terhorst.example"]
    visitor = Client()
    response = visitor.post(path, {"name": "Daan Nieuw", "password": "Hengelo-Twente-2026"})
    assert response.status_code == 302
    user = User.objects.get(email="daan.nieuw@terhorst.example")
    assert Membership.objects.get(user=user, organisation=world.org).role == Role.TEAM_LEAD
    # Signed in straight away, and the link cannot be used twice.
    assert visitor.get(f"/o/{world.org.slug}/").status_code == 200
    assert Client().get(path).status_code == 410


def test_invitation_links_the_login_to_the_chosen_person(world: World, leader_client: Client) -> None:
    person = world.people["olga"]
    Membership.objects.filter(person=person).update(person=None)
    path = _invite(leader_client, world, "olga.thuis@terhorst.example", "member", str(person.pk))
    Client().post(path, {"name": "Olga", "password": "Hengelo-Twente-2026"})
    assert Membership.objects.get(user__email="olga.thuis@terhorst.example").person == person


def test_existing_user_accepts_by_signing_in(world: World, leader_client: Client) -> None:
    outsider = world.outsider
    path = _invite(leader_client, world, outsider.email, "coach")
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    client = Client()
    client.force_login(outsider)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    assert Membership.objects.get(user=outsider, organisation=world.org).role == Role.COACH
    # One user, two organisations: both stay reachable.
    assert client.get(f"/o/{world.other_org.slug}/").status_code == 200
    assert client.get(f"/o/{world.org.slug}/").status_code == 200
    assert client.get("/").status_code == 200  # the chooser, with two organisations


def test_forged_invitation_link_is_refused(db: None) -> None:
    assert Client().get("/accounts/invitation/not-a-signed-token/").status_code == 410


@override_settings(INVITATION_MAX_AGE_DAYS=0)
def test_expired_invitation_is_refused(world: World) -> None:
    invitation = Invitation.objects.create(organisation=world.org, email="laat@example.org", role=Role.MEMBER)
    response = Client().get(f"/accounts/invitation/{invitation_token(invitation)}/")
    assert response.status_code == 410


def test_invitation_with_a_weak_password_shows_the_reason(world: World, leader_client: Client) -> None:
    path = _invite(leader_client, world, "kort@terhorst.example")
    response = Client().post(path, {"name": "Kort", "password": "12345"})
    assert response.status_code == 422
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(email="kort@terhorst.example").exists()


def test_member_cannot_invite(world: World, member_client: Client) -> None:
    response = member_client.post(f"/o/{world.org.slug}/settings/members/", {"email": "x@example.org"})
    assert response.status_code == 403
    assert mail.outbox == []
    assert PASSWORD  # personas keep their passwords
