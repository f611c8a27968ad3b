"""A page as a person reads it: paragraphs and tables, in document order.

The block structure of HTML decides where lines break: each ``<p>``,
``<h1>``–``<h6>``, ``<div>``, ``<li>``, table cell … starts a new paragraph,
and so does ``<br>``; inline elements (``<span>``, ``<font>``, ``<b>``,
``<strong>``, Word's ``<o:p>`` …) run on without a space, so that a label or a
number split across runs (``2`` + ``0``) is read whole.  White space is
collapsed as a browser does (CSS Text 3): a run of spaces, tabs and line breaks
is one space, and a line break between two wide (CJK) characters is nothing;
``&nbsp;`` is a space; a paragraph's white space at both ends is layout.
Inside ``<pre>`` every line is a paragraph.

Hidden markup is not read: ``<script>``, ``<style>``, ``<noscript>``,
``<template>``, form controls, embedded objects, the ``hidden`` attribute and
``display: none`` (:mod:`govinfo_report.readers.html_style`).  Comments and
processing instructions are dropped by the parser.

A table whose cells hold other tables is a layout table: its cells are read
as blocks like any ``<div>``.  Every other table is collected as a
:class:`Table` (rows of cells, each cell's paragraphs and spans); whether it
is a report table, a layout table after all (a cell holding a whole page of
text) or the page's metadata table is decided later
(:mod:`govinfo_report.readers.html_region`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import attrs
from lxml import etree

from .html_grid import span
from .html_style import Displays

__all__ = ["Block", "Cell", "Paragraph", "Row", "Table", "collapse", "read_blocks", "source_line"]

#: Elements that start and end a paragraph (the block and table elements of HTML).
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "html",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "plaintext",
        "pre",
        "section",
        "summary",
        "ul",
        "xmp",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    ]
)
#: Elements whose content a reader of the page does not see as text.
SKIPPED_TAGS = frozenset(
    [
        "head",
        "title",
        "meta",
        "link",
        "base",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "noframes",
        "object",
        "embed",
        "applet",
        "param",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
        "select",
        "option",
        "optgroup",
        "datalist",
        "textarea",
        "button",
        "input",
        "xml",
    ]
)
_TABLE_PARTS = frozenset(["table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col"])
_SECTIONS = frozenset(["thead", "tbody", "tfoot"])
#: Blocks read whole when they hold inline text only: a paragraph, or a block of a plain table's cell.
_WHOLE_BLOCKS = BLOCK_TAGS - _TABLE_PARTS - {"pre", "listing", "plaintext", "xmp"}
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_HAS_SPACE = re.compile(r"[ \t\n\r\f]")
_EDGE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_EDGES = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")

_BLOCK, _LINK, _TABLE, _ROW, _CELL, _PRE, _GROUP = 1, 2, 4, 8, 16, 32, 64


@attrs.define
class Paragraph:
    """A line of the page: its text, source line, the block element it is in, its characters in links."""

    text: str
    line: int
    element: etree._Element | None
    links: int = 0


@attrs.define
class Cell:
    """A table cell: its paragraphs, where it starts and what it spans."""

    element: etree._Element
    line: int
    rowspan: int
    colspan: int
    paragraphs: list[Paragraph] = attrs.Factory(list)

    @property
    def text(self) -> str:
        """The cell's text, its paragraphs on lines of their own."""
        paragraphs = self.paragraphs
        if len(paragraphs) == 1:
            return paragraphs[0].text
        return "\n".join([paragraph.text for paragraph in paragraphs])


@attrs.define
class Row:
    """A table row (``<tr>``), its cells left to right as written."""

    line: int
    cells: list[Cell] = attrs.Factory(list)


@attrs.define
class Table:
    """A table without tables inside it: rows of cells, and any text outside the cells."""

    element: etree._Element
    line: int
    rows: list[Row] = attrs.Factory(list)
    stray: list[Paragraph] = attrs.Factory(list)

    def cells(self) -> Iterator[Cell]:
        """Every cell, row by row."""
        for row in self.rows:
            yield from row.cells

    def paragraphs(self) -> list[Paragraph]:
        """Everything the table holds as paragraphs (for a table read as a layout)."""
        return [*self.stray, *(paragraph for cell in self.cells() for paragraph in cell.paragraphs)]


Block = Paragraph | Table


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F") and not _HANGUL.match(char)


def collapse(raw: str) -> str:
    """Inline text as a browser shows it (see the module's docstring), stripped."""
    if raw.isalnum():  # a number or a word: nothing to do (the common table cell)
        return raw

    def space(match: re.Match[str]) -> str:
        run = match.group()
        start, end = match.span()
        broken = "\n" in run or "\r" in run
        if broken and start > 0 and end < len(raw) and _wide(raw[start - 1]) and _wide(raw[end]):
            return ""
        return " "

    text = _SPACE_RUN.sub(space, raw) if _HAS_SPACE.search(raw) else raw
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    if text and (
        text[0] in _EDGE_CHARS or text[-1] in _EDGE_CHARS or text[0].isspace() or text[-1].isspace()
    ):
        text = _EDGES.sub("", text)
    return text


def _contact(link: etree._Element) -> bool:
    """Whether a link is a telephone number or an e-mail address: text of the report
    (``联系电话：<a href="tel:…">…</a>``), not the site's navigation."""
    return (link.get("href") or "").lstrip()[:7].lower().startswith(("tel:", "mailto:"))


def source_line(element: etree._Element) -> int:
    """The line of the page where an element starts (0 when lxml does not know)."""
    return element.sourceline or 0


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _inline_text(element: etree._Element) -> str:
    """All the text inside an element (not its tail), in one call to lxml."""
    if not len(element):
        return element.text or ""
    text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
    assert isinstance(text, str)
    return text


def _nesting_tables(root: etree._Element) -> set[etree._Element]:
    """The tables that hold other tables (each found once: linear in the page)."""
    found: set[etree._Element] = set()
    for table in root.iter("table"):
        node = table.getparent()
        while node is not None:
            if node.tag == "table":
                if node in found:
                    break
                found.add(node)
            node = node.getparent()
    return found


def _group_place(tag: str, seen: set[str]) -> int:
    """Where a row group's rows are shown: the first ``<thead>`` above the others (0), the
    first ``<tfoot>`` below them (2), wherever they are written; any other group in place (1)."""
    if tag in ("thead", "tfoot") and tag not in seen:
        seen.add(tag)
        return 0 if tag == "thead" else 2
    return 1


def _shown_order(rows: list[Row], places: list[int]) -> list[Row]:
    """The rows in the order a browser shows them (``places``: each row's, :func:`_group_place`)."""
    if all(place == 1 for place in places):
        return rows
    order = sorted(range(len(rows)), key=places.__getitem__)
    return [rows[index] for index in order]


class _Frame:
    """A table being collected."""

    def __init__(self, element: etree._Element) -> None:
        self.table = Table(element, source_line(element))
        self.places: list[int] = []  # each row's (see _group_place)
        self.place = 1  # the open row group's
        self.groups: set[str] = set()

    def start_group(self, tag: str) -> None:
        self.place = _group_place(tag, self.groups)

    def start_row(self, element: etree._Element) -> None:
        self.table.rows.append(Row(source_line(element)))
        self.places.append(self.place)

    def finish(self) -> Table:
        """The table collected, its rows in the order shown."""
        self.table.rows = _shown_order(self.table.rows, self.places)
        return self.table

    def start_cell(self, element: etree._Element) -> Cell:
        if not self.table.rows:  # a cell outside any <tr>
            self.start_row(element)
        cell = Cell(
            element,
            source_line(element),
            span(element.get("rowspan"), limit=65534, zero=0),
            span(element.get("colspan"), limit=1000),
        )
        self.table.rows[-1].cells.append(cell)
        return cell


class _Walker:
    """One walk over the page.

    Only the elements that matter to the block structure are visited one by one:
    blocks, table parts, line breaks, links, hidden and restyled elements, and
    the elements holding them.  Any other element holds inline text only, which
    is taken whole (in C, by lxml) — the bulk of a Word page's ``<span>`` runs.
    """

    def __init__(self, root: etree._Element, displays: Displays, *, quick: bool = True) -> None:
        self.out: list[Block] = []
        self._hidden = set(displays.hidden)
        self._block = displays.block
        self._inline = displays.inline
        self._nesting = _nesting_tables(root)
        self._visited, self._inner = _structure(root, displays)
        # Where paragraphs go: a cell, a table outside its cells, or (None) the page.
        self._sink: list[Paragraph] | None = None
        self._pieces: list[str] = []
        self._line = 0
        self._anchor: etree._Element | None = None
        self._anchors: list[etree._Element] = []
        self._links = 0
        self._in_link = 0
        self._pre = 0
        self._frame: _Frame | None = None
        self._quick = quick

    def walk(self, root: etree._Element) -> None:
        visited, inner, hidden, inline = self._visited, self._inner, self._hidden, self._inline
        quick = self._quick
        entered: list[int | None] = []  # the flags of each open element; None: not entered
        events = etree.iterwalk(root, events=("start", "end"))
        for event, element in events:
            if event == "end":
                flags = entered.pop()
                if flags is not None:
                    self._leave(flags)
                if element.tail:
                    self._text(element.tail, element)
                continue
            if element not in visited:  # inline text only: taken whole
                events.skip_subtree()
                entered.append(None)
                if isinstance(element.tag, str):
                    self._text(_inline_text(element), element)
                continue
            if (
                quick
                and element not in inner
                and element.tag in _WHOLE_BLOCKS
                and not self._pre
                and element not in hidden
                and element not in inline
            ):  # a paragraph (a block holding inline text only), read without entering it
                self._boundary()
                events.skip_subtree()
                entered.append(None)
                self._paragraph(_inline_text(element), element)
                continue
            flags = self._enter(element)
            entered.append(flags)
            if flags is None:
                events.skip_subtree()
            elif flags & _TABLE and quick and not self._pre and self._plain_table(element):
                events.skip_subtree()  # read at once
            elif element not in inner:  # holds inline text only: taken whole
                events.skip_subtree()
                if flags & (_BLOCK | _CELL) and not flags & _LINK and not self._pre:
                    self._paragraph(_inline_text(element), element)
                else:
                    self._text(_inline_text(element), element)
            elif element.text:
                self._text(element.text, element)
        self._boundary()

    def _enter(self, element: etree._Element) -> int | None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS or element in self._hidden:
            return None
        if tag in ("br", "hr"):
            self._boundary()
            return None
        flags = 0
        frame = self._frame
        if frame is not None and tag == "tr":
            self._boundary()
            frame.start_row(element)
            flags |= _ROW
        elif frame is not None and tag in ("td", "th"):
            self._boundary()
            self._sink = frame.start_cell(element).paragraphs
            flags |= _CELL
        elif tag == "table" and frame is None and element not in self._nesting:
            self._boundary()
            self._frame = _Frame(element)
            self._sink = self._frame.table.stray
            flags |= _TABLE
        elif (
            tag in _TABLE_PARTS
            or (tag in BLOCK_TAGS and element not in self._inline)
            or element in self._block
        ):
            self._boundary()
            flags |= _BLOCK
            if frame is not None and tag in _SECTIONS:
                frame.start_group(tag)
                flags |= _GROUP
        if flags:
            self._anchors.append(element)
        if tag == "a" and not _contact(element):
            self._in_link += 1
            flags |= _LINK
        if tag in ("pre", "listing", "plaintext", "xmp"):
            self._pre += 1
            flags |= _PRE
        return flags

    def _leave(self, flags: int) -> None:
        if flags & (_BLOCK | _ROW | _CELL | _TABLE):
            self._boundary()
            self._anchors.pop()
        if flags & _CELL:
            assert self._frame is not None
            self._sink = self._frame.table.stray
        if flags & _GROUP:
            assert self._frame is not None
            self._frame.place = 1
        if flags & _TABLE:
            assert self._frame is not None
            self.out.append(self._frame.finish())
            self._frame = None
            self._sink = None
        if flags & _LINK:
            self._in_link -= 1
        if flags & _PRE:
            self._pre -= 1

    def _text(self, text: str | None, element: etree._Element) -> None:
        if not text:
            return
        if self._pre and ("\n" in text or "\r" in text):
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for index, line in enumerate(lines):
                if index:
                    self._boundary()
                self._add(line, element)
            return
        self._add(text, element)

    def _add(self, text: str, element: etree._Element) -> None:
        if self._anchor is None and text and not text.isspace():
            self._line = source_line(element)
            self._anchor = self._anchors[-1] if self._anchors else element
        self._pieces.append(text)
        if self._in_link:
            self._links += len(text.strip())

    def _paragraph(self, raw: str, element: etree._Element) -> None:
        """A block element's whole text, entered just now (nothing is pending): one paragraph."""
        text = collapse(raw) if raw else ""
        if text:
            paragraph = Paragraph(text, source_line(element), element)
            if self._sink is None:
                self.out.append(paragraph)
            else:
                self._sink.append(paragraph)

    def _plain_table(self, element: etree._Element) -> bool:
        """Read a plain table whole, just entered; ``False``, having read nothing, if it is not plain.

        A plain table holds nothing but (sections of) rows of cells, and column
        elements, with only white space between them; no part of it is hidden; each
        cell holds inline text only, or blocks holding inline text only.  The walk
        would read it so (one paragraph per cell or block, the white space between
        them layout): here it is read in one loop, without visiting each part.
        """
        if not _blank(element.text):
            return False
        rows: list[Row] = []
        places: list[int] = []
        groups: set[str] = set()
        for part in element:
            tag = part.tag
            if not _blank(part.tail) or part in self._hidden:
                return False
            if tag == "tr":
                if not self._plain_row(part, rows):
                    return False
                places.append(1)
            elif tag in _SECTIONS or tag == "colgroup":
                if not _blank(part.text):
                    return False
                place = _group_place(tag, groups)
                for child in part:
                    if not _blank(child.tail) or child in self._hidden:
                        return False
                    if child.tag == "tr" and tag != "colgroup":
                        if not self._plain_row(child, rows):
                            return False
                        places.append(place)
                    elif child.tag != "col" or len(child) or not _blank(child.text):
                        return False
            elif tag != "col" or len(part) or not _blank(part.text):
                return False
        assert self._frame is not None
        self._frame.table.rows = _shown_order(rows, places)
        return True

    def _plain_row(self, tr: etree._Element, rows: list[Row]) -> bool:
        """A row of a plain table appended to ``rows``; ``False`` if the row is not plain."""
        if not _blank(tr.text):
            return False
        hidden, inner = self._hidden, self._inner
        cells: list[Cell] = []
        # The walk's steps for each cell, written out: the loop runs for every cell of the page.
        for element in tr:
            tag = element.tag
            tail = element.tail
            if (tag != "td" and tag != "th") or (tail and not tail.isspace()) or element in hidden:
                return False
            line = element.sourceline or 0
            paragraphs: list[Paragraph] = []
            if element in inner:  # blocks, each holding inline text only
                if not _blank(element.text):
                    return False
                for block in element:
                    if (
                        block.tag not in _WHOLE_BLOCKS
                        or block in inner
                        or block in hidden
                        or block in self._inline
                        or not _blank(block.tail)
                    ):
                        return False
                    text = collapse(_inline_text(block))
                    if text:
                        paragraphs.append(Paragraph(text, block.sourceline or 0, block))
            else:
                raw = element.text if not len(element) else _inline_text(element)
                if raw:
                    text = raw if raw.isalnum() else collapse(raw)
                    if text:
                        paragraphs.append(Paragraph(text, line, element))
            rowspan, colspan = element.get("rowspan"), element.get("colspan")
            cells.append(
                Cell(
                    element,
                    line,
                    1 if rowspan is None else span(rowspan, limit=65534, zero=0),
                    1 if colspan is None else span(colspan, limit=1000),
                    paragraphs,
                )
            )
        rows.append(Row(tr.sourceline or 0, cells))
        return True

    def _boundary(self) -> None:
        if not self._pieces:
            return
        if self._anchor is not None:
            text = collapse("".join(self._pieces))
            if text:
                paragraph = Paragraph(text, self._line, self._anchor, self._links)
                if self._sink is None:
                    self.out.append(paragraph)
                else:
                    self._sink.append(paragraph)
        self._pieces = []
        self._anchor = None
        self._links = 0


# What the walk visits one by one (with what holds them): see _Walker.
_STRUCTURE_TAGS = tuple(BLOCK_TAGS | SKIPPED_TAGS | _TABLE_PARTS | {"br", "hr", "a"})


def _structure(root: etree._Element, displays: Displays) -> tuple[set[etree._Element], set[etree._Element]]:
    """The elements the walk visits one by one, and those of them that hold another such element."""
    visited: set[etree._Element] = {root}
    inner: set[etree._Element] = set()
    restyled = [*displays.hidden, *displays.block, *displays.inline]
    for element in [*root.iter(*_STRUCTURE_TAGS), *restyled]:
        visited.add(element)
        node = element.getparent()
        while node is not None:
            inner.add(node)
            if node in visited:
                break
            visited.add(node)
            node = node.getparent()
    return visited, inner


def read_blocks(root: etree._Element, displays: Displays | None = None, *, quick: bool = True) -> list[Block]:
    """The page's paragraphs and tables (tables holding tables read as blocks), in document order.

    ``displays``: what the page's styles hide or restyle (:func:`~.html_style.displays`).
    ``quick=False`` enters every block and visits every part of every table (the reference
    the quicker readings of paragraphs and plain tables are tested against).
    """
    body = next(root.iter("body"), None)
    walker = _Walker(root, displays or Displays(), quick=quick)
    walker.walk(body if body is not None else root)
    return walker.out
