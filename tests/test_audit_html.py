"""Audit: web pages imitating what real published pages do (tests/fixtures/audit/README.md).

Expected values are those written into each page (``tests/fixtures/audit/spec.py``, every
table-3 cell distinct), never the library's output. A page is read exactly or refused with
the library's own error and a position; ``xfail`` marks what the library gets wrong today.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import govinfo_report as gr
from tests.conftest import cells_of
from tests.fixtures.audit import spec as S

AUDIT = Path(__file__).parent / "fixtures" / "audit"
BASE = S.spec()


def assert_reads_as(name: str, data: dict[str, object], **options: object) -> gr.Report:
    report = gr.parse_file(AUDIT / name, **options)  # type: ignore[arg-type]
    assert cells_of(report) == S.expected_cells(data)
    assert (report.agency, report.year) == (data["agency"], data["year"])
    return report


@pytest.mark.parametrize(
    "name",
    [
        "html-br-in-cells.html",  # <br> inside label cells, after a value; an empty second <p>
        "html-fullwidth-numbering.html",  # full-width digits, 1、/1．, spaces in labels, <th>
        "html-rowspan-overrun.html",  # （三）不予公开 rowspan=9 over eight rows
        "html-cms-nested.html",  # metadata table, nested layout tables, title only in <title>
    ],
)
def test_read_exactly(name: str) -> None:
    report = assert_reads_as(name, BASE)
    assert report.diagnostics == ()


def test_gbk_declared_as_gb2312_reads_without_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    data = dict(BASE, agency="青禾县镕城审计局")  # 镕 is in GBK, not in GB2312
    assert_reads_as("html-gb2312-declared.html", data)
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # the encodings extra not installed
    assert_reads_as("html-gb2312-declared.html", data)


def test_gbk_undeclared_is_detected_or_refused_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    assert_reads_as("html-gbk-undeclared.html", BASE)
    assert_reads_as("html-gbk-undeclared.html", BASE, encoding="gbk")
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    with pytest.raises(gr.GovInfoError, match=r"govinfo-report\[encodings\]"):
        gr.parse_file(AUDIT / "html-gbk-undeclared.html")


def test_gbk_undeclared_without_the_extra_is_a_decode_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A choice (docs/parsing.md, Encodings): the file cannot be decoded on this machine, so it
    is a DecodeError (a batch records it for that file and goes on) whose message names the
    extra, not a MissingDependencyError that would stop a whole run."""
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    with pytest.raises(gr.DecodeError, match=r"pip install 'govinfo-report\[encodings\]'"):
        gr.parse_file(AUDIT / "html-gbk-undeclared.html")


def test_misspelt_row_label_read_by_its_place_with_a_warning() -> None:
    report = assert_reads_as("html-typo-label.html", BASE)
    (warning,) = report.diagnostics
    assert warning.code == "LABEL-MISSPELT"
    assert "2.其他法律行政止公开" in warning.message
    assert warning.location is not None
    assert warning.location.table == 2


def test_2021_report_with_one_other_handling_row() -> None:
    report = assert_reads_as("html-one-other-row.html", S.spec(one_other_row=True))
    assert report.edition == "2021"
    assert isinstance(report.applications, gr.Applications2019)
    # The one row's own values (row 21 of the spec: 211 … 216, 1281), not a sub-row's.
    assert report.applications.outcomes.other == gr.ApplicantCounts(211, 212, 213, 214, 215, 216, 1281)


def test_2019_layout_for_a_2022_report() -> None:
    report = assert_reads_as("html-2019-layout-2022.html", S.spec("2019", year=2022))
    assert report.edition == "2019"
    assert [d.code for d in report.diagnostics] == ["LAYOUT-SUPERSEDED"]


def test_blank_row_totals_and_a_wrong_table_4_total_read_as_printed() -> None:
    data = dict(BASE)
    data["table3"] = {row: [*values[:6], None] for row, values in BASE["table3"].items()}
    data["table4"] = dict(BASE["table4"], 行政复议=[1, 2, 3, 4, 0])
    report = assert_reads_as("html-blank-totals.html", data)
    assert any(f.rule == "T4-TOTAL" for f in gr.validate(report))


def test_missing_section_five_heading_is_refused_at_its_text_and_reported_leniently() -> None:
    path = AUDIT / "html-no-section5-heading.html"
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(path)
    assert info.value.excerpt == S.PROBLEMS
    assert info.value.location is not None
    assert info.value.location.line is not None
    report = gr.parse_file(path, lenient=True)
    assert cells_of(report) == S.expected_cells(BASE)
    # The text that could not be placed is reported, not dropped silently.
    assert any(S.PROBLEMS[:10] in d.message for d in report.diagnostics)


def test_section_five_worded_zhenggai_cuoshi_in_h2_strong() -> None:
    report = assert_reads_as("html-heading-reworded.html", BASE)
    assert report.problems.paragraphs == (S.PROBLEMS,)


def test_section_four_heading_with_the_xingzhengfa_typo() -> None:
    assert_reads_as("html-heading-typo.html", BASE)
