"""Reading many report files: in parallel, streaming, never stopping on a bad one.

:func:`parse_many` yields one :class:`FileResult` per file, in the order of
the input, as soon as it is ready; worker processes parse, validate and
serialize, so the parent only writes text and counts.  Nothing is kept
after it is yielded, so memory stays flat however many files there are.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ._grammar import parser
from .api import parse_file
from .cells import cells
from .errors import GovInfoError, ParseError
from .rules import validate
from .serialize import to_dict
from .values import format_value

__all__ = ["FORMATS", "FileResult", "collect_paths", "parse_many", "process_file"]

#: Output formats of a batch run.
FORMATS = ("jsonl", "cells")
CELLS_HEADER = ("path", "table", "row", "column", "value")


@attrs.frozen
class FileResult:
    """What became of one file.

    Attributes:
        path: the file.
        ok: whether it was read as a report.
        text: the output for this file (a JSON line, or CSV rows).
        diagnostics: how many things lenient parsing skipped or filled in.
        errors: how many validation findings of severity ``error``.
        message: the error, when the file could not be read.
    """

    path: str
    ok: bool
    text: str
    diagnostics: int = 0
    errors: int = 0
    message: str = ""


def collect_paths(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named, and files under directories named (recursively, no hidden ones), sorted."""
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += sorted(
                str(child)
                for child in path.rglob("*")
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            found.append(str(path))
    return found


def process_file(path: str, fmt: str = "jsonl", lenient: bool = False, check: bool = True) -> FileResult:
    """Parse (and validate) one file and write its output; never raises for a bad file."""
    try:
        report = parse_file(path, lenient=lenient)
    except GovInfoError as error:
        return _failure(path, fmt, error)
    except Exception as error:  # one broken file must not end a batch
        return _failure(path, fmt, error)
    findings = validate(report) if check else []
    errors = sum(1 for finding in findings if finding.severity == "error")
    if fmt == "cells":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for cell in cells(report):
            writer.writerow([path, cell.table, cell.row, cell.column, format_value(cell.value)])
        text = buffer.getvalue()
    else:
        record = {
            "path": path,
            "status": "ok",
            "error": None,
            "diagnostics": [attrs.asdict(d) for d in report.diagnostics],
            "findings": [finding.to_dict() for finding in findings],
            "report": to_dict(report),
        }
        text = json.dumps(record, ensure_ascii=False) + "\n"
    return FileResult(path, True, text, len(report.diagnostics), errors)


def _failure(path: str, fmt: str, error: BaseException) -> FileResult:
    message = str(error).split("\n")[0] if isinstance(error, GovInfoError) else f"内部错误：{error!r}"
    if fmt == "cells":
        return FileResult(path, False, "", message=message)
    detail: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    if isinstance(error, ParseError):
        detail.update(line=error.line, column=error.column)
    record: dict[str, Any] = {
        "path": path,
        "status": "error",
        "error": detail,
        "diagnostics": [],
        "findings": [],
        "report": None,
    }
    return FileResult(path, False, json.dumps(record, ensure_ascii=False) + "\n", message=message)


def _work(task: tuple[str, str, bool, bool]) -> FileResult:
    return process_file(*task)


def parse_many(
    paths: Iterable[str],
    *,
    fmt: str = "jsonl",
    jobs: int | None = None,
    lenient: bool = False,
    check: bool = True,
) -> Iterator[FileResult]:
    """One result per path, in order, parsed by ``jobs`` processes (default: all cores)."""
    tasks = ((path, fmt, lenient, check) for path in paths)
    workers = jobs or os.cpu_count() or 1
    if workers == 1:
        yield from map(_work, tasks)
        return
    parser()  # built once here, so that forked workers start with it
    with multiprocessing.get_context().Pool(workers) as pool:
        yield from pool.imap(_work, tasks, chunksize=16)
