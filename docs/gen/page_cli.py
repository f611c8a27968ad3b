"""The command-line reference, generated from the argparse definitions.

Walks ``govinfo_report.cli._build_parser()`` and its sub-parsers: each command's usage
(as ``--help`` prints it), its description, every argument with its values, default and
help, and the command module's docstring.  Nothing here is written by hand.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from mdtext import code, from_rst, table

from govinfo_report import cli, commands

__all__ = ["command_parsers", "render", "unwired_commands"]

PATH = "reference/cli.md"
#: The width usage lines are wrapped at, so the page does not depend on the terminal.
WIDTH = 88


def command_parsers(parser: argparse.ArgumentParser | None = None) -> dict[str, argparse.ArgumentParser]:
    """The sub-command parsers of ``govinfo-report``, by name, in the order ``--help`` lists them."""
    parser = parser or cli._build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def unwired_commands() -> list[ModuleType]:
    """Modules of ``govinfo_report.commands`` that define a command the parser does not offer."""
    offered = set(command_parsers())
    modules = []
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        name = getattr(module, "NAME", None)
        if isinstance(name, str) and name not in offered:
            modules.append(module)
    return modules


def _formatter(parser: argparse.ArgumentParser) -> argparse.HelpFormatter:
    """The parser's help formatter at :data:`WIDTH` (every argparse formatter takes ``width``)."""
    make: Any = parser.formatter_class
    formatter: argparse.HelpFormatter = make(prog=parser.prog, width=WIDTH)
    return formatter


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = _formatter(parser)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    return formatter.format_help().strip()


def _argument(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(action.option_strings)
        if action.nargs == 0:
            return code(names)
        metavar = action.metavar or (
            action.dest.upper() if not action.choices else "{" + ",".join(action.choices) + "}"
        )
        return code(f"{names} {metavar}")
    return code(action.metavar or action.dest)


def _values(action: argparse.Action) -> str:
    if action.choices:
        return " · ".join(code(choice) for choice in action.choices)
    if action.nargs == 0:
        return "flag"
    if action.nargs in ("+", "*"):
        return "one or more" if action.nargs == "+" else "any number"
    if action.type is int:
        return "integer"
    return ""


def _default(action: argparse.Action) -> str:
    if action.default is None or action.default is argparse.SUPPRESS or action.nargs == 0:
        return ""
    return code(action.default)


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help:
        return ""
    return _formatter(parser)._expand_help(action)


def _arguments(parser: argparse.ArgumentParser) -> str:
    rows = [
        (_argument(action), _values(action), _default(action), _help(parser, action))
        for action in parser._actions
        if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction))
    ]
    if not rows:
        return "No arguments besides `-h`/`--help`.\n"
    return table(("argument", "values", "default", "help"), rows)


def _examples(parser: argparse.ArgumentParser) -> str:
    """The command lines of the parser's epilog (``示例：`` and indented lines)."""
    lines = (parser.epilog or "").splitlines()
    return "\n".join(line.strip() for line in lines if line.startswith(" "))


def _module_doc(name: str) -> str:
    for module in cli.COMMANDS:
        if name == module.NAME and module.__doc__:
            return from_rst(module.__doc__.strip())
    return ""


def _command(name: str, parser: argparse.ArgumentParser) -> Iterator[str]:
    yield f"## {name}\n"
    if parser.description:
        yield f"{parser.description}\n"
    yield f"```text\n{_usage(parser)}\n```\n"
    yield _arguments(parser)
    examples = _examples(parser)
    if examples:
        yield f"Examples (the end of `govinfo-report {name} --help`):\n"
        yield f"```sh\n{examples}\n```\n"
    doc = _module_doc(name)
    if doc:
        module = next(m for m in cli.COMMANDS if name == m.NAME)
        yield f'??? note "How it works (from the docstring of `{module.__name__}`)"\n'
        yield "\n".join(f"    {line}" if line else "" for line in doc.splitlines()) + "\n"


def _arguments_doc() -> str:
    """The decisions of the Chinese parser and the help wrapping (its module's docstring)."""
    from govinfo_report.commands import arguments

    return (arguments.__doc__ or "").split("\n\n", 1)[1].strip()


def render() -> str:
    """The whole page, as Markdown."""
    parser = cli._build_parser()
    subs = command_parsers(parser)
    helps = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
    parts = [
        "# Command line\n",
        (
            '!!! info "Generated from the argparse definitions"\n'
            "    This page is generated at build time (`docs/gen/page_cli.py`) from "
            "`govinfo_report.cli._build_parser()` and its sub-parsers: what `govinfo-report COMMAND "
            "--help` prints, as tables. Every command also takes `-h`/`--help`.\n"
        ),
        f"{parser.description}\n",
        f"```text\n{_usage(parser)}\n```\n",
        _arguments(parser),
        table(
            ("command", "what it does"), ((f"[{code(name)}](#{name})", helps.get(name, "")) for name in subs)
        ),
        (
            f"Exit status: `{cli.EXIT_OK}` — done, nothing wrong; `{cli.EXIT_FINDINGS}` — a report has "
            f"an error finding (`validate`); `{cli.EXIT_ERROR}` — a file could not be read or the input "
            "is wrong (the message is printed on standard error, without a traceback). Each command's "
            "notes below say which apply.\n"
        ),
    ]
    behaviour = from_rst(cli.__doc__.split("\n\n", 1)[1].strip() if cli.__doc__ else "")
    behaviour += "\n\n" + from_rst(_arguments_doc())
    parts.append(
        '??? note "How the command line behaves (from the docstrings of `govinfo_report.cli` and '
        '`govinfo_report.commands.arguments`)"\n'
        + "\n".join(f"    {line}" if line else "" for line in behaviour.splitlines())
        + "\n"
    )
    for module in unwired_commands():
        parts.append(
            f'!!! warning "`{module.NAME}` is not reachable from `govinfo-report` yet"\n'
            f"    `{module.__name__}` defines the command `{module.NAME}` ({module.HELP}), but "
            "`govinfo_report.cli.COMMANDS` does not list it, so the command line does not offer it.\n"
        )
    for name, sub in subs.items():
        parts.extend(_command(name, sub))
    return "\n".join(parts)
