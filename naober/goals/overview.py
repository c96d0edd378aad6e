"""The organisation overview's team-level figures: help, thanks and shared contributions per team.

Only teams count here, never people (DESIGN.md §5; issue "Steer and contribute" §7): a team smaller than the
organisation's anonymity threshold is shown without figures, so no count can be read as one person's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count

from naober.contributions.models import Appreciation, Contribution, Help, HelpStatus, Visibility
from naober.orgs.models import Organisation, Team

WINDOW_DAYS = 90


@dataclass(frozen=True)
class TeamFigures:
    team: Team
    size: int
    shown: bool
    help_within_team: int | None
    help_to_other_teams: int | None
    help_from_other_teams: int | None
    thanks_received: int | None
    shared_contributions: int | None


def team_figures(organisation: Organisation, *, today: date) -> list[TeamFigures]:
    """Counts over the last WINDOW_DAYS days, in a fixed number of queries whatever the number of teams."""
    since = today - timedelta(days=WINDOW_DAYS)
    teams = list(Team.objects.in_org(organisation).annotate(size=Count("members", distinct=True)))
    teams_of: dict[int, set[int]] = defaultdict(set)
    for team_id, person_id in Team.members.through.objects.filter(team__organisation=organisation).values_list(
        "team_id", "person_id"
    ):
        teams_of[person_id].add(team_id)
    within: Counter[int] = Counter()
    to_others: Counter[int] = Counter()
    from_others: Counter[int] = Counter()
    help_pairs = Help.objects.filter(
        organisation=organisation, status=HelpStatus.CONFIRMED, occurred_on__gte=since
    ).values_list("helper_id", "helped_id")
    for helper, helped in help_pairs:
        helper_teams, helped_teams = teams_of[helper], teams_of[helped]
        for team_id in helper_teams:
            if team_id in helped_teams:
                within[team_id] += 1
            else:
                to_others[team_id] += 1
        for team_id in helped_teams - helper_teams:
            from_others[team_id] += 1
    thanks: Counter[int] = Counter()
    for recipient in Appreciation.objects.filter(organisation=organisation, created_at__date__gte=since).values_list(
        "recipient_id", flat=True
    ):
        for team_id in teams_of[recipient]:
            thanks[team_id] += 1
    shared = dict(
        Contribution.objects.filter(organisation=organisation, occurred_on__gte=since, team__isnull=False)
        .exclude(visibility=Visibility.PRIVATE)
        .values("team_id")
        .annotate(n=Count("pk"))
        .values_list("team_id", "n")
    )
    threshold = organisation.anonymity_threshold
    result = []
    for team in teams:
        size = team.size  # type: ignore[attr-defined]
        shown = size >= threshold
        result.append(
            TeamFigures(
                team=team,
                size=size,
                shown=shown,
                help_within_team=within[team.pk] if shown else None,
                help_to_other_teams=to_others[team.pk] if shown else None,
                help_from_other_teams=from_others[team.pk] if shown else None,
                thanks_received=thanks[team.pk] if shown else None,
                shared_contributions=shared.get(team.pk, 0) if shown else None,
            )
        )
    return result
