"""A table's column headers against the template's column order.

The grammar accepts a table's header words in any order and at any place (a Word copy
prints 总计 on the line above 自然人, a PDF text layer below it), and the Transformer reads
a row's values left to right into the template's columns.  A table whose header prints
its columns in another order (``商业企业 | 社会公益组织 | 科研机构``) would have its
values read into the wrong columns, so each header line whose cells are separated (by
``|`` or tabs: the lines a reader writes, a Word or web copy, a Markdown table) is
checked: the column words printed on it must stand in the template's left-to-right order.
A PDF text layer's line is not: it joins words of several header rows in any order
(``总计商业 企业``: 总计 printed beside the two header rows it spans).

The columns and their order come from the model (:func:`~govinfo_report.layout.cell_specs`):
tables 2 and 3 print each column path once above their rows; table 4 prints its rows'
paths above its columns (行政复议 | 行政诉讼 › 未经复议直接起诉 … over 结果维持 … 总计,
three times).  A word stands for the columns whose path holds it; a line is in order
when its words can be given columns left to right, each starting no earlier than the
one before (a group word and its first sub-column start together).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ._grammar import spaced_words
from .layout import cell_specs

__all__ = ["OutOfOrder", "first_out_of_order"]

# White space a printed header word may hold between its characters (`商业 企业`, `结 果 维 持`);
# not a tab or `|`, which separate cells.
_INNER_SPACE = "[ \u3000\u00a0]*"


class OutOfOrder(NamedTuple):
    """A header word printed after a word of a column to its right."""

    line: int  #: 1-based line of the word
    column: int  #: 1-based column of the word in its line
    word: str  #: the word as the template spells it
    after: str  #: the word printed before it, which the template puts to its right


class _Header(NamedTuple):
    pattern: re.Pattern[str]
    starts: dict[str, tuple[int, ...]]  # each word: the first column of each run of columns it spans


def first_out_of_order(
    lines: Sequence[str], first: int, last: int, cls: type, table: int
) -> OutOfOrder | None:
    """The first header word on lines ``first``..``last`` (1-based, inclusive) out of the
    template's column order for the table class ``cls`` (table ``table``), or ``None``."""
    header = _header(cls, table)
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        line = lines[number - 1]
        if "|" not in line and "\t" not in line:
            continue  # cells not told apart: the words' order is not the columns'
        previous: tuple[str, int] | None = None
        for match in header.pattern.finditer(line):
            word = re.sub(_INNER_SPACE, "", match.group())
            floor = previous[1] if previous is not None else -1
            start = next((start for start in header.starts[word] if start >= floor), None)
            if start is None:
                assert previous is not None  # (every word has a start at or after -1)
                return OutOfOrder(number, match.start() + 1, word, previous[0])
            previous = (word, start)
    return None


@cache
def _header(cls: type, table: int) -> _Header:
    paths: list[tuple[str, ...]] = []
    for spec in cell_specs(cls):
        path = (*spec.row, *spec.column) if table == 4 else spec.column
        if path not in paths:
            paths.append(path)
    starts: dict[str, list[int]] = {}
    for at, path in enumerate(paths):
        for word in path:
            runs = starts.setdefault(word, [])
            if not runs or paths[at - 1].count(word) == 0:
                runs.append(at)  # a run of columns under the word begins here
    words = sorted(starts, key=len, reverse=True)  # 法人或其他组织 before 其他
    pattern = re.compile("|".join(spaced_words(word, _INNER_SPACE) for word in words))
    return _Header(pattern, {word: tuple(runs) for word, runs in starts.items()})
