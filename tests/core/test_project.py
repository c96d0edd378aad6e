"""Project-wide guards: migrations, the Dutch catalogue, the transparency register, security headers."""

import ast
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import Client

from naober.orgs.register import declared_models, entries, kind_of
from tests.conftest import World

REPO = Path(__file__).resolve().parents[2]


def test_no_model_change_lacks_a_migration(db: None) -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"A model change has no migration:\n{out.getvalue()}")


def test_migration_names_say_what_they_do() -> None:
    names = [p.name for p in REPO.glob("naober/*/migrations/0*.py")]
    assert names
    assert not [n for n in names if "auto_" in n or n.endswith("_initial.py")]


def _dutch_catalogue() -> polib.POFile:
    return polib.pofile(str(REPO / "locale" / "nl" / "LC_MESSAGES" / "django.po"))


def test_dutch_catalogue_has_no_missing_or_fuzzy_message() -> None:
    catalogue = _dutch_catalogue()
    missing = [e.msgid for e in catalogue.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries() if not e.obsolete]
    assert not missing, f"Dutch translation missing for: {missing[:10]}"
    assert not fuzzy, f"Fuzzy Dutch translation for: {fuzzy[:10]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is needed to extract messages")
def test_every_message_in_the_code_is_in_the_dutch_catalogue(tmp_path: Path) -> None:
    """Extract messages from a copy of the code and compare with the committed catalogue."""
    shutil.copytree(REPO / "naober", tmp_path / "naober", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "naober.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
            "NAOBER_DATA_DIR": str(tmp_path / "data"),
        },
    )
    extracted = polib.pofile(str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    known = {(e.msgctxt, e.msgid) for e in _dutch_catalogue() if not e.obsolete}
    absent = sorted(e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known)
    assert not absent, f"Run `make messages` and translate: {absent[:10]}"


def test_every_model_declares_itself_in_the_transparency_register() -> None:
    undeclared = [m.__name__ for m in declared_models() if kind_of(m) is None]
    assert not undeclared, f"Add `transparency = DataKind(...)` to {undeclared}"


def test_transparency_register_counts_only_this_organisations_rows(world: World) -> None:
    counts = {entry.model.__name__: entry.count for entry in entries(world.org)}
    assert counts["Person"] == 5
    assert counts["Team"] == 2
    assert counts["User"] == 6
    other = {entry.model.__name__: entry.count for entry in entries(world.other_org)}
    assert other["Person"] == 1


@pytest.mark.parametrize("role", ["member", "council", "coach"])
def test_transparency_register_is_readable_by_every_role(world: World, role: str) -> None:
    client = Client()
    client.force_login(world.users[role])
    response = client.get(f"/o/{world.org.slug}/transparency/")
    assert response.status_code == 200
    assert "Failed logins" in response.content.decode() or "Mislukte" in response.content.decode()


def test_pages_send_security_headers(world: World, leader_client: Client) -> None:
    response = leader_client.get(f"/o/{world.org.slug}/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_templates_have_no_inline_script_or_style() -> None:
    offenders = []
    for template in (REPO / "naober").rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if "<style" in text or " style=" in text or "<script>" in text or " on" + "click=" in text:
            offenders.append(template.name)
    assert not offenders, f"Inline script or style breaks the CSP: {offenders}"


def test_sim_and_lib_import_nothing_from_django_or_the_apps() -> None:
    """The same rule as the import-linter contract, for every module, including apps added later."""
    allowed_naober = ("naober.sim", "naober.lib")
    offenders = []
    for path in [*(REPO / "naober" / "sim").rglob("*.py"), *(REPO / "naober" / "lib").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                if root in {"django", "ninja", "pydantic"} or (
                    root == "naober" and not name.startswith(allowed_naober)
                ):
                    offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert not offenders, offenders
