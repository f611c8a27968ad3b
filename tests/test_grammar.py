"""The grammar and the model name the same rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report._grammar import label_pattern, labels
from govinfo_report.editions import EDITIONS, get_edition
from govinfo_report.layout import row_specs
from tests.conftest import SEED_NAMES, seed_text


def test_every_row_has_a_grammar_label_and_back() -> None:
    grammar_rows = {
        label for name, names in labels().items() if name[:3] in {"T2_", "T3_"} for label in names
    }
    model_rows = set()
    for edition in EDITIONS.values():
        for table in edition.tables:
            if table.number in (2, 3):
                model_rows |= {spec.row[-1] for cls in table.classes for spec in row_specs(cls)}
    assert grammar_rows == model_rows


def test_row_counts_match_the_format() -> None:
    # national-format.md: 2021 table 3 has 25 rows, the 2019 one 23; table 4 fifteen cells.
    edition = get_edition("2021")
    assert len(row_specs(edition.table(3).cls)) == 25
    assert [len(r.cells) for r in row_specs(edition.table(2).cls)] == [3, 3, 1, 1, 1, 1]
    assert sum(len(r.cells) for r in row_specs(edition.table(4).cls)) == 15
    trial = get_edition("2019")
    assert len(row_specs(trial.table(3).cls)) == 23
    assert [len(r.cells) for r in row_specs(trial.table(2).cls)] == [3, 3, 3, 3, 3, 3, 2, 2]
    assert trial.table(4).cls is edition.table(4).cls


def test_label_pattern_tolerates_breaks_and_punctuation() -> None:
    import re

    pattern = re.compile(
        label_pattern("（二）部分公开（区分处理的，只计这一情形）")[1:-1].replace("\\/", "/")
    )
    assert pattern.fullmatch("（二）部分公开（区分处理的, 只计这一\n\n情形）")
    assert not pattern.fullmatch("（二）部分公开")


@pytest.mark.parametrize(
    ("canonical", "printed"),
    [
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及整改情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"),
        ("六、其他需要报告的事项", "六、其他需要报告事项"),
    ],
)
def test_heading_wordings_met_in_real_reports(canonical: str, printed: str) -> None:
    """national-format.md, Variants: section headings as real reports print them."""
    text = seed_text(SEED_NAMES[1])
    assert text.count(f"\n{canonical}\n") == 1
    report = gr.parse(text.replace(f"\n{canonical}\n", f"\n{printed}\n"))
    want = gr.to_dict(gr.parse(text))
    want["headings"] = [printed if heading == canonical else heading for heading in want["headings"]]
    assert gr.to_dict(report) == want  # the heading kept as printed, all else the same


_CELL_PIECES = [
    "0",
    "12",
    "1,234",
    "3.5",
    "1234,567",
    " ",
    "\t",
    "\n",
    "|",
    "元",
    "万元",
    "—",
    "/",
    "无",
    "空",
]
_CELL_PIECES += ["∅", "a", "-", "−", ",", ".", "5 元", "5 万元", "5元", "1,234 元"]


@given(st.lists(st.sampled_from(_CELL_PIECES), max_size=12).map("".join))
def test_a_run_of_cells_is_read_as_its_definition_reads_it(text: str) -> None:
    # The definition: cells as values.VALUE_PATTERN reads them, each before white space, "|",
    # an empty field's mark or the end, and not before a dot or 、 after spaces (a label's
    # number, `2 .重复申请`).  The grammar's CELLS has faster ways to the same runs.
    import re

    from govinfo_report._grammar import parser
    from govinfo_report.values import EMPTY, VALUE_PATTERN

    cell, end = f"(?:{VALUE_PATTERN}|{EMPTY})", rf"(?=[\s|{EMPTY}]|$)(?![ \t]*[.．、])"
    definition = re.compile(rf"{cell}{end}(?:[\s|]*{cell}{end})*+")
    cells = re.compile(parser().get_terminal("CELLS").pattern.to_regexp())
    for at in range(len(text) + 1):
        ours, defined = cells.match(text, at), definition.match(text, at)
        assert (ours and ours.span()) == (defined and defined.span())


def test_headings_printed_with_spaces_between_their_characters_are_read() -> None:
    # Seed 002 (a PDF text layer) with each heading's words spaced out, as a PDF prints a
    # heading set in spaced-out bold (`一、总 体 情 况`), one with a tab and one with a full-width
    # space (normalized to a space).
    text = seed_text("002_8227bd99a070a766")
    spaced = {
        "一、总体情况": "一、总 体 情 况",
        "二、主动公开政府信息情况": "二、主动公开\t政府信息情况",
        "五、存在的主要问题及改进情况": "五、存在的主要问题及　改进情况",
    }
    for heading, printed in spaced.items():
        assert text.count(f"\n{heading}\n") == 1
        text = text.replace(f"\n{heading}\n", f"\n{printed}\n")
    report = gr.parse(text)
    expected = gr.parse(seed_text("002_8227bd99a070a766"))
    assert list(gr.cells(report)) == list(gr.cells(expected))
    assert report.overview == expected.overview
    assert report.problems == expected.problems
    assert [report.headings[i] for i in (0, 1, 4)] == list(spaced.values())  # as printed


def test_a_heading_s_words_are_not_read_across_a_line_break() -> None:
    text = seed_text("002_8227bd99a070a766").replace("\n一、总体情况\n", "\n一、总体\n情况\n", 1)
    with pytest.raises(gr.ParseError):
        gr.parse(text)
