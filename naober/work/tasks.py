"""The import runs in the background worker (`naober serve` starts one); the page follows its progress.

The import writes in one transaction, so its progress cannot be read from the database while it runs (on
SQLite nothing else may write meanwhile, and on PostgreSQL the rows are invisible until commit). The worker
writes the progress to a small file next to the uploaded file instead, and the page reads it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from naober.lib import workfile
from naober.work import services
from naober.work.models import ImportKind, ImportStatus, WorkImport, WorkMapping


def progress_path(work_import: WorkImport) -> Path:
    return Path(settings.MEDIA_ROOT) / "work-imports" / f"{work_import.pk}.progress.json"


def progress_read(work_import: WorkImport) -> float:
    """The fraction done of a running import, 0 when nothing was written yet."""
    if work_import.finished:
        return 1.0
    try:
        return float(json.loads(progress_path(work_import).read_text(encoding="utf-8"))["done"])
    except (OSError, ValueError, KeyError, TypeError):
        return work_import.progress


def _progress_writer(work_import: WorkImport) -> services.ProgressCallback:
    path = progress_path(work_import)
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(fraction: float) -> None:
        # Write then rename, so a reader never sees half a file.
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps({"done": round(fraction, 4)}), encoding="utf-8")
        os.replace(partial, path)

    return write


def import_run(work_import: WorkImport) -> WorkImport:
    """Run one import record to its end: read the file, write (or check) in one transaction, record the outcome."""
    WorkImport.objects.filter(pk=work_import.pk).update(status=ImportStatus.RUNNING, progress=0.0)
    try:
        mapping = workfile.Mapping.from_json(work_import.mapping, kind=work_import.kind)  # type: ignore[arg-type]
        common = {
            "organisation": work_import.organisation,
            "file": work_import.upload.path,
            "filename": work_import.filename,
            "mapping": mapping,
            "dry_run": work_import.dry_run,
            "skip_bad_rows": work_import.skip_bad_rows,
            "progress": _progress_writer(work_import),
        }
        if work_import.kind == ImportKind.ITEMS:
            outcome = services.work_import(**common, source=work_import.source, create_people=work_import.create_people)  # type: ignore[arg-type]
        else:
            outcome = services.targets_import(**common)  # type: ignore[arg-type]
    except Exception:
        WorkImport.objects.filter(pk=work_import.pk).update(status=ImportStatus.FAILED, finished_at=timezone.now())
        raise
    finished = outcome.imported or work_import.dry_run
    fields = {
        "status": ImportStatus.DONE if finished else ImportStatus.REFUSED,
        "progress": 1.0,
        "rows": outcome.rows,
        "created": outcome.created,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "skipped": outcome.skipped,
        "problem_count": outcome.problem_count,
        "problems": [p.as_dict() for p in outcome.problems],
        "unknown_people": outcome.unknown_people,
        "finished_at": timezone.now(),
    }
    WorkImport.objects.filter(pk=work_import.pk).update(**fields)
    if outcome.imported:
        # The mapping that worked is kept for the next export of the same system.
        WorkMapping.objects.update_or_create(
            organisation=work_import.organisation, kind=work_import.kind, source=work_import.source,
            defaults={"mapping": work_import.mapping},
        )  # fmt: skip
        work_import.upload.delete(save=False)
        WorkImport.objects.filter(pk=work_import.pk).update(upload="")
    progress_path(work_import).unlink(missing_ok=True)
    work_import.refresh_from_db()
    return work_import


@task()
def work_import_run(import_id: int) -> None:
    work_import = WorkImport.objects.select_related("organisation").filter(pk=import_id).first()
    if work_import is not None and work_import.status == ImportStatus.WAITING:
        import_run(work_import)
