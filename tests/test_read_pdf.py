"""Reading PDF files: the real file cell by cell, LibreOffice's PDFs read back, bad files refused.

The fixtures in tests/fixtures/pdf are made by ``tests/fixtures/pdf/make_pdfs.py``
(LibreOffice); each readable one has the report it was rendered from beside it
(``NAME.json``).  With ``GOVINFO_PDF_FIXTURES=DIR`` the round trips read the
PDFs in DIR instead (``.ci/run`` regenerates them there when LibreOffice is
installed).
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.readers import read_document
from tests.conftest import FIXTURES, proactive_2021, source_of
from tests.real_cells import REAL, differences

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

COMMITTED = FIXTURES / "pdf"
PDFS = Path(os.environ.get("GOVINFO_PDF_FIXTURES") or COMMITTED)
MANIFEST: dict[str, dict[str, Any]] = json.loads((COMMITTED / "manifest.json").read_text(encoding="utf-8"))
SAME = sorted(
    name
    for name, entry in MANIFEST.items()
    if entry["same_report"] and name.startswith(("seed", "gen", "layout", "owner"))
)
HUAIAN = REAL / "huaian-2024.pdf"

# White space next to a CJK character: word processors draw a gap of their own there
# (autospace), so a PDF cannot say whether the text had a space (docs/reading-pdf.md).
_CJK_SPACE = re.compile(r"\s+(?=[\u2e80-\uffff])|(?<=[\u2e80-\uffff])\s+")


def without_cjk_spacing(value: Any) -> Any:
    if isinstance(value, str):
        return _CJK_SPACE.sub("", value)
    if isinstance(value, dict):
        return {key: without_cjk_spacing(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_cjk_spacing(item) for item in value]
    return value


def expected_report(name: str) -> gr.Report:
    return gr.from_json((COMMITTED / f"{name}.json").read_text(encoding="utf-8"))


def cell_values(report: gr.Report) -> list[tuple[int, str, str, object]]:
    return [(c.table, c.row, c.column, c.value) for c in gr.cells(report)]


# ---------------------------------------------------------------------------
# The real file, as a person read it


@pytest.fixture(scope="module")
def huaian() -> gr.Report:
    return gr.parse_file(HUAIAN)


def test_huaian_every_cell_as_read_by_a_person(huaian: gr.Report) -> None:
    assert differences(huaian, "huaian-2024") == []
    assert len(list(gr.cells(huaian))) == 200


def test_huaian_title_block_and_source(huaian: gr.Report) -> None:
    assert huaian.agency == "淮安市人民政府"
    assert huaian.year == 2024
    assert huaian.source == gr.Source("pdf", str(HUAIAN), title="政府信息公开工作年度报告")
    assert huaian.diagnostics == ()


def test_huaian_narrative(huaian: gr.Report) -> None:
    """Paragraphs as printed (read from the page images): the boxed preamble is narrative,
    page numbers are gone, paragraphs run on over page breaks."""
    plain = without_cjk_spacing
    assert len(huaian.preamble) == 1
    assert plain(huaian.preamble[0]).startswith(
        "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》"
    )
    assert plain(huaian.preamble[0]).endswith("电子邮箱：hazwgkc@163.com）。")
    assert [plain(s.heading) for s in huaian.overview.subsections] == [
        "（一）主动公开情况。",
        "（二）依申请公开情况。",
        "（三）政府信息管理情况。",
        "（四）政府信息公开平台建设情况。",
        "（五）政府信息公开监督保障情况。",
    ]
    # （四） runs from page 2 onto page 3 without a break.
    fourth = plain(huaian.overview.subsections[3].paragraphs[0])
    assert "将栏目不更新、政策解读不通俗易懂" in fourth
    assert fourth.endswith("合格率均为100%。")
    assert len(huaian.problems.paragraphs) == 2
    assert plain(huaian.problems.paragraphs[0]).startswith(
        "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。"
    )
    assert plain(huaian.problems.paragraphs[1]).startswith("针对存在问题，下一步，")
    assert plain(huaian.other_matters.paragraphs[0]) == (
        "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
    )
    text = read_document(HUAIAN).text
    assert not re.search(r"^\s*-\s*\d+\s*-\s*$", text, re.M)
    assert "- 3 -" not in text


def test_huaian_nothing_is_lost() -> None:
    """Every character PDFium finds on the pages is in the reading text, once — but page numbers."""
    import collections

    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(HUAIAN))
    printed: collections.Counter[str] = collections.Counter()
    for index in range(len(pdf)):
        page_text = pdf[index].get_textpage().get_text_range()
        page_text = page_text.replace(f"- {index + 1} -", "", 1)
        printed.update(char for char in page_text if not char.isspace())
    pdf.close()
    text = read_document(HUAIAN).text.replace(" | ", "").replace(gr.values.EMPTY, "")
    assert collections.Counter(char for char in text if not char.isspace()) == printed


def test_huaian_group_cell_cut_by_the_page_break_is_one_cell() -> None:
    document = read_document(HUAIAN)
    cells = _cells(document)
    joined = [(text, where) for text, where in cells if "".join(text.split()) == "（四）无法提供"]
    assert [where.page for _, where in joined] == [4]
    assert not any("".join(text.split()) == "法提供" for text, _ in cells)


def test_huaian_the_preamble_box_is_not_a_table() -> None:
    document = read_document(HUAIAN)
    first_row = next(o for o in document.origins or () if o.cells)
    assert first_row.location.page == 3  # the first grid row is table 2's, on page 3


def _cells(document: Any) -> list[tuple[str, gr.Location]]:
    out = []
    for line, origin in zip(document.text.split("\n"), document.origins, strict=True):
        starts = [start for start, _ in origin.cells]
        for at, (start, where) in enumerate(origin.cells):
            end = starts[at + 1] - 4 if at + 1 < len(starts) else len(line)
            out.append((line[start - 1 : end], where))
    return out


# ---------------------------------------------------------------------------
# The library's own reports, rendered as Word, converted by LibreOffice, read back


@pytest.mark.parametrize("name", SAME)
def test_round_trip_every_cell(name: str) -> None:
    read = gr.parse_file(PDFS / f"{name}.pdf")
    assert cell_values(read) == cell_values(expected_report(name))


@pytest.mark.parametrize("name", SAME)
def test_round_trip_whole_report(name: str) -> None:
    """Everything else equal too: title block, headings, every narrative paragraph."""
    read = gr.parse_file(PDFS / f"{name}.pdf")
    want = expected_report(name)
    assert source_of(read).form == "pdf"
    assert read.diagnostics == ()
    got = without_cjk_spacing(gr.to_dict(attrs.evolve(read, source=want.source)))
    expected = without_cjk_spacing(gr.to_dict(want))
    if "libreoffice_drops" in MANIFEST[name]:  # characters the PDF does not have: the text differs there
        for section in ("preamble", "overview", "problems", "other_matters"):
            del got[section], expected[section]
    assert got == expected


def test_round_trips_cover_blanks_large_numbers_and_the_seeds() -> None:
    reports = [expected_report(name) for name in SAME]
    values = [value for report in reports for *_, value in cell_values(report)]
    assert sum(value is None for value in values) >= 30
    assert any(isinstance(value, int) and value >= 10**11 for value in values)
    assert {"seed-000", "seed-001", "seed-002"} <= set(SAME)
    assert sum(name.startswith("generated-") for name in SAME) == 12
    assert (
        len({json.dumps(gr.to_dict(expected_report(name))) for name in SAME if name.startswith("gen")}) == 12
    )


def test_seed_narrative_survives_exactly_but_for_cjk_spacing() -> None:
    for key in ("000", "001", "002"):
        source = gr.parse_file(
            FIXTURES / "seeds" / next(p.name for p in (FIXTURES / "seeds").glob(f"{key}_*.txt"))
        )
        read = gr.parse_file(PDFS / f"seed-{key}.pdf")
        for section in ("overview", "problems", "other_matters"):
            want, got = getattr(source, section), getattr(read, section)
            assert len(got.paragraphs) == len(want.paragraphs)
            assert [s.heading for s in got.subsections] == [s.heading for s in want.subsections]
            for a, b in zip(
                [*got.paragraphs, *(p for s in got.subsections for p in s.paragraphs)],
                [*want.paragraphs, *(p for s in want.subsections for p in s.paragraphs)],
                strict=True,
            ):
                assert _CJK_SPACE.sub("", a) == _CJK_SPACE.sub("", b)
                assert "".join(a.split()) == "".join(b.split())


def test_page_numbers_left_out_and_the_split_table_continues() -> None:
    document = read_document(PDFS / "layout-page-numbers.pdf")
    assert not re.search(r"^-\s*\d+\s*-$", document.text, re.M)
    table3_pages = {
        origin.location.page
        for line, origin in zip(document.text.split("\n"), document.origins or (), strict=True)
        if origin.cells and re.match(r"[一二三四]、|（", line)
    }
    assert {4, 5} <= table3_pages  # table 3 runs from page 4 onto page 5


def test_cut_group_cell_is_joined() -> None:
    cells = _cells(read_document(PDFS / "layout-cut-group-cell.pdf"))
    group = [where for text, where in cells if "".join(text.split()) == "三、本年度办理结果"]
    assert len(group) == 1
    assert group[0].page == 4
    assert not any("".join(text.split()).startswith(("年度", "度办")) for text, _ in cells)


def test_a_row_cut_by_the_page_break_is_one_row() -> None:
    document = read_document(PDFS / "layout-split-rows.pdf")
    cells = _cells(document)
    label = [where for text, where in cells if "".join(text.split()) == "2.其他法律行政法规禁止公开"]
    assert [where.page for where in label] == [4]
    assert not any(line.startswith("开") for line in document.text.split("\n"))


def test_a_header_row_cut_by_the_page_break_is_one_row() -> None:
    cells = _cells(read_document(PDFS / "layout-split-header.pdf"))
    pending = [where for text, where in cells if "".join(text.split()) == "尚未审结"]
    assert len(pending) == 3  # 行政复议, and both columns of 行政诉讼
    assert not any("".join(text.split()) in ("尚未", "审结") for text, _ in cells)


def raw_grids(path: Path) -> dict[int, list[Any]]:
    """Each page's grids as found, before cells cut by page breaks are joined."""
    import pypdfium2

    from govinfo_report.readers.pdf_page import read_page
    from govinfo_report.readers.pdf_tables import grids

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return {index + 1: grids(read_page(pdf[index], index + 1)) for index in range(len(pdf))}
    finally:
        pdf.close()


def flat(text: str) -> str:
    return "".join(text.split())


def first_body_row(grid: Any) -> list[Any]:
    """The first grid row holding a value (what follows a repeated header)."""
    from govinfo_report.values import classify

    for row in range(grid.row_count):
        cells = grid.row(row)
        if any(classify(cell.text) in ("number", "mark") for cell in cells):
            return list(cells)
    return []


def test_a_group_label_cut_below_a_repeated_header() -> None:
    cells = _cells(read_document(PDFS / "layout-cut-after-header.pdf"))
    group = [where for text, where in cells if flat(text) == "三、本年度办理结果"]
    assert [where.page for where in group] == [4]
    notes = [where.page for text, where in cells if flat(text).startswith("（本列数据")]
    assert notes == [4, 5]  # the header is repeated on page 5
    raw = raw_grids(PDFS / "layout-cut-after-header.pdf")
    assert any(
        flat(c.text).startswith("三、") and not flat(c.text).endswith("结果") for c in raw[4][-1].cells
    )


def test_a_number_cut_by_the_page_break_is_one_number() -> None:
    raw = raw_grids(PDFS / "layout-cut-numbers.pdf")
    fragments = [
        page
        for page, found in raw.items()
        if found
        and any(c.text[:1].isdigit() for c in first_body_row(found[0]))
        and not any(
            flat(c.text) and not c.text[:1].isdigit() and c.text[:1] not in "-—"
            for c in first_body_row(found[0])
        )
    ]
    assert fragments  # a page begins with the rest of numbers and no label
    read = gr.parse_file(PDFS / "layout-cut-numbers.pdf")
    assert cell_values(read) == cell_values(expected_report("layout-cut-numbers"))


def test_a_number_cut_below_a_cut_group_label() -> None:
    raw = raw_grids(PDFS / "layout-cut-number-under-group.pdf")
    assert any(
        found and any(flat(c.text) == "结果" for c in first_body_row(found[0])) for found in raw.values()
    )  # the group label's rest begins the row that holds the rest of a number
    read = gr.parse_file(PDFS / "layout-cut-number-under-group.pdf")
    assert cell_values(read) == cell_values(expected_report("layout-cut-number-under-group"))


def test_a_group_ending_at_the_foot_of_a_page_is_not_joined() -> None:
    raw = raw_grids(PDFS / "layout-group-at-break.pdf")
    ends = [
        page
        for page, found in raw.items()
        if found
        and page + 1 in raw
        and raw[page + 1]
        and any(
            flat(c.text) == "（四）无法提供" for c in found[-1].cells if c.row + c.rows == found[-1].row_count
        )
        and any(flat(c.text).startswith("（五）") for c in first_body_row(raw[page + 1][0]))
    ]
    assert ends  # the fixture has group （四） end at the foot of a page and （五） begin the next
    cells = _cells(read_document(PDFS / "layout-group-at-break.pdf"))
    assert not any("（四）无法提供（五）" in flat(text) for text, _ in cells)


def test_blank_grid_cells_are_not_filled_in() -> None:
    read = gr.parse_file(PDFS / "layout-blank-cells.pdf")
    want = expected_report("layout-blank-cells")
    blanks = [address for *address, value in cell_values(want) if value is None]
    assert blanks  # the fixture has cells left empty
    assert [address for *address, value in cell_values(read) if value is None] == blanks


def test_a_repeated_header_is_passed_on_and_the_table_continues() -> None:
    """generated-03's table 3 runs over three pages; LibreOffice repeats its header on each."""
    document = read_document(PDFS / "generated-03.pdf")
    lines = document.text.split("\n")
    notes = [
        o.location.page
        for line, o in zip(lines, document.origins or (), strict=True)
        if line.startswith("（本列数据")
    ]
    assert len(notes) == 3
    assert len(set(notes)) == 3
    read = gr.parse_file(PDFS / "generated-03.pdf")
    assert cell_values(read) == cell_values(expected_report("generated-03"))


# ---------------------------------------------------------------------------
# Positions


def test_letter_in_a_table2_cell_names_the_cell() -> None:
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(PDFS / "error-letter-in-cell.pdf")
    # Table 2 is the first table on page 3; its 4th grid row is 行政规范性文件, the 2nd column 本年制发件数.
    assert info.value.location == gr.Location(page=3, table=1, table_row=4, table_column=2)
    assert "5B" in info.value.excerpt
    assert str(info.value).startswith("第3页第1个表格第4行第2列：")


def test_lenient_diagnostic_names_the_cell() -> None:
    read = gr.parse_file(PDFS / "error-letter-in-cell.pdf", lenient=True)
    located = [
        d.location for d in read.diagnostics if d.location is not None and d.location.table is not None
    ]
    assert gr.Location(page=3, table=1, table_row=4, table_column=2) in located
    table2 = proactive_2021(read)
    assert table2.normative_documents.issued is None  # skipped, never guessed
    assert (table2.rules.issued, table2.rules.repealed, table2.rules.in_force) == (
        2,
        0,
        9,
    )


# ---------------------------------------------------------------------------
# Files that cannot be read


def test_encrypted() -> None:
    with pytest.raises(gr.EncryptedPDFError, match="密码"):
        gr.parse_file(COMMITTED / "error-encrypted.pdf")


def test_owner_password_only_reads() -> None:
    read = gr.parse_file(COMMITTED / "owner-password.pdf")
    assert cell_values(read) == cell_values(expected_report("owner-password"))


def test_truncated() -> None:
    with pytest.raises(gr.DamagedPDFError, match="不完整"):
        gr.parse_file(COMMITTED / "error-truncated.pdf")


def test_damaged() -> None:
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nstuff that is no PDF\n%%EOF\n"
    with pytest.raises(gr.DamagedPDFError, match="损坏") as info:
        read_document(data)
    assert isinstance(info.value, gr.DecodeError)


def test_scanned() -> None:
    with pytest.raises(gr.ScannedPDFError, match="OCR") as info:
        gr.parse_file(COMMITTED / "error-scanned.pdf")
    assert info.value.pages == (1, 2)


def scan_under_text(render_mode: int) -> bytes:
    """A page that is one picture with two lines of text over it, drawn in ``render_mode``."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium

    pdf = pypdfium2.PdfDocument.new()
    page = pdf.new_page(595, 842)
    bitmap = pypdfium2.PdfBitmap.new_native(60, 84, pdfium.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, 60, 84)
    image = pypdfium2.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pypdfium2.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    font = pdfium.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for line, text in enumerate(["2024 report", "12 34 56 78 90 11"]):
        obj = pdfium.FPDFPageObj_CreateTextObj(pdf.raw, font, 12.0)
        buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium.FPDF_WCHAR)))
        pdfium.FPDFTextObj_SetTextRenderMode(obj, render_mode)
        pdfium.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 100, 700 - 20 * line)
        pdfium.FPDFPage_InsertObject(page.raw, obj)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_scan_under_an_ocr_text_layer_is_a_scan() -> None:
    import pypdfium2.raw as pdfium

    with pytest.raises(gr.ScannedPDFError, match="OCR") as info:
        read_document(scan_under_text(pdfium.FPDF_TEXTRENDERMODE_INVISIBLE))
    assert info.value.pages == (1,)
    assert "看不见" in str(info.value)
    # The same text drawn visibly over a picture is the page's text.
    document = read_document(scan_under_text(pdfium.FPDF_TEXTRENDERMODE_FILL))
    assert document.text == "2024 report\n12 34 56 78 90 11"


def test_unmapped_font_is_refused_with_its_position() -> None:
    with pytest.raises(gr.UnmappedTextError, match="Unicode") as info:
        gr.parse_file(COMMITTED / "error-unmapped-font.pdf")
    assert info.value.location.page == 1
    assert "\ufffd" in info.value.excerpt
    assert not re.search(r"\d", info.value.excerpt)  # never read as digits


def test_five_hundred_pages_refused_at_once() -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for _ in range(500):
        pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    with pytest.raises(gr.InputTooLargeError, match="500页") as info:
        read_document(buffer.getvalue())
    assert info.value.location == gr.Location(page=101)


def test_empty_pages_are_empty_input() -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    with pytest.raises(gr.EmptyInputError):
        gr.parse_document(read_document(buffer.getvalue()))


def test_new_errors_pickle() -> None:
    for error in (
        gr.ScannedPDFError("扫描件", pages=(1, 3)),
        gr.DamagedPDFError("损坏", page=2),
        gr.EncryptedPDFError("密码"),
        gr.UnmappedTextError("字体", line=1, column=1, excerpt="\ufffd", location=gr.Location(page=2)),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert vars(copy) == vars(error)


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[pdf\]"):
        read_document(HUAIAN)


# ---------------------------------------------------------------------------
# Layout variants of issue 11 that the core reads (the reader passes labels as printed)


def test_variant_normative_documents_short_label() -> None:
    read = gr.parse_file(PDFS / "variant-normative-short.pdf")
    assert cell_values(read) == cell_values(expected_report("variant-normative-short"))


def test_variant_typo_in_a_row_label() -> None:
    read = gr.parse_file(PDFS / "variant-typo-label.pdf")
    assert cell_values(read) == cell_values(expected_report("variant-typo-label"))
    (warning,) = read.diagnostics
    assert (warning.code, warning.severity) == ("LABEL-MISSPELT", "warning")
    assert "2.其他法律行政止公开" in warning.message
    assert (warning.location.page, warning.location.table) == (4, 1)


def test_variant_table3_with_one_other_row() -> None:
    read = gr.parse_file(PDFS / "variant-t3-one-other-row.pdf")
    assert read.edition == "2021"
    assert isinstance(read.applications, gr.Applications2019)
    # The one row keeps the values of the first sub-row it replaced (seed 000:
    # 1.申请人无正当理由逾期不补正… 0 0 0 0 0 0 0); the other two sub-rows are absent.
    assert read.applications.outcomes.other == gr.ApplicantCounts(0, 0, 0, 0, 0, 0, 0)
    base = {(t, r, c): v for t, r, c, v in cell_values(gr.parse_file(COMMITTED / "seed-000.pdf"))}
    for table, row, column, value in cell_values(read):
        if "（六）其他处理" not in row:
            assert base[(table, row, column)] == value


def test_variant_labels_reach_the_grammar_as_printed() -> None:
    """The reader corrects no label: the grammar sees what the page prints."""
    assert "规范性文件 | 5 | 2 | 43" in read_document(PDFS / "variant-normative-short.pdf").text.split("\n")
    assert (
        "2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
        in read_document(PDFS / "variant-typo-label.pdf").text
    )


@pytest.mark.parametrize(
    "tail",
    [
        b"<html><body>" + b"x" * 4096 + b"</body></html>\n",
        b"\x00" * 3000,
        b"\r\n-- \r\nsent from a phone\r\n",
    ],
)
def test_data_appended_after_the_end_of_the_file_is_ignored(tail: bytes) -> None:
    """A web server or mail program appends a page or a signature after ``%%EOF``: the PDF
    before it is complete (PDFium opens every page) and is read."""
    document = read_document(HUAIAN.read_bytes() + tail)
    assert document.text == read_document(HUAIAN).text


def test_cut_off_with_data_after_the_cut_is_still_incomplete() -> None:
    data = HUAIAN.read_bytes()
    cut = data[: len(data) * 6 // 10]
    assert b"%%EOF" not in cut[-70000:]
    with pytest.raises(gr.DamagedPDFError, match="不完整"):
        read_document(cut + b"<html>" + b"x" * 4096 + b"</html>")
