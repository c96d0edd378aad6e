"""`python -m benchmarks.work_import` (part of `make benchmarks`): the work import and the team diagnostics.

A generated helpdesk export of ROWS rows (semicolon CSV, Dutch dates with times, amounts like "1.234,50",
eight portfolio owners) is imported into an empty SQLite database three ways, each in a fresh process so its
peak memory is its own:

- naober: `naober.work.services.work_import` — streaming read, every check, people matched, one transaction;
- baseline: `pandas.read_csv` of the whole file, dates and amounts converted by pandas, then Django's
  `bulk_create` of the same rows (the usual Django bulk insert), in one transaction;
- baseline, same insert: the same pandas reading, then the same `INSERT ... ON CONFLICT` executemany naober uses,
  so the difference left is reading and checking.

Then the diagnostics of one team: a team-year (8 people, about 10,000 items) and all ROWS items of one team.
Times on a shared machine are noisy: compare the ratios within one run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

OWNERS = ("Anna Veldhuis", "Bas Nijland", "Carla Lohuis", "Dirk Brink", "Els Oude Vrielink", "Frank Wessels",
          "Gerda Kamphuis", "Hans ter Braak")  # fmt: skip
HEADERS = ("Ticketnummer", "Aangemaakt", "Eerste reactie", "Opgelost", "Klant", "Eigenaar", "Behandelaar", "Bedrag",
           "Kanaal")  # fmt: skip
MAPPING = {"external_id": "Ticketnummer", "created_at": "Aangemaakt", "first_response_at": "Eerste reactie",
           "resolved_at": "Opgelost", "customer": "Klant", "owner": "Eigenaar", "handler": "Behandelaar",
           "value": "Bedrag", "channel": "Kanaal"}  # fmt: skip
DATE_FORMAT = "%d-%m-%Y %H:%M"


def generate(path: Path, rows: int, seed: int = 1) -> None:
    """A year of tickets for eight owners; one in six handled by a colleague; a few still open."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 6, 8, 0)  # noqa: DTZ001 - an export's wall-clock time
    step = 365 * 24 * 3600 / rows
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(HEADERS)
        for k in range(rows):
            created = start + timedelta(seconds=k * step)
            owner = OWNERS[rng.randrange(8)]
            handler = owner if rng.random() > 1 / 6 else OWNERS[rng.randrange(8)]
            first = created + timedelta(minutes=rng.randrange(5, 240))
            resolved = first + timedelta(minutes=rng.randrange(10, 3000))
            open_item = rng.random() < 0.01
            cents = rng.randrange(0, 500_000)
            amount = f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"
            writer.writerow([f"T-{k:07d}", created.strftime(DATE_FORMAT), first.strftime(DATE_FORMAT),
                             "" if open_item else resolved.strftime(DATE_FORMAT), f"Klant {rng.randrange(4000):04d}",
                             owner, handler, amount, rng.choice(("telefoon", "e-mail", "portaal"))])  # fmt: skip


def _django(database: Path) -> None:
    os.environ["NAOBER_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
    import django

    django.setup()


def _organisation() -> Any:
    from naober.orgs.models import Organisation, Person, Portfolio, Team

    org = Organisation.objects.get(slug="bench")
    if not Team.objects.filter(organisation=org).exists():
        team = Team.objects.create(organisation=org, name="Binnendienst")
        for name in OWNERS:
            person = Person.objects.create(organisation=org, name=name)
            team.members.add(person)
            Portfolio.objects.create(organisation=org, team=team, owner=person, name=name)
    return org


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_naober(csv_path: Path) -> dict[str, Any]:
    from naober.lib import workfile
    from naober.work.services import work_import

    org = _organisation()
    before = _peak_mb()
    started = time.perf_counter()
    with csv_path.open("rb") as file:
        outcome = work_import(organisation=org, file=file, filename=csv_path.name, source="bench",
                              mapping=workfile.Mapping.from_json(MAPPING, kind="items"))  # fmt: skip
    seconds = time.perf_counter() - started
    assert outcome.imported and outcome.problem_count == 0, outcome.problems[:3]
    return {"seconds": seconds, "rows": outcome.created, "peak_mb": _peak_mb(), "start_mb": before}


def _pandas_rows(csv_path: Path, org: Any) -> tuple[int, list[tuple[Any, ...]]]:
    """The rows as pandas reads and converts them, ready to insert, all in memory (the pandas way)."""
    import pandas as pd  # imported before the clock starts, in run_baseline

    from naober.orgs.models import Person

    people = dict(Person.objects.filter(organisation=org).values_list("name", "pk"))
    team_id = org.teams.get().pk
    frame = pd.read_csv(csv_path, sep=";", dtype=str, keep_default_na=False)
    moments = []
    for column in ("Aangemaakt", "Eerste reactie", "Opgelost"):
        parsed = pd.to_datetime(frame[column], format=DATE_FORMAT, errors="coerce")
        local = parsed.dt.tz_localize("Europe/Amsterdam", ambiguous=False, nonexistent="shift_forward")
        moments.append([None if m is pd.NaT else m for m in local.dt.to_pydatetime()])
    texts = frame["Bedrag"].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    owners = frame["Eigenaar"].map(people).tolist()
    handlers = frame["Behandelaar"].map(people).tolist()
    values = [Decimal(text) if text else None for text in texts.tolist()]
    rows = list(zip(frame["Ticketnummer"].tolist(), [team_id] * len(frame), frame["Klant"].tolist(), owners, handlers,
                    moments[0], moments[1], moments[2], values, frame["Kanaal"].tolist(), strict=True))  # fmt: skip
    return len(frame), rows


def run_baseline(csv_path: Path, *, same_insert: bool) -> dict[str, Any]:
    import pandas  # noqa: F401 - loaded before the clock starts, as Django is for naober
    from django.db import connection, transaction
    from django.utils import timezone

    from naober.work.models import WorkItem
    from naober.work.services import ImportOutcome, _ItemWriter

    org = _organisation()
    before = _peak_mb()
    started = time.perf_counter()
    count, rows = _pandas_rows(csv_path, org)
    with transaction.atomic():
        if same_insert:
            writer = _ItemWriter(org, "bench", ImportOutcome(), write=True)
            for start in range(0, count, 2000):
                writer([(r[0], r[1:]) for r in rows[start : start + 2000]])
        else:
            now = timezone.now()
            items = (
                WorkItem(organisation=org, source="bench", external_id=r[0], team_id=r[1], customer=r[2],
                         owner_id=r[3], handler_id=r[4], created_at=r[5], first_response_at=r[6], resolved_at=r[7],
                         value=r[8], channel=r[9], imported_at=now)
                for r in rows
            )  # fmt: skip
            batch: list[Any] = []
            for item in items:
                batch.append(item)
                if len(batch) == 2000:
                    WorkItem.objects.bulk_create(batch)
                    batch.clear()
            WorkItem.objects.bulk_create(batch)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM work_workitem")
        stored = cursor.fetchone()[0]
    return {"seconds": seconds, "rows": stored, "peak_mb": _peak_mb(), "start_mb": before}


def run_diagnostics(csv_path: Path) -> dict[str, Any]:
    """Import, then time the diagnostics of the whole team (all rows) and of a team-year of ~10,000 items."""
    from naober.lib import workfile
    from naober.orgs.models import Person, Team
    from naober.work.diagnostics import team_diagnose
    from naober.work.models import WorkItem
    from naober.work.services import work_import

    org = _organisation()
    with csv_path.open("rb") as file:
        work_import(organisation=org, file=file, filename=csv_path.name, source="bench",
                    mapping=workfile.Mapping.from_json(MAPPING, kind="items"))  # fmt: skip
    team = Team.objects.get(organisation=org, name="Binnendienst")
    total = WorkItem.objects.filter(team=team).count()
    started = time.perf_counter()
    everything = team_diagnose(team=team, start=datetime(2025, 1, 1).date(), end=datetime(2026, 1, 31).date(),  # noqa: DTZ001
                               viewer=None)  # fmt: skip
    all_seconds = time.perf_counter() - started
    # A team-year: a second team of the same eight people with every 100th item of the year.
    year_team = Team.objects.create(organisation=org, name="Teamjaar")
    year_team.members.add(*Person.objects.filter(organisation=org))
    ids = list(
        WorkItem.objects.filter(team=team).order_by("pk").values_list("pk", flat=True)[:: max(1, total // 10_000)]
    )
    WorkItem.objects.filter(pk__in=ids[:10_000]).update(team=year_team)
    team_diagnose(team=year_team, start=None, end=None, viewer=None)  # warm: imports, caches
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        year = team_diagnose(team=year_team, start=None, end=None, viewer=None)
        runs.append(time.perf_counter() - started)
    return {"all_items": everything["items"], "all_seconds": all_seconds, "year_items": year["items"],
            "year_seconds": min(runs), "verdict": everything["help_after_target"]["verdict"]}  # fmt: skip


def _child(mode: str, csv_path: Path, database: Path) -> dict[str, Any]:
    """Run one mode in a fresh Python process, on its own copy of the migrated empty database."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "benchmarks.work_import", "--child", mode, "--csv", str(csv_path), "--db",
               str(database)]  # fmt: skip
    output = subprocess.run(command, check=False, capture_output=True, text=True, env=env)  # noqa: S603 - our own module
    if output.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{output.stderr}")
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    return result


def _empty_database(folder: Path) -> Path:
    template = folder / "empty.sqlite3"
    env = {**os.environ, "NAOBER_DATABASE_URL": f"sqlite:///{template}"}
    subprocess.run([sys.executable, "-m", "naober.cli", "manage", "migrate", "-v0"], check=True, env=env)
    subprocess.run([sys.executable, "-m", "naober.cli", "org", "create", "--name", "Bench", "--slug", "bench"],
                   check=True, env=env, capture_output=True)  # fmt: skip
    return template


def _copy(template: Path, name: str) -> Path:
    target = template.with_name(name)
    shutil.copyfile(template, target)
    return target


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.rjust(widths[i]) if i else cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="20,000 rows: a smoke run")
    parser.add_argument("--child", choices=("naober", "baseline", "baseline-same-insert", "diagnostics"))
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        _django(args.db)
        if args.child == "naober":
            result = run_naober(args.csv)
        elif args.child == "diagnostics":
            result = run_diagnostics(args.csv)
        else:
            result = run_baseline(args.csv, same_insert=args.child == "baseline-same-insert")
        print(json.dumps(result))
        return 0
    rows = 20_000 if args.quick else args.rows
    with tempfile.TemporaryDirectory(prefix="naober-bench-") as folder:
        base = Path(folder)
        csv_path = base / "export.csv"
        generate(csv_path, rows)
        size_mb = csv_path.stat().st_size / 1e6
        template = _empty_database(base)
        print(f"\n== The work import: {rows:,} rows ({size_mb:.0f} MB semicolon CSV) into an empty SQLite database ==")
        results = {}
        for mode in ("baseline", "baseline-same-insert", "naober"):
            results[mode] = _child(mode, csv_path, _copy(template, f"{mode}.sqlite3"))
            assert results[mode]["rows"] == rows, (mode, results[mode])
        base_speed = rows / results["baseline"]["seconds"]
        lines = [["import", "seconds", "rows/s", "vs baseline", "peak MB", "MB before import"]]
        labels = {"baseline": "pandas read_csv + Django bulk_create", "baseline-same-insert":
                  "pandas read_csv + naober's insert", "naober": "naober (stream, check, upsert)"}  # fmt: skip
        for mode, label in labels.items():
            r = results[mode]
            speed = rows / r["seconds"]
            lines.append([label, f"{r['seconds']:.1f}", f"{speed:,.0f}", f"{speed / base_speed:.2f}x",
                          f"{r['peak_mb']:.0f}", f"{r['start_mb']:.0f}"])  # fmt: skip
        print(table(lines))
        diag = _child("diagnostics", csv_path, _copy(template, "diagnostics.sqlite3"))
        print(f"\n== Team diagnostics (help-after-target verdict on the generated data: {diag['verdict']}) ==")
        print(table([["team", "items", "seconds"],
                     ["a team-year (best of 3, warm)", f"{diag['year_items']:,}", f"{diag['year_seconds']:.2f}"],
                     ["one team, every item", f"{diag['all_items']:,}", f"{diag['all_seconds']:.1f}"]]))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
