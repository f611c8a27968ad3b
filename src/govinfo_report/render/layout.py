"""What every renderer shares: the printed rows of each table, with their groups.

The template prints a row-group label (``三、本年度办理结果``, ``（三）不予公开``,
``第二十条第（一）项``) once, where the group starts; :func:`printed_rows`
yields each row with the group labels that open before it.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..layout import CellSpec, RowSpec, row_specs, table_values
from ..values import Value, format_value

__all__ = ["NOT_FILLED", "PrintedRow", "format_cell", "printed_rows"]

#: How a cell that was not filled in is printed.
NOT_FILLED = "—"


@attrs.frozen
class PrintedRow:
    """A table row as printed: groups opening before it, its label, its cells."""

    opens: tuple[str, ...]
    spec: RowSpec
    values: tuple[Value, ...]

    @property
    def label(self) -> str:
        """The row's own label (the last segment of its path)."""
        return self.spec.row[-1]

    @property
    def depth(self) -> int:
        """How many group levels stand above the row."""
        return len(self.spec.row) - 1


def printed_rows(table: object) -> Iterator[PrintedRow]:
    """The rows of ``table`` in printed order, with the group labels that open before each."""
    values: dict[CellSpec, Value] = dict(table_values(table))
    previous: tuple[str, ...] = ()
    for spec in row_specs(type(table)):
        groups = spec.row[:-1]
        shared = 0
        while shared < min(len(groups), len(previous)) and groups[shared] == previous[shared]:
            shared += 1
        yield PrintedRow(groups[shared:], spec, tuple(values[cell] for cell in spec.cells))
        previous = groups


def format_cell(value: Value) -> str:
    """A cell as printed: the number, or :data:`NOT_FILLED`."""
    return NOT_FILLED if value is None else format_value(value)
