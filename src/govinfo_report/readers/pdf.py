"""Born-digital PDF files (from Word, WPS, LibreOffice): tables from their rulings, text from the text layer.

The reader (needs the ``pdf`` extra: pypdfium2 and pdfplumber) works page by page:

1. PDFium opens the file and gives each page's characters, rulings and
   pictures (:mod:`.pdf_page`).  A file that needs a password, a damaged or
   cut-off file, and a scan are refused with their own errors.
2. The ruled tables are found from the rulings (:mod:`.pdf_tables`); every
   character inside a table belongs to one cell of its grid.
3. The other characters are the narrative: printed lines (:mod:`.pdf_text`),
   less the page numbers and the running headers and footers (a line at the
   head or foot of several pages, at the same place), joined back into
   paragraphs from the geometry.
4. A table run on at the top of the next page is the same table: its rows
   follow, and a group cell, a row or a number cut by the page break is one
   again (:func:`.pdf_tables.join_continued`).
5. Reading order: page by page, top to bottom; each table where it stands,
   one row of the reading text per grid row (:meth:`DocumentBuilder.row`).

The reader knows no label of the template: which row is which is the grammar's
business.  docs/reading-pdf.md says what the reader does with what real files do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from ..errors import (
    DamagedPDFError,
    EncryptedPDFError,
    InputTooLargeError,
    Location,
    MissingDependencyError,
    ScannedPDFError,
    UnmappedTextError,
)
from ..model import Source
from .document import Document, DocumentBuilder

__all__ = ["INSTALL_HINT", "MAX_PAGES", "read"]

INSTALL_HINT = "读取PDF文件需要安装pdf扩展：pip install 'govinfo-report[pdf]'"

#: A PDF with more pages than this is refused: an annual report has a few dozen at most,
#: and the work stays bounded (every page costs about the same).
MAX_PAGES = 100
#: A page with fewer visible characters than this whose pictures cover at least
#: ``_SCAN_COVER`` of it is a scan.
_SCAN_TEXT = 10
_SCAN_COVER = 0.5
#: A running header or footer stands in the top or bottom share of the page this large, at the
#: same place (points from the top, or the bottom) on each page it is on.
_RUNNING_BAND = 0.12
_RUNNING_PLACE = 3.0
_DIGITS = re.compile(r"\d+")
#: How far from the end of the file (bytes) the ``%%EOF`` marker of a complete PDF stands at
#: most: servers and mail programs append a little (an HTML error page, a signature, NULs).
_EOF_WINDOW = 64 * 1024


def read(data: bytes, *, path: str | None = None, encoding: str | None = None, detail: str = "") -> Document:
    """A PDF file's document: its ruled tables row by row, its narrative paragraph by paragraph.

    Raises:
        MissingDependencyError: the ``pdf`` extra is not installed.
        EncryptedPDFError: the file needs a password.
        DamagedPDFError: the file is damaged or incomplete.
        ScannedPDFError: pages are pictures (the text needs OCR).
        InputTooLargeError: more than :data:`MAX_PAGES` pages.
        UnmappedTextError: text in a font that maps to no Unicode character.
        ParseError: a table that cannot be read as a grid (text outside its cells, too many lines).
    """
    try:
        import pdfplumber.table  # noqa: F401 - the table finder, imported here to fail early
        import pypdfium2
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    _check_complete(data)
    pdf = _open(pypdfium2, data)
    try:
        title = _title(pdf)
        pages = list(_pages(pypdfium2, pdf))
    finally:
        pdf.close()
    return _build(pages, Source("pdf", path, title=title))


def _check_complete(data: bytes) -> None:
    if data.rfind(b"%%EOF", max(len(data) - _EOF_WINDOW, 0)) < 0:
        raise DamagedPDFError(
            "PDF文件不完整：文件末尾没有%%EOF标记（可能没有下载或复制完整），请重新获取原文件"
        )


def _open(pypdfium2: Any, data: bytes) -> Any:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raw = pypdfium2.raw
        if code == raw.FPDF_ERR_PASSWORD:
            raise EncryptedPDFError("PDF文件设有打开密码，无法读取；请提供未加密的文件") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedPDFError("PDF文件使用了不支持的加密方式，无法读取；请提供未加密的文件") from None
        raise DamagedPDFError("PDF文件已损坏，无法打开；请重新获取原文件") from None


def _title(pdf: Any) -> str | None:
    try:
        title = pdf.get_metadata_dict().get("Title")
    except Exception:  # pragma: no cover - PDFium reports damaged metadata as an error
        return None
    return title.strip() or None if isinstance(title, str) else None


@attrs.frozen
class _Page:
    """One page read: its tables and narrative lines, each with its top, in reading order."""

    number: int
    width: float
    height: float
    blocks: tuple[tuple[float, Any], ...]


def _pages(pypdfium2: Any, pdf: Any) -> Iterator[_Page]:
    from .pdf_page import read_page
    from .pdf_tables import grids
    from .pdf_text import is_page_number, lines

    count = len(pdf)
    if count > MAX_PAGES:
        raise InputTooLargeError(
            f"PDF文件有{count}页，超过上限{MAX_PAGES}页：这不像一份政府信息公开工作年度报告",
            line=1,
            column=1,
            location=Location(page=MAX_PAGES + 1),
        )
    scanned: list[int] = []
    recognised = False  # a scan under an invisible text layer (OCR)
    for number in range(1, count + 1):
        try:
            page = pdf[number - 1]
        except pypdfium2.PdfiumError:
            raise DamagedPDFError(f"PDF文件已损坏：第{number}页无法打开", page=number) from None
        try:
            content = read_page(page, number)
        finally:
            page.close()
        if len(content.chars) < _SCAN_TEXT and content.image_cover >= _SCAN_COVER:
            scanned.append(number)  # a picture of a page: a scan (any text on it is a stamp or an OCR layer)
            recognised = recognised or content.hidden_chars > 0
            continue
        if not content.chars:
            continue
        tables = grids(content)
        for grid in tables:
            for cell in grid.cells:
                _refuse_unmapped(cell.chars, grid.location(cell))
        narrative = [c for c in content.chars if not any(grid.contains(c) for grid in tables)]
        page_lines = lines(narrative)
        for line in page_lines:
            _refuse_unmapped(line.chars, Location(page=number))
        blocks: list[tuple[float, Any]] = [(line.top, line) for line in page_lines]
        blocks += [(grid.box[1], grid) for grid in tables]
        blocks.sort(key=lambda block: block[0])
        while blocks and not _is_grid(blocks[0][1]) and is_page_number(blocks[0][1], content.height):
            blocks.pop(0)
        while blocks and not _is_grid(blocks[-1][1]) and is_page_number(blocks[-1][1], content.height):
            blocks.pop()
        yield _Page(number, content.width, content.height, tuple(blocks))
    if scanned:
        raise ScannedPDFError(_scanned_message(scanned, count, recognised), pages=tuple(scanned))


def _scanned_message(scanned: list[int], count: int, recognised: bool) -> str:
    pages = "每一页都" if len(scanned) == count else "第" + "、".join(str(n) for n in scanned) + "页"
    if recognised:
        return (
            f"这是扫描件：{pages}是图片，其上的文字层是看不见的文字识别（OCR）结果，不是文件本身的文字；"
            "识别结果中的数字可能有误，请核对后作为文本读取"
        )
    return (
        f"这是扫描件：{pages}只有图片，没有文字层；图片中的文字需要先进行文字识别（OCR），再读取识别出的文本"
    )


def _is_grid(block: Any) -> bool:
    from .pdf_tables import Grid

    return isinstance(block, Grid)


def _refuse_unmapped(chars: Any, location: Location) -> None:
    if any(char.unmapped for char in chars):
        shown = "".join("\ufffd" if char.unmapped else char.text for char in chars)
        raise UnmappedTextError(
            "这里的文字使用了没有Unicode映射的字体，无法确定印的是什么字；"
            "请提供原始Word文件，或重新导出嵌入字体映射的PDF",
            line=1,
            column=1,
            excerpt=shown,
            location=location,
        )


def _build(pages: list[_Page], source: Source) -> Document:
    from .pdf_tables import Grid, join_continued
    from .pdf_text import Line, Paragraphs

    pages = _without_running_lines(pages)
    _join_tables(pages, join_continued)
    paragraphs = Paragraphs(
        {page.number: [block for _, block in page.blocks if isinstance(block, Line)] for page in pages},
        {page.number: page.width for page in pages},
    )
    builder = DocumentBuilder(source, exact_paragraphs=True)
    pending: list[Line] = []
    pending_page = last_page = 0

    def flush() -> None:
        nonlocal pending
        if pending:
            builder.paragraph(Paragraphs.join([line.text for line in pending]), Location(page=pending_page))
            pending = []

    for page in pages:
        for _, block in page.blocks:
            if isinstance(block, Grid):
                flush()
                for row in range(block.row_count):
                    cells = [(cell.text, cell.column + 1, None) for cell in block.row(row)]
                    builder.row(cells, Location(page=block.page, table=block.index, table_row=row + 1))
                continue
            if pending and paragraphs.continues(pending[-1], last_page, block, page.number):
                pending.append(block)
            else:
                flush()
                pending, pending_page = [block], page.number
            last_page = page.number
    flush()
    return builder.build()


def _running_key(line: Any, page: _Page) -> tuple[str, str, float] | None:
    """What makes a line at the head or foot of its page a running header or footer: its text
    with every number the same (page numbers), its band, and its distance from the page's top
    (header) or bottom (footer); ``None`` for a line outside both bands."""
    text = _DIGITS.sub("#", "".join(line.text.split()))
    if line.bottom < _RUNNING_BAND * page.height:
        return (text, "head", line.top)
    if line.top > (1 - _RUNNING_BAND) * page.height:
        return (text, "foot", page.height - line.bottom)
    return None


def _without_running_lines(pages: list[_Page]) -> list[_Page]:
    """The pages without their running headers and footers: a line at the head (or foot) of a
    page, before (after) everything else there, is a running one when the same text (numbers
    aside) stands at the same place (within :data:`_RUNNING_PLACE` of the page's top, or
    bottom) at the head (foot) of another page.  The body's name or the report's title printed
    over every page is furniture; the first page's own title block, which stands lower, stays."""
    from .pdf_text import Line

    edges: list[list[tuple[int, tuple[str, str, float]]]] = []  # per page: (block index, key)
    for page in pages:
        found: list[tuple[int, tuple[str, str, float]]] = []
        for order in (range(len(page.blocks)), range(len(page.blocks) - 1, -1, -1)):
            for at in order:
                block = page.blocks[at][1]
                key = _running_key(block, page) if isinstance(block, Line) else None
                if key is None:
                    break
                found.append((at, key))
        edges.append(found)
    places: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for number, found in enumerate(edges):
        for _, (text, band, place) in found:
            places.setdefault((text, band), []).append((number, place))
    out = []
    for number, (page, found) in enumerate(zip(pages, edges, strict=True)):
        running = {
            at
            for at, (text, band, place) in found
            if any(
                other != number and abs(where - place) <= _RUNNING_PLACE
                for other, where in places[(text, band)]
            )
        }
        if running:
            kept = tuple(block for at, block in enumerate(page.blocks) if at not in running)
            page = attrs.evolve(page, blocks=kept)
        out.append(page)
    return out


def _join_tables(pages: list[_Page], join: Any) -> None:
    """Tables run on over a page break: the cells cut by the break joined (in place).

    A page's last block and the next page's first block, both tables (page numbers
    are gone by now), are one table broken by the page break.  A table over three
    pages is two such breaks; its first part is the one whose header may be repeated.
    """
    from .pdf_tables import Grid

    first: Grid | None = None
    carried: Grid | None = None  # the continuation put at the top of the page just left
    for at in range(len(pages) - 1):
        here, there = pages[at], pages[at + 1]
        before = here.blocks[-1][1] if here.blocks else None
        after = there.blocks[0][1] if there.blocks else None
        if not (isinstance(before, Grid) and isinstance(after, Grid)):
            first = carried = None
            continue
        if first is None or before is not carried:
            first = before
        joined_before, joined_after = join(first, before, after)
        if first is before:
            first = joined_before
        pages[at] = attrs.evolve(here, blocks=(*here.blocks[:-1], (here.blocks[-1][0], joined_before)))
        pages[at + 1] = attrs.evolve(there, blocks=((there.blocks[0][0], joined_after), *there.blocks[1:]))
        carried = joined_after
