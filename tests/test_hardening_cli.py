"""Issue 10, items 13 and 19: every command reads within limits and ends without a traceback.

Every command reads its input with ``reading.read_bytes``: regular files only (a
FIFO or a device is refused at once instead of blocking or being read forever)
and at most ``MAX_SIZE`` bytes.  What used to end in a traceback (a CSV field over
the ``csv`` module's limit, ``--jobs -1``, …) is a message and exit status 2; an
exception nobody expected is one line asking to report it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import pytest

import govinfo_report as gr
from govinfo_report.cli import main
from govinfo_report.commands import parse as parse_command
from govinfo_report.reading import MAX_SIZE
from tests.conftest import SEED_NAMES, seed_text

# Each test runs the command line in a subprocess: the quick loop leaves these out.
pytestmark = pytest.mark.slow

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")

COMMANDS: dict[str, list[str]] = {
    "parse": ["parse"],
    "validate": ["validate"],
    "render": ["render"],
    "fill": ["fill", "--agency", "某局", "--year", "2024"],
}
ROW = "一、本年新收政府信息公开申请数量"


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _fails_cleanly(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert words in done.stderr + done.stdout  # validate reports a file's error in its place


# -- item 13 ---------------------------------------------------------------


@posix
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_fifo_is_refused_at_once(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    _fails_cleanly(_run(*COMMANDS[command], str(fifo)), "不是普通文件")


@posix
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_device_is_refused_at_once(command: str) -> None:
    _fails_cleanly(_run(*COMMANDS[command], "/dev/zero"), "不是普通文件")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(command: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as file:  # sparse: nothing is written but the last byte
        file.seek(MAX_SIZE)
        file.write(b"x")
    _fails_cleanly(_run(*COMMANDS[command], str(big)), "文件过大")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_file(command: str, tmp_path: Path) -> None:
    _fails_cleanly(_run(*COMMANDS[command], str(tmp_path / "missing.txt")), "无法读取文件")


# -- item 19 ---------------------------------------------------------------


def _cells_csv(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "cells.csv"
    path.write_text(f"table,row,column,value\n3,{ROW},自然人,{value}\n", encoding="utf-8")
    return path


def test_fill_with_a_field_over_the_csv_limit(tmp_path: Path) -> None:
    path = _cells_csv(tmp_path, "1" + " " * 131_072)
    _fails_cleanly(_run(*COMMANDS["fill"], str(path)), "第2行")
    path.write_text("x" * 200_000 + "\n", encoding="utf-8")
    _fails_cleanly(_run(*COMMANDS["fill"], str(path)), "第1行：有一个字段超过131,072个字符")


def test_fill_with_a_5000_digit_value(tmp_path: Path) -> None:
    done = _run(*COMMANDS["fill"], str(_cells_csv(tmp_path, "9" * 5000)))
    _fails_cleanly(done, "第2行")
    assert "超出上限" in done.stderr
    assert len(done.stderr) < 500  # the value is quoted short


@pytest.mark.parametrize("jobs", ["-1", "0", "x", "1.5"])
def test_jobs_must_be_a_positive_integer(jobs: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(seed_text(SEED_NAMES[0]), encoding="utf-8")
    done = _run("parse", str(tmp_path), "--jobs", jobs)
    _fails_cleanly(done, "--jobs")
    assert "正整数" in done.stderr


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"table": "²", "row": ROW, "column": "自然人", "value": 1}, "表格编号"),
        ({"table": 3, "row": ROW, "column": "自然人", "value": Decimal("sNaN")}, "不是数字"),
        ({"table": 3, "row": ROW, "column": "自然人", "value": Decimal("NaN")}, "不是数字"),
        ({"table": 3, "row": ROW, "column": "自然人", "value": float("inf")}, "不是数字"),
        ({"table": 10**5000, "row": ROW, "column": "自然人", "value": 1}, "表格编号"),
        ({"table": 3, "row": 5, "column": "自然人", "value": 1}, "row应为文本"),
    ],
)
def test_from_cells_refuses_with_its_own_error(record: dict[str, Any], words: str) -> None:
    with pytest.raises(gr.CellsError, match=words):
        gr.from_cells([record], agency="某局", year=2024)


@pytest.mark.parametrize("records", [None, 5, "table,row"])
def test_from_cells_needs_records(records: Any) -> None:
    with pytest.raises(gr.CellsError, match="records"):
        gr.from_cells(records, agency="某局", year=2024)


def _raising(error: BaseException) -> Any:
    def run(args: argparse.Namespace, out: TextIO) -> int:
        raise error

    return run


def test_an_unexpected_error_is_one_line_asking_to_report_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(parse_command, "run", _raising(RuntimeError("boom\nsecond line")))
    assert main(["parse", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "内部错误" in err
    assert "RuntimeError: boom" in err
    assert "报告" in err


def test_ctrl_c_in_a_single_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(parse_command, "run", _raising(KeyboardInterrupt()))
    assert main(["parse", str(tmp_path)]) == 130
    assert "已中断" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="closing a pipe early")
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    for at in range(30):
        (tmp_path / f"{at:02d}.txt").write_text(seed_text(SEED_NAMES[at % 3]), encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "govinfo_report", "parse", str(tmp_path), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # as `| head -1` does
    err = child.stderr.read().decode("utf-8")
    assert child.wait(timeout=60) == 0
    assert "Traceback" not in err
    assert "Exception ignored" not in err
