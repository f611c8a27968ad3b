"""The ``govinfo-report`` command: the only place that prints.

Each sub-command lives in :mod:`govinfo_report.commands`; this module builds
the argument parser, opens the output, and turns the library's exceptions
into a message on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TextIO

from . import __version__
from .commands import fill as fill_command
from .commands import parse as parse_command
from .commands import render as render_command
from .commands import schema as schema_command
from .commands import skeleton as skeleton_command
from .commands import validate as validate_command
from .errors import GovInfoError

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

#: The sub-commands, in the order ``--help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    parse_command,
    validate_command,
    skeleton_command,
    fill_command,
    render_command,
    schema_command,
)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="政府信息公开工作年度报告：解析、校验、生成。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path:
        with open(path, "w", encoding="utf-8", newline="") as out:
            yield out
    else:
        yield sys.stdout


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        with _output(getattr(args, "output", None)) as out:
            status: int = args.run(args, out)
            return status
    except GovInfoError as exc:
        paths = getattr(args, "paths", None) or [getattr(args, "file", None)]
        where = paths[0] if len(paths) == 1 else None
        print(f"{where}: {exc}" if where else str(exc), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(f"govinfo-report: {exc}", file=sys.stderr)
        return EXIT_ERROR
