"""Rendering a report: ``render(report, fmt)``.

One module per format; each registers its renderer in :data:`RENDERERS`.
Every format gives text (``str``) except ``docx``, which gives the bytes of a
Word file and needs the optional ``docx`` extra (python-docx), imported only
when a Word file is rendered.  Each renderer's module is imported when its
format is first rendered, so that ``import govinfo_report`` does not load them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Literal, overload

from ..model import Report

__all__ = ["ALIASES", "BINARY_FORMATS", "FORMATS", "RENDERERS", "TextFormat", "render"]

#: The names of the formats rendered as text.
TextFormat = Literal["text", "markdown", "html"]

# The module and function of each format's renderer.
_RENDERER_NAMES: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "markdown": ("markdown", "render_markdown"),
    "html": ("html", "render_html"),
    "docx": ("docx", "render_docx"),
}


class _Renderers(Mapping[str, Callable[[Report], "str | bytes"]]):
    """The renderer of each format name, its module imported on first use."""

    def __getitem__(self, fmt: str) -> Callable[[Report], str | bytes]:
        module, name = _RENDERER_NAMES[fmt]
        renderer: Callable[[Report], str | bytes] = getattr(
            importlib.import_module(f".{module}", __name__), name
        )
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERER_NAMES)

    def __len__(self) -> int:
        return len(_RENDERER_NAMES)


#: The renderer of each format name.
RENDERERS: Mapping[str, Callable[[Report], str | bytes]] = _Renderers()

#: The format names ``render`` accepts.
FORMATS: tuple[str, ...] = tuple(RENDERERS)

#: The formats ``render`` returns as ``bytes``.
BINARY_FORMATS: frozenset[str] = frozenset({"docx"})

#: Other names ``render`` accepts for a format.
ALIASES: dict[str, str] = {"md": "markdown"}


@overload
def render(report: Report, fmt: Literal["docx"]) -> bytes: ...


@overload
def render(report: Report, fmt: TextFormat | Literal["md"] = "text") -> str: ...


@overload
def render(report: Report, fmt: str) -> str | bytes: ...


def render(report: Report, fmt: str = "text") -> str | bytes:
    """The report in format ``fmt``.

    Formats: ``"text"`` (the canonical plain-text layout, read back by
    :func:`govinfo_report.parse`), ``"markdown"`` (pipe tables, read back too),
    ``"html"`` (one self-contained printable page) and ``"docx"`` (a Word file,
    as ``bytes``; needs ``pip install 'govinfo-report[docx]'``).  ``"md"`` is
    another name of ``"markdown"``.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS` (nor an alias of one).
        ImportError: ``"docx"`` without python-docx installed.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> text = gr.render(report)                 # the canonical text, read back as it was
        >>> gr.parse(text) == report
        True
        >>> [line for line in gr.render(report, "md").splitlines() if line.startswith("#")][:2]
        ['# 2024年政府信息公开工作年度报告', '## 一、总体情况']
        >>> gr.render(report, "md") == gr.render(report, "markdown")
        True
        >>> gr.render(report, "docx")[:2]            # a Word file is a ZIP archive
        b'PK'
    """
    try:
        renderer = RENDERERS[ALIASES.get(fmt, fmt)]
    except KeyError:
        raise ValueError(f"未知的输出格式“{fmt}”；可用：{'、'.join(RENDERERS)}") from None
    return renderer(report)
