"""``govinfo-report check DIR [--previous DIR2]``: a scorecard of every report in a directory.

One row per report: path, body, year, edition, arithmetic errors, blank cells,
narrative mismatches, missing or empty sections, the fee statement, the reuse
rate against the same body's previous report and the tables identical to it
(:func:`govinfo_report.analysis.corpus.check_corpus`).  Every file is accounted
for: the files that cannot be read are listed with the reason.

``--format table`` (default) prints a table and a summary; ``json`` the rows and
failures; ``xlsx`` a workbook (to ``-o FILE``, or to standard output when it is
not a terminal).  Exit status: 0 when every file was read and no report has an
error, 1 when a report has one, 2 when a file could not be read or there is no
file at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..narrative import display_width
from ..progress import Progress
from .arguments import positive
from .output import chosen_format

if TYPE_CHECKING:
    from ..analysis.corpus import CorpusCheck

NAME = "check"
HELP = "检查目录中的全部报告：勾稽关系、未填写单元格、叙述与表格、章节、信息处理费、与上年重复率"
EXAMPLES = (
    "govinfo-report check reports/2024 --previous reports/2023",
    "govinfo-report check reports/ -o scorecard.xlsx        # Excel工作簿（需xlsx扩展）",
    "govinfo-report check reports/ --format json -o scorecard.json",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

# The columns of the text table: (field of CorpusCheck.table()'s columns, short header).
_SHOWN = (
    ("path", "文件"),
    ("agency", "发布机关"),
    ("year", "年度"),
    ("arithmetic_errors", "勾稽错误"),
    ("blank_cells", "未填写"),
    ("narrative_mismatches", "叙述不符"),
    ("sections", "章节问题"),
    ("fees_stated", "收费说明"),
    ("reuse_rate", "重复率%"),
    ("identical_tables", "相同的表"),
    ("cross_year_errors", "跨年度错误"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="DIR", help="报告所在目录或文件（可以有多个）")
    parser.add_argument(
        "--previous",
        nargs="+",
        metavar="DIR2",
        help="上一年度报告所在目录或文件；不给出时在DIR中按发布机关查找较早年度的报告",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json", "xlsx"),
        default=None,
        help="table：表格（默认）；json：供程序读取；xlsx：Excel工作簿（用 -o 指定文件）。"
        "不给出时按-o文件的扩展名",
    )
    parser.add_argument("--jobs", type=positive, default=None, help="并行进程数（默认为CPU核数）")
    parser.add_argument("--lenient", action="store_true", help="宽松模式：尽量读出内容后再检查")
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def _missing(paths: list[str]) -> list[str]:
    return [path for path in paths if not Path(path).exists()]


def run(args: argparse.Namespace, out: TextIO) -> int:
    missing = _missing([*args.paths, *(args.previous or [])])
    if missing:
        print(f"找不到：{'、'.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    args.format = chosen_format(
        args.format, args.output, "table", ("table", "json", "xlsx"), {"table": "text"}
    )
    if args.format == "xlsx" and args.output is None and out.isatty():
        print("xlsx格式请用 -o 指定输出文件", file=sys.stderr)
        return EXIT_ERROR
    from ..analysis.corpus import check_corpus  # (imported when the command runs: the CLI starts faster)

    progress = Progress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    result = check_corpus(
        args.paths, previous=args.previous, jobs=args.jobs, lenient=args.lenient, progress=progress
    )
    if progress is not None:
        progress.clear()
    if result.files == 0:
        print(f"{'、'.join(args.paths)}中没有文件", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        out.write(result.to_json() + "\n")
    elif args.format == "xlsx":
        from ..export.xlsx import write_scorecard_xlsx

        out.flush()
        write_scorecard_xlsx(result, out.buffer)
    else:
        write_table(result, out)
    if not args.quiet:
        print(summary(result), file=sys.stderr)
    if any(not failure.previous for failure in result.failures):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(row.errors for row in result.rows) else EXIT_OK


def summary(result: CorpusCheck) -> str:
    """``共N个文件：读取M个（其中有错误K个），无法读取F个`` (and the earlier-year files)."""
    failed = sum(1 for failure in result.failures if not failure.previous)
    with_errors = sum(1 for row in result.rows if row.errors)
    text = (
        f"共{result.files}个文件：读取{len(result.rows)}个（其中有错误{with_errors}个），无法读取{failed}个"
    )
    earlier = sum(1 for failure in result.failures if failure.previous)
    if earlier:
        text += f"；上年报告无法读取{earlier}个"
    return text


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def write_table(result: CorpusCheck, out: TextIO) -> None:
    """The scorecard as an aligned text table, then the files that could not be read."""
    from ..analysis.corpus import COLUMNS

    _, rows = result.table()
    fields = [field for field, _ in COLUMNS]
    positions = [fields.index(field) for field, _ in _SHOWN]
    table = [[shown for _, shown in _SHOWN]]
    table += [[_cell(row[position]) for position in positions] for row in rows]
    widths = [max(display_width(line[column]) for line in table) for column in range(len(_SHOWN))]
    for line in table:
        out.write(
            "  ".join(_pad(text, width) for text, width in zip(line, widths, strict=True)).rstrip() + "\n"
        )
    if result.failures:
        out.write("\n无法读取的文件：\n")
        for failure in result.failures:
            where = "（上年）" if failure.previous else ""
            out.write(f"  {failure.path}{where}：{failure.reason}\n")
