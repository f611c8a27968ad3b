"""Filling a report's tables from long-format records: ``from_cells``.

A record names one cell by its address (table number, row path, column path,
exactly as :func:`govinfo_report.cells` yields them and ``--format cells``
prints them) and gives its value.  Records may be
:class:`~govinfo_report.cells.CellRecord` objects, ``(table, row, column, value)``
tuples (or lists), dicts, or the rows of a CSV file read with :class:`csv.DictReader`
(header ``table,row,column,value``; other columns are ignored).

Values: an ``int``/``Decimal`` as it is; a string is read as the parser reads
a printed cell (``12``, ``0``, ``1,234``, ``12.50`` for amounts; see
:mod:`govinfo_report.values`).  An empty string, ``None`` and the marks the
parser reads as "not filled in" (``/``, ``-``, ``—``, ``——``, ``―``, ``无``,
``空`` …) leave the cell not filled in, and so does a cell no record names.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from .cells import CellAddress, CellRecord
from .editions import EDITIONS, Edition, edition_for_year, get_edition
from .errors import CellsError, UnknownEditionError, shorten
from .layout import CellKey, CellSpec, build_table, cell_specs
from .model import Report
from .normalize import first_invalid_character, printable
from .skeleton import skeleton
from .values import MAX_AMOUNT, MAX_COUNT, Money, Value, ValueProblem, convert

__all__ = ["fill_tables", "from_cells", "record_position"]

_KEYS = ("table", "row", "column", "value")
_TABLE_NUMERALS = {"二": 2, "三": 3, "四": 4, "表二": 2, "表三": 3, "表四": 4}

Record = CellRecord | Mapping[str, Any] | Sequence[Any]


def record_position(number: int) -> str:
    """How messages name the ``number``-th record (1-based): ``第3条记录``."""
    return f"第{number}条记录"


def from_cells(
    records: Iterable[Record],
    *,
    agency: str,
    year: int,
    edition: str | Edition | None = None,
    title: str | None = None,
) -> Report:
    """A report whose tables hold the values of ``records``; the rest is the skeleton's.

    Args:
        records: one per cell, with ``table``, ``row``, ``column`` and ``value``
            (``CellRecord`` objects, ``(table, row, column, value)`` tuples, dicts or CSV rows).
        agency: the issuing body.
        year: the reporting year.
        edition: the layout edition of the addresses (``"2021"``, ``"2019"``); by default
            the one whose addresses the records name (the year's edition when they fit both).
        title: the title line; the skeleton's by default.

    Returns:
        :func:`~govinfo_report.skeleton.skeleton`'s report with the tables replaced:
        each cell named by a record holds its value, every other cell is ``None``
        (not filled in).  ``from_cells(gr.cells(r), …)`` has the tables of ``r`` — also
        a 2021 report whose table 3 prints （六）其他处理 as one row.

    Raises:
        CellsError: a record names an unknown address, names an address a second
            time, has a value that is not a number of the cell's kind (counts are
            integers, amounts decimals, both within the bounds of :mod:`govinfo_report.values`),
            or lacks one of its keys; records mixing two layouts of one table; ``records``
            not an iterable of records.  The message names the record (1-based) and the address.
        ValueError: ``agency`` or ``year`` as :func:`~govinfo_report.skeleton.skeleton`
            refuses them.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.from_cells(
        ...     [
        ...         (3, "一、本年新收政府信息公开申请数量", "自然人", 12),
        ...         {"table": 3, "row": "二、上年结转政府信息公开申请数量", "column": "自然人", "value": "3"},
        ...     ],
        ...     agency="某某市某某局",
        ...     year=2025,
        ... )
        >>> report.applications.new_received.natural_person, report.applications.carried_over.natural_person
        (12, 3)
        >>> report.applications.new_received.total is None   # no record names it: not filled in
        True
    """
    return fill_tables(records, agency=agency, year=year, edition=edition, title=title)


def fill_tables(
    records: Iterable[Record],
    *,
    agency: str,
    year: int,
    edition: str | Edition | None = None,
    title: str | None = None,
    position: Callable[[int], str] = record_position,
) -> Report:
    """:func:`from_cells`, with ``position`` naming a record in messages (``fill`` names CSV lines).

    The ``record`` of a :class:`~govinfo_report.errors.CellsError` stays the record's number.
    """
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        raise CellsError(f"records应为记录的序列（如列表或csv.DictReader），实际为{type(records).__name__}")
    given = [(number, _fields(record, number)) for number, record in enumerate(records, start=1)]
    layout = get_edition(edition) if edition is not None else _edition_of(given, year)
    addresses = _addresses(layout)
    values: dict[int, dict[CellKey, Value]] = {table.number: {} for table in layout.tables}
    keys: dict[int, dict[tuple[int, str, str], int]] = {table.number: {} for table in layout.tables}
    seen: dict[tuple[int, str, str], int] = {}
    for number, (table_number, row, column, raw) in given:
        address = str(CellAddress(table_number, row, column))
        key = (table_number, row, column)
        if key not in addresses:
            raise CellsError(_unknown(key, addresses), address=address, record=number)
        if key in seen:
            raise CellsError(f"{address}重复（{position(seen[key])}已给出）", address=address, record=number)
        seen[key] = number
        spec = addresses[key][1]
        values[table_number][spec.key] = _value(raw, spec, address, number)
        keys[table_number][key] = number
    base = skeleton(agency, year, layout, title=title)
    tables: dict[str, Any] = {}
    for table in layout.tables:
        cls = _table_class(table.classes, keys[table.number], addresses)
        tables[table.attribute] = build_table(cls, values[table.number])
    return attrs.evolve(base, **tables)


Addresses = dict[tuple[int, str, str], tuple[tuple[type, ...], CellSpec]]


def _addresses(edition: Edition) -> Addresses:
    """Every address of the edition's tables (all their layouts), with the classes that have it."""
    found: Addresses = {}
    for table in edition.tables:
        for cls in table.classes:
            for spec in cell_specs(cls):
                key = (table.number, "/".join(spec.row), "/".join(spec.column))
                classes = found[key][0] if key in found else ()
                found[key] = ((*classes, cls), spec)
    return found


def _edition_of(given: list[tuple[int, tuple[int, str, str, object]]], year: int) -> Edition:
    """The edition whose addresses every record names; the year's edition when several fit."""
    keys = {(table, row, column) for _, (table, row, column, _) in given}
    fitting = [edition for edition in EDITIONS.values() if keys <= set(_addresses(edition))]
    try:
        meant = edition_for_year(year)
    except UnknownEditionError:
        meant = EDITIONS["2021"]
    if meant in fitting or not fitting:
        return meant
    return fitting[0]


def _table_class(
    classes: tuple[type, ...], keys: dict[tuple[int, str, str], int], addresses: Addresses
) -> type:
    """The first layout of a table that has every address the records name."""
    for cls in classes:
        if all(cls in addresses[key][0] for key in keys):
            return cls
    # Records from two layouts (e.g. （六）其他处理 as one row and as three rows).
    last = max(keys.values())
    key = next(key for key, number in keys.items() if number == last)
    address = str(CellAddress(*key))
    raise CellsError(
        f"{address}与前面的记录不属于同一种表格样式（如（六）其他处理分一行和三行）",
        address=address,
        record=last,
    )


def _fields(record: Record, number: int) -> tuple[int, str, str, object]:
    if isinstance(record, CellRecord):
        return record.table, record.row, record.column, record.value
    if isinstance(record, Sequence) and not isinstance(record, str | bytes):
        if len(record) != len(_KEYS):
            raise CellsError(f"应为(table, row, column, value)四项，实际为{len(record)}项", record=number)
        record = dict(zip(_KEYS, record, strict=True))
    if not isinstance(record, Mapping):
        raise CellsError(
            f"应为含table、row、column、value的记录，实际为{type(record).__name__}", record=number
        )
    missing = [key for key in _KEYS if key not in record or (key != "value" and record[key] is None)]
    if missing:
        raise CellsError(f"缺少{'、'.join(missing)}", record=number)
    return (
        _table_number(record["table"], number),
        _label(record["row"], "row", number),
        _label(record["column"], "column", number),
        record["value"],
    )


def _table_number(value: object, number: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 1000:
        return value
    text = value.strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and len(text) <= 3:
        return int(text)
    if text in _TABLE_NUMERALS:
        return _TABLE_NUMERALS[text]
    shown = printable(shorten(text, 10)) if isinstance(value, str) else type(value).__name__
    raise CellsError(f"表格编号“{shown}”不是2、3或4", record=number)


def _label(value: object, key: str, number: int) -> str:
    """A row or column path as given, without surrounding white space around its segments."""
    if not isinstance(value, str):
        raise CellsError(f"{key}应为文本，实际为{type(value).__name__}", record=number)
    if first_invalid_character(value) is not None:
        raise CellsError(f"{key}“{printable(shorten(value))}”含有无效字符（单独的代理码位）", record=number)
    return "/".join(part.strip() for part in value.strip().split("/"))


def _unknown(key: tuple[int, str, str], addresses: Addresses) -> str:
    table, row, column = key
    where = f"{CellAddress(table, row, column)}不存在"
    numbers = sorted({number for number, _, _ in addresses})
    if table not in numbers:
        return f"{where}：表格编号应为{'、'.join(map(str, numbers))}"
    rows = list(dict.fromkeys(r for t, r, _ in addresses if t == table))
    if row not in rows:
        close = difflib.get_close_matches(row, rows, n=1, cutoff=0.5)
        hint = f"，是否指“{close[0]}”？" if close else ""
        return f"{where}：表{_numeral(table)}没有这一行{hint}"
    columns = [c for t, r, c in addresses if t == table and r == row]
    close = difflib.get_close_matches(column, columns, n=1, cutoff=0.5)
    hint = f"，是否指“{close[0]}”？" if close else f"；该行的列为：{'、'.join(columns)}"
    return f"{where}：该行没有这一列{hint}"


def _numeral(table: int) -> str:
    return {2: "二", 3: "三", 4: "四"}.get(table, str(table))


def _value(raw: object, spec: CellSpec, address: str, number: int) -> Value:
    if raw is None:
        return None
    whole = spec.kind in ("count", "signed")
    wanted = "整数" if whole else "金额（如12.5）"
    try:
        text = _text(raw, MAX_COUNT if whole else MAX_AMOUNT)
        if text is None:
            raise ValueProblem(f"“{printable(shorten(repr(raw), 30))}”不是数字")
        # A spreadsheet writes 12 as 12.0: read a count as an amount, then check it is whole.
        value = convert(text, "amount" if whole else spec.kind, unit=spec.unit)
        if whole and isinstance(value, Decimal):
            if value != value.to_integral_value():
                raise ValueProblem(f"“{text.strip()}”不是整数")
            value = convert(str(int(value)), spec.kind)
    except ValueProblem as problem:
        raise CellsError(
            f"{address}的值{printable(str(problem))}，应为{wanted}", address=address, record=number
        ) from None
    return value


def _text(raw: object, bound: int) -> str | None:
    """A value as the text ``convert`` reads, or ``None`` when it is no number at all.

    Numbers far out of bounds are refused before any digit is written out
    (``10**5000`` or ``Decimal("1E+100000000")`` would take long to print).

    Raises:
        ValueProblem: the number is over ``bound``, or has more than 30 decimals.
    """
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        return raw
    if isinstance(raw, Money):  # an amount with its unit: the text it is printed as
        amount = _text(raw.amount, bound)
        return None if amount is None else amount + raw.unit
    if isinstance(raw, int):
        if raw.bit_length() > 64:
            raise ValueProblem(f"超出上限{bound:,}")
        return str(raw)
    if isinstance(raw, float):
        raw = Decimal(repr(raw)) if math.isfinite(raw) else None
    if not isinstance(raw, Decimal) or not raw.is_finite():
        return None
    exponent = raw.as_tuple().exponent
    if abs(raw) > bound:
        raise ValueProblem(f"超出上限{bound:,}")
    if isinstance(exponent, int) and exponent < -30:
        raise ValueProblem("小数位数过多")
    return format(raw, "f")
