"""The canonical text layout: parse(render(r, "text")) == r."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import assume, given

import govinfo_report as gr
from govinfo_report.testing import consistent_reports, reports
from tests.conftest import SEED_NAMES, VARIANTS, seed_text, variants


@pytest.mark.slow
@given(reports())
def test_text_round_trip(report: gr.Report) -> None:
    assume(not gr.text_layout_problems(report))
    assert gr.parse(gr.render(report, "text")) == report


@pytest.mark.slow
@given(consistent_reports())
def test_text_round_trip_of_consistent_reports(report: gr.Report) -> None:
    assume(not gr.text_layout_problems(report))
    assert gr.parse(gr.render(report, "text")) == report


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_parse_render_parse(name: str) -> None:
    report = gr.parse(seed_text(name))
    assert gr.text_layout_problems(report) == []
    text = gr.render(report, "text")
    assert gr.parse(text) == report
    assert gr.render(gr.parse(text), "text") == text  # canonical text is a fixed point


@pytest.mark.parametrize("case", variants(), ids=[case["file"] for case in variants()])
def test_variant_render_round_trip(case: dict[str, object]) -> None:
    report = gr.parse_file(VARIANTS / str(case["file"]))
    assert gr.parse(gr.render(report)) == report


def test_canonical_layout_of_a_table_row() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    lines = gr.render(report, "text").split("\n")
    # Values read off seed 000: 一、本年新收 29 2 0 0 0 0 31, and table 4 on one line.
    assert "一、本年新收政府信息公开申请数量 29 2 0 0 0 0 31" in lines
    assert "（三）不予公开" in lines
    assert "4 0 0 0 4 0 0 0 0 0 1 0 0 0 1" in lines
    assert "规章 2 0 9" in lines


def test_not_filled_is_rendered_as_a_dash() -> None:
    report = gr.parse_file(VARIANTS / "blank_cells.txt")
    assert "规章 0 — 0" in gr.render(report).split("\n")


def _with(report: gr.Report, **changes: Any) -> gr.Report:  # passed on to attrs.evolve
    return attrs.evolve(report, **changes)


def test_problems_name_what_cannot_be_carried() -> None:
    report = gr.parse(seed_text("001_c9535c3b51337c03"))
    overview = report.overview
    heading_like = attrs.evolve(overview, paragraphs=("二、主动公开政府信息情况",))
    assert any("章节标题" in p for p in gr.text_layout_problems(_with(report, overview=heading_like)))
    run_on = attrs.evolve(overview, paragraphs=("没有句号的段落", "下一段。"))
    assert any("连成一段" in p for p in gr.text_layout_problems(_with(report, overview=run_on)))
    numbered = attrs.evolve(overview, paragraphs=("（一）像小标题的段落。",))
    assert any("小标题" in p for p in gr.text_layout_problems(_with(report, overview=numbered)))
    broken = attrs.evolve(overview, paragraphs=("两行\n文字。",))
    assert any("换行" in p for p in gr.text_layout_problems(_with(report, overview=broken)))
    assert any("year" in p for p in gr.text_layout_problems(_with(report, year=2023)))
    one_line = _with(report, agency=None, title="中卫市民政局2024年政府信息公开工作年度报告")
    assert any("发布机关" in p for p in gr.text_layout_problems(one_line))


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="未知的输出格式"):
        gr.render(gr.parse(seed_text(SEED_NAMES[0])), "pdf")


def test_a_markdown_rule_paragraph_cannot_be_carried() -> None:
    report = gr.parse(seed_text("001_c9535c3b51337c03"))
    ruled = attrs.evolve(report.overview, paragraphs=("---",))
    assert any("分隔线" in p for p in gr.text_layout_problems(_with(report, overview=ruled)))


def test_markdown_title_line_without_a_body_line() -> None:
    text = gr.render(gr.parse(seed_text("001_c9535c3b51337c03")), "text")
    text = text.replace(
        "中卫市民政局\n2024 年政府信息公开工作年度报告", "# 2024 年政府信息公开工作年度报告", 1
    )
    report = gr.parse(text)
    assert report.title == "2024 年政府信息公开工作年度报告"
    assert report.agency is None
    assert report.year == 2024
