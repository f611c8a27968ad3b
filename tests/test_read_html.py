"""Web pages read through the one path into the grammar: real pages and pages imitating real layouts.

Every expected value here was read off the page by a person: the real pages'
cells are in ``tests/fixtures/real/*.cells.csv``; the fixtures under
``tests/fixtures/html/`` were written by hand with values chosen for them (see
their README), and the values below are those read off each page.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report as gr
from govinfo_report.readers import sniff
from govinfo_report.values import Money
from tests.conftest import FIXTURES
from tests.real_cells import REAL, differences

HTML = FIXTURES / "html"

Value = int | Decimal | Money | None


def rows_of(report: gr.Report, table: int) -> list[list[Value]]:
    """A table's values row by row, in printed order."""
    rows: dict[str, list[Value]] = {}
    for cell in gr.cells(report):
        if cell.table == table:
            rows.setdefault(cell.row, []).append(cell.value)
    return list(rows.values())


def zeros(count: int) -> list[list[Value]]:
    return [[0] * 7 for _ in range(count)]


# ---------------------------------------------------------------------------
# Real pages


def test_pingtan_2021_every_cell_as_read_by_a_person() -> None:
    report = gr.parse_file(REAL / "pingtan-2021.html")
    assert differences(report, "pingtan-2021") == []
    assert len(list(gr.cells(report))) == 200


def test_pingtan_2021_title_from_the_page_and_no_site_chrome_in_the_text() -> None:
    report = gr.parse_file(REAL / "pingtan-2021.html")
    # The article has no title line: the page's title element (.article_title) gives it.
    assert report.title == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert report.agency == "平潭综合实验区"
    assert report.year == 2021
    assert len(report.preamble) == 1
    assert report.preamble[0].startswith("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）")
    assert report.preamble[0].endswith("电话/传真：0591-23165370。")
    assert [sub.heading for sub in report.overview.subsections] == [
        "（一）主动公开方面。",
        "（二）依申请公开方面。",
        "（三）政府信息管理方面。",
        "（四）平台载体建设方面。",
        "（五）监督保障方面。",
    ]
    assert [sub.heading for sub in report.problems.subsections] == [
        "（一）存在的主要问题:",
        "（二）改进措施：",
    ]
    # Section 六 ends where the article ends: no 附件下载, 扫一扫, links or footer.
    assert report.other_matters == gr.Narrative(paragraphs=("2021年，无收取信息处理费情况。",))


def test_pingtan_2021_source_states_what_the_page_states() -> None:
    report = gr.parse_file(REAL / "pingtan-2021.html")
    assert report.source == gr.Source(
        "html",
        str(REAL / "pingtan-2021.html"),
        title="平潭综合实验区2021年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
        published="2022-02-08",  # 时间：2022-02-08 16:34 above the article
        index_number=None,  # the page states none
        publisher="平潭县人民政府",  # 来源：平潭县人民政府
    )


def test_pingtan_2021_cells_carry_their_place_in_the_page() -> None:
    document = gr.read_document(REAL / "pingtan-2021.html")
    lines = document.text.split("\n")
    assert lines[0] == "平潭综合实验区2021年度政府信息公开工作年度报告"
    row = lines.index("一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 2 | 0 | 4 | 70")
    where = document.locate(row + 1, lines[row].index("70") + 1)
    # Table 3 is the page's second report table; 总计 is the 11th grid column of its 4th row
    # (the label spans 3 columns, 商业企业 2), in the <td> that starts on line 731.
    assert where == gr.Location(line=731, table=2, table_row=4, table_column=11)


def test_pingtan_2020_reads_all_198_cells_of_the_2019_edition() -> None:
    report = gr.parse_file(REAL / "pingtan-2020.html")
    assert report.edition == "2019"
    assert (report.agency, report.year) == ("平潭综合实验区", 2020)
    assert differences(report, "pingtan-2020") == []
    # As printed, T3-HANDLED fails (the README: （七）总计 21, outcome rows 27): a finding.
    handled = [f for f in gr.validate(report) if f.rule == "T3-HANDLED" and f.severity == "error"]
    assert {(f.expected, f.actual) for f in handled} >= {(26, 20), (27, 21)}


def test_pingtan_2020_title_printed_over_two_lines_is_read_as_one() -> None:
    document = gr.read_document(REAL / "pingtan-2020.html")
    lines = document.text.split("\n")
    # The page prints 平潭综合实验区2020年 / 政府信息公开工作年度报告 as two centred paragraphs.
    assert lines[0] == "平潭综合实验区2020年政府信息公开工作年度报告"
    assert lines[1].startswith("根据《中华人民共和国政府信息公开条例》")
    assert "其他对外管理服务事项 | 10 | 7 | 105" in lines
    # An amount and its unit in separate spans; a negative count.
    assert "政府集中采购 | 395 | 73802895.90元" in lines
    assert "行政处罚 | 2648 | -18 | 538" in lines


# ---------------------------------------------------------------------------
# Word-export HTML


WORD_T2 = [[1, 0, 3], [12, 2, 40], [156], [27], [0], [Decimal("3.5")]]
#: 自然人 and 总计 filled in; the five organisation columns left blank (<o:p>&nbsp;</o:p>).
WORD_NATURAL = [15, 2, 8, 1, 0, 0, 0, 1, 0, 0, 0, 0, 3, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 15, 2]
WORD_T4 = [[1, 0, 0, 0, 1], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]]


def test_word_export_page() -> None:
    report = gr.parse_file(HTML / "word-export.html")
    assert report.agency == "某某市生态环境局"
    assert report.title == "2023年政府信息公开工作年度报告"
    assert rows_of(report, 2) == WORD_T2
    assert rows_of(report, 3) == [[n, None, None, None, None, None, n] for n in WORD_NATURAL]
    assert rows_of(report, 4) == WORD_T4
    # A line break in the source between two CJK characters is no space.
    assert report.preamble == (
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    )
    assert report.overview == gr.Narrative(
        subsections=(
            gr.Subsection("（一）主动公开情况", ("全年主动公开政府信息412条，其中通过门户网站发布398条。",)),
            gr.Subsection(
                "（二）依申请公开情况。", ("全年收到政府信息公开申请15件，均在法定期限内答复。",), inline=True
            ),
        )
    )
    # Word's list number (inside <![if !supportLists]>) is shown, with its &nbsp; padding.
    assert report.problems == gr.Narrative(
        subsections=(
            gr.Subsection("（一）存在的主要问题", ("1.    政策解读形式较为单一。",)),
            gr.Subsection("（二）改进情况", ("2024年将丰富解读形式，提升公开质量。",)),
        )
    )
    assert report.other_matters.paragraphs == (
        "本年度未收取信息处理费。",
        "某某市生态环境局",
        "2024年1月20日",
    )


def test_word_export_blank_cells_are_not_filled_in_never_zero() -> None:
    document = gr.read_document(HTML / "word-export.html")
    assert "一、本年新收政府信息 公开申请数量 | 15 | ∅ | ∅ | ∅ | ∅ | ∅ | 15" not in document.text
    assert "一、本年新收政府信息公开申请数量 | 15 | ∅ | ∅ | ∅ | ∅ | ∅ | 15" in document.text
    report = gr.parse_document(document)
    first = rows_of(report, 3)[0]
    assert first == [15, None, None, None, None, None, 15]
    blank = [f for f in gr.validate(report) if f.rule == "CELL-BLANK"]
    assert len(blank) == 25 * 5  # every organisation cell of table 3, each reported


# ---------------------------------------------------------------------------
# A page inside site chrome


CHROME_T3: list[list[Value]] = [
    [40, 3, 0, 1, 2, 0, 46],
    [1, 0, None, 0, 0, 0, 1],  # 科研机构 printed "—"
    [20, 2, 0, 0, 1, 0, 23],
    [4, 0, 0, 0, 0, 0, 4],
    *zeros(2),
    [1, 0, 0, 0, 0, 0, 1],  # （三）3.危及“三安全一稳定”
    *zeros(5),
    [9, 1, 0, 1, 0, 0, 11],
    [0] * 7,
    [1, 0, 0, 0, 0, 0, 1],
    [2, 0, 0, 0, 0, 0, 2],
    *zeros(6),
    [1, 0, 0, 0, 0, 0, 1],  # （六）3.其他
    [38, 3, 0, 1, 1, 0, 43],
    [3, 0, 0, 0, 1, 0, 4],
]


def test_page_in_site_chrome() -> None:
    report = gr.parse_file(HTML / "site-chrome.html")
    # The title only in <title>, without the site's suffix; the body is the text before the year.
    assert report.title == "某某区人民政府办公室2023年政府信息公开工作年度报告"
    assert report.agency == "某某区人民政府办公室"
    assert report.preamble == (
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，"
        "现公布某某区人民政府办公室2023年政府信息公开工作年度报告。",
    )
    assert rows_of(report, 2) == [[0, 0, 2], [5, 1, 33], [1024], [318], [None], [0]]
    assert rows_of(report, 3) == CHROME_T3
    assert rows_of(report, 4) == [[2, 1, 0, 1, 4], [1, 0, 0, 1, 2], [0, 0, 0, 0, 0]]
    assert report.overview == gr.Narrative(
        paragraphs=("2023年，我办坚持以公开为常态、不公开为例外。",),
        subsections=(gr.Subsection("（一）主动公开", ("全年通过门户网站主动公开政府信息1280条。",)),),
    )
    assert report.problems.paragraphs == ("主要问题是公开内容的解读还不够通俗。下一步将增加图解。",)
    # No share buttons, print links, related links, footer or hidden templates in section 六.
    assert report.other_matters == gr.Narrative(
        paragraphs=("本年度未收取信息处理费。", "无其他需要报告的事项。")
    )


def test_site_chrome_metadata_table_is_the_source_not_the_report() -> None:
    report = gr.parse_file(HTML / "site-chrome.html")
    assert report.source is not None
    assert report.source.index_number == "11330100MB1234567X/2024-00031"
    assert report.source.published == "2024-01-19"  # 发布日期, not 发文日期 2024-01-18
    assert report.source.publisher == "某某区人民政府办公室"
    assert (
        report.source.title
        == "某某区人民政府办公室2023年政府信息公开工作年度报告_年度报告_某某区人民政府门户网站"
    )
    document = gr.read_document(HTML / "site-chrome.html")
    for chrome in ("索引号", "首页", "分享到", "打印本页", "相关链接", "主办单位", "打印自", "article.title"):
        assert chrome not in document.text.replace(" ", ""), chrome
    # The page's three report tables are numbered 1 to 3: the metadata table is not one.
    assert {o.location.table for o in document.origins or () if o.location.table} == {1, 2, 3}


# ---------------------------------------------------------------------------
# GBK, old layout tables, lines broken by <br>


def test_gbk_page_laid_out_in_tables() -> None:
    data = (HTML / "gbk-layout-tables.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is GBK
    report = gr.parse_file(HTML / "gbk-layout-tables.html")
    assert report.title == "某某县教育局2022年政府信息公开工作年度报告"
    assert report.agency == "某某县教育局"
    # The line of page metadata under the title is the source, not the preamble.
    assert report.preamble == ("本报告由某某县教育局根据《中华人民共和国政府信息公开条例》编制。",)
    assert report.source is not None
    assert (report.source.published, report.source.publisher) == ("2023-01-28", "县教育局")
    assert report.overview.paragraphs == (
        "2022年，我局认真落实政府信息公开各项工作，做到“三安全一稳定”信息严格审查。",
    )
    assert rows_of(report, 2) == [[0, 0, 0], [2, 0, 9], [35], [0], [0], [0]]
    natural = [6, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0]
    assert rows_of(report, 3) == [[n, 0, 0, 0, 0, 0, n] for n in natural]
    assert rows_of(report, 4) == [[0] * 5] * 3
    assert report.problems.paragraphs == ("公开内容还不够全面，下一步将加强业务培训。",)
    assert report.other_matters.paragraphs == ("无。",)


def test_gbk_page_read_as_declared_or_forced() -> None:
    data = (HTML / "gbk-layout-tables.html").read_bytes()
    assert gr.parse_html(data) == gr.parse_file(HTML / "gbk-layout-tables.html")
    with pytest.raises(gr.DecodeError):
        gr.read_document(data, form="html", encoding="utf-8")


# ---------------------------------------------------------------------------
# Table 4 outside the <div> that holds the rest


def test_table_4_outside_the_wrapper() -> None:
    report = gr.parse_file(HTML / "table4-outside.html")
    assert report.title == "某某镇人民政府2023年政府信息公开工作年度报告"
    assert report.agency == "某某镇人民政府"
    assert report.preamble == ("本报告依据《中华人民共和国政府信息公开条例》编制。",)
    assert rows_of(report, 2) == [[0, 0, 1], [3, 0, 17], [88], [12], [1], [Decimal("0.25")]]
    natural = [9, 0, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 9, 0]
    business = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert rows_of(report, 3) == [[n, b, 0, 0, 0, 0, n + b] for n, b in zip(natural, business, strict=True)]
    assert rows_of(report, 4) == [[0, 1, 0, 0, 1], [0, 0, 0, 0, 0], [0, 0, 1, 0, 1]]
    assert report.problems.paragraphs == ("一是公开时效有待提高。二是解读不够深入。",)
    assert report.other_matters.paragraphs == ("本年度未收取信息处理费。",)  # not the sidebar or footer
    assert report.source is not None
    assert (report.source.published, report.source.publisher) == ("2024年1月22日", "某某镇党政办")


# ---------------------------------------------------------------------------
# A saved web archive


def test_saved_web_archive() -> None:
    data = (HTML / "saved-page.mht").read_bytes()
    assert sniff(data).detail == "mhtml"
    report = gr.parse_file(HTML / "saved-page.mht")
    # The HTML part is quoted-printable GB2312, as its MIME header says (the page has no <meta>).
    assert report.agency == "某某街道办事处"
    assert report.title == "2023年政府信息公开工作年度报告"
    assert report.overview.paragraphs == ("全年主动公开信息56条。",)
    assert rows_of(report, 2) == [[0, 0, 0], [1, 0, 4], [7], [3], [0], [0]]
    natural = [2, 0, 2] + [0] * 20 + [2, 0]
    assert rows_of(report, 3) == [[n, 0, 0, 0, 0, 0, n] for n in natural]
    assert report.problems.paragraphs == ("信息更新不够及时。",)
    assert report.source is not None
    assert report.source.title == "某某街道办事处2023年政府信息公开工作年度报告"
