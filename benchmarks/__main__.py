"""`python -m benchmarks` (`make benchmarks`): how fast the engine is, and whether it agrees with its Mesa peer.

Prints plain tables:

1. the peer comparison on one scenario (the default Params: 8 members, 250 days): agent-days per second of
   the engine on one core (warm) and of the Mesa peer, their ratio, and both models' means with 95%
   confidence intervals, with "agree" where the intervals overlap;
2. the engine on two cores;
3. the standard what-if (8 members, 250 days, 1,000 replications): the default Params and each preset on one
   core, and all six presets compared on two cores;
4. the peak memory of 1,000 replications without per-request output, measured in a fresh process.

Times on a shared machine are noisy: compare the ratios measured in the same run, not the seconds across
runs. `--quick` is a smoke run (about half a minute, most of it process start-up) with small scenarios.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Protocol

import mesa

from benchmarks.peers import mesa_team
from naober.sim.engine import CHUNK_SIZE
from naober.sim.params import Params, Team
from naober.sim.presets import PRESETS, preset_params

AGREEMENT_METRICS = (
    ("lead_time_mean_hours", "lead time, mean (h)"),
    ("help_share", "help share of hours"),
    ("wait_mean_hours", "wait, mean (h)"),
    ("service_level_share", "within service level"),
    ("help_hours", "help hours"),
    ("requests_finished", "requests finished"),
)


class EstimateLike(Protocol):
    mean: float
    ci95_low: float
    ci95_high: float
    n: int


@dataclass(frozen=True)
class Sizes:
    """Scenario sizes and replication counts; `--quick` shrinks them all."""

    members: int
    days: int
    mesa_replications: int
    engine_replications: int
    whatif_replications: int
    # A process pool costs seconds to start; the smoke run compares the presets in one process.
    preset_workers: int


FULL = Sizes(
    members=8, days=250, mesa_replications=120, engine_replications=1000, whatif_replications=1000, preset_workers=2
)
QUICK = Sizes(
    members=4, days=20, mesa_replications=60, engine_replications=200, whatif_replications=100, preset_workers=1
)


def scenario(sizes: Sizes, replications: int) -> Params:
    """The default Params, resized for --quick (the first `members` portfolios of the default team)."""
    team = Team()
    if sizes.members != team.members or sizes.days != team.days:
        n = sizes.members
        team = replace(
            team,
            members=n,
            days=sizes.days,
            arrival_rates_per_hour=team.arrival_rates_per_hour[:n],
            service_mean_hours=team.service_mean_hours[:n],
            revenue_per_request_eur=team.revenue_per_request_eur[:n],
        )
    return Params(team=team, replications=replications)


def agent_days(params: Params) -> int:
    return params.team.members * params.team.days * params.replications


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    outcome = call()
    return outcome, time.perf_counter() - started


# -- formatting -------------------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool] | None = None) -> str:
    """Plain aligned text; columns flagged in `right` are right-aligned (numbers)."""
    right = right or [False] + [True] * (len(header) - 1)
    widths = [max(len(str(row[k])) for row in [header, *rows]) for k in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)])


def number(value: float) -> str:
    if not math.isfinite(value):
        return "-"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}"


def interval(estimate: EstimateLike) -> str:
    return f"{number(estimate.mean)} [{number(estimate.ci95_low)}, {number(estimate.ci95_high)}]"


def overlap(a: EstimateLike, b: EstimateLike) -> bool:
    return a.ci95_low <= b.ci95_high and b.ci95_low <= a.ci95_high


def heading(text: str) -> None:
    print(f"\n== {text} ==")


# -- the sections -----------------------------------------------------------------------------------------


def peer_comparison(sizes: Sizes, seed: int, run: Callable[..., Any]) -> float:
    """Section 1; returns the engine's agent-days per second on one core."""
    engine_params = scenario(sizes, sizes.engine_replications)
    mesa_params = scenario(sizes, sizes.mesa_replications)
    run(replace(engine_params, replications=2), seed=seed, workers=1)  # warm: compile before timing
    engine, engine_seconds = timed(lambda: run(engine_params, seed=seed, workers=1))
    peer, mesa_seconds = timed(lambda: mesa_team.run(mesa_params, seed=seed))
    engine_speed = agent_days(engine_params) / engine_seconds
    mesa_speed = agent_days(mesa_params) / mesa_seconds

    team = engine_params.team
    heading(f"Peer comparison: default Params, {team.members} members x {team.days} days, seed {seed}")
    print(
        table(
            ["model", "replications", "seconds", "agent-days/s"],
            [
                [
                    "engine, 1 core (warm)",
                    str(engine_params.replications),
                    f"{engine_seconds:.2f}",
                    number(engine_speed),
                ],
                [
                    f"Mesa {mesa.__version__} peer",
                    str(mesa_params.replications),
                    f"{mesa_seconds:.2f}",
                    number(mesa_speed),
                ],
            ],
        )
    )
    print(f"engine / Mesa, agent-days per second: {engine_speed / mesa_speed:,.0f}x")
    print()
    rows = []
    for name, label in AGREEMENT_METRICS:
        a, b = engine.aggregate[name], peer[name]
        rows.append([label, interval(a), interval(b), "yes" if overlap(a, b) else "NO"])
    print("mean [95% confidence interval]; agree: the two intervals overlap (when the models agree, a NO")
    print("still comes up by chance for at most 5% of metrics, and far less when the intervals are alike)")
    print(table(["metric", "engine", "Mesa peer", "agree"], rows, right=[False, True, True, False]))
    return engine_speed


def engine_two_cores(sizes: Sizes, seed: int, run: Callable[..., Any], one_core_speed: float) -> None:
    params = scenario(sizes, sizes.engine_replications)
    # Warm both worker processes: one chunk each, so that each has started and loaded the compiled kernel.
    run(replace(params, replications=2 * CHUNK_SIZE), seed=seed, workers=2)
    _, seconds = timed(lambda: run(params, seed=seed, workers=2))
    speed = agent_days(params) / seconds
    heading("The engine on two cores (same scenario)")
    print(
        table(
            ["workers", "replications", "seconds", "agent-days/s", "speed-up"],
            [["2", str(params.replications), f"{seconds:.2f}", number(speed), f"{speed / one_core_speed:.3g}x"]],
        )
    )


def what_if(sizes: Sizes, seed: int, run: Callable[..., Any]) -> None:
    """Each preset on one core (the standard what-if), then all six presets on `preset_workers` cores."""
    params = scenario(sizes, sizes.whatif_replications)
    team = params.team
    heading(f"The standard what-if: {team.members} members, {team.days} days, {params.replications:,} replications")
    run(replace(params, replications=2), seed=seed, workers=1)
    _, seconds = timed(lambda: run(params, seed=seed, workers=1))
    rows = [["default params", f"{seconds:.2f}", "", "", ""]]
    presets = {
        name: preset_params(name, members=team.members, days=team.days, replications=params.replications)
        for name in PRESETS
    }
    for name, preset in presets.items():
        result, seconds = timed(partial(run, preset, seed=seed, workers=1))
        rows.append(
            [
                name,
                f"{seconds:.2f}",
                interval(result.aggregate["lead_time_mean_hours"]),
                interval(result.aggregate["help_share"]),
                interval(result.aggregate["service_level_share"]),
            ]
        )
    print(table(["one core", "seconds", "lead time, mean (h)", "help share", "within service level"], rows))
    workers = sizes.preset_workers
    if workers > 1:
        # Warm every worker process first (the pool lives as long as this process, as in `naober simulate`).
        run(replace(params, replications=workers * CHUNK_SIZE), seed=seed, workers=workers)
    _, total = timed(lambda: [run(preset, seed=seed, workers=workers) for preset in presets.values()])
    print()
    print(table(["compare", "workers", "seconds"], [[f"all {len(presets)} presets", str(workers), f"{total:.2f}"]]))


# The child process of `peak_memory`: its own peak resident set, after the imports and after the run.
_MEMORY_PROBE = """
import json, resource, sys
from dataclasses import replace
from benchmarks.__main__ import QUICK, FULL, scenario
from naober.sim import run
sizes = QUICK if sys.argv[1] == "quick" else FULL
params = scenario(sizes, sizes.whatif_replications)
run(replace(params, replications=1), seed=1, workers=1)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
run(params, seed=1, workers=1)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_kib": before, "after_kib": after, "replications": params.replications}))
"""


def peak_memory(quick: bool) -> None:
    """Section 4, in a fresh process so that nothing measured before counts."""
    heading("Peak memory, one core, without per-request output (fresh process)")
    completed = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", _MEMORY_PROBE, "quick" if quick else "full"],
        capture_output=True,
        text=True,
        check=True,
    )
    probe = json.loads(completed.stdout.strip().splitlines()[-1])
    before, after = probe["before_kib"] / 1024, probe["after_kib"] / 1024  # Linux reports KiB
    print(
        table(
            ["replications", "after imports and warm-up (MB)", "peak (MB)", "added by the run (MB)"],
            [[f"{probe['replications']:,}", f"{before:.0f}", f"{after:.0f}", f"{after - before:.0f}"]],
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scenarios, a smoke run of a few seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {platform.python_version()}, Mesa {mesa.__version__}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average before the run (1, 5, 15 min): {load}; other work on the machine slows both models")
    try:
        from naober.sim import run
    except ImportError:
        print("naober.sim.run (the engine) is not there yet: only the Mesa peer runs.")
        params = scenario(sizes, sizes.mesa_replications)
        peer, seconds = timed(lambda: mesa_team.run(params, seed=args.seed))
        print(f"Mesa peer: {agent_days(params) / seconds:,.0f} agent-days/s")
        for name, label in AGREEMENT_METRICS:
            print(f"  {label}: {interval(peer[name])}")
        return 0
    # Memory first: the worker processes of the later sections must not be the ones we measure.
    peak_memory(args.quick)
    one_core = peer_comparison(sizes, args.seed, run)
    engine_two_cores(sizes, args.seed, run, one_core)
    what_if(sizes, args.seed, run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
