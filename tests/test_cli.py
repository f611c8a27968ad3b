"""The command line: JSON and CSV output, errors without a traceback, exit codes."""

from __future__ import annotations

import csv
import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.cli import main
from tests.conftest import SEEDS

SEED = SEEDS / "000_7047d3e44c49cbca.txt"


def test_parse_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "中卫市人民政府办公室"
    assert data["applications"]["new_received"]["total"] == 31
    assert data["proactive"]["fees"] == "0"


def test_parse_prints_cells_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "cells"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["table", "row", "column", "value"]
    assert len(rows) == 201
    assert ["3", "一、本年新收政府信息公开申请数量", "自然人", "29"] in rows
    assert ["4", "行政诉讼/复议后起诉", "总计", "1"] in rows


def test_blank_cells_are_empty_in_csv(capsys: pytest.CaptureFixture[str]) -> None:
    path = SEEDS.parent / "variants" / "blank_cells.txt"
    assert main(["parse", str(path), "--format", "cells"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert ["2", "第二十条第（一）项/规章", "本年废止件数", ""] in rows


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["parse", str(SEED), "-o", str(out)]) == 0
    assert gr.from_json(out.read_text(encoding="utf-8")) == gr.parse_file(SEED)


def test_error_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED.read_text(encoding="utf-8").replace("规章 2 0 9", "规章 2 0"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "parse", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "表二“第二十条第（一）项/规章”行应有3个数，只读到2个" in result.stderr


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "无法读取文件" in capsys.readouterr().err


def test_one_file_starts_no_worker_machinery(tmp_path: Path) -> None:
    # A single file is parsed in the command's own process: multiprocessing (and the Word
    # and web libraries) are imported only when they are needed.
    out = tmp_path / "out.jsonl"
    code = (
        "import sys; from govinfo_report.cli import main; "
        f"status = main(['parse', {str(SEED)!r}, '--format', 'jsonl', '-o', {str(out)!r}]); "
        "print(status, sorted(m for m in ('multiprocessing', 'docx', 'lxml') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "[]"]
    # The body named before the seed's title, as a person reads it.
    assert json.loads(out.read_text(encoding="utf-8"))["agency"] == "中卫市人民政府办公室"


def test_the_program_freezes_what_is_alive_before_the_process_ends(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # run() is the program: main() with the real arguments, then gc.freeze(), so that the
    # collections Python makes as it ends pass over what the imports made. main() itself,
    # called by a program that goes on, leaves the collector alone.
    from govinfo_report import cli

    events: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: events.append("freeze"))
    monkeypatch.setattr(sys, "argv", ["govinfo-report", "parse", str(SEED), "--format", "cells"])
    assert main(["parse", str(SEED), "--format", "cells"]) == 0
    assert events == []
    capsys.readouterr()
    assert cli.run() == 0
    assert events == ["freeze"]
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert ["3", "一、本年新收政府信息公开申请数量", "自然人", "29"] in rows


def test_python_m_and_the_script_run_the_program() -> None:
    project = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert 'govinfo-report = "govinfo_report.cli:run"' in project.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "govinfo_report", "parse", str(SEED)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["applications"]["new_received"]["total"] == 31
