"""Web pages through the command line and the batch: the same reader, the same cells."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.batch import parse_many
from govinfo_report.cli import main
from tests.conftest import seed_text
from tests.real_cells import REAL, expected_cells, same

PINGTAN = REAL / "pingtan-2021.html"


def test_parse_a_page_to_cells(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PINGTAN), "--format", "cells"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["table", "row", "column", "value"]
    read = {(int(table), row, column): value for table, row, column, value in rows[1:]}
    want = expected_cells("pingtan-2021")
    assert read.keys() == want.keys()
    assert all(same(want[address], read[address]) for address in want)


def test_parse_a_page_to_json_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PINGTAN)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "平潭综合实验区"
    assert data["applications"]["new_received"]["total"] == 70
    assert data["source"]["form"] == "html"
    assert data["source"]["published"] == "2022-02-08"


def test_an_error_names_the_cell_of_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = gr.render(gr.parse(seed_text("000_7047d3e44c49cbca")), "html")
    bad = tmp_path / "bad.html"
    row = '<th class="label" scope="row">规章</th><td class="value count">2</td>'
    bad.write_text(page.replace(row, row.replace(">2<", ">2O<")), encoding="utf-8")
    assert main(["parse", str(bad)]) == 2
    assert "第1个表格第3行第2列" in capsys.readouterr().err


def test_batch_reads_pages_among_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(PINGTAN.read_bytes())
    (folder / "b.txt").write_text(seed_text("001_c9535c3b51337c03"), encoding="utf-8")
    (folder / "c.html").write_text("<html><body><p>不是年报。</p></body></html>", encoding="utf-8")
    results = list(parse_many(sorted(str(p) for p in folder.iterdir()), fmt="jsonl", jobs=1))
    assert [result.ok for result in results] == [True, True, False]
    first = json.loads(results[0].text)
    assert first["report"]["agency"] == "平潭综合实验区"
    assert "不像政府信息公开工作年度报告" in results[2].message
