"""The public functions, in one place; ``govinfo_report`` re-exports them."""

from __future__ import annotations

import os

from .fill import from_cells
from .model import Report
from .parse import MAX_SIZE, parse
from .reading import read_text
from .render import render
from .render.text import text_layout_problems
from .rules import validate
from .schema import json_schema
from .serialize import from_dict, from_json, to_dict, to_json
from .skeleton import skeleton

__all__ = [
    "from_cells",
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "parse_file",
    "render",
    "skeleton",
    "text_layout_problems",
    "to_dict",
    "to_json",
    "validate",
]


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Read a report file (encoding detected unless given) and parse it.

    ``lenient`` and ``max_size`` (here in bytes of the file) are as for
    :func:`~govinfo_report.parse`.

    Raises:
        DecodeError: the file cannot be read or decoded.
        ParseError: the text is not a report of a known layout
            (``InputTooLargeError`` for a file over ``max_size`` bytes).
    """
    text = read_text(path, encoding, max_size=max_size)
    # A file of at most max_size bytes holds at most max_size characters.
    return parse(text, edition=edition, lenient=lenient, max_size=max_size)
