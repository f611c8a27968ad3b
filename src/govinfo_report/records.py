"""JSON records of what reading a file noticed: diagnostics and errors, each with its location.

Batch JSON Lines (``parse --format jsonl``) and ``--diagnostics FILE.jsonl`` write
these; a record's ``location`` is :meth:`Location.to_dict() <govinfo_report.errors.Location.to_dict>`
(only the fields that are set: ``line``/``column`` for text, ``page``/``table``/``table_row``/
``table_column`` for a PDF file …).
"""

from __future__ import annotations

from typing import Any

from .errors import GovInfoError, Location, ParseError
from .model import Diagnostic

__all__ = ["diagnostic_record", "error_record"]


def diagnostic_record(diagnostic: Diagnostic) -> dict[str, Any]:
    """One diagnostic as a JSON object.

    >>> import govinfo_report as gr
    >>> report = gr.parse("一、总体情况\\n二、主动公开政府信息情况\\n规章 0 0 0\\n", lenient=True)
    >>> record = diagnostic_record(report.diagnostics[-1])
    >>> record["severity"], record["location"]
    ('error', {'line': 3, 'column': 1})
    """
    return {
        "line": diagnostic.line,
        "column": diagnostic.column,
        "severity": diagnostic.severity,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "excerpt": diagnostic.excerpt,
        "location": diagnostic.location.to_dict(),
    }


def error_record(error: BaseException | str, kind: str, message: str) -> dict[str, Any]:
    """The ``error`` object of a failed file's record: type, message and, when known, where.

    ``error`` is the exception, or the reason a worker gave up on the file (a string).

    >>> import govinfo_report as gr
    >>> try:
    ...     gr.parse("一、总体情况\\n二、主动公开政府信息情况\\n规章 0 0\\n")  # the third line is short
    ... except gr.ParseError as exc:
    ...     record = error_record(exc, type(exc).__name__, str(exc))
    >>> record["type"], record["location"]
    ('ParseError', {'line': 3, 'column': 1})
    """
    detail: dict[str, Any] = {"type": kind, "message": message}
    if isinstance(error, ParseError):
        detail.update(line=error.line, column=error.column)
    location = getattr(error, "location", None) if isinstance(error, GovInfoError) else None
    if isinstance(location, Location):
        detail["location"] = location.to_dict()
    return detail
