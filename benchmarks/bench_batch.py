"""Batch benchmark: ``govinfo-report parse DIR`` end to end (a script, not a timed test).

For each number of jobs, over ``--rounds`` runs of the command on a corpus directory
(see make_corpus.py), writing JSON Lines with validation to a temporary file:

* wall time and reports per second (noise on a shared machine);
* processor time per report: the user + system time of the command and its workers
  (``RUSAGE_CHILDREN``), start-up included, divided by the number of files
  (target ≤ 2 ms);
* the peak resident memory of the largest process (target: flat, < 100 MB for
  100,000 files — run it on corpora of two sizes and compare).

Then the command's fixed cost: the same command on one small file, against
``python -c pass`` measured in the same loop (target ≤ 150 ms).

    python benchmarks/make_corpus.py benchmarks/out/corpus --count 1000
    python benchmarks/bench_batch.py benchmarks/out/corpus [--jobs 1 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bytecode import compile_package


def _children() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def _command(inputs: list[str], jobs: int, fmt: str, check: bool, out: Path) -> list[str]:
    command = [sys.executable, "-m", "govinfo_report", "parse", *inputs, "--format", fmt]
    command += ["--jobs", str(jobs), "-o", str(out)]
    if not check:
        command.append("--no-check")
    return command


def _run(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, processor seconds of the command and its workers, the last line it printed."""
    cpu_before, _ = _children()
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    cpu_after, _ = _children()
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return wall, cpu_after - cpu_before, last


def run(corpus: Path, jobs: int, fmt: str, check: bool, rounds: int) -> None:
    files = sum(1 for _ in corpus.rglob("*.txt"))
    walls, cpus = [], []
    summary = ""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"out.{fmt}"
        for _ in range(rounds):
            wall, cpu, summary = _run(_command([str(corpus)], jobs, fmt, check, out))
            walls.append(wall)
            cpus.append(cpu)
        size = out.stat().st_size / 1e6
    _, peak = _children()
    per_report = [cpu / files * 1000 for cpu in cpus]
    rates = [files / wall for wall in walls]
    print(
        f"jobs={jobs} format={fmt} check={'on' if check else 'off'}, {files} files, {rounds} rounds: "
        f"CPU per report min {min(per_report):.2f} / median {statistics.median(per_report):.2f} / "
        f"max {max(per_report):.2f} ms (target <= 2 ms); "
        f"{min(rates):.0f} / {statistics.median(rates):.0f} / {max(rates):.0f} reports/s; "
        f"peak RSS so far {peak / 1024:.0f} MB; output {size:.0f} MB; {summary}"
    )


def fixed_cost(corpus: Path, rounds: int) -> None:
    one = str(sorted(corpus.rglob("*.txt"))[0])
    cli, empty = [], []
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out.jsonl"
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            empty.append((time.perf_counter() - start) * 1000)
            cli.append(_run(_command([one], 1, "jsonl", True, out))[0] * 1000)
    print(
        f"one small file: min {min(cli):.0f} / median {statistics.median(cli):.0f} / max {max(cli):.0f} ms "
        f"(target <= 150 ms) = {statistics.median(cli) / statistics.median(empty):.1f}x "
        f"an empty interpreter start (median {statistics.median(empty):.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "cells"))
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(compile_package())
    for jobs in args.jobs:
        run(args.corpus, jobs, args.format, not args.no_check, args.rounds)
    fixed_cost(args.corpus, max(args.rounds, 5))


if __name__ == "__main__":
    main()
