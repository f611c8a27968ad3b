"""Frames, Parquet and Excel for many reports (a script, not a timed test).

Makes N generated reports with ``make_corpus.py`` (or reads an existing
directory), parses them once (not timed), then times over several rounds:

* the baseline: the long list of ``gr.cells`` records, one tuple per
  (report, cell) with the report's agency, year and edition;
* ``gr.to_frame(reports)`` (long) and ``gr.to_frame(reports, wide=True)``;
* ``frame.to_parquet`` of the long frame;
* ``gr.write_xlsx(reports, path)`` (one round: openpyxl writes cell by cell).

Before timing it checks the frame against ``gr.cells`` for every cell, and the
workbook's long sheet for a sample of reports.  Prints min/median/max per step
and the ratio of each median to the baseline's median, measured in the same run.

    python benchmarks/bench_frame.py [--count 1000] [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus

import govinfo_report as gr


def _times(step: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def _line(name: str, times: list[float], baseline: float | None) -> str:
    median = statistics.median(times)
    ratio = f"  ratio to baseline {median / baseline:.2f}" if baseline else ""
    return (
        f"{name:<26} min {min(times) * 1000:8.1f} ms  median {median * 1000:8.1f} ms  "
        f"max {max(times) * 1000:8.1f} ms{ratio}"
    )


def _records(reports: list[gr.Report]) -> list[tuple[object, ...]]:
    return [
        (number, report.agency, report.year, report.edition, cell.table, cell.row, cell.column, cell.value)
        for number, report in enumerate(reports)
        for cell in gr.cells(report)
    ]


def _check_frame(reports: list[gr.Report]) -> None:
    import pandas as pd

    frame = gr.to_frame(reports)
    assert str(frame["count"].dtype) == "Int64", frame["count"].dtype
    assert str(frame["amount"].dtype).startswith("decimal128"), frame["amount"].dtype
    counts = frame["count"].astype(object).tolist()
    amounts = frame["amount"].astype(object).tolist()
    for (
        number,
        _,
        _,
        _,
        table,
        row,
        column,
        value,
    ), got_number, got_table, got_row, got_column, count, amount in zip(
        _records(reports),
        frame["report"],
        frame["table"],
        frame["row"],
        frame["column"],
        counts,
        amounts,
        strict=True,
    ):
        got = amount if count is pd.NA else count
        got = None if got is pd.NA else got
        assert (number, table, row, column, value) == (got_number, got_table, got_row, got_column, got)


def _check_xlsx(path: Path, reports: list[gr.Report], sample: int = 20) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    rows = book["cells"].iter_rows(min_row=2, max_row=1 + sample * 200, values_only=True)
    for (number, _, _, _, table, row, column, value), got in zip(
        _records(reports[:sample]), rows, strict=True
    ):
        printed = Decimal(str(got[8])) if isinstance(got[8], float) else got[8]
        assert (number, table, row, column, value) == (got[0], got[5], got[6], got[7], printed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="a directory of reports (default: generate --count)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            write_corpus(corpus, args.count)
        paths = sorted(corpus.glob("*.txt"))[: args.count]
        start = time.perf_counter()
        reports = [gr.parse_file(path) for path in paths]
        print(
            f"{len(reports)} reports parsed in {time.perf_counter() - start:.2f} s (not part of the figures)"
        )
        _check_frame(reports)
        print("frame checked against gr.cells: every cell")
        gr.to_frame(reports[:10])  # import pandas and pyarrow before timing

        baseline = _times(lambda: _records(reports), args.rounds)
        base = statistics.median(baseline)
        print(_line("gr.cells records (baseline)", baseline, None))
        print(_line("to_frame (long)", _times(lambda: gr.to_frame(reports), args.rounds), base))
        print(_line("to_frame (wide)", _times(lambda: gr.to_frame(reports, wide=True), args.rounds), base))
        frame = gr.to_frame(reports)
        parquet = Path(scratch) / "cells.parquet"
        print(_line("to_parquet (long frame)", _times(lambda: frame.to_parquet(parquet), args.rounds), base))
        workbook = Path(scratch) / "reports.xlsx"
        print(_line("write_xlsx (one round)", _times(lambda: gr.write_xlsx(reports, workbook), 1), base))
        _check_xlsx(workbook, reports)
        print(
            f"xlsx checked: the long sheet of the first 20 reports ({workbook.stat().st_size / 1e6:.1f} MB)"
        )


if __name__ == "__main__":
    main()
