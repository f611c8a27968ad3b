"""A griffe extension (mkdocs.yml, mkdocstrings' ``extensions``): doctests as code blocks.

The library's docstrings put doctest examples (``>>> get_edition("2012")``) in their
text; Markdown would read ``>>>`` as three nested block quotes.  Each run of ``>>>``
lines and their output, up to a blank line, is fenced as ``pycon`` instead.  Examples
inside a Google-style ``Examples:`` section are left alone: griffe reads those itself.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SECTION = re.compile(r"^(\s*)Examples:\s*$")


def fence_doctests(text: str) -> str:
    """``text`` with every doctest run outside an ``Examples:`` section fenced as ``pycon``."""
    out: list[str] = []
    lines = text.splitlines()
    section: int | None = None  # indentation of an ``Examples:`` header we are under
    index = 0
    while index < len(lines):
        line = lines[index]
        indent = len(line) - len(line.lstrip())
        if line.strip() and section is not None and indent <= section:
            section = None
        header = _SECTION.match(line)
        if header:
            section = len(header.group(1))
        if section is None and line.lstrip().startswith(">>>"):
            pad = line[:indent]
            out.append(f"{pad}```pycon")
            while index < len(lines) and lines[index].strip():
                out.append(lines[index])
                index += 1
            out.append(f"{pad}```")
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fences doctest runs in every docstring once the object tree is built."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
