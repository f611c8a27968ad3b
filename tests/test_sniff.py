"""What a file is, from its content: the form decides the reader, the suffix only breaks ties."""

from __future__ import annotations

import io
import zipfile

import pytest

import govinfo_report as gr
from govinfo_report.readers import sniff
from tests.conftest import SEEDS


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100


@pytest.mark.parametrize(
    ("data", "name", "form"),
    [
        ("一、总体情况\n".encode(), None, "text"),
        ("一、总体情况\n".encode("gb18030"), "x.html", "text"),
        (b"<!DOCTYPE html><html><body></body></html>", "report.txt", "html"),
        (b"<!-- saved by a crawler -->\n<html lang=zh>", None, "html"),
        (b"\xef\xbb\xbf<html>", None, "html"),
        ("<html><body>报告</body></html>".encode("utf-16"), None, "html"),
        (b"   <meta charset=gbk><p>x", None, "html"),
        (b"<p>x</p>", None, "html"),
        (b"see <http://example.com>", None, "text"),
        (b"%PDF-1.7\n...", "report.docx", "pdf"),
        (_zip("[Content_Types].xml", "word/document.xml"), "report.pdf", "docx"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "report.docx", "xlsx"),
        (_zip("mimetype", "content.xml"), None, "archive"),
        (_zip("a.txt"), "a.docx", "archive"),
        (OLE2 + "WordDocument".encode("utf-16-le"), None, "doc"),
        (OLE2 + "Workbook".encode("utf-16-le"), None, "xls"),
        (OLE2, "report.wps", "wps"),
        (OLE2, "x", "office"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "report.txt", "image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, None, "image"),
        (b"\x1f\x8b\x08\x00", None, "archive"),
        (b"{\\rtf1\\ansi", None, "rtf"),
        (b'{"schema_version": 2}', "r.json", "json"),
        # A web page saved by Word holds Word's settings as <w:WordDocument> in its head.
        (b'<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><xml><w:WordDocument>', None, "html"),
    ],
)
def test_form_from_content(data: bytes, name: str | None, form: str) -> None:
    assert sniff(data, name).form == form


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (OLE2 + "WordDocument".encode("utf-16-le"), "旧版Word文件（.doc）"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "Excel表格"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "图片（PNG）"),
        (b"\x1f\x8b\x08\x00", "压缩文件"),
    ],
)
def test_unsupported_forms_are_named(tmp_path: object, data: bytes, words: str) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "file.txt"
    path.write_bytes(data)
    with pytest.raises(gr.UnsupportedFormatError) as info:
        gr.parse_file(path)
    assert words in str(info.value)
    assert isinstance(info.value, gr.DecodeError)


def _parts(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Word Online's download names its main part word/document2.xml.
TYPED = _parts(
    {
        "[Content_Types].xml": b'<Types><Override PartName="/word/document2.xml" ContentType="'
        + MAIN
        + b'"/></Types>',
        "word/document2.xml": b"<x/>",
    }
)
RELATED = _parts(
    {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b'<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>',
        "word/document2.xml": b"<x/>",
    }
)
WORD_2003 = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r>'
    "<w:t>2024年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:wordDocument>"
).encode()
FLAT_OPC = (
    b'<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
    b'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
    b'<pkg:part pkg:name="/word/document.xml"><pkg:xmlData/></pkg:part></pkg:package>'
)


@pytest.mark.parametrize("name", ["年报.docx", "年报.zip", None])
def test_a_word_package_whose_main_part_has_another_name(name: str | None) -> None:
    assert sniff(TYPED, name).form == "docx"
    assert sniff(RELATED, name).form == "docx"


@pytest.mark.parametrize(
    ("data", "form", "words"),
    [(WORD_2003, "wordml", "Word 2003 XML文档"), (FLAT_OPC, "flatopc", "Word XML文档（单个XML文件）")],
)
@pytest.mark.parametrize("name", ["年报.xml", "年报.doc"])
def test_word_s_xml_forms_are_refused_with_advice(
    tmp_path: object, data: bytes, form: str, words: str, name: str
) -> None:
    from pathlib import Path

    assert sniff(data, name).form == form
    path = Path(str(tmp_path)) / name
    path.write_bytes(data)
    with pytest.raises(gr.UnsupportedFormatError) as info:
        gr.parse_file(path)
    assert info.value.form == form
    assert str(info.value).startswith(f"这是{words}，本库不能读取；")
    assert "文件→另存为→Word文档(.docx)" in str(info.value)


def test_doc_says_what_to_do(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "年报.doc"
    path.write_bytes(OLE2 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(gr.UnsupportedFormatError, match="另存为") as info:
        gr.parse_file(path)
    assert info.value.form == "doc"


def test_only_regular_files_are_read(tmp_path: object) -> None:
    import os
    from pathlib import Path

    fifo = Path(str(tmp_path)) / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(gr.DecodeError, match="不是普通文件"):
        gr.parse_file(fifo)  # would block forever if it were opened
    with pytest.raises(gr.DecodeError, match="不是普通文件"):
        gr.parse_file("/dev/zero")


def test_the_library_s_own_json_reads_as_the_report(tmp_path: object) -> None:
    from pathlib import Path

    report = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")
    path = Path(str(tmp_path)) / "r.json"
    path.write_text(gr.to_json(report), encoding="utf-8")
    assert gr.parse_file(path) == report
