"""Markdown made by converters from Word files and web pages (issue 9, item 7).

Read exactly, or refused with a position — never a misplaced number.
"""

from __future__ import annotations

import pytest

import govinfo_report as gr
from tests.conftest import FIXTURES, expected
from tests.expected_cells import expected_cells

CONVERTED = FIXTURES / "converted"
SEED = "002_8227bd99a070a766"


def _cells(report: gr.Report) -> dict[tuple[int, str, str], object]:
    return {(c.table, c.row, c.column): c.value for c in gr.cells(report)}


def test_bold_labels_and_a_page_footer_inside_a_table_read_exactly() -> None:
    report = gr.parse_file(CONVERTED / "bold_labels.md")
    assert _cells(report) == expected_cells(expected(SEED))
    assert (report.agency, report.year) == (expected(SEED)["agency"], expected(SEED)["year"])
    assert report.headings[0] == "一、总体情况"  # the bold markup is layout


def test_no_title_is_refused_with_a_position_and_read_leniently() -> None:
    path = CONVERTED / "no_title_bold_labels.md"
    with pytest.raises(gr.ParseError, match="缺少标题行") as info:
        gr.parse_file(path)
    text = path.read_text(encoding="utf-8")
    assert info.value.line == text[: text.index("**一、总体情况**")].count("\n") + 1
    report = gr.parse_file(path, lenient=True)
    assert _cells(report) == expected_cells(expected(SEED))
    assert report.agency is None


@pytest.mark.parametrize(
    "footer",
    ["- 3 -", "— 3 —", "第3页", "第 3 页 共 6 页", "| - 12 - |"],
)
def test_a_page_number_between_a_label_and_its_numbers_is_no_cell(footer: str) -> None:
    # A page break inside table 2: the page number must never be read as three cells.
    path = CONVERTED / "bold_labels.md"
    text = path.read_text(encoding="utf-8").replace(
        "| 规章 | 0 | 0 | 0 |", f"| 规章 |  |  |  |\n{footer}\n| 0 | 0 | 0 |"
    )
    report = gr.parse(text)
    assert report.proactive.rules == gr.RegulationCounts(0, 0, 0)


@pytest.mark.parametrize("row", ["| 规章 | 1 2 | 0 |", "规章\t1 2\t0", "| 规章 | 0 | 0 0 | 0 |"])
def test_a_field_holding_two_numbers_is_never_two_cells(row: str) -> None:
    # One |/tab field is one cell: "1 2" cannot say which number is its value.
    text = (CONVERTED / "bold_labels.md").read_text(encoding="utf-8").replace("| 规章 | 0 | 0 | 0 |", row)
    with pytest.raises(gr.ParseError, match="一个单元格中有多个数") as info:
        gr.parse(text)
    assert info.value.line == text[: text.index(row)].count("\n") + 1
    report = gr.parse(text, lenient=True)
    assert report.proactive.rules == gr.RegulationCounts(None, None, None)
    assert report.diagnostics
