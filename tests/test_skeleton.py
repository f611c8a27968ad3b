"""gr.skeleton: the official layout, every cell 0, narrative marked as still to be written."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.editions import HEADINGS
from govinfo_report.skeleton import PLACEHOLDER_MARK, placeholders


@pytest.fixture(scope="module")
def report() -> gr.Report:
    return gr.skeleton(agency="某某市某某局", year=2025, edition="2021")


def test_front_and_headings(report: gr.Report) -> None:
    assert report.edition == "2021"
    assert report.agency == "某某市某某局"
    assert report.year == 2025
    assert report.title == "2025年政府信息公开工作年度报告"
    assert report.headings == HEADINGS
    assert len(report.headings) == 6
    assert "2025年1月1日起至2025年12月31日止" in report.preamble[0]
    assert "国办公开办函〔2021〕30号" in report.preamble[0]


def test_standard_subheadings_of_section_one(report: gr.Report) -> None:
    titles = [sub.heading for sub in report.overview.subsections]
    assert titles == [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]
    assert all(sub.paragraphs and not sub.inline for sub in report.overview.subsections)


def test_narrative_is_marked_as_still_to_be_written(report: gr.Report) -> None:
    for section in (report.overview, report.problems):
        assert section.text
        for paragraph in [*section.paragraphs, *(p for sub in section.subsections for p in sub.paragraphs)]:
            assert paragraph.startswith("【请填写：")
    assert PLACEHOLDER_MARK in report.preamble[0]
    left = placeholders(report)
    assert len(left) == 10
    assert left[1] == "一、总体情况：【请填写：2025年政府信息公开工作的总体情况】。"
    assert any(item.startswith("一、总体情况（二）依申请公开情况：") for item in left)


def test_section_six_states_information_processing_fees(report: gr.Report) -> None:
    first = report.other_matters.paragraphs[0]
    assert "信息处理费" in first
    assert "国办函〔2020〕109号" in first
    assert PLACEHOLDER_MARK not in first


def test_every_cell_is_zero(report: gr.Report) -> None:
    cells = list(gr.cells(report))
    assert len(cells) == 200
    assert all(cell.value == 0 and cell.value is not None for cell in cells)
    assert report.proactive.fees == Decimal(0)
    assert isinstance(report.proactive.fees, Decimal)
    assert isinstance(report.applications.outcomes.total.total, int)


def test_validates_with_no_finding(report: gr.Report) -> None:
    assert [f for f in gr.validate(report) if f.severity == "error"] == []
    # Only the placeholders still to be written are pointed out, one warning each.
    findings = gr.validate(report)
    assert {f.rule for f in findings} == {"PLACEHOLDER"}
    assert len(findings) == len(placeholders(report))
    assert all(f.severity == "warning" and f.message.startswith("尚未填写：") for f in findings)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_reads_back_equal(report: gr.Report, fmt: str) -> None:
    assert gr.text_layout_problems(report) == []
    text = gr.render(report, fmt)
    assert isinstance(text, str)
    assert gr.parse(text) == report


def test_placeholders_are_gone_once_written(report: gr.Report) -> None:
    written = attrs.evolve(
        report,
        preamble=("本报告依据条例编制。",),
        overview=gr.Narrative(paragraphs=("全年公开信息120条。",)),
        problems=gr.Narrative(paragraphs=("栏目更新不及时。",)),
        other_matters=attrs.evolve(report.other_matters, paragraphs=report.other_matters.paragraphs[:1]),
    )
    assert placeholders(written) == []


def test_title_and_agency_options() -> None:
    one_line = gr.skeleton(
        "某某县人民政府办公室", 2024, title="某某县人民政府办公室2024年政府信息公开工作年度报告"
    )
    assert one_line.title.startswith(one_line.agency or "")
    assert gr.text_layout_problems(one_line) == []
    assert gr.parse(gr.render(one_line)) == one_line
    assert gr.skeleton(" 某某局 ", 2025).agency == "某某局"


@pytest.mark.parametrize(
    ("agency", "year"),
    [("", 2025), ("两行\n机关", 2025), ("某某局", 25), ("某某局", 20250), ("某某局", True)],
)
def test_bad_arguments(agency: str, year: int) -> None:
    with pytest.raises(ValueError, match=r"发布机关|年度"):
        gr.skeleton(agency, year)


def test_unknown_edition() -> None:
    with pytest.raises(gr.UnknownEditionError, match="2012"):
        gr.skeleton("某某局", 2025, edition="2012")
