"""Audit: Word files imitating what real files do (tests/fixtures/audit/README.md).

Each file is ``gr.render(report, "docx")`` of the report typed in
``tests/fixtures/audit/spec.py`` (every table-3 cell distinct), edited as the README says;
the expected values are the spec's, never the library's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report as gr
from tests.conftest import cells_of
from tests.fixtures.audit import spec as S

AUDIT = Path(__file__).parent / "fixtures" / "audit"
BASE = S.spec()


@pytest.mark.parametrize(
    "name",
    [
        "docx-emdash-footer.docx",  # — N — PAGE field in the footer
        "docx-title-in-text-box.docx",  # the title block in a VML text box
        "docx-value-empty-paragraph.docx",  # 236 + an empty paragraph; 4 + a paragraph holding a space
        "docx-runs-with-marks.docx",  # label and number in runs with proofErr/bookmark between
        "docx-fullwidth-enumerators.docx",  # full-width digits in cells, 1、 and 2． numbering
    ],
)
def test_read_exactly(name: str) -> None:
    report = gr.parse_file(AUDIT / name)
    assert cells_of(report) == S.expected_cells(BASE)
    assert (report.agency, report.year, report.title) == (S.AGENCY, S.YEAR, S.TITLE)
    assert report.diagnostics == ()
    assert report.other_matters.paragraphs == (S.OTHER,)


def test_2021_report_with_one_other_handling_row() -> None:
    report = gr.parse_file(AUDIT / "docx-one-other-row.docx")
    assert cells_of(report) == S.expected_cells(S.spec(one_other_row=True))
    assert report.edition == "2021"
    assert isinstance(report.applications, gr.Applications2019)


@pytest.mark.parametrize(
    ("name", "row", "printed"),
    [
        # 1.属于国家秘密 / 自然人 typed as two paragraphs 5 and 1
        ("docx-value-two-paragraphs.docx", "三、本年度办理结果/（三）不予公开/1.属于国家秘密", "5 1"),
        # 2.其他法律行政法规禁止公开 / 自然人 typed 6, Shift+Enter, 1
        ("docx-value-line-break.docx", "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开", "6 1"),
    ],
)
def test_a_cell_printing_two_numbers_is_refused_at_that_cell(name: str, row: str, printed: str) -> None:
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(AUDIT / name)
    where = info.value.location
    assert where is not None
    # Table 3 is the second table; its header takes three rows; row labels span grid columns 1–3.
    assert (where.table, where.table_row, where.table_column) == (2, 3 + S.T3_ROWS_2021.index(row) + 1, 4)
    assert printed in str(info.value)
    report = gr.parse_file(AUDIT / name, lenient=True)
    got = cells_of(report)
    assert got[(3, row, "自然人")] is None  # skipped, never 5, 1, 51 or 61
    want = S.expected_cells(BASE)
    del want[(3, row, "自然人")]
    del got[(3, row, "自然人")]
    assert got == want
