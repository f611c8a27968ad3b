"""Rendering a report: ``render(report, fmt)``.

One module per format; each registers its renderer in :data:`RENDERERS`.
Every format gives text (``str``) except ``docx``, which gives the bytes of a
Word file and needs the optional ``docx`` extra (python-docx), imported only
when a Word file is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, overload

from ..model import Report
from .docx import render_docx
from .html import render_html
from .markdown import render_markdown
from .text import render_text

__all__ = ["BINARY_FORMATS", "FORMATS", "RENDERERS", "TextFormat", "render"]

#: The names of the formats rendered as text.
TextFormat = Literal["text", "markdown", "html"]

#: The renderer of each format name.
RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "docx": render_docx,
}

#: The format names ``render`` accepts.
FORMATS: tuple[str, ...] = tuple(RENDERERS)

#: The formats ``render`` returns as ``bytes``.
BINARY_FORMATS: frozenset[str] = frozenset({"docx"})


@overload
def render(report: Report, fmt: Literal["docx"]) -> bytes: ...


@overload
def render(report: Report, fmt: TextFormat = "text") -> str: ...


@overload
def render(report: Report, fmt: str) -> str | bytes: ...


def render(report: Report, fmt: str = "text") -> str | bytes:
    """The report in format ``fmt``.

    Formats: ``"text"`` (the canonical plain-text layout, read back by
    :func:`govinfo_report.parse`), ``"markdown"`` (pipe tables, read back too),
    ``"html"`` (one self-contained printable page) and ``"docx"`` (a Word file,
    as ``bytes``; needs ``pip install 'govinfo-report[docx]'``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
        ImportError: ``"docx"`` without python-docx installed.
    """
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式“{fmt}”；可用：{'、'.join(RENDERERS)}") from None
    return renderer(report)
