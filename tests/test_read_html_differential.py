"""The quicker readings of a web page against the plain ones they replace: the same result, always.

* paragraphs and plain tables read whole (``read_blocks``) against the walk that
  enters every block and visits every part of a table (``quick=False``), on every
  page of the fixtures and on generated reports rendered to HTML, with markup
  edits that make a paragraph or a table plain or not (white space, stray text,
  hidden or restyled paragraphs and cells, blocks, links and line breaks inside
  cells, spans, cells outside rows …);
* ``DocumentBuilder.row``, ``table_kind`` and ``grid_columns`` against the
  algorithms they replaced, written out here as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import govinfo_report as gr
from govinfo_report.errors import Location, ParseError, shorten
from govinfo_report.model import Source
from govinfo_report.readers import html as html_reader
from govinfo_report.readers.document import SEPARATOR, DocumentBuilder
from govinfo_report.readers.html_blocks import Block, Cell, Paragraph, Row, Table, _Walker, read_blocks
from govinfo_report.readers.html_decode import archive_page, decode_page, page_text
from govinfo_report.readers.html_grid import MAX_AREA, GridTooLarge, grid_columns
from govinfo_report.readers.html_meta import is_field_text, is_key
from govinfo_report.readers.html_region import heading_number, table_kind
from govinfo_report.readers.html_style import displays
from govinfo_report.testing import reports
from govinfo_report.values import EMPTY, classify

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(
    path
    for folder in ("html", "web2", "audit", "real")
    for path in (FIXTURES / folder).iterdir()
    if path.suffix.lower() in (".html", ".htm", ".mht", ".mhtml")
)


# ---------------------------------------------------------------------------
# Paragraphs and plain tables read whole


def _root(data: bytes, mhtml: bool = False) -> tuple[Any, str]:
    declared = None
    if mhtml:
        data, declared = archive_page(data)
    text = decode_page(data, None, declared)
    return html_reader._tree(etree, text), text


def _paragraph(paragraph: Paragraph, path: Callable[[Any], str]) -> tuple[object, ...]:
    element = path(paragraph.element) if paragraph.element is not None else None
    return (paragraph.text, paragraph.line, element, paragraph.links)


def _cell(cell: Cell, path: Callable[[Any], str]) -> tuple[object, ...]:
    paragraphs = [_paragraph(p, path) for p in cell.paragraphs]
    return (path(cell.element), cell.line, cell.rowspan, cell.colspan, paragraphs)


def _dump(blocks: Sequence[Block], root: Any) -> list[tuple[object, ...]]:
    """Everything a block says, elements named by their path in the page."""
    path = root.getroottree().getpath
    found: list[tuple[object, ...]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(("paragraph", *_paragraph(block, path)))
            continue
        rows = [(row.line, [_cell(cell, path) for cell in row.cells]) for row in block.rows]
        stray = [_paragraph(p, path) for p in block.stray]
        found.append(("table", path(block.element), block.line, rows, stray))
    return found


def _both(data: bytes, mhtml: bool = False) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    root, text = _root(data, mhtml)
    assert root is not None
    shown = displays(root, html_reader._Head(root).sheets, text)
    whole = read_blocks(root, shown)
    visited = read_blocks(root, shown, quick=False)
    return _dump(whole, root), _dump(visited, root)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_fixture_pages_read_the_same_read_quickly(page: Path) -> None:
    whole, visited = _both(page.read_bytes(), mhtml=page.suffix.lower() in (".mht", ".mhtml"))
    assert whole == visited
    assert any(block[0] == "table" for block in visited) or page.suffix.lower() in (".mht", ".mhtml")


_CELL = re.compile(r"(<t[dh][^>]*>)(.*?)(</t[dh]>)")

#: Markup edits: each keeps a table plain or makes it not plain, in one of the ways the walk knows.
EDITS: dict[str, Callable[[str], str]] = {
    "space between cells": lambda h: h.replace("<td", "\n  <td").replace("</tr>", "\n</tr>"),
    "no-break space after cells": lambda h: h.replace("</td>", "</td>\xa0", 9),
    "cells of Word paragraphs": lambda h: _CELL.sub(r"\1<p><span>\2</span><o:p></o:p></p>\3", h),
    "empty paragraph in cells": lambda h: _CELL.sub(r"\1<p>\2</p>\n<p></p>\3", h),
    "two blocks in cells": lambda h: _CELL.sub(r"\1<div>\2</div> <div>\2</div>\3", h, count=30),
    "text before a block in a cell": lambda h: _CELL.sub(r"\1x<p>\2</p>\3", h, count=4),
    "text after a block in a cell": lambda h: _CELL.sub(r"\1<p>\2</p>y\3", h, count=4),
    "preformatted block in a cell": lambda h: _CELL.sub(r"\1<pre>\2\n2</pre>\3", h, count=4),
    "stray text in rows": lambda h: h.replace("<tr>", "<tr> x ", 3),
    "stray text after rows": lambda h: h.replace("</tr>", "</tr>z", 2),
    "stray text in a section": lambda h: h.replace("<tbody>", "<tbody>w", 1),
    "zero-width space in a section": lambda h: h.replace("<tbody>", "<tbody>\u200b", 1),
    "text in column group": lambda h: h.replace("<colgroup>", "<colgroup>v", 1),
    "hidden cells": lambda h: h.replace("<td", "<td style='display:none'", 2),
    "hidden row": lambda h: h.replace("<tr>", "<tr hidden>", 1),
    "hidden section": lambda h: h.replace("<tbody>", "<tbody style='display: none'>", 1),
    "hidden column": lambda h: h.replace("<col ", "<col hidden ", 1),
    "hidden block in a cell": lambda h: _CELL.sub(r"\1<p hidden>9</p><p>\2</p>\3", h, count=3),
    "inline block in a cell": lambda h: _CELL.sub(r"\1<p style='display:inline'>\2</p>\3", h, count=3),
    "block span in a cell": lambda h: _CELL.sub(r"\1<span style='display:block'>\2</span>\3", h, count=3),
    "line breaks in cells": lambda h: _CELL.sub(r"\1<span>\2</span><br>\3", h, count=5),
    "links in cells": lambda h: _CELL.sub(r"\1\2<a href='#'>x</a>\3", h, count=5),
    "script in a cell": lambda h: _CELL.sub(r"\1\2<script>1</script>\3", h, count=2),
    "table in a link": lambda h: h.replace("<table", "<a href='#'><table", 1).replace(
        "</table>", "</table></a>", 1
    ),
    "table in preformatted text": lambda h: h.replace("<table", "<pre><table", 1).replace(
        "</table>", "</table></pre>", 1
    ),
    "spans with units": lambda h: h.replace("<td", "<td rowspan='2px'", 7),
    "zero spans": lambda h: re.sub(r'(col|row)span="\d+"', r'\1span="0"', h, count=3),
    "cells outside rows": lambda h: h.replace("</tr>", "</tr><td>孤</td>", 2),
    "caption": lambda h: h.replace("<colgroup>", "<caption>表题</caption><colgroup>", 1),
    "hidden paragraphs": lambda h: h.replace("<p>", "<p hidden>", 2),
    "inline paragraphs": lambda h: h.replace("<p>", "<p style='display:inline'>", 3),
    "restyled block paragraphs": lambda h: h.replace("<p>", "<p style='display:block'>", 3),
    "paragraphs in a link": lambda h: h.replace("<p>", "<a href='#'><p>", 2).replace("</p>", "</p></a>", 2),
    "paragraph in preformatted text": lambda h: h.replace("<p>", "<pre><p>", 1).replace(
        "</p>", "</p>\n</pre>", 1
    ),
    "line break in paragraphs": lambda h: h.replace("</p>", "<br>尾</p>", 3),
    "link in paragraphs": lambda h: h.replace("</p>", "<a href='#'>链接</a></p>", 3),
    "wide spaces in cells": lambda h: _CELL.sub("\\1\u3000\\2 \n\\3", h, count=9),
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.lists(st.sampled_from(sorted(EDITS)), max_size=3, unique=True))
def test_generated_pages_read_the_same_read_quickly(report: gr.Report, edits: list[str]) -> None:
    """60 examples: each reads a whole page twice (capped so)."""
    page = gr.render(report, "html")
    for edit in edits:
        page = EDITS[edit](page)
    whole, visited = _both(page.encode("utf-8"))
    assert whole == visited


def test_rendered_tables_are_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quicker reading is the one taken for a page as the library writes it (each row read whole)."""
    seed = sorted((FIXTURES / "seeds").glob("*.txt"))[0]
    page = gr.render(gr.parse(seed.read_text(encoding="utf-8")), "html")
    rows: list[object] = []
    plain_row = _Walker._plain_row

    def spy(walker: _Walker, tr: Any, found: list[Row]) -> bool:
        rows.append(tr)
        return plain_row(walker, tr, found)

    monkeypatch.setattr(_Walker, "_plain_row", spy)
    root, text = _root(page.encode("utf-8"))
    blocks = read_blocks(root, displays(root, [], text))
    assert len(rows) == len(list(root.iter("tr"))) > 20
    assert sum(len(block.rows) for block in blocks if isinstance(block, Table)) == len(rows)


# ---------------------------------------------------------------------------
# A UTF-8 page is parsed from its own bytes


@pytest.mark.parametrize("page", PAGES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_bytes_handed_to_the_parser_are_the_texts(page: Path) -> None:
    data = page.read_bytes()
    if page.suffix.lower() in (".mht", ".mhtml"):
        data = archive_page(data)[0]
    text, utf8, _, _ = page_text(data)
    assert text == decode_page(data)
    assert utf8 is None or utf8 == text.encode("utf-8")
    root = html_reader._tree(etree, text, utf8)
    sheets = html_reader._Head(root).sheets
    shown = displays(root, sheets, text)
    assert displays(root, sheets, text.encode("utf-8")) == shown  # the source searched as bytes


def test_only_clean_utf8_bytes_are_handed_on() -> None:
    page = "<meta charset='utf-8'><p>政府信息公开</p>"
    assert page_text(page.encode("utf-8"))[:2] == (page, page.encode("utf-8"))
    assert page_text(page.encode("gb18030"), "gb18030").utf8 is None
    assert page_text(page.replace("utf-8", "gbk").encode("gb18030"))[:2] == (
        page.replace("utf-8", "gbk"),
        None,
    )
    assert page_text(b"\xef\xbb\xbf" + page.encode("utf-8"))[:2] == (page, None)  # the BOM is not the text's
    assert page_text(page.replace("<p>", "<p>\x01").encode("utf-8"))[:2] == (
        page,
        None,
    )  # the control character


# ---------------------------------------------------------------------------
# DocumentBuilder.row, as it was


def _reference_row(
    builder: dict[str, list[Any]], cells: Sequence[tuple[str, Location]], location: Location
) -> None:
    def several_values(text: str) -> bool:
        pieces = text.split()
        return len(pieces) > 1 and all(classify(piece) in ("number", "mark") for piece in pieces)

    texts = [" ".join(text.split()).replace("|", "｜") for text, _ in cells]
    several = [several_values(text) for text in texts]
    texts = [EMPTY if many else text for text, many in zip(texts, several, strict=True)]
    kinds = [classify(text) for text in texts]
    last_label = max((at for at, kind in enumerate(kinds) if kind is None), default=-1)
    has_value = any(kind in ("number", "mark") for kind in kinds)
    parts: list[tuple[str, Location]] = []
    for at, ((_, where), text, kind) in enumerate(zip(cells, texts, kinds, strict=True)):
        if kind == "blank":
            if has_value and at > last_label:
                parts.append((EMPTY, where))
            continue
        parts.append((text, where))
    if not parts:
        return
    line = ""
    starts: list[tuple[int, Location]] = []
    for text, where in parts:
        if line:
            line += SEPARATOR
        starts.append((len(line) + 1, where))
        line += text
    builder["lines"].append(line)
    builder["origins"].append((location, tuple(starts)))
    for (text, where), many in zip(cells, several, strict=True):
        if many:
            column = next((start for start, place in starts if place == where), 1)
            pieces = " ".join(text.split())
            builder["problems"].append(
                (
                    f"单元格中有{len(pieces.split())}个数（“{shorten(pieces)}”），无法确定是哪一个",
                    len(builder["lines"]),
                    column,
                    line,
                    where,
                )
            )


_VALUE_TEXTS = ("", " ", "\u3000", "\n", "0", "12", "１２", "3.5", "2.75 万元", "/", "—", "-", "无")
_OTHER_TEXTS = (
    "1 2",
    "3\n4",
    "1 /",
    "一、本年新收政府信息公开申请数量",
    "（一）予以公开",
    "a|b",
    "|",
    "1 2 甲",
)
_CELL_TEXTS = st.one_of(
    st.sampled_from([*_VALUE_TEXTS, *_OTHER_TEXTS, "x" * 70, "7 " * 40]),
    st.text(alphabet=" 0123456789./|—\n\u3000甲", max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(_CELL_TEXTS, st.integers(1, 4), st.none() | st.integers(1, 99)), max_size=9),
        min_size=1,
        max_size=6,
    )
)
def test_rows_are_written_as_before(rows: list[list[tuple[str, int, int | None]]]) -> None:
    """Lines, cell starts, locations and problems as the former algorithm wrote them (columns may
    repeat); each cell's location is its row's, in its column, on its own source line."""
    builder = DocumentBuilder(Source("html"))
    reference: dict[str, list[Any]] = {"lines": [], "origins": [], "problems": []}
    for number, row in enumerate(rows, start=1):
        cells = [
            (text, Location(line=line, table=1, table_row=number, table_column=column))
            for text, column, line in row
        ]
        where = Location(line=number, table=1, table_row=number)
        builder.row(row, where)
        _reference_row(reference, cells, where)
    document = builder.build()
    assert document.text.split("\n") == (reference["lines"] or [""])
    assert [(origin.location, origin.cells) for origin in document.origins or ()] == reference["origins"]
    problems = [(p.reason, p.line, p.column, p.excerpt, p.location) for p in document.problems]
    assert all(isinstance(p, ParseError) for p in document.problems)
    assert problems == reference["problems"]


# ---------------------------------------------------------------------------
# table_kind, as it was


def _reference_kind(table: Table) -> str:
    texts = [cell.text for cell in table.cells()]
    if not any(text.strip() for text in texts):
        return "blank"
    if sum(1 for text in texts if is_key(text) or is_field_text(text)) >= 2:
        return "metadata"
    if any(len(text) > 120 for text in texts):
        return "layout"
    if any(heading_number(paragraph.text) for paragraph in table.paragraphs()):
        return "layout"
    return "report"


_METADATA_TEXTS = (
    "索引号",
    "索 引 号：",
    "发布日期：2022-02-08",
    "【打印】 来源：某局",
    "[关闭]",
    "发布机构",
    "时间：x",
)
_HEADING_TEXTS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "# 五、存在的主要问题",
)
_PARAGRAPH_TEXTS = st.sampled_from(
    ["0", "12", "/", "\u200b", "规章", *_METADATA_TEXTS, *_HEADING_TEXTS, "字" * 121, "字" * 60]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.lists(_PARAGRAPH_TEXTS, max_size=3), max_size=4), max_size=4),
    st.lists(_PARAGRAPH_TEXTS, max_size=2),
)
def test_tables_are_told_apart_as_before(rows: list[list[list[str]]], stray: list[str]) -> None:
    element = etree.Element("table")

    def paragraphs(texts: list[str]) -> list[Paragraph]:
        return [Paragraph(text, 1, element) for text in texts]

    table = Table(
        element,
        1,
        [Row(1, [Cell(element, 1, 1, 1, paragraphs(cell)) for cell in row]) for row in rows],
        paragraphs(stray),
    )
    assert table_kind(table) == _reference_kind(table)


# ---------------------------------------------------------------------------
# grid_columns, as it was


def _reference_columns(rows: Sequence[Sequence[tuple[int, int]]]) -> list[list[int]] | str:
    height = len(rows)
    taken: dict[int, set[int]] = {}
    area = 0
    columns: list[list[int]] = []
    for at, row in enumerate(rows):
        occupied = taken.pop(at, set())
        column = 0
        placed: list[int] = []
        for rowspan, colspan in row:
            while column in occupied:
                column += 1
            placed.append(column + 1)
            down = height - at if rowspan <= 0 else min(rowspan, height - at)
            area += down * colspan
            if area > MAX_AREA:
                return f"too large: {area}"
            for below in range(at + 1, at + down):
                taken.setdefault(below, set()).update(range(column, column + colspan))
            column += colspan
        columns.append(placed)
    return columns


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.one_of(st.just(1), st.integers(0, 5), st.sampled_from([65534, 4000])),
                st.one_of(st.just(1), st.integers(1, 4), st.just(1000)),
            ),
            max_size=6,
        ),
        max_size=8,
    )
)
@example([[(0, 1000)] * 5] + [[(1, 1)]] * 299)  # too large at its fourth cell
@example([[(0, 1000), (2, 3)], [(1, 1)] * 4] * 2 + [[(1, 1)]] * 296)
def test_grid_columns_as_before(rows: list[list[tuple[int, int]]]) -> None:
    expected = _reference_columns(rows)
    try:
        found: list[list[int]] | str = grid_columns(rows)
    except GridTooLarge as exc:
        found = f"too large: {exc.args[0]}"
    assert found == expected
