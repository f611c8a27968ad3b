"""The clean-up in front of the grammar: same lines, same lengths, canonical spellings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.normalize import EMPTY, normalize, split_lines


def test_fullwidth_digits_and_parentheses() -> None:
    assert normalize("规章 ０ １２ ３") == "规章 0 12 3"
    assert normalize("(一)予以公开") == "（一）予以公开"
    assert normalize("1．属于国家秘密") == "1.属于国家秘密"


def test_enumerator_with_dunhao() -> None:
    assert normalize("2、重复申请") == "2.重复申请"
    assert normalize("一、总体情况") == "一、总体情况"  # not after a digit: left alone


def test_straight_quotes_become_curly() -> None:
    assert normalize('3.危及"三安全一稳定"') == "3.危及“三安全一稳定”"


def test_line_ends_and_bom() -> None:
    assert normalize("\ufeffa\r\nb\rc\nd") == " a\nb\nc\nd"
    assert split_lines("a\r\nb\u2028c") == ["a", "b\u2028c"]


def test_empty_fields_in_tab_rows() -> None:
    # label, merged label column, blank cell between two values, trailing merged cells
    line = "规章\t\t0\t\t3\t\t"
    assert normalize(line) == "规章" + EMPTY + "\t0" + EMPTY + "\t3\t\t"


def test_empty_fields_in_pipe_rows() -> None:
    assert normalize("| 规章 | | 0 | |") == "| 规章 " + EMPTY + " | 0 " + EMPTY + " |"


def test_header_rows_are_left_alone() -> None:
    assert normalize("\t\t自然人\t法人或其他组织\t\t") == "\t\t自然人\t法人或其他组织\t\t"


def test_markdown_rule_and_lone_pipe() -> None:
    assert normalize("|---|:---:|") == " " * len("|---|:---:|")
    assert normalize(" |") == " " + EMPTY


@given(st.text())
def test_lines_and_lengths_are_kept(text: str) -> None:
    before = split_lines(text)
    after = normalize(text).split("\n")
    assert [len(line) for line in after] == [len(line) for line in before]


@given(st.text(alphabet="1２9、a \n.", max_size=40))
def test_an_enumerator_comma_after_a_digit_becomes_a_point_and_nothing_else_changes(text: str) -> None:
    from govinfo_report.normalize import _ENUMERATOR

    expected = "".join(
        "." if char == "、" and at > 0 and text[at - 1].isdecimal() else char for at, char in enumerate(text)
    )
    assert _ENUMERATOR.sub(".", text) == expected


def test_only_the_lines_that_are_page_numbers_are_blanked() -> None:
    # Read off the layouts of page footers: "- 3 -", "第3页 共6页" alone on a line are blanked;
    # a dash or 页 in a line of text or a table row leaves it as it is.
    text = "甲-乙\n- 3 -\n规章 — 0\n第3页 共6页\n共6页"
    assert normalize(text) == "甲-乙\n     \n规章 — 0\n       \n共6页"


@pytest.mark.parametrize(
    "footer", ["共6页 第3页", "共 6 页，第 3 页", "Page 3 of 6", "·3·", "〔3〕", "－3－"]
)
def test_every_page_number_form_is_blanked(footer: str) -> None:
    """The forms the PDF reader leaves out (one definition: ``normalize.PAGE_NUMBER``) are
    blanked in a text copy as well; the same text inside a line is left as it is."""
    assert normalize(f"甲\n{footer}\n乙") == f"甲\n{' ' * len(footer)}\n乙"
    from govinfo_report.normalize import PAGE_NUMBER

    assert PAGE_NUMBER.search(f"甲{footer}\n乙") is None


def test_a_row_s_values_on_a_line_of_their_own_are_not_a_page_number() -> None:
    # `5 / 43` (5, not filled in, 43) after a wrapped label is a row's cells in a text; only
    # the PDF reader, which knows where a line stands on its page, takes `3 / 6` in the margin
    # for a page number.
    assert normalize("行政规范性文件\n5 / 43\n") == "行政规范性文件\n5 / 43\n"


def test_a_page_number_between_en_dashes_is_blanked_as_between_hyphens() -> None:
    # No other dash or 页 in the text: the en dash alone must make the page number be looked for.
    assert normalize("甲\n– 3 –\n乙") == "甲\n     \n乙"
    assert normalize("甲\n― 3 ―\n乙") == "甲\n     \n乙"


@given(st.text(alphabet="a中\r\n\u2028\x85", max_size=30))
def test_lines_split_at_crlf_cr_and_lf_only(text: str) -> None:
    expected, line, at = [], "", 0
    while at < len(text):
        if text[at] in "\r\n":
            expected.append(line)
            line = ""
            at += 2 if text.startswith("\r\n", at) else 1
        else:
            line += text[at]
            at += 1
    assert split_lines(text) == [*expected, line]


_SOME_SURROGATES = ["a", "中", "\n", "\U0001f600", "\ud800", "\udbff", "\udc80", "\udfff"]


@given(st.text(alphabet=st.sampled_from(_SOME_SURROGATES)))
def test_the_first_lone_surrogate_is_found_where_it_stands(text: str) -> None:
    from govinfo_report.normalize import first_invalid_character

    expected = next((at for at, char in enumerate(text) if 0xD800 <= ord(char) <= 0xDFFF), None)
    assert first_invalid_character(text) == expected


#: A table line's fields: empty, white space (space, U+001F), values alone, side by side or with
#: other text, labels, the marks normalize writes, a Markdown rule's parts, a line-break tag.
_VALUES = ["0", "12", "3.5", "1,234", "-5", "−2", "—", "/", "无", "空", "5万元", "7 元"]
_FIELDS = st.one_of(
    st.lists(
        st.sampled_from(
            [*_VALUES, "", "", " ", "  ", "\x1f", "万元", "元", "件", "规章", "∅", "·", "---", ":", "<br>"]
        ),
        max_size=3,
    ).map("".join),
    st.builds(
        str.join,
        st.sampled_from([" ", "  ", "\x1f", " \u2003"]),
        st.lists(st.sampled_from(_VALUES), min_size=2, max_size=3),
    ),
)


@st.composite
def _table_lines_drawn(draw: st.DrawFn) -> str:
    """A line of fields between tabs or pipes (or both), maybe with borders."""
    fields = draw(st.lists(_FIELDS, min_size=1, max_size=9))
    separators = draw(st.sampled_from(["\t", "|", "\t|"]))
    return "".join(field + draw(st.sampled_from(separators)) for field in fields[:-1]) + fields[-1]


_TABLE_LINES = _table_lines_drawn()


#: Lines that are not table lines, or are only just: what the whole-text quick looks must not
#: mistake (values side by side, rules, tags outside tables; lone pipes in white space).
_OTHER_LINES = st.sampled_from(
    [
        "",
        "说明",
        " |",
        "|",
        " \x1f| ",
        "| |",
        "1 2",
        "3 —",
        "---",
        "a<br>b",
        "\t",
        "\t\t5",
        "- 3 -",
        "|a<br>|",
        "| 本机关<br/>不掌握 |",
        "|0|x\t\t",
        "5万元 |",
    ]
)


@given(st.lists(st.one_of(_TABLE_LINES, _OTHER_LINES), max_size=8).map("\n".join))
def test_each_line_holding_a_separator_is_written_as_a_table_line(text: str) -> None:
    # The definition: a line (between "\n") holding a tab or a pipe, as _table_line writes it.
    import re

    from govinfo_report.normalize import _table_line, _table_lines, _table_lines_one_by_one

    separated = re.compile(r"^[^\n\t|]*[\t|][^\n]*$", re.MULTILINE)
    expected = separated.sub(lambda match: _table_line(match.group()), text)
    assert _table_lines_one_by_one(text) == expected
    # Only the lines the whole-text quick looks find are written: the others are left as they are.
    assert _table_lines(text) == expected


def test_each_quick_look_finds_its_line_after_the_first() -> None:
    from govinfo_report.normalize import _table_lines, _table_lines_one_by_one

    # (The first line is always looked at: each line here is the second.)  A Markdown rule, a
    # line-break tag in a pipe row, a lone pipe, values side by side (space, other white space),
    # an empty field from a tab in a pipe row, from a pipe, and one inside a tab row.
    lines = ["|---|---|", "| 1<br>2 |", " | ", "| 1 2 |", "| 1\x1f2 |", "|0|x\t\t", "|0||1|", "规章\t\t0\t1"]
    for line in lines:
        text = "说明\n" + line + "\n说明"
        assert _table_lines(text) == _table_lines_one_by_one(text) != text, line


def test_the_fixtures_table_lines_are_written_as_one_by_one() -> None:
    from pathlib import Path

    from govinfo_report.normalize import _table_lines, _table_lines_one_by_one

    fixtures = Path(__file__).parent / "fixtures"
    # (Some variants are in other encodings: read as UTF-8 with replacements, they are text all the same.)
    texts = [path.read_bytes().decode("utf-8", "replace") for path in sorted(fixtures.rglob("*.txt"))]
    texts = [text.replace("\r\n", "\n").replace("\r", "\n") for text in texts if "\t" in text or "|" in text]
    assert len(texts) >= 10
    for text in texts:
        assert _table_lines(text) == _table_lines_one_by_one(text)


def test_the_other_spaces_are_all_white_space_but_space_tab_and_line_feed() -> None:
    import re

    from govinfo_report.normalize import _OTHER_SPACES

    spaces = {chr(code) for code in range(0x110000) if re.fullmatch(r"\s", chr(code))}
    assert set(_OTHER_SPACES) == spaces - {" ", "\t", "\n"}
    assert len(_OTHER_SPACES) == len(set(_OTHER_SPACES))


_PAGE_TEXT = st.lists(
    st.sampled_from(
        [*"-—–―－~页第共/，·〔〕", "Page", "age", "of", "3", "12", " ", "\t", "|", "\n", "a", "\n"]
    ),
    max_size=24,
).map("".join)


@given(_PAGE_TEXT)
def test_page_numbers_are_blanked_as_the_substitution_blanks_them(text: str) -> None:
    from govinfo_report.normalize import PAGE_NUMBER, _blank_page_numbers

    assert _blank_page_numbers(text) == PAGE_NUMBER.sub(lambda match: " " * len(match.group()), text)


@given(_TABLE_LINES)
def test_the_quick_looks_at_a_table_line_turn_away_only_lines_with_nothing_to_do(line: str) -> None:
    from govinfo_report.normalize import (
        _SEVERAL_IN_A_FIELD,
        _SEVERAL_NEAR,
        _mark_empty_fields,
        _marked_fields,
    )

    # Two values side by side in a field are always seen by the quick look first.
    if _SEVERAL_IN_A_FIELD.search(line):
        assert _SEVERAL_NEAR.search(line)
    # A line the quick look passes over is one the marking leaves as it is.
    assert _mark_empty_fields(line) == _marked_fields(line)


def test_empty_fields_are_marked_only_between_filled_ones_in_tab_rows() -> None:
    # Read off the layout: a blank cell between two values is marked; the label's merged
    # column after the label too; blanks before the first filled field and after the last stay.
    assert normalize("\t\t规章\t\t0\t \t3\t\t") == "\t\t规章" + EMPTY + "\t0" + EMPTY + " \t3\t\t"
    assert normalize("\t\t规章\t0\t\t\t") == "\t\t规章\t0\t\t\t"
    assert normalize("1 2\t3") == "1·2\t3"


def test_no_replacement_is_itself_replaced() -> None:
    # normalize replaces one character after another: that is the simultaneous replacement
    # (str.translate) only if no replacement holds a character that is replaced.
    from govinfo_report.normalize import _TRANSLATION

    replaced = {chr(code) for code in _TRANSLATION}
    assert not any(set(replacement) & replaced for replacement in _TRANSLATION.values())


@given(st.text(alphabet="a中０９．／－()\u3000\u00a0\ufeff\f\v\r\n1", max_size=30))
def test_characters_are_replaced_as_str_translate_replaces_them(text: str) -> None:
    from govinfo_report.normalize import _TRANSLATION, _translate

    assert _translate(text) == text.translate(_TRANSLATION)


@given(st.text(alphabet="a\r\n", max_size=20))
def test_line_breaks_become_line_feeds_where_lines_are_split(text: str) -> None:
    assert normalize(text).split("\n") == [line.replace("\r", " ") for line in split_lines(text)]
