"""Lenient parsing: partial reports with diagnostics; hardening against damaged input."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from tests.conftest import SEED_NAMES, damaged_seeds, seed_text
from tests.test_errors import line_of, replace_once

GOV = "000_7047d3e44c49cbca"  # PDF text layer, non-zero counts in table 3
HOUSING = "002_8227bd99a070a766"


def _all_none(row: attrs.AttrsInstance) -> bool:
    return all(getattr(row, field.name) is None for field in attrs.fields(type(row)))


def _values(row: object) -> list[object]:
    return [getattr(row, field.name) for field in row.__attrs_attrs__]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_clean_report_reads_the_same_with_no_diagnostics(name: str) -> None:
    report = gr.parse(seed_text(name), lenient=True)
    assert report == gr.parse(seed_text(name))
    assert report.diagnostics == ()


def test_cut_off_in_the_middle_of_table3() -> None:
    text = seed_text(GOV)
    text = text[: text.index("（四）无法")]
    report = gr.parse(text, lenient=True)
    outcomes = report.applications.outcomes
    # Read off seed 000: 一、本年新收 29 2 0 0 0 0 31; 8.属于行政查询事项 3 0 0 0 0 0 3.
    assert _values(report.applications.new_received) == [29, 2, 0, 0, 0, 0, 31]
    assert _values(outcomes.withheld.query_matters) == [3, 0, 0, 0, 0, 0, 3]
    assert _values(outcomes.unable.not_held) == [None] * 7
    assert _values(outcomes.total) == [None] * 7
    assert _values(report.reviews.review) == [None] * 5
    assert report.problems == gr.Narrative()
    [diagnostic] = report.diagnostics
    assert diagnostic.line == line_of(text, "8.属于行政查询事项")
    assert "文本提前结束" in diagnostic.message
    assert "表三“1.本机关不掌握相关政府信息”行" in diagnostic.message
    assert "“六、其他需要报告的事项”" in diagnostic.message
    assert report.headings[3] == "四、政府信息公开行政复议、行政诉讼情况"  # put in, canonical


def test_missing_table4() -> None:
    text = seed_text(GOV)
    start = text.index(" 四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、存在的主要问题及改进情况")
    text = text[:start] + text[end:]
    report = gr.parse(text, lenient=True)
    assert all(_values(group) == [None] * 5 for group in _values(report.reviews))
    assert _values(report.applications.outcomes.total) == [28, 3, 0, 0, 0, 0, 31]
    assert report.problems == gr.parse(seed_text(GOV)).problems
    [diagnostic] = report.diagnostics
    assert diagnostic.line == line_of(text, "五、存在的主要问题及改进情况")
    assert diagnostic.message == "缺少“四、政府信息公开行政复议、行政诉讼情况”，按未填写处理"


def test_unknown_extra_table() -> None:
    extra = "附表 培训统计\n类别 人次 场次\n演练 70 2\n"
    text = replace_once(
        seed_text(GOV), "五、存在的主要问题及改进情况", extra + "五、存在的主要问题及改进情况"
    )
    report = gr.parse(text, lenient=True)
    assert report == gr.parse(seed_text(GOV))  # nothing else changed
    assert [d.line for d in report.diagnostics] == [
        line_of(text, "附表"),
        line_of(text, "类别 人次"),
        line_of(text, "演练 70"),
    ]
    assert all("已跳过" in d.message for d in report.diagnostics)
    assert "演练 70 2" in report.diagnostics[2].message


def test_web_page_excerpt_ending_after_table2() -> None:
    text = seed_text(HOUSING)
    text = text[: text.index(" 三、收到和处理政府信息公开申请情况")]
    report = gr.parse(text, lenient=True)
    # Read off seed 002's table 2: 规范性文件 2 0 22, 行政许可 322.
    assert _values(report.proactive.normative_documents) == [2, 0, 22]
    assert report.proactive.licensing == 322
    assert all(cell.value is None for cell in gr.cells(report) if cell.table in (3, 4))
    assert report.headings == gr.parse(seed_text(HOUSING)).headings
    [diagnostic] = report.diagnostics
    assert "缺少“三、收到和处理政府信息公开申请情况”" in diagnostic.message
    assert "（共29项）" in diagnostic.message


def test_a_bad_row_becomes_not_filled_with_a_diagnostic() -> None:
    text = replace_once(seed_text(GOV), "（一）予以公开 2 0 0 0 0 0 2", "（一）予以公开 2 0 0 0 0 2")
    report = gr.parse(text, lenient=True)
    assert _values(report.applications.outcomes.disclosed) == [None] * 7
    [diagnostic] = report.diagnostics
    assert diagnostic.line == line_of(text, "（一）予以公开")
    assert "应有7个数，只读到6个" in diagnostic.message
    assert diagnostic.code == "CELLS-MISCOUNTED"


def test_a_decimal_in_a_count_is_not_filled_with_a_diagnostic() -> None:
    text = replace_once(seed_text(GOV), "（一）予以公开 2 0 0 0 0 0 2", "（一）予以公开 2.5 0 0 0 0 0 2")
    report = gr.parse(text, lenient=True)
    disclosed = report.applications.outcomes.disclosed
    assert disclosed.natural_person is None
    assert disclosed.total == 2
    [diagnostic] = report.diagnostics
    assert (diagnostic.line, diagnostic.code) == (line_of(text, "（一）予以公开"), "CELL-INVALID")
    assert "不是整数" in diagnostic.message


def test_numbers_after_skipped_text_are_given_to_no_row() -> None:
    row = "1.属于国家秘密 0 0 0 0 0 0 0"
    text = replace_once(seed_text(GOV), row, "1.属于国家秘密 某某说明\n0 0 0 0 0 0 0")
    report = gr.parse(text, lenient=True)
    assert _values(report.applications.outcomes.withheld.state_secret) == [None] * 7
    codes = [(diagnostic.line, diagnostic.code) for diagnostic in report.diagnostics]
    label = line_of(text, "1.属于国家秘密")
    assert codes == [(label, "SKIPPED"), (label + 1, "CELLS-UNPLACED")]


def test_a_report_without_its_title() -> None:
    text = replace_once(seed_text(GOV), "2024年政府信息公开工作年度报告\n", "\n")
    report = gr.parse(text, lenient=True)
    assert report.title == ""
    [diagnostic] = report.diagnostics
    assert diagnostic.code == "TITLE-MISSING"
    assert diagnostic.line == line_of(text, "一、总体情况")


_CODES = {
    "SKIPPED",
    "MISSING",
    "LABEL-MISSPELT",
    "EDITION-UNKNOWN",
    "LAYOUT-SUPERSEDED",
    "CELL-UNREADABLE",
    "CELLS-MISCOUNTED",
    "CELL-INVALID",
    "CELLS-UNPLACED",
    "TITLE-MISSING",
    "HEADER-ORDER",
    "CHARACTER-INVALID",
    "DECODE-REPLACED",
}


def test_rows_repeated_and_out_of_order_are_skipped() -> None:
    row = "1.属于国家秘密 0 0 0 0 0 0 0\n"
    text = replace_once(seed_text(GOV), row, row * 50)
    report = gr.parse(text, lenient=True)
    assert report == gr.parse(seed_text(GOV))
    assert len(report.diagnostics) == 2 * 49  # each repeat: its label and its cells
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    assert info.value.line == line_of(seed_text(GOV), "1.属于国家秘密") + 1


def test_not_a_report_still_raises() -> None:
    with pytest.raises(gr.ParseError, match="不像政府信息公开工作年度报告"):
        gr.parse("这是一封普通的信。\n祝好！", lenient=True)


def test_a_report_repeated_is_an_error_at_its_second_title() -> None:
    text = seed_text(HOUSING) * 3
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    second = len(seed_text(HOUSING).split("\n"))  # the repeat starts on this line
    assert info.value.line > second
    assert "重复出现" in info.value.reason
    lenient = gr.parse(text, lenient=True)
    assert lenient.applications == gr.parse(seed_text(HOUSING)).applications
    assert lenient.diagnostics
    assert all("重复出现" in d.message for d in lenient.diagnostics)


def test_size_limit(tmp_path: Path) -> None:
    text = seed_text(HOUSING)
    with pytest.raises(gr.InputTooLargeError, match="超过上限"):
        gr.parse(text, max_size=1000)
    assert gr.parse(text, max_size=len(text)).year == 2024
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(gr.InputTooLargeError, match="字节"):
        gr.parse_file(path, max_size=1000)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(gr.GovInfoError):
        gr.parse_file(path)


# ---------------------------------------------------------------------------
# Fuzzing: nothing but the library's exception escapes parse


def _parse_both(text: str) -> None:
    for lenient in (False, True):
        try:
            report = gr.parse(text, lenient=lenient)
        except gr.ParseError:
            continue
        assert isinstance(report, gr.Report)


@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    _parse_both(text)


_LAYOUT_ALPHABET = "一二三四五六、（）0123456789 |\t\n—/规章总计行政复议年报告政府信息公开"


@given(st.text(alphabet=_LAYOUT_ALPHABET, max_size=300))
def test_random_text_from_the_layout_alphabet(text: str) -> None:
    _parse_both(text)


@pytest.mark.slow
@given(damaged_seeds((1, 4), st.text(min_size=1, max_size=3)))
def test_damaged_seeds(text: str) -> None:
    _parse_both(text)
    try:
        report = gr.parse(text, lenient=True)
    except gr.ParseError:
        return
    # Every diagnostic says what kind of thing it is (docs/robustness.md lists the codes).
    assert {diagnostic.code for diagnostic in report.diagnostics} <= _CODES


@pytest.mark.slow
def test_a_report_repeated_a_thousand_times() -> None:
    text = seed_text(HOUSING) * 1000
    with pytest.raises(gr.ParseError, match="重复出现"):
        gr.parse(text)
    report = gr.parse(text, lenient=True)
    assert report.applications == gr.parse(seed_text(HOUSING)).applications
    assert len(report.diagnostics) == 999 * 6  # each repeat's six headings, skipped and reported


@pytest.mark.slow
def test_a_table3_row_repeated_ten_thousand_times() -> None:
    row = "1.属于国家秘密 0 0 0 0 0 0 0\n"
    text = replace_once(seed_text(GOV), row, row * 10_000)
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    assert info.value.line == line_of(seed_text(GOV), "1.属于国家秘密") + 1
    report = gr.parse(text, lenient=True)
    assert report == gr.parse(seed_text(GOV))
    assert len(report.diagnostics) == 2 * 9_999


def test_a_file_in_another_encoding_than_named(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(seed_text(GOV).encode("gbk"))
    with pytest.raises(gr.DecodeError, match="无法按“utf-8”解码"):
        gr.parse_file(path, encoding="utf-8")
    assert gr.parse_file(path) == gr.parse(seed_text(GOV))  # detected when not named


def test_an_amount_under_a_header_that_was_skipped_is_not_filled_in() -> None:
    # Seed 002's fee header printed with 元 for 万元, and the fee (0 in the seed) printed as
    # 2425.5: lenient parsing skips the header it does not know, and so cannot tell the unit.
    text = seed_text(HOUSING)
    text = replace_once(text, "本年收费金额（单位：万元）", "本年收费金额（单位：元）")
    text = replace_once(text, "行政事业性收费 0", "行政事业性收费 2425.5")
    with pytest.raises(gr.ParseError):
        gr.parse(text)
    report = gr.parse(text, lenient=True)
    fee = [cell for cell in gr.cells(report) if cell.row.endswith("行政事业性收费")]
    assert [cell.value for cell in fee] == [None]
    unplaced = [d for d in report.diagnostics if d.code == "CELLS-UNPLACED"]
    assert len(unplaced) == 1
    assert "金额的单位" in unplaced[0].message
    assert unplaced[0].line == line_of(text, "行政事业性收费 2425.5")
    # Every other cell as printed.
    printed = {(c.table, c.row, c.column): c.value for c in gr.cells(gr.parse(seed_text(HOUSING)))}
    for cell in gr.cells(report):
        if not cell.row.endswith("行政事业性收费"):
            assert cell.value == printed[cell.table, cell.row, cell.column]
