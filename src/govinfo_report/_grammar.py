"""Loading the packaged Lark grammar, once.

The grammar file lives at the top of the repository (``grammar/``) and is
copied into the wheel as ``govinfo_report/grammar/``.  Its quoted strings are
labels of the printed template; :func:`label_pattern` turns each into a
regular expression that tolerates the white space the PDF text layer puts
inside labels, so the file itself stays readable.  A heading's words, written
``{~…~}`` in its regular expression, are spaced the same way within their line
(:func:`spaced_words`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token

from .values import CELL_END, CELL_PATTERN

__all__ = ["GRAMMAR_NAME", "grammar_text", "heading_pattern", "label_pattern", "labels", "parser"]

GRAMMAR_NAME = "govinfo_report.lark"

_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_SPACED = re.compile(r"\{~([^{}~]+)~\}")
_TERMINAL = re.compile(r"^(_?[A-Z][A-Z0-9_]*)(?:\.\d+)?:(.*)$")
_EQUIVALENT = {
    "，": "[，,]",
    "：": "[：:]",
    "“": '[“"]',
    "”": '[”"]',
    "、": "[、,，]",
}


def _read_source() -> str:
    packaged = resources.files("govinfo_report") / "grammar" / GRAMMAR_NAME
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # Editable install or source checkout: the grammar at the repository top.
    source = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
    return source.read_text(encoding="utf-8")


def label_pattern(label: str) -> str:
    """A Lark regex literal matching ``label`` with any white space inside it."""
    parts = []
    for char in label:
        if char in _EQUIVALENT:
            parts.append(_EQUIVALENT[char])
        else:
            parts.append(re.escape(char).replace("/", "\\/"))
    return "/" + r"\s*".join(parts) + "/"


# What the loader puts into the grammar's regular expressions (see values.py).
_VOCABULARY = {"{CELL}": CELL_PATTERN.replace("/", "\\/"), "{CELL_END}": CELL_END}


def spaced_words(words: str, space: str = "[ \\t]*") -> str:
    """A regex (inside a terminal's ``/…/``, or Python's) matching ``words`` with ``space`` (spaces
    or tabs, not line breaks) between their characters; ``X?`` in ``words``: the character X may
    be left out."""
    pattern = ""
    for at, char in enumerate(words):
        if char == "?":
            continue
        optional = words[at + 1 : at + 2] == "?"
        escaped = re.escape(char).replace("/", "\\/")
        piece = escaped if not pattern else f"{space}{escaped}"
        pattern += f"(?:{piece})?" if optional else piece
    return pattern


@cache
def grammar_text() -> str:
    """The grammar with every quoted label turned into a tolerant regex, the heading words spaced,
    the cell vocabulary put in."""
    text = _LITERAL.sub(lambda m: label_pattern(m.group(1)), _read_source())
    text = _SPACED.sub(lambda m: spaced_words(m.group(1)), text)
    for name, pattern in _VOCABULARY.items():
        text = text.replace(name, pattern)
    return text


@cache
def labels() -> dict[str, tuple[str, ...]]:
    """The labels (quoted strings) of each terminal, as written in the grammar."""
    found: dict[str, tuple[str, ...]] = {}
    name = None
    for raw in _read_source().splitlines():
        line = raw.strip()
        match = _TERMINAL.match(line)
        if match:
            name, rest = match.group(1), match.group(2)
        elif line.startswith("|") and name is not None:
            rest = line
        else:
            name = None
            continue
        found[name] = found.get(name, ()) + tuple(_LITERAL.findall(rest))
    return {key: value for key, value in found.items() if value}


@cache
def parser() -> Lark:
    """The report parser: LALR, contextual lexer, one start rule per edition (``Edition.start``).

    A line the lexer reads as narrative (``TEXT_LINE``) where no heading is expected
    but which is a section heading is given to the parser as that heading
    (:func:`_headings_stand_out`), so that a missing or repeated section is seen
    where it is, not swallowed into the text before it.  Each terminal's pattern is
    compiled once, not once in every state that accepts it (:mod:`._lexer`).
    """
    from ._lexer import install

    built = lark_parser()
    install(built)
    return built


def lark_parser() -> Lark:
    """The report parser exactly as Lark builds it, with its own scanner in every state
    (a new one on each call; :func:`parser` is this with the scanners compiled once)."""
    from .editions import EDITIONS

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        start=[edition.start for edition in EDITIONS.values()],
        lexer_callbacks={"TEXT_LINE": _headings_stand_out},
        propagate_positions=False,
        maybe_placeholders=False,
        # Lark keeps the analysed parser in a file in the temporary directory,
        # keyed by the grammar's hash, so later processes start ~5x faster.
        cache=True,
    )


@cache
def token_only_rules() -> frozenset[str]:
    """The rules whose trees hold tokens only (a row, a narrative section, table 4): no
    expansion of theirs, nor of the inlined rules (``_name``) they take in, has a rule
    that makes a tree of its own.  The Transformer hands such a tree's own list of tokens
    to the rule's method (tests/test_transform.py)."""
    by_origin: dict[str, list[Any]] = {}
    origins_of: dict[str, set[str]] = {}  # a tree's name (a rule, or its alias) → the rules making it
    for rule in parser().rules:
        assert not rule.options.expand1  # (no ``?rule``: a tree is never replaced by its child)
        by_origin.setdefault(rule.origin.name, []).append(rule)
        if not rule.origin.name.startswith("_"):
            origins_of.setdefault(rule.alias or rule.origin.name, set()).add(rule.origin.name)

    def holds_trees(name: str, seen: frozenset[str]) -> bool:
        for rule in by_origin[name]:
            for symbol in rule.expansion:
                if symbol.is_term:
                    continue
                if not symbol.name.startswith("_"):
                    return True  # (a rule of its own, itself included: a tree)
                if symbol.name not in seen and holds_trees(symbol.name, seen | {symbol.name}):
                    return True
        return False

    return frozenset(
        name
        for name, origins in origins_of.items()
        if not any(holds_trees(origin, frozenset([origin])) for origin in origins)
    )


@cache
def heading_pattern() -> re.Pattern[str]:
    """One pattern matching a whole heading line; the group that matched (``H1`` … ``H6``) names it."""
    terminals = {f"H{n}": parser().get_terminal(f"H{n}").pattern.to_regexp() for n in range(1, 7)}
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in terminals.items()))


@cache
def _heading_starts() -> frozenset[str] | None:
    """Every character a heading line can begin with (``None``: any; a plain set, as it is
    looked up for every line of narrative)."""
    from ._lexer import first_characters

    first = first_characters(heading_pattern().pattern)
    return None if first is None or first.digits else first.characters


def _headings_stand_out(token: Token) -> Token:
    starts = _heading_starts()
    if starts is not None and token.value[:1] not in starts:
        return token  # (the common case: a line of narrative no heading begins like)
    match = heading_pattern().fullmatch(token.value.rstrip())
    if match is None or match.lastgroup is None:
        return token
    return Token.new_borrow_pos(match.lastgroup, token.value, token)
