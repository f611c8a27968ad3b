"""Which edition a report is printed in, told from its tables — never from its year.

Each edition's *markers* are the row and column labels of its tables 2 and 3
that no other edition's tables have, not even inside a longer label (so
``规范性文件``, a part of the 2021 label ``行政规范性文件``, is no marker): e.g.
``本年新制作数量`` and ``政府集中采购`` for 2019, ``本年制发件数`` and the three
（六）其他处理 sub-rows for 2021.  They are derived from the table classes, so
they follow the model.  :func:`detect_edition` counts the markers of each
edition found between the headings of sections 二 and 四 (where tables 2 and
3 stand; the whole text when those headings are missing), white space inside
labels allowed; the edition with more wins, a tie is no answer.
"""

from __future__ import annotations

import re
from functools import cache

from ._grammar import label_pattern, parser
from .editions import EDITIONS, Edition
from .layout import row_specs

__all__ = ["decide", "detect_edition", "evidence", "markers"]


def _labels(edition: Edition) -> dict[str, None]:
    """Column labels of table 2, then row labels of tables 2 and 3, in printed order."""
    rows = [row for number in (2, 3) for cls in edition.table(number).classes for row in row_specs(cls)]
    columns = [
        label for row in rows[: len(row_specs(edition.table(2).cls))] for c in row.cells for label in c.column
    ]
    return dict.fromkeys([*columns, *(row.row[-1] for row in rows)])


@cache
def markers(edition: Edition) -> tuple[str, ...]:
    """The labels of ``edition``'s tables 2 and 3 that no other edition's tables contain.

    Table 2's column labels come first, then row labels, in printed order.
    """
    others = [label for other in EDITIONS.values() if other != edition for label in _labels(other)]
    return tuple(label for label in _labels(edition) if not any(label in other for other in others))


@cache
def _patterns() -> tuple[tuple[Edition, tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (
            edition,
            tuple(re.compile(label_pattern(label)[1:-1].replace("\\/", "/")) for label in markers(edition)),
        )
        for edition in EDITIONS.values()
    )


@cache
def _heading(number: int) -> re.Pattern[str]:
    """Heading ``number``'s line, found by the line break in front of it (searched for as a
    literal: twice as fast as ``(?m)^``, tried at every position)."""
    return re.compile("\n[ \t]*(?:" + parser().get_terminal(f"H{number}").pattern.to_regexp() + ")")


def _tables_region(text: str) -> str:
    # In ``lined`` the line that begins at text[p] is found at lined[p], its line break (the
    # first line's too): a search of ``lined`` from p finds the first heading line from text[p].
    lined = "\n" + text
    start = _heading(2).search(lined)
    end = _heading(4).search(lined, start.end() - 1 if start else 0)
    return text[start.start() if start else 0 : end.start() if end else len(text)]


def evidence(text: str) -> dict[Edition, tuple[str, ...]]:
    """The markers of each edition that ``text`` (normalized) prints where its tables stand."""
    region = _tables_region(text)
    return {
        edition: tuple(
            label for label, pattern in zip(markers(edition), patterns, strict=True) if pattern.search(region)
        )
        for edition, patterns in _patterns()
    }


def detect_edition(text: str) -> Edition | None:
    """The edition whose tables ``text`` (normalized) prints, or ``None`` when it cannot be told."""
    return decide(evidence(text))


def decide(found: dict[Edition, tuple[str, ...]]) -> Edition | None:
    """The edition with the most markers found; ``None`` for none or a tie."""
    ranked = sorted(found.items(), key=lambda item: len(item[1]), reverse=True)
    if not ranked or not ranked[0][1] or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None
    return ranked[0][0]
