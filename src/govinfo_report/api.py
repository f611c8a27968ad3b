"""The reading functions: ``parse``, ``parse_file``, the readers of each form.

``govinfo_report`` re-exports these at import; the dict/JSON forms and the functions that check and
write reports (``validate``, ``render``, ``skeleton``, ``from_cells``,
``json_schema``) are loaded on first use (see ``govinfo_report/__init__.py``),
so that a script that only parses starts quickly.

>>> import importlib.metadata
>>> import govinfo_report as gr
>>> sorted(gr.EDITIONS)                          # the layout editions, by name
['2019', '2021']
>>> gr.__version__ == importlib.metadata.version("govinfo-report")
True
"""

from __future__ import annotations

import json
import os

from .errors import SerializationError
from .model import Report
from .parse import parse, parse_document
from .readers import load, read_document, reader_for
from .reading import MAX_SIZE, decode

__all__ = [
    "parse",
    "parse_document",
    "parse_docx",
    "parse_file",
    "parse_html",
    "read_document",
]


def parse_file(
    path: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Read a report file of any form the library reads and parse it.

    ``path`` is the file's path, or its bytes (what a program read from standard input).

    The form is decided from the file's content, not its name: text (any
    encoding), a web page (``.html``, needs the ``html`` extra), a Word file
    (``.docx``, needs the ``docx`` extra), or the library's own JSON
    (:func:`to_json` output).  ``lenient`` is as for :func:`~govinfo_report.parse`;
    ``max_size`` is in bytes of the file.

    Raises:
        DecodeError: the file cannot be read or decoded;
            ``UnsupportedFormatError`` for a form the library does not read (a
            legacy ``.doc``, a spreadsheet, an image …), naming the form and what to do.
        ParseError: the file is not a report of a known layout; ``error.location``
            says where in the file (``InputTooLargeError`` for a file over ``max_size`` bytes).
        MissingDependencyError: the optional extra of the file's form is not installed.
        SerializationError: a JSON file that is not a report's JSON form.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.agency, report.applications.new_received.natural_person
        ('中卫市人民政府办公室', 29)
        >>> from pathlib import Path
        >>> data = Path("examples/zhongwei-government-office-2024.txt").read_bytes()
        >>> gr.parse_file(data) == report
        True
    """
    data, name, sniffed = load(path, max_size=max_size)
    if sniffed.form == "json" or (sniffed.form == "text" and _json_text(data, name)):
        return _from_json_file(decode(data, encoding))
    document = reader_for(sniffed).read(data, path=name, encoding=encoding, detail=sniffed.detail)
    return parse_document(document, edition=edition, lenient=lenient, max_size=max_size)


def _json_text(data: bytes, name: str | None) -> bool:
    """Text read as JSON: an object (no report starts with ``{``), or anything in a ``.json`` file."""
    start = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") or (name or "").lower().endswith(".json")


def _from_json_file(text: str) -> Report:
    """:func:`~govinfo_report.from_json`, saying so when the JSON is not a report's JSON form at all."""
    from .serialize import from_json  # cattrs on first use: reading text does not need it

    try:
        return from_json(text)
    except SerializationError:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None
        if not isinstance(value, dict) or "schema_version" not in value:
            raise SerializationError(
                "这是JSON，但不是报告的JSON形式（没有schema_version）；"
                "应为 gr.to_json 或 govinfo-report parse 的输出"
            ) from None
        raise


def parse_html(
    html: str | bytes,
    *,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Parse a report published as a web page (the page's text, or its bytes in any encoding).

    Needs the ``html`` extra (lxml).  See :func:`parse_file` for the rest.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.parse_html(gr.render(report, "html")) == report
        True
    """
    if isinstance(html, str):  # already decoded: whatever the page's <meta> says
        document = read_document(html.encode("utf-8"), form="html", encoding="utf-8", max_size=max_size)
    else:
        document = read_document(html, form="html", max_size=max_size)
    return parse_document(document, edition=edition, lenient=lenient, max_size=max_size)


def parse_docx(
    docx: bytes | str | os.PathLike[str],
    *,
    edition: str | None = None,
    lenient: bool = False,
    max_size: int = MAX_SIZE,
) -> Report:
    """Parse a report published as a Word file (its bytes, or a path to it).

    Needs the ``docx`` extra (python-docx).  See :func:`parse_file` for the rest.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.parse_docx(gr.render(report, "docx")) == report
        True
    """
    document = read_document(docx, form="docx", max_size=max_size)
    return parse_document(document, edition=edition, lenient=lenient, max_size=max_size)
