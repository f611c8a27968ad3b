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

The tables are the grids of :mod:`govinfo_report.render.grid`, with the
template's merged cells (``w:gridSpan``, ``w:vMerge``); table 3's header rows
repeat on each page.  A cell not filled in is printed ``—``.

How it is written: python-docx builds the package once per process — the page,
the paragraph styles, the properties and one sample table (:func:`_template`) —
and every report's body is then written as WordprocessingML text into that
package's ``word/document.xml``, the same elements python-docx writes for
``add_paragraph``, ``add_run``, ``add_table`` and ``cell.merge`` (python-docx
finds a style by scanning every style on each ``paragraph.style = …`` and walks
the table on each merge: 0.7 s a report, where writing the text takes
milliseconds).

Every text goes in through :func:`~govinfo_report.normalize.xml_text`: the XML
of a Word file cannot hold control characters, U+FFFE/U+FFFF or lone
surrogates, so a report holding them (read from text, or built in Python) is
written with each control character as its visible symbol (``␁``) and a lone
surrogate as ``\\udXXX`` text, never a crash (docs/robustness.md).
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from ..editions import get_edition
from ..errors import MissingDependencyError
from ..model import Narrative, Report
from ..normalize import xml_text
from ..skeleton import split_placeholders
from .grid import Grid, GridCell, table_grid

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle

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
        import docx  # noqa: F401 - the package below is python-docx's
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    template = _template()
    body: list[str] = []
    title_lines = _title_lines(report)
    for line in title_lines:
        body.append(_paragraph("报告标题", line))
    for text in report.preamble:
        body.append(_paragraph("报告正文", text))
    tables = {spec.number: getattr(report, spec.attribute) for spec in get_edition(report.edition).tables}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        body.append(_paragraph("报告章节标题", heading))
        if number in narratives:
            _narrative(body, narratives[number])
        else:
            body.append(_table(template, table_grid(number, tables[number])))
    properties = {
        _TITLE_MARK: xml_text("".join(title_lines)),
        _AUTHOR_MARK: xml_text(report.agency or ""),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, blob in template.parts:
            if name == _DOCUMENT:
                blob = (template.head + "".join(body) + template.tail).encode("utf-8")
            elif name == _CORE:
                # One pass, so that a title holding a mark's text is written as it is.
                core = _MARKS.sub(lambda mark: _escape(properties[mark.group()]), blob.decode("utf-8"))
                blob = core.encode("utf-8")
            package.writestr(name, blob)
    return buffer.getvalue()


def _title_lines(report: Report) -> list[str]:
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


# ---------------------------------------------------------------------------
# The package, built once by python-docx

_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
# Stand for the title and the author in the template's properties (private-use characters).
_TITLE_MARK = "\ue000title\ue000"
_AUTHOR_MARK = "\ue000author\ue000"
_MARKS = re.compile(f"{_TITLE_MARK}|{_AUTHOR_MARK}")


@attrs.frozen
class _Template:
    """What every Word file of a report shares, as python-docx writes it."""

    #: The package's parts in order: (member name, bytes).
    parts: tuple[tuple[str, bytes], ...]
    #: ``word/document.xml`` up to and including ``<w:body>``.
    head: str
    #: ``word/document.xml`` from the section properties at the end of the body.
    tail: str
    #: The style id of each paragraph style (:data:`_STYLES`).
    style_ids: dict[str, str]
    #: A table's properties (``w:tblPr``) as python-docx writes them.
    table_properties: str


@cache
def _template() -> _Template:
    try:
        import docx
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    document = docx.Document()
    _page_setup(document)
    _styles(document)
    document.core_properties.title = _TITLE_MARK
    document.core_properties.author = _AUTHOR_MARK
    document.core_properties.comments = "govinfo_report"
    _sample_table(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = tuple((info.filename, package.read(info)) for info in package.infolist())
    xml = dict(parts)[_DOCUMENT].decode("utf-8")
    body = xml.index("<w:body>") + len("<w:body>")
    tail = xml.index("<w:sectPr", body)
    table = xml[xml.index("<w:tblPr>", body) : xml.index("</w:tblPr>", body) + len("</w:tblPr>")]
    style_ids = {name: document.styles[name].style_id for name in _STYLES}
    return _Template(parts, xml[:body], xml[tail:], style_ids, table)


def _sample_table(document: Document) -> None:
    """A table set up as :func:`_table` writes each (its ``w:tblPr`` is taken from it)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table._tbl, _CELL_MARGIN)


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

_BREAKS = re.compile(r"[\t\r\n]|[^\t\r\n]+")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(style: str, text: str) -> str:
    """A paragraph of ``style`` holding ``text`` (placeholders highlighted)."""
    return _paragraph_start(style) + _runs(text, style) + "</w:p>"


def _paragraph_start(style: str, *, left: bool = False) -> str:
    style_id = _template().style_ids[style]
    align = '<w:jc w:val="left"/>' if left else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{_escape(style_id)}"/>{align}</w:pPr>'


def _runs(text: str, style: str) -> str:
    """``text`` as runs; placeholders still to be written (``【请填写：……】``) highlighted yellow."""
    return "".join(_run(piece, style, highlight=marked) for piece, marked in split_placeholders(text))


def _run(text: str, style: str, *, bold: bool | None = None, highlight: bool = False) -> str:
    """A run of ``text`` in the font of ``style``, set on the run itself (as python-docx writes it:
    a tab as ``w:tab``, a line break as ``w:br``, white space at either end preserved)."""
    font, size, style_bold, _ = _STYLES[style]
    weight = "<w:b/>" if (style_bold if bold is None else bold) else '<w:b w:val="0"/>'
    marked = '<w:highlight w:val="yellow"/>' if highlight else ""
    content = []
    for piece in _BREAKS.findall(xml_text(text)):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in "\r\n":
            content.append("<w:br/>")
        else:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            content.append(f"<w:t{space}>{_escape(piece)}</w:t>")
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        f'{weight}<w:sz w:val="{round(size * 2)}"/>{marked}<w:lang w:eastAsia="zh-CN"/></w:rPr>'
        f"{''.join(content)}</w:r>"
    )


def _narrative(body: list[str], section: Narrative) -> None:
    for text in section.paragraphs:
        body.append(_paragraph("报告正文", text))
    for sub in section.subsections:
        if sub.inline and sub.paragraphs:
            body.append(
                _paragraph_start("报告正文")
                + _run(sub.heading, "报告小标题")
                + _runs(sub.paragraphs[0], "报告正文")
                + "</w:p>"
            )
            rest = sub.paragraphs[1:]
        else:
            body.append(_paragraph("报告小标题", sub.heading))
            rest = sub.paragraphs
        for text in rest:
            body.append(_paragraph("报告正文", text))


# ---------------------------------------------------------------------------
# Tables


def _table(template: _Template, grid: Grid) -> str:
    """The table of ``grid``: python-docx's ``add_table`` with every merge done (``cell.merge``)."""
    from docx.shared import Mm

    text_width = _PAGE[0] - _MARGINS["left"] - _MARGINS["right"]
    widths = [Mm(text_width * share / 100).twips for share in grid.widths()]
    # Which grid cell covers each position: (cell, whether the position is the cell's top row).
    covering: dict[tuple[int, int], tuple[GridCell, bool]] = {}
    for cell in grid.cells:
        for row in range(cell.row, cell.row + cell.rowspan):
            covering[(row, cell.column)] = (cell, row == cell.row)
    parts = [f"<w:tbl>{template.table_properties}<w:tblGrid>"]
    parts += [f'<w:gridCol w:w="{width}"/>' for width in widths]
    parts.append("</w:tblGrid>")
    for row in range(len(grid.rows)):
        header = "<w:tblHeader/>" if row < grid.header_rows else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        column = 0
        while column < grid.columns:
            found = covering.get((row, column))
            if found is None:  # pragma: no cover - every grid position is some cell's
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[column]}"/></w:tcPr><w:p/></w:tc>'
                )
                column += 1
                continue
            cell, top = found
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            width = sum(widths[column : column + cell.colspan])
            if not top:
                # A position under a merged cell's top row (python-docx leaves it an empty paragraph).
                parts.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{span}<w:vMerge/></w:tcPr>')
                parts.append("<w:p/></w:tc>")
            else:
                merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
                heading = cell.role == "group" and cell.colspan > 1
                left = cell.role == "label" or heading
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{span}{merge}'
                    '<w:vAlign w:val="center"/></w:tcPr>'
                    + _paragraph_start("报告表格", left=left)
                    + _run(cell.text, "报告表格", bold=True if heading else None)
                    + "</w:p></w:tc>"
                )
            column += cell.colspan
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


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
