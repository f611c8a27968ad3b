"""The Word reader on small hand-written bodies: what each WordprocessingML construct reads as.

Each body below is WordprocessingML as Word writes it; the expected reading text is what
Word shows (and prints) for it.
"""

from __future__ import annotations

import io
import zipfile

import pytest

import govinfo_report as gr
from govinfo_report.readers import Document
from govinfo_report.values import EMPTY
from tests.test_read_docx import W_NS, package

pytest.importorskip("lxml")


def read(body: str, title: str | None = None) -> Document:
    return gr.read_document(package(body, title=title), form="docx")


def rendered(report: gr.Report) -> bytes:
    data = gr.render(report, "docx")
    assert isinstance(data, bytes)
    return data


def lines(body: str) -> list[str]:
    return read(body).text.split("\n")


def p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def r(text: str, properties: str = "") -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(text: str = "", properties: str = "") -> str:
    content = "".join(p(r(line)) for line in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


def tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(rows) + "</w:tbl>"


def cell_locations(document: Document, line: int) -> list[gr.Location]:
    origins = document.origins or ()
    return [location for _, location in origins[line - 1].cells]


def at(table: int, row: int, column: int) -> gr.Location:
    return gr.Location(table=table, table_row=row, table_column=column)


# ---------------------------------------------------------------------------
# Paragraph text


def test_runs_tabs_breaks_and_symbols() -> None:
    body = p(
        r("一、"),
        r("总体"),
        "<w:r><w:t>情况</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:cr/><w:t>丙</w:t></w:r>",
        '<w:r><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="00B1"/><w:softHyphen/></w:r>',
    )
    assert lines(body) == ["一、总体情况\t甲", "乙", "丙-±"]


def test_hyperlinks_fields_smart_tags_and_content_controls_keep_their_text() -> None:
    body = p(
        r("见"),
        '<w:hyperlink r:id="rId9">' + r("门户网站") + "</w:hyperlink>",
        '<w:fldSimple w:instr=" PAGE ">' + r("3") + "</w:fldSimple>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("2024年")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:smartTag w:element="date">' + r("1月") + "</w:smartTag>",
        '<w:customXml w:element="x">' + r("共") + "</w:customXml>",
        "<w:sdt><w:sdtPr><w:alias w:val='数'/><w:text/></w:sdtPr><w:sdtContent>"
        + r("5件")
        + "</w:sdtContent></w:sdt>",
        '<w:bookmarkStart w:id="0" w:name="a"/>' + r("。") + '<w:bookmarkEnd w:id="0"/>',
    )
    assert lines(body) == ["见门户网站32024年1月共5件。"]


def test_tracked_changes_as_accepted() -> None:
    body = p(
        r("全年"),
        '<w:ins w:id="1" w:author="a">' + r("收到") + "</w:ins>",
        '<w:del w:id="2" w:author="a"><w:r><w:delText>受理</w:delText><w:tab/><w:br/></w:r></w:del>',
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>',
        '<w:moveTo w:id="4" w:author="a">' + r("申请") + "</w:moveTo>",
        r("24件。"),
    )
    assert lines(body) == ["全年收到申请24件。"]


def test_a_deleted_paragraph_mark_joins_two_paragraphs() -> None:
    deleted_mark = '<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
    body = (
        "<w:p>"
        + deleted_mark
        + r("全年收到申请")
        + "</w:p>"
        + p(r("24件。"))
        + "<w:p>"
        + deleted_mark
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>'
        + p(r("下一段。"))
    )
    document = read(body)
    assert document.text.split("\n") == ["全年收到申请24件。", "下一段。"]


def test_hidden_text_ruby_annotations_and_math() -> None:
    body = p(
        r("可见"),
        r("隐藏", "<w:rPr><w:vanish/></w:rPr>"),
        r("也可见", '<w:rPr><w:vanish w:val="0"/></w:rPr>'),
        "<w:r><w:ruby><w:rubyPr/><w:rt>"
        + r("zhèng")
        + "</w:rt><w:rubyBase>"
        + r("政")
        + "</w:rubyBase></w:ruby></w:r>",
        "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>",
    )
    assert lines(body) == ["可见也可见政x+1"]


def test_alternate_content_reads_one_branch() -> None:
    box = "<w:txbxContent>" + p(r("框中文字")) + "</w:txbxContent>"
    choice_and_fallback = (
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    only_fallback = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    assert lines(p(choice_and_fallback)) == ["框中文字"]
    assert lines(p(only_fallback)) == ["框中文字"]
    assert lines(
        "<mc:AlternateContent><mc:Choice>" + p(r("一段")) + "</mc:Choice>"
        "<mc:Fallback>" + p(r("一段")) + "</mc:Fallback></mc:AlternateContent>"
    ) == ["一段"]


def test_a_text_box_stands_where_it_is_anchored() -> None:
    box = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p(r("框一"))
        + p(r("框二"))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document = read(p(r("前")) + p(r("文字在前，"), box, r("文字在后。")) + p(r("后")))
    assert document.text.split("\n") == ["前", "文字在前，", "框一", "框二", "文字在后。", "后"]
    origins = [origin.location for origin in document.origins or ()]
    assert origins == [gr.Location(paragraph=n) for n in (1, 2, 2, 2, 2, 3)]


def test_paragraphs_count_empty_ones_and_those_in_content_controls() -> None:
    body = (
        "<w:p/>"
        + p(r("第二段"))
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p(r("第三段"))
        + "</w:sdtContent></w:sdt>"
        + "<w:customXml>"
        + p(r("第四段"))
        + "</w:customXml>"
        + tbl(tr(tc("表内"), tc("1")))
        + p(r("第五段"))
    )
    document = read(body)
    assert document.text.split("\n") == ["第二段", "第三段", "第四段", "表内 | 1", "第五段"]
    assert [origin.location for origin in document.origins or ()] == [
        gr.Location(paragraph=2),
        gr.Location(paragraph=3),
        gr.Location(paragraph=4),
        gr.Location(table=1, table_row=1),
        gr.Location(paragraph=5),
    ]


def test_an_embedded_document_is_an_error_not_lost() -> None:
    with pytest.raises(gr.ParseError, match="altChunk") as info:
        read(p(r("前")) + '<w:altChunk r:id="rId5"/>')
    assert info.value.location == gr.Location(paragraph=2)


# ---------------------------------------------------------------------------
# Tables


def test_merged_cells_are_passed_once_at_their_first_grid_column() -> None:
    body = tbl(
        tr(
            tc("标签", '<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>'),
            tc("申请人情况", '<w:gridSpan w:val="2"/>'),
        ),
        tr(tc("", '<w:gridSpan w:val="3"/><w:vMerge/>'), tc("自然人"), tc("总计")),
        tr(tc("一、本年新收", '<w:gridSpan w:val="3"/>'), tc("3"), tc("5")),
        tr(
            tc("三、结果", '<w:vMerge w:val="restart"/>'),
            tc("（一）予以公开", '<w:gridSpan w:val="2"/>'),
            tc("1"),
            tc(""),
        ),
        tr(
            tc("", '<w:vMerge w:val="continue"/>'),
            tc("（二）部分公开", '<w:gridSpan w:val="2"/>'),
            tc(""),
            tc("2"),
        ),
    )
    document = read(body)
    assert document.text.split("\n") == [
        "标签 | 申请人情况",
        "自然人 | 总计",
        "一、本年新收 | 3 | 5",
        f"三、结果 | （一）予以公开 | 1 | {EMPTY}",  # an empty cell of its own is blank
        f"（二）部分公开 | {EMPTY} | 2",  # the vMerge continuation is not a cell
    ]
    assert cell_locations(document, 1) == [at(1, 1, 1), at(1, 1, 4)]
    assert cell_locations(document, 2) == [at(1, 2, 4), at(1, 2, 5)]
    assert cell_locations(document, 4) == [at(1, 4, 1), at(1, 4, 2), at(1, 4, 4), at(1, 4, 5)]
    assert cell_locations(document, 5) == [at(1, 5, 2), at(1, 5, 4), at(1, 5, 5)]


def test_grid_before_counts_in_the_column() -> None:
    body = tbl(
        tr(tc("规章"), tc("1"), tc("2"), tc("3")),
        tr(
            tc("行政规范性文件"),
            tc("4"),
            tc("5"),
            properties='<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>',
        ),
    )
    document = read(body)
    assert document.text.split("\n") == ["规章 | 1 | 2 | 3", "行政规范性文件 | 4 | 5"]
    assert cell_locations(document, 2) == [at(1, 2, 2), at(1, 2, 3), at(1, 2, 4)]


def test_a_vertical_merge_without_a_cell_above_is_a_cell_of_its_own() -> None:
    body = tbl(tr(tc("规章", "<w:vMerge/>"), tc("1")))
    assert lines(body) == ["规章 | 1"]


def test_text_in_a_merge_continuation_is_an_error_at_that_cell() -> None:
    body = tbl(
        tr(tc("三、结果", '<w:vMerge w:val="restart"/>'), tc("1")),
        tr(tc("7", "<w:vMerge/>"), tc("2")),
    )
    with pytest.raises(gr.ParseError, match="合并单元格的一部分") as info:
        read(p(r("前言")) + body)
    assert info.value.location == at(1, 2, 1)
    assert str(info.value).startswith("第1个表格第2行第1列：")


def test_legacy_horizontal_merge() -> None:
    body = tbl(
        tr(
            tc("行政许可"),
            tc("5", '<w:hMerge w:val="restart"/>'),
            tc("", "<w:hMerge/>"),
            tc("", "<w:hMerge/>"),
        )
    )
    assert lines(body) == ["行政许可 | 5"]


def test_a_cell_s_paragraphs_are_one_cell() -> None:
    document = read(tbl(tr(tc("结果\n纠正"), tc("１２"), tc(" "))))
    assert document.text == f"结果 纠正 | １２ | {EMPTY}"


def test_rows_and_cells_in_content_controls_and_deleted_rows() -> None:
    body = tbl(
        tr(tc("规章"), tc("1")),
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + tr(tc("行政许可"), "<w:sdt><w:sdtContent>" + tc("2") + "</w:sdtContent></w:sdt>")
        + "</w:sdtContent></w:sdt>",
        tr(tc("删除的行"), tc("9"), properties='<w:del w:id="1" w:author="a"/>'),
        tr(tc("行政处罚"), tc("3")),
    )
    document = read(body)
    assert document.text.split("\n") == ["规章 | 1", "行政许可 | 2", "行政处罚 | 3"]
    assert cell_locations(document, 3) == [at(1, 3, 1), at(1, 3, 2)]  # the deleted row is not counted


def test_a_table_holding_tables_is_layout() -> None:
    inner2 = tbl(tr(tc("规章"), tc("1")))
    inner3 = tbl(tr(tc("行政许可"), tc("2")))
    layout = (
        "<w:tbl><w:tblPr/><w:tblGrid/><w:tr>"
        "<w:tc>" + p(r("二、主动公开政府信息情况")) + inner2 + "<w:p/></w:tc>"
        "<w:tc>" + inner3 + "<w:p/></w:tc>"
        "</w:tr></w:tbl>"
    )
    document = read(p(r("标题")) + layout + tbl(tr(tc("行政处罚"), tc("3"))))
    assert document.text.split("\n") == [
        "标题",
        "二、主动公开政府信息情况",
        "规章 | 1",
        "行政许可 | 2",
        "行政处罚 | 3",
    ]
    assert [origin.location for origin in document.origins or ()] == [
        gr.Location(paragraph=1),
        gr.Location(paragraph=2),  # a paragraph of the layout table: a body paragraph
        gr.Location(table=1, table_row=1),
        gr.Location(table=2, table_row=1),
        gr.Location(table=3, table_row=1),
    ]


def test_a_table_in_a_text_box_in_a_layout_cell() -> None:
    box = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + tbl(tr(tc("规章"), tc("1")))
        + "<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document = read(p(r("段落"), box))
    assert document.text.split("\n") == ["段落", "规章 | 1"]


# ---------------------------------------------------------------------------
# The package


def test_title_property() -> None:
    assert read("<w:p/>", title="  青山县 2023年 报告 ").source.title == "青山县 2023年 报告"
    assert read("<w:p/>", title="").source.title is None
    assert read("<w:p/>").source.title is None
    assert read("<w:p/>").source == gr.Source("docx")


def test_the_main_part_is_found_through_the_package_relationships() -> None:
    data = package(p(r("旧")))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").replace("旧".encode(), "新".encode())
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
        ' Target="/word/main.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"'
        ' Target="docProps/props.xml"/></Relationships>'
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>另一个标题</dc:title></cp:coreProperties>'
    )
    data = package(
        p(r("旧")),
        extra={"word/main.xml": document, "_rels/.rels": rels.encode(), "docProps/props.xml": core.encode()},
    )
    read_back = gr.read_document(data, form="docx")
    assert read_back.text == "新"
    assert read_back.source.title == "另一个标题"


def test_a_damaged_properties_part_does_not_stop_the_reading() -> None:
    data = package(p(r("正文")), extra={"docProps/core.xml": b"<cp:coreProperties"})
    document = gr.read_document(data, form="docx")
    assert document.text == "正文"
    assert document.source.title is None


@pytest.mark.slow
def test_both_ways_of_reading_a_table_give_the_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table without text boxes, deletions … is read in one pass; the walk must agree with it."""
    from govinfo_report.readers import docx_grid, wordml
    from tests.conftest import FIXTURES, SEED_NAMES, seed_text

    files = [(FIXTURES / "docx" / f"{name}.docx").read_bytes() for name in ("filled", "nested")]
    files.append((FIXTURES / "real" / "word-template.docx").read_bytes())
    files += [rendered(gr.parse(seed_text(name))) for name in SEED_NAMES]
    one_pass = [gr.read_document(data, form="docx") for data in files]
    monkeypatch.setattr(docx_grid, "_NEEDS_WALK", (wordml.T,))  # every table has text: walked
    walked = [gr.read_document(data, form="docx") for data in files]
    assert walked == one_pass
    assert all(document.text.count(" | ") > 20 for document in walked)  # the tables were read


# ---------------------------------------------------------------------------
# List numbers (Word's automatic numbering)

NUMBERING_NS = f'xmlns:w="{W_NS}"'


def numbering(*abstract: str, nums: str) -> bytes:
    return (
        f'<?xml version="1.0"?><w:numbering {NUMBERING_NS}>{"".join(abstract)}{nums}</w:numbering>'.encode()
    )


def lvl(
    level: int, text: str, fmt: str = "decimal", *, start: int = 1, suffix: str = "", extra: str = ""
) -> str:
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{suff}'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbered(text: str, num: int, level: int = 0, style: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>' if num >= 0 else ""
    return f"<w:p><w:pPr>{style_xml}{numpr}</w:pPr>{r(text)}</w:p>"


HEADINGS_LIST = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "%1、", "chineseCounting", suffix="nothing")
    + lvl(1, "（%2）", "chineseCounting", suffix="nothing")
    + "</w:abstractNum>"
)


def test_numbered_headings_and_sub_headings() -> None:
    body = (
        numbered("总体情况", 1)
        + numbered("主动公开情况", 1, 1)
        + numbered("依申请公开情况", 1, 1)
        + numbered("主动公开政府信息情况", 1)
        + numbered("不是列表", 0)  # numId 0: no number
        + numbered("规章", 1, 1)  # level 1 restarts after level 0
    )
    data = package(body, extra={"word/numbering.xml": numbering(HEADINGS_LIST, nums=num_element(1, 0))})
    assert gr.read_document(data, form="docx").text.split("\n") == [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "二、主动公开政府信息情况",
        "不是列表",
        "（一）规章",
    ]


def num_element(num: int, abstract: int, override: str = "") -> str:
    return f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'


def test_numbers_in_table_cells_count_with_the_body() -> None:
    decimal = '<w:abstractNum w:abstractNumId="3">' + lvl(0, "%1.") + "</w:abstractNum>"
    cell = "<w:tc><w:tcPr/>{}</w:tc>"
    body = tbl(
        tr(cell.format(numbered("属于国家秘密", 4)), tc("0")),
        tr(cell.format(numbered("其他法律行政法规禁止公开", 4)), tc("1")),
    ) + numbered("下一段", 4)
    data = package(body, extra={"word/numbering.xml": numbering(decimal, nums=num_element(4, 3))})
    assert gr.read_document(data, form="docx").text.split("\n") == [
        "1. 属于国家秘密 | 0",  # the default suffix is a tab: white space, a space in a cell
        "2. 其他法律行政法规禁止公开 | 1",
        "3.\t下一段",
    ]


def test_lists_of_one_definition_count_together_unless_restarted() -> None:
    decimal = '<w:abstractNum w:abstractNumId="0">' + lvl(0, "%1.", suffix="nothing") + "</w:abstractNum>"
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    nums = num_element(1, 0) + num_element(2, 0) + num_element(3, 0, restart)
    body = numbered("甲", 1) + numbered("乙", 2) + numbered("丙", 1) + numbered("丁", 3) + numbered("戊", 3)
    data = package(body, extra={"word/numbering.xml": numbering(decimal, nums=nums)})
    assert gr.read_document(data, form="docx").text.split("\n") == ["1.甲", "2.乙", "3.丙", "5.丁", "6.戊"]


def test_a_style_linked_to_a_list_level_numbers_its_paragraphs() -> None:
    linked = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "%1、", "chineseCounting", suffix="nothing", extra='<w:pStyle w:val="Heading1"/>')
        + "</w:abstractNum>"
    )
    styles = (
        f'<?xml version="1.0"?><w:styles {NUMBERING_NS}>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>'
    ).encode()
    body = (
        numbered("总体情况", -1, style="Heading1")
        + p(r("正文"))
        + numbered("主动公开政府信息情况", -1, style="Heading1")
    )
    parts = {"word/numbering.xml": numbering(linked, nums=num_element(7, 0)), "word/styles.xml": styles}
    data = package(body, extra=parts)
    assert gr.read_document(data, form="docx").text.split("\n") == [
        "一、总体情况",
        "正文",
        "二、主动公开政府信息情况",
    ]


def test_a_linked_style_in_a_table_cell() -> None:
    linked = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "%1.", suffix="nothing", extra='<w:pStyle w:val="Item"/>')
        + "</w:abstractNum>"
    )
    styles = (
        f'<?xml version="1.0"?><w:styles {NUMBERING_NS}>'
        '<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>'
        '</w:style><w:style w:type="paragraph" w:styleId="Other"/></w:styles>'
    ).encode()
    cell = "<w:tc><w:tcPr/>{}</w:tc>"
    body = tbl(
        tr(cell.format(numbered("属于国家秘密", -1, style="Item")), tc("0")),
        tr(cell.format(numbered("其他", -1, style="Other")), tc("1")),
    )
    parts = {"word/numbering.xml": numbering(linked, nums=num_element(2, 0)), "word/styles.xml": styles}
    assert gr.read_document(package(body, extra=parts), form="docx").text.split("\n") == [
        "1.属于国家秘密 | 0",
        "其他 | 1",
    ]


def test_multi_level_and_legal_numbers() -> None:
    outline = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "第%1章", "chineseCounting", suffix="space")
        + lvl(1, "%1.%2", "decimal", suffix="space", extra="<w:isLgl/>")
        + "</w:abstractNum>"
    )
    body = numbered("甲", 1) + numbered("乙", 1, 1) + numbered("丙", 1, 1) + numbered("丁", 1)
    data = package(body, extra={"word/numbering.xml": numbering(outline, nums=num_element(1, 0))})
    assert gr.read_document(data, form="docx").text.split("\n") == [
        "第一章 甲",
        "1.1 乙",
        "1.2 丙",
        "第二章 丁",
    ]


@pytest.mark.parametrize(
    ("value", "style", "written"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (101, "chineseCounting", "一百零一"),
        (1010, "chineseCounting", "一千零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircle", "②"),
        (3, "decimalEnclosedParen", "⑶"),
        (14, "upperRoman", "XIV"),
        (27, "lowerLetter", "aa"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (205, "ideographDigital", "二〇五"),
        (4, "someFormatNotKnown", "4"),
    ],
)
def test_number_formats(value: int, style: str, written: str) -> None:
    from govinfo_report.readers.docx_numbering import format_number

    assert format_number(value, style) == written


def test_a_report_with_numbered_headings_reads_as_printed() -> None:
    """The seed rendered to Word, its six headings then turned into a numbered list (一、 …)."""
    import docx
    from docx.oxml import parse_xml

    from tests.conftest import SEED_NAMES, seed_text
    from tests.test_read_docx import same_report

    report = gr.parse(seed_text(SEED_NAMES[0]))
    document = docx.Document(io.BytesIO(rendered(report)))
    numbering_element = document.part.numbering_part.element
    numbering_element.append(
        parse_xml(
            HEADINGS_LIST.replace("<w:abstractNum ", f"<w:abstractNum {NUMBERING_NS} ").replace(
                'w:abstractNumId="0"', 'w:abstractNumId="90"'
            )
        )
    )
    numbering_element.append(parse_xml(num_element(90, 90).replace("<w:num ", f"<w:num {NUMBERING_NS} ")))
    changed = 0
    for paragraph in document.paragraphs:
        if paragraph.text in report.headings:
            words = paragraph.text.split("、", 1)[1]
            for run in paragraph.runs[1:]:
                run._r.getparent().remove(run._r)
            paragraph.runs[0].text = words
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {NUMBERING_NS}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
            )
            changed += 1
    assert changed == 6
    buffer = io.BytesIO()
    document.save(buffer)
    same_report(gr.parse_docx(buffer.getvalue()), report)
