"""HTML: one self-contained page; the tables checked cell by cell with a real HTML parser.

The expected tables are written out here from the published template (merged
cells) and the report's own cells (``gr.cells``), independently of the
renderer's grid code; ``tests/test_render_docx.py`` checks Word files against
the same expectations.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given, settings

import govinfo_report as gr
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, seed_text

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
FIVE = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

#: (table, text, rowspan, colspan) of the merged cells of the published template.
MERGED_CELLS: list[tuple[int, str, int, int]] = [
    (2, "第二十条第（一）项", 1, 4),
    (2, "第二十条第（五）项", 1, 4),
    (2, "第二十条第（六）项", 1, 4),
    (2, "第二十条第（八）项", 1, 4),
    (2, "本年处理决定数量", 1, 3),
    (2, "本年处理决定数量", 1, 3),
    (2, "本年收费金额（单位：万元）", 1, 3),
    (3, NOTE, 3, 3),
    (3, "申请人情况", 1, 7),
    (3, "自然人", 2, 1),
    (3, "法人或其他组织", 1, 5),
    (3, "总计", 2, 1),
    (3, "一、本年新收政府信息公开申请数量", 1, 3),
    (3, "二、上年结转政府信息公开申请数量", 1, 3),
    (3, "三、本年度办理结果", 22, 1),
    (3, "（一）予以公开", 1, 2),
    (3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2),
    (3, "（三）不予公开", 8, 1),
    (3, "（四）无法提供", 3, 1),
    (3, "（五）不予处理", 5, 1),
    (3, "（六）其他处理", 3, 1),
    (3, "（七）总计", 1, 2),
    (3, "四、结转下年度继续办理", 1, 3),
    (4, "行政复议", 1, 5),
    (4, "行政诉讼", 1, 10),
    (4, "未经复议直接起诉", 1, 5),
    (4, "复议后起诉", 1, 5),
    *[(4, label, 2, 1) for label in FIVE],
]


def shown(value: object) -> str:
    """A cell value as every renderer prints it."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _rows(report: gr.Report, table: int) -> list[tuple[tuple[str, ...], list[str]]]:
    rows: dict[tuple[str, ...], list[str]] = {}
    for cell in gr.cells(report):
        if cell.table == table:
            rows.setdefault(cell.row_path, []).append(shown(cell.value))
    return list(rows.items())


def _pad(cells: list[str], width: int) -> list[str]:
    """A row whose last cell spans the remaining columns."""
    return cells + [cells[-1]] * (width - len(cells))


def expected_tables(report: gr.Report) -> dict[int, list[list[str]]]:
    """Each table as a matrix of texts, a merged cell's text in every position it covers."""
    table2: list[list[str]] = []
    item = ""
    columns: dict[tuple[str, ...], list[str]] = {
        cell.row_path: [] for cell in gr.cells(report) if cell.table == 2
    }
    for cell in gr.cells(report):
        if cell.table == 2:
            columns[cell.row_path].append(cell.column)
    for path, values in _rows(report, 2):
        if path[0] != item:
            item = path[0]
            table2.append([item] * 4)
            table2.append(_pad(["信息内容", *columns[path]], 4))
        table2.append(_pad([path[-1], *values], 4))
    table3 = [
        [NOTE] * 3 + ["申请人情况"] * 7,
        [NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"],
        [NOTE] * 3 + APPLICANTS,
    ]
    table3 += [_pad(list(path), 3) + values for path, values in _rows(report, 3)]
    table4 = [
        ["行政复议"] * 5 + ["行政诉讼"] * 10,
        FIVE + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
        FIVE * 3,
        [value for _, values in _rows(report, 4) for value in values],
    ]
    return {2: table2, 3: table3, 4: table4}


#: The 2019 template's table 2 (国办公开办函〔2019〕60号): five items, and the two rows with two
#: values (行政事业性收费, 政府集中采购) let their last header and value span two columns.
TABLE2_2019: list[tuple[int, str, int, int]] = [
    (2, "第二十条第（一）项", 1, 4),
    (2, "第二十条第（五）项", 1, 4),
    (2, "第二十条第（六）项", 1, 4),
    (2, "第二十条第（八）项", 1, 4),
    (2, "第二十条第（九）项", 1, 4),
    (2, "本年增/减", 1, 2),
    (2, "采购总金额", 1, 2),
]

#: A table 3 that prints （六）其他处理 as one row (2021 reports printed that way): 20 rows under
#: 三、本年度办理结果, and （六） spanning the two label columns like （一）.
ONE_OTHER_ROW = {
    ("三、本年度办理结果", 22, 1): ("三、本年度办理结果", 20, 1),
    ("（六）其他处理", 3, 1): ("（六）其他处理", 1, 2),
}


def merged_cells(report: gr.Report) -> list[tuple[int, str, int, int]]:
    """MERGED_CELLS, for the edition of table 2 and the shape of table 3 the report has."""
    cells = MERGED_CELLS
    if report.edition == "2019":
        cells = TABLE2_2019 + [cell for cell in cells if cell[0] != 2]
    if isinstance(report.applications, gr.Applications2019):
        cells = [
            (n, *ONE_OTHER_ROW.get((t, r, c), (t, r, c))) if n == 3 else (n, t, r, c) for n, t, r, c in cells
        ]
    return cells


def check_merged_cells(report: gr.Report, spans: dict[int, list[tuple[str, int, int]]]) -> None:
    """The merged cells are the template's: those of MERGED_CELLS, and table 2's single value cells."""
    for table in (2, 3, 4):
        wanted = Counter(
            (text, rows, cols) for number, text, rows, cols in merged_cells(report) if number == table
        )
        if table == 2:  # a row's last value spans the columns its row does not fill
            wanted += Counter(
                (values[-1], 1, 4 - len(values)) for _, values in _rows(report, 2) if len(values) < 3
            )
        found = Counter(span for span in spans[table] if span[1:] != (1, 1))
        assert found == wanted, table


def expected_texts(report: gr.Report) -> list[tuple[str, str]]:
    """(element, text) of everything outside the tables, in order: title, preamble, sections."""
    texts = [("span", line) for line in _title_lines(report)]
    texts += [("p", paragraph) for paragraph in report.preamble]
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        texts.append(("h2", heading))
        if number not in narratives:
            continue
        section = narratives[number]
        texts += [("p", paragraph) for paragraph in section.paragraphs]
        for sub in section.subsections:
            texts.append(("span" if sub.inline else "h3", sub.heading))
            texts += [("p", paragraph) for paragraph in sub.paragraphs]
    return texts


def _title_lines(report: gr.Report) -> list[str]:
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


# ---------------------------------------------------------------------------
# Reading HTML


@attrs.define
class HtmlCell:
    tag: str
    attributes: dict[str, str]
    text: str = ""

    @property
    def rowspan(self) -> int:
        return int(self.attributes.get("rowspan", "1"))

    @property
    def colspan(self) -> int:
        return int(self.attributes.get("colspan", "1"))


class PageParser(HTMLParser):
    """Tables as rows of cells; every tag and all text outside tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[HtmlCell]]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: list[tuple[str, str]] = []  # (enclosing element, its text), <mark> read as text
        self.marks: list[str] = []
        self._cell: HtmlCell | None = None
        self._open: list[tuple[str, int]] = []  # open elements and their numbers
        self._count = 0
        self._last = -1  # number of the element the last text entry belongs to
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag not in {"meta", "col", "br"}:
            self._count += 1
            self._open.append((tag, self._count))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in {"td", "th"}:
            self._cell = HtmlCell(tag, attributes)
            self.tables[-1][-1].append(self._cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"}:
            self._cell = None
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
            return
        if self._open and self._open[-1][0] == "style":
            self.style += data
            return
        if self._open and self._open[-1][0] == "mark":
            self.marks.append(data)
        tag, number = next(((t, n) for t, n in reversed(self._open) if t != "mark"), ("", 0))
        if number == self._last:
            self.texts[-1] = (tag, self.texts[-1][1] + data)
        elif data.strip():
            self.texts.append((tag, data))
            self._last = number


def html_matrix(rows: list[list[HtmlCell]]) -> list[list[HtmlCell]]:
    """The table's grid: each position holds the cell covering it."""
    grid: dict[tuple[int, int], HtmlCell] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    assert (r + dr, c + dc) not in grid, "overlapping cells"
                    grid[(r + dr, c + dc)] = cell
            c += cell.colspan
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    assert len(grid) == height * width, "the table is not rectangular"
    return [[grid[(r, c)] for c in range(width)] for r in range(height)]


def parse_page(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def check_html_tables(report: gr.Report, page: str) -> None:
    parser = parse_page(page)
    assert len(parser.tables) == 3
    expected = expected_tables(report)
    spans = {}
    for number, rows in zip((2, 3, 4), parser.tables, strict=True):
        matrix = html_matrix(rows)
        assert [[cell.text for cell in row] for row in matrix] == expected[number], number
        spans[number] = [(cell.text, cell.rowspan, cell.colspan) for row in rows for cell in row]
        for row in matrix:
            for cell in row:
                if cell.tag == "td":
                    assert "value" in cell.attributes["class"]
                    assert ("not-filled" in cell.attributes["class"]) == (cell.text == "—")
    check_merged_cells(report, spans)


# ---------------------------------------------------------------------------


def test_seed_tables_cell_by_cell() -> None:
    for name in SEED_NAMES:
        report = gr.parse(seed_text(name))
        check_html_tables(report, gr.render(report, "html"))


@pytest.mark.slow
@settings(max_examples=25)
@given(reports())
def test_generated_tables_cell_by_cell(report: gr.Report) -> None:
    check_html_tables(report, gr.render(report, "html"))


def test_table3_header_and_body_spans_as_printed() -> None:
    parser = parse_page(gr.render(gr.skeleton("某某局", 2025), "html"))
    table3 = parser.tables[1]
    assert [(c.text, c.rowspan, c.colspan) for c in table3[0]] == [(NOTE, 3, 3), ("申请人情况", 1, 7)]
    assert [(c.text, c.rowspan, c.colspan) for c in table3[1]] == [
        ("自然人", 2, 1),
        ("法人或其他组织", 1, 5),
        ("总计", 2, 1),
    ]
    assert [c.text for c in table3[2]] == APPLICANTS[1:6]
    outcomes = table3[5]
    assert [(c.text, c.rowspan, c.colspan) for c in outcomes[:2]] == [
        ("三、本年度办理结果", 22, 1),
        ("（一）予以公开", 1, 2),
    ]
    withheld = table3[7]
    assert [(c.text, c.rowspan, c.colspan) for c in withheld[:2]] == [
        ("（三）不予公开", 8, 1),
        ("1.属于国家秘密", 1, 1),
    ]
    assert [c.tag for c in table3[0]] == ["th", "th"]
    assert all(cell.tag == "td" for cell in withheld[2:])


def test_not_filled_is_visible_never_zero() -> None:
    report = gr.from_cells(
        [{"table": 3, "row": "一、本年新收政府信息公开申请数量", "column": "自然人", "value": "0"}],
        agency="某某局",
        year=2025,
    )
    parser = parse_page(gr.render(report, "html"))
    first = html_matrix(parser.tables[1])[3]
    assert [cell.text for cell in first[3:]] == ["0"] + ["—"] * 6
    assert first[4].attributes["title"] == "未填写"
    assert "not-filled" in first[4].attributes["class"]
    assert "not-filled" not in first[3].attributes["class"]
    check_html_tables(report, gr.render(report, "html"))


def test_self_contained_printable_page() -> None:
    page = gr.render(gr.skeleton("某某局", 2025), "html")
    parser = parse_page(page)
    assert page.startswith("<!DOCTYPE html>")
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags
    assert "link" not in tags
    assert "img" not in tags
    assert not any("src" in attributes or "href" in attributes for _, attributes in parser.tags)
    assert ("html", {"lang": "zh-CN"}) in parser.tags
    assert "@page { size: A4;" in parser.style
    for font in ("仿宋", "宋体", "黑体", "楷体"):
        assert font in parser.style
    assert ("title", "某某局 2025年政府信息公开工作年度报告") in parser.texts


def test_narrative_structure() -> None:
    for name in SEED_NAMES:
        report = gr.parse(seed_text(name))
        parser = parse_page(gr.render(report, "html"))
        assert [text for text in parser.texts if text[0] != "title"] == expected_texts(report)
    assert any(sub.inline for sub in gr.parse(seed_text(SEED_NAMES[0])).overview.subsections)


@pytest.mark.slow
@settings(max_examples=25)
@given(reports())
def test_generated_narrative(report: gr.Report) -> None:
    parser = parse_page(gr.render(report, "html"))
    assert [text for text in parser.texts if text[0] != "title"] == expected_texts(report)


def test_placeholders_are_highlighted() -> None:
    report = gr.skeleton("某某局", 2025)
    parser = parse_page(gr.render(report, "html"))
    assert [text for text in parser.texts if text[0] != "title"] == expected_texts(report)
    assert parser.marks[:2] == ["【请填写：网站名称及网址】", "【请填写：联系部门、地址、邮编和电话】"]
    assert len(parser.marks) == 11
    assert ("mark", {"class": "placeholder"}) in parser.tags
    assert "mark.placeholder" in parser.style


def test_every_text_is_escaped() -> None:
    nasty = "<script>alert('x')</script> & <b>粗体</b> \"引号\"。"
    base = gr.skeleton("某某局<b>", 2025)
    report = attrs.evolve(
        base,
        overview=gr.Narrative(
            paragraphs=(nasty,),
            subsections=(gr.Subsection("（一）<i>标题</i>。", ("正文&amp;。",), inline=True),),
        ),
    )
    page = gr.render(report, "html")
    assert "<script>" not in page
    assert "<b>" not in page
    assert "<i>" not in page
    parser = parse_page(page)
    assert "script" not in [tag for tag, _ in parser.tags]
    assert ("p", nasty) in parser.texts
    assert ("span", "某某局<b>") in parser.texts
    assert ("span", "（一）<i>标题</i>。") in parser.texts
    assert ("p", "正文&amp;。") in parser.texts


@given(reports())
def test_a_page_s_tables_are_the_tables_render_table_gives(report: gr.Report) -> None:
    # The page fills each table class's template; render_table lays the grid out cell by cell.
    from govinfo_report.editions import get_edition
    from govinfo_report.render.grid import table_grid
    from govinfo_report.render.html import render_table

    page = gr.render(report, "html")
    for spec in get_edition(report.edition).tables:
        table = render_table(table_grid(spec.number, getattr(report, spec.attribute)))
        assert table.count("<td") >= 10  # table 2 of 2021 has the fewest value cells
        assert f"\n{table}\n" in page
