"""Editions of the national layout, looked up by name.

An :class:`Edition` owns everything that differs between editions: its table
classes (and so every row and column label, through the model's field
metadata), the years it was in force, the grammar's start rule for it, the
rules that apply to it.  Parser, cell export, validation, renderers and the
skeleton take an edition and never branch on a year string.

Two editions exist:

* ``"2021"`` — 国办公开办函〔2021〕30号, reports on 2021 and later;
* ``"2019"`` — 国办公开办函〔2019〕60号, the trial layout, reports on 2019 and 2020
  (some bodies kept it later).  Table 2 has other rows and columns; table 3
  prints （六）其他处理 as one row.

:data:`CORRESPONDENCES` says which 2019 cells mean the same as which 2021 cells,
for comparisons across editions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import attrs

from .errors import UnknownEditionError
from .layout import cell_specs
from .model import (
    Applications,
    Applications2019,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewsAndLawsuits,
)

__all__ = [
    "CORRESPONDENCES",
    "EDITIONS",
    "EDITION_2019",
    "EDITION_2021",
    "HEADINGS",
    "TABLE_NAMES",
    "Correspondence",
    "Edition",
    "TableSpec",
    "edition_for_year",
    "get_edition",
]

#: Canonical headings of the six sections (the same in both editions).
HEADINGS: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

#: How messages name each table: 表二, 表三, 表四.
TABLE_NAMES: dict[int, str] = {2: "表二", 3: "表三", 4: "表四"}


@attrs.frozen
class TableSpec:
    """One table of an edition: its number, report attribute and class.

    Attributes:
        number: 2, 3 or 4.
        attribute: the report's attribute holding it (``proactive``, ``applications``, ``reviews``).
        cls: the table class of the edition's template.
        name: the table's title as printed in the template.
        variants: other table classes that reports of this edition are known to print
            (a 2021 table 3 with （六）其他处理 as one row: :class:`~govinfo_report.model.Applications2019`).
    """

    number: int
    attribute: str
    cls: type
    name: str
    variants: tuple[type, ...] = ()

    @property
    def classes(self) -> tuple[type, ...]:
        """The template's class first, then the variants."""
        return (self.cls, *self.variants)


@attrs.frozen
class Edition:
    """A layout edition of the annual report.

    Attributes:
        name: ``"2021"`` or ``"2019"``.
        document: the issuing document, e.g. ``国办公开办函〔2021〕30号``.
        format_name: the title of the format it issued, as reports cite it.
        description: what the edition is for, in a few words.
        tables: tables 2, 3 and 4.
        first_year: the first reporting year the edition was issued for.
        last_year: the last reporting year it was meant for (``None``: still current).
        start: the grammar's start rule for reports of this edition.
        rules: the ids of the validation rules that apply (docs/rules.md).


    Example:
        >>> import govinfo_report as gr
        >>> edition = gr.get_edition("2019")
        >>> str(edition), edition.first_year, edition.last_year
        ('2019年版（国办公开办函〔2019〕60号）', 2019, 2020)
        >>> [table.number for table in edition.tables]
        [2, 3, 4]
    """

    name: str
    document: str
    format_name: str
    description: str
    tables: tuple[TableSpec, ...]
    first_year: int
    last_year: int | None
    start: str
    rules: tuple[str, ...]

    def table(self, number: int) -> TableSpec:
        """The table with this number (2, 3 or 4)."""
        for spec in self.tables:
            if spec.number == number:
                return spec
        raise UnknownEditionError(f"{self.name}年版格式没有表{number}")

    def superseded_for(self, year: int | None) -> bool:
        """Whether a report on ``year`` should no longer use this edition."""
        return year is not None and self.last_year is not None and year > self.last_year

    def __str__(self) -> str:
        return f"{self.name}年版（{self.document}）"


_COMMON_RULES = (
    "CELL-BLANK",
    "CELL-RANGE",
    "T3-BALANCE",
    "T3-HANDLED",
    "T3-ROW-TOTAL",
    "T4-TOTAL",
)
_NARRATIVE_RULES = (
    "NARRATIVE-RECEIVED",
    "NARRATIVE-CARRIED-OVER",
    "NARRATIVE-HANDLED",
    "NARRATIVE-CARRIED-FORWARD",
    "NARRATIVE-REVIEW",
    "NARRATIVE-LAWSUIT",
    "YEAR-PERIOD",
    "FEES-NOT-STATED",
    "SECTION-MISSING",
    "SECTION-ORDER",
    "SECTION-EMPTY",
    "PLACEHOLDER",
)

_TABLE3_NAME = "收到和处理政府信息公开申请情况"
_TABLE4 = TableSpec(4, "reviews", ReviewsAndLawsuits, "政府信息公开行政复议、行政诉讼情况")

EDITION_2021 = Edition(
    name="2021",
    document="国办公开办函〔2021〕30号",
    format_name="中华人民共和国政府信息公开工作年度报告格式",
    description="reports on 2021 and later",
    tables=(
        TableSpec(2, "proactive", ProactiveDisclosure, "主动公开政府信息情况"),
        TableSpec(3, "applications", Applications, _TABLE3_NAME, variants=(Applications2019,)),
        _TABLE4,
    ),
    first_year=2021,
    last_year=None,
    start="report_2021",
    rules=(*_COMMON_RULES, "T2-IN-FORCE", *_NARRATIVE_RULES),
)

EDITION_2019 = Edition(
    name="2019",
    document="国办公开办函〔2019〕60号",
    format_name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    description="the trial layout: reports on 2019 and 2020",
    tables=(
        TableSpec(2, "proactive", ProactiveDisclosure2019, "主动公开政府信息情况"),
        TableSpec(3, "applications", Applications2019, _TABLE3_NAME),
        _TABLE4,
    ),
    first_year=2019,
    last_year=2020,
    start="report_2019",
    rules=(*_COMMON_RULES, "T2-CHANGE", "T2-PUBLISHED-TOTAL", *_NARRATIVE_RULES),
)

#: Every known edition, by name, the current one first.
EDITIONS: dict[str, Edition] = {edition.name: edition for edition in (EDITION_2021, EDITION_2019)}


def get_edition(name: str | Edition) -> Edition:
    """Look an edition up by name (an :class:`Edition` is returned as it is); unknown names raise.

    >>> get_edition("2012")
    Traceback (most recent call last):
    ...
    govinfo_report.errors.UnknownEditionError: 未知的格式版本“2012”，是否指“2021”？
    """
    if isinstance(name, Edition):
        return name
    try:
        return EDITIONS[name]
    except (KeyError, TypeError):
        close = difflib.get_close_matches(str(name), EDITIONS, n=1)
        hint = f"，是否指“{close[0]}”？" if close else f"；已知版本：{'、'.join(EDITIONS)}"
        raise UnknownEditionError(f"未知的格式版本“{name}”{hint}") from None


def edition_for_year(year: int) -> Edition:
    """The edition a report on ``year`` is meant to use (2019 and 2020: the trial layout).

    Raises:
        UnknownEditionError: ``year`` is before the first edition (reports before 2019
            had no national layout).


    Example:
        >>> import govinfo_report as gr
        >>> gr.edition_for_year(2020).name, gr.edition_for_year(2024).name
        ('2019', '2021')
    """
    for edition in sorted(EDITIONS.values(), key=lambda e: e.first_year, reverse=True):
        if year >= edition.first_year:
            return edition
    first = min(edition.first_year for edition in EDITIONS.values())
    raise UnknownEditionError(f"{year}年早于全国统一格式（最早的是{first}年版），没有可用的格式")


# ---------------------------------------------------------------------------
# Cells that mean the same in both editions

#: A cell address within its table: (table number, row path, column path).
CellPath = tuple[int, tuple[str, ...], tuple[str, ...]]


@attrs.frozen
class Correspondence:
    """Cells of the 2019 edition and the 2021 cells that report the same quantity.

    Attributes:
        cells_2019: the 2019 cells, added up.
        cells_2021: the 2021 cells, added up.
        same: ``True`` when the two sides count the same thing by definition; ``False``
            when they are close but not defined alike (compare with care).
        note: why they correspond, or how they differ.
    """

    cells_2019: tuple[CellPath, ...]
    cells_2021: tuple[CellPath, ...]
    same: bool
    note: str


def _table_rows() -> Iterator[Correspondence]:
    """Tables 3 and 4: every cell the same, except （六）其他处理 (one row ↔ three rows)."""
    one_row = cell_specs(Applications2019)
    three_rows = {spec.key: spec for spec in cell_specs(Applications)}
    other = ("三、本年度办理结果", "（六）其他处理")
    for spec in one_row:
        if spec.row == other:
            parts = tuple(
                (3, key[0], key[1]) for key in three_rows if key[0][:2] == other and key[1] == spec.column
            )
            yield Correspondence(
                ((3, spec.row, spec.column),), parts, True, "（六）其他处理：一行对应2021年版的三行之和"
            )
        else:
            address = (3, spec.row, spec.column)
            yield Correspondence((address,), (address,), True, "表三同一单元格")
    for spec in cell_specs(ReviewsAndLawsuits):
        address = (4, spec.row, spec.column)
        yield Correspondence((address,), (address,), True, "表四同一单元格")


def _table2() -> Iterator[Correspondence]:
    item1, item5, item6 = "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项"
    for row_2019, row_2021 in (("规章", "规章"), ("规范性文件", "行政规范性文件")):
        yield Correspondence(
            ((2, (item1, row_2019), ("本年新制作数量",)),),
            ((2, (item1, row_2021), ("本年制发件数",)),),
            False,
            "本年新制作数量与本年制发件数相近，口径不完全相同",
        )
    for item, row in ((item5, "行政许可"), (item6, "行政处罚"), (item6, "行政强制")):
        yield Correspondence(
            ((2, (item, row), ("处理决定数量",)),),
            ((2, (item, row), ("本年处理决定数量",)),),
            True,
            "本年的处理决定数量",
        )


def _correspondences() -> tuple[Correspondence, ...]:
    return (*_table2(), *_table_rows())


#: Which 2019 cells report the same quantity as which 2021 cells.  Cells of one
#: edition that appear in none (2019: 对外公开总数量, 本年增/减, 政府集中采购 …;
#: 2021: 本年废止件数, 现行有效件数, 本年收费金额) have no counterpart.
CORRESPONDENCES: tuple[Correspondence, ...] = _correspondences()
