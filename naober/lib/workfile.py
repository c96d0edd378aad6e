"""Read work items and person targets from helpdesk and ERP exports, as a stream of checked rows.

Exports arrive as real systems write them: CSV with commas, semicolons or tabs, in UTF-8 (with or without a
byte order mark), UTF-16 or Windows-1252, or as an Excel workbook; dates in Dutch (31-12-2026 09:30), ISO or
as Excel serial numbers; amounts as "1.234,50". A column mapping says which column holds which of our fields.

The file is never held in memory as a whole: rows are decoded and checked one at a time, so a file of a million
rows reads in bounded memory. Each data row gives exactly one result: the parsed row, or the list of every
problem in it (row, column, value, reason code), so a dry run can show them all at once. Messages are not
written here: this module imports no Django, so a problem carries a code and parameters that the work app
translates (naober.work.services.REASONS). Pure Python on top of the C csv module; see docs/work-import.md.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import PurePath
from typing import IO, Any, Final, Literal, NamedTuple

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from naober.lib.numbers import parse_decimal

Kind = Literal["items", "targets"]

ITEM_FIELDS: Final = (
    "external_id",
    "created_at",
    "first_response_at",
    "resolved_at",
    "customer",
    "owner",
    "handler",
    "value",
    "channel",
)
ITEM_REQUIRED: Final = ("external_id", "created_at")
TARGET_FIELDS: Final = ("person", "period_start", "period_end", "target")
TARGET_REQUIRED: Final = TARGET_FIELDS
DATE_FIELDS: Final = frozenset({"created_at", "first_response_at", "resolved_at", "period_start", "period_end"})
AMOUNT_FIELDS: Final = frozenset({"value", "target"})
FIELDS: Final[dict[Kind, tuple[str, ...]]] = {"items": ITEM_FIELDS, "targets": TARGET_FIELDS}
REQUIRED: Final[dict[Kind, tuple[str, ...]]] = {"items": ITEM_REQUIRED, "targets": TARGET_REQUIRED}

# Every code a Problem can carry; the work app has a sentence for each (Dutch and English in the catalogue).
PROBLEM_CODES: Final = (
    "column_missing",
    "headers_duplicate",
    "required",
    "date_invalid",
    "date_order",
    "number_invalid",
    "duplicate_id",
    "too_long",
    "short_row",
    "long_row",
    "period_order",
    "file_empty",
    "file_unreadable",
)

# Dates outside these years are typos (2062 for 2026, 0226 for 2026), not work from another era.
FIRST_YEAR = 1990
LAST_YEAR = 2100
# A plain number in a date column of a CSV file is an Excel serial only in this range (1954 to 2119): smaller
# numbers are more likely ids or amounts that ended up in the wrong column.
SERIAL_RANGE = (20_000, 80_000)
EXCEL_EPOCH = datetime(1899, 12, 30)  # noqa: DTZ001 - Excel serials count days in wall-clock time
# WorkItem.value and PersonTarget.target hold 14 digits with 2 decimals; a larger amount is a typo.
AMOUNT_LIMIT = Decimal(10) ** 12
# WorkItem.external_id holds 100 characters; cutting an id could merge two items, so a longer id is a problem.
EXTERNAL_ID_MAX = 100
VALUE_SHOWN_MAX = 80

CSV_DELIMITERS = ",;\t"
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary Excel (an OLE compound file), which openpyxl cannot read
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SCAN_CHUNK_BYTES = 1 << 20
SNIFF_BYTES = 1 << 16


# --- errors and results -------------------------------------------------------------------------------------


class FileError(ValueError):
    """The file as a whole cannot be read. `code` is "file_empty" or "file_unreadable"."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class MappingError(ValueError):
    """A column mapping is not valid; `key` names the entry that is wrong ("" for the mapping as a whole)."""

    def __init__(self, key: str, code: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.code = code


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row: a spreadsheet row number (the header is row 1), the file's column header
    (our field name when the column is missing), the cell text cut to 80 characters, and a reason code."""

    row: int
    column: str
    value: str
    code: str
    params: dict[str, str] = field(default_factory=dict)


class ItemRow(NamedTuple):
    """One work item as the file gives it. A named tuple rather than a dataclass: a million of them are made
    per import, and a frozen dataclass takes ten times as long to build."""

    row: int
    external_id: str
    created_at: datetime  # naive in the file's wall-clock time, or aware when the file gave a UTC offset
    first_response_at: datetime | None
    resolved_at: datetime | None
    customer: str
    owner: str
    handler: str
    value: Decimal | None
    channel: str


class TargetRow(NamedTuple):
    row: int
    person: str
    period_start: date
    period_end: date
    target: Decimal


# --- the mapping --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapping:
    """Which column of the file holds which of our fields, and how its dates and amounts are written."""

    columns: dict[str, str]  # our field -> the file's header
    date_format: str | None = None  # strptime style, e.g. "%d/%m/%Y %H:%M"; None reads Dutch, ISO and serials
    decimal: str = ","  # "," for 1.234,50 (Dutch) or "." for 1,234.50

    @classmethod
    def from_json(cls, data: object, *, kind: Kind) -> Mapping:
        """A mapping from its JSON form: {"external_id": "Id", ..., "date_format": "...", "decimal": ","}.

        Raises MappingError naming the first key that is wrong. An empty or null header leaves an optional
        field unmapped."""
        if not isinstance(data, dict):
            raise MappingError("", "not_object", "The mapping must be a JSON object.")
        fields = FIELDS[kind]
        columns: dict[str, str] = {}
        date_format: str | None = None
        decimal = ","
        for key, value in data.items():
            if key == "date_format":
                date_format = _checked_date_format(value)
            elif key == "decimal":
                if value not in (",", "."):
                    raise MappingError(key, "decimal_invalid", 'decimal must be "," or ".".')
                decimal = str(value)
            elif key not in fields:
                known = ", ".join((*fields, "date_format", "decimal"))
                raise MappingError(str(key), "key_unknown", f"Unknown key {key!r}; use one of: {known}.")
            elif value is None:
                continue
            elif not isinstance(value, str):
                raise MappingError(key, "not_text", f"{key} must be the column header as text.")
            elif value.strip():
                columns[key] = value.strip()
        for required in REQUIRED[kind]:
            if required not in columns:
                raise MappingError(required, "required", f"{required} is required: name the column that holds it.")
        return cls(
            columns={name: columns[name] for name in fields if name in columns},
            date_format=date_format,
            decimal=decimal,
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = dict(self.columns)
        if self.date_format is not None:
            data["date_format"] = self.date_format
        data["decimal"] = self.decimal
        return data


def _checked_date_format(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or "%" not in value:
        raise MappingError("date_format", "date_format_invalid", 'date_format is a strptime pattern like "%d-%m-%Y".')
    # A format is usable when a known moment written in it reads back as the same day.
    sample = datetime(2026, 3, 17, 13, 45, 56, tzinfo=UTC)
    try:
        read_back = datetime.strptime(sample.strftime(value), value)  # noqa: DTZ007 - only the day is compared
    except ValueError:
        read_back = None
    if read_back is None or read_back.date() != sample.date():
        raise MappingError(
            "date_format",
            "date_format_invalid",
            f"date_format {value!r} does not describe a whole date (day, month and year).",
        )
    return value


# --- presets and guesses ------------------------------------------------------------------------------------

# Ticket exports of common helpdesks. Each field lists the headers the product uses, the most usual first; a
# preset is a starting point that the user checks once (docs/work-import.md says where the owner comes from).
_PRESET_HEADERS: dict[str, tuple[dict[str, tuple[str, ...]], str]] = {
    "zendesk": (
        {
            "external_id": ("Id", "Ticket ID"),
            "created_at": ("Created at",),
            "resolved_at": ("Solved at",),
            "customer": ("Organization", "Requester"),
            "handler": ("Assignee",),
            "channel": ("Via",),
        },
        ".",
    ),
    "freshdesk": (
        {
            "external_id": ("Ticket ID", "Ticket Id"),
            "created_at": ("Created time",),
            "first_response_at": ("Initial response time", "First responded time", "First response time"),
            "resolved_at": ("Resolved time", "Closed time"),
            "customer": ("Company Name", "Company", "Contact", "Full name"),
            "handler": ("Agent",),
            "channel": ("Source",),
        },
        ".",
    ),
    "topdesk": (
        {
            "external_id": ("Meldingnummer", "Incidentnummer"),
            "created_at": ("Datum aangemeld", "Aanmelddatum", "Datum aanmelding"),
            "first_response_at": ("Datum reactie", "Reactiedatum"),
            "resolved_at": ("Datum afgemeld", "Afmelddatum", "Datum gereed"),
            "customer": ("Aanmelder", "Vestiging"),
            "handler": ("Operator", "Behandelaar"),
            "channel": ("Soort binnenkomst", "Binnenkomst"),
        },
        ",",
    ),
}

PRESETS: Final[dict[str, Mapping]] = {
    name: Mapping(columns={key: headers[0] for key, headers in fields.items()}, decimal=decimal)
    for name, (fields, decimal) in _PRESET_HEADERS.items()
}

# Header names by field, compared after dropping case, spaces and punctuation; earlier names win.
# fmt: off
HEADER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "external_id": (
        "externalid", "id", "ticketid", "ticketnummer", "ticketnr", "ticketnumber", "meldingnummer",
        "incidentnummer", "zaaknummer", "vraagnummer", "casenumber", "caseid", "ordernummer", "ordernr",
        "referentie", "reference", "kenmerk", "nummer", "number", "nr",
    ),
    "created_at": (
        "createdat", "created", "createdtime", "createddate", "creationdate", "aangemaakt", "aangemaaktop",
        "datumaangemaakt", "aanmaakdatum", "datumaangemeld", "aanmelddatum", "datumaanmelding", "ontvangen",
        "ontvangenop", "datumontvangst", "binnengekomen", "openedat", "opened", "datum", "date",
    ),
    "first_response_at": (
        "firstresponseat", "firstresponse", "firstrespondedtime", "firstrespondedat", "initialresponsetime",
        "firstreplyat", "eersteantwoord", "eerstereactie", "eerstereactieop", "datumeerstereactie",
        "datumreactie", "reactiedatum", "beantwoordop",
    ),
    "resolved_at": (
        "resolvedat", "resolved", "resolvedtime", "solvedat", "solved", "closedat", "closed", "closedtime",
        "afgehandeld", "afgehandeldop", "datumafgehandeld", "opgelost", "opgelostop", "datumafgemeld",
        "afmelddatum", "datumgereed", "gereed", "gesloten", "geslotenop", "afgerond", "afgerondop",
    ),
    "customer": (
        "customer", "klant", "klantnaam", "organization", "organisation", "organisatie", "company",
        "companyname", "bedrijf", "bedrijfsnaam", "relatie", "relatienaam", "debiteur", "debiteurnaam",
        "account", "requester", "aanvrager", "aanmelder", "contact",
    ),
    "owner": (
        "owner", "eigenaar", "accountmanager", "accountowner", "accounteigenaar", "klantbeheerder",
        "relatiebeheerder", "klantverantwoordelijke", "portefeuillehouder", "portfolioowner", "verantwoordelijke",
    ),
    "handler": (
        "handler", "behandelaar", "handledby", "behandelddoor", "afgehandelddoor", "assignee", "agent",
        "operator", "assignedto", "toegewezenaan", "uitvoerder", "medewerker",
    ),
    "value": (
        "value", "bedrag", "omzet", "waarde", "amount", "revenue", "orderwaarde", "orderbedrag",
        "factuurbedrag", "omzetexbtw", "bedragexbtw", "totaal", "total",
    ),
    "channel": (
        "channel", "kanaal", "via", "source", "bron", "soortbinnenkomst", "binnenkomst", "medium", "category",
        "categorie", "tickettype", "type", "soort",
    ),
    "person": (
        "person", "persoon", "medewerker", "employee", "naam", "name", "email", "emailadres", "personeelsnummer",
        "personnelnumber",
    ),
    "period_start": (
        "periodstart", "periodestart", "startperiode", "begin", "begindatum", "start", "startdatum", "startdate",
        "van", "vanaf", "from",
    ),
    "period_end": (
        "periodend", "periodeeinde", "eindeperiode", "eind", "einddatum", "end", "enddate", "tot", "totenmet",
        "tm", "to", "until",
    ),
    "target": ("target", "doel", "doelstelling", "norm", "omzetdoel", "targetomzet", "omzettarget", "budget"),
}
# fmt: on


def _header_key(header: str) -> str:
    return "".join(character for character in header.casefold() if character.isalnum())


def suggest_mapping(headers: Sequence[str], *, kind: Kind) -> Mapping | None:
    """A mapping for a file with these headers: the best fitting preset, else a guess from header names.

    Fields the preset leaves out are guessed from the remaining headers. None when the required fields cannot
    be found; the user then sets the mapping by hand."""
    present = {header.strip() for header in headers if header.strip()}
    by_key: dict[str, str] = {}
    for header in headers:
        by_key.setdefault(_header_key(header), header.strip())
    columns: dict[str, str] = {}
    decimal = ","
    if kind == "items":
        best = max(_PRESET_HEADERS, key=lambda name: _preset_fit(name, present))
        fields, preset_decimal = _PRESET_HEADERS[best]
        if all(any(header in present for header in fields[name]) for name in ITEM_REQUIRED):
            decimal = preset_decimal
            for name, candidates in fields.items():
                found = next((header for header in candidates if header in present), None)
                if found is not None:
                    columns[name] = found
    used = set(columns.values())
    for name in FIELDS[kind]:
        if name in columns:
            continue
        for alias in HEADER_ALIASES[name]:
            candidate = by_key.get(alias)
            if candidate and candidate not in used:
                columns[name] = candidate
                used.add(candidate)
                break
    if not all(name in columns for name in REQUIRED[kind]):
        return None
    return Mapping(columns={name: columns[name] for name in FIELDS[kind] if name in columns}, decimal=decimal)


def _preset_fit(name: str, present: set[str]) -> int:
    fields, _ = _PRESET_HEADERS[name]
    return sum(any(header in present for header in candidates) for candidates in fields.values())


# --- opening a file -----------------------------------------------------------------------------------------

Cell = str | datetime | Decimal


class _CountingReader(io.RawIOBase):
    """Reads from a binary file and counts the bytes, so a progress bar can follow a streaming read."""

    def __init__(self, inner: IO[bytes]) -> None:
        super().__init__()
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size


class WorkFile:
    """An export opened for reading: its format, encoding, delimiter and headers are known; rows stream.

    Reading rows never loads the whole file: CSV is decoded as it is read, XLSX is read through openpyxl's
    read-only mode. `rows()` can be iterated more than once (a path is reopened, a file object rewound).
    """

    def __init__(self, source: str | os.PathLike[str] | IO[bytes], filename: str, bytes_total: int) -> None:
        self.source = source
        self.filename = filename
        self.bytes_total = bytes_total
        self.format: Literal["csv", "xlsx"] = "csv"
        self.encoding = ""
        self.delimiter = ","
        self.headers: list[str] = []
        self.header_row = 1
        self._counter: _CountingReader | None = None
        # XLSX: the sheet's own row count (from its dimension record, may be missing) and the date epoch.
        self._sheet_rows: int | None = None
        self._rows_read = 0
        self._epoch = EXCEL_EPOCH

    @property
    def bytes_read(self) -> int:
        """How far reading has come, in bytes of the file (for XLSX estimated from the sheet's row count)."""
        if self.format == "csv":
            return self._counter.count if self._counter is not None else 0
        if not self._sheet_rows:
            return 0
        return min(self.bytes_total, self.bytes_total * self._rows_read // self._sheet_rows)

    @property
    def progress(self) -> float:
        """Between 0 and 1."""
        return min(1.0, self.bytes_read / self.bytes_total) if self.bytes_total else 0.0

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(spreadsheet row number, cells as text) for every data row; blank rows are left out."""
        for number, cells in self._records(after=self.header_row):
            yield number, [cell if isinstance(cell, str) else _cell_text(cell) for cell in cells]

    # Internals shared by the parsers.

    def _binary(self) -> tuple[IO[bytes], bool]:
        """The file, at its start, and whether we opened it (and so must close it)."""
        if isinstance(self.source, str | os.PathLike):
            return open(self.source, "rb"), True
        self.source.seek(0)
        return self.source, False

    def _records(self, after: int = 0) -> Generator[tuple[int, list[Any]]]:
        """Every non-blank record after row `after` (0: the header too), with its spreadsheet row number."""
        with self._reading(after) as records:
            for number, cells in records:
                if not _blank(cells):
                    yield number, cells

    @contextmanager
    def _reading(self, after: int) -> Iterator[Iterator[tuple[int, list[Any]]]]:
        """The records after row `after` with their spreadsheet row numbers; blank CSV records are left in, so
        the parsers can iterate the C csv reader without a Python layer in between. Closes what it opened."""
        if self.format == "xlsx":
            with closing(self._xlsx_records(after)) as records:
                yield records
            return
        binary, owned = self._binary()
        counter = _CountingReader(binary)
        self._counter = counter
        text = io.TextIOWrapper(io.BufferedReader(counter, SNIFF_BYTES), self.encoding, errors="replace", newline="")
        reader = csv.reader(text, delimiter=self.delimiter)
        try:
            for _ in range(after):
                next(reader, None)
            # A quoted line break stays inside one spreadsheet row, so rows count records, not lines.
            yield enumerate(reader, start=after + 1)
        except csv.Error as error:
            # In practice a quote that is never closed, which swallows the rest of the file into one cell.
            line = str(reader.line_num)
            raise FileError(
                "file_unreadable", f"The file is not valid CSV near line {line}: {error}.", line=line
            ) from None
        finally:
            text.close()
            if owned:
                binary.close()

    def _xlsx_records(self, after: int) -> Generator[tuple[int, list[Any]]]:
        binary, owned = self._binary()
        self._rows_read = 0
        workbook = None
        try:
            try:
                workbook = load_workbook(binary, read_only=True, data_only=True)
                self._epoch = workbook.epoch
                sheet = next((ws for ws in workbook.worksheets if isinstance(ws, ReadOnlyWorksheet)), None)
                if sheet is None:
                    raise FileError("file_unreadable", "The workbook has no worksheet.")
                self._sheet_rows = sheet.max_row
                # Some programs write a wrong size into the sheet; without it openpyxl reads every cell.
                sheet.reset_dimensions()
                for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                    self._rows_read = number
                    if number > after and any(value is not None and value != "" for value in values):
                        yield number, list(values)
            except FileError:
                raise
            except Exception as error:  # openpyxl raises many kinds of error for a damaged workbook
                raise FileError("file_unreadable", f"The workbook cannot be read: {error}.") from None
        finally:
            if workbook is not None:
                workbook.close()
            if owned:
                binary.close()


def open_work_file(source: str | os.PathLike[str] | IO[bytes], filename: str) -> WorkFile:
    """Open an export (a path, or a seekable binary file such as an upload) and read its header row.

    Detects XLSX or CSV, the text encoding and the delimiter. Raises FileError ("file_empty" when there is
    no header or no row below it, "file_unreadable" otherwise)."""
    if not isinstance(source, str | os.PathLike) and not source.seekable():
        raise ValueError("open_work_file needs a path or a seekable binary file")
    binary, owned = WorkFile(source, filename, 0)._binary()
    try:
        head = binary.read(SNIFF_BYTES)
        binary.seek(0, io.SEEK_END)
        size = binary.tell()
        binary.seek(0)
        wf = WorkFile(source, filename, size)
        suffix = PurePath(filename).suffix.lower()
        if not head.strip():
            raise FileError("file_empty", "The file is empty.")
        # Decided by content: systems often name a tab-separated export ".xls", and that reads fine as text.
        if head.startswith(XLS_MAGIC):
            raise FileError("file_unreadable", "Old Excel files (.xls) cannot be read; save as .xlsx or CSV.")
        if head.startswith(XLSX_MAGIC):
            wf.format = "xlsx"
        elif suffix in (".xlsx", ".xlsm"):
            raise FileError("file_unreadable", "The file is not a valid Excel workbook.")
        else:
            wf.encoding = _encoding(binary, head)
            wf.delimiter = _delimiter(head.decode(wf.encoding, errors="replace"))
    finally:
        if owned:
            binary.close()

    records = wf._records()
    try:
        first = next(records, None)
        if first is None:
            raise FileError("file_empty", "The file has no rows.")
        wf.header_row, header_cells = first
        wf.headers = _headers(header_cells)
        if next(records, None) is None:
            raise FileError("file_empty", "The file has a header row but no rows below it.")
    finally:
        records.close()
    return wf


def _encoding(binary: IO[bytes], head: bytes) -> str:
    """UTF-16 or UTF-8 by their byte order mark; else UTF-8 when every byte of the file decodes as UTF-8
    (checked chunk by chunk, which is fast); else Windows-1252, the encoding of older Dutch software."""
    if head.startswith(UTF16_BOMS):
        return "utf-16"
    if head.startswith(UTF8_BOM):
        return "utf-8-sig"
    if b"\x00" in head:
        # Text exports never hold NUL bytes near the start; this is a binary file (a PDF, a zip, an image).
        raise FileError("file_unreadable", "The file holds binary data, not text. Upload a CSV or XLSX file.")
    decoder = codecs.getincrementaldecoder("utf-8")()
    binary.seek(0)
    try:
        while chunk := binary.read(SCAN_CHUNK_BYTES):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        binary.seek(0)
    return "utf-8"


def _delimiter(sample: str) -> str:
    """The delimiter that occurs most often in the header line, counted outside quotes."""
    counts = dict.fromkeys(CSV_DELIMITERS, 0)
    quoted = False
    seen_text = False
    for character in sample:
        if character == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif character in "\r\n":
            if seen_text:
                break
        elif character in counts:
            counts[character] += 1
            seen_text = True
        elif not character.isspace():
            seen_text = True
    best = max(";\t,", key=lambda delimiter: counts[delimiter])  # on a tie: semicolon, tab, comma
    return best if counts[best] else ","


def _headers(cells: Sequence[Any]) -> list[str]:
    headers = [(cell if isinstance(cell, str) else _cell_text(cell)).replace("\ufeff", "").strip() for cell in cells]
    # A trailing delimiter on the header line (or formatted empty cells in a workbook) adds nameless columns.
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores every number as a float: id 1234 must not become "1234.0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


# --- columns ------------------------------------------------------------------------------------------------


def _normal_header(header: str) -> str:
    return " ".join(header.split()).casefold()


def _column_indexes(headers: Sequence[str], wanted: str) -> list[int]:
    """The columns with this header: exact matches, else matches ignoring case and extra spaces."""
    exact = [index for index, header in enumerate(headers) if header == wanted]
    if exact:
        return exact
    key = _normal_header(wanted)
    return [index for index, header in enumerate(headers) if _normal_header(header) == key]


def check_columns(wf: WorkFile, mapping: Mapping, *, kind: Kind | None = None) -> list[Problem]:
    """Problems with the header row: mapped headers missing from the file or present twice, and (given the
    kind) required fields the mapping leaves out. Empty when every mapped column is found once."""
    problems: list[Problem] = []
    if kind is not None:
        for name in REQUIRED[kind]:
            if name not in mapping.columns:
                problems.append(Problem(wf.header_row, name, "", "column_missing", {"field": name}))
    listed = ", ".join(wf.headers)[:500]
    for name, header in mapping.columns.items():
        indexes = _column_indexes(wf.headers, header)
        if not indexes:
            params = {"field": name, "header": header, "headers": listed}
            problems.append(Problem(wf.header_row, name, header[:VALUE_SHOWN_MAX], "column_missing", params))
        elif len(indexes) > 1:
            params = {"field": name, "columns": ", ".join(get_column_letter(index + 1) for index in indexes)}
            problems.append(Problem(wf.header_row, header, header[:VALUE_SHOWN_MAX], "headers_duplicate", params))
    return problems


class _Columns:
    """Where each mapped field sits in a row, and how to read its cells."""

    def __init__(self, wf: WorkFile, mapping: Mapping, kind: Kind) -> None:
        self.headers = wf.headers
        self.width = len(wf.headers)
        self.index = {
            name: _column_indexes(wf.headers, header)[0]
            for name, header in mapping.columns.items()
            if name in FIELDS[kind]
        }
        # Unmapped fields read the empty cell appended after the last column of every row.
        self.getter = itemgetter(*(self.index.get(name, self.width) for name in FIELDS[kind]))
        self.date_format = mapping.date_format
        self.read_moment = _moment_reader(mapping.date_format)
        self.read_amount = _amount_reader(mapping.decimal)
        self.xlsx = wf.format == "xlsx"
        self.epoch = wf._epoch
        text_columns = {index for name, index in self.index.items() if name not in DATE_FIELDS | AMOUNT_FIELDS}
        self.date_columns = {index for name, index in self.index.items() if name in DATE_FIELDS} - text_columns
        self.amount_columns = {index for name, index in self.index.items() if name in AMOUNT_FIELDS} - text_columns
        if self.xlsx:
            self.read_moment = _xlsx_moment_reader(self.read_moment)
            self.read_amount = _xlsx_amount_reader(self.read_amount)

    def header(self, name: str) -> str:
        return self.headers[self.index[name]]

    def fit(self, number: int, cells: list[Any]) -> tuple[list[Any], list[Problem]]:
        """The row widened to one cell past the last column, with a problem when it is too short or too long."""
        problems: list[Problem] = []
        size = len(cells)
        if size < self.width and not self.xlsx:
            # A workbook leaves out empty cells at the end of a row; a CSV row that stops early is broken.
            params = {"cells": str(size), "expected": str(self.width)}
            problems.append(Problem(number, self.headers[size], "", "short_row", params))
        elif size > self.width:
            extra = next((index for index in range(self.width, size) if _filled(cells[index])), None)
            if extra is not None:
                params = {"cells": str(size), "expected": str(self.width)}
                column = get_column_letter(extra + 1)
                problems.append(Problem(number, column, _shown(cells[extra]), "long_row", params))
            cells = cells[: self.width]
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if self.xlsx:
            cells = [self._xlsx_cell(index, value) for index, value in enumerate(cells)]
        cells.append("")
        return cells, problems

    def _xlsx_cell(self, index: int, value: object) -> Cell:
        """A workbook cell as the parsers take it: dates and numbers stay typed where a date or amount is
        expected (an Excel serial in a date column becomes its moment), everything else becomes text."""
        if index in self.date_columns:
            if isinstance(value, datetime):
                return value
            if isinstance(value, date):
                return datetime.combine(value, time())
            if isinstance(value, int | float) and not isinstance(value, bool):
                # An Excel serial; one outside the years we accept stays a number, so the problem shows it.
                moment = _from_serial(float(value), self.epoch)
                return moment if moment is not None and FIRST_YEAR <= moment.year <= LAST_YEAR else _cell_text(value)
        elif index in self.amount_columns and isinstance(value, int | float) and not isinstance(value, bool):
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return value if isinstance(value, str) else _cell_text(value)


def _filled(cell: object) -> bool:
    if cell is None:
        return False
    return bool(cell.strip()) if isinstance(cell, str) else True


def _shown(cell: object) -> str:
    return (cell if isinstance(cell, str) else _cell_text(cell)).strip()[:VALUE_SHOWN_MAX]


# --- cells ------------------------------------------------------------------------------------------------


class _Invalid:
    """What a reader returns for a cell that holds something other than what its column expects."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()

# A reader takes a cell (text; from a workbook also a datetime or a Decimal) and returns its value, None for an
# empty cell, or INVALID.
MomentReader = Callable[[Any], "datetime | _Invalid | None"]
AmountReader = Callable[[Any], "Decimal | _Invalid | None"]

_DUTCH = re.compile(
    r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,6}))?)?)?",
    re.ASCII,
)
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ Tt](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?"
    r"\s*(?:([zZ]|UTC|GMT)|([+-])(\d{2}):?(\d{2}))?",
    re.ASCII,
)
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?", re.ASCII)
# The moment reader remembers the ISO form of each day it has seen (a file spans a few thousand days at most);
# should a file hold more distinct first-ten-characters than this, the memory starts afresh.
DAY_CACHE_MAX = 50_000


def _in_range(moment: datetime) -> datetime | _Invalid:
    return moment if FIRST_YEAR <= moment.year <= LAST_YEAR else INVALID


def _iso_day(prefix: str) -> str | None:
    """The ISO form of the ten characters that start a cell when they are a day in dd-mm-yyyy (also with / or
    .) or yyyy-mm-dd form, in the years we accept; else None. date.fromisoformat checks that the day exists."""
    if len(prefix) != 10:
        return None
    separator = prefix[2]
    if separator in "-/." and prefix[5] == separator:
        iso = f"{prefix[6:10]}-{prefix[3:5]}-{prefix[:2]}"
    elif prefix[4] == "-" and prefix[7] == "-":
        iso = prefix
    else:
        return None
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    return iso if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _parse_moment_slowly(text: str) -> datetime | None:
    """The forms the fast path leaves: one-digit days, months and hours, a space before a UTC offset, "UTC",
    and Excel serial numbers. None when the text is none of them or names a day or time that does not exist."""
    try:
        if match := _DUTCH.fullmatch(text):
            day, _, month, year, hour, minute, second, fraction = match.groups()
            return _moment(year, month, day, hour, minute, second, fraction)
        if match := _ISO.fullmatch(text):
            year, month, day, hour, minute, second, fraction, utc, sign, offset_h, offset_m = match.groups()
            moment = _moment(year, month, day, hour, minute, second, fraction)
            if utc:
                return moment.replace(tzinfo=UTC)
            if sign:
                offset = timedelta(hours=int(offset_h), minutes=int(offset_m))
                return moment.replace(tzinfo=timezone(-offset if sign == "-" else offset))
            return moment
    except ValueError:  # a day or hour that does not exist, or an offset of a day or more
        return None
    if _SERIAL.fullmatch(text):
        serial = float(text.replace(",", "."))
        if SERIAL_RANGE[0] <= serial < SERIAL_RANGE[1]:
            return _from_serial(serial, EXCEL_EPOCH)
    return None


def _moment(
    year: str, month: str, day: str, hour: str | None, minute: str | None, second: str | None, fraction: str | None
) -> datetime:
    return datetime(  # noqa: DTZ001 - the file's wall-clock time; the caller knows the organisation's zone
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        int((fraction or "0").ljust(6, "0")),
    )


def _from_serial(serial: float, epoch: datetime) -> datetime | None:
    """An Excel date serial: days since the epoch, the fraction being the time of day (to the second)."""
    if not -3e6 < serial < 3e6:  # also rejects NaN; three million days reach past the year 9999
        return None
    try:
        return epoch + timedelta(seconds=round(serial * 86400))
    except OverflowError:
        return None


def _moment_reader(date_format: str | None) -> MomentReader:
    if date_format is not None:

        def read_formatted(cell: str) -> datetime | _Invalid | None:
            text = cell.strip()
            if not text:
                return None
            try:
                moment = datetime.strptime(text, date_format)  # noqa: DTZ007 - wall-clock time, see _moment
            except ValueError:
                return INVALID
            return _in_range(moment)

        return read_formatted

    days: dict[str, str | None] = {}
    fromisoformat = datetime.fromisoformat

    def read_moment(cell: str) -> datetime | _Invalid | None:
        # Runs three times per row: the usual shapes (dd-mm-yyyy[ HH:MM[:SS]] and ISO) become ISO text with the
        # day looked up, not rebuilt, and are read by the C fromisoformat. The rest (and any cell with spaces
        # around it) takes the slow way.
        try:
            iso_day = days[cell[:10]]
        except KeyError:
            if len(days) >= DAY_CACHE_MAX:
                days.clear()
            iso_day = days[cell[:10]] = _iso_day(cell[:10])
        if iso_day is not None:
            rest = cell[10:]
            if not rest:
                return fromisoformat(iso_day)
            if rest[0] in " T":
                try:
                    return fromisoformat(iso_day + rest)
                except ValueError:
                    pass
        text = cell.strip()
        if not text:
            return None
        moment = _parse_moment_slowly(text)
        return INVALID if moment is None else _in_range(moment)

    return read_moment


def _xlsx_moment_reader(read_text: MomentReader) -> MomentReader:
    def read_moment(cell: Cell) -> datetime | _Invalid | None:
        return _in_range(cell) if isinstance(cell, datetime) else read_text(cell)

    return read_moment


def _amount_reader(decimal: str) -> AmountReader:
    decimal_comma = decimal == ","
    thousands = "." if decimal_comma else ","

    def read_amount(cell: str) -> Decimal | _Invalid | None:
        text = cell.strip()
        if not text:
            return None
        # Plain numbers ("1.234,50", "-12,5") are read here; currency signs, spaces and a lone thousands
        # separator ("150.000") go through parse_decimal, which knows every rule and agrees on plain numbers.
        if decimal in text:
            plain = text.replace(thousands, "")
            if decimal_comma:
                plain = plain.replace(",", ".")
        else:
            plain = "" if thousands in text else text
        value: Decimal | None = None
        if plain:
            try:
                value = Decimal(plain)
            except InvalidOperation:
                value = None
        if value is None:
            try:
                value = parse_decimal(text, decimal_comma=decimal_comma)
            except ValueError:
                return INVALID
        return _amount_in_range(value)

    return read_amount


def _amount_in_range(value: Decimal) -> Decimal | _Invalid:
    try:
        return value if -AMOUNT_LIMIT < value < AMOUNT_LIMIT else INVALID
    except InvalidOperation:  # NaN cannot be compared
        return INVALID


def _xlsx_amount_reader(read_text: AmountReader) -> AmountReader:
    def read_amount(cell: Cell) -> Decimal | _Invalid | None:
        return _amount_in_range(cell) if isinstance(cell, Decimal) else read_text(cell)

    return read_amount


def _is_before(moment: datetime, reference: datetime) -> bool:
    # A moment with a UTC offset cannot be compared with one without; the caller places both in a zone later.
    if (moment.tzinfo is None) != (reference.tzinfo is None):
        return False
    return moment < reference


def _blank(cells: Sequence[Any]) -> bool:
    return not any(_filled(cell) for cell in cells)


def _text(cell: object) -> str:
    return cell.strip() if isinstance(cell, str) else _cell_text(cell).strip()


# --- parsing ------------------------------------------------------------------------------------------------


def parse_items(wf: WorkFile, mapping: Mapping) -> Iterator[ItemRow | list[Problem]]:
    """One result per data row: the ItemRow, or the list of every problem in that row. Blank rows are skipped.

    When mapped columns are missing from the file no row can be read: the only result is then the list of
    those problems (as check_columns gives them)."""
    missing = check_columns(wf, mapping, kind="items")
    if missing:
        yield missing
        return
    columns = _Columns(wf, mapping, "items")
    with wf._reading(after=wf.header_row) as records:
        yield from _parse_item_records(records, columns)


def _parse_item_records(
    records: Iterator[tuple[int, list[Any]]], columns: _Columns
) -> Iterator[ItemRow | list[Problem]]:
    # The loop runs once per row, so it works on local names and takes a fast path for a row of the expected
    # width whose cells are all fine. Any doubt sends the row to _item_row, which reads it again with care and
    # says what is wrong; so the fast path may be strict but never lenient.
    getter, width, fast = columns.getter, columns.width, not columns.xlsx
    read_moment: Callable[[Any], Any] = columns.read_moment
    read_amount: Callable[[Any], Any] = columns.read_amount
    new_row = tuple.__new__
    first_row_of: dict[str, int] = {}
    for number, cells in records:
        if fast and len(cells) == width:
            cells.append("")  # the cell every unmapped field reads
            external, created, first, resolved, customer, owner, handler, value, channel = getter(cells)
            external_id = external.strip()
            created = read_moment(created)
            first = read_moment(first) if first else None
            resolved = read_moment(resolved) if resolved else None
            value = read_amount(value) if value else None
            try:
                good = (
                    external_id
                    and created is not None
                    and created is not INVALID
                    and first is not INVALID
                    and resolved is not INVALID
                    and value is not INVALID
                    and len(external_id) <= EXTERNAL_ID_MAX
                    and (first is None or first >= created)
                    and (resolved is None or resolved >= created)
                )
            except TypeError:  # moments with and without a UTC offset: _item_row compares them with care
                good = False
            if good and first_row_of.setdefault(external_id, number) == number:
                yield new_row(ItemRow, (number, external_id, created, first, resolved, customer.strip(),
                                        owner.strip(), handler.strip(), value, channel.strip()))  # fmt: skip
                continue
        result = _item_row(number, cells, columns, first_row_of)
        if result is not None:
            yield result


class _RowReader:
    """Reads one row carefully, collecting every problem: the way for rows with something wrong in them."""

    def __init__(self, number: int, cells: list[Any], columns: _Columns) -> None:
        self.number = number
        self.columns = columns
        self.cells, self.problems = columns.fit(number, cells)
        short = any(problem.code == "short_row" for problem in self.problems)
        # Cells past the end of a short row were not in the file; the short_row problem speaks for them.
        self.present = len(cells) if short else len(self.cells)

    def cell(self, name: str) -> Any:
        return self.cells[self.columns.index[name]] if name in self.columns.index else ""

    def problem(self, name: str, code: str, **params: str) -> None:
        self.problems.append(Problem(self.number, self.columns.header(name), _shown(self.cell(name)), code, params))

    def required(self, name: str) -> None:
        if self.columns.index[name] < self.present:
            self.problem(name, "required")

    def moment(self, name: str, *, required: bool) -> datetime | None:
        if name not in self.columns.index:
            return None
        moment = self.columns.read_moment(self.cell(name))
        if isinstance(moment, datetime):
            return moment
        if moment is INVALID:
            params = {"format": self.columns.date_format} if self.columns.date_format else {}
            self.problem(name, "date_invalid", **params)
        elif required:
            self.required(name)
        return None

    def amount(self, name: str, *, required: bool) -> Decimal | None:
        if name not in self.columns.index:
            return None
        amount = self.columns.read_amount(self.cell(name))
        if isinstance(amount, Decimal):
            return amount
        if amount is INVALID:
            self.problem(name, "number_invalid")
        elif required:
            self.required(name)
        return None

    def sorted_problems(self) -> list[Problem]:
        """The problems in the order of the file's columns, as a person reads the row."""
        order = {header: index for index, header in reversed(list(enumerate(self.columns.headers)))}
        return sorted(self.problems, key=lambda problem: order.get(problem.column, len(order)))


def _item_row(
    number: int, cells: list[Any], columns: _Columns, first_row_of: dict[str, int]
) -> ItemRow | list[Problem] | None:
    if _blank(cells):
        return None
    reader = _RowReader(number, cells, columns)
    external_id = _text(reader.cell("external_id"))
    if not external_id:
        reader.required("external_id")
    else:
        if len(external_id) > EXTERNAL_ID_MAX:
            reader.problem("external_id", "too_long", max=str(EXTERNAL_ID_MAX))
        first_row = first_row_of.setdefault(external_id, number)
        if first_row != number:
            reader.problem("external_id", "duplicate_id", first_row=str(first_row))
    created = reader.moment("created_at", required=True)
    first = reader.moment("first_response_at", required=False)
    resolved = reader.moment("resolved_at", required=False)
    for name, moment in (("first_response_at", first), ("resolved_at", resolved)):
        if created is not None and moment is not None and _is_before(moment, created):
            reader.problem(name, "date_order", before_column=columns.header("created_at"),
                           before=_shown(reader.cell("created_at")))  # fmt: skip
    value = reader.amount("value", required=False)
    if reader.problems or created is None:
        return reader.sorted_problems()
    return ItemRow(number, external_id, created, first, resolved, _text(reader.cell("customer")),
                   _text(reader.cell("owner")), _text(reader.cell("handler")), value,
                   _text(reader.cell("channel")))  # fmt: skip


def parse_targets(wf: WorkFile, mapping: Mapping) -> Iterator[TargetRow | list[Problem]]:
    """One result per data row: the TargetRow, or the list of every problem in that row (see parse_items)."""
    missing = check_columns(wf, mapping, kind="targets")
    if missing:
        yield missing
        return
    columns = _Columns(wf, mapping, "targets")
    with wf._reading(after=wf.header_row) as records:
        for number, cells in records:
            result = _target_row(number, cells, columns)
            if result is not None:
                yield result


def _target_row(number: int, cells: list[Any], columns: _Columns) -> TargetRow | list[Problem] | None:
    if _blank(cells):
        return None
    reader = _RowReader(number, cells, columns)
    person = _text(reader.cell("person"))
    if not person:
        reader.required("person")
    start = reader.moment("period_start", required=True)
    end = reader.moment("period_end", required=True)
    if start is not None and end is not None and end.date() < start.date():
        reader.problem("period_end", "period_order", before_column=columns.header("period_start"),
                       before=_shown(reader.cell("period_start")))  # fmt: skip
    target = reader.amount("target", required=True)
    if reader.problems or start is None or end is None or target is None:
        return reader.sorted_problems()
    return TargetRow(number, person, start.date(), end.date(), target)
