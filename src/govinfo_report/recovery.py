"""Reading past what does not fit: misspelt labels read by their place, and lenient recovery.

:class:`Reading` is the ``on_error`` handler Lark's LALR parser calls with an
interactive parser, in both modes.

**Labels read by their place** (strict and lenient).  Table rows come in a
fixed order, so when the text has a row label the grammar does not know where
the next row must stand — a typing error (``2.其他法律行政止公开``), a label cut
short by its cell — and it is close enough to that row's label (or to a group
label the grammar accepts there), it is read as that row, with a warning that
names the printed label.  A text that *is* another known label is never taken
for this one (a row out of order is an error, not a typo).

**Lenient recovery.**  The report's structure is a fixed sequence of
*landmarks* — the six headings and every table row, in printed order — and
recovery works from the last landmark the parser has read (found on its value
stack, not from the set of tokens it expects, which LALR state merging makes
too wide):

* a landmark found *ahead* of the parser (a missing table, a missing row) → the
  landmarks in between that the parser accepts are put in as empty, so their
  cells stay "not filled in", and reading goes on;
* the text ends early → every landmark still to come is put in as empty;
* anything else (a repeated or out-of-order row, cells without a row, a line
  that is not part of the layout) → skipped.  Skipped spans are kept
  (:attr:`Reading.skipped`): the Transformer never gives a row the numbers that
  follow something skipped after its label, since they may be another row's.

Each action costs work bounded by the number of landmarks, so a damaged file of
any size is read in time linear in its length.  Every action is recorded as a
:class:`~govinfo_report.model.Diagnostic`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.parsers.lalr_interactive_parser import InteractiveParser

from ._grammar import labels, parser
from .editions import HEADINGS, TABLE_NAMES, Edition
from .errors import excerpt_near, shorten
from .layout import row_specs
from .model import Diagnostic
from .transform import row_label
from .values import CELL_PATTERN

__all__ = ["Reading", "landmarks"]

_MAX_LISTED = 6
# How close a printed label must be to the label its place calls for.
_SIMILAR = 0.8
_MARGIN = 0.1
_MIN_PREFIX = 4
# Where a printed label ends: a cell separator, or white space before the row's cells, or the
# line's end.  White space is tried from where a run of it begins only, and read once: tried from
# each of its characters, a long run cost its length squared.
_LABEL_END = re.compile(
    r"(?<![ \t])[ \t]*+\||(?<![ \t])[ \t]++(?=" + CELL_PATTERN + r"(?:[ \t|]|$))|$", re.MULTILINE
)
_SPACE = re.compile(r"\s+")


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


@cache
def _landmark_start(order: tuple[str, ...]) -> re.Pattern[str]:
    """Whether a line starts with one of the landmarks ``order`` (their terminals' patterns)."""
    patterns = {terminal.name: terminal.pattern.to_regexp() for terminal in parser().terminals}
    return re.compile("|".join(f"(?:{patterns[name]})" for name in order if name in patterns))


def _is_heading(name: str) -> bool:
    return name.startswith("H") and name[1:].isdigit()


def _text_of(name: str, edition: Edition) -> str:
    """The printed text of a landmark: its canonical heading or the edition's row label."""
    return HEADINGS[int(name[1:]) - 1] if _is_heading(name) else row_label(name, edition)


def _describe(name: str, edition: Edition) -> str:
    if _is_heading(name):
        return f"“{_text_of(name, edition)}”"
    table = TABLE_NAMES.get(int(name[1]), "") if name[:1] == "T" else ""
    return f"{table}“{_text_of(name, edition)}”" + ("行" if table else "")


@cache
def _known_labels() -> frozenset[str]:
    """Every label of the grammar, white space removed."""
    return frozenset(_SPACE.sub("", spelling) for names in labels().values() for spelling in names)


class Reading:
    """The ``on_error`` handler of one parse.

    Args:
        text: the normalized text being parsed.
        lines: the text that was parsed, split into lines (for excerpts).
        edition: the edition whose landmarks to use.
        lenient: recover from what does not fit; otherwise only labels are read by their place.
    """

    def __init__(self, text: str, lines: list[str], edition: Edition, *, lenient: bool) -> None:
        self._text = text
        self._lines = lines
        self._edition = edition
        self._lenient = lenient
        self._order = landmarks(edition)
        self._index = {name: at for at, name in enumerate(self._order)}
        #: What was skipped or read with a doubt.
        self.diagnostics: list[Diagnostic] = []
        #: Spans (start, end) of the normalized text that were skipped, in order.
        self.skipped: list[tuple[int, int]] = []

    def __call__(self, error: UnexpectedInput) -> bool:
        if self._read_label(error):
            return True
        if not self._lenient:
            return False
        if isinstance(error, UnexpectedCharacters):
            return self._skip_rest_of_line(error)
        if isinstance(error, UnexpectedToken):
            if error.token.type == "$END":
                return self._complete(error)
            return self._insert_or_skip(error)
        return False  # pragma: no cover - LALR raises only the two above

    # -- what the parser has read ------------------------------------------

    def _cursor(self, parser: InteractiveParser) -> int:
        """The position in the landmark order of the last landmark the parser has read (-1: none)."""
        for item in reversed(parser.parser_state.value_stack):
            found = self._last_landmark(item)
            if found is not None:
                return found
        return -1

    def _last_landmark(self, item: object) -> int | None:
        """The last landmark in a finished piece of the parse, looking only where landmarks stand.

        Headings open sections; row labels stand in rows, rows in tables.  Narrative
        and table 4 hold none, so the work per call is bounded by a table's rows,
        however long the text.
        """
        if isinstance(item, Token):
            return self._index.get(item.type)
        if not isinstance(item, Tree):
            return None
        name = str(item.data)
        if name == "row" or (name.startswith(("table", "_t2", "_t3")) and name != "table4"):
            for child in reversed(item.children):
                found = self._last_landmark(child)
                if found is not None:
                    return found
            return None
        if name.startswith("section") and item.children:
            last = item.children[-1]
            if isinstance(last, Tree):
                found = self._last_landmark(last)
                if found is not None:
                    return found
            return self._last_landmark(item.children[0])
        return None

    def _note(self, line: int, column: int, message: str, *, code: str, severity: str = "error") -> None:
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        self.diagnostics.append(
            Diagnostic(line, column, message, excerpt_near(text, column), severity=severity, code=code)  # type: ignore[arg-type]
        )

    # -- labels read by their place ----------------------------------------

    def _read_label(self, error: UnexpectedInput) -> bool:
        """Read a misspelt or cut-short row label as the row its place calls for."""
        if isinstance(error, UnexpectedToken) and error.token.type == "TEXT_LINE":
            start, expected = error.token.start_pos, set(error.expected or ())
        elif isinstance(error, UnexpectedCharacters):
            start, expected = error.pos_in_stream, set(error.allowed or ())
        else:
            return False
        if start is None:
            return False
        parser = error.interactive_parser
        end_match = _LABEL_END.search(self._text, start)
        end = end_match.start() if end_match else len(self._text)
        printed = self._text[start:end]
        name = self._label_for(printed, expected, self._cursor(parser))
        if name is None:
            return False
        line = self._text.count("\n", 0, start) + 1
        column = start - (self._text.rfind("\n", 0, start) + 1) + 1
        token = Token(name, printed, start, line, column, line, column + len(printed), end)
        try:
            parser.feed_token(token)
        except UnexpectedInput:  # pragma: no cover - the name was among those the parser expects
            return False
        state = parser.lexer_thread.state
        assert state is not None
        state.line_ctr.char_pos, state.line_ctr.column = end, column + len(printed)
        canonical = _describe(name, self._edition) if not name.startswith("_") else f"“{labels()[name][0]}”"
        self._note(
            line,
            column,
            f"{canonical}的标签印作“{shorten(printed, 40)}”，按其在表中的位置读取",
            code="LABEL-MISSPELT",
            severity="warning",
        )
        return True

    def _label_for(self, printed: str, expected: set[str], cursor: int) -> str | None:
        """The one label terminal the printed text stands for at this place, if it is certain."""
        bare = _SPACE.sub("", printed)
        if len(bare) < _MIN_PREFIX or bare in _known_labels():
            return None
        candidates = [name for name in expected if name in labels() and name not in self._index]
        following = self._order[cursor + 1] if cursor + 1 < len(self._order) else None
        if following in expected and following in labels():
            candidates.append(following)
        scored = sorted(((self._closeness(bare, name), name) for name in candidates), reverse=True)
        if not scored or scored[0][0] < _SIMILAR:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < _MARGIN:
            return None
        return scored[0][1]

    @staticmethod
    def _closeness(bare: str, name: str) -> float:
        best = 0.0
        for spelling in labels()[name]:
            label = _SPACE.sub("", spelling)
            if len(bare) > 2 * len(label):
                continue
            if label.startswith(bare) and len(bare) * 2 >= len(label):
                return 1.0  # cut short: what is printed is the label's beginning
            best = max(best, difflib.SequenceMatcher(None, bare, label, autojunk=False).ratio())
        return best

    # -- lenient recovery --------------------------------------------------

    def _skip_rest_of_line(self, error: UnexpectedCharacters) -> bool:
        state = error.interactive_parser.lexer_thread.state
        assert state is not None
        start = state.line_ctr.char_pos
        end = self._text.find("\n", start)
        end = len(self._text) if end < 0 else end
        skipped = self._text[start:end]
        state.line_ctr.feed(skipped or self._text[start : start + 1])
        self.skipped.append((start, max(end, start + 1)))
        self._note(error.line, error.column, f"无法识别“{shorten(skipped)}”，已跳过", code="SKIPPED")
        return True

    def _feed(self, error: UnexpectedToken, names: Iterable[str], then: Token | None) -> list[str] | None:
        """Put in (empty) those of the landmarks ``names`` the parser accepts, then ``then``.

        Returns the landmarks put in, or ``None`` (and nothing changed) when ``then`` is not accepted.
        """
        trial = error.interactive_parser.copy(deepcopy_values=False)  # type: ignore[no-untyped-call]
        fed: list[str] = []
        for name in names:
            attempt = trial.copy(deepcopy_values=False)
            try:
                attempt.feed_token(Token(name, _text_of(name, self._edition)))
            except UnexpectedInput:
                continue  # an alternative the text did not take (e.g. the rows of another table-3 shape)
            trial = attempt
            fed.append(name)
        if then is not None:
            try:
                trial.feed_token(then)
            except UnexpectedInput:
                return None
        error.interactive_parser.parser_state = trial.parser_state
        return fed

    def _insert_or_skip(self, error: UnexpectedToken) -> bool:
        token = error.token
        cursor = self._cursor(error.interactive_parser)
        target = self._index.get(token.type)
        if target is not None and target > cursor:
            fed = self._feed(error, self._order[cursor + 1 : target], token)
            if fed is not None:
                if fed:
                    message = "缺少" + _listing(fed, self._edition) + "，按未填写处理"
                    self._note(error.line, error.column, message, code="MISSING")
                return True
        if token.start_pos is not None:
            self.skipped.append((token.start_pos, token.end_pos or token.start_pos + 1))
        printed = self._printed(token)
        if _is_heading(token.type):
            message = f"章节标题“{shorten(printed)}”重复出现或位置不对，已跳过"
        else:
            shown = row_label(token.type, self._edition) if token.type in labels() else printed
            message = f"此处不应出现“{shorten(shown)}”，已跳过"
        self._note(error.line, error.column, message, code="SKIPPED")
        return True

    def _printed(self, token: Token) -> str:
        """A token's text as the user's input prints it (the grammar read a normalized copy)."""
        line, column = token.line or 0, token.column or 1
        if not 0 < line <= len(self._lines) or "\n" in str(token):
            return str(token)
        return self._lines[line - 1][column - 1 : column - 1 + len(token)]

    def _has_landmark(self) -> bool:
        """Whether a line of the text starts with a heading or a row label, wherever it stands
        (a row before the title is read as text, yet the text is a damaged report's)."""
        starts = _landmark_start(self._order)
        return any(starts.match(line.lstrip()) for line in self._text.split("\n"))

    def _complete(self, error: UnexpectedToken) -> bool:
        cursor = self._cursor(error.interactive_parser)
        if cursor < 0 and not self._has_landmark():
            return False  # no heading and no table row anywhere: not a report
        fed = self._feed(error, self._order[cursor + 1 :], None)
        if fed is None:  # pragma: no cover - nothing is fed after the landmarks
            return False
        last = next((n for n in range(len(self._lines), 0, -1) if self._lines[n - 1].strip()), 1)
        listing = _listing(fed, self._edition) if fed else "表格内容"
        self._note(last, 1, "文本提前结束，缺少" + listing + "，按未填写处理", code="MISSING")
        return True


def _listing(names: list[str], edition: Edition) -> str:
    described = [_describe(name, edition) for name in names]
    if len(described) > _MAX_LISTED:
        shown = "、".join(described[: _MAX_LISTED - 1])
        return f"{shown}……{described[-1]}（共{len(described)}项）"
    return "、".join(described)
