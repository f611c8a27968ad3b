"""The format of what a command writes: ``--format``, and the suffix of ``-o``.

The format is ``--format`` when given; an ``-o`` file whose suffix means another format
(``-o out.xlsx`` with ``--format text``) is an error, so a file never holds something
other than its name says.  ``.txt`` is plain text of any kind: it goes with every
format that is text (JSON, JSON Lines, CSV, Markdown, HTML), and contradicts only the
binary ones (Word, Excel, Parquet).  Without ``--format``, a suffix the command can
write chooses the format; a suffix of a format the command cannot write is an error;
any other suffix (or none, or ``.txt`` for a command that writes no ``text``) leaves
the command's default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..normalize import printable
from .arguments import UsageError

__all__ = ["BINARY", "SUFFIXES", "chosen_format"]

#: What each suffix means, as the format names of the commands.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "cells",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
    ".pdf": "pdf",
    ".doc": "doc",
}

#: Formats that are not text: a ``.txt`` file cannot hold them.
BINARY: frozenset[str] = frozenset({"docx", "xlsx", "parquet", "pdf", "doc"})


def chosen_format(
    requested: str | None,
    path: str | None,
    default: str,
    formats: Sequence[str],
    same: Mapping[str, str] | None = None,
) -> str:
    """The format to write.

    Args:
        requested: ``--format``, or ``None``.
        path: ``-o``, or ``None``.
        default: the format without either.
        formats: the formats the command writes.
        same: a command's format names that mean a suffix's format (``check``'s
            ``table`` is ``text``).

    >>> chosen_format(None, "report.docx", "text", ("text", "docx"))
    'docx'
    >>> try:
    ...     chosen_format("text", "out.xlsx", "text", ("text", "docx"))
    ... except UsageError as error:
    ...     print(error)
    输出文件“out.xlsx”的扩展名.xlsx表示xlsx格式，与 --format text 不符；请让二者一致
    """
    aliases = dict(same or {})
    suffix = Path(path).suffix.lower() if path else ""
    meant = SUFFIXES.get(suffix)
    if requested is not None:
        wanted = aliases.get(requested, requested)
        if meant == "text" and wanted not in BINARY:
            return requested
        if meant is not None and wanted != meant:
            raise UsageError(
                f"输出文件“{printable(path or '')}”的扩展名{suffix}表示{meant}格式，"
                f"与 --format {requested} 不符；请让二者一致"
            )
        return requested
    if meant is None:
        return default
    for name in formats:
        if aliases.get(name, name) == meant:
            return name
    if meant == "text":
        return default
    raise UsageError(
        f"输出文件“{printable(path or '')}”的扩展名{suffix}表示{meant}格式，本命令不能写这种格式；"
        f"可用 --format {'、'.join(formats)}"
    )
