"""Issue 10, items 12 and 14–18: a batch run accounts for everything and always finishes.

A worker that dies (SIGKILL, the OOM killer) costs the file it was reading, not
the run; the output file is never an input; a file name that is not UTF-8 is
written as ``\\xNN``; the cells CSV cannot put a formula in a spreadsheet; what a
directory holds besides files is counted; Ctrl-C prints the summary and exits 130.

Runs that could hang before the fixes run in a child process with a time limit,
so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govinfo_report.batch import collect, parse_many, spreadsheet_text
from tests.conftest import SEED_NAMES, seed_text

# Worker processes, subprocesses and timings: the quick loop leaves these out.
pytestmark = pytest.mark.slow

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, signals and byte file names are POSIX")

# A child that makes every file whose name ends in "kill.txt" kill its worker, then
# runs the command line on the remaining arguments (under fork the workers share it).
_KILLER = """
import os, signal, sys, time
import govinfo_report.batch as batch
from govinfo_report.cli import main
# As in a terminal, even when these tests run from a background job (which ignores SIGINT):
signal.signal(signal.SIGINT, signal.default_int_handler)
real = batch.process_file
def process_file(path, *args):
    if path.endswith("kill.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    if path.endswith("slow.txt"):
        time.sleep(0.2)
    return real(path, *args)
batch.process_file = process_file
sys.exit(main(sys.argv[1:]))
"""


def _reports(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for at, name in enumerate(names):
        path = folder / name
        path.write_text(seed_text(SEED_NAMES[at % len(SEED_NAMES)]), encoding="utf-8")
        paths.append(path)
    return paths


def _cli(
    *args: str | Path, timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _KILLER, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=cwd,
    )


# -- item 12: a dead worker -------------------------------------------------


@posix
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_a_killed_worker_costs_its_file_not_the_run(tmp_path: Path, jobs: str) -> None:
    names = ["a.txt", "b-kill.txt", "c.txt", "d.txt", "e-kill.txt", "f.txt", "g.txt"]
    _reports(tmp_path / "in", names)
    done = _cli("parse", tmp_path / "in", "--format", "jsonl", "--jobs", jobs)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["path"]).name for r in records] == names  # streamed in input order
    status = {Path(r["path"]).name: r["status"] for r in records}
    assert [name for name, value in status.items() if value == "error"] == ["b-kill.txt", "e-kill.txt"]
    killed = next(r for r in records if r["path"].endswith("b-kill.txt"))
    assert killed["error"]["type"] == "WorkerLost"
    assert "SIGKILL" in killed["error"]["message"]
    assert "共7个文件：解析成功5个" in done.stderr
    assert "失败2个" in done.stderr
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


# -- item 14: the output file is never an input ------------------------------


def test_the_output_file_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _reports(folder, ["a.txt", "b.txt"])
    output = folder / "out.jsonl"
    output.write_text("a previous run\n", encoding="utf-8")
    done = _cli("parse", folder, "-o", output, "--jobs", "1")
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["path"]).name for r in records] == ["a.txt", "b.txt"]
    assert "共2个文件：解析成功2个" in done.stderr
    assert done.returncode == 0


@pytest.mark.parametrize("command", ["parse", "validate", "render"])
def test_an_output_file_that_is_an_input_is_refused_before_it_is_opened(tmp_path: Path, command: str) -> None:
    [path] = _reports(tmp_path, ["a.txt"])
    before = path.read_bytes()
    done = _cli(command, path, "-o", tmp_path / "." / "a.txt")
    assert done.returncode == 2
    assert "也是输入" in done.stderr
    assert path.read_bytes() == before


def test_collect_excludes_by_identity(tmp_path: Path) -> None:
    _reports(tmp_path, ["a.txt", "b.txt"])
    found = collect([tmp_path], exclude=[tmp_path / "." / "b.txt"])
    assert [Path(p).name for p in found.files] == ["a.txt"]


# -- item 15: file names that are not UTF-8 ----------------------------------


@posix
@pytest.mark.parametrize("fmt", ["jsonl", "cells"])
@pytest.mark.parametrize("to_file", [False, True])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str, to_file: bool) -> None:
    folder = tmp_path / "in"
    _reports(folder, ["a.txt", "c.txt"])
    odd = os.path.join(os.fsencode(folder), b"b\xff\xfe.txt")
    with open(odd, "wb") as file:
        file.write(seed_text(SEED_NAMES[0]).encode("utf-8"))
    with open(os.path.join(os.fsencode(folder), b"d\xff.txt"), "wb") as file:
        file.write(b"not a report")
    args: list[str | Path] = ["parse", folder, "--format", fmt, "--jobs", "2"]
    output = tmp_path / "out.txt"
    if to_file:
        args += ["-o", output]
    done = subprocess.run(
        [sys.executable, "-c", _KILLER, *map(str, args)],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    text = (output.read_bytes() if to_file else done.stdout).decode("utf-8")  # strict: valid UTF-8
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines()]
        names = [Path(r["path"]).name for r in records]
        assert names == ["a.txt", "b\\xff\\xfe.txt", "c.txt", "d\\xff.txt"]
        assert [r["status"] for r in records] == ["ok", "ok", "ok", "error"]
    else:
        rows = list(csv.reader(io.StringIO(text)))
        assert {Path(row[0]).name for row in rows[1:]} == {"a.txt", "b\\xff\\xfe.txt", "c.txt"}
    stderr = done.stderr.decode("utf-8")
    assert "d\\xff.txt" in stderr
    assert "共4个文件：解析成功3个" in stderr
    assert "Traceback" not in stderr


# -- item 16: the cells CSV and spreadsheets ---------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_fields_that_start_a_formula_are_quoted(start: str) -> None:
    assert spreadsheet_text(start + "cmd|' -C calc'!A0") == "'" + start + "cmd|' -C calc'!A0"
    assert spreadsheet_text("a" + start) == "a" + start


@posix
def test_a_formula_in_a_file_name_stays_text_and_numbers_stay_numbers(tmp_path: Path) -> None:
    name = "=cmd|' -C calc'!A0.txt"
    _reports(tmp_path, [name, "@x.txt"])
    negative = seed_text(SEED_NAMES[0]).replace("（七）总计 28 3 0 0 0 0 31", "（七）总计 -18 3 0 0 0 0 31")
    (tmp_path / "+y.txt").write_text(negative, encoding="utf-8")
    done = _cli(
        "parse", name, "@x.txt", "+y.txt", "--format", "cells", "--no-check", "--jobs", "1", cwd=tmp_path
    )
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["path", "table", "row", "column", "value"]
    assert {row[0] for row in rows[1:]} == {"'" + name, "'@x.txt", "'+y.txt"}
    [total] = [
        row for row in rows if row[0] == "'+y.txt" and row[2].endswith("（七）总计") and row[3] == "自然人"
    ]
    assert total[4] == "-18"  # the value column holds numbers: never quoted


# -- item 17: what a folder holds besides files ------------------------------


@posix
def test_links_loops_and_fifos_are_counted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _reports(folder, ["a.txt", "b.txt"])
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(folder)
    (folder / "link.txt").symlink_to(folder / "a.txt")
    os.mkfifo(folder / "fifo.txt")
    server = socket.socket(socket.AF_UNIX)
    with contextlib.suppress(OSError):  # a path too long for a socket: no socket then
        server.bind(str(folder / "socket"))
    try:
        found = collect([folder])
        done = _cli("parse", folder, "--jobs", "1", timeout=60)
    finally:
        server.close()
    assert [Path(p).name for p in found.files] == ["a.txt", "b.txt", "link.txt"]
    reasons = {Path(entry.path).name: entry.reason for entry in found.skipped}
    assert reasons["dangling.txt"] == "悬空的符号链接"
    assert reasons["loop.txt"] == "符号链接循环"
    assert reasons["up"] == "指向目录的符号链接"
    assert reasons["fifo.txt"] == "管道"
    assert "共3个文件：解析成功3个" in done.stderr
    assert f"另有{len(reasons)}项不是普通文件，已跳过" in done.stderr
    assert "悬空的符号链接1项" in done.stderr
    assert done.returncode == 0


# -- item 18: Ctrl-C ----------------------------------------------------------


@posix
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_the_summary_and_exits_130(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "in"
    _reports(folder, [f"{n:03d}-slow.txt" for n in range(60)])
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLER, "parse", str(folder), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives a job
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # one file is done: the run is under way
    assert json.loads(first)["status"] == "ok"
    time.sleep(0.3)
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
    assert "已中断" in err
    assert "共60个文件：解析成功" in err
    assert "未处理" in err
    assert len((first + out).splitlines()) < 60


def test_jobs_must_be_positive() -> None:
    for jobs in (0, -1, True, 1.5):
        with pytest.raises(ValueError, match="正整数"):
            parse_many(["a.txt"], jobs=jobs)  # type: ignore[arg-type]
