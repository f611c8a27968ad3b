"""Markdown: the canonical text layout with Markdown headings and pipe tables.

Title block, preamble and narrative are written as in the canonical text
(one paragraph per line, blocks separated by a blank line), the title as a
``#`` heading and the six section headings as ``##`` headings; each table is
one pipe table holding the grid of :mod:`govinfo_report.render.grid`, a
merged cell's text in its top-left position and the rest of its span left
empty.  A cell not filled in is ``—``.

:func:`govinfo_report.parse` reads the result back to an equal report under
the same conditions as the canonical text (:func:`text_layout_problems`):
headings, title and pipe rows are markup the parser strips or reads as table
rows; narrative paragraphs are written as they are (Markdown markup in them,
such as ``**一是**``, stays markup).
"""

from __future__ import annotations

from ..editions import get_edition
from ..model import Report
from ..normalize import printable
from .grid import Grid, table_grid
from .text import render_narrative, render_title_block

__all__ = ["render_markdown", "render_table"]


def render_markdown(report: Report) -> str:
    """The report as Markdown (CommonMark with GFM pipe tables)."""
    blocks: list[str] = render_title(report)
    blocks += report.preamble
    tables = {spec.number: getattr(report, spec.attribute) for spec in get_edition(report.edition).tables}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        blocks.append(f"## {heading}")
        if number in narratives:
            blocks += render_narrative(narratives[number])
        else:
            blocks.append(render_table(table_grid(number, tables[number])))
    # A lone surrogate (a report built in Python) is written out, as in every format.
    return printable("\n\n".join(blocks) + "\n")


def render_title(report: Report) -> list[str]:
    """The issuing body on a line of its own (unless the title starts with it), then the title.

    The title is a ``#`` heading when the body stands on its own line.  When the
    body is read from the title itself (the title starts with it, or there is
    none), the title stays a plain line: the parser would otherwise count the
    ``# `` in front of the title when it cuts the body off before the year.
    """
    lines = render_title_block(report)
    if len(lines) == 2:
        return [lines[0], f"# {lines[1]}"]
    return lines


def render_table(grid: Grid) -> str:
    """A grid as one pipe table: its first row is the Markdown header row."""
    rows = [["" if cell is None else cell.text for cell in row] for row in grid.matrix()]
    lines = [
        _pipe_row(rows[0]),
        _pipe_row([":---" if i < grid.label_columns else ":---:" for i in range(grid.columns)]),
    ]
    lines += [_pipe_row(row) for row in rows[1:]]
    return "\n".join(lines)


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
