"""Word files (.docx): the real template, fixtures that imitate real files, positions, other forms.

Expected values are read off the documents: the real template's XML (every value cell
empty), and the grids of ``tests/fixtures/docx/make_fixtures.py`` (``filled.expected.json``
written by hand from them).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.readers import docx_package
from tests.conftest import FIXTURES, SEED_NAMES, cells_of, proactive_2021, seed_text, source_of
from tests.expected_cells import expected_cells

docx = pytest.importorskip("docx")

# The headings the fixtures print (typed there from national-format.md).
from tests.fixtures.docx.make_fixtures import HEADINGS  # noqa: E402

DOCX = FIXTURES / "docx"
TEMPLATE = FIXTURES / "real" / "word-template.docx"
EXPECTED: dict[str, Any] = json.loads((DOCX / "filled.expected.json").read_text(encoding="utf-8"))
FIXTURE_NAMES = ("filled", "boxes", "nested")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def package(body: str, *, title: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word file whose body is ``body`` (WordprocessingML, ``w:`` prefix)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": document.encode("utf-8"),
    }
    if title is not None:
        parts["docProps/core.xml"] = (
            '<?xml version="1.0"?><cp:coreProperties'
            ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            f' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
        ).encode()
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def same_report(read: gr.Report, report: gr.Report) -> None:
    """``read`` (from a Word file) is ``report``, apart from where it was read from."""
    assert source_of(read).form == "docx"
    assert attrs.evolve(read, source=report.source) == report


# ---------------------------------------------------------------------------
# The real template (tests/fixtures/real/word-template.docx)


def test_the_template_is_refused_at_its_first_heading() -> None:
    # Its title "政府信息公开工作年度报告格式模板" has no year: no title line. Paragraphs 1 and 3
    # are empty, 2 is that title, 4 is 一、总体情况 (counted in word/document.xml).
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(TEMPLATE)
    assert info.value.location == gr.Location(paragraph=4)
    assert str(info.value).startswith("第4段：")
    assert "标题" in info.value.reason
    assert info.value.excerpt == "一、总体情况"


def test_the_template_read_leniently_is_six_sections_and_200_blank_cells() -> None:
    report = gr.parse_file(TEMPLATE, lenient=True)
    assert report.headings == HEADINGS
    assert report.agency is None
    assert report.year is None
    values = cells_of(report)
    assert len(values) == 200
    assert set(values.values()) == {None}
    assert report.overview.paragraphs == ("（文字描述）",)
    assert report.problems.paragraphs == ("（文字描述）",)
    assert report.other_matters.paragraphs == ("（文字描述，收取信息处理费情况在此处报告。）",)
    assert report.preamble == ("政府信息公开工作年度报告格式模板",)
    assert report.source == gr.Source("docx", str(TEMPLATE))  # no title property in docProps/core.xml
    assert [d.location for d in report.diagnostics] == [gr.Location(paragraph=4)]


def test_the_template_through_parse_docx_bytes() -> None:
    report = gr.parse_docx(TEMPLATE.read_bytes(), lenient=True)
    assert report.source == gr.Source("docx")
    assert set(cells_of(report).values()) == {None}


def test_the_template_through_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "parse", str(TEMPLATE), "--lenient", "--format", "cells"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = result.stdout.strip().split("\n")
    assert rows[0] == "table,row,column,value"
    assert len(rows) == 201
    assert all(row.endswith(",") for row in rows[1:])  # every value empty


# ---------------------------------------------------------------------------
# Fixtures that imitate real files (tests/fixtures/docx)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_every_cell_of_the_fixture(name: str) -> None:
    report = gr.parse_file(DOCX / f"{name}.docx")
    assert cells_of(report) == expected_cells(EXPECTED)
    assert report.proactive.fees == Decimal("0.5")
    assert report.proactive.licensing == 1203  # printed in full-width digits
    assert report.reviews.lawsuit_after_review.pending is None  # an empty cell


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_title_block_and_headings_of_the_fixture(name: str) -> None:
    report = gr.parse_file(DOCX / f"{name}.docx")
    assert report.agency == EXPECTED["agency"]
    assert report.year == EXPECTED["year"]
    assert report.headings == HEADINGS
    source = source_of(report)
    assert source.form == "docx"
    assert source.title == "青山县自然资源局2023年政府信息公开工作年度报告"
    assert source.path == str(DOCX / f"{name}.docx")


def test_filled_narrative_every_character() -> None:
    report = gr.parse_file(DOCX / "filled.docx")
    assert report.title == "2023年政府信息公开工作年度报告"
    assert report.overview.paragraphs == (
        "2023年，青山县自然资源局坚持以公开为常态、不公开为例外，认真落实政府信息公开各项工作。",
    )
    assert [(s.heading, s.paragraphs) for s in report.overview.subsections] == [
        ("（一）主动公开情况", ("全年主动公开政府信息312条，其中规章2件、行政规范性文件4件。",)),
        (
            "（二）依申请公开情况",
            ("全年收到政府信息公开申请24件，上年结转2件，办结22件，结转下年度继续办理4件。",),
        ),
    ]
    assert report.problems.paragraphs == (
        "一是公开内容不够全面；二是解读形式较为单一。下一步，我局将加强培训，提升公开质量。",
    )
    assert report.other_matters.paragraphs == ("本年度未收取信息处理费。",)


def test_headers_and_footers_are_left_out() -> None:
    for name in ("filled", "boxes"):
        document = gr.read_document(DOCX / f"{name}.docx")
        # The page header says 青山县人民政府信息公开, the footer "— 1 —" (a PAGE field).
        lines = document.text.split("\n")
        assert "青山县人民政府信息公开" not in document.text
        assert "— 1 —" not in lines
        assert "1" not in lines
        assert "PAGE" not in document.text


def test_a_table_split_by_hand_repeats_its_header() -> None:
    document = gr.read_document(DOCX / "filled.docx")
    lines = document.text.split("\n")
    assert lines.count("自然人 | 法人或其他组织 | 总计") == 2  # the header, printed again in the second part
    report = gr.parse_document(document)
    assert report.applications.outcomes.unable.not_held.total == 7  # the first row of the second part


def _edited(path: Path, edit: Any) -> bytes:
    document = docx.Document(str(path))
    edit(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_table_split_by_hand_without_repeating_the_header() -> None:
    def drop_header(document: Any) -> None:
        table = document.tables[2]._tbl  # the second part of table 3
        for row in table.tr_lst[:3]:
            table.remove(row)

    report = gr.parse_docx(_edited(DOCX / "filled.docx", drop_header))
    assert cells_of(report) == expected_cells(EXPECTED)


def test_a_table_split_by_hand_with_the_group_label_typed_again() -> None:
    def retype(document: Any) -> None:
        # The empty group cell at the top of the second part (row 4, column 1) reads 三、本年度办理结果.
        document.tables[2].cell(3, 0).paragraphs[0].text = "三、本年度办理结果"

    report = gr.parse_docx(_edited(DOCX / "filled.docx", retype))
    assert cells_of(report) == expected_cells(EXPECTED)


def test_what_word_files_hold_besides_runs() -> None:
    report = gr.parse_file(DOCX / "boxes.docx")
    assert report.title == "青山县自然资源局2023年政府信息公开工作年度报告"
    assert report.overview.paragraphs == (
        "（本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。）",  # the text box, once
        "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。",
    )
    assert [(s.heading, s.paragraphs, s.inline) for s in report.overview.subsections] == [
        (
            "（一）主动公开情况。",
            # a hyperlink, a field's result (not its code), a simple field, a smart tag
            ("通过青山县人民政府门户网站公开信息312条，更新于2023年12月31日，办理5件重点事项。",),
            True,
        ),
        # the insertion kept, the deletion (二十件) and the hidden run dropped
        ("（二）依申请公开情况。", ("全年收到申请24件，均按时答复。",), True),
        # a line break inside the paragraph starts a new line; the tab is kept
        ("（三）政府信息管理情况。", ("一是规范发布审核；\t二是动态调整公开目录。",), False),
        ("（四）平台建设情况。", ("优化政府网站栏目。",), True),  # a content control inside the paragraph
        ("（五）监督保障情况。", ("开展专题培训2次。",), True),  # a paragraph inside a content control
    ]


def test_paragraph_locations_count_body_paragraphs() -> None:
    document = gr.read_document(DOCX / "boxes.docx")
    texts = document.text.split("\n")
    where = {line: origin.location for line, origin in zip(texts, document.origins or (), strict=True)}
    # Body paragraphs of boxes.docx: 1 the title, 2 一、总体情况, 3 the one holding the text box,
    # 4-7 (一) to (四) ((三) holding a line break), 8 (五) inside a content control, 9 二、….
    assert where["一、总体情况"] == gr.Location(paragraph=2)
    assert where["（本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。）"] == gr.Location(
        paragraph=3
    )
    assert where["2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"] == gr.Location(paragraph=3)
    assert where["（三）政府信息管理情况。"] == gr.Location(paragraph=6)
    assert where["一是规范发布审核；\t二是动态调整公开目录。"] == gr.Location(paragraph=6)
    assert where["（五）监督保障情况。开展专题培训2次。"] == gr.Location(paragraph=8)
    assert where["二、主动公开政府信息情况"] == gr.Location(paragraph=9)


def test_a_layout_table_is_read_as_what_it_holds() -> None:
    document = gr.read_document(DOCX / "nested.docx")
    lines = document.text.split("\n")
    origins = document.origins or ()
    # The layout table is not counted: the table of section 二 is the first table, and its
    # first row is the section heading, merged across the four columns.
    heading = lines.index("二、主动公开政府信息情况")
    assert origins[heading].location == gr.Location(table=1, table_row=1)
    assert origins[heading].cells == ((1, gr.Location(table=1, table_row=1, table_column=1)),)
    assert lines[heading + 1] == "第二十条第（一）项"
    third = lines.index("三、收到和处理政府信息公开申请情况")
    assert origins[third].location == gr.Location(table=2, table_row=1)
    # Paragraphs in the layout table's cells are body paragraphs: 1 and 2 the title block
    # above the layout table, then 一、总体情况 in its first cell.
    assert origins[lines.index("一、总体情况")].location == gr.Location(paragraph=3)


def _with_cell(path: Path, table: int, row: int, column: int, text: str) -> bytes:
    """The file with the text of one cell (0-based grid position, as python-docx counts) replaced."""
    document = docx.Document(str(path))
    cell = document.tables[table].cell(row, column)
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    cell.paragraphs[0].text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_letter_in_a_table_three_cell_is_an_error_at_that_cell() -> None:
    # Table 3 is the document's second table; its fifth row is 二、上年结转政府信息公开申请数量,
    # and grid column 4 (after the label merged over three columns) is 自然人.
    data = _with_cell(DOCX / "filled.docx", 1, 4, 3, "x")
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(data)
    assert info.value.location == gr.Location(table=2, table_row=5, table_column=4)
    assert str(info.value).startswith("第2个表格第5行第4列：")
    assert "二、上年结转政府信息公开申请数量" in str(info.value)
    assert "x" in info.value.excerpt


def test_an_error_in_the_second_part_of_a_split_table() -> None:
    # The third table is the second part of table 3: rows 1-3 its repeated header, row 4
    # （四）无法提供 1、本机关不掌握相关政府信息; grid column 5 is 商业企业.
    data = _with_cell(DOCX / "filled.docx", 2, 3, 4, "一")
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(data)
    assert info.value.location == gr.Location(table=3, table_row=4, table_column=5)
    assert str(info.value).startswith("第3个表格第4行第5列：")


def test_lenient_reading_says_where_a_cell_was_skipped() -> None:
    data = _with_cell(DOCX / "filled.docx", 0, 2, 1, "两")  # table 2, 规章, 本年制发件数
    report = gr.parse_docx(data, lenient=True)
    assert proactive_2021(report).rules.issued is None
    located = [d.location for d in report.diagnostics]
    assert gr.Location(table=1, table_row=3, table_column=2) in located


# ---------------------------------------------------------------------------
# The library's own Word output, read back


@pytest.mark.slow
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_rendered_to_docx_reads_back(name: str, tmp_path: Path) -> None:
    report = gr.parse(seed_text(name))
    data = gr.render(report, "docx")
    assert isinstance(data, bytes)
    same_report(gr.parse_docx(data), report)
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    read = gr.parse_file(path)
    same_report(read, report)
    assert source_of(read).path == str(path)
    assert source_of(read).title == "".join(
        [report.agency, report.title]
        if report.agency and not report.title.startswith(report.agency)
        else [report.title]
    )


def test_a_batch_reads_word_files(tmp_path: Path) -> None:
    from govinfo_report.batch import parse_many

    report = gr.parse(seed_text(SEED_NAMES[0]))
    (tmp_path / "a.docx").write_bytes(gr.render(report, "docx"))
    (tmp_path / "b.docx").write_bytes(b"not a word file")
    results = list(parse_many([str(tmp_path / "a.docx"), str(tmp_path / "b.docx")], jobs=1))
    assert [r.ok for r in results] == [True, False]
    # Seed 000: 一、本年新收政府信息公开申请数量, 自然人 29.
    assert json.loads(results[0].text)["report"]["applications"]["new_received"]["natural_person"] == 29
    assert "不是有效的Word文件" in results[1].message


# ---------------------------------------------------------------------------
# Other forms, damaged files, limits


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100


def _zip(*names: str, content: bytes = b"<x/>") -> bytes:
    """A zip package with members ``names`` holding ``content``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, content)
    return buffer.getvalue()


XLSX = _zip("[Content_Types].xml", "xl/workbook.xml")


@pytest.mark.parametrize(
    ("name", "data", "form", "words"),
    [
        ("年报.doc", OLE2 + "WordDocument".encode("utf-16-le"), "doc", "另存为"),
        ("年报.docx", OLE2 + "WordDocument".encode("utf-16-le"), "doc", "另存为"),  # a .doc renamed
        ("年报.wps", OLE2, "wps", "另存为"),
        ("年报.docx", OLE2 + "EncryptedPackage".encode("utf-16-le"), "encrypted", "密码"),
        ("年报.xlsx", XLSX, "xlsx", "fill"),
        ("年报.docx", XLSX, "xlsx", "Excel"),
        ("扫描件.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image", "OCR"),
        ("年报.docx", b"\x1f\x8b\x08\x00" + b"\x00" * 40, "archive", "解压"),
    ],
)
def test_forms_the_library_does_not_read(
    tmp_path: Path, name: str, data: bytes, form: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(gr.UnsupportedFormatError) as info:
        gr.parse_file(path)
    assert info.value.form == form
    assert words in str(info.value)
    assert "编码" not in str(info.value)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("一、总体情况\n这是一段文本。\n".encode(), "不是zip压缩包"),  # a text file named .docx
        (bytes(range(256)) * 8, "不是zip压缩包"),  # binary noise named .docx
        (b"", "不是zip压缩包"),
        (b"PK\x03\x04" + b"\x00" * 60, "损坏或不完整"),
        (_zip("[Content_Types].xml", "word/styles.xml"), "word/document.xml"),  # no main part
        (_zip("[Content_Types].xml", "word/document.xml", content=b"<w:document><w:body>"), "不是有效的XML"),
        (_zip("word/document.xml", content=b"<html><body>x</body></html>"), "没有w:document/w:body"),
    ],
)
def test_a_docx_name_on_something_else(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "年报.docx"
    path.write_bytes(data)
    with pytest.raises(gr.DecodeError) as info:
        gr.parse_file(path)
    assert words in str(info.value)
    assert "编码" not in str(info.value)


def test_a_truncated_docx(tmp_path: Path) -> None:
    data = (DOCX / "filled.docx").read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 200):
        path = tmp_path / "年报.docx"
        path.write_bytes(data[:cut])
        with pytest.raises(gr.DecodeError, match="损坏或不完整"):
            gr.parse_file(path)
        with pytest.raises(gr.DecodeError, match="损坏或不完整"):
            gr.parse_docx(data[:cut])  # bytes, no name


def test_damaged_compressed_data(tmp_path: Path) -> None:
    data = bytearray((DOCX / "filled.docx").read_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")  # the local header's name
    for at in range(start + 100, start + 400):
        data[at] ^= 0x5A
    with pytest.raises(gr.DecodeError, match="损坏"):
        gr.parse_docx(bytes(data))


def test_parse_docx_of_other_forms_says_what_they_are() -> None:
    with pytest.raises(gr.UnsupportedFormatError, match="Excel"):
        gr.parse_docx(XLSX)
    with pytest.raises(gr.UnsupportedFormatError, match="旧版Word文件"):
        gr.parse_docx(OLE2 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(gr.DecodeError, match="网页"):
        gr.parse_docx(b"<html><body><p>x</p></body></html>")
    with pytest.raises(gr.DecodeError, match="不是zip压缩包"):
        gr.parse_docx(seed_text(SEED_NAMES[0]).encode())


def _bomb(size: int) -> bytes:
    """A small zip whose document.xml inflates to ``size`` bytes (written in chunks: no big string)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w") as member,
    ):
        member.write(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
        chunk = b" " * 1_000_000
        for _ in range(size // len(chunk)):
            member.write(chunk)
        member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_without_inflating_it() -> None:
    import tracemalloc

    data = _bomb(docx_package.MAX_PART_SIZE + 10_000_000)
    assert len(data) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(gr.DecodeError, match="超过上限"):
            gr.parse_docx(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_the_limit_is_counted_on_the_bytes_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _bomb(3_000_000)
    # The directory states the true size: refused before inflating.
    monkeypatch.setattr(docx_package, "MAX_PART_SIZE", 2_000_000)
    with pytest.raises(gr.DecodeError, match="超过上限"):
        gr.parse_docx(data)
    # A directory that understates the size: zipfile stops at the stated size and the
    # checksum fails, so no more than the limit is ever inflated.
    lying = _understate(data, "word/document.xml", 1_000_000)
    monkeypatch.setattr(docx_package, "MAX_PART_SIZE", 2_000_000)
    with pytest.raises(gr.DecodeError, match="损坏"):
        gr.parse_docx(lying)


def _understate(data: bytes, name: str, size: int) -> bytes:
    """``data`` with the uncompressed size of ``name`` in the zip's central directory set to ``size``."""
    out = bytearray(data)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == name.encode():
            out[at + 24 : at + 28] = size.to_bytes(4, "little")
            return bytes(out)
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError(name)


def test_a_document_type_declaration_is_refused() -> None:
    body = "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    data = package(body)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    laughs = xml.replace("<w:document", f"<!DOCTYPE w:document [{entities}]><w:document", 1)
    with pytest.raises(gr.DecodeError):  # libxml2 stops the expansion itself
        gr.parse_docx(package(body, extra={"word/document.xml": laughs.encode()}))
    harmless = xml.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY lol9 "x">]><w:document', 1)
    with pytest.raises(gr.DecodeError, match="DTD"):
        gr.parse_docx(package(body, extra={"word/document.xml": harmless.encode()}))


def test_xml_nested_too_deep_is_an_error_not_a_crash() -> None:
    body = (
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "<w:sdt><w:sdtContent>" * 300 + "</w:sdtContent></w:sdt>" * 300
    )
    with pytest.raises(gr.DecodeError, match="不是有效的XML"):
        gr.parse_docx(package(body))


def test_without_lxml_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[docx\]"):
        gr.parse_docx(TEMPLATE.read_bytes())


def test_a_strict_open_xml_file_is_refused_with_advice() -> None:
    data = package("<w:p/>")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace(W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    with pytest.raises(gr.UnsupportedFormatError, match="另存为"):
        gr.parse_docx(package("", extra={"word/document.xml": xml.encode()}))


def test_a_package_whose_main_part_is_document2_reads_from_bytes(tmp_path: Path) -> None:
    # Word Online's download: the main part is word/document2.xml, named by the package's
    # content types and relationships.
    with zipfile.ZipFile(DOCX / "filled.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document2.xml"] = parts.pop("word/document.xml")
    parts["word/_rels/document2.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
    for name in ("[Content_Types].xml", "_rels/.rels"):
        parts[name] = parts[name].replace(b"/document.xml", b"/document2.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    assert cells_of(gr.parse_docx(data)) == cells_of(gr.parse_docx(DOCX / "filled.docx"))
    path = tmp_path / "下载"  # no suffix
    path.write_bytes(data)
    assert source_of(gr.parse_file(path)).form == "docx"
    assert gr.read_document(data).source.form == "docx"


def test_two_numbers_in_one_cell_are_refused_at_that_cell() -> None:
    def two_numbers(document: Any) -> None:
        cell = document.tables[0].rows[2].cells[2]  # 规章, 本年废止件数: 0
        cell.add_paragraph("3")  # now two paragraphs: 0 and 3

    data = _edited(DOCX / "filled.docx", two_numbers)
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(data)
    assert info.value.location == gr.Location(table=1, table_row=3, table_column=3)
    assert "2个数（“0 3”）" in info.value.reason
    assert info.value.excerpt == "规章 | 2 | ∅ | 15"
    assert info.value.column == len("规章 | 2 | ") + 1  # the blank written in the cell's place
    lenient = gr.parse_docx(data, lenient=True)
    assert proactive_2021(lenient).rules.repealed is None  # neither 0 nor 3
    assert proactive_2021(lenient).rules.issued == 2
    (problem,) = [d for d in lenient.diagnostics if d.code == "CELL-UNREADABLE"]
    assert problem.location == info.value.location
