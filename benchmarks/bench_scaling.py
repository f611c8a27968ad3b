"""Scaling benchmark: parse time as the narrative grows 1x, 10x, 100x (and 1000x).

The narrative of a seed report is repeated inside section 一 (paragraphs
copied), so the tables stay the same while the text grows.  Time per input
character should stay flat: parsing is linear in the input size.

    python benchmarks/bench_scaling.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import govinfo_report as gr

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds" / "002_8227bd99a070a766.txt"


def grown(text: str, factor: int) -> str:
    start = text.index("一、总体情况\n") + len("一、总体情况\n")
    end = text.index("二、主动公开政府信息情况")
    return text[:start] + text[start:end] * factor + text[end:]


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    base = None
    for factor in (1, 10, 100, 1000):
        big = grown(text, factor)
        gr.parse(big)
        runs = max(3, 300 // factor)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            gr.parse(big)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        per_char = median / len(big) * 1e6
        base = base or per_char
        print(
            f"narrative x{factor:<5} {len(big):>9,} chars: median {median * 1000:8.2f} ms, "
            f"{per_char:.3f} µs/char ({per_char / base:.2f}x of x1)"
        )


if __name__ == "__main__":
    main()
