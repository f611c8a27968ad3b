"""What the analyses share: their error, reading a cell as a number, naming a report."""

from __future__ import annotations

from decimal import Decimal

from ..model import Report
from ..values import number

__all__ = ["Number", "difference", "number", "report_name"]

Number = int | Decimal


def difference(a: Number, b: Number) -> Number:
    """How far apart two numbers are (never negative)."""
    return a - b if a >= b else b - a


def report_name(report: Report, fallback: str) -> str:
    """How messages name a report: ``2024年报告``, or ``fallback`` when the year is unknown."""
    return f"{report.year}年报告" if report.year is not None else fallback
