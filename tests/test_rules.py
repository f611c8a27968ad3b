"""Validation: the seeds are consistent, and one altered cell gives the exact finding.

Every expected value below is read off the seed documents by hand (the table rows
are quoted in comments), not taken from the validator's output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import narrative_checks, rules
from govinfo_report.layout import build_table, table_values
from govinfo_report.testing import consistent_reports, reports
from govinfo_report.values import Money
from tests.conftest import SEED_NAMES, VARIANTS, seed_text
from tests.expected_cells import TABLE3_COLUMNS

GOV_OFFICE = "000_7047d3e44c49cbca"  # PDF text layer, space separated; 31 applications
CIVIL_AFFAIRS = "001_c9535c3b51337c03"  # Word copy, tab separated; all zero
HOUSING = "002_8227bd99a070a766"  # PDF text layer; 9 applications from natural persons

A = gr.CellAddress
NEW = "一、本年新收政府信息公开申请数量"
CARRIED_OVER = "二、上年结转政府信息公开申请数量"
HANDLED_TOTAL = "三、本年度办理结果/（七）总计"
CARRIED_FORWARD = "四、结转下年度继续办理"
APPLICANT_COLUMNS = TABLE3_COLUMNS[:-1]  # the six applicant columns, without 总计
# The rows under 三、本年度办理结果 except （七）总计, as national-format.md spells them.
OUTCOME_ROWS = tuple(
    "三、本年度办理结果/" + row
    for row in (
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开/1.属于国家秘密",
        "（三）不予公开/2.其他法律行政法规禁止公开",
        "（三）不予公开/3.危及“三安全一稳定”",
        "（三）不予公开/4.保护第三方合法权益",
        "（三）不予公开/5.属于三类内部事务信息",
        "（三）不予公开/6.属于四类过程性信息",
        "（三）不予公开/7.属于行政执法案卷",
        "（三）不予公开/8.属于行政查询事项",
        "（四）无法提供/1.本机关不掌握相关政府信息",
        "（四）无法提供/2.没有现成信息需要另行制作",
        "（四）无法提供/3.补正后申请内容仍不明确",
        "（五）不予处理/1.信访举报投诉类申请",
        "（五）不予处理/2.重复申请",
        "（五）不予处理/3.要求提供公开出版物",
        "（五）不予处理/4.无正当理由大量反复申请",
        "（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）其他处理/3.其他",
    )
)
T4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
ARITHMETIC = ("T3-BALANCE", "T3-HANDLED", "T3-ROW-TOTAL", "T4-TOTAL")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def findings_after(name: str, old: str, new: str) -> list[gr.Finding]:
    return gr.validate(gr.parse(replace_once(seed_text(name), old, new)))


def summary(findings: list[gr.Finding]) -> list[tuple[str, str, Any, Any]]:
    return [(f.rule, f.severity, f.expected, f.actual) for f in findings]


def row_cells(table: int, row: str, columns: tuple[str, ...]) -> tuple[gr.CellAddress, ...]:
    return tuple(A(table, row, column) for column in columns)


def balance_cells(column: str) -> tuple[gr.CellAddress, ...]:
    return tuple(A(3, row, column) for row in (NEW, CARRIED_OVER, HANDLED_TOTAL, CARRIED_FORWARD))


def handled_cells(column: str) -> tuple[gr.CellAddress, ...]:
    return tuple(A(3, row, column) for row in (*OUTCOME_ROWS, HANDLED_TOTAL))


def t3_row(row: str) -> tuple[gr.CellAddress, ...]:
    return row_cells(3, row, (*APPLICANT_COLUMNS, "总计"))


# --------------------------------------------------------------------------
# The seeds


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_has_no_finding(name: str) -> None:
    # Checked by hand: seed 000 自然人 29+0 = 28+1, 商业企业 2+1 = 3+0, 总计 31+1 = 31+1,
    # （七）总计 28 = 2+3+22+1, 3 = 1+2; table 4: 4 = 4, 0 = 0, 1 = 1; narrative 31/1/31/1/4/1.
    # Seed 001: every cell 0, narrative 未收到…申请, 未发生…行政复议及行政诉讼.
    # Seed 002: 自然人 9+0 = 9+0, 9 = 1+8; narrative 4个自然人…申请 9件; 无…行政复议和行政诉讼.
    # All three: 统计 2024年, 第六部分 mentions 信息处理费 / 处理费, 现行有效 ≥ 本年制发.
    assert gr.validate(gr.parse(seed_text(name))) == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_narrative_statements_are_read(name: str) -> None:
    """The seeds state their numbers; the checks must actually read them (not pass by silence)."""
    report = gr.parse(seed_text(name))
    got = [(s.quantity, s.value, s.column) for s in narrative_checks.statements(report)]
    want = {
        GOV_OFFICE: [
            ("received", 31, "total"),
            ("carried_over", 1, "total"),
            ("handled", 31, "total"),
            ("carried_forward", 1, "total"),
            ("review", 4, "total"),
            ("lawsuit_after_review", 1, "total"),
        ],
        CIVIL_AFFAIRS: [("received", 0, "total"), ("review", 0, "total"), ("lawsuit", 0, "total")],
        HOUSING: [("received", 9, "natural_person"), ("review", 0, "total"), ("lawsuit", 0, "total")],
    }[name]
    assert got == want
    period = narrative_checks.statistics_period(report)
    assert period is not None
    assert (period.start_year, period.end_year) == (2024, 2024)


# --------------------------------------------------------------------------
# Errors: one cell altered in the text


def test_t3_balance() -> None:
    # Seed 000, 自然人: 一 29, 二 0, （七）总计 28; 四 changed from 1 to 2.
    findings = findings_after(
        GOV_OFFICE, "四、结转下年度继续办理 1 0 0 0 0 0 1", "四、结转下年度继续办理 2 0 0 0 0 0 1"
    )
    assert summary(findings) == [("T3-BALANCE", "error", 29, 30), ("T3-ROW-TOTAL", "error", 2, 1)]
    balance = findings[0]
    assert balance.cells == balance_cells("自然人")
    assert balance.message == (
        "表三“自然人”列：本年新收(29)+上年结转(0)=29，办理结果总计(28)+结转下年度继续办理(2)=30，相差1"
    )
    assert findings[1].cells == t3_row(CARRIED_FORWARD)


def test_t3_balance_in_the_total_column() -> None:
    # Seed 000 （七）总计 row: 28 3 0 0 0 0 31, the 总计 cell changed to 32.
    findings = findings_after(GOV_OFFICE, "（七）总计 28 3 0 0 0 0 31", "（七）总计 28 3 0 0 0 0 32")
    assert summary(findings) == [
        ("T3-BALANCE", "error", 32, 33),  # 31 + 1 against 32 + 1
        ("T3-HANDLED", "error", 31, 32),  # 2 + 1 + 3 + 24 + 1 against 32
        ("T3-ROW-TOTAL", "error", 31, 32),  # 28 + 3 against 32
        ("NARRATIVE-HANDLED", "warning", 32, 31),  # 办结 31件
    ]
    assert findings[0].cells == balance_cells("总计")
    assert findings[1].cells == handled_cells("总计")
    assert findings[2].cells == t3_row(HANDLED_TOTAL)
    assert findings[3].cells == (A(3, HANDLED_TOTAL, "总计"),)


def test_t3_handled() -> None:
    # Seed 002 自然人: 予以公开 1, 本机关不掌握 8, （七）总计 9; 8.属于行政查询事项 changed 0 → 1.
    findings = findings_after(HOUSING, "8.属于行政查询事项 0 0 0 0 0 0 0", "8.属于行政查询事项 1 0 0 0 0 0 0")
    assert summary(findings) == [("T3-HANDLED", "error", 10, 9), ("T3-ROW-TOTAL", "error", 1, 0)]
    handled = findings[0]
    assert handled.cells == handled_cells("自然人")
    assert handled.message == (
        "表三“自然人”列：三、本年度办理结果（一）至（六）各项之和为10，（七）总计为9，相差1。"
        "其中非零的有：（一）予以公开(1)、（三）不予公开/8.属于行政查询事项(1)、"
        "（四）无法提供/1.本机关不掌握相关政府信息(8)"
    )
    assert findings[1].cells == t3_row("三、本年度办理结果/（三）不予公开/8.属于行政查询事项")


def test_t3_row_total() -> None:
    # Seed 001 (tabs): 2. 重复申请 0 … 0, its 总计 changed to 3.
    findings = findings_after(
        CIVIL_AFFAIRS, "2. 重复申请\t0\t0\t0\t0\t0\t0\t0", "2. 重复申请\t0\t0\t0\t0\t0\t0\t3"
    )
    row = "三、本年度办理结果/（五）不予处理/2.重复申请"
    assert summary(findings) == [("T3-HANDLED", "error", 3, 0), ("T3-ROW-TOTAL", "error", 0, 3)]
    assert findings[0].cells == handled_cells("总计")
    assert findings[1].cells == t3_row(row)
    assert findings[1].message == (
        f"表三“{row}”行：自然人(0)+商业企业(0)+科研机构(0)+社会公益组织(0)+法律服务机构(0)+其他(0)=0，"
        "总计为3，相差3"
    )


def test_t4_total() -> None:
    # Seed 000 table 4: 4 0 0 0 4 | 0 0 0 0 0 | 1 0 0 0 1; 复议后起诉 尚未审结 changed 0 → 1.
    findings = findings_after(GOV_OFFICE, "4 0 0 0 4 0 0 0 0 0 1 0 0 0 1", "4 0 0 0 4 0 0 0 0 0 1 0 0 1 1")
    assert summary(findings) == [("T4-TOTAL", "error", 2, 1)]
    assert findings[0].cells == row_cells(4, "行政诉讼/复议后起诉", T4_COLUMNS)
    assert findings[0].message == (
        "表四“行政诉讼/复议后起诉”：结果维持(1)+结果纠正(0)+其他结果(0)+尚未审结(1)=2，总计为1，相差1"
    )


def test_t4_total_against_a_narrative_saying_none() -> None:
    # Seed 001: table 4 all 0; 行政复议 总计 changed to 1; the narrative says
    # 未发生因政府信息公开引起的行政复议及行政诉讼.
    zeros = "\t".join(["0"] * 15)
    altered = "\t".join(["0"] * 4 + ["1"] + ["0"] * 10)
    findings = findings_after(CIVIL_AFFAIRS, zeros, altered)
    assert summary(findings) == [("T4-TOTAL", "error", 0, 1), ("NARRATIVE-REVIEW", "warning", 1, 0)]
    assert findings[0].cells == row_cells(4, "行政复议", T4_COLUMNS)
    assert findings[1].cells == (A(4, "行政复议", "总计"),)
    assert "“未发生因政府信息公开引起的行政复议及行政诉讼”" in findings[1].message


def test_cell_range_negative_count() -> None:
    findings = findings_after(GOV_OFFICE, "行政处罚 0", "行政处罚 -3")
    assert summary(findings) == [("CELL-RANGE", "error", None, -3)]
    assert findings[0].cells == (A(2, "第二十条第（六）项/行政处罚", "本年处理决定数量"),)
    assert (
        findings[0].message
        == "表二“第二十条第（六）项/行政处罚”行“本年处理决定数量”列为-3，应为不小于0的整数"
    )


def test_cell_range_negative_amount() -> None:
    findings = findings_after(GOV_OFFICE, "行政事业性收费 0", "行政事业性收费 -1.5")
    assert summary(findings) == [("CELL-RANGE", "error", None, Decimal("-1.5"))]
    assert findings[0].cells == (A(2, "第二十条第（八）项/行政事业性收费", "本年收费金额（单位：万元）"),)


def test_cell_range_in_table3_also_breaks_the_sums() -> None:
    # Seed 002: 2.重复申请 0 0 0 0 0 0 0, 商业企业 changed to -1.
    findings = findings_after(HOUSING, "2.重复申请 0 0 0 0 0 0 0", "2.重复申请 0 -1 0 0 0 0 0")
    row = "三、本年度办理结果/（五）不予处理/2.重复申请"
    assert summary(findings) == [
        ("CELL-RANGE", "error", None, -1),
        ("T3-HANDLED", "error", -1, 0),
        ("T3-ROW-TOTAL", "error", -1, 0),
    ]
    assert findings[0].cells == (A(3, row, "法人或其他组织/商业企业"),)


def test_cell_blank_in_table2() -> None:
    findings = findings_after(GOV_OFFICE, "行政处罚 0", "行政处罚 /")
    assert summary(findings) == [("CELL-BLANK", "error", None, None)]
    assert findings[0].cells == (A(2, "第二十条第（六）项/行政处罚", "本年处理决定数量"),)
    assert findings[0].message.startswith("表二“第二十条第（六）项/行政处罚”行“本年处理决定数量”列未填写")


def test_cell_blank_makes_its_rules_not_checkable() -> None:
    # Seed 002: 3.其他 0 0 0 0 0 0 0, 科研机构 left blank.
    findings = findings_after(HOUSING, "3.其他 0 0 0 0 0 0 0", "3.其他 0 0 / 0 0 0 0")
    row = "三、本年度办理结果/（六）其他处理/3.其他"
    assert summary(findings) == [
        ("CELL-BLANK", "error", None, None),
        ("T3-HANDLED", "warning", None, None),
        ("T3-ROW-TOTAL", "warning", None, None),
    ]
    blank, handled, row_total = findings
    assert blank.cells == (A(3, row, "法人或其他组织/科研机构"),)
    assert handled.cells == handled_cells("法人或其他组织/科研机构")
    assert handled.message == (
        "表三“法人或其他组织/科研机构”列：三、本年度办理结果（一）至（六）各项之和=（七）总计，"
        f"无法校验：“{row}”行未填写"
    )
    assert row_total.cells == t3_row(row)
    assert row_total.message.endswith("无法校验：“法人或其他组织/科研机构”列未填写")


def test_cell_blank_in_a_balance_row() -> None:
    # Seed 000: 二、上年结转 0 1 0 0 0 0 1, 自然人 left blank: not checkable, never read as 0.
    findings = findings_after(
        GOV_OFFICE,
        "二、上年结转政府信息公开申请数量 0 1 0 0 0 0 1",
        "二、上年结转政府信息公开申请数量 / 1 0 0 0 0 1",
    )
    assert summary(findings) == [
        ("CELL-BLANK", "error", None, None),
        ("T3-BALANCE", "warning", None, None),
        ("T3-ROW-TOTAL", "warning", None, None),
    ]
    assert findings[0].cells == (A(3, CARRIED_OVER, "自然人"),)
    assert findings[1].cells == balance_cells("自然人")
    assert findings[1].message == (
        "表三“自然人”列：本年新收+上年结转=办理结果总计+结转下年度继续办理，"
        f"无法校验：“{CARRIED_OVER}”行未填写"
    )


def test_blank_cells_variant() -> None:
    report = gr.parse_file(VARIANTS / "blank_cells.txt")
    findings = gr.validate(report)
    blanks = [f.cells[0] for f in findings if f.rule == "CELL-BLANK"]
    assert blanks == [A(x.table, x.row, x.column) for x in gr.cells(report) if x.value is None]
    assert all(f.severity == "warning" for f in findings if f.rule in ARITHMETIC)


# --------------------------------------------------------------------------
# Warnings


def test_t2_in_force() -> None:
    # Seed 000: 规章 2 0 9, 现行有效件数 changed to 1.
    findings = findings_after(GOV_OFFICE, "规章 2 0 9", "规章 2 0 1")
    assert summary(findings) == [("T2-IN-FORCE", "warning", 2, 1)]
    row = "第二十条第（一）项/规章"
    assert findings[0].cells == (A(2, row, "本年制发件数"), A(2, row, "现行有效件数"))
    assert findings[0].message.startswith(f"表二“{row}”行：现行有效件数(1)小于本年制发件数(2)")


SENTENCE_000 = (
    "全年共收到政府信息公开申请 31件（其中，网络申请 7件，邮寄申请24件）、上年结转 1件，"
    "办结 31件、结转下年办理 1件，所有申请均在法定期限内办结。"
)


@pytest.mark.parametrize(
    ("old", "new", "rule", "cell", "table_value", "stated"),
    [
        ("申请 31件（", "申请 30件（", "NARRATIVE-RECEIVED", A(3, NEW, "总计"), 31, 30),
        ("上年结转 1件", "上年结转 2件", "NARRATIVE-CARRIED-OVER", A(3, CARRIED_OVER, "总计"), 1, 2),
        ("办结 31件", "办结 30件", "NARRATIVE-HANDLED", A(3, HANDLED_TOTAL, "总计"), 31, 30),
        (
            "结转下年办理 1件",
            "结转下年办理 0件",
            "NARRATIVE-CARRIED-FORWARD",
            A(3, CARRIED_FORWARD, "总计"),
            1,
            0,
        ),
        ("行政复议 4件", "行政复议 3件", "NARRATIVE-REVIEW", A(4, "行政复议", "总计"), 4, 3),
        (
            "复议后行政诉讼 1件",
            "复议后行政诉讼 2件",
            "NARRATIVE-LAWSUIT",
            A(4, "行政诉讼/复议后起诉", "总计"),
            1,
            2,
        ),
    ],
)
def test_narrative_number_altered(
    old: str, new: str, rule: str, cell: gr.CellAddress, table_value: int, stated: int
) -> None:
    findings = findings_after(GOV_OFFICE, old, new)
    assert summary(findings) == [(rule, "warning", table_value, stated)]
    assert findings[0].cells == (cell,)
    assert findings[0].message.startswith("一、总体情况（二）依申请公开情况第1段写明“")
    assert f"与{cell}({table_value})不一致" in findings[0].message


def test_narrative_message_quotes_the_sentence() -> None:
    (finding,) = findings_after(GOV_OFFICE, "申请 31件（", "申请 30件（")
    sentence = SENTENCE_000.replace("申请 31件（", "申请 30件（")
    assert finding.message == (
        "一、总体情况（二）依申请公开情况第1段写明“收到政府信息公开申请 30件”，"
        f"与表三“{NEW}”行“总计”列(31)不一致。原文：“{sentence}”"
    )


def test_narrative_natural_persons_are_compared_with_their_column() -> None:
    # Seed 002: 收到 4个自然人的政府信息公开申请 9件; table 3 一、本年新收 自然人 9.
    findings = findings_after(HOUSING, "政府信息公开申请 9件", "政府信息公开申请 8件")
    assert summary(findings) == [("NARRATIVE-RECEIVED", "warning", 9, 8)]
    assert findings[0].cells == (A(3, NEW, "自然人"),)


def test_narrative_lawsuits_without_a_group_are_both_groups() -> None:
    findings = findings_after(GOV_OFFICE, "复议后行政诉讼 1件", "行政诉讼 2件")
    assert summary(findings) == [("NARRATIVE-LAWSUIT", "warning", 1, 2)]
    assert findings[0].cells == (
        A(4, "行政诉讼/未经复议直接起诉", "总计"),
        A(4, "行政诉讼/复议后起诉", "总计"),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "其中，网络申请 7件，邮寄申请24件。",
        "全年办理12345政务服务便民热线工单4件，市长信箱2件，办结率100%。",
        "收到行政复议申请 2件。",
        "收到法人或其他组织的政府信息公开申请 3件。",
        "共收到政府信息公开申请31件（含上年结转1件）。",
        "共受理政府信息公开申请31件，其中本年新收30件、上年结转1件。",
        "行政复议纠错 1件，行政诉讼败诉 1件。",
        "行政复议和行政诉讼各1件。",
        "尚有未办结申请 1件。",
        "未发生行政复议被纠错的情况。",
        "主动公开文件 38件，行政规范性文件 5 件、政府规章 2 件。",
    ],
)
def test_narrative_reading_is_conservative(sentence: str) -> None:
    report = attrs.evolve(gr.parse(seed_text(CIVIL_AFFAIRS)), preamble=(sentence,))
    read = [
        (s.quantity, s.value)
        for s in narrative_checks.statements(report)
        if s.sentence.location == "序言第1段"
    ]
    allowed = {
        "共收到政府信息公开申请31件（含上年结转1件）。": [("carried_over", 1)],
        "共受理政府信息公开申请31件，其中本年新收30件、上年结转1件。": [("carried_over", 1)],
        "收到行政复议申请 2件。": [("review", 2)],  # a review, not an application for information
    }
    assert read == allowed.get(sentence, [])


def test_year_against_statistics_period() -> None:
    # Seed 002: 本报告数据统计从 2024年 1月 1日始至 2024年 12月 31日止; title year 2024.
    findings = findings_after(HOUSING, "始至 2024年 12月", "始至 2025年 12月")
    assert summary(findings) == [("YEAR-PERIOD", "warning", 2024, 2025)]
    assert findings[0].cells == ()
    assert findings[0].message == (
        "标题年度为2024年，序言第1段写明的统计期间为“2024年 1月 1日始至 2025年 12月 31日”，年度不一致。"
        "原文：“本报告数据统计从 2024年 1月 1日始至 2025年 12月 31日止。”"
    )


def test_title_year_altered() -> None:
    findings = findings_after(
        GOV_OFFICE, "2024年政府信息公开工作年度报告\n", "2023年政府信息公开工作年度报告\n"
    )
    assert summary(findings) == [("YEAR-PERIOD", "warning", 2023, 2024)]


def test_fees_not_stated() -> None:
    findings = findings_after(GOV_OFFICE, "均没有收取信息处理费", "均没有收取费用")
    assert summary(findings) == [("FEES-NOT-STATED", "warning", None, None)]
    assert findings[0].message.startswith("“六、其他需要报告的事项”未说明信息处理费的收取情况")


def test_processing_fee_in_other_words_counts() -> None:
    # Seed 002 writes 本年度没有产生信息公开处理费.
    report = gr.parse(seed_text(HOUSING))
    assert narrative_checks.mentions_processing_fee(report.other_matters)
    assert not narrative_checks.mentions_processing_fee(gr.Narrative(paragraphs=("未收取任何费用。",)))


# Sections: the strict parser refuses a report without all six in order, so these are built by hand.


def seed_report(name: str = GOV_OFFICE) -> gr.Report:
    return gr.parse(seed_text(name))


def test_section_empty() -> None:
    report = attrs.evolve(seed_report(), problems=gr.Narrative())
    assert summary(gr.validate(report)) == [("SECTION-EMPTY", "warning", None, None)]
    assert gr.validate(report)[0].message == "“五、存在的主要问题及改进情况”部分没有内容"


def test_placeholder_left_in_the_text() -> None:
    text = replace_once(
        seed_text(GOV_OFFICE), "（二）改进措施。", "（二）改进措施。【请填写：下一年度的改进措施。】"
    )
    findings = gr.validate(gr.parse(text))
    assert summary(findings) == [("PLACEHOLDER", "warning", None, None)]
    assert findings[0].message.startswith("尚未填写：")
    assert "【请填写：下一年度的改进措施。】" in findings[0].message


def test_section_six_empty_has_no_fee_statement_either() -> None:
    report = attrs.evolve(seed_report(), other_matters=gr.Narrative())
    assert [f.rule for f in gr.validate(report)] == ["FEES-NOT-STATED", "SECTION-EMPTY"]


def test_section_missing() -> None:
    report = seed_report()
    report = attrs.evolve(report, headings=report.headings[:4] + report.headings[5:])
    findings = gr.validate(report)
    assert summary(findings) == [("SECTION-MISSING", "warning", None, None)]
    assert findings[0].message == "缺少第五部分“五、存在的主要问题及改进情况”"


def test_section_order() -> None:
    report = seed_report()
    h = report.headings
    report = attrs.evolve(report, headings=(*h[:4], h[5], h[4]))
    findings = gr.validate(report)
    assert summary(findings) == [("SECTION-ORDER", "warning", None, None)]
    assert "六、其他需要报告的事项”、“五、存在的主要问题及改进情况”" in findings[0].message


# --------------------------------------------------------------------------
# Robustness and the JSON form


def test_a_broken_rule_does_not_stop_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(report: gr.Report) -> Iterator[gr.Finding]:
        yield gr.Finding("T3-BALANCE", "error", (), 1, 2, "partial")
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "RULES", (("T3-BALANCE", broken), *rules.RULES))
    findings = gr.validate(seed_report())
    assert summary(findings) == [("T3-BALANCE", "error", 1, 2), ("RULE-FAILED", "error", None, None)]
    assert findings[1].message == "规则T3-BALANCE运行出错，未能完成校验：RuntimeError: boom"


def test_unknown_edition_fails_loudly_without_raising() -> None:
    report = attrs.evolve(seed_report(), edition="2012")
    findings = gr.validate(report)
    failed = [f for f in findings if f.rule == "RULE-FAILED"]
    assert failed
    assert all(f.severity == "error" for f in failed)


def test_a_value_of_the_wrong_type() -> None:
    report = seed_report()
    applications = attrs.evolve(
        report.applications,
        # a string where a count belongs, on purpose: what a careless caller builds
        carried_forward=attrs.evolve(report.applications.carried_forward, natural_person="1"),  # type: ignore[arg-type]
    )
    findings = gr.validate(attrs.evolve(report, applications=applications))
    assert [(f.rule, f.severity) for f in findings] == [
        ("CELL-RANGE", "error"),
        ("T3-BALANCE", "warning"),
        ("T3-ROW-TOTAL", "warning"),
    ]
    assert findings[0].message == f"表三“{CARRIED_FORWARD}”行“自然人”列为'1'，应为不小于0的整数"
    assert findings[1].message.endswith(f"无法校验：“{CARRIED_FORWARD}”行不是数字（'1'）")


def test_finding_to_dict_is_json() -> None:
    (finding,) = findings_after(GOV_OFFICE, "行政事业性收费 0", "行政事业性收费 -1.5")
    data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
    assert data == {
        "rule": "CELL-RANGE",
        "severity": "error",
        "cells": [
            {"table": 2, "row": "第二十条第（八）项/行政事业性收费", "column": "本年收费金额（单位：万元）"}
        ],
        "expected": None,
        "actual": "-1.5",
        "message": finding.message,
    }


def test_every_rule_is_documented() -> None:
    text = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule, _ in rules.RULES:
        assert f"`{rule}`" in text, rule
    assert "`RULE-FAILED`" in text


# --------------------------------------------------------------------------
# Properties


def with_value(report: gr.Report, table: int, row: str, column: str, value: Any) -> gr.Report:
    spec = gr.get_edition(report.edition).table(table)
    values = {s.key: v for s, v in table_values(getattr(report, spec.attribute))}
    key = next(k for k in values if "/".join(k[0]) == row and "/".join(k[1]) == column)
    values[key] = value
    table_class = type(getattr(report, spec.attribute))
    return attrs.evolve(report, **{spec.attribute: build_table(table_class, values)})


@pytest.mark.slow
@given(consistent_reports())
def test_consistent_reports_have_no_error(report: gr.Report) -> None:
    errors = [f for f in gr.validate(report) if f.severity == "error"]
    assert errors == []


@pytest.mark.slow
@given(consistent_reports(), st.data())
def test_one_changed_cell_is_named_by_an_error(report: gr.Report, data: st.DataObject) -> None:
    """Tables 3 and 4: any non-zero change breaks a sum.  Table 2 has no sum, so there
    the change is one that makes the cell negative (CELL-RANGE); the 2019 本年增/减 may be
    negative, so no change of it alone is an error."""
    cell = data.draw(st.sampled_from([c for c in gr.cells(report) if c.kind != "signed"]))
    assert cell.value is not None
    if cell.table == 2:
        below = data.draw(st.integers(1, 10**6))
        if cell.kind == "count":
            value: Any = -below
        elif cell.kind == "money":
            value = Money(-Decimal(below) / 100, "元")
        else:
            value = -Decimal(below) / 100
    else:
        delta = data.draw(st.integers(-(10**6), 10**6).filter(bool))
        assert isinstance(cell.value, int)  # tables 3 and 4 hold counts
        value = cell.value + delta
    changed = with_value(report, cell.table, cell.row, cell.column, value)
    address = A(cell.table, cell.row, cell.column)
    assert any(f.severity == "error" and address in f.cells for f in gr.validate(changed))


@pytest.mark.slow
@given(reports())
def test_any_report_validates_and_blank_cells_are_never_zero(report: gr.Report) -> None:
    findings = gr.validate(report)
    assert all(isinstance(f, gr.Finding) for f in findings)
    assert not [f for f in findings if f.rule == "RULE-FAILED"]
    blank = {A(c.table, c.row, c.column) for c in gr.cells(report) if c.value is None}
    assert {f.cells[0] for f in findings if f.rule == "CELL-BLANK"} == blank
    assert len([f for f in findings if f.rule == "CELL-BLANK"]) == len(blank)
    for finding in findings:
        if finding.rule in ARITHMETIC and blank & set(finding.cells):
            assert finding.severity == "warning"
            assert (finding.expected, finding.actual) == (None, None)
            assert "无法校验" in finding.message
    # Every blank cell of tables 3 and 4 is named by a not-checkable sum.
    for address in blank - {a for a in blank if a.table == 2}:
        assert any(f.rule in ARITHMETIC and address in f.cells for f in findings), address


#: Pieces of narrative sentences: what each statement pattern reads, its negations, the words
#: that make it name something else, digits (full-width too), filler and punctuation.
_STATEMENT_PIECES = st.sampled_from(
    [
        "收到",
        "受理",
        "新收",
        "政府信息公开",
        "申请",
        "共",
        "件",
        "12",
        "３",
        "0",
        "未",
        "任何",
        "上年结转",
        "办结",
        "结转下年度",
        "行政复议",
        "行政诉讼",
        "未经复议",
        "直接起诉",
        "复议后",
        "未发生",
        "没有",
        "和",
        "案件",
        "纠正",
        "自然人",
        "网络",
        "含",
        "其中",
        "本单位",
        "，",
        "。",
        "、",
        "（",
        "）",
        " ",
        # whole statements, so that each pattern has something to read
        "收到政府信息公开申请12件",
        "未收到政府信息公开申请",
        "上年结转申请1件",
        "办结申请5件",
        "结转下年度继续办理2件",
        "行政复议3件",
        "行政诉讼1件",
        "未经复议直接起诉的行政诉讼1件",
        "未发生行政复议和行政诉讼",
        "没有行政诉讼案件",
    ]
)


@given(st.lists(st.lists(_STATEMENT_PIECES, max_size=14).map("".join), min_size=1, max_size=3))
def test_statements_are_what_every_pattern_reads_in_every_sentence(paragraphs: list[str]) -> None:
    # The reference: each pattern tried in every sentence (statements() skips a sentence without
    # the words a pattern cannot match without).
    nc = narrative_checks

    def everything(report: gr.Report) -> Iterator[nc.Statement]:
        for sentence in nc.sentences(report):
            text = nc._ascii_digits(sentence.text)
            yield from nc._received(text, sentence)
            if "申请" in text:
                yield from nc._simple(nc._CARRIED_OVER, nc.CARRIED_OVER, text, sentence, nc._NOT_THE_TOTAL)
                yield from nc._simple(nc._HANDLED, nc.HANDLED, text, sentence, nc._NOT_THE_TOTAL)
                yield from nc._simple(
                    nc._CARRIED_FORWARD, nc.CARRIED_FORWARD, text, sentence, nc._NOT_THE_TOTAL
                )
            yield from nc._simple(nc._REVIEW, nc.REVIEW, text, sentence, nc._RESULT_WORDS)
            yield from nc._lawsuits(text, sentence)
            yield from nc._none_filed(text, sentence)

    report = attrs.evolve(_SKELETON, preamble=tuple(paragraphs))
    assert list(nc.statements(report)) == list(everything(report))


_SKELETON = gr.skeleton("某局", 2024)


_SOME_VALUES = st.one_of(
    st.integers(-3, 3),
    st.none(),
    st.booleans(),
    st.decimals(-2, 2, places=1),
    st.just(Money(Decimal(1), "元")),
)


@given(st.lists(_SOME_VALUES, min_size=1, max_size=4), st.lists(_SOME_VALUES, min_size=1, max_size=3))
def test_sides_that_agree_are_what_the_sum_rule_finds_nothing_in(left: list[Any], right: list[Any]) -> None:
    # _agree lets a rule skip _sum_rule: only where _sum_rule would find nothing.
    places = rules._plan(3, rules._class(_SKELETON.applications))[0]
    cells = [rules._Cell(places[at], value) for at, value in enumerate([*left, *right])]
    ones, others = cells[: len(left)], cells[len(left) :]
    found = list(rules._sum_rule("R", ones, others, context="", equation=str, name=str, describe=str))
    assert rules._agree(ones, others) == (not found and all(type(v) is int for v in [*left, *right]))
