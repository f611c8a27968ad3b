"""Lenient parsing: keep going past what cannot be read, and say what was done.

:class:`Recovery` is the ``on_error`` handler Lark's LALR parser calls with
an interactive parser.  The report's structure is a fixed sequence of
*landmarks* — the six headings and every table row, in printed order — so
recovery needs no search:

* a landmark found *ahead* of where the parser is (a missing table, a
  missing row) → the landmarks in between are put in as empty, so their
  cells stay "not filled in", and reading goes on;
* the text ends early → every landmark still to come is put in as empty;
* anything else (a repeated or out-of-order row, cells without a row, a line
  that is not part of the layout) → skipped.

Each action costs a constant amount of work, so a damaged file of any size
is read in time linear in its length.  Every action is recorded as a
:class:`~govinfo_report.model.Diagnostic`.
"""

from __future__ import annotations

from functools import cache

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ._grammar import labels
from .editions import HEADINGS, TABLE_NAMES, Edition
from .errors import shorten
from .layout import row_specs
from .model import Diagnostic
from .transform import row_label

__all__ = ["Recovery", "landmarks"]

_MAX_LISTED = 6


@cache
def landmarks(edition: Edition) -> tuple[str, ...]:
    """The terminal names of the headings and table rows, in printed order."""
    terminal_of = {
        spelling: name for name, names in labels().items() if not name.startswith("_") for spelling in names
    }
    tables = {spec.number: spec.cls for spec in edition.tables}
    order: list[str] = []
    for number in range(1, 7):
        order.append(f"H{number}")
        if number in tables and number != 4:  # table 4 is one unlabelled row
            order += [terminal_of[spec.row[-1]] for spec in row_specs(tables[number])]
    return tuple(order)


def _is_heading(name: str) -> bool:
    return name.startswith("H") and name[1:].isdigit()


def _text_of(name: str, edition: Edition) -> str:
    """The printed text of a landmark: its canonical heading or the edition's row label."""
    return HEADINGS[int(name[1:]) - 1] if _is_heading(name) else row_label(name, edition)


def _describe(name: str, edition: Edition) -> str:
    if _is_heading(name):
        return f"“{_text_of(name, edition)}”"
    return f"{TABLE_NAMES.get(int(name[1]), '')}“{_text_of(name, edition)}”行"


class Recovery:
    """The ``on_error`` handler of one lenient parse.

    Args:
        text: the normalized text being parsed.
        lines: the user's text, split into lines (for excerpts).
        edition: the edition whose landmarks to use.
    """

    def __init__(self, text: str, lines: list[str], edition: Edition) -> None:
        self._text = text
        self._lines = lines
        self._edition = edition
        self._order = landmarks(edition)
        self._index = {name: at for at, name in enumerate(self._order)}
        self.diagnostics: list[Diagnostic] = []

    def __call__(self, error: UnexpectedInput) -> bool:
        if isinstance(error, UnexpectedCharacters):
            return self._skip_rest_of_line(error)
        if isinstance(error, UnexpectedToken):
            if error.token.type == "$END":
                return self._complete(error)
            return self._insert_or_skip(error)
        return False  # pragma: no cover - LALR raises only the two above

    def _note(self, line: int, column: int, message: str) -> None:
        excerpt = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        self.diagnostics.append(Diagnostic(line, column, message, excerpt))

    def _next_landmark(self, error: UnexpectedToken) -> int | None:
        found = [self._index[name] for name in error.expected or () if name in self._index]
        return min(found) if found else None

    def _skip_rest_of_line(self, error: UnexpectedCharacters) -> bool:
        state = error.interactive_parser.lexer_thread.state
        assert state is not None
        start = state.line_ctr.char_pos
        end = self._text.find("\n", start)
        end = len(self._text) if end < 0 else end
        skipped = self._text[start:end]
        state.line_ctr.feed(skipped or self._text[start : start + 1])
        self._note(error.line, error.column, f"无法识别“{shorten(skipped)}”，已跳过")
        return True

    def _feed(self, error: UnexpectedToken, names: tuple[str, ...], then: Token | None) -> bool:
        """Put the landmarks ``names`` in (empty), then ``then``; all or nothing."""
        trial = error.interactive_parser.copy()  # type: ignore[no-untyped-call]
        try:
            for name in names:
                trial.feed_token(Token(name, _text_of(name, self._edition)))
            if then is not None:
                trial.feed_token(then)
        except UnexpectedInput:
            return False
        error.interactive_parser.parser_state = trial.parser_state
        return True

    def _insert_or_skip(self, error: UnexpectedToken) -> bool:
        token = error.token
        at = self._next_landmark(error)
        target = self._index.get(token.type)
        if at is not None and target is not None and target > at:
            missing = self._order[at:target]
            if self._feed(error, missing, token):
                self._note(
                    error.line, error.column, "缺少" + _listing(missing, self._edition) + "，按未填写处理"
                )
                return True
        shown = row_label(token.type, self._edition) if token.type in labels() else str(token)
        self._note(error.line, error.column, f"此处不应出现“{shorten(shown)}”，已跳过")
        return True

    def _complete(self, error: UnexpectedToken) -> bool:
        at = self._next_landmark(error)
        if at is None or at <= self._index["H1"]:
            return False  # not even the first section was read: not a report
        missing = self._order[at:]
        if not self._feed(error, missing, None):  # pragma: no cover - the order is the grammar's
            return False
        last = next((n for n in range(len(self._lines), 0, -1) if self._lines[n - 1].strip()), 1)
        self._note(last, 1, "文本提前结束，缺少" + _listing(missing, self._edition) + "，按未填写处理")
        return True


def _listing(names: tuple[str, ...], edition: Edition) -> str:
    described = [_describe(name, edition) for name in names]
    if len(described) > _MAX_LISTED:
        shown = "、".join(described[: _MAX_LISTED - 1])
        return f"{shown}……{described[-1]}（共{len(described)}项）"
    return "、".join(described)
