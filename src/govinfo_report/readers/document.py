"""What every reader hands to the grammar: a :class:`Document`.

A reader turns its file into *reading text* — the text the grammar reads —
and a map from that text back to the file:

* each heading or narrative paragraph is one line;
* each table row is one line whose cells are already separated (``|``), with
  a blank cell written as :data:`~govinfo_report.values.EMPTY` (the reader knows
  a cell is blank from the grid; a text copy can only guess);
* every line remembers where it came from (:class:`Origin`), and so does every
  cell of a row, so that an error or a diagnostic names the page, table, row
  and column of the file (:meth:`Document.locate`).

Readers build documents with a :class:`DocumentBuilder`, which owns the one
rule for writing a grid row (:meth:`DocumentBuilder.row`).  A plain text file
is its own reading text (:meth:`Document.from_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import attrs

from ..errors import Location, ParseError, shorten
from ..model import Diagnostic, Source
from ..values import EMPTY, TextKind, classify

__all__ = ["SEPARATOR", "Document", "DocumentBuilder", "Origin", "Place", "RowCell", "per_cell_text"]

# Cell texts up to this length are remembered (the same few texts fill most cells).
_SHORT = 64
_T = TypeVar("_T")


def per_cell_text(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function`` of a cell's text, remembering its answer for each short text: the same few
    (``0``, ``/``, the labels) fill most cells; a long one is worked out each time."""
    remembered = lru_cache(maxsize=4096)(function)

    def call(text: str) -> _T:
        return remembered(text) if len(text) <= _SHORT else function(text)

    return call


#: What separates the cells of a row in the reading text.
SEPARATOR = " | "


#: A cell of a grid row as a reader hands it to :meth:`DocumentBuilder.row`: its text, its
#: grid column (1-based) and its source line where the file has lines (a web page), else ``None``.
RowCell = tuple[str, int, int | None]

#: Where a written cell is: its first column in the line (1-based), its grid column, its source line.
Place = tuple[int, int, int | None]


@attrs.frozen
class Origin:
    """Where one line of the reading text came from.

    Attributes:
        location: the paragraph, or the table row, in the file.
        places: for a table row, each cell's first column in the line (1-based), its
            grid column and its source line (or ``None``), left to right: what
            :attr:`cells` makes locations of when they are asked for.
    """

    location: Location
    places: tuple[Place, ...] = ()

    @property
    def cells(self) -> tuple[tuple[int, Location], ...]:
        """Each cell's first column in the line (1-based) and its location, left to right."""
        return tuple((start, self.locate_cell(column, line)) for start, column, line in self.places)

    def locate(self, column: int) -> Location:
        """Where column ``column`` of the line is: the cell it falls in, else the line's own location."""
        for start, grid_column, line in reversed(self.places):
            if column >= start:
                return self.locate_cell(grid_column, line)
        return self.location

    def locate_cell(self, column: int, line: int | None) -> Location:
        """Where the row's cell in grid column ``column`` (on source line ``line``) is."""
        return attrs.evolve(self.location, table_column=column, line=line)


@attrs.frozen
class Document:
    """A file as the grammar reads it.

    Attributes:
        text: the reading text (lines separated by ``\\n``).
        source: the form of the file, its path and the metadata it states.
        exact_paragraphs: whether every narrative line is a paragraph of its own
            (Word files and web pages); ``False`` for text, where the lines of a PDF
            text layer are joined back into paragraphs.
        origins: where each line came from, or ``None`` when ``text`` is the user's
            own text (positions are then its lines and columns).
        problems: what the reader found it could not read, each an error placed in the
            file; the cell concerned is written blank.  Strict parsing raises the first,
            lenient parsing reports each as a diagnostic.
        notes: what the reader did that the user should know of, read all the same (bad
            bytes of a web page shown as U+FFFD): warnings placed in the file, added to
            ``report.diagnostics`` in strict and lenient parsing alike.
    """

    text: str
    source: Source
    exact_paragraphs: bool = False
    origins: tuple[Origin, ...] | None = None
    problems: tuple[ParseError, ...] = ()
    notes: tuple[Diagnostic, ...] = ()

    @classmethod
    def from_text(cls, text: str, source: Source | None = None) -> Document:
        """A document whose reading text is ``text`` itself."""
        return cls(text, source if source is not None else Source("text"))

    def locate(self, line: int, column: int) -> Location:
        """Where line ``line``, column ``column`` of the reading text is in the file."""
        if self.origins is None:
            return Location(line=line, column=column)
        if not self.origins:
            return Location()
        return self.origins[min(max(line, 1), len(self.origins)) - 1].locate(column)


class DocumentBuilder:
    """Collects the lines of a reading text and where each came from.

    Args:
        source: the file's form, path and metadata.
        exact_paragraphs: see :attr:`Document.exact_paragraphs`.
    """

    def __init__(self, source: Source, *, exact_paragraphs: bool = True) -> None:
        self._source = source
        self._exact = exact_paragraphs
        self._lines: list[str] = []
        self._origins: list[Origin] = []
        self._problems: list[ParseError] = []
        self._notes: list[Diagnostic] = []

    def paragraph(self, text: str, location: Location) -> None:
        """A heading or narrative paragraph; a line break inside it starts a new line."""
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            if line.strip():
                self._lines.append(line)
                self._origins.append(Origin(location))

    def row(
        self, cells: Sequence[RowCell], location: Location, unreadable: Mapping[int, str] | None = None
    ) -> None:
        """A table row: its cells (:data:`RowCell`), left to right, as the grid has them;
        ``location``: the row's (each cell is there, in its grid column and on its own line);
        ``unreadable``: the grid columns of the cells whose value the reader cannot tell
        (a value printed once across several rows …), each with the reason.

        The one rule for writing a grid row.  White space inside a cell (a label
        broken over lines) becomes single spaces.  The row's *labels* are its
        cells up to the last one that is neither a value (a number or a
        not-filled mark, see :mod:`govinfo_report.values`) nor blank; blank cells
        among the labels are layout and left out.  After the labels every cell
        is written, a blank one as :data:`~govinfo_report.values.EMPTY`.  A row
        with no value at all (a header row, an empty row) is written without its
        blank cells.  A row with nothing in it is not written.  A cell holding
        several numbers (``1 2``, two paragraphs in one cell) cannot say which
        is its value: it is written blank and recorded as a problem (never split
        into two cells).  So is each ``unreadable`` cell, a value cell whatever its text.
        """
        written = [_written(cell[0]) for cell in cells]
        last_label = -1
        has_value = bool(unreadable)
        several = False
        for at, (_, kind, many) in enumerate(written):
            if kind is None:
                last_label = at
            elif kind != "blank":
                has_value = True
            if many:
                several = True
        parts: list[str] = []
        places: list[Place] = []
        start = 1
        for at, (text, kind, _) in enumerate(written):
            if kind == "blank":
                if (not has_value or at <= last_label) and not (unreadable and cells[at][1] in unreadable):
                    continue
                text = EMPTY
            parts.append(text)
            _, column, line = cells[at]
            places.append((start, column, line))
            start += len(text) + len(SEPARATOR)
        if not parts:
            return
        origin = Origin(location, tuple(places))
        self._lines.append(SEPARATOR.join(parts))
        self._origins.append(origin)
        if several:
            for (text, grid_column, source_line), (_, _, many) in zip(cells, written, strict=True):
                if many:
                    pieces = " ".join(text.split())
                    reason = f"单元格中有{len(pieces.split())}个数（“{shorten(pieces)}”），无法确定是哪一个"
                    self.unreadable(reason, grid_column, source_line)
        if unreadable:
            for _, grid_column, source_line in cells:
                if grid_column in unreadable:
                    self.unreadable(unreadable[grid_column], grid_column, source_line)

    def unreadable(self, reason: str, column: int, line: int | None) -> None:
        """The last row's cell in grid column ``column`` (on source line ``line``), which the
        reader wrote blank, recorded as a problem at that cell: strict parsing refuses it there,
        lenient parsing leaves it not filled in."""
        origin = self._origins[-1]
        start = next((start for start, at, on in origin.places if (at, on) == (column, line)), 1)
        self._problems.append(
            ParseError(
                reason,
                line=len(self._lines),
                column=start,
                excerpt=self._lines[-1],
                location=origin.locate_cell(column, line),
            )
        )

    def note(self, message: str, location: Location, *, code: str) -> None:
        """A warning about the file as a whole or a place in it (see :attr:`Document.notes`)."""
        self._notes.append(Diagnostic(1, 1, message, severity="warning", code=code, location=location))

    def build(self) -> Document:
        """The document: its reading text, where each line came from, what could not be read."""
        return Document(
            "\n".join(self._lines),
            self._source,
            self._exact,
            tuple(self._origins),
            tuple(self._problems),
            tuple(self._notes),
        )


def _write(text: str) -> tuple[str, TextKind | None, bool]:
    """A cell as its row writes it: its text, what the text is, whether it holds several values.

    White space becomes single spaces, ``|`` is written full-width; a cell holding
    several values is written blank.
    """
    text = " ".join(text.split()).replace("|", "｜")
    pieces = text.split()
    if len(pieces) > 1 and all(classify(piece) in ("number", "mark") for piece in pieces):
        return EMPTY, classify(EMPTY), True
    return text, classify(text), False


_written = per_cell_text(_write)
