"""``govinfo-report check``: the scorecard of a directory, through the command module's ``run``.

The corpus: the three seeds (2024), the hand-made 2023 copy of seed 001
(tests/fixtures/analysis, with its hand-counted reuse of 859/1376 = 62.4%) and a
file that is no report.  Seed 000's "2023 report" is seed 000 itself as JSON with
the year 2023: all its sentences and tables are last year's, and the cross-year
rules find what tests/test_compare.py works out by hand (2 errors, 2 warnings).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import TextIO

import attrs
import openpyxl
import pytest

import govinfo_report as gr
from govinfo_report.cli import command_parser
from govinfo_report.commands import check
from govinfo_report.progress import Progress
from tests.conftest import FIXTURES, SEED_NAMES, SEEDS

COPY_2023 = FIXTURES / "analysis" / "001_minzheng_2023.txt"


def run(argv: list[str], out: TextIO | None = None) -> tuple[int, str]:
    """Run the command module as govinfo_report.cli would, in this process (``--jobs 1``)."""
    args = command_parser(check).parse_args([*argv, "--jobs", "1"])
    buffer = out if out is not None else io.StringIO()
    status = check.run(args, buffer)
    return status, buffer.getvalue() if isinstance(buffer, io.StringIO) else ""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "corpus"
    directory.mkdir()
    for name in SEED_NAMES:
        shutil.copy(SEEDS / f"{name}.txt", directory / f"{name}.txt")
    shutil.copy(COPY_2023, directory / "minzheng-2023.txt")
    (directory / "broken.txt").write_text("这不是一份年度报告。\n", encoding="utf-8")
    return directory


def test_json_rows_for_every_file(corpus: Path) -> None:
    status, output = run([str(corpus), "--format", "json"])
    assert status == 2  # broken.txt could not be read
    result = json.loads(output)
    assert result["files"] == 5
    assert [Path(row["path"]).name for row in result["rows"]] == [
        *(f"{name}.txt" for name in SEED_NAMES),
        "minzheng-2023.txt",
    ]
    assert [Path(failure["path"]).name for failure in result["failures"]] == ["broken.txt"]
    rows = {Path(row["path"]).name: row for row in result["rows"]}
    civil = rows["001_c9535c3b51337c03.txt"]
    assert Path(civil["previous_path"]).name == "minzheng-2023.txt"
    assert civil["previous_year"] == 2023
    assert civil["reuse_rate"] == pytest.approx(859 / 1376)
    assert civil["identical_tables"] == []
    assert (civil["cross_year_errors"], civil["cross_year_warnings"]) == (0, 2)
    assert rows["minzheng-2023.txt"]["previous_path"] is None
    office = rows["000_7047d3e44c49cbca.txt"]
    assert (office["arithmetic_errors"], office["blank_cells"], office["narrative_mismatches"]) == (0, 0, 0)
    assert office["fees_stated"] is True
    assert office["sections"] == []
    assert office["reuse_rate"] is None


def test_previous_directory_and_identical_tables(tmp_path: Path) -> None:
    current, earlier = tmp_path / "2024", tmp_path / "2023"
    current.mkdir()
    earlier.mkdir()
    shutil.copy(SEEDS / "000_7047d3e44c49cbca.txt", current / "office.txt")
    office = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")
    (earlier / "office-2023.json").write_text(gr.to_json(attrs.evolve(office, year=2023)), encoding="utf-8")
    status, output = run([str(current), "--previous", str(earlier), "--format", "json"])
    assert status == 0
    (row,) = json.loads(output)["rows"]
    assert row["reuse_rate"] == 1.0
    assert row["identical_tables"] == [2, 3, 4]
    assert (row["cross_year_errors"], row["cross_year_warnings"]) == (2, 2)


def test_table_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run([str(corpus)])
    assert status == 2
    lines = output.splitlines()
    assert lines[0].split() == [
        "文件", "发布机关", "年度", "勾稽错误", "未填写", "叙述不符",
        "章节问题", "收费说明", "重复率%", "相同的表", "跨年度错误",
    ]  # fmt: skip
    (civil,) = [line for line in lines if "001_c9535c3b51337c03" in line]
    assert "62.4" in civil.split()
    assert "无法读取的文件：" in lines
    assert any("broken.txt" in line for line in lines)
    assert "共5个文件：读取4个（其中有错误0个），无法读取1个" in capsys.readouterr().err


def test_xlsx_format(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "scorecard.xlsx"
    with open(path, "w", encoding="utf-8", newline="") as out:  # as govinfo_report.cli opens -o
        status, _ = run([str(corpus), "--format", "xlsx", "-o", str(path)], out)
    assert status == 2
    book = openpyxl.load_workbook(path)
    rows = list(book["检查结果"].iter_rows(values_only=True))
    assert rows[0][:3] == ("文件", "发布机关", "年度")
    assert len(rows) == 1 + 4
    civil = next(row for row in rows if "001_c9535c3b51337c03" in row[0])
    assert civil[9] == 62.4
    failed = list(book["无法读取"].iter_rows(values_only=True))
    assert len(failed) == 2
    assert failed[1][0].endswith("broken.txt")


def test_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run([str(tmp_path)])
    assert status == 2
    assert output == ""
    assert "中没有文件" in capsys.readouterr().err


def test_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run([str(tmp_path / "nowhere")])
    assert status == 2
    assert "找不到" in capsys.readouterr().err


def test_errors_give_exit_status_1(tmp_path: Path) -> None:
    # Seed 000 with 一、本年新收 自然人 29 printed as 30: T3-BALANCE, T3-ROW-TOTAL break.
    text = (SEEDS / "000_7047d3e44c49cbca.txt").read_text(encoding="utf-8")
    (tmp_path / "wrong.txt").write_text(
        text.replace("一、本年新收政府信息公开申请数量 29 2", "一、本年新收政府信息公开申请数量 30 2"),
        encoding="utf-8",
    )
    status, output = run([str(tmp_path), "--format", "json"])
    assert status == 1
    (row,) = json.loads(output)["rows"]
    assert row["arithmetic_errors"] == 2  # 自然人 column balance, 一、row total


def test_library_function_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    result = gr.check_corpus([SEEDS], jobs=1, progress=lambda done, total: seen.append((done, total)))
    # Three reports, their three .expected.json files and README.md.
    assert result.files == 7
    assert seen[-1] == (7, 7)
    assert len(result.rows) == 3
    assert sorted(Path(failure.path).name for failure in result.failures) == [
        "000_7047d3e44c49cbca.expected.json",
        "001_c9535c3b51337c03.expected.json",
        "002_8227bd99a070a766.expected.json",
        "README.md",
    ]


def test_progress_bar() -> None:
    stream = io.StringIO()
    bar = Progress(stream, clock=iter([0.0, 0.0, 0.05]).__next__)
    bar(1, 4)
    bar(4, 4)  # the last file is always shown, however soon after the one before
    bar.clear()
    text = stream.getvalue()
    assert "1/4" in text
    assert "\r" + "█" * 24 + "  4/4  80.0个/秒" in text  # 4 files in 0.05 s
    assert text.endswith("\r\x1b[K")
