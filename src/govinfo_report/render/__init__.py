"""Rendering a report: ``render(report, fmt)``.

One module per format; each registers its renderer in :data:`RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from .text import render_text

__all__ = ["FORMATS", "RENDERERS", "render"]

#: The renderer of each format name.
RENDERERS: dict[str, Callable[[Report], str]] = {"text": render_text}

#: The format names ``render`` accepts.
FORMATS: tuple[str, ...] = tuple(RENDERERS)


def render(report: Report, fmt: str = "text") -> str:
    """The report in format ``fmt`` (``"text"``: the canonical plain-text layout)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"未知的输出格式“{fmt}”；可用：{'、'.join(RENDERERS)}") from None
    return renderer(report)
