"""The contextual lexer: each terminal's regular expression compiled once, its loop written out.

Lark's contextual lexer gives every parser state a scanner: one regular
expression joining, in priority order, the terminals the state accepts.  The
report grammar has ~80 states a report passes through, and the large terminals
(a run of column headers, a run of cells, the table-3 note) are accepted in dozens of
them, so the first parse in each process compiled the same patterns dozens of times
over (40,000 characters of regular expressions, most of the first parse's time).

:class:`DispatchingLexer` scans exactly as Lark's scanner does — the first terminal,
in the state's order, that matches at the position wins — but looks only at the
terminals that can begin with the character at the position (:func:`first_characters`,
worked out from each terminal's parsed pattern, erring towards "any character"), and
compiles each large terminal once for all states and each run of small ones once per
distinct run.  :class:`LeanContextualLexer` is Lark's lexing loop with the calls between its
steps taken out.  tests/test_lexer.py checks the scanners against Lark's own state by state,
and whole parses (reports, diagnostics, errors) against a parser with Lark's own lexer.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NoReturn

import attrs
from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedToken
from lark.lexer import BasicLexer, ContextualLexer, LexerState, TerminalDef, _create_unless
from lark.utils import TextSlice

__all__ = ["DispatchingLexer", "FirstCharacters", "LeanContextualLexer", "first_characters", "install"]

# The standard library's own parser of regular expressions (what ``re.compile`` runs).
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Terminals with longer patterns are compiled on their own, once, and shared by every state.
_LARGE = 100
# Character ranges up to this size are listed; wider ones count as "any character".
_WIDEST_RANGE = 1024
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


@attrs.frozen
class FirstCharacters:
    """The characters a match can begin with: ``characters``, and every decimal digit when
    ``digits`` (``\\d``: the Unicode digits ``str.isdecimal`` knows, ``３`` and ``٣`` as well
    as ``3``, too many to list).  ``character in first`` says whether a match may begin with it.
    """

    characters: frozenset[str]
    digits: bool = False

    def __contains__(self, character: object) -> bool:
        if character in self.characters:
            return True
        return self.digits and isinstance(character, str) and len(character) == 1 and character.isdecimal()

    def __or__(self, other: FirstCharacters) -> FirstCharacters:
        return FirstCharacters(self.characters | other.characters, self.digits or other.digits)


#: Stands for "any character" among first characters.
ANY: FirstCharacters | None = None
_NONE = FirstCharacters(frozenset())


def first_characters(pattern: str, flags: int = 0) -> FirstCharacters | None:
    """Every character a match of ``pattern`` can begin with; ``None`` when that may be any.

    A superset: zero-width assertions are passed over; ``\\d`` counts as every decimal
    digit; other categories (``\\s``, ``\\w``), negations and wide ranges count as any
    character.
    """
    if flags & re.IGNORECASE:
        return ANY
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:  # pragma: no cover - Lark compiled every terminal already
        return ANY
    if parsed.state.flags & re.IGNORECASE:
        return ANY
    found, _ = _first(list(parsed))
    return found


def _first(items: list[tuple[Any, Any]]) -> tuple[FirstCharacters | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    result = _NONE
    for op, av in items:
        found, empty = _first_of(op, av)
        if found is None:
            return ANY, False
        result |= found
        if not empty:
            return result, False
    return result, True


def _first_of(op: Any, av: Any) -> tuple[FirstCharacters | None, bool]:
    if op is sre.LITERAL:
        return FirstCharacters(frozenset(chr(av))), False
    if op is sre.IN:
        return _charset(av), False
    if op is sre.BRANCH:
        result = _NONE
        empty = False
        for branch in av[1]:
            found, can_be_empty = _first(list(branch))
            if found is None:
                return ANY, False
            result |= found
            empty = empty or can_be_empty
        return result, empty
    if op is sre.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            return ANY, False
        return _first(list(sub))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _first(list(av))
    if op in _REPEATS:
        low, _, sub = av
        found, empty = _first(list(sub))
        return found, empty or low == 0
    if op in _ZERO_WIDTH:
        return _NONE, True
    return ANY, False  # ANY, NOT_LITERAL, group references …


def _charset(items: list[tuple[Any, Any]]) -> FirstCharacters | None:
    result: set[str] = set()
    digits = False
    for op, av in items:
        if op is sre.LITERAL:
            result.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            result.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            digits = True
        else:  # NEGATE, another category, a wide range
            return ANY
    return FirstCharacters(frozenset(result), digits)


@cache
def _compiled(terminals: tuple[tuple[str, str], ...], flags: int) -> re.Pattern[str]:
    """One pattern for a run of terminals (name, regexp), in order: the first that matches wins."""
    return re.compile("|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals), flags)


@cache
def _first_of_terminal(regexp: str, flags: int) -> FirstCharacters | None:
    return first_characters(regexp, flags)


class _Scanner:
    """Lark's ``Scanner`` interface (``match``, ``allowed_types``) for one state's terminals."""

    def __init__(self, terminals: list[TerminalDef], flags: int) -> None:
        self.terminals = terminals
        self.allowed_types = {terminal.name for terminal in terminals}
        self._flags = flags
        self._entries = [
            (
                terminal.name,
                terminal.pattern.to_regexp(),
                _first_of_terminal(terminal.pattern.to_regexp(), flags),
            )
            for terminal in terminals
        ]
        self._by_character: dict[str, tuple[re.Pattern[str], ...]] = {}

    def _patterns(self, character: str) -> tuple[re.Pattern[str], ...]:
        """The patterns to try, in order, at a position holding ``character``."""
        patterns: list[re.Pattern[str]] = []
        run: list[tuple[str, str]] = []
        for name, regexp, first in self._entries:
            if first is not None and character not in first:
                continue
            if len(regexp) > _LARGE:
                if run:
                    patterns.append(_compiled(tuple(run), self._flags))
                    run = []
                patterns.append(_compiled(((name, regexp),), self._flags))
            else:
                run.append((name, regexp))
        if run:
            patterns.append(_compiled(tuple(run), self._flags))
        found = tuple(patterns)
        self._by_character[character] = found
        return found

    def match(self, text: TextSlice[str], pos: int) -> tuple[str, str] | None:
        source = text.text
        patterns = self._by_character.get(source[pos]) if pos < text.end else ()
        if patterns is None:
            patterns = self._patterns(source[pos])
        for pattern in patterns:
            found = pattern.match(source, pos, text.end)
            if found:
                return found.group(0), found.lastgroup  # type: ignore[return-value]
        return None


class DispatchingLexer(BasicLexer):
    """Lark's basic lexer (one per parser state) with a :class:`_Scanner`."""

    def _build_scanner(self) -> Any:
        terminals, self.callback = _create_unless(  # type: ignore[no-untyped-call]
            self.terminals, self.g_regex_flags, self.re, self.use_bytes
        )
        for type_, function in self.user_callbacks.items():
            if type_ in self.callback:  # pragma: no cover - the grammar has no string terminals
                raise AssertionError(f"{type_}: a callback on a terminal with a string literal")
            self.callback[type_] = function
        return _Scanner(terminals, self.g_regex_flags)


class LeanContextualLexer(ContextualLexer):
    """Lark's contextual lexer, its loop written out: the same tokens, the same errors.

    Lark's ``lex`` calls each state's ``next_token``, which calls ``match``, which reads the
    ``scanner`` property, then builds the token through ``Token.__new__`` and counts lines
    through ``LineCounter.feed``: most of a report's lexing time.  Here one loop does the
    same steps in the same order, keeping the line counter up to date at every token (the
    recovery of :mod:`govinfo_report.recovery` reads and moves it).
    """

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        lexers: dict[int, Any] = self.lexers  # each a BasicLexer (DispatchingLexer)
        piece = lexer_state.text
        end = piece.end
        counter = lexer_state.line_ctr
        new = str.__new__
        while True:
            lexer = lexers[parser_state.position]
            scanner = lexer.scanner
            ignored_types, newline_types, callbacks = lexer.ignore_types, lexer.newline_types, lexer.callback
            while True:
                position = counter.char_pos
                if position >= end:
                    return
                found = scanner.match(piece, position)
                if not found:
                    self._unexpected(lexer, lexer_state, parser_state)
                value, kind = found
                ignored = kind in ignored_types
                token = None
                if not ignored or kind in callbacks:
                    token = new(Token, value)
                    token.type, token.start_pos, token.value = kind, position, value
                    token.line, token.column = counter.line, counter.column
                # LineCounter.feed
                if kind in newline_types:
                    newlines = value.count("\n")
                    if newlines:
                        counter.line += newlines
                        counter.line_start_pos = position + value.rindex("\n") + 1
                counter.char_pos = position + len(value)
                counter.column = counter.char_pos - counter.line_start_pos + 1
                if token is not None:
                    token.end_line, token.end_column, token.end_pos = (
                        counter.line,
                        counter.column,
                        counter.char_pos,
                    )
                    if kind in callbacks:
                        token = callbacks[kind](token)
                    if not ignored:
                        lexer_state.last_token = token
                        yield token
                        break

    def _unexpected(self, lexer: BasicLexer, lexer_state: LexerState, parser_state: Any) -> NoReturn:
        """What Lark raises when no terminal of the state matches (``next_token`` and ``lex``)."""
        counter = lexer_state.line_ctr
        allowed = lexer.scanner.allowed_types - lexer.ignore_types
        if not allowed:  # pragma: no cover - every state accepts some terminal
            allowed = {"<END-OF-FILE>"}
        error = UnexpectedCharacters(  # type: ignore[no-untyped-call]
            lexer_state.text.text,
            counter.char_pos,
            counter.line,
            counter.column,
            allowed=allowed,
            token_history=lexer_state.last_token and [lexer_state.last_token],
            state=parser_state,
            terminals_by_name=lexer.terminals_by_name,
        )
        # As ContextualLexer.lex: try the whole grammar's terminals for a clearer error.
        try:
            last_token = lexer_state.last_token
            token = self.root_lexer.next_token(lexer_state, parser_state)
            raise UnexpectedToken(  # type: ignore[no-untyped-call]
                token,
                error.allowed,
                state=parser_state,
                token_history=[last_token],
                terminals_by_name=self.root_lexer.terminals_by_name,
            )
        except UnexpectedCharacters:
            raise error from None


def install(parser: Lark) -> None:
    """Give ``parser``'s contextual lexer the lean loop, and each state (and the root lexer)
    a dispatching scanner."""
    lexer = parser.parser.lexer
    if type(lexer) is ContextualLexer:
        lexer.__class__ = LeanContextualLexer
    basic = [*getattr(lexer, "lexers", {}).values(), getattr(lexer, "root_lexer", lexer)]
    for state in {id(item): item for item in basic}.values():
        if type(state) is BasicLexer and state._scanner is None:
            state.__class__ = DispatchingLexer
