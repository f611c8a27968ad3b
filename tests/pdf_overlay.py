"""Text drawn over a PDF page (a watermark, a white digit, a running header), for tests.

The expected values of a test are what the page prints; these helpers add what a person
would not read as the report (or would), with PDFium's own page editing.
"""

from __future__ import annotations

import ctypes
import io
import math
from pathlib import Path
from typing import Any


def char_box(path: Path, page: int, text: str) -> tuple[float, float, float, float]:
    """``(left, bottom, right, top)`` in PDF space of the last character of the first ``text``
    on ``page`` (from 1)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    textpage = pdf[page - 1].get_textpage()
    found = textpage.get_text_range().index(text) + len(text) - 1
    box: tuple[float, float, float, float] = textpage.get_charbox(found)
    return box


def draw_text(
    data: bytes | Path,
    pages: list[int],
    text: str,
    at: tuple[float, float],
    size: float,
    *,
    colour: tuple[int, int, int, int] = (0, 0, 0, 255),
    stroke: tuple[int, int, int, int] = (0, 0, 0, 255),
    angle: float = 0.0,
    render_mode: int = 0,
    font: str = "Helvetica",
) -> bytes:
    """``data`` (a PDF) with ``text`` drawn on each of ``pages`` (from 1) at ``at`` (PDF space),
    turned ``angle`` degrees anticlockwise, filled in ``colour`` and outlined in ``stroke`` (RGBA)
    as ``render_mode`` says."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    pdf = pypdfium2.PdfDocument(data)
    for number in pages:
        page = pdf[number - 1]
        obj: Any = pdfium.FPDFPageObj_NewTextObj(pdf.raw, font.encode(), ctypes.c_float(size))
        encoded = (text + "\0").encode("utf-16-le")
        buffer = ctypes.create_string_buffer(encoded, len(encoded))
        pdfium.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium.FPDF_WCHAR)))
        pdfium.FPDFPageObj_SetFillColor(obj, *colour)
        pdfium.FPDFPageObj_SetStrokeColor(obj, *stroke)
        pdfium.FPDFTextObj_SetTextRenderMode(obj, render_mode)
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        pdfium.FPDFPageObj_Transform(obj, c, s, -s, c, at[0], at[1])
        pdfium.FPDFPage_InsertObject(page.raw, obj)
        if not pdfium.FPDFPage_GenerateContent(page.raw):
            raise RuntimeError("PDFium could not write the page")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
