"""The demo's work data for Diagnose (DESIGN.md §9), produced by our own simulation rather than written by hand.

Binnendienst works under personal revenue targets with a threshold bonus, Service & Onderhoud under team goals
with help visible and thanked. Each team gets a year of customer questions simulated under its scheme (the
`individueel` and `waardegedreven` presets of naober.sim.presets), so whatever the diagnosis finds in them — help
clustered after people reach their target in the one team and not in the other, the long waits of the busiest
portfolio — comes from the mechanics of docs/simulation.md, not from a pattern typed into the demo.

The simulation runs on a working-hour clock (docs/simulation.md §1); here its hours become calendar times: working
days Monday to Friday, eight hours from half past eight, the year ending on the last working day before today.
"""

from __future__ import annotations

import dataclasses
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
from django.db import transaction
from django.db.models import Q

from naober import sim
from naober.orgs.models import Organisation, Person, Portfolio, Team
from naober.sim.params import Params
from naober.sim.presets import preset_params
from naober.work.models import PersonTarget, WorkItem

DEMO_SOURCE = "demo-helpdesk"
DEMO_ZONE = ZoneInfo("Europe/Amsterdam")  # Ter Horst is in Hengelo
WORKDAY_START = time(8, 30)
INDIVIDUAL_PRESET = "individueel"
VALUE_PRESET = "waardegedreven"

# How customers reach the helpdesk; a plausible mix for an installation firm, not a measured one.
CHANNELS = ("telefoon", "e-mail", "portaal")
CHANNEL_SHARES = (0.45, 0.40, 0.15)

# A team without portfolios still serves customers: this many, named like the others.
CUSTOMERS_WITHOUT_PORTFOLIO = 150

# Fictional customers, Twents-sounding. A name is a surname in a form; private and business portfolios differ.
_SURNAMES = (
    "Nijland", "Brinkhuis", "Scholte", "Ten Brinke", "Oude Nijhuis", "Roerdink", "Lohuis", "Wiggers",
    "Ter Beek", "Hofman", "Haverkamp", "Kleinsman", "Wolbers", "Dijkhuis", "Eshuis", "Klein Haneveld",
    "Veldkamp", "Heuvelink", "Huisman", "Tijhuis", "Bolscher", "Geerdink", "Hulsbos", "Oosterik",
    "Stegeman", "Vrielink", "Weustink", "Meijerink", "Nijhof", "Lansink", "Morsink", "Rouwhorst",
    "Kuipers", "Bruggink", "Harbers", "Temmink", "Slot", "Assink", "Groothuis", "Hesselink",
)  # fmt: skip
_PRIVATE_FORMS = ("familie {}", "mevrouw {}", "meneer {}", "fam. {}", "J. {}", "A. {}", "H. {}", "M. {}")
_BUSINESS_FORMS = (
    "{} B.V.", "{} Techniek", "Bouwbedrijf {}", "{} & Zonen", "Kantoor {}", "Garage {}", "{} Beheer", "Firma {}",
)  # fmt: skip


def work_demo_load(
    *, organisation: Organisation, individual_team: Team, value_team: Team, seed: int = 2026, today: date | None = None
) -> str:
    """Give both teams a year of simulated work items, and the individual team its personal targets.

    Loading again replaces the demo's earlier work items of these teams and their targets in the same year.
    Returns a one-line summary for the terminal.
    """
    today = today or datetime.now(DEMO_ZONE).date()
    individual = _team_year(individual_team, INDIVIDUAL_PRESET, seed=seed, today=today, by_portfolio_size=True)
    value = _team_year(value_team, VALUE_PRESET, seed=seed + 1, today=today, by_portfolio_size=False)
    prefixes = [_initials(individual_team.name), _initials(value_team.name)]
    if prefixes[0] == prefixes[1]:  # ids are unique per organisation and source
        prefixes = [f"{prefixes[0]}{individual_team.pk}", f"{prefixes[1]}{value_team.pk}"]
    items = individual.work_items(organisation, prefixes[0], seed=seed)
    items += value.work_items(organisation, prefixes[1], seed=seed + 1)
    targets = individual.person_targets(organisation)  # the value-driven scheme has no personal target
    with transaction.atomic():
        WorkItem.objects.filter(
            organisation=organisation, source=DEMO_SOURCE, team__in=[individual_team, value_team]
        ).delete()
        PersonTarget.objects.filter(
            organisation=organisation,
            person__in=individual.people + value.people,
            period_start__lte=individual.workdays[-1],
            period_end__gte=individual.workdays[0],
        ).delete()
        WorkItem.objects.bulk_create(items, batch_size=2000)
        PersonTarget.objects.bulk_create(targets, batch_size=2000)
    return (
        f"{len(individual.requests):,} work items for {individual_team.name}, "
        f"{len(value.requests):,} for {value_team.name}, {len(targets)} targets."
    )


def workdays_before(today: date, count: int) -> list[date]:
    """The `count` working days (Monday to Friday) that end on the last working day before `today`, in order."""
    days: list[date] = []
    day = today
    while len(days) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days[::-1]


def team_people(team: Team) -> list[Person]:
    """Everyone in the team, members and leads, as the diagnosis counts them."""
    return list(Person.objects.filter(Q(teams=team) | Q(led_teams=team)).distinct().order_by("pk"))


@dataclass
class _Customers:
    """The customers of one simulated member: names, and the share of the questions each portfolio brings."""

    names: list[list[str]]  # per portfolio, its customers
    weights: npt.NDArray[np.float64]  # per portfolio, its share of the questions

    def draw(self, rng: np.random.Generator, count: int) -> list[str]:
        portfolios = rng.choice(len(self.names), size=count, p=self.weights)
        picks = rng.random(count)
        return [self.names[p][int(u * len(self.names[p]))] for p, u in zip(portfolios, picks, strict=True)]


@dataclass
class _TeamYear:
    """One team's simulated year: the run's parameters and requests, and who is who."""

    team: Team
    params: Params
    requests: npt.NDArray[np.void]
    people: list[Person]  # people[i] is simulated member i
    customers: list[_Customers]  # customers[i] are member i's customers
    workdays: list[date]

    def times(self, hours: npt.NDArray[np.float64]) -> list[datetime | None]:
        """Working hours since the start as moments in time (local working days, in UTC); NaN as None."""
        hours_per_day = self.params.team.hours_per_day
        # In UTC, which is how the database stores them: saves converting 75,000 times one by one.
        starts = [datetime.combine(day, WORKDAY_START, tzinfo=DEMO_ZONE).astimezone(UTC) for day in self.workdays]
        last = len(starts) - 1
        out: list[datetime | None] = []
        for t in hours.tolist():
            if math.isnan(t):
                out.append(None)
                continue
            day = min(int(t // hours_per_day), last)
            # Whole seconds; rounding keeps the order of created, first response and resolved.
            out.append(starts[day] + timedelta(seconds=round((t - day * hours_per_day) * 3600)))
        return out

    def work_items(self, organisation: Organisation, prefix: str, *, seed: int) -> list[WorkItem]:
        """The requests as work items with ids `<prefix>-000001`, ...; customers and channels drawn from `seed`."""
        requests = self.requests
        rng = np.random.default_rng([seed, 1])  # a stream of its own, apart from the simulation's
        channels = rng.choice(len(CHANNELS), size=len(requests), p=CHANNEL_SHARES)
        owners = requests["owner"].tolist()
        customers = self._customer_per_request(rng)
        started, finished = self.times(requests["start"]), self.times(requests["finish"])
        created = [moment for moment in self.times(requests["arrival"]) if moment is not None]  # every one arrived
        revenue = [Decimal(f"{v:.2f}") for v in self.params.team.revenue_per_request_eur]
        people = [person.pk for person in self.people]
        items = []
        for k, (owner, handler, rework) in enumerate(
            zip(owners, requests["handler"].tolist(), requests["rework"].tolist(), strict=True)
        ):
            items.append(
                WorkItem(
                    organisation_id=organisation.pk,  # ids rather than objects: 25,000 of them, quickly
                    source=DEMO_SOURCE,
                    external_id=f"{prefix}-{k + 1:06d}",
                    team_id=self.team.pk,
                    customer=customers[k],
                    owner_id=people[owner],
                    handler_id=people[handler] if handler >= 0 else None,
                    created_at=created[k],
                    first_response_at=started[k],
                    resolved_at=finished[k],
                    # As in the kernel: a request brings its portfolio's revenue; rework that comes back brings none.
                    value=revenue[owner] if rework == 0 else Decimal("0.00"),
                    channel=CHANNELS[channels[k]],
                )
            )
        return items

    def _customer_per_request(self, rng: np.random.Generator) -> list[str]:
        """A customer for every request. Rework is the same customer coming back: the kernel starts it at the
        moment the failed request finishes, in the same queue, which is how it is found here."""
        requests = self.requests
        per_member = np.bincount(requests["owner"], minlength=len(self.customers))
        drawn = {i: iter(c.draw(rng, int(per_member[i]))) for i, c in enumerate(self.customers)}
        finished_at: dict[tuple[int, float], int] = {}
        customers: list[str] = []
        for k, (owner, arrival, finish, rework) in enumerate(
            zip(
                requests["owner"].tolist(),
                requests["arrival"].tolist(),
                requests["finish"].tolist(),
                requests["rework"].tolist(),
                strict=True,
            )
        ):
            parent = finished_at.get((owner, arrival)) if rework > 0 else None
            customers.append(customers[parent] if parent is not None else next(drawn[owner]))
            if not math.isnan(finish):
                finished_at[(owner, finish)] = k
        return customers

    def person_targets(self, organisation: Organisation) -> list[PersonTarget]:
        rows = []
        for first, last, targets in period_targets(self.params):
            for person, target in zip(self.people, targets, strict=True):
                rows.append(
                    PersonTarget(
                        organisation=organisation,
                        person=person,
                        period_start=self.workdays[first],
                        period_end=self.workdays[last],
                        target=Decimal(f"{target:.2f}"),
                    )
                )
        return rows


def period_targets(params: Params) -> list[tuple[int, int, list[float]]]:
    """Each bonus period's personal revenue targets, as the kernel sets them (naober/sim/kernel.py, at the start
    of a period): (first working day, last working day, target per member). Empty when the scheme has none.

    An absolute target is `level · mean_j(λ_j · v_j) · H · period length` for everyone, a scaled one uses the
    member's own `λ_i · v_i`; the last period, when shorter, has its targets scaled to its length.
    """
    team, scheme = params.team, params.scheme
    if params.policy != "scheme" or scheme.bonus_shape == "none" or scheme.individual_weight <= 0:
        return []
    n = team.members
    rates = team.arrival_rates_per_hour
    values = team.revenue_per_request_eur
    mean_rate_value = 0.0
    for j in range(n):  # summed in the kernel's order, so the targets match to the last digit
        mean_rate_value += rates[j] * values[j] / n
    periods = []
    for first in range(0, team.days, team.period_days):
        length = min(team.period_days, team.days - first)
        targets = [
            scheme.target_level
            * (mean_rate_value if scheme.target_mode == "absolute" else rates[i] * values[i])
            * team.hours_per_day
            * length
            for i in range(n)
        ]
        periods.append((first, first + length - 1, targets))
    return periods


def _team_year(team: Team, preset: str, *, seed: int, today: date, by_portfolio_size: bool) -> _TeamYear:
    """Simulate one replication of the preset for the team at its own size, and map members to people.

    With `by_portfolio_size`, the person with the biggest portfolios (most customers) becomes the member with the
    highest arrival rate, and so on down; otherwise people are taken in the order they were added.
    """
    people = team_people(team)
    if not people:
        raise ValueError(f"The team {team.name} has nobody in it to give work to.")
    params = dataclasses.replace(preset_params(preset, members=len(people), replications=1), keep_requests=True)
    result = sim.run(params, seed=seed)
    assert result.requests is not None  # noqa: S101 - keep_requests was set just above
    portfolios = _portfolios_by_owner(team, people)
    if by_portfolio_size:
        people = sorted(people, key=lambda p: (sum(pf.customer_count for pf in portfolios[p.pk]), p.pk))
    # Member i of the simulation is the person at the rank of i's arrival rate (ties keep the member order).
    rank_of_member = np.argsort(np.argsort(params.team.arrival_rates_per_hour, kind="stable"), kind="stable")
    by_member = [people[int(rank)] for rank in rank_of_member]
    customers = _customers_of(team, by_member, portfolios)
    return _TeamYear(
        team=team,
        params=params,
        requests=result.requests,
        people=by_member,
        customers=customers,
        workdays=workdays_before(today, params.team.days),
    )


def _portfolios_by_owner(team: Team, people: Sequence[Person]) -> dict[int, list[Portfolio]]:
    owned: dict[int, list[Portfolio]] = {person.pk: [] for person in people}
    for portfolio in Portfolio.objects.filter(team=team, owner__in=people).order_by("pk"):
        assert portfolio.owner_id is not None  # noqa: S101 - filtered on owner above
        owned[portfolio.owner_id].append(portfolio)
    return owned


def _customers_of(team: Team, people: Sequence[Person], portfolios: dict[int, list[Portfolio]]) -> list[_Customers]:
    """Each member's customers: those of their portfolios; a team without portfolios serves the customers of the
    whole organisation (a service technician visits every department's customers), or a generic list."""
    if any(portfolios[p.pk] for p in people):
        return [_portfolio_customers(portfolios[p.pk]) for p in people]
    everyone = list(Portfolio.objects.filter(organisation_id=team.organisation_id).order_by("pk"))
    shared = _portfolio_customers(everyone)
    return [shared] * len(people)


def _portfolio_customers(portfolios: Sequence[Portfolio]) -> _Customers:
    named = [p for p in portfolios if p.customer_count > 0]
    if not named:
        return _Customers(
            names=[[_customer_name("", k, 0) for k in range(CUSTOMERS_WITHOUT_PORTFOLIO)]], weights=np.ones(1)
        )
    counts = np.array([p.customer_count for p in named], dtype=np.float64)
    return _Customers(
        names=[
            [_customer_name(p.name, k, zlib.crc32(p.name.encode())) for k in range(p.customer_count)] for p in named
        ],
        weights=counts / counts.sum(),
    )


def _customer_name(portfolio_name: str, index: int, salt: int) -> str:
    """The index-th customer of a portfolio: private people for a portfolio of private customers, businesses
    otherwise. Unique within a portfolio; `salt` makes different portfolios start at different surnames."""
    forms = _PRIVATE_FORMS if "particulier" in portfolio_name.lower() else _BUSINESS_FORMS
    surname = _SURNAMES[(index + 7 * salt) % len(_SURNAMES)]
    form = forms[(index // len(_SURNAMES)) % len(forms)]
    lap = index // (len(_SURNAMES) * len(forms))
    name = form.format(surname)
    return f"{name} ({lap + 1})" if lap else name


def _initials(name: str) -> str:
    """The prefix of a team's work item ids: "SO" for Service & Onderhoud; for a one-word name its first letter
    and that of its second half, which for a Dutch compound is usually the second word: "BD" for Binnendienst."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(words) > 1:
        return "".join(w[0] for w in words[:3]).upper()
    word = words[0] if words else "WI"
    return (word[0] + (word[len(word) // 2 :].lstrip("aeiou") or word)[0]).upper()
