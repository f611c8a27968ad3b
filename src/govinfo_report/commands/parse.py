"""``govinfo-report parse``: one report as JSON, or many as a stream or a table.

* one file, ``--format json`` (the default): the report as JSON;
* ``--format cells``: CSV, one row per cell (``table,row,column,value``, and
  ``path`` first when several files are read); ``--excel`` writes it for Excel and
  WPS (a byte-order mark and CRLF line ends, as :func:`govinfo_report.write_cells_csv`);
* ``--format jsonl``: one JSON record per file (path, status, error with its
  ``location``, diagnostics with theirs, validation findings, report);
* ``--format parquet`` / ``xlsx``: every report read into one Parquet file (the long
  frame of :func:`govinfo_report.to_frame`; the ``frames`` extra) or one Excel workbook
  (:func:`govinfo_report.write_xlsx`; the ``xlsx`` extra), to the file named by ``-o``.

The inputs are files, directories (read recursively) or ``-`` for standard input (on
its own).  The format is ``--format``, or the one the suffix of ``-o`` means, or json
for one file and jsonl for several; a suffix that contradicts ``--format`` is an
error.  ``--edition`` forces the layout edition (default: told from the tables).

Several files or a directory are read in parallel (``--jobs``), streamed to
the output in input order, with a progress line on a terminal (done/total, files per
second, time left; not with ``--quiet``) and a summary at the end; a file that cannot
be read is counted and reported, never the end of the run, and so is a worker process
that dies; what a directory holds besides files (links that lead nowhere, FIFOs …) is
counted as skipped.  The output file (``-o``) is never read as an input.  With
``--lenient``, each file that has diagnostics gets one line on standard error (how
many, the first three with their positions), and ``--diagnostics FILE.jsonl`` writes
every one of them.  Ctrl-C stops the run with the summary of what was done.  Exit
status: 0 when every file was read, 2 otherwise (also when a directory holds no file),
130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from ..batch import CELLS_HEADER, Skipped, cell_rows, parse_many
from ..errors import GovInfoError
from ..model import Report
from ..normalize import printable
from ..progress import Progress
from ..records import diagnostic_record
from ..serialize import to_json
from .arguments import UsageError, positive
from .inputs import (
    STDIN,
    DiagnosticsFile,
    add_reading_arguments,
    diagnostics_summary,
    gather,
    read_report,
    shown,
)
from .output import chosen_format

NAME = "parse"
HELP = (
    "解析报告（一个或多个文件、目录；文本、网页、Word、PDF），输出JSON、JSON Lines、单元格CSV、Parquet或Excel"
)
EXAMPLES = (
    "govinfo-report parse 年报.pdf                                  # 一份报告的JSON",
    "govinfo-report parse reports/ --lenient -o reports.jsonl --diagnostics diagnostics.jsonl",
    "govinfo-report parse reports/ --format cells --excel -o cells.csv   # Excel、WPS可直接打开",
)

FORMATS = ("json", "jsonl", "cells", "parquet", "xlsx")
#: Formats written as one binary file from every report read.
_TABLE_FORMATS = ("parquet", "xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="报告文件或目录（文本、网页、Word、PDF，UTF-8、GB18030/GBK均可）；-：标准输入",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json：一份报告（单个文件时默认）；jsonl：每个文件一行记录（多个文件时默认）；"
        "cells：每个单元格一行的CSV；parquet、xlsx：全部报告写入一个文件（需-o）。"
        "不给出时按-o文件的扩展名",
    )
    add_reading_arguments(parser)
    parser.add_argument("--indent", type=int, default=2, help="JSON缩进（默认2）")
    parser.add_argument("--jobs", type=positive, default=None, help="并行进程数（默认为CPU核数）")
    parser.add_argument("--no-check", action="store_true", help="批量时不做校验（更快）")
    parser.add_argument(
        "--excel", action="store_true", help="cells格式写成Excel、WPS直接可读的CSV（BOM、CRLF换行）"
    )
    parser.add_argument(
        "-o", "--output", dest="output_path", metavar="OUTPUT", help="输出文件（默认标准输出）"
    )


def write_cells(report: Report, out: TextIO, *, excel: bool = False) -> None:
    """The long format as CSV: ``table,row,column,value`` (text fields safe for spreadsheets)."""
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(["table", "row", "column", "value"])
    writer.writerows(cell_rows(report))


@contextlib.contextmanager
def _opened(path: str | None, out: TextIO) -> Iterator[TextIO]:
    if path:
        with open(path, "w", encoding="utf-8", newline="") as target:
            yield target
    else:
        yield out


def run(args: argparse.Namespace, out: TextIO) -> int:
    outputs = [path for path in (args.output_path, args.diagnostics) if path]
    found = gather(args.paths, exclude=outputs)
    paths = found.files
    if not paths:
        print(f"{'、'.join(map(shown, args.paths))}中没有文件，未解析", file=sys.stderr)
        return 2
    single = len(args.paths) == 1 and len(paths) == 1 and paths[0] == args.paths[0]
    fmt = chosen_format(args.format, args.output_path, "json" if single else "jsonl", FORMATS)
    if args.excel and fmt != "cells":
        raise UsageError("--excel 只用于 --format cells")
    if fmt in _TABLE_FORMATS:
        return _run_tables(paths, found.skipped, fmt, args)
    if fmt == "json" and not single:
        print("多个文件请用 --format jsonl 或 cells", file=sys.stderr)
        return 2
    if paths == [STDIN] and fmt == "jsonl":
        raise UsageError("标准输入（-）只能输出 json、cells、parquet 或 xlsx")
    with DiagnosticsFile(args.diagnostics) as diagnostics, _opened(args.output_path, out) as target:
        if single:
            report = read_report(paths[0], encoding=args.encoding, edition=args.edition, lenient=args.lenient)
            _note(paths[0], [diagnostic_record(d) for d in report.diagnostics], diagnostics, args)
            if fmt == "cells":
                write_cells(report, target, excel=args.excel)
            else:
                target.write(to_json(report, indent=args.indent) + "\n")
            return 0
        return _run_batch(paths, found.skipped, fmt, args, target, diagnostics)


def _note(
    path: str, records: list[dict[str, Any]], diagnostics: DiagnosticsFile, args: argparse.Namespace
) -> None:
    """A file's diagnostics: to ``--diagnostics``, and one line on standard error."""
    diagnostics.write(path, records)
    line = diagnostics_summary(path, records)
    if line and not args.quiet:
        print(line, file=sys.stderr)


def _progress(args: argparse.Namespace, count: int) -> Progress | None:
    if args.quiet or count < 2 or not sys.stderr.isatty():
        return None
    return Progress(sys.stderr)


def _run_batch(
    paths: list[str],
    skipped: list[Skipped],
    fmt: str,
    args: argparse.Namespace,
    out: TextIO,
    diagnostics: DiagnosticsFile,
) -> int:
    progress = _progress(args, len(paths))
    for entry in skipped:
        print(f"{printable(entry.path)}: 不是普通文件（{entry.reason}），已跳过", file=sys.stderr)
    newline = "\r\n" if args.excel else "\n"
    if fmt == "cells":
        if args.excel:
            out.write("\ufeff")
        csv.writer(out, lineterminator=newline).writerow(CELLS_HEADER)
    counts = _Counts()
    results = parse_many(
        paths, fmt=fmt, jobs=args.jobs, lenient=args.lenient, check=not args.no_check, edition=args.edition
    )
    try:
        for result in results:
            out.write(result.text if newline == "\n" else result.text.replace("\n", newline))
            counts.add(result.ok, result.errors, result.diagnostics)
            if progress is not None and (not result.ok or result.diagnostic_records):
                progress.clear()
            if not result.ok:
                print(f"{printable(result.path)}: {result.message}", file=sys.stderr)
            _note(result.path, list(result.diagnostic_records), diagnostics, args)
            if progress is not None:
                progress.update(counts.done, len(paths), f"成功{counts.parsed} 失败{counts.failed}")
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
    if not args.quiet:
        print(counts.summary(len(paths), args.lenient, skipped), file=sys.stderr)
    return 0 if counts.failed == 0 else 2


def _run_tables(paths: list[str], skipped: list[Skipped], fmt: str, args: argparse.Namespace) -> int:
    """Every report read (in this process), then one Parquet file or Excel workbook."""
    if not args.output_path:
        raise UsageError(f"{fmt}格式是二进制文件，请用 -o 指定输出文件（如 -o reports.{fmt}）")
    progress = _progress(args, len(paths))
    counts = _Counts()
    reports: list[Report] = []
    with DiagnosticsFile(args.diagnostics) as diagnostics:
        for path in paths:
            try:
                report = read_report(path, encoding=args.encoding, edition=args.edition, lenient=args.lenient)
            except (GovInfoError, OSError) as exc:
                counts.add(False, 0, 0)
                if progress is not None:
                    progress.clear()
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                print(f"{shown(path)}: {printable(reason.split(chr(10))[0])}", file=sys.stderr)
            else:
                reports.append(report)
                counts.add(True, 0, len(report.diagnostics))
                if progress is not None and report.diagnostics:
                    progress.clear()
                _note(path, [diagnostic_record(d) for d in report.diagnostics], diagnostics, args)
            if progress is not None:
                progress.update(counts.done, len(paths), f"成功{counts.parsed} 失败{counts.failed}")
    if progress is not None:
        progress.clear()
    if reports:
        if fmt == "parquet":
            from ..export.frame import write_parquet

            write_parquet(reports, args.output_path)
        else:
            from ..export.xlsx import write_xlsx

            write_xlsx(reports, args.output_path)
    if not args.quiet:
        print(counts.summary(len(paths), args.lenient, skipped, checked=False), file=sys.stderr)
    if not reports:
        print(f"没有可读取的报告，未写入{printable(args.output_path)}", file=sys.stderr)
    return 0 if counts.failed == 0 else 2


class _Counts:
    """What a run has done so far."""

    def __init__(self) -> None:
        self.parsed = self.failed = self.with_errors = self.with_diagnostics = 0

    @property
    def done(self) -> int:
        return self.parsed + self.failed

    def add(self, ok: bool, errors: int, diagnostics: int) -> None:
        if ok:
            self.parsed += 1
            self.with_errors += errors > 0
            self.with_diagnostics += diagnostics > 0
        else:
            self.failed += 1

    def summary(self, total: int, lenient: bool, skipped: list[Skipped], *, checked: bool = True) -> str:
        text = f"共{total}个文件：解析成功{self.parsed}个"
        notes = [f"其中校验有错误{self.with_errors}个"] if checked else []
        if lenient:
            notes.append(f"有诊断信息{self.with_diagnostics}个")
        if notes:
            text += f"（{'，'.join(notes)}）"
        text += f"，失败{self.failed}个"
        if self.done < total:
            text += f"，未处理{total - self.done}个"
        if skipped:
            reasons: dict[str, int] = {}
            for entry in skipped:
                reasons[entry.reason] = reasons.get(entry.reason, 0) + 1
            listed = "、".join(f"{reason}{count}项" for reason, count in reasons.items())
            text += f"；目录中另有{len(skipped)}项不是普通文件，已跳过：{listed}"
        return text
