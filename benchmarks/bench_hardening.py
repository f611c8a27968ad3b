"""Hardening benchmark: damaged input is refused or read in time linear in its size.

A seed report pasted 10, 100 and 1,000 times, and a table-3 row repeated 100, 1,000
and 10,000 times, parsed strictly (an error) and leniently (diagnostics).  The time per
input character should stay flat.

    python benchmarks/bench_hardening.py
"""

from __future__ import annotations

import time
from pathlib import Path

import govinfo_report as gr

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"
REPORT = (SEEDS / "002_8227bd99a070a766.txt").read_text(encoding="utf-8")
ROW = "1.属于国家秘密 0 0 0 0 0 0 0\n"


def timed(text: str, lenient: bool) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        report = gr.parse(text, lenient=lenient)
        outcome = f"{len(report.diagnostics)} diagnostics"
    except gr.ParseError as error:
        outcome = "ParseError " + error.reason[:24]
    return time.perf_counter() - start, outcome


def main() -> None:
    cases = [(f"report x{n}", REPORT * n) for n in (10, 100, 1000)]
    cases += [(f"table-3 row x{n}", REPORT.replace(ROW, ROW * n, 1)) for n in (100, 1000, 10_000)]
    for name, text in cases:
        for lenient in (False, True):
            seconds, outcome = timed(text, lenient)
            mode = "lenient" if lenient else "strict "
            print(
                f"{name:<18} {len(text):>10,} chars {mode}: {seconds * 1000:8.1f} ms "
                f"({seconds / len(text) * 1e6:.2f} µs/char) -> {outcome}"
            )


if __name__ == "__main__":
    main()
