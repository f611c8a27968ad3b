"""Readers: every form a report is published in, turned into what the grammar reads.

``read_document`` takes a path or bytes, decides the form from the content
(:func:`~govinfo_report.readers.sniff.sniff`), and hands the bytes to that
form's reader module, which returns a
:class:`~govinfo_report.readers.document.Document`: the reading text and a
map back to the file.  The parser (:func:`govinfo_report.parse.parse_document`)
reads every document the same way, so each form is read by the one grammar.

A reader is a module of this package with a function
``read(data, *, path, encoding, detail) -> Document``, registered in
:data:`READERS` under its form.  It imports its heavy dependency (lxml,
python-docx …) inside ``read`` and raises
:class:`~govinfo_report.errors.MissingDependencyError` naming the extra when
it is missing.  docs/architecture.md says how to add one.
"""

from __future__ import annotations

import importlib
import os
from typing import Protocol

from ..errors import UnsupportedFormatError
from ..reading import MAX_SIZE, read_bytes, too_large
from .document import Document, DocumentBuilder, Origin, RowCell
from .sniff import Sniffed, sniff

__all__ = [
    "READERS",
    "Document",
    "DocumentBuilder",
    "Origin",
    "Reader",
    "RowCell",
    "Sniffed",
    "load",
    "read_document",
    "reader_for",
    "sniff",
]

#: The reader module (in this package) of each form the library reads.
READERS: dict[str, str] = {
    "text": "text",
    "html": "html",
    "docx": "docx",
    "pdf": "pdf",
}


class Reader(Protocol):
    """What a reader module provides."""

    def read(self, data: bytes, *, path: str | None, encoding: str | None, detail: str) -> Document:
        """The document of a file's bytes."""


def reader_for(sniffed: Sniffed) -> Reader:
    """The reader of a form; a form the library does not read raises ``UnsupportedFormatError``."""
    if sniffed.form not in READERS:
        advice = f"；{sniffed.advice}" if sniffed.advice else ""
        raise UnsupportedFormatError(f"这是{sniffed.description}，本库不能读取{advice}", form=sniffed.form)
    module: Reader = importlib.import_module(f".{READERS[sniffed.form]}", __name__)
    return module


def load(
    file: str | os.PathLike[str] | bytes, *, name: str | None = None, max_size: int = MAX_SIZE
) -> tuple[bytes, str | None, Sniffed]:
    """A file's bytes (at most ``max_size``), its path, and what it is."""
    if isinstance(file, bytes | bytearray | memoryview):
        data, path = bytes(file), None
        if len(data) > max_size:
            raise too_large(len(data), max_size)
    else:
        path = os.fspath(file)
        data = read_bytes(path, max_size=max_size)
    return data, path, sniff(data, name or path)


def read_document(
    file: str | os.PathLike[str] | bytes,
    *,
    form: str | None = None,
    encoding: str | None = None,
    name: str | None = None,
    max_size: int = MAX_SIZE,
) -> Document:
    """The document of a file (a path, or its bytes).

    Args:
        file: a path, or the file's bytes.
        form: ``"text"``, ``"html"``, ``"docx"`` …; by default decided from the content.
        encoding: for text and web pages, the encoding to use instead of detecting it.
        name: a file name for bytes, used only to break ties when deciding the form.
        max_size: refuse files over this many bytes (``InputTooLargeError``).

    Raises:
        DecodeError: the file cannot be read, or is not a form the library reads
            (:class:`~govinfo_report.errors.UnsupportedFormatError`).
        MissingDependencyError: the form's optional extra is not installed.


    Example:
        >>> import govinfo_report as gr
        >>> document = gr.read_document("examples/zhongwei-government-office-2024.txt")
        >>> document.source.form, document.text.splitlines()[0].strip()
        ('text', '中卫市人民政府办公室')
    """
    data, path, sniffed = load(file, name=name, max_size=max_size)
    if form is not None:
        sniffed = Sniffed(form)
    return reader_for(sniffed).read(data, path=path, encoding=encoding, detail=sniffed.detail)
