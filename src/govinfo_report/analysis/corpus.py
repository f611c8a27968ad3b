"""Checking a directory of reports: one scorecard row per file.

:func:`check_corpus` reads every file (in parallel, through
:func:`govinfo_report.batch.parse_many`), validates each report and, when an
earlier report of the same body is at hand (in ``previous``, or else among the
files themselves), measures how much it reuses (:mod:`.reuse`) and applies the
cross-year rules (:mod:`.compare`).  Every file is accounted for: a file that
cannot be read is listed with the reason.

Only its scorecard row and a :class:`~govinfo_report.analysis.reuse.Fingerprint`
(a few kilobytes: sentence hashes and cell values) are kept of each report while
the corpus is read, so memory stays small for tens of thousands of files; the
reports are matched with their predecessors once every file has been read.

Matching: reports are matched by ``agency`` exactly as printed; a report's
predecessor is the same body's report of the year before, or when there is none
its latest report of an earlier year (``previous_year`` says which).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from ..batch import collect_paths, parse_many
from ..errors import GovInfoError
from ..layout import build_table, cell_specs
from ..model import Narrative, Report
from ..rules import ERROR, Finding, validate
from ..serialize import from_dict
from .compare import compare
from .reuse import Fingerprint, fingerprint, fingerprint_tables, reuse_rate

__all__ = ["ARITHMETIC_RULES", "COLUMNS", "CheckRow", "CorpusCheck", "FailedFile", "check_corpus"]

#: The rules whose errors are "arithmetic errors" on the scorecard (勾稽关系 and ranges).
ARITHMETIC_RULES = frozenset({"T3-BALANCE", "T3-HANDLED", "T3-ROW-TOTAL", "T4-TOTAL", "CELL-RANGE"})
_SECTION_RULES = ("SECTION-MISSING", "SECTION-EMPTY")

#: Called after each file with (files done, files in all).
Progress = Callable[[int, int], None]


@attrs.frozen
class CheckRow:
    """The scorecard of one report file.

    Attributes:
        path: the file.
        agency: the issuing body, or ``None``.
        year: the reporting year, or ``None``.
        edition: the layout edition.
        errors: validation findings of severity ``error``.
        warnings: validation findings of severity ``warning``.
        arithmetic_errors: errors of the 勾稽关系 and range rules (:data:`ARITHMETIC_RULES`).
        blank_cells: cells not filled in (``CELL-BLANK``).
        narrative_mismatches: numbers in the narrative that differ from the tables (``NARRATIVE-*``).
        sections: messages of the missing and empty sections (``SECTION-MISSING``, ``SECTION-EMPTY``).
        fees_stated: whether section 六 states the information-processing fees.
        previous_path: the earlier report compared with, or ``None`` when none was found.
        previous_year: its year.
        reuse_rate: the share of the narrative reused from it (0…1), or ``None``.
        identical_tables: the tables whose numbers are all last year's (0 in both not counting).
        cross_year_errors: ``YOY-*`` errors (上年结转 ≠ last year's 结转下年度继续办理).
        cross_year_warnings: ``YOY-*`` warnings (现行有效件数, jumps, not checkable).
    """

    path: str
    agency: str | None
    year: int | None
    edition: str
    errors: int
    warnings: int
    arithmetic_errors: int
    blank_cells: int
    narrative_mismatches: int
    sections: tuple[str, ...]
    fees_stated: bool
    previous_path: str | None = None
    previous_year: int | None = None
    reuse_rate: float | None = None
    identical_tables: tuple[int, ...] = ()
    cross_year_errors: int = 0
    cross_year_warnings: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The row for JSON (field names as keys)."""
        record = attrs.asdict(self, recurse=False)
        record["sections"] = list(self.sections)
        record["identical_tables"] = list(self.identical_tables)
        return record


@attrs.frozen
class FailedFile:
    """A file that could not be read as a report.

    Attributes:
        path: the file.
        reason: why (the library's error message, first line).
        previous: whether it is one of the earlier-year files (``previous``).
    """

    path: str
    reason: str
    previous: bool = False


#: The scorecard's columns: (field, Chinese header).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "文件"),
    ("agency", "发布机关"),
    ("year", "年度"),
    ("edition", "格式版本"),
    ("arithmetic_errors", "勾稽错误"),
    ("blank_cells", "未填写单元格"),
    ("narrative_mismatches", "叙述与表格不符"),
    ("sections", "章节缺失或为空"),
    ("fees_stated", "说明信息处理费"),
    ("reuse_rate", "与上年重复率"),
    ("identical_tables", "与上年相同的表"),
    ("cross_year_errors", "跨年度错误"),
    ("cross_year_warnings", "跨年度警告"),
    ("previous_path", "上年报告"),
    ("errors", "错误"),
    ("warnings", "警告"),
)


@attrs.frozen
class CorpusCheck:
    """The result of :func:`check_corpus`.

    Attributes:
        rows: one per report read, in the order of the files.
        failures: the files that could not be read (the corpus's first, then ``previous``'s).
        files: how many files the corpus has.


    Example:
        >>> import govinfo_report as gr
        >>> result = gr.check_corpus(["examples"], jobs=1)
        >>> result.files, len(result.rows), result.failures
        (3, 3, ())
    """

    rows: tuple[CheckRow, ...]
    failures: tuple[FailedFile, ...]
    files: int

    def table(self) -> tuple[list[str], list[list[Any]]]:
        """The scorecard as a header (Chinese) and rows of plain values, for text and spreadsheets.

        The reuse rate is a percentage rounded to 0.1 (``87.5``), blank when not measured;
        lists are joined with ``、``; the fee statement is ``是``/``否``.
        """
        header = [title for _, title in COLUMNS]
        rows = [[_plain(field, getattr(row, field)) for field, _ in COLUMNS] for row in self.rows]
        return header, rows

    def to_json(self) -> str:
        """The result as JSON: ``{"files", "rows", "failures"}``."""
        record = {
            "files": self.files,
            "rows": [row.to_dict() for row in self.rows],
            "failures": [attrs.asdict(failure) for failure in self.failures],
        }
        return json.dumps(record, ensure_ascii=False, indent=2)


def _plain(field: str, value: Any) -> Any:
    if field == "reuse_rate":
        return None if value is None else round(value * 100, 1)
    if field == "fees_stated":
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "、".join(str(item) for item in value)
    return value


@attrs.frozen
class _Read:
    """What is kept of a report read: its row, and what comparing needs."""

    row: CheckRow
    fingerprint: Fingerprint

    def tables(self) -> Report:
        """A report holding only this report's tables (what the cross-year rules read)."""
        values = iter(self.fingerprint.values)
        tables: dict[str, Any] = {
            attribute: build_table(cls, {spec.key: next(values) for spec in cell_specs(cls)})
            for _, attribute, cls in self.fingerprint.layout
        }
        return Report(
            edition=self.fingerprint.edition,
            agency=self.row.agency,
            year=self.row.year,
            title="",
            headings=(),
            preamble=(),
            overview=Narrative(),
            problems=Narrative(),
            other_matters=Narrative(),
            **tables,
        )


def _row(path: str, report: Report, findings: Sequence[Finding]) -> CheckRow:
    errors = sum(1 for finding in findings if finding.severity == ERROR)
    return CheckRow(
        path=path,
        agency=report.agency,
        year=report.year,
        edition=report.edition,
        errors=errors,
        warnings=len(findings) - errors,
        arithmetic_errors=sum(1 for f in findings if f.rule in ARITHMETIC_RULES and f.severity == ERROR),
        blank_cells=sum(1 for f in findings if f.rule == "CELL-BLANK"),
        narrative_mismatches=sum(1 for f in findings if f.rule.startswith("NARRATIVE-")),
        sections=tuple(f.message for f in findings if f.rule in _SECTION_RULES),
        fees_stated=not any(f.rule == "FEES-NOT-STATED" for f in findings),
    )


def _read(
    paths: Sequence[str],
    *,
    previous: bool,
    jobs: int | None,
    lenient: bool,
    tick: Callable[[], None],
    failures: list[FailedFile],
) -> Iterable[tuple[str, Report]]:
    for result in parse_many(paths, fmt="jsonl", jobs=jobs, lenient=lenient, check=False):
        tick()
        if not result.ok:
            failures.append(FailedFile(result.path, result.message or "无法读取", previous))
            continue
        try:
            record = json.loads(result.text)
            report = from_dict(record["report"])
        except (GovInfoError, ValueError, KeyError, TypeError) as error:
            failures.append(FailedFile(result.path, f"内部错误：{error}", previous))
            continue
        yield result.path, report


def check_corpus(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    previous: Iterable[str | os.PathLike[str]] | None = None,
    jobs: int | None = None,
    lenient: bool = False,
    progress: Progress | None = None,
) -> CorpusCheck:
    """Check every report file under ``inputs`` (files or directories).

    Args:
        inputs: files and directories (read recursively, hidden files skipped).
        previous: files and directories of the earlier years' reports; by default the
            earlier reports are looked for among ``inputs`` themselves.
        jobs: parallel processes (default: all cores; 1: in this process).
        lenient: read damaged reports leniently (what can be read is checked).
        progress: called after each file with (files done, files in all).


    Example:
        >>> import govinfo_report as gr
        >>> result = gr.check_corpus(["examples"], jobs=1)
        >>> [(row.agency, row.year) for row in result.rows]  # doctest: +NORMALIZE_WHITESPACE
        [('青禾县人民政府办公室', 2020), ('中卫市民政局', 2024), ('中卫市人民政府办公室', 2024)]
    """
    paths = collect_paths(inputs)
    earlier_paths = collect_paths(previous) if previous is not None else []
    total = len(paths) + len(earlier_paths)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    failures: list[FailedFile] = []
    history: dict[str | None, dict[int | None, _Read]] = {}
    for path, report in _read(
        earlier_paths, previous=True, jobs=jobs, lenient=lenient, tick=tick, failures=failures
    ):
        row = CheckRow(path, report.agency, report.year, report.edition, 0, 0, 0, 0, 0, (), True)
        _remember(history, _Read(row, fingerprint(report)))
    read: list[_Read] = []
    for path, report in _read(
        paths, previous=False, jobs=jobs, lenient=lenient, tick=tick, failures=failures
    ):
        entry = _Read(_row(path, report, validate(report)), fingerprint(report))
        read.append(entry)
        if previous is None:
            _remember(history, entry)
    rows = [_with_previous(entry, history) for entry in read]
    return CorpusCheck(tuple(rows), tuple(failures), len(paths))


def _remember(history: dict[str | None, dict[int | None, _Read]], entry: _Read) -> None:
    if entry.row.agency is not None:
        history.setdefault(entry.row.agency, {}).setdefault(entry.row.year, entry)


def _predecessor(entry: _Read, history: dict[str | None, dict[int | None, _Read]]) -> _Read | None:
    year = entry.row.year
    if entry.row.agency is None or year is None:
        return None
    years = history.get(entry.row.agency, {})
    if year - 1 in years:
        return years[year - 1]
    earlier = [y for y in years if y is not None and y < year]
    return years[max(earlier)] if earlier else None


def _with_previous(entry: _Read, history: dict[str | None, dict[int | None, _Read]]) -> CheckRow:
    before = _predecessor(entry, history)
    if before is None:
        return entry.row
    rate = reuse_rate(before.fingerprint, entry.fingerprint)
    identical = tuple(
        t.table for t in fingerprint_tables(before.fingerprint, entry.fingerprint) if t.identical
    )
    try:
        findings = compare(before.tables(), entry.tables()).findings
    except GovInfoError:  # editions without a cell mapping
        findings = ()
    cross_errors = sum(1 for f in findings if f.severity == "error")
    return attrs.evolve(
        entry.row,
        previous_path=before.row.path,
        previous_year=before.row.year,
        reuse_rate=rate,
        identical_tables=identical,
        cross_year_errors=cross_errors,
        cross_year_warnings=len(findings) - cross_errors,
    )
