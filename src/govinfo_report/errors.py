"""The library's exceptions: one root, a few branches, standard library only.

Every error a user can meet derives from :class:`GovInfoError`.  Errors about
text the parser cannot read are :class:`ParseError` (a :class:`ValueError`)
and carry the position, the offending excerpt and what was expected, so a
command-line tool can print them and a program can inspect them.
"""

from __future__ import annotations

__all__ = [
    "CellCountError",
    "CellValueError",
    "CellsError",
    "DecodeError",
    "EmptyInputError",
    "GovInfoError",
    "InputTooLargeError",
    "MissingDependencyError",
    "ParseError",
    "SerializationError",
    "UnknownEditionError",
]


def shorten(text: str, limit: int = 20) -> str:
    """``text`` stripped, cut to ``limit`` characters with ``…`` — for quoting input in messages."""
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


class GovInfoError(Exception):
    """Root of every exception raised by ``govinfo_report``."""


class ParseError(GovInfoError, ValueError):
    """Text that is not a report of a known layout.

    Attributes:
        line: 1-based line number in the input text.
        column: 1-based column number (characters, not bytes).
        excerpt: the input line the error points at.
        expected: what the parser would have accepted there, in words.
        reason: the message without position and excerpt.
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int,
        column: int,
        excerpt: str = "",
        expected: tuple[str, ...] = (),
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.expected = expected
        super().__init__(self._format())

    def _format(self) -> str:
        parts = [f"第{self.line}行第{self.column}列：{self.reason}"]
        if self.excerpt:
            shown = self.excerpt.expandtabs(1)
            caret = _caret_offset(self.excerpt, self.column)
            parts.append(f"  {shown}")
            parts.append("  " + " " * caret + "^")
        if self.expected:
            parts.append("应为：" + "、".join(self.expected))
        return "\n".join(parts)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (type(self), self.reason, self.line, self.column, self.excerpt, self.expected),
        )


def _rebuild(
    cls: type[ParseError],
    reason: str,
    line: int,
    column: int,
    excerpt: str,
    expected: tuple[str, ...],
) -> ParseError:
    return cls(reason, line=line, column=column, excerpt=excerpt, expected=expected)


def _caret_offset(excerpt: str, column: int) -> int:
    """Display width of the excerpt before ``column`` (CJK characters count 2)."""
    width = 0
    for char in excerpt[: max(column - 1, 0)]:
        width += 2 if ord(char) > 0x2E80 else 1
    return width


class EmptyInputError(ParseError):
    """The input holds no text at all."""


class InputTooLargeError(ParseError):
    """The input is larger than the configured limit (``max_size``)."""


class CellCountError(ParseError):
    """A table row has more or fewer cells than its layout allows."""


class CellValueError(ParseError):
    """A cell holds something that is not a number of the right kind."""


class DecodeError(GovInfoError, ValueError):
    """Bytes that could not be decoded as text in any supported encoding."""


class SerializationError(GovInfoError, ValueError):
    """A dict or JSON document that does not describe a report.

    Attributes:
        path: where the bad value is, e.g. ``$.applications.outcomes.total.natural_person``.
    """

    def __init__(self, message: str, *, path: str = "$") -> None:
        self.path = path
        super().__init__(message)


class CellsError(GovInfoError, ValueError):
    """Long-format cell records (``table,row,column,value``) that do not fill a report.

    Raised by :func:`govinfo_report.from_cells` for an unknown address, an
    address given twice, a value that is not a number of the cell's kind, or a
    record without its keys.

    Attributes:
        reason: the message without the record number.
        address: the cell's address as given, e.g. ``表三“一、本年新收政府信息公开申请数量”行“自然人”列``,
            or ``None`` when the record names none.
        record: 1-based number of the offending record, or ``None``.
    """

    def __init__(self, reason: str, *, address: str | None = None, record: int | None = None) -> None:
        self.reason = reason
        self.address = address
        self.record = record
        super().__init__(f"第{record}条记录：{reason}" if record is not None else reason)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_cells_error, (type(self), self.reason, self.address, self.record))


def _rebuild_cells_error(
    cls: type[CellsError], reason: str, address: str | None, record: int | None
) -> CellsError:
    return cls(reason, address=address, record=record)


class MissingDependencyError(GovInfoError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""


class UnknownEditionError(GovInfoError, LookupError):
    """An edition name that is not one of the known editions."""
