"""Variants of real web pages and Word files the audit fixtures do not cover (tests/fixtures/web2/README.md).

Each fixture prints the audit's invented report (``tests/fixtures/audit/spec.py``, every
table-3 cell distinct) with one trait: a table split in two, WPS-written table markup, a
layout table around the report, hidden duplicate rows, fields and content controls in
cells … Expected values are the spec's, never the library's output. A fixture is read
exactly or refused with the library's own error and a position.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import Any

import pytest

import govinfo_report as gr
from tests.conftest import cells_of
from tests.fixtures.audit import spec as S

WEB2 = Path(__file__).parent / "fixtures" / "web2"
BASE = S.spec()

pytest.importorskip("lxml")


def assert_reads_as(name: str, data: dict[str, Any]) -> gr.Report:
    report = gr.parse_file(WEB2 / name)
    assert cells_of(report) == S.expected_cells(data)
    assert (report.agency, report.year) == (data["agency"], data["year"])
    assert report.diagnostics == ()
    return report


def page(name: str) -> str:
    return (WEB2 / name).read_text(encoding="utf-8")


def word_xml(name: str) -> str:
    with zipfile.ZipFile(WEB2 / name) as package:
        return package.read("word/document.xml").decode("utf-8")


# --- a table split in two -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "html-t3-cut-no-header.html",  # cut at （四）: the rowspans end at the first table's last row
        "html-t3-cut-header.html",  # the same, the three header rows repeated
        "html-t3-cut-mid-group.html",  # cut inside （三）不予公开 (after 4.), header repeated
        "html-t3-split-mid-header-blank.html",  # Word's split: the continued label cells blank
        "html-t3-split-mid-noheader-typed.html",  # the group labels typed again, no header
        "html-t3-split-group-noheader-blank.html",  # split at （四）, 三、 cell blank, no header
    ],
)
def test_web_page_with_table3_in_two_tables(name: str) -> None:
    assert page(name).count("<table") == 4  # table 2, table 3 in two, table 4
    assert_reads_as(name, BASE)


@pytest.mark.parametrize(
    "name",
    [
        "docx-t3-split-header.docx",  # cut inside （三）, header rows copied into the second table
        "docx-t3-split-no-header.docx",  # the same without the header
        "docx-t3-split-at-group.docx",  # cut before （四）无法提供/1.
    ],
)
def test_word_file_with_table3_in_two_tables(name: str) -> None:
    xml = word_xml(name)
    assert xml.count("<w:tbl>") == 4
    assert "</w:tbl><w:p/><w:tbl>" in xml  # the two parts separated by an empty paragraph
    assert_reads_as(name, BASE)


# --- WPS and old Word table markup -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "trait"),
    [
        ("docx-wrong-grid.docx", '<w:gridCol w:w="99999"/>'),  # two grid columns, widths fitting nothing
        ("docx-grid-before-after.docx", '<w:gridAfter w:val="1"/>'),  # and w:gridBefore instead of merges
        ("docx-hmerge.docx", '<w:hMerge w:val="restart"/>'),  # legacy horizontal merges
        ("docx-field-totals.docx", "=SUM(LEFT)"),  # 总计 cells as fldSimple and complex fields
        ("docx-content-controls.docx", "<w:sdtContent><w:tc>"),  # w:sdt around cells and a row
        ("docx-tables-in-cells.docx", "<w:tc><w:tcPr/><w:p>"),  # one-cell tables inside table-2 cells
        ("docx-hidden-row.docx", "<w:hidden/>"),  # a hidden copy of row 一 (w:vanish and w:trPr/w:hidden)
    ],
)
def test_word_table_markup_variants(name: str, trait: str) -> None:
    assert trait in word_xml(name)
    assert_reads_as(name, BASE)


def test_word_tables_without_grid() -> None:
    xml = word_xml("docx-no-grid.docx")
    assert xml.count("<w:tbl>") == 3
    assert "tblGrid" not in xml
    assert_reads_as("docx-no-grid.docx", BASE)


def test_word_report_inside_a_layout_table() -> None:
    xml = word_xml("docx-layout-table.docx")
    assert xml.count("<w:tbl>") == 4
    assert xml.index("<w:tbl>") < xml.index(S.AGENCY)  # the first table holds everything
    assert_reads_as("docx-layout-table.docx", BASE)


def test_word_merge_started_as_continuation_is_refused_at_the_cell() -> None:
    """WPS writes a vertical merge's first cell as ``<w:vMerge/>`` (continue): Word then merges
    it into the cell above, so which cell its text belongs to cannot be told."""
    assert 'w:vMerge w:val="restart"' in word_xml("docx-merge-starts-continue.docx")  # tables 2 and 4
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_file(WEB2 / "docx-merge-starts-continue.docx")
    # Table 3 is the file's second table; 自然人 is row 2's cell at grid column 4.
    where = caught.value.location
    assert where is not None
    assert (where.table, where.table_row, where.table_column) == (2, 2, 4)
    assert "自然人" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "trait", "row", "column"),
    [
        # A copy of row 一 with only its end-of-row mark hidden (w:trPr/w:hidden): Word shows its
        # text, so table 3 prints row 一 twice; the copy is its fifth row.
        ("docx-hidden-row-mark-only.docx", "<w:hidden/>", 5, 1),
        # Row 一's 自然人 cell a content control showing its placeholder text (what Word shows).
        ("docx-placeholder.docx", "<w:showingPlcHdr/>", 4, 4),
    ],
)
def test_word_cells_shown_as_text_are_refused_at_the_cell(
    name: str, trait: str, row: int, column: int
) -> None:
    assert trait in word_xml(name)
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_file(WEB2 / name)
    where = caught.value.location
    assert where is not None
    assert (where.table, where.table_row, where.table_column) == (2, row, column)


# --- web page layouts and cell markup ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "trait"),
    [
        ("html-layout-table.html", "<table width=900 border=0 align=center><tr><td"),
        ("html-th-colgroup.html", "<th scope=row"),  # row labels in <th scope=row>, <colgroup>s
        ("html-div-cells.html", "三、本年度<br>办理结果"),  # cells as <div>s, labels broken by <br>
        ("html-hidden-rows-inline.html", "<tr style='display:none'>"),  # hidden duplicate rows
        ("html-hidden-rows-class.html", "<tr class=hid>"),  # hidden by the page's style sheet
        ("html-t2-t4-cut.html", "</table></div>\n<p class=MsoNormal>"),  # tables 2 and 4 each in two
    ],
)
def test_web_page_variants(name: str, trait: str) -> None:
    assert trait in page(name)
    assert_reads_as(name, BASE)


def test_thousands_separator_and_unit_in_table2() -> None:
    data = copy.deepcopy(BASE)
    table2 = data["table2"]
    table2["第二十条第（五）项/行政许可"]["本年处理决定数量"] = "1236"  # printed 1,236
    table2["第二十条第（八）项/行政事业性收费"]["本年收费金额（单位：万元）"] = "12.5"  # printed 12.5万元
    text = page("html-thousands-unit.html")
    assert ">1,</span><font face=宋体>236<" in text
    assert ">12.</span><font face=宋体>5万元<" in text
    assert_reads_as("html-thousands-unit.html", data)


def test_caption_between_heading_and_table_is_refused_at_its_line() -> None:
    """A ``<caption>`` is text of the page: it is read (as a line before the table, nothing is
    dropped), and the grammar admits no line between the heading of 三 and table 3."""
    text = page("html-caption.html")
    line = next(n for n, source in enumerate(text.split("\n"), start=1) if "<caption>" in source)
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_file(WEB2 / "html-caption.html")
    assert caught.value.location is not None
    assert caught.value.location.line == line
    assert "表三：收到和处理政府信息公开申请情况" in str(caught.value)


def test_amount_with_its_unit_after_a_space_is_read() -> None:
    """``2.75 万元`` (one space before the unit, in the 万元 column) is the amount 2.75."""
    assert ">2.7</span><font face=宋体>5 万元<" in page("html-fee-unit-spaced.html")
    assert_reads_as("html-fee-unit-spaced.html", BASE)
