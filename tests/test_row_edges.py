"""Rows short of a value with empty fields at both ends: the blank cell is the first or the last.

An empty field after a row's label may be a merged label column, and one after its values may be
padding: the tab a Word copy ends each row with, an empty cell a web page adds after the table's
last column.  When a row shows one value fewer than its columns and has empty fields at both ends,
the values can be read into either the first six or the last six columns — the library refuses
such a row rather than guess (docs/parsing.md, "Blank cells").  The values below are the ones the
tests write into the rows.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

import govinfo_report as gr
from tests.conftest import seed_text
from tests.real_cells import REAL

WORD = "001_c9535c3b51337c03"  # Word copy, tab separated
# Seed 001 prints a row whose label spans the label columns with an empty field after the label
# and a tab at its end.
NEW_LABEL = "一、本年新收政府信息公开申请数量"
NEW_ROW = NEW_LABEL + "\t\t0\t0\t0\t0\t0\t0\t0\t"


def with_row(row: str) -> str:
    text = seed_text(WORD)
    assert text.count(NEW_ROW) == 1
    return text.replace(NEW_ROW, row)


def row_values(report: gr.Report, label: str = NEW_LABEL) -> list[object]:
    return [cell.value for cell in gr.cells(report) if cell.table == 3 and cell.row == label]


def line_of(text: str, fragment: str) -> int:
    hits = [i for i, line in enumerate(text.split("\n"), start=1) if fragment in line]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(NEW_LABEL + "\t\t1\t2\t3\t4\t5\t6\t\t", id="总计 left empty"),
        pytest.param(NEW_LABEL + "\t\t\t2\t3\t4\t5\t6\t20\t", id="自然人 left empty"),
    ],
)
def test_a_tab_row_short_of_a_value_at_one_end_is_refused(row: str) -> None:
    text = with_row(row)
    with pytest.raises(gr.CellCountError) as info:
        gr.parse(text)
    error = info.value
    assert error.line == line_of(text, NEW_LABEL + "\t")
    assert "应有7个数，只读到6个" in error.reason
    assert "第一格还是最后一格" in error.reason
    lenient = gr.parse(text, lenient=True)
    assert row_values(lenient) == [None] * 7  # skipped, none given to another cell
    assert [(d.line, d.column) for d in lenient.diagnostics] == [(error.line, error.column)]


def test_a_tab_row_with_its_applicant_columns_empty_is_read() -> None:
    # 自然人 and 总计 filled in, the five 法人或其他组织 cells left empty between them: one way only
    # places them, whatever the ends hold.
    report = gr.parse(with_row(NEW_LABEL + "\t\t5\t\t\t\t\t\t5\t"))
    assert row_values(report) == [5, None, None, None, None, None, 5]


def test_a_markdown_row_with_its_last_value_empty_is_read() -> None:
    # A Markdown table's rows are as wide as the table and closed by a border: the empty field after
    # the label is the merged label column, the one before the border is 总计.
    report = gr.parse(with_row(f"| {NEW_LABEL} | | 1 | 2 | 3 | 4 | 5 | 6 | |"))
    assert row_values(report) == [1, 2, 3, 4, 5, 6, None]


def refused_in_table_3(page: Any, reason: str) -> gr.Report:
    """The edited page is refused in its table 3 (the page's second table) for ``reason``; what
    lenient parsing reads of it."""
    data = lxml_html.tostring(page, encoding="utf-8")
    with pytest.raises(gr.CellCountError) as info:
        gr.parse_html(data)
    assert reason in info.value.reason
    assert info.value.location is not None
    assert info.value.location.table == 2
    return gr.parse_html(data, lenient=True)


def test_a_web_table_with_an_extra_empty_column_and_a_blank_first_value_is_refused() -> None:
    # pingtan-2021.html, table 3: every row given an empty cell after its last one (as some pages
    # print an extra column), and row 一's 自然人 (64) emptied.
    page = lxml_html.fromstring((REAL / "pingtan-2021.html").read_bytes())
    table = next(t for t in page.iter("table") if NEW_LABEL in t.text_content())
    rows = [tr for tr in table.iter("tr") if tr.find("td") is not None]
    for tr in rows:
        tr.append(lxml_html.Element("td"))
    new = next(tr for tr in rows if NEW_LABEL in tr.text_content())
    first_value = next(td for td in new.iter("td") if td.text_content().strip() == "64")
    for child in list(first_value):
        first_value.remove(child)
    first_value.text = ""
    lenient = refused_in_table_3(page, "第一格还是最后一格")
    assert row_values(lenient) == [None] * 7
    # The other rows still read: 二 as printed, with the extra empty column dropped.
    assert row_values(lenient, "二、上年结转政府信息公开申请数量") == [0] * 7


def test_a_web_row_with_an_empty_cell_between_its_values_is_refused() -> None:
    # pingtan-2021.html, table 3 row 二 (seven 0s) given an empty cell after its third value: a
    # browser shows the last four values one column to the right, the last outside the table.
    label = "二、上年结转政府信息公开申请数量"
    page = lxml_html.fromstring((REAL / "pingtan-2021.html").read_bytes())
    row = next(tr for tr in page.iter("tr") if label in tr.text_content())
    values = [td for td in row.iter("td") if td.text_content().strip() == "0"]
    assert len(values) == 7
    values[2].addnext(lxml_html.Element("td"))
    lenient = refused_in_table_3(page, "7个数之间还有空白单元格")
    assert row_values(lenient, label) == [None] * 7
    assert row_values(lenient) == [64, 0, 0, 2, 0, 4, 70]  # row 一 as printed


def test_a_tab_row_with_an_empty_field_for_a_merged_value_cell_is_read() -> None:
    # A Word copy writes a field for each column a merged cell spans: a value printed across two
    # columns leaves an empty field after it, and the row's seven values still fill it.
    report = gr.parse(with_row(NEW_LABEL + "\t\t1\t2\t\t3\t4\t5\t6\t13\t"))
    assert row_values(report) == [1, 2, 3, 4, 5, 6, 13]
