"""The demo company: Ter Horst Installatietechniek in Hengelo (DESIGN.md §9).

`naober demo` loads it; later parts add their demo data here, through the same command, so the demo tells
one story. Every demo login uses the password DEMO_PASSWORD.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from naober.accounts.models import User
from naober.orgs.models import Membership, Organisation, Person, Portfolio, Role, Team

DEMO_SLUG = "ter-horst"
DEMO_PASSWORD = "naober-demo"  # noqa: S105 - a published demo password, shown on the login page of `make run`


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: Role
    note: str


DEMO_LOGINS = (
    DemoLogin("anna@terhorst.example", "Anna ter Horst", Role.LEADER, "directeur-eigenaar"),
    DemoLogin("bram@terhorst.example", "Bram Oude Luttikhuis", Role.TEAM_LEAD, "teamleider Binnendienst"),
    DemoLogin("chantal@terhorst.example", "Chantal Nijhuis", Role.MEMBER, "binnendienst"),
    DemoLogin("eva@coachpraktijk.example", "Eva Brinkman", Role.COACH, "externe coach"),
    DemoLogin("olga@terhorst.example", "Olga Wessels", Role.COUNCIL, "PVT-lid"),
)

# Team name, description, people as (name, job title); the first of Binnendienst is its team lead.
TEAMS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Binnendienst",
        "Klantenservice en verkoopondersteuning. Iedereen heeft een eigen klantenpakket.",
        (
            ("Bram Oude Luttikhuis", "Teamleider binnendienst"),
            ("Chantal Nijhuis", "Medewerker binnendienst"),
            ("Daan Kamphuis", "Medewerker binnendienst"),
            ("Fleur ter Haar", "Medewerker binnendienst"),
            ("Gijs Wolters", "Medewerker binnendienst"),
            ("Hanneke Lansink", "Medewerker binnendienst"),
            ("Iris Scholten", "Medewerker binnendienst"),
            ("Jeroen Haverkate", "Medewerker binnendienst"),
        ),
    ),
    (
        "Service & Onderhoud",
        "Storingen, onderhoud en keuringen bij klanten in Twente en de Achterhoek.",
        (
            ("Karin Pierik", "Teamleider service"),
            ("Luuk Velthuis", "Servicemonteur"),
            ("Marco Boerrigter", "Servicemonteur"),
            ("Niels Roerink", "Servicemonteur"),
            ("Okke Hofstede", "Servicemonteur"),
            ("Pim ten Dam", "Servicemonteur"),
            ("Quinten Morsink", "Servicemonteur"),
            ("Rick Leferink", "Servicemonteur"),
            ("Sander Olthof", "Leerling-monteur"),
            ("Tom Assink", "Servicemonteur"),
            ("Ufuk Demir", "Servicemonteur"),
            ("Vera Hesselink", "Servicemonteur koeltechniek"),
            ("Wouter Nieuwenhuis", "Planner service"),
        ),
    ),
    (
        "Projecten",
        "Installaties in nieuwbouw en renovatie, van ontwerp tot oplevering.",
        (
            ("Ruud Hulshof", "Projectleider"),
            ("Bart Kuipers", "Monteur projecten"),
            ("Dennis Lammerink", "Monteur projecten"),
            ("Erik Groothuis", "Monteur projecten"),
            ("Frank Bruggink", "Monteur projecten"),
            ("Harm Klein Gunnewiek", "Monteur projecten"),
            ("Jan Harbers", "Monteur projecten"),
            ("Kees Oosterhof", "Leerling-monteur"),
            ("Mehmet Yilmaz", "Monteur projecten"),
        ),
    ),
    (
        "Werkvoorbereiding",
        "Tekeningen, calculaties, materiaal en planning voor service en projecten.",
        (
            ("Linda Veldhuis", "Werkvoorbereider"),
            ("Marieke Temmink", "Calculator"),
            ("Nina Zwiers", "Werkvoorbereider"),
            ("Otto Rouwhorst", "Tekenaar"),
            ("Paul Stokkers", "Inkoper"),
        ),
    ),
    (
        "Directie & Staf",
        "Directie, financiën, personeelszaken en kwaliteit.",
        (
            ("Anna ter Horst", "Directeur-eigenaar"),
            ("Gerard ter Horst", "Adviseur, oud-directeur"),
            ("Olga Wessels", "Administratie en PVT-lid"),
            ("Sanne Eshuis", "HR-adviseur"),
            ("Thijs Slot", "KAM-coördinator"),
        ),
    ),
)

# Binnendienst portfolios: owner, portfolio, customers. Deliberately uneven: the busiest one waits longest.
PORTFOLIOS = (
    ("Bram Oude Luttikhuis", "Woningcorporaties", 14),
    ("Chantal Nijhuis", "Zorginstellingen", 22),
    ("Daan Kamphuis", "Scholen en gemeenten", 31),
    ("Fleur ter Haar", "Particulieren Hengelo", 240),
    ("Gijs Wolters", "Particulieren Enschede en Borne", 210),
    ("Hanneke Lansink", "MKB en kantoren", 48),
    ("Iris Scholten", "Agrarisch en Achterhoek", 65),
    ("Jeroen Haverkate", "Industrie", 18),
)


def _email_for(name: str) -> str:
    for login in DEMO_LOGINS:
        if login.name == name:
            return login.email
    local = name.lower().replace(" ", ".").replace("&", "")
    return f"{local}@terhorst.example"


@transaction.atomic
def demo_load(*, reset: bool = False, only_if_empty: bool = False) -> str:
    """Load the demo company. Returns a one-line summary for the terminal."""
    if only_if_empty and Organisation.objects.exists():
        return "The database already has organisations; the demo was not loaded."
    existing = Organisation.objects.filter(slug=DEMO_SLUG).first()
    if existing is not None:
        if not reset:
            return f"The demo organisation {existing.name} is already there (use --reset to load it afresh)."
        existing.delete()
        User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).delete()
    org = Organisation.objects.create(name="Ter Horst Installatietechniek", slug=DEMO_SLUG, city="Hengelo")
    people: dict[str, Person] = {}
    for number, (team_name, description, members) in enumerate(TEAMS, start=1):
        team = Team.objects.create(organisation=org, name=team_name, description=description)
        for index, (name, job_title) in enumerate(members):
            person = Person.objects.create(
                organisation=org,
                name=name,
                email=_email_for(name),
                personnel_number=f"{number}{index + 1:03d}",
                job_title=job_title,
            )
            people[name] = person
            team.members.add(person)
            if index == 0 and team_name != "Directie & Staf":
                team.leads.add(person)
        if team_name == "Binnendienst":
            for owner, portfolio_name, customers in PORTFOLIOS:
                Portfolio.objects.create(
                    organisation=org,
                    team=team,
                    owner=people[owner],
                    name=portfolio_name,
                    customer_count=customers,
                )
    for login in DEMO_LOGINS:
        user = User.objects.create_user(login.email, DEMO_PASSWORD, name=login.name)
        Membership.objects.create(user=user, organisation=org, role=login.role, person=people.get(login.name))
    return (
        f"Loaded {org.name}: {len(people)} people in {len(TEAMS)} teams, {len(PORTFOLIOS)} portfolios, "
        f"{len(DEMO_LOGINS)} logins (password {DEMO_PASSWORD})."
    )
