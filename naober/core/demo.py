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

Learning reviews: every team on its own rhythm (Binnendienst every four weeks, the others every five or six), about
a year of closed reviews with insights on the three questions, placed in the learning grid, and actions with an
owner and a due date. Binnendienst's reviews move from "help only after my own target" to a shared queue and
shorter waits, while the busiest portfolio still waits longest. Most actions are done, some late; a few stay open
over several reviews, three are overdue, and Binnendienst's next review is due, so reminders have work to do.

Story selection: a closed round for the last quarter with a pick and a reason per coupling, and an open round for
this quarter whose rotating panel has made a first pick.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Collection, Sequence
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
from naober.reviews.models import Behaviour, Insight, Outcome, Question, Review, ReviewAction
from naober.reviews.services import rhythm_set
from naober.scan.instrument import PREDICTED_BLOCKS, SLIDER_MAX, SLIDER_MIN, Instrument
from naober.scan.instrument import load as scan_instrument
from naober.scan.models import Action, Participation, RoleGroup, ScanRound
from naober.scan.services import Letter, action_add, response_submit, round_close, round_open
from naober.stories.models import (
    SLIDERS,
    Frequency,
    MoreOrLess,
    SelectionPick,
    SelectionRound,
    Story,
    StoryVisibility,
    Tone,
)
from naober.stories.services import selection_open, selection_pick, story_tell
from naober.work.demo import work_demo_load

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


# Learning reviews (DESIGN.md §1, §3): every team holds one on its own rhythm, about a year of them, each with a
# few insights on the three questions and one to three actions. Binnendienst's year runs from naming the friction
# (help only after one's own target, customers calling twice) through the team goal to a shared queue that
# shortens the wait, while the busiest portfolio still waits longest. Most actions are done, some late; a few stay
# open over several reviews and three are overdue today. Binnendienst's next review is due within two days, so
# `naober manage send_reminders` has something to send. No insight retells its author's own anonymous story: an
# insight carries its author's name, and would give the teller away.

_CUSTOMER, _US, _TOGETHER = Question.CUSTOMER, Question.US, Question.TOGETHER
_EXPERIMENT, _MISTAKE, _PRACTICE = Behaviour.EXPERIMENT, Behaviour.MISTAKE, Behaviour.PRACTICE
_SUCCESS, _FAILURE = Outcome.SUCCESS, Outcome.FAILURE


class Noted(NamedTuple):
    """An insight as written in a review: the question it answers, who wrote it (a first name in the team), the
    text, and its place in the learning grid ("" where the team did not place it)."""

    question: str
    author: str
    text: str
    behaviour: str = ""
    outcome: str = ""


class Agreed(NamedTuple):
    """An action a review agreed on: who takes it up (a first name in the team), due so many weeks after the review,
    done so many weeks after it (None: still open)."""

    title: str
    owner: str
    due_weeks: int
    done_weeks: int | None = None


class Meeting(NamedTuple):
    insights: tuple[Noted, ...]
    actions: tuple[Agreed, ...]


class ReviewHabit(NamedTuple):
    """How a team holds its reviews: every so many weeks, the last one so many days before today (on the working day
    before, if that is a weekend), starting at a time of day."""

    every_weeks: int
    last_days_ago: int
    starts: time


BINNENDIENST_REVIEWS = (
    Meeting(
        (
            Noted(_TOGETHER, "Bram", "De balansscan is binnen: wij scoren het laagst op naoberschap. Anna en ik "
                  "schrokken ervan, het team niet."),
            Noted(_CUSTOMER, "Fleur", "Klanten van Particulieren Hengelo bellen twee of drie keer voordat ze antwoord "
                  "hebben. Elke ochtend staan er vijftig mails.", _PRACTICE, _FAILURE),
            Noted(_US, "Gijs", "We weten niet van elkaar wie het druk heeft. Iedereen kijkt naar zijn eigen pakket en "
                  "zijn eigen omzet."),
            Noted(_CUSTOMER, "Hanneke", "Als iemand op vakantie is, blijven de mails uit zijn pakket liggen tot hij "
                  "terug is.", _PRACTICE, _FAILURE),
        ),
        (
            Agreed("In elk teamoverleg eerst kijken welk pakket de meeste open vragen heeft", "Bram", 4, 4),
            Agreed("Afwezigheidsmelding met de naam van een vervanger uit het team", "Hanneke", 2, 1),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Gijs", "Een klant in Enschede wachtte vier dagen op een afspraak voor haar ketel. Ik zag "
                  "het pas toen ze boos belde.", _PRACTICE, _FAILURE),
            Noted(_US, "Daan", "Wie nog onder zijn target zit, zegt nee tegen een hulpvraag. Ik ook. Het voelt niet "
                  "goed, maar de bonus telt per persoon."),
            Noted(_TOGETHER, "Jeroen", "De vervanger in de afwezigheidsmelding werkt: klanten van Hanneke kregen "
                  "antwoord terwijl zij weg was.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Iris", "Om hulp vragen voelt als zeuren zolang iedereen op zijn eigen cijfers zit."),
        ),
        (Agreed("Terugbelbeloftes van de dag op het whiteboard, met naam en tijd", "Fleur", 3, 3),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Fleur", "Het whiteboard met terugbelbeloftes: we vergeten er minder, maar alleen ik "
                  "schrijf erop.", _EXPERIMENT, _FAILURE),
            Noted(_CUSTOMER, "Daan", "Mijn offerte voor de sporthal ging met een rekenfout van een paar duizend euro "
                  "de deur uit. Niemand had tijd om mee te kijken.", _MISTAKE, _FAILURE),
            Noted(_TOGETHER, "Jeroen", "We helpen elkaar wel, maar bijna alleen na de twintigste. Dan hebben klanten "
                  "al twee keer gebeld.", _PRACTICE, _FAILURE),
            Noted(_US, "Bram", "Het overleg beginnen bij het drukste pakket helpt: we zien nu wie het zwaar heeft.",
                  _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("Offertes boven €10.000 laat je nalezen door een collega", "Daan", 4, 3),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Bram", "Klanten worden doorverbonden naar een volle voicemail als de eigenaar van het "
                  "pakket er niet is. Dan bellen ze een dag later opnieuw.", _PRACTICE, _FAILURE),
            Noted(_US, "Daan", "Vier ogen op grote offertes: twee fouten gevonden voordat ze de deur uit gingen.",
                  _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Gijs", "Als ik om hulp vraag met terugbellen, lukt dat pas na de twintigste. Dan is het "
                  "eigenlijk te laat.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Chantal", "Zorgcentrum De Esch heeft nu één vaste monteur. Ze hoeven hun verhaal niet "
                  "steeds opnieuw te vertellen.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Hanneke", "Iedereen legt de subsidie voor warmtepompen anders uit. De klant merkt dat."),
        ),
        (
            Agreed("Met Anna bespreken hoe de persoonlijke bonus het helpen in de weg zit", "Bram", 6, 5),
            Agreed("Niet doorverbinden naar een lege plek: zelf een terugbelbelofte noteren", "Gijs", 2, 2),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Bram", "Helpen en de bonus gaan niet samen. Met Anna afgesproken dat we kijken hoe "
                  "Service het met teamdoelen doet."),
            Noted(_CUSTOMER, "Fleur", "Op de 27e kwam er hulp. Fijn, maar mijn klanten hadden toen al drie weken "
                  "gewacht.", _PRACTICE, _FAILURE),
            Noted(_US, "Jeroen", "De terugbelverzoeken van Gijs kon ik pas doen toen mijn target binnen was. De "
                  "klanten hadden al twee keer gebeld.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Gijs", "Zelf een terugbelbelofte noteren in plaats van doorverbinden: klanten bellen "
                  "minder vaak opnieuw.", _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("Meekijken bij het werkoverleg van Service & Onderhoud: hoe werkt hun teamdoel?", "Hanneke", 4, 4),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Fleur", "Een klant van mij belde drie keer over een lekkende boiler voordat iemand hem "
                  "hielp. Volgens de regels deed niemand iets fout.", _PRACTICE, _FAILURE),
            Noted(_US, "Hanneke", "Bij Service is het doel van het hele team, en in het werkoverleg noemen ze wie wie "
                  "geholpen heeft. Dat wil ik ook."),
            Noted(_TOGETHER, "Hanneke", "De uitleg over subsidie voor hybride warmtepompen staat op één A4. Iedereen "
                  "geeft nu hetzelfde antwoord, wie er ook opneemt.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Chantal", "Twee middagen met Vera meegereden. Vragen over warmtepompen vang ik nu vaak zelf "
                  "af.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Daan", "Mijn target was op de achttiende binnen. Daarna heb ik de hele week de telefoon van "
                  "anderen gedaan. Waarom help ik pas als het mij niets meer kost?"),
        ),
        (
            Agreed("Voorstel voor een teamdoel 'elke klantvraag binnen één werkdag' uitwerken met Anna", "Bram", 4, 4),
            Agreed("Antwoorden op veelgestelde vragen (subsidie, legionella, onderhoudscontract) op één plek",
                   "Hanneke", 6, 10),
        ),
    ),
    Meeting(
        (
            Noted(_US, "Daan", "Storingen uit andere pakketten blijven liggen zolang de eigen offertes niet af zijn. "
                  "Bij mij ook.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Iris", "In de werkbon stond niets over het vorige bezoek bij de melkveehouder. Vera wist "
                  "het meteen; anders had de klant een dag gewacht.", _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Bram", "Het teamdoel 'binnen één werkdag' gaat volgende maand in. De persoonlijke bonus "
                  "blijft voorlopig bestaan."),
            Noted(_TOGETHER, "Jeroen", "Ik ben benieuwd of een teamdoel iets verandert zolang de bonus per persoon "
                  "blijft."),
        ),
        (
            Agreed("Het teamdoel elke week op het scherm in de binnendienst", "Bram", 2, 1),
            Agreed("Met Wouter afspreken: in de werkbon altijd wat er de vorige keer gedaan is", "Iris", 6, 6),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Bram", "Eerste maand met het teamdoel: in het overleg ging het vanzelf over wie waar kon "
                  "helpen.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Hanneke", "Ik nam de terugbelverzoeken van Gijs over zonder dat iemand het vroeg. Zijn "
                  "klanten hadden dezelfde dag antwoord.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Jeroen", "Tegen het eind van de maand werken we toch weer stil de eigen offertes af. De bonus "
                  "is er nog.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Fleur", "Particulieren Hengelo wacht nog altijd het langst: gemiddeld ruim een dag."),
            Noted(_TOGETHER, "Daan", "Voorstel: één gezamenlijke mailbox voor alle vragen, die we 's ochtends samen "
                  "verdelen. Dan is er één wachtrij in plaats van acht."),
        ),
        (
            Agreed("Proef van vier weken: één gezamenlijke mailbox als wachtrij voor alle pakketten, 's ochtends samen "
                   "verdelen", "Daan", 4, 4),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Fleur", "Op de tiende stonden Iris en Jeroen naast mijn bureau om de mailbox te "
                  "verdelen. Mijn klanten hadden dezelfde dag antwoord.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Chantal", "In de gezamenlijke mailbox zie ik ook de vragen uit andere pakketten, en ik pak ze "
                  "eerder op.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Gijs", "Twee mails werden door twee mensen beantwoord, met een verschillend antwoord. Je "
                  "moet kunnen zien wie iets oppakt.", _EXPERIMENT, _FAILURE),
            Noted(_CUSTOMER, "Daan", "Sinds de gezamenlijke mailbox is meer dan driekwart van de vragen binnen een "
                  "werkdag af.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Jeroen", "Het voelt nog onwennig dat een ander mijn klanten antwoordt. Maar ze krijgen wel "
                  "sneller antwoord."),
        ),
        (
            Agreed("Een mail in de gezamenlijke mailbox eerst markeren als je hem oppakt", "Gijs", 1, 1),
            Agreed("De gezamenlijke mailbox blijft: om half negen samen verdelen", "Hanneke", 2, 2),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Gijs", "Sinds het teamdoel vraagt niemand meer of helpen wel telt. Ik kreeg deze maand "
                  "twee keer hulp zonder erom te vragen.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Hanneke", "Het ochtendoverleg van tien minuten laat zien welke pakketten het drukst "
                  "zijn. Daan stelde het voor, we regelen het zelf.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Fleur", "De wachttijd voor Particulieren Hengelo is korter, maar nog lang niet de acht "
                  "uur van het doel.", _PRACTICE, _FAILURE),
            Noted(_US, "Bram", "Aan het eind van het kwartaal zat iedereen weer op de eigen offertes. De bonus trekt "
                  "harder dan het teamdoel.", _PRACTICE, _FAILURE),
        ),
        (Agreed("Met Anna en Sanne bespreken: de persoonlijke bonus kleiner maken naast het teamdoel", "Bram", 8, 9),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Chantal", "Als ik bij een klant zit en De Esch belt, pakt Gijs of Daan het gewoon op.",
                  _PRACTICE, _SUCCESS),
            Noted(_US, "Daan", "De wachttijd per pakket naast elkaar gezet: Particulieren Hengelo blijft achter, ook "
                  "als we helpen.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Hanneke", "Wie in het ochtendoverleg zegt dat het te veel is, krijgt hulp. Dat voelt "
                  "niet meer als zeuren.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Jeroen", "Drukkerij Hofman had een storing terwijl ik op vakantie was. Fleur regelde een "
                  "monteur. Vroeger had die mail een week op mij gewacht.", _PRACTICE, _SUCCESS),
            Noted(_US, "Iris", "Ik beloofde een klant terug te bellen en vergat het, omdat ik er de telefoon van Fleur "
                  "bij deed. Terugbelbeloftes horen in de gezamenlijke lijst.", _MISTAKE, _FAILURE),
        ),
        (
            Agreed("Terugbelbeloftes als taak met tijdstip in de gezamenlijke mailbox", "Iris", 2, 2),
            Agreed("Voorstel voor een nieuwe verdeling van de klantenpakketten: Particulieren Hengelo is te groot voor "
                   "één persoon", "Daan", 10),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Chantal", "Eerst de gezamenlijke mailbox, daarna pas mijn eigen pakket. Zo hoort het.",
                  _PRACTICE, _SUCCESS),
            Noted(_US, "Jeroen", "De nieuwe regeling: een teamdoel en een kleinere persoonlijke bonus. Ik wil weten "
                  "wat dat voor mijn inkomen betekent."),
            Noted(_TOGETHER, "Bram", "Rond de tachtig procent van de vragen is binnen een werkdag af. Nog niet de "
                  "negentig van het doel, maar nooit eerder zo hoog.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Fleur", "Klanten uit mijn pakket krijgen nu vaak antwoord van een collega. Niemand heeft "
                  "erover geklaagd; een paar bedankten juist.", _PRACTICE, _SUCCESS),
        ),
        (Agreed("Uitleg van de nieuwe beloningsregeling voor het hele team, met rekenvoorbeelden", "Bram", 4, 5),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Daan", "Particulieren Hengelo wacht nog steeds het langst, ook met de gezamenlijke "
                  "mailbox. Helpen lost niet alles op: het pakket is te groot.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Fleur", "Klanten bellen minder vaak een tweede keer sinds de terugbelbeloftes in de "
                  "gezamenlijke lijst staan.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Jeroen", "Mijn pakket liep tijdens mijn vakantie gewoon door. Dat geeft rust.",
                  _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Hanneke", "Het ochtendoverleg schiet erbij in op drukke maandagen. Juist dan hebben we "
                  "het nodig.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Gijs", "Met één wachtrij weet ik aan het eind van de dag wat er nog openstaat, ook "
                  "buiten mijn eigen pakket.", _EXPERIMENT, _SUCCESS),
        ),
        (
            Agreed("Ochtendoverleg ook op maandag, desnoods staand in vijf minuten", "Hanneke", 2, 2),
            Agreed("Tien klanten van Particulieren Hengelo bellen: merken ze iets van de snellere antwoorden?",
                   "Fleur", 6),
        ),
    ),
)  # fmt: skip

SERVICE_REVIEWS = (
    Meeting(
        (
            Noted(_CUSTOMER, "Marco", "Bij Bakkerij Lohuis pas weggegaan toen de oorzaak bekend was: een slecht "
                  "contact in de pressostaat. Geen derde bezoek.", _PRACTICE, _SUCCESS),
            Noted(_US, "Luuk", "Sander stelde zijn eerste ketel zelf in bedrijf. Ik keek alleen mee en hoefde niets te "
                  "zeggen.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Niels", "Tom miste een driewegklep; ik zat tien minuten verderop en bracht de mijne. De "
                  "bewoners hadden binnen het uur warm water.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Karin", "Veertien terugkomers binnen dertig dagen vorige maand. Dat zijn veertien "
                  "klanten die nog een keer vrij moesten nemen."),
        ),
        (Agreed("Elke terugkomer binnen dertig dagen kort bespreken in het werkoverleg", "Karin", 5, 5),),
    ),
    Meeting(
        (
            Noted(_US, "Karin", "In het weekendrooster staat geen achtervang. Bij veel storingen draait één monteur "
                  "alles alleen, tot 's avonds laat.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Rick", "Drie van de vijf terugkomers die we bespraken kwamen door een onderdeel dat niet "
                  "in de bus lag."),
            Noted(_TOGETHER, "Wouter", "Storingen komen binnen zonder type installatie en storingscode. Dan rijdt de "
                  "monteur zonder het goede onderdeel.", _PRACTICE, _FAILURE),
        ),
        (
            Agreed("Weekendrooster met een vaste achtervang naast de storingsdienst", "Karin", 4, 6),
            Agreed("Met Bram afspreken welke gegevens de binnendienst bij een storing vraagt", "Wouter", 5, 4),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Karin", "Elke week in het werkoverleg noemen wie wie geholpen heeft. Eerst lacherig, nu "
                  "vragen ze er zelf om.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Pim", "De nieuwe storingscodes van de warmtepompen uitgezocht en met uitleg in de groepsapp "
                  "gezet. Quinten had er dezelfde week wat aan.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Vera", "Chantal van de binnendienst reed twee middagen mee. Nu vangt zij veel "
                  "warmtepompvragen zelf af.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Niels", "De achtervang staat op het rooster, maar was twee keer niet bereikbaar.",
                  _EXPERIMENT, _FAILURE),
        ),
        (
            Agreed("De achtervang bevestigt zijn dienst op vrijdag in de groepsapp", "Niels", 1, 1),
            Agreed("Meerijden openstellen voor de hele binnendienst", "Vera", 8, 8),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Quinten", "Bij een boer in de Achterhoek was de circulatiepomp kapot en niet op "
                  "voorraad. De klant moest twee dagen wachten en opnieuw vrij nemen.", _PRACTICE, _FAILURE),
            Noted(_US, "Rick", "Richt de bus in op wat we het vaakst missen, niet op wat er altijd al in lag."),
            Noted(_TOGETHER, "Luuk", "Storingen binnen 24 uur verholpen: iets boven de negentig procent. Het doel is "
                  "95."),
            Noted(_CUSTOMER, "Ufuk", "Technische diensten van zorginstellingen willen kleine storingen zelf oplossen, "
                  "als wij uitleggen hoe."),
        ),
        (
            Agreed("Lijst van de twintig vaakst gemiste onderdelen; met Paul van inkoop in elke bus", "Rick", 4, 3),
            Agreed("Uitleg 'ketel zelf resetten' voor de technische diensten van zorginstellingen", "Ufuk", 6, 6),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Rick", "De bussen zijn opnieuw ingericht: deze maand geen enkel tweede bezoek voor een "
                  "onderdeel.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Sander", "Luuk liet me na het inregelen van een vloerverwarming zelf uitleggen wat ik gezien "
                  "had. Zo leer ik het beter dan uit een boek.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Niels", "Hulp noemen in het overleg voelt nu gewoon. Niemand lacht er meer om.",
                  _PRACTICE, _SUCCESS),
        ),
        (Agreed("Elke leerling legt één klus per week uit aan zijn begeleider", "Luuk", 5, 5),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Ufuk", "Verpleeghuis Oldenhof reset de ketel bij een kleine storing nu zelf. Vorige week "
                  "'s nachts, zonder ons.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Wouter", "De binnendienst geeft storingen door met type installatie en storingscode. Ik "
                  "weet wat de monteur nodig heeft voordat hij rijdt.", _PRACTICE, _SUCCESS),
            Noted(_US, "Karin", "Koeltechniek hangt aan één persoon. Als Vera vrij is, wachten klanten met een kapotte "
                  "koelcel.", _PRACTICE, _FAILURE),
            Noted(_US, "Marco", "Ik wil koeltechniek leren, maar er is nooit tijd om mee te gaan."),
        ),
        (
            Agreed("Marco en Ufuk lopen elk een dag mee met Vera langs koelinstallaties", "Vera", 6, 6),
            Agreed("Opleiding koudemiddelen voor Marco in het opleidingsplan", "Karin", 30),
        ),
    ),
    Meeting(
        (
            Noted(_US, "Marco", "Een dag met Vera langs de koelcellen. Ik mocht zelf vacuüm trekken en vullen.",
                  _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Okke", "Niels nam mijn avonddienst over op de verjaardag van mijn dochter; de week erna "
                  "deed ik hetzelfde voor hem.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Tom", "Een klant met een kapotte koelcel wachtte drie dagen, omdat er niemand anders "
                  "voor koeling was.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Karin", "Storingen binnen 24 uur verholpen: we komen dicht bij de 95 procent."),
        ),
        (Agreed("Vakantieplanning: Vera en de tweede monteur voor koeling nooit tegelijk vrij", "Wouter", 3, 3),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Karin", "Het aantal storingen is flink gestegen. De 24 uur halen we nog, maar er is "
                  "minder tijd voor uitleg aan de leerling.", _PRACTICE, _FAILURE),
            Noted(_US, "Sander", "Als het druk is, sta ik vooral aan te reiken. Ik leer minder dan een paar maanden "
                  "geleden."),
            Noted(_CUSTOMER, "Okke", "Een tekening uit het archief dat Gerard heeft gedigitaliseerd: ik wist meteen "
                  "waar de leidingen liepen en hoefde niets open te breken.", _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Quinten", "Foto's en meetwaarden in de werkbon: Iris kon een klant daardoor meteen "
                  "antwoorden.", _EXPERIMENT, _SUCCESS),
        ),
        (
            Agreed("Elke week één vast uur uitleg voor de leerling, ook als het druk is", "Karin", 4, 6),
            Agreed("Foto's en meetwaarden standaard in elke werkbon", "Quinten", 4, 3),
        ),
    ),
    Meeting(
        (
            Noted(_US, "Luuk", "Het vaste uitleguur met Sander houden we vol, al schuift het soms naar de vrijdag.",
                  _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Ufuk", "Ik had de verkeerde pakking bij me. Niels had de goede in zijn bus en kwam "
                  "langs; de klant merkte er niets van.", _MISTAKE, _SUCCESS),
            Noted(_TOGETHER, "Vera", "Marco lost kleine koelstoringen nu zelf op. Ik kon deze maand voor het eerst met "
                  "een gerust hart vrij nemen.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Wouter", "Terugkomers binnen dertig dagen zijn bijna gehalveerd sinds de bussen anders "
                  "zijn ingericht.", _PRACTICE, _SUCCESS),
        ),
        (Agreed("Korte uitleg over warmtepompen voor de binnendienst, met de nieuwe storingscodes", "Pim", 6),),
    ),
    Meeting(
        (
            Noted(_US, "Sander", "Mijn stappenplan voor het inregelen van een warmtepomp met Vera doorgelopen. Ze zei "
                  "dat de volgende leerling er ook wat aan heeft.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Karin", "Het blijft druk. De 24 uur halen we, maar de monteurs rijden van klant naar "
                  "klant.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Luuk", "Met meer leerlingen volgend jaar zijn er meer begeleiders nodig. Pim en Tom "
                  "willen het doen."),
        ),
        (Agreed("Een middag voor de nieuwe begeleiders: hoe leg je een klus uit aan een leerling?", "Luuk", 8),),
    ),
)  # fmt: skip

PROJECT_REVIEWS = (
    Meeting(
        (
            Noted(_CUSTOMER, "Ruud", "De renovatie in de Hasseler Es begonnen op de oude tekening. De helft moest "
                  "over, en de aannemer was er niet blij mee.", _MISTAKE, _FAILURE),
            Noted(_TOGETHER, "Bart", "We horen pas op de eerste werkdag wat er klaarligt. Een gesprek vooraf met "
                  "Werkvoorbereiding scheelt dagen."),
            Noted(_US, "Mehmet", "Kees leert het snelst als hij naast je werkt, niet als hij alleen opruimt.",
                  _PRACTICE, _SUCCESS),
        ),
        (
            Agreed("Voor de school in Borne een startbespreking met Werkvoorbereiding vóór de eerste werkdag", "Ruud",
                   4, 4),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Bart", "Startbespreking voor de school in Borne: tekening, materiaal en planning lagen "
                  "klaar. De eerste week geen minuut gewacht.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Ruud", "Marieke liep haar calculatie voor het zorgcentrum met me door in plaats van hem "
                  "te mailen. Twee posten gaan op de bouw anders; nu weten we dat vooraf.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Kees", "Mehmet leerde me hardsolderen: eerst op stukjes afval, daarna op de echte leiding. Hij "
                  "keek elke las na.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Jan", "Bij de appartementen was er te weinig tijd voor inregelen. Dat zie je terug bij "
                  "de oplevering.", _PRACTICE, _FAILURE),
        ),
        (
            Agreed("Startbespreking bij elk project dat langer loopt dan vier weken", "Ruud", 6, 8),
            Agreed("Inregelen als eigen blok in de projectplanning", "Jan", 6, 6),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Ruud", "De appartementen opgeleverd met een lange lijst restpunten. Bewoners spreken ons "
                  "erop aan.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Erik", "Paul belt nu elke maandag de leveranciers en zet de levertijden in de planning. "
                  "We weten eindelijk wanneer iets komt.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Harm", "Restpunten ontstaan in de laatste week, als alles tegelijk moet. We moeten eerder "
                  "beginnen met testen."),
        ),
        (Agreed("Testen en inregelen twee weken vóór de oplevering, met een vaste checklist", "Harm", 6, 6),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Dennis", "We bellen vanaf de bouw dat er iets ontbreekt, terwijl het op de "
                  "materiaalstaat stond. We lezen hem niet goed.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Mehmet", "Kees soldeert nu zelf en ik kijk elke las na. De klant merkt alleen dat we "
                  "sneller klaar zijn.", _PRACTICE, _SUCCESS),
            Noted(_US, "Frank", "Bij de toolbox over daken vertelde ik hoe het bij ons bijna misging. Daar leerden we "
                  "meer van dan van de dia's.", _PRACTICE, _SUCCESS),
        ),
        (Agreed("Met Werkvoorbereiding bepalen wat er echt op de materiaalstaat moet: één A4", "Dennis", 4, 8),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Erik", "Verkeerde warmtepompen voor het zorgcentrum geleverd. Paul regelde dezelfde dag "
                  "de goede, anders hadden we een week stilgestaan.", _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Dennis", "Met Otto samen ingemeten voor de revisietekening: in een uur wat hem anders "
                  "een dag kost.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Jan", "De materiaalstaat op één A4 lees ik wel. Minder bellen vanaf de bouw.",
                  _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Bart", "Testen twee weken voor de oplevering: voor het eerst een korte lijst restpunten.",
                  _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("Bij elke oplevering de revisietekening samen met Otto inmeten", "Dennis", 6, 6),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Ruud", "Meerwerk mondeling toegezegd en niet vastgelegd. Bij de oplevering een week "
                  "discussie over wie het betaalt. Dat was mijn fout.", _MISTAKE, _FAILURE),
            Noted(_TOGETHER, "Harm", "De startbespreking is gewoonte geworden: projectleider, monteurs, "
                  "werkvoorbereiding en inkoop aan één tafel.", _PRACTICE, _SUCCESS),
            Noted(_US, "Kees", "Ik mag nu zelf een badkamer aansluiten, met Mehmet als controle achteraf.",
                  _EXPERIMENT, _SUCCESS),
        ),
        (
            Agreed("Meerwerk dezelfde dag per mail bevestigen aan de aannemer, met een kopie naar de administratie",
                   "Ruud", 2, 2),
            Agreed("Restpunten per oplevering bijhouden en elk kwartaal bespreken", "Harm", 8, 8),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Harm", "De nieuwe vleugel van het zorgcentrum opgeleverd zonder één restpunt. De eerste "
                  "bewoners kwamen op de afgesproken dag.", _PRACTICE, _SUCCESS),
            Noted(_US, "Ruud", "Opleveringen zonder restpunten: het ene kwartaal beter, het andere weer slechter. We "
                  "zijn er nog niet.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Bart", "De meerwerkmail werkt: de aannemer bevestigt nu ook zelf.",
                  _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("Inregelen krijgt een vaste dag in de planning, ook als de calculatie krap is", "Harm", 12),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Jan", "De materiaalstaat voor het bedrijfspand kwam pas op vrijdagmiddag. Maandag "
                  "ontbraken er afsluiters; de startbespreking was verschoven.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Erik", "Voor het bedrijfspand zijn te weinig uren voor inregelen gerekend. Dat gaat ten "
                  "koste van de oplevering."),
            Noted(_US, "Kees", "Mijn eerste oplevering waarbij ik de checklist zelf liep, met Harm ernaast.",
                  _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Ruud", "Een startbespreking verschuiven mag, maar alleen met een nieuwe datum erbij."),
        ),
        (
            Agreed("Startbespreking nooit verschuiven zonder nieuwe datum; Linda houdt de lijst bij", "Jan", 3, 3),
            Agreed("Met Marieke en Anna bespreken hoe we inregelen eerlijk calculeren", "Ruud", 6),
        ),
    ),
)  # fmt: skip

PREPARATION_REVIEWS = (
    Meeting(
        (
            Noted(_TOGETHER, "Linda", "De wijziging van de architect voor de school kwam twee dagen voor de start. "
                  "Otto heeft een avond doorgewerkt. Het lukte, maar zo kan het niet elke keer.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Marieke", "Wat ik calculeer en wat er op de bouw gebeurt, loopt uit elkaar. Ik hoor het "
                  "pas bij de nacalculatie."),
            Noted(_US, "Otto", "Bij wijzigingen op het laatste moment weet ik niet welke versie van de tekening op de "
                  "bouw ligt.", _PRACTICE, _FAILURE),
        ),
        (Agreed("Wijzigingen van architecten binnen een dag naar Projecten, met een versienummer op de tekening",
                "Otto", 3, 3),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Marieke", "Mijn calculatie voor het zorgcentrum niet gemaild maar met Ruud doorgelopen. "
                  "Hij zag meteen twee posten die op de bouw anders gaan.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Linda", "Eerste startbespreking met Projecten voor de school in Borne. Alles lag klaar "
                  "op de eerste werkdag.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Paul", "De levertijd van warmtepompen loopt op naar tien weken. Projecten hoort het te laat.",
                  _PRACTICE, _FAILURE),
        ),
        (
            Agreed("Elke maandag de levertijden nabellen en in de planning zetten", "Paul", 2, 2),
            Agreed("Calculaties altijd mondeling overdragen aan de projectleider", "Marieke", 5, 5),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Paul", "Levertijden elke maandag in de planning: Projecten en de binnendienst weten op "
                  "tijd wanneer iets verschuift.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Linda", "Monteurs bellen vanaf de bouw over materiaal dat wel op de staat stond. We weten niet "
                  "of de staat gelezen wordt.", _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Otto", "Met een versienummer op elke tekening lag er deze maand geen verkeerde tekening "
                  "op de bouw.", _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("In de startbespreking de materiaalstaat samen doorlopen", "Linda", 5, 5),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Marieke", "Nacalculatie van de school: binnen twee procent van de calculatie. Dat komt "
                  "door het samen overdragen.", _PRACTICE, _SUCCESS),
            Noted(_US, "Paul", "Bij twee projecten tegelijk is niet altijd duidelijk welke bestelling bij welke fase "
                  "hoort.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Otto", "In de startbespreking lopen we de materiaalstaat door, maar op de bouw wordt hij "
                  "daarna zelden geopend.", _EXPERIMENT, _FAILURE),
        ),
        (Agreed("Fase en projectnummer op elke bestelling", "Paul", 3, 3),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Paul", "Verkeerde warmtepompen geleverd voor het zorgcentrum. Dezelfde dag de goede "
                  "geregeld; de monteurs stonden niet stil.", _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Otto", "Dennis hielp me inmeten voor de revisietekening. In een uur had ik wat ik anders "
                  "uit foto's moest halen.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Nina", "Werkvoorbereiding voor Service schiet erbij in. Wij zien vooral de projecten."),
        ),
        (
            Agreed("Samen met Projecten bepalen wat er op de materiaalstaat moet: één A4", "Linda", 6, 9),
            Agreed("Elke week een kwartier met Wouter over materiaal voor onderhoud", "Nina", 4, 4),
        ),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Nina", "Materiaal voor onderhoud ligt klaar als de monteur komt: Wouter geeft het een "
                  "week vooraf door.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Marieke", "De materiaalstaat op één A4 wordt gelezen. Er komen minder telefoontjes van "
                  "de bouw.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Linda", "We zijn met vijf en de vragen van Projecten en Service lopen door elkaar. Niemand "
                  "weet wie wat oppakt.", _PRACTICE, _FAILURE),
        ),
        (Agreed("Eén vast aanspreekpunt uit Werkvoorbereiding per project", "Linda", 4, 4),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Linda", "De startbespreking is gewoonte: het kost een uur en scheelt dagen zoeken en "
                  "bellen op de bouw.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Otto", "Revisietekeningen zijn nu op de opleverdatum klaar.", _PRACTICE, _SUCCESS),
            Noted(_US, "Marieke", "De druk om scherp te calculeren is groot. Inregelen reken ik soms te krap om de "
                  "opdracht binnen te halen.", _PRACTICE, _FAILURE),
        ),
        (Agreed("Inregeltijd als vaste post in elke calculatie, ook als de prijs dan hoger wordt", "Marieke", 6),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Paul", "De levertijden zijn weer korter. We kunnen projecten eerder vastzetten.",
                  _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Nina", "Projecten zet wijzigingen nu zelf in de gedeelde map, niet meer via de telefoon.",
                  _EXPERIMENT, _SUCCESS),
            Noted(_US, "Otto", "Ik ga vaker mee naar de bouw. Dat kost tijd, maar de tekeningen worden beter."),
        ),
        (Agreed("Per project één gedeelde map: tekening, materiaalstaat en wijzigingen op één plek", "Nina", 4, 3),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Linda", "Bij het bedrijfspand is de startbespreking verschoven en niet opnieuw gepland. "
                  "De materiaalstaat kwam te laat.", _MISTAKE, _FAILURE),
            Noted(_US, "Marieke", "Voor het bedrijfspand heb ik te weinig uren voor inregelen gerekend. Volgende keer "
                  "reken ik eerlijk en leg ik de keuze bij de directie.", _MISTAKE, _FAILURE),
            Noted(_CUSTOMER, "Paul", "De ontbrekende afsluiters voor het bedrijfspand binnen een dag nageleverd.",
                  _PRACTICE, _SUCCESS),
        ),
        (Agreed("Startbesprekingen op een vaste lijst; wie verschuift, plant meteen opnieuw", "Linda", 2, 2),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Nina", "De gedeelde map werkt: monteurs vinden de laatste tekening zelf.",
                  _PRACTICE, _SUCCESS),
            Noted(_US, "Otto", "Drie projecten tegelijk in de tekenfase. De revisietekening van het bedrijfspand loopt "
                  "achter.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Marieke", "De calculatie voor de sporthal met Ruud doorgelopen, met eerlijke uren voor "
                  "inregelen, voordat de offerte de deur uit ging.", _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("De revisietekening van het bedrijfspand af vóór de oplevering", "Otto", 3),),
    ),
)  # fmt: skip

STAFF_REVIEWS = (
    Meeting(
        (
            Noted(_TOGETHER, "Anna", "De balansscan: Bram en ik schatten naoberschap in de binnendienst veel hoger in "
                  "dan de mensen zelf. Dat nemen we serieus."),
            Noted(_US, "Sanne", "In de cijfers zie je het ook: in de binnendienst komt hulp pas na de twintigste.",
                  _PRACTICE, _FAILURE),
            Noted(_CUSTOMER, "Thijs", "Klachten over een tweede bezoek van Service gaan bijna altijd over een "
                  "ontbrekend onderdeel."),
        ),
        (Agreed("De bonusregeling van de binnendienst naast de teamdoelen van Service leggen", "Anna", 12, 40),),
    ),
    Meeting(
        (
            Noted(_US, "Sanne", "Twee leerlingen van het ROC liepen een dag mee met Service. Eén van hen wil volgend "
                  "schooljaar bij ons beginnen.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Olga", "Meerwerk wordt vaak weken later gefactureerd, omdat niemand het heeft "
                  "vastgelegd.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Gerard", "Het oude tekeningenarchief ligt in de kelder. De monteurs weten niet eens dat "
                  "het er is."),
        ),
        (Agreed("Het tekeningenarchief digitaliseren, te beginnen bij de woningen in Hengelo en Borne", "Gerard",
                16, 20),),
    ),
    Meeting(
        (
            Noted(_US, "Thijs", "Na een bijna-ongeluk op een plat dak een toolbox gegeven. Frank vertelde eerlijk hoe "
                  "het misging; daar leerden we het meest van.", _EXPERIMENT, _SUCCESS),
            Noted(_TOGETHER, "Anna", "Bram vroeg hoe helpen en een persoonlijke bonus samengaan. Het eerlijke "
                  "antwoord: niet goed."),
            Noted(_CUSTOMER, "Sanne", "Meelopen met Service levert meer op dan een open dag. Leerlingen zien het echte "
                  "werk.", _PRACTICE, _SUCCESS),
        ),
        (Agreed("Elk kwartaal een toolbox over een echt voorval, verteld door wie het meemaakte", "Thijs", 12, 12),),
    ),
    Meeting(
        (
            Noted(_CUSTOMER, "Anna", "Gastles gegeven op het ROC van Twente. Twee leerlingen vroegen daarna of ze een "
                  "dag mee mochten rijden.", _EXPERIMENT, _SUCCESS),
            Noted(_US, "Olga", "De administratie hoort van meerwerk via de factuur van de leverancier. Dan is het te "
                  "laat.", _PRACTICE, _FAILURE),
            Noted(_TOGETHER, "Gerard", "De eerste kast van het archief is gescand. Okke had er de week erna al een "
                  "tekening uit nodig.", _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("Meerwerk per mail bevestigen met een kopie naar de administratie; afspraak maken met Ruud", "Olga",
                4, 4),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Anna", "Met Bram en Karin besproken waarom hulp in de binnendienst pas na de twintigste "
                  "op gang komt. De regeling moet anders."),
            Noted(_US, "Sanne", "Proef bij Service: in het jaargesprek vragen wie je hebt geholpen en wie jou hielp. "
                  "Iedereen had voorbeelden.", _EXPERIMENT, _SUCCESS),
            Noted(_CUSTOMER, "Thijs", "Sinds er een achtervang in het weekend is, zijn er minder klachten over lange "
                  "wachttijden bij storingen.", _PRACTICE, _SUCCESS),
        ),
        (Agreed("Hulp als vaste vraag in alle jaargesprekken", "Sanne", 8, 7),),
    ),
    Meeting(
        (
            Noted(_US, "Sanne", "Hulp in het jaargesprek: bij Service ging het vanzelf, bij de binnendienst moesten "
                  "mensen langer nadenken. Voorbeelden hadden ze wel.", _PRACTICE, _SUCCESS),
            Noted(_TOGETHER, "Anna", "Voorstel voor de binnendienst: een teamdoel op antwoorden binnen een werkdag en "
                  "een kleinere persoonlijke bonus."),
            Noted(_CUSTOMER, "Olga", "Meerwerk wordt nu binnen een week gefactureerd. De mail met kopie werkt.",
                  _EXPERIMENT, _SUCCESS),
        ),
        (Agreed("De nieuwe beloningsregeling van de binnendienst uitwerken met Bram en voorleggen aan de PVT", "Sanne",
                6, 6),),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Olga", "De PVT vraagt wat de nieuwe regeling betekent voor het inkomen van de mensen in "
                  "de binnendienst. Dat verdient een eerlijk antwoord per persoon."),
            Noted(_US, "Anna", "Niet iedereen is blij met de nieuwe regeling. Iris vroeg terecht wat er met haar "
                  "inkomen gebeurt."),
            Noted(_CUSTOMER, "Thijs", "De kwaliteitsaudit ging goed. De auditor noemde de foto's en meetwaarden in de "
                  "werkbonnen.", _PRACTICE, _SUCCESS),
        ),
        (
            Agreed("Per medewerker van de binnendienst een rekenvoorbeeld van de nieuwe regeling", "Sanne", 3, 3),
            Agreed("Overgangsregeling: een jaar lang gaat niemand er in inkomen op achteruit", "Anna", 10),
        ),
    ),
    Meeting(
        (
            Noted(_TOGETHER, "Anna", "De binnendienst helpt eerder in de maand, maar Particulieren Hengelo wacht nog "
                  "te lang. Helpen alleen is niet genoeg.", _PRACTICE, _FAILURE),
            Noted(_US, "Gerard", "Het archief is gedigitaliseerd en de monteurs gebruiken het.", _PRACTICE, _SUCCESS),
            Noted(_CUSTOMER, "Sanne", "Volgend schooljaar beginnen er drie leerling-monteurs in plaats van twee."),
        ),
        (Agreed("De uitslag van de tweede balansscan in elk teamoverleg bespreken", "Anna", 4),),
    ),
)  # fmt: skip

# Per team: its habit and its reviews, oldest first. Binnendienst's last review is 26 days ago on a four-week rhythm,
# so the next one is due in two days and its team lead gets a reminder.
TEAM_REVIEWS: dict[str, tuple[ReviewHabit, tuple[Meeting, ...]]] = {
    "Binnendienst": (ReviewHabit(4, 26, time(13, 30)), BINNENDIENST_REVIEWS),
    "Service & Onderhoud": (ReviewHabit(5, 16, time(7, 30)), SERVICE_REVIEWS),
    "Projecten": (ReviewHabit(6, 33, time(15, 0)), PROJECT_REVIEWS),
    "Werkvoorbereiding": (ReviewHabit(5, 9, time(10, 0)), PREPARATION_REVIEWS),
    "Directie & Staf": (ReviewHabit(6, 20, time(9, 0)), STAFF_REVIEWS),
}


@dataclass
class _Reviews:
    """The reviews of TEAM_REVIEWS, dated on each team's rhythm, with the actions done when they were done.

    The rhythm goes through its service. Reviews, insights and actions are a few hundred rows: each is checked as
    the services check it (full_clean; authors and owners come from the team, so they are in the organisation) and
    all are written in three queries, which keeps `naober demo` fast. The services' only other rule, that a closed
    review takes no more insights, holds by construction: a review closes when its meeting ends."""

    org: Organisation
    people: dict[str, Person]
    teams: dict[str, Team]
    today: date
    rng: random.Random = field(default_factory=lambda: random.Random(f"{DEMO_SLUG}-reviews"))  # noqa: S311 - demo data
    held: list[Review] = field(default_factory=list)
    insights: list[Insight] = field(default_factory=list)
    actions: list[ReviewAction] = field(default_factory=list)

    def tell(self) -> None:
        for team_name, (habit, meetings) in TEAM_REVIEWS.items():
            team = self.teams[team_name]
            rhythm_set(team=team, every_weeks=habit.every_weeks)
            members = {name.split()[0]: self.people[name] for name, _job_title in TEAM_MEMBERS[team_name]}
            last = self.today - timedelta(days=habit.last_days_ago)
            while last.weekday() >= 5:
                last -= timedelta(days=1)
            for index, meeting in enumerate(meetings):
                held_on = last - timedelta(weeks=habit.every_weeks * (len(meetings) - 1 - index))
                self._hold(team, members, meeting, held_on, habit.starts)
        Review.objects.bulk_create(self.held)  # sets their keys, which the insights and actions then take
        Insight.objects.bulk_create(self.insights)
        ReviewAction.objects.bulk_create(self.actions)

    def _hold(self, team: Team, members: dict[str, Person], meeting: Meeting, held_on: date, starts: time) -> None:
        start = timezone.make_aware(datetime.combine(held_on, starts))
        review = Review(organisation=self.org, team=team, held_on=held_on, created_at=start)
        minutes = 0
        for noted in meeting.insights:
            minutes += self.rng.randint(3, 9)
            insight = Insight(
                review=review,
                question=noted.question,
                text=noted.text,
                author=members[noted.author],
                behaviour=noted.behaviour,
                outcome=noted.outcome,
                created_at=start + timedelta(minutes=minutes),
            )
            insight.full_clean(exclude=["review", "author"])  # both known to exist: no query for each
            self.insights.append(insight)
        for agreed in meeting.actions:
            minutes += self.rng.randint(4, 12)
            action = ReviewAction(
                review=review,
                title=agreed.title,
                owner=members[agreed.owner],
                due_on=held_on + timedelta(weeks=agreed.due_weeks),
                done_on=None if agreed.done_weeks is None else held_on + timedelta(weeks=agreed.done_weeks),
                created_at=start + timedelta(minutes=minutes),
            )
            action.full_clean(exclude=["review", "owner"])
            self.actions.append(action)
        review.closed_at = start + timedelta(minutes=minutes + self.rng.randint(5, 15))
        review.full_clean(exclude=["organisation", "team"])
        self.held.append(review)


# Story selection (DESIGN.md §8): a closed round for the last quarter, in which a panel of the leadership and three
# staff picked a story per coupling and wrote down why, and an open round for this quarter with the next three
# staff, who have made a first pick. Which stories a quarter holds depends on today, so PICKS offers more stories
# than a quarter needs; no reason names the teller of an anonymous story.


class Pick(NamedTuple):
    """A story of TALES (by its title) a panel would pick for a coupling, and why."""

    title: str
    coupling: str
    why: str


PICKS = (
    Pick("Hulp hoort in het jaargesprek", "meaning_behaviour",
         "Hier wordt een mooi woord gewoon gedaan: wie je hielp en wie jou hielp, staat nu in elk jaargesprek. Dat de "
         "binnendienst er langer over moest nadenken, zegt ook iets."),
    Pick("Oplevering zonder restpunten", "meaning_behaviour",
         "Kwaliteit is hier geen woord op de muur: getest, ingeregeld en met revisietekening opgeleverd, en de "
         "bewoners kwamen op de afgesproken dag."),
    Pick("Hulp op de tiende", "meaning_behaviour",
         "Naoberschap staat al jaren in onze waarden; hier gebeurt het voor het eerst vóór de twintigste. De klant "
         "merkt het verschil dezelfde dag."),
    Pick("Vroeger hielp iedereen", "meaning_behaviour",
         "Een pijnlijke spiegel: we zeggen dat we elkaar helpen, maar iemand zat weken alleen met een volle mailbox. "
         "Dit verhaal vraagt om daden, niet om nieuwe woorden."),
    Pick("De gezamenlijke mailbox eerst", "meaning_behaviour",
         "Klantzorg als gewoonte van elke ochtend: eerst de gezamenlijke mailbox, dan pas het eigen pakket."),
    Pick("Het target is er nog steeds", "humanity_result",
         "Eerlijk over wat nog niet klopt: we praten over helpen, maar aan het eind van het kwartaal trekt de bonus "
         "harder. Dit moeten we horen voordat we de regeling aanpassen."),
    Pick("Avondstoring overgenomen", "humanity_result",
         "Een avonddienst overnemen op een verjaardag, en de week erna andersom. De klant is geholpen en niemand staat "
         "er alleen voor."),
    Pick("Te vaak de enige voor koeling", "humanity_result",
         "Klanten wachten als één vakman vrij is, en die vakman draagt dat alleen. Hier lijden mens en resultaat "
         "allebei."),
    Pick("Ik durf nu te vragen", "humanity_result",
         "Om hulp vragen voelt niet meer als zeuren. Dat is het verschil tussen een team dat cijfers haalt en een "
         "team dat het samen doet."),
    Pick("Daarom werk ik hier", "humanity_result",
         "Rustig uitleggen, ook als de planning vol zit. De klant merkt het, en het team is er trots op."),
    Pick("Een tekening van dertig jaar oud", "freedom_responsibility",
         "Iemand nam ooit de moeite om het archief te bewaren en te digitaliseren; nu hoeft een monteur niets open te "
         "breken. Vakmanschap dat verantwoordelijkheid neemt voor later."),
    Pick("Meerwerk zonder afspraak", "freedom_responsibility",
         "Ja zeggen op de bouw is vrijheid; het vastleggen is de verantwoordelijkheid die erbij hoort. Eén mail had "
         "een week discussie gescheeld."),
    Pick("Mijn eigen stappenplan", "freedom_responsibility",
         "Een leerling die uit zichzelf een stappenplan schrijft en het laat nakijken: vrijheid nemen, en "
         "verantwoordelijkheid voor de leerling na hem."),
    Pick("De startbespreking wordt gewoonte", "direction_collaboration",
         "Eén tafel, één uur, en iedereen weet waar het project heen gaat. Het scheelt dagen zoeken op de bouw."),
    Pick("De binnendienst geeft storingen goed door", "direction_collaboration",
         "Twee teams die elkaars werk beter maken: de binnendienst vraagt wat de planner nodig heeft, en de klant "
         "krijgt meteen een tijd."),
    Pick("De wachttijd is nog te lang", "direction_collaboration",
         "Samen helpen is goed, maar het drukste pakket blijft te groot. Dit verhaal vraagt om een richting die het "
         "team niet alleen kan kiezen."),
)  # fmt: skip


def picks_for(titles: Collection[str]) -> list[Pick]:
    """A pick per coupling, as far as the stories of a period (their titles) allow: for each coupling the first of
    PICKS told in the period and not picked for another coupling already."""
    chosen: list[Pick] = []
    for key, _label, _left, _right in SLIDERS:
        taken = {pick.title for pick in chosen}
        pick = next((p for p in PICKS if p.coupling == key and p.title in titles and p.title not in taken), None)
        if pick is not None:
            chosen.append(pick)
    return chosen


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


@dataclass
class _Selections:
    """Two selection rounds, opened and picked through the services, then dated: the last quarter's, opened on the
    first working day of this quarter and closed two weeks later, and this quarter's, opened a few days ago."""

    org: Organisation
    logins: dict[str, Membership]
    today: date
    now: datetime
    rounds: list[SelectionRound] = field(default_factory=list)
    picks: list[SelectionPick] = field(default_factory=list)

    def tell(self) -> None:
        this_quarter = _quarter_start(self.today)
        next_quarter = _quarter_start(this_quarter + timedelta(days=92))
        last_quarter = _quarter_start(this_quarter - timedelta(days=1))
        first_workday = next(iter(_workdays(this_quarter, 1, 31, self.today)), self.today)
        opened = self._morning(first_workday)
        closed = min(opened + timedelta(days=14), self.now)
        last = self._round(last_quarter, this_quarter - timedelta(days=1), opened, closed, seed=1, wanted=4)
        recently = max(closed, self._morning(_workdays_before(self.today, 4)))
        current = self._round(this_quarter, next_quarter - timedelta(days=1), recently, None, seed=2, wanted=1)
        SelectionRound.objects.bulk_update([last, current], ["created_at", "closed_at"])
        SelectionPick.objects.bulk_update(self.picks, ["created_at"])

    def _morning(self, day: date) -> datetime:
        return min(timezone.make_aware(datetime.combine(day, time(9, 0))), self.now)

    def _round(
        self, start: date, end: date, opened: datetime, closed: datetime | None, *, seed: int, wanted: int
    ) -> SelectionRound:
        selection = selection_open(organisation=self.org, period_start=start, period_end=end, seed=seed)
        leaders = {m.person_id for m in self.logins.values() if m.role == Role.LEADER}
        panel = sorted(selection.panel.all(), key=lambda person: (person.pk not in leaders, person.name))
        stories = {story.title: story for story in selection.candidates()}
        until = closed or self.now
        for index, pick in enumerate(picks_for(stories)[:wanted]):
            picker = panel[index % len(panel)]  # the panel takes turns writing down why
            made = selection_pick(
                selection=selection,
                membership=self.logins.get(picker.name) or _acting_as(self.org, picker),
                coupling=pick.coupling,
                story=stories[pick.title],
                why=pick.why,
            )
            made.created_at = min(opened + timedelta(days=2 + 2 * index, hours=index), until)
            self.picks.append(made)
        selection.created_at = opened
        selection.closed_at = closed
        self.rounds.append(selection)
        return selection


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
    reviews = _Reviews(org=org, people=people, teams=teams, today=story.today)
    reviews.tell()
    selections = _Selections(org=org, logins=logins, today=story.today, now=story.now)
    selections.tell()
    work = work_demo_load(
        organisation=org,
        individual_team=teams["Binnendienst"],
        value_team=teams["Service & Onderhoud"],
        today=story.today,
    )
    return (
        f"Loaded {org.name}: {len(people)} people in {len(TEAMS)} teams, {len(PORTFOLIOS)} portfolios, "
        f"{len(DEMO_LOGINS)} logins (password {DEMO_PASSWORD}); {len(story.goals)} goals, "
        f"{len(story.contributions)} contributions, {len(story.help)} help records, {len(story.thanks)} thanks; "
        f"{len(scans.rounds)} scan rounds, {scans.responses} responses, {scans.actions} actions; "
        f"{len(stories.told)} stories; {len(reviews.held)} learning reviews, {len(reviews.insights)} insights, "
        f"{len(reviews.actions)} review actions; {len(selections.rounds)} selection rounds, "
        f"{len(selections.picks)} picks; {work}"
    )
