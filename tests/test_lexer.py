"""The dispatching scanners (govinfo_report/_lexer.py) against Lark's own, state by state."""

from __future__ import annotations

import importlib
import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark.lexer import BasicLexer, Scanner
from lark.utils import TextSlice

import govinfo_report as gr
from govinfo_report._grammar import labels, lark_parser, parser
from govinfo_report._lexer import DispatchingLexer, FirstCharacters, first_characters
from govinfo_report.normalize import normalize
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, damaged_seeds, seed_text


def _states() -> list[BasicLexer]:
    lexer = parser().parser.lexer
    found = {id(state): state for state in [*lexer.lexers.values(), lexer.root_lexer]}
    return list(found.values())


STATES = _states()


@cache
def _reference(index: int) -> Scanner:
    """Lark's scanner for the state: one pattern joining its terminals in order."""
    state = STATES[index]
    return Scanner(state.terminals, state.g_regex_flags, re, False)  # type: ignore[no-untyped-call]


def _same(index: int, text: str, position: int) -> None:
    state = STATES[index]
    piece = TextSlice(text, 0, len(text))
    assert state.scanner.match(piece, position) == _reference(index).match(piece, position), (
        index,
        text[position : position + 40],
    )


def test_every_state_dispatches() -> None:
    assert STATES
    assert all(isinstance(state, DispatchingLexer) for state in STATES)


def test_first_characters() -> None:
    def chars(text: str, digits: bool = False) -> FirstCharacters:
        return FirstCharacters(frozenset(text), digits)

    assert first_characters("abc") == chars("a")
    assert first_characters("(?:x|y)z") == chars("xy")
    assert first_characters("a?b") == chars("ab")
    assert first_characters("(?:#{1,6}[ \\t]*)?一") == chars("#一")
    assert first_characters("(?!x)[ab]+") == chars("ab")
    assert first_characters("[0-9]") == chars("0123456789")
    assert first_characters("\\s*a") is None
    assert first_characters("[^a]") is None
    assert first_characters(".") is None
    assert first_characters("(?i:a)") is None
    # ``\d``: every decimal digit, without listing them; ``\D`` and ``\w``: any character.
    assert first_characters("\\d+|—") == chars("—", digits=True)
    assert first_characters("[\\d,]") == chars(",", digits=True)
    assert first_characters("\\D") is None
    assert first_characters("\\w") is None


def test_first_digits_are_what_backslash_d_matches() -> None:
    first = first_characters("\\d")
    assert first is not None
    for character in ["0", "9", "３", "٣", "৫"]:  # ASCII, full-width, Arabic-Indic, Bengali
        assert re.fullmatch("\\d", character)
        assert character in first
    for character in ["a", "一", "—", "", "¹", "Ⅳ", "12"]:  # superscripts and numerals are not decimal
        assert re.fullmatch("\\d", character) is None
        assert character not in first


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_state_at_every_line_start_of_a_seed(name: str) -> None:
    text = normalize(seed_text(name))
    starts = [0] + [match.end() for match in re.finditer("\n[ \t|]*", text) if match.end() < len(text)]
    for index in range(len(STATES)):
        for position in starts:
            _same(index, text, position)


# Text built from the pieces the terminals are made of: labels, numbers, marks, white space.
_PIECES = [
    *sorted({spelling for names in labels().values() for spelling in names}),
    "0",
    "12",
    "1,234",
    "35.2万元",
    "/",
    "—",
    "无",
    "\u2205",
    " ",
    "\t",
    "\n",
    "|",
    "一、总体情况",
    "## 五、存在的主要问题及改进情况",
    "2024年政府信息公开工作年度报告",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "文字",
    "1.",
    "３",  # full-width and Arabic-Indic digits: ``\d`` matches them, Lark's scanners read them as cells
    "٣",
    "（",
    "#",
    "*",
]
_PIECE = st.one_of(st.sampled_from(_PIECES), st.text(max_size=3))
_TEXT = st.lists(_PIECE, min_size=1, max_size=12).map("".join)


@given(st.integers(0, len(STATES) - 1), _TEXT, st.integers(0, 40))
def test_dispatching_matches_as_lark_does(index: int, text: str, at: int) -> None:
    _same(index, text, min(at, len(text) - 1) if text else 0)


# ---------------------------------------------------------------------------
# The whole parse, with Lark's own scanners and with the dispatching ones

parse_module = importlib.import_module("govinfo_report.parse")  # the attribute is the function


@cache
def _stock_parser() -> object:
    """The report parser exactly as Lark builds it (its own scanner in every state)."""
    return lark_parser()


def _outcome(text: str, lenient: bool) -> object:
    try:
        report = gr.parse(text, lenient=lenient)
    except gr.ParseError as error:
        return (type(error).__name__, error.line, error.column, str(error))
    return (report, report.diagnostics)


def _same_parse(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for lenient in (False, True):
        ours = _outcome(text, lenient)
        with monkeypatch.context() as patched:
            patched.setattr(parse_module, "parser", _stock_parser)
            stock = _outcome(text, lenient)
        assert ours == stock, (lenient, text[:200])


@given(st.one_of(damaged_seeds((0, 3), _PIECE), reports().map(gr.render)))
def test_a_parse_gives_what_lark_s_own_scanners_give(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same_parse(text, monkeypatch)
