"""Import people and teams from an HR or payroll export (CSV or XLSX). One service for page, API and CLI.

The import runs in three steps. It reads the file (``naober.lib.tabular``), checks every row and collects
every problem, and plans what it would change by matching each row to the people already in the
organisation. Only when no row has a problem does it write the plan, in one transaction; a dry run stops
before writing but reports the same counts.

An existing person is matched by personnel number, else by e-mail address (ignoring case), else by exact
name when exactly one person fits. Values in the file overwrite what naober holds; an empty cell leaves
the stored value alone, because exports often leave out what another system owns. A person is added to
the team in the file and never removed from other teams: naober may know teams the payroll does not.

The role column is checked but not stored: a Person is not a login. The role is kept for the step that
invites people to sign in, which asks for it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from naober.lib.tabular import TableError, read_table
from naober.orgs.models import Organisation, Person, Role, Team
from naober.orgs.services import audit

if TYPE_CHECKING:
    from naober.accounts.models import User

FIELDS = ("name", "email", "team", "personnel_number", "role")

# Header names HR and payroll systems use, compared after dropping case, spaces and punctuation
# ("E-mailadres" and "e-mail adres" are both "emailadres"). The first alias found in the file wins.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "naam",
        "name",
        "volledigenaam",
        "fullname",
        "weergavenaam",
        "displayname",
        "medewerker",
        "employee",
    ),
    "email": ("email", "emailadres", "emailaddress", "mail", "mailadres", "werkemail", "workemail"),
    "team": ("team", "teamnaam", "teamname", "afdeling", "afdelingnaam", "department"),
    "personnel_number": (
        "personeelsnummer",
        "personeelsnr",
        "persnr",
        "personnelnumber",
        "employeeid",
        "employeenumber",
        "medewerkernummer",
        "medewerkernr",
    ),
    "role": ("rol", "role", "naoberrol"),
}

# Role words in Dutch and English, compared in lower case with hyphens and underscores read as spaces.
ROLE_ALIASES: dict[str, Role] = {
    **{role.value.replace("_", " "): role for role in Role},
    "leadership": Role.LEADER,
    "leider": Role.LEADER,
    "leiding": Role.LEADER,
    "directie": Role.LEADER,
    "directeur": Role.LEADER,
    "mt": Role.LEADER,
    "management": Role.LEADER,
    "managementteam": Role.LEADER,
    "management team": Role.LEADER,
    "teamleider": Role.TEAM_LEAD,
    "teamlead": Role.TEAM_LEAD,
    "team leader": Role.TEAM_LEAD,
    "medewerker": Role.MEMBER,
    "werknemer": Role.MEMBER,
    "employee": Role.MEMBER,
    "or": Role.COUNCIL,
    "or lid": Role.COUNCIL,
    "ondernemingsraad": Role.COUNCIL,
    "works council": Role.COUNCIL,
    "pvt": Role.COUNCIL,
    "pvt lid": Role.COUNCIL,
}

# The row number of a problem with the file as a whole rather than with one of its rows.
WHOLE_FILE = 0
HEADER_ROW = 1


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with the file: its row (1 is the header, 0 the whole file), column header and value."""

    row: int
    column: str
    value: str
    reason: str


@dataclass
class ImportResult:
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    teams_created: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.dry_run and not self.problems


def people_import(
    *,
    organisation: Organisation,
    data: bytes,
    filename: str,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    actor: User | None = None,
) -> ImportResult:
    """Check a file and, unless it is a dry run or has a problem, import all of its rows at once.

    ``mapping`` goes from our field names (``FIELDS``) to the file's column headers; fields it leaves out
    are found by their usual header names.
    """
    result = ImportResult(dry_run=dry_run)
    try:
        table = read_table(data, filename)
    except TableError as error:
        reason = _("The file cannot be read: %(error)s") % {"error": error}
        result.problems.append(ImportProblem(row=WHOLE_FILE, column="", value=filename, reason=reason))
        return result
    result.rows = len(table.rows)
    columns = _columns(table.headers, mapping or {}, result.problems)
    if result.problems:
        return result
    if not table.rows:
        reason = _("The file has a header row but no people below it.")
        result.problems.append(ImportProblem(row=WHOLE_FILE, column="", value=filename, reason=reason))
        return result

    rows = [_read_row(row_number, values, columns, result.problems) for row_number, values in table.rows]
    _check_repeats(rows, columns, result.problems)
    plan = _Plan.make(organisation, [row for row in rows if row.valid], columns, result.problems)
    result.problems.sort(key=lambda problem: problem.row)
    if result.problems:
        return result

    result.created = len(plan.new_people)
    result.updated = len(plan.changed_people)
    result.teams_created = list(plan.new_teams.values())
    if dry_run:
        return result
    try:
        with transaction.atomic():
            plan.write(organisation)
            audit(
                organisation=organisation,
                actor=actor,
                action="people.imported",
                subject=f"{filename}: {result.created} added, {result.updated} updated",
            )
    except IntegrityError:
        # Someone changed the same people between our check and our write; the transaction undid it all.
        result.created = result.updated = 0
        result.teams_created = []
        reason = _("The people changed while the file was being imported. Nothing was imported; try again.")
        result.problems.append(ImportProblem(row=WHOLE_FILE, column="", value=filename, reason=reason))
    return result


def _header_key(header: str) -> str:
    return "".join(character for character in header.lower() if character.isalnum())


def _columns(headers: list[str], mapping: dict[str, str], problems: list[ImportProblem]) -> dict[str, str]:
    """Our field name -> the file's header: the mapping first, then the usual header names."""
    columns: dict[str, str] = {}
    listed = ", ".join(headers)
    for field_name, wanted in mapping.items():
        wanted = wanted.strip()
        if not wanted:
            continue
        if field_name not in FIELDS:
            reason = _("%(field)s is not something naober imports. Use one of: %(fields)s.") % {
                "field": field_name,
                "fields": ", ".join(FIELDS),
            }
            problems.append(ImportProblem(row=HEADER_ROW, column=wanted, value=field_name, reason=reason))
            continue
        header = _find_header(headers, wanted)
        if header is None:
            reason = _("The file has no column called %(column)s. Its columns are: %(columns)s.") % {
                "column": wanted,
                "columns": listed,
            }
            problems.append(ImportProblem(row=HEADER_ROW, column=wanted, value="", reason=reason))
        columns[field_name] = header or ""

    by_key = {_header_key(header): header for header in reversed(headers) if header not in columns.values()}
    for field_name in FIELDS:
        if field_name in columns:
            continue
        for alias in HEADER_ALIASES[field_name]:
            if alias in by_key:
                columns[field_name] = by_key.pop(alias)
                break
    if "name" not in columns:
        reason = _("No column with the name was found. Say which column holds it; the columns are: %(columns)s.")
        problems.append(ImportProblem(row=HEADER_ROW, column="", value="", reason=reason % {"columns": listed}))
    return {field_name: header for field_name, header in columns.items() if header}


def _find_header(headers: list[str], wanted: str) -> str | None:
    if wanted in headers:
        return wanted
    matches = [header for header in headers if header.casefold() == wanted.casefold()]
    return matches[0] if len(matches) == 1 else None


def _max_length(model: type[models.Model], field_name: str) -> int:
    model_field = model._meta.get_field(field_name)
    if not isinstance(model_field, models.Field) or model_field.max_length is None:
        raise TypeError(f"{model.__name__}.{field_name} has no maximum length")
    return model_field.max_length


MAX_LENGTHS = {
    "name": _max_length(Person, "name"),
    "email": _max_length(Person, "email"),
    "personnel_number": _max_length(Person, "personnel_number"),
    "team": _max_length(Team, "name"),
}


@dataclass
class _Row:
    number: int
    name: str
    email: str
    team: str
    personnel_number: str
    valid: bool = True


def _read_row(number: int, values: dict[str, str], columns: dict[str, str], problems: list[ImportProblem]) -> _Row:
    found: list[ImportProblem] = []

    def value_of(field_name: str) -> str:
        return values.get(columns[field_name], "") if field_name in columns else ""

    def problem(field_name: str, reason: str) -> None:
        found.append(ImportProblem(number, columns[field_name], value_of(field_name), reason))

    row = _Row(
        number=number,
        name=value_of("name"),
        email=value_of("email").lower(),
        team=value_of("team"),
        personnel_number=value_of("personnel_number"),
    )
    if not row.name:
        problem("name", _("The name is missing."))
    for field_name, limit in MAX_LENGTHS.items():
        if len(value_of(field_name)) > limit:
            problem(field_name, _("This is longer than %(limit)s characters.") % {"limit": limit})
    if row.email and len(row.email) <= MAX_LENGTHS["email"]:
        try:
            validate_email(row.email)
        except ValidationError:
            problem("email", _("This is not a valid e-mail address."))
    role = value_of("role")
    if role and _role(role) is None:
        problem("role", _("Unknown role. Use leader, team lead, employee, coach or works council."))
    problems.extend(found)
    row.valid = not found
    return row


def _role(value: str) -> Role | None:
    """The role a word in the file stands for; kept for the invitation step, which needs it."""
    return ROLE_ALIASES.get(re.sub(r"[\s_-]+", " ", value.lower()).strip())


def _check_repeats(rows: list[_Row], columns: dict[str, str], problems: list[ImportProblem]) -> None:
    """Each person appears once: no personnel number or e-mail address twice in the file.

    A row with neither is found again by its name alone on the next import, so its name must be unique too.
    """
    rows_with: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        for field_name in ("personnel_number", "email", "name"):
            value = getattr(row, field_name)
            if value:
                rows_with.setdefault((field_name, value), []).append(row.number)
    for row in rows:
        keys = [("personnel_number", row.personnel_number), ("email", row.email)]
        if not row.personnel_number and not row.email:
            keys.append(("name", row.name))
        for field_name, value in keys:
            others = [number for number in rows_with.get((field_name, value), []) if number != row.number]
            if not value or not others or (field_name != "name" and others[0] > row.number):
                continue
            reason = _repeat_reason(field_name) % {"other": others[0]}
            problems.append(ImportProblem(row.number, columns[field_name], value, reason))
            row.valid = False


def _repeat_reason(field_name: str) -> str:
    # Whole sentences, so a translation can choose its own words ("hetzelfde personeelsnummer").
    reasons = {
        "personnel_number": _("Row %(other)s has the same personnel number. Each person must appear once."),
        "email": _("Row %(other)s has the same e-mail address. Each person must appear once."),
        "name": _("Row %(other)s has the same name. Add a personnel number or e-mail address to tell them apart."),
    }
    return reasons[field_name]


@dataclass
class _Plan:
    """What an import would change: nothing is written until ``write``."""

    new_people: list[Person] = field(default_factory=list)
    changed_people: dict[int, Person] = field(default_factory=dict)
    changed_fields: set[str] = field(default_factory=set)
    # Lower-cased team name -> the spelling of its first row, for teams that do not exist yet.
    new_teams: dict[str, str] = field(default_factory=dict)
    # (person, lower-cased team name) for every membership still to add.
    memberships: list[tuple[Person, str]] = field(default_factory=list)

    @classmethod
    def make(
        cls,
        organisation: Organisation,
        rows: list[_Row],
        columns: dict[str, str],
        problems: list[ImportProblem],
    ) -> _Plan:
        plan = cls()
        people = _People(organisation)
        teams = {team.name.lower(): team for team in Team.objects.in_org(organisation)}
        in_team = set(
            Team.members.through.objects.filter(team__organisation=organisation).values_list("team_id", "person_id")
        )
        matched_by_row: dict[int, int] = {}
        for row in rows:
            try:
                person = people.match(row, columns)
            except _MatchError as error:
                problems.append(ImportProblem(row.number, error.column, error.value, error.reason))
                continue
            if person is None:
                person = Person(
                    organisation=organisation,
                    name=row.name,
                    email=row.email,
                    personnel_number=row.personnel_number,
                )
                plan.new_people.append(person)
            else:
                if person.pk in matched_by_row:
                    reason = _("Row %(other)s is about the same person, %(person)s.") % {
                        "other": matched_by_row[person.pk],
                        "person": person.name,
                    }
                    problems.append(ImportProblem(row.number, columns["name"], row.name, reason))
                    continue
                matched_by_row[person.pk] = row.number
                plan.update(person, row)
            if row.team:
                plan.join(person, row.team, teams, in_team)
        return plan

    def update(self, person: Person, row: _Row) -> None:
        changes = {
            "name": row.name,
            "email": row.email if row.email != person.email.lower() else "",
            "personnel_number": row.personnel_number,
        }
        for field_name, value in changes.items():
            if value and value != getattr(person, field_name):
                setattr(person, field_name, value)
                self.changed_fields.add(field_name)
                self.changed_people[person.pk] = person

    def join(self, person: Person, team_name: str, teams: dict[str, Team], in_team: set[tuple[int, int]]) -> None:
        key = team_name.lower()
        team = teams.get(key)
        if team is None:
            self.new_teams.setdefault(key, team_name)
        elif person.pk is not None and (team.pk, person.pk) in in_team:
            return
        self.memberships.append((person, key))
        if person.pk is not None:
            self.changed_people[person.pk] = person

    def write(self, organisation: Organisation) -> None:
        teams = {team.name.lower(): team for team in Team.objects.in_org(organisation)}
        for key, name in self.new_teams.items():
            teams[key] = Team.objects.create(organisation=organisation, name=name)
        Person.objects.bulk_create(self.new_people)
        if self.changed_fields:
            Person.objects.bulk_update(list(self.changed_people.values()), sorted(self.changed_fields))
        Team.members.through.objects.bulk_create(
            Team.members.through(team_id=teams[key].pk, person_id=person.pk) for person, key in self.memberships
        )


class _MatchError(Exception):
    def __init__(self, column: str, value: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.value = value
        self.reason = reason


class _People:
    """The organisation's people, indexed the three ways a row can match one of them."""

    def __init__(self, organisation: Organisation) -> None:
        self.by_number: dict[str, Person] = {}
        self.by_email: dict[str, Person] = {}
        self.by_name: dict[str, list[Person]] = {}
        for person in Person.objects.in_org(organisation):
            if person.personnel_number:
                self.by_number[person.personnel_number] = person
            if person.email:
                self.by_email[person.email.lower()] = person
            self.by_name.setdefault(person.name, []).append(person)

    def match(self, row: _Row, columns: dict[str, str]) -> Person | None:
        """The person this row is about, None for someone new; _MatchError when that cannot be told."""
        person = self.by_number.get(row.personnel_number) or self.by_email.get(row.email)
        if person is None:
            candidates = [candidate for candidate in self.by_name.get(row.name, []) if _fits(candidate, row)]
            if len(candidates) > 1:
                reason = _(
                    "%(count)s people are called this. Add a personnel number or e-mail address to say which."
                ) % {"count": len(candidates)}
                raise _MatchError(columns["name"], row.name, reason)
            person = candidates[0] if candidates else None
        owner = self.by_email.get(row.email)
        if person is not None and owner is not None and owner != person:
            reason = _("This e-mail address belongs to someone else, %(person)s.") % {"person": owner.name}
            raise _MatchError(columns["email"], row.email, reason)
        return person


def _fits(person: Person, row: _Row) -> bool:
    """A person found by name is the same one only when no personnel number or e-mail address disagrees."""
    number_fits = not row.personnel_number or not person.personnel_number
    email_fits = not row.email or not person.email or person.email.lower() == row.email
    return number_fits and email_fits
