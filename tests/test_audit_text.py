"""Audit: text and Markdown as copies, crawlers and converters give them (tests/fixtures/audit/README.md).

Written from ``tests/fixtures/audit/spec.py`` (every table-3 cell distinct); expected values
are the spec's, never the library's output.
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


@pytest.mark.parametrize("name", ["text-bom-crlf.txt", "text-ideographic-space.txt"])
def test_read_exactly(name: str) -> None:
    report = gr.parse_file(AUDIT / name)
    assert cells_of(report) == S.expected_cells(BASE)
    assert (report.agency, report.year) == (S.AGENCY, S.YEAR)
    assert report.diagnostics == ()


def test_gbk_text_detected_or_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    want = S.expected_cells(BASE)
    for options in ({}, {"encoding": "gbk"}):
        report = gr.parse_file(AUDIT / "text-gbk.txt", **options)  # type: ignore[arg-type]
        assert cells_of(report) == want
        assert report.agency == "青禾县镕城审计局"
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # the encodings extra not installed
    with pytest.raises(gr.GovInfoError, match=r"govinfo-report\[encodings\]"):
        gr.parse_file(AUDIT / "text-gbk.txt")
    assert cells_of(gr.parse_file(AUDIT / "text-gbk.txt", encoding="gbk")) == want


def test_crawler_dump_with_cells_run_together_is_refused_never_split() -> None:
    path = AUDIT / "text-crawler-dump.txt"
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert info.value.line == lines.index("规章3117") + 1
    report = gr.parse_file(path, lenient=True)
    # No number of a row with several cells is guessed: tables 3 and 4 hold no value at all.
    got = cells_of(report)
    assert {k: v for k, v in got.items() if k[0] in (3, 4) and v is not None} == {}
    assert got[(2, "第二十条第（一）项/规章", "本年制发件数")] is None
    # A row with one cell is one cell, whatever the separator.
    assert got[(2, "第二十条第（五）项/行政许可", "本年处理决定数量")] == 236


def test_converter_heading_injected_mid_table_is_refused_with_its_position() -> None:
    path = AUDIT / "text-pandoc-heading-mid-table.md"
    with pytest.raises(gr.ParseError) as info:
        gr.parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert info.value.line == lines.index("## 三、收到和处理政府信息公开申请情况") + 1


def test_converter_br_inside_a_label_cell_reads_exactly() -> None:
    report = gr.parse_file(AUDIT / "text-pandoc-br-in-cell.md")
    assert cells_of(report) == S.expected_cells(BASE)


def test_converter_br_inside_a_label_cell_is_white_space_not_a_misspelling() -> None:
    assert gr.parse_file(AUDIT / "text-pandoc-br-in-cell.md").diagnostics == ()


def test_a_value_cell_broken_by_br_is_two_numbers_and_refused() -> None:
    """``| 13<br>1 |`` is one cell printing two numbers: refused where it stands, never 131."""
    text = (AUDIT / "text-pandoc-br-in-cell.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("| 规章 |"))
    fields = line.split("|")
    value = next(i for i, field in enumerate(fields) if field.strip().isdigit())
    broken = [*fields[:value], f" {fields[value].strip()}<br>1 ", *fields[value + 1 :]]
    with pytest.raises(gr.ParseError, match="多个数") as info:
        gr.parse(text.replace(line, "|".join(broken), 1))
    assert info.value.line == text.splitlines().index(line) + 1
