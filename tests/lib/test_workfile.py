from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from naober.lib import workfile
from naober.lib.workfile import (
    PRESETS,
    FileError,
    ItemRow,
    Mapping,
    MappingError,
    Problem,
    TargetRow,
    check_columns,
    open_work_file,
    parse_items,
    parse_targets,
    suggest_mapping,
)

HEADER = "Ticketnummer;Aangemaakt;Afgehandeld;Klant;Eigenaar;Behandelaar;Bedrag;Kanaal"
MAPPING = Mapping(
    columns={
        "external_id": "Ticketnummer",
        "created_at": "Aangemaakt",
        "resolved_at": "Afgehandeld",
        "customer": "Klant",
        "owner": "Eigenaar",
        "handler": "Behandelaar",
        "value": "Bedrag",
        "channel": "Kanaal",
    }
)
TARGETS = Mapping(
    columns={"person": "Medewerker", "period_start": "Van", "period_end": "Tot en met", "target": "Target"}
)


def open_text(text: str, encoding: str = "utf-8", filename: str = "export.csv") -> workfile.WorkFile:
    return open_work_file(io.BytesIO(text.encode(encoding)), filename)


def items(text: str, mapping: Mapping = MAPPING, encoding: str = "utf-8") -> list[ItemRow | list[Problem]]:
    return list(parse_items(open_text(text, encoding), mapping))


def only_row(results: list[ItemRow | list[Problem]]) -> ItemRow:
    assert len(results) == 1
    row = results[0]
    assert isinstance(row, ItemRow), row
    return row


def problems_of(results: list[ItemRow | list[Problem]]) -> list[Problem]:
    return [problem for result in results if isinstance(result, list) for problem in result]


def xlsx_file(path: Path, *rows: list[object]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# --- encodings and delimiters -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_reads_every_supported_encoding(encoding: str) -> None:
    text = f"{HEADER}\nT1;01-03-2026;;Café Hölscher;Renée;Zoë;€ 1.234,50;e-mail\n"

    wf = open_text(text, encoding)
    row = only_row(list(parse_items(wf, MAPPING)))

    assert wf.headers[0] == "Ticketnummer"  # no byte order mark left on the first header
    assert (row.customer, row.owner, row.handler) == ("Café Hölscher", "Renée", "Zoë")
    assert row.value == Decimal("1234.50")


def test_windows_1252_is_detected_even_when_the_first_lines_are_plain_ascii() -> None:
    text = HEADER + "\n" + "T0;01-03-2026;;Klant;Anna;Bram;1,00;mail\n" * 5000 + "T9;01-03-2026;;Müller;ë;é;2,00;x\n"

    wf = open_text(text, "cp1252")

    assert wf.encoding == "cp1252"
    last = list(wf.rows())[-1]
    assert last[1][3:6] == ["Müller", "ë", "é"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_detects_the_delimiter_from_the_header_line(delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER.split(";"))
    writer.writerow(["T1", "01-03-2026 09:30", "", "Bakker, Jansen & Zn; Hengelo", "Anna", "Bram", "12,50", "tel"])

    wf = open_text(buffer.getvalue())
    row = only_row(list(parse_items(wf, MAPPING)))

    assert wf.delimiter == delimiter
    assert row.customer == "Bakker, Jansen & Zn; Hengelo"
    assert row.value == Decimal("12.50")


def test_a_quoted_line_break_stays_in_one_row_and_rows_count_as_in_a_spreadsheet() -> None:
    text = f'{HEADER}\nT1;01-03-2026;;"Bakker\nHengelo";Anna;Bram;;mail\nT2;31-02-2026;;Jansen;Anna;Bram;;mail\n'

    results = items(text)

    assert isinstance(results[0], ItemRow)
    assert results[0].customer == "Bakker\nHengelo"
    assert problems_of(results) == [Problem(3, "Aangemaakt", "31-02-2026", "date_invalid")]


def test_blank_rows_are_skipped_without_a_problem_and_keep_the_numbering() -> None:
    text = f"\n{HEADER}\n\n;;;;;;;\nT1;01-03-2026;;;;;;\n"

    wf = open_text(text)
    results = list(parse_items(wf, MAPPING))

    assert wf.header_row == 2
    assert [result.row for result in results if isinstance(result, ItemRow)] == [5]


# --- dates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01-03-2026", datetime(2026, 3, 1)),  # noqa: DTZ001
        ("1-3-2026", datetime(2026, 3, 1)),  # noqa: DTZ001
        ("01/03/2026 09:30", datetime(2026, 3, 1, 9, 30)),  # noqa: DTZ001
        ("01.03.2026 09:30:15", datetime(2026, 3, 1, 9, 30, 15)),  # noqa: DTZ001
        ("1-3-2026 9:05", datetime(2026, 3, 1, 9, 5)),  # noqa: DTZ001
        ("2026-03-01", datetime(2026, 3, 1)),  # noqa: DTZ001
        ("2026-03-01 09:30:00", datetime(2026, 3, 1, 9, 30)),  # noqa: DTZ001
        ("2026-03-01T09:30", datetime(2026, 3, 1, 9, 30)),  # noqa: DTZ001
        ("2026-03-01T09:30:00.250", datetime(2026, 3, 1, 9, 30, 0, 250000)),  # noqa: DTZ001
        ("  01-03-2026 09:30  ", datetime(2026, 3, 1, 9, 30)),  # noqa: DTZ001
        ("46082", datetime(2026, 3, 1)),  # noqa: DTZ001 - an Excel serial in a CSV cell
        ("46082,75", datetime(2026, 3, 1, 18, 0)),  # noqa: DTZ001
    ],
)
def test_reads_dutch_iso_and_serial_dates_as_wall_clock_time(text: str, expected: datetime) -> None:
    row = only_row(items(f"{HEADER}\nT1;{text};;;;;;\n"))

    assert row.created_at == expected
    assert row.created_at.tzinfo is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01T09:30:00+01:00", datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1)))),
        ("2026-03-01T08:30:00Z", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
        ("2026-03-01 09:30:00 +0100", datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1)))),
        ("2026-03-01 08:30:00 UTC", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),
    ],
)
def test_an_iso_moment_with_an_offset_stays_aware(text: str, expected: datetime) -> None:
    row = only_row(items(f"{HEADER}\nT1;{text};;;;;;\n"))

    assert row.created_at == expected
    assert row.created_at.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text", ["31-02-2026", "29-02-2025", "2026-13-01", "32-01-2026", "01-01-1989", "01-01-2101", "gisteren", "12345"]
)
def test_impossible_or_implausible_dates_are_date_invalid(text: str) -> None:
    results = items(f"{HEADER}\nT1;{text};;;;;;\n")

    assert results == [[Problem(2, "Aangemaakt", text, "date_invalid")]]


def test_a_date_format_reads_only_that_format() -> None:
    mapping = Mapping(columns=MAPPING.columns, date_format="%m/%d/%Y %I:%M %p")
    text = f"{HEADER}\nT1;03/01/2026 02:30 PM;;;;;;\nT2;01-03-2026;;;;;;\n"

    results = items(text, mapping)

    assert isinstance(results[0], ItemRow)
    assert results[0].created_at == datetime(2026, 3, 1, 14, 30)  # noqa: DTZ001
    assert results[1] == [Problem(3, "Aangemaakt", "01-03-2026", "date_invalid", {"format": "%m/%d/%Y %I:%M %p"})]


def test_resolution_or_first_response_before_creation_is_date_order_on_the_later_column() -> None:
    columns = {"external_id": "Nr", "created_at": "Aangemaakt", "first_response_at": "Reactie", "resolved_at": "Klaar"}
    text = (
        "Nr;Aangemaakt;Reactie;Klaar\n"
        "T1;02-03-2026 10:00;02-03-2026 09:00;01-03-2026\n"
        "T2;02-03-2026 10:00;02-03-2026 10:00;02-03-2026 10:00\n"
    )

    results = items(text, Mapping(columns=columns))

    params = {"before_column": "Aangemaakt", "before": "02-03-2026 10:00"}
    assert results[0] == [
        Problem(2, "Reactie", "02-03-2026 09:00", "date_order", params),
        Problem(2, "Klaar", "01-03-2026", "date_order", params),
    ]
    assert isinstance(results[1], ItemRow)


def test_moments_with_and_without_an_offset_are_not_compared() -> None:
    row = only_row(items(f"{HEADER}\nT1;2026-03-02T10:00:00+01:00;01-03-2026;;;;;\n"))

    assert row.resolved_at == datetime(2026, 3, 1)  # noqa: DTZ001 - the caller places it in the organisation's zone


# --- amounts ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.234,50", "1234.50"), ("€ 1.234,50", "1234.50"), ("-12,5", "-12.5"), ("150.000", "150000"), ("7", "7")],
)
def test_reads_dutch_amounts(text: str, expected: str) -> None:
    assert only_row(items(f"{HEADER}\nT1;01-03-2026;;;;;{text};\n")).value == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), [("1,234.50", "1234.50"), ("-12.5", "-12.5"), ("150,000", "150000")])
def test_reads_english_amounts_with_a_decimal_point(text: str, expected: str) -> None:
    mapping = Mapping(columns=MAPPING.columns, decimal=".")

    assert only_row(items(f'{HEADER}\nT1;01-03-2026;;;;;"{text}";\n', mapping)).value == Decimal(expected)


def test_an_empty_amount_is_none() -> None:
    assert only_row(items(f"{HEADER}\nT1;01-03-2026;;;;;  ;\n")).value is None


@pytest.mark.parametrize("text", ["veel", "12,3,4", "1.2.3", "NaN", "1e20", "€"])
def test_text_or_absurd_amounts_are_number_invalid(text: str) -> None:
    assert items(f"{HEADER}\nT1;01-03-2026;;;;;{text};\n") == [[Problem(2, "Bedrag", text, "number_invalid")]]


# --- broken rows and files ----------------------------------------------------------------------------------


def test_every_problem_in_a_row_is_reported_in_column_order() -> None:
    results = items(f"{HEADER}\n;31-02-2026;gisteren;;;;veel;\n")

    assert results == [
        [
            Problem(2, "Ticketnummer", "", "required"),
            Problem(2, "Aangemaakt", "31-02-2026", "date_invalid"),
            Problem(2, "Afgehandeld", "gisteren", "date_invalid"),
            Problem(2, "Bedrag", "veel", "number_invalid"),
        ]
    ]


def test_a_missing_creation_date_is_required() -> None:
    assert items(f"{HEADER}\nT1;;;;;;;\n") == [[Problem(2, "Aangemaakt", "", "required")]]


def test_a_repeated_id_is_a_duplicate_of_its_first_row() -> None:
    text = f"{HEADER}\nT1;01-03-2026;;;;;;\nT2;01-03-2026;;;;;;\nT1;02-03-2026;;;;;;\n"

    results = items(text)

    assert results[2] == [Problem(4, "Ticketnummer", "T1", "duplicate_id", {"first_row": "2"})]


def test_an_id_longer_than_the_database_holds_is_too_long() -> None:
    long_id = "X" * 101

    assert items(f"{HEADER}\n{long_id};01-03-2026;;;;;;\n") == [
        [Problem(2, "Ticketnummer", "X" * 80, "too_long", {"max": "100"})]
    ]


def test_a_short_row_is_reported_once_at_its_first_missing_column() -> None:
    results = items(f"{HEADER}\nT1;01-03-2026;;Bakker\n")

    assert results == [[Problem(2, "Eigenaar", "", "short_row", {"cells": "4", "expected": "8"})]]


def test_a_short_row_still_reports_bad_cells_it_does_have() -> None:
    results = items(f"{HEADER}\nT1;31-02-2026\n")

    assert [problem.code for problem in problems_of(results)] == ["date_invalid", "short_row"]


def test_extra_cells_are_a_long_row_only_when_they_hold_something() -> None:
    results = items(f"{HEADER}\nT1;01-03-2026;;;;;;;;\nT2;01-03-2026;;;;;;;;extra\n")

    assert isinstance(results[0], ItemRow)
    assert results[1] == [Problem(3, "J", "extra", "long_row", {"cells": "10", "expected": "8"})]


def test_a_missing_column_is_reported_on_the_header_row_and_stops_parsing() -> None:
    mapping = Mapping(columns={**MAPPING.columns, "channel": "Via"})
    wf = open_text(f"{HEADER}\nT1;01-03-2026;;;;;;\n")

    problems = check_columns(wf, mapping)

    assert [(p.row, p.column, p.value, p.code) for p in problems] == [(1, "channel", "Via", "column_missing")]
    assert list(parse_items(wf, mapping)) == [problems]


def test_a_mapped_header_that_appears_twice_is_ambiguous() -> None:
    wf = open_text("Id;Created;Id\n1;01-03-2026;2\n")

    problems = check_columns(wf, Mapping(columns={"external_id": "Id", "created_at": "Created"}))

    assert [(p.column, p.code, p.params["columns"]) for p in problems] == [("Id", "headers_duplicate", "A, C")]


def test_headers_match_ignoring_case_and_spaces() -> None:
    wf = open_text("TICKETNUMMER ; aangemaakt\nT1;01-03-2026\n")

    row = only_row(list(parse_items(wf, Mapping(columns={"external_id": "Ticketnummer", "created_at": "Aangemaakt"}))))

    assert row.external_id == "T1"


def test_check_columns_names_required_fields_the_mapping_leaves_out() -> None:
    wf = open_text(f"{HEADER}\nT1;01-03-2026;;;;;;\n")

    problems = check_columns(wf, Mapping(columns={"external_id": "Ticketnummer"}), kind="items")

    assert [(p.column, p.code) for p in problems] == [("created_at", "column_missing")]


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_file_empty(data: bytes) -> None:
    with pytest.raises(FileError) as error:
        open_work_file(io.BytesIO(data), "export.csv")

    assert error.value.code == "file_empty"


def test_a_header_without_rows_is_file_empty() -> None:
    with pytest.raises(FileError) as error:
        open_text(f"{HEADER}\n\n;;;\n")

    assert error.value.code == "file_empty"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.4\x00\x01\x02binary", "export.csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "export.xls"),
        (b"PK\x03\x04 this is no workbook", "export.xlsx"),
        (b"Id;Created\n1;2\n", "export.xlsx"),
    ],
)
def test_garbage_is_file_unreadable(data: bytes, filename: str) -> None:
    with pytest.raises(FileError) as error:
        open_work_file(io.BytesIO(data), filename)

    assert error.value.code == "file_unreadable"


def test_a_tab_separated_export_named_xls_is_read_as_text() -> None:
    wf = open_work_file(
        io.BytesIO(HEADER.replace(";", "\t").encode() + b"\nT1\t01-03-2026\t\t\t\t\t\t\n"), "export.xls"
    )

    assert only_row(list(parse_items(wf, MAPPING))).external_id == "T1"


def test_an_unclosed_quote_that_swallows_the_file_is_file_unreadable() -> None:
    wf = open_text(f'{HEADER}\nT0;01-03-2026;;;;;;\nT1;01-03-2026;;"Bakker' + "x" * 200_000 + "\n")

    with pytest.raises(FileError) as error:
        list(parse_items(wf, MAPPING))

    assert error.value.code == "file_unreadable"


# --- XLSX ---------------------------------------------------------------------------------------------------


def test_reads_a_workbook_with_date_cells_serials_and_numbers(tmp_path: Path) -> None:
    path = xlsx_file(
        tmp_path / "export.xlsx",
        ["Id", "Created", "Resolved", "Customer", "Value", "Channel"],
        [1234, datetime(2026, 3, 1, 9, 30), 46082.75, "Bakker", 1234.5, None],  # noqa: DTZ001
        [],
        [1235.0, date(2026, 3, 2), "03-03-2026 10:00", 42, 7, "tel"],
    )
    mapping = Mapping(
        columns={
            "external_id": "Id",
            "created_at": "Created",
            "resolved_at": "Resolved",
            "customer": "Customer",
            "value": "Value",
            "channel": "Channel",
        },
        decimal=",",
    )

    wf = open_work_file(path, "export.xlsx")
    first, second = list(parse_items(wf, mapping))

    assert wf.format == "xlsx"
    assert first == ItemRow(2, "1234", datetime(2026, 3, 1, 9, 30), None, datetime(2026, 3, 1, 18, 0), "Bakker", "",  # noqa: DTZ001
                            "", Decimal("1234.5"), "")  # fmt: skip
    assert isinstance(second, ItemRow)
    assert (second.row, second.external_id, second.customer) == (4, "1235", "42")
    assert second.created_at == datetime(2026, 3, 2)  # noqa: DTZ001
    assert second.resolved_at == datetime(2026, 3, 3, 10, 0)  # noqa: DTZ001
    assert second.value == Decimal(7)
    assert wf.progress == 1.0


def test_a_workbook_reports_bad_cells_by_sheet_row(tmp_path: Path) -> None:
    path = xlsx_file(
        tmp_path / "export.xlsx",
        ["Id", "Created", "Value"],
        [None],
        [1, "31-02-2026", "veel"],
        [2, 1234.0, 5, "extra"],
    )
    mapping = Mapping(columns={"external_id": "Id", "created_at": "Created", "value": "Value"})

    results = list(parse_items(open_work_file(path, "export.xlsx"), mapping))

    assert results == [
        [Problem(3, "Created", "31-02-2026", "date_invalid"), Problem(3, "Value", "veel", "number_invalid")],
        [Problem(4, "Created", "1234", "date_invalid"), Problem(4, "D", "extra", "long_row", {"cells": "4",
                                                                                          "expected": "3"})],
    ]  # fmt: skip


def test_date_cells_in_a_workbook_ignore_the_date_format(tmp_path: Path) -> None:
    path = xlsx_file(tmp_path / "export.xlsx", ["Id", "Created"], ["A", datetime(2026, 3, 1, 9, 30)])  # noqa: DTZ001
    mapping = Mapping(columns={"external_id": "Id", "created_at": "Created"}, date_format="%d/%m/%Y")

    row = only_row(list(parse_items(open_work_file(path, "export.xlsx"), mapping)))

    assert row.created_at == datetime(2026, 3, 1, 9, 30)  # noqa: DTZ001


def test_rows_gives_workbook_cells_as_text(tmp_path: Path) -> None:
    path = xlsx_file(tmp_path / "export.xlsx", ["Id", "Created", "Value"], [1234.0, datetime(2026, 3, 1, 9, 30), 2.5])  # noqa: DTZ001

    assert list(open_work_file(path, "export.xlsx").rows()) == [(2, ["1234", "2026-03-01 09:30:00", "2.5"])]


# --- streaming ----------------------------------------------------------------------------------------------


def test_reads_a_path_and_an_open_file_alike_and_can_read_twice(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(f"{HEADER}\nT1;01-03-2026;;;;;;\n", encoding="utf-8")

    from_path = open_work_file(path, "export.csv")
    with path.open("rb") as upload:
        from_file = open_work_file(upload, "export.csv")
        assert list(from_file.rows()) == list(from_file.rows()) == list(from_path.rows())
        assert not upload.closed


def test_progress_follows_the_bytes_read() -> None:
    text = HEADER + "\n" + "".join(f"T{i};01-03-2026;;;;;;\n" for i in range(20_000))
    wf = open_text(text)
    results = parse_items(wf, MAPPING)

    next(results)
    halfway = wf.progress
    rest = list(results)

    assert len(rest) == 19_999
    assert 0 < halfway < 1
    assert wf.bytes_read == wf.bytes_total == len(text)


# --- targets ------------------------------------------------------------------------------------------------


def test_parses_targets_and_checks_the_period() -> None:
    text = (
        "Medewerker;Van;Tot en met;Target\n"
        "Anna de Vries;01-01-2026;31-03-2026;€ 150.000\n"
        "Bram;2026-04-01;2026-03-31;10\n"
        "Chantal;01-01-2026;31-03-2026;\n"
    )

    results = list(parse_targets(open_text(text), TARGETS))

    assert results[0] == TargetRow(2, "Anna de Vries", date(2026, 1, 1), date(2026, 3, 31), Decimal(150000))
    assert results[1] == [
        Problem(3, "Tot en met", "2026-03-31", "period_order", {"before_column": "Van", "before": "2026-04-01"})
    ]
    assert results[2] == [Problem(4, "Target", "", "required")]


# --- the mapping --------------------------------------------------------------------------------------------


def test_a_mapping_reads_from_and_writes_to_json() -> None:
    data = {"external_id": "Id", "created_at": "Created at", "channel": "", "date_format": "%d-%m-%Y", "decimal": "."}

    mapping = Mapping.from_json(data, kind="items")

    assert mapping == Mapping(columns={"external_id": "Id", "created_at": "Created at"}, date_format="%d-%m-%Y",
                              decimal=".")  # fmt: skip
    assert Mapping.from_json(mapping.to_json(), kind="items") == mapping


@pytest.mark.parametrize(
    ("data", "key", "code"),
    [
        (["Id"], "", "not_object"),
        ({"external_id": "Id", "created_at": "C", "colour": "Kleur"}, "colour", "key_unknown"),
        ({"external_id": 7, "created_at": "C"}, "external_id", "not_text"),
        ({"external_id": "Id"}, "created_at", "required"),
        ({"external_id": "Id", "created_at": " "}, "created_at", "required"),
        ({"external_id": "Id", "created_at": "C", "decimal": ";"}, "decimal", "decimal_invalid"),
        ({"external_id": "Id", "created_at": "C", "date_format": "dd-mm-yyyy"}, "date_format", "date_format_invalid"),
        ({"external_id": "Id", "created_at": "C", "date_format": "%d-%m"}, "date_format", "date_format_invalid"),
        ({"external_id": "Id", "created_at": "C", "date_format": 5}, "date_format", "date_format_invalid"),
        ({"external_id": "Id", "created_at": "C", "person": "P"}, "person", "key_unknown"),
    ],
)
def test_a_wrong_mapping_names_the_key_that_is_wrong(data: object, key: str, code: str) -> None:
    with pytest.raises(MappingError) as error:
        Mapping.from_json(data, kind="items")

    assert (error.value.key, error.value.code) == (key, code)


def test_a_target_mapping_needs_every_field() -> None:
    with pytest.raises(MappingError) as error:
        Mapping.from_json({"person": "Naam", "period_start": "Van", "period_end": "Tot"}, kind="targets")

    assert error.value.key == "target"


# --- presets and guesses ------------------------------------------------------------------------------------

ZENDESK_HEADERS = [
    "Summation column", "Id", "Requester", "Requester id", "Requester external id", "Requester email",
    "Requester domain", "Submitter", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via",
    "Ticket type", "Created at", "Updated at", "Assigned at", "Organization", "Due date", "Initially assigned at",
    "Solved at", "Resolution time", "Satisfaction Score", "Group stations", "Assignee stations", "Reopens",
    "Replies", "First reply time in minutes", "First reply time in minutes within business hours",
    "First resolution time in minutes", "Full resolution time in minutes", "Agent wait time in minutes",
]  # fmt: skip
FRESHDESK_HEADERS = [
    "Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group", "Created time", "Due by Time",
    "Resolved time", "Closed time", "Last update time", "Initial response time", "Time tracked",
    "First response time (in hrs)", "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
    "Tags", "Company Name", "Full name", "Email",
]  # fmt: skip


def test_recognises_a_zendesk_export() -> None:
    mapping = suggest_mapping(ZENDESK_HEADERS, kind="items")

    assert mapping == PRESETS["zendesk"]
    assert mapping.columns == {
        "external_id": "Id",
        "created_at": "Created at",
        "resolved_at": "Solved at",
        "customer": "Organization",
        "handler": "Assignee",
        "channel": "Via",
    }


def test_recognises_a_freshdesk_export_and_guesses_an_owner_column_it_adds() -> None:
    mapping = suggest_mapping([*FRESHDESK_HEADERS, "Accountmanager"], kind="items")

    assert mapping is not None
    assert mapping.columns == {**PRESETS["freshdesk"].columns, "owner": "Accountmanager"}
    assert mapping.decimal == "."


def test_recognises_a_topdesk_export_with_the_columns_it_has() -> None:
    headers = ["Meldingnummer", "Datum aangemeld", "Datum afgemeld", "Aanmelder", "Operator", "Korte omschrijving"]

    mapping = suggest_mapping(headers, kind="items")

    assert mapping == Mapping(
        columns={
            "external_id": "Meldingnummer",
            "created_at": "Datum aangemeld",
            "resolved_at": "Datum afgemeld",
            "customer": "Aanmelder",
            "handler": "Operator",
        }
    )


def test_guesses_a_dutch_layout_by_header_names() -> None:
    headers = ["Ticketnummer", "Aangemaakt op", "Klant", "Behandelaar", "Eigenaar", "Omzet", "Kanaal", "Opmerking"]

    mapping = suggest_mapping(headers, kind="items")

    assert mapping == Mapping(
        columns={
            "external_id": "Ticketnummer",
            "created_at": "Aangemaakt op",
            "customer": "Klant",
            "owner": "Eigenaar",
            "handler": "Behandelaar",
            "value": "Omzet",
            "channel": "Kanaal",
        }
    )


def test_guesses_a_target_layout_and_gives_up_on_unknown_headers() -> None:
    assert suggest_mapping(["Medewerker", "Van", "Tot en met", "Target"], kind="targets") == TARGETS
    assert suggest_mapping(["A", "B", "C"], kind="items") is None


def test_every_preset_is_a_valid_mapping() -> None:
    for preset in PRESETS.values():
        assert Mapping.from_json(preset.to_json(), kind="items") == preset


# --- properties ---------------------------------------------------------------------------------------------

ANY_MAPPING = Mapping(columns={"external_id": "id", "created_at": "created", "value": "value"})


@settings(deadline=None, max_examples=200)
@given(data=st.binary(max_size=2000), xlsx=st.booleans())
def test_random_bytes_never_raise_anything_but_a_file_error(data: bytes, xlsx: bool) -> None:
    data = b"PK\x03\x04" + data if xlsx else data
    try:
        wf = open_work_file(io.BytesIO(data), "export.xlsx" if xlsx else "export.csv")
        results = list(parse_items(wf, ANY_MAPPING))
    except FileError:
        return
    assert all(isinstance(result, ItemRow | list) for result in results)


@settings(deadline=None, max_examples=200)
@given(
    body=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500), delimiter=st.sampled_from(",;\t")
)
def test_random_csv_text_never_raises_anything_but_a_file_error(body: str, delimiter: str) -> None:
    text = delimiter.join(["id", "created", "value"]) + "\n" + body
    try:
        wf = open_work_file(io.BytesIO(text.encode()), "export.csv")
        results = list(parse_items(wf, ANY_MAPPING))
    except FileError:
        return
    for result in results:
        assert isinstance(result, ItemRow) or all(isinstance(problem, Problem) for problem in result)


DATE_FORMATS = ["%d-%m-%Y", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"]
BAD_DATES = ["31-02-2026", "29-02-2025", "2026-13-01", "00-01-2026", "01-01-1850", "12345", "morgen", "1-1-26"]
BAD_AMOUNTS = ["veel", "12,3,4", "1.2.3", "--5", "€"]
# Letters that Windows-1252 writes as bytes no UTF-8 text can contain, so the detection cannot mistake them.
CP1252_SAFE_TEXT = st.text(alphabet=st.sampled_from("abcXYZ 0189&,;\"'\n\téëïöüèàçñÉ"), max_size=12)
UTF8_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@dataclass
class GeneratedRow:
    cells: dict[str, str]
    bad: set[str]  # the headers of the cells that must be reported
    expected: tuple[object, ...] | None  # (external_id, created_at, resolved_at, customer, value) when good


@st.composite
def generated_table(draw: st.DrawFn) -> tuple[str, str, list[GeneratedRow]]:
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    delimiter = draw(st.sampled_from(",;\t"))
    text_strategy = CP1252_SAFE_TEXT if encoding == "cp1252" else UTF8_TEXT
    rows: list[GeneratedRow] = []
    for number in range(draw(st.integers(1, 12))):
        bad: set[str] = set()
        external_id = f"W-{number}"
        if rows and draw(st.integers(0, 9)) == 0:
            external_id = rows[0].cells["Nummer"]
            bad.add("Nummer")
        moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 30)))  # noqa: DTZ001
        date_format = draw(st.sampled_from(DATE_FORMATS))
        created_text = moment.strftime(date_format)
        if draw(st.integers(0, 5)) == 0:
            created_text = draw(st.sampled_from(BAD_DATES))
            bad.add("Gemaakt")
        resolved_text = ""
        if draw(st.booleans()):
            resolved = moment + timedelta(minutes=draw(st.integers(0, 100_000)))
            resolved_text = resolved.strftime(date_format) if resolved.year <= 2100 else ""
        amount = Decimal(draw(st.integers(-(10**9), 10**9))) / 100
        amount_text = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        if draw(st.integers(0, 5)) == 0:
            amount_text = draw(st.sampled_from(BAD_AMOUNTS))
            bad.add("Bedrag")
        customer = draw(text_strategy)
        cells = {"Nummer": external_id, "Gemaakt": created_text, "Opgelost": resolved_text, "Klant": customer,
                 "Bedrag": amount_text}  # fmt: skip
        expected = None
        if not bad:
            created_at = datetime.strptime(created_text, date_format)  # noqa: DTZ007
            resolved_at = datetime.strptime(resolved_text, date_format) if resolved_text else None  # noqa: DTZ007
            expected = (external_id, created_at, resolved_at, customer.strip(), amount)
        rows.append(GeneratedRow(cells, bad, expected))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Nummer", "Gemaakt", "Opgelost", "Klant", "Bedrag"])
    for row in rows:
        writer.writerow(row.cells.values())
    return buffer.getvalue(), encoding, rows


GENERATED_MAPPING = Mapping(
    columns={
        "external_id": "Nummer",
        "created_at": "Gemaakt",
        "resolved_at": "Opgelost",
        "customer": "Klant",
        "value": "Bedrag",
    }
)


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(table=generated_table())
def test_every_row_gives_one_result_and_every_bad_cell_is_named(table: tuple[str, str, list[GeneratedRow]]) -> None:
    text, encoding, rows = table

    results = list(parse_items(open_work_file(io.BytesIO(text.encode(encoding)), "export.csv"), GENERATED_MAPPING))

    assert len(results) == len(rows)
    for number, (row, result) in enumerate(zip(rows, results, strict=True), start=2):
        if row.bad:
            assert isinstance(result, list)
            assert {problem.row for problem in result} == {number}
            assert row.bad <= {problem.column for problem in result}
        else:
            assert isinstance(result, ItemRow), result
            assert result.row == number
            got = (result.external_id, result.created_at, result.resolved_at, result.customer, result.value)
            assert got == row.expected
