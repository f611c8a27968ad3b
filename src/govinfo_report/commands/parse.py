"""``govinfo-report parse``: one report as JSON, or many as a stream.

* one file, ``--format json`` (the default): the report as JSON;
* ``--format cells``: CSV, one row per cell (``table,row,column,value``, and
  ``path`` first when several files are read);
* ``--format jsonl``: one JSON record per file (path, status, error,
  diagnostics, validation findings, report).

Several files or a directory are read in parallel (``--jobs``), streamed to
the output in input order, with a progress line on a terminal and a summary
at the end; a file that cannot be read is counted and reported, never the
end of the run, and so is a worker process that dies; what a directory holds
besides files (links that lead nowhere, FIFOs …) is counted as skipped.  The
output file (``-o``) is never read as an input.  Ctrl-C stops the run with the
summary of what was done.  Exit status: 0 when every file was read, 2
otherwise, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from typing import TextIO

from ..api import parse_file
from ..batch import CELLS_HEADER, Skipped, cell_rows, collect, parse_many
from ..model import Report
from ..normalize import printable
from ..serialize import to_json

NAME = "parse"
HELP = "解析报告文本（一个或多个文件、目录），输出JSON、JSON Lines或单元格CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="报告文本文件或目录（UTF-8、GB18030/GBK、UTF-16均可）"
    )
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "cells"),
        default=None,
        help="json：一份报告（单个文件时默认）；jsonl：每个文件一行记录（多个文件时默认）；"
        "cells：每个单元格一行的CSV",
    )
    parser.add_argument("--encoding", help="文件编码（默认自动识别；仅单个文件）")
    parser.add_argument("--indent", type=int, default=2, help="JSON缩进（默认2）")
    parser.add_argument("--lenient", action="store_true", help="宽松模式：尽量读出内容，并给出诊断信息")
    parser.add_argument("--jobs", type=positive, default=None, help="并行进程数（默认为CPU核数）")
    parser.add_argument("--no-check", action="store_true", help="批量时不做校验（更快）")
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def positive(text: str) -> int:
    """An ``argparse`` type: a positive integer."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，实际为“{text}”")
    return value


def write_cells(report: Report, out: TextIO) -> None:
    """The long format as CSV: ``table,row,column,value`` (text fields safe for spreadsheets)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    writer.writerows(cell_rows(report))


def run(args: argparse.Namespace, out: TextIO) -> int:
    found = collect(args.paths, exclude=[args.output] if args.output else [])
    paths = found.files
    single = len(args.paths) == 1 and len(paths) == 1 and paths[0] == args.paths[0]
    fmt = args.format or ("json" if single else "jsonl")
    if single and fmt in ("json", "cells"):
        report = parse_file(paths[0], encoding=args.encoding, lenient=args.lenient)
        if fmt == "cells":
            write_cells(report, out)
        else:
            out.write(to_json(report, indent=args.indent) + "\n")
        return 0
    if fmt == "json":
        print("多个文件请用 --format jsonl 或 cells", file=sys.stderr)
        return 2
    return _run_batch(paths, found.skipped, fmt, args, out)


def _run_batch(
    paths: list[str], skipped: list[Skipped], fmt: str, args: argparse.Namespace, out: TextIO
) -> int:
    progress = _Progress(len(paths)) if sys.stderr.isatty() else None
    for entry in skipped:
        print(f"{printable(entry.path)}: 不是普通文件（{entry.reason}），已跳过", file=sys.stderr)
    if fmt == "cells":
        csv.writer(out, lineterminator="\n").writerow(CELLS_HEADER)
    counts = _Counts()
    results = parse_many(paths, fmt=fmt, jobs=args.jobs, lenient=args.lenient, check=not args.no_check)
    try:
        for result in results:
            out.write(result.text)
            counts.add(result.ok, result.errors, result.diagnostics)
            if not result.ok:
                if progress is not None:
                    progress.clear()
                print(f"{printable(result.path)}: {result.message}", file=sys.stderr)
            if progress is not None:
                progress.update(counts.parsed, counts.failed)
    except KeyboardInterrupt:
        if progress is not None:
            progress.clear()
        out.flush()
        print("已中断。" + counts.summary(len(paths), args.lenient, skipped), file=sys.stderr)
        return 130
    finally:
        results.close()  # stops the workers, on Ctrl-C or a closed pipe too
    if progress is not None:
        progress.clear()
    print(counts.summary(len(paths), args.lenient, skipped), file=sys.stderr)
    return 0 if counts.failed == 0 else 2


class _Counts:
    """What a run has done so far."""

    def __init__(self) -> None:
        self.parsed = self.failed = self.with_errors = self.with_diagnostics = 0

    def add(self, ok: bool, errors: int, diagnostics: int) -> None:
        if ok:
            self.parsed += 1
            self.with_errors += errors > 0
            self.with_diagnostics += diagnostics > 0
        else:
            self.failed += 1

    def summary(self, total: int, lenient: bool, skipped: list[Skipped]) -> str:
        text = f"共{total}个文件：解析成功{self.parsed}个（其中校验有错误{self.with_errors}个"
        if lenient:
            text += f"，有诊断信息{self.with_diagnostics}个"
        text += f"），失败{self.failed}个"
        if self.parsed + self.failed < total:
            text += f"，未处理{total - self.parsed - self.failed}个"
        if skipped:
            reasons: dict[str, int] = {}
            for entry in skipped:
                reasons[entry.reason] = reasons.get(entry.reason, 0) + 1
            listed = "、".join(f"{reason}{count}项" for reason, count in reasons.items())
            text += f"；目录中另有{len(skipped)}项不是普通文件，已跳过：{listed}"
        return text


class _Progress:
    """A one-line progress display on standard error (terminals only)."""

    def __init__(self, total: int) -> None:
        self._total = total
        self._shown = 0.0

    def update(self, parsed: int, failed: int) -> None:
        now = time.monotonic()
        done = parsed + failed
        if now - self._shown < 0.1 and done < self._total:
            return
        self._shown = now
        width = 30
        filled = width * done // max(self._total, 1)
        bar = "█" * filled + "·" * (width - filled)
        sys.stderr.write(f"\r{bar} {done}/{self._total}  成功{parsed} 失败{failed}")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
