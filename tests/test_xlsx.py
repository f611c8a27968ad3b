"""gr.write_xlsx: every value back through openpyxl, and the template's merged cells."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import govinfo_report as gr
from govinfo_report.export.xlsx import LONG_HEADER, excel_value
from govinfo_report.render.grid import table_grid
from govinfo_report.values import Money
from tests.conftest import SEED_NAMES, SEEDS, VARIANTS, variants


def reports() -> list[gr.Report]:
    return [
        *(gr.parse_file(SEEDS / f"{name}.txt") for name in SEED_NAMES),
        gr.parse_file(VARIANTS / "blank_cells.txt"),
    ]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "reports.xlsx"
    gr.write_xlsx(reports(), path)
    return openpyxl.load_workbook(path)


def test_sheets(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["表二", "表三", "表四", "cells"]


def test_long_sheet_gives_every_value_back(workbook: openpyxl.Workbook) -> None:
    rows = list(workbook["cells"].iter_rows(values_only=True))
    assert rows[0] == LONG_HEADER
    want = [
        (number, report.agency, report.year, report.edition, cell.table, cell.row, cell.column, cell.value)
        for number, report in enumerate(reports())
        for cell in gr.cells(report)
    ]
    got = []
    for number, agency, year, edition, _source, table, row, column, value, kind in rows[1:]:
        if kind == "amount" and value is not None:
            value = Decimal(str(value))
        got.append((number, agency, year, edition, table, row, column, value))
    assert got == want
    assert sum(1 for row in rows[1:] if row[8] is None) == 11  # the variant's blank cells


def test_table3_as_printed(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表三"]
    # Row 1: the heading; the grid from row 2: three header rows, then 一、二、三 (22 rows), 四.
    assert sheet["A1"].value == "中卫市人民政府办公室2024年 表三 收到和处理政府信息公开申请情况"
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    assert {"A1:J1", "A2:C4", "A5:C5", "A6:C6", "A7:A28", "A29:C29"} <= merged
    assert sheet["A7"].value == "三、本年度办理结果"
    assert sheet["D5"].value == 29  # seed 000, 一、本年新收 自然人
    assert sheet["J5"].value == 31  # 总计
    assert sheet["D28"].value == 28  # （七）总计 自然人
    assert sheet["J29"].value == 1  # 四、结转下年度继续办理 总计


def test_merges_are_the_grids(workbook: openpyxl.Workbook) -> None:
    report = reports()[0]
    for name, number, attribute in (
        ("表二", 2, "proactive"),
        ("表三", 3, "applications"),
        ("表四", 4, "reviews"),
    ):
        grid = table_grid(number, getattr(report, attribute))
        spans = sum(1 for cell in grid.cells if cell.rowspan > 1 or cell.colspan > 1)
        merged = workbook[name].merged_cells.ranges
        # one heading per report (4 reports) plus each report's spanning cells
        assert len(merged) == 4 * (1 + spans), name


def test_blank_cells_are_empty_and_shaded(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表二"]
    blank = [
        cell
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is None and cell.fill is not None and cell.fill.fgColor.rgb.endswith("FDE68A")
    ]
    case = next(case for case in variants() if case["file"] == "blank_cells.txt")
    assert len(blank) == sum(1 for cell in case["not_filled"] if cell["table"] == 2)


def test_excel_values() -> None:
    assert excel_value(None) == (None, "General")
    assert excel_value(12) == (12, "General")
    assert excel_value(Decimal("12.50")) == (Decimal("12.50"), "0.00")
    assert excel_value(Decimal("1234567890123.456")) == ("1234567890123.456", "@")
    assert excel_value(Money(Decimal("251000"), "元")) == ("251000元", "@")


def test_one_report_to_a_file_object() -> None:
    buffer = io.BytesIO()
    gr.write_xlsx(reports()[1], buffer)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    sheet = book["表二"]
    # Row 1 the heading, then 第二十条第（一）项, its header, 规章, 行政规范性文件, 第二十条第（五）项,
    # its header, 行政许可.
    assert sheet["A8"].value == "行政许可"
    assert sheet["B8"].value == 11  # seed 001: 行政许可 11


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[xlsx\]"):
        gr.write_xlsx(reports()[0], tmp_path / "x.xlsx")


def test_cells_csv_for_excel_has_a_bom() -> None:
    out = io.StringIO()
    gr.write_cells_csv(reports()[0], out)
    text = out.getvalue()
    assert text.startswith("\ufeffagency,year,edition,source,table,row,column,value\r\n")
    lines = text[1:].split("\r\n")
    assert len(lines) == 1 + 200 + 1  # header, the cells, the empty string after the last CRLF
    assert lines[1].startswith("中卫市人民政府办公室,2024,2021,")
    assert lines[1].endswith(",2,第二十条第（一）项/规章,本年制发件数,2")  # seed 000: 规章 2 0 9
    # Read as Excel does a file that starts with the BOM: as UTF-8, the BOM dropped.
    assert text.encode("utf-8").decode("utf-8-sig") == text[1:]


def test_without_the_cells_sheet() -> None:
    buffer = io.BytesIO()
    gr.write_xlsx(reports()[:1], buffer, cells_sheet=False)
    assert openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).sheetnames == ["表二", "表三", "表四"]
