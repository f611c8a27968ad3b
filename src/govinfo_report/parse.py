"""``parse``: text → :class:`~govinfo_report.model.Report`, and any reader's document too.

normalize → grammar (Lark LALR: the fast path of :mod:`._fast_path`, else the
contextual lexer) → Transformer.  Lark's
exceptions are caught at this border and re-raised as
:class:`~govinfo_report.errors.ParseError` with a Chinese message naming the
official labels; nothing else escapes for ``str`` input.

:func:`parse_document` is the one entry for every form: a reader's
:class:`~govinfo_report.readers.document.Document` is parsed like text, then
errors and diagnostics are placed in the file (page, table, row, column) and
the report is told where it came from (``report.source``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ._fast_path import fast_tree
from ._grammar import labels, parser
from .detect import decide, evidence, markers
from .editions import EDITIONS, HEADINGS, TABLE_NAMES, Edition, get_edition
from .errors import EmptyInputError, GovInfoError, InputTooLargeError, ParseError, excerpt_near, shorten
from .model import Diagnostic, Report
from .normalize import SEVERAL, normalize, replace_invalid_characters, split_lines
from .readers.document import Document
from .reading import MAX_SIZE
from .recovery import Reading
from .transform import ReportTransformer, row_label

__all__ = ["MAX_SIZE", "parse", "parse_document"]

_NAMED = {
    "TITLE_LINE": "标题行（如“2024年政府信息公开工作年度报告”）",
    "TEXT_LINE": "正文",
    "CELLS": "数字（未填写的单元格写“/”或“—”）",
    "$END": "文本结束",
    **{f"H{i}": f"“{heading}”" for i, heading in enumerate(HEADINGS, start=1)},
}
_SECTION_OF = {f"H{i}": i for i in range(1, 7)}


def parse(
    text: str,
    *,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Parse the text of one annual report.

    Args:
        text: the report as text (PDF text layer, Word or web copy).
        edition: ``"2021"`` or ``"2019"`` to read the text as that edition;
            ``None`` (the default) tells the edition from the tables themselves
            (table 2's columns, the rows under （六）其他处理), never from the year.
        lenient: keep going past what cannot be read: missing tables and
            cells stay "not filled in", text that does not fit is skipped,
            and ``report.diagnostics`` says what was done and where.  Text
            that holds no report at all still raises.
        max_size: refuse longer input (characters) with ``InputTooLargeError``.

    Raises:
        ParseError: the text is not a report of a known layout; the error
            carries ``line``, ``column``, ``excerpt`` and ``expected``.


    Example:
        >>> import govinfo_report as gr
        >>> text = open("examples/zhongwei-government-office-2024.txt", encoding="utf-8").read()
        >>> report = gr.parse(text)
        >>> report.year, report.applications.new_received.total
        (2024, 31)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() for bytes")
    return parse_document(Document.from_text(text), edition=edition, lenient=lenient, max_size=max_size)


def parse_document(
    document: Document,
    *,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Parse a reader's document (see :mod:`govinfo_report.readers`); as :func:`parse` otherwise.

    Errors and diagnostics carry the document's locations (``error.location``:
    page/table/row/column for files) and the report its ``source``.


    Example:
        >>> import govinfo_report as gr
        >>> document = gr.read_document("examples/zhongwei-government-office-2024.txt")
        >>> gr.parse_document(document).source.form
        'text'
    """
    if document.problems and not lenient:
        raise document.problems[0]
    try:
        report = _parse(document.text, edition, lenient, max_size, exact=document.exact_paragraphs)
    except ParseError as error:
        if document.origins is None:
            raise
        raise error.located(document.locate(error.line, error.column)) from None
    diagnostics = report.diagnostics
    if document.origins is not None:
        diagnostics = tuple(_located(diagnostic, document) for diagnostic in diagnostics)
    if document.problems:
        found = [_problem(error) for error in document.problems]
        diagnostics = tuple(sorted([*diagnostics, *found], key=lambda d: (d.line, d.column)))
    diagnostics = (*document.notes, *diagnostics)
    return attrs.evolve(report, diagnostics=diagnostics, source=document.source)


def _problem(error: ParseError) -> Diagnostic:
    """A reader's problem as a lenient diagnostic: the cell was left not filled in."""
    message = f"{error.reason}，按未填写处理"
    return Diagnostic(
        error.line, error.column, message, error.excerpt, code="CELL-UNREADABLE", location=error.location
    )


def _located(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    return attrs.evolve(diagnostic, location=document.locate(diagnostic.line, diagnostic.column))


def _parse(text: str, edition: str | None, lenient: bool, max_size: int, *, exact: bool) -> Report:
    forced = get_edition(edition) if edition is not None else None
    if len(text) > max_size:
        raise InputTooLargeError(
            f"输入过大：{len(text):,}个字符，超过上限{max_size:,}（可用max_size调整）", line=1, column=1
        )
    if not text.strip():
        raise EmptyInputError("输入为空，没有可读的报告文本", line=1, column=1)
    notes: list[Diagnostic] = []
    if lenient:
        text, invalid = replace_invalid_characters(text)
        notes += _invalid_characters(invalid, text)
    lines = split_lines(text)
    normalized = normalize(text)
    found = evidence(normalized)
    detected = decide(found)
    chosen = forced or detected or EDITIONS["2021"]
    if forced is None and detected is None:
        notes.append(_undetermined(lines))
    reading = Reading(normalized, lines, chosen, lenient=lenient)
    try:
        # The reference parser reads what the fast path does not accept (see _fast_path).
        tree = fast_tree(normalized, chosen)
        if tree is None:
            tree = parser().parse(normalized, start=chosen.start, on_error=reading)
        transformer = ReportTransformer(
            lines, chosen, lenient=lenient, exact_paragraphs=exact, skipped=reading.skipped
        )
        report = _transformed(transformer, tree)
    except GovInfoError as exc:  # the Transformer's (a cell that cannot be read, a missing title)
        raise _with_edition(exc, found, chosen) from None
    except UnexpectedInput as exc:
        raise _with_edition(_from_lark(exc, lines, chosen, normalized), found, chosen) from None
    except RecursionError:  # pragma: no cover - the grammar keeps trees flat
        raise ParseError("文本嵌套过深，无法解析", line=1, column=1) from None
    if chosen.superseded_for(report.year):
        notes.append(_superseded(chosen, report, lines))
    notes += [*reading.diagnostics, *transformer.diagnostics]
    if not notes:
        return report
    return attrs.evolve(report, diagnostics=sorted(notes, key=lambda d: (d.line, d.column)))


def _transformed(transformer: ReportTransformer, tree: Tree[Token]) -> Report:
    try:
        return transformer.transform(tree)
    except (GovInfoError, RecursionError):
        raise
    except Exception as exc:  # pragma: no cover - a bug, reported with a position anyway
        raise ParseError(f"内部错误：{exc!r}", line=1, column=1) from exc


def _invalid_characters(found: list[tuple[int, int, str]], text: str) -> list[Diagnostic]:
    """Lenient parsing: a diagnostic for each line where a lone surrogate was replaced."""
    if not found:
        return []
    lines = split_lines(text)
    return [
        Diagnostic(
            line,
            column,
            f"无效字符{code_point}：单独的代理码位不是字符（文本可能解码有误），已替换为U+FFFD“\ufffd”",
            excerpt_near(lines[line - 1], column),
            severity="warning",
            code="CHARACTER-INVALID",
        )
        for line, column, code_point in found
    ]


def _with_edition(
    error: GovInfoError, found: dict[Edition, tuple[str, ...]], chosen: Edition
) -> GovInfoError:
    """``error``, saying so when the tables print labels of another edition than the one read."""
    others = [(edition, labels) for edition, labels in found.items() if edition != chosen and labels]
    if not isinstance(error, ParseError) or not others:
        return error
    said = "；".join(f"{edition}格式的“{'”“'.join(labels[:3])}”" for edition, labels in others)
    return type(error)(
        f"表格中有{said}等，不能按{chosen}读取；{error.reason}",
        line=error.line,
        column=error.column,
        excerpt=error.excerpt,
        expected=error.expected,
    )


def _undetermined(lines: list[str]) -> Diagnostic:
    hints = "；".join(
        f"{edition}表格有“{'”“'.join(markers(edition)[:2])}”等" for edition in EDITIONS.values()
    )
    message = f"无法从表格判断格式版本（{hints}），按{EDITIONS['2021']}读取"
    return Diagnostic(1, 1, message, lines[0] if lines else "", severity="warning", code="EDITION-UNKNOWN")


def _superseded(edition: Edition, report: Report, lines: list[str]) -> Diagnostic:
    message = (
        f"报告年度为{report.year}年，使用的却是{edition}格式；该格式只适用于"
        f"{edition.first_year}至{edition.last_year}年度的报告，已被新版格式取代"
    )
    return Diagnostic(1, 1, message, lines[0] if lines else "", severity="warning", code="LAYOUT-SUPERSEDED")


def _describe(names: Iterable[str], edition: Edition) -> tuple[str, ...]:
    described: list[str] = []
    for name in sorted(names, key=_order):
        if name.startswith("_"):
            continue
        if name in _NAMED:
            text = _NAMED[name]
        elif name in labels():
            text = f"“{row_label(name, edition)}”"
        else:
            continue
        if text not in described:
            described.append(text)
    return tuple(described)


def _order(name: str) -> tuple[int, str]:
    return (0 if name == "CELLS" else 1, name)


def _where(names: Iterable[str]) -> str:
    for name in names:
        bare = name.lstrip("_")
        table = TABLE_NAMES.get(int(bare[1])) if bare[:1] == "T" and bare[1:2].isdigit() else None
        if table:
            return table
    return ""


def _from_lark(exc: UnexpectedInput, lines: list[str], edition: Edition, normalized: str) -> ParseError:
    line = exc.line if isinstance(exc.line, int) and exc.line > 0 else len(lines)
    column = exc.column if isinstance(exc.column, int) and exc.column > 0 else 1
    excerpt = lines[line - 1] if 0 < line <= len(lines) else ""
    found = _found(excerpt, column)
    several = _several_values(normalized, exc, excerpt, column)
    if several:
        return ParseError(
            f"一个单元格中有多个数（“{shorten(several)}”），无法确定是哪一个",
            line=line,
            column=column,
            excerpt=excerpt,
            expected=(_NAMED["CELLS"],),
        )
    row = _open_row(exc, edition)
    if row is not None:
        # Inside a table row, after its label or some of its cells.
        allowed = set(getattr(exc, "allowed", None) or getattr(exc, "expected", None) or ())
        return ParseError(
            f"{_where(allowed)}“{row}”行此处应为数字，遇到“{found}”",
            line=line,
            column=column,
            excerpt=excerpt,
            expected=tuple(dict.fromkeys((_NAMED["CELLS"], *_describe(allowed, edition)))),
        )
    if isinstance(exc, UnexpectedCharacters):
        allowed = set(exc.allowed or ())
        where = _where(allowed)
        reason = f"{where}此处无法识别“{found}”" if where else f"无法识别“{found}”"
        return ParseError(
            reason, line=line, column=column, excerpt=excerpt, expected=_describe(allowed, edition)
        )
    if isinstance(exc, UnexpectedToken):
        token: Token = exc.token
        expected = set(exc.expected or ())
        if token.type == "$END":
            last = _last_line(lines)
            reason = (
                "未找到标题行和“一、总体情况”等章节，这段文本不像政府信息公开工作年度报告"
                if "TITLE_LINE" in expected
                else "文本提前结束" + _missing(expected)
            )
            return ParseError(
                reason,
                line=last,
                column=1,
                excerpt=lines[last - 1] if lines else "",
                expected=_describe(expected, edition),
            )
        if token.type in _SECTION_OF:
            later = any(_SECTION_OF.get(name, 0) > _SECTION_OF[token.type] for name in expected)
            earlier = any(0 < _SECTION_OF.get(name, 7) < _SECTION_OF[token.type] for name in expected)
            reason = (
                f"章节顺序不对：遇到“{shorten(str(token))}”" + _missing(expected)
                if earlier and not later
                else f"章节标题“{shorten(str(token))}”重复出现或位置不对（各章节按顺序只出现一次）"
            )
            return ParseError(
                reason,
                line=line,
                column=column,
                excerpt=excerpt,
                expected=_describe(expected, edition),
            )
        where = _where(expected)
        described = row_label(token.type, edition) if token.type in labels() else str(token)
        return ParseError(
            f"{where}此处不应出现“{shorten(described)}”",
            line=line,
            column=column,
            excerpt=excerpt,
            expected=_describe(expected, edition),
        )
    if isinstance(exc, UnexpectedEOF):  # pragma: no cover - LALR reports $END as UnexpectedToken
        last = _last_line(lines)
        return ParseError("文本提前结束", line=last, column=1, excerpt=lines[last - 1])
    return ParseError(str(exc), line=line, column=column, excerpt=excerpt)  # pragma: no cover


def _several_values(normalized: str, exc: UnexpectedInput, excerpt: str, column: int) -> str:
    """The field at the error when it holds several values (normalize marked it), as printed."""
    position = getattr(exc, "pos_in_stream", None)
    token = getattr(exc, "token", None)
    if position is None and token is not None:
        position = getattr(token, "start_pos", None)
    if not isinstance(position, int) or position < 0:
        return ""
    field = _FIELD_AT.match(normalized, position)
    if field is None or SEVERAL not in field.group():
        return ""
    return excerpt[column - 1 : column - 1 + len(field.group())].strip()


_FIELD_AT = re.compile(r"[^\t|\n]*")


def _found(excerpt: str, column: int) -> str:
    """What stands at ``column``: up to the next cell separator or white space, at most 12 characters."""
    rest = excerpt[column - 1 :] if excerpt else ""
    piece = _FOUND.match(rest)
    return shorten(piece.group() if piece and piece.group() else rest[:12], 12)


_FOUND = re.compile(r"[^\s|]{1,24}")


def _open_row(exc: UnexpectedInput, edition: Edition) -> str | None:
    """The label of the table row the error interrupts, if it is one.

    That is when the last token read was a row label or cells, and what
    follows is not another label, heading or the end of the text.
    """
    history = getattr(exc, "token_history", None) or []
    token = getattr(exc, "token", None)
    if not history or (token is not None and token.type != "TEXT_LINE"):
        return None
    last = history[-1]
    if last.type != "CELLS" and last.type not in labels():
        return None
    stack = getattr(getattr(exc, "state", None), "value_stack", None) or []
    for item in reversed(stack):
        if isinstance(item, Token) and item.type in labels() and not item.type.startswith("_"):
            return row_label(item.type, edition)
    return None


def _missing(expected: set[str]) -> str:
    for name in ("H1", "H2", "H3", "H4", "H5", "H6", "TITLE_LINE"):
        if name in expected:
            return f"，缺少{_NAMED[name]}"
    where = _where(expected)
    return f"，{where}不完整" if where else ""


def _last_line(lines: list[str]) -> int:
    for index in range(len(lines), 0, -1):
        if lines[index - 1].strip():
            return index
    return 1
