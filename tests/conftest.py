"""Personas shared by the whole suite (STYLE.md): Ter Horst with one person per role, and an outsider.

Ter Horst: Anna (leader), Bram (team lead of Binnendienst), Chantal and Daan (members of Binnendienst),
Eva (coach), Olga (works council / PVT). Oosterveld is a second organisation: Zoë leads it and must never
see anything of Ter Horst.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from naober.accounts.models import User
from naober.contributions.models import Contribution, CraftCommitment, Help, Visibility
from naober.contributions.services import commitment_create, contribution_record, help_record
from naober.goals.models import Goal, Horizon, Indicator, IndicatorKind, Scope, Value
from naober.goals.services import goal_save, measurement_record, values_create_defaults
from naober.orgs.models import Membership, Organisation, Person, Portfolio, Role, Team
from naober.stories.models import Story, StoryVisibility
from naober.stories.services import story_tell

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
    goal: Goal
    indicator: Indicator
    other_goal: Goal
    # One contribution and one craft commitment per persona with a person, keyed like `users`.
    contributions: dict[str, Contribution]
    commitments: dict[str, CraftCommitment]
    private_contribution: Contribution
    help: Help
    other_contribution: Contribution
    # One organisation-wide story per persona with a person, keyed like `users`; and Chantal's private one.
    stories: dict[str, Story]
    private_story: Story


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
    values_create_defaults(organisation=org)
    values_create_defaults(organisation=other_org)
    goal = goal_save(
        organisation=org,
        team=binnendienst,
        title="Elke klantvraag binnen een werkdag beantwoord",
        values=list(Value.objects.filter(organisation=org, name__in=["Klantzorg", "Doorlooptijd"])),
        straight_line="90% van de vragen binnen 8 werkuren af.",
        meaning="De klant hoeft niet terug te bellen.",
        horizon=Horizon.YEAR,
        scope=Scope.TEAM,
    )
    indicator = Indicator.objects.create(
        goal=goal, name="Binnen een werkdag", kind=IndicatorKind.LEAD_TIME, unit="%", target=Decimal("90")
    )
    measurement_record(indicator=indicator, measured_on=date(2026, 10, 1), value=Decimal("71.5"))
    other_goal = goal_save(
        organisation=other_org, team=other_team, title="Opleveren zonder restpunten", values=[], horizon=Horizon.YEAR
    )
    memberships = {key: user.memberships.get() for key, user in users.items()}
    contributions = {
        key: contribution_record(
            membership=memberships[key],
            text=f"Klant van {users[key].name} geholpen",
            visibility=Visibility.ORGANISATION,
        )
        for key in ("leader", "team_lead", "member", "member2")
    }
    commitments = {
        key: commitment_create(membership=memberships[key], title="Beter leren offreren")
        for key in ("leader", "team_lead", "member", "member2")
    }
    private_contribution = contribution_record(
        membership=memberships["member"], text="Twijfel over mijn eigen target", visibility=Visibility.PRIVATE
    )
    help_record_ = help_record(
        membership=memberships["member"], helper=people["chantal"], helped=people["daan"], description="Offerte"
    )
    other_contribution = contribution_record(
        membership=outsider.memberships.get(), text="Bouwtekening nagekeken", visibility=Visibility.ORGANISATION
    )
    stories = {
        key: story_tell(
            membership=memberships[key],
            title=f"Verhaal van {users[key].name}",
            text="Daan Kamphuis hielp me met een lastige klant.",
            visibility=StoryVisibility.ORGANISATION,
        )
        for key in ("leader", "team_lead", "member", "member2")
    }
    private_story = story_tell(
        membership=memberships["member"],
        title="Eerst mijn eigen target",
        text="Ik wilde Daan helpen, maar moest eerst mijn eigen target halen.",
        visibility=StoryVisibility.PRIVATE,
    )
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
        goal=goal,
        indicator=indicator,
        other_goal=other_goal,
        contributions=contributions,
        commitments=commitments,
        private_contribution=private_contribution,
        help=help_record_,
        other_contribution=other_contribution,
        stories=stories,
        private_story=private_story,
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
