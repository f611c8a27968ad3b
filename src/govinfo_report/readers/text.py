"""Text files: the text is its own reading text (encoding detected, see :mod:`govinfo_report.reading`)."""

from __future__ import annotations

from ..model import Source
from ..reading import decode
from .document import Document

__all__ = ["read"]


def read(data: bytes, *, path: str | None = None, encoding: str | None = None, detail: str = "") -> Document:
    """A text file's document: its decoded text, positions as its lines and columns."""
    return Document.from_text(decode(data, encoding), Source("text", path))
