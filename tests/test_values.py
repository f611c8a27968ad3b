"""The one vocabulary of cell values, used alike by every part that reads a cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report as gr
from govinfo_report.values import EMPTY, MAX_COUNT, CellKind, Money, ValueProblem, classify, convert
from tests.conftest import proactive_2021, seed_text

# Every spelling of "not filled in" that national-format.md and real reports use.
MARKS = ["/", "／", "-", "—", "——", "―", "－", "–", "─", "无", "空"]


@pytest.mark.parametrize("mark", MARKS)
def test_every_mark_is_not_filled_in(mark: str) -> None:
    assert classify(mark) == "mark"
    assert convert(mark, "count") is None


@pytest.mark.parametrize("mark", MARKS)
def test_every_mark_reads_in_a_pipe_row_with_a_blank_beside_it(mark: str) -> None:
    # The row of the issue: `| 规章 | ― | | ― |` failed while the same row with `—` parsed.
    text = seed_text("000_7047d3e44c49cbca")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("规章"))
    lines[at] = f"| 规章 | {mark} | | {mark} |"
    report = gr.parse("\n".join(lines))
    rules = proactive_2021(report).rules
    assert rules.issued is None
    assert rules.repealed is None
    assert rules.in_force is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "blank"),
        ("  ", "blank"),
        (EMPTY, "blank"),
        ("0", "number"),
        ("１２", "number"),
        ("1,234", "number"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize("text", ["规章", "12a", "1,23", "十二", "1e3", "NaN", "∞"])
def test_words_are_no_values(text: str) -> None:
    assert classify(text) is None
    with pytest.raises(ValueProblem, match="不是数字"):
        convert(text, "count")


def test_conversion_by_kind() -> None:
    assert convert("1,234", "count") == 1234
    assert convert("-18", "signed") == -18
    assert convert("24252.311082", "amount", unit="万元") == Decimal("24252.311082")
    assert convert("12.5万元", "amount", unit="万元") == Decimal("12.5")
    assert convert("73802895.90元", "money") == Money(Decimal("73802895.90"), "元")
    assert str(convert("35.2万元", "money")) == "35.2万元"
    assert convert("251000", "money") == Money(Decimal(251000), "")


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("1.5", "count", "不是整数"),
        ("3件", "count", "不是数字"),
        ("12元", "amount", "单位应为万元"),
        ("5元", "count", "不应带单位"),
    ],
)
def test_wrong_kind(text: str, kind: str, words: str) -> None:
    with pytest.raises(ValueProblem, match=words):
        convert(text, kind, unit="万元")  # type: ignore[arg-type]


def test_numbers_are_bounded() -> None:
    assert convert(str(MAX_COUNT), "count") == MAX_COUNT
    with pytest.raises(ValueProblem, match="超出上限"):
        convert(str(MAX_COUNT + 1), "count")
    with pytest.raises(ValueProblem, match="超出上限"):
        convert("9" * 5000, "count")  # beyond Python's int-conversion limit: refused before it
    with pytest.raises(ValueProblem, match="超出上限"):
        convert("9" * 5000, "amount")


@pytest.mark.parametrize(
    ("text", "kind", "unit", "want"),
    [
        ("2.75 万元", "amount", "万元", Decimal("2.75")),
        ("73802895.90 元", "money", "", Money(Decimal("73802895.90"), "元")),
    ],
)
def test_one_space_may_stand_before_a_unit(text: str, kind: CellKind, unit: str, want: object) -> None:
    assert classify(text) == "number"
    assert convert(text, kind, unit=unit) == want


def test_two_spaces_or_a_tab_before_a_unit_are_no_value() -> None:
    assert classify("2.75  万元") is None
    assert classify("2.75\t万元") is None


def test_an_amount_and_its_unit_after_a_space_in_a_text_row() -> None:
    text = seed_text("000_7047d3e44c49cbca")
    assert text.count("行政事业性收费 0\n") == 1
    report = gr.parse(text.replace("行政事业性收费 0\n", "行政事业性收费 2.75 万元\n"))
    assert proactive_2021(report).fees == Decimal("2.75")
    with pytest.raises(gr.CellCountError):  # two numbers are two cells, never one amount
        gr.parse(text.replace("行政事业性收费 0\n", "行政事业性收费 2.75 3\n"))
