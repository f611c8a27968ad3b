"""The library's exceptions: one root, a few branches, and where things are.

Every error a user can meet derives from :class:`GovInfoError`.  Errors about
input the parser cannot read are :class:`ParseError` (a :class:`ValueError`)
and carry the position, the offending excerpt and what was expected, so a
command-line tool can print them and a program can inspect them.  A
:class:`Location` says where in the file something is: line and column for
text, and page, table, row and column for the files readers read.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "EXCERPT_WIDTH",
    "CellCountError",
    "CellValueError",
    "CellsError",
    "DamagedPDFError",
    "DecodeError",
    "EmptyInputError",
    "EncryptedPDFError",
    "GovInfoError",
    "IncompatibleReportsError",
    "InputTooLargeError",
    "Location",
    "MissingDependencyError",
    "ParseError",
    "ScannedPDFError",
    "SerializationError",
    "UnknownEditionError",
    "UnmappedTextError",
    "UnsupportedFormatError",
    "excerpt_near",
    "shorten",
]


@attrs.frozen
class Location:
    """Where something is in the input, counted from 1 as a person counts.

    Which fields are set depends on the form of the input:

    * text: ``line`` and ``column``;
    * a web page: ``line`` (the source line of the element), and for a table cell
      ``table``, ``table_row`` and ``table_column``;
    * a Word file: ``paragraph`` (the n-th body paragraph, empty ones included; see
      docs/reading-word.md), or ``table``, ``table_row`` and ``table_column``;
    * a PDF file: ``page``, and for a table cell ``table`` (on that page),
      ``table_row`` and ``table_column``.

    ``str(location)`` says it in Chinese, e.g. ``第4页第2个表格第3行第2列``.


    Example:
        >>> import govinfo_report as gr
        >>> str(gr.Location(page=4, table=2, table_row=3, table_column=2))
        '第4页第2个表格第3行第2列'
        >>> gr.Location(line=12, column=3).to_dict()
        {'line': 12, 'column': 3}
    """

    line: int | None = None
    column: int | None = None
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    table_row: int | None = None
    table_column: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        if self.table is not None:
            parts.append(f"第{self.table}个表格")
            if self.table_row is not None:
                parts.append(f"第{self.table_row}行")
            if self.table_column is not None:
                parts.append(f"第{self.table_column}列")
        grid = "".join(parts)
        text = ""
        if self.line is not None:
            text = f"第{self.line}行" + (f"第{self.column}列" if self.column is not None else "")
        if grid and text:
            return f"{grid}（源文件{text}）"
        return grid or text or "开头"

    def to_dict(self) -> dict[str, int]:
        """The fields that are set, for JSON."""
        return {key: value for key, value in attrs.asdict(self).items() if value is not None}


def shorten(text: str, limit: int = 20) -> str:
    """``text`` stripped, cut to ``limit`` characters with ``…`` — for quoting input in messages."""
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


#: Longest excerpt of an input line an error or diagnostic keeps.
EXCERPT_WIDTH = 160


def excerpt_near(line: str, column: int, width: int = EXCERPT_WIDTH) -> str:
    """The part of ``line`` around ``column`` (1-based), at most ``width`` characters.

    A long line (a whole web page on one line, a pasted table) is cut around the
    position with ``…`` on the cut sides, so that no message holds a line of megabytes.
    """
    return _window(line, column, width)[0]


def _window(line: str, column: int, width: int = EXCERPT_WIDTH) -> tuple[str, int]:
    """:func:`excerpt_near`'s text, and the 1-based column in it that ``column`` became."""
    if len(line) <= width:
        return line, column
    start = max(0, min(column - 1 - width // 2, len(line) - width))
    piece = line[start : start + width]
    lead = "…" if start > 0 else ""
    return lead + piece + ("…" if start + width < len(line) else ""), column - start + len(lead)


class GovInfoError(Exception):
    """Root of every exception raised by ``govinfo_report``.

    Example:
        >>> import govinfo_report as gr
        >>> issubclass(gr.ParseError, gr.GovInfoError), issubclass(gr.DecodeError, gr.GovInfoError)
        (True, True)
    """


class ParseError(GovInfoError, ValueError):
    """Text that is not a report of a known layout.

    Attributes:
        line: 1-based line number in the text that was parsed: the user's text, or for
            a file read by a reader (web page, Word, PDF) the text the reader made of it.
        column: 1-based column number in that line (characters, not bytes).
        excerpt: the line of that text the error points at (the message and :meth:`to_dict`
            show at most 160 characters of it, around the column).
        expected: what the parser would have accepted there, in words.
        reason: the message without position and excerpt.
        location: where it is in the user's input: the same line and column for
            text, page/table/row/column for files (see :class:`Location`).


    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.parse("一、总体情况\\n二、主动公开政府信息情况\\n规章 0 零 0\\n")
        ... except gr.ParseError as error:
        ...     print(error.location, error.reason)
        第3行第6列 表二“规章”行此处应为数字，遇到“零”
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int,
        column: int,
        excerpt: str = "",
        expected: tuple[str, ...] = (),
        location: Location | None = None,
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.expected = expected
        self.location = location if location is not None else Location(line=line, column=column)
        super().__init__(self._format())

    def located(self, location: Location) -> ParseError:
        """The same error (same class) placed at ``location`` in the user's file."""
        return _rebuild(
            type(self), self.reason, self.line, self.column, self.excerpt, self.expected, location
        )

    def to_dict(self) -> dict[str, Any]:
        """The error for JSON: type, reason, location, the text line and what was expected."""
        return {
            "type": type(self).__name__,
            "message": self.reason,
            "location": self.location.to_dict(),
            "line": self.line,
            "column": self.column,
            "excerpt": excerpt_near(self.excerpt, self.column),
            "expected": list(self.expected),
        }

    def _format(self) -> str:
        parts = [f"{self.location}：{self.reason}"]
        if self.excerpt:
            window, column = _window(self.excerpt, self.column)
            shown = window.expandtabs(1)
            caret = _caret_offset(window, column)
            parts.append(f"  {shown}")
            parts.append("  " + " " * caret + "^")
        if self.expected:
            parts.append("应为：" + "、".join(self.expected))
        return "\n".join(parts)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (type(self), self.reason, self.line, self.column, self.excerpt, self.expected, self.location),
        )


def _rebuild(
    cls: type[ParseError],
    reason: str,
    line: int,
    column: int,
    excerpt: str,
    expected: tuple[str, ...],
    location: Location | None = None,
) -> ParseError:
    return cls(reason, line=line, column=column, excerpt=excerpt, expected=expected, location=location)


def _caret_offset(excerpt: str, column: int) -> int:
    """Display width of the excerpt before ``column`` (CJK characters count 2)."""
    width = 0
    for char in excerpt[: max(column - 1, 0)]:
        width += 2 if ord(char) > 0x2E80 else 1
    return width


class EmptyInputError(ParseError):
    """The input holds no text at all.

    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.parse("   ")
        ... except gr.EmptyInputError as error:
        ...     print(error.reason)
        输入为空，没有可读的报告文本
    """


class InputTooLargeError(ParseError):
    """The input is larger than the configured limit (``max_size``).

    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.parse("一、总体情况" * 10, max_size=20)
        ... except gr.InputTooLargeError as error:
        ...     print(error.reason)
        输入过大：60个字符，超过上限20（可用max_size调整）
    """


class CellCountError(ParseError):
    """A table row has more or fewer cells than its layout allows.

    Example:
        >>> import govinfo_report as gr
        >>> text = open("examples/zhongwei-government-office-2024.txt", encoding="utf-8").read()
        >>> try:
        ...     gr.parse(text.replace("规章 2 0 9", "规章 2 0 9 9"))
        ... except gr.CellCountError as error:
        ...     print(error.reason)
        表二“第二十条第（一）项/规章”行应有3个数，读到4个
    """


class CellValueError(ParseError):
    """A cell holds something that is not a number of the right kind.

    Example:
        >>> import govinfo_report as gr
        >>> text = open("examples/zhongwei-government-office-2024.txt", encoding="utf-8").read()
        >>> try:
        ...     gr.parse(text.replace("规章 2 0 9", "规章 2 1.5 9"))
        ... except gr.CellValueError as error:
        ...     print(error.reason)
        “第二十条第（一）项/规章”的“本年废止件数”：“1.5”不是整数
    """


class DecodeError(GovInfoError, ValueError):
    """A file that could not be read, or bytes that could not be decoded as text.

    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.parse_file("no-such-report.txt")
        ... except gr.DecodeError as error:
        ...     print(type(error).__name__)
        DecodeError
    """


class UnsupportedFormatError(DecodeError):
    """A file in a form the library does not read (a legacy ``.doc``, a spreadsheet, an image …).

    The message names the form and what to do (e.g. "另存为.docx").

    Attributes:
        form: the form the file was recognised as, e.g. ``"doc"``, ``"xlsx"``, ``"image"``.


    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.read_document(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(32))
        ... except gr.UnsupportedFormatError as error:
        ...     print(error.form, error)
        image 这是图片（PNG），本库不能读取；图片中的文字需要先进行文字识别（OCR），再读取识别出的文本
    """

    def __init__(self, message: str, *, form: str) -> None:
        self.form = form
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unsupported, (type(self), str(self), self.form))


def _rebuild_unsupported(
    cls: type[UnsupportedFormatError], message: str, form: str
) -> UnsupportedFormatError:
    return cls(message, form=form)


class SerializationError(GovInfoError, ValueError):
    """A dict or JSON document that does not describe a report.

    Attributes:
        path: where the bad value is, e.g. ``$.applications.outcomes.total.natural_person``.


    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.from_json("{}")
        ... except gr.SerializationError as error:
        ...     print(error.path)
        $.schema_version
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


    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     record = {"table": 3, "row": "一、本年新收", "column": "自然人", "value": "1"}
        ...     gr.from_cells([record], agency="某局", year=2024)
        ... except gr.CellsError as error:
        ...     print(error.record, error.address)
        1 表三“一、本年新收”行“自然人”列
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


class IncompatibleReportsError(GovInfoError, ValueError):
    """Reports that cannot be compared or added up: other editions, other years, wrong order.

    The message says which reports and why (Chinese).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> try:
        ...     gr.aggregate([report, gr.skeleton("某局", 2023)], agency="某县")
        ... except gr.IncompatibleReportsError as error:
        ...     print(error)  # doctest: +ELLIPSIS
        报告的年度不同，不能汇总：...
    """


class MissingDependencyError(GovInfoError, ImportError):
    """An optional dependency is not installed; the message says which extra to install.

    Example:
        >>> import govinfo_report as gr
        >>> issubclass(gr.MissingDependencyError, ImportError)
        True
    """


class UnknownEditionError(GovInfoError, LookupError):
    """An edition name that is not one of the known editions.

    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.get_edition("2020")
        ... except gr.UnknownEditionError as error:
        ...     print(error)
        未知的格式版本“2020”，是否指“2021”？
    """


class ScannedPDFError(DecodeError):
    """A PDF whose pages are pictures (a scan, or a scan under an OCR text layer).

    The library reads the text a PDF carries; the text of a picture needs
    optical character recognition (OCR) first.

    Attributes:
        pages: the pages that are pictures (1-based).


    Example:
        >>> import govinfo_report as gr
        >>> issubclass(gr.ScannedPDFError, gr.DecodeError)  # raised for a PDF with no text layer
        True
    """

    def __init__(self, message: str, *, pages: tuple[int, ...] = ()) -> None:
        self.pages = tuple(pages)
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_scanned, (type(self), str(self), self.pages))


def _rebuild_scanned(cls: type[ScannedPDFError], message: str, pages: tuple[int, ...]) -> ScannedPDFError:
    return cls(message, pages=pages)


class EncryptedPDFError(DecodeError):
    """A PDF that cannot be opened without its password.

    Example:
        >>> import govinfo_report as gr
        >>> issubclass(gr.EncryptedPDFError, gr.DecodeError)  # raised for a PDF that needs a password
        True
    """


class DamagedPDFError(DecodeError):
    """A PDF file that is damaged or incomplete (cut off while downloading or copying).

    Attributes:
        page: the page that cannot be read (1-based), or ``None`` for the whole file.


    Example:
        >>> import govinfo_report as gr
        >>> try:
        ...     gr.parse_file("examples/zhongwei-government-office-2024.txt", max_size=10)
        ... except gr.InputTooLargeError:
        ...     print("too large")
        too large
        >>> issubclass(gr.DamagedPDFError, gr.DecodeError)  # raised for a truncated or broken PDF
        True
    """

    def __init__(self, message: str, *, page: int | None = None) -> None:
        self.page = page
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_damaged, (type(self), str(self), self.page))


def _rebuild_damaged(cls: type[DamagedPDFError], message: str, page: int | None) -> DamagedPDFError:
    return cls(message, page=page)


class UnmappedTextError(ParseError):
    """Text drawn in a font that maps its characters to no Unicode character.

    The file does not say which characters are printed (pdfminer shows them as
    ``(cid:123)``), so they are refused with their position, never guessed.


    Example:
        >>> import govinfo_report as gr
        >>> issubclass(gr.UnmappedTextError, gr.ParseError)  # PDF text in a font that maps to no characters
        True
    """
