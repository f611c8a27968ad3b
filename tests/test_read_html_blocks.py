"""How a web page becomes the reading text: blocks, inline runs, white space, hidden markup, tables, metadata.

Each page here is a few lines of HTML written for the test; the expected lines
are what a person sees on the page.
"""

from __future__ import annotations

import pytest

import govinfo_report as gr
from govinfo_report.readers import Document, sniff
from govinfo_report.readers.html_meta import fields_in_cells, fields_in_text, is_field_text
from govinfo_report.readers.html_region import page_title_parts
from govinfo_report.values import EMPTY


def document(page: str | bytes, encoding: str | None = None) -> Document:
    data = page.encode("utf-8") if isinstance(page, str) else page
    return gr.read_document(data, form="html", encoding=encoding)


def lines(page: str | bytes, encoding: str | None = None) -> list[str]:
    return document(page, encoding).text.split("\n")


# ---------------------------------------------------------------------------
# Blocks and inline runs


def test_block_elements_start_lines_inline_runs_join_without_spaces() -> None:
    page = (
        "<body><div>前言<p>第<span>一</span>段</p>尾<br>换行后"
        "<ul><li>甲</li><li>乙<b>丙</b></li></ul><h3>小标题</h3><p><font>行政规范</font><o:p></o:p>"
        "<span>性文件</span> <span>2</span><span>0</span>件</p></div></body>"
    )
    assert lines(page) == ["前言", "第一段", "尾", "换行后", "甲", "乙丙", "小标题", "行政规范性文件 20件"]


def test_white_space_as_a_browser_shows_it() -> None:
    page = (
        "<p>  a \t b\n c  </p>"
        "<p>政府信息\n公开</p>"  # a line break between CJK characters is nothing
        "<p>政府信息 公开</p>"  # a space is a space
        "<p>2021年\n12月</p>"  # a line break next to a digit is a space
        "<p>&nbsp;&nbsp;前后&nbsp;&nbsp;</p>"
        "<p>甲&nbsp;乙</p>"
        "<p>\u3000\u3000首行缩进</p>"
        "<p>&nbsp;</p><p><o:p>&nbsp;</o:p></p>"  # empty paragraphs are no lines
    )
    assert lines(page) == [
        "a b c",
        "政府信息公开",
        "政府信息 公开",
        "2021年 12月",
        "前后",
        "甲 乙",
        "首行缩进",
    ]


def test_word_style_attributes_with_line_breaks_do_not_matter() -> None:
    page = (
        "<p class=MsoNormal style='margin:0cm;\nmso-pagination:widow-orphan;\ntext-align:center'>"
        "<span lang=EN-US style='font-size:12.0pt;\nmso-bidi-font-family:\"Times New Roman\"'>1</span><span\n"
        "lang=EN-US style='font-size:12.0pt'>2<o:p></o:p></span></p>"
    )
    assert lines(page) == ["12"]


def test_lines_of_preformatted_text_stay_lines() -> None:
    assert lines("<pre>一、总体情况\n  本年度……\n\n二、主动公开政府信息情况</pre>") == [
        "一、总体情况",
        "本年度……",
        "二、主动公开政府信息情况",
    ]


# ---------------------------------------------------------------------------
# What is not read


def test_hidden_markup_is_not_read() -> None:
    page = """<html><head><title>标题</title><style>.tpl { display: none } p.x { color: red }
    @media print { .screen { display: none } }</style><script>document.write("<p>脚本</p>")</script></head>
    <body><p>可见一</p>
    <!-- <p>注释</p> -->
    <script type="text/template"><p>{{模板}}</p></script>
    <template><p>模板元素</p></template>
    <noscript>请开启脚本</noscript>
    <div hidden>隐藏属性</div>
    <div style="display:none">隐藏样式</div>
    <div style="visibility: hidden">不可见</div>
    <div style="DISPLAY: NONE">大写</div>
    <div class="tpl">样式表隐藏</div>
    <p class="screen">打印时隐藏，屏幕上可见</p>
    <p>可见<span style="display:none">隐</span>二</p>
    <form><select><option>选项</option></select><button>按钮</button><input value="输入框"></form>
    </body></html>"""
    assert lines(page) == ["可见一", "打印时隐藏，屏幕上可见", "可见二"]


def test_style_sheet_display_decides_lines() -> None:
    page = """<style>h1 span { display: block } .run { display: inline }</style>
    <h1><span>某某局</span><span>2024年政府信息公开工作年度报告</span></h1>
    <div>前<div class="run">中</div>后</div>
    <p>甲<span style="display:block">乙</span>丙</p>"""
    assert lines(page) == ["某某局", "2024年政府信息公开工作年度报告", "前中后", "甲", "乙", "丙"]


# ---------------------------------------------------------------------------
# Tables


GRID = """<table>
<tr><td rowspan="2" colspan="2">组</td><td>头一</td><td>头二</td></tr>
<tr><td>&nbsp;</td><td><p>商业</p><p>企业</p></td></tr>
<tr><td>甲</td><td colspan="2">5</td><td><o:p>&nbsp;</o:p></td></tr>
<tr><td>乙</td><td></td><td>7</td><td>8</td></tr>
</table>"""


def test_table_cells_at_their_grid_positions() -> None:
    doc = document(GRID)
    assert doc.text.split("\n") == [
        "组 | 头一 | 头二",
        "商业 企业",  # a header row is written without its blank cells
        f"甲 | 5 | {EMPTY}",  # after the labels every cell is written, a blank one as ∅
        f"乙 | {EMPTY} | 7 | 8",
    ]
    assert doc.origins is not None
    # Row 2 starts in grid column 3 (columns 1–2 are the rowspan of 组).
    assert [where for _, where in doc.origins[1].cells] == [
        gr.Location(line=3, table=1, table_row=2, table_column=4)
    ]
    third = doc.origins[2]
    assert third.location == gr.Location(line=4, table=1, table_row=3)
    assert [where.table_column for _, where in third.cells] == [1, 2, 4]
    assert [where.table_column for _, where in doc.origins[3].cells] == [1, 2, 3, 4]


def test_merged_cells_shift_the_cells_after_them() -> None:
    page = """<table>
    <tr><td rowspan="3">三</td><td>a</td><td rowspan="2">b</td><td>1</td></tr>
    <tr><td>c</td><td>2</td></tr>
    <tr><td colspan="2">d</td><td>3</td></tr>
    <tr><td>e</td><td>f</td><td>g</td><td>4</td></tr>
    </table>"""
    doc = document(page)
    assert doc.origins is not None
    assert [[w.table_column for _, w in o.cells] for o in doc.origins] == [
        [1, 2, 3, 4],
        [2, 4],
        [2, 4],
        [1, 2, 3, 4],
    ]


def test_a_layout_table_is_read_as_blocks() -> None:
    page = """<table><tr><td><a href="/">首页</a></td></tr>
    <tr><td><p>正文第一段</p><table><tr><td>规章</td><td>0</td></tr></table><p>正文第二段</p></td></tr></table>"""
    doc = document(page)
    assert doc.text.split("\n") == ["首页", "正文第一段", "规章 | 0", "正文第二段"]
    assert doc.origins is not None
    assert doc.origins[2].location.table == 1  # the only report table of the page


def test_a_table_holding_a_page_of_text_is_a_layout() -> None:
    long = "本机关坚持以公开为常态、不公开为例外，" * 10
    page = f"<table><tr><td>导航</td></tr><tr><td><p>{long}</p><p>二段</p></td></tr></table>"
    doc = document(page)
    assert doc.text.split("\n") == ["导航", long, "二段"]
    assert doc.origins is not None
    assert all(origin.location.table is None for origin in doc.origins)


# ---------------------------------------------------------------------------
# Page metadata and the title


def test_metadata_fields_in_lines() -> None:
    assert fields_in_text("来源：平潭县人民政府时间：2022-02-08 16:34") == {
        "publisher": "平潭县人民政府",
        "published": "2022-02-08",
    }
    assert fields_in_text("发布时间：2022-02-08　浏览次数：123 【字体：大 中 小】") == {
        "published": "2022-02-08"
    }
    assert fields_in_text("索 引 号：113208/2022-00012  成文日期：2022-01-20 发布日期：2022年1月25日") == {
        "index_number": "113208/2022-00012",
        "published": "2022年1月25日",
    }
    # In a metadata table, a key cell and the cell after it, or key and value in one cell.
    assert fields_in_cells(
        [["发文日期：2024-01-18", "发布日期：2024-01-19"], ["索 引 号：", "X/2024-1"]]
    ) == {
        "published": "2024-01-19",
        "index_number": "X/2024-1",
    }
    assert is_field_text("发布时间：2023-01-28　　来源：县教育局　　浏览次数：256")
    assert not is_field_text("统计时间：2021年1月1日至12月31日")
    assert not is_field_text("本报告所列数据的统计期限自2021年1月1日起至12月31日止。")


def test_title_parts_of_a_page_title() -> None:
    assert page_title_parts("某局2021年政府信息公开工作年度报告_年报_某某网") == [
        "某局2021年政府信息公开工作年度报告",
        "年报",
        "某某网",
    ]
    assert page_title_parts("某某网 - 某局2021年政府信息公开工作年度报告") == [
        "某某网",
        "某局2021年政府信息公开工作年度报告",
    ]


SECTIONS = "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>"


def test_the_title_comes_from_the_page_when_the_article_has_none() -> None:
    page = f"""<title>某局2024年政府信息公开工作年度报告 - 某某网</title>
    <body><div class="nav"><a href="/">首页</a></div>
    <div class="article_title">某局2024年度政府信息公开工作年度报告</div>
    <div class="article">{SECTIONS}</div></body>"""
    doc = document(page)
    assert doc.text.split("\n")[:2] == ["某局2024年度政府信息公开工作年度报告", "一、总体情况"]
    assert doc.origins is not None
    assert doc.origins[0].location == gr.Location(line=3)  # the element before the article
    only_title = f"<title>某局2024年政府信息公开工作年度报告_年报_某某网</title><body><div>{SECTIONS}</div>"
    assert lines(only_title)[0] == "某局2024年政府信息公开工作年度报告"


def test_the_article_s_own_title_line_wins() -> None:
    page = f"""<title>别的2020年政府信息公开工作年度报告</title><body>
    <h1>别的2020年政府信息公开工作年度报告</h1>
    <div><p>某局</p><p>2024年政府信息公开工作年度报告</p>{SECTIONS}</div></body>"""
    assert lines(page)[:3] == ["某局", "2024年政府信息公开工作年度报告", "一、总体情况"]


def test_chrome_around_the_article_is_left_out() -> None:
    page = f"""<body><div class="top"><a href="/">首页</a><a href="/a">政务公开</a></div>
    <p>当前位置：首页 &gt; 年报</p>
    <div class="article"><div class="share"><a href="#">微信</a><a href="#">微博</a></div>
    <p>某局2024年政府信息公开工作年度报告</p>{SECTIONS}
    <p>六、其他需要报告的事项</p><p>无。</p><p><a href="javascript:print()">【打印】</a></p></div>
    <div class="footer"><p>版权所有：某某网</p></div></body>"""
    assert lines(page) == [
        "某局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        "二、主动公开政府信息情况",
        "六、其他需要报告的事项",
        "无。",
    ]


def test_an_info_bar_inside_the_article_is_metadata_not_preamble() -> None:
    page = f"""<div class="article"><h1>某局2024年政府信息公开工作年度报告</h1>
    <div class="info">来源：某局　时间：2025-01-20 10:12 【字体：<a href="#">大</a> <a href="#">中</a>
    <a href="#">小</a>】【<a href="#">打印</a>】</div>
    <p>本报告依据条例编制。</p>{SECTIONS}</div>"""
    doc = document(page)
    assert doc.text.split("\n")[:3] == [
        "某局2024年政府信息公开工作年度报告",
        "本报告依据条例编制。",
        "一、总体情况",
    ]
    assert (doc.source.published, doc.source.publisher) == ("2025-01-20", "某局")


def test_metadata_closing_the_article_is_not_section_6() -> None:
    page = f"""<div class="article"><p>某局2024年政府信息公开工作年度报告</p>{SECTIONS}
    <p>六、其他需要报告的事项</p><p>无。</p><p>某局</p><p>日期：2025年1月20日</p>
    <p>来源：某局办公室　　责任编辑：张三</p></div>"""
    doc = document(page)
    # The signature's date is the report's; the site's closing line is not.
    assert doc.text.split("\n")[-4:] == ["六、其他需要报告的事项", "无。", "某局", "日期：2025年1月20日"]
    assert doc.source.publisher == "某局办公室"


def test_a_page_without_sections_is_read_whole() -> None:
    page = "<body><div><a href='/'>首页</a></div><p>这是一篇新闻。</p></body>"
    assert lines(page) == ["首页", "这是一篇新闻。"]


# ---------------------------------------------------------------------------
# Encodings


REPORT_LINE = "某局2024年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        ('<meta charset="gbk">', "gbk"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
        ("<meta charset=GB18030>", "gb18030"),
        ('<meta charset="big5">', "big5"),
        ('<meta charset="utf-8">', "utf-8"),
    ],
)
def test_the_declared_encoding(head: str, codec: str) -> None:
    text = "某局2024年政府信息公開工作年度報告" if codec == "big5" else REPORT_LINE
    page = f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode(codec)
    assert lines(page) == [text]


def test_gb2312_declared_is_read_as_gb18030() -> None:
    text = "镕"  # in GBK/GB18030, not in GB2312
    page = f'<meta charset="gb2312"><p>{text}</p>'.encode("gb18030")
    assert lines(page) == [text]


def test_bom_and_detection() -> None:
    assert lines(("<p>" + REPORT_LINE + "</p>").encode("utf-16")) == [REPORT_LINE]
    assert lines(b"\xef\xbb\xbf<p>" + REPORT_LINE.encode("utf-8") + b"</p>") == [REPORT_LINE]
    undeclared = (
        "<html><body>" + "<p>" + REPORT_LINE + "，本机关依法公开政府信息。</p>" * 20 + "</body></html>"
    ).encode("gb18030")
    assert lines(undeclared)[0] == REPORT_LINE + "，本机关依法公开政府信息。"
    # Declared GBK, but the bytes are UTF-8 (a site that changed its encoding): the bytes win.
    assert lines(('<meta charset="gbk"><p>' + REPORT_LINE + "</p>").encode("utf-8")) == [REPORT_LINE]


def test_encoding_forced_by_the_caller() -> None:
    page = ("<meta charset='utf-8'><p>" + REPORT_LINE + "</p>").encode("gb18030")
    assert lines(page, encoding="gbk") == [REPORT_LINE]
    with pytest.raises(gr.DecodeError):
        lines(page, encoding="utf-8")
    with pytest.raises(gr.DecodeError):
        lines(page, encoding="no-such-codec")


def test_an_xhtml_page_with_an_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{REPORT_LINE}</p></body></html>'
    ).encode("gb18030")
    assert sniff(page).form == "html"  # the form from the content: no file name needed
    assert gr.read_document(page).text == REPORT_LINE


def test_invisible_control_characters_are_dropped() -> None:
    assert lines("<p>甲\x00乙\x1f丙\x0c丁</p>".encode()) == ["甲乙丙 丁"]


# ---------------------------------------------------------------------------
# Web archives


def test_archive_root_named_by_start() -> None:
    archive = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="b"; start="<root>"; type="text/html"\r\n\r\n'
        "--b\r\nContent-Type: text/html\r\nContent-ID: <other>\r\n\r\n<p>别的网页</p>\r\n"
        "--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <root>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        "PHA+5pys6aG1PC9wPg==\r\n"  # <p>本页</p>
        "--b--\r\n"
    ).encode()
    assert sniff(archive).detail == "mhtml"
    assert gr.read_document(archive).text == "本页"


def test_archive_without_a_page() -> None:
    archive = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n"
    ).encode("ascii")
    with pytest.raises(gr.DecodeError, match="没有HTML网页"):
        gr.read_document(archive)
