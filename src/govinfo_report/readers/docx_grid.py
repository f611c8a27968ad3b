"""A Word table's rows on its grid, from the raw ``w:tr``/``w:tc`` elements.

Each row is the number of grid columns skipped before its first cell
(``w:gridBefore``) and its cells in order, each with its grid span
(``w:gridSpan``), whether it continues a merge — vertical (``w:vMerge`` without
``restart``) or the legacy horizontal ``w:hMerge`` — and its text (its
paragraphs on lines of their own).  Deleted rows and cells (tracked changes)
are left out.  python-docx's ``row.cells`` is not used: it repeats a merged
cell at every grid position it covers.

Two ways give the same rows: :func:`table_rows` walks the elements one by one and
handles everything :mod:`~govinfo_report.readers.wordml` handles; for a table
holding none of the constructs that need that walk (deleted or hidden text, text
boxes, alternate content, symbols, math, tracked property changes, numbered
paragraphs), one pass over the few elements that matter, in lxml's C iteration,
is several times faster.
"""

from __future__ import annotations

from typing import Any

import attrs

from . import wordml
from .docx_numbering import Numbering
from .wordml import (
    CELL_DELETED,
    DELETED,
    GRID_BEFORE,
    GRID_SPAN,
    H_MERGE,
    NUM_PR,
    PSTYLE,
    RUN_TEXT,
    TC,
    TCPR,
    TR,
    TRPR,
    V_MERGE,
    VAL,
    P,
    T,
)

__all__ = ["GridCell", "GridRow", "cell_deleted", "holds_tables", "row_deleted", "table_rows"]


@attrs.define
class GridCell:
    """One ``w:tc``: its grid span, whether it continues a merged cell, its paragraphs' texts."""

    span: int = 1
    continues_vertical: bool = False
    continues_horizontal: bool = False
    paragraphs: list[str] = attrs.Factory(list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@attrs.define
class GridRow:
    """One ``w:tr``: the grid columns before its first cell, and its cells."""

    before: int = 0
    cells: list[GridCell] = attrs.Factory(list)


_w = wordml.qualified
# What makes a table need the element-by-element walk.
_NEEDS_WALK = (
    DELETED,
    _w("moveFrom"),
    _w("rt"),
    _w("vanish"),
    _w("sym"),
    CELL_DELETED,
    _w("tcPrChange"),
    _w("trPrChange"),
    wordml.TXBX,
    wordml.ALTERNATE,
    wordml.MATH_TEXT,
)
# The elements the one pass looks at.
_PASS = (TR, TC, GRID_BEFORE, GRID_SPAN, V_MERGE, H_MERGE, P, T, *RUN_TEXT)


def holds_tables(table: Any) -> bool:
    """Whether a table holds a table (then it is layout, not a table of the report)."""
    found = table.iter(wordml.TBL)
    next(found)  # the table itself
    return next(found, None) is not None


def table_rows(table: Any, numbering: Numbering) -> list[GridRow]:
    """The rows of a table that holds no table; ``numbering`` numbers its list paragraphs."""
    if next(table.iter(*_NEEDS_WALK), None) is None:
        found = _one_pass(table, numbering)
        if found is not None:
            return found
    return [_row(row, numbering) for row in wordml.rows(table) if not row_deleted(row)]


def _one_pass(table: Any, numbering: Numbering) -> list[GridRow] | None:
    """The rows, or ``None`` when a paragraph turns out to be numbered (the walk numbers it)."""
    found: list[GridRow] = []
    row, cell = GridRow(), GridCell()
    texts = cell.paragraphs  # the paragraphs of the cell being read; the last is being read
    t, p, tc, style = T, P, TC, PSTYLE  # (locals: this loop is the reader's hottest)
    marks, linked = numbering.marks, numbering.linked
    for element in table.iter(*_PASS, *marks):
        tag = element.tag
        if tag == t:
            texts[-1] += element.text or ""
        elif tag == p:
            texts = cell.paragraphs
            texts.append("")
        elif tag == tc:
            cell = GridCell()
            row.cells.append(cell)
        elif tag == style:
            if element.get(VAL) in linked:
                return None  # a paragraph in a style linked to a list: the walk numbers it
        elif tag == TR:
            row = GridRow()
            found.append(row)
        elif tag == GRID_SPAN:
            cell.span = max(_int(element, 1), 1)
        elif tag == V_MERGE:
            cell.continues_vertical = _continues(element)
        elif tag == H_MERGE:
            cell.continues_horizontal = _continues(element)
        elif tag == GRID_BEFORE:
            row.before = max(_int(element, 0), 0)
        elif tag == NUM_PR:
            return None  # a numbered paragraph: the walk numbers it
        else:
            texts[-1] += RUN_TEXT[tag]
    return found


def _row(row: Any, numbering: Numbering) -> GridRow:
    grid = GridRow(before=_row_before(row))
    for cell in wordml.cells(row):
        if cell_deleted(cell):
            continue
        properties = _properties(cell, TCPR)
        grid_cell = GridCell(paragraphs=wordml.text_of(cell, numbering.label))
        if properties is not None:
            for item in properties:
                if item.tag == GRID_SPAN:
                    grid_cell.span = max(_int(item, 1), 1)
                elif item.tag == V_MERGE:
                    grid_cell.continues_vertical = _continues(item)
                elif item.tag == H_MERGE:
                    grid_cell.continues_horizontal = _continues(item)
        grid.cells.append(grid_cell)
    return grid


def _properties(element: Any, tag: str) -> Any | None:
    """The properties child (``w:trPr``, ``w:tcPr``) of a row or cell; they come before the content."""
    for child in element:
        if child.tag == tag:
            return child
        if child.tag in (TC, P):
            break
    return None


def row_deleted(row: Any) -> bool:
    """Whether a row is deleted (tracked: ``w:trPr/w:del``)."""
    properties = _properties(row, TRPR)
    return properties is not None and any(item.tag == DELETED for item in properties)


def cell_deleted(cell: Any) -> bool:
    """Whether a cell is deleted (tracked: ``w:tcPr/w:cellDel``)."""
    properties = _properties(cell, TCPR)
    return properties is not None and any(item.tag == CELL_DELETED for item in properties)


def _row_before(row: Any) -> int:
    properties = _properties(row, TRPR)
    for item in properties if properties is not None else ():
        if item.tag == GRID_BEFORE:
            return max(_int(item, 0), 0)
    return 0


def _int(element: Any, default: int) -> int:
    try:
        return int(element.get(VAL) or default)
    except ValueError:
        return default


def _continues(merge: Any) -> bool:
    """Whether a ``w:vMerge``/``w:hMerge`` continues a merged cell (rather than starting one)."""
    return (merge.get(VAL) or "continue") != "restart"
