"""Team diagnostics: one team's work items and targets into the pure analysis of naober.lib.workstats, and back
out as plain data for the page, the API, the CSV and the CLI — under the privacy rules of DESIGN.md §5.

Work diagnostics describe teams and structures, not individuals: figures of a team under the anonymity
threshold (at least 5 people) are not shown; people appear as "Collega A, B, ..." except the viewer themself,
and, where the organisation switched it on in the work settings, colleagues of the viewer's own team.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings
from django.db.models import FloatField, Func, Max, Min, Q
from django.db.models.functions import Cast
from django.utils.text import slugify
from django.utils.translation import gettext as _

from naober.lib import workstats
from naober.lib.anonymity import MINIMUM_THRESHOLD
from naober.orgs.models import Membership, Organisation, Person, Team
from naober.work.models import PersonTarget, WorkItem, WorkSettings

# One year: long enough for seasons and target periods, short enough to describe how the team works now.
DEFAULT_DAYS = 365


def team_named(organisation: Organisation, text: str) -> Team | None:
    """A team by its name (any case) or by the slug of its name, as the CLI accepts it."""
    teams = list(Team.objects.filter(organisation=organisation))
    wanted = text.strip()
    for team in teams:
        if team.name.casefold() == wanted.casefold() or slugify(team.name) == slugify(wanted):
            return team
    return None


def team_size(team: Team) -> int:
    return Person.objects.filter(Q(teams=team) | Q(led_teams=team)).distinct().count()


def threshold(organisation: Organisation) -> int:
    return max(MINIMUM_THRESHOLD, organisation.anonymity_threshold)


def period_of(team: Team, start: date | None, end: date | None) -> tuple[date, date]:
    """[start, end] as days; by default the year up to the team's last work item (or today)."""
    if end is None:
        last = WorkItem.objects.for_team(team).aggregate(last=Max("created_at"))["last"]
        end = last.astimezone(ZoneInfo(settings.TIME_ZONE)).date() if last else date.today()  # noqa: DTZ011
    if start is None:
        start = end - timedelta(days=DEFAULT_DAYS - 1)
        first = (
            WorkItem.objects.for_team(team).filter(created_at__gte=_start_of(start)).aggregate(first=Min("created_at"))
        )
        if first["first"] is not None:  # a team with less than a year of data: its period starts with its data
            start = max(start, first["first"].astimezone(ZoneInfo(settings.TIME_ZONE)).date())
    return start, end


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _local_seconds(utc_seconds: np.ndarray, zone: ZoneInfo) -> np.ndarray:
    """UTC instants as seconds of local wall-clock time, so weeks and days fall on local boundaries.

    The offset is looked up once per day (at noon), not per item: on the two nights a year the clocks change,
    items between midnight and three o'clock may be an hour off, which no figure here can notice."""
    out = np.full_like(utc_seconds, np.nan)
    known = ~np.isnan(utc_seconds)
    if not known.any():
        return out
    days = np.floor(utc_seconds[known] / 86400.0)
    unique_days, inverse = np.unique(days, return_inverse=True)
    offsets = np.array(
        [datetime.fromtimestamp(d * 86400.0 + 43200.0, tz=UTC).astimezone(zone).utcoffset().total_seconds()  # type: ignore[union-attr]
         for d in unique_days]
    )  # fmt: skip
    out[known] = utc_seconds[known] + offsets[inverse]
    return out


class Epoch(Func):
    """Seconds since 1970 (UTC) of a datetime column, computed by the database."""

    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # Django keeps SQLite datetimes as UTC text; julianday reads it, 2440587.5 is 1970-01-01 as a Julian day.
        return self.as_sql(compiler, connection, template="((julianday(%(expressions)s) - 2440587.5) * 86400.0)")

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)::float8")


def _floats(column: tuple[Any, ...]) -> np.ndarray:
    return np.fromiter((np.nan if x is None else x for x in column), dtype=float, count=len(column))


def _ids(column: tuple[Any, ...]) -> np.ndarray:
    return np.fromiter((-1 if x is None else x for x in column), dtype=np.int64, count=len(column))


def _positions(ids: np.ndarray, person_ids: np.ndarray) -> np.ndarray:
    """Each id's index in the sorted `person_ids`, -1 for unknown (-1) ids."""
    if not len(person_ids):
        return np.full(len(ids), -1, dtype=np.int64)
    where = np.clip(np.searchsorted(person_ids, ids), 0, len(person_ids) - 1)
    return np.where((ids >= 0) & (person_ids[where] == ids), where, -1).astype(np.int64)


class Labels:
    """What to call each person in the figures a viewer sees."""

    def __init__(self, team: Team, person_ids: list[int], viewer: Membership | None) -> None:
        work_settings = WorkSettings.for_org(team.organisation)
        viewer_id = viewer.person_id if viewer is not None else None
        in_team = (
            viewer_id is not None
            and Team.objects.filter(Q(members=viewer_id) | Q(leads=viewer_id), pk=team.pk).exists()
        )
        named = {viewer_id} if viewer_id is not None else set()
        if work_settings.names_in_own_team and in_team:
            named |= set(team.members.values_list("pk", flat=True)) | set(team.leads.values_list("pk", flat=True))
        names = dict(Person.objects.filter(pk__in=person_ids).values_list("pk", "name"))
        self.labels: dict[int, str] = {}
        letter = 0
        for pk in sorted(person_ids):
            if pk in named:
                self.labels[pk] = names.get(pk, "?")
            else:
                self.labels[pk] = _("Colleague %(letter)s") % {"letter": _letters(letter)}
                letter += 1
        self.viewer_id = viewer_id

    def __getitem__(self, pk: int) -> str:
        return self.labels.get(pk, _("unknown"))


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def team_diagnose(*, team: Team, start: date | None, end: date | None, viewer: Membership | None) -> dict[str, Any]:
    """The whole diagnosis of one team over [start, end], as JSON-ready data."""
    organisation = team.organisation
    work_settings = WorkSettings.for_org(organisation)
    zone = ZoneInfo(settings.TIME_ZONE)
    start, end = period_of(team, start, end)
    start_at = datetime.combine(start, time.min, tzinfo=zone)
    end_at = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    size = team_size(team)
    result: dict[str, Any] = {
        "team": {"id": team.pk, "name": team.name},
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "people": size,
        "service_level_hours": work_settings.service_level_hours,
    }
    items = WorkItem.objects.for_team(team).between(start_at, end_at)
    # Times come out of the database as seconds and values as floats: no datetime or Decimal per row, so a
    # million items load in seconds (numpy takes the columns from there).
    columns = list(
        zip(
            *items.values_list(
                Epoch("created_at"), Epoch("first_response_at"), Epoch("resolved_at"), "owner_id", "handler_id",
                Cast("value", FloatField()),
            ),
            strict=True,
        )
    ) or [(), (), (), (), (), ()]  # fmt: skip
    result["items"] = len(columns[0])
    if size < threshold(organisation):
        result["suppressed"] = _(
            "This team has fewer than %(n)s people: its work figures are not shown, so nobody can be recognised "
            "in them."
        ) % {"n": threshold(organisation)}
        return result
    owners, handlers = _ids(columns[3]), _ids(columns[4])
    person_ids = sorted(int(pk) for pk in set(np.unique(owners)) | set(np.unique(handlers)) if pk >= 0)
    lookup = np.array(person_ids, dtype=np.int64)
    arrays = workstats.Items(
        created=_local_seconds(_floats(columns[0]), zone),
        first_response=_local_seconds(_floats(columns[1]), zone),
        resolved=_local_seconds(_floats(columns[2]), zone),
        owner=_positions(owners, lookup),
        handler=_positions(handlers, lookup),
        value=_floats(columns[5]),
    )
    targets = list(
        PersonTarget.objects.filter(person_id__in=person_ids, period_end__gte=start, period_start__lte=end).values_list(
            "person_id", "period_start", "period_end", "target"
        )
    )
    position = {pk: i for i, pk in enumerate(person_ids)}
    day = 86400.0
    epoch = date(1970, 1, 1)
    target_arrays = workstats.Targets(
        person=np.array([position[t[0]] for t in targets], dtype=np.int64),
        start=np.array([(t[1] - epoch).days * day for t in targets], dtype=float),
        end=np.array([((t[2] - epoch).days + 1) * day for t in targets], dtype=float),
        target=np.array([float(t[3]) for t in targets], dtype=float),
    )
    diagnosis = workstats.diagnose(
        arrays, target_arrays, len(person_ids), within_hours=float(work_settings.service_level_hours)
    ).as_dict()
    labels = Labels(team, person_ids, viewer)
    result.update({k: v for k, v in diagnosis.items() if k not in ("load", "help")})
    result["load"] = _load(diagnosis["load"], person_ids, labels)
    result["help"] = _help(diagnosis["help"], person_ids, labels)
    result["sentences"] = sentences(result)
    return result


def _load(load: dict[str, Any], person_ids: list[int], labels: Labels) -> dict[str, Any]:
    """Load per portfolio, biggest first; a portfolio is named only as its owner may be."""
    portfolios: list[dict[str, Any]] = [
        {"owner": labels[pk], "items": int(load["items"][i]), "revenue": float(load["revenue"][i])}
        for i, pk in enumerate(person_ids)
        if load["items"][i] > 0
    ]
    portfolios.sort(key=lambda p: -p["items"])
    rest = {k: v for k, v in load.items() if k not in ("items", "revenue", "portfolios")}
    return {**rest, "portfolio_count": load["portfolios"], "portfolios": portfolios}


def _help(help_flows: dict[str, Any], person_ids: list[int], labels: Labels) -> dict[str, Any]:
    """The help network: who handled items of whose portfolio, as edges between labels."""
    matrix = help_flows["matrix"]
    edges: list[dict[str, Any]] = [
        {"from": labels[person_ids[h]], "to": labels[person_ids[o]], "items": int(matrix[h][o])}
        for h in range(len(person_ids))
        for o in range(len(person_ids))
        if h != o and matrix[h][o] > 0
    ]
    edges.sort(key=lambda e: -e["items"])
    rest = {k: v for k, v in help_flows.items() if k not in ("matrix", "given", "received")}
    return {**rest, "flows": edges}


def sentences(result: dict[str, Any]) -> dict[str, str]:
    """One plain Dutch (or English) sentence per chart and for the verdict: what it shows, what it does not prove."""
    signal = result.get("help_after_target", {})
    verdict = signal.get("verdict")
    if verdict == "pattern":
        verdict_text = _(
            "People help colleagues clearly more often once they have reached their own target, also when their own "
            "queue is equally full: the reward structure seems to make help wait. This does not prove that anyone "
            "holds back on purpose; it shows what the structure rewards."
        )
    elif verdict == "no_pattern":
        verdict_text = _(
            "Help is not clearly more frequent after people reach their own target than before, at the same own "
            "workload. This does not prove that the structure never makes help wait, only that this data does not "
            "show it."
        )
    else:
        verdict_text = _(
            "Too little data to say whether help waits for people's own targets: it needs targets per person and "
            "enough help. No conclusion either way."
        )
    return {
        "lead_time": _(
            "How long customers waited from question to answer: half within the median, nine in ten within p90. It "
            "does not show why some questions took long."
        ),
        "weekly": _(
            "The share of questions answered within the service-level time, week by week. A dip shows when, not "
            "who or why."
        ),
        "backlog": _(
            "Questions still open at the end of each day. A rising line means more comes in than goes out; it "
            "does not say whether the team is too small or the work unevenly spread."
        ),
        "load": _(
            "How much work each portfolio brings in, and how uneven that is (Gini: 0 is even). Uneven load is a "
            "property of the structure, not a judgement of the people."
        ),
        "help": _(
            "Who handled questions from a colleague's portfolio: the help that flows in the team. Much or little "
            "help is not good or bad in itself; it shows how the work is shared."
        ),
        "verdict": verdict_text,
    }


def team_csv_rows(result: dict[str, Any]) -> list[list[Any]]:
    """The weekly figures as rows for a CSV download (team-level only)."""
    rows: list[list[Any]] = [
        ["week", "created", "resolved", "lead_time_p50_hours", "lead_time_p90_hours", "service_level", "backlog"]
    ]
    for week in result.get("weekly", []):
        rows.append(
            [week["week"], week["created"], week["resolved"], week["p50_hours"], week["p90_hours"],
             week["service_level"], week["backlog"]]
        )  # fmt: skip
    return rows
