"""Year on year: two reports of a body side by side, cell by cell, and the cross-year rules.

``compare(earlier, later)`` gives every cell of the later report with its value
in the earlier one (:class:`CellChange`: before, after, delta; a blank stays
blank, never 0) and the findings of the rules evaluators apply across years
(:class:`ComparisonFinding`, named cells in both reports):

* ``YOY-CARRIED-OVER`` (error): for every applicant column, the later report's
  表三 ``二、上年结转政府信息公开申请数量`` equals the earlier report's
  ``四、结转下年度继续办理``.  Only for consecutive years.
* ``YOY-IN-FORCE`` (warning): for 规章 and 行政规范性文件, the later 现行有效件数
  equals the earlier 现行有效件数 + the later 本年制发件数 − the later 本年废止件数.
  A warning, not an error: documents also lapse when their term ends (有效期届满)
  without being repealed.  Only for consecutive years.
* ``YOY-JUMP`` (warning): a cell more than :data:`JUMP_FACTOR` times, or less than
  1/:data:`JUMP_FACTOR` of, last year's value, when both are at least
  :data:`JUMP_FLOOR`.  For any two years.

A rule instance that needs a blank cell is reported as not checkable (severity
``warning``, ``expected``/``actual`` ``None``, ``…无法校验：…未填写``), as
:func:`govinfo_report.validate` does.  Cells are matched by address through
:func:`govinfo_report.analysis.mapping.address_mapping` (or the ``mapping`` a
caller passes), so reports of other editions plug in there.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..cells import CellAddress, cells
from ..editions import get_edition
from ..errors import IncompatibleReportsError
from ..layout import cell_specs
from ..model import Report
from ..values import CellKind, Value, format_value
from .common import Number, difference, number, report_name
from .mapping import AddressMapping, address_mapping

__all__ = [
    "JUMP_FACTOR",
    "JUMP_FLOOR",
    "CellChange",
    "Comparison",
    "ComparisonFinding",
    "compare",
]

#: A cell "jumps" when it is more than this many times last year's value, or less than
#: its reciprocal, ...
JUMP_FACTOR = 5
#: ... and both values are at least this large (small counts move a lot by chance).
JUMP_FLOOR = 10

Severity = Literal["error", "warning"]


def _addresses(value: Iterable[CellAddress]) -> tuple[CellAddress, ...]:
    return tuple(value)


@attrs.frozen
class ComparisonFinding:
    """What a rule found across two reports (the style of :class:`govinfo_report.Finding`).

    Attributes:
        rule: the rule id, e.g. ``"YOY-CARRIED-OVER"`` (docs/analysis.md lists them).
        severity: ``"error"`` or ``"warning"``.
        earlier_cells: the cells of the earlier report involved, in its own addresses.
        later_cells: the cells of the later report involved.
        expected: the value the rule expects (worked out from both reports), or ``None``.
        actual: the value found in the later report, or ``None``.
        message: what is wrong, in Chinese with the official labels and both years.


    Example:
        >>> import attrs, govinfo_report as gr
        >>> later = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> earlier = attrs.evolve(later, year=2023)  # the same tables, as last year's
        >>> finding = gr.compare(earlier, later).findings[0]
        >>> finding.rule, finding.severity, finding.expected, finding.actual
        ('YOY-CARRIED-OVER', 'error', 1, 0)
    """

    rule: str
    severity: Severity
    earlier_cells: tuple[CellAddress, ...] = attrs.field(converter=_addresses)
    later_cells: tuple[CellAddress, ...] = attrs.field(converter=_addresses)
    expected: Number | None
    actual: Number | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The finding for JSON: cells as ``{"table", "row", "column"}``, amounts as strings."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "earlier_cells": [cell.to_dict() for cell in self.earlier_cells],
            "later_cells": [cell.to_dict() for cell in self.later_cells],
            "expected": _json_number(self.expected),
            "actual": _json_number(self.actual),
            "message": self.message,
        }


def _json_number(value: Number | None) -> int | str | None:
    return format(value, "f") if isinstance(value, Decimal) else value


@attrs.frozen
class CellChange:
    """One cell of the later report with its value in the earlier one.

    Attributes:
        address: the cell in the later report.
        earlier_address: the same cell in the earlier report, or ``None`` when the
            earlier report's edition has no such cell.
        before: the earlier value (``None``: not filled in, or no such cell).
        after: the later value (``None``: not filled in).
        kind: the cell's kind in the later report (``"count"``, ``"amount"`` …).
    """

    address: CellAddress
    earlier_address: CellAddress | None
    before: Value
    after: Value
    kind: CellKind

    @property
    def delta(self) -> Number | None:
        """``after - before`` when both are numbers; ``None`` when either is blank (never 0)."""
        before, after = number(self.before), number(self.after)
        if before is None or after is None:
            return None
        return after - before

    @property
    def changed(self) -> bool:
        """Whether the value differs (a blank against a number differs; blank against blank does not)."""
        return self.before != self.after


@attrs.frozen
class Comparison:
    """Two reports side by side.

    Attributes:
        earlier: the earlier report.
        later: the later report.
        changes: every cell of the later report, in printed order, with its earlier value.
        findings: what the cross-year rules found, in rule order.
        consecutive: whether the reports are of consecutive years (the rules that carry
            numbers from one year to the next apply only then).


    Example:
        >>> import attrs, govinfo_report as gr
        >>> later = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> earlier = attrs.evolve(later, year=2023)  # the same tables, as last year's
        >>> comparison = gr.compare(earlier, later)
        >>> comparison.consecutive, len(comparison.changes)
        (True, 200)
    """

    earlier: Report
    later: Report
    changes: tuple[CellChange, ...]
    findings: tuple[ComparisonFinding, ...]
    consecutive: bool

    def change(self, table: int, row: str, column: str) -> CellChange:
        """The change of one cell, by its address in the later report.

        Raises:
            KeyError: the later report has no such cell.
        """
        wanted = CellAddress(table, row, column)
        for change in self.changes:
            if change.address == wanted:
                return change
        raise KeyError(f"没有单元格{wanted}")

    @property
    def changed(self) -> tuple[CellChange, ...]:
        """The cells whose value differs from the earlier report's."""
        return tuple(change for change in self.changes if change.changed)


def compare(
    earlier: Report,
    later: Report,
    *,
    mapping: AddressMapping | None = None,
    jump_factor: int = JUMP_FACTOR,
    jump_floor: int = JUMP_FLOOR,
) -> Comparison:
    """Compare a body's reports of two years.

    Args:
        earlier: the earlier year's report.
        later: the later year's report.
        mapping: where a cell of ``later`` is in ``earlier``; by default the same
            address within one edition (:func:`~govinfo_report.analysis.mapping.address_mapping`).
        jump_factor: the ``YOY-JUMP`` factor (default :data:`JUMP_FACTOR`).
        jump_floor: the ``YOY-JUMP`` floor (default :data:`JUMP_FLOOR`).

    Raises:
        IncompatibleReportsError: the editions differ and no mapping is known, or
            ``later`` is of an earlier year than ``earlier``.


    Example:
        >>> import attrs, govinfo_report as gr
        >>> later = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> earlier = attrs.evolve(later, year=2023)  # the same tables, as last year's
        >>> comparison = gr.compare(earlier, later)
        >>> sorted({finding.rule for finding in comparison.findings})
        ['YOY-CARRIED-OVER', 'YOY-IN-FORCE']
    """
    if jump_factor < 1 or jump_floor < 1:
        raise ValueError(f"jump_factor和jump_floor应为正整数，实际为{jump_factor}、{jump_floor}")
    if earlier.year is not None and later.year is not None and later.year < earlier.year:
        raise IncompatibleReportsError(
            f"报告顺序颠倒：第一个参数应为较早年度的报告，实际为{earlier.year}年，第二个为{later.year}年"
        )
    find = mapping if mapping is not None else address_mapping(earlier.edition, later.edition)
    before = {CellAddress(c.table, c.row, c.column): c.value for c in cells(earlier)}
    changes = []
    for cell in cells(later):
        address = CellAddress(cell.table, cell.row, cell.column)
        where = find(address)
        if where is not None and where not in before:
            where = None
        value = before[where] if where is not None else None
        changes.append(CellChange(address, where, value, cell.value, cell.kind))
    consecutive = earlier.year is not None and later.year is not None and later.year == earlier.year + 1
    pair = _Pair(earlier, later, {change.address: change for change in changes})
    findings: list[ComparisonFinding] = []
    if consecutive:
        findings += _carried_over(pair)
        findings += _in_force(pair)
    findings += _jumps(pair, jump_factor, jump_floor)
    return Comparison(earlier, later, tuple(changes), tuple(findings), consecutive)


# --------------------------------------------------------------------------
# The rules


@functools.cache
def _addresses_by_attributes(edition: str) -> dict[tuple[int, tuple[str, ...]], CellAddress]:
    """Each cell's address by (table, attribute path), from the model's labels."""
    found = {}
    for table in get_edition(edition).tables:
        for spec in cell_specs(table.cls):
            found[(table.number, spec.attributes)] = CellAddress(
                table.number, "/".join(spec.row), "/".join(spec.column)
            )
    return found


@attrs.frozen
class _Term:
    """A cell a rule uses: its change, which year it is taken from, and how it is named."""

    change: CellChange
    later: bool
    name: str

    @property
    def value(self) -> Value:
        return self.change.after if self.later else self.change.before

    @property
    def address(self) -> CellAddress | None:
        return self.change.address if self.later else self.change.earlier_address


@attrs.frozen
class _Pair:
    earlier: Report
    later: Report
    changes: dict[CellAddress, CellChange]

    def term(self, table: int, attributes: tuple[str, ...], *, later: bool, name: str = "") -> _Term | None:
        """The cell at ``attributes`` of table ``table``; named ``name``, or by its quoted row label."""
        address = _addresses_by_attributes(self.later.edition).get((table, attributes))
        if address is None:
            return None
        return _Term(self.changes[address], later, name or f"“{address.row}”")

    def year_name(self, later: bool) -> str:
        return report_name(self.later, "本年报告") if later else report_name(self.earlier, "上年报告")


def _finding(
    rule: str,
    severity: Severity,
    terms: Sequence[_Term],
    expected: Number | None,
    actual: Number | None,
    message: str,
) -> ComparisonFinding:
    earlier = [t.address for t in terms if not t.later and t.address is not None]
    later = [t.address for t in terms if t.later and t.address is not None]
    return ComparisonFinding(rule, severity, earlier, later, expected, actual, message)


def _blank_reasons(pair: _Pair, terms: Sequence[_Term]) -> list[str]:
    reasons = []
    for term in terms:
        if term.address is None:
            reasons.append(f"{pair.year_name(term.later)}没有{term.name}")
        elif number(term.value) is None:
            reasons.append(f"{pair.year_name(term.later)}{term.name}未填写")
    return reasons


def _carried_over(pair: _Pair) -> Iterator[ComparisonFinding]:
    """YOY-CARRIED-OVER: 上年结转 (later) = 结转下年度继续办理 (earlier), per applicant column."""
    for spec in cell_specs(get_edition(pair.later.edition).table(3).cls):
        if spec.attributes[:-1] != ("carried_over",):
            continue
        column = spec.attributes[-1]
        now = pair.term(3, spec.attributes, later=True)
        then = pair.term(3, ("carried_forward", column), later=False)
        if now is None or then is None:
            continue
        label = "/".join(spec.column)
        context = f"表三“{label}”列"
        terms = (then, now)
        reasons = _blank_reasons(pair, terms)
        if reasons:
            message = (
                f"{context}：{pair.year_name(True)}{now.name}应等于{pair.year_name(False)}{then.name}，"
                f"无法校验：{'、'.join(reasons)}"
            )
            yield _finding("YOY-CARRIED-OVER", "warning", terms, None, None, message)
            continue
        expected, actual = number(then.value), number(now.value)
        assert expected is not None
        assert actual is not None
        if expected != actual:
            message = (
                f"{context}：{pair.year_name(True)}{now.name}为{format_value(actual)}，"
                f"{pair.year_name(False)}{then.name}为{format_value(expected)}，两者应相等，"
                f"相差{format_value(difference(expected, actual))}"
            )
            yield _finding("YOY-CARRIED-OVER", "error", terms, expected, actual, message)


def _in_force(pair: _Pair) -> Iterator[ComparisonFinding]:
    """YOY-IN-FORCE: 现行有效 (later) = 现行有效 (earlier) + 本年制发 (later) − 本年废止 (later)."""
    specs = cell_specs(get_edition(pair.later.edition).table(2).cls)
    rows = [spec.attributes[:-1] for spec in specs if spec.attributes[-1] == "in_force"]
    for row in rows:
        names = {spec.attributes[-1]: spec.column[-1] for spec in specs if spec.attributes[:-1] == row}
        if not {"issued", "repealed"} <= names.keys():
            continue
        then = pair.term(2, (*row, "in_force"), later=False, name=names["in_force"])
        issued = pair.term(2, (*row, "issued"), later=True, name=names["issued"])
        repealed = pair.term(2, (*row, "repealed"), later=True, name=names["repealed"])
        now = pair.term(2, (*row, "in_force"), later=True, name=names["in_force"])
        if then is None or issued is None or repealed is None or now is None:
            continue
        context = f"表二“{now.change.address.row}”"
        terms = (then, issued, repealed, now)
        equation = (
            f"{pair.year_name(True)}{now.name}应等于{pair.year_name(False)}{then.name}"
            f"+{issued.name}−{repealed.name}"
        )
        reasons = _blank_reasons(pair, terms)
        if reasons:
            message = f"{context}：{equation}，无法校验：{'、'.join(reasons)}"
            yield _finding("YOY-IN-FORCE", "warning", terms, None, None, message)
            continue
        values = [number(term.value) for term in terms]
        assert all(value is not None for value in values)
        before, plus, minus, actual = (value or 0 for value in values)
        expected = before + plus - minus
        if expected != actual:
            message = (
                f"{context}：{pair.year_name(False)}{then.name}({format_value(before)})"
                f"+{pair.year_name(True)}{issued.name}({format_value(plus)})"
                f"−{repealed.name}({format_value(minus)})={format_value(expected)}，"
                f"{pair.year_name(True)}{now.name}为{format_value(actual)}，"
                f"相差{format_value(difference(expected, actual))}"
                "（文件有效期届满失效的，可能不计入废止件数）"
            )
            yield _finding("YOY-IN-FORCE", "warning", terms, expected, actual, message)


def _jumps(pair: _Pair, factor: int, floor: int) -> Iterator[ComparisonFinding]:
    """YOY-JUMP: a cell over ``factor`` times, or under 1/``factor`` of, last year's (both ≥ ``floor``)."""
    for change in pair.changes.values():
        before, after = number(change.before), number(change.after)
        if before is None or after is None or before < floor or after < floor:
            continue
        if after > before * factor:
            how = f"是上年的{_ratio(after, before)}倍（超过{factor}倍）"
        elif after * factor < before:
            how = f"仅为上年的{_ratio(after, before)}倍（不到{factor}分之一）"
        else:
            continue
        message = (
            f"{change.address}：{pair.year_name(False)}为{format_value(before)}，"
            f"{pair.year_name(True)}为{format_value(after)}，{how}，请核实"
        )
        terms = (_Term(change, False, ""), _Term(change, True, ""))
        yield _finding("YOY-JUMP", "warning", terms, before, after, message)


def _ratio(after: Number, before: Number) -> str:
    """``after / before`` with two decimals, e.g. ``5.45`` (only for messages)."""
    quotient = Decimal(after) / Decimal(before)
    return format(quotient.quantize(Decimal("0.01")), "f")
