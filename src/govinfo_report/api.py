"""The public functions, in one place; ``govinfo_report`` re-exports them."""

from __future__ import annotations

import os

from .model import Report
from .parse import parse
from .reading import read_text
from .render import render
from .render.text import text_layout_problems
from .schema import json_schema
from .serialize import from_dict, from_json, to_dict, to_json

__all__ = [
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "parse_file",
    "render",
    "text_layout_problems",
    "to_dict",
    "to_json",
]


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    edition: str | None = None,
) -> Report:
    """Read a report file (encoding detected unless given) and parse it.

    Raises:
        DecodeError: the file cannot be read or decoded.
        ParseError: the text is not a report of a known layout.
    """
    return parse(read_text(path, encoding), edition=edition)
