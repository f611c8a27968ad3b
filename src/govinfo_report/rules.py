"""Validation: the rules a report must satisfy, as a list of findings.

``validate(report)`` runs every rule of :data:`RULES` in a fixed order and
returns what they found.  A rule is a function yielding :class:`Finding`
objects; one function per rule id.  The rules of national-format.md
("What the numbers must satisfy", 勾稽关系) are errors; the checks of the
narrative against the tables, of the statistics period, of the fee statement
and of the sections are warnings.  docs/rules.md lists every rule with an
example message.

Which rows and columns a rule covers is derived from the table classes of the
report's edition (:func:`govinfo_report.layout.table_values`); the rules name
rows by attribute (``new_received``, ``outcomes.total``), never by a second
list of labels, and messages quote the official labels from the model.

Blank cells (``None``) are never 0: each gets a ``CELL-BLANK`` error, and every
rule instance that needs one is reported under its own rule id with severity
``warning``, ``expected``/``actual`` ``None`` and a message ``…无法校验：…未填写``.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from . import narrative_checks as nc
from .cells import CellAddress
from .editions import HEADINGS, get_edition
from .errors import UnknownEditionError
from .layout import CellSpec, cell_specs
from .model import Narrative, Report
from .skeleton import placeholders
from .values import Money, format_value
from .values import number as _plain_number

__all__ = ["ERROR", "RULES", "WARNING", "Finding", "Severity", "validate"]

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"

Number = int | Decimal


def _addresses(value: Iterable[CellAddress]) -> tuple[CellAddress, ...]:
    return tuple(value)


@attrs.frozen
class Finding:
    """One thing a rule found in a report.

    Attributes:
        rule: the rule id, e.g. ``"T3-BALANCE"`` (docs/rules.md lists them all).
        severity: ``"error"`` (the report is wrong) or ``"warning"`` (worth a look,
            or a rule that could not be checked).
        cells: the addresses of the table cells involved, in printed order;
            empty for findings about the narrative alone.
        expected: the value the rule expects (a sum, the table value a sentence
            should repeat …), or ``None`` when not checkable or not a number.
        actual: the value found, or ``None``.
        message: what is wrong, in Chinese with the official labels.


    Example:
        >>> import attrs, govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> review = attrs.evolve(report.reviews.review, total=5)
        >>> broken = attrs.evolve(report, reviews=attrs.evolve(report.reviews, review=review))
        >>> finding = gr.validate(broken)[0]
        >>> finding.rule, finding.severity, finding.expected, finding.actual
        ('T4-TOTAL', 'error', 4, 5)
    """

    rule: str
    severity: Severity
    cells: tuple[CellAddress, ...] = attrs.field(converter=_addresses)
    expected: Number | None
    actual: Number | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The finding for JSON: cells as ``{"table", "row", "column"}``, amounts as strings."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "cells": [cell.to_dict() for cell in self.cells],
            "expected": _json_number(self.expected),
            "actual": _json_number(self.actual),
            "message": self.message,
        }


def _json_number(value: Number | None) -> int | str | None:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


# --------------------------------------------------------------------------
# Cells of a report


#: Where a cell of a table class is: its address, its spec, the attribute path of its row
#: (e.g. ``("outcomes", "total")``) and the attribute of its column (e.g. ``"natural_person"``).
_Place = tuple[CellAddress, CellSpec, tuple[str, ...], str]


class _Cell:
    """One cell of the report being validated: its address, spec and value."""

    __slots__ = ("address", "column_key", "row_key", "spec", "value")

    def __init__(self, place: _Place, value: object) -> None:
        self.address, self.spec, self.row_key, self.column_key = place
        self.value = value

    @property
    def row_label(self) -> str:
        return self.address.row

    @property
    def column_label(self) -> str:
        return self.address.column


@functools.cache
def _address(number: int, spec: CellSpec) -> CellAddress:
    return CellAddress(number, "/".join(spec.row), "/".join(spec.column))


# The cells of the report being validated: every rule asks for them, so they
# are built once per report (the cache holds the last report, by identity).
_recent: tuple[Report, dict[int, list[_Cell]]] | None = None


def _table_cells(report: Report, number: int) -> list[_Cell]:
    global _recent
    recent = _recent
    if recent is None or recent[0] is not report:
        recent = (report, {})
        _recent = recent
    cells = recent[1].get(number)
    if cells is None:
        spec = get_edition(report.edition).table(number)
        table: object = getattr(report, spec.attribute)
        places, values = _plan(number, _class(table))
        cells = [_Cell(place, value) for place, value in zip(places, values(table), strict=True)]
        recent[1][number] = cells
    return cells


def _class(table: object) -> Any:
    return type(table)


@functools.cache
def _plan(number: int, cls: type) -> tuple[tuple[_Place, ...], Callable[[object], tuple[object, ...]]]:
    """Where each cell of a table class is, and how to get all its values from a table at once."""
    specs = cell_specs(cls)
    places = tuple((_address(number, spec), spec, _row_key(spec), _column_key(spec)) for spec in specs)
    get = operator.attrgetter(*(".".join(spec.attributes) for spec in specs))
    if len(specs) == 1:  # pragma: no cover - every table has many cells
        return places, lambda table: (get(table),)
    return places, get


# The narrative statements of the report being validated: the six narrative rules
# share them, so they are read once per report (the cache holds the last report).
_recent_statements: tuple[Report, tuple[nc.Statement, ...]] | None = None


def _statements(report: Report) -> tuple[nc.Statement, ...]:
    global _recent_statements
    recent = _recent_statements
    if recent is None or recent[0] is not report:
        recent = (report, tuple(nc.statements(report)))
        _recent_statements = recent
    return recent[1]


def _all_cells(report: Report) -> list[_Cell]:
    return [
        cell for table in get_edition(report.edition).tables for cell in _table_cells(report, table.number)
    ]


def _number(value: object) -> Number | None:
    """The value when it can be added up, a :class:`Money`'s amount included; ``None`` for blanks."""
    if type(value) is int:  # most cells: the one test, not four (validate's speed)
        return value
    return _plain_number(value.amount if isinstance(value, Money) else value)


def _total(values: Iterable[Number]) -> Number:
    result: Number = 0
    for value in values:
        result = result + value
    return result


def _show(value: object) -> str:
    number = _number(value)
    return repr(value) if number is None else format_value(number)


def _grouped(report: Report, number: int, by: Callable[[CellSpec], Any]) -> list[list[_Cell]]:
    """The cells of table ``number`` grouped by ``by`` of their spec (a row, a column), in printed order."""
    cells = _table_cells(report, number)
    table = getattr(report, get_edition(report.edition).table(number).attribute)
    return [[cells[at] for at in group] for group in _groups(_class(table), by)]


@functools.cache
def _groups(cls: type, by: Callable[[CellSpec], Any]) -> tuple[tuple[int, ...], ...]:
    """Where the cells of each group stand among a table class's cells (worked out once per class)."""
    groups: dict[Any, list[int]] = {}
    for at, spec in enumerate(cell_specs(cls)):
        groups.setdefault(by(spec), []).append(at)
    return tuple(tuple(group) for group in groups.values())


def _unfilled(cells: Sequence[_Cell], name: Callable[[_Cell], str]) -> list[str]:
    """Why each cell that is not a number cannot be used, named by ``name``."""
    reasons = []
    for cell in cells:
        if cell.value is None:
            reasons.append(f"{name(cell)}未填写")
        elif _number(cell.value) is None:
            reasons.append(f"{name(cell)}不是数字（{_show(cell.value)}）")
    return reasons


def _sum_rule(
    rule: str,
    left: Sequence[_Cell],
    right: Sequence[_Cell],
    *,
    context: str,
    equation: Callable[[], str],
    name: Callable[[_Cell], str],
    describe: Callable[[], str],
    detail: Callable[[], str] = str,
) -> Iterator[Finding]:
    """Check sum(left) == sum(right); ``expected`` is the left side, ``actual`` the right.

    ``equation`` gives the rule in words (for "not checkable"), ``name`` names a
    cell that is not filled in, ``describe`` gives the message with
    ``{expected}`` and ``{actual}`` standing for the two sums; ``detail`` is
    added after the difference.  The texts are made only when a finding is.
    """
    cells = (*left, *right)
    if all(type(cell.value) is int for cell in cells):  # whole numbers throughout
        expected: Number = sum(cell.value for cell in left)  # type: ignore[misc]
        actual: Number = sum(cell.value for cell in right)  # type: ignore[misc]
        if expected == actual:
            return
    else:
        reasons = _unfilled(cells, name)
        if reasons:
            addresses = tuple(cell.address for cell in cells)
            message = f"{context}：{equation()}，无法校验：{'、'.join(reasons)}"
            yield Finding(rule, WARNING, addresses, None, None, message)
            return
        expected = _total(_number(cell.value) or 0 for cell in left)
        actual = _total(_number(cell.value) or 0 for cell in right)
    if expected != actual:
        addresses = tuple(cell.address for cell in cells)
        text = (
            describe().replace("{expected}", format_value(expected)).replace("{actual}", format_value(actual))
        )
        difference: Number = expected - actual if expected > actual else actual - expected
        message = f"{context}：{text}，相差{format_value(difference)}{detail()}"
        yield Finding(rule, ERROR, addresses, expected, actual, message)


def _agree(left: Sequence[_Cell], right: Sequence[_Cell]) -> bool:
    """Whether both sides are whole numbers throughout and add up alike: :func:`_sum_rule` would
    find nothing, so its texts need not be made (the common case, validate's speed)."""
    difference = 0
    for cell in left:
        value = cell.value
        if type(value) is not int:
            return False
        difference += value
    for cell in right:
        value = cell.value
        if type(value) is not int:
            return False
        difference -= value
    return difference == 0


def _terms(cells: Sequence[_Cell], name: Callable[[_Cell], str]) -> str:
    return "+".join(f"{name(cell)}({_show(cell.value)})" for cell in cells)


def _equation(left: Sequence[_Cell], right: Sequence[_Cell], name: Callable[[_Cell], str]) -> str:
    """``一+二=（七）总计+四`` — the rule in words."""
    return "+".join(map(name, left)) + "=" + "+".join(map(name, right))


def _description(left: Sequence[_Cell], right: Sequence[_Cell], name: Callable[[_Cell], str]) -> str:
    """Both sides with their values, ``{expected}``/``{actual}`` for the sums."""
    return f"{_terms(left, name)}={{expected}}，{_terms(right, name)}={{actual}}"


def _total_description(parts: Sequence[_Cell], total_name: str) -> str:
    return f"{_terms(parts, _last_segment)}={{expected}}，{total_name}为{{actual}}"


def _last_segment(cell: _Cell) -> str:
    return cell.spec.column[-1]


def _quoted_row(cell: _Cell) -> str:
    return f"“{cell.row_label}”行"


def _quoted_column(cell: _Cell) -> str:
    return f"“{cell.column_label}”列"


# --------------------------------------------------------------------------
# Errors: completeness and the arithmetic of the tables


def cell_blank(report: Report) -> Iterator[Finding]:
    """CELL-BLANK: a cell not filled in (blank, ``/``, ``—``, ``无`` …) is reported, never read as 0."""
    for cell in _all_cells(report):
        if cell.value is None:
            message = f"{cell.address}未填写（空白、“/”、“—”或“无”等），应填写数字，没有的填0"
            yield Finding("CELL-BLANK", ERROR, (cell.address,), None, None, message)


def cell_range(report: Report) -> Iterator[Finding]:
    """CELL-RANGE: counts are integers ≥ 0, amounts are numbers ≥ 0; the 2019 本年增/减 is an integer."""
    for cell in _all_cells(report):
        value = cell.value
        if value is None:
            continue
        kind = cell.spec.kind
        if type(value) is int and (kind == "signed" or (kind == "count" and value >= 0)):
            continue  # (the common case, decided as below in one test)
        number = _number(value)
        if kind == "count":
            ok = isinstance(number, int) and number >= 0
            wanted = "不小于0的整数"
        elif kind == "signed":
            ok = isinstance(number, int)
            wanted = "整数"
        elif kind == "amount":
            ok = isinstance(value, Decimal) and number is not None and number >= 0
            wanted = "不小于0的金额"
        else:
            ok = isinstance(value, Money) and number is not None and number >= 0
            wanted = "不小于0的金额"
        if not ok:
            message = f"{cell.address}为{_show(value)}，应为{wanted}"
            yield Finding("CELL-RANGE", ERROR, (cell.address,), None, number, message)


# Short names of the four table-3 rows of the printed rule
# (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和).
_NEW = ("new_received",)
_CARRIED_OVER = ("carried_over",)
_HANDLED_TOTAL = ("outcomes", "total")
_CARRIED_FORWARD = ("carried_forward",)
_BALANCE_NAMES = {
    _NEW: "本年新收",
    _CARRIED_OVER: "上年结转",
    _HANDLED_TOTAL: "办理结果总计",
    _CARRIED_FORWARD: "结转下年度继续办理",
}


def _columns(report: Report) -> list[list[_Cell]]:
    return _grouped(report, 3, _column_key)


def _column_key(spec: CellSpec) -> str:
    return spec.attributes[-1]


def _row_key(spec: CellSpec) -> tuple[str, ...]:
    return spec.attributes[:-1]


def _balance_name(cell: _Cell) -> str:
    return _BALANCE_NAMES[cell.row_key]


def t3_balance(report: Report) -> Iterator[Finding]:
    """T3-BALANCE: for every column of table 3, 一 + 二 = （七）总计 + 四."""
    for cells in _columns(report):
        by_row = {cell.row_key: cell for cell in cells}
        left = [by_row[_NEW], by_row[_CARRIED_OVER]]
        right = [by_row[_HANDLED_TOTAL], by_row[_CARRIED_FORWARD]]
        if _agree(left, right):
            continue
        yield from _sum_rule(
            "T3-BALANCE",
            left,
            right,
            context=f"表三{_quoted_column(left[0])}",
            equation=functools.partial(_equation, left, right, _balance_name),
            name=_quoted_row,
            describe=functools.partial(_description, left, right, _balance_name),
        )


def _enumerator(label: str) -> str:
    """``（一）`` of ``（一）予以公开``."""
    end = label.find("）")
    return label[: end + 1] if label.startswith("（") and end > 0 else label


def t3_handled(report: Report) -> Iterator[Finding]:
    """T3-HANDLED: for every column, （七）总计 = every row under 三、本年度办理结果 but （七）总计."""
    group = _HANDLED_TOTAL[:1]
    for cells in _columns(report):
        parts = [cell for cell in cells if cell.row_key[:1] == group and cell.row_key != _HANDLED_TOTAL]
        (total,) = [cell for cell in cells if cell.row_key == _HANDLED_TOTAL]
        if _agree(parts, [total]):
            continue
        first, last = _enumerator(parts[0].spec.row[1]), _enumerator(parts[-1].spec.row[1])
        sum_name = f"{total.spec.row[0]}{first}至{last}各项之和"
        total_name = total.spec.row[-1]
        yield from _sum_rule(
            "T3-HANDLED",
            parts,
            [total],
            context=f"表三{_quoted_column(total)}",
            equation=functools.partial(str, f"{sum_name}={total_name}"),
            name=_quoted_row,
            describe=functools.partial(str, f"{sum_name}为{{expected}}，{total_name}为{{actual}}"),
            detail=functools.partial(_non_zero, parts),
        )


def _non_zero(parts: Sequence[_Cell]) -> str:
    """``。其中非零的有：（一）予以公开(2)、…`` — the rows a clerk has to add up by hand."""
    terms = [
        f"{'/'.join(cell.spec.row[1:])}({_show(cell.value)})" for cell in parts if _number(cell.value) != 0
    ]
    return f"。其中非零的有：{'、'.join(terms)}" if terms else "。各项均为0"


def _row_totals(rule: str, report: Report, number: int, context: str) -> Iterator[Finding]:
    """Each row of table ``number``: its ``total`` column equals the other columns added up."""
    for row in _grouped(report, number, _row_key):
        parts = [cell for cell in row if cell.column_key != "total"]
        (total,) = [cell for cell in row if cell.column_key == "total"]
        if _agree(parts, [total]):
            continue
        total_name = _last_segment(total)
        yield from _sum_rule(
            rule,
            parts,
            [total],
            context=context.format(total.row_label),
            equation=functools.partial(_equation, parts, [total], _last_segment),
            name=_quoted_column,
            describe=functools.partial(_total_description, parts, total_name),
        )


def t3_row_total(report: Report) -> Iterator[Finding]:
    """T3-ROW-TOTAL: for every row of table 3, 总计 = the six applicant columns added up."""
    yield from _row_totals("T3-ROW-TOTAL", report, 3, "表三“{}”行")


def t4_total(report: Report) -> Iterator[Finding]:
    """T4-TOTAL: for each group of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    yield from _row_totals("T4-TOTAL", report, 4, "表四“{}”")


# --------------------------------------------------------------------------
# Warnings: table 2, the narrative against the tables, period, fees, sections


def _table2_pairs(report: Report, first: str, second: str) -> Iterator[tuple[_Cell, _Cell]]:
    """The cells of columns ``first`` and ``second`` in each table-2 row that has both."""
    for row in _grouped(report, 2, _row_key):
        by_column = {cell.column_key: cell for cell in row}
        if first in by_column and second in by_column:
            yield by_column[first], by_column[second]


def _not_smaller(report: Report, rule: str, part: str, whole: str, why: str) -> Iterator[Finding]:
    """``rule``: in each table-2 row, column ``whole`` is not smaller than column ``part``."""
    for low_cell, cell in _table2_pairs(report, part, whole):
        low, value = _number(low_cell.value), _number(cell.value)
        if low is None or value is None or value >= low:
            continue
        message = (
            f"表二{_quoted_row(low_cell)}：{_last_segment(cell)}({format_value(value)})"
            f"小于{_last_segment(low_cell)}({format_value(low)})，{why}"
        )
        yield Finding(rule, WARNING, (low_cell.address, cell.address), low, value, message)


def t2_in_force(report: Report) -> Iterator[Finding]:
    """T2-IN-FORCE: 现行有效件数 is not smaller than 本年制发件数."""
    return _not_smaller(report, "T2-IN-FORCE", "issued", "in_force", "本年制发的应计入现行有效件数")


def t2_change(report: Report) -> Iterator[Finding]:
    """T2-CHANGE (2019): 本年增/减 is never below −上一年项目数量 (no more items can go than there were)."""
    for previous, change in _table2_pairs(report, "previous_year", "change"):
        before, delta = _number(previous.value), _number(change.value)
        if before is None or delta is None or before + delta >= 0:
            continue
        message = (
            f"表二{_quoted_row(previous)}：{_last_segment(change)}为{format_value(delta)}，"
            f"{_last_segment(previous)}只有{format_value(before)}，减少的不能多于原有的"
        )
        yield Finding("T2-CHANGE", WARNING, (previous.address, change.address), -before, delta, message)


def t2_published_total(report: Report) -> Iterator[Finding]:
    """T2-PUBLISHED-TOTAL (2019): 对外公开总数量 is not smaller than 本年新公开数量."""
    return _not_smaller(
        report, "T2-PUBLISHED-TOTAL", "published", "published_total", "本年新公开的应计入对外公开总数量"
    )


# The table cells a narrative statement repeats: (table, row attributes), summed.
_STATED: dict[str, tuple[int, tuple[tuple[str, ...], ...]]] = {
    nc.RECEIVED: (3, (_NEW,)),
    nc.CARRIED_OVER: (3, (_CARRIED_OVER,)),
    nc.HANDLED: (3, (_HANDLED_TOTAL,)),
    nc.CARRIED_FORWARD: (3, (_CARRIED_FORWARD,)),
    nc.REVIEW: (4, (("review",),)),
    nc.LAWSUIT: (4, (("lawsuit_direct",), ("lawsuit_after_review",))),
    nc.LAWSUIT_DIRECT: (4, (("lawsuit_direct",),)),
    nc.LAWSUIT_AFTER_REVIEW: (4, (("lawsuit_after_review",),)),
}


def _narrative_rule(
    rule: str, quantities: tuple[str, ...], doc: str
) -> Callable[[Report], Iterator[Finding]]:
    def check(report: Report) -> Iterator[Finding]:
        tables: dict[int, list[_Cell]] = {}
        for statement in _statements(report):
            if statement.quantity not in quantities:
                continue
            number, rows = _STATED[statement.quantity]
            if number not in tables:
                tables[number] = _table_cells(report, number)
            column = statement.column if number == 3 else "total"
            cells = [c for c in tables[number] if c.row_key in rows and c.column_key == column]
            values = [_number(cell.value) for cell in cells]
            if not cells or any(value is None for value in values):
                continue  # a blank cell is reported by CELL-BLANK
            expected = _total(value or 0 for value in values)
            if expected == statement.value:
                continue
            if len(cells) == 1:
                table_part = f"{cells[0].address}({format_value(expected)})"
            else:
                names = "与".join(str(cell.address) for cell in cells)
                table_part = f"{names}之和({format_value(expected)})"
            sentence = statement.sentence
            message = (
                f"{sentence.location}写明“{statement.phrase}”，与{table_part}不一致。原文：“{sentence.text}”"
            )
            addresses = tuple(cell.address for cell in cells)
            yield Finding(rule, WARNING, addresses, expected, statement.value, message)

    check.__name__ = "narrative_" + rule.split("-", 1)[1].lower().replace("-", "_")
    check.__doc__ = f"{rule}: {doc}"
    return check


narrative_received = _narrative_rule(
    "NARRATIVE-RECEIVED",
    (nc.RECEIVED,),
    "the number of applications the narrative says were received (收到…申请N件) is table 3's 一、本年新收.",
)
narrative_carried_over = _narrative_rule(
    "NARRATIVE-CARRIED-OVER",
    (nc.CARRIED_OVER,),
    "the applications the narrative says were carried over (上年结转N件) are table 3's 二、上年结转.",
)
narrative_handled = _narrative_rule(
    "NARRATIVE-HANDLED",
    (nc.HANDLED,),
    "the applications the narrative says were handled (办结N件) are table 3's （七）总计.",
)
narrative_carried_forward = _narrative_rule(
    "NARRATIVE-CARRIED-FORWARD",
    (nc.CARRIED_FORWARD,),
    "the applications the narrative carries into next year (结转下年N件) are table 3's 四.",
)
narrative_review = _narrative_rule(
    "NARRATIVE-REVIEW",
    (nc.REVIEW,),
    "the administrative reviews the narrative states (行政复议N件) are table 4's 行政复议 总计.",
)
narrative_lawsuit = _narrative_rule(
    "NARRATIVE-LAWSUIT",
    (nc.LAWSUIT, nc.LAWSUIT_DIRECT, nc.LAWSUIT_AFTER_REVIEW),
    "the lawsuits the narrative states (行政诉讼N件，直接起诉或复议后起诉) are table 4's 行政诉讼 总计.",
)


def year_period(report: Report) -> Iterator[Finding]:
    """YEAR-PERIOD: the year in the title is the year of the statistics period."""
    period = nc.statistics_period(report)
    if report.year is None or period is None:
        return
    for year in dict.fromkeys((period.start_year, period.end_year)):
        if year != report.year:
            message = (
                f"标题年度为{report.year}年，{period.sentence.location}写明的统计期间为"
                f"“{period.phrase}”，年度不一致。原文：“{period.sentence.text}”"
            )
            yield Finding("YEAR-PERIOD", WARNING, (), report.year, year, message)
            return


def fees_not_stated(report: Report) -> Iterator[Finding]:
    """FEES-NOT-STATED: section 六 says whether information-processing fees were charged."""
    if not nc.mentions_processing_fee(report.other_matters):
        heading = _heading(report, 5)
        message = f"“{heading}”未说明信息处理费的收取情况（按国办函〔2020〕109号，未收取也应写明）"
        yield Finding("FEES-NOT-STATED", WARNING, (), None, None, message)


_SECTION_NUMBER = re.compile(r"\s*([一二三四五六])\s*[、.．]")
_NUMBERS = tuple(heading[0] for heading in HEADINGS)


def _heading(report: Report, index: int) -> str:
    if len(report.headings) == len(HEADINGS) and report.headings[index].strip():
        return report.headings[index].strip()
    return HEADINGS[index]


def _section_numbers(report: Report) -> list[str]:
    numbers = []
    for heading in report.headings:
        match = _SECTION_NUMBER.match(heading)
        if match:
            numbers.append(match.group(1))
    return numbers


def section_missing(report: Report) -> Iterator[Finding]:
    """SECTION-MISSING: one of the six numbered sections has no heading."""
    present = set(_section_numbers(report))
    for number, heading in zip(_NUMBERS, HEADINGS, strict=True):
        if number not in present:
            message = f"缺少第{number}部分“{heading}”"
            yield Finding("SECTION-MISSING", WARNING, (), None, None, message)


def section_order(report: Report) -> Iterator[Finding]:
    """SECTION-ORDER: the six sections are printed in the order 一 … 六."""
    numbers = _section_numbers(report)
    if numbers != sorted(numbers, key=_NUMBERS.index):
        printed = "、".join(f"“{heading.strip()}”" for heading in report.headings)
        message = f"章节顺序不对：应为一至六依次排列，实际为{printed}"
        yield Finding("SECTION-ORDER", WARNING, (), None, None, message)


def section_empty(report: Report) -> Iterator[Finding]:
    """SECTION-EMPTY: a narrative section (一, 五 or 六) has no text."""
    sections: tuple[tuple[int, Narrative], ...] = (
        (0, report.overview),
        (4, report.problems),
        (5, report.other_matters),
    )
    for index, narrative in sections:
        if not narrative.text.strip():
            message = f"“{_heading(report, index)}”部分没有内容"
            yield Finding("SECTION-EMPTY", WARNING, (), None, None, message)


def placeholder(report: Report) -> Iterator[Finding]:
    """PLACEHOLDER: narrative still holding a skeleton's ``【请填写：……】``."""
    for where in placeholders(report):
        yield Finding("PLACEHOLDER", WARNING, (), None, None, f"尚未填写：{where}")


# --------------------------------------------------------------------------
# Running the rules

Rule = Callable[[Report], Iterable[Finding]]

#: Every rule, in the order ``validate`` runs them: errors first, then warnings.
RULES: tuple[tuple[str, Rule], ...] = (
    ("CELL-BLANK", cell_blank),
    ("CELL-RANGE", cell_range),
    ("T3-BALANCE", t3_balance),
    ("T3-HANDLED", t3_handled),
    ("T3-ROW-TOTAL", t3_row_total),
    ("T4-TOTAL", t4_total),
    ("T2-IN-FORCE", t2_in_force),
    ("T2-CHANGE", t2_change),
    ("T2-PUBLISHED-TOTAL", t2_published_total),
    ("NARRATIVE-RECEIVED", narrative_received),
    ("NARRATIVE-CARRIED-OVER", narrative_carried_over),
    ("NARRATIVE-HANDLED", narrative_handled),
    ("NARRATIVE-CARRIED-FORWARD", narrative_carried_forward),
    ("NARRATIVE-REVIEW", narrative_review),
    ("NARRATIVE-LAWSUIT", narrative_lawsuit),
    ("YEAR-PERIOD", year_period),
    ("FEES-NOT-STATED", fees_not_stated),
    ("SECTION-MISSING", section_missing),
    ("SECTION-ORDER", section_order),
    ("SECTION-EMPTY", section_empty),
    ("PLACEHOLDER", placeholder),
)


def validate(report: Report) -> list[Finding]:
    """Check a report: every rule of :data:`RULES` that applies to its edition, in order.

    Never raises because of the report: a rule that fails part-way keeps the
    findings it made and adds a ``RULE-FAILED`` error naming the rule, so a
    report is never passed as correct without having been checked.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.validate(report)
        []
        >>> [finding.rule for finding in gr.validate(gr.skeleton("某局", 2025))][:2]
        ['PLACEHOLDER', 'PLACEHOLDER']
    """
    findings: list[Finding] = []
    try:
        applies = set(get_edition(report.edition).rules)
    except UnknownEditionError as exc:
        return [Finding("RULE-FAILED", ERROR, (), None, None, f"{exc}，未能校验")]
    for rule, check in RULES:
        if rule not in applies:
            continue
        try:
            for finding in check(report):
                findings.append(finding)
        except Exception as exc:
            message = f"规则{rule}运行出错，未能完成校验：{type(exc).__name__}: {exc}"
            findings.append(Finding("RULE-FAILED", ERROR, (), None, None, message))
    return findings
