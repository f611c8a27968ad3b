"""The Word reader reads what Word prints: fields nested in field codes, text hidden by a
style, raised note marks, invisible characters, a value merged over several rows.

Each document is written here (hand-written WordprocessingML, or ``filled.docx`` edited
with python-docx); the expected values are the ones the document prints.
"""

from __future__ import annotations

from typing import Any

import pytest

import govinfo_report as gr
from govinfo_report.values import EMPTY
from tests.conftest import cells_of, proactive_2021
from tests.test_read_docx import DOCX, _edited, package
from tests.test_read_docx_xml import at, lines, p, r, tbl, tc, tr

docx = pytest.importorskip("docx")


def begin() -> str:
    return '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'


def code(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def separate() -> str:
    return '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'


def end() -> str:
    return '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def cell(*runs: str) -> str:
    return "<w:tc><w:tcPr/>" + p(*runs) + "</w:tc>"


# { IF { MERGEFIELD 总计 } = "" "/" "515" }: the inner field's last result (2) is in the
# outer field's code; Word prints the outer result, 515.
NESTED_IN_CODE = (
    begin() + code(" IF ") + begin() + code(" MERGEFIELD 总计 ") + separate() + r("2") + end()
) + (code(' = "" "/" "515" ') + separate() + r("515") + end())
# A field in another's result is printed: { QUOTE "{ =3+4 }件" } shows 7件.
NESTED_IN_RESULT = (
    begin() + code(" QUOTE ") + separate() + begin() + code(" =3+4 ") + separate() + r("7") + end()
)
NESTED_IN_RESULT += r("件") + end()


# ---------------------------------------------------------------------------
# Fields


def test_a_field_nested_in_a_field_s_code_is_not_printed() -> None:
    assert lines(p(r("共"), NESTED_IN_CODE, r("件"))) == ["共515件"]
    assert lines(p(NESTED_IN_RESULT)) == ["7件"]
    assert lines(tbl(tr(tc("总计"), cell(NESTED_IN_CODE), cell(NESTED_IN_RESULT)))) == ["总计 | 515 | 7件"]


def test_a_field_never_updated_prints_nothing_and_simple_fields_still_read() -> None:
    never = begin() + code(" =SUM(LEFT) ") + end()
    simple = '<w:fldSimple w:instr=" =SUM(LEFT) ">' + r("106") + "</w:fldSimple>"
    assert lines(tbl(tr(tc("总计"), cell(never), cell(simple)))) == [f"总计 | {EMPTY} | 106"]


# ---------------------------------------------------------------------------
# Text hidden by a style


def styles(*definitions: str, defaults: str = "") -> dict[str, bytes]:
    """A styles part (``word/styles.xml``) with ``definitions``, and run defaults ``defaults``."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        + "".join(definitions)
        + "</w:styles>"
    )
    return {"word/styles.xml": xml.encode()}


def style(kind: str, identifier: str, properties: str = "", based_on: str = "") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{identifier}"><w:name w:val="{identifier}"/>{based}'
        f"<w:rPr>{properties}</w:rPr></w:style>"
    )


HIDING = styles(
    style("character", "Hid", "<w:vanish/>"),
    style("character", "HidToo", based_on="Hid"),  # hidden through w:basedOn
    style("character", "Plain", "<w:b/>"),
    style("paragraph", "HidPara", "<w:vanish/>"),
    style("paragraph", "Note", based_on="HidPara"),
)


def read_styled(body: str, parts: dict[str, bytes] = HIDING) -> list[str]:
    return gr.read_document(package(body, extra=parts), form="docx").text.split("\n")


def test_text_hidden_by_its_character_style_is_not_read() -> None:
    hid, too, plain = (f'<w:rPr><w:rStyle w:val="{name}"/></w:rPr>' for name in ("Hid", "HidToo", "Plain"))
    shown = '<w:rPr><w:rStyle w:val="Hid"/><w:vanish w:val="0"/></w:rPr>'  # direct formatting wins
    body = p(r("15"), r("7", hid), r("0")) + tbl(
        tr(
            tc("规章"),
            cell(r("15"), r("7", hid), r("0")),
            cell(r("1"), r("9", too)),
            cell(r("2", plain), r("3", shown)),
        )
    )
    assert read_styled(body) == ["150", "规章 | 150 | 1 | 23"]


def test_text_hidden_by_its_paragraph_style_is_not_read() -> None:
    def styled(name: str, *runs: str) -> str:
        return f'<w:p><w:pPr><w:pStyle w:val="{name}"/></w:pPr>{"".join(runs)}</w:p>'

    shown = '<w:rPr><w:vanish w:val="false"/></w:rPr>'
    body = styled("HidPara", r("内部备注")) + styled("Note", r("备注"), r("可见", shown)) + p(r("正文"))
    assert read_styled(body) == ["可见", "正文"]
    in_cell = f"<w:tc><w:tcPr/>{styled('Note', r('9'))}</w:tc>"
    assert read_styled(tbl(tr(tc("规章"), tc("1"), in_cell))) == [f"规章 | 1 | {EMPTY}"]


def test_document_defaults_that_hide_text_are_followed() -> None:
    parts = styles(style("character", "Shown", '<w:vanish w:val="0"/>'), defaults="<w:vanish/>")
    body = p(r("隐藏")) + p(r("可见", '<w:rPr><w:rStyle w:val="Shown"/></w:rPr>'))
    assert read_styled(body, parts) == ["可见"]


def test_a_styles_part_hiding_nothing_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from govinfo_report.readers import docx_package

    part = docx_package.Package.part

    def refuse(package: docx_package.Package, kind: str) -> Any:
        assert kind != "styles", "the styles part was parsed"
        return part(package, kind)

    monkeypatch.setattr(docx_package.Package, "part", refuse)
    parts = styles(style("character", "Plain", "<w:b/>"))
    assert read_styled(p(r("1", '<w:rPr><w:rStyle w:val="Plain"/></w:rPr>')), parts) == ["1"]


# ---------------------------------------------------------------------------
# Raised and lowered text: a note mark is not a digit of the number


SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def test_raised_and_lowered_digits_are_written_as_such() -> None:
    subscript = '<w:rPr><w:vertAlign w:val="subscript"/></w:rPr>'
    assert lines(p(r("面积100m"), r("2", SUPERSCRIPT), r("，H"), r("2", subscript), r("O"))) == [
        "面积100m²，H₂O"
    ]
    raised_by_style = styles(style("character", "NoteMark", '<w:vertAlign w:val="superscript"/>'))
    body = p(r("160"), r("1", '<w:rPr><w:rStyle w:val="NoteMark"/></w:rPr>'))
    assert read_styled(body, raised_by_style) == ["160¹"]


def _note_mark(document: Any) -> None:
    # Table 3 (the document's second table), 一、本年新收政府信息公开申请数量, 自然人: 20, then a
    # superscript note mark 1.
    run = document.tables[1].rows[3].cells[3].paragraphs[0].add_run("1")
    run.font.superscript = True


def test_a_note_mark_after_a_number_is_refused_at_its_cell() -> None:
    data = _edited(DOCX / "filled.docx", _note_mark)
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(data)
    assert info.value.location == gr.Location(table=2, table_row=4, table_column=4)
    assert "“20¹”带有上标或下标" in info.value.reason
    lenient = gr.parse_docx(data, lenient=True)
    cells = cells_of(lenient)
    row = "一、本年新收政府信息公开申请数量"
    assert cells[3, row, "自然人"] is None  # neither 20 nor 201
    assert cells[3, row, "法人或其他组织/商业企业"] == 3
    assert cells[3, row, "总计"] == 24
    (problem,) = [d for d in lenient.diagnostics if d.code == "CELL-UNREADABLE"]
    assert problem.location == info.value.location


# ---------------------------------------------------------------------------
# Characters Word does not print


def test_invisible_characters_are_not_read() -> None:
    body = p(r("五、存在的主要问\u00ad题及改进\u200b情况")) + tbl(
        tr(tc("行政许\u00ad可"), tc("17\u00ad0"), tc("\u200b171"), tc("17\u20602"), tc("\ufeff173"))
    )
    assert lines(body) == ["五、存在的主要问题及改进情况", "行政许可 | 170 | 171 | 172 | 173"]


def _soft_hyphens(document: Any) -> None:
    for paragraph in document.paragraphs:
        if paragraph.text == "五、存在的主要问题及改进情况":
            paragraph.runs[0].text = "五、存在的主要问\u00ad题及改进情况"
            for extra in paragraph.runs[1:]:
                extra.text = ""
    row = document.tables[0].rows[2].cells  # 规章 | 2 | 0 | 15
    row[0].paragraphs[0].runs[0].text = "规\u00ad章"
    row[3].paragraphs[0].runs[0].text = "1\u00ad5"


def test_a_soft_hyphen_in_a_heading_a_label_and_a_number() -> None:
    report = gr.parse_docx(_edited(DOCX / "filled.docx", _soft_hyphens))
    assert proactive_2021(report).rules.in_force == 15
    assert report.problems.paragraphs == (
        "一是公开内容不够全面；二是解读形式较为单一。下一步，我局将加强培训，提升公开质量。",
    )


# ---------------------------------------------------------------------------
# A value cell merged over rows


def _merged_down(document: Any) -> None:
    # Table 2, 本年废止件数 of 规章 (0) merged down over 行政规范性文件 (whose 1 is removed):
    # Word prints one 0 across both rows.
    rows = document.tables[0].rows
    lower = rows[3].cells[2]
    lower.paragraphs[0].runs[0].text = ""
    rows[2].cells[2].merge(lower)


def test_a_value_merged_over_rows_is_refused_at_each_of_its_cells() -> None:
    data = _edited(DOCX / "filled.docx", _merged_down)
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(data)
    assert info.value.location == gr.Location(table=1, table_row=3, table_column=3)
    assert "“0”是跨第3至4行的合并单元格" in info.value.reason
    lenient = gr.parse_docx(data, lenient=True)
    cells = cells_of(lenient)
    assert cells[2, "第二十条第（一）项/规章", "本年废止件数"] is None
    assert cells[2, "第二十条第（一）项/行政规范性文件", "本年废止件数"] is None
    assert cells[2, "第二十条第（一）项/规章", "现行有效件数"] == 15
    assert cells[2, "第二十条第（一）项/行政规范性文件", "本年制发件数"] == 4
    located = [d.location for d in lenient.diagnostics if d.code == "CELL-UNREADABLE"]
    assert located == [at(1, 3, 3), at(1, 4, 3)]


def test_cells_merged_over_rows_as_labels_or_blanks() -> None:
    body = tbl(
        tr(
            tc("三、结果", '<w:vMerge w:val="restart"/>'),
            tc("（一）"),
            tc("1"),
            tc("", '<w:vMerge w:val="restart"/>'),
        ),
        tr(tc("", "<w:vMerge/>"), tc("（二）"), tc("2"), tc("", "<w:vMerge/>")),
        tr(tc("（三）"), tc("/", '<w:vMerge w:val="restart"/>'), tc("3")),
        tr(tc("（四）"), tc("", "<w:vMerge/>"), tc("4")),
    )
    document = gr.read_document(package(body), form="docx")
    # A label merged down is that label; a blank merged down is blank in each row.
    assert document.text.split("\n") == [
        f"三、结果 | （一） | 1 | {EMPTY}",
        f"（二） | 2 | {EMPTY}",
        f"（三） | {EMPTY} | 3",
        f"（四） | {EMPTY} | 4",
    ]
    assert [problem.location for problem in document.problems] == [at(1, 3, 2), at(1, 4, 2)]
