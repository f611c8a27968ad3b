"""``govinfo-report fill CELLS.csv --agency … --year …``: a report whose tables come from a CSV.

The CSV has the header ``table,row,column,value`` (other columns are
ignored), one row per cell, as ``govinfo-report skeleton --format cells``
writes it; an empty value leaves the cell not filled in.  Files saved by
Excel as GB18030/GBK or UTF-8 with BOM are read like report files.  Every
error names the CSV line it is about, a duplicate record the line that gave the
address first too.  The edition follows ``--year`` unless ``--edition`` is given.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Iterator
from typing import TextIO

from ..errors import CellsError, GovInfoError
from ..reading import MAX_SIZE, read_text
from .render import add_output_arguments, output_format, write_report
from .skeleton import add_front_arguments

NAME = "fill"
HELP = "用单元格CSV（table,row,column,value）填写报告的表格，其余为报告框架"
EXAMPLES = (
    "govinfo-report fill cells.csv --agency 某某市某某局 --year 2025 -o report.txt",
    "govinfo-report fill cells.csv --agency 某某市某某局 --year 2025 -o report.docx",
    "govinfo-report fill cells.csv --agency 某某县民政局 --year 2020 --format json",
)

_HEADER = ("table", "row", "column", "value")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="CELLS.csv", help="单元格CSV，表头为table,row,column,value")
    parser.add_argument("--encoding", help="CSV文件编码（默认自动识别）")
    add_front_arguments(parser)
    add_output_arguments(parser, default="json")


def _records(text: str, lines: list[int]) -> Iterator[dict[str, str]]:
    """The CSV's rows; ``lines`` gets the line number each row ends on."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        missing = [key for key in _HEADER if key not in (reader.fieldnames or ())]
        if missing:
            found = "、".join(reader.fieldnames or ()) or "（空）"
            raise CellsError(
                f"CSV第1行应为表头table,row,column,value，缺少{'、'.join(missing)}；实际表头：{found[:200]}"
            )
        for row in reader:
            lines.append(reader.line_num)
            yield row
    except csv.Error as exc:
        # DictReader.line_num is set after a row is read; its reader's counts the line that failed.
        raise CellsError(f"第{reader.reader.line_num}行：{_csv_problem(exc)}") from None


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"有一个字段超过{csv.field_size_limit():,}个字符，这不是单元格CSV"
    return f"不是有效的CSV（{exc}）"


def run(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args, "json")
    text = read_text(args.file, args.encoding, max_size=MAX_SIZE)
    lines: list[int] = []
    from ..fill import fill_tables  # (imported when the command runs: the CLI starts faster)

    try:
        report = fill_tables(
            _records(text, lines),
            agency=args.agency,
            year=args.year,
            edition=args.edition,
            title=args.title,
            position=lambda number: f"第{lines[number - 1]}行",
        )
    except CellsError as exc:
        if exc.record is None:
            raise
        raise CellsError(f"第{lines[exc.record - 1]}行：{exc.reason}", address=exc.address) from None
    except ValueError as exc:
        raise GovInfoError(str(exc)) from None
    write_report(report, fmt, args.output_path, out)
    return 0
