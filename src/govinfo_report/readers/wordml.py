"""WordprocessingML as it is printed: the element names, the blocks of a container, a paragraph's text.

What counts as printed text (ISO/IEC 29500-1, transitional namespace):

* the text of runs (``w:t``); a tab (``w:tab``, ``w:ptab``) as a tab; a line break
  (``w:br``, ``w:cr``) as a new line; a non-breaking hyphen as ``-``; a symbol
  (``w:sym``) as its character;
* through hyperlinks, fields (their result: the field code — ``w:instrText``, and all
  between a complex field's ``begin`` and its ``separate``, a nested field's result
  included — is not read), simple fields, smart tags, custom XML, content controls
  (``w:sdtContent``), inserted (``w:ins``) and moved-here (``w:moveTo``) text, ruby bases,
  math text (``m:t``);
* not: deleted (``w:del``) or moved-away (``w:moveFrom``) text, ruby annotations
  (``w:rt``), hidden runs (``w:vanish`` on the run, else its character style's, else its
  paragraph style's, through ``w:basedOn`` and the document defaults: :class:`RunStyles`),
  properties (``w:pPr``, ``w:rPr`` …);
* raised and lowered text (``w:vertAlign``, resolved as ``w:vanish`` is): its digits as
  superscript or subscript digits (``¹``, ``₁``), so that a note mark never joins a number;
* characters Word does not print are taken out (:func:`printed`, applied by the callers to
  a whole paragraph or cell): soft hyphen, zero-width space, word joiner, BOM;
* ``mc:AlternateContent``: one branch only, the first ``mc:Choice``, else ``mc:Fallback``
  (Word writes a text box twice, as DrawingML and as VML);
* text boxes (``w:txbxContent``) are handed back where they stand, for the caller to
  read as blocks.

A paragraph whose mark is deleted (tracked: ``w:pPr/w:rPr/w:del``) runs on into the next.
List numbers (``w:numPr``) are not in the runs: :mod:`~govinfo_report.readers.docx_numbering`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from .docx_package import Package, W

__all__ = [
    "ALTERNATE",
    "ALT_CHUNK",
    "CELL_DELETED",
    "DELETED",
    "FIELD_CHARACTER",
    "GRID_BEFORE",
    "GRID_SPAN",
    "H_MERGE",
    "MATH_TEXT",
    "NO_STYLES",
    "PPR",
    "RPR",
    "RSTYLE",
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
    "RunStyles",
    "T",
    "blocks",
    "cells",
    "first_child",
    "mark_deleted",
    "paragraph_pieces",
    "printed",
    "qualified",
    "rows",
    "scripted",
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
_STYLE, _STYLE_ID, _TYPE, _DEFAULT, _BASED_ON = (
    _w("style"),
    _w("styleId"),
    _w("type"),
    _w("default"),
    _w("basedOn"),
)
_DOC_DEFAULTS, _RUN_DEFAULTS = _w("docDefaults"), _w("rPrDefault")
_VANISH, _VERT_ALIGN, RSTYLE = _w("vanish"), _w("vertAlign"), _w("rStyle")
FIELD_CHARACTER, _FIELD_CHARACTER_TYPE = _w("fldChar"), _w("fldCharType")
# Raised and lowered text as Unicode writes it (the rest of such text as it is): a note mark
# typed after a number (``160`` and a superscript ``1``) is ``160¹``, not the number 1601.
_SCRIPTS = {
    "": {},
    "superscript": str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾"),
    "subscript": str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"),
}
# Characters Word does not print, typed in a run's text: a soft hyphen (U+00AD, printed only
# where a line is broken at it, which a cell's number or a label never is), zero-width space,
# word joiner, zero-width no-break space (BOM).
# What a styles part must hold for a style to hide or raise text (one search of its bytes).
_STYLED = re.compile(rb"v(?:anish|ertAlign)")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
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


#: A run's formatting that decides what is printed: hidden (``w:vanish``) or not, and
#: ``"superscript"``, ``"subscript"`` or ``""`` (``w:vertAlign``); ``None`` where not set.
Formatting = tuple[bool | None, str | None]


@attrs.frozen
class RunStyles:
    """The styles that hide their text or raise or lower it, resolved once per file.

    Attributes:
        characters: character style id → its formatting (:data:`Formatting`), through
            ``w:basedOn``; only styles that set one of them.
        paragraphs: paragraph style id → the formatting of its runs (its ``w:rPr``, through
            ``w:basedOn``, then the document defaults); only where that differs from ``default``.
        default: the formatting of a paragraph without a style (or with an unknown one): the
            default paragraph style's, then the document defaults (``w:docDefaults``).
    """

    characters: dict[str, Formatting] = attrs.field(factory=dict)
    paragraphs: dict[str, tuple[bool, str]] = attrs.field(factory=dict)
    default: tuple[bool, str] = (False, "")

    def __bool__(self) -> bool:
        return bool(self.characters or self.paragraphs or self.default != (False, ""))

    @classmethod
    def of(cls, package: Package, body: Any) -> RunStyles:
        """The styles of a Word file whose ``body`` uses styles, read from its styles part only
        when that part sets ``w:vanish`` or ``w:vertAlign`` somewhere (most set neither)."""
        if next(body.iter(RSTYLE, PSTYLE), None) is None:
            return NO_STYLES
        data = package.raw("styles")
        if data is None or _STYLED.search(data) is None:
            return NO_STYLES
        root = package.part("styles")
        return _run_styles(root) if root is not None else NO_STYLES


def _run_styles(root: Any) -> RunStyles:
    own: dict[tuple[str, str], tuple[Formatting, str | None]] = {}  # (type, id) → formatting, basedOn
    default_paragraph: str | None = None
    defaults: Formatting = (None, None)
    for element in root:
        if element.tag == _DOC_DEFAULTS:
            run_defaults = first_child(element, _RUN_DEFAULTS)
            properties = first_child(run_defaults, RPR) if run_defaults is not None else None
            defaults = _own_formatting(properties) if properties is not None else defaults
        elif element.tag == _STYLE:
            kind, identifier = element.get(_TYPE) or "paragraph", element.get(_STYLE_ID)
            if identifier is None:
                continue
            properties, based = first_child(element, RPR), first_child(element, _BASED_ON)
            formatting = _own_formatting(properties) if properties is not None else (None, None)
            own[(kind, identifier)] = (formatting, based.get(VAL) if based is not None else None)
            if kind == "paragraph" and (element.get(_DEFAULT) or "").lower() in ("1", "true", "on"):
                default_paragraph = identifier

    def resolved(kind: str, identifier: str | None) -> Formatting:
        hidden: bool | None = None
        script: str | None = None
        seen: set[str] = set()
        while identifier is not None and identifier not in seen and (kind, identifier) in own:
            seen.add(identifier)
            (own_hidden, own_script), identifier = own[(kind, identifier)]
            hidden = own_hidden if hidden is None else hidden
            script = own_script if script is None else script
        return hidden, script

    def complete(formatting: Formatting) -> tuple[bool, str]:
        hidden, script = formatting
        return (
            hidden if hidden is not None else bool(defaults[0]),
            script if script is not None else (defaults[1] or ""),
        )

    default = complete(resolved("paragraph", default_paragraph))
    characters = {}
    paragraphs = {}
    for kind, identifier in own:
        formatting = resolved(kind, identifier)
        if kind == "character" and formatting != (None, None):
            characters[identifier] = formatting
        elif kind == "paragraph" and complete(formatting) != default:
            paragraphs[identifier] = complete(formatting)
    return RunStyles(characters, paragraphs, default)


def _own_formatting(properties: Any) -> Formatting:
    hidden: bool | None = None
    script: str | None = None
    for item in properties:
        if item.tag == _VANISH:
            hidden = (item.get(VAL) or "true").lower() not in _OFF
        elif item.tag == _VERT_ALIGN:
            script = _script(item.get(VAL))
    return hidden, script


#: No style hides or raises text.
NO_STYLES = RunStyles()


_SCRIPTED = re.compile("[" + "".join(chr(c) for table in _SCRIPTS.values() for c in table.values()) + "]")


def scripted(text: str) -> str:
    """``text`` without its raised and lowered characters (superscript and subscript digits …)."""
    return _SCRIPTED.sub("", text)


def printed(text: str) -> str:
    """``text`` without the characters Word does not print (soft hyphens, zero-width spaces …)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def paragraph_pieces(paragraph: Any, styles: RunStyles | None = None) -> tuple[list[Piece], Any | None]:
    """A paragraph's text and text boxes, in order; its properties (``w:pPr``), if any.

    ``styles``: the document's styles that hide text or raise it (:class:`RunStyles`).
    """
    reading = _Reading(styles or NO_STYLES)
    pieces = reading.pieces
    properties = None
    for child in paragraph:
        if child.tag == R:
            reading.run(child)
        elif child.tag == PPR:
            properties = child
            if reading.styles:
                reading.paragraph_style(child)
        else:
            reading.piece(child)
    return pieces, properties


class _Reading:
    """The printed pieces of one paragraph, and what decides them as its runs go by: the
    paragraph style's formatting, and the complex fields open (``w:fldChar``): only a
    field's result is printed, so text is read only while no open field is in its code
    (between its ``begin`` and its ``separate``) — a field nested in another's code is
    part of that code, result included."""

    __slots__ = ("base", "codes", "fields", "pieces", "styles")

    def __init__(self, styles: RunStyles) -> None:
        self.pieces: list[Piece] = []
        self.styles = styles
        self.base = styles.default  # the paragraph style's (hidden, script)
        self.fields: list[bool] = []  # the open fields, innermost last: whether in its code
        self.codes = 0  # how many of them are in their code

    def paragraph_style(self, properties: Any) -> None:
        style = first_child(properties, PSTYLE)
        if style is not None:
            self.base = self.styles.paragraphs.get(style.get(VAL), self.styles.default)

    def inline(self, element: Any) -> None:
        for child in element:
            self.piece(child)

    def piece(self, element: Any) -> None:
        tag = element.tag
        if tag == R:
            self.run(element)
        elif tag == TXBX:
            self.pieces.append(element)
        elif tag == ALTERNATE:
            branch = _branch(element)
            if branch is not None:
                self.inline(branch)
        elif tag == MATH_TEXT:
            if not self.codes:
                self.pieces.append(element.text or "")
        elif _grouping(element):
            self.inline(element)  # hyperlinks, fields, smart tags, content controls, drawings …

    def run(self, run: Any) -> None:
        hidden, script = self.base
        for child in run:
            tag = child.tag
            if tag == T:
                if not (hidden or self.codes):
                    text = child.text or ""
                    self.pieces.append(text.translate(_SCRIPTS[script]) if script else text)
            elif tag in RUN_TEXT:
                if not (hidden or self.codes):
                    self.pieces.append(RUN_TEXT[tag])
            elif tag == RPR:
                hidden, script = self._formatting(child, hidden, script)
            elif tag == FIELD_CHARACTER:
                self._field(child)
            elif tag == _SYM:
                char = child.get(_SYM_CHAR) or ""
                try:
                    if not (hidden or self.codes):
                        self.pieces.append(chr(int(char, 16)))
                except (ValueError, OverflowError):
                    continue
            elif not hidden:
                self.piece(child)  # drawings, pictures, objects: their text boxes

    def _formatting(self, properties: Any, hidden: bool, script: str) -> tuple[bool, str]:
        """A run's (hidden, script): its own ``w:vanish`` and ``w:vertAlign``, else its character
        style's, else the paragraph's."""
        own_hidden: bool | None = None
        own_script: str | None = None
        for item in properties:
            tag = item.tag
            if tag == _VANISH:
                own_hidden = (item.get(VAL) or "true").lower() not in _OFF
            elif tag == _VERT_ALIGN:
                own_script = _script(item.get(VAL))
            elif tag == RSTYLE and self.styles.characters:
                style = self.styles.characters.get(item.get(VAL))
                if style is not None:
                    hidden = style[0] if style[0] is not None else hidden
                    script = style[1] if style[1] is not None else script
        return (
            own_hidden if own_hidden is not None else hidden,
            own_script if own_script is not None else script,
        )

    def _field(self, character: Any) -> None:
        kind = character.get(_FIELD_CHARACTER_TYPE)
        fields = self.fields
        if kind == "begin":
            fields.append(True)
            self.codes += 1
        elif kind == "separate":
            if fields and fields[-1]:
                fields[-1] = False
                self.codes -= 1
        elif kind == "end" and fields and fields.pop():
            self.codes -= 1


def _script(value: str | None) -> str:
    """``"superscript"``, ``"subscript"``, or ``""`` (on the baseline) for a ``w:vertAlign`` value."""
    return value if value in _SCRIPTS else ""


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


def text_of(parent: Any, number: Callable[[Any | None], str], styles: RunStyles | None = None) -> list[str]:
    """The text of each paragraph under ``parent`` (a table cell, a text box), text boxes inline.

    ``number`` gives a paragraph its list number from its properties (``w:pPr``); ``styles``:
    see :func:`paragraph_pieces`.
    """
    lines: list[str] = []
    carry = ""
    for block in blocks(parent):
        if block.tag != P:
            continue  # a table: the caller reads tables (this is for cells of tables without any)
        pieces, properties = paragraph_pieces(block, styles)
        deleted = mark_deleted(properties)
        text = carry if deleted else number(properties) + carry
        for piece in pieces:
            text += (
                piece if isinstance(piece, str) else "\n" + "\n".join(text_of(piece, number, styles)) + "\n"
            )
        if deleted:
            carry = text
        else:
            lines.append(text)
            carry = ""
    if carry:
        lines.append(carry)
    return lines
