"""Reading past what does not fit (issue 10 items 1–3, issue 11 item 3).

Labels read by their place (strict and lenient), lenient recovery from the parser's
last landmark, numbers never given to a row they were not printed in, and the 2021
layout variants met in real reports.  Inputs are seeds edited by hand; expected values
are read off the seed text.
"""

from __future__ import annotations

import pytest

import govinfo_report as gr
from tests.conftest import seed_text

GOV = "000_7047d3e44c49cbca"  # PDF text layer; 8.属于行政查询事项 has 3 / 3, （六）3.其他 1 / 1
WORD = "001_c9535c3b51337c03"  # Word copy, tab separated
HOUSING = "002_8227bd99a070a766"


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# ---------------------------------------------------------------------------
# Labels read by their place


def test_a_misspelt_row_label_is_read_by_its_place_with_a_warning() -> None:
    # The typing error of a real report: 2.其他法律行政止公开.
    text = _replace(seed_text(GOV), "2.其他法律行政法规禁止公开 0 0 0", "2.其他法律行政止公开 0 0 0")
    report = gr.parse(text)
    assert report == gr.parse(seed_text(GOV))
    (warning,) = report.diagnostics
    assert (warning.severity, warning.code) == ("warning", "LABEL-MISSPELT")
    assert "“2.其他法律行政止公开”" in warning.message
    assert "2.其他法律行政法规禁止公开" in warning.message
    assert warning.line == _line_of(text, "2.其他法律行政止公开")


def test_a_label_cut_short_by_its_cell_is_read_by_its_place() -> None:
    # What a grid reader hands over when the cell clips the label.
    text = _replace(seed_text(GOV), "8.属于行政查询事项 3", "8.属于行政查 3")
    report = gr.parse(text)
    assert report.applications.outcomes.withheld.query_matters.natural_person == 3
    assert [d.code for d in report.diagnostics] == ["LABEL-MISSPELT"]


def test_another_row_s_label_is_no_typo() -> None:
    # 3. printed where 2. belongs is a row out of order, not a misspelling: an error.
    text = _replace(seed_text(GOV), "2.其他法律行政法规禁止公开 0 0 0", "3.危及“三安全一稳定” 0 0 0")
    with pytest.raises(gr.ParseError):
        gr.parse(text)


def test_a_label_far_from_any_is_not_read() -> None:
    text = _replace(seed_text(GOV), "2.其他法律行政法规禁止公开 0 0 0", "2.其他情况说明如下 0 0 0")
    with pytest.raises(gr.ParseError):
        gr.parse(text)


# ---------------------------------------------------------------------------
# Lenient recovery


def test_text_ending_after_a_header_line_returns_what_was_read() -> None:
    # The shortest input of issue 10, item 1.
    text = (
        "一、总体情况\n二、主动公开政府信息情况\n规章 0 0 0\n信息内容\n三、收到和处理政府信息公开申请情况\n"
    )
    report = gr.parse(text, lenient=True)
    assert report.proactive.rules == gr.RegulationCounts(0, 0, 0)
    assert report.proactive.normative_documents == gr.RegulationCounts(None, None, None)
    assert report.applications.new_received.total is None
    assert any("文本提前结束" in d.message for d in report.diagnostics)


@pytest.mark.parametrize(
    "cut",
    [
        "第二十条第（八）项\n",
        "信息内容 本年收费金额（单位：万元）\n",
        "法律\n\n服务\n\n机构\n",
        "（七）总计 28 3 0 0 0 0 31\n",
    ],
)
def test_text_ending_inside_a_table_returns_what_was_read(cut: str) -> None:
    text = seed_text(GOV)
    text = text[: text.index(cut) + len(cut)]
    report = gr.parse(text, lenient=True)
    assert report.proactive.rules == gr.RegulationCounts(2, 0, 9)  # read off the seed
    assert report.diagnostics


def test_a_whole_report_missing_one_row() -> None:
    text = _replace(seed_text(GOV), "行政事业性收费 0\n", "")
    report = gr.parse(text, lenient=True)
    assert report.proactive.fees is None
    assert report.applications == gr.parse(seed_text(GOV)).applications
    assert [d.code for d in report.diagnostics] == ["MISSING"]
    assert "行政事业性收费" in report.diagnostics[0].message


@pytest.mark.parametrize("name", [GOV, WORD, HOUSING])
def test_deleting_the_first_heading_is_recovered(name: str) -> None:
    text = seed_text(name)
    heading = next(line for line in text.split("\n") if line.strip() == "一、总体情况")
    text = _replace(text, heading + "\n", "")
    with pytest.raises(gr.ParseError, match="缺少“一、总体情况”"):
        gr.parse(text)
    report = gr.parse(text, lenient=True)
    assert report.applications == gr.parse(seed_text(name)).applications
    assert any("一、总体情况" in d.message and d.code == "MISSING" for d in report.diagnostics)


def test_numbers_after_a_broken_label_are_not_given_to_the_row_before() -> None:
    # The label of 2. is unreadable and its numbers stand on the next line; row 1. has
    # no numbers of its own.  The numbers must not become row 1.'s.
    text = _replace(seed_text(GOV), "1.属于国家秘密 0 0 0 0 0 0 0\n", "1.属于国家秘密\n")
    text = _replace(text, "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n", "@@无法识别的行@@\n5 0 0 0 0 0 5\n")
    report = gr.parse(text, lenient=True)
    withheld = report.applications.outcomes.withheld
    assert withheld.state_secret == gr.ApplicantCounts()  # not filled in, not 5
    assert withheld.prohibited_by_law == gr.ApplicantCounts()
    assert any("不能确定这些数字属于哪一行" in d.message for d in report.diagnostics)


def test_no_heading_and_no_row_still_raises() -> None:
    with pytest.raises(gr.ParseError, match="不像政府信息公开工作年度报告"):
        gr.parse("这是一封普通的信。\n祝好！", lenient=True)


@pytest.mark.slow
def test_a_long_line_of_repeated_labels_keeps_short_excerpts() -> None:
    line = "规章 " * 20_000
    text = _replace(seed_text(GOV), "规章 2 0 9\n", "规章 2 0 9\n" + line + "\n")
    report = gr.parse(text, lenient=True)
    assert report.proactive.rules == gr.RegulationCounts(2, 0, 9)
    assert report.diagnostics
    assert max(len(d.excerpt) for d in report.diagnostics) <= gr.errors.EXCERPT_WIDTH + 2


# ---------------------------------------------------------------------------
# Layout variants of the 2021 tables


def test_a_2021_table3_printing_other_handling_as_one_row() -> None:
    text = seed_text(GOV)
    start = text.index("（六）其他\n")
    end = text.index("（七）总计")
    text = text[:start] + "（六）其他处理 1 0 0 0 0 0 1\n\n" + text[end:]
    report = gr.parse(text)
    assert report.edition == "2021"
    assert isinstance(report.proactive, gr.ProactiveDisclosure)
    assert isinstance(report.applications, gr.Applications2019)
    assert report.applications.outcomes.other == gr.ApplicantCounts(1, 0, 0, 0, 0, 0, 1)
    rows = {c.row for c in gr.cells(report) if c.table == 3}
    assert "三、本年度办理结果/（六）其他处理" in rows
    assert not any(row.startswith("三、本年度办理结果/（六）其他处理/") for row in rows)  # absent, not blank
    assert len(list(gr.cells(report))) == 10 + 161 + 15  # 2021 table 2, the 23-row table 3, table 4
    assert [f for f in gr.validate(report) if f.severity == "error"] == []  # T3-HANDLED sums the one row


def test_normative_documents_spelt_as_in_2019() -> None:
    text = _replace(seed_text(GOV), "行政规范性文件 5 2 43", "规范性文件 5 2 43")
    report = gr.parse(text)
    assert report.edition == "2021"
    assert report == gr.parse(seed_text(GOV))


# ---------------------------------------------------------------------------
# Lenient parsing raises only for text with no heading and no table row (issue 10 item 5)


def test_a_table_row_before_the_title_and_no_heading_is_a_report_missing_everything() -> None:
    """Found by the fuzz harness: the title block and a stray row, every heading cut away."""
    title = "中卫市民政局\n\n2024 年政府信息公开工作年度报告\n"
    text = "行政处罚\t2\t\t\n" + title + "\n根据条例规定，现发布本报告。\n"
    with pytest.raises(gr.ParseError):
        gr.parse(text)
    report = gr.parse(text, lenient=True)
    assert report.year == 2024
    assert all(cell.value is None for cell in gr.cells(report))  # the stray 2 given to no cell
    (missing,) = [d for d in report.diagnostics if d.code == "MISSING"]
    assert "一、总体情况" in missing.message
    assert report.agency is not None
    assert "行政处罚\t2" in report.agency  # the stray row kept as text, not dropped


def test_text_with_no_heading_and_no_table_row_is_still_refused_in_lenient_mode() -> None:
    text = "中卫市民政局\n2024 年政府信息公开工作年度报告\n\n根据条例规定，现发布本报告。\n"
    with pytest.raises(gr.ParseError, match="文本提前结束"):
        gr.parse(text, lenient=True)
