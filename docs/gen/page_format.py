"""The format reference page, generated from the editions and the model's field metadata.

Every label, address and kind on the page is read from
:data:`govinfo_report.editions.EDITIONS` through :func:`govinfo_report.layout.row_specs`,
so the page says what the parser, the long format and the validator use, and cannot
drift from them.  :func:`addresses` is the list the page prints, for tests/test_docs.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from mdtext import code, dotted, from_rst, table

from govinfo_report.editions import CORRESPONDENCES, EDITIONS, TABLE_NAMES, Edition, TableSpec
from govinfo_report.layout import CellSpec, cell_specs, row_specs
from govinfo_report.model import Report

__all__ = ["Address", "addresses", "render"]

PATH = "reference/format.md"


@attrs.frozen
class Address:
    """One cell as the page prints it: table, row and column paths joined with ``/``, kind."""

    table: int
    row: str
    column: str
    kind: str

    def line(self) -> str:
        """The start of the cell's line in the page's list of every address."""
        return f"| {self.table} | {self.row} | {self.column} | {self.kind} |"


def _address(number: int, spec: CellSpec) -> Address:
    return Address(number, "/".join(spec.row), "/".join(spec.column), spec.kind)


def addresses(edition: Edition, cls: type | None = None) -> list[Address]:
    """The cells of ``edition``'s template tables (or of table class ``cls`` only), in printed order."""
    found: list[Address] = []
    for spec in edition.tables:
        for table_cls in spec.classes:
            if (cls is None and table_cls is spec.cls) or table_cls is cls:
                found.extend(_address(spec.number, cell) for cell in cell_specs(table_cls))
    return found


def _first_paragraph(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return from_rst(" ".join(doc.split("\n\n", 1)[0].split()))


def _years(edition: Edition) -> str:
    last = "" if edition.last_year is None else str(edition.last_year)
    return f"{edition.first_year}–{last}" if last else f"{edition.first_year} and later"


def _cell_count(edition: Edition) -> int:
    return sum(len(cell_specs(spec.cls)) for spec in edition.tables)


def _summary() -> str:
    rows = [
        (
            code(edition.name),
            edition.document,
            _years(edition),
            _cell_count(edition),
            f"[{len(edition.rules)}](rules.md)",
        )
        for edition in EDITIONS.values()
    ]
    headers = ("edition", "issuing document", "reporting years", "cells", "rules")
    return table(headers, rows)


def _kinds(cells: tuple[CellSpec, ...]) -> str:
    kinds = [cell.kind + (f" ({cell.unit})" if cell.unit else "") for cell in cells]
    return kinds[0] if len(set(kinds)) == 1 else "<br>".join(kinds)


def _rows_table(attribute: str, cls: type) -> str:
    rows = row_specs(cls)
    columns = {tuple(cell.column for cell in row.cells) for row in rows}
    shared = len(columns) == 1
    out = []
    if shared:
        names = "、".join("/".join(column) for column in next(iter(columns)))
        out.append(f"Columns of every row, left to right: {names}.\n")
    headers = ["#", "row"] + ([] if shared else ["columns"]) + ["kind", "Python"]
    lines = []
    for number, row in enumerate(rows, 1):
        # A row of several cells is an object (its cells are its attributes); a row of one is the cell.
        first = row.cells[0].attributes
        path = ".".join((attribute, *(first[:-1] if len(row.cells) > 1 else first)))
        line: list[object] = [number, "/".join(row.row)]
        if not shared:
            line.append("<br>".join("/".join(cell.column) for cell in row.cells))
        line += [_kinds(row.cells), dotted(f"report.{path}")]
        lines.append(line)
    out.append(table(headers, lines))
    return "\n".join(out)


def _every_address(number: int, attribute: str, cls: type) -> str:
    cells = cell_specs(cls)
    rows = [
        (
            *attrs.astuple(_address(number, cell)),
            cell.unit,
            dotted(".".join(("report", attribute, *cell.attributes))),
        )
        for cell in cells
    ]
    body = table(("table", "row", "column", "kind", "unit", "Python"), rows)
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f'??? abstract "Every cell address of this table ({len(cells)})"\n\n{indented}\n'


def _row_difference(template: type, variant: type) -> str:
    ours = {row.row for row in row_specs(variant)}
    theirs = {row.row for row in row_specs(template)}
    only = ["/".join(row.row) for row in row_specs(variant) if row.row not in theirs]
    absent = ["/".join(row.row) for row in row_specs(template) if row.row not in ours]
    return (
        f"Rows that only this layout prints: {'、'.join(only) or 'none'}. "
        "Rows of the template it does not print (absent, not “not filled in”): "
        f"{'、'.join(absent) or 'none'}."
    )


def _size(cls: type) -> str:
    rows = len(row_specs(cls))
    said = f"({rows} rows)" in _first_paragraph(cls)
    return f"{len(cell_specs(cls))} cells" + ("" if said else f" in {rows} rows")


def _table_section(edition: Edition, spec: TableSpec) -> Iterator[str]:
    yield f"### {TABLE_NAMES[spec.number]} {spec.name}\n"
    yield (
        f"`report.{spec.attribute}`: {code(spec.cls.__name__)} — {_first_paragraph(spec.cls)} "
        f"{_size(spec.cls)}.\n"
    )
    yield _rows_table(spec.attribute, spec.cls)
    yield _every_address(spec.number, spec.attribute, spec.cls)
    for variant in spec.variants:
        yield f"#### Variant: {code(variant.__name__)} ({edition.name} reports printed this way)\n"
        yield (f"{_first_paragraph(variant)} {_size(variant)}. {_row_difference(spec.cls, variant)}\n")
        yield _every_address(spec.number, spec.attribute, variant)


def _edition_section(edition: Edition) -> Iterator[str]:
    yield f"## {edition.name}年版 — {edition.document}\n"
    counts = "、".join(f"{TABLE_NAMES[spec.number]} {len(cell_specs(spec.cls))}" for spec in edition.tables)
    yield (
        f"《{edition.format_name}》, {edition.description}. "
        f"{_cell_count(edition)} cells: {counts}. "
        f"`gr.get_edition({edition.name!r})`; grammar start rule {code(edition.start)}.\n"
    )
    for spec in edition.tables:
        yield from _table_section(edition, spec)


def _cell_names(cells: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...]) -> str:
    return "<br>+ ".join(f"{TABLE_NAMES[n]} {'/'.join(row)} · {'/'.join(column)}" for n, row, column in cells)


def _correspondences() -> Iterator[str]:
    yield "## 2019 ↔ 2021: cells that report the same quantity\n"
    yield (
        "From `govinfo_report.editions.CORRESPONDENCES`, which `gr.compare` and the analysis "
        "functions use across editions. *Same* means the two sides count the same thing by "
        "definition; *close* that they are near but not defined alike (compare with care).\n"
    )
    identical = [c for c in CORRESPONDENCES if c.cells_2019 == c.cells_2021]
    different = [c for c in CORRESPONDENCES if c.cells_2019 != c.cells_2021]
    rows = [
        (_cell_names(c.cells_2019), _cell_names(c.cells_2021), "same" if c.same else "close", c.note)
        for c in different
    ]
    yield table(("2019 edition", "2021 edition", "same or close", "note"), rows)
    by_table: dict[int, int] = {}
    for c in identical:
        by_table[c.cells_2019[0][0]] = by_table.get(c.cells_2019[0][0], 0) + 1
    counts = "; ".join(f"{TABLE_NAMES[n]}: {count}" for n, count in sorted(by_table.items()))
    yield (
        f"Besides these, {len(identical)} cells have the same address and meaning in both "
        f"editions ({counts}).\n"
    )
    same_cells = [c.cells_2019[0] for c in identical]
    listed = table(("table", "row", "column"), ((n, "/".join(r), "/".join(c)) for n, r, c in same_cells))
    indented = "\n".join(f"    {line}" if line else "" for line in listed.splitlines())
    yield f'??? abstract "The {len(identical)} cells with the same address"\n\n{indented}\n'
    yield "### Cells without a counterpart\n"
    for edition in EDITIONS.values():
        side = {c.cells_2019 if edition.name == "2019" else c.cells_2021 for c in CORRESPONDENCES}
        mapped = {cell for group in side for cell in group}
        alone = [
            (spec.number, cell.row, cell.column)
            for spec in edition.tables
            for cell in cell_specs(spec.cls)
            if (spec.number, cell.row, cell.column) not in mapped
        ]
        names = _cell_names(tuple(alone)).replace("<br>+ ", "、")
        yield f"- **{edition.name}年版** ({len(alone)}): {names or 'none'}.\n"


def render() -> str:
    """The whole page, as Markdown."""
    parts = [
        "# Format reference\n",
        (
            '!!! info "Generated from the model"\n'
            "    This page is generated at build time (`docs/gen/page_format.py`) from "
            "`govinfo_report.editions.EDITIONS` and the field metadata of the table classes, "
            "walked with `govinfo_report.layout.row_specs`. The labels, addresses and kinds below "
            "are the ones the parser reads, `gr.cells` prints and `gr.validate` quotes.\n"
        ),
        (
            "A cell's address is its table number, its row path and its column path, segments "
            "joined with `/` (see [cells.md](../cells.md), which also explains the kinds: "
            "`count`, `signed`, `amount`, `money`). The *Python* column gives the attribute "
            "that holds the row or the cell, on a "
            f"{code(Report.__name__)}.\n"
        ),
        _summary(),
    ]
    for edition in EDITIONS.values():
        parts.extend(_edition_section(edition))
    parts.extend(_correspondences())
    return "\n".join(parts)
