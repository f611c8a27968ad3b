"""A Word document's body, walked in document order into a :class:`DocumentBuilder`.

What is read (WordprocessingML, ISO/IEC 29500 part 1), and how:

* **Blocks**: the body's paragraphs (``w:p``) and tables (``w:tbl``) in document
  order, also inside content controls (``w:sdt``), custom XML and markup
  compatibility blocks (``mc:AlternateContent``: one branch only, the first
  ``mc:Choice``, else ``mc:Fallback``).
* **Paragraph text**: the text of its runs (``w:t``); tabs as a tab, line breaks
  (``w:br``, ``w:cr``) as a new line; inside hyperlinks, fields (their result,
  not their code), smart tags, content controls, inserted text (``w:ins``) and
  ruby bases.  Deleted text (``w:del``, ``w:moveFrom``), field codes, ruby
  annotations and hidden runs (``w:vanish``) are not printed and not read.  A
  paragraph whose mark was deleted (tracked) runs on into the next one.
* **Text boxes** (``w:txbxContent``) are read where they stand: the paragraph
  they are anchored in is cut there, and the box's paragraphs and tables come
  in between.  Their paragraphs take the location of that paragraph.
* **Tables**: each row's cells on the table grid, from the raw ``w:tc``
  elements: a cell spanning columns (``w:gridSpan``) is one cell at its first
  column; a cell continuing a vertical merge (``w:vMerge``) is part of the cell
  above and is not passed again; ``w:gridBefore`` counts in the column
  position.  A cell's paragraphs are joined by line breaks (the document
  builder turns them into spaces).  Deleted rows (tracked) are left out.
* **Layout tables**: a table holding a table is layout, not a table of the
  report: its cells are read, row by row, as blocks (their paragraphs are body
  paragraphs, their tables tables).

Locations, counted from 1 as a person counts them in Word: ``paragraph`` — the
n-th paragraph of the body in document order, empty paragraphs included,
paragraphs in table cells and text boxes not (those in the cells of a layout
table are); ``table`` — the n-th table that is read as a table (layout tables
are not counted); ``table_row`` — the row of that table; ``table_column`` —
the grid column the cell starts in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Location, ParseError, shorten
from .document import DocumentBuilder
from .docx_package import W

__all__ = ["BodyReader"]

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _R, _T, _TBL, _TR, _TC = (_w(name) for name in ("p", "r", "t", "tbl", "tr", "tc"))
_PPR, _RPR, _TRPR, _TCPR = (_w(name) for name in ("pPr", "rPr", "trPr", "tcPr"))
_TXBX = _w("txbxContent")
_ALTERNATE = f"{{{_MC}}}AlternateContent"
_CHOICE = f"{{{_MC}}}Choice"
_FALLBACK = f"{{{_MC}}}Fallback"
_MATH_TEXT = f"{{{_M}}}t"
_VAL = _w("val")
_ALT_CHUNK = _w("altChunk")
# Elements around blocks, rows or cells that only group them.
_GROUPS = frozenset(_w(name) for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"))
# Inline content that is not printed: deleted or moved-away text, ruby annotations.
_NOT_PRINTED = frozenset(_w(name) for name in ("del", "moveFrom", "rt"))
_RUN_TEXT = {_w("tab"): "\t", _w("ptab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}
_SYM, _SYM_CHAR = _w("sym"), _w("char")
_VANISH = _w("vanish")
_DELETED = _w("del")
_GRID_SPAN, _V_MERGE, _H_MERGE = _w("gridSpan"), _w("vMerge"), _w("hMerge")
_GRID_BEFORE, _CELL_DELETED = _w("gridBefore"), _w("cellDel")
_OFF = frozenset({"0", "false", "off"})

# What a paragraph is made of: text, and text boxes (``w:txbxContent`` elements) where they stand.
Piece = str | Any


class BodyReader:
    """Reads a body's blocks into a document builder, counting paragraphs and tables.

    Args:
        builder: where the lines go.
    """

    def __init__(self, builder: DocumentBuilder) -> None:
        self._builder = builder
        self._paragraphs = 0
        self._tables = 0
        self._last = Location(paragraph=1)  # the paragraph last read, for text run on from it

    def read(self, body: Any) -> None:
        """Read the body (``w:body``), or any element holding blocks."""
        self._blocks(body, None)

    def _blocks(self, parent: Any, anchor: Location | None) -> None:
        """Paragraphs and tables; ``anchor`` is the location of the paragraph a text box stands in."""
        carry = ""  # the text of a paragraph whose mark was deleted: it runs on into the next one
        for block in _blocks(parent):
            if block.tag == _P:
                carry = self._paragraph(block, anchor, carry)
                continue
            if carry:
                self._builder.paragraph(carry, self._last)
                carry = ""
            if block.tag == _TBL:
                self._table(block, anchor)
            else:
                raise self._error(
                    "此处嵌入了另一份文档（altChunk），本库不能读取；请用Word打开后“另存为”.docx文件再读取",
                    anchor or Location(paragraph=self._paragraphs + 1),
                )
        if carry:
            self._builder.paragraph(carry, self._last)

    def _paragraph(self, paragraph: Any, anchor: Location | None, carry: str) -> str:
        """Write a paragraph; the text left to run on into the next one (its mark deleted), or ``""``."""
        if anchor is None:
            self._paragraphs += 1
            location = Location(paragraph=self._paragraphs)
        else:
            location = anchor
        self._last = location
        text = carry
        for piece in _pieces(paragraph):
            if isinstance(piece, str):
                text += piece
            else:  # a text box, read where it stands
                self._builder.paragraph(text, location)
                text = ""
                self._blocks(piece, location)
        if _mark_deleted(paragraph):
            return text
        self._builder.paragraph(text, location)
        return ""

    def _table(self, table: Any, anchor: Location | None) -> None:
        if table.find(f".//{_TBL}") is not None:  # a table holding tables is layout
            for row in _rows(table):
                for cell in _cells(row):
                    self._blocks(cell, anchor)
            return
        self._tables += 1
        number = self._tables
        above: set[int] = set()  # the grid columns where cells of the row above start
        for index, row in enumerate(_rows(table), start=1):
            row_location = Location(table=number, table_row=index, table_column=1)
            column = _int(row.find(f"{_TRPR}/{_GRID_BEFORE}"), 0)
            starts: set[int] = set()
            cells: list[tuple[str, Location]] = []
            for cell in _cells(row):
                properties = cell.find(_TCPR)
                span, continued = 1, False
                if properties is not None:
                    span = max(_int(properties.find(_GRID_SPAN), 1), 1)
                    continued = (_continues(properties.find(_V_MERGE)) and column in above) or _continues(
                        properties.find(_H_MERGE)
                    )
                location = Location(table=number, table_row=index, table_column=column + 1)
                text = _cell_text(cell)
                if continued:
                    if text.strip():
                        raise self._error(
                            f"单元格是上方单元格纵向合并的一部分，却另有文字“{shorten(text)}”，无法确定它属于哪个单元格",
                            location,
                        )
                else:
                    cells.append((text, location))
                starts.add(column)
                column += span
            above = starts
            self._builder.row(cells, row_location)

    def _error(self, reason: str, location: Location) -> ParseError:
        """An error at ``location``; its line is the one the reading text would have had there."""
        text = self._builder.build().text
        line = text.count("\n") + 2 if text else 1
        return ParseError(reason, line=line, column=1, location=location)


def _blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs, tables and embedded documents of ``parent``, through grouping elements."""
    for child in parent:
        tag = child.tag
        if tag in (_P, _TBL, _ALT_CHUNK):
            yield child
        elif tag in _GROUPS:
            yield from _blocks(child)
        elif tag == _ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _blocks(branch)


def _rows(table: Any) -> Iterator[Any]:
    """The rows of a table that are not deleted (tracked), through grouping elements."""
    for child in table:
        if child.tag == _TR:
            if child.find(f"{_TRPR}/{_DELETED}") is None:
                yield child
        elif child.tag in _GROUPS:
            yield from _rows(child)


def _cells(row: Any) -> Iterator[Any]:
    """The cells of a row that are not deleted (tracked), through grouping elements."""
    for child in row:
        if child.tag == _TC:
            if child.find(f"{_TCPR}/{_CELL_DELETED}") is None:
                yield child
        elif child.tag in _GROUPS:
            yield from _cells(child)


def _branch(alternate: Any) -> Any | None:
    """The one branch of ``mc:AlternateContent`` that is read: the first choice, else the fallback."""
    branch = alternate.find(_CHOICE)
    return branch if branch is not None else alternate.find(_FALLBACK)


def _pieces(paragraph: Any) -> list[Piece]:
    pieces: list[Piece] = []
    _inline(paragraph, pieces)
    return pieces


def _inline(element: Any, pieces: list[Piece]) -> None:
    """The printed text under ``element``, and its text boxes where they stand."""
    for child in element:
        _piece(child, pieces)


def _piece(element: Any, pieces: list[Piece]) -> None:
    tag = element.tag
    if tag == _R:
        _run(element, pieces)
    elif tag == _TXBX:
        pieces.append(element)
    elif tag == _ALTERNATE:
        branch = _branch(element)
        if branch is not None:
            _inline(branch, pieces)
    elif tag == _MATH_TEXT:
        pieces.append(element.text or "")
    elif tag in _NOT_PRINTED or not isinstance(tag, str) or tag.endswith("Pr"):
        return  # properties (pPr, rPr, sdtPr …) hold no text
    elif len(element):
        _inline(element, pieces)  # hyperlinks, fields, smart tags, content controls, drawings …


def _run(run: Any, pieces: list[Piece]) -> None:
    for child in run:
        tag = child.tag
        if tag == _T:
            pieces.append(child.text or "")
        elif tag in _RUN_TEXT:
            pieces.append(_RUN_TEXT[tag])
        elif tag == _RPR:
            if _on(child.find(_VANISH)):
                return  # hidden text is not printed
        elif tag == _SYM:
            char = child.get(_SYM_CHAR) or ""
            try:
                pieces.append(chr(int(char, 16)))
            except (ValueError, OverflowError):
                continue
        else:
            _piece(child, pieces)  # drawings, pictures, objects: their text boxes


def _mark_deleted(paragraph: Any) -> bool:
    return paragraph.find(f"{_PPR}/{_RPR}/{_DELETED}") is not None


def _cell_text(cell: Any) -> str:
    """A cell's text: its paragraphs (and text boxes) on lines of their own."""
    return "\n".join(_block_texts(cell))


def _block_texts(parent: Any) -> list[str]:
    lines: list[str] = []
    carry = ""
    for block in _blocks(parent):
        if block.tag != _P:
            continue  # not in a table that is read as a table (a table holding tables is layout)
        text = carry
        for piece in _pieces(block):
            text += piece if isinstance(piece, str) else "\n" + "\n".join(_block_texts(piece)) + "\n"
        if _mark_deleted(block):
            carry = text
        else:
            lines.append(text)
            carry = ""
    if carry:
        lines.append(carry)
    return lines


def _on(element: Any | None) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``w:val="true"``) is set."""
    return element is not None and (element.get(_VAL) or "true").lower() not in _OFF


def _int(element: Any | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(_VAL) or default)
    except ValueError:
        return default


def _continues(merge: Any | None) -> bool:
    """Whether a ``w:vMerge``/``w:hMerge`` continues a merged cell (rather than starting one)."""
    return merge is not None and (merge.get(_VAL) or "continue") != "restart"
