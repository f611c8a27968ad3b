"""What one PDF page shows, taken from PDFium: its characters, its rulings and its pictures.

Everything is in *reading* coordinates: points, origin at the top left of the
page turned so that its text stands upright, ``top`` growing downwards, as in
pdfplumber.  That is the page as shown (its ``/Rotate`` applied) unless the
``/Rotate`` shows most of its text sideways or upside down; the page is then
read as its text stands (:func:`_reading_rotation`).

* **Characters** (:class:`Char`) come from PDFium's text layer, each with its
  loose box (the advance width and the font's height, not the ink).  Characters
  PDFium makes up (spaces and line ends it guesses from gaps) are left out;
  characters drawn invisibly (render mode 3, the text layer of an OCR'd scan)
  are counted but not read; characters outside the visible page are not read.
  A character painted in white (its fill, or its outline when it is only
  stroked, white or fully transparent) is invisible too, unless it stands on a
  filled area in a colour (white text on a dark header cell).  A *watermark*
  character is left out as well: one set at a slant to the page's text (not a
  quarter turn from it: a diagonal ``DRAFT 2024``) or drawn see-through
  (opacity under :data:`_OPAQUE`).  A character whose font maps it to no
  Unicode character is kept and marked (:attr:`Char.unmapped`), so that the
  reader can refuse it with its position.  Each character keeps how dark it is
  on the paper (:attr:`Char.ink`) and whether it stands upright
  (:attr:`Char.upright`), so that characters of another style in one word are
  kept apart (:mod:`.pdf_text`).
* **Rulings** (:class:`Ruling`): the horizontal and vertical lines a person
  sees — stroked path segments and thin filled rectangles in a colour that is
  not white.  A filled rectangle is a background (cell shading, or the
  invisible white boxes some exporters draw around text), never a ruling.
* **Pictures**: how much of the page images cover, to recognise a scanned page.
"""

from __future__ import annotations

import ctypes
import functools
import math
from collections.abc import Callable, Iterator
from typing import Any

import attrs

__all__ = ["Char", "PageContent", "Ruling", "read_page"]

#: A colour whose every channel is at least this (of 255) is white on white paper.
_WHITE = 245
#: Text drawn with less opacity than this (of 255) is see-through: a watermark, not the text.
_OPAQUE = 230
#: How far (degrees) a character may turn from the page's text direction (or a quarter turn
#: from it) and still stand with it; further is at a slant: a watermark.
_SLANT = 3.0
#: A filled rectangle at most this thick (points) is a line drawn as a rectangle.
_THIN = 2.0
#: Segments shorter than this (points) are not rulings (dots, ticks).
_MIN_RULING = 1.0
#: How far (points) a segment may lean and still be horizontal or vertical.
_STRAIGHT = 0.5

Matrix = tuple[float, float, float, float, float, float]
#: ``(x0, top, x1, bottom)`` in display coordinates.
Box = tuple[float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@attrs.frozen(slots=True)
class Char:
    """One character of the text layer, with its loose box in display coordinates."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    unmapped: bool = False
    #: How dark the character is on white paper: its darkest channel over white (0 black … 255 white).
    ink: int = 0
    #: Whether it stands as the page's text does (not a quarter turn from it).
    upright: bool = True

    @property
    def height(self) -> float:
        """The box's height: about the font size."""
        return self.bottom - self.top

    @property
    def width(self) -> float:
        """The box's width: the character's advance."""
        return self.x1 - self.x0

    @property
    def middle(self) -> tuple[float, float]:
        """The centre of the box."""
        return ((self.x0 + self.x1) / 2, (self.top + self.bottom) / 2)


@attrs.frozen(slots=True)
class Ruling:
    """A visible straight line: ``"h"`` (``top == bottom``) or ``"v"`` (``x0 == x1``)."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float


@attrs.frozen
class PageContent:
    """What one page shows.

    Attributes:
        number: the page number, from 1.
        width, height: the page as read (turned so that its text stands upright), in points.
        chars: the visible characters of the text layer, in PDFium's order.
        rulings: the visible horizontal and vertical lines.
        image_cover: the share of the page that images cover (0 … 1, overlaps counted twice).
        hidden_chars: characters of the text layer drawn invisibly.
    """

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rulings: tuple[Ruling, ...]
    image_cover: float
    hidden_chars: int


def read_page(page: Any, number: int) -> PageContent:
    """The content of a ``pypdfium2.PdfPage`` (imported by the caller)."""
    import pypdfium2.raw as pdfium

    left, bottom, right, top = page.get_bbox()
    textpage = page.get_textpage()
    try:
        layer = _text_layer(textpage.raw, pdfium)
    finally:
        textpage.close()
    rotation = _reading_rotation(layer, page.get_rotation() % 360)
    to_display = _display_transform(left, bottom, right, top, rotation)
    width, height = (right - left, top - bottom)
    if rotation in (90, 270):
        width, height = height, width
    rulings: list[Ruling] = []
    images: list[Box] = []
    fills: list[Box] = []
    _walk_objects(
        pdfium,
        pdfium.FPDFPage_CountObjects(page.raw),
        lambda index: pdfium.FPDFPage_GetObject(page.raw, index),
        _IDENTITY,
        to_display,
        (rulings, images, fills),
        depth=0,
    )
    chars, hidden = _chars(layer, rotation, to_display, width, height, fills)
    return PageContent(
        number=number,
        width=width,
        height=height,
        chars=tuple(chars),
        rulings=tuple(rulings),
        image_cover=_cover(images, width, height),
        hidden_chars=hidden,
    )


@attrs.frozen(slots=True)
class _Drawn:
    """A character of the text layer as PDFium gives it: its code, its angle (degrees clockwise,
    ``None`` when unknown), its loose box in PDF space, and how it is painted (``None``:
    invisible, render mode 3)."""

    code: int
    angle: float | None
    box: tuple[float, float, float, float]
    paint: tuple[int, int] | None
    unmapped: bool


def _text_layer(raw: Any, pdfium: Any) -> list[_Drawn]:
    """The characters of the text layer PDFium has not made up (spaces and line ends it guesses
    from gaps), a surrogate pair as one character; each text object's paint read once."""
    count = pdfium.FPDFText_CountChars(raw)
    rect = pdfium.FS_RECTF()
    paints: dict[int | None, tuple[int, int] | None] = {}
    rgba = _rgba()
    drawn: list[_Drawn] = []
    skip = -1
    for index in range(max(count, 0)):
        if index == skip or pdfium.FPDFText_IsGenerated(raw, index) == 1:
            continue
        code = pdfium.FPDFText_GetUnicode(raw, index)
        if 0xD800 <= code < 0xDC00 and index + 1 < count:  # a surrogate pair: one character
            low = pdfium.FPDFText_GetUnicode(raw, index + 1)
            if 0xDC00 <= low < 0xE000:
                code, skip = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), index + 1
        if code in (0x0D, 0x0A, 0xFFFE):  # line ends PDFium writes into the text
            continue
        obj = pdfium.FPDFText_GetTextObject(raw, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        if key not in paints:
            paints[key] = _paint(pdfium, obj, rgba) if obj else (0, 255)
        if not pdfium.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        angle = pdfium.FPDFText_GetCharAngle(raw, index)
        drawn.append(
            _Drawn(
                code,
                math.degrees(angle) if angle >= 0 else None,
                (rect.left, rect.bottom, rect.right, rect.top),
                paints[key],
                pdfium.FPDFText_HasUnicodeMapError(raw, index) == 1,
            )
        )
    return drawn


#: Render modes (PDF's ``Tr``) that fill the glyphs and that stroke them (4–7 also clip).
_FILLED = (0, 2, 4, 6)
_STROKED = (1, 2, 5, 6)


def _paint(pdfium: Any, obj: Any, rgba: _RGBA) -> tuple[int, int] | None:
    """How a text object's glyphs show on white paper: ``(ink, opacity)`` of the darker of what
    its render mode paints (fill, outline), ink as :func:`_ink` says;
    ``None`` when it paints nothing (render mode 3, 7: invisible)."""
    mode = pdfium.FPDFTextObj_GetTextRenderMode(obj)
    filled = mode in _FILLED or mode < 0
    fill = _ink(obj, pdfium.FPDFPageObj_GetFillColor, rgba) if filled else None
    if mode not in _STROKED:
        return fill
    stroke = _ink(obj, pdfium.FPDFPageObj_GetStrokeColor, rgba)
    return stroke if fill is None else min(fill, stroke)


_RGBA = tuple[ctypes.c_uint, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]


def _rgba() -> _RGBA:
    return (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())


def _ink(obj: Any, getter: Callable[..., int], rgba: _RGBA) -> tuple[int, int]:
    """``(ink, opacity)`` of a colour of ``obj`` (``getter``: PDFium's fill or stroke colour, read
    into ``rgba``): its darkest channel over white paper (0 black … 255 white, so fully
    transparent is white)."""
    r, g, b, a = rgba
    if not getter(obj, r, g, b, a):
        return (0, 255)
    lightest = min(r.value, g.value, b.value)  # white when every channel is
    return (round(255 - a.value * (255 - lightest) / 255), a.value)


def _reading_rotation(layer: list[_Drawn], shown: int) -> int:
    """The turn (clockwise, degrees) under which the page's text stands upright.

    Mostly the page's ``/Rotate`` (``shown``): a landscape page written as portrait paper
    with its content turned and ``/Rotate 90`` is upright on screen.  A page whose
    ``/Rotate`` shows its text sideways or upside down (a page turned in a viewer and saved)
    is read as its text stands: a table's rows are the text's lines, whichever way the page
    is shown.  The text's direction is the one most of its characters share (PDFium's
    character angle, clockwise in PDF space, to the nearest quarter turn); a page where no
    direction holds more than half of them is read as shown."""
    votes: dict[int, int] = {}
    counted = 0
    for drawn in layer:
        if drawn.angle is None or drawn.code <= 0x20 or drawn.code == 0x3000:
            continue
        quarter = round(drawn.angle / 90) % 4
        votes[quarter] = votes.get(quarter, 0) + 1
        counted += 1
    if not votes:
        return shown
    quarter, count = max(votes.items(), key=lambda item: item[1])
    if 2 * count <= counted:
        return shown
    return (360 - 90 * quarter) % 360


def _display_transform(
    left: float, bottom: float, right: float, top: float, rotation: int
) -> Callable[[float, float], tuple[float, float]]:
    """PDF user space (y up) to display space (y down, the page's rotation applied)."""
    width, height = right - left, top - bottom

    def transform(x: float, y: float) -> tuple[float, float]:
        u, v = x - left, top - y
        if rotation == 90:
            return (height - v, u)
        if rotation == 180:
            return (width - u, height - v)
        if rotation == 270:
            return (v, width - u)
        return (u, v)

    return transform


def _box(
    to_display: Callable[[float, float], tuple[float, float]], x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    ax, ay = to_display(x0, y0)
    bx, by = to_display(x1, y1)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _chars(
    layer: list[_Drawn],
    rotation: int,
    to_display: Callable[[float, float], tuple[float, float]],
    width: float,
    height: float,
    fills: list[Box],
) -> tuple[list[Char], int]:
    """The visible characters in display coordinates, and how many are drawn invisibly.

    Left out: characters outside the visible page; invisible ones (render mode 3, or painted
    white or fully transparent — unless on a filled area in a colour); watermark ones (set at a
    slant to the page's text, or see-through)."""
    text_angle = (360 - rotation) % 360  # the angle of upright text, in PDFium's terms
    chars: list[Char] = []
    hidden = 0
    for drawn in layer:
        if drawn.paint is None:
            hidden += 1
            continue
        ink, opacity = drawn.paint
        upright = True
        if drawn.angle is not None:
            turn = (drawn.angle - text_angle) % 360
            if min(turn % 90, 90 - turn % 90) > _SLANT:
                continue  # at a slant: a watermark
            upright = min(turn, 360 - turn) <= _SLANT
        if opacity < _OPAQUE:
            continue  # see-through (or not there at all, on any ground): a watermark
        x0, top, x1, bottom = _box(to_display, *drawn.box)
        middle_x, middle_y = (x0 + x1) / 2, (top + bottom) / 2
        if not (0 <= middle_x <= width and 0 <= middle_y <= height):
            continue  # outside the visible page
        if ink >= _WHITE and not any(f[0] <= middle_x <= f[2] and f[1] <= middle_y <= f[3] for f in fills):
            hidden += 1  # white on the paper
            continue
        code = drawn.code
        unmapped = drawn.unmapped or _garbage(code)
        chars.append(Char(_character(code), x0, top, x1, bottom, unmapped, ink, upright))
    return chars, hidden


def _character(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


def _garbage(code: int) -> bool:
    """A code that no font maps a printed character to: controls, replacement, private use."""
    if code < 0x20 and code not in (0x09,):
        return True
    if 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code in (0xFFFD, 0xFFFF) or code > 0x10FFFF:
        return True
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _walk_objects(
    pdfium: Any,
    count: int,
    get: Callable[[int], Any],
    parent: Matrix,
    to_display: Callable[[float, float], tuple[float, float]],
    found: tuple[list[Ruling], list[Box], list[Box]],
    *,
    depth: int,
) -> None:
    """Rulings, image boxes and filled areas (``found``) of page objects (and of the form
    XObjects among them)."""
    rulings, images, fills = found
    for index in range(max(count, 0)):
        obj = get(index)
        if not obj:
            continue
        kind = pdfium.FPDFPageObj_GetType(obj)
        matrix = _compose(_matrix(pdfium, obj), parent)
        if kind == pdfium.FPDF_PAGEOBJ_PATH:
            rulings.extend(_path_rulings(pdfium, obj, matrix, to_display, fills))
        elif kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            corners = [_apply(matrix, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
            points = [to_display(x, y) for x, y in corners]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            images.append((min(xs), min(ys), max(xs), max(ys)))
        elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < 8:
            _walk_objects(
                pdfium,
                pdfium.FPDFFormObj_CountObjects(obj),
                functools.partial(pdfium.FPDFFormObj_GetObject, obj),
                matrix,
                to_display,
                found,
                depth=depth + 1,
            )


def _matrix(pdfium: Any, obj: Any) -> Matrix:
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner``, then ``outer``."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


def _path_rulings(
    pdfium: Any,
    obj: Any,
    matrix: Matrix,
    to_display: Callable[[float, float], tuple[float, float]],
    fills: list[Box],
) -> Iterator[Ruling]:
    """A path's rulings; a filled area that is not a ruling goes to ``fills`` (its box)."""
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroked):
        return
    rgba = _rgba()
    stroke = bool(stroked.value) and _ink(obj, pdfium.FPDFPageObj_GetStrokeColor, rgba)[0] < _WHITE
    fill = (
        fill_mode.value != pdfium.FPDF_FILLMODE_NONE
        and _ink(obj, pdfium.FPDFPageObj_GetFillColor, rgba)[0] < _WHITE
    )
    if not stroke and not fill:
        return
    segments = list(_segments(pdfium, obj, matrix, to_display))
    thin = _thin_rectangle(segments) if fill else None
    if fill and thin is None and segments:
        xs = [x for segment in segments for x, _ in segment]
        ys = [y for segment in segments for _, y in segment]
        fills.append((min(xs), min(ys), max(xs), max(ys)))
    if stroke:
        for (ax, ay), (bx, by) in segments:
            ruling = _straight(ax, ay, bx, by)
            if ruling is not None:
                yield ruling
    elif thin is not None:
        yield thin


def _segments(
    pdfium: Any, obj: Any, matrix: Matrix, to_display: Callable[[float, float], tuple[float, float]]
) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path, in display coordinates (curves are skipped)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for index in range(max(pdfium.FPDFPath_CountSegments(obj), 0)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = to_display(*_apply(matrix, x.value, y.value))
        kind = pdfium.FPDFPathSegment_GetType(segment)
        if kind == pdfium.FPDF_SEGMENT_MOVETO:
            start = current = point
            continue
        if kind == pdfium.FPDF_SEGMENT_LINETO and current is not None:
            yield (current, point)
        current = point
        if pdfium.FPDFPathSegment_GetClose(segment) and start is not None and current != start:
            yield (current, start)
            current = start


def _straight(ax: float, ay: float, bx: float, by: float) -> Ruling | None:
    if abs(ay - by) <= _STRAIGHT and abs(ax - bx) >= _MIN_RULING:
        y = (ay + by) / 2
        return Ruling("h", min(ax, bx), y, max(ax, bx), y)
    if abs(ax - bx) <= _STRAIGHT and abs(ay - by) >= _MIN_RULING:
        x = (ax + bx) / 2
        return Ruling("v", x, min(ay, by), x, max(ay, by))
    return None


def _thin_rectangle(segments: list[tuple[tuple[float, float], tuple[float, float]]]) -> Ruling | None:
    """A filled axis-aligned rectangle at most :data:`_THIN` thick, as the line it draws."""
    if not 3 <= len(segments) <= 5:
        return None
    points = [point for segment in segments for point in segment]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    for (ax, ay), (bx, by) in segments:
        if abs(ax - bx) > _STRAIGHT and abs(ay - by) > _STRAIGHT:
            return None  # a slanted side: not a rectangle
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    if bottom - top <= _THIN and x1 - x0 >= max(_MIN_RULING, 2 * (bottom - top)):
        middle = (top + bottom) / 2
        return Ruling("h", x0, middle, x1, middle)
    if x1 - x0 <= _THIN and bottom - top >= max(_MIN_RULING, 2 * (x1 - x0)):
        middle = (x0 + x1) / 2
        return Ruling("v", middle, top, middle, bottom)
    return None


def _cover(images: list[Box], width: float, height: float) -> float:
    """The share of the page that images cover, at most 1 (a scan may come in strips)."""
    if width <= 0 or height <= 0:
        return 0.0
    total = 0.0
    for x0, top, x1, bottom in images:
        w = max(0.0, min(x1, width) - max(x0, 0.0))
        h = max(0.0, min(bottom, height) - max(top, 0.0))
        total += w * h
    return min(total / (width * height), 1.0)
