"""``govinfo-report validate PATH...``: check reports, one readable report per file.

Reads what ``parse`` reads: several files, directories (recursively), every form
(text, web page, Word, PDF, the library's own JSON), ``-`` for standard input, with
``--encoding``, ``--edition`` and ``--lenient`` (diagnostics summarised on standard
error, and written by ``--diagnostics FILE.jsonl``).  Several files get a progress line
on a terminal and a closing summary (not with ``--quiet``).

Exit status: 0 when no file has an error finding, 1 when one has, 2 when a
file cannot be read or parsed (the other files are still checked, and that
file's error is printed in its place), and 2 when there is no file at all (an
empty directory) or no file could be read as a report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..errors import GovInfoError
from ..model import Report
from ..progress import Progress
from ..records import diagnostic_record
from ..rules import ERROR, WARNING, Finding, validate
from .inputs import DiagnosticsFile, add_reading_arguments, diagnostics_summary, gather, read_report, shown
from .output import chosen_format

NAME = "validate"
HELP = "校验报告：表格勾稽关系、单元格是否填写、叙述与表格是否一致"
EXAMPLES = (
    "govinfo-report validate report.txt",
    "govinfo-report validate reports/ --lenient --format json -o findings.json",
    "govinfo-report parse 年报.pdf | govinfo-report validate -",
)

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
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="报告文件或目录（文本、网页、Word、PDF或本库的JSON），可以有多个；-：标准输入",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default=None,
        help="text：便于阅读的报告（默认）；json：供程序读取。不给出时按-o文件的扩展名",
    )
    add_reading_arguments(parser)
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def _check(path: str, args: argparse.Namespace) -> tuple[Report | None, list[Finding], str | None]:
    try:
        report = read_report(path, encoding=args.encoding, edition=args.edition, lenient=args.lenient)
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
    fmt = chosen_format(args.format, args.output, "text", ("text", "json"))
    found = gather(args.paths, exclude=[path for path in (args.output, args.diagnostics) if path])
    if not found.files:
        print(f"{'、'.join(map(shown, args.paths))}中没有文件，未校验", file=sys.stderr)
        return EXIT_ERROR
    progress = (
        Progress(sys.stderr) if len(found.files) > 1 and sys.stderr.isatty() and not args.quiet else None
    )
    status = EXIT_OK
    records = []
    read = with_errors = 0
    with DiagnosticsFile(args.diagnostics) as diagnostics:
        for done, path in enumerate(found.files, start=1):
            report, findings, error = _check(path, args)
            if progress is not None:
                progress.clear()
            if report is not None:
                read += 1
                notes = [diagnostic_record(d) for d in report.diagnostics]
                diagnostics.write(path, notes)
                line = diagnostics_summary(path, notes)
                if line and not args.quiet:
                    print(line, file=sys.stderr)
            if error is not None:
                status = EXIT_ERROR
            elif any(finding.severity == ERROR for finding in findings):
                with_errors += 1
                if status == EXIT_OK:
                    status = EXIT_FINDINGS
            if fmt == "json":
                records.append(_json_record(shown(path), report, findings, error))
            else:
                _write_text(out, shown(path), report, findings, error)
            if progress is not None:
                progress.update(done, len(found.files))
    if progress is not None:
        progress.clear()
    if fmt == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    total = len(found.files)
    if total > 1 and not args.quiet:
        print(
            f"共{total}个文件：读取{read}个（其中有错误{with_errors}个），无法读取{total - read}个",
            file=sys.stderr,
        )
    if read == 0:
        print("没有可读取的报告", file=sys.stderr)
        return EXIT_ERROR
    return status
