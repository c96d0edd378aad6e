"""Diagnose in the browser: upload an export, fix the mapping, see the dry-run errors, import, open the diagnostics.

The import runs in the background: the page shows a progress bar while it waits for the worker, and the test
runs the worker (`db_worker --batch`) itself, as `naober serve` would.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from naober.orgs.models import Person
from naober.work.models import WorkItem
from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.conftest import World

NAMES = ("Bram Oude Luttikhuis", "Chantal Nijhuis", "Daan Kamphuis", "Ellen Jansen", "Frank Wolters", "Gijs Bos")


def _export(path: Path) -> None:
    """Three weeks of tickets of six people, one with an impossible date in row 3."""
    lines = ["Ticketnummer;Aangemaakt op;Opgelost op;Klantnaam;Accountmanager;Behandeld door;Omzet"]
    start = datetime(2026, 3, 2, 8, 30)  # noqa: DTZ001 - an export's wall-clock time
    for k in range(120):
        created = start + timedelta(hours=3 * k)
        resolved = "31-02-2026 12:00" if k == 1 else (created + timedelta(hours=2 + k % 20)).strftime("%d-%m-%Y %H:%M")
        owner, handler = NAMES[k % 6], NAMES[(k + (1 if k % 4 == 0 else 0)) % 6]
        lines.append(f"A-{k};{created:%d-%m-%Y %H:%M};{resolved};Klant {k % 30};{owner};{handler};1.250,00")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1252")


def _run_worker() -> None:
    call_command("db_worker", "--batch", verbosity=0)


@pytest.mark.browser
def test_upload_fix_the_mapping_check_import_and_open_the_diagnostics(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot, tmp_path: Path, settings: Any
) -> None:
    world = browser_world
    settings.MEDIA_ROOT = tmp_path / "media"
    world.binnendienst.members.add(*(Person.objects.create(organisation=world.org, name=n) for n in NAMES[3:]))
    export = tmp_path / "topdesk-export.csv"
    _export(export)

    page = open_page(viewport={"width": 1280, "height": 900}, locale="en-US")
    log_in(page, world.users["leader"].email)
    page.goto(f"/o/{world.org.slug}/work/")
    page.get_by_role("button", name="Import an export").click()
    page.get_by_label("Source system").fill("topdesk")
    page.get_by_label("Export file (CSV or XLSX)").set_input_files(str(export))
    page.get_by_role("button", name="Upload and check the columns").click()

    # naober recognised most columns; the portfolio owner is called "Accountmanager" here: set it by hand.
    owner = page.get_by_label("Portfolio owner")
    expect(owner).to_be_visible()
    screenshot(page, "columns-as-recognised")
    owner.select_option("Accountmanager")
    page.get_by_label("Handled by").select_option("Behandeld door")
    page.get_by_role("button", name="Check every row (imports nothing)").click()
    expect(page.locator("progress")).to_be_visible()
    screenshot(page, "waiting-for-the-worker")
    _run_worker()
    expect(page.get_by_role("heading", name="Checked: problems found")).to_be_visible(timeout=10_000)
    problems = page.locator("table tbody tr")
    expect(problems).to_have_count(1)
    expect(problems.first).to_contain_text("Opgelost op")
    expect(problems.first).to_contain_text("31-02-2026 12:00")
    screenshot(page, "dry-run-errors")
    assert not WorkItem.objects.exists()

    page.get_by_label("Skip the rows with problems").check()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("progress")).to_be_visible()
    _run_worker()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible(timeout=10_000)
    screenshot(page, "imported")
    assert WorkItem.objects.count() == 119

    page.get_by_role("link", name="To the team diagnostics").click()
    page.get_by_role("link", name="Binnendienst").click()
    expect(page.get_by_role("heading", name="Does help wait for people's own target?")).to_be_visible()
    expect(page.locator("canvas[data-chart]")).to_have_count(4)
    expect(page.locator("svg.network")).to_be_visible()
    page.wait_for_timeout(500)  # the charts draw after load
    screenshot(page, "diagnostics")
