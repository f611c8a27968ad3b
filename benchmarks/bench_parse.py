"""Parse-time benchmark (a script, not a timed test).

Prints, for each seed report, the median and p95 of ``gr.parse`` after a
warm-up, and the wall time of a fresh process that imports the library and
parses one report (the "cold" figure) with its ratio to ``python -c pass``.
The ratio of a parse to a bare number scan is printed by ``bench_speed.py``.

    python benchmarks/bench_parse.py [--runs 300] [--cold-runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def warm(runs: int, rounds: int = 5) -> None:
    """Median and p95 over all runs, and the best round's median (this machine is shared:
    a burst of other work inflates a whole round, the best round shows the code's own speed)."""
    import govinfo_report as gr

    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for _ in range(20):
            gr.parse(text)
        times: list[float] = []
        round_medians = []
        for _ in range(rounds):
            batch = []
            for _ in range(runs):
                start = time.perf_counter()
                gr.parse(text)
                batch.append((time.perf_counter() - start) * 1000)
            round_medians.append(statistics.median(batch))
            times += batch
        print(
            f"parse {path.name}: median {statistics.median(times):.2f} ms, "
            f"p95 {_percentile(times, 0.95):.2f} ms, best round median {min(round_medians):.2f} ms "
            f"({rounds}x{runs} runs, {len(text)} chars)"
        )


def cold(runs: int) -> None:
    """A fresh process importing the library and parsing one report, against ``python -c pass``,
    the two interleaved (target: at most 8x); beside them, in the same loop, a process that only
    imports the two core dependencies a parse runs on (lark, attrs): the floor under the design."""
    print(compile_package())
    code = f"import govinfo_report as gr; gr.parse_file({str(SEEDS[0])!r})"
    times: list[float] = []
    empty: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        for command, into in ((code, times), ("pass", empty), ("import lark, attrs", floor)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", command], check=True)
            into.append((time.perf_counter() - start) * 1000)
    ratios = sorted(a / b for a, b in zip(times, empty, strict=True))
    print(
        f"cold import + one parse: min {min(times):.0f} / median {statistics.median(times):.0f} / "
        f"max {max(times):.0f} ms; python -c pass: min {min(empty):.0f} / median "
        f"{statistics.median(empty):.0f} / max {max(empty):.0f} ms; ratio of medians "
        f"{statistics.median(times) / statistics.median(empty):.1f}x (pairwise min {ratios[0]:.1f}x, "
        f"max {ratios[-1]:.1f}x; target <= 8x)"
    )
    print(
        f"floor: python -c 'import lark, attrs': median {statistics.median(floor):.0f} ms, "
        f"{statistics.median(floor) / statistics.median(empty):.1f}x python -c pass"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="runs per round (5 rounds)")
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()
    warm(args.runs)
    cold(args.cold_runs)


if __name__ == "__main__":
    main()
