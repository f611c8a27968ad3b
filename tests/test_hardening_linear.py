"""Issue 10, item 6: no input makes a regular expression take super-linear time.

Each input below took from minutes to hours before the fix (the title pattern was
cubic in the length of a line, the Markdown-rule pattern quadratic).  The parse runs
in a child process with a budget of a minute, where the fixed code needs a fraction
of a second: the test fails by running out of time, it does not compare timings
(the machine is shared and noisy).  ``benchmarks/bench_complexity.py`` measures the
time per KB of these shapes and many more, from 10 KB to 1 MB.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govinfo_report._grammar import parser
from govinfo_report.normalize import MARKDOWN_RULE
from govinfo_report.recovery import _LABEL_END
from govinfo_report.values import CELL_PATTERN
from tests.conftest import seed_text

# Worker processes, subprocesses and timings: the quick loop leaves these out.
pytestmark = pytest.mark.slow

HOUSING = "002_8227bd99a070a766"  # PDF text layer
BUDGET = 60  # seconds; the fixed code parses each input in well under one

_CHILD = """
import sys
import govinfo_report as gr
text = open(sys.argv[1], encoding="utf-8").read()
try:
    gr.parse(text, lenient=sys.argv[2] == "lenient")
    print("read")
except gr.ParseError as error:
    print(type(error).__name__)
"""


def _before(line: str, anchor: str) -> str:
    """The housing report with ``line`` on a line of its own before the line starting ``anchor``."""
    text = seed_text(HOUSING)
    at = text.rfind("\n", 0, text.index(anchor)) + 1
    return text[:at] + line + "\n" + text[at:]


CASES = {
    # 8.8 KB took 7.5 s before: cubic, so this took several minutes.
    "title words on one line": "2024年政府信息公开" * 3000,
    # After an error in a table the lexer tries every terminal, the title's too.
    "title words in table 3": _before("2024年政府信息公开" * 3000, "（一）予以公开"),
    # 16,000 spaces took 3 s: quadratic in the Markdown-rule pattern.
    "spaces with a tab in section 一": _before(
        " " * 100_000 + "\t" + " " * 100_000 + "x", "（二）依申请公开"
    ),
    "|--- then spaces in table 3": _before("|---" + " " * 200_000 + "x", "（一）予以公开"),
    "a line of tabs in table 3": _before("\t" * 200_000 + "x", "（一）予以公开"),
    # A run of 500,000 cells: the CELLS repetition slowed as the run grew.
    "a run of cells in table 3": _before("1 " * 500_000, "（一）予以公开"),
    # Lines opening the table-3 note and never closing it, after table 3 is cut short:
    # the note's `[^）]*` ran to the end of the text from each line (quadratic, lenient).
    "table-3 notes never closed": seed_text(HOUSING)[: seed_text(HOUSING).index("（一）予以公开")]
    + "（本列数据的勾稽关系为\n" * 40_000,
    # Text then spaces in a table: where a misspelt label ends was looked for from each space,
    # reading the rest of the run each time (25,000 spaces took 24 s).
    "text then spaces in table 3": _before("五、存在" + " " * 200_000 + "x", "（一）予以公开"),
    "a spaced-out heading never finished": _before(
        "四、政府信息公开行政" + " \t" * 100_000 + "x", "（一）予以公开"
    ),
}


@pytest.mark.parametrize("mode", ["strict", "lenient"])
@pytest.mark.parametrize("name", list(CASES))
def test_parses_in_linear_time(name: str, mode: str, tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_text(CASES[name], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), mode],
        capture_output=True,
        text=True,
        timeout=BUDGET,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in {"read", "ParseError", "CellCountError", "CellValueError"}


# The patterns as they were: the definitions the linear ones must agree with.
_RUN = r"[^\n，。；,;]*"
OLD_TITLE = re.compile(rf"{_RUN}\d{{4}}[ \t]*年{_RUN}政府信息公开{_RUN}报告(?:（[^）\n]*）)?[ \t*|]*(?=\n|$)")
OLD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

_TITLE_PIECES = st.sampled_from(
    [
        "2024",
        "2",
        "年",
        "度",
        "政府信息公开",
        "政府",
        "信息公开",
        "工作",
        "报告",
        "（",
        "）",
        "，",
        " ",
        "\t",
        "*",
        "|",
        "某局",
        "a",
    ]
)


def _nested(line: str) -> bool:
    """Whether a bracket opens inside another one (the title's bracket may not hold one)."""
    depth = 0
    for char in line:
        if char == "（":
            if depth:
                return True
            depth += 1
        elif char == "）":
            depth = max(depth - 1, 0)
    return False


@given(st.lists(_TITLE_PIECES, max_size=8).map("".join))
def test_the_title_pattern_reads_the_lines_it_read_before(line: str) -> None:
    # Lines of up to ~40 characters: within the bounds of the new pattern.
    title = re.compile(parser().get_terminal("TITLE_LINE").pattern.to_regexp())
    if _nested(line):
        return
    assert bool(title.match(line)) == bool(OLD_TITLE.match(line)), line


@given(st.text(alphabet=" \t|:-x", max_size=16))
def test_the_markdown_rule_pattern_reads_the_lines_it_read_before(line: str) -> None:
    assert bool(MARKDOWN_RULE.match(line)) == bool(OLD_RULE.match(line)), line


OLD_LABEL_END = re.compile(r"[ \t]*\||[ \t]+(?=" + CELL_PATTERN + r"(?:[ \t|]|$))|$", re.MULTILINE)


@given(st.text(alphabet=" \t|\n0x.", max_size=16), st.integers(min_value=0, max_value=16))
def test_a_label_s_end_is_where_it_was_found_before(text: str, start: int) -> None:
    start = min(start, len(text))
    # A label begins where a token does: not at white space or `|`, which the lexer passes over.
    assume(start == len(text) or text[start] not in " \t|")
    old, new = OLD_LABEL_END.search(text, start), _LABEL_END.search(text, start)
    assert (old and old.start()) == (new and new.start()), (text, start)


OLD_NOTE = re.compile("（\\s*本\\s*列\\s*数\\s*据\\s*的\\s*勾\\s*稽\\s*关\\s*系\\s*为[^）]*）")
_NOTE_PIECES = st.sampled_from(
    [
        "（本列数据的勾稽关系为",
        "：第一项加第二项之和，",
        "等于第三项加第四项之和",
        "）",
        "\n",
        " ",
        "|",
        "（",
        "x",
    ]
)


@given(st.lists(_NOTE_PIECES, max_size=6).map("".join))
def test_the_note_pattern_reads_the_notes_it_read_before(text: str) -> None:
    note = re.compile(parser().get_terminal("_T3_NOTE").pattern.to_regexp())
    old, new = OLD_NOTE.match(text), note.match(text)
    if old is None:
        assert new is None, text
        return
    rest = old.group()[old.group().index("为") + 1 : -1]
    if len("".join(rest.split())) <= 40:  # within the bound: the same note
        assert new is not None, text
        assert new.group() == old.group(), text
    else:  # longer than any note: none
        assert new is None, text


def test_a_note_that_never_closes_is_no_note() -> None:
    note = re.compile(parser().get_terminal("_T3_NOTE").pattern.to_regexp())
    assert note.match("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    assert note.match("（本列数据的\n勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和 ）")
    assert note.match("（本列数据的勾稽关系为\n" * 1000) is None


_CELL_RUNS = st.lists(
    st.sampled_from(
        [
            "1",
            "23",
            "1,234",
            "1,23",
            "12.5",
            "35.2万元",
            "-3",
            "—",
            "——",
            "/",
            "无",
            "\u2205",
            "x",
            "1.",
            "元",
        ]
    ),
    min_size=1,
    max_size=10,
)
_SEPARATORS = st.sampled_from([" ", "  ", "|", " | ", "\t", "\n", "", "\u3000"])


@given(_CELL_RUNS, st.lists(_SEPARATORS, min_size=10, max_size=10))
def test_the_cells_pattern_reads_the_runs_it_read_before(cells: list[str], separators: list[str]) -> None:
    from govinfo_report.values import CELL_PATTERN, EMPTY

    text = "".join(cell + separator for cell, separator in zip(cells, separators, strict=False))
    after = rf"(?=[\s|{EMPTY}]|$)"
    old = re.compile(rf"(?:{CELL_PATTERN}{after}[\s|]*)*{CELL_PATTERN}{after}")
    new = re.compile(parser().get_terminal("CELLS").pattern.to_regexp())
    found, expected = new.match(text), old.match(text)
    assert (found.group() if found else None) == (expected.group() if expected else None), text


def test_a_long_run_of_cells_is_one_token_of_every_cell() -> None:
    cells = re.compile(parser().get_terminal("CELLS").pattern.to_regexp())
    run = "1 " * 200_000
    found = cells.match(run + "x")
    assert found is not None
    assert found.group() == run.rstrip()
