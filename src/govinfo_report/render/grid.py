"""The three tables as grids of merged cells, as the published template prints them.

HTML and Word show the template's merged cells (``rowspan``/``colspan``);
Markdown writes the same grid with each merged cell's text in its top-left
position and the rest of the span left empty.  The grids are derived from the
table classes (:func:`~govinfo_report.render.layout.printed_rows`, the
``row``/``column`` labels in the model's field metadata); the only words added
here are the template's own header texts that no cell carries
(``信息内容``, ``申请人情况`` and the table-3 note).

Layouts (2021 edition):

* Table 2, four columns: each ``第二十条第（x）项`` is a full-width row, then a
  header row ``信息内容`` + the item's column labels, then its rows.  A row with
  fewer cells than the table has value columns (``行政许可`` …) lets its last
  header and value cell span the remaining columns.
* Table 3, three label columns and seven value columns: the note spans the
  three label columns and the three header rows; ``申请人情况`` spans the value
  columns; ``自然人`` and ``总计`` span two header rows, ``法人或其他组织`` the
  five organisation columns.  In the body a row group (``三、本年度办理结果``,
  ``（三）不予公开`` …) spans its rows; a row label spans the label columns its
  groups leave free (``一、…`` all three, ``（一）予以公开`` two).
* Table 4, fifteen columns: the row groups of the model become column groups
  (``行政复议`` over five columns, ``行政诉讼`` over ten, split into
  ``未经复议直接起诉`` and ``复议后起诉``); the review columns span two header
  rows; one row of fifteen values.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal

import attrs

from ..editions import get_edition
from ..layout import CellSpec, build_table, row_specs
from ..model import Report
from ..values import Value
from .layout import PrintedRow, format_cell, printed_rows
from .text import TABLE3_NOTE

__all__ = [
    "APPLICANT_HEADER",
    "CONTENT_HEADER",
    "TABLE3_NOTE",
    "Grid",
    "GridCell",
    "Role",
    "ValuePlace",
    "report_grids",
    "table_grid",
    "table_shape",
]

#: The header of table 2's label column.
CONTENT_HEADER = "信息内容"
#: The header over table 3's applicant columns.
APPLICANT_HEADER = "申请人情况"

#: What a cell is: a column header, a row group spanning rows or a full-width
#: item row, a row label, or a value.
Role = Literal["header", "group", "label", "value"]


# Width (percent) of the label columns of tables 2 and 3; value columns share the rest.
_LABEL_WIDTHS = {2: (34.0,), 3: (7.0, 13.0, 30.0)}


@attrs.frozen
class GridCell:
    """One printed cell, placed at its top-left grid position.

    Attributes:
        row: 0-based grid row of the cell's top edge.
        column: 0-based grid column of its left edge.
        text: what is printed (a value as :func:`format_cell` prints it).
        role: ``"header"``, ``"group"``, ``"label"`` or ``"value"``.
        rowspan: rows the cell covers.
        colspan: columns the cell covers.
        value: for a value cell, the value (``None``: not filled in).
        kind: for a value cell, ``"count"`` or ``"amount"``; else ``""``.
    """

    row: int
    column: int
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    value: Value = None
    kind: str = ""

    @property
    def filled(self) -> bool:
        """False for a value cell that was not filled in."""
        return self.role != "value" or self.value is not None


@attrs.frozen
class Grid:
    """A table as printed: its size, its cells, how many rows are its header.

    Attributes:
        number: the table number (2, 3, 4).
        columns: grid columns.
        label_columns: leading columns holding labels (1, 3, 0).
        header_rows: leading rows forming the table header (repeated on each page).
        rows: the cells starting in each grid row, left to right.
    """

    number: int
    columns: int
    label_columns: int
    header_rows: int
    rows: tuple[tuple[GridCell, ...], ...]

    @property
    def cells(self) -> tuple[GridCell, ...]:
        """Every cell, row by row."""
        return tuple(cell for row in self.rows for cell in row)

    def widths(self) -> list[float]:
        """Relative column widths in percent: label columns as the template prints them."""
        labels = list(_LABEL_WIDTHS.get(self.number, ()))[: self.label_columns]
        labels += [100 / self.columns] * (self.label_columns - len(labels))
        rest = (100 - sum(labels)) / (self.columns - len(labels))
        return [*labels, *([rest] * (self.columns - len(labels)))]

    def matrix(self) -> list[list[GridCell | None]]:
        """Each grid position's cell when it is the cell's top-left corner, else ``None``."""
        grid: list[list[GridCell | None]] = [[None] * self.columns for _ in self.rows]
        for cell in self.cells:
            grid[cell.row][cell.column] = cell
        return grid


def report_grids(report: Report) -> dict[int, Grid]:
    """The grid of each table of ``report``, by table number."""
    return {
        spec.number: table_grid(spec.number, getattr(report, spec.attribute))
        for spec in get_edition(report.edition).tables
    }


def table_grid(number: int, table: object) -> Grid:
    """The grid of table ``number`` (2, 3 or 4) holding ``table``'s values.

    A table class's grid is laid out once (:func:`table_shape`); each table's values
    are then put into its value cells.
    """
    shape, places = table_shape(number, _class_of(table))
    rows = [list(row) for row in shape.rows]
    for row, index, spec, get in places:
        blank = rows[row][index]
        value = get(table)
        rows[row][index] = GridCell(
            blank.row, blank.column, format_cell(value), "value", 1, blank.colspan, value, spec.kind
        )
    return attrs.evolve(shape, rows=tuple(tuple(row) for row in rows))


def _class_of(table: object) -> Any:
    return type(table)


#: Where a value cell of a grid stands: (grid row, index in the row, the cell's spec,
#: how to get its value from a table).
ValuePlace = tuple[int, int, CellSpec, Callable[[object], Any]]


@cache
def table_shape(number: int, cls: type) -> tuple[Grid, tuple[ValuePlace, ...]]:
    """The grid of a table of class ``cls`` with no value filled in, and where each value cell is:
    (grid row, index in the row, the cell's spec, how to get its value from a table)."""
    builders = {2: _table2, 3: _table3, 4: _table4}
    out = _Builder()
    grid = builders[number](number, build_table(cls, {}), out)
    places = []
    for row, cells in enumerate(grid.rows):
        for index, cell in enumerate(cells):
            if cell.role == "value":
                spec = out.specs[(row, cell.column)]
                places.append((row, index, spec, operator.attrgetter(".".join(spec.attributes))))
    return grid, tuple(places)


# ---------------------------------------------------------------------------


class _Builder:
    """Collects cells row by row."""

    def __init__(self) -> None:
        self.rows: list[list[GridCell]] = []
        #: The spec of the value cell at each (row, column).
        self.specs: dict[tuple[int, int], CellSpec] = {}

    def new_row(self) -> int:
        self.rows.append([])
        return len(self.rows) - 1

    def add(self, row: int, column: int, text: str, role: Role, rowspan: int = 1, colspan: int = 1) -> None:
        self.rows[row].append(GridCell(row, column, text, role, rowspan, colspan))

    def add_value(self, row: int, column: int, value: Value, spec: CellSpec, colspan: int = 1) -> None:
        self.specs[(row, column)] = spec
        self.rows[row].append(
            GridCell(row, column, format_cell(value), "value", 1, colspan, value, spec.kind)
        )

    def grid(self, number: int, columns: int, label_columns: int, header_rows: int) -> Grid:
        rows = tuple(tuple(sorted(row, key=lambda cell: cell.column)) for row in self.rows)
        return Grid(number, columns, label_columns, header_rows, rows)


def _table2(number: int, table: object, out: _Builder) -> Grid:
    rows = list(printed_rows(table))
    width = max(len(row.spec.cells) for row in rows)
    columns = 1 + width
    for printed in rows:
        for group in printed.opens:
            out.add(out.new_row(), 0, group, "group", colspan=columns)
        if printed.opens:
            at = out.new_row()
            out.add(at, 0, CONTENT_HEADER, "header")
            for index, cell in enumerate(printed.spec.cells):
                span = _last_span(index, len(printed.spec.cells), width)
                out.add(at, 1 + index, "/".join(cell.column), "header", colspan=span)
        at = out.new_row()
        out.add(at, 0, printed.label, "label")
        for index, (cell, value) in enumerate(zip(printed.spec.cells, printed.values, strict=True)):
            out.add_value(at, 1 + index, value, cell, _last_span(index, len(printed.values), width))
    return out.grid(number, columns, 1, 0)


def _last_span(index: int, count: int, width: int) -> int:
    """The last of ``count`` cells spans the columns up to ``width``."""
    return width - count + 1 if index == count - 1 else 1


def _table3(number: int, table: object, out: _Builder) -> Grid:
    rows = list(printed_rows(table))
    labels = max(len(row.spec.row) for row in rows)
    paths = [(APPLICANT_HEADER, *cell.column) for cell in rows[0].spec.cells]
    header_rows = max(len(path) for path in paths)
    for _ in range(header_rows):
        out.new_row()
    out.add(0, 0, TABLE3_NOTE, "header", rowspan=header_rows, colspan=labels)
    _column_headers(out, paths, labels, header_rows)
    for index, printed in enumerate(rows):
        at = out.new_row()
        path = printed.spec.row
        first_open = len(path) - 1 - len(printed.opens)
        for level in range(first_open, len(path) - 1):
            span = _group_rows(rows, index, path[: level + 1])
            out.add(at, level, path[level], "group", rowspan=span)
        out.add(at, len(path) - 1, printed.label, "label", colspan=labels - len(path) + 1)
        for offset, (cell, value) in enumerate(zip(printed.spec.cells, printed.values, strict=True)):
            out.add_value(at, labels + offset, value, cell)
    return out.grid(number, labels + len(paths), labels, header_rows)


def _group_rows(rows: Sequence[PrintedRow], start: int, prefix: tuple[str, ...]) -> int:
    """How many rows from ``start`` on belong to the group ``prefix``."""
    count = 0
    for printed in rows[start:]:
        if printed.spec.row[: len(prefix)] != prefix:
            break
        count += 1
    return count


def _column_headers(out: _Builder, paths: Sequence[tuple[str, ...]], first: int, depth: int) -> None:
    """Header cells over columns ``first…`` for column label paths, ``depth`` rows deep.

    At each level, consecutive columns sharing a path prefix share one cell; a
    path's last label spans down to the last header row.
    """
    for level in range(depth):
        column = 0
        while column < len(paths):
            path = paths[column]
            if level >= len(path):
                column += 1
                continue
            prefix = path[: level + 1]
            span = 1
            if level < len(path) - 1:
                while column + span < len(paths) and paths[column + span][: level + 1] == prefix:
                    span += 1
            rowspan = depth - level if level == len(path) - 1 else 1
            out.add(level, first + column, path[level], "header", rowspan=rowspan, colspan=span)
            column += span


def _table4(number: int, table: object, out: _Builder) -> Grid:
    specs = row_specs(type(table))
    paths = [(*spec.row, *cell.column) for spec in specs for cell in spec.cells]
    cells = [cell for spec in specs for cell in spec.cells]
    values = [value for printed in printed_rows(table) for value in printed.values]
    depth = max(len(path) for path in paths)
    for _ in range(depth):
        out.new_row()
    _column_headers(out, paths, 0, depth)
    at = out.new_row()
    for column, (value, cell) in enumerate(zip(values, cells, strict=True)):
        out.add_value(at, column, value, cell)
    return out.grid(number, len(paths), 0, depth)
