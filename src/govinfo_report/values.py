"""The one vocabulary of cell values: not-filled marks, the number pattern, units, cell kinds.

Every part of the library that looks at a cell's text uses this module: the
clean-up in front of the grammar (:mod:`govinfo_report.normalize`), the
grammar loader (which puts :data:`CELL_PATTERN` into the ``CELLS`` terminal),
the Transformer, the readers of files (which tell a value cell from a label)
and :func:`govinfo_report.from_cells`.  Nothing else defines what a number or
a "not filled in" mark is.

* **Not filled in**: a blank cell, a run of dashes (``-``, ``—``, ``——``,
  ``―``, ``－`` …), a slash (``/``, ``／``), ``无`` or ``空``.  Never 0.
* **Numbers**: ASCII digits (full-width digits are turned into ASCII first),
  an optional sign, thousands separators in groups of three (``1,234``), an
  optional decimal part.  An amount may carry its unit (``35.2万元``,
  ``251000元``, ``2.75 万元`` with one space between).
* **Bounds**: a count is at most :data:`MAX_COUNT` in size and an amount at
  most :data:`MAX_AMOUNT`; anything larger is refused, so that no input can
  make the library convert a number of thousands of digits.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Literal

import attrs

from .errors import shorten

__all__ = [
    "CELL_END",
    "CELL_KINDS",
    "CELL_PATTERN",
    "DASHES",
    "EMPTY",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "NOT_FILLED_WORDS",
    "NUMBER_PATTERN",
    "SLASHES",
    "UNITS",
    "UNIT_PATTERN",
    "VALUE_PATTERN",
    "VALUE_TRANSLATION",
    "CellKind",
    "Money",
    "TextKind",
    "Value",
    "ValueProblem",
    "canonical",
    "classify",
    "convert",
    "format_value",
    "number",
]

#: Marks an empty field that stands for a blank cell in the text the grammar reads
#: (normalize writes it for empty fields of ``|``/tab rows, readers for empty grid cells).
EMPTY = "\u2205"

#: Characters a run of which, alone in a cell, means "not filled in".
DASHES = "-—–―─－‐‒−"
#: A slash alone in a cell means "not filled in".
SLASHES = "/／"
#: Words that, alone in a cell, mean "not filled in".
NOT_FILLED_WORDS = ("无", "空")
#: Units an amount may be printed with, longest first.
UNITS = ("万元", "元")

#: Maximum size of a count (the number of applications, decisions, documents …).
MAX_COUNT = 10**12
#: Maximum size of an amount.
MAX_AMOUNT = 10**15
# More digits than any bounded number has: refused before conversion.
_MAX_DIGITS = 24

#: Full-width digits and the full-width ``．／－`` of numbers as ASCII (lengths kept).
VALUE_TRANSLATION: dict[int, str] = {
    **{0xFF10 + i: str(i) for i in range(10)},
    ord("．"): ".",
    ord("／"): "/",
    ord("－"): "-",
    ord("＋"): "+",
}

#: The signs a number may be printed with (``+442`` in a 2019 report's 本年增/减).
SIGNS = "-−+"
_GROUPED_DIGITS = r"\d{1,3}(?:,\d{3})+"
_PLAIN_DIGITS = r"\d+"


def _number_pattern(*digits: str) -> str:
    """A number: a sign, the digits in one of the forms ``digits`` (tried in order), decimals."""
    return rf"[{SIGNS}]?(?:{'|'.join(digits)})(?:\.\d+)?"


#: A number as printed (after :data:`VALUE_TRANSLATION`): sign, digits, separators, decimals.
NUMBER_PATTERN = _number_pattern(_GROUPED_DIGITS, _PLAIN_DIGITS)
#: Any of the units an amount may carry.
UNIT_PATTERN = "|".join(UNITS)
_MARK_PATTERN = "[" + re.escape(DASHES) + "]+|[" + re.escape(SLASHES) + "]|" + "|".join(NOT_FILLED_WORDS)


def _value_pattern(number: str) -> str:
    """A value: a ``number`` (maybe with its unit) or a not-filled mark."""
    return f"(?:{number})(?: ?(?:{UNIT_PATTERN}))?|{_MARK_PATTERN}"


#: A cell's whole text when it is a value: a number (maybe with its unit) or a not-filled mark.
VALUE_PATTERN = _value_pattern(NUMBER_PATTERN)
#: The characters other than digits (``\d``) a value (:data:`VALUE_PATTERN`) can begin with,
#: and end with.
VALUE_FIRST_CHARACTERS = SIGNS + DASHES + SLASHES + "".join(word[0] for word in NOT_FILLED_WORDS)
VALUE_LAST_CHARACTERS = DASHES + SLASHES + "".join(word[-1] for word in (*NOT_FILLED_WORDS, *UNITS))
#: Where a cell ends: before white space, ``|``, :data:`EMPTY` or the end of the text — and not
#: before a full stop or a ``、`` after spaces: ``2 .重复申请`` is a label's number, printed with a
#: space before its dot, never a cell of the row before.
CELL_END = rf"(?![^\s|{EMPTY}])(?![ \t]*[.．、])"
# The common cell, plain digits (not followed by a unit), read in one step: the cell a value
# would be there.  Where no :data:`CELL_END` follows, the next way is tried.
_PLAIN_CELL = rf"\d++(?! (?:{UNIT_PATTERN}))"
#: One cell in the text the grammar reads: a value, or :data:`EMPTY` (used by the grammar loader,
#: which has each cell followed by :data:`CELL_END`).  Faster ways to the same cells come first:
#: plain digits, then a number that tries plain digits before the grouped form (where a cell
#: must end, at most one of the two can: plain digits end at the digit run's end, where the
#: grouped form needs its comma).
#: ``tests/test_grammar.py`` checks the runs of cells against :data:`VALUE_PATTERN`'s.
CELL_PATTERN = f"(?:{_PLAIN_CELL}|{_value_pattern(_number_pattern(_PLAIN_DIGITS, _GROUPED_DIGITS))}|{EMPTY})"

_NUMBER = re.compile(f"(?P<number>{NUMBER_PATTERN})(?: ?(?P<unit>{UNIT_PATTERN}))?")
_MARK = re.compile(_MARK_PATTERN)

#: What a cell's text is: ``"blank"`` (nothing, or :data:`EMPTY`), ``"mark"`` (not filled
#: in: ``/``, ``—``, ``无`` …) or ``"number"``.
TextKind = Literal["blank", "mark", "number"]

#: What a cell holds: ``"count"`` (an integer), ``"signed"`` (an integer that may be
#: negative, the 2019 ``本年增/减``), ``"amount"`` (a decimal in the unit of its column
#: header) or ``"money"`` (a decimal with the unit printed in the cell, the 2019 ``采购总金额``).
CellKind = Literal["count", "signed", "amount", "money"]
CELL_KINDS: tuple[CellKind, ...] = ("count", "signed", "amount", "money")


@attrs.frozen
class Money:
    """An amount with the unit printed beside it, e.g. ``75394432.52元`` or ``35.2万元``.

    Attributes:
        amount: the number as printed (trailing zeros kept: ``Decimal("73802895.90")``).
        unit: ``"元"``, ``"万元"``, or ``""`` when the cell printed none.


    Example:
        >>> from decimal import Decimal
        >>> import govinfo_report as gr
        >>> str(gr.Money(Decimal("73802895.90"), "元"))
        '73802895.90元'
    """

    amount: Decimal
    unit: str = ""

    def __str__(self) -> str:
        return format(self.amount, "f") + self.unit


#: A cell's value: ``None`` when not filled in.
Value = int | Decimal | Money | None


class ValueProblem(ValueError):
    """A cell text that is not a value of the cell's kind; the message says why (Chinese)."""


def canonical(text: str) -> str:
    """``text`` stripped, with full-width digits and ``．／－`` as ASCII."""
    return text.strip().translate(VALUE_TRANSLATION)


def classify(text: str) -> TextKind | None:
    """What a cell's text is, or ``None`` when it is no value at all (a label, a word).

    ``text`` is taken as printed: white space around it and full-width digits are allowed.
    """
    text = canonical(text)
    if not text or text == EMPTY:
        return "blank"
    if _MARK.fullmatch(text):
        return "mark"
    if _NUMBER.fullmatch(text):
        return "number"
    return None


def convert(text: str, kind: CellKind, *, unit: str = "") -> Value:
    """The typed value of a cell's text.

    Args:
        text: the cell as printed.
        kind: the cell's kind (see :data:`CellKind`).
        unit: for ``"amount"``, the unit of the column header (``"万元"``); a cell may
            repeat it, but not print another one.

    Returns:
        ``None`` for a blank or a not-filled mark; otherwise an ``int``
        (``count``, ``signed``), a ``Decimal`` (``amount``) or a :class:`Money` (``money``).

    Raises:
        ValueProblem: the text is not a value of that kind (with the reason, in Chinese).
    """
    canonical_text = canonical(text)
    what = classify(canonical_text)
    if what is None:
        raise ValueProblem(f"“{text.strip()}”不是数字")
    if what != "number":
        return None
    match = _NUMBER.fullmatch(canonical_text)
    assert match is not None
    number = match.group("number").replace(",", "").replace("−", "-")
    printed_unit = match.group("unit") or ""
    if sum(char.isdigit() for char in number) > _MAX_DIGITS:
        raise ValueProblem(f"“{shorten(text)}”超出上限（位数过多）")
    if kind in ("count", "signed"):
        if printed_unit:
            raise ValueProblem(f"“{text.strip()}”不应带单位")
        if "." in number:
            raise ValueProblem(f"“{text.strip()}”不是整数")
        value = int(number)
        if abs(value) > MAX_COUNT:
            raise ValueProblem(f"“{shorten(text)}”超出上限{MAX_COUNT:,}")
        return value
    try:
        amount = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the pattern admits plain numbers only
        raise ValueProblem(f"“{text.strip()}”不是金额") from None
    if abs(amount) > MAX_AMOUNT:
        raise ValueProblem(f"“{shorten(text)}”超出上限{MAX_AMOUNT:,}")
    if kind == "money":
        return Money(amount, printed_unit)
    if printed_unit and printed_unit != unit:
        wanted = f"的单位应为{unit}（表头所列）" if unit else "不应带单位"
        raise ValueProblem(f"“{text.strip()}”{wanted}")
    return amount


def number(value: object) -> int | Decimal | None:
    """``value`` when it can be added up (an ``int`` or a finite ``Decimal``), else ``None``:
    blanks, booleans, and a :class:`Money` (its amount means something only with its unit).

    >>> number(3), number(Decimal("2.5")), number(None), number(True)
    (3, Decimal('2.5'), None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def format_value(value: Value) -> str:
    """A cell value as plain text: ``""`` when not filled in, amounts as plain decimals."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
