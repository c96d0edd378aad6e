"""Importing work exports: every encoding, delimiter, date and number form; broken files import nothing and
name row and column; the same file twice changes nothing; a later export updates the changed rows."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from naober.lib.workfile import Mapping
from naober.orgs.models import Person
from naober.work.models import PersonTarget, WorkItem
from naober.work.services import links_prune, targets_import, work_import
from tests.conftest import World

AMS = ZoneInfo("Europe/Amsterdam")
HEADERS = ["Ticket", "Aangemaakt", "Eerste reactie", "Opgelost", "Klant", "Eigenaar", "Behandelaar", "Bedrag", "Kanaal"]
MAPPING = Mapping.from_json(
    {"external_id": "Ticket", "created_at": "Aangemaakt", "first_response_at": "Eerste reactie",
     "resolved_at": "Opgelost", "customer": "Klant", "owner": "Eigenaar", "handler": "Behandelaar", "value": "Bedrag",
     "channel": "Kanaal"},
    kind="items",
)  # fmt: skip
GOOD = [
    ["T-1", "02-03-2026 09:15", "02-03-2026 09:40", "02-03-2026 11:00", "Zorggroep Twente", "Chantal Nijhuis",
     "Chantal Nijhuis", "1.234,50", "telefoon"],
    ["T-2", "03-03-2026", "", "04-03-2026 16:30", "Café 't Hoekje", "chantal@terhorst.example", "1004", "12,5",
     "e-mail"],
    ["T-3", "2026-03-05T10:00:00", "", "", "Bakkerij Ruesink", "Daan Kamphuis", "", "", "portaal"],
]  # fmt: skip


def _csv(
    rows: list[list[str]], *, delimiter: str = ";", encoding: str = "utf-8", headers: list[str] = HEADERS
) -> bytes:
    lines = [delimiter.join(headers), *(delimiter.join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _run(world: World, data: bytes, filename: str = "export.csv", **options: object) -> object:
    return work_import(organisation=world.org, file=io.BytesIO(data), filename=filename, mapping=MAPPING,
                       source="helpdesk", **options)  # type: ignore[arg-type]  # fmt: skip


def _snapshot() -> list[tuple[object, ...]]:
    return list(WorkItem.objects.order_by("external_id").values_list())


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8"), (",", "utf-8-sig"), ("\t", "cp1252"), (";", "cp1252"), (",", "utf-8")],
)
def test_every_delimiter_and_encoding_imports_the_same_items(world: World, delimiter: str, encoding: str) -> None:
    rows = [
        [cell.replace(",", "") if delimiter == "," and i == 7 else cell for i, cell in enumerate(row)] for row in GOOD
    ]
    if delimiter == ",":  # a comma file quotes amounts with a decimal comma, as spreadsheets write them
        rows = [[f'"{cell}"' if i == 7 and cell else cell for i, cell in enumerate(row)] for row in GOOD]
    outcome = _run(world, _csv(rows, delimiter=delimiter, encoding=encoding))
    assert outcome.problem_count == 0, outcome.problems  # type: ignore[attr-defined]
    assert outcome.created == 3  # type: ignore[attr-defined]
    first = WorkItem.objects.get(external_id="T-1")
    assert first.created_at == datetime(2026, 3, 2, 9, 15, tzinfo=AMS)
    assert first.value == Decimal("1234.50")
    assert first.owner == world.people["chantal"] and first.team == world.binnendienst
    second = WorkItem.objects.get(external_id="T-2")
    assert second.customer == "Café 't Hoekje"
    assert second.owner == world.people["chantal"]  # matched by e-mail
    assert second.handler == world.people["daan"]  # matched by personnel number
    assert second.created_at == datetime(2026, 3, 3, 0, 0, tzinfo=AMS) and second.value == Decimal("12.50")
    third = WorkItem.objects.get(external_id="T-3")
    assert third.resolved_at is None and third.handler is None and third.value is None


def test_an_xlsx_with_real_dates_and_excel_serials_imports(world: World, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(["T-1", datetime(2026, 3, 2, 9, 15), None,  # noqa: DTZ001 - a spreadsheet has no time zone
                  46084.5, "Zorggroep", "Chantal Nijhuis", "Daan Kamphuis",
                  1234.5, "telefoon"])  # fmt: skip
    book.save(tmp_path / "export.xlsx")
    outcome = _run(world, (tmp_path / "export.xlsx").read_bytes(), filename="export.xlsx")
    assert outcome.problem_count == 0, outcome.problems  # type: ignore[attr-defined]
    item = WorkItem.objects.get()
    assert item.created_at == datetime(2026, 3, 2, 9, 15, tzinfo=AMS)
    assert item.resolved_at == datetime(2026, 3, 3, 12, 0, tzinfo=AMS)  # serial 46084.5 is 3 March 2026, noon
    assert item.value == Decimal("1234.50")


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        (["T-9", "31-02-2026", "", "", "", "Chantal Nijhuis", "", "", ""], "Aangemaakt", "date_invalid"),
        (["T-9", "02-03-2026", "", "", "", "Chantal Nijhuis", "", "twaalf", ""], "Bedrag", "number_invalid"),
        (["T-1", "02-03-2026", "", "", "", "Chantal Nijhuis", "", "", ""], "Ticket", "duplicate_id"),
        (["T-9", "02-03-2026", "", "", "", "Piet Onbekend", "", "", ""], "Eigenaar", "person_unknown"),
        (["T-9", "02-03-2026"], "Eerste reactie", "short_row"),
        (["T-9", "05-03-2026", "", "04-03-2026", "", "Chantal Nijhuis", "", "", ""], "Opgelost", "date_order"),
    ],
)
def test_a_broken_row_is_named_by_row_and_column_and_nothing_is_imported(
    world: World, row: list[str], column: str, code: str
) -> None:
    before = _snapshot()
    outcome = _run(world, _csv([*GOOD, row]))
    problems = outcome.problems  # type: ignore[attr-defined]
    assert [(p.row, p.column, p.code) for p in problems] == [(5, column, code)]
    assert problems[0].reason and problems[0].reason != code
    assert not outcome.imported  # type: ignore[attr-defined]
    assert _snapshot() == before == []


def test_a_missing_column_is_named_and_nothing_is_imported(world: World) -> None:
    headers = [h for h in HEADERS if h != "Aangemaakt"]
    rows = [[c for i, c in enumerate(row) if i != 1] for row in GOOD]
    outcome = _run(world, _csv(rows, headers=headers))
    problems = outcome.problems  # type: ignore[attr-defined]
    assert [(p.row, p.column, p.value, p.code) for p in problems] == [(1, "created_at", "Aangemaakt", "column_missing")]
    assert "Aangemaakt" in problems[0].reason and "Ticket" in problems[0].reason  # names the file's own columns
    assert not WorkItem.objects.exists()


def test_skipping_the_named_bad_rows_imports_the_rest(world: World) -> None:
    bad = ["T-9", "31-02-2026", "", "", "", "Chantal Nijhuis", "", "", ""]
    outcome = _run(world, _csv([*GOOD, bad]), skip_bad_rows=True)
    assert outcome.imported and outcome.skipped == 1 and outcome.created == 3  # type: ignore[attr-defined]
    assert sorted(WorkItem.objects.values_list("external_id", flat=True)) == ["T-1", "T-2", "T-3"]


def test_a_dry_run_reports_counts_and_writes_nothing(world: World) -> None:
    outcome = _run(world, _csv(GOOD), dry_run=True)
    assert outcome.created == 3 and not outcome.imported  # type: ignore[attr-defined]
    assert not WorkItem.objects.exists()


def test_the_same_file_twice_changes_nothing_and_a_later_export_updates_changed_rows(world: World) -> None:
    _run(world, _csv(GOOD))
    before = list(WorkItem.objects.order_by("external_id").values_list("external_id", "resolved_at", "value"))
    again = _run(world, _csv(GOOD))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)  # type: ignore[attr-defined]
    assert list(WorkItem.objects.order_by("external_id").values_list("external_id", "resolved_at", "value")) == before
    later = [row[:] for row in GOOD]
    later[2][3] = "06-03-2026 12:00"  # T-3 is resolved in the later export
    later.append(["T-4", "06-03-2026 08:00", "", "", "Van Dijk", "Daan Kamphuis", "", "", ""])
    update = _run(world, _csv(later))
    assert (update.created, update.updated, update.unchanged) == (1, 1, 2)  # type: ignore[attr-defined]
    assert WorkItem.objects.get(external_id="T-3").resolved_at == datetime(2026, 3, 6, 12, 0, tzinfo=AMS)
    assert WorkItem.objects.count() == 4


def test_unknown_people_are_listed_or_created_only_when_asked(world: World) -> None:
    rows = [["T-1", "02-03-2026", "", "", "", "Piet Nieuw", "Piet Nieuw", "", ""]]
    listed = _run(world, _csv(rows))
    assert listed.unknown_people == ["Piet Nieuw"] and not listed.imported  # type: ignore[attr-defined]
    assert not Person.objects.filter(name="Piet Nieuw").exists()
    created = _run(world, _csv(rows), create_people=True)
    assert created.imported and created.people_created == ["Piet Nieuw"]  # type: ignore[attr-defined]
    assert WorkItem.objects.get().owner == Person.objects.get(organisation=world.org, name="Piet Nieuw")


def test_people_of_another_organisation_are_never_matched(world: World) -> None:
    rows = [["T-1", "02-03-2026", "", "", "", "Zoë Oosterveld", "", "", ""]]
    outcome = _run(world, _csv(rows))
    assert [p.code for p in outcome.problems] == ["person_unknown"]  # type: ignore[attr-defined]


def test_a_file_that_is_not_a_table_is_refused(world: World) -> None:
    outcome = _run(world, b"", filename="leeg.csv")
    assert outcome.problem_count == 1 and not outcome.imported  # type: ignore[attr-defined]
    assert outcome.problems[0].code == "file_empty"  # type: ignore[attr-defined]


def test_targets_import_upserts_per_person_and_period(world: World) -> None:
    mapping = Mapping.from_json(
        {"person": "Medewerker", "period_start": "Van", "period_end": "Tot", "target": "Doel"}, kind="targets"
    )
    data = (
        "Medewerker;Van;Tot;Doel\r\n"
        "Chantal Nijhuis;01-03-2026;31-03-2026;25.000\r\n"
        "1004;01-03-2026;31-03-2026;18.000,50\r\n"
    )
    first = targets_import(organisation=world.org, file=io.BytesIO(data.encode()), filename="d.csv", mapping=mapping)
    assert first.created == 2 and first.imported
    again = targets_import(organisation=world.org, file=io.BytesIO(data.encode()), filename="d.csv", mapping=mapping)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert PersonTarget.objects.get(person=world.people["daan"]).target == Decimal("18000.50")
    bad = data + "Piet Onbekend;01-03-2026;31-03-2026;1000\r\n"
    refused = targets_import(organisation=world.org, file=io.BytesIO(bad.encode()), filename="d.csv", mapping=mapping)
    assert [(p.row, p.column, p.code) for p in refused.problems] == [(4, "Medewerker", "person_unknown")]
    assert PersonTarget.objects.count() == 2


def test_retention_removes_the_links_to_people_from_old_items(world: World) -> None:
    _run(world, _csv(GOOD))
    changed = links_prune(organisation=world.org, today=date(2028, 6, 1))
    assert changed == 3
    assert not WorkItem.objects.filter(owner__isnull=False).exists()
    assert WorkItem.objects.count() == 3  # the anonymous items stay for team figures


def test_a_quote_that_never_closes_is_named_and_imports_nothing(world: World) -> None:
    data = _csv(GOOD) + b'T-8;"02-03-2026;;;never closed\r\n'
    outcome = _run(world, data)
    assert not outcome.imported and {p.row for p in outcome.problems} == {5}  # type: ignore[attr-defined]
    assert not WorkItem.objects.exists()


def test_every_problem_the_parser_can_report_has_a_sentence_in_both_languages() -> None:
    from django.utils import translation

    from naober.lib.workfile import PROBLEM_CODES
    from naober.work.services import REASONS, ImportProblem

    for code in PROBLEM_CODES:
        assert code in REASONS, code
        for language in ("nl", "en"):
            with translation.override(language):
                reason = ImportProblem(2, "c", "v", code, {"first_row": "1", "before_column": "A", "max": "100",
                                                          "columns": "A, B", "field": "f"}).reason  # fmt: skip
                assert reason and "%(" not in reason


def test_import_runs_older_than_90_days_are_removed_with_their_files(
    world: World, tmp_path: Path, settings: object
) -> None:
    from django.core.files.base import ContentFile

    from naober.work.models import WorkImport
    from naober.work.services import imports_prune

    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    old = WorkImport(organisation=world.org, kind="items", source="s", filename="old.csv", mapping={})
    old.upload.save("old.csv", ContentFile(b"a;b\r\n"), save=False)
    old.save()
    WorkImport.objects.filter(pk=old.pk).update(created_at=datetime(2026, 1, 1, tzinfo=AMS))
    recent = WorkImport.objects.create(organisation=world.org, kind="items", source="s", filename="new.csv", mapping={})
    path = Path(old.upload.path)
    assert path.exists()
    assert imports_prune(organisation=world.org, today=date(2026, 6, 1)) == 1
    assert list(WorkImport.objects.all()) == [recent] and not path.exists()
