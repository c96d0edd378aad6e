"""`naober work import|targets|diagnose`: the team's real work from the terminal, through the same services."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, TextIO


class FractionBar:
    """A one-line progress bar on a terminal; on a pipe or file, one line at the end (logs stay readable)."""

    def __init__(self, label: str, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.label = label
        self.stream = stream
        self.width = width
        self.started = time.perf_counter()
        self.interactive = stream.isatty()

    def __call__(self, fraction: float) -> None:
        if not self.interactive and fraction < 1:
            return
        filled = int(self.width * fraction)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if fraction >= 1 else ""
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"\r{self.label} [{bar}] {fraction:4.0%}, {elapsed:.1f} s{end}")
        self.stream.flush()


def _setup() -> None:
    from naober.cli import _setup as setup

    setup()


def _organisation(slug: str) -> Any:
    from naober.orgs.models import Organisation

    org = Organisation.objects.filter(slug=slug).first()
    if org is None:
        print(f"No organisation with the short name {slug!r}.", file=sys.stderr)
    return org


def _mapping(args: argparse.Namespace, kind: str, path: Path) -> Any:
    """The mapping from --mapping, else the organisation's saved one for the source, else a guess from the headers."""
    from naober.lib import workfile
    from naober.work.views import saved_mapping

    if args.mapping:
        try:
            data = json.loads(Path(args.mapping).read_text(encoding="utf-8"))
            return workfile.Mapping.from_json(data, kind=kind)  # type: ignore[arg-type]
        except (OSError, json.JSONDecodeError) as error:
            print(f"The mapping file {args.mapping} is not readable JSON: {error}", file=sys.stderr)
        except workfile.MappingError as error:
            print(f"The mapping file {args.mapping}: {error}", file=sys.stderr)
        return None
    org = _organisation(args.org)
    saved = saved_mapping(org, kind, args.source) if org else None
    if saved is not None:
        return saved
    try:
        headers = workfile.open_work_file(path, path.name).headers
    except workfile.FileError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return None
    guess = workfile.suggest_mapping(headers, kind=kind)  # type: ignore[arg-type]
    if guess is None:
        print("No mapping given and the columns are not recognised: pass --mapping M.json.", file=sys.stderr)
    return guess


def _print_problem(problem: Any) -> None:
    print(f"row {problem.row}, column {problem.column!r}, value {problem.value!r}: {problem.reason}", file=sys.stderr)


def _report(outcome: Any, what: str) -> int:
    if outcome.unknown_people:
        print(
            "Unknown people (add them, or pass --create-people): " + ", ".join(outcome.unknown_people), file=sys.stderr
        )
    if outcome.problem_count and not outcome.imported:
        label = "checked" if outcome.dry_run else "nothing imported"
        print(f"{outcome.problem_count} problem(s) in {outcome.rows:,} row(s); {label}.", file=sys.stderr)
    counts = f"{outcome.created:,} new, {outcome.updated:,} updated, {outcome.unchanged:,} unchanged"
    if outcome.dry_run:
        print(f"Dry run: {outcome.rows:,} {what} read; would import {counts}.")
    elif outcome.imported:
        skipped = f", {outcome.skipped:,} rows with problems skipped" if outcome.skipped else ""
        people = f"; people created: {', '.join(outcome.people_created)}" if outcome.people_created else ""
        print(f"Imported {outcome.rows:,} {what}: {counts}{skipped}{people}.")
    return 1 if outcome.problem_count and not outcome.imported else 0


def cmd_work_import(args: argparse.Namespace) -> int:
    _setup()
    from naober.work.services import work_import

    org = _organisation(args.org)
    path = Path(args.file)
    if org is None or not path.is_file():
        if org is not None:
            print(f"No file at {path}.", file=sys.stderr)
        return 2
    mapping = _mapping(args, "items", path)
    if mapping is None:
        return 2
    with path.open("rb") as file:
        outcome = work_import(
            organisation=org, file=file, filename=path.name, mapping=mapping, source=args.source,
            dry_run=args.dry_run, skip_bad_rows=args.skip_bad_rows, create_people=args.create_people,
            progress=FractionBar(path.name), on_problem=_print_problem,
        )  # fmt: skip
    return _report(outcome, "work items")


def cmd_work_targets(args: argparse.Namespace) -> int:
    _setup()
    from naober.work.services import targets_import

    org = _organisation(args.org)
    path = Path(args.file)
    if org is None or not path.is_file():
        if org is not None:
            print(f"No file at {path}.", file=sys.stderr)
        return 2
    args.source = "targets"
    mapping = _mapping(args, "targets", path)
    if mapping is None:
        return 2
    with path.open("rb") as file:
        outcome = targets_import(
            organisation=org, file=file, filename=path.name, mapping=mapping, dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows, progress=FractionBar(path.name), on_problem=_print_problem,
        )  # fmt: skip
    return _report(outcome, "targets")


def cmd_work_diagnose(args: argparse.Namespace) -> int:
    _setup()
    from naober.work.diagnostics import team_diagnose, team_named

    org = _organisation(args.org)
    if org is None:
        return 2
    team = team_named(org, args.team)
    if team is None:
        print(f"--team: no team {args.team!r} in {org.name}.", file=sys.stderr)
        return 2
    try:
        start = date.fromisoformat(args.date_from) if args.date_from else None
        end = date.fromisoformat(args.date_to) if args.date_to else None
    except ValueError as error:
        print(f"--from/--to: {error} (write YYYY-MM-DD).", file=sys.stderr)
        return 2
    diagnosis = team_diagnose(team=team, start=start, end=end, viewer=None)
    if args.json:
        print(json.dumps(diagnosis, indent=2, ensure_ascii=False, default=str))
        return 0
    signal = diagnosis["help_after_target"]
    lead = diagnosis["lead_time"]
    print(
        f"{team.name}: {diagnosis['items']:,} work items, {diagnosis['period']['from']} to {diagnosis['period']['to']}"
    )
    if diagnosis.get("suppressed"):
        print(diagnosis["suppressed"])
        return 0
    print(
        f"lead time p50 {lead['p50_hours']} h, p90 {lead['p90_hours']} h; within service level {lead['share_within']}"
    )
    print(f"help share {diagnosis['help']['help_share']}")
    print(f"help after own target: {signal['verdict']} (rate ratio {signal['rate_ratio']}, p = {signal['p_value']})")
    return 0


def add_parser(commands: Any) -> None:
    work = commands.add_parser("work", help="the team's real work: import exports, diagnose a team")
    sub = work.add_subparsers(dest="work_command", required=True)

    imp = sub.add_parser("import", help="import work items from a helpdesk or ERP export (CSV or XLSX)")
    imp.add_argument("--org", required=True, help="the organisation's short name (slug)")
    imp.add_argument("--file", required=True)
    imp.add_argument("--mapping", help="JSON file: our field names to the file's column headers")
    imp.add_argument("--source", default="import", help="the system the export comes from (ids are unique per source)")
    imp.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    imp.add_argument("--skip-bad-rows", action="store_true", help="import the good rows, skip the rows with problems")
    imp.add_argument("--create-people", action="store_true", help="create people whose names are unknown")
    imp.set_defaults(func=cmd_work_import)

    targets = sub.add_parser("targets", help="import person targets per period (CSV or XLSX)")
    targets.add_argument("--org", required=True, help="the organisation's short name (slug)")
    targets.add_argument("--file", required=True)
    targets.add_argument("--mapping", help="JSON file: person, period_start, period_end, target to the headers")
    targets.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    targets.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, skip the rows with problems"
    )
    targets.set_defaults(func=cmd_work_targets)

    diagnose = sub.add_parser("diagnose", help="a team's diagnostics: lead times, load, help flows, help after target")
    diagnose.add_argument("--org", required=True, help="the organisation's short name (slug)")
    diagnose.add_argument("--team", required=True, help="the team's name or slug")
    diagnose.add_argument("--from", dest="date_from", help="first day (YYYY-MM-DD); default a year before --to")
    diagnose.add_argument("--to", dest="date_to", help="last day (YYYY-MM-DD); default the last work item")
    diagnose.add_argument("--json", action="store_true", help="print the whole diagnosis as JSON")
    diagnose.set_defaults(func=cmd_work_diagnose)
