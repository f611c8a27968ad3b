"""Tables of a PDF page: ruled grids, their cells, and tables continued over a page break.

A table is what its rulings draw (:func:`grids`): the visible lines of the page
(:mod:`.pdf_page`) go through pdfplumber's line-strategy table finder
(snapping and joining the lines, their crossings, the smallest boxes the
crossings close, boxes that touch grouped into tables).  The grid positions of
a table are the distinct left and top edges of its boxes, so a merged cell is
one box that spans several positions.  Only characters inside a box are a
cell's text; nothing is ever placed in a column by its position in running text.

A border drawn double (two or three parallel lines a few points apart, nothing
between them) is one ruling.  Two repairs, each from what the page draws:

* where several vertical rulings end at the same height without a horizontal
  one (a cell or table whose top or bottom border is missing), the ends of the
  verticals close the boxes;
* a box spanning several grid rows that holds one value per row (its border
  between them missing) is cut back into those rows.

A table broken by a page break (:func:`join_continued`): when a page's last
table runs on at the top of the next page, a group cell cut in two by the break
(``（四）无`` | ``法提供``) is one cell again: the text on the second page joins
the cell on the first when the cell's last line there is *full* (its text was
still running, see :func:`~.pdf_text.fits`) and it is not the row's own label.
A row cut in two (its label running, no value on both sides) is one row again.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs

from ..errors import Location, ParseError
from ..values import classify
from .pdf_page import Char, PageContent, Ruling
from .pdf_text import Line, fits, lines

__all__ = ["Cell", "Grid", "grids", "join_continued"]

#: Rulings closer than this (points) are one ruling (pdfplumber's snap and join tolerance).
_SNAP = 3.0
#: Parallel rulings closer than this (points) with no text between them are one border drawn
#: double (Word's double and thin-thick borders lie 1.5–4.5 pt apart); a row of text needs more.
_DOUBLE = 4.6
#: A ruling shorter than this after joining is not part of a grid.
_MIN_EDGE = 3.0
#: The most a cell's text stands off its left and right borders (Word and WPS: 5.4 pt).
_PADDING = 6.0
#: A label that begins with its own number (``5.``, ``5、``) starts a row of its own: it does not
#: run on from the label above it (a wrapped line never begins so).
_NUMBERED = re.compile(r"\d{1,2}[.．、](?!\d)")
#: More rulings than this on a page is a drawing, not a report table.
MAX_RULINGS = 1000
#: More crossings of rulings than this on a page is no report table either (table 3 has about
#: 350); pdfplumber's box finder takes time quadratic in them, so they are bounded.
MAX_CROSSINGS = 1500


@attrs.frozen
class Cell:
    """A box of a grid: its grid position and span, and the text lines inside it."""

    x0: float
    top: float
    x1: float
    bottom: float
    row: int
    column: int
    rows: int
    columns: int
    lines: tuple[Line, ...]
    text: str

    @property
    def chars(self) -> tuple[Char, ...]:
        """Every character in the cell."""
        return tuple(char for line in self.lines for char in line.chars)

    def has_text(self) -> bool:
        """Whether anything is printed in the cell."""
        return bool(self.text.strip())


@attrs.frozen
class Grid:
    """One ruled table on one page.

    Attributes:
        page: the page number.
        index: the table's number on its page, from 1.
        box: ``(x0, top, x1, bottom)``.
        cells: the boxes, by grid row, then column.
        row_count: how many grid rows.
    """

    page: int
    index: int
    box: tuple[float, float, float, float]
    cells: tuple[Cell, ...]
    row_count: int

    def row(self, row: int) -> list[Cell]:
        """The cells whose top is grid row ``row``, left to right."""
        return [cell for cell in self.cells if cell.row == row]

    def location(self, cell: Cell | None = None) -> Location:
        """Where the table, or one of its cells, is."""
        if cell is None:
            return Location(page=self.page, table=self.index)
        return Location(
            page=self.page, table=self.index, table_row=cell.row + 1, table_column=cell.column + 1
        )

    def contains(self, char: Char) -> bool:
        """Whether a character's centre is inside the table."""
        x, y = char.middle
        x0, top, x1, bottom = self.box
        return x0 <= x <= x1 and top <= y <= bottom


def grids(page: PageContent) -> list[Grid]:
    """The ruled tables of a page, top to bottom, each with its cells' text."""
    from pdfplumber import table as finder
    from pdfplumber.utils.geometry import filter_edges

    if len(page.rulings) > MAX_RULINGS:
        raise ParseError(
            f"这一页有{len(page.rulings)}条线，超过{MAX_RULINGS}条：这不像报告的表格，无法读取",
            line=1,
            column=1,
            location=Location(page=page.number),
        )
    edges = [_edge(ruling) for ruling in _single_borders(page.rulings, page.chars)]
    edges = finder.merge_edges(edges, _SNAP, _SNAP, _SNAP, _SNAP)
    edges = filter_edges(edges, min_length=_MIN_EDGE)
    closing = _closing_edges(edges)
    if closing:
        edges = filter_edges(
            finder.merge_edges(edges + closing, _SNAP, _SNAP, _SNAP, _SNAP), min_length=_MIN_EDGE
        )
    intersections = finder.edges_to_intersections(edges, _SNAP, _SNAP)
    if len(intersections) > MAX_CROSSINGS:
        raise ParseError(
            f"这一页的线有{len(intersections)}个交点，超过{MAX_CROSSINGS}个：这不像报告的表格，无法读取",
            line=1,
            column=1,
            location=Location(page=page.number),
        )
    boxes = finder.intersections_to_cells(intersections)
    found = []
    for index, group in enumerate(finder.cells_to_tables(boxes), start=1):
        found.append(_grid(page, index, group))
    return found


def _edge(ruling: Ruling) -> dict[str, Any]:
    return {
        "x0": ruling.x0,
        "x1": ruling.x1,
        "top": ruling.top,
        "bottom": ruling.bottom,
        "doctop": ruling.top,
        "width": ruling.x1 - ruling.x0,
        "height": ruling.bottom - ruling.top,
        "orientation": ruling.orientation,
        "object_type": "line",
    }


@attrs.frozen
class _Double:
    """A border drawn as parallel rulings from ``low`` to ``high`` (their fixed coordinate),
    each along one of ``spans``: one line at their middle."""

    low: float
    high: float
    spans: tuple[tuple[float, float], ...]

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def meets(self, end: float, position: float) -> bool:
        """Whether a perpendicular ruling at ``position`` ending at ``end`` stops at this border
        (a double border's inner line stops at, or a little before, the inner line across it:
        LibreOffice's thin-thick-thin border 4.8 pt before it)."""
        return self.low - 2 * _DOUBLE <= end <= self.high + 2 * _DOUBLE and any(
            begin - _SNAP <= position <= finish + _SNAP for begin, finish in self.spans
        )


def _single_borders(rulings: Sequence[Ruling], chars: Sequence[Char]) -> list[Ruling]:
    """The rulings with each border drawn double (or triple: Word's double, thin-thick and
    thick-thin borders) as one line: parallel rulings less than :data:`_DOUBLE` apart, one
    after the other, are one line at their middle when no character stands between them (no
    row or column of text fits in so little room), and the rulings across that stop at it
    (at its inner line) are drawn to its middle.  Any other ruling is as it is."""
    doubles = {"h": _doubles(rulings, chars, "h"), "v": _doubles(rulings, chars, "v")}
    if not doubles["h"] and not doubles["v"]:
        return list(rulings)
    out: list[Ruling] = []
    for r in rulings:
        if r.orientation == "h":
            y = _moved(doubles["h"], r.top)
            x0 = _moved_end(doubles["v"], r.x0, y)
            x1 = _moved_end(doubles["v"], r.x1, y)
            out.append(Ruling("h", x0, y, x1, y))
        else:
            x = _moved(doubles["v"], r.x0)
            top = _moved_end(doubles["h"], r.top, x)
            bottom = _moved_end(doubles["h"], r.bottom, x)
            out.append(Ruling("v", x, top, x, bottom))
    return out


def _moved(doubles: Sequence[_Double], position: float) -> float:
    for double in doubles:
        if double.low <= position <= double.high:
            return double.middle
    return position


def _moved_end(doubles: Sequence[_Double], end: float, position: float) -> float:
    for double in doubles:
        if double.meets(end, position):
            return double.middle
    return end


def _doubles(rulings: Sequence[Ruling], chars: Sequence[Char], orientation: str) -> list[_Double]:
    """The borders among the ``orientation`` rulings that are drawn double (see
    :func:`_single_borders`)."""
    group = [r for r in rulings if r.orientation == orientation]
    if len(group) < 2:
        return []
    across = 1 if orientation == "h" else 0  # the coordinate a ruling of this kind fixes
    values = sorted({r.top if orientation == "h" else r.x0 for r in group})
    runs: list[list[float]] = [[values[0]]]
    for value in values[1:]:
        # One border: close to the ruling before, and no wider than a triple rule (a chain of
        # rulings a little apart across the page is many borders, not one).
        if value - runs[-1][-1] < _DOUBLE and value - runs[-1][0] <= 2 * _DOUBLE:
            runs[-1].append(value)
        else:
            runs.append([value])
    runs = [run for run in runs if run[-1] - run[0] > 0.5]
    if not runs:
        return []
    placed = sorted((char.middle[across], char.middle[1 - across]) for char in chars)
    keys = [middle for middle, _ in placed]
    found = []
    for run in runs:
        low, high = run[0], run[-1]
        spans = tuple(
            (r.x0, r.x1) if orientation == "h" else (r.top, r.bottom)
            for r in group
            if low <= (r.top if orientation == "h" else r.x0) <= high
        )
        between = placed[bisect.bisect_right(keys, low) : bisect.bisect_left(keys, high)]
        if any(begin <= along <= finish for _, along in between for begin, finish in spans):
            continue  # text between the lines, beside one of them: they are two borders
        found.append(_Double(low, high, spans))
    return found


def _closing_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal edges where two or more vertical rulings end at one height with none drawn there."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    added = []
    for key in ("top", "bottom"):
        ends: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for edge in verticals:
            ends[round(edge[key] / _SNAP)].append(edge)
        for group in ends.values():
            if len(group) < 2:
                continue
            y = sum(e[key] for e in group) / len(group)
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            covered = any(
                abs(h["top"] - y) <= _SNAP and h["x0"] <= x0 + _SNAP and h["x1"] >= x1 - _SNAP
                for h in horizontals
            )
            if not covered:
                added.append(_edge(Ruling("h", x0, y, x1, y)))
    return added


def _grid(page: PageContent, index: int, boxes: list[tuple[float, float, float, float]]) -> Grid:
    xs = sorted({round(v, 2) for box in boxes for v in (box[0], box[2])})
    ys = sorted({round(v, 2) for box in boxes for v in (box[1], box[3])})
    x0, top, x1, bottom = xs[0], ys[0], xs[-1], ys[-1]
    inside: list[Char] = []
    for char in page.chars:
        mx, my = char.middle
        if x0 <= mx <= x1 and top <= my <= bottom:
            inside.append(char)
    placed: dict[int, list[Char]] = defaultdict(list)
    ordered = sorted(boxes, key=lambda b: (round(b[1], 2), round(b[0], 2)))
    for char in inside:
        mx, my = char.middle
        for at, box in enumerate(ordered):
            if box[0] <= mx <= box[2] and box[1] <= my <= box[3]:
                placed[at].append(char)
                break
        else:
            raise ParseError(
                f"表格中有文字不在任何单元格内（“{char.text}”），无法确定它属于哪一格",
                line=1,
                column=1,
                location=Location(page=page.number, table=index),
            )
    raw: list[tuple[tuple[float, float, float, float], list[Line]]] = []
    for at, box in enumerate(ordered):
        raw.extend(_split_rows(box, lines(placed[at]), ys))
    widest = _widest_lines(raw)
    cells = []
    for box, cell_lines in raw:
        row, column = ys.index(round(box[1], 2)), xs.index(round(box[0], 2))
        rows = ys.index(round(box[3], 2)) - row
        columns = xs.index(round(box[2], 2)) - column
        limit = _capacity(box, widest)
        cells.append(Cell(*box, row, column, rows, columns, tuple(cell_lines), _cell_text(cell_lines, limit)))
    cells.sort(key=lambda c: (c.row, c.column))
    return Grid(page.number, index, (x0, top, x1, bottom), tuple(cells), len(ys) - 1)


def _span(box: tuple[float, float, float, float]) -> tuple[int, int]:
    return (round(box[0]), round(box[2]))


def _split_rows(
    box: tuple[float, float, float, float], cell_lines: list[Line], ys: list[float]
) -> list[tuple[tuple[float, float, float, float], list[Line]]]:
    """A box spanning several grid rows that holds one value in each of two or more of them,
    cut at the grid rows (its border there is missing); any other box as it is."""
    x0, top, x1, bottom = box
    bands = [y for y in ys if round(top, 2) <= y <= round(bottom, 2)]
    if len(bands) <= 2 or len(cell_lines) < 2:
        return [(box, cell_lines)]
    pieces: list[tuple[tuple[float, float, float, float], list[Line]]] = []
    for upper, lower in itertools.pairwise(bands):
        held = [line for line in cell_lines if upper <= (line.top + line.bottom) / 2 <= lower]
        pieces.append(((x0, upper, x1, lower), held))
    filled = [held for _, held in pieces if held]
    if len(filled) < 2 or any(
        len(held) != 1 or classify(held[0].text) not in ("number", "mark") for held in filled
    ):
        return [(box, cell_lines)]
    if sum(len(held) for held in filled) != len(cell_lines):
        return [(box, cell_lines)]
    return pieces


def _widest_lines(
    raw: list[tuple[tuple[float, float, float, float], list[Line]]],
) -> dict[tuple[int, int], float]:
    """The widest printed line in each column span: how much a line of that column can hold
    (lines ending in punctuation left out: it may stick out)."""
    widest: dict[tuple[int, int], float] = {}
    for box, cell_lines in raw:
        for line in cell_lines:
            if not line.hangs:
                span = _span(box)
                widest[span] = max(widest.get(span, 0.0), line.width)
    return widest


def _capacity(box: tuple[float, float, float, float], widest: dict[tuple[int, int], float]) -> float:
    """How wide a line of the cell can be, at least: its column's widest line, or the cell less
    :data:`_PADDING` a side.  Reading it too wide only ever keeps lines apart."""
    return max(widest.get(_span(box), 0.0), box[2] - box[0] - 2 * _PADDING)


def _cell_text(cell_lines: Sequence[Line], widest: float) -> str:
    """A cell's lines, one per line; a number wrapped over lines (each line but the last full) is one word."""
    if not cell_lines:
        return ""
    out = cell_lines[0].text
    for before, line in itertools.pairwise(cell_lines):
        wrapped_number = (
            before.text[-1:].isdigit()
            and line.text[:1].isdigit()
            and not fits(before.width, line.chars[0].width, widest, before.height)
        )
        out += ("" if wrapped_number else "\n") + line.text
    return out


def _full(line: Line, following: Line, widest: float) -> bool:
    """Whether a cell's text was still running at the end of ``line``: the first character of
    ``following`` would not have fitted.  (An opening bracket is not taken with the character
    after it, as in running text: in a table it starts a new label, ``（四）``.)"""
    return not fits(line.width, following.first_word_width(opening=False), widest, line.height)


def _row_label_column(cells: Sequence[Cell]) -> int:
    """The column of a row's own label: its last cell that is neither a value nor blank."""
    labels = [cell.column for cell in cells if classify(cell.text) is None]
    return max(labels, default=-1)


def _same_span(a: Cell, b: Cell) -> bool:
    """The same columns (borders within the snap tolerance: a page's table may be drawn a point off)."""
    return abs(a.x0 - b.x0) <= _SNAP and abs(a.x1 - b.x1) <= _SNAP


def _rows_equal(a: Sequence[Cell], b: Sequence[Cell]) -> bool:
    """The same cells, printed alike: a header row repeated on the next page."""
    return (
        bool(a)
        and len(a) == len(b)
        and all(
            _same_span(x, y) and "".join(x.text.split()) == "".join(y.text.split())
            for x, y in zip(a, b, strict=True)
        )
    )


def _value(cell: Cell) -> bool:
    return classify(cell.text) in ("number", "mark")


def _box(cell: Cell) -> tuple[float, float, float, float]:
    return (cell.x0, cell.top, cell.x1, cell.bottom)


def _at_foot(cell: Cell) -> bool:
    """Whether a cell's text reaches the foot of its box, as text still flowing does (a label
    that ended is centred in its box, or stops at the top)."""
    line = cell.lines[-1]
    return cell.bottom - line.bottom <= 1.5 * line.height + _PADDING


def join_continued(first: Grid, before: Grid, after: Grid) -> tuple[Grid, Grid]:
    """``before`` (the end of a table on one page) and ``after`` (its continuation at the top
    of the next page), with what the page break cut in two made one again.

    ``first`` is the table's first part, whose header rows may be repeated on ``after``.
    Text is *running* at the break when both parts hold it in the same column span, the
    first part's last line is full (:func:`_full`; for a number: the next digit would not
    have fitted) and reaches the foot of its box.

    * A **group cell** (left of its row's own label) whose label is running is one cell again.
    * A **row cut in two** is one row again — when a label of its last grid row is running,
      or the second half holds values and no label (the rest of numbers wrapped over lines),
      and every column with a value on both sides holds one number running on: each cell of
      the second half joins the cell above it, and the second half is left empty.
    """
    start = 0
    while (
        start < after.row_count
        and start < first.row_count
        and _rows_equal(first.row(start), after.row(start))
    ):
        start += 1  # a repeated header
    last_row = max((cell.row + cell.rows for cell in before.cells), default=0) - 1
    bottom = sorted(
        (cell for cell in before.cells if cell.row + cell.rows - 1 == last_row), key=lambda c: c.column
    )
    top_cells = after.row(start)
    if not bottom or not top_cells:
        return before, after
    widest = _widest_lines([(_box(c), list(c.lines)) for grid in (before, after) for c in grid.cells])

    def running(upper: Cell, lower: Cell) -> bool:
        if not upper.lines or not lower.lines or classify(upper.text) is not None:
            return False
        if classify(lower.text) is not None or _NUMBERED.match(lower.text):
            return False  # a value, or a label of its own (``5.要求…`` below ``4.无正当理由…``)
        return _full(upper.lines[-1], lower.lines[0], _capacity(_box(upper), widest)) and _at_foot(upper)

    def number_runs_on(upper: Cell, lower: Cell) -> bool:
        if not upper.lines or not lower.lines:
            return False
        if not (upper.text[-1:].isdigit() and lower.text[:1].isdigit()):
            return False
        line = upper.lines[-1]
        room = _capacity(_box(upper), widest)
        return not fits(line.width, lower.lines[0].chars[0].width, room, line.height) and _at_foot(upper)

    pairs = [(upper, lower) for upper in bottom for lower in top_cells if _same_span(upper, lower)]
    label_column = _row_label_column(bottom)
    groups = {id(lower) for upper, lower in pairs if upper.column < label_column and running(upper, lower)}
    both_values = [(upper, lower) for upper, lower in pairs if _value(upper) and _value(lower)]
    label_cut = any(running(upper, lower) for upper, lower in pairs if upper.row == last_row)
    numbers_cut = bool(both_values) and not any(
        classify(lower.text) is None and id(lower) not in groups for lower in top_cells
    )  # the second half holds values and no label of its own (a cut group label aside)
    cut_row = (label_cut or numbers_cut) and all(number_runs_on(u, lo) for u, lo in both_values)
    joined: dict[int, Cell] = {}
    emptied: dict[int, Cell] = {}
    for upper, lower in pairs:
        flowing = running(upper, lower) or number_runs_on(upper, lower)
        if cut_row and lower.lines:
            gap = "" if flowing or not upper.lines else "\n"
        elif id(lower) in groups:
            gap = ""
        else:
            continue
        joined[id(upper)] = attrs.evolve(
            upper, lines=upper.lines + lower.lines, text=upper.text + gap + lower.text
        )
        emptied[id(lower)] = attrs.evolve(lower, lines=(), text="")
    if not joined:
        return before, after
    return (
        attrs.evolve(before, cells=tuple(joined.get(id(c), c) for c in before.cells)),
        attrs.evolve(after, cells=tuple(emptied.get(id(c), c) for c in after.cells)),
    )
