"""The values of the real files in tests/fixtures/real, as a person read them (``*.cells.csv``)."""

from __future__ import annotations

import csv
from decimal import Decimal

import govinfo_report as gr
from govinfo_report.values import format_value
from tests.conftest import FIXTURES

REAL = FIXTURES / "real"

Address = tuple[int, str, str]


def expected_cells(name: str) -> dict[Address, str]:
    """``{(table, row, column): value}`` of ``NAME.cells.csv``; ``""`` is a blank cell."""
    with open(REAL / f"{name}.cells.csv", encoding="utf-8", newline="") as file:
        return {(int(r["table"]), r["row"], r["column"]): r["value"].strip() for r in csv.DictReader(file)}


def read_cells(report: gr.Report) -> dict[Address, str]:
    """The report's cells in the same form: values as printed plain text, ``""`` for not filled in."""
    return {(c.table, c.row, c.column): format_value(c.value) for c in gr.cells(report)}


def same(expected: str, read: str) -> bool:
    """Equal as numbers (``20`` and ``20.0``), or as text (an amount with its unit)."""
    if expected == "" or read == "":
        return expected == read
    try:
        return Decimal(expected) == Decimal(read)
    except ArithmeticError:
        return expected == read


def differences(report: gr.Report, name: str) -> list[str]:
    """Every cell where the report differs from what a person read, in words; empty when none."""
    want, got = expected_cells(name), read_cells(report)
    problems = [f"{address}: 缺少" for address in want if address not in got]
    problems += [f"{address}: 多出" for address in got if address not in want]
    problems += [
        f"{address}: 应为{want[address]!r}，读到{got[address]!r}"
        for address in want
        if address in got and not same(want[address], got[address])
    ]
    return problems
