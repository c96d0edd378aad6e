"""The ``naober`` command: serve, manage, org, people, demo, simulate, scan.

Each sub-command is a thin adapter: parse the arguments, set Django up, call the same service the pages
and the API call, print the outcome. Exit codes: 0 done, 1 nothing done because of errors in the input,
2 wrong arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from naober.cli_scan import add_parser as add_scan_parser
from naober.cli_simulate import add_parser as add_simulate_parser
from naober.cli_work import add_parser as add_work_parser


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.settings")
    import django

    django.setup()


def cmd_manage(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["naober manage", *args.rest])
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run gunicorn and the background worker side by side; stop both when either stops."""
    _setup()
    from django.core.management import call_command

    if not args.no_collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)
    python = sys.executable
    processes = [
        subprocess.Popen([python, "-m", "naober.cli", "manage", "db_worker", "--queue-name", "default"]),  # noqa: S603
        subprocess.Popen(  # noqa: S603
            [
                python,
                "-m",
                "gunicorn",
                "naober.wsgi:application",
                "--bind",
                args.bind,
                "--workers",
                str(args.workers),
                "--access-logfile",
                "-",
            ]
        ),
    ]
    print(f"naober serves at http://{args.bind}/ (web server and background worker). Ctrl+C stops both.")

    def stop(*_: Any) -> None:
        for process in processes:
            if process.poll() is None:
                process.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return max((process.returncode or 0) for process in processes) if not args.ignore_exit else 0


def cmd_org_create(args: argparse.Namespace) -> int:
    _setup()
    from django.core.exceptions import ValidationError

    from naober.orgs.services import organisation_create

    try:
        org = organisation_create(name=args.name, slug=args.slug, city=args.city or "")
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                print(f"{field}: {message}", file=sys.stderr)
        return 1
    print(f"Created organisation {org.name} ({org.slug}).")
    return 0


def cmd_people_import(args: argparse.Namespace) -> int:
    _setup()
    from naober.orgs.models import Organisation
    from naober.orgs.people_import import people_import

    org = Organisation.objects.filter(slug=args.org).first()
    if org is None:
        print(f"No organisation with slug {args.org!r}.", file=sys.stderr)
        return 2
    path = Path(args.file)
    if not path.is_file():
        print(f"No file at {path}.", file=sys.stderr)
        return 2
    mapping = None
    if args.mapping:
        try:
            mapping = json.loads(Path(args.mapping).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            print(f"The mapping file {args.mapping} is not readable JSON: {error}", file=sys.stderr)
            return 2
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            print(
                "The mapping file must hold a JSON object from field names to column headers.",
                file=sys.stderr,
            )
            return 2
    result = people_import(
        organisation=org, data=path.read_bytes(), filename=path.name, mapping=mapping, dry_run=args.dry_run
    )
    for problem in result.problems:
        print(
            f"row {problem.row}, column {problem.column!r}, value {problem.value!r}: {problem.reason}",
            file=sys.stderr,
        )
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {result.rows} row(s); nothing imported.", file=sys.stderr)
        return 1
    verb = "Would import" if args.dry_run else "Imported"
    teams = f", new teams: {', '.join(result.teams_created)}" if result.teams_created else ""
    print(f"{verb} {result.rows} row(s): {result.created} new, {result.updated} updated{teams}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _setup()
    from naober.core.demo import demo_load

    summary = demo_load(reset=args.reset, only_if_empty=args.if_empty)
    print(summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="naober", description="naober: a human-centred performance system")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the web application and run the background worker")
    serve.add_argument("--bind", default=os.environ.get("NAOBER_BIND", "127.0.0.1:8000"))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("NAOBER_WEB_WORKERS", "2")))
    serve.add_argument("--no-collectstatic", action="store_true")
    serve.add_argument("--ignore-exit", action="store_true", help=argparse.SUPPRESS)
    serve.set_defaults(func=cmd_serve)

    manage = commands.add_parser("manage", help="run any Django management command", add_help=False)
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    org = commands.add_parser("org", help="organisations").add_subparsers(dest="org_command", required=True)
    create = org.add_parser("create", help="create an organisation")
    create.add_argument("--name", required=True)
    create.add_argument("--slug", required=True)
    create.add_argument("--city")
    create.set_defaults(func=cmd_org_create)

    people = commands.add_parser("people", help="people").add_subparsers(dest="people_command", required=True)
    imp = people.add_parser("import", help="import people and teams from a CSV or XLSX export")
    imp.add_argument("--org", required=True, help="the organisation's slug")
    imp.add_argument("--file", required=True)
    imp.add_argument("--mapping", help="JSON file: our field names to the file's column headers")
    imp.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    imp.set_defaults(func=cmd_people_import)

    demo = commands.add_parser("demo", help="load the demo company Ter Horst Installatietechniek")
    demo.add_argument("--reset", action="store_true", help="remove the demo organisation first")
    demo.add_argument("--if-empty", action="store_true", help="only when the database has no organisation")
    demo.set_defaults(func=cmd_demo)

    add_simulate_parser(commands)
    add_scan_parser(commands)
    add_work_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
