"""Clean-up in front of the grammar.

Turns the many spellings of real reports into the one the grammar reads,
without moving anything: the result has the same lines as the input and
every line keeps its length, so a position the grammar reports is a
position in the user's text.  Narrative text is later taken from the input
itself, so none of these changes reach the report's paragraphs.

What it does, line by line:

* full-width digits ``０-９`` become ``0-9``; full-width ``．／－`` become
  ``./-``; ASCII parentheses become full-width ``（）`` (the official labels
  use those); ideographic and no-break spaces, form feeds and a BOM become
  plain spaces;
* an enumerator written ``1、`` or ``1．`` becomes ``1.``, and one in brackets before a label
  (``（1）属于国家秘密``, ``(1)``) `` 1.``;
* straight double quotes around a phrase become curly ones (``"三安全一稳定"``
  → ``“三安全一稳定”``);
* Markdown emphasis ``**`` becomes white space (converters bold labels in table
  cells and headings);
* in a ``|`` table line, a line-break tag ``<br>`` (``<br/>``, ``<br />``) becomes white
  space: converters write a line break inside a cell so;
* a Markdown table rule (``|---|:---:|``) becomes blank, and so does a line that is
  only a page number (``- 3 -``, ``— 3 —``, ``第3页 共6页``): they are layout, and a
  page number inside a table must never be read as a cell;
* in a table line with ``|`` or tab separators, an empty field that stands
  for a blank cell is marked with :data:`EMPTY` (see :func:`_mark_empty_fields`),
  and a field holding several values (``| 1 2 |``) has its inner white space
  marked with :data:`SEVERAL`: one field is one cell, so such a field is an
  error where it stands, never two cells.

Line breaks inside labels (``自然`` / ``人``) and spaces inside labels
(``商业 企业``) are not removed here: the grammar lets any white space stand
between the characters of a label (see ``grammar/govinfo_report.lark``).

This module also owns the one decision about characters (docs/robustness.md):

* a **lone surrogate** (U+D800–U+DFFF) is not a character — it can only come
  from a string decoded with ``errors="surrogateescape"`` or built by a program —
  and no format can hold one: :func:`normalize` refuses it with a positioned
  ``ParseError`` (lenient parsing replaces it with U+FFFD and says so in a diagnostic
  ``CHARACTER-INVALID``, :func:`replace_invalid_characters`), ``from_dict`` with a
  ``SerializationError``
  (:func:`first_invalid_character`); where one must still be written (a file name
  that is not UTF-8, a report built in Python), it is written as text by
  :func:`printable`: ``\\xNN`` for a byte kept by ``surrogateescape``,
  ``\\uXXXX`` otherwise;
* **control characters** (U+0000–U+001F but tab and line breaks) and the
  **non-characters** U+FFFE/U+FFFF are text, kept wherever they are (nothing of a
  narrative is lost): JSON escapes them, text and Markdown hold them; a Word
  file's XML cannot, so the Word renderer writes what :func:`xml_text` gives
  (each control character as its visible symbol, ``␁`` for U+0001, and U+FFFE/U+FFFF
  as ``�``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import ParseError
from .values import EMPTY, VALUE_FIRST_CHARACTERS, VALUE_LAST_CHARACTERS, VALUE_PATTERN, VALUE_TRANSLATION

__all__ = [
    "EMPTY",
    "MARGIN_PAGE_NUMBER",
    "MARKDOWN_RULE",
    "PAGE_NUMBER",
    "SEVERAL",
    "SURROGATES",
    "check_characters",
    "first_invalid_character",
    "normalize",
    "printable",
    "split_lines",
    "xml_text",
]

_TRANSLATION: dict[int, str] = {
    **VALUE_TRANSLATION,
    **str.maketrans(
        {
            "(": "（",
            ")": "）",
            "\u3000": " ",
            "\u00a0": " ",
            "\u200b": " ",
            "\ufeff": " ",
            "\f": " ",
            "\v": " ",
            "\r": " ",
        }
    ),
}

#: The characters :data:`_TRANSLATION` changes.
_TRANSLATED = tuple(map(chr, _TRANSLATION))
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# (The lookbehind after the literal: the scan looks for "、" alone, not at every position.)
_ENUMERATOR = re.compile(r"、(?<=\d、)")
# A sub-row's number in brackets (``（1）属于国家秘密``, ``(1)`` once translated): ``1.``, written
# where the brackets were (`` 1.``: the line keeps its length).  Only before a CJK character, so
# ``（2021）`` and ``（1）`` alone stay.
_BRACKETED_ENUMERATOR = re.compile(r"（(\d{1,2})）(?=[ \t]*[\u4e00-\u9fff])")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,60})"')
#: A Markdown table rule line (``|---|:---:|``): blanked, it carries no text.
#: Written so that every character has one way to match (no two ``\s*`` side by
#: side), so a long line of spaces or dashes is refused in linear time.
MARKDOWN_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")
_SEPARATOR = re.compile(r"[\t|]")
_VALUE = re.compile(rf"\s*(?:{VALUE_PATTERN})\s*")
_LONE_PIPE = re.compile(r"^\s*\|\s*$")
# The dashes around a page number (``- 3 -``, ``— 3 —``, ``– 3 –``, ``－3－``, ``~3~``).
_PAGE_DASHES = "-—–―－~～‐"
_PAGE_N = r"[ \t]*\d{1,4}[ \t]*"
#: A line that is only a page number (maybe in ``|``): ``- 3 -``, ``— 3 —``, ``·3·``, ``〔3〕``,
#: ``第3页``, ``第3页 共6页``, ``共6页 第3页``, ``Page 3``, ``Page 3 of 6``.  The one definition
#: of the page-number forms: the PDF reader's (:func:`.readers.pdf_text.is_page_number`) is
#: this, and, where a page number stands (the page's margin), :data:`MARGIN_PAGE_NUMBER`.
#: (Each form holds a literal of :data:`_PAGE_NUMBER_MARKS`: only lines holding one are tried.)
PAGE_NUMBER = re.compile(
    rf"^[ \t|]*(?:[{_PAGE_DASHES}]{{1,2}}{_PAGE_N}[{_PAGE_DASHES}]{{1,2}}|·{_PAGE_N}·|〔{_PAGE_N}〕"
    rf"|第{_PAGE_N}页(?:[ \t]*[/，,]?[ \t]*共{_PAGE_N}页)?|共{_PAGE_N}页[ \t]*[/，,]?[ \t]*第{_PAGE_N}页"
    r"|[Pp]age[ \t]*\d{1,4}(?:[ \t]*of[ \t]*\d{1,4})?)[ \t|]*$",
    re.MULTILINE,
)
#: A page number only where one stands (a PDF page's margin): a bare number, one with a dash on
#: one side, ``3 / 6``.  In a text these are a row's values on a line of their own (``5 / 43``:
#: 5, not filled in, 43).
#: (Matched against the line with its spaces taken out.)
MARGIN_PAGE_NUMBER = re.compile(rf"[{_PAGE_DASHES}]?\d{{1,4}}[{_PAGE_DASHES}]?|\d{{1,4}}/\d{{1,4}}")

#: A literal every page number holds: where none is, none is looked for.
_PAGE_NUMBER_MARKS = ("页", "·", "〔", "age", *_PAGE_DASHES)


#: A lone surrogate (U+D800–U+DFFF): not a character (see the module docstring).
SURROGATES = re.compile("[\ud800-\udfff]")
#: Characters XML 1.0 cannot hold (tab, line feed and carriage return aside).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)}
_XML_TRANSLATION: dict[int, str] = {**_CONTROL_PICTURES, 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATION)``: one str.replace per character to change the text holds
    (str.translate with a dict looks up every character of the text; a substitution calling
    back per match costs twice this; asking for each of the 22 characters with ``in`` costs
    half of finding them all with one pattern).  No replacement holds a character that is
    replaced, so one after another is all at once."""
    for char in _TRANSLATED:
        if char in text:
            text = text.replace(char, _TRANSLATION[ord(char)])
    return text


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on the other Unicode line breaks)."""
    if "\r" not in text:
        return text.split("\n")  # (what the pattern gives, a fifth of its time)
    return _LINE_BREAK.split(text)


def first_invalid_character(text: str) -> int | None:
    """The index of the first lone surrogate in ``text``, or ``None``."""
    try:
        # UTF-8 encodes every character but the surrogates, and says where the first is;
        # three times faster than searching for them.
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def replace_invalid_characters(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with each lone surrogate replaced by U+FFFD (lengths kept), and for each line
    holding one: its line, the column of its first one and that code point as ``U+XXXX``.
    Lenient parsing reads on from there; strict parsing refuses (:func:`check_characters`)."""
    if first_invalid_character(text) is None:
        return text, []
    found = []
    for number, line in enumerate(split_lines(text), start=1):
        match = SURROGATES.search(line)
        if match:
            found.append((number, match.start() + 1, f"U+{ord(match.group()):04X}"))
    return SURROGATES.sub("\ufffd", text), found


def check_characters(text: str) -> None:
    """Refuse text holding a lone surrogate, with the line and column of the first one.

    Raises:
        ParseError: ``text`` holds a lone surrogate; the excerpt shows it as ``�``.
    """
    at = first_invalid_character(text)
    if at is None:
        return
    before = text[:at]
    line = len(_LINE_BREAK.findall(before)) + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    end = _LINE_BREAK.search(text, at)
    excerpt = text[start : end.start() if end else len(text)]
    raise ParseError(
        f"无效字符U+{ord(text[at]):04X}：单独的代理码位不是字符，文本可能解码有误（请用parse_file读取文件）",
        line=line,
        column=at - start + 1,
        excerpt=SURROGATES.sub("\ufffd", excerpt),
    )


def printable(text: str) -> str:
    """``text`` with each lone surrogate written out: ``\\xNN`` for a byte kept by
    ``surrogateescape`` (U+DC80–U+DCFF, e.g. in a file name that is not UTF-8), ``\\uXXXX``
    for any other; every other character as it is.  Encodable in UTF-8, whatever ``text`` is."""
    if first_invalid_character(text) is None:  # (five times faster than searching a page)
        return text
    return SURROGATES.sub(_written_out, text)


def _written_out(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """``text`` as an XML document can hold it (a Word file): see the module docstring."""
    text = printable(text)
    if _XML_INVALID.search(text) is None:
        return text
    return text.translate(_XML_TRANSLATION)


def normalize(text: str) -> str:
    """The grammar's view of ``text``: same lines, same line lengths.

    Raises:
        ParseError: ``text`` holds a lone surrogate (see :func:`check_characters`).
    """
    check_characters(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # (as _LINE_BREAK splits)
    text = _translate(text)
    if "、" in text:
        text = _ENUMERATOR.sub(".", text)
    text = _BRACKETED_ENUMERATOR.sub(lambda match: f" {match.group(1)}.", text)
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    # Page numbers are layout, and a number in a table that is no cell.
    text = _blank_page_numbers(text)
    if "**" in text:
        # Markdown emphasis (converters bold labels: ``| **第二十条第（一）项** |``) is layout.
        text = text.replace("**", "  ")
    if "\t" in text or "|" in text:
        text = _table_lines(text)
    return text


def _blank_page_numbers(text: str) -> str:
    """``PAGE_NUMBER.sub(blanks, text)``: each line that is a page number made white space.

    A match of :data:`PAGE_NUMBER` is a whole line (``^…$``, nothing in it crosses a line
    break) and holds a dash or ``页``: the lines holding one are found by ``str.find`` and each
    is tried once (the substitution tried ``^`` at every position of the text: 25–50 µs for
    a report, this 2–5 µs).
    """
    blanks = {}
    for start in set().union(*(_lines_holding(text, mark) for mark in _PAGE_NUMBER_MARKS)):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if PAGE_NUMBER.match(text, start, end):
            blanks[start] = " " * (end - start)
    return _rewritten(text, blanks)


def _rewritten(text: str, lines: dict[int, str]) -> str:
    """``text`` with the line beginning at each offset of ``lines`` replaced by its text."""
    if not lines:
        return text
    pieces: list[str] = []
    at = 0
    for start in sorted(lines):
        end = text.find("\n", start)
        pieces += (text[at:start], lines[start])
        at = len(text) if end < 0 else end
    pieces.append(text[at:])
    return "".join(pieces)


#: Where :func:`_table_line` may find something to do in a line, found in the whole text.  None
#: crosses a line break, so each line holding one of them is found (a match ends in the line
#: it begins in, so the next search starts there at the latest).  Lone pipes are found from
#: the line break in front (the first line is always looked at).
_LONE_PIPE_AFTER_BREAK = re.compile(r"\n[^\S\n]*\|[^\S\n]*(?![^\n])")
_SEVERAL_NEAR_IN_TEXT = re.compile(
    rf"[\d{re.escape(VALUE_LAST_CHARACTERS)}][^\S\t\n]+[\d{re.escape(VALUE_FIRST_CHARACTERS)}]"
)
#: The same where the only white space is the space, found from the space: a search for a
#: literal is quick, one for a class of characters tries each position (a fifth of the time).
_SEVERAL_NEAR_BY_SPACE = re.compile(
    rf" (?<=[\d{re.escape(VALUE_LAST_CHARACTERS)}] ) *[\d{re.escape(VALUE_FIRST_CHARACTERS)}]"
)
#: The white space (``\s``) other than the space, tab and line feed (tests/test_normalize.py checks).
_OTHER_SPACES = (
    "\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: :data:`_EMPTY_FIELD` found from its first separator, each a literal.
_EMPTY_FIELD_FROM_TAB = re.compile(r"\t[^\S\t\n]*[\t|]")
_EMPTY_FIELD_FROM_PIPE = re.compile(r"\|[^\S\t\n]*[\t|]")
# (Of _EMPTY_INSIDE, what a line-feed-free search can begin with a literal: an empty field
# between tabs with a filled character after it.)
_EMPTY_INSIDE_IN_TEXT = re.compile(r"\t[^\S\t\n]*\t[^\S\n]*\S")


def _table_lines(text: str) -> str:
    """``text`` with each line holding a tab or ``|`` as :func:`_table_line` writes it.

    :func:`_table_line` gives a line as it is unless it holds ``---``, a ``<`` (with a ``|``),
    is a lone ``|``, has two values near each other (:data:`_SEVERAL_NEAR`) or an empty field
    (:data:`_EMPTY_FIELD` in a ``|`` line, :data:`_EMPTY_INSIDE` in a tab line).  Each of those
    is looked for in the whole text, and only the lines holding one are written (a loop over
    every line with a quick look at each cost 1–2 µs a line: half a parse for a text of a cell
    per line).  ``tests/test_normalize.py`` checks it against the loop.
    """
    starts = {0} | _lines_holding(text, "---") | _lines_holding(text, "<")
    starts.update(match.start() + 1 for match in _LONE_PIPE_AFTER_BREAK.finditer(text))
    only_spaces = not any(space in text for space in _OTHER_SPACES)
    quick_looks = [_SEVERAL_NEAR_BY_SPACE if only_spaces else _SEVERAL_NEAR_IN_TEXT]
    if "|" in text:
        quick_looks += (_EMPTY_FIELD_FROM_PIPE, _EMPTY_FIELD_FROM_TAB)
    if "\t" in text:
        quick_looks.append(_EMPTY_INSIDE_IN_TEXT)
    for quick_look in quick_looks:
        starts |= _line_starts(text, (match.start() for match in quick_look.finditer(text)))
    lines = {}
    for start in starts:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if "\t" in line or "|" in line:
            written = _table_line(line)
            if written != line:
                lines[start] = written
    return _rewritten(text, lines)


def _lines_holding(text: str, literal: str) -> set[int]:
    """The start of each line holding ``literal``: each line is looked at once (the search goes
    on from its end), so linear however often a line holds it."""
    starts = set()
    at = text.find(literal)
    while at >= 0:
        starts.add(text.rfind("\n", 0, at) + 1)
        end = text.find("\n", at)
        if end < 0:
            break
        at = text.find(literal, end)
    return starts


def _line_starts(text: str, positions: Iterable[int]) -> set[int]:
    """The start of the line holding each of ``positions`` (in ascending order).

    Each line is looked for once, from where the line before ends: linear in the text, however
    many positions a line holds.
    """
    starts = set()
    end = -1  # where the line last found ends (its line break), or -1
    for at in positions:
        if at > end:
            start = text.rfind("\n", end + 1, at) + 1 or end + 1
            starts.add(start)
            end = text.find("\n", at)
            if end < 0:
                break
    return starts


def _table_lines_one_by_one(text: str) -> str:
    """:func:`_table_lines` by a loop over the lines (the definition it is checked against)."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "\t" in line or "|" in line:
            lines[number] = _table_line(line)
    return "\n".join(lines)


#: A line break as converters write it inside a Markdown table cell (``<br>``, ``<br/>``).
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _table_line(line: str) -> str:
    if "---" in line and MARKDOWN_RULE.match(line):
        return " " * len(line)
    if "|" in line and "<" in line:
        # ``| 1.本机关不掌握<br>相关政府信息 |``: a line break inside the cell, white space.
        line = _BREAK_TAG.sub(lambda match: " " * len(match.group()), line)
    if "|" in line and _LONE_PIPE.match(line):
        # One cell per line ending in "|": a line that is only the "|" is an empty cell.
        return line.replace("|", EMPTY)
    if _SEVERAL_NEAR.search(line):
        line = _join_several_values(line)
    return _mark_empty_fields(line)


#: Stands, in the grammar's view, for the white space inside a ``|``/tab field that
#: holds several values (``| 1 2 |``): no cell may end there, so the row is an error
#: at that field (lenient: skipped), never two cells.
SEVERAL = "\u00b7"
_FIELD = re.compile(r"[^\t|]+")
_INNER_SPACE = re.compile(r"(?<=\S)\s+(?=\S)")
#: A field of two or more values between white space: without one, no field is joined.
_SEVERAL_IN_A_FIELD = re.compile(
    rf"(?:^|(?<=[\t|]))[^\S\t]*(?:{VALUE_PATTERN})(?:[^\S\t]+(?:{VALUE_PATTERN}))+[^\S\t]*(?=[\t|]|$)"
)
#: The end of a value, white space, the start of another: where two values cannot stand side
#: by side in a field, :func:`_join_several_values` is not called (a tenth of its time).
_SEVERAL_NEAR = re.compile(
    rf"[\d{re.escape(VALUE_LAST_CHARACTERS)}][^\S\t]+[\d{re.escape(VALUE_FIRST_CHARACTERS)}]"
)
#: A field between two separators holding only white space: without it, no field is marked empty.
_EMPTY_FIELD = re.compile(r"[\t|][^\S\t]*[\t|]")
#: In a tab layout, an empty field after a filled one with a filled one later: without it, none
#: stands between two filled fields, and no field is marked empty (see :func:`_mark_empty_fields`).
# (From the filled field's last character, over white space only: linear however long the line.)
_EMPTY_INSIDE = re.compile(r"\S[^\S\t]*\t[^\S\t]*\t\s*\S")


def _join_several_values(line: str) -> str:
    """Join the values of a field holding more than one, so that they cannot be read as cells."""
    if _SEVERAL_IN_A_FIELD.search(line) is None:
        return line
    pieces = []
    at = 0
    for field in _FIELD.finditer(line):
        parts = field.group().split()
        if len(parts) > 1 and all(_VALUE.fullmatch(part) for part in parts):
            pieces.append(line[at : field.start()])
            pieces.append(_INNER_SPACE.sub(lambda match: SEVERAL * len(match.group()), field.group()))
            at = field.end()
    if not pieces:
        return line
    return "".join(pieces) + line[at:]


def _mark_empty_fields(line: str) -> str:
    """Mark the empty fields of a ``|``/tab separated line that are blank cells.

    Only lines holding at least one value (a number or a not-filled mark such
    as ``/``) are table rows; header lines are left alone.  An empty field is
    marked by overwriting the separator in front of it with :data:`EMPTY`.
    Fields before the line's first non-empty field and the empty field after a
    closing separator are borders and stay unmarked.  In a tab layout, empty
    fields at the end of the row are merged cells to the right (table 2 rows
    have one value in a four-column table), so only empties between two
    non-empty fields are marked there; a pipe layout writes every cell, so
    every empty field inside the borders is marked.
    """
    # (What _marked_fields gives such a line, in a fraction of its time.  In a tab row, an empty
    # field inside is an empty field.)
    if (_EMPTY_FIELD if "|" in line else _EMPTY_INSIDE).search(line) is None:
        return line
    return _marked_fields(line)


def _marked_fields(line: str) -> str:
    """:func:`_mark_empty_fields`, without its quick look for a line with nothing to mark."""
    fields = _SEPARATOR.split(line)
    if not any(map(_VALUE.fullmatch, fields)):
        return line
    filled = [i for i, f in enumerate(fields) if f.strip()]
    first = filled[0]
    # Pipes: up to the closing border.  Tabs: up to the last non-empty field.
    last = (len(fields) - (0 if fields[-1].strip() else 1)) if "|" in line else filled[-1]
    chars = list(line)
    end = -1  # where the field before the current one ends (its separator's offset)
    for i, field in enumerate(fields):
        if first < i < last and not field.strip():
            chars[end] = EMPTY
        end += len(field) + 1
    return "".join(chars)
