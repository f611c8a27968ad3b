"""Lines and paragraphs of a PDF's text layer, from the geometry of its characters.

* :func:`lines` groups characters into printed lines (top to bottom, left to
  right).  Spaces are the text layer's own, and where the file draws a space
  as a gap (LibreOffice does), a gap wider than a justified line's usual one
  by more than :data:`_SPACED_OUT` em is a space — by more than
  :data:`_AUTOSPACED` em between CJK and Latin text, where word processors
  add about a quarter em of their own.  A Latin letter or digit and its
  neighbour drawn very unlike (size, ink, direction: a watermark's digit
  beside a number) have a space between them.  A character drawn twice at the same
  place (fake bold) is read once.
* :func:`is_page_number` knows the page-number lines of Word/WPS exports: the
  forms of :data:`govinfo_report.normalize.PAGE_NUMBER` (``- 3 -``, ``·3·``,
  ``〔3〕``, ``第 3 页``, ``共 6 页 第 3 页``, ``Page 3 of 6``), and near the top or
  bottom of the page those of :data:`govinfo_report.normalize.MARGIN_PAGE_NUMBER`
  (a bare ``3``, ``3 / 6``).
* :class:`Paragraphs` joins printed lines back into the paragraphs they were
  wrapped from, from where each line starts and ends on the page (see
  :meth:`Paragraphs.continues`).
* :func:`fits` is the one test of "would the next word have fitted on this
  line", shared with the table cells (:mod:`.pdf_tables`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import attrs

from ..normalize import MARGIN_PAGE_NUMBER, PAGE_NUMBER
from .pdf_page import Char

__all__ = ["Line", "Paragraphs", "fits", "is_page_number", "lines"]

#: A gap wider than this (in em, beyond the justification) between two characters of the same
#: script is a space the file draws as a gap; between CJK and Latin text word processors put
#: about a quarter em of their own (autospace), so there a space is a gap of more than this.
_SPACED_OUT = 0.15
_AUTOSPACED = 0.22
#: Lines further apart than this many times the usual distance have space between them.
_SPACED = 1.35
#: Two Latin letters or digits whose heights differ by more than this factor, or two characters,
#: one of them Latin, whose ink (0 black … 255 white, :attr:`Char.ink`) differs by more than this, are
#: not one word (a watermark's digit beside a cell's number): a space is read between them.
_SIZE_APART = 1.5
_INK_APART = 100
#: A bare number is a page number only this close (share of the page height) to the top or bottom.
_MARGIN = 0.12


_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u2010-\u2027,.;:!?)\]}'\"]")


_OPENING = "（《“‘【〔〈「『[(<"


def _latin(text: str) -> bool:
    return text.isascii() and text.isalnum()


@attrs.frozen
class Line:
    """A printed line: its characters left to right (white space left out) and their box.

    ``text`` is the line as the text layer has it, spaces at its ends included.
    """

    chars: tuple[Char, ...]
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        """The median character's height: about the font size."""
        heights = sorted(char.height for char in self.chars)
        return heights[len(heights) // 2]

    @property
    def middle(self) -> float:
        """The median character's vertical centre (taller glyphs of another font do not move it)."""
        middles = sorted((char.top + char.bottom) / 2 for char in self.chars)
        return middles[len(middles) // 2]

    @property
    def width(self) -> float:
        """From the first character's left to the last one's right."""
        return self.x1 - self.x0

    @property
    def hangs(self) -> bool:
        """Whether the line ends in punctuation, which may hang past the edge of the column
        (a comma never starts a line, so it stays at the end of the one before)."""
        return bool(_PUNCTUATION.match(self.chars[-1].text))

    def first_word_width(self, *, opening: bool = True) -> float:
        """The width of what would have to fit at the end of the line before: a CJK character,
        or a run of Latin letters and digits; with ``opening``, opening brackets and the word
        after them (a bracket never ends a line)."""
        start = 0
        if opening:
            while start + 1 < len(self.chars) and self.chars[start].text in _OPENING:
                start += 1  # an opening bracket never ends a line: it goes with the word after it
        first = self.chars[start]
        end = first.x1
        if _latin(first.text):
            for char in self.chars[start + 1 :]:
                if not _latin(char.text) or char.x0 - end > _SPACED_OUT * char.height:
                    break  # the word ends at a CJK character or at a space
                end = char.x1
        return end - self.chars[0].x0


def lines(chars: Iterable[Char]) -> list[Line]:
    """The printed lines of ``chars``, top to bottom."""
    ordered = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    groups: list[list[Char]] = []
    top = bottom = 0.0
    for char in ordered:
        middle = (char.top + char.bottom) / 2
        if groups and top <= middle <= bottom:
            groups[-1].append(char)
            top, bottom = min(top, char.top), max(bottom, char.bottom)
        else:
            groups.append([char])
            top, bottom = char.top, char.bottom
    return [line for line in (_line(group) for group in groups) if line is not None]


def _line(chars: list[Char]) -> Line | None:
    chars.sort(key=lambda c: c.x0)
    kept: list[Char] = []
    for char in chars:
        if kept:
            last = kept[-1]
            if char.text == last.text and abs(char.x0 - last.x0) < 0.3 * max(char.width, 0.1):
                continue  # drawn twice (fake bold, shadow)
        kept.append(char)
    printed = [char for char in kept if not char.text.isspace()]
    if not printed:
        return None
    em, stretch = _spacing(kept)
    parts: list[str] = []
    for at, char in enumerate(kept):
        if at and not char.text.isspace() and not kept[at - 1].text.isspace():
            last = kept[at - 1]
            if _apart(last, char):
                parts += (" ", char.text)
                continue
            gap = char.x0 - last.x1
            wide = _wide(last.text) or _wide(char.text)
            extra = gap - stretch if wide else gap
            if extra > (_AUTOSPACED if wide != (_wide(last.text) and _wide(char.text)) else _SPACED_OUT) * em:
                parts.append(" ")
        parts.append(char.text)
    return Line(
        tuple(printed),
        "".join(parts),
        min(c.x0 for c in printed),
        min(c.top for c in printed),
        max(c.x1 for c in printed),
        max(c.bottom for c in printed),
    )


def _apart(a: Char, b: Char) -> bool:
    """Whether two neighbouring characters, one of them a Latin letter or digit, are drawn so
    unlike (ink, one upright and one turned; size, when both are Latin letters or digits) that
    they are not one word: text of another layer (a watermark) is not joined to a number.
    (The loose boxes of CJK characters and punctuation, often from other fonts, differ in
    height from Latin ones: sizes are compared between Latin characters only.)"""
    if not (_latin(a.text) or _latin(b.text)):
        return False
    if a.upright != b.upright or abs(a.ink - b.ink) > _INK_APART:
        return True
    if not (_latin(a.text) and _latin(b.text)):
        return False
    low, high = sorted((a.height, b.height))
    return high > _SIZE_APART * max(low, 0.1)


def _wide(text: str) -> bool:
    """A CJK character or full-width punctuation: one em wide, stretched when a line is justified."""
    return ord(text[0]) >= 0x2E80


def _spacing(chars: Sequence[Char]) -> tuple[float, float]:
    """The em of a line (a CJK character's advance, else about the height) and how much
    justification widened the gaps between its CJK characters."""
    wide = sorted(char.width for char in chars if _wide(char.text))
    if wide:
        em = wide[len(wide) // 2]
    else:
        heights = sorted(char.height for char in chars)
        em = heights[len(heights) // 2] * 0.9
    gaps = sorted(b.x0 - a.x1 for a, b in itertools.pairwise(chars) if _wide(a.text) and _wide(b.text))
    stretch = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    return max(em, 0.1), stretch


def fits(line_end: float, word: float, limit: float, height: float) -> bool:
    """Whether a word ``word`` wide would have fitted after ``line_end`` before ``limit``.

    A line that the next word would have fitted on was not broken by wrapping: the
    text broke there on purpose.  The tolerance is a fifth of the font size.
    """
    return line_end + word <= limit + 0.2 * height


def is_page_number(line: Line, page_height: float) -> bool:
    """Whether ``line`` is a page number (the caller checks that it stands first or last on its page)."""
    text = " ".join(line.text.split())
    if PAGE_NUMBER.fullmatch(text):
        return True
    if not MARGIN_PAGE_NUMBER.fullmatch(text.replace(" ", "")):
        return False
    return line.bottom < _MARGIN * page_height or line.top > (1 - _MARGIN) * page_height


def _right_edge(page_lines: Sequence[Line], left: float, page_width: float) -> float:
    """Where full lines end.

    Justified lines end at one place: the furthest end that two lines share (within a
    point), among lines not ending in punctuation (it may hang past the edge), when it lies
    where the page's margins put the column's edge — within three ems of the page width less
    the left margin (word processors' margins are about even).  A long word may stick out
    past it.  Without such an end (few lines fill the column): where the margins put it, or
    further if a line ends further (of a line not ending in punctuation, or of any line less
    an em).
    """
    ends = sorted((line.x1 for line in page_lines if not line.hangs), reverse=True)
    em = sorted(line.height for line in page_lines)[len(page_lines) // 2]
    expected = page_width - left
    for at, end in enumerate(ends[:-1]):
        if end - ends[at + 1] <= 1.0 and abs(end - expected) <= 3 * em:
            return end
    hanging = max(line.x1 - line.height for line in page_lines)
    return max([*ends[:1], hanging, expected])


@attrs.frozen
class Margins:
    """The left and right edges of a page's text column."""

    left: float
    right: float


def margins(page_lines: Sequence[Line], page_width: float) -> Margins | None:
    """The text column of lines on pages ``page_width`` wide: where the leftmost starts and
    where full lines end; ``None`` for no lines."""
    if not page_lines:
        return None
    left = min(line.x0 for line in page_lines)
    return Margins(left, _right_edge(page_lines, left, page_width))


class Paragraphs:
    """Joins the printed lines of narrative text into paragraphs.

    A line continues the paragraph of the line before it when all of these hold:

    * the line before is *full*: the first word of this line would not have fitted
      at its end (:func:`fits` against the right edge of the text column) — a
      paragraph's last line stops short;
    * this line is not indented (a first-line indent, a centred heading), unless it is centred
      under a line that fills the column and larger than the text (a title wrapped over two
      lines);
    * on the same page, the distance from the line before is not more than a third
      wider than the page's usual distance between lines (space between paragraphs).

    A table or a picture between two lines ends the paragraph; a page break does not.
    """

    def __init__(self, pages: dict[int, list[Line]], widths: dict[int, float]) -> None:
        everything = [line for page in pages.values() for line in page]
        common = sorted(widths.values())[len(widths) // 2] if widths else 0.0
        self._default = margins(everything, common) or Margins(0.0, 0.0)
        heights = sorted(line.height for line in everything)
        self._body = heights[len(heights) // 2] if heights else 0.0  # the text's font size
        self._margins = {
            number: self._own(page, widths.get(number, common)) for number, page in pages.items()
        }
        self._pitches = {number: _usual_pitch(page) for number, page in pages.items()}

    def _own(self, page_lines: Sequence[Line], page_width: float) -> Margins | None:
        """A page's own column when it has enough lines to say and it is near the document's
        (mirrored margins move it a little); else ``None``: the document's column is used."""
        if len(page_lines) < 8:
            return None
        own = margins(page_lines, page_width)
        em = sorted(line.height for line in page_lines)[len(page_lines) // 2]
        if (
            own is None
            or abs(own.left - self._default.left) > em
            or abs(own.right - self._default.right) > em
        ):
            return None
        return own

    def _column(self, page: int) -> Margins:
        return self._margins.get(page) or self._default

    def continues(self, before: Line, before_page: int, line: Line, page: int) -> bool:
        """Whether ``line`` (on ``page``) continues the paragraph of ``before`` (on ``before_page``)."""
        height = max(before.height, line.height)
        column = self._column(before_page)
        if fits(before.x1, line.first_word_width(), column.right, height):
            return False
        here = self._column(page)
        if line.x0 > here.left + 0.5 * line.height and not (
            line.height > 1.1 * self._body
            and _centred(line, here, height)
            and before.x0 <= column.left + height
        ):
            return False  # indented: a new paragraph, unless a title's line centred under a full one
        if page == before_page:
            usual = self._pitches.get(page)
            pitch = line.middle - before.middle
            if pitch <= 0 or (usual is not None and pitch > _SPACED * usual):
                return False
        return True

    @staticmethod
    def join(texts: Sequence[str]) -> str:
        """The paragraph of its lines' texts: joined as printed, a space only between two Latin words."""
        out = texts[0]
        for text in texts[1:]:
            if out and text and _latin(out[-1]) and _latin(text[0]):
                out += " "
            out += text
        return out


def _centred(line: Line, column: Margins, height: float) -> bool:
    return abs((line.x0 + line.x1) / 2 - (column.left + column.right) / 2) <= 0.5 * height


def _usual_pitch(page_lines: Sequence[Line]) -> float | None:
    """The median distance between the middles of consecutive lines of a page."""
    pitches = sorted(b.middle - a.middle for a, b in itertools.pairwise(page_lines) if b.middle > a.middle)
    if len(pitches) < 3:
        return None
    return pitches[len(pitches) // 2]
