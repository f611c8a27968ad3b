"""The batch command: many files, in parallel, streamed, every file accounted for."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.batch import collect_paths, parse_many, process_file
from tests.conftest import SEED_NAMES, seed_text


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Good reports, a damaged one, a truncated one and files that are no reports."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name in SEED_NAMES:
        (folder / f"{name}.txt").write_text(seed_text(name), encoding="utf-8")
    text = seed_text(SEED_NAMES[2])
    (folder / "sub" / "truncated.txt").write_text(text[: text.index("（四）无法")], encoding="utf-8")
    (folder / "sub" / "gbk.txt").write_bytes(seed_text(SEED_NAMES[0]).encode("gbk"))
    (folder / "notes.md").write_text("# 会议纪要\n\n今天讨论了预算。\n", encoding="utf-8")
    (folder / "image.png").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_text("不读隐藏文件", encoding="utf-8")
    return folder


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", "parse", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_collect_paths_walks_directories_in_order(mixed: Path) -> None:
    names = [Path(p).relative_to(mixed).as_posix() for p in collect_paths([mixed])]
    assert names == sorted(names)
    assert ".hidden.txt" not in names
    assert len(names) == 8


@pytest.mark.slow
def test_jsonl_accounts_for_every_file(mixed: Path) -> None:
    done = _run(str(mixed), "--format", "jsonl", "--jobs", "2")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in records] == collect_paths([mixed])
    status = {Path(r["path"]).name: r["status"] for r in records}
    assert status == {
        **{f"{name}.txt": "ok" for name in SEED_NAMES},
        "gbk.txt": "ok",
        "truncated.txt": "error",
        "notes.md": "error",
        "image.png": "error",
        "empty.txt": "error",
    }
    good = next(r for r in records if r["path"].endswith(f"{SEED_NAMES[0]}.txt"))
    assert gr.from_dict(good["report"]) == gr.parse(seed_text(SEED_NAMES[0]))
    bad = next(r for r in records if r["path"].endswith("truncated.txt"))
    assert bad["report"] is None
    assert bad["error"]["line"] > 1
    assert "文本提前结束" in bad["error"]["message"]
    assert done.returncode == 2
    assert "共8个文件：解析成功4个" in done.stderr
    assert "失败4个" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_lenient_batch_reads_the_damaged_file(mixed: Path) -> None:
    done = _run(str(mixed), "--format", "jsonl", "--lenient", "--jobs", "1")
    records = {Path(r["path"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    truncated = records["truncated.txt"]
    assert truncated["status"] == "ok"
    assert truncated["diagnostics"][0]["message"].startswith("文本提前结束")
    assert truncated["report"]["reviews"]["review"]["total"] is None
    assert "有诊断信息1个" in done.stderr
    assert "失败3个" in done.stderr


def test_cells_batch_has_a_path_column(mixed: Path) -> None:
    done = _run(str(mixed / f"{SEED_NAMES[0]}.txt"), str(mixed / f"{SEED_NAMES[1]}.txt"), "--format", "cells")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["path", "table", "row", "column", "value"]
    assert len(rows) == 1 + 2 * 200
    assert rows[1][0].endswith(f"{SEED_NAMES[0]}.txt")
    assert done.returncode == 0


def test_validation_findings_are_counted(tmp_path: Path) -> None:
    broken = seed_text(SEED_NAMES[0]).replace("（七）总计 28 3 0 0 0 0 31", "（七）总计 28 3 0 0 0 0 30")
    (tmp_path / "a.txt").write_text(broken, encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text(SEED_NAMES[0]), encoding="utf-8")
    results = list(parse_many(collect_paths([tmp_path]), jobs=1))
    assert [r.ok for r in results] == [True, True]
    assert results[0].errors > 0
    assert results[1].errors == 0
    record = json.loads(results[0].text)
    assert any(f["rule"] == "T3-ROW-TOTAL" for f in record["findings"])


def test_process_file_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\x00garbage" * 100)
    result = process_file(str(path))
    assert not result.ok
    assert result.message
    missing = process_file(str(tmp_path / "missing.txt"))
    assert not missing.ok
    assert "无法读取文件" in missing.message


def test_progress_bar_on_a_terminal(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo_report.cli import main

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status = main(
        ["parse", str(mixed), "--format", "jsonl", "--jobs", "1", "-o", str(mixed.parent / "o.jsonl")]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert "█" * 24 + "  8/8" in err  # the bar reached the end
    assert "个/秒" in err
    assert "剩余约" in err
    assert err.rstrip().endswith("失败4个")
