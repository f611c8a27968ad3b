"""Audit: PDFs imitating what real files do (tests/fixtures/audit/README.md).

Each is ``gr.render(report, "docx")`` of the report typed in ``tests/fixtures/audit/spec.py``
(every table-3 cell distinct), edited with the helpers of ``tests/fixtures/pdf/make_pdfs.py``
and converted by LibreOffice (``make_fixtures.py pdf``); the expected values are the spec's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report as gr
from tests.conftest import cells_of
from tests.fixtures.audit import spec as S

AUDIT = Path(__file__).parent / "fixtures" / "audit"
BASE = S.spec()

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")


@pytest.mark.parametrize(
    "name",
    [
        # — N — footers; tables 2 and 3 run over page breaks, header not repeated, a table-3
        # row label cut by the break (2.申请人逾期未按收费通知…)
        "pdf-emdash-footer.pdf",
        # tables 3 and 4 on one page at 7.5 pt; full-width digits in three cells; 1、 and 2．
        "pdf-small-table-fullwidth.pdf",
        # table 2 broken after 规章 (page 2 → 3) and after 行政处罚, header not repeated
        "pdf-table2-split-after-rules.pdf",
        "pdf-table2-split-after-penalties.pdf",
    ],
)
def test_read_exactly(name: str) -> None:
    report = gr.parse_file(AUDIT / name)
    S.assert_read_exactly(report, BASE)


def test_page_numbers_are_not_text() -> None:
    document = gr.read_document(AUDIT / "pdf-emdash-footer.pdf")
    assert "— 2 —" in _text_layer(AUDIT / "pdf-emdash-footer.pdf")  # the footer is drawn
    assert "—" not in document.text


def _text_layer(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def test_2021_report_with_one_other_handling_row() -> None:
    report = gr.parse_file(AUDIT / "pdf-one-other-row.pdf")
    assert cells_of(report) == S.expected_cells(S.spec(one_other_row=True))
    assert report.edition == "2021"
    assert isinstance(report.applications, gr.Applications2019)
    assert report.applications.outcomes.other == gr.ApplicantCounts(211, 212, 213, 214, 215, 216, 1281)


def test_a_scanned_page_in_the_middle_refuses_the_file_naming_the_page() -> None:
    # Page 2 is a picture of a page (a signed, stamped page, say); pages 1, 3, 4 have text.
    with pytest.raises(gr.ScannedPDFError, match="OCR") as info:
        gr.parse_file(AUDIT / "pdf-scanned-page-in-middle.pdf")
    assert info.value.pages == (2,)
