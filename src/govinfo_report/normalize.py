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
* an enumerator written ``1、`` or ``1．`` becomes ``1.``;
* straight double quotes around a phrase become curly ones (``"三安全一稳定"``
  → ``“三安全一稳定”``);
* Markdown emphasis ``**`` becomes white space (converters bold labels in table
  cells and headings);
* a Markdown table rule (``|---|:---:|``) becomes blank, and so does a line that is
  only a page number (``- 3 -``, ``— 3 —``, ``第3页 共6页``): they are layout, and a
  page number inside a table must never be read as a cell;
* in a table line with ``|`` or tab separators, an empty field that stands
  for a blank cell is marked with :data:`EMPTY` (see :func:`_mark_empty_fields`).

Line breaks inside labels (``自然`` / ``人``) and spaces inside labels
(``商业 企业``) are not removed here: the grammar lets any white space stand
between the characters of a label (see ``grammar/govinfo_report.lark``).
"""

from __future__ import annotations

import re

from .values import EMPTY, VALUE_PATTERN, VALUE_TRANSLATION

__all__ = ["EMPTY", "MARKDOWN_RULE", "PAGE_NUMBER", "normalize", "split_lines"]

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

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENUMERATOR = re.compile(r"(?<=\d)[、]")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,60})"')
#: A Markdown table rule line (``|---|:---:|``): blanked, it carries no text.
MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SEPARATOR = re.compile(r"[\t|]")
_VALUE = re.compile(rf"\s*(?:{VALUE_PATTERN})\s*")
_LONE_PIPE = re.compile(r"^\s*\|\s*$")
_SEPARATED_LINE = re.compile(r"^[^\n\t|]*[\t|][^\n]*$", re.MULTILINE)
#: A line that is only a page number: ``- 3 -``, ``— 3 —``, ``第3页``, ``第3页 共6页`` (maybe in ``|``).
PAGE_NUMBER = re.compile(
    r"^[ \t|]*(?:[-—–―][ \t]*\d{1,4}[ \t]*[-—–―]"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[/，,]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t|]*$",
    re.MULTILINE,
)


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on the other Unicode line breaks)."""
    return _LINE_BREAK.split(text)


def normalize(text: str) -> str:
    """The grammar's view of ``text``: same lines, same line lengths."""
    if "\r" in text:
        text = _LINE_BREAK.sub("\n", text)
    text = text.translate(_TRANSLATION)
    if "、" in text:
        text = _ENUMERATOR.sub(".", text)
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    if "页" in text or "-" in text or "—" in text:
        # Page numbers are layout, and a number in a table that is no cell.
        text = PAGE_NUMBER.sub(lambda match: " " * len(match.group()), text)
    if "**" in text:
        # Markdown emphasis (converters bold labels: ``| **第二十条第（一）项** |``) is layout.
        text = text.replace("**", "  ")
    if "\t" in text or "|" in text:
        text = _SEPARATED_LINE.sub(lambda match: _table_line(match.group()), text)
    return text


def _table_line(line: str) -> str:
    if MARKDOWN_RULE.match(line):
        return " " * len(line)
    if _LONE_PIPE.match(line):
        # One cell per line ending in "|": a line that is only the "|" is an empty cell.
        return line.replace("|", EMPTY)
    return _mark_empty_fields(line)


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
