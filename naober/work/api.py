"""API of Diagnose: team diagnostics, imports of work exports (in the background) and the work settings."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from django.db import transaction
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import Field

from naober.api import ERRORS, InputSchema, RowId, org_auth
from naober.core.access import OrgRequest, get_in_org
from naober.lib import workfile
from naober.work import diagnostics
from naober.work.models import ImportKind, ImportStatus, WorkImport, WorkSettings
from naober.work.tasks import progress_read, work_import_run
from naober.work.views import DIAGNOSTICS, IMPORTS, MAX_UPLOAD_BYTES, WORK_SETTINGS, saved_mapping, team_for

router = Router(tags=["diagnose"])
# The name of the system an export comes from; ids are unique per source.
SourceName = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")]


class SignalOut(Schema):
    verdict: str = Field(description="pattern, no_pattern or too_little_data")
    share_after: float | None = Field(description="Share of all help given after the helper reached their target")
    rate_ratio: float | None = Field(description="Help rate after / before the own target, at equal own workload")
    p_value: float | None = Field(description="One-sided stratified permutation test")
    rate_before: float | None = None
    rate_after: float | None = None
    help_events: int = 0
    handled_events: int = 0
    strata_used: int = Field(0, description="Groups (person x own workload) with moments before and after target")
    people_with_targets: int = 0
    permutations: int = 0
    reason: str | None = Field(None, description="Why there is too little data, when there is")


class DiagnosisOut(Schema):
    team: dict[str, Any]
    period: dict[str, str]
    people: int
    items: int
    service_level_hours: int
    suppressed: str | None = Field(None, description="Why figures are not shown (a team under the anonymity threshold)")
    lead_time: dict[str, Any] | None = None
    weekly: list[dict[str, Any]] | None = None
    backlog: list[Any] | None = None
    load: dict[str, Any] | None = None
    help: dict[str, Any] | None = None
    help_after_target: SignalOut | None = None
    sentences: dict[str, str] | None = None


@router.get(
    "orgs/{org}/teams/{team_id}/work-diagnostics", response={200: DiagnosisOut, **ERRORS}, auth=org_auth(DIAGNOSTICS)
)
def team_diagnostics(
    request: OrgRequest, org: str, team_id: RowId, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """A team's diagnostics over [start, end] (default: the year up to its last work item)."""
    if start and end and end < start:
        raise HttpError(422, "end lies before start.")
    team = team_for(request, team_id)
    return diagnostics.team_diagnose(team=team, start=start, end=end, viewer=request.membership)


class ImportProblemOut(Schema):
    row: int
    column: str
    value: str
    code: str
    reason: str


class WorkImportOut(Schema):
    id: int
    kind: str
    source: str
    filename: str
    status: str = Field(description="new, waiting, running, done, refused (problems, nothing imported) or failed")
    progress: float = Field(description="Fraction done, 0 to 1")
    dry_run: bool
    skip_bad_rows: bool
    create_people: bool
    mapping: dict[str, Any]
    rows: int
    created: int
    updated: int
    unchanged: int
    skipped: int
    problem_count: int
    problems: list[ImportProblemOut] = Field(description="The first 1,000 problems")
    unknown_people: list[str]


def _import_out(work_import: WorkImport) -> WorkImportOut:
    return WorkImportOut(
        id=work_import.pk, kind=work_import.kind, source=work_import.source, filename=work_import.filename,
        status=work_import.status, progress=progress_read(work_import), dry_run=work_import.dry_run,
        skip_bad_rows=work_import.skip_bad_rows, create_people=work_import.create_people, mapping=work_import.mapping,
        rows=work_import.rows, created=work_import.created, updated=work_import.updated,
        unchanged=work_import.unchanged, skipped=work_import.skipped, problem_count=work_import.problem_count,
        problems=[ImportProblemOut(**p) for p in work_import.problems], unknown_people=work_import.unknown_people,
    )  # fmt: skip


@router.post("orgs/{org}/work-imports", response={202: WorkImportOut, **ERRORS}, auth=org_auth(IMPORTS))
def start_import(
    request: OrgRequest,
    org: str,
    file: File[UploadedFile],
    kind: Form[ImportKind] = ImportKind.ITEMS,
    source: Form[SourceName] = "import",
    mapping: Form[str] = "",
    dry_run: Form[bool] = True,
    skip_bad_rows: Form[bool] = False,
    create_people: Form[bool] = False,
) -> Status[WorkImportOut]:
    """Upload an export and start its import in the background; poll GET work-imports/{id} for progress.

    ``mapping`` is a JSON object from our field names to the file's headers, plus optional ``date_format`` and
    ``decimal``; without it, the organisation's saved mapping for the source, else one recognised from the
    headers. A dry run (the default) checks every row and imports nothing."""
    if (file.size or 0) > MAX_UPLOAD_BYTES:
        raise HttpError(422, "The file is larger than 500 MB.")
    parsed: workfile.Mapping | None = None
    if mapping:
        try:
            parsed = workfile.Mapping.from_json(json.loads(mapping), kind=kind.value)  # type: ignore[arg-type]
        except json.JSONDecodeError:
            raise HttpError(422, "mapping is not valid JSON.") from None
        except workfile.MappingError as error:
            raise HttpError(422, f"mapping: {error}") from None
    work_import = WorkImport(
        organisation=request.org, kind=kind.value, source=source, filename=(file.name or "upload.csv")[:255],
        mapping={}, dry_run=dry_run, skip_bad_rows=skip_bad_rows, create_people=create_people,
        started_by=request.membership.person,
    )  # fmt: skip
    work_import.upload.save(file.name or "upload.csv", file, save=False)
    if parsed is None:
        try:
            headers = workfile.open_work_file(work_import.upload.path, work_import.filename).headers
        except workfile.FileError as error:
            work_import.upload.delete(save=False)
            raise HttpError(422, f"file: {diagnostics_reason(error.code)}") from None
        parsed = saved_mapping(request.org, kind.value, source) or workfile.suggest_mapping(headers, kind=kind.value)  # type: ignore[arg-type]
        if parsed is None:
            work_import.upload.delete(save=False)
            raise HttpError(422, "mapping: the columns are not recognised; send a mapping.")
    work_import.mapping = parsed.to_json()
    work_import.status = ImportStatus.WAITING
    work_import.save()
    transaction.on_commit(lambda: work_import_run.enqueue(work_import.pk))
    return Status(202, _import_out(work_import))


def diagnostics_reason(code: str) -> str:
    from naober.work.services import REASONS

    return str(REASONS.get(code, code))


@router.get("orgs/{org}/work-imports/{import_id}", response={200: WorkImportOut, **ERRORS}, auth=org_auth(IMPORTS))
def get_import(request: OrgRequest, org: str, import_id: RowId) -> WorkImportOut:
    return _import_out(get_in_org(WorkImport, request, import_id))


class WorkSettingsOut(Schema):
    retention_months: int
    service_level_hours: int
    names_in_own_team: bool


class WorkSettingsIn(InputSchema):
    retention_months: int = Field(ge=1, le=120)
    service_level_hours: int = Field(ge=1, le=24 * 30)
    names_in_own_team: bool


@router.get("orgs/{org}/work-settings", response={200: WorkSettingsOut, **ERRORS}, auth=org_auth(WORK_SETTINGS))
def get_work_settings(request: OrgRequest, org: str) -> WorkSettings:
    return WorkSettings.for_org(request.org)


@router.put("orgs/{org}/work-settings", response={200: WorkSettingsOut, **ERRORS}, auth=org_auth(WORK_SETTINGS))
def set_work_settings(request: OrgRequest, org: str, payload: WorkSettingsIn) -> WorkSettings:
    instance = WorkSettings.for_org(request.org)
    for name, value in payload.model_dump().items():
        setattr(instance, name, value)
    instance.save()
    return instance
