"""Named incentive schemes a leader can try on the same team, with the behaviour that meets them.

A preset fixes the *scheme* (what is rewarded and how) and the *behavioural parameters* (what people value
besides the bonus). The behavioural values are the same in every preset on purpose: people do not change when
the pay plan changes, only the reasons the plan gives them do. So a difference between two presets is the
effect of the scheme, not of a different kind of person.

The order of magnitude of every behavioural value comes from ../shared/research/incentives-and-queues.md
(quoted as "research §n"); a value that rests on the general literature and not on that file says so.
docs/simulation.md §2 says where each value enters the utilities.

Yardstick. The default team has 8 members with 0.575 requests per hour on average (0.40 to 0.75), €250 per
request, a bonus of €1,000 per 20-day period (160 working hours) and about 87% presence (25 holiday days in 250,
~3% sick). An absolute target at level 0.8 is `0.8 * 0.575 * 250 * 160 = €18,400` of revenue per period, so one
request brings a member below target `1000 / 18400 * 250 ≈ €13.6` of bonus: the *marginal bonus per request*.
The euro values below are sized against it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from naober.sim.params import Params, Scheme, Team

# --- The personal target ------------------------------------------------------------------------------------------

# Level of a personal revenue target, as a share of the mean portfolio's expected revenue at full presence.
# Presence is about 87%, so the average portfolio reaches 0.8 at about 0.8 / 0.87 ≈ 92% of the period: late,
# as quota schemes intend (sales bunch before the deadline: Oyer 1998, Larkin 2014; research §1). The light
# portfolios (0.40-0.50 requests per hour, against a target of 0.46 per hour) cannot reach an absolute target at
# this level, the busiest reach it early: the motivating case. A level of 1.0 would be out of reach for the
# average member.
TARGET_LEVEL = 0.8

# --- Behaviour shared by every preset --------------------------------------------------------------------------

# Value of doing one's own job, in euros per request. Performance pay moves output by about 20%, twice the ~10%
# of social incentives (Bandiera, Barankay & Rasul 2010; Ashraf & Bandiera 2018; research §1). So the bonus
# should be about a fifth of what makes a member serve their own customers: 13.6 / (40 + 13.6) ≈ 25%.
DUTY_EUR = 40.0

# Intrinsic motivation to help a colleague (naoberschap), in euros per request helped, and reciprocity: the
# extra value of helping a colleague who helped you last period as much as the average pair. Social incentives
# are about half the effect of performance pay (Ashraf & Bandiera 2018; research §1), so the two together are
# about half the marginal bonus of €13.6 per request. Most people are conditional cooperators (Fischbacher &
# Gächter 2010; research §1), so reciprocity gets an equal share.
INTRINSIC_HELP_EUR = 3.0
RECIPROCITY_EUR = 3.0

# Conditional willingness in the first period: full. In repeated public-goods games contributions are highest
# in the first round and decline from there (research §1); the decline is what the model must produce.
WILLINGNESS_INITIAL = 1.0

# Share of unseen help that the receiver notices. Without visibility or sanctions, contributions in repeated
# public-goods games fall from about 40-60% of the endowment to 10-20% (Ledyard 1995; Fischbacher & Gächter
# 2010; research §1, the decay itself is [V], the percentages [M]): the end level is about 0.3 of the start.
# Symmetric unseen help looks reciprocated only at this factor, so conditional willingness settles near it.
PERCEPTION_UNSEEN = 0.3

# How fast conditional willingness follows perceived reciprocity, per period. In the experiments the decline
# runs over about ten rounds (research §1, [M]); 0.25 per period leaves (1 - 0.25)^10 ≈ 6% of the gap after
# ten periods, close to a year of 12.5 periods. (params.Scheme's default is 0.5, a faster decay.)
RECIPROCITY_LEARNING_RATE = 0.25

# Appreciation of help that is visible, in euros per request. Monitoring of help partly restores helping under
# strong individual incentives (Drago & Garvey 1998, research §1), and a team bonus works through mutual
# monitoring in small groups (Knez & Simester 2001, research §1). A social term again, so the same order as
# intrinsic help. Only counts where a preset makes help visible.
APPRECIATION_EUR = 3.0

# Bounded rationality: temperature of the logit choice, in euros per working hour. General literature (quantal
# response, McKelvey & Palfrey 1995, not in the research file): the noise should be of the size of the social
# motives, so a difference of €5 per hour gives odds of e to 1, while a difference of the size of the duty
# (€40) is practically never ignored.
TEMPERATURE_EUR = 5.0

# Effort (only where a run models it). The floor is effort without any incentive; the cost is sized so that an
# individual revenue bonus lifts effort to about 0.95, some 60% above the floor: Safelite's piece rates raised
# output per worker by 44% (Lazear 2000) and the fruit farm's piece rates by at least 50% over relative pay
# (Bandiera, Barankay & Rasul 2005; research §1). With M = 160 h * 13.6 €/h ≈ €2,180 per unit of effort,
# a = 0.6 + 2180 / (2 * 3000) ≈ 0.96.
EFFORT_MIN = 0.6
EFFORT_COST_EUR = 3000.0

# The service-level target of the team bonus: share of requests finished within the service-level time.
# Continental's firm-wide on-time bonus paid at about 80% on time (Knez & Simester 2001; research §1).
TEAM_SERVICE_LEVEL_TARGET = 0.8

# The lead-time target of a lead-time team bonus, in working hours: one working day, the team's service-level
# time (Team.service_level_hours). The bonus is full when the mean lead time is at most this.
TEAM_LEAD_TIME_TARGET_HOURS = 8.0

_BEHAVIOUR = Scheme(
    duty_eur=DUTY_EUR,
    intrinsic_help_eur=INTRINSIC_HELP_EUR,
    reciprocity_eur=RECIPROCITY_EUR,
    perception_unseen=PERCEPTION_UNSEEN,
    reciprocity_learning_rate=RECIPROCITY_LEARNING_RATE,
    willingness_initial=WILLINGNESS_INITIAL,
    appreciation_eur=APPRECIATION_EUR,
    temperature_eur=TEMPERATURE_EUR,
    effort_min=EFFORT_MIN,
    effort_cost_eur=EFFORT_COST_EUR,
    help_visible=False,
    team_target=TEAM_SERVICE_LEVEL_TARGET,
    target_mode="absolute",
    target_level=TARGET_LEVEL,
)


@dataclass(frozen=True)
class Preset:
    """A named scheme with a short explanation in Dutch (the first language) and English."""

    name: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    scheme: Scheme


def _described(name: str, titles: tuple[str, str], dutch: str, english: str, scheme: Scheme) -> Preset:
    return Preset(name, titles[0], titles[1], " ".join(dutch.split()), " ".join(english.split()), scheme)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        _described(
            "individueel",
            ("Persoonlijke omzetbonus", "Personal revenue bonus"),
            """Ieder heeft een eigen omzetdoel per maand en krijgt de bonus als dat doel gehaald is. Helpen
            telt niet mee en niemand ziet het. Dit is de uitgangssituatie van de Binnendienst.""",
            """Everyone has a personal monthly revenue target and earns the bonus on reaching it. Help does
            not count and nobody sees it. This is where the Binnendienst starts.""",
            replace(_BEHAVIOUR, individual_weight=1.0, bonus_shape="threshold"),
        ),
        _described(
            "team",
            ("Teambonus op servicegraad", "Team service-level bonus"),
            """De hele bonus hangt af van de servicegraad van het team: het deel van de aanvragen dat binnen
            een werkdag klaar is, met 80% als doel. Helpen telt mee voor de bonus, maar niemand ziet wie
            hielp.""",
            """The whole bonus depends on the team's service level: the share of requests finished within one
            working day, with 80% as the target. Help counts toward the bonus, but nobody sees who helped.""",
            replace(_BEHAVIOUR, individual_weight=0.0, team_basis="service_level"),
        ),
        _described(
            "hybride",
            ("Half persoonlijk, half team", "Half personal, half team"),
            """De helft van de bonus komt van het eigen omzetdoel (drempel), de andere helft van de
            servicegraad van het team. Helpen is niet zichtbaar.""",
            """Half the bonus comes from the personal revenue target (threshold), the other half from the
            team's service level. Help is not visible.""",
            replace(
                _BEHAVIOUR,
                individual_weight=0.5,
                team_basis="service_level",
                bonus_shape="threshold",
            ),
        ),
        _described(
            "rang",
            ("Rangbonus op eigen omzet", "Rank bonus on own revenue"),
            """De bonus hangt af van je plaats in de ranglijst van eigen omzet: wie bovenaan staat krijgt het
            meest. Een collega helpen kan je eigen plaats kosten.""",
            """The bonus depends on your place in the ranking of own revenue: the top earns most. Helping a
            colleague can cost you your own place.""",
            replace(_BEHAVIOUR, individual_weight=1.0, bonus_shape="rank"),
        ),
        _described(
            "waardegedreven",
            ("Teamdoelen op doorlooptijd, helpen zichtbaar", "Team lead-time goals, help visible"),
            """Geen persoonlijk omzetdoel. De bonus hangt af van de gemiddelde doorlooptijd van het team
            (doel: een werkdag); kwaliteit telt mee doordat herstelwerk de doorlooptijd verlengt. Helpen is
            zichtbaar en wordt gewaardeerd. Zo werkt Service & Onderhoud.""",
            """No personal revenue target. The bonus depends on the team's mean lead time (target: one
            working day); quality counts because rework lengthens lead time. Help is visible and
            appreciated. This is how Service & Onderhoud works.""",
            replace(
                _BEHAVIOUR,
                individual_weight=0.0,
                team_basis="lead_time",
                team_target=TEAM_LEAD_TIME_TARGET_HOURS,
                help_visible=True,
            ),
        ),
        _described(
            "vast",
            ("Vast salaris", "Fixed pay"),
            """Geen bonus, alleen vast salaris. Wat mensen doen volgt uit plichtsbesef en de wil om elkaar te
            helpen. Helpen is niet zichtbaar.""",
            """No bonus, fixed pay only. What people do follows from their sense of duty and their wish to
            help each other. Help is not visible.""",
            replace(_BEHAVIOUR, individual_weight=1.0, bonus_shape="none"),
        ),
    )
}


def _stretch(values: tuple[float, ...], members: int) -> tuple[float, ...]:
    """Resample a per-member profile to `members` entries, keeping its shape and its mean.

    The profile is read as a piecewise-linear curve over [0, 1] (member k of n at position k / (n - 1)) and
    sampled at `members` evenly spaced points; the result is then scaled back to the original mean. The
    default arrival rates 0.40 ... 0.75 per hour thus become 0.40, 0.75 for two members and 0.40 ... 0.75 in
    fifteen steps for sixteen: the spread of load and the mean load per member stay the same.
    """
    if members == len(values):
        return values
    mean = sum(values) / len(values)
    if members == 1 or len(values) == 1:
        return (mean,) * members
    last = len(values) - 1
    points = []
    for k in range(members):
        x = k * last / (members - 1)
        left = min(int(x), last - 1)
        points.append(values[left] + (x - left) * (values[left + 1] - values[left]))
    scale = mean / (sum(points) / members) if sum(points) > 0 else 1.0
    return tuple(round(p * scale, 12) for p in points)


def preset_params(
    name: str, *, members: int | None = None, days: int | None = None, replications: int | None = None
) -> Params:
    """Parameters for the named preset on the default team (Team()), optionally resized.

    `members` resamples the per-member profiles (arrival rates, service means, revenue per request) with
    `_stretch`, so every member carries the same load on average as in the default team and the team's total
    load grows in proportion to its size: utilisation, and with it the room to help, stays comparable.
    `days` shortens or lengthens the run; holidays keep their share of the year (`Team.holiday_days` is per year
    of 250 working days, and the engine takes `holiday_days * days / 250` of them in a run of `days`).
    """
    if name not in PRESETS:
        raise KeyError(f"unknown preset {name!r}; choose from {', '.join(PRESETS)}")
    team = Team()
    if members is not None:
        team = replace(
            team,
            members=members,
            arrival_rates_per_hour=_stretch(team.arrival_rates_per_hour, members),
            service_mean_hours=_stretch(team.service_mean_hours, members),
            revenue_per_request_eur=_stretch(team.revenue_per_request_eur, members),
        )
    if days is not None:
        team = replace(team, days=days)
    params = Params(team=team, scheme=PRESETS[name].scheme)
    if replications is not None:
        params = replace(params, replications=replications)
    return params
