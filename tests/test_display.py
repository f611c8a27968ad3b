"""display.report_repr and report_html: short, and the tables with findings on their cells."""

from __future__ import annotations

import re

import govinfo_report as gr
from govinfo_report.display import report_html, report_repr, value_addresses
from govinfo_report.render.grid import table_grid
from tests.conftest import SEEDS, VARIANTS, variants


def test_repr_of_a_clean_report() -> None:
    report = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")
    assert report_repr(report) == (
        "<Report 中卫市人民政府办公室 2024 2021年版: 200 cells (200 filled, 0 blank), "
        "0 findings (0 errors, 0 warnings)>"
    )


def test_repr_counts_blank_cells_and_findings() -> None:
    case = next(case for case in variants() if case["file"] == "blank_cells.txt")
    report = gr.parse_file(VARIANTS / case["file"])
    blank = len(case["not_filled"])
    findings = gr.validate(report)
    errors = sum(1 for f in findings if f.severity == "error")
    text = report_repr(report)
    assert f"({200 - blank} filled, {blank} blank)" in text
    assert f"{len(findings)} findings ({errors} errors, {len(findings) - errors} warnings)" in text
    assert len(text) < 120


def test_grid_value_cells_are_in_address_order() -> None:
    report = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")
    values = {(c.table, c.row, c.column): c.value for c in gr.cells(report)}
    for number, attribute in ((2, "proactive"), (3, "applications"), (4, "reviews")):
        grid = table_grid(number, getattr(report, attribute))
        printed = [cell.value for cell in grid.cells if cell.role == "value"]
        addresses = value_addresses(report.edition, number)
        assert printed == [values[(a.table, a.row, a.column)] for a in addresses]


def test_html_shows_tables_and_marks_finding_cells() -> None:
    case = next(case for case in variants() if case["file"] == "blank_cells.txt")
    report = gr.parse_file(VARIANTS / case["file"])
    html = report_html(report)
    assert html.startswith('<div class="govinfo-report">')
    assert html.count("<table>") == 3
    assert 'rowspan="22"' in html  # 三、本年度办理结果 spans its 22 rows
    # Each blank cell is an error (CELL-BLANK) on its own cell: shaded, with the message as tooltip.
    blanks = re.findall(r'<td class="blank error"[^>]*title="([^"]*)">—</td>', html)
    assert len(blanks) == len(case["not_filled"])
    assert all("CELL-BLANK" in title for title in blanks)
    assert '<li class="error">[CELL-BLANK]' in html


def test_html_escapes_text() -> None:
    import attrs

    report = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")
    html = report_html(attrs.evolve(report, agency="<b>某局</b>"))
    assert "<b>某局</b>" not in html
    assert "&lt;b&gt;某局&lt;/b&gt;" in html
