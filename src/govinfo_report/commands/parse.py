"""``govinfo-report parse``: one report as JSON, or many as a stream.

* one file, ``--format json`` (the default): the report as JSON;
* ``--format cells``: CSV, one row per cell (``table,row,column,value``, and
  ``path`` first when several files are read);
* ``--format jsonl``: one JSON record per file (path, status, error,
  diagnostics, validation findings, report).

Several files or a directory are read in parallel (``--jobs``), streamed to
the output in input order, with a progress line on a terminal and a summary
at the end; a file that cannot be read is counted and reported, never the
end of the run.  Exit status: 0 when every file was read, 2 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from typing import TextIO

from ..api import parse_file
from ..batch import CELLS_HEADER, collect_paths, parse_many
from ..cells import cells
from ..model import Report
from ..serialize import to_json
from ..values import format_value

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
    parser.add_argument("--jobs", type=int, default=None, help="并行进程数（默认为CPU核数）")
    parser.add_argument("--no-check", action="store_true", help="批量时不做校验（更快）")
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def write_cells(report: Report, out: TextIO) -> None:
    """The long format as CSV: ``table,row,column,value``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    for cell in cells(report):
        writer.writerow([cell.table, cell.row, cell.column, format_value(cell.value)])


def run(args: argparse.Namespace, out: TextIO) -> int:
    paths = collect_paths(args.paths)
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
    return _run_batch(paths, fmt, args, out)


def _run_batch(paths: list[str], fmt: str, args: argparse.Namespace, out: TextIO) -> int:
    progress = _Progress(len(paths)) if sys.stderr.isatty() else None
    if fmt == "cells":
        csv.writer(out, lineterminator="\n").writerow(CELLS_HEADER)
    parsed = failed = with_errors = with_diagnostics = 0
    for result in parse_many(paths, fmt=fmt, jobs=args.jobs, lenient=args.lenient, check=not args.no_check):
        out.write(result.text)
        if result.ok:
            parsed += 1
            with_errors += result.errors > 0
            with_diagnostics += result.diagnostics > 0
        else:
            failed += 1
            if progress is not None:
                progress.clear()
            print(f"{result.path}: {result.message}", file=sys.stderr)
        if progress is not None:
            progress.update(parsed, failed)
    if progress is not None:
        progress.clear()
    summary = f"共{len(paths)}个文件：解析成功{parsed}个（其中校验有错误{with_errors}个"
    if args.lenient:
        summary += f"，有诊断信息{with_diagnostics}个"
    summary += f"），失败{failed}个"
    print(summary, file=sys.stderr)
    return 0 if failed == 0 else 2


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
