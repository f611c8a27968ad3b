"""The fast path (govinfo_report/_fast_path.py) against the reference parser.

Differential: wherever the fast path gives a tree, it is the reference's tree, every
token's type, value and position included; whole parses with the fast path and without
it give the same reports, diagnostics and errors, strict and lenient.
"""

from __future__ import annotations

import importlib
import re
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from lark import Token
from lark.exceptions import UnexpectedInput

import govinfo_report as gr
from govinfo_report import _fast_path
from govinfo_report._fast_path import fast_tree
from govinfo_report._grammar import parser
from govinfo_report.detect import detect_edition
from govinfo_report.editions import EDITIONS, Edition
from govinfo_report.normalize import normalize
from govinfo_report.readers import read_document
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, damaged_seeds, seed_text, tree_shape, variant_texts

parse_module = importlib.import_module("govinfo_report.parse")  # the attribute is the function


def _edition(normalized: str) -> Edition:
    return detect_edition(normalized) or EDITIONS["2021"]


def _reference(normalized: str, edition: Edition) -> Any:
    try:
        return tree_shape(parser().parse(normalized, start=edition.start))
    except UnexpectedInput:
        return None


def _same_tree(text: str) -> bool:
    """Whether the fast path read ``text``; when it did, its tree is the reference's."""
    normalized = normalize(text)
    edition = _edition(normalized)
    tree = fast_tree(normalized, edition)
    if tree is None:
        return False
    assert tree_shape(tree) == _reference(normalized, edition), text[:200]
    return True


VARIANT_TEXTS = variant_texts()


@pytest.mark.parametrize("name", sorted(VARIANT_TEXTS))
def test_the_fast_path_reads_every_seed_and_layout_variant_as_the_reference(name: str) -> None:
    # The seeds and their layouts are what the speed targets are measured on: the fast
    # path must take them all (a fall back to the reference would be a silent slowdown).
    assert _same_tree(VARIANT_TEXTS[name])


def test_the_fast_path_reads_both_editions() -> None:
    report_2019 = gr.skeleton("某县人民政府办公室", 2020, edition="2019")
    assert report_2019.edition == "2019"
    for report in (report_2019, gr.skeleton("某县人民政府办公室", 2024)):
        assert _same_tree(gr.render(report))


def test_the_fast_path_gives_up_where_the_reference_fails() -> None:
    text = seed_text(SEED_NAMES[0])
    broken = text.replace("（七）总计", "（七）合计", 1)
    assert broken != text
    normalized = normalize(broken)
    assert fast_tree(normalized, _edition(normalized)) is None
    assert _reference(normalized, _edition(normalized)) is None


def test_narrative_that_starts_with_a_number_is_narrative() -> None:
    # In a narrative state a line "2024年……" is TEXT_LINE, though a run of cells would
    # match its first characters: narrative states scan only their own terminals.
    text = seed_text(SEED_NAMES[0])
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    lines.insert(at + 1, "2024 年，本机关共发布信息 12 条。")
    assert _same_tree("\n".join(lines))


@pytest.mark.parametrize(
    "gap",
    ["\n\n\n\n", "\n | \n\t\n", "\n" * 12],
    ids=["blank lines", "pipes and tabs", "many blank lines"],
)
def test_tokens_after_several_line_breaks_stand_where_the_reference_puts_them(gap: str) -> None:
    # A token's line and column follow the line breaks the reading passes: after a run of
    # blank lines, lines of pipes and a row of cells broken over lines, as the reference counts.
    text = seed_text(SEED_NAMES[0]).replace("\n四、", gap + "四、", 1)
    row = "（七）总计 28 3 0 0 0 0 31"  # (the seed's row, as printed)
    assert row in text
    text = text.replace(row, "（七）总计" + gap + "28 3\n0 0" + gap + "0 0 31", 1)
    assert _same_tree(text)
    total = gr.parse(text).applications.outcomes.total
    assert (total.natural_person, total.commercial, total.total) == (28, 3, 31)


def test_a_run_of_cells_is_compiled_once_whatever_digit_it_begins_with() -> None:
    # CELLS can begin with any digit, and with marks: in a table it would be in the pattern
    # of every such character, beside the labels that begin with it ("1." … "9." in table 3).
    # It has a pattern of its own, shared, and is tried in Lark's order after those labels.
    for text in VARIANT_TEXTS.values():
        assert _same_tree(text)
    machine = _fast_path._machine(EDITIONS["2021"].start)
    joined = [names for names, _ in machine._by_terminals if "CELLS" in names]
    assert joined == [("CELLS",)]
    # at a digit in table 3 the labels that begin with it are tried first ("1.申请人无正当理由
    # 逾期不补正……" and its cells "0 0 0 0 0 0 / 0" as printed), then the run of cells
    # ("（七）总计 28 3 0 0 0 0 31": "28" begins like "2.申请人逾期未按收费通知……")
    text = seed_text(SEED_NAMES[0])
    assert "\n1.申请人无正当理由逾期不补正" in text
    assert "（七）总计 28 3" in text
    outcomes = gr.parse(text).applications.outcomes
    assert isinstance(outcomes.other, gr.OtherHandling)
    assert (outcomes.other.no_correction.natural_person, outcomes.other.no_correction.total) == (0, 0)
    assert (outcomes.total.natural_person, outcomes.total.commercial, outcomes.total.total) == (28, 3, 31)


def test_the_fast_path_keeps_no_table_of_lines() -> None:
    # Positions are found as the reading moves down: half a million blank lines inside
    # table 3 cost the fast path no memory of their own (a table of line starts would
    # hold ~24 MB of them), and are counted right.
    text = normalize(seed_text(SEED_NAMES[0]).replace("\n（七）总计", "\n" * 500_000 + "（七）总计", 1))
    edition = _edition(text)
    assert fast_tree(text, edition) is not None  # (its scanners built: they are kept for later parses)
    tracemalloc.start()
    try:
        tree = fast_tree(text, edition)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert tree is not None
    assert peak < 2_000_000
    total = next(token for token in tree.scan_values(lambda v: isinstance(v, Token)) if token == "（七）总计")
    row = seed_text(SEED_NAMES[0]).split("\n").index("（七）总计 28 3 0 0 0 0 31") + 1
    assert total.line == row + 499_999  # (the line break before the row became 500,000)


# ---------------------------------------------------------------------------
# Generated reports in every layout, and damaged seeds


def _pipes(text: str) -> str:
    """Table rows as a web copy gives them: cells between ``|``."""
    return re.sub(r"(?m)^(\S.*?\d)$", lambda m: "| " + " | ".join(m.group(1).split()) + " |", text)


def _tabs(text: str) -> str:
    return re.sub(r"(?m)^(\S.*?\d)$", lambda m: "\t".join(m.group(1).split()), text)


def _one_cell_per_line(text: str) -> str:
    return re.sub(
        r"(?m)^(\S+?) ((?:\S+ )*\S+)$", lambda m: f"{m.group(1)}\n{m.group(2).replace(' ', chr(10))}", text
    )


def _html_copy(report: gr.Report) -> str:
    """The text the web-page reader gives for the report's page."""
    return read_document(gr.render(report, "html").encode("utf-8"), form="html", encoding="utf-8").text


_LAYOUTS: list[Callable[[str], str]] = [
    lambda text: text,
    _pipes,
    _tabs,
    _one_cell_per_line,
    lambda text: text.replace("\n", "\r\n"),
    lambda text: text.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    lambda text: text.replace("（", "(").replace("）", ")"),
]


@st.composite
def _laid_out(draw: st.DrawFn) -> str:
    report = draw(reports())
    form = draw(st.sampled_from(["text", "md", "html"]))
    if form == "md":
        return gr.render(report, "md")
    if form == "html":
        return _html_copy(report)
    return draw(st.sampled_from(_LAYOUTS))(gr.render(report))


_PIECE = st.one_of(
    st.sampled_from(
        ["0", "12", "/", "—", " | ", "\t", "\n", "自然人", "总计", "（七）总计", "1.属于国家秘密", "无"]
    ),
    st.text(max_size=3),
)
_TEXTS = st.one_of(_laid_out(), damaged_seeds((0, 3), _PIECE))


@given(_TEXTS)
def test_where_the_fast_path_reads_it_gives_the_reference_s_tree(text: str) -> None:
    read = _same_tree(text)
    event("the fast path read the text" if read else "the fast path gave way to the reference")


def _outcome(text: str, lenient: bool) -> object:
    try:
        report = gr.parse(text, lenient=lenient)
    except gr.ParseError as error:
        return (type(error).__name__, error.line, error.column, str(error), error.expected)
    return (report, report.diagnostics)


@given(_TEXTS)
def test_a_parse_gives_what_the_reference_alone_gives(text: str) -> None:
    for lenient in (False, True):
        ours = _outcome(text, lenient)
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(parse_module, "fast_tree", lambda text, edition: None)
            reference = _outcome(text, lenient)
        assert ours == reference, (lenient, text[:200])


def test_the_fast_path_calls_the_lexer_callbacks_lark_calls() -> None:
    from govinfo_report._fast_path import _machine

    root = parser().parser.lexer.root_lexer
    _ = root.scanner  # Lark's own lexer puts its callbacks together when its scanner is built
    for edition in EDITIONS.values():
        assert _machine(edition.start).callbacks == root.callback
    assert set(root.callback) == {"TEXT_LINE"}
