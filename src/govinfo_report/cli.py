"""The ``govinfo-report`` command: the only place that prints.

Each sub-command lives in :mod:`govinfo_report.commands`; ``govinfo_report.cli`` builds
the argument parser, opens the output, and turns the library's exceptions
into a message on standard error and exit status 2.  Nothing ends in a
traceback: Ctrl-C prints ``已中断`` and exits 130, and an exception the library
does not expect (a bug) prints one line saying so, with a hint to report it,
and exits 2.  An output file that is also one of the inputs is refused before
it is opened (opening it would empty the input).

The parser speaks Chinese (:mod:`govinfo_report.commands.arguments`): argparse's
own messages and help are translated, help text wraps by display width without
breaking a Latin word, and every command's help ends with examples (its module's
``EXAMPLES``).  Every command takes ``-q``/``--quiet`` (no progress line, summary
or diagnostics summary; errors are still printed).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import TextIO

from . import __version__
from .commands import check as check_command
from .commands import fill as fill_command
from .commands import parse as parse_command
from .commands import render as render_command
from .commands import schema as schema_command
from .commands import skeleton as skeleton_command
from .commands import validate as validate_command
from .commands.arguments import ArgumentParser, UsageError
from .commands.inputs import shown
from .errors import GovInfoError
from .normalize import printable

__all__ = [
    "COMMANDS",
    "EXAMPLES",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "command_parser",
    "main",
    "run",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
#: Stopped by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130

_REPORT_HINT = "这是govinfo-report的缺陷，请把命令、输入文件和这条消息报告给开发者"

#: The sub-commands, in the order ``--help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    parse_command,
    validate_command,
    skeleton_command,
    fill_command,
    render_command,
    check_command,
    schema_command,
)

_NAMES = frozenset(module.NAME for module in COMMANDS)

#: What ``govinfo-report --help`` ends with.
EXAMPLES = (
    "govinfo-report parse report.txt --format cells",
    "govinfo-report validate reports/ --lenient",
    "govinfo-report skeleton --agency 某某市某某局 --year 2025 -o cells.csv",
)


def _epilog(examples: Sequence[str]) -> str:
    return "示例：\n" + "\n".join(f"  {example}" for example in examples)


def _build_parser(named: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser.  ``named``: the command the line names (its first word),
    whose arguments are then the only ones added — the others' serve their own help only
    (59 arguments, ~1 ms of a one-file run)."""
    parser = ArgumentParser(
        prog="govinfo-report",
        description="政府信息公开工作年度报告：解析、校验、生成。",
        epilog=_epilog(EXAMPLES),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="子命令")
    for module in COMMANDS:
        sub = commands.add_parser(
            module.NAME, help=module.HELP, description=module.HELP, epilog=_epilog(module.EXAMPLES)
        )
        if named in (None, module.NAME):
            _add_arguments(sub, module)
    return parser


def _add_arguments(parser: argparse.ArgumentParser, module: ModuleType) -> None:
    module.add_arguments(parser)
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="安静：不显示进度、汇总和诊断摘要（错误照常显示）"
    )
    parser.set_defaults(run=module.run)


def command_parser(module: ModuleType) -> argparse.ArgumentParser:
    """The parser of one command on its own (``govinfo-report NAME``), as ``main`` builds it."""
    parser = ArgumentParser(
        prog=f"govinfo-report {module.NAME}", description=module.HELP, epilog=_epilog(module.EXAMPLES)
    )
    _add_arguments(parser, module)
    return parser


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path:
        with open(path, "w", encoding="utf-8", newline="") as out:
            yield out
    else:
        yield sys.stdout


def run() -> int:
    """The ``govinfo-report`` program (and ``python -m govinfo_report``): :func:`main`, after
    which the process ends.

    As it ends, Python collects garbage several times over every object still alive —
    the ~35,000 containers that the imports, the grammar and its scanners made — to free
    memory the system takes back anyway: ~25 ms of a 150 ms run on one file
    (docs/performance.md).  Frozen (``gc.freeze``), they are passed over.  The output is written and closed by
    then; :func:`main` itself, called in a process that goes on, leaves the collector alone.
    """
    status = main()
    gc.freeze()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    command = words[0] if words and words[0] in _NAMES else None
    args = _build_parser(command).parse_args(words)
    try:
        _refuse_overwriting_inputs(args)
        with _output(getattr(args, "output", None)) as out:
            status: int = args.run(args, out)
            return status
    except GovInfoError as exc:
        paths = getattr(args, "paths", None) or getattr(args, "files", None) or [getattr(args, "file", None)]
        named = len(paths) == 1 and paths[0] is not None and not isinstance(exc, UsageError)
        where = shown(str(paths[0])) if named else None
        message = printable(str(exc))
        print(f"{where}: {message}" if where else message, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        print(f"govinfo-report: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last resort: a bug must not end in a traceback either
        detail = printable(f"{type(exc).__name__}: {exc}".split("\n")[0])[:300]
        print(f"govinfo-report：内部错误（{detail}）。{_REPORT_HINT}", file=sys.stderr)
        return EXIT_ERROR


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    """An output file (``-o``) that is one of the files named as inputs is an error."""
    outputs = [getattr(args, name, None) for name in ("output", "output_path", "diagnostics")]
    named = [*(getattr(args, "paths", None) or ()), *(getattr(args, "files", None) or ())]
    if getattr(args, "file", None):
        named.append(args.file)
    for output in filter(None, outputs):
        _refuse_overwriting(output, [path for path in named if path != "-"])


def _refuse_overwriting(output: str, named: list[str]) -> None:
    for path in named:
        with contextlib.suppress(OSError, ValueError):
            same = (
                os.path.samefile(path, output)
                if os.path.exists(output)
                else os.path.realpath(path) == os.path.realpath(output)
            )
            if same:
                raise GovInfoError(
                    f"输出文件“{printable(output)}”也是输入，未运行（写入输出会覆盖输入）；请换一个输出文件"
                )


def _quiet_stdout() -> None:
    """After a closed pipe (``| head``), send what is still buffered nowhere (no error at exit)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
