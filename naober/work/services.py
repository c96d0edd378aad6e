"""Importing work items and person targets: one service behind the page, the API and the CLI.

The file is read as a stream (naober.lib.workfile), so a million rows fit in bounded memory. Everything is
written in one transaction: a file with problems imports nothing, unless the user chose to skip the named bad
rows; a dry run reads and checks the whole file and writes nothing. Items are keyed on (source, id in the
source): importing the same file again changes nothing, and a later export updates the rows that changed.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from naober.lib import workfile
from naober.orgs.models import Organisation, Person, Portfolio, Team
from naober.work.models import PersonTarget, WorkImport, WorkItem, WorkSettings

# Rows written per statement: large enough that the database does the work, small enough to stay in memory.
BATCH_ROWS = 2000
# Problems kept for the page and the API; the CLI prints every one as it is found, and the count is exact.
PROBLEMS_KEPT = 1000
PROGRESS_SECONDS = 0.5

REASONS: dict[str, Any] = {
    "column_missing": gettext_lazy("This field needs a column, and the mapping names none."),
    "column_missing_header": gettext_lazy("The file has no column “%(header)s”. Its columns are: %(headers)s."),
    "headers_duplicate": gettext_lazy("More than one column has this header (columns %(columns)s)."),
    "required": gettext_lazy("This field is required."),
    "date_invalid": gettext_lazy("Not a date we can read (dd-mm-jjjj, jjjj-mm-dd or an Excel date)."),
    "date_order": gettext_lazy("This moment lies before the one in column “%(before_column)s”."),
    "number_invalid": gettext_lazy("Not an amount (write for example 1.234,50)."),
    "duplicate_id": gettext_lazy("This id was already used in row %(first_row)s of the file."),
    "short_row": gettext_lazy("The row has fewer cells than the header."),
    "long_row": gettext_lazy("The row has more cells than the header."),
    "file_empty": gettext_lazy("The file is empty."),
    "file_unreadable": gettext_lazy("The file cannot be read as CSV or XLSX."),
    "period_order": gettext_lazy("The period ends before it starts (column “%(before_column)s”)."),
    "too_long": gettext_lazy("Longer than %(max)s characters."),
    "person_unknown": gettext_lazy("No one in the organisation has this name, e-mail address or personnel number."),
    "person_ambiguous": gettext_lazy("More than one person has this name; use the e-mail address or personnel number."),
}


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    value: str
    code: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        code = "column_missing_header" if self.code == "column_missing" and "header" in self.params else self.code
        template = REASONS.get(code)
        if template is None:
            return self.code
        text = str(template)
        try:
            return text % self.params if "%(" in text else text
        except (KeyError, ValueError, TypeError):
            return text

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "code": self.code, "reason": self.reason}


@dataclass
class ImportOutcome:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problem_count: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    unknown_people: list[str] = field(default_factory=list)
    people_created: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def imported(self) -> bool:
        """Whether anything was written: not on a dry run, and not when problems were left unresolved."""
        return not self.dry_run and (self.problem_count == 0 or self.skipped > 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "problem_count": self.problem_count,
            "problems": [p.as_dict() for p in self.problems],
            "unknown_people": self.unknown_people,
            "people_created": self.people_created,
            "dry_run": self.dry_run,
            "imported": self.imported,
        }


ProgressCallback = Callable[[float], None]
ProblemCallback = Callable[[ImportProblem], None]


class _RollbackError(Exception):
    """Raised inside the transaction to undo every write: a dry run, or problems the user did not skip."""


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


class PeopleIndex:
    """Matches the names in a file to people: by name, e-mail address or personnel number."""

    def __init__(self, organisation: Organisation, *, create: bool, dry_run: bool = False) -> None:
        self.organisation = organisation
        self.create = create
        self.dry_run = dry_run
        self.keys: dict[str, int | None] = {}  # None: ambiguous
        self.team_of: dict[int, int | None] = {}
        self.unknown: dict[str, int] = {}
        self.created: list[str] = []
        people = Person.objects.filter(organisation=organisation).values_list("pk", "name", "email", "personnel_number")
        for pk, name, email, number in people:
            for key in {_normal(name), _normal(email), _normal(number)} - {""}:
                self.keys[key] = None if key in self.keys and self.keys[key] != pk else pk
        portfolio_teams = dict(
            Portfolio.objects.filter(organisation=organisation, owner__isnull=False)
            .order_by("-pk")
            .values_list("owner_id", "team_id")
        )
        member_teams = dict(
            Team.members.through.objects.filter(team__organisation=organisation)
            .order_by("-team_id")
            .values_list("person_id", "team_id")
        )
        self.team_of = {**member_teams, **portfolio_teams}

    def match(self, text: str) -> tuple[int | None, str | None]:
        """(person id, problem code): no text gives (None, None)."""
        key = _normal(text)
        if not key:
            return None, None
        if key in self.keys:
            pk = self.keys[key]
            if pk is None and self.dry_run and " ".join(text.split()) in self.created:
                return None, None
            return (pk, None) if pk is not None else (None, "person_ambiguous")
        if self.create:
            name = " ".join(text.split())
            self.created.append(name)
            if self.dry_run:  # a dry run lists whom it would create, and writes nothing
                self.keys[key] = None
                return None, None
            person = Person.objects.create(organisation=self.organisation, name=name)
            self.keys[key] = person.pk
            return person.pk, None
        self.unknown[text.strip()] = self.unknown.get(text.strip(), 0) + 1
        return None, "person_unknown"


class _Progress:
    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.last = 0.0

    def __call__(self, fraction: float, *, force: bool = False) -> None:
        now = clock.monotonic()
        if self.callback is not None and (force or now - self.last >= PROGRESS_SECONDS):
            self.last = now
            self.callback(min(1.0, fraction))


class _Problems:
    def __init__(self, outcome: ImportOutcome, on_problem: ProblemCallback | None) -> None:
        self.outcome = outcome
        self.on_problem = on_problem
        self.bad_rows = 0

    def add(self, problems: Iterable[workfile.Problem | ImportProblem]) -> None:
        for p in problems:
            problem = p if isinstance(p, ImportProblem) else ImportProblem(p.row, p.column, p.value, p.code, p.params)
            self.outcome.problem_count += 1
            if len(self.outcome.problems) < PROBLEMS_KEPT:
                self.outcome.problems.append(problem)
            if self.on_problem is not None:
                self.on_problem(problem)


def _aware(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zone)


def _cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


ITEM_FIELDS = ("team_id", "customer", "owner_id", "handler_id", "created_at", "first_response_at", "resolved_at",
               "value", "channel")  # fmt: skip


def _open(file: str | Path | IO[bytes], filename: str, outcome: ImportOutcome) -> workfile.WorkFile | None:
    try:
        return workfile.open_work_file(file, filename)
    except workfile.FileError as error:
        outcome.problem_count += 1
        outcome.problems.append(ImportProblem(0, "", filename, error.code))
        return None


def work_import(
    *,
    organisation: Organisation,
    file: str | Path | IO[bytes],
    filename: str,
    mapping: workfile.Mapping,
    source: str,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    create_people: bool = False,
    progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
) -> ImportOutcome:
    """Import work items from a helpdesk or ERP export; see the module docstring for the guarantees."""
    outcome = ImportOutcome(dry_run=dry_run)
    wf = _open(file, filename, outcome)
    if wf is None:
        return outcome
    problems = _Problems(outcome, on_problem)
    missing = workfile.check_columns(wf, mapping)
    if missing:
        problems.add(missing)
        return outcome
    zone = ZoneInfo(settings.TIME_ZONE)
    tick = _Progress(progress)
    try:
        # A dry run writes nothing, so it takes no write lock (SQLite would hold up every other writer).
        with nullcontext() if dry_run else transaction.atomic():
            people = PeopleIndex(organisation, create=create_people, dry_run=dry_run)
            write_items = _ItemWriter(organisation, source, outcome, write=not dry_run)
            batch: list[tuple[str, tuple[Any, ...]]] = []
            for result in workfile.parse_items(wf, mapping):
                outcome.rows += 1
                if isinstance(result, list):
                    problems.add(result)
                    outcome.skipped += 1
                    continue
                row_problems: list[ImportProblem] = []
                ids: list[int | None] = []
                for name, text in (("owner", result.owner), ("handler", result.handler)):
                    pk, code = people.match(text)
                    if code is not None:
                        row_problems.append(ImportProblem(result.row, mapping.columns[name], text, code))
                    ids.append(pk)
                if row_problems:
                    problems.add(row_problems)
                    outcome.skipped += 1
                    continue
                owner_id, handler_id = ids
                team_id = people.team_of.get(owner_id or 0) or people.team_of.get(handler_id or 0)
                values = (team_id, result.customer[:200], owner_id, handler_id, _aware(result.created_at, zone),
                          _aware(result.first_response_at, zone), _aware(result.resolved_at, zone),
                          _cents(result.value), result.channel[:100])  # fmt: skip
                batch.append((result.external_id, values))
                if len(batch) >= BATCH_ROWS:
                    write_items(batch)
                    batch.clear()
                tick(wf.progress)
            write_items(batch)
            outcome.unknown_people = sorted(people.unknown)
            outcome.people_created = people.created
            if dry_run or (outcome.problem_count and not skip_bad_rows):
                raise _RollbackError
    except _RollbackError:
        if not dry_run:
            outcome.skipped = 0
            outcome.people_created = []
    except workfile.FileError as error:  # damaged further in (an unclosed quote, a broken workbook): nothing kept
        problems.add([ImportProblem(outcome.rows + wf.header_row + 1, "", filename, error.code)])
        outcome.skipped = 0
        outcome.people_created = []
    if not outcome.imported and not dry_run:
        outcome.created = outcome.updated = outcome.unchanged = 0
    if outcome.imported:
        # An export may hold items older than the retention period: they keep no links to people.
        links_prune(organisation=organisation)
    tick(1.0, force=True)
    return outcome


class _ItemWriter:
    """Writes batches of parsed items: compares each batch with what is stored and upserts only the new and
    changed rows, with one INSERT ... ON CONFLICT statement run for many rows (SQLite and PostgreSQL alike).

    Building a model instance per row would cost more than reading the row; the values are adapted for the
    database by the backend's own field adapters instead. When the source had no items before this import,
    every row is new and the comparison is skipped."""

    COLUMNS = ("organisation_id", "source", "external_id", *ITEM_FIELDS, "imported_at")

    def __init__(self, organisation: Organisation, source: str, outcome: ImportOutcome, *, write: bool) -> None:
        self.organisation = organisation
        self.source = source
        self.outcome = outcome
        self.write = write
        self.fresh = not WorkItem.objects.filter(organisation=organisation, source=source).exists()
        ops = connection.ops
        quote = ops.quote_name
        updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in (*ITEM_FIELDS, "imported_at"))
        # Only names from the model's own metadata go into the text; every value is a parameter.
        table, columns = quote(WorkItem._meta.db_table), ", ".join(quote(c) for c in self.COLUMNS)
        key = f"{quote('organisation_id')}, {quote('source')}, {quote('external_id')}"
        placeholders = ", ".join(["%s"] * len(self.COLUMNS))
        self.sql = (
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) ON CONFLICT ({key}) DO UPDATE SET {updates}"  # noqa: S608
        )
        self.moment = ops.adapt_datetimefield_value
        self.amount = ops.adapt_decimalfield_value

    def __call__(self, batch: list[tuple[str, tuple[Any, ...]]]) -> None:
        if not batch:
            return
        outcome = self.outcome
        if self.fresh:
            changed = batch
            outcome.created += len(batch)
        else:
            stored = {
                row[0]: row[1:]
                for row in WorkItem.objects.filter(
                    organisation=self.organisation, source=self.source, external_id__in=[e for e, _v in batch]
                ).values_list("external_id", *ITEM_FIELDS)
            }
            changed = []
            for external_id, values in batch:
                before = stored.get(external_id)
                if before == values:
                    outcome.unchanged += 1
                    continue
                if before is None:
                    outcome.created += 1
                else:
                    outcome.updated += 1
                changed.append((external_id, values))
        if self.write and changed:
            now = self.moment(timezone.now())
            moment, amount, org_id, source = self.moment, self.amount, self.organisation.pk, self.source
            rows = [
                (org_id, source, external_id, team, customer, owner, handler, moment(created), moment(first),
                 moment(resolved), amount(value, 14, 2), channel, now)
                for external_id, (team, customer, owner, handler, created, first, resolved, value, channel) in changed
            ]  # fmt: skip
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, rows)


def targets_import(
    *,
    organisation: Organisation,
    file: str | Path | IO[bytes],
    filename: str,
    mapping: workfile.Mapping,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
) -> ImportOutcome:
    """Import person targets per period; people must exist (targets never create people)."""
    outcome = ImportOutcome(dry_run=dry_run)
    wf = _open(file, filename, outcome)
    if wf is None:
        return outcome
    problems = _Problems(outcome, on_problem)
    missing = workfile.check_columns(wf, mapping)
    if missing:
        problems.add(missing)
        return outcome
    tick = _Progress(progress)
    try:
        # A dry run writes nothing, so it takes no write lock (SQLite would hold up every other writer).
        with nullcontext() if dry_run else transaction.atomic():
            people = PeopleIndex(organisation, create=False)
            stored = {
                (t.person_id, t.period_start, t.period_end): t
                for t in PersonTarget.objects.filter(organisation=organisation)
            }
            for result in workfile.parse_targets(wf, mapping):
                outcome.rows += 1
                if isinstance(result, list):
                    problems.add(result)
                    outcome.skipped += 1
                    continue
                person_id, code = people.match(result.person)
                if code is not None or person_id is None:
                    problems.add(
                        [ImportProblem(result.row, mapping.columns["person"], result.person, code or "required")]
                    )
                    outcome.skipped += 1
                    continue
                target = result.target.quantize(Decimal("0.01"))
                key = (person_id, result.period_start, result.period_end)
                existing = stored.get(key)
                if existing is not None and existing.target == target:
                    outcome.unchanged += 1
                elif existing is not None:
                    outcome.updated += 1
                    existing.target = target
                    if not dry_run:
                        existing.save(update_fields=["target"])
                else:
                    outcome.created += 1
                    new = PersonTarget(organisation=organisation, person_id=person_id, period_start=result.period_start,
                                       period_end=result.period_end, target=target)  # fmt: skip
                    stored[key] = new
                    if not dry_run:
                        new.save()
                tick(wf.progress)
            outcome.unknown_people = sorted(people.unknown)
            if dry_run or (outcome.problem_count and not skip_bad_rows):
                raise _RollbackError
    except _RollbackError:
        if not dry_run:
            outcome.skipped = 0
    except workfile.FileError as error:  # damaged further in: nothing kept
        problems.add([ImportProblem(outcome.rows + wf.header_row + 1, "", filename, error.code)])
        outcome.skipped = 0
    if not outcome.imported and not dry_run:
        outcome.created = outcome.updated = outcome.unchanged = 0
    tick(1.0, force=True)
    return outcome


def links_prune(*, organisation: Organisation, today: date | None = None) -> int:
    """Remove the links to people (owner, handler) from work items older than the retention period, and the
    person targets of periods that ended before it. Returns the number of work items changed."""
    months = WorkSettings.for_org(organisation).retention_months
    today = today or date.today()  # noqa: DTZ011
    cutoff = datetime.combine(
        today - timedelta(days=round(months * 30.44)), time.min, tzinfo=ZoneInfo(settings.TIME_ZONE)
    )
    old = WorkItem.objects.filter(organisation=organisation, created_at__lt=cutoff).filter(
        Q(owner__isnull=False) | Q(handler__isnull=False)
    )
    PersonTarget.objects.filter(organisation=organisation, period_end__lt=cutoff.date()).delete()
    imports_prune(organisation=organisation, today=today)
    return old.update(owner=None, handler=None)


# As the transparency register says of WorkImport: import runs are kept 90 days.
IMPORTS_KEPT_DAYS = 90


def imports_prune(*, organisation: Organisation, today: date | None = None) -> int:
    """Remove import runs older than 90 days, with any uploaded file they still hold."""
    today = today or date.today()  # noqa: DTZ011
    cutoff = datetime.combine(today - timedelta(days=IMPORTS_KEPT_DAYS), time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
    old = list(WorkImport.objects.filter(organisation=organisation, created_at__lt=cutoff))
    for work_import in old:
        if work_import.upload:
            work_import.upload.delete(save=False)
        work_import.delete()
    return len(old)
