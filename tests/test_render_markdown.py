"""Markdown: parse(render(r, "markdown")) == r, as for the canonical text."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given

import govinfo_report as gr
from govinfo_report.testing import consistent_reports, reports
from tests.conftest import SEED_NAMES, VARIANTS, seed_text, variants
from tests.test_render_html import HtmlCell, html_matrix, parse_page


@pytest.mark.slow
@given(reports())
def test_markdown_round_trip(report: gr.Report) -> None:
    assume(not gr.text_layout_problems(report))
    assert gr.parse(gr.render(report, "markdown")) == report


@pytest.mark.slow
@given(consistent_reports())
def test_markdown_round_trip_of_consistent_reports(report: gr.Report) -> None:
    assume(not gr.text_layout_problems(report))
    assert gr.parse(gr.render(report, "markdown")) == report


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_round_trip(name: str) -> None:
    report = gr.parse(seed_text(name))
    markdown = gr.render(report, "markdown")
    assert gr.parse(markdown) == report
    assert gr.render(gr.parse(markdown), "markdown") == markdown


@pytest.mark.parametrize("case", variants(), ids=[case["file"] for case in variants()])
def test_variant_round_trip(case: dict[str, object]) -> None:
    report = gr.parse_file(VARIANTS / str(case["file"]))
    assert gr.parse(gr.render(report, "markdown")) == report


def _pipe_tables(markdown: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.split("\n"):
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append([cell.strip() for cell in line.strip().strip("|").split("|")])
        previous = line
    return tables


def _top_left_texts(rows: list[list[HtmlCell]]) -> list[list[str]]:
    """An HTML table's grid with each merged cell's text in its top-left position only."""
    seen: set[int] = set()
    out = []
    for row in html_matrix(rows):
        line = []
        for cell in row:
            line.append("" if id(cell) in seen else cell.text)
            seen.add(id(cell))
        out.append(line)
    return out


@pytest.mark.parametrize("name", SEED_NAMES)
def test_pipe_tables_hold_the_template_grid(name: str) -> None:
    """The pipe tables are the HTML tables (checked cell by cell there), merged cells spread out."""
    report = gr.parse(seed_text(name))
    tables = _pipe_tables(gr.render(report, "markdown"))
    html_tables = parse_page(gr.render(report, "html")).tables
    assert len(tables) == 3
    for table, html_table in zip(tables, html_tables, strict=True):
        header, rule, *body = table
        assert all(set(cell) <= set(":-") and "---" in cell for cell in rule)
        assert len(rule) == len(header)
        assert [header, *body] == _top_left_texts(html_table)


def test_layout_lines() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    lines = gr.render(report, "markdown").split("\n")
    assert lines[0] == "中卫市人民政府办公室"
    assert lines[2] == "# 2024年政府信息公开工作年度报告"
    assert "## 一、总体情况" in lines
    assert "## 四、政府信息公开行政复议、行政诉讼情况" in lines
    assert "| 规章 | 2 | 0 | 9 |" in lines
    assert "| 行政许可 | 0 |  |  |" in lines
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 29 | 2 | 0 | 0 | 0 | 0 | 31 |" in lines
    assert "|  | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in lines
    assert "| 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |" in lines


def test_title_starting_with_the_agency_stays_a_plain_line() -> None:
    report = gr.skeleton("某某局", 2025, title="某某局2025年政府信息公开工作年度报告")
    markdown = gr.render(report, "markdown")
    assert markdown.startswith("某某局2025年政府信息公开工作年度报告\n\n")
    assert gr.parse(markdown) == report
    no_agency = attrs.evolve(gr.skeleton("某某局", 2025), agency=None)
    assert gr.parse(gr.render(no_agency, "markdown")) == no_agency


def test_not_filled_is_a_dash() -> None:
    report = gr.parse_file(VARIANTS / "blank_cells.txt")
    markdown = gr.render(report, "markdown")
    assert "| 规章 | 0 | — | 0 |" in markdown.split("\n")
    assert gr.parse(markdown) == report
