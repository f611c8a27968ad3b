"""``govinfo-report skeleton --agency … --year …``: a report to start from, in any output format.

The edition follows the year (:func:`govinfo_report.edition_for_year`: 2019 and 2020 the
trial layout, 2021 on the 2021 layout) unless ``--edition`` says otherwise; a year before
the national layout existed (``--year 1999``), or before the edition asked for, is refused
with the reason.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..errors import GovInfoError
from ..skeleton import skeleton
from .arguments import add_edition_argument, text
from .render import add_output_arguments, output_format, write_report

NAME = "skeleton"
HELP = "生成官方格式的报告框架：六个部分、标准小标题、待填写的段落（【请填写：……】），表格全为0"
EXAMPLES = (
    "govinfo-report skeleton --agency 某某市某某局 --year 2025 -o report.txt",
    "govinfo-report skeleton --agency 某某市某某局 --year 2025 -o cells.csv   # 供电子表格填写",
    "govinfo-report skeleton --agency 某某县民政局 --year 2020 -o report.docx  # 2019年版格式",
)


def add_front_arguments(parser: argparse.ArgumentParser) -> None:
    """``--agency``, ``--year``, ``--edition``, ``--title`` (shared with ``fill``)."""
    parser.add_argument("--agency", required=True, type=text, help="发布机关，如“某某市某某局”")
    parser.add_argument("--year", required=True, type=int, help="报告年度，如2025")
    add_edition_argument(parser, "默认按年度（2019、2020年度为2019年版，2021年度起为2021年版）")
    parser.add_argument("--title", type=text, help="标题（默认“<年度>年政府信息公开工作年度报告”）")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_front_arguments(parser)
    add_output_arguments(parser, default="text")


def run(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args, "text")
    try:
        report = skeleton(args.agency, args.year, args.edition, title=args.title)
    except ValueError as exc:
        raise GovInfoError(str(exc)) from None
    write_report(report, fmt, args.output_path, out)
    return 0
