"""``govinfo-report render REPORT``: a report (JSON or text) as text, Markdown, HTML or Word.

Also home of what the generating commands share (``skeleton``, ``fill``,
``render``): choosing the output format and writing the report, as text to
standard output or a file, or as a Word file (binary, so only to a file named
with ``-o``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..api import parse
from ..errors import GovInfoError
from ..model import Report
from ..reading import MAX_SIZE, read_text
from ..render import BINARY_FORMATS, FORMATS, render
from ..serialize import from_json, to_json
from .parse import write_cells

NAME = "render"
HELP = "把报告（JSON或文本）输出为文本、Markdown、HTML或Word（docx）"

#: Every output format of the generating commands: the renderers, JSON and the cells CSV.
OUTPUT_FORMATS: tuple[str, ...] = (*FORMATS, "json", "cells")

#: The format an output file's suffix implies when ``--format`` is not given.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
    ".csv": "cells",
}

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
    """The format asked for, or the one the output file's suffix implies, or ``default``."""
    if args.format:
        return str(args.format)
    if args.output_path:
        return SUFFIXES.get(Path(args.output_path).suffix.lower(), default)
    return default


def write_report(report: Report, fmt: str, path: str | None, out: TextIO) -> None:
    """Write ``report`` in ``fmt`` to the file ``path``, or to ``out`` when there is none."""
    if fmt in BINARY_FORMATS:
        if not path:
            raise GovInfoError(f"{fmt}格式是二进制文件，请用 -o 指定输出文件（如 -o report.{fmt}）")
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


def read_report(path: str, encoding: str | None = None) -> Report:
    """A report from a JSON file (``gr.to_json``) or a report text (at most ``MAX_SIZE`` bytes)."""
    text = read_text(path, encoding, max_size=MAX_SIZE)
    if Path(path).suffix.lower() == ".json" or text.lstrip("\ufeff \t\r\n").startswith("{"):
        return from_json(text)
    return parse(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="REPORT", help="报告：JSON文件（.json）或报告文本")
    parser.add_argument("--encoding", help="文件编码（默认自动识别）")
    add_output_arguments(parser, default="text")


def run(args: argparse.Namespace, out: TextIO) -> int:
    report = read_report(args.file, args.encoding)
    write_report(report, output_format(args, "text"), args.output_path, out)
    return 0
