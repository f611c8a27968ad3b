"""``govinfo-report render REPORT``: a report as text, Markdown, HTML or Word.

The report is read as ``parse`` reads it: the library's JSON (``parse`` output), a
report text, a web page, a Word or PDF file (through their readers: the ``html``,
``docx`` and ``pdf`` extras), or ``-`` for standard input.  A cells CSV is refused with
the advice to use ``fill``; JSON that is not a report's JSON form is refused as such.

Also home of what the generating commands share (``skeleton``, ``fill``, ``render``):
choosing the output format (``--format``, which an ``-o`` suffix must not contradict)
and writing the report, as text to standard output or a file, or as a Word file
(binary, so only to a file named with ``-o``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..model import Report
from ..render import BINARY_FORMATS, FORMATS, render
from ..serialize import to_json
from .arguments import UsageError
from .inputs import read_report
from .output import chosen_format
from .parse import write_cells

NAME = "render"
HELP = "把报告（JSON、文本、网页、Word或PDF）输出为文本、Markdown、HTML或Word（docx）"
EXAMPLES = (
    "govinfo-report render report.txt -o report.docx      # Word（扩展名决定格式）",
    "govinfo-report render report.json --format html -o report.html",
    "govinfo-report parse 年报.pdf | govinfo-report render - --format markdown",
)

#: Every output format of the generating commands: the renderers, JSON and the cells CSV.
OUTPUT_FORMATS: tuple[str, ...] = (*FORMATS, "json", "cells")

FORMAT_HELP = (
    "text：规范文本；markdown：Markdown（管道表格）；html：可打印的网页；docx：Word文件（需-o）；"
    "json：JSON；cells：单元格CSV。默认按-o文件的扩展名，否则为{default}"
)


def add_output_arguments(parser: argparse.ArgumentParser, default: str) -> None:
    """``--format`` and ``-o``; ``-o`` is stored as ``output_path`` and written here, not by the CLI."""
    parser.add_argument("--format", choices=OUTPUT_FORMATS, help=FORMAT_HELP.format(default=default))
    parser.add_argument(
        "-o", "--output", dest="output_path", metavar="OUTPUT", help="输出文件（默认标准输出；docx必须指定）"
    )


def output_format(args: argparse.Namespace, default: str) -> str:
    """The format asked for, or the one the output file's suffix implies, or ``default``.

    Raises:
        UsageError: the suffix of ``-o`` means another format than ``--format``.
    """
    return chosen_format(args.format, args.output_path, default, OUTPUT_FORMATS)


def write_report(report: Report, fmt: str, path: str | None, out: TextIO) -> None:
    """Write ``report`` in ``fmt`` to the file ``path``, or to ``out`` when there is none."""
    if fmt in BINARY_FORMATS:
        if not path:
            raise UsageError(f"{fmt}格式是二进制文件，请用 -o 指定输出文件（如 -o report.{fmt}）")
        data = render(report, fmt)
        assert isinstance(data, bytes)
        Path(path).write_bytes(data)
        return
    if path:
        with open(path, "w", encoding="utf-8", newline="") as target:
            _write_text(report, fmt, target)
    else:
        _write_text(report, fmt, out)


def _write_text(report: Report, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(to_json(report, indent=2) + "\n")
    elif fmt == "cells":
        write_cells(report, out)
    else:
        text = render(report, fmt)
        assert isinstance(text, str)
        out.write(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="REPORT", help="报告：JSON（parse的输出）、文本、网页、Word或PDF文件；-：标准输入"
    )
    parser.add_argument("--encoding", help="文件编码（默认自动识别）")
    add_output_arguments(parser, default="text")


def run(args: argparse.Namespace, out: TextIO) -> int:
    fmt = output_format(args, "text")
    report = read_report(args.file, encoding=args.encoding)
    write_report(report, fmt, args.output_path, out)
    return 0
