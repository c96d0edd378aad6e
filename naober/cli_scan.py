"""`naober scan open` and `naober scan report`: the balance scan from the terminal, through the same services."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from typing import Any


def _setup() -> None:
    from naober.cli import _setup as setup

    setup()


def _errors(error: Any) -> None:
    if hasattr(error, "message_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                print(f"{field}: {message}", file=sys.stderr)
    else:
        for message in error.messages:
            print(message, file=sys.stderr)


def cmd_scan_open(args: argparse.Namespace) -> int:
    _setup()
    from django.core.exceptions import ValidationError
    from django.db.models import Q

    from naober.orgs.models import Organisation, Team
    from naober.scan.services import round_open

    org = Organisation.objects.filter(slug=args.org).first()
    if org is None:
        print(f"No organisation with the short name {args.org!r}.", file=sys.stderr)
        return 2
    teams = []
    for name in [n.strip() for n in (args.teams or "").split(",") if n.strip()]:
        team = Team.objects.in_org(org).filter(Q(name__iexact=name) | Q(pk=int(name) if name.isdigit() else 0)).first()
        if team is None:
            print(f"--teams: no team {name!r} in {org.name}.", file=sys.stderr)
            return 2
        teams.append(team)
    try:
        closes_on = date.fromisoformat(args.closes) if args.closes else date.today() + timedelta(days=21)  # noqa: DTZ011
    except ValueError:
        print(f"--closes: {args.closes!r} is not a date (YYYY-MM-DD).", file=sys.stderr)
        return 2
    try:
        scan_round, letters = round_open(
            organisation=org, closes_on=closes_on, teams=teams, title=args.title or "", send_email=not args.no_email
        )
    except ValidationError as error:
        _errors(error)
        return 1
    invitations = [
        {
            "person": letter.person.name,
            "team": letter.team.name if letter.team else None,
            "role": letter.role,
            "token": letter.token,
            "url": letter.url,
        }
        for letter in letters
    ]
    if args.json:
        print(json.dumps({"round": scan_round.pk, "title": scan_round.title, "invitations": invitations}, indent=2))
    else:
        print(f"Opened round {scan_round.pk} ({scan_round.title}), {len(letters)} invitations, closes {closes_on}.")
    return 0


def cmd_scan_report(args: argparse.Namespace) -> int:
    _setup()
    from naober.scan.models import ScanRound
    from naober.scan.report import build

    scan_round = ScanRound.objects.select_related("organisation").filter(pk=args.round).first()
    if scan_round is None:
        print(f"No scan round {args.round}.", file=sys.stderr)
        return 2
    report = build(scan_round)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{report['title']}: {report['responded']} of {report['invited']} responded "
        f"(groups below {report['threshold']} are not shown)"
    )
    for group in report["groups"]:
        if group["suppressed"]:
            print(f"  {group['name']} ({group['kind']}): not shown ({group['reason']})")
        else:
            label = " — not anonymous" if group["not_anonymous"] else ""
            print(f"  {group['name']} ({group['kind']}): {group['respondents']} respondents{label}")
    for gap in report["gaps"][:5]:
        flag = "  blind spot" if gap["blind_spot"] else ""
        print(f"  {gap['scale']}: leaders {gap['leaders']}, staff {gap['staff']}, gap {gap['gap']}{flag}")
    return 0


def add_parser(commands: Any) -> None:
    scan = commands.add_parser("scan", help="the balance scan").add_subparsers(dest="scan_command", required=True)
    opening = scan.add_parser("open", help="open a round and print the personal links")
    opening.add_argument("--org", required=True, help="the organisation's short name (slug)")
    opening.add_argument("--teams", help="comma-separated team names (default: the whole organisation)")
    opening.add_argument("--closes", help="closing date, YYYY-MM-DD (default: in three weeks)")
    opening.add_argument("--title", help="the round's title")
    opening.add_argument("--no-email", action="store_true", help="do not e-mail the links (print them only)")
    opening.add_argument("--json", action="store_true", help="print the round and its links as JSON")
    opening.set_defaults(func=cmd_scan_open)
    report = scan.add_parser("report", help="print a round's report (anonymous groups only)")
    report.add_argument("--round", required=True, type=int, help="the round's id")
    report.add_argument("--json", action="store_true", help="print the whole report as JSON")
    report.set_defaults(func=cmd_scan_report)
