"""Year on year: gr.compare against values worked out by hand from the seeds.

The pairs:

* seed 000 (中卫市人民政府办公室 2024) as its own "2023" report (same text and tables,
  year 2023): every cell unchanged; the cross-year rules then compare 2024 with its
  own numbers, which a person can do from the seed's tables:
  表三 四、结转下年度继续办理 is 1 0 0 0 0 0 1 and 二、上年结转 is 0 1 0 0 0 0 1, so
  自然人 (1 ≠ 0) and 商业企业 (0 ≠ 1) fail YOY-CARRIED-OVER, 总计 (1 = 1) holds;
  表二 规章 2 0 9 gives 9 + 2 − 0 = 11 ≠ 9, 行政规范性文件 5 2 43 gives 43 + 5 − 2 = 46 ≠ 43.
* tests/fixtures/analysis/001_minzheng_2023.txt (seed 001 edited, see its README)
  against seed 001: one changed cell, 表二 行政许可 60 → 11 (more than 5× down,
  both ≥ 10: YOY-JUMP); 行政规范性文件 in force 0 + 0 − 1 = −1 ≠ 0 (YOY-IN-FORCE).
"""

from __future__ import annotations

import attrs
import pytest

import govinfo_report as gr
from tests.conftest import FIXTURES, SEEDS, proactive_2021
from tests.expected_cells import TABLE3_COLUMNS

T3_COLUMNS = TABLE3_COLUMNS
CARRIED_OVER = "二、上年结转政府信息公开申请数量"
CARRIED_FORWARD = "四、结转下年度继续办理"
RULES = "第二十条第（一）项/规章"
NORMATIVE = "第二十条第（一）项/行政规范性文件"
LICENSING = gr.CellAddress(2, "第二十条第（五）项/行政许可", "本年处理决定数量")


def seed(name: str) -> gr.Report:
    return gr.parse_file(SEEDS / f"{name}.txt")


@pytest.fixture(scope="module")
def city_office() -> gr.Comparison:
    later = seed("000_7047d3e44c49cbca")
    return gr.compare(attrs.evolve(later, year=2023), later)


@pytest.fixture(scope="module")
def civil_affairs() -> gr.Comparison:
    earlier = gr.parse_file(FIXTURES / "analysis" / "001_minzheng_2023.txt")
    return gr.compare(earlier, seed("001_c9535c3b51337c03"))


def test_same_tables_change_nothing(city_office: gr.Comparison) -> None:
    assert len(city_office.changes) == 200
    assert city_office.changed == ()
    assert all(change.delta == 0 for change in city_office.changes)
    assert city_office.consecutive


def test_carried_over_per_applicant_column(city_office: gr.Comparison) -> None:
    found = [f for f in city_office.findings if f.rule == "YOY-CARRIED-OVER"]
    assert [(f.severity, f.expected, f.actual) for f in found] == [("error", 1, 0), ("error", 0, 1)]
    natural, commercial = found
    assert natural.earlier_cells == (gr.CellAddress(3, CARRIED_FORWARD, "自然人"),)
    assert natural.later_cells == (gr.CellAddress(3, CARRIED_OVER, "自然人"),)
    assert commercial.later_cells == (gr.CellAddress(3, CARRIED_OVER, "法人或其他组织/商业企业"),)
    assert "2024年报告" in natural.message
    assert "2023年报告" in natural.message
    assert "“四、结转下年度继续办理”为1" in natural.message


def test_in_force_from_last_year(city_office: gr.Comparison) -> None:
    found = [f for f in city_office.findings if f.rule == "YOY-IN-FORCE"]
    assert [(f.severity, f.expected, f.actual) for f in found] == [("warning", 11, 9), ("warning", 46, 43)]
    rules = found[0]
    assert rules.earlier_cells == (gr.CellAddress(2, RULES, "现行有效件数"),)
    assert rules.later_cells == (
        gr.CellAddress(2, RULES, "本年制发件数"),
        gr.CellAddress(2, RULES, "本年废止件数"),
        gr.CellAddress(2, RULES, "现行有效件数"),
    )
    assert "(9)+2024年报告本年制发件数(2)−本年废止件数(0)=11" in rules.message


def test_one_changed_cell_is_a_jump(civil_affairs: gr.Comparison) -> None:
    (change,) = civil_affairs.changed
    assert change.address == LICENSING
    assert (change.before, change.after, change.delta) == (60, 11, -49)
    assert civil_affairs.change(*attrs.astuple(LICENSING)) == change
    rules = [(f.rule, f.expected, f.actual) for f in civil_affairs.findings]
    assert rules == [("YOY-IN-FORCE", -1, 0), ("YOY-JUMP", 60, 11)]
    jump = civil_affairs.findings[1]
    assert jump.earlier_cells == (LICENSING,)
    assert jump.later_cells == (LICENSING,)
    assert "2023年报告为60" in jump.message
    assert "2024年报告为11" in jump.message


def test_jump_needs_both_values_at_least_the_floor() -> None:
    later = seed("001_c9535c3b51337c03")  # 行政许可 11
    nine = attrs.evolve(later, year=2023, proactive=attrs.evolve(proactive_2021(later), licensing=9))
    assert not [f for f in gr.compare(nine, later).findings if f.rule == "YOY-JUMP"]  # 9 < 10
    big = attrs.evolve(later, year=2023, proactive=attrs.evolve(proactive_2021(later), licensing=55))
    assert not [f for f in gr.compare(big, later).findings if f.rule == "YOY-JUMP"]  # 55 = 5 × 11
    bigger = attrs.evolve(later, year=2023, proactive=attrs.evolve(proactive_2021(later), licensing=56))
    assert [f.rule for f in gr.compare(bigger, later).findings if f.rule == "YOY-JUMP"] == ["YOY-JUMP"]
    up = gr.compare(attrs.evolve(later, proactive=attrs.evolve(proactive_2021(later), licensing=2)), later)
    assert not up.consecutive  # same year: only jumps are looked at, and 2 < 10


def test_blank_stays_blank_and_makes_the_rule_unchecked() -> None:
    later = seed("000_7047d3e44c49cbca")
    applications = later.applications
    blank = attrs.evolve(
        applications, carried_forward=attrs.evolve(applications.carried_forward, natural_person=None)
    )
    earlier = attrs.evolve(later, year=2023, applications=blank)
    comparison = gr.compare(earlier, later)
    change = comparison.change(3, CARRIED_FORWARD, "自然人")
    assert (change.before, change.after, change.delta, change.changed) == (None, 1, None, True)
    (unchecked,) = [f for f in comparison.findings if f.rule == "YOY-CARRIED-OVER" and f.expected is None]
    assert unchecked.severity == "warning"
    assert unchecked.actual is None
    assert "无法校验：2023年报告“四、结转下年度继续办理”未填写" in unchecked.message


def test_years_not_consecutive_skip_the_carrying_rules() -> None:
    later = seed("000_7047d3e44c49cbca")
    comparison = gr.compare(attrs.evolve(later, year=2021), later)
    assert not comparison.consecutive
    assert comparison.findings == ()


def test_wrong_order_is_refused() -> None:
    later = seed("000_7047d3e44c49cbca")
    with pytest.raises(gr.IncompatibleReportsError, match="顺序颠倒") as info:
        gr.compare(later, attrs.evolve(later, year=2023))
    assert isinstance(info.value, gr.GovInfoError)


def test_across_editions_through_the_cells_defined_alike() -> None:
    # The hand-made 2019-edition report for 2020 against seed 001 taken as its 2021 report.
    earlier = gr.parse_file(FIXTURES / "edition2019" / "tab_copy.txt")
    later = attrs.evolve(seed("001_c9535c3b51337c03"), year=2021)
    comparison = gr.compare(earlier, later)
    compared = [change for change in comparison.changes if change.earlier_address is not None]
    # Tables 3 and 4 but for the three （六） sub-rows (175 - 21 + 15), and 处理决定数量 of
    # 行政许可, 行政处罚, 行政强制 in table 2.
    assert len(compared) == 154 + 15 + 3
    licensing = next(c for c in compared if c.earlier_address and c.earlier_address.row.endswith("行政许可"))
    assert (licensing.before, licensing.after) == (1204, 11)
    # 上年结转 (2021, all 0) against 结转下年度继续办理 (2020: 自然人 2, 总计 2).
    errors = [f for f in comparison.findings if f.rule == "YOY-CARRIED-OVER"]
    assert [(f.expected, f.actual) for f in errors] == [(2, 0), (2, 0)]
    # 现行有效件数 has no 2019 counterpart: not checkable, and said so.
    in_force = [f for f in comparison.findings if f.rule == "YOY-IN-FORCE"]
    assert len(in_force) == 2
    assert all(f.severity == "warning" and "2020年报告没有现行有效件数" in f.message for f in in_force)


def test_a_mapping_plugs_in() -> None:
    """A caller (or, later, the edition registry) gives where a cell was: here nowhere."""
    later = seed("000_7047d3e44c49cbca")
    comparison = gr.compare(attrs.evolve(later, year=2023), later, mapping=lambda address: None)
    assert all(change.earlier_address is None and change.before is None for change in comparison.changes)
    assert all(change.delta is None for change in comparison.changes)
    # Every carrying rule (7 columns, 2 rows) lacks its earlier cell: not checkable, and said so.
    assert [f.rule for f in comparison.findings] == ["YOY-CARRIED-OVER"] * 7 + ["YOY-IN-FORCE"] * 2
    assert all(f.severity == "warning" and f.expected is None for f in comparison.findings)
    assert all("无法校验：2023年报告没有" in f.message for f in comparison.findings)


def test_finding_to_dict() -> None:
    later = seed("000_7047d3e44c49cbca")
    finding = gr.compare(attrs.evolve(later, year=2023), later).findings[0]
    assert finding.to_dict() == {
        "rule": "YOY-CARRIED-OVER",
        "severity": "error",
        "earlier_cells": [{"table": 3, "row": CARRIED_FORWARD, "column": "自然人"}],
        "later_cells": [{"table": 3, "row": CARRIED_OVER, "column": "自然人"}],
        "expected": 1,
        "actual": 0,
        "message": finding.message,
    }
