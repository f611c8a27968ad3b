"""HTML: one self-contained, printable page.

Inline CSS only (no script, no external file): an A4 page (``@page``) with the
margins of Chinese official documents (GB/T 9704: 37/26/35/28 mm), body text
in 仿宋, headings in 黑体, sub-headings in 楷体, the title and the tables in
宋体, each with fallbacks for systems without the Windows fonts.  The three
tables carry the template's merged cells (``rowspan``/``colspan``) from
:mod:`govinfo_report.render.grid`; header rows are in ``<thead>`` so a printed
table 3 repeats them on each page.

Every text is escaped.  Placeholders still to be written (``【请填写：……】``)
are ``<mark class="placeholder">``, highlighted.  A cell not filled in is printed ``—`` in a
``<td class="value not-filled" title="未填写">``, highlighted on screen.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import cache
from html import escape
from typing import Any

from ..editions import get_edition
from ..model import Narrative, Report
from ..normalize import printable
from ..skeleton import split_placeholders
from .grid import Grid, GridCell, table_shape
from .layout import format_cell

__all__ = ["STYLE", "render_html", "render_table"]

_FANGSONG = '"FangSong", "仿宋", "仿宋_GB2312", "FangSong_GB2312", "STFangsong"'
_SONGTI = '"SimSun", "宋体", "Songti SC", "STSong"'
_HEITI = '"SimHei", "黑体", "Heiti SC", "STHeiti"'
_KAITI = '"KaiTi", "楷体", "楷体_GB2312", "KaiTi_GB2312", "STKaiti"'
_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif'
_SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif'

#: The page's style sheet.
STYLE = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
html {{ background: #e8e8e8; }}
body {{ margin: 0; color: #000; font-family: {_FANGSONG}, {_SERIF};
  font-size: 16pt; line-height: 1.75; }}
.report {{ box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto;
  padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }}
h1 {{ margin: 0 0 1.2em; font-family: {_SONGTI}, {_SERIF}; font-size: 22pt; font-weight: bold;
  line-height: 1.5; text-align: center; }}
h1 span {{ display: block; }}
h2 {{ margin: 0.6em 0 0.3em; font-family: {_HEITI}, {_SANS}; font-size: 16pt;
  font-weight: normal; text-indent: 2em; }}
h3, .inline-heading {{ font-family: {_KAITI}, {_SERIF}; font-size: 16pt; font-weight: normal; }}
h3 {{ margin: 0; text-indent: 2em; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
table {{ width: 100%; margin: 0.4em 0 1em; border-collapse: collapse; table-layout: fixed;
  font-family: {_SONGTI}, {_SERIF}; font-size: 10.5pt; line-height: 1.35; }}
th, td {{ padding: 2pt 3pt; border: 1px solid #000; font-weight: normal; text-align: center;
  vertical-align: middle; overflow-wrap: anywhere; }}
th.label {{ text-align: left; }}
th.item {{ text-align: left; font-weight: bold; }}
td.value {{ font-variant-numeric: tabular-nums; }}
mark.placeholder {{ background: #fde68a; color: inherit; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
@media screen {{ td.not-filled {{ background: #fde68a; }} }}
@media print {{
  html {{ background: none; }}
  .report {{ width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }}
  h2, h3 {{ break-after: avoid; }}
}}
""".strip()


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page."""
    title = " ".join(_title_lines(report))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="govinfo_report">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        '<article class="report">',
        "<h1>" + "".join(f"<span>{escape(line)}</span>" for line in _title_lines(report)) + "</h1>",
    ]
    if report.preamble:
        parts.append('<section class="preamble">')
        parts += [_paragraph(text) for text in report.preamble]
        parts.append("</section>")
    tables = {spec.number: getattr(report, spec.attribute) for spec in get_edition(report.edition).tables}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        parts.append(f'<section id="section-{number}">')
        parts.append(f"<h2>{escape(heading)}</h2>")
        if number in narratives:
            parts += render_narrative(narratives[number])
        else:
            parts.append(_filled_table(number, tables[number]))
        parts.append("</section>")
    parts += ["</article>", "</body>", "</html>"]
    # A lone surrogate (a report built in Python) is written out, as in every format.
    return printable("\n".join(parts) + "\n")


def _title_lines(report: Report) -> list[str]:
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


def _paragraph(text: str) -> str:
    return f"<p>{_text(text)}</p>"


def _text(text: str) -> str:
    """Escaped text; placeholders still to be written (``【请填写：……】``) marked up."""
    return "".join(
        f'<mark class="placeholder">{escape(piece)}</mark>' if marked else escape(piece)
        for piece, marked in split_placeholders(text)
    )


def render_narrative(section: Narrative) -> list[str]:
    """A narrative section's paragraphs and sub-headings as HTML elements."""
    out = [_paragraph(text) for text in section.paragraphs]
    for sub in section.subsections:
        if sub.inline and sub.paragraphs:
            first = f'<span class="inline-heading">{escape(sub.heading)}</span>{_text(sub.paragraphs[0])}'
            out.append(f"<p>{first}</p>")
            out += [_paragraph(text) for text in sub.paragraphs[1:]]
        else:
            out.append(f"<h3>{escape(sub.heading)}</h3>")
            out += [_paragraph(text) for text in sub.paragraphs]
    return out


def render_table(grid: Grid) -> str:
    """One table with the template's merged cells."""
    return _table_html(grid, _cell)


def _table_html(grid: Grid, cell_html: Callable[[GridCell], str]) -> str:
    lines = [f'<table class="table-{grid.number}">', "<colgroup>"]
    lines += [f'<col style="width: {width:.2f}%">' for width in grid.widths()]
    lines.append("</colgroup>")
    if grid.header_rows:
        lines.append("<thead>")
        lines += [_row(row, cell_html) for row in grid.rows[: grid.header_rows]]
        lines.append("</thead>")
    lines.append("<tbody>")
    lines += [_row(row, cell_html) for row in grid.rows[grid.header_rows :]]
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def _row(cells: tuple[GridCell, ...], cell_html: Callable[[GridCell], str]) -> str:
    return "<tr>" + "".join(cell_html(cell) for cell in cells) + "</tr>"


# Stands for a value cell in a table's template (no label or header holds it).
_HOLE = "\x00"


@cache
def _template(number: int, cls: type) -> tuple[tuple[str, ...], Callable[[object], Any], tuple[Any, ...]]:
    """A table class's HTML cut at its value cells; how to get all its values from a table at once;
    and for each value cell its tags, filled and not (:func:`render_table` of the empty grid)."""
    shape, places = table_shape(number, cls)
    pieces = _table_html(shape, lambda cell: _HOLE if cell.role == "value" else _cell(cell)).split(_HOLE)
    values = operator.attrgetter(*(".".join(spec.attributes) for _, _, spec, _ in places))
    tags = tuple(
        (_tags("value", spec.kind, True, 1, colspan), _tags("value", spec.kind, False, 1, colspan))
        for spec, colspan in ((spec, shape.rows[row][index].colspan) for row, index, spec, _ in places)
    )
    assert len(pieces) == len(tags) + 1
    assert len(tags) > 1  # (attrgetter of several paths gives a tuple)
    return tuple(pieces), values, tags


def _filled_table(number: int, table: object) -> str:
    """``render_table(table_grid(number, table))``, from the class's template."""
    cls: Any = type(table)  # (a class is hashable; mypy's cache stub does not say so)
    pieces, values, tags = _template(number, cls)
    out = [pieces[0]]
    for value, (filled, empty), piece in zip(values(table), tags, pieces[1:], strict=True):
        start, end = empty if value is None else filled
        text = str(value) if type(value) is int else format_cell(value)  # (the one test, for most)
        out += (start, _escaped(text), end, piece)
    return "".join(out)


_SCOPES = {"header": "col", "group": "rowgroup", "label": "row"}


def _cell(cell: GridCell) -> str:
    start, end = _tags(cell.role, cell.kind, cell.filled, cell.rowspan, cell.colspan)
    return start + _escaped(cell.text) + end


def _escaped(text: str) -> str:
    found = _ESCAPED.get(text)
    if found is None:
        found = escape(text)
        if len(_ESCAPED) < 4096:  # the same few texts (0, —, labels) fill most cells
            _ESCAPED[text] = found
    return found


_ESCAPED: dict[str, str] = {}


@cache
def _tags(role: str, kind: str, filled: bool, rowspan: int, colspan: int) -> tuple[str, str]:
    """The opening and closing tag of a cell (the same for every cell of the same kind and span)."""
    attributes = []
    if role == "value":
        tag = "td"
        classes = ["value", kind] if filled else ["value", kind, "not-filled"]
        attributes.append(f'class="{escape(" ".join(classes))}"')
        if not filled:
            attributes.append('title="未填写"')
    else:
        tag = "th"
        shown = "item" if role == "group" and colspan > 1 else role
        scope = "colgroup" if role == "header" and colspan > 1 else _SCOPES[role]
        if shown == "item":
            scope = "rowgroup"
        attributes.append(f'class="{shown}"')
        attributes.append(f'scope="{scope}"')
    if rowspan > 1:
        attributes.append(f'rowspan="{rowspan}"')
    if colspan > 1:
        attributes.append(f'colspan="{colspan}"')
    return f"<{tag} {' '.join(attributes)}>", f"</{tag}>"
