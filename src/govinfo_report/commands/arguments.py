"""The argument parser of ``govinfo-report``, in Chinese, and the argument types the commands share.

argparse writes its own messages and help in English (``usage:``,
``show this help message and exit``, ``the following arguments are required``).  :class:`ArgumentParser`
translates them the way gettext would: argparse looks every message up through the
module-level functions ``argparse._`` and ``argparse.ngettext``, and while one of this
parser's methods runs they look the message up in :data:`MESSAGES` (a message not in
the catalogue stays English).  ``int`` and ``float`` arguments that are not numbers are
reported as ``无效的整数：'abc'``.  The catalogue holds the messages of Python 3.10 to 3.13;
a test checks that the running Python's argparse has no user-facing message outside it.

:class:`HelpFormatter` wraps help text by display width (a CJK character is two
columns wide) and never inside a run of Latin letters, digits or option names
(``Word``, ``--format``, ``table,row,column,value``); Chinese text breaks between
characters, but never before closing punctuation (``，。、）」：；``) nor after an
opening bracket.  Lines of an epilog that start with spaces (the examples) are kept
as written.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from ..editions import EDITIONS
from ..errors import GovInfoError
from ..narrative import display_width
from ..normalize import first_invalid_character

__all__ = [
    "MESSAGES",
    "ArgumentParser",
    "HelpFormatter",
    "UsageError",
    "add_edition_argument",
    "positive",
    "text",
    "translate",
    "wrap",
]


class UsageError(GovInfoError):
    """A command line that contradicts itself (``--format text -o out.xlsx``); printed without a file name."""


#: argparse's messages (its msgids, as in Python 3.10–3.13) and their Chinese.
MESSAGES: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "subcommands": "子命令",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少参数 %s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid %(type)s value: %(value)r": "无效的%(type)s值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的选择：%(value)r，是否指%(closest)r？（可选：%(choices)s）"
    ),
    "expected one argument": "应有一个值",
    "expected at most one argument": "最多应有一个值",
    "expected at least one argument": "应至少有一个值",
    "expected %s argument": "应有%s个值",
    "expected %s arguments": "应有%s个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项%(option)s有歧义，可能是%(matches)s",
    "not allowed with argument %s": "不能与参数%s同时使用",
    "ignored explicit argument %r": "多余的值%r",
    "one of the arguments %s is required": "参数%s中必须给出一个",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的子命令%(parser_name)r（可选：%(choices)s）"
    ),
    'argument "-" with mode %r': "参数“-”不能用模式%r打开",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unexpected option string: %s": "无法识别的选项：%s",
    "%(heading)s:": "%(heading)s：",
}

#: How the messages name the built-in types (``无效的整数：'abc'``).
_TYPE_NAMES: dict[Callable[[str], Any], str] = {int: "整数", float: "数"}


def translate(message: str) -> str:
    """The Chinese of one of argparse's messages, or the message itself when it has none.

    >>> translate("show this help message and exit")
    '显示帮助并退出'
    >>> translate("the following arguments are required: %s") % "--agency"
    '缺少参数 --agency'
    """
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


_lock = threading.RLock()


@contextlib.contextmanager
def _chinese() -> Iterator[None]:
    """argparse's message look-ups answer in Chinese while the block runs (re-entrant)."""
    with _lock:
        saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        argparse._ = translate  # type: ignore[attr-defined]
        argparse.ngettext = _ngettext  # type: ignore[attr-defined]
        try:
            yield
        finally:
            argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# Wrapping by display width


# A run that is never broken: Latin letters, digits and the punctuation inside option
# names, file names, numbers and CSV headers; or one other character.
_TOKEN = re.compile(r"\s+|[!-~]+|.", re.DOTALL)
#: Characters a line never starts with (closing punctuation), and never ends with.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’…·,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『【〔“‘([{")


def _units(text: str) -> list[str]:
    """``text`` cut where a line may break: runs kept together with their punctuation."""
    units: list[str] = []
    for token in _TOKEN.findall(text):
        joined = units and not units[-1].isspace() and not token.isspace()
        if joined and (token[0] in _NO_LINE_START or units[-1][-1] in _NO_LINE_END):
            units[-1] += token
            continue
        units.append(token)
    return units


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` columns, broken only where Chinese text may break.

    A run that is wider than ``width`` on its own (a long path) gets a line to itself.

    >>> wrap("需要docx扩展（python-docx）才能写Word文件", 14)
    ['需要docx扩展', '（python-docx）', '才能写Word文件']
    >>> wrap("text：规范文本；markdown：Markdown", 16)
    ['text：规范文本；', 'markdown：', 'Markdown']
    """
    lines: list[str] = []
    line = ""
    for unit in _units(" ".join(text.split())):
        if unit.isspace():
            if line:
                line += " "
            continue
        if line and display_width(line + unit) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


#: A section heading as argparse ends it (``选项:``), before Python 3.13 made it translatable.
_HEADING = re.compile(r"^([^\s:：][^\n:：]*):$", re.MULTILINE)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, wrapped by :func:`wrap`; indented epilog lines kept as written."""

    def format_help(self) -> str:
        return _HEADING.sub(
            lambda match: translate("%(heading)s:") % {"heading": match.group(1)}, super().format_help()
        )

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            if paragraph.startswith(" ") or not paragraph.strip():
                lines.append(paragraph.rstrip())
            else:
                lines.extend(indent + line for line in wrap(paragraph, width))
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# The parser


class ArgumentParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that speaks Chinese (see the module's docstring).

    >>> parser = ArgumentParser(prog="demo")
    >>> _ = parser.add_argument("--year", type=int, required=True)
    >>> print(parser.format_usage().strip())
    用法：demo [-h] --year YEAR
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        with _chinese():
            super().__init__(*args, **kwargs)
        for kind, name in _TYPE_NAMES.items():
            self.register("type", kind, _typed(kind, name))

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with _chinese():  # the help of a version action is looked up here
            if kwargs.get("action") == "version":
                kwargs.setdefault("help", translate("show program's version number and exit"))
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _chinese():
            return super().add_subparsers(**kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _chinese():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _chinese():  # "unrecognized arguments" is looked up here
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with _chinese():
            return super().format_usage()

    def format_help(self) -> str:
        with _chinese():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _chinese():
            super().error(message)


def _typed(kind: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    def convert(value: str) -> Any:
        try:
            return kind(value)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"无效的{name}：{value!r}") from None

    convert.__name__ = kind.__name__
    return convert


# ---------------------------------------------------------------------------
# Argument types and arguments shared by the commands


def positive(value: str) -> int:
    """An argparse type: a positive integer.

    >>> positive("4")
    4
    """
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"应为正整数，实际为“{value}”")
    return number


def text(value: str) -> str:
    """An argparse type: text, refused when the argument held bytes that are not UTF-8."""
    if first_invalid_character(value) is not None:
        raise argparse.ArgumentTypeError("含有无法解码的字节（参数应为UTF-8文字）")
    return value


def add_edition_argument(parser: argparse.ArgumentParser, default_help: str) -> None:
    """``--edition 2019|2021``; the default (``None``) is described by ``default_help``."""
    parser.add_argument(
        "--edition",
        choices=tuple(EDITIONS),
        default=None,
        help=f"格式版本：2021（国办公开办函〔2021〕30号）或2019（试行格式）；{default_help}",
    )
