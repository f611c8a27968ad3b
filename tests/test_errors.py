"""Broken input: the library's own exception, with the right line and a Chinese message."""

from __future__ import annotations

import pickle

import pytest

import govinfo_report as gr
from tests.conftest import seed_text

PDF = "002_8227bd99a070a766"  # PDF text layer, space separated
WORD = "001_c9535c3b51337c03"  # Word copy, tab separated


def line_of(text: str, fragment: str) -> int:
    """1-based number of the only line containing ``fragment`` (found without the parser)."""
    hits = [i for i, line in enumerate(text.split("\n"), start=1) if fragment in line]
    assert len(hits) == 1, (fragment, hits)
    return hits[0]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def parse_error(text: str) -> gr.ParseError:
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert f"第{error.line}行第{error.column}列" in str(error)
    return error


def test_empty_text() -> None:
    error = parse_error("")
    assert isinstance(error, gr.EmptyInputError)
    assert error.line == 1
    assert "输入为空" in str(error)


def test_blank_lines_only() -> None:
    assert isinstance(parse_error("\n  \r\n\t\n"), gr.EmptyInputError)


def test_table3_row_with_six_numbers() -> None:
    text = replace_once(seed_text(PDF), "（一）予以公开 1 0 0 0 0 0 1", "（一）予以公开 1 0 0 0 0 1")
    error = parse_error(text)
    assert isinstance(error, gr.CellCountError)
    assert error.line == line_of(text, "（一）予以公开")
    assert "表三" in error.reason
    assert "（一）予以公开" in error.reason
    assert "应有7个数，只读到6个" in error.reason


N1_ROWS = "1.信访举报投诉类申请 0 0 0 0 0 0 0\n2.重复申请 0 0 0 0 0 0 0"


def test_a_label_number_printed_before_a_space_is_not_a_cell_of_the_row_before() -> None:
    # （五）1. printed with six numbers, the next label as `2 .重复申请`: the 2 is the label's.
    text = replace_once(
        seed_text(PDF), N1_ROWS, "1.信访举报投诉类申请 0 0 0 0 0 0\n2 .重复申请 0 0 0 0 0 0 0"
    )
    error = parse_error(text)
    assert isinstance(error, gr.CellCountError)
    assert error.line == line_of(text, "1.信访举报投诉类申请")
    assert "应有7个数，只读到6个" in error.reason


def test_a_label_printed_with_spaces_before_its_dot_is_read() -> None:
    text = replace_once(
        seed_text(PDF), N1_ROWS, "1.信访举报投诉类申请 3 0 0 0 0 0 3\n2 . 重 复 申 请 0 0 0 0 0 0 0"
    )
    report = gr.parse(text)

    def row(label: str) -> list[object]:
        return [cell.value for cell in gr.cells(report) if cell.table == 3 and cell.row == label]

    assert row("三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请") == [3, 0, 0, 0, 0, 0, 3]
    assert row("三、本年度办理结果/（五）不予处理/2.重复申请") == [0] * 7
    assert report.diagnostics == ()


def test_table3_row_with_eight_numbers() -> None:
    text = replace_once(seed_text(PDF), "（七）总计 9 0 0 0 0 0 9", "（七）总计 9 0 0 0 0 0 9 5")
    error = parse_error(text)
    assert isinstance(error, gr.CellCountError)
    assert error.line == line_of(text, "（七）总计")
    assert error.excerpt.endswith("9 5")
    assert "应有7个数，读到8个" in error.reason


def test_word_where_a_number_belongs() -> None:
    text = replace_once(seed_text(PDF), "规章 0 0 0", "规章 0 零 0")
    error = parse_error(text)
    assert error.line == line_of(text, "规章 0 零 0")
    assert error.column == len("规章 0 ") + 1
    assert "表二" in error.reason
    assert "零" in error.reason
    assert error.expected[0].startswith("数字")
    assert "“行政规范性文件”" in error.expected


def test_missing_table4() -> None:
    text = seed_text(PDF)
    start = text.index(" 四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、存在的主要问题及改进情况")
    text = text[:start] + text[end:]
    error = parse_error(text)
    assert error.line == line_of(text, "五、存在的主要问题及改进情况")
    assert "缺少“四、政府信息公开行政复议、行政诉讼情况”" in error.reason


def test_missing_table2_row() -> None:
    text = replace_once(seed_text(PDF), "行政处罚 0\n", "")
    error = parse_error(text)
    assert error.line == line_of(text, "行政强制 0")
    assert "“行政处罚”" in error.expected


def test_sections_out_of_order() -> None:
    text = seed_text(WORD)
    five = text.index("五、存在的主要问题及改进情况")
    six = text.index("六、其他需要报告的事项")
    text = text[:five] + text[six:] + "\n" + text[five:six]
    error = parse_error(text)
    assert error.line == line_of(text, "六、其他需要报告的事项")
    assert "章节顺序不对" in error.reason
    assert "缺少“五、存在的主要问题及改进情况”" in error.reason


def test_missing_title() -> None:
    text = replace_once(seed_text(WORD), "2024 年政府信息公开工作年度报告\n", "\n")
    error = parse_error(text)
    assert error.line == line_of(text, "一、总体情况")
    assert "缺少标题行" in error.reason


def test_decimal_in_a_count() -> None:
    text = replace_once(seed_text(PDF), "行政许可 322", "行政许可 32.2")
    error = parse_error(text)
    assert isinstance(error, gr.CellValueError)
    assert error.line == line_of(text, "行政许可 32.2")
    assert "“32.2”不是整数" in error.reason


def test_text_cut_off_inside_table3() -> None:
    text = seed_text(PDF)
    text = text[: text.index("（四）无法")]
    error = parse_error(text)
    assert "文本提前结束" in error.reason
    assert error.line == line_of(text, "8.属于行政查询事项")


def test_table3_rows_out_of_order() -> None:
    text = seed_text(WORD)
    first = "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
    second = "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n"
    text = replace_once(text, first + second, second + first)
    error = parse_error(text)
    assert error.line == line_of(text, "三安全一稳定")
    assert "“2.其他法律行政法规禁止公开”" in error.expected


def test_unknown_text_inside_a_table() -> None:
    text = replace_once(seed_text(PDF), "行政强制 0\n", "行政强制 0 备注：无\n")
    error = parse_error(text)
    assert error.line == line_of(text, "备注")
    assert "备注" in str(error)


def test_not_a_report() -> None:
    error = parse_error("这是一封普通的信。\n\n祝好！\n")
    assert error.line == 3
    assert "不像政府信息公开工作年度报告" in error.reason


def test_table_repeated() -> None:
    text = seed_text(PDF)
    start = text.index(" 三、收到和处理政府信息公开申请情况")
    end = text.index(" 四、政府信息公开行政复议、行政诉讼情况")
    text = text[:end] + text[start:end] + text[end:]
    error = parse_error(text)
    assert error.line == text[: text.index("三、收到和处理政府信息公开申请情况", end)].count("\n") + 1


def test_error_message_shows_line_and_caret() -> None:
    text = replace_once(seed_text(PDF), "规章 0 0 0", "规章 0 零 0")
    message = str(parse_error(text))
    lines = message.split("\n")
    assert lines[1] == "  规章 0 零 0"
    assert lines[2] == "  " + " " * len("规章 0 ".encode("gbk")) + "^"
    assert lines[3].startswith("应为：")


def test_parse_error_pickles() -> None:
    error = parse_error("")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (again.line, again.column, str(again)) == (error.line, error.column, str(error))


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02",
        "一、总体情况\n" * 50,
        "|||\n\t\t\n∅∅",
        "2024年政府信息公开工作年度报告\n一、总体情况\n",
    ],
)
def test_odd_input_raises_only_parse_error(text: str) -> None:
    parse_error(text)


def test_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match="parse_file"):
        gr.parse(b"abc")  # type: ignore[arg-type]


def test_unknown_edition() -> None:
    with pytest.raises(gr.UnknownEditionError, match="2021"):
        gr.parse("x", edition="2012")


def test_a_2019_edition_report_is_named_as_such() -> None:
    text = replace_once(
        seed_text(PDF),
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
    )
    error = parse_error(text)
    assert "2019年版（国办公开办函〔2019〕60号）格式的“本年新制作数量”" in error.reason
    assert error.line == line_of(text, "本年新制作数量")


def test_the_message_of_an_error_on_a_huge_line_shows_a_window_around_the_column() -> None:
    """A line of megabytes (a whole page on one line) never makes a message of megabytes."""
    line = "规章 0 " + "0" * 300 + " 零 0"
    with pytest.raises(gr.ParseError) as info:
        gr.parse("一、总体情况\n二、主动公开政府信息情况\n" + line + "\n")
    error = info.value
    assert error.excerpt == line  # the attribute is the whole line
    assert (error.line, error.column) == (3, line.index("零") + 1)
    shown, caret = str(error).split("\n")[1:3]
    assert len(shown) < 170
    assert shown.startswith("  …")
    assert shown[len(caret) - 1] == "零"  # the caret under the character, 0s one column wide each
    assert len(error.to_dict()["excerpt"]) <= 161
    with pytest.raises(gr.ParseError) as info:
        gr.parse("z" * 2_000_000)
    assert len(str(info.value)) < 400


def test_a_row_s_values_with_a_blank_mark_on_a_line_of_their_own_are_read() -> None:
    # The bundled example with 行政规范性文件's values on the line after its label, 本年废止件数
    # printed as not filled in.
    from pathlib import Path

    text = (Path(__file__).parents[1] / "examples" / "zhongwei-government-office-2024.txt").read_text(
        encoding="utf-8"
    )
    text = replace_once(text, "行政规范性文件 5 2 43", "行政规范性文件\n5 / 43")
    report = gr.parse(text)
    values = [c.value for c in gr.cells(report) if c.table == 2 and c.row.endswith("行政规范性文件")]
    assert values == [5, None, 43]


def test_sub_rows_numbered_in_brackets_are_read() -> None:
    # Seed 002's table-3 sub-rows numbered `（1）…（8）` and `(1)…(3)` instead of `1.`; the same
    # brackets in the overview stay as printed.
    text = seed_text(PDF)
    text = replace_once(text, "1.属于国家秘密", "（1）属于国家秘密")
    text = replace_once(text, "2.其他法律行政法规禁止公开", "（2）其他法律行政法规禁止公开")
    text = replace_once(text, "4.保护第三方合法权益", "(4)保护第三方合法权益")
    text = replace_once(text, "1.本机关不掌握相关政府信息", "(1) 本机关不掌握相关政府信息")
    text = replace_once(text, "一、总体情况\n", "一、总体情况\n（1）说明。\n")
    report = gr.parse(text)
    assert list(gr.cells(report)) == list(gr.cells(gr.parse(seed_text(PDF))))
    assert report.overview.paragraphs[0] == "（1）说明。"
    assert report.diagnostics == ()  # read as the labels they are, not as misspelt ones
