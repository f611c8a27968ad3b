"""Automatic numbering (Word's lists): the number a paragraph shows in front of its text.

A heading typed as ``总体情况`` in a numbered list prints as ``一、总体情况``; the
number is not in the paragraph's runs but in the numbering definitions
(``word/numbering.xml``), counted in document order.  :class:`Numbering` gives each
paragraph its number, as Word shows it:

* a paragraph is numbered by its own ``w:numPr`` (list ``w:numId``, level ``w:ilvl``),
  or by its paragraph style when the style is linked to a list level (the level names
  the style, ``w:lvl/w:pStyle``; the style's own ``w:numPr`` names the list);
  ``w:numId`` 0 means "not numbered";
* a list (``w:num``) counts with the other lists of its definition
  (``w:abstractNum``), unless it restarts (``w:startOverride``); a level starts at
  ``w:start`` and a number at one level restarts the levels below it;
* the level's text (``w:lvlText``, e.g. ``%1、`` or ``（%1）``) with each ``%n``
  written in the format of level n (``w:numFmt``: ``decimal``, ``chineseCounting`` …,
  all levels in decimal for ``w:isLgl``), then the suffix (``w:suff``: a tab unless
  ``space`` or ``nothing``).

Not followed (documented in docs/reading-word.md): list styles (``w:numStyleLink``),
numbering of the default paragraph style, and styles that inherit a list through
``w:basedOn``.  A format this module does not know is written in decimal.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .docx_package import Package
from .wordml import NUM_PR, PSTYLE, VAL, first_child, qualified

__all__ = ["Level", "Numbering", "format_number"]

_w = qualified
_NUM_PR, _NUM_ID, _ILVL, _PSTYLE = NUM_PR, _w("numId"), _w("ilvl"), PSTYLE
_ABSTRACT, _ABSTRACT_ID, _NUM, _LVL = _w("abstractNum"), _w("abstractNumId"), _w("num"), _w("lvl")
_OVERRIDE, _START_OVERRIDE = _w("lvlOverride"), _w("startOverride")
_START, _FORMAT, _TEXT, _SUFFIX, _LEGAL = _w("start"), _w("numFmt"), _w("lvlText"), _w("suff"), _w("isLgl")
_STYLE, _STYLE_ID, _PPR = _w("style"), _w("styleId"), _w("pPr")
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
_CHINESE_DIGITS = "〇一二三四五六七八九"  # digit by digit (ideographDigital)
_CHINESE_COUNTING = "零一二三四五六七八九"
_CHINESE_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")),
    *((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)


@attrs.frozen
class Level:
    """One level of a list: where it starts, how its number is written."""

    start: int = 0
    format: str = "decimal"
    text: str = ""
    suffix: str = "\t"
    legal: bool = False


def _int(element: Any, default: int) -> int:
    try:
        return int(element.get(VAL) or default)
    except ValueError:
        return default


def _level(element: Any, base: Level | None = None) -> Level:
    values = attrs.asdict(base) if base is not None else {}
    for child in element:
        tag = child.tag
        if tag == _START:
            values["start"] = _int(child, 0)
        elif tag == _FORMAT:
            values["format"] = child.get(VAL) or "decimal"
        elif tag == _TEXT:
            values["text"] = child.get(VAL) or ""
        elif tag == _SUFFIX:
            values["suffix"] = _SUFFIXES.get(child.get(VAL) or "tab", "\t")
        elif tag == _LEGAL:
            values["legal"] = (child.get(VAL) or "true").lower() not in ("0", "false", "off")
    return Level(**values)


def _levels(element: Any) -> dict[int, Level]:
    return {_int_attribute(lvl, _ILVL): _level(lvl) for lvl in element.iterchildren(_LVL)}


def _int_attribute(element: Any, name: str) -> int:
    try:
        return int(element.get(name) or 0)
    except ValueError:
        return 0


class Numbering:
    """The numbers of a document's lists, handed out in document order (see the module's doc).

    ``Numbering()`` numbers nothing: a document without numbering definitions.  A list's
    levels are read the first time a paragraph uses it.
    """

    def __init__(self, root: Any | None = None, package: Package | None = None) -> None:
        self._package = package
        self._abstract: dict[str, Any] = {}  # abstractNumId → w:abstractNum
        self._nums: dict[str, Any] = {}  # numId → w:num
        if root is not None:
            self._abstract = {e.get(_ABSTRACT_ID): e for e in root.iterchildren(_ABSTRACT)}
            self._nums = {e.get(_NUM_ID): e for e in root.iterchildren(_NUM) if e.get(_NUM_ID)}
        # The paragraph styles that list levels name (w:lvl/w:pStyle).
        self._linked = frozenset(e.get(VAL) for e in root.iter(_PSTYLE)) if root is not None else frozenset()
        self._lists: dict[str, tuple[str, dict[int, Level]] | None] = {}  # numId → (counter key, levels)
        self._styles: dict[str, tuple[str, int]] | None = None  # style id → (numId, level), when read
        self._counts: dict[str, dict[int, int]] = {}

    @classmethod
    def of(cls, package: Package) -> Numbering:
        """The numbering of a Word file's body.

        Raises:
            DecodeError: the numbering part is damaged (the styles part, later, when it is read).
        """
        return cls(package.part("numbering"), package)

    @property
    def walk_marks(self) -> tuple[str, ...]:
        """The tags of the elements that number a paragraph by themselves: ``w:numPr``, none
        for a document without lists."""
        return (_NUM_PR,) if self._nums else ()

    @property
    def pass_marks(self) -> tuple[str, ...]:
        """The tags of the elements that may number a paragraph, depending on their value:
        ``w:pStyle`` when a style is linked to a list (see :attr:`linked`), else none."""
        return (_PSTYLE,) if self._nums and self._linked else ()

    @property
    def linked(self) -> frozenset[str]:
        """The paragraph styles linked to a list level: a paragraph in one may be numbered."""
        return self._linked

    def label(self, properties: Any | None) -> str:
        """The number of the paragraph with properties ``properties`` (its ``w:pPr``), or ``""``.

        Counts it: call once per paragraph, in document order.
        """
        if properties is None or not self._nums:
            return ""
        number: str | None = None
        level: int | None = None
        style: str | None = None
        for child in properties:
            if child.tag == _NUM_PR:
                for item in child:
                    if item.tag == _NUM_ID:
                        number = item.get(VAL)
                    elif item.tag == _ILVL:
                        level = _int(item, 0)
            elif child.tag == _PSTYLE:
                style = child.get(VAL)
        if style is not None and style in self._linked and style in self._style_numbers():
            style_number, style_level = self._style_numbers()[style]
            number = style_number if number is None else number
            level = style_level if level is None else level
        found = self._list(number) if number is not None else None
        if found is None:
            return ""  # numId 0, or a list that is not defined: no number
        return self._advance(found, level or 0)

    def _list(self, number: str) -> tuple[str, dict[int, Level]] | None:
        """The counter key and levels of list ``number`` (``None`` when it is not defined)."""
        if number not in self._lists:
            self._lists[number] = self._read_list(number)
        return self._lists[number]

    def _read_list(self, number: str) -> tuple[str, dict[int, Level]] | None:
        num = self._nums.get(number)
        if num is None:
            return None
        reference = first_child(num, _ABSTRACT_ID)
        key = reference.get(VAL) if reference is not None else None
        if key is None or key not in self._abstract:
            return None
        levels = _levels(self._abstract[key])
        for override in num.iterchildren(_OVERRIDE):
            at = _int_attribute(override, _ILVL)
            for child in override:
                if child.tag == _START_OVERRIDE:
                    levels[at] = attrs.evolve(levels.get(at, Level()), start=_int(child, 0))
                    key = f"num {number}"  # a list that restarts counts on its own
                elif child.tag == _LVL:
                    levels[at] = _level(child, levels.get(at))
        return key, levels

    def _style_numbers(self) -> dict[str, tuple[str, int]]:
        """The list of each linked style (read from the styles part the first time it is needed)."""
        if self._styles is None:
            styles = self._package.part("styles") if self._package is not None else None
            self._styles = _style_numbers(styles, self._linked) if styles is not None else {}
        return self._styles

    def _advance(self, found: tuple[str, dict[int, Level]], level: int) -> str:
        key, levels = found
        if level not in levels:
            return ""
        counts = self._counts.setdefault(key, {})
        counts[level] = counts[level] + 1 if level in counts else levels[level].start
        for deeper in [at for at in counts if at > level]:
            del counts[deeper]
        this = levels[level]

        def written(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at, Level())
            value = counts.get(at, shown.start)
            return format_number(value, "decimal" if this.legal else shown.format)

        if this.format == "none":
            text = _PLACEHOLDER.sub("", this.text)
        elif this.format == "bullet":
            text = this.text
        else:
            text = _PLACEHOLDER.sub(written, this.text)
        return text + this.suffix if text else ""


def _style_numbers(styles: Any, linked: frozenset[str]) -> dict[str, tuple[str, int]]:
    """The list (``w:numId``) and level of each of the ``linked`` styles that has one."""
    found: dict[str, tuple[str, int]] = {}
    for style in styles.iterchildren(_STYLE):
        identifier = style.get(_STYLE_ID)
        if identifier not in linked:
            continue
        properties = first_child(style, _PPR)
        numbering = first_child(properties, _NUM_PR) if properties is not None else None
        if numbering is None:
            continue
        number, level = first_child(numbering, _NUM_ID), first_child(numbering, _ILVL)
        if number is not None and number.get(VAL):
            found[identifier] = (number.get(VAL), _int(level, 0) if level is not None else 0)
    return found


def format_number(value: int, style: str) -> str:
    """``value`` written in the list number format ``style`` (``w:numFmt``)."""
    if value < 0:
        return str(value)
    if style in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(value, _CHINESE_COUNTING, "十百千")
    if style == "chineseLegalSimplified":
        return _chinese(value, _CHINESE_LEGAL, "拾佰仟")
    if style in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CHINESE_DIGITS[int(digit)] for digit in str(value))
    if style == "ideographTraditional" and 1 <= value <= len(_STEMS):
        return _STEMS[value - 1]
    if style == "ideographZodiac" and 1 <= value <= len(_BRANCHES):
        return _BRANCHES[value - 1]
    if style in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if style == "decimalEnclosedParen" and 1 <= value <= 20:
        return chr(0x2474 + value - 1)  # ⑴
    if style == "decimalEnclosedFullstop" and 1 <= value <= 20:
        return chr(0x2488 + value - 1)  # ⒈
    if style in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate({ord(digit): 0xFF10 + int(digit) for digit in "0123456789"})
    if style == "decimalZero":
        return f"{value:02d}"
    if style in ("lowerLetter", "upperLetter") and value >= 1:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman") and 1 <= value < 4000:
        roman = _roman(value)
        return roman.upper() if style == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for size, letters in _ROMAN:
        while value >= size:
            out += letters
            value -= size
    return out


def _chinese(value: int, digits: str, units: str) -> str:
    """``value`` in Chinese counting: 一, 十, 十一, 二十, 一百零一 … (up to 9999; larger in digits)."""
    if value == 0:
        return digits[0]
    if value >= 10000:
        return "".join(digits[int(digit)] for digit in str(value))
    out = ""
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = value // power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += digits[digit] + unit
    if digits is _CHINESE_COUNTING and 10 <= value < 20:
        out = out[1:]  # 十一, not 一十一
    return out
