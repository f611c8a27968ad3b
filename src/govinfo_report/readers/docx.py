"""Word files (``.docx``): the body's paragraphs and table grids as a :class:`Document`.

Needs the ``docx`` extra (``pip install 'govinfo-report[docx]'``): the file is
read with lxml, the XML library python-docx is built on, straight from the
zip package — python-docx's own object model would repeat every merged cell
and costs more than parsing the report (see ``docs/reading-word.md``).

:mod:`~govinfo_report.readers.docx_package` opens the package within limits;
:mod:`~govinfo_report.readers.docx_body` walks the body in document order
(:mod:`~govinfo_report.readers.wordml`: the text of paragraphs;
:mod:`~govinfo_report.readers.docx_grid`: table rows on the grid;
:mod:`~govinfo_report.readers.docx_numbering`: list numbers).
"""

from __future__ import annotations

from ..model import Source
from .document import Document, DocumentBuilder
from .docx_body import BodyReader
from .docx_numbering import Numbering
from .docx_package import open_package
from .wordml import RunStyles

__all__ = ["read"]


def read(data: bytes, *, path: str | None = None, encoding: str | None = None, detail: str = "") -> Document:
    """A Word file's document: paragraphs and table rows in document order, with their locations.

    ``encoding`` and ``detail`` are not used: a Word file states its own encoding.

    Raises:
        DecodeError: the data is not a Word file, is damaged, or is too large once
            decompressed (``UnsupportedFormatError`` for another kind of file).
        ParseError: what cannot be placed, at its location: text in the continuation of a
            merged cell, a document embedded as a part of its own (``w:altChunk``).
        MissingDependencyError: the ``docx`` extra is not installed.
    """
    package = open_package(data)
    builder = DocumentBuilder(Source("docx", path, title=package.title), exact_paragraphs=True)
    BodyReader(builder, Numbering.of(package), RunStyles.of(package, package.body)).read(package.body)
    return builder.build()
