"""Word (``.docx``): the report as an A4 document, tables with the template's merged cells.

Needs python-docx, the optional ``docx`` extra (``pip install
'govinfo-report[docx]'``); it is imported only when a Word file is rendered.

Layout, after GB/T 9704 (党政机关公文格式): A4 portrait, margins 37 mm top,
35 mm bottom, 28 mm left, 26 mm right; the title in 宋体 bold 二号 (22 pt),
centred, the issuing body on its own line above it; section headings in 黑体,
sub-headings in 楷体 and text in 仿宋, all 三号 (16 pt) with a two-character
first-line indent and 28 pt line spacing; tables in 宋体 五号 (10.5 pt).
Placeholders still to be written (``【请填写：……】``) are highlighted yellow.
Every font is set by name for Latin and East Asian text (``w:rFonts``
``w:ascii``/``w:hAnsi``/``w:eastAsia``/``w:cs``), on the paragraph styles and
on every run, so the file shows the same fonts wherever it is opened.
Section headings have outline level 1 and sub-headings level 2 (Word's
navigation pane).

The tables are the grids of :mod:`govinfo_report.render.grid`, merged with
``cell.merge``; table 3's header rows repeat on each page.  A cell not filled
in is printed ``—``.

Every text goes in through :func:`~govinfo_report.normalize.xml_text`: the XML
of a Word file cannot hold control characters, U+FFFE/U+FFFF or lone
surrogates, so a report holding them (read from text, or built in Python) is
written with each control character as its visible symbol (``␁``) and a lone
surrogate as ``\\udXXX`` text, never a crash (docs/robustness.md).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..editions import get_edition
from ..errors import MissingDependencyError
from ..model import Narrative, Report
from ..normalize import xml_text
from ..skeleton import split_placeholders
from .grid import Grid, table_grid

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

__all__ = [
    "BODY_FONT",
    "HEADING_FONT",
    "INSTALL_HINT",
    "SUBHEADING_FONT",
    "TABLE_FONT",
    "TITLE_FONT",
    "render_docx",
]

#: Title and issuing body.
TITLE_FONT = "宋体"
#: Section headings (一、总体情况 …).
HEADING_FONT = "黑体"
#: Numbered sub-headings (（一）主动公开情况 …).
SUBHEADING_FONT = "楷体"
#: Preamble and narrative.
BODY_FONT = "仿宋"
#: Table text.
TABLE_FONT = "宋体"

#: What to install for Word output.
INSTALL_HINT = "生成Word文件需要python-docx，请安装：pip install 'govinfo-report[docx]'"

_TITLE_SIZE = 22.0  # 二号
_TEXT_SIZE = 16.0  # 三号
_TABLE_SIZE = 10.5  # 五号
_LINE = 28.0  # points between lines of text
_PAGE = (210.0, 297.0)  # A4, mm
_MARGINS = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}  # mm
_CELL_MARGIN = 45  # twips (0.8 mm) left and right of a table cell's text

# Paragraph style names: (font, size, bold, outline level or None).
_STYLES: dict[str, tuple[str, float, bool, int | None]] = {
    "报告标题": (TITLE_FONT, _TITLE_SIZE, True, None),
    "报告章节标题": (HEADING_FONT, _TEXT_SIZE, False, 0),
    "报告小标题": (SUBHEADING_FONT, _TEXT_SIZE, False, 1),
    "报告正文": (BODY_FONT, _TEXT_SIZE, False, None),
    "报告表格": (TABLE_FONT, _TABLE_SIZE, False, None),
}


def render_docx(report: Report) -> bytes:
    """The report as the bytes of a Word file.

    Raises:
        MissingDependencyError: python-docx is not installed (an ``ImportError``).
    """
    try:
        import docx
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    document = docx.Document()
    _page_setup(document)
    _styles(document)
    title_lines = _title_lines(report)
    document.core_properties.title = xml_text("".join(title_lines))
    document.core_properties.author = xml_text(report.agency or "")
    document.core_properties.comments = "govinfo_report"
    for line in title_lines:
        _paragraph(document, "报告标题", line)
    for text in report.preamble:
        _paragraph(document, "报告正文", text)
    tables = {spec.number: getattr(report, spec.attribute) for spec in get_edition(report.edition).tables}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        _paragraph(document, "报告章节标题", heading)
        if number in narratives:
            _narrative(document, narratives[number])
        else:
            _table(document, table_grid(number, tables[number]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _title_lines(report: Report) -> list[str]:
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


# ---------------------------------------------------------------------------
# Page and styles


def _page_setup(document: Document) -> None:
    from docx.shared import Mm

    for section in document.sections:
        section.page_width, section.page_height = Mm(_PAGE[0]), Mm(_PAGE[1])
        section.top_margin = Mm(_MARGINS["top"])
        section.bottom_margin = Mm(_MARGINS["bottom"])
        section.left_margin = Mm(_MARGINS["left"])
        section.right_margin = Mm(_MARGINS["right"])


def _styles(document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    normal = document.styles["Normal"]
    _font(normal.element, BODY_FONT)
    normal.font.size = Pt(_TEXT_SIZE)
    for name, (font, size, bold, outline) in _STYLES.items():
        style: ParagraphStyle = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        _font(style.element, font)
        layout = style.paragraph_format
        layout.space_before = layout.space_after = Pt(0)
        if name == "报告表格":
            layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
            layout.first_line_indent = Pt(0)
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif name == "报告标题":
            layout.line_spacing = Pt(36)
            layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
            layout.first_line_indent = Pt(0)
        else:
            layout.line_spacing = Pt(_LINE)
            layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            layout.first_line_indent = Pt(2 * size)
            layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if outline is not None:
            layout.keep_with_next = True  # a heading stays on the page of what follows it
            _outline_level(style.element, outline)
    document.styles["报告标题"].paragraph_format.space_after = Pt(_TEXT_SIZE)


def _font(element: Any, name: str) -> None:
    """Set ``name`` for Latin, East Asian and complex-script text of a style or run element."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    lang = element.get_or_add_rPr().find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        element.get_or_add_rPr().append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _outline_level(element: Any, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    element.get_or_add_pPr().append(outline)


# ---------------------------------------------------------------------------
# Text


def _paragraph(document: Document, style: str, text: str) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    _runs(paragraph, text, style)
    return paragraph


def _runs(paragraph: Paragraph, text: str, style: str) -> None:
    """``text`` as runs; placeholders still to be written (``【请填写：……】``) highlighted yellow."""
    from docx.enum.text import WD_COLOR_INDEX

    for piece, marked in split_placeholders(text):
        run = _run(paragraph, piece, style)
        if marked:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _run(paragraph: Paragraph, text: str, style: str) -> Run:
    """A run of ``text`` in the font of ``style``, set on the run itself."""
    from docx.shared import Pt

    font, size, bold, _ = _STYLES[style]
    run = paragraph.add_run(xml_text(text))
    _font(run.element, font)
    run.font.size = Pt(size)
    run.font.bold = bold
    return run


def _narrative(document: Document, section: Narrative) -> None:
    for text in section.paragraphs:
        _paragraph(document, "报告正文", text)
    for sub in section.subsections:
        if sub.inline and sub.paragraphs:
            paragraph = document.add_paragraph(style="报告正文")
            _run(paragraph, sub.heading, "报告小标题")
            _runs(paragraph, sub.paragraphs[0], "报告正文")
            rest = sub.paragraphs[1:]
        else:
            _paragraph(document, "报告小标题", sub.heading)
            rest = sub.paragraphs
        for text in rest:
            _paragraph(document, "报告正文", text)


# ---------------------------------------------------------------------------
# Tables


def _table(document: Document, grid: Grid) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    table = document.add_table(rows=len(grid.rows), cols=grid.columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table._tbl, _CELL_MARGIN)
    text_width = _PAGE[0] - _MARGINS["left"] - _MARGINS["right"]
    widths = [Mm(text_width * share / 100) for share in grid.widths()]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    # The cell at each grid position, taken once before merging (``table.cell`` walks the whole table).
    positions = [list(row.cells) for row in table.rows]
    for row_cells in positions:
        for cell, width in zip(row_cells, widths, strict=True):
            cell.width = width
    for index, row in enumerate(table.rows):
        _keep_row_together(row._tr, header=index < grid.header_rows)
    style = document.styles["报告表格"]
    for grid_cell in grid.cells:
        cell = positions[grid_cell.row][grid_cell.column]
        if grid_cell.rowspan > 1 or grid_cell.colspan > 1:
            bottom = grid_cell.row + grid_cell.rowspan - 1
            cell = cell.merge(positions[bottom][grid_cell.column + grid_cell.colspan - 1])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        if grid_cell.role == "label" or (grid_cell.role == "group" and grid_cell.colspan > 1):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = _run(paragraph, grid_cell.text, "报告表格")
        if grid_cell.role == "group" and grid_cell.colspan > 1:
            run.font.bold = True


def _cell_margins(tbl: Any, twips: int) -> None:
    """Narrow left and right cell margins, so that two characters fit a value column."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is None:
        properties.append(margins)
    else:
        look.addprevious(margins)  # the schema's order: tblCellMar before tblLook


def _keep_row_together(tr: Any, *, header: bool) -> None:
    """A row never breaks across pages; header rows repeat at the top of each page."""
    from docx.oxml import OxmlElement

    properties = tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
