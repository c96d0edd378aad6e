"""Read a table (CSV or XLSX) from an uploaded file into headers and rows of strings.

Exports from Dutch HR and payroll systems arrive in every shape: comma, semicolon or tab separated,
UTF-8 with or without a byte order mark, Windows-1252 from older packages, or an Excel workbook. This
module turns all of them into the same plain data, keeping the row numbers a person sees when they open
the file, so a problem can be pointed at ("row 7, column E-mailadres"). Pure Python: no Django.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Generator, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import PurePath
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_FILE_BYTES = 20 * 1024 * 1024
# Far above any small or medium-sized company; it bounds the memory a crafted workbook can take.
MAX_ROWS = 50_000

CSV_DELIMITERS = ",;\t"
XLSX_MAGIC = b"PK\x03\x04"
# Old binary Excel (.xls) is an OLE compound file; openpyxl cannot read it.
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Read enough of a CSV to sniff its delimiter without scanning a large file twice.
SNIFF_SAMPLE_CHARS = 64 * 1024


class TableError(ValueError):
    """The file cannot be read as a table. The message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    # (row number as seen in the file, header -> value); the header row is row 1.
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_table(data: bytes, filename: str) -> Table:
    """Read a CSV or XLSX file; raise TableError with a clear message when that is not possible."""
    if len(data) > MAX_FILE_BYTES:
        raise TableError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB."
        )
    if not data.strip():
        raise TableError("The file is empty.")
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(XLSX_MAGIC) or suffix == ".xlsx":
        records = _xlsx_records(data)
    elif data.startswith(XLS_MAGIC) or suffix == ".xls":
        raise TableError("Old Excel files (.xls) cannot be read. Save the file as .xlsx or as CSV.")
    else:
        records = _csv_records(_decode(data))
    # Closing the reader at once releases the workbook even when reading stops early with an error.
    with closing(records):
        return _table_from_records(records)


def _decode(data: bytes) -> str:
    if data.startswith(UTF16_BOMS):
        # Excel's "Unicode text" export: UTF-16 with a byte order mark, tab separated.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TableError("The file says it is UTF-16 text but cannot be read as such.") from None
    # utf-8-sig reads UTF-8 with and without a byte order mark and drops the mark from the first header.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise TableError(
            "The file's text encoding is not recognised. Save it as CSV in UTF-8 or as an Excel workbook."
        ) from None


def _csv_records(text: str) -> Generator[tuple[int, list[str]]]:
    if "\x00" in text:
        raise TableError("The file holds binary data, not text. Upload a CSV or XLSX file.")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # A record with a quoted line break is still one row in a spreadsheet, so count records, not lines.
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise TableError(f"The file is not valid CSV near line {reader.line_num}: {error}.") from None


def _sniff_delimiter(text: str) -> str:
    sample = text[:SNIFF_SAMPLE_CHARS]
    if len(text) > SNIFF_SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    header_line = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {delimiter: header_line.count(delimiter) for delimiter in CSV_DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    # The sniffer looks at the whole sample and can be misled by a delimiter inside values; headers rarely
    # hold one, so trust the header line when it disagrees.
    if sniffed in counts and (counts[sniffed] > 0 or not any(counts.values())):
        return sniffed
    best = max(CSV_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > 0 else ","


def _xlsx_records(data: bytes) -> Generator[tuple[int, list[str]]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise TableError("The file is not a valid Excel workbook (.xlsx).") from None
    except Exception as error:  # openpyxl raises many kinds of error for a damaged workbook.
        raise TableError(f"The Excel workbook cannot be read: {error}.") from None
    try:
        # The sheet that was open when the file was saved: what the person sees on opening it.
        sheets = [workbook.active, *workbook.worksheets]
        sheet = next((ws for ws in sheets if isinstance(ws, ReadOnlyWorksheet)), None)
        if sheet is None:
            raise TableError("The Excel workbook has no worksheet.")
        # Some programs write a wrong size into the sheet; ignoring it makes openpyxl read every cell.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(min_row=1, values_only=True)
        for row_number, values in enumerate(rows, start=1):
            yield row_number, [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        # Excel stores every number as a float: personnel number 1001 must not become "1001.0".
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _table_from_records(records: Iterable[tuple[int, Sequence[str]]]) -> Table:
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for row_number, raw_values in records:
        values = [value.strip() for value in raw_values]
        if not any(values):
            continue
        if headers is None:
            headers = values
            continue
        if len(rows) >= MAX_ROWS:
            raise TableError(f"The file has more than {MAX_ROWS} rows; split it into smaller files.")
        rows.append((row_number, values))
    if headers is None:
        raise TableError("The file has no header row.")
    headers = _checked_headers(headers, rows)
    return Table(
        headers=[header for header in headers if header],
        rows=[
            (
                row_number,
                {header: value for header, value in zip_longest(headers, values, fillvalue="") if header},
            )
            for row_number, values in rows
        ],
    )


def _checked_headers(headers: list[str], rows: list[tuple[int, list[str]]]) -> list[str]:
    """The headers, widened to the widest row; an unnamed column is allowed only when it is empty."""
    width = max([len(headers), *(len(values) for _, values in rows)])
    headers = headers + [""] * (width - len(headers))
    seen: dict[str, int] = {}
    for column, header in enumerate(headers, start=1):
        if header:
            folded = header.casefold()
            if folded in seen:
                raise TableError(
                    f"The header {header!r} appears twice (columns {seen[folded]} and {column}). "
                    "Give every column its own name."
                )
            seen[folded] = column
            continue
        for row_number, values in rows:
            if column <= len(values) and values[column - 1]:
                raise TableError(
                    f"Column {column} has no header, but row {row_number} has a value in it "
                    f"({values[column - 1]!r}). Give every column a name in the first row."
                )
    return headers
