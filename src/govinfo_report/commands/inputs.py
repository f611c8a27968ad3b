"""What the reading commands share (``parse``, ``validate``, ``render``, ``check``).

* the inputs: files, directories (read recursively) and ``-`` for standard input, which
  must then be the only input;
* reading one report of any form the library reads (text, web page, Word, PDF, or the
  library's own JSON), with ``--encoding``, ``--edition`` and ``--lenient``; a cells CSV
  is refused with the advice to use ``fill``;
* the diagnostics of lenient reading: a one-line summary per file on standard error
  (the count and the first few with their positions) and ``--diagnostics FILE.jsonl``,
  one JSON object per diagnostic (:func:`govinfo_report.records.diagnostic_record` and
  the file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from ..api import parse_file
from ..batch import Collected, collect
from ..errors import GovInfoError, Location, ParseError
from ..model import Report
from ..normalize import printable
from ..reading import MAX_SIZE
from .arguments import UsageError, add_edition_argument

__all__ = [
    "STDIN",
    "STDIN_NAME",
    "DiagnosticsFile",
    "add_reading_arguments",
    "diagnostics_summary",
    "gather",
    "looks_like_cells_csv",
    "read_report",
    "shown",
]

#: The input name that means standard input.
STDIN = "-"
#: How messages name standard input.
STDIN_NAME = "标准输入"

#: Diagnostics quoted in the one-line summary of a file.
_SHOWN_DIAGNOSTICS = 3


def shown(path: str) -> str:
    """An input's name in a message (``标准输入`` for ``-``)."""
    return STDIN_NAME if path == STDIN else printable(path)


def add_reading_arguments(parser: argparse.ArgumentParser, *, diagnostics: bool = True) -> None:
    """``--encoding``, ``--edition``, ``--lenient`` and (by default) ``--diagnostics``."""
    parser.add_argument("--encoding", help="文件编码（默认自动识别）")
    add_edition_argument(parser, "默认按表格自动识别")
    parser.add_argument(
        "--lenient", action="store_true", help="宽松模式：尽量读出内容，跳过的部分作为诊断信息给出"
    )
    if diagnostics:
        parser.add_argument(
            "--diagnostics",
            metavar="FILE.jsonl",
            help="把诊断信息写入此文件：每条一行JSON（文件、位置、说明）",
        )


def gather(paths: Sequence[str], exclude: Iterable[str] = ()) -> Collected:
    """The files to read; ``-`` (standard input) only on its own.

    Raises:
        UsageError: ``-`` given together with other inputs.
    """
    if STDIN in paths:
        if len(paths) > 1:
            raise UsageError("“-”（标准输入）只能单独使用，不能与其他文件或目录一起给出")
        return Collected([STDIN], [])
    return collect(paths, exclude=list(exclude))


def looks_like_cells_csv(data: bytes) -> bool:
    """Whether ``data`` starts with the header of a cells CSV (``table,row,column,value``).

    >>> looks_like_cells_csv(b"\\xef\\xbb\\xbfpath,table,row,column,value\\r\\n")
    True
    >>> looks_like_cells_csv("一、总体情况".encode())
    False
    """
    first = data[:400].split(b"\n", 1)[0].strip().removeprefix(b"\xef\xbb\xbf")
    names = {name.strip().strip(b'"').lower() for name in first.split(b",")}
    return {b"table", b"row", b"column", b"value"} <= names


def read_report(
    path: str, *, encoding: str | None = None, edition: str | None = None, lenient: bool = False
) -> Report:
    """One report from a file of any form (or standard input, ``-``).

    Raises:
        GovInfoError: the file cannot be read or is not a report (a cells CSV: use ``fill``).
        OSError: the file cannot be opened.
    """
    if path == STDIN:
        source: str | bytes = sys.stdin.buffer.read(MAX_SIZE + 1)
        head = source[:400]
    else:
        source = head = path
    try:
        return parse_file(source, encoding=encoding, edition=edition, lenient=lenient)
    except ParseError:
        if looks_like_cells_csv(_head(head)):
            raise GovInfoError(
                "这是单元格CSV（table,row,column,value），不是报告；请用 govinfo-report fill 由它生成报告，"
                "如：govinfo-report fill cells.csv --agency … --year …"
            ) from None
        raise


def _head(source: str | bytes) -> bytes:
    """The first bytes of a file that was read once already (or of the bytes themselves)."""
    if isinstance(source, bytes):
        return source
    try:
        with open(source, "rb") as file:
            return file.read(400)
    except OSError:
        return b""


def diagnostics_summary(path: str, records: Sequence[Mapping[str, Any]]) -> str | None:
    """One line for a file's diagnostics: how many, and the first few with their positions.

    >>> print(diagnostics_summary("a.txt", [
    ...     {"location": {"line": 3, "column": 1}, "message": "文本提前结束"},
    ...     {"location": {"page": 2}, "message": "跳过一行"},
    ... ]))
    a.txt：2条诊断信息：第3行第1列 文本提前结束；第2页 跳过一行
    """
    if not records:
        return None
    parts = []
    for record in records[:_SHOWN_DIAGNOSTICS]:
        where = str(Location(**record.get("location", {})))
        message = str(record.get("message", "")).split("\n")[0]
        parts.append(f"{where} {message[:60]}")
    more = len(records) - _SHOWN_DIAGNOSTICS
    tail = f"；另有{more}条" if more > 0 else ""
    return f"{shown(path)}：{len(records)}条诊断信息：{'；'.join(parts)}{tail}"


class DiagnosticsFile:
    """``--diagnostics FILE.jsonl``: one JSON object per diagnostic, with the file it is from."""

    def __init__(self, path: str | None) -> None:
        self._out: TextIO | None = open(path, "w", encoding="utf-8", newline="") if path else None  # noqa: SIM115
        self.written = 0

    def write(self, path: str, records: Iterable[Mapping[str, Any]]) -> None:
        if self._out is None:
            return
        for record in records:
            self._out.write(json.dumps({"file": shown(path), **record}, ensure_ascii=False) + "\n")
            self.written += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()

    def __enter__(self) -> DiagnosticsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
