"""Reports as an Excel workbook (the ``xlsx`` extra: openpyxl).

``write_xlsx(reports, path)`` writes:

* one sheet per table (``表二``, ``表三``, ``表四``), each report's table laid out
  as in the official template — the merged cells of
  :func:`govinfo_report.render.grid.table_grid`, the one description of that
  layout — under a line naming the body and the year; the reports one below
  the other;
* a sheet ``cells`` in the long format, one row per (report, cell), with the
  header ``report,agency,year,edition,source,table,row,column,value,kind``
  (the ``table,row,column,value`` columns are what
  :func:`govinfo_report.from_cells` reads).

Values: counts are numbers; amounts are numbers shown with the decimals as
printed (``12.50``), or text when they have more than 15 significant digits
(what Excel keeps of a number); 2019 ``采购总金额`` amounts are text as printed
(``251000元``).  A cell not filled in is an empty cell, shaded in the table
sheets — never 0.

:func:`write_scorecard_xlsx` writes the result of a corpus check
(:func:`govinfo_report.analysis.corpus.check_corpus`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from ..cells import cells
from ..editions import TABLE_NAMES, get_edition
from ..errors import MissingDependencyError
from ..model import Report
from ..narrative import display_width
from ..render.grid import Grid, table_grid
from ..values import Money, Value

if TYPE_CHECKING:
    from ..analysis.corpus import CorpusCheck

__all__ = ["CELLS_SHEET", "LONG_HEADER", "excel_value", "write_scorecard_xlsx", "write_xlsx"]

#: The name of the long-format sheet.
CELLS_SHEET = "cells"
#: Its header row.
LONG_HEADER = ("report", "agency", "year", "edition", "source", "table", "row", "column", "value", "kind")

# Excel keeps 15 significant digits of a number.
_EXCEL_DIGITS = 15
# Width of a whole table in Excel's character units, shared out by the grid's percentages.
_TABLE_WIDTH = {2: 90.0, 3: 130.0, 4: 120.0}
_FONT = "宋体"
# A CJK character of the 10-point table font in Excel's width units (one unit is a "0" at 11 points),
# and the height of a line of it in points.
_CJK_WIDTH = 0.95
_LINE_HEIGHT = 14
_NOT_FILLED_FILL = "FDE68A"

Target = str | os.PathLike[str] | IO[bytes]


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError("写Excel文件需要openpyxl：pip install 'govinfo-report[xlsx]'") from None
    return openpyxl


def excel_value(value: Value) -> tuple[int | Decimal | str | None, str]:
    """What to write into a spreadsheet cell for ``value``, and its number format.

    ``None`` stays empty; an ``int`` is a number; a ``Decimal`` is a number shown
    with its printed decimals, or text beyond 15 significant digits; a
    :class:`~govinfo_report.values.Money` is its printed text.
    """
    if value is None or isinstance(value, int):
        return value, "General"
    if isinstance(value, Money):
        return str(value), "@"
    digits = value.as_tuple()
    places = -digits.exponent if isinstance(digits.exponent, int) and digits.exponent < 0 else 0
    if len(digits.digits) > _EXCEL_DIGITS:
        return format(value, "f"), "@"
    return value, "0" if places == 0 else "0." + "0" * places


class _Styles:
    """The named styles of the table sheets, registered once per workbook (fast to assign)."""

    CELL = "govinfo-cell"
    LABEL = "govinfo-label"
    NOT_FILLED = "govinfo-not-filled"
    HEADING = "govinfo-heading"

    def __init__(self, openpyxl: Any, workbook: Any) -> None:
        styles = openpyxl.styles
        side = styles.Side(style="thin", color="000000")
        border = styles.Border(left=side, right=side, top=side, bottom=side)
        centre = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
        left = styles.Alignment(horizontal="left", vertical="center", wrap_text=True)
        font = styles.Font(name=_FONT, size=10)
        fill = styles.PatternFill("solid", fgColor=_NOT_FILLED_FILL)
        for name, alignment, extra in (
            (self.CELL, centre, {}),
            (self.LABEL, left, {}),
            (self.NOT_FILLED, centre, {"fill": fill}),
        ):
            workbook.add_named_style(
                styles.NamedStyle(name=name, font=font, border=border, alignment=alignment, **extra)
            )
        workbook.add_named_style(
            styles.NamedStyle(name=self.HEADING, font=styles.Font(name=_FONT, size=11, bold=True))
        )


def _grid_rows(sheet: Any, grid: Grid, top: int) -> Iterator[list[Any]]:
    """The spreadsheet rows of ``grid`` placed at row ``top`` (1-based); merges added to ``sheet``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    widths = _column_widths(grid)
    lines = [1] * len(grid.rows)
    rows = []
    for _ in grid.rows:
        row = []
        for _ in range(grid.columns):
            cell = WriteOnlyCell(sheet)
            cell.style = _Styles.CELL
            row.append(cell)
        rows.append(row)
    for item in grid.cells:
        cell = rows[item.row][item.column]
        if item.role == "value":
            value, number_format = excel_value(item.value)
            cell.value = value
            if item.value is None:
                cell.style = _Styles.NOT_FILLED
            cell.number_format = number_format
        else:
            cell.value = item.text
            if item.role in ("label", "group") and item.colspan > 1 and grid.number != 4:
                cell.style = _Styles.LABEL
            if item.rowspan == 1:
                room = sum(widths[item.column : item.column + item.colspan])
                lines[item.row] = max(
                    lines[item.row], math.ceil(display_width(item.text) * _CJK_WIDTH / room)
                )
        if item.rowspan > 1 or item.colspan > 1:
            first = f"{get_column_letter(item.column + 1)}{top + item.row}"
            last = f"{get_column_letter(item.column + item.colspan)}{top + item.row + item.rowspan - 1}"
            _merge(sheet, f"{first}:{last}")
    for index, count in enumerate(lines):
        if count > 1:
            sheet.row_dimensions[top + index].height = _LINE_HEIGHT * count
    yield from rows


def _column_widths(grid: Grid) -> list[float]:
    """Column widths in Excel's character units: the grid's shares of the table's width."""
    width = _TABLE_WIDTH.get(grid.number, 100.0)
    return [round(width * share / 100, 1) for share in grid.widths()]


def _merge(sheet: Any, ref: str) -> None:
    """Merge ``ref`` (e.g. ``"A1:C3"``) in a write-only sheet.

    Added to the range set directly: ``MultiCellRange.add`` first scans every range
    already there (quadratic over a corpus), and the grids never overlap.
    """
    from openpyxl.worksheet.cell_range import CellRange

    sheet.merged_cells.ranges.add(CellRange(ref))


def _title(report: Report) -> str:
    agency = report.agency or ""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{agency}{year}" or report.title


def _table_sheet(workbook: Any, number: int, reports: Sequence[Report]) -> None:
    """One sheet: table ``number`` of each report that has it, one below the other."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    name = TABLE_NAMES.get(number, f"表{number}")
    sheet = workbook.create_sheet(name)
    top = 1
    for report in reports:
        tables = {spec.number: spec for spec in get_edition(report.edition).tables}
        if number not in tables:
            continue
        spec = tables[number]
        grid = table_grid(number, getattr(report, spec.attribute))
        if top == 1:
            for index, width in enumerate(_column_widths(grid), start=1):
                sheet.column_dimensions[get_column_letter(index)].width = width
            sheet.page_setup.orientation = "portrait" if number == 2 else "landscape"
            sheet.page_setup.paperSize = "9"  # A4
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
        heading = WriteOnlyCell(sheet, value=f"{_title(report)} {name} {spec.name}")
        heading.style = _Styles.HEADING
        sheet.append([heading])
        _merge(sheet, f"A{top}:{get_column_letter(grid.columns)}{top}")
        for row in _grid_rows(sheet, grid, top + 1):
            sheet.append(row)
        sheet.append([])
        top += len(grid.rows) + 2


def _long_sheet(workbook: Any, reports: Sequence[Report]) -> None:
    from openpyxl.cell import WriteOnlyCell

    sheet = workbook.create_sheet(CELLS_SHEET)
    sheet.freeze_panes = "A2"
    sheet.append(list(LONG_HEADER))
    for number, report in enumerate(reports):
        source = report.source.path if report.source is not None else None
        front = [number, report.agency, report.year, report.edition, source]
        for cell in cells(report):
            value, number_format = excel_value(cell.value)
            if number_format != "General":
                written = WriteOnlyCell(sheet, value=value)
                written.number_format = number_format
                sheet.append([*front, cell.table, cell.row, cell.column, written, cell.kind])
            else:
                sheet.append([*front, cell.table, cell.row, cell.column, value, cell.kind])


def write_xlsx(reports: Report | Iterable[Report], target: Target, *, cells_sheet: bool = True) -> None:
    """Write ``reports`` (one or many) to an Excel workbook at ``target`` (a path or a binary file).

    ``cells_sheet=False`` leaves out the long-format sheet (most of the writing time
    for a large corpus: ten spreadsheet cells per table cell).

    Raises:
        MissingDependencyError: openpyxl is not installed.


    Example:
        >>> import io
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> buffer = io.BytesIO()
        >>> gr.write_xlsx([report], buffer)  # needs the xlsx extra
        >>> buffer.getvalue()[:2]  # a zip file
        b'PK'
    """
    openpyxl = _openpyxl()
    reports = [reports] if isinstance(reports, Report) else list(reports)
    workbook = openpyxl.Workbook(write_only=True)
    _Styles(openpyxl, workbook)
    numbers = dict.fromkeys(spec.number for report in reports for spec in get_edition(report.edition).tables)
    for number in numbers or (2, 3, 4):
        _table_sheet(workbook, number, reports)
    if cells_sheet:
        _long_sheet(workbook, reports)
    workbook.save(target)


def write_scorecard_xlsx(check: CorpusCheck, target: Target) -> None:
    """Write a corpus check's scorecard (one row per file) and its unreadable files to a workbook.

    Raises:
        MissingDependencyError: openpyxl is not installed.
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "检查结果"
    header, rows = check.table()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    bold = openpyxl.styles.Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    failed = workbook.create_sheet("无法读取")
    failed.append(["文件", "原因"])
    for failure in check.failures:
        failed.append([failure.path, failure.reason])
    workbook.save(target)
