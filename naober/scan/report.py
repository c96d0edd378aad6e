"""The balance scan's report (DESIGN.md §7), as plain data for the page, the API and the CLI.

Groups: the organisation, leaders and staff under it, and each team's staff under staff. Which are shown is
decided by naober.lib.anonymity (the threshold, roll-up, and no figure derivable by subtraction); a leaders'
group under the threshold is shown labelled "not anonymous", as family-firm leadership teams are small. A
suppressed group carries its name, kind and reason only: not even its number of respondents.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from naober.lib.anonymity import Group, decide, text_allowed
from naober.lib.psychometrics import (
    cronbach_alpha,
    distribution,
    favourable_share,
    histogram,
    item_rest_correlations,
    mean,
)
from naober.orgs.models import Team
from naober.scan.instrument import Instrument, load
from naober.scan.models import Participation, RoleGroup, ScanRound

RELIABILITY_MINIMUM = 30  # respondents before Cronbach's alpha per scale is shown
BLIND_SPOT = 1.0  # a leader-staff gap of a point or more on the 7-point scale
POLE_BLOCKS = ("result", "relational")

Answers = dict[str, Any]


def _scale_scores(instrument: Instrument, rows: list[Answers]) -> dict[str, dict[str, Any]]:
    figures = {}
    for scale in instrument.scales:
        keys = [item.key for item in scale.items]
        per_person = [mean([row.get("items", {}).get(k) for k in keys]) for row in rows]
        answers = [row.get("items", {}).get(k) for row in rows for k in keys]
        figures[scale.key] = {
            "mean": _round(mean(per_person)),
            "favourable": _round(favourable_share(answers, instrument.favourable_from)),
            "answered": sum(1 for score in per_person if score is not None),
        }
    return figures


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _group_figures(instrument: Instrument, rows: list[Answers]) -> dict[str, Any]:
    figures: dict[str, Any] = {"respondents": len(rows), "scales": _scale_scores(instrument, rows)}
    figures["items"] = {
        item.key: distribution([row.get("items", {}).get(item.key) for row in rows], instrument.points)
        for item in instrument.items
    }
    figures["sliders"] = {
        slider.key: histogram([row["sliders"][slider.key] for row in rows if slider.key in row.get("sliders", {})])
        for slider in instrument.sliders
    }
    if text_allowed(len(rows)):
        figures["open_answers"] = sorted(text for row in rows if (text := row.get("open", "").strip()))
    if len(rows) >= RELIABILITY_MINIMUM:
        figures["reliability"] = {}
        for scale in instrument.scales:
            if len(scale.items) < 2:
                continue
            matrix = [[row.get("items", {}).get(item.key) for item in scale.items] for row in rows]
            alpha = cronbach_alpha(matrix)
            figures["reliability"][scale.key] = {
                "alpha": _round(alpha),
                "item_rest": [_round(r) for r in item_rest_correlations(matrix)],
            }
    return figures


def _groups(scan_round: ScanRound, rows: list[tuple[str, int | None, Answers]]) -> list[tuple[Group, list[Answers]]]:
    threshold = scan_round.organisation.anonymity_threshold
    leaders = [answers for role, _team, answers in rows if role == RoleGroup.LEADER]
    staff = [(team_id, answers) for role, team_id, answers in rows if role == RoleGroup.STAFF]
    by_team: dict[int, list[Answers]] = defaultdict(list)
    for team_id, answers in staff:
        if team_id is not None:
            by_team[team_id].append(answers)
    invited_teams = set(
        Participation.objects.filter(round=scan_round, team__isnull=False).values_list("team_id", flat=True)
    )
    teams = Team.objects.filter(pk__in=invited_teams | set(by_team)).order_by("name")
    groups = [
        (Group("org", scan_round.organisation.name, "organisation", len(rows), None), [a for _r, _t, a in rows]),
        (Group("leaders", _("Leaders"), "role", len(leaders), "org", exempt=0 < len(leaders) < threshold), leaders),
        (Group("staff", _("Staff"), "role", len(staff), "org"), [a for _t, a in staff]),
    ]
    for team in teams:
        team_rows = by_team.get(team.pk, [])
        groups.append((Group(f"team:{team.pk}", team.name, "team", len(team_rows), "staff"), team_rows))
    return groups


def _previous(scan_round: ScanRound) -> ScanRound | None:
    return (
        ScanRound.objects.filter(organisation=scan_round.organisation, opened_at__lt=scan_round.opened_at)
        .order_by("-opened_at")
        .first()
    )


def build(scan_round: ScanRound, *, with_trend: bool = True) -> dict[str, Any]:
    instrument = load(scan_round.instrument_version)
    rows = [(r.role, r.team_id, r.answers) for r in scan_round.responses.all()]
    groups = _groups(scan_round, rows)
    decisions = decide([group for group, _answers in groups], scan_round.organisation.anonymity_threshold)
    reported: list[dict[str, Any]] = []
    shown: dict[str, dict[str, Any]] = {}
    for group, answers in groups:
        decision = decisions[group.key]
        entry: dict[str, Any] = {
            "key": group.key,
            "name": group.name,
            "kind": group.kind,
            "suppressed": not decision.shown,
            "reason": decision.reason,
            "not_anonymous": decision.reason == "not_anonymous",
        }
        if decision.shown:
            entry.update(_group_figures(instrument, answers))
            shown[group.key] = entry
        reported.append(entry)
    leaders_rows = next(answers for group, answers in groups if group.key == "leaders")
    report: dict[str, Any] = {
        "round": scan_round.pk,
        "title": scan_round.title,
        "instrument_version": instrument.version,
        "closes_on": scan_round.closes_on.isoformat(),
        "closed": not scan_round.is_open,
        "threshold": scan_round.organisation.anonymity_threshold,
        "invited": scan_round.participations.count(),
        "responded": len(rows),
        "groups": reported,
        "gaps": _gaps(instrument, shown, leaders_rows),
        "trend": None,
    }
    if with_trend and (previous := _previous(scan_round)) is not None:
        report["trend"] = _trend(build(previous, with_trend=False), shown)
    return report


def _gaps(
    instrument: Instrument, shown: dict[str, dict[str, Any]], leaders_rows: list[Answers]
) -> list[dict[str, Any]]:
    """Leader minus staff per scale, largest first; the leaders' prediction of the staff score beside it."""
    if "leaders" not in shown or "staff" not in shown:
        return []
    gaps = []
    for scale in instrument.scales:
        leaders = shown["leaders"]["scales"][scale.key]["mean"]
        staff = shown["staff"]["scales"][scale.key]["mean"]
        predictions = [row.get("predictions", {}).get(scale.key) for row in leaders_rows]
        prediction = _round(mean(predictions))
        gap = None if leaders is None or staff is None else round(leaders - staff, 2)
        gaps.append(
            {
                "scale": scale.key,
                "block": scale.block,
                "leaders": leaders,
                "staff": staff,
                "prediction": prediction,
                "gap": gap,
                "prediction_gap": None if prediction is None or staff is None else round(prediction - staff, 2),
                "blind_spot": gap is not None and abs(gap) >= BLIND_SPOT,
            }
        )
    return sorted(gaps, key=lambda row: -abs(row["gap"] or 0))


def _trend(previous: dict[str, Any], shown: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Scale means of the whole organisation now against the previous round, where both may be shown."""
    before = next((g for g in previous["groups"] if g["key"] == "org" and not g["suppressed"]), None)
    if before is None or "org" not in shown:
        return None
    scales = {}
    for key, now in shown["org"]["scales"].items():
        then = before["scales"].get(key, {}).get("mean")
        change = None if now["mean"] is None or then is None else round(now["mean"] - then, 2)
        scales[key] = {"now": now["mean"], "before": then, "change": change}
    return {"previous_round": previous["round"], "previous_title": previous["title"], "scales": scales}
