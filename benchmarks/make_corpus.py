"""Write N generated report files for the batch benchmark.

Reports come from ``govinfo_report.testing.consistent_reports()`` rendered in
the canonical text layout; reports the text layout cannot carry are skipped.

    python benchmarks/make_corpus.py benchmarks/out/corpus --count 5000
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

import govinfo_report as gr
from govinfo_report.testing import consistent_reports


def write_corpus(directory: Path, count: int) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    written = 0

    @settings(
        max_examples=count * 2,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(consistent_reports())
    def write(report: gr.Report) -> None:
        nonlocal written
        if written >= count or gr.text_layout_problems(report):
            return
        (directory / f"report-{written:05d}.txt").write_text(gr.render(report, "text"), encoding="utf-8")
        written += 1

    write()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=5000)
    args = parser.parse_args()
    print(f"wrote {write_corpus(args.directory, args.count)} reports to {args.directory}")


if __name__ == "__main__":
    main()
