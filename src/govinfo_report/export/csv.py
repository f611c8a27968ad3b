"""The long format as CSV for Excel and WPS: UTF-8 with a byte-order mark.

Excel and WPS read a CSV file without a BOM in the system's code page (GBK on a
Chinese Windows), which garbles every label; with ``\\ufeff`` first they read
UTF-8.  :func:`write_cells_csv` writes one row per (report, cell) with the header
``agency,year,edition,source,table,row,column,value`` (``table,row,column,value``
is what :func:`govinfo_report.from_cells` reads back).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from ..cells import cells
from ..model import Report
from ..values import format_value

__all__ = ["BOM", "CSV_HEADER", "EXCEL_ENCODING", "write_cells_csv"]

#: The byte-order mark, written first for Excel and WPS.
BOM = "\ufeff"
#: The encoding of a file for Excel: Python writes the BOM itself with it.
EXCEL_ENCODING = "utf-8-sig"
#: The header row.
CSV_HEADER = ("agency", "year", "edition", "source", "table", "row", "column", "value")


def write_cells_csv(reports: Report | Iterable[Report], out: TextIO, *, excel: bool = True) -> None:
    """Write the cells of ``reports`` as CSV to ``out`` (opened with ``newline=""``).

    ``excel``: write :data:`BOM` first and end lines with CRLF, as Excel writes CSV.
    A cell not filled in has an empty value; amounts are plain decimals (``12.50``).


    Example:
        >>> import io
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> out = io.StringIO()
        >>> gr.write_cells_csv([report], out, excel=True)
        >>> out.getvalue().splitlines()[0]  # doctest: +ELLIPSIS
        '\ufeff...
    """
    reports = [reports] if isinstance(reports, Report) else reports
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(CSV_HEADER)
    for report in reports:
        source = report.source.path if report.source is not None else ""
        front = [report.agency or "", report.year if report.year is not None else "", report.edition, source]
        for cell in cells(report):
            writer.writerow([*front, cell.table, cell.row, cell.column, format_value(cell.value)])
