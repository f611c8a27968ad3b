"""What a PDF draws that is not the report's text: invisible and white text, watermarks.

The real file (tests/fixtures/real/huaian-2024.pdf) with something drawn over it
(``tests/pdf_overlay.py``, PDFium's page editing); the expected values are what a person
read from the page (``huaian-2024.cells.csv``), which the drawing leaves as they were
printed — or, where a digit drawn unlike the number stands beside it, the cell refused
at its position.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import govinfo_report as gr
from govinfo_report.readers import read_document
from tests.pdf_overlay import char_box, draw_text
from tests.real_cells import REAL, differences

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

HUAIAN = REAL / "huaian-2024.pdf"
# 行政处罚 (table 2, page 4) prints 3985758; 行政事业性收费's amount prints 96171.6.
PENALTIES = "3985758"
FEES = "96171.6"
FEES_CELL = gr.Location(page=4, table=1, table_row=6, table_column=2)


def after(tmp_path: Path, text: str, digit: str, **drawn: Any) -> Path:
    """The real file with ``digit`` drawn right after the printed ``text`` on page 4."""
    _, bottom, right, top = char_box(HUAIAN, 4, text)
    return write(tmp_path, draw_text(HUAIAN, [4], digit, (right + 0.3, bottom), top - bottom, **drawn))


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "drawn.pdf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("colour", [(255, 255, 255, 255), (250, 250, 250, 255), (0, 0, 0, 0)])
def test_a_white_digit_after_a_number_is_not_read(tmp_path: Path, colour: tuple[int, int, int, int]) -> None:
    path = after(tmp_path, PENALTIES, "5", colour=colour)
    assert differences(gr.parse_file(path), "huaian-2024") == []


def test_a_digit_drawn_invisibly_is_not_read(tmp_path: Path) -> None:
    path = after(tmp_path, FEES, "9", render_mode=3)
    assert differences(gr.parse_file(path), "huaian-2024") == []


def test_a_white_outline_digit_is_not_read(tmp_path: Path) -> None:
    """Render mode 1 paints only the outline, in the stroke colour: white, it is not seen."""
    path = after(tmp_path, FEES, "9", render_mode=1, colour=(0, 0, 0, 255), stroke=(255, 255, 255, 255))
    assert differences(gr.parse_file(path), "huaian-2024") == []


def test_white_text_on_a_dark_fill_is_read() -> None:
    """tests/fixtures/pdf2/shaded-labels-dark.pdf: table 4's header is white on navy."""
    text = read_document(REAL.parent / "pdf2" / "shaded-labels-dark.pdf").text
    assert "复议" in text
    assert "诉讼" in text
    assert "结果维持" in "".join(text.split())


@pytest.mark.parametrize("angle", [30, 45, 315])
def test_a_diagonal_watermark_is_left_out(tmp_path: Path, angle: int) -> None:
    """A grey ``2024`` at a slant over table 2's fee cell, opaque (so only its slant says)."""
    left, bottom, _, _ = char_box(HUAIAN, 4, FEES)
    data = draw_text(
        HUAIAN, [4, 5], "2024 2024", (left + 8, bottom - 4), 12, colour=(153, 153, 153, 255), angle=angle
    )
    path = write(tmp_path, data)
    report = gr.parse_file(path)
    assert differences(report, "huaian-2024") == []
    assert read_document(path).text == read_document(HUAIAN).text  # the narrative too


def test_a_see_through_watermark_is_left_out(tmp_path: Path) -> None:
    """``SAMPLE 2024`` across pages, upright, light grey at 30 % opacity (as the Word and WPS
    watermark feature draws it), over tables and narrative."""
    data = HUAIAN.read_bytes()
    for y in (150, 300, 450, 600, 750):
        data = draw_text(data, [1, 2, 3, 4, 5, 6], "SAMPLE 2024", (120, y), 28, colour=(204, 204, 204, 77))
    path = write(tmp_path, data)
    assert differences(gr.parse_file(path), "huaian-2024") == []
    assert read_document(path).text == read_document(HUAIAN).text


@pytest.mark.parametrize(
    ("colour", "size"), [((150, 150, 150, 255), 10.4), ((200, 200, 200, 255), 20.0), ((0, 0, 0, 255), 20.0)]
)
def test_a_digit_drawn_unlike_the_number_beside_it_refuses_the_cell(
    tmp_path: Path, colour: tuple[int, int, int, int], size: float
) -> None:
    """An opaque upright digit in another grey or size right after 96171.6: not one number
    with it (a person sees two things); the cell is refused at its position, never read
    as 96171.65."""
    _, bottom, right, _ = char_box(HUAIAN, 4, FEES)
    path = write(tmp_path, draw_text(HUAIAN, [4], "5", (right + 0.3, bottom), size, colour=colour))
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_file(path)
    assert caught.value.location == FEES_CELL
    report = gr.parse_file(path, lenient=True)
    assert report.proactive.fees is None
    assert [d.location for d in report.diagnostics] == [FEES_CELL]
    assert [line for line in differences(report, "huaian-2024") if "96171.6" not in line] == []


def test_a_digit_turned_a_quarter_beside_a_number_is_not_joined_to_it(tmp_path: Path) -> None:
    _, bottom, right, _ = char_box(HUAIAN, 4, FEES)
    path = write(tmp_path, draw_text(HUAIAN, [4], "5", (right + 8, bottom), 10.4, angle=90))
    with pytest.raises(gr.ParseError) as caught:
        gr.parse_file(path)
    assert caught.value.location == FEES_CELL


# ---------------------------------------------------------------------------
# Page furniture: page numbers


def with_footers(tmp_path: Path, source: Path, form: str) -> Path:
    """``source`` with ``form`` (``{n}`` the page number, ``{count}`` the pages) centred at the
    foot of every page, as a word processor's footer draws it."""
    import pypdfium2

    count = len(pypdfium2.PdfDocument(source))
    data = source.read_bytes()
    for number in range(1, count + 1):
        data = draw_text(data, [number], form.format(n=number, count=count), (280, 30), 9)
    return write(tmp_path, data)


@pytest.mark.parametrize("form", ["Page {n} of {count}", "\u00b7{n}\u00b7", "- {n} -", "{n} / {count}"])
def test_page_numbers_of_every_form_are_left_out(tmp_path: Path, form: str) -> None:
    """seed-000: narrative and table 3 run over page breaks; the footers change nothing."""
    source = REAL.parent / "pdf" / "seed-000.pdf"
    path = with_footers(tmp_path, source, form)
    assert read_document(path).text == read_document(source).text


# ---------------------------------------------------------------------------
# Page furniture: running headers and footers


def on_every_page(tmp_path: Path, source: Path, texts: list[tuple[str, float, float]]) -> Path:
    """``source`` with each ``(text, x, y)`` (``{n}`` the page number) drawn on every page."""
    import pypdfium2

    data = source.read_bytes()
    for number in range(1, len(pypdfium2.PdfDocument(source)) + 1):
        for text, x, y in texts:
            data = draw_text(data, [number], text.format(n=number), (x, y), 9)
    return write(tmp_path, data)


SEED = REAL.parent / "pdf" / "seed-000.pdf"


@pytest.mark.parametrize(
    "furniture",
    [
        [("Qinghe County Audit Bureau", 240, 800)],  # the body's name over every page
        [("2024 Annual Report on Government Information Disclosure", 150, 800)],  # the title
        [("Qinghe County Audit Bureau   Page {n}", 230, 30)],  # a footer with its page number
        [("Qinghe County Audit Bureau", 60, 805), ("Page {n} of 5", 480, 805), ("- {n} -", 285, 30)],
    ],
)
def test_running_headers_and_footers_are_left_out(
    tmp_path: Path, furniture: list[tuple[str, float, float]]
) -> None:
    """seed-000: paragraphs and table 3 run over page breaks; a line repeated at the head or
    foot of every page is furniture: the reading text is the file's without it."""
    path = on_every_page(tmp_path, SEED, furniture)
    assert read_document(path).text == read_document(SEED).text


def test_a_line_repeated_elsewhere_on_the_page_is_kept(tmp_path: Path) -> None:
    """The same words at the foot of two pages, but not at the same place: not a footer."""
    data = draw_text(SEED, [1], "Note", (60, 60), 9)
    data = draw_text(data, [2], "Note", (60, 40), 9)
    text = read_document(write(tmp_path, data)).text
    assert text.count("Note") == 2
