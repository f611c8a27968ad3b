"""Sums across bodies (汇总): the tables of many reports added up, as a report.

A county office publishes the sum of its departments' tables; an evaluator adds
up a city.  :func:`aggregate` adds every cell over the inputs and returns an
:class:`Aggregate`: the summed :class:`~govinfo_report.model.Report` (its
narrative is :func:`govinfo_report.skeleton`'s, placeholders to be written), the
inputs it sums (agency, year, edition, file) and every blank input cell.

* A cell blank in any input (not filled in: ``None``) makes the sum's cell blank
  too, and is listed in :attr:`Aggregate.blanks` (which input, which cell).
  ``blank_as_zero=True`` counts such cells as 0 instead (still listed).
* The rules of the national format are linear, so the sum of reports that satisfy
  them satisfies them: ``gr.validate(result.report)`` finds no arithmetic error
  when the inputs have none.
* Inputs of different years or editions are refused; so is an input whose year
  is not known.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..cells import CellAddress, layout_of
from ..editions import get_edition
from ..errors import IncompatibleReportsError
from ..layout import CellKey, build_table, table_values
from ..model import Report
from ..skeleton import skeleton
from ..values import CellKind, Money, Value

__all__ = ["Aggregate", "AggregateInput", "BlankInput", "aggregate"]


@attrs.frozen
class AggregateInput:
    """One report an aggregate sums: what it is and where it came from.

    Attributes:
        index: its 0-based position among the inputs.
        agency: the issuing body, as its report prints it.
        year: its year.
        edition: its edition.
        path: the file it was read from (``report.source.path``), or ``None``.
    """

    index: int
    agency: str | None
    year: int | None
    edition: str
    path: str | None

    def __str__(self) -> str:
        name = self.agency or "（未署名）"
        return f"第{self.index + 1}份报告（{name}" + (f"，{self.path}）" if self.path else "）")


@attrs.frozen
class BlankInput:
    """A cell not filled in in one input.

    Attributes:
        input: the report it is in.
        address: the cell.
    """

    input: AggregateInput
    address: CellAddress

    def __str__(self) -> str:
        return f"{self.input}{self.address}未填写"


@attrs.frozen
class Aggregate:
    """The sum of many reports' tables.

    Attributes:
        report: the summed report: the skeleton of ``agency`` and ``year`` with the
            summed tables.
        inputs: the reports summed, in order.
        blanks: every input cell not filled in, input by input, in printed order.
        blank_as_zero: whether blank cells were counted as 0 (otherwise the sum's
            cell is blank).
        problems: cells that could not be added up for another reason (2019
            ``采购总金额`` printed in different units), each with the reason; the
            sum's cell is blank.


    Example:
        >>> import govinfo_report as gr
        >>> names = ("zhongwei-government-office", "zhongwei-civil-affairs")
        >>> offices = [gr.parse_file(f"examples/{name}-2024.txt") for name in names]
        >>> total = gr.aggregate(offices, agency="中卫市")
        >>> [item.agency for item in total.inputs], total.blanks
        (['中卫市人民政府办公室', '中卫市民政局'], ())
    """

    report: Report
    inputs: tuple[AggregateInput, ...]
    blanks: tuple[BlankInput, ...]
    blank_as_zero: bool
    problems: tuple[str, ...] = ()

    @property
    def blank_cells(self) -> tuple[CellAddress, ...]:
        """The summed report's cells left blank because an input was, in printed order."""
        if self.blank_as_zero:
            return ()
        return tuple(dict.fromkeys(blank.address for blank in self.blanks))


def aggregate(
    reports: Iterable[Report],
    *,
    agency: str,
    year: int | None = None,
    blank_as_zero: bool = False,
    title: str | None = None,
) -> Aggregate:
    """Add up the tables of ``reports`` into a report of ``agency``.

    Args:
        reports: the reports to add up: one year, one edition.
        agency: the body the sum is published by (e.g. ``"某某县人民政府"``).
        year: the reporting year; by default the inputs' year.  Given, it must be theirs.
        blank_as_zero: count cells not filled in as 0 (default: the sum is blank).
        title: the title line; the skeleton's by default.

    Raises:
        IncompatibleReportsError: no reports, reports of different years or editions,
            a report whose year is unknown, or ``year`` not the inputs' year.
        ValueError: ``agency`` is empty (as for :func:`govinfo_report.skeleton`).


    Example:
        >>> import govinfo_report as gr
        >>> names = ("zhongwei-government-office", "zhongwei-civil-affairs")
        >>> offices = [gr.parse_file(f"examples/{name}-2024.txt") for name in names]
        >>> total = gr.aggregate(offices, agency="中卫市", year=2024)
        >>> received = [report.applications.new_received.total for report in offices]
        >>> total.report.applications.new_received.total == sum(received)
        True
    """
    reports = list(reports)
    if not reports:
        raise IncompatibleReportsError("没有可汇总的报告")
    inputs = tuple(
        AggregateInput(
            index,
            report.agency,
            report.year,
            report.edition,
            report.source.path if report.source is not None else None,
        )
        for index, report in enumerate(reports)
    )
    edition, summed_year = _common(inputs, year)
    shape = _one_layout(reports, inputs)
    blanks: list[BlankInput] = []
    problems: list[str] = []
    tables: dict[str, Any] = {}
    for table in get_edition(edition).tables:
        sums: dict[CellKey, Value] = {}
        columns = [list(table_values(getattr(report, table.attribute))) for report in reports]
        for position, (spec, _) in enumerate(columns[0]):
            address = CellAddress(table.number, "/".join(spec.row), "/".join(spec.column))
            values = [column[position][1] for column in columns]
            for item, value in zip(inputs, values, strict=True):
                if value is None:
                    blanks.append(BlankInput(item, address))
            sums[spec.key] = _sum(values, spec.kind, blank_as_zero, address, problems)
        tables[table.attribute] = build_table(shape[table.number], sums)
    base = skeleton(agency, summed_year, edition, title=title)
    report = attrs.evolve(base, **tables)
    return Aggregate(report, inputs, tuple(blanks), blank_as_zero, tuple(problems))


def _one_layout(reports: list[Report], inputs: tuple[AggregateInput, ...]) -> dict[int, type]:
    """The table classes every report has; reports that print a table otherwise are refused."""
    layouts = [layout_of(report) for report in reports]
    if len(set(layouts)) > 1:
        odd = [str(item) for item, layout in zip(inputs, layouts, strict=True) if layout != layouts[0]]
        raise IncompatibleReportsError(
            f"{'、'.join(odd)}的表格样式与{inputs[0]}不同（如表三（六）其他处理分一行和三行），不能逐项汇总"
        )
    return {number: cls for number, _, cls in layouts[0]}


def _common(inputs: tuple[AggregateInput, ...], year: int | None) -> tuple[str, int]:
    editions = {item.edition for item in inputs}
    if len(editions) > 1:
        listed = "；".join(f"{item}为{item.edition}年版" for item in inputs)
        raise IncompatibleReportsError(f"报告的格式版本不同，不能汇总：{listed}")
    unknown = [item for item in inputs if item.year is None]
    if unknown:
        raise IncompatibleReportsError(f"{unknown[0]}的年度不明，不能汇总")
    years = {item.year for item in inputs}
    if len(years) > 1:
        listed = "；".join(f"{item}为{item.year}年" for item in inputs)
        raise IncompatibleReportsError(f"报告的年度不同，不能汇总：{listed}")
    (found,) = years
    assert found is not None
    if year is not None and year != found:
        raise IncompatibleReportsError(f"汇总年度为{year}年，而所汇总的报告为{found}年度")
    (edition,) = editions
    return edition, found


def _sum(
    values: list[Value], kind: CellKind, blank_as_zero: bool, address: CellAddress, problems: list[str]
) -> Value:
    """The cell's sum; ``None`` when a value is blank (unless ``blank_as_zero``) or units differ."""
    present = [value for value in values if value is not None]
    if len(present) < len(values) and not blank_as_zero:
        return None
    if not present:
        zero: Value = Decimal(0) if kind == "amount" else Money(Decimal(0)) if kind == "money" else 0
        return zero
    if all(isinstance(value, Money) for value in present):
        units = {value.unit for value in present if isinstance(value, Money)}
        if len(units) > 1:
            problems.append(f"{address}的单位不一致（{'、'.join(sorted(units))}），未汇总")
            return None
        total = sum((value.amount for value in present if isinstance(value, Money)), Decimal(0))
        return Money(total, units.pop())
    if any(isinstance(value, Decimal) for value in present):
        return sum((Decimal(value) for value in present if isinstance(value, (int, Decimal))), Decimal(0))
    return sum(value for value in present if isinstance(value, int))
