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


# ---------------------------------------------------------------------------
# Variants of the real page: what sites and CMSs do to it (expected values: its cells.csv,
# and the text the page shows)

SEC6_TEXT = "2021年，无收取信息处理费情况。"
PREAMBLE_END = "电话/传真：0591-23165370。"
ARTICLE = '<div class="article_content article_content_01 font_family_cn">'


def pingtan_2021() -> str:
    return (REAL / "pingtan-2021.html").read_text(encoding="utf-8")


def after_paragraph(page: str, text: str, markup: str) -> str:
    """``page`` with ``markup`` right after the ``<p>`` holding ``text``."""
    end = page.index("</p>", page.index(text)) + len("</p>")
    return page[:end] + markup + page[end:]


def paragraph_around(page: str, text: str) -> tuple[int, int]:
    """Where the ``<p>`` holding ``text`` starts and ends."""
    at = page.index(text)
    return page.rindex("<p ", 0, at), page.index("</p>", at) + len("</p>")


def assert_pingtan_2021(report: gr.Report) -> None:
    assert differences(report, "pingtan-2021") == []
    assert report.diagnostics == ()


def test_contact_links_in_section_6_are_its_text() -> None:
    contact = (
        '<p>联系电话：<a href="tel:0591-23165370">0591-23165370</a>，'
        '邮箱：<a href="mailto:ptzwgk@163.com">ptzwgk@163.com</a></p>'
    )
    report = gr.parse_html(after_paragraph(pingtan_2021(), SEC6_TEXT, contact))
    assert_pingtan_2021(report)
    assert report.other_matters.paragraphs == (SEC6_TEXT, "联系电话：0591-23165370，邮箱：ptzwgk@163.com")


def test_a_paragraph_mostly_a_link_between_the_report_s_paragraphs_is_kept() -> None:
    download = '<p>本报告电子版下载：<a href="/x.pdf">www.pingtan.gov.cn/zwgk/zfxxgk/2021nb.pdf</a></p>'
    report = gr.parse_html(after_paragraph(pingtan_2021(), PREAMBLE_END, download))
    assert_pingtan_2021(report)
    assert len(report.preamble) == 2
    assert report.preamble[1] == "本报告电子版下载：www.pingtan.gov.cn/zwgk/zfxxgk/2021nb.pdf"
    # In section 六: kept before the signature, left out at the article's end (【打印】【关闭】).
    links = '<p>附件：<a href="/a.doc">附件1.doc</a></p>'
    page = after_paragraph(pingtan_2021(), SEC6_TEXT, links + "<p>平潭综合实验区管委会办公室</p>" + links)
    assert gr.parse_html(page).other_matters.paragraphs == (
        SEC6_TEXT,
        "附件：附件1.doc",
        "平潭综合实验区管委会办公室",
    )


def test_section_6_text_in_the_element_after_the_article() -> None:
    page = pingtan_2021()
    start, _ = paragraph_around(page, SEC6_TEXT)
    page = page[:start] + '</div><div class="TRS_Editor">' + page[start:]  # the article's </div> closes it
    report = gr.parse_html(page)
    assert_pingtan_2021(report)
    assert report.other_matters.paragraphs == (SEC6_TEXT,)


def test_preamble_in_the_element_before_the_article() -> None:
    page = pingtan_2021()
    start, end = paragraph_around(page, PREAMBLE_END)
    preamble = page[start:end]
    page = page[:start] + page[end:]
    page = page.replace(ARTICLE, f'<div class="summary">{preamble}</div>{ARTICLE}', 1)
    report = gr.parse_html(page)
    assert_pingtan_2021(report)
    assert len(report.preamble) == 1
    assert report.preamble[0].endswith(PREAMBLE_END)


def test_tfoot_written_before_tbody_is_shown_last() -> None:
    page = pingtan_2021()
    table3 = page.index("三、收到和处理政府信息公开申请情况")
    body = page.index("<tbody>", table3)
    end = page.index("</tbody>", body)
    last = page.rindex("<tr", body, end)
    row = page[last:end]
    assert "四、结转下年度继续办理" in row
    page = page[:body] + f"<tfoot>{row}</tfoot>" + page[body:last] + page[end:]
    assert_pingtan_2021(gr.parse_html(page))
    # The walk over every part reads it so too.
    from lxml import etree

    from govinfo_report.readers.html_blocks import Table, read_blocks

    root = etree.fromstring(page.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    for quick in (True, False):
        tables = [block for block in read_blocks(root, quick=quick) if isinstance(block, Table)]
        assert tables[1].rows[-1].cells[0].text == "四、结转下年度继续办理", quick


def test_headings_with_spaces_inside_are_read() -> None:
    """A heading with a space inside (``一、总体　情况``) is the heading, as in a text file; the
    report is read as printed, and the page's footer is not read as the report's."""
    page = pingtan_2021()
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"):
        page = page.replace(f">{heading}<", f">{heading[:4]}\u3000{heading[4:]}<")
    page = page.replace(
        ">四、政府信息公开行政复议、行政诉讼情况<", ">四、政府信息公开行政复议、行政诉讼　情况<"
    )
    page = page.replace(">五、存在的主要问题及改进情况<", ">五、存在的主要　问题及改进情况<")
    page = page.replace(">六、其他需要报告的事项<", ">六、其他需要　报告的事项<")
    assert page.count("\u3000") >= 6
    report = gr.parse_html(page)
    assert differences(report, "pingtan-2021") == []
    assert report.headings[0] == "一、总体　情况"  # as printed
    assert report.other_matters.paragraphs == (SEC6_TEXT,)
    document = gr.read_document(page.encode("utf-8"), form="html")
    assert "主办单位" not in document.text  # the page's footer is not read as the report's


# ---------------------------------------------------------------------------
# Bad bytes: shown as a browser shows them, said where; never read in a table


def test_a_few_bad_bytes_outside_the_report_are_shown_as_a_browser_shows_them() -> None:
    data = pingtan_2021().encode("utf-8")
    broken = data.replace(b"</head>", b"<script>var a='\xff\xfe';</script></head>", 1)
    for lenient in (False, True):
        report = gr.parse_html(broken, lenient=lenient)
        assert differences(report, "pingtan-2021") == []
        notes = [d for d in report.diagnostics if d.code == "DECODE-REPLACED"]
        assert len(notes) == 2
        assert len(report.diagnostics) == 2
        offset = broken.index(b"\xff")
        assert notes[0].severity == "warning"
        assert notes[0].location == gr.Location(line=broken[:offset].count(b"\n") + 1)
        assert f"字节偏移{offset}处的字节“ff”不能按UTF-8解码" in notes[0].message


def test_a_title_cut_mid_character_in_a_declared_gbk_page() -> None:
    text = pingtan_2021().replace('<meta charset="utf-8"', '<meta charset="gbk"', 1)
    cut = (
        "<ul><li><a href='/a.htm'>关于印发平潭综合实验区".encode("gbk")
        + "政".encode("gbk")[:1]
        + b"\xff...</a></li></ul>"
    )
    data = text.encode("gb18030").replace(b"</body>", cut + b"</body>", 1)
    report = gr.parse_html(data)
    assert differences(report, "pingtan-2021") == []
    assert {d.code for d in report.diagnostics} == {"DECODE-REPLACED"}
    assert "GB18030" in report.diagnostics[0].message


def test_a_bad_byte_in_a_table_cell_refuses_that_cell() -> None:
    page = pingtan_2021()
    at = page.index(">2293<")
    data = (page[: at + 1] + "22\udcff93" + page[at + 5 :]).encode("utf-8", errors="surrogateescape")
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_html(data)
    where = caught.value.location
    assert (where.table, where.table_column) == (1, 2)
    assert "行政许可" in caught.value.excerpt
    assert "不能解码" in caught.value.reason
    lenient = gr.parse_html(data, lenient=True)
    licensing = next(c for c in gr.cells(lenient) if c.row.endswith("行政许可") and c.table == 2)
    assert licensing.value is None  # neither 22, 93 nor 2293
    assert [d.location for d in lenient.diagnostics if d.code == "CELL-UNREADABLE"] == [where]


def test_many_bad_bytes_or_an_unknown_encoding_are_still_refused() -> None:
    data = (
        pingtan_2021()
        .encode("utf-8")
        .replace(b"</head>", b"<script>" + b"\xff " * 6 + b"</script></head>", 1)
    )
    with pytest.raises(gr.DecodeError):
        gr.parse_html(data)


def test_a_bad_byte_in_a_page_s_first_and_only_cell_is_refused_at_it() -> None:
    # The cell is the page's first table row and holds nothing else: the row is still written, so
    # the problem is placed at that cell (not on a row before it, not an IndexError).
    data = (
        b"<html><head><meta charset=utf-8></head><body><table><tr><td>\xff</td></tr></table><p>"
        + "某局2024年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>".encode()
    )
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_html(data)
    location = caught.value.location
    assert location is not None
    assert (location.table, location.table_row, location.table_column) == (1, 1, 1)
    assert "不能解码的字节" in caught.value.reason
