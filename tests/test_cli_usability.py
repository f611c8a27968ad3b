"""The command line as a new user meets it (issue 15 items 1-7; issue 10 item 4; issues 12 and 13)."""

from __future__ import annotations

import argparse
import ast
import contextlib
import csv
import inspect
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.cli import COMMANDS, _build_parser, main
from govinfo_report.commands import arguments
from govinfo_report.commands.arguments import MESSAGES, wrap
from govinfo_report.narrative import display_width
from tests.conftest import SEEDS

EXAMPLE = Path("examples/zhongwei-government-office-2024.txt").resolve()
EXAMPLE_2020 = Path("examples/qinghe-county-office-2020.txt").resolve()
SEED = SEEDS / "000_7047d3e44c49cbca.txt"


def _truncated(tmp_path: Path) -> Path:
    """The example report cut after its 40th line (inside 一、总体情况)."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()[:40]
    path = tmp_path / "truncated.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args], input=stdin, capture_output=True, check=False
    )


# -- item 1: validate reads what parse reads -----------------------------------


def test_validate_reads_a_directory_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "b.json").write_text(gr.to_json(gr.parse_file(EXAMPLE_2020)), encoding="utf-8")
    # the 2020 report leaves 表二 行政强制/本年增减 blank: an error finding
    assert main(["validate", str(folder), "--format", "json"]) == 1
    captured = capsys.readouterr()
    records = json.loads(captured.out)
    assert [Path(record["file"]).name for record in records] == ["a.txt", "b.json"]
    assert [record["agency"] for record in records] == ["中卫市人民政府办公室", "青禾县人民政府办公室"]
    assert "共2个文件：读取2个（其中有错误1个），无法读取0个" in captured.err


def test_validate_an_empty_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert "中没有文件，未校验" in capsys.readouterr().err


def test_validate_a_directory_without_a_report_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("这不是年报。\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 2
    assert "没有可读取的报告" in capsys.readouterr().err


def test_validate_lenient_reads_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _truncated(tmp_path)
    assert main(["validate", str(path)]) == 2  # strict: cannot be read
    capsys.readouterr()
    main(["validate", str(tmp_path), "--lenient"])
    err = capsys.readouterr().err
    # The text ends on line 40; what is missing is reported there.
    assert "truncated.txt：1条诊断信息：第40行第1列 文本提前结束" in err


@pytest.mark.slow
def test_validate_and_parse_read_standard_input() -> None:
    data = EXAMPLE.read_bytes()
    validated = _run("validate", "-", stdin=data)
    assert validated.returncode == 0
    assert validated.stdout.decode("utf-8").startswith("标准输入：中卫市人民政府办公室")
    parsed = _run("parse", "-", stdin=data)
    assert parsed.returncode == 0
    assert json.loads(parsed.stdout)["applications"]["new_received"]["natural_person"] == 29
    # parse's JSON piped back into validate
    assert _run("validate", "-", stdin=parsed.stdout).returncode == 0


def test_stdin_only_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "-", str(EXAMPLE), "--format", "jsonl"]) == 2
    assert "只能单独使用" in capsys.readouterr().err


# -- item 2: argparse in Chinese, examples, wrapping ----------------------------


def test_help_is_chinese_and_ends_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for module in COMMANDS:
        with pytest.raises(SystemExit):
            main([module.NAME, "--help"])
        out = capsys.readouterr().out
        assert out.startswith(f"用法：govinfo-report {module.NAME}")
        assert "-h, --help            显示帮助并退出" in out
        assert "选项：" in out
        examples = out.rsplit("示例：\n", 1)[1].splitlines()
        assert 2 <= len(examples) <= 3
        assert all(f"govinfo-report {module.NAME} " in line for line in examples)


def test_a_command_line_is_read_alike_by_its_command_s_parser_alone() -> None:
    # main() adds only the named command's arguments; every example of every command gives
    # the same namespace and the same help as with all of them
    full = _build_parser()
    for module in COMMANDS:
        alone = _build_parser(module.NAME)
        for example in module.EXAMPLES:
            pipeline = [shlex.split(part)[1:] for part in example.split("#")[0].split("|")]
            words = next(words for words in pipeline if words[0] == module.NAME)
            assert vars(alone.parse_args(words)) == vars(full.parse_args(words)), example
        helps = []
        for parser in (alone, full):
            with pytest.raises(SystemExit), contextlib.redirect_stdout(io.StringIO()) as out:
                parser.parse_args([module.NAME, "--help"])
            helps.append(out.getvalue())
        assert helps[0] == helps[1]
        assert "-q, --quiet" in helps[0]
    # the others are listed, not readable: the line names one command
    assert "schema" in _build_parser("parse").format_help()
    with pytest.raises(SystemExit):
        _build_parser("parse").parse_args(["skeleton", "--agency", "某局", "--year", "2024"])


def test_argparse_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["skeleton", "--year", "2025"])
    assert exit_info.value.code == 2
    assert "govinfo-report skeleton：错误：缺少参数 --agency" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["skeleton", "--agency", "某局", "--year", "abc"])
    assert "参数 --year：无效的整数：'abc'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["parse", str(SEED), "--format", "yaml"])
    assert "无效的选择：'yaml'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["parse", str(SEED), "--bogus"])
    assert "无法识别的参数：--bogus" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"govinfo-report {gr.__version__}\n"


# argparse's messages that a user can see; the others are for whoever writes a parser.
_FOR_DEVELOPERS = {
    ".__call__() not defined",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "%r is not callable",
    "length of metavar tuple does not match nargs",
}


def test_every_message_of_this_pythons_argparse_is_translated() -> None:
    tree = ast.parse(inspect.getsource(argparse))
    found: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
        ):
            found.update(
                arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
    missing = sorted(found - _FOR_DEVELOPERS - set(MESSAGES))
    assert missing == []


def test_argparse_speaks_english_again_outside_the_parser() -> None:
    _build_parser().format_help()
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_wrapping_keeps_latin_words_whole() -> None:
    # `Word文件` must not become `Wor` + `d文件`.
    for width in range(8, 40):
        for line in wrap("需要docx扩展才能写Word文件，用 --format docx 和 -o 指定输出文件", width):
            assert not line.endswith(("Wor", "doc", "--form")), (width, line)
    assert wrap("写Word文件", 6) == ["写Word", "文件"]
    assert wrap("写Word文件", 5) == ["写", "Word", "文件"]


def test_help_lines_never_cut_a_latin_run() -> None:
    parser = _build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = [
        action.help
        for sub in subparsers.choices.values()
        for action in sub._actions
        if action.help and action.help != "==SUPPRESS=="
    ]
    for width in (24, 30, 41, 56):
        for text in helps:
            lines = wrap(text, width)
            for run in arguments._TOKEN.findall(" ".join(text.split())):
                if run.isascii() and not run.isspace() and len(run) > 1 and len(run) <= width:
                    assert any(run in line for line in lines), (run, width, lines)


@given(st.text(alphabet=st.sampled_from("写报告Word文件，。（）docx-o 12"), max_size=80), st.integers(6, 60))
def test_wrap_loses_nothing_and_keeps_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert display_width(line) <= width or len(arguments._units(line)) == 1


# -- item 3: render explains what it cannot render ------------------------------


def test_render_a_cells_csv_says_to_use_fill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cells = tmp_path / "cells.csv"
    assert main(["skeleton", "--agency", "某局", "--year", "2025", "-o", str(cells)]) == 0
    assert main(["render", str(cells)]) == 2
    assert (
        "这是单元格CSV（table,row,column,value），不是报告；请用 govinfo-report fill"
        in capsys.readouterr().err
    )
    excel = tmp_path / "excel.csv"  # as Excel saves it: BOM, CRLF
    excel.write_bytes(
        "\ufefftable,row,column,value\r\n3,一、本年新收政府信息公开申请数量,自然人,1\r\n".encode()
    )
    assert main(["render", str(excel)]) == 2
    assert "请用 govinfo-report fill 由它生成报告" in capsys.readouterr().err


def test_render_json_that_is_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"name": "不是年报"}', encoding="utf-8")
    assert main(["render", str(path)]) == 2
    assert "这是JSON，但不是报告的JSON形式" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", ["html", "docx"])
def test_render_reads_its_own_html_and_word(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    written = tmp_path / f"report.{suffix}"
    assert main(["render", str(EXAMPLE), "-o", str(written)]) == 0
    assert main(["render", str(written), "--format", "json"]) == 0
    assert gr.from_json(capsys.readouterr().out) == gr.parse_file(EXAMPLE)


# -- item 4: the format written follows --format, a contradicting suffix is an error --


def test_a_suffix_contradicting_the_format_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xlsx"
    assert main(["skeleton", "--agency", "某局", "--year", "2025", "--format", "text", "-o", str(out)]) == 2
    assert "扩展名.xlsx表示xlsx格式，与 --format text 不符" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(EXAMPLE), "--format", "docx", "-o", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err.startswith("输出文件“")  # about the output, not the input file
    assert main(["validate", str(EXAMPLE), "-o", str(tmp_path / "v.docx")]) == 2
    assert "扩展名.docx表示docx格式，本命令不能写这种格式" in capsys.readouterr().err


def test_the_format_follows_format_not_a_neutral_suffix(tmp_path: Path) -> None:
    out = tmp_path / "report.out"
    assert main(["render", str(EXAMPLE), "--format", "markdown", "-o", str(out)]) == 0
    # the title (line 2 of the report) as a Markdown heading
    assert "# 2024年政府信息公开工作年度报告" in out.read_text(encoding="utf-8").splitlines()


def test_skeleton_before_the_format_existed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skeleton", "--agency", "某局", "--year", "1999"]) == 2
    assert "1999年早于全国统一格式（最早的是2019年版），没有可用的格式" in capsys.readouterr().err
    assert main(["skeleton", "--agency", "某局", "--year", "2019", "--edition", "2021"]) == 2


@pytest.mark.parametrize(("year", "edition"), [(2020, "2019"), (2021, "2021"), (2025, "2021")])
def test_skeleton_and_fill_edition_follows_the_year(
    year: int, edition: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["skeleton", "--agency", "某局", "--year", str(year), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["edition"] == edition
    cells = tmp_path / "cells.csv"
    assert main(["skeleton", "--agency", "某局", "--year", str(year), "-o", str(cells)]) == 0
    assert main(["fill", str(cells), "--agency", "某局", "--year", str(year)]) == 0
    assert json.loads(capsys.readouterr().out)["edition"] == edition


# -- item 5: a duplicate in fill is named by its CSV lines -------------------------


def test_fill_duplicate_named_by_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cells = tmp_path / "cells.csv"
    cells.write_text(
        "table,row,column,value\n"  # line 1
        "3,一、本年新收政府信息公开申请数量,自然人,1\n"  # line 2
        "3,二、上年结转政府信息公开申请数量,自然人,0\n"  # line 3
        "3,一、本年新收政府信息公开申请数量,自然人,2\n",  # line 4: line 2 again
        encoding="utf-8",
    )
    assert main(["fill", str(cells), "--agency", "某局", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "第4行：表三“一、本年新收政府信息公开申请数量”行“自然人”列重复（第2行已给出）" in err
    assert "条记录" not in err


# -- item 6: progress, --quiet --------------------------------------------------


def test_quiet_leaves_out_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "o.jsonl"
    assert main(["parse", str(folder), "--jobs", "1", "-o", str(out)]) == 0
    assert "共2个文件：解析成功2个" in capsys.readouterr().err
    assert main(["parse", str(folder), "--jobs", "1", "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_progress_line_shows_rate_and_time_left() -> None:
    from govinfo_report.progress import progress_line

    # 30 of 120 files in 12 s: 2.5 files a second, 90 left: 36 s.
    line = progress_line(30, 120, 12.0)
    assert "30/120" in line
    assert "2.5个/秒" in line
    assert "剩余约36秒" in line


# -- item 7: the API ------------------------------------------------------------


def test_render_md_is_markdown() -> None:
    report = gr.parse_file(EXAMPLE)
    assert gr.render(report, "md") == gr.render(report, "markdown")


def test_from_cells_takes_tuples_and_dicts_alike() -> None:
    tuples = [
        (3, "一、本年新收政府信息公开申请数量", "自然人", 29),
        (2, "第二十条第（一）项/规章", "本年制发件数", "2"),
    ]
    dicts = [dict(zip(("table", "row", "column", "value"), record, strict=True)) for record in tuples]
    by_tuples = gr.from_cells(tuples, agency="某局", year=2025)
    assert by_tuples == gr.from_cells(dicts, agency="某局", year=2025)
    assert by_tuples.applications.new_received.natural_person == 29
    with pytest.raises(gr.CellsError, match="应为\\(table, row, column, value\\)四项，实际为3项"):
        gr.from_cells([(3, "一、本年新收政府信息公开申请数量", "自然人")], agency="某局", year=2025)


# -- issue 10 item 4: diagnostics -------------------------------------------------


def test_diagnostics_file_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _truncated(tmp_path)
    diagnostics = tmp_path / "diagnostics.jsonl"
    status = main(
        ["parse", str(path), "--lenient", "--diagnostics", str(diagnostics), "-o", str(tmp_path / "r.json")]
    )
    assert status == 0
    assert "truncated.txt：1条诊断信息：第40行第1列 文本提前结束" in capsys.readouterr().err
    records = [json.loads(line) for line in diagnostics.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["file"] == str(path)
    assert records[0]["location"] == {"line": 40, "column": 1}
    assert records[0]["severity"] == "error"


def test_batch_error_records_carry_the_location(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()[:40]
    (folder / "cut.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "ok.txt").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "o.jsonl"
    assert main(["parse", str(folder), "--jobs", "1", "-o", str(out), "--quiet"]) == 2
    records = {Path(r["path"]).name: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert records["cut.txt"]["error"]["location"] == {"line": 40, "column": 1}
    assert records["ok.txt"]["error"] is None


# -- issues 12 and 13 ----------------------------------------------------------------


def test_edition_forced(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE_2020), "--edition", "2019"]) == 0
    assert json.loads(capsys.readouterr().out)["edition"] == "2019"
    # A 2021-layout report read as the 2019 layout: its table 2 is not the 2019 table 2.
    assert main(["validate", str(EXAMPLE), "--edition", "2019"]) == 2


def test_check_is_a_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(EXAMPLE.read_bytes())
    assert main(["check", str(tmp_path), "--format", "json", "--jobs", "1"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [row["agency"] for row in rows] == ["中卫市人民政府办公室"]


def test_parse_to_parquet_and_xlsx(tmp_path: Path) -> None:
    parquet, xlsx = tmp_path / "cells.parquet", tmp_path / "reports.xlsx"
    assert main(["parse", str(EXAMPLE), str(EXAMPLE_2020), "-o", str(parquet), "--quiet"]) == 0
    frame = pd.read_parquet(parquet)
    row = frame[(frame["row"] == "一、本年新收政府信息公开申请数量") & (frame["column"] == "自然人")]
    # 表三 一、本年新收… / 自然人: 29 in the 2024 report, 41 in the 2020 one (line 38 of the file)
    assert sorted(row["count"].tolist()) == [29, 41]
    assert main(["parse", str(EXAMPLE), "--format", "xlsx", "-o", str(xlsx), "--quiet"]) == 0
    assert "表三" in " ".join(openpyxl.load_workbook(xlsx).sheetnames)


def test_parse_cells_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    assert main(["parse", str(EXAMPLE), "--format", "cells", "--excel", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftable,row,column,value\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert ["3", "一、本年新收政府信息公开申请数量", "自然人", "29"] in rows


def test_render_reads_a_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    pdf = Path(__file__).parent / "fixtures" / "pdf" / "generated-01.pdf"
    assert main(["render", str(pdf), "--format", "json"]) == 0
    # the report the PDF was made from, committed beside it
    expected = gr.from_json((pdf.with_suffix(".json")).read_text(encoding="utf-8"))
    rendered = gr.from_json(capsys.readouterr().out)
    assert list(gr.cells(rendered)) == list(gr.cells(expected))
    assert rendered.agency == expected.agency
