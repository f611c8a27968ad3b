"""The long format: one record per table cell, addressed as in national-format.md.

An address is the table number (2, 3, 4), the row path and the column path,
path segments joined with ``/``.  The segments are also kept as tuples,
since a label may itself contain a slash (the 2019 column ``本年增/减``).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .editions import TABLE_NAMES, get_edition
from .layout import table_values
from .model import Report
from .values import CellKind, Value

__all__ = ["CellAddress", "CellRecord", "Layout", "cells", "layout_of"]


@attrs.frozen
class CellAddress:
    """Where a cell is: table number, row path and column path joined with ``/``.

    The same spelling as :class:`CellRecord` and national-format.md, e.g.
    ``CellAddress(3, "一、本年新收政府信息公开申请数量", "自然人")``.


    Example:
        >>> import govinfo_report as gr
        >>> str(gr.CellAddress(3, "一、本年新收政府信息公开申请数量", "自然人"))
        '表三“一、本年新收政府信息公开申请数量”行“自然人”列'
    """

    table: int
    row: str
    column: str

    def to_dict(self) -> dict[str, int | str]:
        """``{"table": 3, "row": "…", "column": "…"}`` for JSON."""
        return {"table": self.table, "row": self.row, "column": self.column}

    def __str__(self) -> str:
        table = TABLE_NAMES.get(self.table, f"表{self.table}")
        return f"{table}“{self.row}”行“{self.column}”列"


@attrs.frozen
class CellRecord:
    """One cell of a report's tables.

    Attributes:
        table: 2, 3 or 4.
        row: the row path, segments joined with ``/``.
        column: the column path, segments joined with ``/``.
        value: ``int`` count, ``Decimal`` amount, or ``None`` when not filled in.
        row_path: the row path as a tuple of labels.
        column_path: the column path as a tuple of labels.
        kind: ``"count"``, ``"signed"``, ``"amount"`` or ``"money"`` (see
            :data:`govinfo_report.values.CellKind`).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> first = next(gr.cells(report))
        >>> first.table, first.row, first.column, first.value, first.kind
        (2, '第二十条第（一）项/规章', '本年制发件数', 2, 'count')
    """

    table: int
    row: str
    column: str
    value: Value
    row_path: tuple[str, ...]
    column_path: tuple[str, ...]
    kind: CellKind


#: The tables a report has: (table number, report attribute, table class), per table.
Layout = tuple[tuple[int, str, type], ...]


def layout_of(report: Report) -> Layout:
    """The tables ``report`` has, in order: its edition's, or a variant's (a one-row （六）其他处理).

    Two reports with the same layout have the same cells in the same order, so code
    working on many reports can work out what it needs once per layout.
    """
    edition = get_edition(report.edition)
    return tuple(
        (table.number, table.attribute, type(getattr(report, table.attribute))) for table in edition.tables
    )


def cells(report: Report) -> Iterator[CellRecord]:
    """Every table cell of ``report``, table by table, row by row, in printed order.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> len(list(gr.cells(report)))
        200
        >>> len(list(gr.cells(gr.parse_file("examples/qinghe-county-office-2020.txt"))))  # the 2019 edition
        198
    """
    edition = get_edition(report.edition)
    for table in edition.tables:
        for spec, value in table_values(getattr(report, table.attribute)):
            yield CellRecord(
                table=table.number,
                row="/".join(spec.row),
                column="/".join(spec.column),
                value=value,
                row_path=spec.row,
                column_path=spec.column,
                kind=spec.kind,
            )
