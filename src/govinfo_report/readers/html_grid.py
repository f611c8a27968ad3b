"""Where each cell of an HTML table stands: its grid column, with ``rowspan``/``colspan`` honoured.

A merged cell occupies the rows below it (``rowspan``) and the columns to its
right (``colspan``); a cell of a later row goes to the first column no merged
cell above it occupies (the HTML table model).  Spans are read as browsers
read them: digits at the start of the attribute (``"2px"`` is 2), ``colspan``
at most 1000, ``rowspan`` at most 65534, ``rowspan="0"`` to the table's last
row; spans never reach past the last row.  The work is bounded by the area
the cells cover (:data:`MAX_AREA`), so that no table makes reading slow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["MAX_AREA", "GridTooLarge", "grid_columns", "span"]

#: Largest number of grid positions a table's cells may cover.
MAX_AREA = 1_000_000

_DIGITS = re.compile(r"\s*(\d{1,9})")


class GridTooLarge(ValueError):
    """A table whose merged cells cover more than :data:`MAX_AREA` grid positions."""


def span(value: str | None, *, limit: int, zero: int = 1) -> int:
    """A ``rowspan``/``colspan`` attribute as a count (1 when missing or not a number)."""
    if value is None:
        return 1
    match = _DIGITS.match(value)
    if match is None:
        return 1
    number = int(match.group(1))
    if number == 0:
        return zero
    return min(number, limit)


def grid_columns(rows: Sequence[Sequence[tuple[int, int]]]) -> list[list[int]]:
    """The 1-based grid column of every cell; ``rows`` holds each cell's ``(rowspan, colspan)``.

    A ``rowspan`` of 0 spans to the last row.

    Raises:
        GridTooLarge: the cells cover more than :data:`MAX_AREA` positions.
    """
    height = len(rows)
    taken: dict[int, set[int]] = {}
    area = 0
    columns: list[list[int]] = []
    for at, row in enumerate(rows):
        occupied = taken.pop(at, None)
        remaining = height - at
        column = 0
        placed: list[int] = []
        for rowspan, colspan in row:
            if occupied:
                while column in occupied:
                    column += 1
            placed.append(column + 1)
            if rowspan == 1:
                area += colspan
            else:
                down = remaining if rowspan <= 0 else min(rowspan, remaining)
                area += down * colspan
                for below in range(at + 1, at + down):
                    taken.setdefault(below, set()).update(range(column, column + colspan))
            if area > MAX_AREA:
                raise GridTooLarge(area)
            column += colspan
        columns.append(placed)
    return columns
