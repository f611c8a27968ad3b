"""``govinfo-report validate``: a readable report per file, JSON, colour on a terminal, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report.cli import main
from tests.conftest import SEEDS
from tests.expected_cells import TABLE3_COLUMNS

SEED = SEEDS / "000_7047d3e44c49cbca.txt"
OTHER_SEED = SEEDS / "002_8227bd99a070a766.txt"

# Seed 000, （一）予以公开 2 0 0 0 0 0 2: 自然人 changed to 1.
ALTERED_ROW = ("（一）予以公开 2 0 0 0 0 0 2", "（一）予以公开 1 0 0 0 0 0 2")
HANDLED_MESSAGE = (
    "表三“自然人”列：三、本年度办理结果（一）至（六）各项之和为27，（七）总计为28，相差1。"
    "其中非零的有：（一）予以公开(1)、（三）不予公开/8.属于行政查询事项(3)、"
    "（四）无法提供/1.本机关不掌握相关政府信息(22)、（六）其他处理/3.其他(1)"
)
ROW_MESSAGE = (
    "表三“三、本年度办理结果/（一）予以公开”行：自然人(1)+商业企业(0)+科研机构(0)+社会公益组织(0)"
    "+法律服务机构(0)+其他(0)=1，总计为2，相差1"
)


def write_altered(tmp_path: Path, old: str, new: str, name: str = "altered.txt") -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_consistent_seed_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out == f"{SEED}：中卫市人民政府办公室 2024年政府信息公开工作年度报告\n  未发现问题\n\n"


def test_altered_cell_is_reported_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_altered(tmp_path, *ALTERED_ROW)
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.split("\n") == [
        f"{path}：中卫市人民政府办公室 2024年政府信息公开工作年度报告",
        f"  错误 [T3-HANDLED] {HANDLED_MESSAGE}",
        f"  错误 [T3-ROW-TOTAL] {ROW_MESSAGE}",
        "  共2个错误、0个警告",
        "",
        "",
    ]


def test_warnings_only_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_altered(tmp_path, "行政复议 4件", "行政复议 3件")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  警告 [NARRATIVE-REVIEW] 一、总体情况（二）依申请公开情况第1段写明“行政复议 3件”" in out
    assert "共0个错误、1个警告" in out


def test_several_files_one_unreadable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    altered = write_altered(tmp_path, *ALTERED_ROW)
    broken = write_altered(tmp_path, "规章 2 0 9", "规章 2 0", name="broken.txt")
    status = main(["validate", str(broken), str(altered), str(OTHER_SEED)])
    assert status == 2
    out = capsys.readouterr().out
    blocks = out.split("\n\n")
    assert blocks[0].startswith(f"{broken}：无法读取或解析，未校验\n")
    assert "表二“第二十条第（一）项/规章”行应有3个数，只读到2个" in blocks[0]
    assert blocks[1].startswith(f"{altered}：")
    assert "[T3-HANDLED]" in blocks[1]
    assert blocks[2] == f"{OTHER_SEED}：中卫市住房和城乡建设局 2024年政府信息公开工作年度报告\n  未发现问题"


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.txt"), str(SEED)]) == 2
    out = capsys.readouterr().out
    assert "nope.txt：无法读取或解析，未校验" in out
    assert "未发现问题" in out


def test_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    altered = write_altered(tmp_path, *ALTERED_ROW)
    missing = tmp_path / "nope.txt"
    assert main(["validate", "--format", "json", str(altered), str(SEED), str(missing)]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [record["file"] for record in data] == [str(altered), str(SEED), str(missing)]
    first, second, third = data
    assert (first["agency"], first["year"], first["error"]) == ("中卫市人民政府办公室", 2024, None)
    assert (first["errors"], first["warnings"]) == (2, 0)
    handled, row_total = first["findings"]
    assert set(handled) == {"rule", "severity", "cells", "expected", "actual", "message"}
    assert (handled["rule"], handled["severity"], handled["expected"], handled["actual"]) == (
        "T3-HANDLED",
        "error",
        27,
        28,
    )
    assert handled["cells"][0] == {"table": 3, "row": "三、本年度办理结果/（一）予以公开", "column": "自然人"}
    assert handled["cells"][-1] == {"table": 3, "row": "三、本年度办理结果/（七）总计", "column": "自然人"}
    assert len(handled["cells"]) == 22
    assert handled["message"] == HANDLED_MESSAGE
    assert row_total["cells"] == [
        {"table": 3, "row": "三、本年度办理结果/（一）予以公开", "column": column}
        for column in TABLE3_COLUMNS
    ]
    assert second["findings"] == []
    assert second["error"] is None
    assert "nope.txt" in third["error"]
    assert third["findings"] == []
    assert third["agency"] is None


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal(tmp_path: Path) -> None:
    from govinfo_report.cli import command_parser
    from govinfo_report.commands import validate as command

    path = write_altered(tmp_path, *ALTERED_ROW)
    args = command_parser(command).parse_args([str(path)])
    terminal, plain = Terminal(), io.StringIO()
    assert command.run(args, terminal) == 1
    assert command.run(args, plain) == 1
    assert "\x1b[1;31m错误\x1b[0m [T3-HANDLED]" in terminal.getvalue()
    assert "\x1b[" not in plain.getvalue()


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    assert main(["validate", str(SEED), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["findings"] == []


def test_run_as_a_program(tmp_path: Path) -> None:
    path = write_altered(tmp_path, *ALTERED_ROW)
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"  错误 [T3-HANDLED] {HANDLED_MESSAGE}\n" in result.stdout
