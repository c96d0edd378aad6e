"""The import pages and the CLI: upload, fix the mapping, check, import — the same service, in the background."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from naober.cli import main
from naober.work.models import ImportStatus, WorkImport, WorkItem, WorkMapping
from tests.conftest import World, client_for

EXPORT = (
    "Ticketnummer;Aangemaakt op;Opgelost op;Klantnaam;Accountmanager;Behandeld door;Omzet\r\n"
    "A-1;02-03-2026 09:15;02-03-2026 11:00;Zorggroep Twente;Chantal Nijhuis;Daan Kamphuis;1.234,50\r\n"
    "A-2;03-03-2026 10:00;31-02-2026 12:00;Bakkerij Ruesink;Chantal Nijhuis;Chantal Nijhuis;99,00\r\n"
)
MAPPING = {
    "external_id": "Ticketnummer",
    "created_at": "Aangemaakt op",
    "resolved_at": "Opgelost op",
    "customer": "Klantnaam",
    "owner": "Accountmanager",
    "handler": "Behandeld door",
    "value": "Omzet",
}


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _form(mapping: dict[str, str], **extra: str) -> dict[str, str]:
    return {**{f"column_{k}": v for k, v in mapping.items()}, "decimal": ",", **extra}


def test_upload_fix_the_mapping_check_and_import(
    world: World, immediate_tasks: None, django_capture_on_commit_callbacks: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    leader = client_for(world.users["leader"])
    upload = SimpleUploadedFile("export.csv", EXPORT.encode("utf-8"))
    response = leader.post(f"/o/{world.org.slug}/work/import/", {"kind": "items", "source": "topdesk", "file": upload})
    work_import = WorkImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/work/imports/{work_import.pk}/")
    page = leader.get(response["Location"]).content.decode()
    assert "Accountmanager" in page  # the file's headers are offered in the mapping
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(response["Location"], _form(MAPPING, run="check"))
    work_import.refresh_from_db()
    assert work_import.status == ImportStatus.DONE and work_import.dry_run
    assert [(p["row"], p["column"], p["code"]) for p in work_import.problems] == [(3, "Opgelost op", "date_invalid")]
    page = leader.get(response["Location"]).content.decode()
    assert "Opgelost op" in page and "31-02-2026" in page
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(response["Location"], _form(MAPPING, run="import"))
    work_import.refresh_from_db()
    assert work_import.status == ImportStatus.REFUSED and not WorkItem.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(response["Location"], _form(MAPPING, run="import", skip_bad_rows="on"))
    work_import.refresh_from_db()
    assert work_import.status == ImportStatus.DONE and work_import.created == 1 and work_import.skipped == 1
    assert list(WorkItem.objects.values_list("external_id", flat=True)) == ["A-1"]
    assert WorkMapping.objects.get(source="topdesk").mapping["owner"] == "Accountmanager"  # kept for next time
    assert not work_import.upload  # the uploaded file is gone once imported


def test_only_leaders_import(world: World) -> None:
    for role in ("team_lead", "member", "coach", "council"):
        assert client_for(world.users[role]).get(f"/o/{world.org.slug}/work/import/").status_code == 403


def test_the_progress_fragment_polls_while_running_and_asks_for_a_reload_when_done(world: World) -> None:
    work_import = WorkImport.objects.create(organisation=world.org, kind="items", source="s", filename="f.csv",
                                            mapping={}, status=ImportStatus.RUNNING)  # fmt: skip
    url = f"/o/{world.org.slug}/work/imports/{work_import.pk}/progress/"
    leader = client_for(world.users["leader"])
    running = leader.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<progress" in running and "hx-trigger" in running
    work_import.status = ImportStatus.DONE
    work_import.save()
    done = leader.get(url, HTTP_HX_REQUEST="true")
    assert done.status_code == 204 and done["HX-Refresh"] == "true"


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_the_cli_imports_exits_non_zero_on_errors_and_reports_each_problem(world: World, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="cp1252")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    base = ["work", "import", "--org", world.org.slug, "--file", str(export), "--mapping", str(mapping)]
    code, out, err = _cli(*base, "--dry-run")
    assert code == 1 and "row 3, column 'Opgelost op', value '31-02-2026 12:00'" in err
    assert not WorkItem.objects.exists()
    code, out, err = _cli(*base)
    assert code == 1 and "nothing imported" in err and not WorkItem.objects.exists()
    code, out, err = _cli(*base, "--skip-bad-rows")
    assert code == 0 and "1 new" in out and WorkItem.objects.count() == 1
    code, out, err = _cli(*base, "--skip-bad-rows")
    assert code == 0 and "0 new, 0 updated, 1 unchanged" in out


def test_the_cli_imports_targets(world: World, tmp_path: Path) -> None:
    targets = tmp_path / "doelen.csv"
    targets.write_text("person;period_start;period_end;target\r\nChantal Nijhuis;2026-03-01;2026-03-31;20.000\r\n")
    code, out, _err = _cli("work", "targets", "--org", world.org.slug, "--file", str(targets))
    assert code == 0 and "1 new" in out
    code, _out, err = _cli("work", "targets", "--org", "nope", "--file", str(targets))
    assert code == 2 and "nope" in err
