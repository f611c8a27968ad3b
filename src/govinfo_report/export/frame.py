"""Reports as pandas DataFrames and Parquet files (the ``frames`` extra: pandas, pyarrow).

``to_frame(reports)`` is the long format of :func:`govinfo_report.cells` for many
reports at once: one row per (report, cell).  Columns and dtypes:

==============  ==========================================  ==================================
column          what                                        dtype
==============  ==========================================  ==================================
``report``      the report's 0-based position in the input  ``int64``
``agency``      issuing body (``report.agency``)            ``category``
``year``        reporting year                              ``Int64``
``edition``     ``"2021"`` …                                ``category``
``source``      the file read (``report.source.path``)      ``category``
``table``       2, 3, 4                                     ``int8``
``row``         row path, segments joined with ``/``        ``category``
``column``      column path, segments joined with ``/``     ``category``
``row_path``    row path as a tuple of labels               ``object`` (tuples)
``column_path`` column path as a tuple (``本年增/减`` whole)   ``object`` (tuples)
``kind``        ``count``, ``signed``, ``amount``, ``money``  ``category``
``count``       the value of a count cell                   ``Int64`` (``<NA>``: not filled in)
``amount``      the value of an amount cell                 ``decimal128(38, s)[pyarrow]``
``unit``        an amount's unit (``万元``, or as printed)    ``category``
==============  ==========================================  ==================================

A cell is either a count (``count`` set, ``amount`` ``<NA>``) or an amount (the
other way round); a cell not filled in has both ``<NA>``, never 0.  Amounts are
exact decimals: Arrow's ``decimal128`` with scale ``s`` = 6, or more when an
amount of the frame has more decimal places (so no digit is ever rounded).

``to_frame(reports, wide=True)`` has one row per report and one column per cell
address (a column MultiIndex ``table``/``row``/``column``), indexed by
``report``/``agency``/``year``/``edition``/``source``; counts ``Int64``, amounts
decimal as above.

pandas and pyarrow are imported when a function here is called; without them
:class:`~govinfo_report.errors.MissingDependencyError` names the extra.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

import attrs

from ..cells import Layout, layout_of
from ..errors import MissingDependencyError
from ..layout import cell_specs
from ..model import Report
from ..values import Money, Value

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AMOUNT_SCALE", "LONG_COLUMNS", "WIDE_INDEX", "to_frame", "write_parquet"]

#: The smallest scale of the ``amount`` column's decimal type.
AMOUNT_SCALE = 6
_PRECISION = 38
#: Columns of the long frame, in order.
LONG_COLUMNS = (
    "report",
    "agency",
    "year",
    "edition",
    "source",
    "table",
    "row",
    "column",
    "row_path",
    "column_path",
    "kind",
    "count",
    "amount",
    "unit",
)
#: Index levels of the wide frame.
WIDE_INDEX = ("report", "agency", "year", "edition", "source")

_AMOUNT_KINDS = frozenset({"amount", "money"})


def _imports() -> tuple[Any, Any, Any]:
    try:
        import numpy as np
        import pandas as pd
        import pyarrow as pa
    except ImportError as exc:
        raise MissingDependencyError(
            f"表格数据框需要pandas和pyarrow：pip install 'govinfo-report[frames]'（{exc.name}未安装）"
        ) from None
    return np, pd, pa


@attrs.frozen
class _Cell:
    """A cell position of an edition's layout."""

    table: int
    row: str
    column: str
    row_path: tuple[str, ...]
    column_path: tuple[str, ...]
    kind: str
    unit: str

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.table, self.row, self.column)


_LAYOUTS: dict[Layout, tuple[_Cell, ...]] = {}


def _layout(layout: Layout) -> tuple[_Cell, ...]:
    if layout not in _LAYOUTS:
        _LAYOUTS[layout] = tuple(
            _Cell(
                number,
                "/".join(spec.row),
                "/".join(spec.column),
                spec.row,
                spec.column,
                spec.kind,
                spec.unit,
            )
            for number, _, cls in layout
            for spec in cell_specs(cls)
        )
    return _LAYOUTS[layout]


_GETTERS: dict[Layout, Callable[[Report], tuple[Value, ...]]] = {}


def _values(report: Report) -> tuple[Value, ...]:
    """Every cell value of ``report`` in printed order (the order of :func:`govinfo_report.cells`).

    One ``attrgetter`` per layout (:func:`govinfo_report.cells.layout_of`) over the
    attribute paths of the model's cell specs: the values of a report in one call,
    fast enough for a million cells.
    """
    layout = layout_of(report)
    getter = _GETTERS.get(layout)
    if getter is None:
        paths = [
            ".".join((attribute, *spec.attributes))
            for _, attribute, cls in layout
            for spec in cell_specs(cls)
        ]
        getter = _GETTERS[layout] = operator.attrgetter(*paths)
    return getter(report)


def _source(report: Report) -> str | None:
    return report.source.path if report.source is not None else None


def _decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _amount(value: Value) -> Decimal | None:
    if isinstance(value, Money):
        return value.amount
    return value if isinstance(value, Decimal) else None


def _amount_array(pd: Any, pa: Any, amounts: Sequence[Decimal | None]) -> Any:
    """An Arrow decimal array holding every amount exactly."""
    present = [amount for amount in amounts if amount is not None]
    scale = max([AMOUNT_SCALE, *map(_decimal_places, present)])
    whole = max([1, *(len(str(abs(int(amount)))) for amount in present)])
    if whole + scale > _PRECISION:  # beyond the library's bounds (values.MAX_AMOUNT): a hand-made report
        raise ValueError(f"金额的整数位数({whole})与小数位数({scale})之和超过{_PRECISION}位，无法精确表示")
    dtype = pd.ArrowDtype(pa.decimal128(_PRECISION, scale))
    return pd.array(pa.array(amounts, type=dtype.pyarrow_dtype), dtype=dtype)


def _count_array(np: Any, pd: Any, counts: Sequence[int | None]) -> Any:
    mask = np.fromiter((value is None for value in counts), dtype=bool, count=len(counts))
    data = np.fromiter((0 if value is None else value for value in counts), dtype=np.int64, count=len(counts))
    return pd.arrays.IntegerArray(data, mask)


def to_frame(reports: Iterable[Report], *, wide: bool = False) -> pd.DataFrame:
    """The cells of ``reports`` as a DataFrame: long (one row per report and cell) or ``wide``.

    See the module docstring for the columns and their dtypes.

    Raises:
        MissingDependencyError: pandas or pyarrow is not installed.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> frame = gr.to_frame([report])  # needs the frames extra
        >>> len(frame), str(frame["count"].dtype)
        (200, 'Int64')
    """
    np, pd, pa = _imports()
    reports = list(reports)
    values = [_values(report) for report in reports]
    if wide:
        return _wide(np, pd, pa, reports, values)
    return _long(np, pd, pa, reports, values)


def _positions(reports: Sequence[Report]) -> tuple[list[_Cell], list[list[int]]]:
    """Every cell position met (first edition first), and each report's positions in that list."""
    cells: list[_Cell] = []
    where: dict[tuple[int, str, str], int] = {}
    by_layout: dict[Layout, list[int]] = {}
    layouts = [layout_of(report) for report in reports]
    for layout in layouts:
        if layout not in by_layout:
            indices = []
            for cell in _layout(layout):
                if cell.key not in where:
                    where[cell.key] = len(cells)
                    cells.append(cell)
                indices.append(where[cell.key])
            by_layout[layout] = indices
    return cells, [by_layout[layout] for layout in layouts]


def _categorical(np: Any, pd: Any, labels: Sequence[str | None], codes: Any) -> Any:
    """A categorical column: ``labels[code]`` for each code (``None``: missing), first-seen order."""
    categories = list(dict.fromkeys(label for label in labels if label is not None))
    lookup = {label: index for index, label in enumerate(categories)}
    per_item = np.asarray([-1 if label is None else lookup[label] for label in labels], dtype=np.int64)
    return pd.Categorical.from_codes(per_item[codes], categories=categories)


def _long(
    np: Any, pd: Any, pa: Any, reports: Sequence[Report], values: list[tuple[Value, ...]]
) -> pd.DataFrame:
    cells, positions = _positions(reports)
    sizes = [len(indices) for indices in positions]
    codes = np.asarray([index for indices in positions for index in indices], dtype=np.int64)
    by_report = np.repeat(np.arange(len(reports), dtype=np.int64), sizes)
    flat = np.empty(len(codes), dtype=object)
    flat[:] = [value for row in values for value in row]
    amount_rows = np.asarray([cell.kind in _AMOUNT_KINDS for cell in cells], dtype=bool)[codes]
    blank = np.equal(flat, None)
    count_mask = blank | amount_rows
    count_data = np.where(count_mask, 0, flat).astype(np.int64)
    amounts: list[Decimal | None] = [None] * len(codes)
    units: list[str | None] = [None] * len(codes)
    for row in np.flatnonzero(amount_rows).tolist():
        value = flat[row]
        amounts[row] = _amount(value)
        units[row] = _unit(cells[codes[row]], value)
    years = [report.year for report in reports]
    year_mask = np.asarray([year is None for year in years], dtype=bool)
    year_data = np.asarray([year or 0 for year in years], dtype=np.int64)
    tuples = np.empty((2, len(cells)), dtype=object)
    tuples[0, :] = [cell.row_path for cell in cells]
    tuples[1, :] = [cell.column_path for cell in cells]
    data = {
        "report": by_report,
        "agency": _categorical(np, pd, [r.agency for r in reports], by_report),
        "year": pd.arrays.IntegerArray(year_data[by_report], year_mask[by_report]),
        "edition": _categorical(np, pd, [r.edition for r in reports], by_report),
        "source": _categorical(np, pd, [_source(r) for r in reports], by_report),
        "table": np.asarray([cell.table for cell in cells], dtype=np.int8)[codes],
        "row": _categorical(np, pd, [cell.row for cell in cells], codes),
        "column": _categorical(np, pd, [cell.column for cell in cells], codes),
        "row_path": tuples[0][codes],
        "column_path": tuples[1][codes],
        "kind": _categorical(np, pd, [cell.kind for cell in cells], codes),
        "count": pd.arrays.IntegerArray(count_data, count_mask),
        "amount": _amount_array(pd, pa, amounts),
        "unit": pd.Categorical(units),
    }
    return pd.DataFrame(data, columns=list(LONG_COLUMNS))


def _unit(cell: _Cell, value: Value) -> str | None:
    unit = value.unit if isinstance(value, Money) else cell.unit
    return unit or None


def _wide(
    np: Any, pd: Any, pa: Any, reports: Sequence[Report], values: list[tuple[Value, ...]]
) -> pd.DataFrame:
    cells, positions = _positions(reports)
    matrix: list[list[Value]] = [[None] * len(reports) for _ in cells]
    for number, (indices, row) in enumerate(zip(positions, values, strict=True)):
        for index, value in zip(indices, row, strict=True):
            matrix[index][number] = value
    columns = {}
    for cell, column in zip(cells, matrix, strict=True):
        if cell.kind in _AMOUNT_KINDS:
            columns[cell.key] = _amount_array(pd, pa, [_amount(value) for value in column])
        else:
            columns[cell.key] = _count_array(np, pd, column)  # type: ignore[arg-type]
    index = pd.MultiIndex.from_arrays(
        [
            np.arange(len(reports), dtype=np.int64),
            pd.array([r.agency for r in reports], dtype="string"),
            pd.array([r.year for r in reports], dtype="Int64"),
            pd.array([r.edition for r in reports], dtype="string"),
            pd.array([_source(r) for r in reports], dtype="string"),
        ],
        names=list(WIDE_INDEX),
    )
    frame = pd.DataFrame(columns, index=index)
    frame.columns = pd.MultiIndex.from_tuples([cell.key for cell in cells], names=["table", "row", "column"])
    return frame


def write_parquet(reports: Iterable[Report], path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the long frame of ``reports`` (:func:`to_frame`) to a Parquet file (a path or a binary file).

    Read it back with ``pandas.read_parquet(path)``: the same columns; the path
    tuples come back as arrays of labels.

    Raises:
        MissingDependencyError: pandas or pyarrow is not installed.


    Example:
        >>> import io
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> buffer = io.BytesIO()
        >>> gr.write_parquet([report], buffer)
        >>> buffer.getvalue()[:4]
        b'PAR1'
    """
    to_frame(reports).to_parquet(path, index=False)
