from __future__ import annotations

import datetime
import io

import pytest
from openpyxl import Workbook

from naober.lib import tabular
from naober.lib.tabular import TableError, read_table


def xlsx_bytes(*rows: list[object]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_reads_comma_separated_utf8() -> None:
    data = "name,email\nJüri Hölscher,juri@example.nl\nRenée,renee@example.nl\n".encode()

    table = read_table(data, "people.csv")

    assert table.headers == ["name", "email"]
    assert table.rows == [
        (2, {"name": "Jüri Hölscher", "email": "juri@example.nl"}),
        (3, {"name": "Renée", "email": "renee@example.nl"}),
    ]


def test_reads_semicolon_separated() -> None:
    table = read_table(b"Naam;Afdeling\nAnna;Klantenservice\n", "export.csv")

    assert table.headers == ["Naam", "Afdeling"]
    assert table.rows == [(2, {"Naam": "Anna", "Afdeling": "Klantenservice"})]


def test_reads_tab_separated() -> None:
    table = read_table(b"Naam\tTeam\nAnna\tKlantenservice\n", "export.txt")

    assert table.rows == [(2, {"Naam": "Anna", "Team": "Klantenservice"})]


def test_semicolon_file_with_commas_in_values_is_still_read_by_semicolon() -> None:
    data = b"Naam;Functie\nde Vries, Anna;Teamleider, klantenservice\nBram;Adviseur, zakelijk\n"

    table = read_table(data, "export.csv")

    assert table.rows[0] == (2, {"Naam": "de Vries, Anna", "Functie": "Teamleider, klantenservice"})


def test_reads_names_from_a_windows_1252_file() -> None:
    data = "Naam;Team\nJüri Hölscher;Zuid\nRenée Bakker;Noord\n".encode("cp1252")

    table = read_table(data, "export.csv")

    assert [values["Naam"] for _, values in table.rows] == ["Jüri Hölscher", "Renée Bakker"]


def test_header_does_not_carry_the_utf8_byte_order_mark() -> None:
    data = "\ufeffNaam,E-mail\nRenée,renee@example.nl\n".encode()

    table = read_table(data, "export.csv")

    assert table.headers == ["Naam", "E-mail"]
    assert table.rows == [(2, {"Naam": "Renée", "E-mail": "renee@example.nl"})]


def test_reads_excel_unicode_text_in_utf16() -> None:
    data = "Naam\tTeam\nJüri\tZuid\n".encode("utf-16")

    table = read_table(data, "export.txt")

    assert table.rows == [(2, {"Naam": "Jüri", "Team": "Zuid"})]


def test_reads_xlsx_with_whole_numbers_without_decimals_and_dates_as_iso() -> None:
    data = xlsx_bytes(
        ["Personeelsnummer", "Naam", "In dienst", "FTE"],
        [1001, "Anna", datetime.datetime(2021, 3, 1), 0.8],  # noqa: DTZ001 - Excel dates have no zone
        [1002.0, "Bram", datetime.date(2019, 9, 16), 1],
    )

    table = read_table(data, "people.xlsx")

    assert table.headers == ["Personeelsnummer", "Naam", "In dienst", "FTE"]
    assert table.rows == [
        (2, {"Personeelsnummer": "1001", "Naam": "Anna", "In dienst": "2021-03-01", "FTE": "0.8"}),
        (3, {"Personeelsnummer": "1002", "Naam": "Bram", "In dienst": "2019-09-16", "FTE": "1"}),
    ]


def test_recognises_xlsx_by_its_content_whatever_the_file_is_called() -> None:
    data = xlsx_bytes(["Naam"], ["Anna"])

    assert read_table(data, "upload").rows == [(2, {"Naam": "Anna"})]


def test_xlsx_row_numbers_match_the_sheet_when_rows_are_empty() -> None:
    data = xlsx_bytes(["Naam"], ["Anna"], [], ["Bram"])

    assert read_table(data, "people.xlsx").rows == [(2, {"Naam": "Anna"}), (4, {"Naam": "Bram"})]


def test_csv_row_numbers_count_records_and_skip_empty_rows() -> None:
    data = b'Naam,Opmerking\nAnna,"two\nlines"\n\n,\nBram,\n'

    table = read_table(data, "export.csv")

    assert table.rows == [
        (2, {"Naam": "Anna", "Opmerking": "two\nlines"}),
        (5, {"Naam": "Bram", "Opmerking": ""}),
    ]


def test_strips_whitespace_from_headers_and_values() -> None:
    table = read_table(b" Naam ; Team \n  Anna ;Zuid  \n", "export.csv")

    assert table.rows == [(2, {"Naam": "Anna", "Team": "Zuid"})]


def test_short_rows_are_filled_with_empty_values() -> None:
    table = read_table(b"Naam;Team;Rol\nAnna\n", "export.csv")

    assert table.rows == [(2, {"Naam": "Anna", "Team": "", "Rol": ""})]


def test_an_unnamed_column_without_values_is_ignored() -> None:
    table = read_table(b"Naam;Team;\nAnna;Zuid;\n", "export.csv")

    assert table.headers == ["Naam", "Team"]
    assert table.rows == [(2, {"Naam": "Anna", "Team": "Zuid"})]


def test_an_unnamed_column_with_values_is_an_error() -> None:
    with pytest.raises(TableError, match="Column 2 has no header, but row 3 has a value"):
        read_table(b"Naam;;Team\nAnna;;Zuid\nBram;x;Noord\n", "export.csv")


def test_a_row_wider_than_the_header_is_an_error() -> None:
    with pytest.raises(TableError, match="Column 3 has no header"):
        read_table(b"Naam,Team\nde Vries, Anna,Zuid\n", "export.csv")


def test_a_header_that_appears_twice_is_an_error() -> None:
    with pytest.raises(TableError, match="'Naam' appears twice"):
        read_table(b"Naam;Team;Naam\nAnna;Zuid;Anna\n", "export.csv")


def test_a_file_without_a_header_row_is_an_error() -> None:
    with pytest.raises(TableError, match="no header row"):
        read_table(b"\n;;\n\n", "export.csv")


def test_an_empty_file_is_an_error() -> None:
    with pytest.raises(TableError, match="empty"):
        read_table(b"", "export.csv")


def test_a_file_over_the_size_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 10)

    with pytest.raises(TableError, match="the limit is"):
        read_table(b"Naam\nAnna\nBram\n", "export.csv")


def test_a_damaged_xlsx_is_an_error() -> None:
    with pytest.raises(TableError, match="not a valid Excel workbook"):
        read_table(b"PK\x03\x04 not really a zip file", "people.xlsx")


def test_an_old_xls_file_is_refused_with_advice() -> None:
    with pytest.raises(TableError, match=r"Save the file as \.xlsx or as CSV"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest of an OLE file", "people.xls")


def test_binary_data_is_an_error() -> None:
    with pytest.raises(TableError, match="binary data"):
        read_table(b"Naam\x00\x01\x02\nAnna", "people.csv")


def test_more_rows_than_the_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 2)

    with pytest.raises(TableError, match="more than 2 rows"):
        read_table(xlsx_bytes(["Naam"], ["Anna"], ["Bram"], ["Chantal"]), "people.xlsx")
