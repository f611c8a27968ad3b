"""WordprocessingML as it is printed: the element names, the blocks of a container, a paragraph's text.

What counts as printed text (ISO/IEC 29500-1, transitional namespace):

* the text of runs (``w:t``); a tab (``w:tab``, ``w:ptab``) as a tab; a line break
  (``w:br``, ``w:cr``) as a new line; a non-breaking hyphen as ``-``; a symbol
  (``w:sym``) as its character;
* through hyperlinks, fields (their result: the field code is ``w:instrText``, not
  read), simple fields, smart tags, custom XML, content controls (``w:sdtContent``),
  inserted (``w:ins``) and moved-here (``w:moveTo``) text, ruby bases, math text (``m:t``);
* not: deleted (``w:del``) or moved-away (``w:moveFrom``) text, ruby annotations
  (``w:rt``), hidden runs (``w:vanish``), properties (``w:pPr``, ``w:rPr`` …);
* ``mc:AlternateContent``: one branch only, the first ``mc:Choice``, else ``mc:Fallback``
  (Word writes a text box twice, as DrawingML and as VML);
* text boxes (``w:txbxContent``) are handed back where they stand, for the caller to
  read as blocks.

A paragraph whose mark is deleted (tracked: ``w:pPr/w:rPr/w:del``) runs on into the next.
List numbers (``w:numPr``) are not in the runs: :mod:`~govinfo_report.readers.docx_numbering`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .docx_package import W

__all__ = [
    "ALTERNATE",
    "ALT_CHUNK",
    "CELL_DELETED",
    "DELETED",
    "GRID_BEFORE",
    "GRID_SPAN",
    "H_MERGE",
    "MATH_TEXT",
    "PPR",
    "RPR",
    "RUN_TEXT",
    "TBL",
    "TC",
    "TCPR",
    "TR",
    "TRPR",
    "TXBX",
    "VAL",
    "V_MERGE",
    "P",
    "Piece",
    "R",
    "T",
    "blocks",
    "cells",
    "first_child",
    "mark_deleted",
    "paragraph_pieces",
    "qualified",
    "rows",
    "text_of",
]

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def qualified(name: str) -> str:
    """The lxml tag of WordprocessingML element ``name``, e.g. ``{…/main}p``."""
    return f"{{{W}}}{name}"


_w = qualified
P, R, T, TBL, TR, TC = (_w(name) for name in ("p", "r", "t", "tbl", "tr", "tc"))
PPR, RPR, TRPR, TCPR = (_w(name) for name in ("pPr", "rPr", "trPr", "tcPr"))
TXBX = _w("txbxContent")
ALTERNATE = f"{{{_MC}}}AlternateContent"
MATH_TEXT = f"{{{_M}}}t"
VAL = _w("val")
ALT_CHUNK = _w("altChunk")
DELETED = _w("del")
GRID_SPAN, V_MERGE, H_MERGE = _w("gridSpan"), _w("vMerge"), _w("hMerge")
GRID_BEFORE, CELL_DELETED = _w("gridBefore"), _w("cellDel")
NUM_PR, PSTYLE = _w("numPr"), _w("pStyle")
#: The run content printed as a character of its own.
RUN_TEXT = {_w("tab"): "\t", _w("ptab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}

_CHOICE = f"{{{_MC}}}Choice"
_FALLBACK = f"{{{_MC}}}Fallback"
_SYM, _SYM_CHAR = _w("sym"), _w("char")
_VANISH = _w("vanish")
# Inline content that is not printed: deleted or moved-away text, ruby annotations.
_NOT_PRINTED = frozenset({DELETED, _w("moveFrom"), _w("rt")})
_OFF = frozenset({"0", "false", "off"})

#: What a paragraph is made of: text, and text boxes (``w:txbxContent`` elements) where they stand.
Piece = str | Any


def _grouping(element: Any) -> bool:
    """Whether an element may hold blocks, rows or cells (content controls, custom XML …).

    Properties (``w:sdtPr``, ``w:tblPrEx`` …) and deleted content hold none.
    """
    tag = element.tag
    return (
        isinstance(tag, str)
        and tag not in _NOT_PRINTED
        and not tag.endswith(("Pr", "PrEx"))
        and len(element) > 0
    )


def blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs, tables and embedded documents (``w:altChunk``) of ``parent``, in order."""
    for child in parent:
        tag = child.tag
        if tag in (P, TBL, ALT_CHUNK):
            yield child
        elif tag == ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from blocks(branch)
        elif _grouping(child):
            yield from blocks(child)


def rows(table: Any) -> Iterator[Any]:
    """The rows of a table, in order."""
    for child in table:
        if child.tag == TR:
            yield child
        elif _grouping(child):
            yield from rows(child)


def cells(row: Any) -> Iterator[Any]:
    """The cells of a row, in order."""
    for child in row:
        if child.tag == TC:
            yield child
        elif _grouping(child):
            yield from cells(child)


def _branch(alternate: Any) -> Any | None:
    """The one branch of ``mc:AlternateContent`` that is read: the first choice, else the fallback."""
    branch = alternate.find(_CHOICE)
    return branch if branch is not None else alternate.find(_FALLBACK)


def paragraph_pieces(paragraph: Any) -> tuple[list[Piece], Any | None]:
    """A paragraph's text and text boxes, in order; its properties (``w:pPr``), if any."""
    pieces: list[Piece] = []
    properties = None
    for child in paragraph:
        if child.tag == R:
            _run(child, pieces)
        elif child.tag == PPR:
            properties = child
        else:
            _piece(child, pieces)
    return pieces, properties


def _inline(element: Any, pieces: list[Piece]) -> None:
    for child in element:
        _piece(child, pieces)


def _piece(element: Any, pieces: list[Piece]) -> None:
    tag = element.tag
    if tag == R:
        _run(element, pieces)
    elif tag == TXBX:
        pieces.append(element)
    elif tag == ALTERNATE:
        branch = _branch(element)
        if branch is not None:
            _inline(branch, pieces)
    elif tag == MATH_TEXT:
        pieces.append(element.text or "")
    elif _grouping(element):
        _inline(element, pieces)  # hyperlinks, fields, smart tags, content controls, drawings …


def _run(run: Any, pieces: list[Piece]) -> None:
    for child in run:
        tag = child.tag
        if tag == T:
            pieces.append(child.text or "")
        elif tag in RUN_TEXT:
            pieces.append(RUN_TEXT[tag])
        elif tag == RPR:
            if _hidden(child):
                return  # hidden text is not printed
        elif tag == _SYM:
            char = child.get(_SYM_CHAR) or ""
            try:
                pieces.append(chr(int(char, 16)))
            except (ValueError, OverflowError):
                continue
        else:
            _piece(child, pieces)  # drawings, pictures, objects: their text boxes


# Properties are read by walking the children: lxml's find() costs more than the walk.


def first_child(element: Any, tag: str) -> Any | None:
    """The first child of ``element`` with ``tag``, or ``None``."""
    for item in element:
        if item.tag == tag:
            return item
    return None


def mark_deleted(properties: Any | None) -> bool:
    """Whether a paragraph's properties (``w:pPr``) say its mark is deleted (``w:rPr/w:del``)."""
    for child in properties if properties is not None else ():
        if child.tag == RPR:
            return any(item.tag == DELETED for item in child)
    return False


def _hidden(properties: Any) -> bool:
    """Whether a run's properties (``w:rPr``) hide it (``<w:vanish/>``, not ``w:val="false"``)."""
    for item in properties:
        if item.tag == _VANISH:
            return (item.get(VAL) or "true").lower() not in _OFF
    return False


def text_of(parent: Any, number: Callable[[Any | None], str]) -> list[str]:
    """The text of each paragraph under ``parent`` (a table cell, a text box), text boxes inline.

    ``number`` gives a paragraph its list number from its properties (``w:pPr``).
    """
    lines: list[str] = []
    carry = ""
    for block in blocks(parent):
        if block.tag != P:
            continue  # a table: the caller reads tables (this is for cells of tables without any)
        pieces, properties = paragraph_pieces(block)
        deleted = mark_deleted(properties)
        text = carry if deleted else number(properties) + carry
        for piece in pieces:
            text += piece if isinstance(piece, str) else "\n" + "\n".join(text_of(piece, number)) + "\n"
        if deleted:
            carry = text
        else:
            lines.append(text)
            carry = ""
    if carry:
        lines.append(carry)
    return lines
