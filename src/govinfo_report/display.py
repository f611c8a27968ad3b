"""How a report shows itself: a one-line ``repr`` and an HTML view for notebooks.

* :func:`report_repr` — ``<Report 中卫市民政局 2024 2021年版: 200 cells (200 filled,
  0 blank), 3 findings (0 errors, 3 warnings)>``, instead of thousands of characters
  of nested classes.
* :func:`report_html` — the three tables as the template prints them (the merged
  cells of :mod:`govinfo_report.render.grid`), each cell a finding is about
  highlighted (red for an error, yellow for a warning) with the messages as its
  tooltip, and the findings listed below.  A fragment for Jupyter's
  ``_repr_html_``: one ``<div>`` with its own scoped style, no script.

Both validate the report (:func:`govinfo_report.validate`) to count and show findings.
"""

from __future__ import annotations

from html import escape

from .cells import CellAddress, cells
from .editions import TABLE_NAMES, get_edition
from .layout import cell_specs
from .model import Report
from .render.grid import Grid, GridCell, table_grid
from .rules import ERROR, Finding, validate

__all__ = ["report_html", "report_repr", "value_addresses"]


def report_repr(report: Report, findings: list[Finding] | None = None) -> str:
    """A short ``repr``: body, year, edition, cells filled and blank, findings by severity."""
    findings = validate(report) if findings is None else findings
    values = [cell.value for cell in cells(report)]
    blank = sum(1 for value in values if value is None)
    errors = sum(1 for finding in findings if finding.severity == ERROR)
    agency = report.agency or "（未署名）"
    year = report.year if report.year is not None else "年度不明"
    return (
        f"<Report {agency} {year} {report.edition}年版: {len(values)} cells "
        f"({len(values) - blank} filled, {blank} blank), "
        f"{len(findings)} findings ({errors} errors, {len(findings) - errors} warnings)>"
    )


def value_addresses(edition: str, number: int) -> list[CellAddress]:
    """The addresses of table ``number``'s cells in the order its grid prints its value cells.

    :func:`govinfo_report.render.grid.table_grid` prints the cells in the order of
    the model's cell specs (tables 2 and 3 row by row, table 4 as one row of fifteen),
    which is the order of :func:`govinfo_report.cells`.
    """
    table = get_edition(edition).table(number)
    return [CellAddress(number, "/".join(spec.row), "/".join(spec.column)) for spec in cell_specs(table.cls)]


_STYLE = """
.govinfo-report { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 12px; }
.govinfo-report table { border-collapse: collapse; margin: 4px 0 12px; }
.govinfo-report th, .govinfo-report td { border: 1px solid #888; padding: 1px 4px; text-align: center;
  font-weight: normal; }
.govinfo-report th.label { text-align: left; }
.govinfo-report td.blank { background: #eee; color: #999; }
.govinfo-report td.error { background: #fca5a5; }
.govinfo-report td.warning { background: #fde68a; }
.govinfo-report li.error { color: #b91c1c; }
.govinfo-report caption { text-align: left; font-weight: bold; }
""".strip()


def report_html(report: Report, findings: list[Finding] | None = None) -> str:
    """The report's tables as HTML with the findings on their cells, for a notebook."""
    findings = validate(report) if findings is None else findings
    on_cell: dict[CellAddress, list[Finding]] = {}
    for finding in findings:
        for address in finding.cells:
            on_cell.setdefault(address, []).append(finding)
    agency = escape(report.agency or "（未署名）")
    year = f"{report.year}年" if report.year is not None else "年度不明"
    errors = sum(1 for finding in findings if finding.severity == ERROR)
    parts = [
        '<div class="govinfo-report">',
        f"<style>{_STYLE}</style>",
        f"<p><b>{agency}</b> {escape(year)}（{escape(report.edition)}年版）："
        f"{errors}个错误、{len(findings) - errors}个警告</p>",
    ]
    for spec in get_edition(report.edition).tables:
        grid = table_grid(spec.number, getattr(report, spec.attribute))
        addresses = value_addresses(report.edition, spec.number)
        parts.append(_table(f"{TABLE_NAMES[spec.number]} {spec.name}", grid, addresses, on_cell))
    if findings:
        parts.append("<ul>")
        parts += [
            f'<li class="{finding.severity}">[{escape(finding.rule)}] {escape(finding.message)}</li>'
            for finding in findings
        ]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _table(
    caption: str, grid: Grid, addresses: list[CellAddress], on_cell: dict[CellAddress, list[Finding]]
) -> str:
    values = [cell for cell in grid.cells if cell.role == "value"]
    if len(values) != len(addresses):  # pragma: no cover - the grid is derived from the same specs
        raise AssertionError(f"{caption}：表格有{len(values)}个数值单元格，应有{len(addresses)}个")
    where = {id(cell): address for cell, address in zip(values, addresses, strict=True)}
    lines = [f"<table><caption>{escape(caption)}</caption>"]
    for row in grid.rows:
        lines.append("<tr>" + "".join(_cell(cell, where.get(id(cell)), on_cell) for cell in row) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _cell(cell: GridCell, address: CellAddress | None, on_cell: dict[CellAddress, list[Finding]]) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    if address is None:
        kind = ' class="label"' if cell.role in ("label", "group") else ""
        return f"<th{kind}{spans}>{escape(cell.text)}</th>"
    found = on_cell.get(address, [])
    classes = []
    if not cell.filled:
        classes.append("blank")
    if found:
        classes.append(ERROR if any(f.severity == ERROR for f in found) else "warning")
    title = "\n".join(f"[{f.rule}] {f.message}" for f in found) or str(address)
    css = f' class="{" ".join(classes)}"' if classes else ""
    return f'<td{css}{spans} title="{escape(title)}">{escape(cell.text)}</td>'
