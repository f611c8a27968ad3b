"""Generating reports from the command line: skeleton, fill, render — and the whole way through."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.cli import main
from tests.conftest import SEEDS
from tests.test_render_html import check_html_tables, parse_page

AGENCY = "青禾市数据资源局"  # an invented body

#: The cells of its 2025 report that are not 0 (tables 3 and 4 add up; 总计 included).
FILLED_CELLS = """\
table,row,column,value
2,第二十条第（一）项/规章,现行有效件数,3
2,第二十条第（一）项/行政规范性文件,本年制发件数,4
2,第二十条第（一）项/行政规范性文件,本年废止件数,1
2,第二十条第（一）项/行政规范性文件,现行有效件数,37
2,第二十条第（五）项/行政许可,本年处理决定数量,128
2,第二十条第（六）项/行政处罚,本年处理决定数量,56
2,第二十条第（六）项/行政强制,本年处理决定数量,3
2,第二十条第（八）项/行政事业性收费,本年收费金额（单位：万元）,1.25
3,一、本年新收政府信息公开申请数量,自然人,23
3,一、本年新收政府信息公开申请数量,法人或其他组织/商业企业,4
3,一、本年新收政府信息公开申请数量,法人或其他组织/科研机构,1
3,一、本年新收政府信息公开申请数量,法人或其他组织/法律服务机构,2
3,一、本年新收政府信息公开申请数量,法人或其他组织/其他,1
3,一、本年新收政府信息公开申请数量,总计,31
3,二、上年结转政府信息公开申请数量,自然人,2
3,二、上年结转政府信息公开申请数量,总计,2
3,三、本年度办理结果/（一）予以公开,自然人,12
3,三、本年度办理结果/（一）予以公开,法人或其他组织/商业企业,3
3,三、本年度办理结果/（一）予以公开,法人或其他组织/科研机构,1
3,三、本年度办理结果/（一）予以公开,法人或其他组织/法律服务机构,1
3,三、本年度办理结果/（一）予以公开,总计,17
3,三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）,自然人,3
3,三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）,总计,3
3,三、本年度办理结果/（三）不予公开/4.保护第三方合法权益,自然人,1
3,三、本年度办理结果/（三）不予公开/4.保护第三方合法权益,总计,1
3,三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息,自然人,5
3,三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息,法人或其他组织/商业企业,1
3,三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息,总计,6
3,三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作,法人或其他组织/法律服务机构,1
3,三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作,总计,1
3,三、本年度办理结果/（五）不予处理/2.重复申请,自然人,1
3,三、本年度办理结果/（五）不予处理/2.重复申请,总计,1
3,三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,自然人,1
3,三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,总计,1
3,三、本年度办理结果/（七）总计,自然人,23
3,三、本年度办理结果/（七）总计,法人或其他组织/商业企业,4
3,三、本年度办理结果/（七）总计,法人或其他组织/科研机构,1
3,三、本年度办理结果/（七）总计,法人或其他组织/法律服务机构,2
3,三、本年度办理结果/（七）总计,总计,30
3,四、结转下年度继续办理,自然人,2
3,四、结转下年度继续办理,法人或其他组织/其他,1
3,四、结转下年度继续办理,总计,3
4,行政复议,结果维持,2
4,行政复议,结果纠正,1
4,行政复议,尚未审结,1
4,行政复议,总计,4
4,行政诉讼/未经复议直接起诉,结果维持,1
4,行政诉讼/未经复议直接起诉,总计,1
4,行政诉讼/复议后起诉,尚未审结,1
4,行政诉讼/复议后起诉,总计,1
"""


def _spreadsheet() -> tuple[str, dict[tuple[int, str, str], str]]:
    """The CSV a clerk saves: every cell of the template, 0 where nothing happened."""
    filled = {
        (int(row["table"]), row["row"], row["column"]): row["value"]
        for row in csv.DictReader(io.StringIO(FILLED_CELLS))
    }
    values = {
        (cell.table, cell.row, cell.column): filled.get((cell.table, cell.row, cell.column), "0")
        for cell in gr.cells(gr.skeleton(AGENCY, 2025))
    }
    assert set(filled) <= set(values)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as spreadsheets write it
    writer.writerow(["table", "row", "column", "value"])
    writer.writerows([*key, value] for key, value in values.items())
    return out.getvalue(), values


@pytest.mark.slow
def test_done_when_invented_body_from_csv_to_word_and_html(tmp_path: Path) -> None:
    """Skeleton for an invented body, filled from a CSV, in Word and HTML; text and Markdown read back."""
    docx = pytest.importorskip("docx")
    from tests.test_render_docx import check_docx_tables

    text, values = _spreadsheet()
    cells_csv = tmp_path / "cells.csv"
    cells_csv.write_text(text, encoding="utf-8-sig")  # Excel's "CSV UTF-8" has a BOM
    paths = {
        fmt: tmp_path / f"report.{suffix}"
        for fmt, suffix in [
            ("json", "json"),
            ("docx", "docx"),
            ("html", "html"),
            ("text", "txt"),
            ("markdown", "md"),
        ]
    }
    assert main(["fill", str(cells_csv), "--agency", AGENCY, "--year", "2025", "-o", str(paths["json"])]) == 0
    for fmt in ("docx", "html", "text", "markdown"):
        assert main(["render", str(paths["json"]), "--format", fmt, "-o", str(paths[fmt])]) == 0

    report = gr.from_json(paths["json"].read_text(encoding="utf-8"))
    assert report.agency == AGENCY
    assert report.year == 2025
    for cell in gr.cells(report):  # every value as in the spreadsheet
        wanted = values[(cell.table, cell.row, cell.column)]
        assert cell.value == (Decimal(wanted) if cell.kind == "amount" else int(wanted))
    assert report.proactive.fees == Decimal("1.25")
    assert report.applications.new_received.total == 31
    assert [f for f in gr.validate(report) if f.severity == "error"] == []

    # Word: official merged header cells and every value, checked cell by cell.
    document = docx.Document(str(paths["docx"]))
    check_docx_tables(report, document)
    table3 = document.tables[1]
    assert table3.cell(0, 0).text.startswith("（本列数据的勾稽关系为")
    assert table3.cell(2, 2)._tc is table3.cell(0, 0)._tc  # note: 3 rows × 3 columns
    assert table3.cell(0, 9)._tc is table3.cell(0, 3)._tc  # 申请人情况 over 7 columns
    assert table3.cell(2, 3).text == "自然人"
    assert [table3.cell(3, c).text for c in range(3, 10)] == ["23", "4", "1", "0", "2", "1", "31"]
    table4 = document.tables[2]
    assert table4.cell(0, 14).text == "行政诉讼"
    assert [table4.cell(3, c).text for c in range(15)] == list("210141000100011")

    # HTML: the same, read with a real HTML parser.
    page = paths["html"].read_text(encoding="utf-8")
    check_html_tables(report, page)
    header = parse_page(page).tables[1][0]
    assert [(cell.text[:6], cell.rowspan, cell.colspan) for cell in header] == [
        ("（本列数据的", 3, 3),
        ("申请人情况", 1, 7),
    ]

    # Text and Markdown read back equal, and validate with no error.
    for fmt in ("text", "markdown"):
        again = gr.parse_file(paths[fmt])
        assert again == report, fmt
        assert [f for f in gr.validate(again) if f.severity == "error"] == []
    assert main(["validate", str(paths["text"])]) == 0


# ---------------------------------------------------------------------------
# skeleton


def test_skeleton_text_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skeleton", "--agency", "某某市某某局", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("某某市某某局\n2025年政府信息公开工作年度报告\n")
    assert gr.parse(out) == gr.skeleton("某某市某某局", 2025)


def test_skeleton_cells_are_a_spreadsheet_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skeleton", "--agency", "某某局", "--year", "2025", "--format", "cells"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["table", "row", "column", "value"]
    assert len(rows) == 201
    assert {row[3] for row in rows[1:]} == {"0"}


@pytest.mark.parametrize(
    ("suffix", "start"),
    [("md", "某某局\n\n# 2025年"), ("html", "<!DOCTYPE html>"), ("txt", "某某局\n2025年"), ("json", "{")],
)
def test_skeleton_format_from_the_output_suffix(tmp_path: Path, suffix: str, start: str) -> None:
    out = tmp_path / f"skeleton.{suffix}"
    assert main(["skeleton", "--agency", "某某局", "--year", "2025", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)


@pytest.mark.slow
def test_skeleton_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "out.docx"
    assert main(["skeleton", "--agency", "某某局", "--year", "2025", "--format", "docx", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    assert [p.text for p in document.paragraphs[:2]] == ["某某局", "2025年政府信息公开工作年度报告"]
    assert len(document.tables) == 3


def test_docx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skeleton", "--agency", "某某局", "--year", "2025", "--format", "docx"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "-o" in captured.err


def test_skeleton_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skeleton", "--agency", "", "--year", "2025"]) == 2
    assert "发布机关" in capsys.readouterr().err
    assert main(["skeleton", "--agency", "某某局", "--year", "25"]) == 2
    assert "年度" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# render


def test_render_text_report_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS / "000_7047d3e44c49cbca.txt"
    assert main(["render", str(seed), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "# 2024年政府信息公开工作年度报告" in out.split("\n")
    assert gr.parse(out) == gr.parse_file(seed)


def test_render_json_whatever_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = gr.parse_file(SEEDS / "001_c9535c3b51337c03.txt")
    path = tmp_path / "report.data"
    path.write_text(gr.to_json(report), encoding="utf-8")
    assert main(["render", str(path)]) == 0
    assert gr.parse(capsys.readouterr().out) == report


def test_render_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 99}', encoding="utf-8")
    assert main(["render", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err
    assert main(["render", str(tmp_path / "missing.txt")]) == 2


# ---------------------------------------------------------------------------
# fill


def test_fill_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cells.csv"
    path.write_text(FILLED_CELLS, encoding="utf-8")
    assert main(["fill", str(path), "--agency", "某某局", "--year", "2025"]) == 0
    report = gr.from_json(capsys.readouterr().out)
    assert report.proactive.licensing == 128
    assert report.proactive.punishment == 56
    assert report.applications.outcomes.withheld.state_secret.total is None  # not in the CSV


def test_fill_reads_a_gbk_spreadsheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("charset_normalizer")
    path = tmp_path / "cells.csv"
    path.write_bytes(FILLED_CELLS.encode("gb18030"))
    assert main(["fill", str(path), "--agency", "某某局", "--year", "2025", "--format", "text"]) == 0
    assert "行政许可 128" in capsys.readouterr().out.split("\n")


def test_fill_error_names_the_line_and_the_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cells.csv"
    path.write_text(
        FILLED_CELLS.replace("行政强制,本年处理决定数量,3", "行政强制,本年处理决定数量,三"), encoding="utf-8"
    )
    assert main(["fill", str(path), "--agency", "某某局", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: 第8行：")
    assert "表二“第二十条第（六）项/行政强制”行“本年处理决定数量”列的值“三”不是数字" in err


def test_fill_needs_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cells.csv"
    path.write_text("表,行,列,值\n3,x,y,1\n", encoding="utf-8")
    assert main(["fill", str(path), "--agency", "某某局", "--year", "2025"]) == 2
    assert "缺少table、row、column、value" in capsys.readouterr().err
