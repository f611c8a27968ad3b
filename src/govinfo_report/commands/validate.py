"""``govinfo-report validate FILE...``: check reports, one readable report per file.

Exit status: 0 when no file has an error finding, 1 when one has, 2 when a
file cannot be read or parsed (the other files are still checked, and that
file's error is printed in its place).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..api import parse_file
from ..errors import GovInfoError
from ..model import Report
from ..rules import ERROR, WARNING, Finding, validate

NAME = "validate"
HELP = "校验报告：表格勾稽关系、单元格是否填写、叙述与表格是否一致"

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_RED = "\x1b[1;31m"
_YELLOW = "\x1b[33m"
_GREEN = "\x1b[32m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"

_LABELS = {ERROR: "错误", WARNING: "警告"}
_COLOURS = {ERROR: _RED, WARNING: _YELLOW}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="报告文本文件，可以有多个")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text：便于阅读的报告（默认）；json：供程序读取",
    )
    parser.add_argument("--encoding", help="文件编码（默认自动识别）")
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def _check(path: str, encoding: str | None) -> tuple[Report | None, list[Finding], str | None]:
    try:
        report = parse_file(path, encoding=encoding)
    except GovInfoError as exc:
        return None, [], str(exc)
    except OSError as exc:
        return None, [], f"无法读取文件：{exc.strerror or exc}"
    return report, validate(report), None


def _counts(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for finding in findings if finding.severity == ERROR)
    return errors, len(findings) - errors


def _title(report: Report) -> str:
    if report.agency and not report.title.startswith(report.agency):
        return f"{report.agency} {report.title}"
    return report.title


class _Painter:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.colour else text


def _write_text(
    out: TextIO, path: str, report: Report | None, findings: list[Finding], error: str | None
) -> None:
    paint = _Painter(out.isatty())
    if report is None:
        out.write(paint(f"{path}：无法读取或解析，未校验", _BOLD) + "\n")
        for line in (error or "").split("\n"):
            out.write(f"  {line}\n")
        out.write("\n")
        return
    out.write(paint(f"{path}：{_title(report)}", _BOLD) + "\n")
    for finding in findings:
        label = paint(_LABELS.get(finding.severity, finding.severity), _COLOURS.get(finding.severity, ""))
        out.write(f"  {label} [{finding.rule}] {finding.message}\n")
    errors, warnings = _counts(findings)
    if not findings:
        out.write("  " + paint("未发现问题", _GREEN) + "\n")
    else:
        out.write(f"  共{errors}个错误、{warnings}个警告\n")
    out.write("\n")


def _json_record(path: str, report: Report | None, findings: list[Finding], error: str | None) -> Any:
    errors, warnings = _counts(findings)
    return {
        "file": path,
        "agency": report.agency if report else None,
        "year": report.year if report else None,
        "error": error,
        "errors": errors,
        "warnings": warnings,
        "findings": [finding.to_dict() for finding in findings],
    }


def run(args: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    records = []
    for path in args.files:
        report, findings, error = _check(path, args.encoding)
        if error is not None:
            status = EXIT_ERROR
        elif status == EXIT_OK and any(finding.severity == ERROR for finding in findings):
            status = EXIT_FINDINGS
        if args.format == "json":
            records.append(_json_record(path, report, findings, error))
        else:
            _write_text(out, path, report, findings, error)
    if args.format == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return status
