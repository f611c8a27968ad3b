"""Batch benchmark: end-to-end throughput and peak memory of ``govinfo-report parse``.

Runs the command over a corpus directory (see make_corpus.py) with 1 and 2
jobs, writing JSON Lines to a temporary file, and reports reports/second and
the peak resident memory of the run (the largest of the processes).

    python benchmarks/make_corpus.py benchmarks/out/corpus --count 5000
    python benchmarks/bench_batch.py benchmarks/out/corpus
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(corpus: Path, jobs: int, fmt: str, check: bool) -> None:
    files = sum(1 for _ in corpus.rglob("*.txt"))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"out.{fmt}"
        command = [sys.executable, "-m", "govinfo_report", "parse", str(corpus), "--format", fmt]
        command += ["--jobs", str(jobs), "-o", str(out)]
        if not check:
            command.append("--no-check")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        size = out.stat().st_size / 1e6
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    print(
        f"jobs={jobs} format={fmt} check={'on' if check else 'off'}: {files} files in {elapsed:.1f} s "
        f"= {files / elapsed:.0f} reports/s; peak RSS {max(peak, before) / 1024:.0f} MB; "
        f"output {size:.0f} MB; {summary}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "cells"))
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()
    for jobs in args.jobs:
        run(args.corpus, jobs, args.format, not args.no_check)


if __name__ == "__main__":
    main()
