"""A Word document's body, walked in document order into a :class:`DocumentBuilder`.

* **Blocks**: the body's paragraphs (``w:p``) and tables (``w:tbl``) in document
  order, also inside content controls, custom XML and alternate content (see
  :mod:`~govinfo_report.readers.wordml` for what counts as printed text).
* **Text boxes** are read where they stand: the paragraph they are anchored in is
  cut there, and the box's paragraphs and tables come in between, with the
  location of that paragraph.
* **Tables**: each row's cells on the table grid (:mod:`~govinfo_report.readers.docx_grid`):
  a cell spanning columns is passed once, at its first column; a cell continuing a
  merge is part of the cell above (or to the left) and is not passed again — text
  in one is an error, since it cannot be placed; ``w:gridBefore`` counts in the
  column position.  The document builder writes the row.
* **Layout tables**: a table holding a table is layout, not a table of the report:
  its cells are read, row by row, as blocks (their paragraphs are body paragraphs,
  their tables tables).
* **List numbers** (Word's automatic numbering) are written in front of the paragraph's
  text, as Word shows them (:mod:`~govinfo_report.readers.docx_numbering`).
* ``w:altChunk`` (another document embedded as a part of its own) cannot be read:
  an error, rather than text lost.

Locations, counted from 1 as a person counts them in Word: ``paragraph`` — the
n-th paragraph of the body in document order, empty paragraphs included,
paragraphs in table cells and text boxes not (those in the cells of a layout
table are); ``table`` — the n-th table that is read as a table (layout tables
are not counted); ``table_row`` — the row of that table (deleted rows not
counted); ``table_column`` — the grid column the cell starts in.
"""

from __future__ import annotations

from typing import Any

from ..errors import Location, ParseError, shorten
from ..values import classify
from . import wordml
from .document import DocumentBuilder, RowCell
from .docx_grid import GridRow, cell_deleted, row_deleted, table_rows, way_to_read
from .docx_numbering import Numbering
from .wordml import NO_STYLES, TBL, P, RunStyles, printed, scripted

__all__ = ["BodyReader"]


class BodyReader:
    """Reads a body's blocks into a document builder, counting paragraphs and tables.

    Args:
        builder: where the lines go.
        numbering: the document's list numbering (none by default).
        styles: the document's styles that hide or raise text (none by default).
    """

    def __init__(
        self, builder: DocumentBuilder, numbering: Numbering | None = None, styles: RunStyles = NO_STYLES
    ) -> None:
        self._builder = builder
        self._numbering = numbering if numbering is not None else Numbering()
        self._styles = styles
        self._paragraphs = 0
        self._tables = 0
        self._last = Location(paragraph=1)  # the paragraph last read, for text run on from it

    def read(self, body: Any) -> None:
        """Read the body (``w:body``), or any element holding blocks."""
        self._blocks(body, None)

    def _blocks(self, parent: Any, anchor: Location | None) -> None:
        """Paragraphs and tables; ``anchor`` is the location of the paragraph a text box stands in."""
        carry = ""  # the text of a paragraph whose mark was deleted: it runs on into the next one
        for block in wordml.blocks(parent):
            if block.tag == P:
                carry = self._paragraph(block, anchor, carry)
                continue
            if carry:
                self._builder.paragraph(printed(carry), self._last)
                carry = ""
            if block.tag == TBL:
                self._table(block, anchor)
            else:
                raise self._error(
                    "此处嵌入了另一份文档（altChunk），本库不能读取；请用Word打开后“另存为”.docx文件再读取",
                    anchor or Location(paragraph=self._paragraphs + 1),
                )
        if carry:
            self._builder.paragraph(printed(carry), self._last)

    def _paragraph(self, paragraph: Any, anchor: Location | None, carry: str) -> str:
        """Write a paragraph; the text left to run on into the next one (its mark deleted), or ``""``."""
        if anchor is None:
            self._paragraphs += 1
            location = Location(paragraph=self._paragraphs)
        else:
            location = anchor
        self._last = location
        pieces, properties = wordml.paragraph_pieces(paragraph, self._styles)
        deleted = wordml.mark_deleted(properties)
        text = carry if deleted else self._numbering.label(properties) + carry
        for piece in pieces:
            if isinstance(piece, str):
                text += piece
            else:  # a text box, read where it stands
                self._builder.paragraph(printed(text), location)
                text = ""
                self._blocks(piece, location)
        if deleted:
            return text
        self._builder.paragraph(printed(text), location)
        return ""

    def _table(self, table: Any, anchor: Location | None) -> None:
        way = way_to_read(table, self._numbering, self._styles)
        if way == "layout":
            for row in wordml.rows(table):
                if not row_deleted(row):
                    for cell in wordml.cells(row):
                        if not cell_deleted(cell):
                            self._blocks(cell, anchor)
            return
        self._tables += 1
        number = self._tables
        rows = table_rows(table, self._numbering, way=way, styles=self._styles)
        merged = _merged_values(rows)
        above: set[int] = set()  # the grid columns where cells of the row above start
        for index, (before, row) in enumerate(rows, start=1):
            column = before
            starts: set[int] = set()
            cells: list[RowCell] = []
            unreadable: dict[int, str] = {}
            for text, span, vertical, horizontal in row:
                if (vertical and column in above) or horizontal:
                    if text.strip():
                        raise self._error(
                            f"单元格是合并单元格的一部分，却另有文字“{shorten(text)}”，无法确定它属于哪个单元格",
                            Location(table=number, table_row=index, table_column=column + 1),
                        )
                    if horizontal or (index, column) not in merged:
                        pass  # part of the label (or blank cell) to its left or above
                    else:
                        cells.append(("", column + 1, None))
                        if merged[index, column]:
                            unreadable[column + 1] = merged[index, column]
                else:
                    if merged.get((index, column)):
                        unreadable[column + 1] = merged[index, column]
                        text = ""
                    elif way == "walk" and text != scripted(text) and classify(scripted(text)):
                        unreadable[column + 1] = (
                            f"单元格中的“{shorten(text)}”带有上标或下标（注释标记？），无法确定单元格的数"
                        )
                        text = ""
                    cells.append((text, column + 1, None))
                starts.add(column)
                column += span
            above = starts
            self._builder.row(cells, Location(table=number, table_row=index), unreadable)

    def _error(self, reason: str, location: Location) -> ParseError:
        """An error at ``location``; its line is the one the reading text would have had there."""
        text = self._builder.build().text
        line = text.count("\n") + 2 if text else 1
        return ParseError(reason, line=line, column=1, location=location)


def _merged_values(rows: list[GridRow]) -> dict[tuple[int, int], str]:
    """The cells (row from 1, grid column from 0) of each vertical merge that is a value or
    blank cell (its first cell holds a number, a not-filled mark or nothing), each with why it
    cannot be read, or ``""`` for a blank merge (Word prints nothing in any of its rows).

    Word prints a merged cell's text once across its rows: a value so merged is the value of
    no one row, and each of its cells is refused; a merge holding a label is part of that label.
    """
    if not any(cell[2] for _, row in rows for cell in row):
        return {}
    opened: dict[int, tuple[int, str]] = {}  # grid column → the first row and text of the cell there
    merges: dict[tuple[int, int], tuple[int, str]] = {}  # (column, first row) → last row, text
    above: set[int] = set()
    for index, (before, row) in enumerate(rows, start=1):
        column = before
        starts: set[int] = set()
        for text, span, vertical, horizontal in row:
            if vertical and column in above and column in opened and not horizontal:
                start, first = opened[column]
                merges[column, start] = (index, first)
            elif not horizontal:
                opened[column] = (index, text)
            starts.add(column)
            column += span
        for gone in [at for at in opened if at not in starts]:
            del opened[gone]
        above = starts
    found: dict[tuple[int, int], str] = {}
    for (column, start), (end, text) in merges.items():
        kind = classify(text)
        if kind is None:
            continue  # a label merged over rows
        reason = ""
        if kind != "blank":
            value = shorten(" ".join(text.split()))
            reason = f"“{value}”是跨第{start}至{end}行的合并单元格，Word只印出一次，无法确定它是哪一行的数"
        for index in range(start, end + 1):
            found[index, column] = reason
    return found
