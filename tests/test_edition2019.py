"""The 2019 trial edition (国办公开办函〔2019〕60号): read in every text layout, told apart from 2021.

The fixtures in tests/fixtures/edition2019/ are one report written by hand from
national-format.md in three layouts; expected.json holds its cells as read off the
Word-copy layout, row by row (signed 本年增/减, the procurement amount with its unit,
one cell not filled in).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import govinfo_report as gr
from govinfo_report.values import Money
from tests.conftest import FIXTURES, seed_text
from tests.expected_cells import TABLE3_COLUMNS, TABLE4_COLUMNS

EDITION2019 = FIXTURES / "edition2019"
LAYOUTS = ["tab_copy", "pipe_rows", "pdf_text_layer"]


def _expected() -> dict[tuple[int, str, str], object]:
    data: dict[str, Any] = json.loads((EDITION2019 / "expected.json").read_text(encoding="utf-8"))
    cells: dict[tuple[int, str, str], object] = {}
    for row, columns in data["table2"].items():
        for column, raw in columns.items():
            if raw is None:
                value: object = None
            elif column == "采购总金额":
                value = Money(Decimal(raw.removesuffix("万元")), "万元")
            else:
                value = int(raw)
            cells[(2, row, column)] = value
    for number, columns, table in ((3, TABLE3_COLUMNS, data["table3"]), (4, TABLE4_COLUMNS, data["table4"])):
        for row, values in table.items():
            cells.update({(number, row, column): v for column, v in zip(columns, values, strict=True)})
    return cells


def _text(name: str) -> str:
    return (EDITION2019 / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_reads_all_198_cells(layout: str) -> None:
    report = gr.parse(_text(layout))
    assert report.edition == "2019"
    assert (report.agency, report.year) == ("青禾县人民政府办公室", 2020)
    read = {(c.table, c.row, c.column): c.value for c in gr.cells(report)}
    assert len(read) == 198
    assert read == _expected()
    assert report.diagnostics == ()


def test_typed_access() -> None:
    report = gr.parse(_text("tab_copy"))
    table2 = report.proactive
    assert isinstance(table2, gr.ProactiveDisclosure2019)
    assert table2.licensing.change == -3  # 本年增/减 is signed
    assert table2.enforcement.change is None  # printed "/"
    assert table2.procurement.amount == Money(Decimal("35.2"), "万元")
    assert str(table2.procurement.amount) == "35.2万元"
    assert isinstance(report.applications, gr.Applications2019)
    assert report.applications.outcomes.other.total == 4  # （六）其他处理 is one row


def test_forcing_the_other_edition_fails_naming_the_edition() -> None:
    with pytest.raises(gr.ParseError, match="2019年版（国办公开办函〔2019〕60号）格式"):
        gr.parse(_text("tab_copy"), edition="2021")
    with pytest.raises(gr.ParseError, match="2021年版（国办公开办函〔2021〕30号）格式"):
        gr.parse(seed_text("001_c9535c3b51337c03"), edition="2019")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_lenient_reads_the_same_edition(layout: str) -> None:
    report = gr.parse(_text(layout), lenient=True)
    assert report.edition == "2019"
    assert report == gr.parse(_text(layout))


def test_a_later_report_in_the_trial_layout_is_2019_with_a_warning() -> None:
    text = _text("tab_copy").replace("2020年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告")
    report = gr.parse(text)
    assert (report.edition, report.year) == ("2019", 2022)
    (warning,) = report.diagnostics
    assert (warning.severity, warning.code) == ("warning", "LAYOUT-SUPERSEDED")
    assert "2022" in warning.message
    assert "2019年版" in warning.message


def test_an_edition_that_cannot_be_told_is_a_diagnostic_naming_both() -> None:
    # A web excerpt that stops before table 2: nothing tells the editions apart.
    text = _text("tab_copy")
    text = text[: text.index("二、主动公开政府信息情况")]
    report = gr.parse(text, lenient=True)
    notes = [d for d in report.diagnostics if d.code == "EDITION-UNKNOWN"]
    assert len(notes) == 1
    assert "2019年版" in notes[0].message
    assert "2021年版" in notes[0].message
    assert notes[0].severity == "warning"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_html_render_reads_back(layout: str) -> None:
    report = gr.parse(_text(layout))
    again = gr.parse_html(gr.render(report, "html"))
    assert again == report
    assert again.edition == "2019"


@pytest.mark.slow
def test_the_docx_render_reads_back() -> None:
    report = gr.parse(_text("tab_copy"))
    again = gr.parse_docx(gr.render(report, "docx"))
    assert again == report
    assert isinstance(again.proactive, gr.ProactiveDisclosure2019)


@pytest.mark.parametrize("sign", ["+", "＋"])
def test_a_change_printed_with_a_plus_sign_is_read(sign: str) -> None:
    # pingtan-2020.html prints 行政许可's 本年增/减 as 442; printed `+442` (`＋442`) it is the same.
    from tests.real_cells import REAL, differences

    page = (REAL / "pingtan-2020.html").read_bytes()
    assert page.count(b'">442</td>') == 1
    report = gr.parse_html(page.replace(b'">442</td>', f'">{sign}442</td>'.encode()))
    assert differences(report, "pingtan-2020") == []
