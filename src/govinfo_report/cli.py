"""The ``govinfo-report`` command: the only module that prints."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .api import parse_file
from .cells import cells, format_value
from .errors import GovInfoError
from .model import Report
from .serialize import to_json

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="政府信息公开工作年度报告：解析为结构化数据。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="解析报告文本，输出JSON或单元格CSV")
    parse.add_argument("file", help="报告文本文件（UTF-8、GB18030/GBK、UTF-16均可）")
    parse.add_argument(
        "--format",
        choices=("json", "cells"),
        default="json",
        help="json：整份报告；cells：每个表格单元格一行的CSV（table,row,column,value）",
    )
    parse.add_argument("--encoding", help="文件编码（默认自动识别）")
    parse.add_argument("--indent", type=int, default=2, help="JSON缩进（默认2）")
    parse.add_argument("-o", "--output", help="输出文件（默认标准输出）")
    return parser


def write_cells(report: Report, out: TextIO) -> None:
    """The long format as CSV: ``table,row,column,value``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    for cell in cells(report):
        writer.writerow([cell.table, cell.row, cell.column, format_value(cell.value)])


def _run_parse(args: argparse.Namespace, out: TextIO) -> int:
    report = parse_file(args.file, encoding=args.encoding)
    if args.format == "cells":
        write_cells(report, out)
    else:
        out.write(to_json(report, indent=args.indent) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                return _run_parse(args, out)
        return _run_parse(args, sys.stdout)
    except GovInfoError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"govinfo-report: {exc}", file=sys.stderr)
        return EXIT_ERROR
