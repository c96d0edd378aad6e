"""`naober simulate`: the simulation engine on the terminal, with a progress bar and tables.

Needs no database and no Django: it adapts `naober.sim` (pure) to the command line.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any, TextIO

# The metrics a leader or coach reads first, with the label the table shows.
TABLE_METRICS = (
    ("lead_time_mean_hours", "lead time, mean (h)"),
    ("lead_time_p90_hours", "lead time, p90 (h)"),
    ("service_level_share", "within service level"),
    ("help_share", "share of hours spent helping"),
    ("help_after_target_share", "help after own target"),
    ("backlog_end", "backlog at the end"),
    ("workload_gini", "workload Gini"),
    ("bonus_gini", "bonus Gini"),
    ("team_revenue_eur", "team revenue (EUR)"),
    ("effort_mean", "effort, mean"),
)


class ProgressBar:
    """A one-line bar on a terminal; on a pipe or file, one line at the end (logs stay readable)."""

    def __init__(self, label: str, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.label = label
        self.stream = stream
        self.width = width
        self.started = time.perf_counter()
        self.interactive = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.interactive and done < total:
            return
        filled = self.width * done // max(total, 1)
        elapsed = time.perf_counter() - self.started
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} replications, {elapsed:.1f} s{end}")
        self.stream.flush()


def _decimals(value: float) -> int:
    """Decimals to show for a value of this size: three for shares and hours, fewer for larger numbers."""
    if not math.isfinite(value) or abs(value) < 10:
        return 3
    return 1 if abs(value) < 1000 else 0


def _format(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}" if math.isfinite(value) else "—"


def _cell(estimate: Any) -> str:
    """Mean [low, high], all three to the precision the mean calls for."""
    if estimate.n == 0 or not math.isfinite(estimate.mean):
        return "—"
    d = _decimals(estimate.mean)
    return f"{_format(estimate.mean, d)} [{_format(estimate.ci95_low, d)}, {_format(estimate.ci95_high, d)}]"


def format_table(results: dict[str, Any]) -> str:
    """Rows are metrics, columns are schemes; each cell is the mean with its 95% confidence interval."""
    header = ["", *results]
    rows = [header]
    for metric, label in TABLE_METRICS:
        rows.append([label, *(_cell(result.aggregate[metric]) for result in results.values())])
    widths = [max(len(row[col]) for row in rows) for col in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cmd_simulate(args: argparse.Namespace) -> int:
    from naober.sim import ParameterError, run
    from naober.sim.presets import PRESETS, preset_params

    names = args.compare.split(",") if args.compare else [args.preset]
    unknown = [name for name in names if name not in PRESETS]
    if unknown:
        print(f"Unknown preset {', '.join(unknown)}; choose from {', '.join(PRESETS)}.", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    for name in names:
        try:
            params = preset_params(name, members=args.members, days=args.days, replications=args.replications)
        except ParameterError as error:
            print(f"{name}: {error}", file=sys.stderr)
            return 2
        results[name] = run(params, seed=args.seed, workers=args.workers, progress=ProgressBar(name))
    first = next(iter(results.values())).params
    print(
        f"{first.team.members} members, {first.team.days} days, {first.replications:,} replications, "
        f"seed {args.seed}; mean [95% confidence interval]"
    )
    print(format_table(results))
    if args.json:
        payload = {name: result.to_dict() for name, result in results.items()}
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
        print(f"Written to {args.json}.")
    return 0


def _rates(text: str) -> list[float]:
    try:
        rates = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of numbers") from None
    if not rates or any(rate < 0 for rate in rates):
        raise argparse.ArgumentTypeError("arrival rates must be numbers >= 0")
    return rates


def cmd_simulate_queue(args: argparse.Namespace) -> int:
    from naober.sim import ParameterError, queue_run

    if len(args.arrival_rate) not in (1, args.servers):
        print(f"Give one arrival rate, or one per server ({args.servers}).", file=sys.stderr)
        return 2
    try:
        result = queue_run(
            servers=args.servers,
            arrival_rates=args.arrival_rate,
            service_rate=args.service_rate,
            policy=args.policy,
            hours=args.hours,
            replications=args.replications,
            seed=args.seed,
            within=args.within,
        )
    except ParameterError as error:
        print(str(error), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


def add_parser(commands: Any) -> None:
    simulate = commands.add_parser(
        "simulate", help="compare incentive schemes in the simulation engine (no database needed)"
    )
    simulate.add_argument("--preset", default="individueel", help="individueel, team, hybride, rang, ...")
    simulate.add_argument("--compare", help="several presets, comma-separated, side by side")
    simulate.add_argument("--members", type=int)
    simulate.add_argument("--days", type=int)
    simulate.add_argument("--replications", type=int, default=1000)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument("--workers", type=int, default=2, help="processes (results do not depend on it)")
    simulate.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    simulate.set_defaults(func=cmd_simulate)

    sub = simulate.add_subparsers(dest="simulate_command")
    queue = sub.add_parser("queue", help="queueing validation: independent M/M/1 queues or one pooled M/M/c")
    queue.add_argument("--servers", type=int, required=True)
    queue.add_argument("--arrival-rate", type=_rates, required=True, help="per hour: L or L1,L2,...")
    queue.add_argument("--service-rate", type=float, required=True, help="per hour")
    queue.add_argument("--policy", choices=["none", "pooled"], required=True)
    queue.add_argument("--hours", type=float, default=10_000.0)
    queue.add_argument("--replications", type=int, default=20)
    queue.add_argument("--seed", type=int, default=1)
    queue.add_argument("--within", type=float, help="also report P(wait <= WITHIN hours)")
    queue.add_argument("--json", action="store_true", help="print one JSON object")
    queue.set_defaults(func=cmd_simulate_queue)
