"""Pages that cannot be read: the library's own errors, each naming where in the page it is."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from tests.conftest import proactive_2021, seed_text

SEED = "000_7047d3e44c49cbca"
# Seed 000's 规章 row as the library's own page prints it: 2, 0, 9.
RULES_ROW = '<th class="label" scope="row">规章</th><td class="value count">2</td>'


def seed_page() -> str:
    return gr.render(gr.parse(seed_text(SEED)), "html")


def line_of(page: str, text: str) -> int:
    return page[: page.index(text)].count("\n") + 1


def test_a_letter_in_a_table_2_cell_names_that_cell() -> None:
    page = seed_page().replace(RULES_ROW, RULES_ROW.replace(">2<", ">2O<"))
    with pytest.raises(gr.ParseError) as info:
        gr.parse_html(page)
    error = info.value
    # 规章 is the 3rd row of the page's first report table (after 第二十条第（一）项 and the
    # header); 本年制发件数 is its 2nd column.
    line = line_of(page, ">2O<")
    assert error.location == gr.Location(line=line, table=1, table_row=3, table_column=2)
    assert str(error).startswith(f"第1个表格第3行第2列（源文件第{line}行）：")
    assert "规章" in error.reason
    assert error.excerpt == "规章 | 2O | 0 | 9"


def test_lenient_reading_places_the_diagnostic_in_the_page() -> None:
    page = seed_page().replace(RULES_ROW, RULES_ROW.replace(">2<", ">2O<"))
    report = gr.parse_html(page, lenient=True)
    assert proactive_2021(report).rules.issued is None
    located = [d.location for d in report.diagnostics if d.location and d.location.table == 1]
    assert gr.Location(line=line_of(page, ">2O<"), table=1, table_row=3, table_column=2) in located


def test_two_numbers_in_one_cell_are_refused_not_split() -> None:
    page = seed_page().replace(RULES_ROW, RULES_ROW.replace(">2<", "><p>1</p><p>2</p><"))
    with pytest.raises(gr.ParseError) as info:
        gr.parse_html(page)
    assert info.value.location.table == 1
    assert (info.value.location.table_row, info.value.location.table_column) == (3, 2)
    assert info.value.location.line == line_of(page, "><p>1</p><p>2</p><")  # the cell's own source line
    assert "2个数（“1 2”）" in info.value.reason
    assert info.value.excerpt.startswith("规章 | ∅ | ")  # the reading text has the cell blank
    lenient = gr.parse_html(page, lenient=True)
    assert proactive_2021(lenient).rules.issued is None  # neither 1 nor 2, nor split into two cells
    (problem,) = [d for d in lenient.diagnostics if d.code == "CELL-UNREADABLE"]
    assert problem.location == info.value.location


@pytest.mark.parametrize(
    "page", [b"", b"   \n", b"<html></html>", b"<html><body><p>&nbsp;</p></body></html>"]
)
def test_an_empty_page(page: bytes) -> None:
    with pytest.raises(gr.EmptyInputError):
        gr.parse_html(page)


def test_a_page_with_no_report() -> None:
    page = "<html><head><title>新闻</title></head><body><p>今天天气很好。</p><p>明天也好。</p></body></html>"
    with pytest.raises(gr.ParseError, match="不像政府信息公开工作年度报告") as info:
        gr.parse_html(page)
    assert info.value.location.line is not None


def test_broken_markup_still_reads() -> None:
    page = seed_page()
    broken = (
        page.replace("</p>", "")  # paragraphs never closed
        .replace("</tr>", "", 5)  # rows never closed
        .replace("<tbody>", "<tbody></td></div>")  # stray end tags
        .replace("</html>", "<div><span>")  # unclosed at the end
    )
    assert gr.parse_html(broken) == gr.parse_html(page)


def test_a_page_nested_too_deep_is_refused_not_cut_short() -> None:
    page = seed_page().replace("<body>", "<body>" + "<div>" * 3000, 1)
    with pytest.raises(gr.ParseError, match="嵌套过深"):
        gr.parse_html(page)


def test_merged_cells_within_bounds_are_read() -> None:
    # A span reaching past the last row stops there; what the cells say is read by rows.
    page = seed_page().replace(RULES_ROW, RULES_ROW.replace("<td ", '<td rowspan="65534" colspan="1000" '))
    assert gr.parse_html(page) == gr.parse(seed_text(SEED))


def test_merged_cells_too_large_are_refused() -> None:
    spans = '<tr><td colspan="1000">&nbsp;</td></tr>' * 1100  # 1.1 million grid positions
    page = seed_page().replace("<tr>" + RULES_ROW, spans + "<tr>" + RULES_ROW)
    with pytest.raises(gr.ParseError, match="合并单元格范围过大") as info:
        gr.parse_html(page)
    assert info.value.location.table == 1


def test_a_huge_page_of_chrome_around_the_report() -> None:
    page = seed_page()
    chrome = "<div class='nav'><ul>" + "<li><a href='/x'>栏目</a></li>" * 20_000 + "</ul></div>"
    huge = page.replace("<body>", "<body>" + chrome, 1).replace("</body>", chrome + "</body>", 1)
    assert len(huge) > 1_000_000  # 80,000 elements of navigation around a 21 KB report
    assert gr.parse_html(huge) == gr.parse(seed_text(SEED))


def test_over_the_size_limit() -> None:
    with pytest.raises(gr.InputTooLargeError):
        gr.parse_html(seed_page(), max_size=1000)


def test_without_lxml_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[html\]"):
        gr.parse_html("<p>一、总体情况</p>")


def _read(page: str | bytes) -> None:
    """A report, or a ParseError/DecodeError; any other exception fails the test."""
    try:
        report: gr.Report | None = gr.parse_html(page)
    except (gr.ParseError, gr.DecodeError):
        report = None
    assert report is None or isinstance(report, gr.Report)


@given(st.text(max_size=300))
def test_any_text_as_a_page_gives_a_report_or_the_library_s_error(text: str) -> None:
    _read(text)
    _read(f"<html><body><p>{text}</p><table><tr><td>{text}</td><td>{text}</td></tr></table></body></html>")


@given(st.binary(max_size=300))
def test_any_bytes_as_a_page_gives_a_report_or_the_library_s_error(data: bytes) -> None:
    _read(b"<html>" + data)
