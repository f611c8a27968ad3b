"""The Transformer: Lark's tree of a report into the typed model.

One method per grammar rule.  Table rows arrive as their label token and
one token holding the run of cells; the label's terminal names the row
(through the grammar's own label strings and the model's row paths),
:func:`split_cells` cuts the run into cells and :func:`resolve_cells`
decides which printed cell is which column.  Narrative lines are taken from the
user's text, not from the normalized copy the grammar read, so no character
of the narrative is changed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple, cast

from lark import Token, Transformer, Tree

from ._grammar import labels, token_only_rules
from .editions import EDITION_2021, TABLE_NAMES, Edition
from .errors import CellCountError, CellValueError, ParseError, excerpt_near
from .header_order import first_out_of_order
from .layout import CellKey, CellSpec, RowSpec, build_table, row_specs
from .model import Diagnostic, Report
from .narrative import narrative, paragraphs, wrap_width
from .values import (
    CELL_END,
    EMPTY,
    NUMBER_PATTERN,
    UNIT_PATTERN,
    TextKind,
    Value,
    ValueProblem,
    classify,
    convert,
)

__all__ = [
    "HEADING_MARKUP",
    "TITLE_YEAR",
    "PrintedCell",
    "ReportTransformer",
    "resolve_cells",
    "row_label",
    "split_cells",
]

#: The reporting year in a title line.
TITLE_YEAR = re.compile(r"(\d{4})[ \t]*年")
#: Markdown and web-table markup around a heading or title line: layout, not text.
HEADING_MARKUP = "#*| \t"


# A cell: a blank, an amount with its unit after one space (``2.75 万元``), or a run of
# non-space characters (the grammar's CELLS terminal has already checked each is a value).
_CELL = re.compile(f"{EMPTY}|(?:{NUMBER_PATTERN}) (?:{UNIT_PATTERN}){CELL_END}|[^\\s|{EMPTY}]+")

# The kinds of cell whose value depends on a unit the header states.
_UNIT_KINDS = frozenset({"amount", "money"})

# The kinds (``Diagnostic.code``) of what lenient parsing records here (docs/robustness.md).
#: A row's cells are not as many as its columns: the row is left not filled in.
MISCOUNTED = "CELLS-MISCOUNTED"
#: A cell's text is not a value of its kind (a decimal in a count, out of bounds): not filled in.
INVALID = "CELL-INVALID"
#: A row's numbers follow text that was skipped after its label: they may be another row's.
UNPLACED = "CELLS-UNPLACED"
#: The report has no title line.
TITLE_MISSING = "TITLE-MISSING"
#: A table's header prints its columns in another order than the template: the table is
#: left not filled in.
HEADER_ORDER = "HEADER-ORDER"


class PrintedCell(NamedTuple):
    """One cell as printed: its text, its kind, and the token and offset it was read from.

    ``kind`` is ``"blank"`` (an empty field), ``"mark"`` (``/``, ``—`` …) or ``"number"``
    (see :func:`govinfo_report.values.classify`).
    """

    text: str
    kind: TextKind
    token: Token
    offset: int

    @property
    def line(self) -> int:
        """1-based line of the cell in the input."""
        return (self.token.line or 1) + str(self.token).count("\n", 0, self.offset)

    @property
    def column(self) -> int:
        """1-based column of the cell in the input."""
        newline = str(self.token).rfind("\n", 0, self.offset)
        return self.offset - newline if newline >= 0 else (self.token.column or 1) + self.offset


def split_cells(token: Token | None) -> list[PrintedCell]:
    """The cells of a CELLS token (positions are worked out only when asked for)."""
    if token is None:
        return []
    kinds = _KINDS
    cells = []
    for match in _CELL.finditer(token):
        text = match.group()
        kind = kinds.get(text)
        if kind is None:
            kind = classify(text) or "number"
            if len(kinds) < _KNOWN_KINDS:
                kinds[text] = kind
        cells.append(PrintedCell(text, kind, token, match.start()))
    return cells


# The kind of each cell text seen (the same few texts, ``0``, ``/``, ``1`` …, fill most cells).
_KINDS: dict[str, TextKind] = {}
_KNOWN_KINDS = 4096


class _Row(NamedTuple):
    label: Token
    cells: Token | None  # the run of cells (split when the row is read)


class _Front(NamedTuple):
    agency: tuple[Token, ...]
    title: Token | None
    preamble: tuple[Token, ...]


@cache
def _rows_by_label(cls: type) -> dict[str, RowSpec]:
    return {spec.row[-1]: spec for spec in row_specs(cls)}


# Plain digits up to this many are within the bounds of every kind (values.MAX_COUNT has 13),
# and convert as convert() reads them: by the cell's kind (money takes the general way).
_PLAIN_DIGITS = 12
_PLAIN_CONVERSION: dict[str, Callable[[str], int | Decimal]] = {
    "count": int,
    "signed": int,
    "amount": Decimal,
}
# A run of plain digits between white space or ``|``: the common row.
_PLAIN_RUN = re.compile(rf"[0-9]{{1,{_PLAIN_DIGITS}}}(?:[ \t\n|]+[0-9]{{1,{_PLAIN_DIGITS}}})*")
_DIGITS = re.compile(r"[0-9]+")


class _RowReading(NamedTuple):
    """How to read a row of a table class: its spec, its cells' keys, and how each cell's plain
    digits convert (``None`` when a cell is of a kind plain digits do not convert to, money)."""

    spec: RowSpec
    keys: tuple[CellKey, ...]
    plain: tuple[Any, ...] | None
    #: The one conversion of every cell's plain digits where they all convert alike, else ``None``.
    each: Any


def _reading(terminal: str, cls: type) -> _RowReading | None:
    spec = _row_of(terminal, cls)
    if spec is None:
        return None
    plain = _plain_conversions(spec.cells)
    each = plain[0] if plain and len(set(plain)) == 1 else None
    return _RowReading(spec, tuple(cell.key for cell in spec.cells), plain, each)


@cache
def _table_plan(classes: tuple[type, ...], labels: tuple[str, ...]) -> tuple[type, tuple[_RowReading, ...]]:
    """The class of a table whose rows have ``labels`` (terminal names), and how to read each row."""
    cls = _table_class(classes, labels)
    readings = tuple(_reading(label, cls) for label in labels)
    assert None not in readings  # (the class has a row for every label)
    return cls, cast(tuple[_RowReading, ...], readings)


def _plain_conversions(cells: Sequence[CellSpec]) -> tuple[Any, ...] | None:
    """How plain digits convert in each of ``cells`` (``None``: some cell is money)."""
    kinds = tuple(_PLAIN_CONVERSION.get(cell.kind) for cell in cells)
    return None if None in kinds else kinds


def _plain_values(
    tokens: Sequence[Token], conversions: tuple[Any, ...] | None, each: Any = None
) -> Iterable[Value] | None:
    """The values of runs of cells printed as plain digits, one per column, as :func:`resolve_cells`
    and :func:`cell_value` read them; ``None`` for any other runs (those take the general way).
    ``each``: the one conversion of every column, where they all convert alike (no list is built)."""
    if conversions is None:
        return None
    texts: list[str] = []
    for token in tokens:
        if _PLAIN_RUN.fullmatch(token) is None:
            return None
        texts += _DIGITS.findall(token)
    if len(texts) != len(conversions):
        return None
    if each is not None:
        return map(each, texts)
    return [convert(text) for convert, text in zip(conversions, texts, strict=True)]


@cache
def _table4_reading(cls: type) -> tuple[tuple[CellSpec, ...], tuple[Any, ...] | None]:
    """Table 4's cells in reading order, and how plain digits convert in each."""
    cells = tuple(cell for row in row_specs(cls) for cell in row.cells)
    return cells, _plain_conversions(cells)


@cache
def _row_of(terminal: str, cls: type) -> RowSpec | None:
    rows = _rows_by_label(cls)
    for spelling in labels()[terminal]:
        if spelling in rows:
            return rows[spelling]
    return None


@cache
def row_label(terminal: str, edition: Edition) -> str:
    """How ``edition`` prints the label a terminal stands for (``T2_NORMATIVE``: ``规范性文件`` in 2019)."""
    spellings = labels()[terminal]
    rows = {spec.row[-1] for table in edition.tables for cls in table.classes for spec in row_specs(cls)}
    return next((spelling for spelling in spellings if spelling in rows), spellings[0])


@cache
def _table_class(classes: tuple[type, ...], labels: tuple[str, ...]) -> type:
    """The first of a table's classes that has a row for every label read (terminal names; the
    template's first)."""
    for cls in classes:
        if all(_row_of(label, cls) is not None for label in labels):
            return cls
    return classes[0]  # pragma: no cover - the grammar admits the rows of one class only


class ReportTransformer(Transformer[Token, Report]):
    """Builds a :class:`~govinfo_report.model.Report` from the parse tree.

    Args:
        source_lines: the user's text split into lines (before normalization).
        edition: the edition whose table classes to build.
        lenient: record problems as diagnostics instead of raising.
        exact_paragraphs: every narrative line is a paragraph (a reader's document
            of a Word file, web page or PDF file); otherwise wrapped lines are joined.  Such a
            document's table rows are grid rows, one field for each cell (see
            :func:`resolve_cells`'s ``grid_row``).
        skipped: spans of the text lenient parsing skipped, in order: numbers that
            follow one after a row's label are not that row's.
    """

    def __init__(
        self,
        source_lines: Sequence[str],
        edition: Edition = EDITION_2021,
        *,
        lenient: bool = False,
        exact_paragraphs: bool = False,
        skipped: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__(visit_tokens=False)
        self._lines = source_lines
        self._edition = edition
        self._lenient = lenient
        self._exact = exact_paragraphs
        self._skipped_starts = [start for start, _ in skipped]
        self._token_only = token_only_rules()
        self._last_row_line: dict[int, int | None] = {}  # each table: the line its last row ends on
        #: What lenient parsing could not read (strict parsing raises instead).
        self.diagnostics: list[Diagnostic] = []

    # -- helpers -----------------------------------------------------------

    def _problem(self, error: ParseError, code: str) -> None:
        """Raise ``error``, or, when lenient, record it (as a diagnostic of kind ``code``) and go on."""
        if not self._lenient:
            raise error
        self.diagnostics.append(Diagnostic(error.line, error.column, error.reason, error.excerpt, code=code))

    def _source_line(self, token: Token) -> str:
        return self._lines[(token.line or 1) - 1].strip()

    def _heading(self, token: Token) -> str:
        if token.line is None:  # put in by lenient parsing
            return str(token)
        start = (token.column or 1) - 1
        line = self._lines[token.line - 1]
        return line[start : start + len(token)].strip(HEADING_MARKUP)

    def _narrative_lines(self, tokens: Sequence[Token]) -> list[str]:
        """The user's lines behind narrative tokens.

        No narrative token is a section heading: the lexer gives a line that is one
        to the parser as the heading (``_grammar._headings_stand_out``), where it is
        an error if it stands out of place.
        """
        return [self._source_line(token) for token in tokens]

    def _skipped_between(self, start: int | None, end: int | None) -> bool:
        """Whether lenient parsing skipped something that starts between ``start`` and ``end``."""
        if not self._skipped_starts or start is None or end is None:
            return False
        at = bisect.bisect_left(self._skipped_starts, start)
        return at < len(self._skipped_starts) and self._skipped_starts[at] < end

    def _unplaced(self, token: Token, where: str) -> None:
        self._problem(
            ParseError(
                f"{where}的数字前有无法识别、已跳过的文字，不能确定这些数字属于哪一行，已跳过",
                line=token.line or 1,
                column=token.column or 1,
                excerpt=excerpt_near(self._lines[(token.line or 1) - 1], token.column or 1),
            ),
            UNPLACED,
        )

    def _table(self, number: int, rows: Sequence[_Row]) -> object:
        cls, readings = _table_plan(
            self._edition.table(number).classes, tuple(row.label.type for row in rows)
        )
        self._last_row_line[number] = (rows[-1].cells or rows[-1].label).end_line if rows else None
        values: dict[CellKey, Value] = {}
        skipped = self._skipped_starts
        previous_end: int | None = None  # where the row before ended
        for row, reading in zip(rows, readings, strict=True):
            row_spec = reading.spec
            token = row.cells
            before, previous_end = previous_end, (token or row.label).end_pos
            dropped: frozenset[CellKey] = frozenset()
            if skipped and before is not None and self._skipped_between(before, row.label.start_pos):
                dropped = self._unit_unknown(row_spec, row.label)
            if token is not None and skipped and self._skipped_between(row.label.end_pos, token.start_pos):
                self._unplaced(token, f"{TABLE_NAMES[number]}“{'/'.join(row_spec.row)}”行")
                continue
            plain = _plain_values((token,), reading.plain, reading.each) if token is not None else None
            if plain is not None:
                if dropped:
                    plain = [
                        None if key in dropped else value
                        for key, value in zip(reading.keys, plain, strict=True)
                    ]
                values.update(zip(reading.keys, plain, strict=True))
                continue
            where = f"{TABLE_NAMES[number]}“{'/'.join(row_spec.row)}”行"
            try:
                cells = resolve_cells(
                    split_cells(token),
                    len(row_spec.cells),
                    where,
                    row.label,
                    self._lines,
                    grid_row=self._exact,
                )
            except ParseError as error:
                self._problem(error, MISCOUNTED)
                continue
            for key, cell_spec, cell in zip(reading.keys, row_spec.cells, cells, strict=True):
                if key in dropped:
                    values[key] = None  # an amount whose unit is unknown: not filled in
                    continue
                try:
                    values[key] = cell_value(cell, cell_spec, self._lines)
                except ParseError as error:
                    self._problem(error, INVALID)
        return build_table(cls, values)

    def _unit_unknown(self, row_spec: RowSpec, label: Token) -> frozenset[CellKey]:
        """The amounts of a row below skipped text, which may be the header stating their unit
        (``本年收费金额（单位：元）``): left not filled in (lenient parsing only: strict parsing has
        refused the text)."""
        amounts = frozenset(cell.key for cell in row_spec.cells if cell.kind in _UNIT_KINDS)
        if not amounts:
            return amounts
        self._problem(
            ParseError(
                f"表头有无法识别、已跳过的文字，可能写着“{'/'.join(row_spec.row)}”行金额的单位，"
                "不能确定金额的单位，该行的金额已跳过",
                line=label.line or 1,
                column=label.column or 1,
                excerpt=excerpt_near(self._lines[(label.line or 1) - 1], label.column or 1),
            ),
            UNPLACED,
        )
        return amounts

    def transform(self, tree: Tree[Token]) -> Report:
        """The report the tree stands for: each rule's method applied bottom-up, as Lark's
        ``Transformer.transform`` applies them (every rule of the grammar has its method here),
        without its per-node wrapping: an error a method raises comes out as it is."""
        report: Report = self._apply(tree)
        return report

    def _apply(self, tree: Tree[Token]) -> Any:
        # A tree of tokens only (a row, a run of narrative) goes to its method as it is.
        token_only = self._token_only
        children = [
            (getattr(self, child.data)(child.children) if child.data in token_only else self._apply(child))
            if isinstance(child, Tree)
            else child
            for child in tree.children
        ]
        return getattr(self, tree.data)(children)

    # -- rules -------------------------------------------------------------

    def front(self, children: list[Token]) -> _Front:
        for at, token in enumerate(children):
            if token.type == "TITLE_LINE":
                return _Front(tuple(children[:at]), token, tuple(children[at + 1 :]))
        # No title: nothing says which line would name the body, so every line is preamble.
        return _Front((), None, tuple(children))

    def row(self, children: list[Token]) -> _Row:
        # The label is the last token before the cells (a group label such as （六）其他处理 may precede it).
        cells = children[-1] if children[-1].type == "CELLS" else None
        label = children[-2] if cells is not None else children[-1]
        return _Row(label, cells)

    def table2(self, children: list[_Row]) -> object:
        return self._table(2, children)

    def table3(self, children: list[_Row]) -> object:
        return self._table(3, children)

    table2_2021 = table2_2019 = table2
    table3_2021 = table3_2019 = table3

    def table4(self, children: list[Token]) -> object:
        spec = self._edition.table(4)
        cell_specs, conversions = _table4_reading(spec.cls)
        runs = [token for token in children if token.type == "CELLS"]
        self._last_row_line[4] = runs[-1].end_line if runs else None
        skipped = bool(runs) and self._skipped_between(runs[0].start_pos, runs[-1].end_pos)
        plain = None if skipped else _plain_values(runs, conversions)
        if plain is not None:
            return build_table(spec.cls, dict(zip((cell.key for cell in cell_specs), plain, strict=True)))
        cells = [cell for token in runs for cell in split_cells(token)]
        anchor = children[0] if children else None
        values: dict[CellKey, Value] = {}
        try:
            if skipped:
                self._unplaced(runs[0], "表四")
                resolved: list[PrintedCell | None] = [None] * len(cell_specs)
            else:
                resolved = resolve_cells(
                    cells, len(cell_specs), "表四", anchor, self._lines, grid_row=self._exact
                )
        except ParseError as error:
            self._problem(error, MISCOUNTED)
            resolved = [None] * len(cell_specs)
        for cell_spec, cell in zip(cell_specs, resolved, strict=True):
            try:
                values[cell_spec.key] = cell_value(cell, cell_spec, self._lines)
            except ParseError as error:
                self._problem(error, INVALID)
        return build_table(spec.cls, values)

    def _section(self, children: list[Any]) -> tuple[Token, Any]:
        if len(children) == 2 and not isinstance(children[1], Token):
            return (children[0], self._in_header_order(children[0], children[1]))  # a table
        return (children[0], tuple(children[1:]))  # narrative lines

    def _in_header_order(self, heading: Token, table: object) -> object:
        """``table``, when its header lines (the first, and those of table 2's sub-tables and of a
        header repeated after a page break) print the columns in the template's order; else an
        error (when lenient: the table not filled in)."""
        number = int(heading.type[1])  # H2, H3, H4
        last = self._last_row_line.get(number)
        if heading.line is None or last is None:
            return table
        found = first_out_of_order(self._lines, heading.line + 1, last, type(table), number)
        if found is None:
            return table
        self._problem(
            ParseError(
                f"{TABLE_NAMES[number]}的列标题“{found.after}”印在“{found.word}”之前，与模板的列序不同，"
                "不能确定各数属于哪一列",
                line=found.line,
                column=found.column,
                excerpt=excerpt_near(self._lines[found.line - 1], found.column),
                expected=(f"“{found.word}”在“{found.after}”之前",),
            ),
            HEADER_ORDER,
        )
        return build_table(type(table), {})

    section1 = section4 = section5 = section6 = _section
    section2_2021 = section3_2021 = section2_2019 = section3_2019 = _section

    def report(self, children: list[Any]) -> Report:
        front: _Front = children[0]
        sections: list[tuple[Token, Any]] = children[1:]
        if front.title is None:
            first = sections[0][0]
            self._problem(
                ParseError(
                    "缺少标题行：报告应以标题（如“2024年政府信息公开工作年度报告”）开头",
                    line=first.line or 1,
                    column=first.column or 1,
                    excerpt=self._lines[(first.line or 1) - 1] if first.line else "",
                    expected=("标题行",),
                ),
                TITLE_MISSING,
            )
        narrative_tokens = [
            front.preamble,
            sections[0][1],
            sections[4][1],
            sections[5][1],
        ]
        texts = [self._narrative_lines(tokens) for tokens in narrative_tokens]
        width = None if self._exact else wrap_width([line for lines in texts for line in lines])
        title = self._source_line(front.title).strip(HEADING_MARKUP) if front.title else ""
        agency = "".join(self._source_line(token) for token in front.agency) or None
        year_match = TITLE_YEAR.search(title)
        if agency is None and year_match is not None:
            agency = title[: year_match.start()].strip() or None
        return Report(
            edition=self._edition.name,
            agency=agency,
            year=int(year_match.group(1)) if year_match else None,
            title=title,
            headings=tuple(self._heading(heading) for heading, _ in sections),
            preamble=tuple(paragraphs(texts[0], width, exact=self._exact)),
            overview=narrative(texts[1], width, exact=self._exact),
            proactive=sections[1][1],
            applications=sections[2][1],
            reviews=sections[3][1],
            problems=narrative(texts[2], width, exact=self._exact),
            other_matters=narrative(texts[3], width, exact=self._exact),
        )

    report_2021 = report_2019 = report


def resolve_cells(
    cells: Sequence[PrintedCell],
    expected: int,
    where: str,
    anchor: Token | None,
    lines: Sequence[str],
    *,
    grid_row: bool = False,
) -> list[PrintedCell | None]:
    """Which printed cell is which column; ``None`` for a blank that was not printed.

    Empty cells (``∅``) are empty fields of a ``|``/tab layout.  When the row
    shows exactly ``expected`` values, every empty field is layout (a merged
    label column, padding).  When it shows fewer, the empty fields are blank
    cells: the values are right-aligned (padding stands between label and
    values), so surplus leading empty fields are dropped and the rest must then
    number exactly ``expected``.  A row showing no value at all is blank
    throughout.  Anything else cannot be read without guessing and raises
    :class:`~govinfo_report.errors.CellCountError` — in particular a row that
    could also be padded after its values (:func:`_edges_unclear`).

    ``grid_row``: the row was written by a reader from a table's grid, one field for each
    cell (none for the columns a merged cell spans, see :mod:`govinfo_report.readers.document`):
    there an empty field between two values is a cell, and a row whose values fill its
    columns besides has a cell too many.
    """
    shown = [cell for cell in cells if cell.kind != "blank"]
    if len(shown) == expected:
        if grid_row and len(cells) > expected:
            at = [i for i, cell in enumerate(cells) if cell.kind != "blank"]
            inner = next((cell for cell in cells[at[0] : at[-1]] if cell.kind == "blank"), None)
            if inner is not None:
                raise CellCountError(
                    f"{where}的{expected}个数之间还有空白单元格，比应有的{expected}格多，不能确定各数属于哪一列",
                    line=inner.line,
                    column=inner.column,
                    excerpt=lines[inner.line - 1],
                )
        return list(shown)
    if not shown:
        return [None] * expected
    if len(shown) < expected and _edges_unclear(cells, expected, lines):
        first = shown[0]
        raise CellCountError(
            f"{where}应有{expected}个数，只读到{len(shown)}个，行首和行末都有空白格，"
            "不能确定空白的是第一格还是最后一格（空白单元格请填“/”或“—”）",
            line=first.line,
            column=first.column,
            excerpt=lines[first.line - 1],
        )
    if len(shown) < expected and len(cells) > len(shown):
        fields = list(cells)
        while len(fields) > expected and fields[0].kind == "blank":
            fields.pop(0)
        if len(fields) == expected:
            return [None if cell.kind == "blank" else cell for cell in fields]
    if len(shown) > expected:
        extra = shown[expected]
        raise CellCountError(
            f"{where}应有{expected}个数，读到{len(shown)}个",
            line=extra.line,
            column=extra.column,
            excerpt=lines[extra.line - 1],
            expected=("下一行的标签",),
        )
    if anchor is not None:
        line, column = anchor.line or 1, anchor.column or 1
    else:
        line, column = shown[0].line, shown[0].column
    raise CellCountError(
        f"{where}应有{expected}个数，只读到{len(shown)}个（空白单元格请填“/”或“—”，否则无法确定是哪一格）",
        line=line,
        column=column,
        excerpt=lines[line - 1],
    )


def _edges_unclear(cells: Sequence[PrintedCell], expected: int, lines: Sequence[str]) -> bool:
    """Whether a row short of values could have its blank at either end.

    Empty fields before the first value may be merged label columns, and empty
    fields after the last one may be padding too: the tab a Word copy ends each
    row with, an empty cell a web page adds after the table's last column.  Only
    a row closed by a ``|`` border (a Markdown table: every row as wide as the
    table) has no padding after its values.  When both ends have empty fields
    and more than one way of dropping the surplus leaves ``expected`` columns,
    each way reads other values into other cells.
    """
    at = [i for i, cell in enumerate(cells) if cell.kind != "blank"]
    lead = at[0]
    last = cells[-1]
    line = lines[last.line - 1]
    rest = line[last.column - 1 + len(last.text) :]
    if "|" in rest:
        return False  # closed by a border: the empty fields before it are cells
    tabs = 0 if rest.strip() else rest.count("\t")  # empty fields the layout left unmarked
    trail = len(cells) - 1 - at[-1] + tabs
    surplus = len(cells) + tabs - expected
    return lead > 0 and trail > 0 and 0 < surplus < lead + trail


def cell_value(cell: PrintedCell | None, spec: CellSpec, lines: Sequence[str]) -> Value:
    """The typed value of one printed cell (see :func:`govinfo_report.values.convert`)."""
    if cell is None:
        return None
    text = cell.text
    plain = _PLAIN_CONVERSION.get(spec.kind)
    if plain is not None and text.isascii() and text.isdigit() and len(text) <= _PLAIN_DIGITS:
        return plain(text)  # the common case, as convert() reads it: plain digits, within every bound
    try:
        return convert(text, spec.kind, unit=spec.unit)
    except ValueProblem as problem:
        raise CellValueError(
            f"“{'/'.join(spec.row)}”的“{'/'.join(spec.column)}”：{problem}",
            line=cell.line,
            column=cell.column,
            excerpt=lines[cell.line - 1],
            expected=(_EXPECTED[spec.kind],),
        ) from None


_EXPECTED = {
    "count": "整数",
    "signed": "整数（可为负数）",
    "amount": "金额",
    "money": "金额（可带单位“元”或“万元”）",
}
