"""Personas shared by the whole suite (STYLE.md): Ter Horst with one person per role, and an outsider.

Ter Horst: Anna (leader), Bram (team lead of Binnendienst), Chantal and Daan (members of Binnendienst),
Eva (coach), Olga (works council / PVT). Oosterveld is a second organisation: Zoë leads it and must never
see anything of Ter Horst.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client

from naober.accounts.models import User
from naober.orgs.models import Membership, Organisation, Person, Portfolio, Role, Team

PASSWORD = "correct horse battery"


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    binnendienst: Team
    service: Team
    other_team: Team
    users: dict[str, User]
    people: dict[str, Person]
    other_person: Person
    portfolio: Portfolio
    outsider: User


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # Argon2 is the real hasher (see settings); tests hash hundreds of passwords, so use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


def _member(org: Organisation, email: str, name: str, role: Role, person: Person | None) -> User:
    user = User.objects.create_user(email, PASSWORD, name=name)
    Membership.objects.create(user=user, organisation=org, role=role, person=person)
    return user


@pytest.fixture
def world(db: None) -> World:
    org = Organisation.objects.create(name="Ter Horst Installatietechniek", slug="ter-horst", city="Hengelo")
    other_org = Organisation.objects.create(name="Bouwbedrijf Oosterveld", slug="oosterveld", city="Enschede")
    binnendienst = Team.objects.create(organisation=org, name="Binnendienst")
    service = Team.objects.create(organisation=org, name="Service & Onderhoud")
    other_team = Team.objects.create(organisation=other_org, name="Uitvoering")
    people = {
        key: Person.objects.create(organisation=org, name=name, email=f"{key}@terhorst.example", personnel_number=nr)
        for key, name, nr in [
            ("anna", "Anna ter Horst", "1001"),
            ("bram", "Bram Oude Luttikhuis", "1002"),
            ("chantal", "Chantal Nijhuis", "1003"),
            ("daan", "Daan Kamphuis", "1004"),
            ("olga", "Olga Wessels", "1005"),
        ]
    }
    binnendienst.members.add(people["bram"], people["chantal"], people["daan"])
    binnendienst.leads.add(people["bram"])
    other_person = Person.objects.create(organisation=other_org, name="Zoë Oosterveld", personnel_number="1001")
    other_team.members.add(other_person)
    portfolio = Portfolio.objects.create(
        organisation=org,
        team=binnendienst,
        owner=people["chantal"],
        name="Zorginstellingen",
        customer_count=22,
    )
    users = {
        "leader": _member(org, "anna@terhorst.example", "Anna ter Horst", Role.LEADER, people["anna"]),
        "team_lead": _member(org, "bram@terhorst.example", "Bram Oude Luttikhuis", Role.TEAM_LEAD, people["bram"]),
        "member": _member(org, "chantal@terhorst.example", "Chantal Nijhuis", Role.MEMBER, people["chantal"]),
        "member2": _member(org, "daan@terhorst.example", "Daan Kamphuis", Role.MEMBER, people["daan"]),
        "coach": _member(org, "eva@coachpraktijk.example", "Eva Brinkman", Role.COACH, None),
        "council": _member(org, "olga@terhorst.example", "Olga Wessels", Role.COUNCIL, people["olga"]),
    }
    outsider = _member(other_org, "zoe@oosterveld.example", "Zoë Oosterveld", Role.LEADER, other_person)
    return World(
        org=org,
        other_org=other_org,
        binnendienst=binnendienst,
        service=service,
        other_team=other_team,
        users=users,
        people=people,
        other_person=other_person,
        portfolio=portfolio,
        outsider=outsider,
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def leader_client(world: World) -> Iterator[Client]:
    yield client_for(world.users["leader"])


@pytest.fixture
def member_client(world: World) -> Iterator[Client]:
    yield client_for(world.users["member"])
