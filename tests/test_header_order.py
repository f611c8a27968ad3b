"""A table whose header prints its columns in another order than the template is refused.

The values of a row are read left to right into the template's columns; a header printing
``商业企业 | 社会公益组织 | 科研机构`` says the values are not in that order, and reading them
by position would put each into another column.  The headers below are seed 001's (a Word
copy, tab separated) with two of their words exchanged.
"""

from __future__ import annotations

import pytest

import govinfo_report as gr
from tests.conftest import seed_text

WORD = "001_c9535c3b51337c03"
PDF = "002_8227bd99a070a766"


def exchanged(text: str, line: str, first: str, second: str) -> str:
    """``text`` with ``first`` and ``second`` exchanged on its one line ``line``."""
    assert text.count(line) == 1
    swapped = line.replace(first, "\0").replace(second, first).replace("\0", second)
    assert swapped != line
    return text.replace(line, swapped)


T3_HEADER = "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t"
T2_HEADER = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
T4_GROUPS = "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉"


@pytest.mark.parametrize(
    ("header", "first", "second", "table"),
    [
        pytest.param(T3_HEADER, "科研机构", "社会公益组织", 3, id="table 3"),
        pytest.param(T2_HEADER, "本年制发件数", "本年废止件数", 2, id="table 2"),
        pytest.param(T4_GROUPS, "未经复议直接起诉", "复议后起诉", 4, id="table 4"),
    ],
)
def test_a_header_out_of_the_template_s_order_is_refused(
    header: str, first: str, second: str, table: int
) -> None:
    text = exchanged(seed_text(WORD), header, first, second)
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    error = info.value
    name = {2: "表二", 3: "表三", 4: "表四"}[table]
    assert f"{name}的列标题“{second}”印在“{first}”之前" in error.reason
    printed = text.split("\n")[error.line - 1]
    assert second in printed  # the header line
    assert printed[error.column - 1 :].startswith(first)  # at the word printed out of place
    lenient = gr.parse(text, lenient=True)
    assert [d.code for d in lenient.diagnostics] == ["HEADER-ORDER"]
    printed_values = {
        (cell.table, cell.row, cell.column): cell.value for cell in gr.cells(gr.parse(seed_text(WORD)))
    }
    for cell in gr.cells(lenient):
        if cell.table == table:
            assert cell.value is None  # none read into another column
        else:
            assert cell.value == printed_values[cell.table, cell.row, cell.column]


def test_a_pdf_text_layer_s_header_line_is_not_taken_for_the_columns_order() -> None:
    # A PDF text layer prints 总计 (its cell spans both header rows) beside 商业企业 on one line.
    text = seed_text(PDF)
    assert text.count("总计商业\n\n企业") == 1
    report = gr.parse(text.replace("总计商业\n\n企业", "总计商业 企业"))
    assert report.diagnostics == ()


def test_a_sub_table_s_header_out_of_order_is_refused() -> None:
    # pingtan-2020.html (the 2019 edition): the header of its last sub-table of table 2 before
    # 政府集中采购 is `信息内容 | 上一年项目数量 | 本年增/减`; printed `本年增/减` before
    # `上一年项目数量`, the values would be read into each other's columns.
    from tests.real_cells import REAL

    page = (REAL / "pingtan-2020.html").read_bytes().decode("utf-8")
    document = gr.read_document(page.encode("utf-8"), form="html")
    assert "信息内容 | 上一年项目数量 | 本年增/减\n" in document.text + "\n"
    at = page.rindex("上一年项目数量")
    later = page.index("本年增", at)
    swapped = (
        page[:at]
        + "本年增/减"
        + page[at + len("上一年项目数量") : later]
        + "上一年项目数量"
        + page[later + len("本年增/减") :]
    )
    assert (
        gr.read_document(swapped.encode("utf-8"), form="html").text.count("本年增/减 | 上一年项目数量") == 1
    )
    with pytest.raises(gr.ParseError) as info:
        gr.parse_html(swapped.encode("utf-8"))
    assert "表二的列标题“本年增/减”印在“上一年项目数量”之前" in info.value.reason
