"""Word: reopen the file with python-docx and check the page, the fonts and every table cell."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from hypothesis import given, settings

import govinfo_report as gr
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, seed_text
from tests.test_render_html import check_merged_cells, expected_tables

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

FONTS = {"仿宋", "宋体", "黑体", "楷体"}


def _open(report: gr.Report) -> Any:
    data = gr.render(report, "docx")
    assert isinstance(data, bytes)
    assert data.startswith(b"PK")
    return docx.Document(io.BytesIO(data))


def _matrix_and_spans(table: Any) -> tuple[list[list[str]], list[tuple[str, int, int]]]:
    """Every grid position's text, and each (merged) cell's text with its row and column span."""
    positions: dict[int, list[tuple[int, int]]] = {}
    cells: dict[int, Any] = {}
    matrix = []
    for r, row in enumerate(table.rows):
        line = []
        for c, cell in enumerate(row.cells):
            positions.setdefault(id(cell._tc), []).append((r, c))
            cells[id(cell._tc)] = cell
            line.append(cell.text)
        matrix.append(line)
    spans = []
    for key, where in positions.items():
        top, left = min(r for r, _ in where), min(c for _, c in where)
        height = max(r for r, _ in where) - top + 1
        width = max(c for _, c in where) - left + 1
        assert len(where) == height * width, "a merged cell that is not a rectangle"
        spans.append((cells[key].text, height, width))
    return matrix, spans


def check_docx_tables(report: gr.Report, document: Any) -> None:
    assert len(document.tables) == 3
    expected = expected_tables(report)
    spans = {}
    for number, table in zip((2, 3, 4), document.tables, strict=True):
        matrix, spans[number] = _matrix_and_spans(table)
        assert matrix == expected[number], number
    check_merged_cells(report, spans)


@pytest.mark.slow
def test_seed_tables_cell_by_cell() -> None:
    for name in SEED_NAMES:
        report = gr.parse(seed_text(name))
        check_docx_tables(report, _open(report))


@pytest.mark.slow
@settings(max_examples=10)
@given(reports())
def test_generated_tables_cell_by_cell(report: gr.Report) -> None:
    check_docx_tables(report, _open(report))


@pytest.mark.slow
def test_text_in_order() -> None:
    for name in SEED_NAMES:
        report = gr.parse(seed_text(name))
        texts = [paragraph.text for paragraph in _open(report).paragraphs]
        title = (
            [report.agency, report.title]
            if report.agency and not report.title.startswith(report.agency)
            else [report.title]
        )
        expected = [*title, *report.preamble]
        narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
        for number, heading in enumerate(report.headings, start=1):
            expected.append(heading)
            if number in narratives:
                section = narratives[number]
                expected += [
                    *section.paragraphs,
                    *(line for sub in section.subsections for line in sub.lines),
                ]
        assert texts == expected


@pytest.mark.slow
def test_a4_page() -> None:
    document = _open(gr.skeleton("某某局", 2025))
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    assert [round(size.mm) for size in sizes] == [210, 297, 37, 35, 28, 26]


def _east_asian(run: Any) -> str | None:
    fonts = run.element.rPr.rFonts
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia"))
    value: str | None = fonts.get(qn("w:eastAsia"))
    return value


@pytest.mark.slow
def test_fonts_are_set_by_name_for_east_asian_text() -> None:
    by_style: dict[str, set[str | None]] = {}
    for report in (gr.parse(seed_text("000_7047d3e44c49cbca")), gr.skeleton("某某局", 2025)):
        document = _open(report)
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                by_style.setdefault(paragraph.style.name, set()).add(_east_asian(run))
    assert by_style["报告标题"] == {"宋体"}
    assert by_style["报告章节标题"] == {"黑体"}
    assert by_style["报告正文"] == {"仿宋", "楷体"}  # inline sub-headings in 楷体
    assert by_style["报告小标题"] == {"楷体"}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                assert {_east_asian(run) for p in cell.paragraphs for run in p.runs} == {"宋体"}
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    for name in ("报告标题", "报告章节标题", "报告小标题", "报告正文", "报告表格"):
        style_fonts = document.styles[name].element.rPr.rFonts
        assert style_fonts.get(qn("w:eastAsia")) in FONTS
        assert style_fonts.get(qn("w:eastAsiaTheme")) is None


def test_placeholders_are_highlighted() -> None:
    document = _open(gr.skeleton("某某局", 2025))
    marked = [run.text for p in document.paragraphs for run in p.runs if run.font.highlight_color is not None]
    assert marked[:2] == ["【请填写：网站名称及网址】", "【请填写：联系部门、地址、邮编和电话】"]
    assert len(marked) == 11
    assert all(text.startswith("【请填写：") and text.endswith("】") for text in marked)
    assert document.paragraphs[2].text.endswith("】联系。")


def test_table3_header_repeats_on_each_page() -> None:
    document = _open(gr.skeleton("某某局", 2025))
    table3 = document.tables[1]
    headers = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table3.rows]
    assert headers == [True] * 3 + [False] * 25


def test_not_filled_is_a_dash() -> None:
    record = {"table": 4, "row": "行政复议", "column": "结果维持", "value": "2"}
    report = gr.from_cells([record], agency="某某局", year=2025)
    document = _open(report)
    values = [document.tables[2].cell(3, c).text for c in range(15)]
    assert values == ["2"] + ["—"] * 14
    check_docx_tables(report, document)


def test_missing_python_docx_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ImportError, match=r"pip install 'govinfo-report\[docx\]'") as info:
        gr.render(gr.skeleton("某某局", 2025), "docx")
    assert isinstance(info.value, gr.MissingDependencyError)
    assert isinstance(info.value, gr.GovInfoError)
