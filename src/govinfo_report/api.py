"""The reading functions: ``parse``, ``parse_file`` and the dict/JSON forms.

``govinfo_report`` re-exports these at import; the functions that check and
write reports (``validate``, ``render``, ``skeleton``, ``from_cells``,
``json_schema``) are loaded on first use (see ``govinfo_report/__init__.py``),
so that a script that only parses starts quickly.
"""

from __future__ import annotations

import os

from .model import Report
from .parse import MAX_SIZE, parse
from .reading import read_text
from .serialize import from_dict, from_json, to_dict, to_json

__all__ = ["from_dict", "from_json", "parse", "parse_file", "to_dict", "to_json"]


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
