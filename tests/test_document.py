"""The document stream every reader hands to the grammar, and the map back to the file."""

from __future__ import annotations

import pytest

import govinfo_report as gr
from govinfo_report.readers import DocumentBuilder
from govinfo_report.values import EMPTY


def _cell(row: int, column: int) -> gr.Location:
    return gr.Location(table=1, table_row=row, table_column=column)


def _row(builder: DocumentBuilder, row: int, *texts: str) -> None:
    builder.row(
        [(text, at, None) for at, text in enumerate(texts, start=1)], gr.Location(table=1, table_row=row)
    )


def test_a_row_marks_blank_cells_after_its_labels() -> None:
    builder = DocumentBuilder(gr.Source("html"))
    _row(builder, 1, "三、本年度办理结果", "", "（一）予以公开", "27", "", "0", " ")
    _row(builder, 2, "信息内容", "", "本年制发件数")  # a header row: no value, blanks are layout
    _row(builder, 3, "", "", "")  # an empty row is not written
    _row(builder, 4, "规章", "—", "", "0")
    text = builder.build().text
    assert text.split("\n") == [
        f"三、本年度办理结果 | （一）予以公开 | 27 | {EMPTY} | 0 | {EMPTY}",
        "信息内容 | 本年制发件数",
        f"规章 | — | {EMPTY} | 0",
    ]


def test_white_space_inside_a_cell_becomes_one_space() -> None:
    builder = DocumentBuilder(gr.Source("pdf"))
    _row(builder, 1, "商业企\n业", "结 果\n维持")
    assert builder.build().text == "商业企 业 | 结 果 维持"


def test_locate_names_the_cell() -> None:
    builder = DocumentBuilder(gr.Source("docx"))
    builder.paragraph("一、总体情况", gr.Location(paragraph=3))
    _row(builder, 5, "规章", "0", "x", "0")
    document = builder.build()
    line = document.text.split("\n")[1]
    assert document.locate(1, 1) == gr.Location(paragraph=3)
    assert document.locate(2, line.index("x") + 1) == _cell(5, 3)
    assert document.locate(2, 1) == _cell(5, 1)
    assert str(_cell(5, 3)) == "第1个表格第5行第3列"


def test_location_in_words() -> None:
    assert str(gr.Location(line=12, column=3)) == "第12行第3列"
    assert str(gr.Location(page=4, table=2, table_row=3, table_column=2)) == "第4页第2个表格第3行第2列"
    assert (
        str(gr.Location(line=351, table=1, table_row=3, table_column=2))
        == "第1个表格第3行第2列（源文件第351行）"
    )
    assert gr.Location(page=2).to_dict() == {"page": 2}


def test_an_error_in_a_document_names_the_file_position() -> None:
    builder = DocumentBuilder(gr.Source("docx"))
    builder.paragraph("2024年政府信息公开工作年度报告", gr.Location(paragraph=1))
    builder.paragraph("一、总体情况", gr.Location(paragraph=2))
    builder.paragraph("二、主动公开政府信息情况", gr.Location(paragraph=3))
    _row(builder, 3, "规章", "0", "零", "0")
    with pytest.raises(gr.ParseError) as info:
        gr.parse_document(builder.build())
    assert info.value.location == _cell(3, 3)
    assert str(info.value).startswith("第1个表格第3行第3列：")
    assert info.value.excerpt == "规章 | 0 | 零 | 0"
