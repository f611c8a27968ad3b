"""A Word table's rows on its grid, from the raw ``w:tr``/``w:tc`` elements.

Each row (:data:`GridRow`) is the number of grid columns skipped before its first cell
(``w:gridBefore``) and its cells in order, each (:data:`GridCell`) with its text (its
paragraphs on lines of their own), its grid span (``w:gridSpan``), and whether it continues
a merge — vertical (``w:vMerge`` without ``restart``) or the legacy horizontal ``w:hMerge``.
Deleted rows and cells (tracked changes) are left out.  python-docx's ``row.cells`` is not
used: it repeats a merged cell at every grid position it covers.

Two ways give the same rows: :func:`table_rows` walks the elements one by one and
handles everything :mod:`~govinfo_report.readers.wordml` handles; a table holding none
of the constructs that need that walk (deleted or hidden text, text boxes, alternate
content, symbols, math, raised text, tracked property changes, numbered paragraphs, styles
that hide or raise text, fields nested in fields) is read in one pass over the few elements
that matter, in lxml's C iteration, several times faster.
The pass gives way to the walk as soon as it meets an element out of its place (text
outside a paragraph, a cell outside a row …), which Word does not write.
"""

from __future__ import annotations

from typing import Any, Literal

from . import wordml
from .docx_numbering import Numbering
from .wordml import (
    CELL_DELETED,
    DELETED,
    FIELD_CHARACTER,
    GRID_BEFORE,
    GRID_SPAN,
    H_MERGE,
    NO_STYLES,
    PSTYLE,
    RUN_TEXT,
    TC,
    TCPR,
    TR,
    TRPR,
    V_MERGE,
    VAL,
    P,
    RunStyles,
    T,
    printed,
)

__all__ = ["GridCell", "GridRow", "Way", "cell_deleted", "row_deleted", "table_rows", "way_to_read"]

#: One ``w:tc``: its text (its paragraphs joined by ``"\n"``), its grid span, and whether it
#: continues a merged cell vertically (``w:vMerge``) and horizontally (``w:hMerge``).
GridCell = tuple[str, int, bool, bool]
#: One ``w:tr``: the grid columns before its first cell, and its cells.
GridRow = tuple[int, list[GridCell]]
#: How a table is read (:func:`way_to_read`).
Way = Literal["layout", "walk", "pass"]

_w = wordml.qualified
# What makes a table need the element-by-element walk.
_NEEDS_WALK = (
    DELETED,
    _w("moveFrom"),
    _w("rt"),
    _w("vanish"),
    _w("sym"),
    _w("vertAlign"),
    CELL_DELETED,
    _w("tcPrChange"),
    _w("trPrChange"),
    wordml.TXBX,
    wordml.ALTERNATE,
    wordml.MATH_TEXT,
)
# The elements the one pass looks at.
_PASS = (TR, TC, GRID_BEFORE, GRID_SPAN, V_MERGE, H_MERGE, P, T, FIELD_CHARACTER, *RUN_TEXT)
_FIELD_CHARACTER_TYPE = _w("fldCharType")


def way_to_read(table: Any, numbering: Numbering, styles: RunStyles = NO_STYLES) -> Way:
    """How to read ``table``: ``"layout"`` when it holds a table (then it is layout, not a
    table of the report), ``"walk"`` when it holds what only the walk reads (or the document
    has styles that hide or raise text), else ``"pass"``.

    One C scan answers, unless the table needs the walk: then a second looks for a table.
    """
    found = table.iter(wordml.TBL, *_NEEDS_WALK, *numbering.walk_marks)
    next(found)  # the table itself
    first = next(found, None)
    if first is None:
        return "walk" if styles and not _holds_tables(table) else "pass"
    if first.tag == wordml.TBL or _holds_tables(table):
        return "layout"
    return "walk"


def _holds_tables(table: Any) -> bool:
    found = table.iter(wordml.TBL)
    next(found)  # the table itself
    return next(found, None) is not None


def table_rows(
    table: Any, numbering: Numbering, *, way: Way = "walk", styles: RunStyles = NO_STYLES
) -> list[GridRow]:
    """The rows of a table that holds no table; ``numbering`` numbers its list paragraphs,
    ``styles`` says which styles hide or raise text (:class:`~govinfo_report.readers.wordml.RunStyles`).

    ``way``: ``"pass"`` when :func:`way_to_read` says the one pass can read it.
    """
    if way == "pass":
        found = _one_pass(table, numbering)
        if found is not None:
            return found
    return [_row(row, numbering, styles) for row in wordml.rows(table) if not row_deleted(row)]


def _one_pass(table: Any, numbering: Numbering) -> list[GridRow] | None:
    """The rows; ``None`` when a paragraph turns out to be numbered (the walk numbers it), a
    field is nested in another's code, or an element is where Word does not write it (text
    outside a paragraph or in a field's code, a cell's properties after its text …): the walk
    decides what it means."""
    found: list[GridRow] = []
    cells: list[GridCell] | None = None  # the cells of the row being read
    before = 0
    paragraphs: list[str] | None = None  # the paragraphs of the cell being read, once it starts
    text: str | None = None  # the paragraph being read, once it starts
    span, vertical, horizontal = 1, False, False
    field: bool | None = None  # a complex field open: in its code (True) or its result (False)
    t, p, tc, tr, run_text = T, P, TC, TR, RUN_TEXT  # (locals: this loop is the reader's hottest)
    style, linked = PSTYLE, numbering.linked
    for element in table.iter(*_PASS, *numbering.pass_marks):
        tag = element.tag
        if tag == t:
            if text is None or field:
                return None
            text += element.text or ""
        elif tag == p:
            if paragraphs is None:
                return None
            if text is not None:
                paragraphs.append(text)
            text = ""
            field = None  # (as the walk: a field's state does not run on into the next paragraph)
        elif tag == tc:
            if cells is None:
                return None
            if paragraphs is not None:
                cells.append(_cell(paragraphs, text, span, vertical, horizontal))
            paragraphs, text = [], None
            span, vertical, horizontal = 1, False, False
        elif tag == style:
            if element.get(VAL) in linked:
                return None  # a paragraph in a style linked to a list: the walk numbers it
        elif tag == tr:
            if cells is not None:
                if paragraphs is not None:
                    cells.append(_cell(paragraphs, text, span, vertical, horizontal))
                found.append((before, cells))
            cells, before, paragraphs, text = [], 0, None, None
        elif tag in run_text:
            if text is None or field:
                return None
            text += run_text[tag]
        elif tag == FIELD_CHARACTER:
            kind = element.get(_FIELD_CHARACTER_TYPE)
            if kind == "begin":
                if field is not None:
                    return None  # a field in a field: the walk reads it
                field = True
            elif kind == "separate" and field:
                field = False
            elif kind == "end":
                field = None
        elif tag == GRID_BEFORE:
            if cells is None or paragraphs is not None:
                return None  # not in the row's properties
            before = max(_int(element, 0), 0)
        else:  # w:gridSpan, w:vMerge, w:hMerge
            if paragraphs is None or paragraphs or text is not None:
                return None  # not in the cell's properties
            if tag == GRID_SPAN:
                span = max(_int(element, 1), 1)
            elif tag == V_MERGE:
                vertical = _continues(element)
            else:
                horizontal = _continues(element)
    if cells is not None:
        if paragraphs is not None:
            cells.append(_cell(paragraphs, text, span, vertical, horizontal))
        found.append((before, cells))
    return found


def _cell(paragraphs: list[str], text: str | None, span: int, vertical: bool, horizontal: bool) -> GridCell:
    """The cell the one pass has read, its last paragraph (``text``, if it started) included."""
    if text is not None:
        paragraphs.append(text)
    return (printed("\n".join(paragraphs)), span, vertical, horizontal)


def _row(row: Any, numbering: Numbering, styles: RunStyles) -> GridRow:
    cells: list[GridCell] = []
    for cell in wordml.cells(row):
        if cell_deleted(cell):
            continue
        properties = _properties(cell, TCPR)
        text = printed("\n".join(wordml.text_of(cell, numbering.label, styles)))
        span, vertical, horizontal = 1, False, False
        if properties is not None:
            for item in properties:
                if item.tag == GRID_SPAN:
                    span = max(_int(item, 1), 1)
                elif item.tag == V_MERGE:
                    vertical = _continues(item)
                elif item.tag == H_MERGE:
                    horizontal = _continues(item)
        cells.append((text, span, vertical, horizontal))
    return _row_before(row), cells


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
