"""``govinfo-report skeleton --agency … --year …``: a report to start from, in any output format."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..editions import EDITIONS
from ..errors import GovInfoError
from ..normalize import first_invalid_character
from ..skeleton import skeleton
from .render import add_output_arguments, output_format, write_report

NAME = "skeleton"
HELP = "生成官方格式的报告框架：六个部分、标准小标题、待填写的段落（【请填写：……】），表格全为0"


def text(value: str) -> str:
    """An ``argparse`` type: text, refused when the argument held bytes that are not UTF-8."""
    if first_invalid_character(value) is not None:
        raise argparse.ArgumentTypeError("含有无法解码的字节（参数应为UTF-8文字）")
    return value


def add_front_arguments(parser: argparse.ArgumentParser) -> None:
    """``--agency``, ``--year``, ``--edition``, ``--title`` (shared with ``fill``)."""
    parser.add_argument("--agency", required=True, type=text, help="发布机关，如“某某市某某局”")
    parser.add_argument("--year", required=True, type=int, help="报告年度，如2025")
    parser.add_argument("--edition", default="2021", choices=tuple(EDITIONS), help="格式版本（默认2021）")
    parser.add_argument("--title", type=text, help="标题（默认“<年度>年政府信息公开工作年度报告”）")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_front_arguments(parser)
    add_output_arguments(parser, default="text")


def run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        report = skeleton(args.agency, args.year, args.edition, title=args.title)
    except ValueError as exc:
        raise GovInfoError(str(exc)) from None
    write_report(report, output_format(args, "text"), args.output_path, out)
    return 0
