"""The demo company: Ter Horst Installatietechniek in Hengelo (DESIGN.md §9).

`naober demo` loads it; later parts add their demo data here, through the same command, so the demo tells
one story. Every demo login uses the password DEMO_PASSWORD.

Steer and Contribute: a year of goals, measurements, contributions, help, thanks and craft commitments, dated
over the twelve months before today. Binnendienst works under personal revenue targets, so its help comes late
in the month, after people reach their own target, and flows to the busiest portfolios; one of its goals is the
ego goal the goal check flags. Service & Onderhoud steers on team goals: help there is frequent, spread over the
month, confirmed and thanked. Everything goes through the services, so the demo keeps the rules a real user
meets, and a seeded random generator gives the same story on every load.

The balance scan: two closed rounds a year apart, each ending in actions. Leaders rate naoberschap far higher
than staff and predict the staff's scores too optimistically; Binnendienst's staff score it lowest, Service &
Onderhoud's highest. By the second round naoberschap, trust and the long term have moved up and the gap has
narrowed without closing, while speed has gone down a little.

Stories: about seventy, each signified by its teller and dated over the year. Binnendienst's tell of wanting to
help but first having to reach one's own target and of customers waiting on the busiest portfolio, and, in the
last months, of helping becoming normal under the team goal while the personal bonus is still there. Service &
Onderhoud's tell of craftsmanship, first-time fixes and helping each other; Projecten and Werkvoorbereiding of
handovers, planning and materials. Some anonymous stories name colleagues, so the masking shows.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from naober.accounts.models import User
from naober.contributions.models import (
    COLLEAGUE_ROLES,
    Appreciation,
    Contribution,
    CraftCommitment,
    Help,
    HelpStatus,
    Reflection,
    Visibility,
)
from naober.contributions.services import (
    appreciation_give,
    commitment_create,
    contribution_record,
    help_answer,
    help_record,
    reflection_add,
)
from naober.goals.models import Direction, Goal, Horizon, Indicator, IndicatorKind, Scope, Value
from naober.goals.services import goal_save, indicator_save, measurement_record, values_create_defaults
from naober.orgs.models import Membership, Organisation, Person, Portfolio, Role, Team
from naober.scan.instrument import PREDICTED_BLOCKS, SLIDER_MAX, SLIDER_MIN, Instrument
from naober.scan.instrument import load as scan_instrument
from naober.scan.models import Action, Participation, RoleGroup, ScanRound
from naober.scan.services import Letter, action_add, response_submit, round_close, round_open
from naober.stories.models import SLIDERS, Frequency, MoreOrLess, Story, StoryVisibility, Tone
from naober.stories.services import story_tell

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


TEAM_MEMBERS = {team: members for team, _description, members in TEAMS}
PLANNER, APPRENTICE = "Wouter Nieuwenhuis", "Sander Olthof"
# Who goes out to customers: Service & Onderhoud without its planner and its apprentice.
TECHNICIANS = tuple(
    name for name, _job_title in TEAM_MEMBERS["Service & Onderhoud"] if name not in (PLANNER, APPRENTICE)
)

# Customers named in contributions and help, per Binnendienst portfolio owner; service visits all of them.
# All fictional.
CUSTOMERS: dict[str, tuple[str, ...]] = {
    "Bram Oude Luttikhuis": ("Woonstichting Het Hoge Veld", "Wooncorporatie Twentestad", "Stichting Woonzorg Borne"),
    "Chantal Nijhuis": ("Zorgcentrum De Esch", "Verpleeghuis Oldenhof", "Huisartsenpraktijk Tuindorp"),
    "Daan Kamphuis": ("Basisschool De Wegwijzer", "Sporthal Het Veldkamp", "Gemeentehuis Borne"),
    "Fleur ter Haar": ("familie Brinkhuis", "familie Nijland", "mevrouw Scholte in de Hasseler Es"),
    "Gijs Wolters": ("familie Ten Brinke", "familie Oude Nijhuis", "meneer Wessels in Borne"),
    "Hanneke Lansink": ("Accountantskantoor Roerdink", "Bakkerij Lohuis", "Tandartspraktijk Groot Driene"),
    "Iris Scholten": ("Melkveebedrijf Wiggers", "Zorgboerderij De Hoeve", "Loonbedrijf Ter Beek"),
    "Jeroen Haverkate": ("Metaalbewerking Twentekanaal", "Kunststoffen Oost", "Drukkerij Hofman"),
}
ALL_CUSTOMERS = tuple(customer for customers in CUSTOMERS.values() for customer in customers)


class Deed(NamedTuple):
    """A contribution to draw from. `{customer}` is filled in; `goal` is a key of the story's goals, `value`
    the name of a value."""

    text: str
    notice: str
    goal: str = ""
    value: str = ""


BINNENDIENST_DEEDS = (
    Deed(
        "Offerte voor het vervangen van de cv-ketels bij {customer} uitgewerkt en dezelfde dag nagebeld.",
        "Ze weten binnen een dag waar ze aan toe zijn.",
        goal="revenue",
    ),
    Deed(
        "Storingsmelding van {customer} meteen bij de serviceplanning neergelegd en de klant teruggebeld met een tijd.",
        "De klant hoeft niet zelf achter de monteur aan te bellen.",
        goal="answer_in_a_day",
    ),
    Deed(
        "De onderhoudscontracten in mijn pakket nagelopen; vier verlopen contracten verlengd.",
        "Niemand valt ongemerkt buiten het jaarlijkse onderhoud.",
        goal="own_portfolio",
    ),
    Deed(
        "Klacht van {customer} over een dubbele factuur uitgezocht met de administratie.",
        "Een correcte factuur en een excuus, binnen twee dagen.",
        value="Klantzorg",
    ),
    Deed(
        "De vragen die al langer dan een dag in de gezamenlijke mailbox stonden beantwoord.",
        "Klanten die al wachtten, kregen vandaag antwoord.",
        goal="answer_in_a_day",
    ),
    Deed(
        "Nieuwe klant {customer} ingevoerd met contactpersonen en de gegevens van de installatie.",
        "Bij de eerste storing weet de monteur meteen wat er staat.",
        value="Kwaliteit",
    ),
    Deed(
        "Met Werkvoorbereiding de levering van de warmtepomp voor {customer} rondgekregen.",
        "De monteur staat op de afgesproken dag met het juiste materiaal voor de deur.",
        value="Ketensamenwerking",
    ),
    Deed(
        "De uitleg over subsidie voor hybride warmtepompen op één A4 gezet voor de hele binnendienst.",
        "Iedereen geeft dezelfde heldere uitleg, wie er ook opneemt.",
        value="Leren en innoveren",
    ),
    Deed(
        "Jaargesprek gevoerd met {customer} over hun installaties en plannen voor volgend jaar.",
        "Ze horen van ons voordat er iets kapotgaat.",
        goal="own_portfolio",
    ),
    Deed("Meerwerkopdracht bij {customer} getekend gekregen.", "", goal="revenue"),
    Deed(
        "De onderhoudsplanning voor het komende kwartaal met {customer} afgestemd.",
        "Geen monteur voor de deur op een dag dat het gebouw dicht is.",
        value="Klantzorg",
    ),
)

SERVICE_DEEDS = (
    Deed(
        "Storing aan de warmtepomp bij {customer} in één bezoek verholpen.",
        "Weer warm water, zonder tweede afspraak.",
        goal="right_first_time",
    ),
    Deed(
        "Spoedstoring aan de koelcel bij {customer} 's avonds nog opgelost.",
        "De koeling draaide weer voor de ochtendlevering.",
        goal="fix_in_24h",
    ),
    Deed(
        "Onderdelen voor de ketelwissel bij {customer} de avond ervoor al in de bus gelegd.",
        "Geen wachttijd op de ochtend zelf; het werk was voor de lunch klaar.",
        goal="right_first_time",
    ),
    Deed(
        "Jaarlijkse keuring van de luchtbehandeling bij {customer} gedaan en het rapport dezelfde dag ingeleverd.",
        "Ze hebben hun keuringsrapport al voordat de verzekeraar erom vraagt.",
        value="Kwaliteit",
    ),
    Deed(
        "Sander laten meekijken bij het inregelen van een vloerverwarming en hem daarna laten uitleggen wat hij zag.",
        "Volgend jaar doet Sander dit zelf, net zo zorgvuldig.",
        goal="next_generation",
    ),
    Deed(
        "Een terugkerende storing bij {customer} uitgezocht tot de oorzaak: een verkeerd ingestelde stooklijn.",
        "Het blijft nu warm, en we hoeven er niet nog eens heen.",
        goal="right_first_time",
    ),
    Deed(
        "Werkbon met foto's en meetwaarden volledig ingevuld, zodat de binnendienst {customer} meteen kon antwoorden.",
        "Een antwoord op de vraag wat er gedaan is, zonder terugbellen.",
        value="Ketensamenwerking",
    ),
    Deed(
        "De bus opnieuw ingericht met de onderdelen die we bij storingen het vaakst missen.",
        "Vaker in één keer klaar.",
        goal="right_first_time",
    ),
    Deed(
        "Storingsdienst in het weekend gedraaid; drie storingen dezelfde dag verholpen.",
        "Niemand zat het weekend in de kou.",
        goal="fix_in_24h",
    ),
    Deed(
        "Nieuwe storingscodes van de warmtepompleverancier uitgezocht en in de groepsapp gedeeld.",
        "Elke monteur herkent de storing meteen.",
        value="Leren en innoveren",
    ),
    Deed(
        "Met {customer} doorgenomen hoe ze de installatie bij een kleine storing zelf kunnen resetten.",
        "Bij een kleine storing hoeven ze niet op ons te wachten.",
        value="Klantzorg",
    ),
)

PLANNER_DEEDS = (
    Deed(
        "Planning omgegooid zodat de storing bij {customer} nog dezelfde middag opgepakt werd.",
        "Binnen een paar uur een monteur over de vloer.",
        goal="fix_in_24h",
    ),
    Deed(
        "Storingen en onderhoud per wijk gebundeld, zodat monteurs minder rijden en meer tijd bij de klant hebben.",
        "De monteur heeft geen haast als hij binnenkomt.",
        goal="fix_in_24h",
    ),
)

APPRENTICE_DEEDS = (
    Deed(
        "Voor het eerst zelfstandig een cv-ketel in bedrijf gesteld; Luuk keek alleen mee.",
        "Een nette installatie, met uitleg aan de klant erbij.",
        goal="next_generation",
    ),
    Deed(
        "Mijn eigen stappenplan voor het inregelen van een warmtepomp geschreven en met Vera doorgelopen.",
        "",
        goal="next_generation",
    ),
)

PROJECT_DEEDS = (
    Deed(
        "Oplevering van de installatie in het nieuwe zorgcentrum zonder restpunten afgerond.",
        "Ze konden op de afgesproken dag de eerste bewoners ontvangen.",
        goal="clean_handover",
    ),
    Deed(
        "Met Werkvoorbereiding de tekening van de luchtbehandeling in het schoolgebouw doorgelopen vóór de start.",
        "Geen verrassingen op de bouw, geen vertraging voor de aannemer.",
        value="Ketensamenwerking",
    ),
    Deed(
        "Kees het hardsolderen van koperleidingen geleerd op het project in Borne.",
        "",
        value="Leren en innoveren",
    ),
    Deed(
        "Restpunten van de renovatie in de Hasseler Es binnen een week weggewerkt.",
        "De bewoners hebben hun huis weer voor zichzelf.",
        goal="clean_handover",
    ),
)

PREPARATION_DEEDS = (
    Deed(
        "Materiaalstaat voor het project in Borne met de projectleider doorgenomen en compleet besteld.",
        "De monteurs beginnen met alles op de bouw.",
        goal="plan_together",
    ),
    Deed(
        "Calculatie aan Projecten overgedragen in een gezamenlijke startbespreking.",
        "Wat verkocht is, wordt ook zo gebouwd.",
        goal="plan_together",
    ),
    Deed(
        "Levertijd van de warmtepompen bewaakt en de planning op tijd aangepast.",
        "De klant hoort op tijd als iets verschuift.",
        goal="plan_together",
    ),
    Deed(
        "Tekeningen van de technische ruimte bijgewerkt na de wijziging op de bouw.",
        "De revisietekening klopt bij de oplevering.",
        value="Kwaliteit",
    ),
)

STAFF_DEEDS = {
    "Thijs Slot": Deed("Toolbox over veilig werken op daken gegeven aan Service en Projecten.", "", value="Kwaliteit"),
    "Sanne Eshuis": Deed(
        "Met het ROC van Twente de BBL-plaatsen voor volgend schooljaar afgestemd.",
        "Over een paar jaar staan er monteurs bij de klant die hier het vak leerden.",
        value="Leren en innoveren",
    ),
    "Gerard ter Horst": Deed(
        "Met Karin de oude installatietekeningen van vaste klanten uit het archief gehaald en gedigitaliseerd.",
        "Een monteur ziet bij de klant meteen wat er dertig jaar geleden is aangelegd.",
        value="Kwaliteit",
    ),
}


class HelpTexts(NamedTuple):
    """How help in a team is told: by the helper ({helped}, {customer}), by the one helped ({helper},
    {customer}), and, when the helper tells it in a contribution, what the customer noticed and the goal served."""

    given: tuple[str, ...]
    got: tuple[str, ...]
    notices: tuple[str, ...]
    goal: str


_OFFICE_HELP_GIVEN = (
    "Openstaande offertes voor {customer} voorbereid, zodat {helped} ze alleen nog hoefde te versturen.",
    "Klanten van {helped} teruggebeld over hun onderhoudsafspraak.",
    "Terugbelverzoeken uit het pakket van {helped} afgehandeld.",
)
_OFFICE_HELP_GOT = (
    "{helper} nam mijn telefoon over toen het te druk werd.",
    "{helper} belde {customer} terug toen ik in gesprek zat.",
    "{helper} werkte mijn achterstand in de mailbox weg.",
)
_OFFICE_NOTICES = (
    "Klanten kregen dezelfde dag antwoord in plaats van na een paar dagen.",
    "Niemand hoefde twee keer te bellen.",
)
# Binnendienst help after the twentieth, once the helper's own target is in, and before.
OFFICE_HELP_LATE = HelpTexts(
    (
        *_OFFICE_HELP_GIVEN,
        "Target binnen, dus de rest van de week de telefoon van {helped} meegedaan.",
        "Mijn eigen cijfers stonden; daarna de achterstand in de mailbox van {helped} weggewerkt.",
    ),
    _OFFICE_HELP_GOT,
    _OFFICE_NOTICES,
    goal="answer_in_a_day",
)
OFFICE_HELP_EARLY = HelpTexts(
    (*_OFFICE_HELP_GIVEN, "De mailbox van {helped} bijgewerkt tijdens de vakantie."),
    _OFFICE_HELP_GOT,
    _OFFICE_NOTICES,
    goal="answer_in_a_day",
)
SERVICE_HELP = HelpTexts(
    (
        "Samen met {helped} de storing bij {customer} gezocht; het bleek de driewegklep.",
        "Onderdeel uit mijn bus naar {helped} bij {customer} gebracht.",
        "Avondstoring van {helped} overgenomen.",
        "{helped} telefonisch door het inregelen van de warmtepomp bij {customer} geloodst.",
        "Met {helped} de nieuwe ketel bij {customer} naar zolder gedragen.",
        "Keuring bij {customer} overgenomen zodat {helped} naar een spoedstoring kon.",
    ),
    (
        "{helper} kwam een onderdeel brengen bij {customer}; anders had de klant tot morgen gewacht.",
        "{helper} wist meteen wat de storingscode bij {customer} betekende.",
        "{helper} nam mijn weekenddienst over.",
    ),
    (
        "De klant was in één bezoek geholpen.",
        "De klant had dezelfde dag weer warmte.",
        "Geen tweede afspraak nodig.",
    ),
    goal="fix_in_24h",
)
SERVICE_TO_BINNENDIENST_HELP = (
    "{helped} uitgelegd wat de storingscode van de warmtepomp bij {customer} betekent, zodat de klant meteen "
    "antwoord had."
)
CHAIN_HELP = (
    ("Linda Veldhuis", "Ruud Hulshof", "Met {helped} de materiaallijst voor het project in Borne gecontroleerd."),
    ("Dennis Lammerink", "Otto Rouwhorst", "{helped} geholpen met inmeten op de bouw voor de revisietekening."),
    ("Marieke Temmink", "Ruud Hulshof", "Met {helped} de meerwerkprijs voor de school doorgerekend."),
    ("Bart Kuipers", "Nina Zwiers", "{helped} op de bouw laten zien waar de tekening niet klopte."),
)

# Thanks for help, by the teams of the helper and of the one helped.
THANKS_FOR_HELP = {
    ("Service & Onderhoud", "Service & Onderhoud"): (
        "Dankzij jou was de klant dezelfde dag geholpen.",
        "Top dat je even langskwam met dat onderdeel.",
        "Zonder jouw meetwaarden had ik het nooit gevonden.",
        "Dank je, zo was ik op tijd bij mijn volgende klant.",
        "Fijn dat je mijn dienst overnam, dat kwam echt goed uit.",
    ),
    ("Service & Onderhoud", "Binnendienst"): (
        "Dank je, zo kon ik de klant meteen antwoorden.",
        "Weer wat geleerd over warmtepompen, dank je!",
    ),
    ("Binnendienst", "Binnendienst"): (
        "Dank je, mijn mailbox was weer te overzien.",
        "Fijn dat je mijn telefoon overnam, ik kon eindelijk die offertes afmaken.",
        "Dank voor het meedenken met die klant.",
    ),
}
THANKS_FOR_CHAIN_HELP = (
    "Dank je, zo konden we op de bouw door.",
    "Fijn dat je meedacht, dat scheelde ons een dag.",
)
THANKS_FOR_CONTRIBUTIONS = (
    "Mooi werk, zo willen we het.",
    "Dit scheelt ons allemaal tijd, dank je.",
    "Goed dat je dit gedeeld hebt.",
    "De klant belde me om te zeggen hoe blij ze waren.",
)

# The private stories of "first my own target" (DESIGN.md §9): author, months back, day of the month, text.
OWN_TARGET_FIRST = (
    ("Chantal Nijhuis", 6, 12, "Wilde Daan helpen met zijn offerte, maar moest eerst mijn eigen target halen."),
    (
        "Hanneke Lansink",
        10,
        14,
        "Zag de mailbox van Fleur vollopen en heb niets gedaan: mijn eigen cijfers stonden nog niet.",
    ),
    (
        "Jeroen Haverkate",
        8,
        22,
        "Pas na de twintigste tijd gehad om Gijs te helpen; daarvoor zat ik zelf onder mijn target.",
    ),
    (
        "Iris Scholten",
        5,
        9,
        "Een klant van Fleur belde voor de derde keer. Doorverbonden in plaats van zelf opgelost; "
        "dat telt niet voor mij.",
    ),
    (
        "Daan Kamphuis",
        3,
        19,
        "Target deze maand op de achttiende gehaald. Daarna de hele week telefoon van anderen gedaan. Voelt dubbel.",
    ),
    (
        "Gijs Wolters",
        1,
        16,
        "Ik merk dat ik offertes voor mijn eigen pakket voorrang geef boven storingen van klanten van anderen.",
    ),
)


def _email_for(name: str) -> str:
    for login in DEMO_LOGINS:
        if login.name == name:
            return login.email
    local = name.lower().replace(" ", ".").replace("&", "")
    return f"{local}@terhorst.example"


def _acting_as(organisation: Organisation, person: Person) -> Membership:
    """The membership a demo person acts through when the services ask for one.

    The services take the acting person's Membership, but most demo people have no login (like most staff of
    a real installation firm). They act through an unsaved Membership: the services read only its organisation,
    person and role, and a saved one would be a login nobody asked for."""
    return Membership(organisation=organisation, person=person, role=Role.MEMBER)


def _month_start(today: date, months_back: int) -> date:
    index = today.year * 12 + today.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _workdays(month: date, first_day: int, last_day: int, until: date) -> list[date]:
    length = calendar.monthrange(month.year, month.month)[1]
    days = (month.replace(day=day) for day in range(first_day, min(last_day, length) + 1))
    return [day for day in days if day.weekday() < 5 and day <= until]


def _last_workday(month: date) -> date:
    day = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _workdays_before(today: date, count: int) -> date:
    day = today
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


@dataclass
class _Story:
    """A year of Steer and Contribute for Ter Horst, told through the services."""

    org: Organisation
    people: dict[str, Person]
    teams: dict[str, Team]
    logins: dict[str, Membership]
    today: date
    now: datetime
    rng: random.Random = field(default_factory=lambda: random.Random(DEMO_SLUG))  # noqa: S311 - demo data, not secrets
    values: dict[str, Value] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    contributions: list[Contribution] = field(default_factory=list)
    help: list[Help] = field(default_factory=list)
    thanks: list[tuple[Appreciation, date]] = field(default_factory=list)
    commitments: list[tuple[CraftCommitment, date]] = field(default_factory=list)
    reflections: list[tuple[Reflection, date]] = field(default_factory=list)
    # Help that stays as it is when the rest is confirmed: recent help still waiting, and help not recognised.
    waiting: set[int] = field(default_factory=set)
    declined: set[int] = field(default_factory=set)
    planned_thanks: list[tuple[str, str, Contribution | Help]] = field(default_factory=list)

    def tell(self) -> None:
        self.values = {value.name: value for value in Value.objects.in_org(self.org)}
        self._steer()
        for months_back in range(11, -1, -1):
            month = _month_start(self.today, months_back)
            self._binnendienst_month(month)
            self._service_month(month)
            self._chain_month(month, months_back)
        self._scenes()
        self._craft()
        self._answer_help()
        self._thank()
        self._backdate()

    # Who is who.

    def members(self, team: str) -> list[str]:
        return [name for name, _job_title in TEAM_MEMBERS[team]]

    def team_of(self, name: str) -> str:
        return next(team for team, members in TEAM_MEMBERS.items() if name in dict(members))

    def takes_part(self, name: str) -> bool:
        """Whether someone records and thanks: not through a coach's or works council login (Olga's)."""
        return name not in self.logins or self.logins[name].role in COLLEAGUE_ROLES

    def help_of(self, contribution: Contribution) -> Help:
        """The help record a contribution made for the one colleague it says was helped."""
        return next(record for record in self.help if record.contribution_id == contribution.pk)

    def acting(self, name: str) -> Membership:
        return self.logins.get(name) or _acting_as(self.org, self.people[name])

    # Steer: goals, indicators and a year of measurements.

    def _goal(
        self,
        key: str,
        *,
        team: str,
        title: str,
        values: Sequence[str],
        straight_line: str,
        meaning: str = "",
        horizon: str = Horizon.YEAR,
        scope: str = Scope.TEAM,
    ) -> Goal:
        goal = goal_save(
            organisation=self.org,
            team=self.teams[team],
            title=title,
            values=[self.values[name] for name in values],
            straight_line=straight_line,
            meaning=meaning,
            horizon=horizon,
            scope=scope,
        )
        self.goals[key] = goal
        return goal

    def _measure(self, indicator: Indicator, series: Sequence[float], *, every_months: int = 1) -> None:
        """Record `series`, oldest first, at the ends of the months up to last month; `every_months` apart."""
        last_months_back = range(len(series) * every_months - every_months + 1, 0, -every_months)
        for months_back, number in zip(last_months_back, series, strict=True):
            measurement_record(
                indicator=indicator,
                measured_on=_last_workday(_month_start(self.today, months_back)),
                value=Decimal(f"{number:.1f}"),
            )

    def _trend(self, start: float, end: float, noise: float, *, summer_dip: float = 0.0) -> list[float]:
        """Twelve monthly values from `start` to `end`, with noise and a dip in the holiday months."""
        values = []
        for index in range(12):
            month = _month_start(self.today, 12 - index)
            dip = summer_dip if month.month in (7, 8) else 0.0
            values.append(start + (end - start) * index / 11 + self.rng.uniform(-noise, noise) - dip)
        return values

    def _steer(self) -> None:
        one_day = self._goal(
            "answer_in_a_day",
            team="Binnendienst",
            title="Elke klantvraag binnen één werkdag beantwoord",
            values=["Klantzorg", "Doorlooptijd"],
            straight_line=(
                "Elke vraag die binnenkomt, per telefoon of mail, heeft binnen één werkdag een antwoord of een "
                "afspraak, uit welk klantenpakket hij ook komt."
            ),
            meaning="De klant hoeft nooit twee keer te bellen en weet de volgende dag waar hij aan toe is.",
            horizon=Horizon.YEAR,
        )
        in_a_day = indicator_save(
            goal=one_day,
            name="Vragen binnen een werkdag af",
            kind=IndicatorKind.LEAD_TIME,
            unit="%",
            target=Decimal(90),
        )
        # Rising slowly, never reaching the target: the honest part of the story.
        self._measure(in_a_day, self._trend(68, 80, 1.5, summer_dip=3))
        busiest_wait = indicator_save(
            goal=one_day,
            name="Gemiddelde wachttijd pakket Particulieren Hengelo",
            kind=IndicatorKind.LEAD_TIME,
            unit="uur",
            direction=Direction.LOWER,
            target=Decimal(8),
        )
        self._measure(busiest_wait, self._trend(30, 22, 2.5, summer_dip=-4))

        # The ego goal of DESIGN.md §9: labelled with a value, measured in euros only, without a meaning.
        revenue = self._goal(
            "revenue",
            team="Binnendienst",
            title="+€150.000 omzet",
            values=["Klantzorg"],
            straight_line="Dit jaar €150.000 meer omzet uit de klantenpakketten dan vorig jaar.",
            horizon=Horizon.YEAR,
        )
        extra_revenue = indicator_save(
            goal=revenue,
            name="Extra omzet ten opzichte van vorig jaar (cumulatief)",
            kind=IndicatorKind.REVENUE,
            unit="€",
            target=Decimal(150000),
        )
        cumulative, total = [], 0
        for _month in range(12):
            total += self.rng.randrange(8000, 14000, 100)
            cumulative.append(float(total))
        self._measure(extra_revenue, cumulative)

        own_portfolio = self._goal(
            "own_portfolio",
            team="Binnendienst",
            title="Elke klant in het eigen pakket één keer per jaar gesproken",
            values=["Klantzorg"],
            straight_line=(
                "Iedereen spreekt elke klant in het eigen klantenpakket minstens één keer per jaar over de "
                "installaties en de plannen."
            ),
            meaning="De klant hoort van ons voordat er iets kapotgaat, en kent zijn vaste contactpersoon.",
            horizon=Horizon.YEAR,
            scope=Scope.INDIVIDUAL,
        )
        spoken = indicator_save(
            goal=own_portfolio,
            name="Klanten in het eigen pakket gesproken",
            kind=IndicatorKind.CUSTOMER,
            unit="%",
            target=Decimal(100),
        )
        self._measure(spoken, self._trend(6, 74, 1))

        in_24h = self._goal(
            "fix_in_24h",
            team="Service & Onderhoud",
            title="Storing binnen 24 uur verholpen",
            values=["Doorlooptijd", "Klantzorg"],
            straight_line=(
                "Een storing is binnen 24 uur na de melding verholpen, of de klant heeft een werkende noodoplossing."
            ),
            meaning="Niemand zit langer dan een dag zonder warmte, warm water of koeling.",
            horizon=Horizon.YEAR,
        )
        within_24h = indicator_save(
            goal=in_24h,
            name="Storingen binnen 24 uur verholpen",
            kind=IndicatorKind.LEAD_TIME,
            unit="%",
            target=Decimal(95),
        )
        self._measure(within_24h, [min(96.5, value) for value in self._trend(91, 94.5, 1.5, summer_dip=2)])

        first_time = self._goal(
            "right_first_time",
            team="Service & Onderhoud",
            title="Goed in één keer: geen tweede bezoek",
            values=["Kwaliteit"],
            straight_line=(
                "Een monteur lost een storing of onderhoud in één bezoek op: met de juiste onderdelen in de bus "
                "en de juiste informatie vooraf."
            ),
            meaning="De klant hoeft niet nog een keer vrij te nemen voor dezelfde storing.",
            horizon=Horizon.YEAR,
        )
        fixed_first_time = indicator_save(
            goal=first_time, name="Goed in één keer", kind=IndicatorKind.QUALITY, unit="%", target=Decimal(92)
        )
        self._measure(fixed_first_time, self._trend(86, 91, 1.2))
        return_visits = indicator_save(
            goal=first_time,
            name="Terugkomers binnen 30 dagen",
            kind=IndicatorKind.QUALITY,
            unit="bezoeken",
            direction=Direction.LOWER,
            target=Decimal(5),
        )
        self._measure(return_visits, [round(value) for value in self._trend(14, 8, 1.5)])

        craft = self._goal(
            "next_generation",
            team="Service & Onderhoud",
            title="Vakmanschap doorgeven aan de volgende generatie monteurs",
            values=["Leren en innoveren", "Kwaliteit"],
            straight_line=(
                "Elk jaar leiden we leerling-monteurs op, en elke ervaren monteur geeft zijn kennis door, zodat het "
                "vak in Twente blijft."
            ),
            meaning="Over tien jaar staat er nog steeds een vakman van Ter Horst voor de deur die de installatie kent.",
            horizon=Horizon.GENERATION,
        )
        apprentices = indicator_save(
            goal=craft,
            name="Leerling-monteurs in opleiding",
            kind=IndicatorKind.LEARNING,
            unit="leerlingen",
            target=Decimal(4),
        )
        self._measure(apprentices, [2, 2, 3, 3], every_months=3)
        mentors = indicator_save(
            goal=craft,
            name="Monteurs die een leerling begeleiden",
            kind=IndicatorKind.LEARNING,
            unit="monteurs",
            target=Decimal(6),
        )
        self._measure(mentors, [3, 3, 4, 5], every_months=3)

        together = self._goal(
            "plan_together",
            team="Werkvoorbereiding",
            title="Werkvoorbereiding en projecten plannen samen",
            values=["Ketensamenwerking"],
            straight_line=(
                "Elk project begint met een gezamenlijke overdracht: tekening, materiaal en planning liggen klaar "
                "vóór de eerste werkdag op de bouw."
            ),
            meaning="De opdrachtgever ziet monteurs die vanaf dag één doorwerken en geen materiaal missen.",
            horizon=Horizon.YEAR,
        )
        handovers = indicator_save(
            goal=together,
            name="Overdrachten op tijd en compleet",
            kind=IndicatorKind.COLLABORATION,
            unit="%",
            target=Decimal(90),
        )
        self._measure(handovers, self._trend(70, 86, 2.5))

        clean = self._goal(
            "clean_handover",
            team="Projecten",
            title="Oplevering zonder restpunten",
            values=["Kwaliteit"],
            straight_line="Een installatie wordt opgeleverd als hij af is: getest, ingeregeld en met revisietekening.",
            meaning="De opdrachtgever neemt zijn gebouw op de opleverdatum in gebruik, zonder lijst met restpunten.",
            horizon=Horizon.YEAR,
        )
        without_snags = indicator_save(
            goal=clean,
            name="Opleveringen zonder restpunten",
            kind=IndicatorKind.QUALITY,
            unit="%",
            target=Decimal(80),
        )
        # Not everything improves (DESIGN.md §9).
        self._measure(without_snags, [62, 70, 66, 71], every_months=3)

    # Contribute: what people did, and the help between them.

    def contribute(
        self,
        name: str,
        deed: Deed,
        on: date,
        *,
        customer: str = "",
        visibility: str = Visibility.TEAM,
        helped: Sequence[str] = (),
    ) -> Contribution:
        contribution = contribution_record(
            membership=self.acting(name),
            text=deed.text.format(customer=customer),
            customer_notice=deed.notice.format(customer=customer),
            goal=self.goals[deed.goal] if deed.goal else None,
            value=self.values[deed.value] if deed.value else None,
            visibility=visibility,
            helped=[self.people[person] for person in helped],
            occurred_on=on,
        )
        self.contributions.append(contribution)
        if helped:
            self.help.extend(contribution.help_records.order_by("pk"))
        return contribution

    def record_help(self, *, helper: str, helped: str, description: str, on: date, by_helper: bool = True) -> Help:
        record = help_record(
            membership=self.acting(helper if by_helper else helped),
            helper=self.people[helper],
            helped=self.people[helped],
            description=description,
            occurred_on=on,
        )
        self.help.append(record)
        return record

    def _visibility(self) -> str:
        draw = self.rng.random()
        if draw < 0.14:
            return Visibility.PRIVATE
        return Visibility.ORGANISATION if draw < 0.30 else Visibility.TEAM

    def _deeds(self, authors: Sequence[str], deeds: Sequence[Deed], month: date, count: int) -> None:
        for _deed in range(count):
            author, deed = self.rng.choice(authors), self.rng.choice(deeds)
            days = _workdays(month, 1, 31, self.today)
            if not days:
                continue
            customer = self.rng.choice(CUSTOMERS.get(author, ALL_CUSTOMERS))
            self.contribute(author, deed, self.rng.choice(days), customer=customer, visibility=self._visibility())

    def _help_event(self, helper: str, helped: str, on: date, texts: HelpTexts) -> None:
        """One piece of help, told the way people do: in a contribution, or recorded by either of the two."""
        customer = self.rng.choice(CUSTOMERS.get(helped, ALL_CUSTOMERS))
        names = {"helper": helper.split()[0], "helped": helped.split()[0], "customer": customer}
        draw = self.rng.random()
        if draw < 0.4:
            deed = Deed(self.rng.choice(texts.given).format(**names), self.rng.choice(texts.notices), texts.goal)
            self.contribute(helper, deed, on, helped=[helped])
        elif draw < 0.78:
            description = self.rng.choice(texts.given).format(**names)
            self.record_help(helper=helper, helped=helped, description=description, on=on)
        else:
            description = self.rng.choice(texts.got).format(**names)
            self.record_help(helper=helper, helped=helped, description=description, on=on, by_helper=False)

    def _binnendienst_month(self, month: date) -> None:
        members = self.members("Binnendienst")
        self._deeds(members, BINNENDIENST_DEEDS, month, 4)
        # Help under personal revenue targets: mostly after the twentieth, once the helper's own target is in,
        # and mostly to the portfolios with the most customers, whose queues are longest.
        load = {owner: customers for owner, _portfolio, customers in PORTFOLIOS}
        for _event in range(4):
            helper = self.rng.choices(members, weights=[0.5 if load[m] > 100 else 1.0 for m in members])[0]
            others = [member for member in members if member != helper]
            helped = self.rng.choices(others, weights=[load[member] for member in others])[0]
            late = self.rng.random() < 0.8
            days = _workdays(month, 21, 31, self.today) if late else _workdays(month, 1, 20, self.today)
            if days:
                on = self.rng.choice(days)
                self._help_event(helper, helped, on, OFFICE_HELP_LATE if late else OFFICE_HELP_EARLY)

    def _service_month(self, month: date) -> None:
        self._deeds(TECHNICIANS, SERVICE_DEEDS, month, 4)
        self._deeds([PLANNER], PLANNER_DEEDS, month, 1 if month.month % 3 == 0 else 0)
        self._deeds([APPRENTICE], APPRENTICE_DEEDS, month, 1 if month.month % 3 == 1 else 0)
        # Help under team goals: often, any day of the month; the apprentice gets his share.
        for _event in range(8):
            helper = self.rng.choice(TECHNICIANS)
            helped = self.rng.choice([name for name in (*TECHNICIANS, APPRENTICE) if name != helper])
            days = _workdays(month, 1, 31, self.today)
            if days:
                self._help_event(helper, helped, self.rng.choice(days), SERVICE_HELP)

    def _chain_month(self, month: date, months_back: int) -> None:
        self._deeds(self.members("Projecten"), PROJECT_DEEDS, month, 1)
        self._deeds(self.members("Werkvoorbereiding"), PREPARATION_DEEDS, month, 1)
        if months_back % 4 == 0:
            for name, deed in STAFF_DEEDS.items():
                days = _workdays(month, 1, 31, self.today)
                if days:
                    self.contribute(name, deed, self.rng.choice(days), visibility=Visibility.ORGANISATION)
        days = _workdays(month, 1, 31, self.today)
        if not days:
            return
        technician = self.rng.choice(TECHNICIANS)
        office = self.rng.choice(self.members("Binnendienst"))
        customer = self.rng.choice(CUSTOMERS[office])
        description = SERVICE_TO_BINNENDIENST_HELP.format(helped=office.split()[0], customer=customer)
        self.record_help(helper=technician, helped=office, description=description, on=self.rng.choice(days))
        if months_back % 2 == 0:
            helper, helped, text = CHAIN_HELP[months_back // 2 % len(CHAIN_HELP)]
            description = text.format(helped=helped.split()[0])
            self.record_help(helper=helper, helped=helped, description=description, on=self.rng.choice(days))

    def _on(self, months_back: int, day: int) -> date:
        """The working day nearest to `day` in the month `months_back` months ago, never after today."""
        month = _month_start(self.today, months_back)
        days = _workdays(month, 1, 31, self.today) or [self.today]
        return min(days, key=lambda candidate: abs(candidate.day - day))

    def _scenes(self) -> None:
        """The moments the demo's logins meet first, and the stories DESIGN.md §9 names."""
        for author, months_back, day, text in OWN_TARGET_FIRST:
            self.contribute(author, Deed(text, ""), self._on(months_back, day), visibility=Visibility.PRIVATE)

        # Chantal: what she did, help given and received, thanks, and two requests waiting for her.
        chantal = "Chantal Nijhuis"
        called = self.contribute(
            chantal,
            Deed(
                "Zorgcentrum De Esch gebeld over de terugkerende storing aan het warm water en een vaste monteur "
                "afgesproken.",
                "Ze hebben één aanspreekpunt en hoeven hun verhaal niet steeds opnieuw te vertellen.",
                goal="answer_in_a_day",
            ),
            self._on(9, 8),
        )
        self.thank_later("Bram Oude Luttikhuis", "Mooi dat je dit zo regelt, zo wil ik dat we het doen.", called)
        self.contribute(
            chantal,
            Deed(
                "Met Vera een korte uitleg over legionella spoelen gemaakt voor de technische diensten van de "
                "zorginstellingen.",
                "Ze weten wat ze zelf moeten doen, en wanneer ze ons moeten bellen.",
                value="Kwaliteit",
            ),
            self._on(7, 15),
            visibility=Visibility.ORGANISATION,
        )
        vera = self.record_help(
            helper="Vera Hesselink",
            helped=chantal,
            description="Vera legde me uit hoe legionella spoelen werkt en las de uitleg voor de klanten na.",
            on=self._on(7, 14),
            by_helper=False,
        )
        self.thank_later(chantal, "Zonder jou had ik dit nooit zo helder kunnen uitleggen. Dank je!", vera)
        phones = self.contribute(
            chantal,
            Deed(
                "Na het halen van mijn target twee middagen de telefoon voor Particulieren Hengelo gedaan.",
                "Particulieren kregen dezelfde dag antwoord in plaats van na drie dagen.",
                goal="answer_in_a_day",
            ),
            self._on(4, 24),
            helped=["Fleur ter Haar"],
        )
        self.thank_later(
            "Fleur ter Haar", "Dank je Chantal, ik kon eindelijk mijn offertes afmaken.", self.help_of(phones)
        )
        self.record_help(
            helper="Daan Kamphuis",
            helped=chantal,
            description="Vragen van Huisartsenpraktijk Tuindorp beantwoord tijdens de vakantie van Chantal.",
            on=self._on(5, 23),
        )
        self.contribute(
            chantal,
            Deed(
                "Jaargesprek gevoerd met Verpleeghuis Oldenhof over het vervangen van de luchtbehandeling.",
                "Ze kunnen de vervanging op tijd in hun begroting opnemen.",
                goal="own_portfolio",
            ),
            self._on(2, 10),
        )
        self.record_help(
            helper=chantal,
            helped="Gijs Wolters",
            description="Terugbelverzoeken van Particulieren Enschede en Borne afgehandeld.",
            on=self._on(1, 25),
        )
        waiting_for_chantal = [
            self.help_of(
                self.contribute(
                    "Gijs Wolters",
                    Deed(
                        "Vraag van Zorgcentrum De Esch over de onderhoudsbeurt beantwoord terwijl Chantal bij een "
                        "klant zat.",
                        "Ze hadden binnen een uur antwoord.",
                        goal="answer_in_a_day",
                    ),
                    _workdays_before(self.today, 2),
                    helped=[chantal],
                )
            ),
            self.record_help(
                helper=chantal,
                helped="Fleur ter Haar",
                description="Chantal nam de terugbelverzoeken uit mijn pakket over toen ik ziek was.",
                on=_workdays_before(self.today, 4),
                by_helper=False,
            ),
        ]
        self.waiting.update(record.pk for record in waiting_for_chantal)

        # A few more still waiting for an answer: recent, as help that nobody confirmed yet always is.
        self.waiting.add(
            self.help_of(
                self.contribute(
                    "Luuk Velthuis",
                    Deed(
                        "Samen met Marco de storing bij Bakkerij Lohuis gezocht; het bleek het expansievat.",
                        SERVICE_HELP.notices[0],
                    ),
                    _workdays_before(self.today, 1),
                    helped=["Marco Boerrigter"],
                )
            ).pk
        )
        self.waiting.add(
            self.record_help(
                helper="Jeroen Haverkate",
                helped="Iris Scholten",
                description="Jeroen belde Melkveebedrijf Wiggers terug over de storing aan de melkkoeling.",
                on=_workdays_before(self.today, 3),
                by_helper=False,
            ).pk
        )
        # Help the other one does not recognise: it happens, and the confirm step is there for it.
        self.declined.add(
            self.record_help(
                helper="Gijs Wolters",
                helped="Hanneke Lansink",
                description="Klant van Hanneke te woord gestaan over de offerte voor een nieuwe airco.",
                on=self._on(7, 27),
            ).pk
        )
        self.declined.add(
            self.record_help(
                helper="Paul Stokkers",
                helped="Ruud Hulshof",
                description="Materiaal voor het project in Borne besteld.",
                on=self._on(4, 6),
            ).pk
        )

        # Anna, the owner-director.
        anna = "Anna ter Horst"
        self.contribute(
            anna,
            Deed(
                "Met Bram en Karin besproken waarom hulp in de binnendienst pas na de twintigste op gang komt. We "
                "leggen de bonusregeling van de binnendienst in het voorjaar naast de teamdoelen van Service.",
                "",
                value="Ketensamenwerking",
            ),
            self._on(3, 12),
            visibility=Visibility.ORGANISATION,
        )
        lesson = self.contribute(
            anna,
            Deed(
                "Gastles gegeven op het ROC van Twente over het installatievak en over ons familiebedrijf.",
                "Over een paar jaar staan er monteurs bij de klant die ons al kenden.",
                value="Leren en innoveren",
            ),
            self._on(6, 18),
            visibility=Visibility.ORGANISATION,
        )
        self.thank_later("Karin Pierik", "Twee leerlingen vroegen daarna of ze een dag mee mochten rijden!", lesson)

    def _craft(self) -> None:
        """Craft commitments, chosen by the people themselves, and how they went."""
        plans = (
            (
                "Chantal Nijhuis",
                False,
                9,
                "Warmtepompen zo goed begrijpen dat ik klanten zelf kan uitleggen wat er aan de hand is",
                (
                    (
                        8,
                        "Twee middagen met Vera meegereden. Ik snap nu het verschil tussen een storing en een "
                        "instelling.",
                    ),
                    (
                        5,
                        "Voor het eerst zelf aan een zorgcentrum uitgelegd waarom de warmtepomp 's nachts harder "
                        "draait. Ze hoefden geen monteur.",
                    ),
                    (
                        2,
                        "Hybride systemen vind ik nog lastig. Vera vragen om een korte uitleg voor de hele "
                        "binnendienst.",
                    ),
                ),
            ),
            (
                "Chantal Nijhuis",
                True,
                3,
                "Elke vraag die ik niet zelf kan oplossen dezelfde dag bij de juiste collega neerleggen, ook buiten "
                "mijn eigen pakket",
                ((1, "Lukt bijna altijd. Wat helpt: de planning van Wouter erbij hebben als ik doorverbind."),),
            ),
            (
                "Bram Oude Luttikhuis",
                True,
                6,
                "Elke week een middag zelf de gezamenlijke mailbox leegwerken, zodat ik weet wat het team tegenkomt",
                (
                    (5, "De helft van de vragen in de gezamenlijke mailbox komt uit Particulieren. Dat wist ik niet."),
                    (
                        2,
                        "Ik zie nu waarom Fleur en Gijs pas laat in de maand hulp krijgen. Breng ik in bij de "
                        "leersessie.",
                    ),
                ),
            ),
            (
                "Sander Olthof",
                True,
                10,
                "Zelfstandig een warmtepomp in bedrijf stellen en inregelen",
                (
                    (8, "Met Luuk de eerste warmtepomp ingeregeld. Ik schrijf de stappen op in mijn eigen boekje."),
                    (3, "Vandaag zelf de stooklijn ingesteld; Luuk hoefde alleen mee te kijken."),
                ),
            ),
            (
                "Vera Hesselink",
                True,
                8,
                "Mijn kennis van koeltechniek doorgeven: elke maand een korte uitleg voor collega's en binnendienst",
                ((4, "Twee uitlegsessies gedaan. De binnendienst stelt nu betere vragen bij storingsmeldingen."),),
            ),
            (
                "Fleur ter Haar",
                False,
                4,
                "Rustig blijven bij boze klanten aan de telefoon",
                ((2, "Lukt beter als ik eerst laat uitpraten en pas daarna over de planning begin."),),
            ),
            (
                "Linda Veldhuis",
                True,
                5,
                "Elke overdracht aan Projecten samen doorlopen, nooit meer alleen per mail",
                (),
            ),
        )
        for name, shared, months_back, title, notes in plans:
            membership = self.acting(name)
            started = self._on(months_back, 3)
            commitment = commitment_create(
                membership=membership, title=title, period_end=started + timedelta(days=365), shared=shared
            )
            self.commitments.append((commitment, started))
            for note_months_back, text in notes:
                reflection = reflection_add(membership=membership, commitment=commitment, text=text)
                self.reflections.append((reflection, self._on(note_months_back, 20)))

    def _answer_help(self) -> None:
        """The other one of the two answers: almost always yes; recent help may still wait."""
        recent = _workdays_before(self.today, 3)
        for record in self.help:
            if record.pk in self.waiting:
                continue
            if record.occurred_on > recent and self.rng.random() < 0.5:
                continue
            help_answer(
                membership=self.acting(record.confirmer.name),
                help_record=record,
                confirmed=record.pk not in self.declined,
            )

    def thank_later(self, sender: str, message: str, subject: Contribution | Help) -> None:
        """A thank-you of a scene, given once the help is answered, as it would be."""
        self.planned_thanks.append((sender, message, subject))

    def thank(self, sender: str, message: str, subject: Contribution | Help) -> None:
        on = min(self.today, subject.occurred_on + timedelta(days=self.rng.randint(0, 3)))
        if isinstance(subject, Help):
            appreciation = appreciation_give(membership=self.acting(sender), message=message, help_record=subject)
        else:
            appreciation = appreciation_give(membership=self.acting(sender), message=message, contribution=subject)
        self.thanks.append((appreciation, on))

    def _thank(self) -> None:
        """Thanks: often for help in Service & Onderhoud, where help is visible and thanked, seldom elsewhere."""
        for sender, message, subject in self.planned_thanks:
            self.thank(sender, message, subject)
        thanked = {appreciation.help_id for appreciation, _on in self.thanks}
        for record in self.help:
            if record.status != HelpStatus.CONFIRMED or record.pk in thanked:
                continue
            teams = (self.team_of(record.helper.name), self.team_of(record.helped.name))
            if self.rng.random() < (0.25 if teams[0] == "Service & Onderhoud" else 0.08):
                messages = THANKS_FOR_HELP.get(teams, THANKS_FOR_CHAIN_HELP)
                self.thank(record.helped.name, self.rng.choice(messages), record)
        for contribution in self.contributions:
            if contribution.visibility == Visibility.PRIVATE or contribution.team is None:
                continue
            service = contribution.team.name == "Service & Onderhoud"
            if self.rng.random() < (0.07 if service else 0.03):
                colleagues = [
                    name
                    for name in self.members(contribution.team.name)
                    if name != contribution.author.name and self.takes_part(name)
                ]
                self.thank(self.rng.choice(colleagues), self.rng.choice(THANKS_FOR_CONTRIBUTIONS), contribution)

    def _moment(self, day: date) -> datetime:
        moment = datetime.combine(day, time(self.rng.randint(8, 16), self.rng.randrange(0, 60, 5)))
        return min(timezone.make_aware(moment), self.now)

    def _backdate(self) -> None:
        """The services stamp every row with the moment they run; the demo's year happened over the year.

        Only timestamps change here, after the services have checked everything else."""
        for contribution in self.contributions:
            contribution.created_at = self._moment(contribution.occurred_on)
        Contribution.objects.bulk_update(self.contributions, ["created_at"])
        for record in self.help:
            record.created_at = self._moment(record.occurred_on)
            if record.answered_at is not None:
                record.answered_at = min(record.created_at + timedelta(hours=self.rng.randint(1, 48)), self.now)
        Help.objects.bulk_update(self.help, ["created_at", "answered_at"])
        for appreciation, on in self.thanks:
            appreciation.created_at = self._moment(on)
        Appreciation.objects.bulk_update([appreciation for appreciation, _on in self.thanks], ["created_at"])
        for commitment, started in self.commitments:
            commitment.period_start = started
            commitment.created_at = self._moment(started)
        CraftCommitment.objects.bulk_update(
            [commitment for commitment, _started in self.commitments], ["period_start", "created_at"]
        )
        for reflection, on in self.reflections:
            reflection.created_at = self._moment(on)
        Reflection.objects.bulk_update([reflection for reflection, _on in self.reflections], ["created_at"])


# The balance scan (DESIGN.md §7): two closed rounds a year apart. Leaders rate naoberschap far above staff, and
# predict the staff's scores too optimistically; Binnendienst, under personal targets, scores lowest on
# naoberschap and Service & Onderhoud highest. By the second round naoberschap, trust and the long term have moved
# up, the gap has narrowed but not closed, and speed has gone down a little: not everything improves.


class ScaleStory(NamedTuple):
    """The level of one scale on the 7-point scale: staff in the first round and their change by the second,
    the same for leaders, and how far the leaders' prediction of the staff score lies above it."""

    staff: float
    staff_change: float
    leaders: float
    leaders_change: float = 0.0
    optimism: float = 0.7


SCALE_STORY: dict[str, ScaleStory] = {
    # The result pole: fairly high for everyone.
    "clarity": ScaleStory(5.0, 0.1, 5.6),
    "measurable_results": ScaleStory(5.1, 0.1, 5.7, optimism=0.5),
    "accountability": ScaleStory(4.6, 0.1, 5.3),
    "focus": ScaleStory(4.3, 0.1, 5.0),
    "speed": ScaleStory(4.9, -0.4, 5.5, -0.3, optimism=0.6),
    # The relational pole: naoberschap is the leaders' blind spot.
    "trust": ScaleStory(4.1, 0.4, 5.3, optimism=0.9),
    "craftsmanship": ScaleStory(5.0, 0.1, 5.8, optimism=0.6),
    "naoberschap": ScaleStory(3.45, 0.6, 5.9, -0.1, optimism=1.5),
    "people_centredness": ScaleStory(4.3, 0.1, 5.4, optimism=0.9),
    "long_term": ScaleStory(3.9, 0.25, 5.4, optimism=0.8),
    # The couplings and the climate (not predicted).
    "meaning_behaviour": ScaleStory(3.6, 0.5, 4.7),
    "humanity_result": ScaleStory(3.9, 0.3, 5.0),
    "freedom_responsibility": ScaleStory(4.2, 0.1, 5.0),
    "direction_collaboration": ScaleStory(3.8, 0.3, 4.9),
    "psychological_safety": ScaleStory(4.3, 0.1, 5.5),
    "autonomy": ScaleStory(4.7, 0.0, 5.5),
    "competence": ScaleStory(5.4, 0.0, 5.8),
    "relatedness": ScaleStory(4.6, 0.2, 5.7),
}
UNKNOWN_SCALE = ScaleStory(4.5, 0.0, 5.3)  # a scale a later instrument adds

# How a team's staff differ from the staff as a whole, per scale; and what changes for them by the second round
# beyond the change of all staff.
TEAM_LEANING: dict[str, dict[str, float]] = {
    "Binnendienst": {
        "naoberschap": -1.1,
        "measurable_results": 0.4,
        "clarity": 0.2,
        "speed": 0.2,
        "trust": -0.3,
        "people_centredness": -0.3,
        "long_term": -0.3,
        "humanity_result": -0.5,
        "psychological_safety": -0.2,
        "relatedness": -0.3,
    },
    "Service & Onderhoud": {
        "naoberschap": 0.9,
        "craftsmanship": 0.6,
        "trust": 0.4,
        "relatedness": 0.5,
        "autonomy": 0.4,
        "competence": 0.3,
        "measurable_results": -0.2,
    },
    "Projecten": {"focus": -0.3, "speed": -0.2, "craftsmanship": 0.3},
    "Werkvoorbereiding": {"clarity": -0.2, "direction_collaboration": -0.3},
    "Directie & Staf": {"clarity": 0.4, "long_term": 0.3, "naoberschap": 0.2},
}
TEAM_CHANGE: dict[str, dict[str, float]] = {
    # Help made visible in the team meeting: naoberschap moves most where it was lowest; answering the calls
    # of colleagues costs the own pace.
    "Binnendienst": {"naoberschap": 0.2, "speed": -0.3},
}


class SliderStory(NamedTuple):
    """Where answers on a slider centre (0: the left extreme, 100: the right): staff in each round, leaders."""

    staff: tuple[float, float]
    leaders: float
    spread: float = 14.0


SLIDER_STORY: dict[str, SliderStory] = {
    # "Mooie woorden, niemand doet er iets mee" for staff in the first round, nearer the middle in the second.
    "meaning_behaviour": SliderStory((29, 43), 52),
    "humanity_result": SliderStory((58, 54), 47),
    "freedom_responsibility": SliderStory((60, 57), 50, spread=16),
    "direction_collaboration": SliderStory((37, 44), 55),
}
# Binnendienst feels that only the numbers count.
SLIDER_TEAM_LEANING: dict[str, dict[str, float]] = {"Binnendienst": {"humanity_result": 14}}

RESPONSE_RATE = 0.83  # per group (the leaders, each team's staff); the rest never respond
DONT_KNOW = 0.03
OPEN_TEXT_CHANCE = 0.3

# Open answers per round: by leaders, by a team's staff, by any staff. Without names: the open answers of a
# large enough group are shown as written.
OPEN_TEXTS: tuple[dict[str, tuple[str, ...]], ...] = (
    {
        "leaders": (
            "Meer tijd voor de mensen op de vloer, minder achter de cijfers.",
            "Ik zou willen dat teams elkaar vaker opzoeken zonder dat wij het hoeven te vragen.",
        ),
        "Binnendienst": (
            "Ik help graag, maar eerst moet mijn eigen target binnen zijn. Anders sta ik aan het eind van de maand "
            "met lege handen.",
            "Hulp aan een collega telt nergens mee. Dan doe je het pas na de twintigste.",
            "Eén doel voor het hele team in plaats van ieder zijn eigen omzet.",
            "De klanten van de grote particuliere pakketten wachten te lang, en iedereen ziet het.",
        ),
        "Service & Onderhoud": (
            "Meer tijd om leerlingen echt iets te leren, niet alleen meenemen in de bus.",
            "De werkbonnen zijn nog te vaak onvolledig als we bij de klant aankomen.",
        ),
        "staff": (
            "Minder overleg over cijfers, meer over hoe het werk beter kan.",
            "Eerder horen waarom er iets verandert.",
            "De planning zo maken dat er ruimte is om een collega te helpen.",
        ),
    },
    {
        "leaders": ("We praten nu over hulp in het teamoverleg. De omzetdoelen staan nog; daar moeten we doorheen.",),
        "Binnendienst": (
            "Sinds hulp in het teamoverleg besproken wordt, durf ik eerder om hulp te vragen.",
            "Het persoonlijke target is er nog steeds. Zolang dat zo is, blijft het eerst je eigen cijfers.",
            "Ik neem nu vaker de telefoon van een collega over, maar mijn eigen offertes liggen dan langer.",
        ),
        "Service & Onderhoud": (
            "Goed dat de binnendienst vaker meekijkt bij storingen. Dat scheelt ons ritten.",
            "Het wordt drukker; de storingen liggen langer dan vorig jaar.",
        ),
        "staff": (
            "Er verandert wel iets, maar het gaat langzaam.",
            "Meer handen op de drukste dagen, dan lukt de rest vanzelf.",
            "Blijven doen wat er na de vorige scan is afgesproken, ook als het druk is.",
        ),
    },
)

SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "voorjaar", 4: "voorjaar", 5: "voorjaar"}
SEASONS |= {6: "zomer", 7: "zomer", 8: "zomer", 9: "najaar", 10: "najaar", 11: "najaar"}


@dataclass
class _Respondent:
    """What stays the same for one person across rounds: how high they answer, and per scale."""

    tendency: float
    leaning: dict[str, float]
    slider_leaning: dict[str, float]


@dataclass
class _Scans:
    """Two balance-scan rounds for Ter Horst, opened, answered and closed through the services, then dated
    back: the second round opened about five weeks ago, the first 52 weeks before it; each ran three weeks."""

    org: Organisation
    people: dict[str, Person]
    opened_by: User | None
    today: date
    rng: random.Random = field(default_factory=lambda: random.Random(f"{DEMO_SLUG}-scan"))  # noqa: S311 - demo data
    instrument: Instrument = field(default_factory=scan_instrument)
    rounds: list[ScanRound] = field(default_factory=list)
    responses: int = 0
    actions: int = 0
    respondents: dict[int, _Respondent] = field(default_factory=dict)
    item_bias: dict[str, float] = field(default_factory=dict)

    def tell(self) -> None:
        self.item_bias = {item.key: self.rng.uniform(-0.25, 0.25) for item in self.instrument.items}
        self._meet_everyone()
        # Both rounds open on a Monday, 52 weeks apart, in the same season.
        second_opened = self.today - timedelta(weeks=5)
        second_opened -= timedelta(days=second_opened.weekday())
        first_opened = second_opened - timedelta(weeks=52)
        season = SEASONS[second_opened.month]
        first = self._round(0, first_opened, f"Balansscan {season} {first_opened.year}")
        self._action(
            first,
            "Hulp aan collega's zichtbaar maken in het teamoverleg",
            "Bram Oude Luttikhuis",
            due_weeks=8,
            done_weeks=7,
        )
        self._action(
            first,
            "Persoonlijke omzetdoelen vervangen door een teamdoel op doorlooptijd",
            "Anna ter Horst",
            due_weeks=26,
        )
        second = self._round(1, second_opened, f"Balansscan {season} {second_opened.year}")
        self._action(
            second,
            "Samen uitzoeken waarom klanten langer wachten: de wachttijd per klantenpakket elke maand bespreken",
            "Karin Pierik",
            due_weeks=12,
        )

    def _round(self, index: int, opened_on: date, title: str) -> ScanRound:
        closes_on = opened_on + timedelta(weeks=3)
        scan_round, letters = round_open(
            organisation=self.org,
            closes_on=self.today,
            title=title,
            opened_by=self.opened_by,
            send_email=False,
        )
        groups: dict[str, list[Letter]] = {}
        for letter in letters:
            group = "leaders" if letter.role == RoleGroup.LEADER else letter.team.name if letter.team else "staff"
            groups.setdefault(group, []).append(letter)
        responding: list[Letter] = []
        for group_letters in groups.values():
            count = max(1, round(len(group_letters) * RESPONSE_RATE))
            responding += self.rng.sample(group_letters, count)
        responding.sort(key=lambda letter: letter.person.name)
        texts = {group: list(pool) for group, pool in OPEN_TEXTS[index].items()}
        for letter in responding:
            response_submit(letter.token, self._answers(index, letter, texts))
        round_close(scan_round)
        self._backdate(scan_round, opened_on, closes_on, {letter.person.pk for letter in responding})
        self.rounds.append(scan_round)
        self.responses += len(responding)
        return scan_round

    def _meet_everyone(self) -> None:
        """Draw each person's tendencies, centred per team: with teams this small a chance draw would otherwise
        move a team's level and tell a different story than the one written above."""
        for _team, _description, members in TEAMS:
            team = [self.people[name] for name, _job_title in members]
            drawn = {
                person.pk: _Respondent(
                    tendency=self.rng.gauss(0, 0.45),
                    leaning={scale.key: self.rng.gauss(0, 0.4) for scale in self.instrument.scales},
                    slider_leaning={slider.key: self.rng.gauss(0, 8) for slider in self.instrument.sliders},
                )
                for person in team
            }
            tendency = sum(respondent.tendency for respondent in drawn.values()) / len(drawn)
            leaning = {
                key: sum(respondent.leaning[key] for respondent in drawn.values()) / len(drawn)
                for key in drawn[team[0].pk].leaning
            }
            slider_leaning = {
                key: sum(respondent.slider_leaning[key] for respondent in drawn.values()) / len(drawn)
                for key in drawn[team[0].pk].slider_leaning
            }
            for pk, respondent in drawn.items():
                self.respondents[pk] = _Respondent(
                    tendency=respondent.tendency - tendency,
                    leaning={key: value - leaning[key] for key, value in respondent.leaning.items()},
                    slider_leaning={
                        key: value - slider_leaning[key] for key, value in respondent.slider_leaning.items()
                    },
                )

    def _respondent(self, person: Person) -> _Respondent:
        if person.pk not in self.respondents:  # someone a later part adds to the demo
            self.respondents[person.pk] = _Respondent(
                tendency=0.0,
                leaning=dict.fromkeys((scale.key for scale in self.instrument.scales), 0.0),
                slider_leaning=dict.fromkeys((slider.key for slider in self.instrument.sliders), 0.0),
            )
        return self.respondents[person.pk]

    def _answers(self, index: int, letter: Letter, texts: dict[str, list[str]]) -> dict[str, Any]:
        leader = letter.role == RoleGroup.LEADER
        team = "" if leader or letter.team is None else letter.team.name
        respondent = self._respondent(letter.person)
        items: dict[str, int | None] = {}
        for scale in self.instrument.scales:
            story = SCALE_STORY.get(scale.key, UNKNOWN_SCALE)
            if leader:
                level = story.leaders + index * story.leaders_change + respondent.tendency * 0.6
            else:
                level = story.staff + index * story.staff_change + respondent.tendency
                level += TEAM_LEANING.get(team, {}).get(scale.key, 0.0)
                level += index * TEAM_CHANGE.get(team, {}).get(scale.key, 0.0)
            level += respondent.leaning[scale.key] + self.rng.gauss(0, 0.25)
            for item in scale.items:
                if self.rng.random() < DONT_KNOW:
                    items[item.key] = None
                    continue
                answer = round(level + self.item_bias[item.key] + self.rng.gauss(0, 0.65))
                items[item.key] = min(self.instrument.points, max(1, answer))
        sliders = {}
        for slider in self.instrument.sliders:
            centre = SLIDER_STORY.get(slider.coupling, SliderStory((50, 50), 50))
            position = centre.leaders if leader else centre.staff[index]
            position += SLIDER_TEAM_LEANING.get(team, {}).get(slider.coupling, 0.0)
            position += respondent.slider_leaning[slider.key] + self.rng.gauss(0, centre.spread)
            sliders[slider.key] = min(SLIDER_MAX, max(SLIDER_MIN, round(position)))
        answers: dict[str, Any] = {"items": items, "sliders": sliders}
        if leader:
            answers["predictions"] = self._predictions(index)
        pools = [texts["leaders"]] if leader else [texts.get(team, []), texts["staff"]]
        pool = next((pool for pool in pools if pool), [])
        if pool and self.rng.random() < OPEN_TEXT_CHANCE * (2 if leader else 1):
            answers["open"] = pool.pop(self.rng.randrange(len(pool)))
        return answers

    def _predictions(self, index: int) -> dict[str, float]:
        """Staff scores as a leader expects them: too high, most on naoberschap; a little less so in round 2."""
        predictions = {}
        for block in PREDICTED_BLOCKS:
            for scale in self.instrument.scales_in(block):
                story = SCALE_STORY.get(scale.key, UNKNOWN_SCALE)
                expected = story.staff + index * story.staff_change + story.optimism * (1.0, 0.8)[index]
                expected += self.rng.gauss(0, 0.3)
                predictions[scale.key] = round(min(float(self.instrument.points), max(1.0, expected)), 1)
        return predictions

    def _moment(self, day: date, first_hour: int = 8, last_hour: int = 17) -> datetime:
        moment = datetime.combine(day, time(self.rng.randint(first_hour, last_hour), self.rng.randrange(0, 60, 5)))
        return timezone.make_aware(moment)

    def _backdate(self, scan_round: ScanRound, opened_on: date, closes_on: date, responded: set[int]) -> None:
        """The services stamped today; the round ran from `opened_on` to `closes_on`. Only times change."""
        opened_at = timezone.make_aware(datetime.combine(opened_on, time(9, 0)))
        closed_at = timezone.make_aware(datetime.combine(closes_on, time(17, 0)))
        ScanRound.objects.filter(pk=scan_round.pk).update(opened_at=opened_at, closes_on=closes_on, closed_at=closed_at)
        reminded_on = opened_on + timedelta(days=10)
        participations = list(scan_round.participations.order_by("person__name"))
        for participation in participations:
            participation.sent_at = opened_at
            participation.responded_at = None
            participation.reminded_at = None
            if participation.person_id in responded:
                days = min(20, int(self.rng.expovariate(1 / 4)))
                participation.responded_at = max(opened_at, self._moment(opened_on + timedelta(days=days), 7, 21))
            if participation.responded_at is None or participation.responded_at.date() > reminded_on:
                participation.reminded_at = timezone.make_aware(datetime.combine(reminded_on, time(8, 30)))
        Participation.objects.bulk_update(participations, ["sent_at", "responded_at", "reminded_at"])
        scan_round.refresh_from_db()

    def _action(
        self, scan_round: ScanRound, title: str, owner: str, *, due_weeks: int, done_weeks: int | None = None
    ) -> None:
        closed_on = scan_round.closes_on
        action = action_add(
            scan_round=scan_round,
            title=title,
            owner=self.people[owner],
            due_on=closed_on + timedelta(weeks=due_weeks),
        )
        done_on = None if done_weeks is None else closed_on + timedelta(weeks=done_weeks)
        picked_at = timezone.make_aware(datetime.combine(closed_on + timedelta(days=3), time(10, 0)))  # the review
        Action.objects.filter(pk=action.pk).update(created_at=picked_at, done_on=done_on)
        self.actions += 1


# Stories (DESIGN.md §8): about seventy, told and signified by the tellers themselves over the year. Binnendienst
# tells of wanting to help but first having to reach one's own target, of customers waiting on the busiest
# portfolio and, in the last months, of helping becoming normal under the team goal, though the personal bonus is
# still there. Service & Onderhoud tells of craftsmanship, first-time fixes, helping each other and pride;
# Projecten and Werkvoorbereiding of handovers, planning and materials; Directie & Staf a few.


class Tale(NamedTuple):
    """A demo story with its teller's signifiers.

    Triangles as relative weights, None where the teller placed no point: `difference` is (clear agreements,
    craftsmanship, helping each other), `counted` (the result, the people, the long term). Sliders 0..100 in the
    order of naober.stories.models.SLIDERS: meaning_behaviour, humanity_result, freedom_responsibility,
    direction_collaboration. `day` is the day of the month the text needs, 0 for any."""

    author: str
    months_back: int
    visibility: str
    title: str
    text: str
    difference: tuple[int, int, int] | None
    counted: tuple[int, int, int] | None
    sliders: tuple[int | None, int | None, int | None, int | None]
    tone: str
    frequency: str
    involved: tuple[str, ...]
    more_or_less: str
    day: int = 0


_TEAM, _ORG = StoryVisibility.TEAM, StoryVisibility.ORGANISATION
_ANONYMOUS, _PRIVATE = StoryVisibility.ANONYMOUS, StoryVisibility.PRIVATE
_GOOD, _BAD, _MIXED = Tone.GOOD, Tone.BAD, Tone.MIXED
_ONCE, _SOMETIMES, _OFTEN, _ALWAYS = Frequency.ONCE, Frequency.SOMETIMES, Frequency.OFTEN, Frequency.ALWAYS
_MORE, _LESS, _UNSURE = MoreOrLess.MORE, MoreOrLess.LESS, MoreOrLess.UNSURE

BINNENDIENST_TALES = (
    Tale(
        "Jeroen Haverkate", 11, _ANONYMOUS, "De scan zegt wat we al wisten",
        "In de balansscan scoorden wij het laagst op naoberschap. Anna en Bram schrokken, wij niet. Iedereen weet "
        "dat je hier eerst voor je eigen cijfers gaat. Ik ben benieuwd of er echt iets verandert.",
        (5, 0, 5), (6, 2, 2), (30, 80, 35, 25), _BAD, _ALWAYS, ("team", "leadership"), _LESS,
    ),
    Tale(
        "Fleur ter Haar", 11, _TEAM, "Mijn mailbox loopt over",
        "Particulieren Hengelo heeft 240 klanten, de anderen soms twintig. Elke ochtend staan er vijftig mails. "
        "Iedereen is aardig, maar helpen doen ze pas als hun eigen target binnen is. Tot die tijd wachten mijn "
        "klanten.",
        (3, 0, 7), (6, 3, 1), (60, 80, 30, 25), _BAD, _ALWAYS, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Chantal Nijhuis", 10, _PRIVATE, "Eerst mijn eigen target",
        "Daan vroeg of ik naar zijn offerte voor de sporthal wilde kijken. Ik heb nee gezegd, want het was de "
        "twaalfde en ik zat nog ver onder mijn target. Hij heeft het alleen gedaan en er zat een fout in de prijs. "
        "Dat zit me nog steeds niet lekker.",
        (2, 1, 7), (8, 1, 1), (65, 85, 30, 30), _BAD, _OFTEN, ("me", "team"), _LESS, 12,
    ),
    Tale(
        "Gijs Wolters", 10, _ORG, "Klanten wachten op Particulieren",
        "Een mevrouw uit Enschede wachtte vier dagen op een afspraak voor haar ketel. Ik zag het pas toen ze boos "
        "belde. Met 210 klanten in mijn pakket red ik het niet alleen, en de rest van de binnendienst zit tot de "
        "twintigste op de eigen omzet.",
        (4, 1, 5), (6, 3, 1), (65, 82, 30, 30), _BAD, _OFTEN, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Hanneke Lansink", 10, _ANONYMOUS, "Niets gedaan",
        "Ik zag de mailbox van Fleur vollopen en heb niets gedaan. Mijn eigen cijfers stonden nog niet en de bonus "
        "telt per persoon. Bram zegt in het overleg dat we elkaar moeten helpen, maar de regeling zegt iets anders.",
        (3, 0, 7), (8, 1, 1), (72, 88, 28, 25), _BAD, _OFTEN, ("me", "team", "leadership"), _LESS,
    ),
    Tale(
        "Daan Kamphuis", 9, _TEAM, "Offerte zonder tweede blik",
        "Mijn offerte voor de sporthal ging de deur uit zonder dat iemand meekeek. Er zat een rekenfout in van een "
        "paar duizend euro. Iedereen had het druk met de eigen omzet; ik ook, eerlijk gezegd.",
        (5, 2, 3), (7, 1, 2), (68, 80, 30, 35), _BAD, _SOMETIMES, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Iris Scholten", 9, _ANONYMOUS, "Doorverbonden in plaats van opgelost",
        "Een klant van Fleur belde over een storing aan de warmtepomp. Ik wist het antwoord, maar een gesprek uit "
        "een ander pakket telt niet voor mij. Dus doorverbonden naar een volle voicemail. Daar schaam ik me "
        "eigenlijk voor.",
        (2, 1, 7), (8, 1, 1), (70, 90, 25, 30), _BAD, _SOMETIMES, ("me", "customer"), _LESS,
    ),
    Tale(
        "Jeroen Haverkate", 8, _TEAM, "Pas na de twintigste",
        "Gijs vroeg op de tiende of ik een paar terugbelverzoeken kon doen. Dat lukte pas na de twintigste, toen "
        "mijn target binnen was. Toen was het eigenlijk te laat: de klanten hadden al twee keer gebeld.",
        (2, 1, 7), (7, 2, 1), (65, 84, 35, 30), _BAD, _OFTEN, ("me", "team", "customer"), _LESS, 24,
    ),
    Tale(
        "Bram Oude Luttikhuis", 8, _ORG, "Helpen en de bonus gaan niet samen",
        "Als teamleider vraag ik mijn mensen elkaar te helpen, en aan het eind van de maand rekenen we ze af op hun "
        "eigen omzet. Dat klopt niet. Ik heb het aan Anna voorgelegd; we kijken hoe Service het met teamdoelen doet.",
        (6, 0, 4), (5, 2, 3), (25, 78, 35, 30), _MIXED, _ALWAYS, ("team", "leadership"), _UNSURE,
    ),
    Tale(
        "Fleur ter Haar", 8, _TEAM, "Eindelijk hulp, op de 27e",
        "Op de 27e kwam Daan vragen of hij iets kon overnemen. Zijn target was binnen. Ik was blij, maar mijn "
        "klanten hadden toen al drie weken gewacht.",
        (2, 1, 7), (6, 3, 1), (60, 80, 35, 35), _MIXED, _OFTEN, ("me", "team", "customer"), _MORE, 28,
    ),
    Tale(
        "Chantal Nijhuis", 7, _ANONYMOUS, "Klant drie keer doorverbonden",
        "Een klant van Fleur belde voor de derde keer over een lekkende boiler. Fleur zat vol, ik had tijd, maar "
        "haar klanten tellen niet voor mijn omzet. Ik heb hem weer doorverbonden. Niemand deed iets fout volgens de "
        "regels, en toch ging het mis.",
        (3, 0, 7), (7, 2, 1), (70, 88, 25, 30), _BAD, _SOMETIMES, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Hanneke Lansink", 7, _TEAM, "Subsidie-uitleg op één A4",
        "Ik heb de uitleg over subsidie voor hybride warmtepompen op één A4 gezet. Nu geeft iedereen hetzelfde "
        "antwoord, wie er ook opneemt. Het telde niet voor mijn target, maar het scheelt ons allemaal tijd.",
        (5, 3, 2), (2, 3, 5), (45, 60, 45, 45), _GOOD, _ONCE, ("team", "customer"), _MORE,
    ),
    Tale(
        "Daan Kamphuis", 7, _ORG, "Target op de achttiende",
        "Deze maand had ik mijn target op de achttiende. Daarna heb ik de hele week de telefoon van anderen gedaan. "
        "Dat voelt goed en dubbel tegelijk: waarom help ik pas als het mij niets meer kost?",
        (2, 1, 7), None, (60, 75, 40, 35), _MIXED, _OFTEN, ("me", "team"), _UNSURE, 25,
    ),
    Tale(
        "Gijs Wolters", 6, _PRIVATE, "Mijn eigen pakket eerst",
        "Ik merk dat ik offertes voor mijn eigen klanten voorrang geef boven storingen bij klanten van anderen. Ik "
        "weet dat het andersom zou moeten. Maar de bonus is bijna een maandsalaris.",
        (3, 1, 6), (8, 1, 1), (70, 88, 30, 30), _BAD, _ALWAYS, ("me",), _LESS,
    ),
    Tale(
        "Iris Scholten", 6, _TEAM, "Wat de monteur ziet, zie ik niet",
        "Een boer uit de Achterhoek belde over zijn melkkoeling. In de werkbon stond niets over wat er de vorige "
        "keer gedaan was. Ik heb Vera gebeld en zij wist het meteen. Zonder haar had de klant nog een dag gewacht.",
        (3, 3, 4), (4, 4, 2), (50, 55, 45, 45), _MIXED, _SOMETIMES, ("me", "other_teams", "customer"), _MORE,
    ),
    Tale(
        "Bram Oude Luttikhuis", 5, _TEAM, "Eerste maand met het teamdoel",
        "Deze maand keken we in het overleg niet eerst naar ieders omzet, maar naar hoeveel vragen binnen een "
        "werkdag af waren. Daarna ging het gesprek vanzelf over wie waar kon helpen. Hanneke nam zonder dat ik het "
        "vroeg de terugbelverzoeken van Gijs over.",
        (5, 0, 5), (3, 3, 4), (45, 60, 45, 50), _GOOD, _ONCE, ("team", "leadership"), _MORE,
    ),
    Tale(
        "Chantal Nijhuis", 4, _TEAM, "Telefoon van Particulieren overgenomen",
        "Na mijn target heb ik twee middagen de telefoon voor Particulieren Hengelo gedaan. Fleur kon eindelijk haar "
        "offertes afmaken en klanten kregen dezelfde dag antwoord. Fijn, maar waarom kan dit pas na de twintigste?",
        (1, 1, 8), (3, 5, 2), (55, 70, 40, 40), _MIXED, _SOMETIMES, ("me", "team", "customer"), _MORE, 26,
    ),
    Tale(
        "Fleur ter Haar", 4, _ORG, "Hulp op de tiende",
        "Op de tiende van de maand stonden Iris en Jeroen ineens naast mijn bureau om de mailbox te verdelen. Dat "
        "was nog nooit gebeurd vóór de twintigste. Mijn klanten hadden dezelfde dag antwoord.",
        (3, 0, 7), (3, 5, 2), (50, 55, 45, 45), _GOOD, _SOMETIMES, ("team", "customer"), _MORE, 11,
    ),
    Tale(
        "Gijs Wolters", 3, _TEAM, "Helpen is gewoon geworden",
        "Sinds het teamdoel vraagt niemand meer of helpen wel telt. We verdelen 's ochtends de gezamenlijke mailbox "
        "en wie tijd heeft, pakt de telefoon. Ik heb deze maand twee keer hulp gekregen zonder erom te vragen.",
        (3, 0, 7), (3, 4, 3), (50, 50, 50, 45), _GOOD, _OFTEN, ("team",), _MORE,
    ),
    Tale(
        "Hanneke Lansink", 2, _TEAM, "Ochtendoverleg van tien minuten",
        "Om half negen kijken we samen welke pakketten het drukst zijn. Dat kost tien minuten en scheelt een hoop "
        "dubbel werk. Daan stelde het voor, Bram liet het ons zelf regelen.",
        (6, 0, 4), (4, 3, 3), (50, 50, 50, 50), _GOOD, _ALWAYS, ("team",), _MORE,
    ),
    Tale(
        "Iris Scholten", 2, _ANONYMOUS, "Het target is er nog steeds",
        "We praten nu veel over helpen, en het gebeurt ook vaker. Maar mijn bonus hangt nog steeds aan mijn eigen "
        "omzet. Aan het eind van het kwartaal zag ik Gijs en Jeroen weer stil hun eigen offertes afwerken. Ik deed "
        "hetzelfde.",
        (3, 1, 6), (7, 2, 1), (35, 75, 40, 35), _MIXED, _SOMETIMES, ("me", "team", "leadership"), _UNSURE,
    ),
    Tale(
        "Jeroen Haverkate", 1, _TEAM, "Mijn klant, onze klant",
        "Drukkerij Hofman belde met een storing terwijl ik op vakantie was. Fleur heeft het helemaal afgehandeld en "
        "een monteur geregeld. Vroeger had die mail een week op mij gewacht.",
        (2, 1, 7), (2, 5, 3), (50, 50, 45, None), _GOOD, _OFTEN, ("team", "customer"), _MORE,
    ),
    Tale(
        "Fleur ter Haar", 1, _ANONYMOUS, "Ik durf nu te vragen",
        "Een jaar geleden vroeg ik nooit om hulp; iedereen zat op zijn eigen cijfers. Nu zeg ik in het "
        "ochtendoverleg gewoon dat het te veel is, en dan pakt Chantal of Hanneke een deel. Het voelt niet meer als "
        "zeuren.",
        (2, 0, 8), (2, 6, 2), (50, 50, 50, 45), _GOOD, _OFTEN, ("me", "team"), _MORE,
    ),
    Tale(
        "Chantal Nijhuis", 1, _ORG, "De gezamenlijke mailbox eerst",
        "Sinds we samen op één werkdag sturen, kijk ik 's ochtends eerst in de gezamenlijke mailbox en pas daarna "
        "in mijn eigen pakket. Als ik bij een klant zit en De Esch belt, pakt Gijs of Daan het gewoon op. Zo hoort "
        "het.",
        (3, 1, 6), (3, 4, 3), (50, 55, 45, 45), _GOOD, _OFTEN, ("team", "customer"), _MORE,
    ),
    Tale(
        "Daan Kamphuis", 0, _ORG, "De wachttijd is nog te lang",
        "Particulieren Hengelo wacht nog steeds het langst, ook nu we samen helpen. Met 240 klanten is dat pakket "
        "gewoon te groot voor één persoon. Helpen lost het niet op; we moeten de pakketten anders verdelen.",
        (7, 0, 3), (4, 2, 4), (45, 60, 45, 40), _MIXED, _ALWAYS, ("team", "customer", "leadership"), _UNSURE,
    ),
    Tale(
        "Gijs Wolters", 0, _TEAM, "Legionellavraag dezelfde dag",
        "Een klant van Chantal belde over het spoelen tegen legionella terwijl zij bij een zorgcentrum zat. Ik had "
        "de uitleg van Vera bij de hand en kon het meteen beantwoorden. Zo had de klant binnen een uur antwoord.",
        (4, 2, 4), (3, 4, 3), (50, 50, 50, 50), _GOOD, _SOMETIMES, ("team", "other_teams", "customer"), _MORE,
    ),
)  # fmt: skip

SERVICE_TALES = (
    Tale(
        "Luuk Velthuis", 11, _TEAM, "Sander stelt zijn eerste ketel in bedrijf",
        "Sander heeft vandaag zelf een cv-ketel in bedrijf gesteld. Ik keek alleen mee en hoefde niets te zeggen. "
        "Hij legde de klant ook nog rustig uit hoe de thermostaat werkt. Daar word ik blij van.",
        (1, 6, 3), (1, 3, 6), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "team", "customer"), _MORE,
    ),
    Tale(
        "Marco Boerrigter", 10, _ORG, "Niet weggaan voor je de oorzaak weet",
        "Bij Bakkerij Lohuis viel de koeling steeds uit. Er waren al twee collega's geweest. Ik heb de hele "
        "installatie doorgemeten en vond een slecht contact in de pressostaat. Sindsdien draait hij. Zo wil ik "
        "werken: in één keer goed.",
        (1, 8, 1), (3, 1, 6), (50, 50, 45, 50), _GOOD, _SOMETIMES, ("me", "customer"), _MORE,
    ),
    Tale(
        "Niels Roerink", 10, _TEAM, "Onderdeel gebracht",
        "Tom stond bij een zorgcentrum met een kapotte driewegklep en had er geen in de bus. Ik zat tien minuten "
        "verderop en heb de mijne gebracht. De bewoners hadden binnen het uur weer warm water.",
        (1, 2, 7), (3, 5, 2), (50, 45, 50, 50), _GOOD, _OFTEN, ("team", "customer"), _MORE,
    ),
    Tale(
        "Okke Hofstede", 9, _ANONYMOUS, "Weekenddienst alleen",
        "Drie storingen op zaterdag, en er stond niemand als achtervang op de planning. Pas om tien uur 's avonds "
        "was ik thuis. Niemand deed iets fout, maar zo'n dienst moet je niet alleen draaien. Ik heb Karin gevraagd "
        "de diensten anders in te delen.",
        (7, 1, 2), (4, 4, 2), (40, 65, 35, 45), _BAD, _SOMETIMES, ("me", "team", "leadership"), _LESS,
    ),
    Tale(
        "Vera Hesselink", 8, _TEAM, "Chantal rijdt mee",
        "Chantal van de binnendienst reed twee middagen met me mee. Ze wilde snappen wat een warmtepomp doet als "
        "klanten erover bellen. Nu vangt zij de helft van de vragen zelf af. Daar hebben we meer aan dan aan een "
        "extra monteur.",
        (2, 4, 4), (2, 4, 4), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "other_teams"), _MORE,
    ),
    Tale(
        "Karin Pierik", 8, _ORG, "Hulp noemen en bedanken",
        "In het werkoverleg noemen we elke week wie wie geholpen heeft. Het kost vijf minuten. De mannen waren er "
        "eerst lacherig over, maar nu vragen ze zelf of het genoemd wordt.",
        (4, 1, 5), (1, 6, 3), (45, 45, 50, 50), _GOOD, _ALWAYS, ("team", "leadership"), _MORE,
    ),
    Tale(
        "Pim ten Dam", 8, _TEAM, "Nieuwe storingscodes",
        "De leverancier van de warmtepompen had nieuwe storingscodes. Ik heb ze uitgezocht en in de groepsapp gezet, "
        "met wat je moet doen. Dezelfde week had Quinten er al wat aan bij een klant in Borne.",
        (3, 5, 2), (2, 2, 6), (45, 50, 50, 50), _GOOD, _ONCE, ("team", "supplier"), _MORE,
    ),
    Tale(
        "Quinten Morsink", 7, _TEAM, "Tweede bezoek voor een onderdeel",
        "Bij een boer in de Achterhoek bleek de circulatiepomp kapot, en die lag niet op voorraad. De klant moest "
        "twee dagen wachten en nog een keer vrij nemen. We moeten de bus beter inrichten op wat we het vaakst "
        "missen.",
        (5, 4, 1), (5, 2, 3), (50, 60, 40, 50), _BAD, _SOMETIMES, ("me", "customer", "supplier"), _LESS,
    ),
    Tale(
        "Rick Leferink", 7, _ORG, "De bus opnieuw ingericht",
        "Na het verhaal van Quinten hebben we samen een lijst gemaakt van de onderdelen die we het vaakst missen. "
        "Paul van inkoop heeft ze in elke bus gelegd. Deze maand geen enkel tweede bezoek voor een onderdeel.",
        (6, 2, 2), (4, 1, 5), (50, 50, 50, 45), _GOOD, _ONCE, ("team", "other_teams"), _MORE,
    ),
    Tale(
        "Sander Olthof", 6, _TEAM, "Ik mocht het zelf uitleggen",
        "Luuk liet me na het inregelen van een vloerverwarming uitleggen wat ik gezien had. Ik wist meer dan ik "
        "dacht. Hij vulde alleen aan waar ik iets miste. Zo leer ik het beter dan uit een boek.",
        (1, 6, 3), (1, 3, 6), (50, 45, 50, 50), _GOOD, _OFTEN, ("me", "team"), _MORE,
    ),
    Tale(
        "Tom Assink", 6, _PRIVATE, "Ik had het eerder moeten vragen",
        "Ik heb een uur naar een storing in een luchtbehandeling staan kijken voordat ik Vera belde. Zij wist het in "
        "twee minuten. Ik vind het nog steeds lastig om hulp te vragen, ook al zegt iedereen dat het moet.",
        (1, 3, 6), (3, 4, 3), (40, 55, 50, 50), _MIXED, _SOMETIMES, ("me",), _MORE,
    ),
    Tale(
        "Ufuk Demir", 5, _TEAM, "De klant reset zelf",
        "Met de technische dienst van Verpleeghuis Oldenhof doorgenomen hoe ze de ketel bij een kleine storing zelf "
        "resetten. Vorige week lukte het ze 's nachts zonder ons. Minder ritten, en de bewoners merken er niets van.",
        None, (3, 2, 5), (50, 50, 50, 50), _GOOD, _ONCE, ("me", "customer"), _MORE,
    ),
    Tale(
        "Wouter Nieuwenhuis", 5, _ORG, "De binnendienst geeft storingen goed door",
        "Sinds Chantal en Gijs storingen meteen bij mij neerleggen, met het type installatie en de storingscode, "
        "kan ik beter plannen. Ik weet wat de monteur nodig heeft voordat hij rijdt. De klant krijgt meteen een tijd.",
        (6, 1, 3), (4, 3, 3), (50, 50, 50, 50), _GOOD, _OFTEN, ("me", "other_teams", "customer"), _MORE,
    ),
    Tale(
        "Vera Hesselink", 4, _ANONYMOUS, "Te vaak de enige voor koeling",
        "Ik ben de enige met koeltechniek. Als ik vrij ben, wachten klanten met een kapotte koelcel tot ik terug "
        "ben. Marco en Ufuk willen het leren, maar er is nooit tijd om ze mee te nemen.",
        (2, 6, 2), (2, 2, 6), (45, 60, 45, 45), _BAD, _ALWAYS, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Marco Boerrigter", 3, _TEAM, "Een dag mee naar de koelcellen",
        "Vera nam me een hele dag mee langs koelinstallaties. Ik mocht zelf vacuüm trekken en vullen. Volgend jaar "
        "wil ik mijn certificaat voor koudemiddelen halen.",
        (1, 6, 3), (1, 2, 7), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "team"), _MORE,
    ),
    Tale(
        "Niels Roerink", 3, _ORG, "Avondstoring overgenomen",
        "Okke had storingsdienst op de verjaardag van zijn dochter. Ik heb zijn avond overgenomen. De week erna deed "
        "hij hetzelfde voor mij. Zo gaat dat hier, en zo moet het blijven.",
        (2, 0, 8), (1, 7, 2), (50, 40, 50, 50), _GOOD, _OFTEN, ("team",), _MORE,
    ),
    Tale(
        "Karin Pierik", 2, _TEAM, "Drukker, en minder tijd voor uitleg",
        "Het aantal storingen is de laatste weken flink gestegen. De 24 uur halen we nog, maar de monteurs rijden "
        "van de ene klant naar de andere. Ik zie dat er minder tijd is om een leerling uitleg te geven. Dat moeten "
        "we bewaken.",
        (5, 3, 2), (4, 2, 4), (50, 60, 45, 50), _MIXED, _OFTEN, ("team", "customer"), _UNSURE,
    ),
    Tale(
        "Okke Hofstede", 2, _ORG, "Een tekening van dertig jaar oud",
        "Bij een woning in Borne lag nog een tekening uit het archief dat Gerard heeft gedigitaliseerd. Daardoor "
        "wist ik meteen waar de leidingen liepen en hoefde ik niets open te breken. Vakwerk van toen helpt ons nu "
        "nog.",
        (3, 7, 0), (1, 2, 7), (50, 45, 50, 50), _GOOD, _SOMETIMES, ("me", "other_teams", "customer"), _MORE,
    ),
    Tale(
        "Pim ten Dam", 1, _PRIVATE, "Mijn fout, netjes opgelost",
        "Ik had bij een klant de stooklijn verkeerd ingesteld. Twee weken later was het huis te koud en moest Rick "
        "erheen. Hij heeft het niemand verteld, maar mij wel uitgelegd wat er misging. Dat waardeer ik.",
        (1, 5, 4), (2, 4, 4), (50, 50, 50, 50), _MIXED, _ONCE, ("me", "team", "customer"), _MORE,
    ),
    Tale(
        "Quinten Morsink", 1, _TEAM, "Een complete werkbon",
        "Ik vul de werkbon nu altijd met foto's en meetwaarden. Iris belde me dat ze een klant daardoor meteen kon "
        "antwoorden. Kleine moeite, en de volgende monteur heeft er ook wat aan.",
        (4, 5, 1), (2, 3, 5), (50, 50, 50, 50), _GOOD, _ALWAYS, ("me", "other_teams", "customer"), _MORE,
    ),
    Tale(
        "Sander Olthof", 0, _ORG, "Mijn eigen stappenplan",
        "Ik heb een stappenplan geschreven voor het inregelen van een warmtepomp en het met Vera doorgelopen. Ze had "
        "er drie opmerkingen bij en zei dat de volgende leerling er ook wat aan heeft. Dat had ik niet verwacht.",
        (2, 6, 2), (1, 2, 7), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "team"), _MORE,
    ),
    Tale(
        "Tom Assink", 0, _ANONYMOUS, "Daarom werk ik hier",
        "Een klant zei dat hij nog nooit een monteur had gehad die zo rustig uitlegde wat er kapot was. Dat was "
        "Luuk. Hij neemt altijd de tijd, ook als de planning vol zit. Daar ben ik trots op.",
        (1, 7, 2), (1, 6, 3), (50, 45, 50, 50), _GOOD, _OFTEN, ("team", "customer"), _MORE,
    ),
)  # fmt: skip

CHAIN_TALES = (
    Tale(
        "Ruud Hulshof", 11, _TEAM, "Begonnen zonder tekening",
        "Op de eerste dag van de renovatie in de Hasseler Es lag er geen definitieve tekening. We zijn begonnen op "
        "de oude en moesten de helft later overdoen. De aannemer was er niet blij mee, wij ook niet.",
        (8, 1, 1), (6, 1, 3), (60, 55, 30, 40), _BAD, _SOMETIMES, ("team", "other_teams", "customer"), _LESS,
    ),
    Tale(
        "Linda Veldhuis", 10, _TEAM, "Een wijziging op het laatste moment",
        "De architect stuurde de wijziging voor de school twee dagen voor de start. Otto heeft een avond "
        "doorgewerkt om de tekening bij te werken. Het lukte, maar zo kan het niet elke keer.",
        (5, 2, 3), (5, 3, 2), (50, 60, 40, 45), _MIXED, _OFTEN, ("team", "customer"), _LESS,
    ),
    Tale(
        "Bart Kuipers", 9, _ORG, "Een startbespreking met Werkvoorbereiding",
        "Voor de school in Borne zaten we voor het eerst met Linda en Marieke om tafel voordat we begonnen. "
        "Tekening, materiaal en planning lagen klaar. We hebben de eerste week geen minuut gewacht.",
        (8, 1, 1), (5, 1, 4), (50, 50, 50, 50), _GOOD, _ONCE, ("team", "other_teams"), _MORE,
    ),
    Tale(
        "Marieke Temmink", 9, _ORG, "De calculatie samen overgedragen",
        "Ik heb mijn calculatie voor het zorgcentrum niet gemaild, maar met Ruud doorgelopen. Hij zag meteen twee "
        "posten die op de bouw anders gaan. Wat verkocht is, wordt nu ook zo gebouwd.",
        (7, 2, 1), (4, 1, 5), (50, 50, 50, 50), _GOOD, _ONCE, ("me", "other_teams"), _MORE,
    ),
    Tale(
        "Kees Oosterhof", 8, _TEAM, "Hardsolderen geleerd",
        "Mehmet heeft me op het project in Borne het hardsolderen van koperleidingen geleerd. Eerst op stukjes "
        "afval, daarna op de echte leiding. Hij keek elke las na. Nu durf ik het zelf.",
        (1, 6, 3), (1, 3, 6), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "team"), _MORE,
    ),
    Tale(
        "Paul Stokkers", 8, _TEAM, "Levertijden elke maandag",
        "De levertijd van warmtepompen liep op naar tien weken. Ik bel de leverancier nu elke maandag en zet de data "
        "in de planning. Projecten en de binnendienst weten zo op tijd wanneer iets verschuift.",
        (7, 1, 2), (3, 2, 5), (50, 50, 50, 50), _GOOD, _ALWAYS, ("me", "other_teams", "supplier"), _MORE,
    ),
    Tale(
        "Dennis Lammerink", 7, _PRIVATE, "Veertien restpunten",
        "Bij de oplevering van het appartementencomplex stonden er nog veertien restpunten open. We hadden te weinig "
        "tijd gekregen voor het inregelen. Ik schaam me als ik de bewoners tegenkom.",
        (5, 4, 1), (7, 1, 2), (55, 75, 40, 40), _BAD, _SOMETIMES, ("me", "team", "customer"), _LESS,
    ),
    Tale(
        "Nina Zwiers", 6, _ANONYMOUS, "Niemand leest de materiaalstaat",
        "Ik maak een complete materiaalstaat, en toch bellen monteurs vanaf de bouw dat er iets ontbreekt. Bart zei "
        "eerlijk dat hij hem nooit opent. We moeten samen bepalen wat erop moet, anders maak ik hem voor niemand.",
        (8, 1, 1), (4, 2, 4), (30, 55, 35, 40), _BAD, _OFTEN, ("me", "other_teams"), _LESS,
    ),
    Tale(
        "Erik Groothuis", 5, _TEAM, "Verkeerde warmtepompen geleverd",
        "De leverancier bracht het verkeerde type warmtepomp voor het zorgcentrum. Paul van inkoop heeft dezelfde "
        "dag nog de goede geregeld. Zonder hem hadden we een week stilgestaan.",
        (3, 1, 6), (5, 2, 3), (50, 50, 50, 50), _MIXED, _ONCE, ("team", "other_teams", "supplier"), _MORE,
    ),
    Tale(
        "Otto Rouwhorst", 5, _TEAM, "Samen inmeten",
        "Dennis hielp me op de bouw met inmeten voor de revisietekening. In een uur hadden we wat ik anders in een "
        "dag uit foto's moest halen. De tekening klopt nu echt.",
        (2, 4, 4), None, (50, 50, 50, 50), _GOOD, _SOMETIMES, ("me", "other_teams"), _MORE,
    ),
    Tale(
        "Frank Bruggink", 4, _ANONYMOUS, "Meerwerk zonder afspraak",
        "Op de bouw vroeg de aannemer om extra radiatoren. Ruud zei ja, maar niemand legde het vast. Bij de "
        "oplevering ging het een week over wie dat betaalt. Met één mail was dat te voorkomen geweest.",
        (8, 0, 2), (6, 1, 3), (55, 60, 25, 40), _BAD, _SOMETIMES, ("team", "customer", "leadership"), _LESS,
    ),
    Tale(
        "Paul Stokkers", 4, _PRIVATE, "Mijn bestelling niet herkend",
        "Ik had het materiaal voor Borne besteld, maar Ruud zei dat het niet zijn bestelling was. Het bleek een "
        "misverstand over de fase. Ik voelde me niet gezien. We hebben het later uitgepraat.",
        (6, 0, 4), (3, 5, 2), (50, 50, 45, 50), _MIXED, _ONCE, ("me", "other_teams"), _UNSURE,
    ),
    Tale(
        "Linda Veldhuis", 3, _ORG, "De startbespreking wordt gewoonte",
        "Elk project begint nu met een startbespreking: projectleider, monteurs, werkvoorbereiding en inkoop aan "
        "één tafel. Het kost een uur. Het scheelt ons dagen zoeken en bellen op de bouw.",
        (8, 0, 2), (4, 2, 4), (50, 50, 50, 45), _GOOD, _OFTEN, ("team", "other_teams"), _MORE,
    ),
    Tale(
        "Harm Klein Gunnewiek", 2, _ORG, "Oplevering zonder restpunten",
        "De nieuwe vleugel van het zorgcentrum is opgeleverd zonder één restpunt. Alles getest en ingeregeld, en de "
        "revisietekening van Otto lag erbij. De eerste bewoners kwamen op de afgesproken dag.",
        (5, 4, 1), (4, 2, 4), (50, 50, 50, 50), _GOOD, _ONCE, ("team", "other_teams", "customer"), _MORE,
    ),
    Tale(
        "Jan Harbers", 1, _TEAM, "Weer een overdracht op het laatste moment",
        "De materiaalstaat voor het bedrijfspand kwam pas op vrijdagmiddag. Maandag ontbraken er afsluiters. De "
        "startbespreking is goed, maar alleen als hij ook echt gehouden wordt.",
        (8, 1, 1), (6, 1, 3), (60, 55, None, 45), _BAD, _SOMETIMES, ("team", "other_teams", "supplier"), _LESS,
    ),
    Tale(
        "Marieke Temmink", 1, _TEAM, "Een te krappe calculatie",
        "Voor het bedrijfspand heb ik te weinig uren voor het inregelen gecalculeerd, omdat de prijs anders te hoog "
        "werd. Nu staat Projecten onder druk. Volgende keer reken ik het eerlijk en leg ik de keuze bij de directie.",
        (5, 4, 1), (7, 0, 3), (50, 70, 45, 45), _BAD, _SOMETIMES, ("me", "other_teams", "leadership"), _LESS,
    ),
)  # fmt: skip

STAFF_TALES = (
    Tale(
        "Anna ter Horst", 11, _ORG, "De uitslag van de scan",
        "In de balansscan schatten Bram en ik de binnendienst veel positiever in dan ze zichzelf zien. Dat was geen "
        "prettige avond. Maar het klopt met wat ik in de cijfers zie: hulp komt pas na de twintigste. We gaan de "
        "bonusregeling tegen het licht houden.",
        (6, 0, 4), (4, 3, 3), (30, 65, 50, 35), _MIXED, _ONCE, ("leadership", "other_teams"), _MORE,
    ),
    Tale(
        "Sanne Eshuis", 9, _TEAM, "Leerlingen van het ROC",
        "Twee leerlingen van het ROC liepen een dag mee met Service. Luuk en Vera namen ze mee naar echte storingen. "
        "Een van hen wil volgend schooljaar bij ons beginnen.",
        (2, 5, 3), (1, 2, 7), (50, 45, 50, 50), _GOOD, _ONCE, ("me", "other_teams"), _MORE,
    ),
    Tale(
        "Thijs Slot", 7, _TEAM, "Toolbox over daken",
        "Na een bijna-ongeluk op een plat dak heb ik een toolbox over veilig werken op daken gegeven. Iedereen kwam, "
        "ook Projecten. Frank vertelde eerlijk hoe het misging. Daar leerden we meer van dan van mijn dia's.",
        (6, 3, 1), (1, 6, 3), (50, 45, 50, 50), _GOOD, _ONCE, ("other_teams",), _MORE,
    ),
    Tale(
        "Gerard ter Horst", 4, _ANONYMOUS, "Vroeger hielp iedereen",
        "Vroeger was er geen bonus en hielp iedereen iedereen. Ik begrijp dat cijfers nodig zijn. Maar als ik zie "
        "dat Fleur weken alleen zit met haar mailbox, dan zijn we iets kwijtgeraakt.",
        (1, 1, 8), (2, 3, 5), (50, 75, 50, 40), _BAD, _OFTEN, ("other_teams", "leadership"), _LESS,
    ),
    Tale(
        "Sanne Eshuis", 2, _ORG, "Hulp hoort in het jaargesprek",
        "In de jaargesprekken vragen we nu ook: wie heb je geholpen, en wie hielp jou? Bij Service ging dat vanzelf. "
        "Bij de binnendienst moesten mensen er langer over nadenken, maar ze hadden wel voorbeelden.",
        (5, 0, 5), (1, 5, 4), (45, 50, 50, 50), _GOOD, _SOMETIMES, ("other_teams", "leadership"), _MORE,
    ),
    Tale(
        "Anna ter Horst", 1, _TEAM, "Een teamdoel in plaats van de bonus",
        "Met Bram en Sanne de nieuwe regeling voor de binnendienst uitgewerkt: een teamdoel op antwoorden binnen een "
        "werkdag, en de persoonlijke bonus wordt kleiner. Niet iedereen is er blij mee. Iris vroeg terecht wat er "
        "met haar inkomen gebeurt.",
        (7, 0, 3), (3, 3, 4), (45, 55, 50, 45), _MIXED, _ONCE, ("leadership", "other_teams"), _UNSURE,
    ),
)  # fmt: skip

TALES = (*BINNENDIENST_TALES, *SERVICE_TALES, *CHAIN_TALES, *STAFF_TALES)
# How far the tellers' own placing wanders around the values above: a point is placed by hand.
TRIANGLE_JITTER = 0.04
SLIDER_JITTER = 4


def _weights(parts: tuple[float, float, float]) -> tuple[float, float, float]:
    """Three weights with three decimals that add up to exactly 1.000: the largest remainders get the rest."""
    total = sum(parts)
    thousandths = [part / total * 1000 for part in parts]
    whole = [int(share) for share in thousandths]
    by_remainder = sorted(range(3), key=lambda index: (whole[index] - thousandths[index], index))
    for index in by_remainder[: 1000 - sum(whole)]:
        whole[index] += 1
    a, b, c = (share / 1000 for share in whole)
    return a, b, c


@dataclass
class _Stories:
    """The stories of TALES, told through story_tell by each teller, then dated back over the year."""

    org: Organisation
    people: dict[str, Person]
    logins: dict[str, Membership]
    today: date
    now: datetime
    rng: random.Random = field(default_factory=lambda: random.Random(f"{DEMO_SLUG}-stories"))  # noqa: S311 - demo data
    told: list[Story] = field(default_factory=list)

    def tell(self) -> None:
        for tale in TALES:
            self.told.append(self._tell(tale))
        Story.objects.bulk_update(self.told, ["created_at"])

    def _tell(self, tale: Tale) -> Story:
        signifiers: dict[str, Any] = {}
        for key, weights in (("difference", tale.difference), ("counted", tale.counted)):
            if weights is not None:
                a, b, c = _weights(self._placed(weights))
                signifiers |= {f"{key}_a": a, f"{key}_b": b, f"{key}_c": c}
        for (key, _label, _left, _right), position in zip(SLIDERS, tale.sliders, strict=True):
            if position is not None:
                jitter = self.rng.randint(-SLIDER_JITTER, SLIDER_JITTER)
                signifiers[key] = min(100, max(0, position + jitter))
        membership = self.logins.get(tale.author) or _acting_as(self.org, self.people[tale.author])
        story = story_tell(
            membership=membership,
            title=tale.title,
            text=tale.text,
            visibility=tale.visibility,
            tone=tale.tone,
            frequency=tale.frequency,
            involved=list(tale.involved),
            more_or_less=tale.more_or_less,
            **signifiers,
        )
        story.created_at = self._moment(tale.months_back, tale.day)
        return story

    def _placed(self, weights: tuple[int, int, int]) -> tuple[float, float, float]:
        total = sum(weights)
        a, b, c = (max(0.0, weight / total + self.rng.uniform(-TRIANGLE_JITTER, TRIANGLE_JITTER)) for weight in weights)
        return (a, b, c) if a + b + c > 0 else (1.0, 1.0, 1.0)

    def _moment(self, months_back: int, day: int) -> datetime:
        """A working day in the month `months_back` months ago (nearest to `day` if given), never after now;
        stories are told in the working day and in the evening."""
        month = _month_start(self.today, months_back)
        days = _workdays(month, 1, 31, self.today) or [_workdays_before(self.today, 1)]
        on = min(days, key=lambda candidate: abs(candidate.day - day)) if day else self.rng.choice(days)
        moment = datetime.combine(on, time(self.rng.choice((8, 9, 10, 11, 13, 14, 15, 16, 19, 20, 21)), 0))
        return min(timezone.make_aware(moment + timedelta(minutes=self.rng.randrange(0, 60, 5))), self.now)


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
    values_create_defaults(organisation=org)
    people: dict[str, Person] = {}
    teams: dict[str, Team] = {}
    for number, (team_name, description, members) in enumerate(TEAMS, start=1):
        team = Team.objects.create(organisation=org, name=team_name, description=description)
        teams[team_name] = team
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
    logins: dict[str, Membership] = {}
    for login in DEMO_LOGINS:
        user = User.objects.create_user(login.email, DEMO_PASSWORD, name=login.name)
        linked = people.get(login.name)
        membership = Membership.objects.create(user=user, organisation=org, role=login.role, person=linked)
        if linked is not None:
            logins[login.name] = membership
    story = _Story(org=org, people=people, teams=teams, logins=logins, today=timezone.localdate(), now=timezone.now())
    story.tell()
    scans = _Scans(org=org, people=people, opened_by=logins["Anna ter Horst"].user, today=story.today)
    scans.tell()
    stories = _Stories(org=org, people=people, logins=logins, today=story.today, now=story.now)
    stories.tell()
    return (
        f"Loaded {org.name}: {len(people)} people in {len(TEAMS)} teams, {len(PORTFOLIOS)} portfolios, "
        f"{len(DEMO_LOGINS)} logins (password {DEMO_PASSWORD}); {len(story.goals)} goals, "
        f"{len(story.contributions)} contributions, {len(story.help)} help records, {len(story.thanks)} thanks; "
        f"{len(scans.rounds)} scan rounds, {scans.responses} responses, {scans.actions} actions; "
        f"{len(stories.told)} stories."
    )
