"""Cell layouts derived from the model: addresses, row lists, building tables.

A table class (e.g. :class:`~govinfo_report.model.Applications`) is a tree of
attrs classes whose leaves are cells.  Walking it while collecting the
``row``/``column`` label metadata gives every cell's address, in the order of
the printed table.  The same walk builds a table from a mapping of addresses
to values, so parsing, the long format and filling from a spreadsheet share
one definition of the layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from .model import COLUMN, KIND, ROW, UNIT
from .values import CellKind, Value

__all__ = ["CellKey", "CellSpec", "RowSpec", "build_table", "cell_specs", "row_specs", "table_values"]

T = TypeVar("T")
#: A cell within its table: (row path, column path).
CellKey = tuple[tuple[str, ...], tuple[str, ...]]


@attrs.frozen
class CellSpec:
    """Where one cell sits: its labels, its kind and its attribute path."""

    row: tuple[str, ...]
    column: tuple[str, ...]
    kind: CellKind
    attributes: tuple[str, ...]
    unit: str = ""

    @property
    def key(self) -> CellKey:
        """The (row path, column path) pair identifying the cell in its table."""
        return (self.row, self.column)


@attrs.frozen
class RowSpec:
    """A printed table row: its label path and its cells, left to right."""

    row: tuple[str, ...]
    cells: tuple[CellSpec, ...]


def _labelled_fields(
    cls: type, row: tuple[str, ...], column: tuple[str, ...]
) -> Iterator[tuple[attrs.Attribute[Any], tuple[str, ...], tuple[str, ...]]]:
    """The fields of ``cls`` that are cells or row groups, with their full row and column paths."""
    for field in attrs.fields(cls):
        meta = field.metadata
        if ROW in meta:
            yield field, row + meta[ROW], column + meta.get(COLUMN, ())


def _walk(
    cls: type, row: tuple[str, ...], column: tuple[str, ...], path: tuple[str, ...]
) -> Iterator[CellSpec]:
    for field, sub_row, sub_column in _labelled_fields(cls, row, column):
        sub_path = (*path, field.name)
        if KIND in field.metadata:
            yield CellSpec(sub_row, sub_column, field.metadata[KIND], sub_path, field.metadata.get(UNIT, ""))
        else:
            yield from _walk(_group_class(field), sub_row, sub_column, sub_path)


_CELL_SPECS: dict[type, tuple[CellSpec, ...]] = {}
_ROW_SPECS: dict[type, tuple[RowSpec, ...]] = {}


def cell_specs(cls: type) -> tuple[CellSpec, ...]:
    """Every cell of a table class, in printed order (row by row)."""
    if cls not in _CELL_SPECS:
        _CELL_SPECS[cls] = tuple(_walk(cls, (), (), ()))
    return _CELL_SPECS[cls]


def row_specs(cls: type) -> tuple[RowSpec, ...]:
    """The printed rows of a table class, in order, with their cells."""
    if cls not in _ROW_SPECS:
        rows: dict[tuple[str, ...], list[CellSpec]] = {}
        for spec in cell_specs(cls):
            rows.setdefault(spec.row, []).append(spec)
        _ROW_SPECS[cls] = tuple(RowSpec(row, tuple(cells)) for row, cells in rows.items())
    return _ROW_SPECS[cls]


def table_values(table: object) -> Iterator[tuple[CellSpec, Value]]:
    """Each cell spec of ``table``'s class with the value it holds."""
    for spec in cell_specs(type(table)):
        value: Any = table
        for name in spec.attributes:
            value = getattr(value, name)
        yield spec, value


def build_table(cls: type[T], values: Mapping[CellKey, Value]) -> T:
    """Build a table of class ``cls``; cells missing from ``values`` are ``None``."""
    build = _BUILDERS.get(cls) or _builder(cls)
    table = build(values.get)
    assert isinstance(table, cls)
    return table


def _group_class(field: attrs.Attribute[Any]) -> type:
    """The class of a row-group field (its default factory builds an empty one)."""
    factory = getattr(field.default, "factory", None)
    assert isinstance(factory, type)
    return factory


# How to build a table class: for each field, whether it is a cell, and either the cell's
# key or (the row group's class, that class's plan); and whether the fields are the class's
# own, in order (then the values go in by position), else their names.
# Worked out once per class and position, so building a table only looks up values.
_PLANS: dict[tuple[type, tuple[str, ...], tuple[str, ...]], Any] = {}


def _plan(cls: type, row: tuple[str, ...], column: tuple[str, ...]) -> Any:
    key = (cls, row, column)
    if key not in _PLANS:
        names: list[str] = []
        steps: list[tuple[bool, Any]] = []
        for field, sub_row, sub_column in _labelled_fields(cls, row, column):
            names.append(field.name)
            if KIND in field.metadata:
                steps.append((True, (sub_row, sub_column)))
            else:
                group = _group_class(field)
                steps.append((False, (group, _plan(group, sub_row, sub_column))))
        positional = names == [field.name for field in attrs.fields(cls)]
        _PLANS[key] = (tuple(steps), None if positional else tuple(names))
    return _PLANS[key]


_Builder = Callable[[Callable[[CellKey], Value | None]], object]
_BUILDERS: dict[type, _Builder] = {}


def _builder(cls: type) -> _Builder:
    """A function building a ``cls`` from a lookup of its cells' values: its plan written out as
    one expression, as attrs writes a class's ``__init__`` (a table is then built by the classes'
    own calls alone, not by a walk of the plan per row group)."""
    namespace: dict[str, Any] = {}

    def call(cls: type, plan: Any) -> str:
        steps, names = plan
        callee = f"c{len(namespace)}"
        namespace[callee] = cls
        arguments = []
        for is_cell, what in steps:
            if is_cell:
                key = f"k{len(namespace)}"
                namespace[key] = what
                arguments.append(f"get({key})")
            else:
                arguments.append(call(*what))
        if names is not None:
            arguments = [f"{name}={argument}" for name, argument in zip(names, arguments, strict=True)]
        return f"{callee}({', '.join(arguments)})"

    source = f"def build(get):\n    return {call(cls, _plan(cls, (), ()))}\n"
    exec(compile(source, f"<table builder {cls.__qualname__}>", "exec"), namespace)
    build: _Builder = namespace["build"]
    _BUILDERS[cls] = build
    return build
