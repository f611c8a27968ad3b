"""``govinfo-report parse FILE``: the report as JSON, or its cells as CSV."""

from __future__ import annotations

import argparse
import csv
from typing import TextIO

from ..api import parse_file
from ..cells import cells, format_value
from ..model import Report
from ..serialize import to_json

NAME = "parse"
HELP = "解析报告文本，输出JSON或单元格CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="报告文本文件（UTF-8、GB18030/GBK、UTF-16均可）")
    parser.add_argument(
        "--format",
        choices=("json", "cells"),
        default="json",
        help="json：整份报告；cells：每个表格单元格一行的CSV（table,row,column,value）",
    )
    parser.add_argument("--encoding", help="文件编码（默认自动识别）")
    parser.add_argument("--indent", type=int, default=2, help="JSON缩进（默认2）")
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def write_cells(report: Report, out: TextIO) -> None:
    """The long format as CSV: ``table,row,column,value``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    for cell in cells(report):
        writer.writerow([cell.table, cell.row, cell.column, format_value(cell.value)])


def run(args: argparse.Namespace, out: TextIO) -> int:
    report = parse_file(args.file, encoding=args.encoding)
    if args.format == "cells":
        write_cells(report, out)
    else:
        out.write(to_json(report, indent=args.indent) + "\n")
    return 0
