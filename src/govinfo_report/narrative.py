"""Narrative text: printed lines back into paragraphs and numbered subsections.

The PDF text layer breaks every paragraph into lines of the page width; a
Word or web copy has one line per paragraph (and now and then a paragraph
split by a page break).  :func:`paragraphs` joins the lines of either kind
back into paragraphs; :func:`narrative` then splits off the numbered
sub-headings (``（一）主动公开情况``).

Only the line breaks and the white space at both ends of a line are layout;
every other character of the input is kept, in order.

How lines are joined:

* The layout is *wrapped* when most lines that do not end a sentence have
  about the same display width (CJK characters count 2): the page width.
  Then a line ends its paragraph when it is clearly shorter than that width
  (more than the two-character indent of a first line; less when it ends a
  sentence), when it is a sub-heading on a line of its own, or when it ends
  a sentence and the next line starts a sub-heading.
* Otherwise every line is a paragraph, except a line that stops in the
  middle of a sentence (no closing punctuation, CJK on both sides of the
  break), which runs on into the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .model import Narrative, Subsection

__all__ = [
    "SENTENCE_END",
    "SUBSECTION_NUMBER",
    "WrapWidth",
    "display_width",
    "is_cjk",
    "narrative",
    "paragraphs",
    "wrap_width",
]

WrapWidth = int | None

#: A subsection number at the start of a paragraph: ``（一）`` … ``（十）``.
SUBSECTION_NUMBER = re.compile(r"^（[一二三四五六七八九十]{1,3}）")
#: A line that ends a sentence (closing quotes and brackets may follow the stop).
SENTENCE_END = re.compile(r"[。！？；：…!?;:][”’」』）》)\]】]*$")
#: Punctuation that joins across a line break without a space, as CJK characters do.
_CJK_MARKS = frozenset("“”《》〈〉")
_HEADING_STOP = re.compile(r"[。：:]")
_TOLERANCE = 4
_MAX_HEADING_WIDTH = 64
_MAX_INLINE_HEADING = 40


def display_width(text: str) -> int:
    """Width of ``text`` with CJK characters counted 2 and ASCII 1.

    Any ``str`` has a width: a lone surrogate counts as the three bytes UTF-8 would
    give it (``surrogatepass``), so text built in Python never makes this raise.
    """
    return (len(text.encode("utf-8", "surrogatepass")) + len(text)) // 2


def _is_heading_line(line: str) -> bool:
    if not SUBSECTION_NUMBER.match(line) or display_width(line) > _MAX_HEADING_WIDTH:
        return False
    stop = _HEADING_STOP.search(line)
    return stop is None or stop.end() == len(line.rstrip())


@lru_cache(maxsize=4096)
def _facts(line: str) -> tuple[int, bool, bool]:
    """A printed line's display width, whether it ends a sentence, whether it is a sub-heading
    (worked out once: :func:`wrap_width` and :func:`paragraphs` both ask for each line)."""
    return display_width(line), SENTENCE_END.search(line) is not None, _is_heading_line(line)


def wrap_width(lines: Sequence[str]) -> WrapWidth:
    """The page width of a wrapped layout, or ``None`` for one line per paragraph."""
    facts = map(_facts, lines)
    widths = sorted(width for width, sentence_end, heading in facts if not sentence_end and not heading)
    if len(widths) < 4:
        return None
    median = widths[len(widths) // 2]
    near = sum(1 for w in widths if abs(w - median) <= _TOLERANCE)
    if near * 10 < len(widths) * 6 or median > 120:
        return None
    return median


def paragraphs(lines: Sequence[str], width: WrapWidth, *, exact: bool = False) -> list[str]:
    """Join printed lines (already stripped, none empty) into paragraphs.

    ``exact``: every line is a paragraph already (a Word file, a web page).
    """
    if exact:
        return list(lines)
    out: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        current += line
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or _ends_paragraph(line, following, width):
            out.append(current)
            current = ""
    return out


def _ends_paragraph(line: str, following: str, width: WrapWidth) -> bool:
    line_width, sentence_end, heading = _facts(line)
    if heading:
        return True
    if sentence_end and SUBSECTION_NUMBER.match(following):
        return True
    if width is not None:
        shortfall = width - line_width
        # A paragraph's first line is indented two characters (width 4).
        return shortfall > 2 * _TOLERANCE or (sentence_end and shortfall > _TOLERANCE)
    if sentence_end:
        return True
    return not (is_cjk(line[-1]) and is_cjk(following[0]))


def is_cjk(character: str) -> bool:
    """Whether ``character`` joins across a line break without a space: a CJK character
    (U+2E80–U+9FFF, U+F900–U+FAFF) or CJK punctuation (“”《》〈〉).  (A comparison, not a
    regular expression: compiling a class of 29,000 characters cost 1.5 ms at every start.)"""
    return "\u2e80" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff" or character in _CJK_MARKS


def narrative(lines: Sequence[str], width: WrapWidth, *, exact: bool = False) -> Narrative:
    """A narrative section from its printed lines (``exact``: one paragraph per line)."""
    intro: list[str] = []
    subsections: list[Subsection] = []
    for paragraph in paragraphs(lines, width, exact=exact):
        heading = _split_heading(paragraph)
        if heading is None:
            if subsections:
                last = subsections[-1]
                subsections[-1] = Subsection(last.heading, (*last.paragraphs, paragraph), last.inline)
            else:
                intro.append(paragraph)
        else:
            subsections.append(heading)
    return Narrative(paragraphs=tuple(intro), subsections=tuple(subsections))


def _split_heading(paragraph: str) -> Subsection | None:
    if not SUBSECTION_NUMBER.match(paragraph):
        return None
    if _is_heading_line(paragraph):
        return Subsection(paragraph)
    stop = _HEADING_STOP.search(paragraph)
    if stop is None or display_width(paragraph[: stop.start()]) > _MAX_INLINE_HEADING * 2:
        return None
    return Subsection(paragraph[: stop.end()], (paragraph[stop.end() :],), inline=True)
