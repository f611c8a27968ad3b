"""Small Markdown helpers shared by the page generators (docs/gen/page_*.py)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

__all__ = ["cell", "code", "dotted", "from_rst", "table"]

# Sphinx cross-reference roles as written in the library's docstrings:
# :class:`~govinfo_report.model.Applications2019`, :data:`CORRESPONDENCES`.
_ROLE = re.compile(r":(?:py:)?(?:class|func|data|mod|meth|attr|exc|obj):`(~?)([^`]+)`")
_DOUBLE_BACKTICKS = re.compile(r"``(.+?)``")


def from_rst(text: str) -> str:
    """A docstring's reST inline markup as Markdown: roles and ````code```` become code spans.

    ``:class:`~a.b.C``` shows ``C`` (the tilde asks for the last component), as Sphinx does.
    """

    def role(match: re.Match[str]) -> str:
        target = match.group(2)
        return f"`{target.rsplit('.', 1)[-1] if match.group(1) else target}`"

    return _DOUBLE_BACKTICKS.sub(r"`\1`", _ROLE.sub(role, text))


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell (no pipe, no line break)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def code(text: object) -> str:
    """An inline code span holding ``text``, whatever backticks it contains."""
    value = str(text)
    fence = "`"
    while fence in value:
        fence += "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def dotted(path: str) -> str:
    """A dotted Python path as inline code that may wrap after each dot (raw HTML)."""
    escaped = html.escape(path, quote=False)
    return "<code>" + ".<wbr>".join(escaped.split(".")) + "</code>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; every cell goes through :func:`cell`."""
    lines = [
        "| " + " | ".join(cell(header) for header in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"
