from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.utils import translation
from openpyxl import Workbook

from naober.accounts.models import User
from naober.orgs.models import AuditEvent, Organisation, Person, Team
from naober.orgs.people_import import ImportProblem, ImportResult, people_import

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # Reasons are translated; the tests read the English msgids.
    with translation.override("en"):
        yield


@pytest.fixture
def ter_horst() -> Organisation:
    return Organisation.objects.create(name="Ter Horst", slug="ter-horst")


@pytest.fixture
def other_org() -> Organisation:
    return Organisation.objects.create(name="Bakkerij Noord", slug="bakkerij-noord")


def csv_import(
    organisation: Organisation,
    text: str,
    *,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    actor: User | None = None,
) -> ImportResult:
    return people_import(
        organisation=organisation,
        data=text.encode(),
        filename="people.csv",
        mapping=mapping,
        dry_run=dry_run,
        actor=actor,
    )


def problems_of(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(problem.row, problem.column, problem.value) for problem in result.problems]


def test_imports_people_and_teams_from_comma_separated_utf8(ter_horst: Organisation) -> None:
    data = "name,email,team,personnel_number\nJüri Hölscher,juri@example.nl,Zuid,1001\nRenée,,Noord,1002\n"

    result = people_import(organisation=ter_horst, data=data.encode(), filename="people.csv")

    assert result.imported
    assert (result.rows, result.created, result.updated) == (2, 2, 0)
    assert result.teams_created == ["Zuid", "Noord"]
    juri = Person.objects.get(organisation=ter_horst, personnel_number="1001")
    assert (juri.name, juri.email) == ("Jüri Hölscher", "juri@example.nl")
    assert [team.name for team in Team.objects.filter(members=juri)] == ["Zuid"]


def test_imports_a_semicolon_file_with_dutch_headers(ter_horst: Organisation) -> None:
    data = b"Naam;E-mailadres;Afdeling;Personeelsnr\nAnna de Vries;anna@example.nl;Klantenservice;7\n"

    result = people_import(organisation=ter_horst, data=data, filename="export.csv")

    assert result.imported
    anna = Person.objects.get(organisation=ter_horst)
    assert (anna.name, anna.email, anna.personnel_number) == ("Anna de Vries", "anna@example.nl", "7")


def test_imports_names_from_a_windows_1252_payroll_export(ter_horst: Organisation) -> None:
    data = (FIXTURES / "people_semicolon_cp1252.csv").read_bytes()

    result = people_import(organisation=ter_horst, data=data, filename="people_semicolon_cp1252.csv")

    assert result.imported
    assert (result.rows, result.created) == (5, 5)
    assert result.teams_created == ["Klantenservice", "Salarisadministratie"]
    names = set(Person.objects.in_org(ter_horst).values_list("name", flat=True))
    assert {"Jüri Hölscher", "Renée Bakker", "Chantal Çelik", "Eva Groß"} <= names


def test_the_sample_mapping_fits_the_sample_export(ter_horst: Organisation) -> None:
    mapping = json.loads((FIXTURES / "people_mapping.json").read_text(encoding="utf-8"))
    data = (FIXTURES / "people_semicolon_cp1252.csv").read_bytes()

    result = people_import(organisation=ter_horst, data=data, filename="export.csv", mapping=mapping)

    assert result.imported
    assert result.created == 5


def test_a_byte_order_mark_does_not_hide_the_first_column(ter_horst: Organisation) -> None:
    data = "\ufeffNaam,E-mail\nRenée,renee@example.nl\n".encode()

    result = people_import(organisation=ter_horst, data=data, filename="export.csv")

    assert result.imported
    assert Person.objects.get(organisation=ter_horst).email == "renee@example.nl"


def test_imports_xlsx_with_a_numeric_personnel_number(ter_horst: Organisation) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Personeelsnummer", "Naam", "Afdeling"])
    sheet.append([1001, "Anna de Vries", "Zuid"])
    sheet.append([1002.0, "Bram Jansen", "Zuid"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = people_import(organisation=ter_horst, data=buffer.getvalue(), filename="people.xlsx")

    assert result.imported
    numbers = set(Person.objects.in_org(ter_horst).values_list("personnel_number", flat=True))
    assert numbers == {"1001", "1002"}


def test_imports_a_tab_separated_file(ter_horst: Organisation) -> None:
    result = csv_import(ter_horst, "Name\tDepartment\nAnna\tSouth\n")

    assert problems_of(result) == []
    assert Team.objects.get(members__organisation=ter_horst).name == "South"


def test_a_mapping_reads_columns_with_unusual_headers(ter_horst: Organisation) -> None:
    text = "Wie,Post,Groep,Nr\nAnna,anna@example.nl,Zuid,A-12\n"
    mapping = {"name": "Wie", "email": "Post", "team": "Groep", "personnel_number": "Nr"}

    result = csv_import(ter_horst, text, mapping=mapping)

    assert problems_of(result) == []
    anna = Person.objects.get(organisation=ter_horst)
    assert (anna.name, anna.email, anna.personnel_number) == ("Anna", "anna@example.nl", "A-12")
    assert Team.objects.get(members=anna).name == "Zuid"


def test_a_partial_mapping_still_finds_the_usual_headers(ter_horst: Organisation) -> None:
    result = csv_import(ter_horst, "Wie,E-mail\nAnna,anna@example.nl\n", mapping={"name": "Wie"})

    assert problems_of(result) == []
    assert Person.objects.get(organisation=ter_horst).email == "anna@example.nl"


def test_a_bad_row_is_named_by_row_column_and_value_and_nothing_is_imported(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Eva", personnel_number="9")
    text = (
        "Naam;E-mailadres;Afdeling\n"
        "Anna;anna@example.nl;Zuid\n"
        "Bram;bram(at)example.nl;Zuid\n"
        "Chantal;chantal@example.nl;Noord\n"
    )
    people_before = Person.objects.count()

    result = csv_import(ter_horst, text)

    assert problems_of(result) == [(3, "E-mailadres", "bram(at)example.nl")]
    assert "not a valid e-mail address" in result.problems[0].reason
    assert not result.imported
    assert Person.objects.count() == people_before
    assert not Team.objects.exists()
    assert not AuditEvent.objects.exists()


def test_every_problem_in_the_file_is_reported_at_once(ter_horst: Organisation) -> None:
    text = "Naam,E-mail,Rol\n,anna@example.nl,medewerker\nBram,nope,baas\n" + f"{'x' * 151},,\n"

    result = csv_import(ter_horst, text)

    assert problems_of(result) == [
        (2, "Naam", ""),
        (3, "E-mail", "nope"),
        (3, "Rol", "baas"),
        (4, "Naam", "x" * 151),
    ]
    assert "longer than 150 characters" in result.problems[3].reason


def test_roles_accept_codes_and_dutch_and_english_words(ter_horst: Organisation) -> None:
    roles = [
        "leader",
        "Directie",
        "MT",
        "Teamleider",
        "team lead",
        "team_lead",
        "Medewerker",
        "employee",
        "coach",
    ]
    roles += ["OR-lid", "works council", "PVT", ""]
    text = "Naam,Rol\n" + "".join(f"Persoon {i},{role}\n" for i, role in enumerate(roles))

    result = csv_import(ter_horst, text)

    assert problems_of(result) == []
    assert result.created == len(roles)


def test_a_mapping_naming_a_missing_column_is_a_problem(ter_horst: Organisation) -> None:
    result = csv_import(ter_horst, "Naam,E-mail\nAnna,anna@example.nl\n", mapping={"email": "Werkmail"})

    assert problems_of(result) == [(1, "Werkmail", "")]
    assert "no column called Werkmail" in result.problems[0].reason
    assert not Person.objects.exists()


def test_a_file_without_a_name_column_is_a_problem(ter_horst: Organisation) -> None:
    result = csv_import(ter_horst, "E-mail,Team\nanna@example.nl,Zuid\n")

    assert problems_of(result) == [(1, "", "")]
    assert "E-mail, Team" in result.problems[0].reason


def test_an_unreadable_file_is_a_problem_not_an_error(ter_horst: Organisation) -> None:
    result = people_import(organisation=ter_horst, data=b"PK\x03\x04 broken", filename="people.xlsx")

    assert [(p.row, p.value) for p in result.problems] == [(0, "people.xlsx")]
    assert "not a valid Excel workbook" in result.problems[0].reason


def test_duplicate_personnel_numbers_in_the_file_name_both_rows(ter_horst: Organisation) -> None:
    text = "Naam;Personeelsnummer\nAnna;1001\nBram;1002\nChantal;1001\n"

    result = csv_import(ter_horst, text)

    assert problems_of(result) == [(4, "Personeelsnummer", "1001")]
    assert "Row 2 has the same personnel number" in result.problems[0].reason
    assert not Person.objects.exists()


def test_duplicate_email_addresses_in_the_file_are_a_problem_whatever_their_case(
    ter_horst: Organisation,
) -> None:
    result = csv_import(ter_horst, "Naam,E-mail\nAnna,anna@example.nl\nAnna B,Anna@Example.nl\n")

    assert problems_of(result) == [(3, "E-mail", "anna@example.nl")]


def test_the_same_name_twice_without_number_or_email_is_a_problem(ter_horst: Organisation) -> None:
    result = csv_import(ter_horst, "Naam,Personeelsnummer\nJan de Vries,\nJan de Vries,1003\n")

    assert problems_of(result) == [(2, "Naam", "Jan de Vries")]


def test_a_dry_run_writes_nothing_but_reports_what_it_would_do(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Anna", personnel_number="1001")
    Team.objects.create(organisation=ter_horst, name="Zuid")
    text = "Naam,Personeelsnummer,Team\nAnna de Vries,1001,Zuid\nBram,1002,Noord\n"

    result = csv_import(ter_horst, text, dry_run=True)

    assert problems_of(result) == []
    assert (result.created, result.updated, result.teams_created) == (1, 1, ["Noord"])
    assert not result.imported
    assert list(Person.objects.in_org(ter_horst).values_list("name", flat=True)) == ["Anna"]
    assert list(Team.objects.in_org(ter_horst).values_list("name", flat=True)) == ["Zuid"]
    assert not Team.objects.get(name="Zuid").members.exists()
    assert not AuditEvent.objects.exists()

    real = csv_import(ter_horst, text)
    assert (real.created, real.updated, real.teams_created) == (1, 1, ["Noord"])


def test_importing_the_same_file_twice_changes_nothing_the_second_time(ter_horst: Organisation) -> None:
    data = (FIXTURES / "people_semicolon_cp1252.csv").read_bytes()
    people_import(organisation=ter_horst, data=data, filename="export.csv")

    again = people_import(organisation=ter_horst, data=data, filename="export.csv")

    assert again.imported
    assert (again.created, again.updated, again.teams_created) == (0, 0, [])
    assert Person.objects.in_org(ter_horst).count() == 5
    assert Team.objects.in_org(ter_horst).count() == 2


def test_people_without_numbers_or_addresses_are_found_again_by_name(ter_horst: Organisation) -> None:
    text = "Naam,Team\nAnna,Zuid\nBram,Zuid\n"
    csv_import(ter_horst, text)

    again = csv_import(ter_horst, text)

    assert (again.created, again.updated) == (0, 0)
    assert Person.objects.count() == 2


def test_matching_prefers_personnel_number_then_email_then_name(ter_horst: Organisation) -> None:
    by_number = Person.objects.create(organisation=ter_horst, name="A. de Vries", personnel_number="1001")
    by_email = Person.objects.create(organisation=ter_horst, name="B. Jansen", email="Bram@Example.nl")
    by_name = Person.objects.create(organisation=ter_horst, name="Chantal")
    text = (
        "Naam,E-mail,Personeelsnummer\n"
        "Anna de Vries,anna@example.nl,1001\n"
        "Bram Jansen,bram@example.nl,1002\n"
        "Chantal,chantal@example.nl,\n"
    )

    result = csv_import(ter_horst, text)

    assert (result.created, result.updated) == (0, 3)
    by_number.refresh_from_db()
    by_email.refresh_from_db()
    by_name.refresh_from_db()
    assert (by_number.name, by_number.email) == ("Anna de Vries", "anna@example.nl")
    assert (by_email.name, by_email.personnel_number) == ("Bram Jansen", "1002")
    assert by_name.email == "chantal@example.nl"


def test_an_empty_cell_keeps_the_stored_value(ter_horst: Organisation) -> None:
    anna = Person.objects.create(organisation=ter_horst, name="Anna", email="anna@example.nl", personnel_number="7")

    result = csv_import(ter_horst, "Naam,E-mail,Personeelsnummer\nAnna,,7\n")

    assert (result.created, result.updated) == (0, 0)
    anna.refresh_from_db()
    assert anna.email == "anna@example.nl"


def test_a_name_shared_by_several_people_is_not_guessed(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Jan de Vries", personnel_number="1")
    Person.objects.create(organisation=ter_horst, name="Jan de Vries", personnel_number="2")

    result = csv_import(ter_horst, "Naam\nJan de Vries\n")

    assert problems_of(result) == [(2, "Naam", "Jan de Vries")]
    assert Person.objects.count() == 2


def test_a_name_match_with_another_personnel_number_is_someone_new(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Jan de Vries", personnel_number="1")

    result = csv_import(ter_horst, "Naam,Personeelsnummer\nJan de Vries,2\n")

    assert (result.created, result.updated) == (1, 0)


def test_an_email_address_of_someone_else_is_a_problem(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Anna", personnel_number="1", email="anna@example.nl")
    Person.objects.create(organisation=ter_horst, name="Bram", personnel_number="2")

    result = csv_import(ter_horst, "Naam,Personeelsnummer,E-mail\nBram,2,anna@example.nl\n")

    assert problems_of(result) == [(2, "E-mail", "anna@example.nl")]
    assert "belongs to someone else, Anna" in result.problems[0].reason


def test_two_rows_about_the_same_person_are_a_problem(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Anna", personnel_number="1", email="anna@example.nl")

    result = csv_import(ter_horst, "Naam,Personeelsnummer,E-mail\nAnna,1,\nAnna V,,anna@example.nl\n")

    assert problems_of(result) == [(3, "Naam", "Anna V")]
    assert "Row 2 is about the same person" in result.problems[0].reason


def test_a_team_is_created_once_whatever_the_case_of_its_name(ter_horst: Organisation) -> None:
    Team.objects.create(organisation=ter_horst, name="Zuid")
    text = "Naam,Team\nAnna,zuid\nBram,NOORD\nChantal,Noord\nDaan,ZUID\n"

    result = csv_import(ter_horst, text)

    assert result.teams_created == ["NOORD"]
    assert sorted(Team.objects.in_org(ter_horst).values_list("name", flat=True)) == ["NOORD", "Zuid"]
    assert Team.objects.get(name="Zuid").members.count() == 2
    assert Team.objects.get(name="NOORD").members.count() == 2


def test_joining_a_team_counts_as_an_update(ter_horst: Organisation) -> None:
    Person.objects.create(organisation=ter_horst, name="Anna", personnel_number="1")

    result = csv_import(ter_horst, "Naam,Personeelsnummer,Team\nAnna,1,Zuid\n")

    assert (result.created, result.updated, result.teams_created) == (0, 1, ["Zuid"])


def test_matching_never_touches_people_of_another_organisation(
    ter_horst: Organisation, other_org: Organisation
) -> None:
    outsider = Person.objects.create(
        organisation=other_org, name="Anna Noord", personnel_number="1001", email="anna@example.nl"
    )
    Team.objects.create(organisation=other_org, name="Zuid")

    result = csv_import(ter_horst, "Naam,Personeelsnummer,E-mail,Team\nAnna de Vries,1001,anna@example.nl,Zuid\n")

    assert (result.created, result.updated, result.teams_created) == (1, 0, ["Zuid"])
    outsider.refresh_from_db()
    assert (outsider.name, outsider.organisation) == ("Anna Noord", other_org)
    assert not Team.objects.filter(members=outsider).exists()
    assert Team.objects.get(members__organisation=ter_horst).organisation == ter_horst


def test_a_real_import_is_audited_once(ter_horst: Organisation) -> None:
    actor = User.objects.create_user("anna@example.nl", "secret-password")

    csv_import(ter_horst, "Naam\nAnna\nBram\n", actor=actor)

    event = AuditEvent.objects.get()
    assert (event.organisation, event.actor, event.action) == (ter_horst, actor, "people.imported")
    assert "2 added" in event.subject


def test_a_database_error_midway_leaves_nothing_behind(
    ter_horst: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(**kwargs: object) -> None:
        raise IntegrityError("simulated")

    monkeypatch.setattr("naober.orgs.people_import.audit", fail)

    result = csv_import(ter_horst, "Naam,Team\nAnna,Zuid\n")

    assert [p.row for p in result.problems] == [0]
    assert (result.created, result.teams_created) == (0, [])
    assert not Person.objects.exists()
    assert not Team.objects.exists()


def test_problems_are_plain_values_for_every_interface() -> None:
    problem = ImportProblem(row=3, column="E-mail", value="x", reason="bad")

    assert vars(problem) == {"row": 3, "column": "E-mail", "value": "x", "reason": "bad"}
