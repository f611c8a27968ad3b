"""The fast path: Lark's own LALR automaton, fed by one scanner per section instead of one per state.

The contextual lexer (:mod:`._lexer`) asks, at each token, which terminals the
parser's state accepts and tries only those.  Most of a report's tokens stand in
states whose terminals are table labels, column headers and runs of cells; for
those the fast path passes over the white space Lark ignores and tries, in one regular
expression, **every** terminal of the section's states but ``TEXT_LINE`` that can begin
with the character there — in Lark's own order (priority, then length; a terminal that can
begin with any digit, the run of cells, has a pattern of its own, tried in its place in that
order) — and hands the token to Lark's
LALR automaton: its parse table and its tree builder's callbacks, driven by the loop
of Lark's ``ParserState.feed_token`` with each action looked up once (the grammar is
still the one description of the layout).  States that accept narrative
(``TEXT_LINE``) get a scanner of exactly their own terminals, as Lark builds it.

Why a tree it returns is the tree the reference gives (``parser().parse``):
at each token both stand at the same position (induction).  The scanner returns
the first terminal, in Lark's order, that matches there (a terminal that cannot begin
with the character there cannot match there); the state's own scanner tries a subset of
the same terminals in the same order.  If the parser accepts
the token, the state accepts its terminal, so the state's scanner, finding none of
the earlier ones matching, returns the same token.  If the parser does not accept it,
the fast path gives up (:func:`fast_tree` returns ``None``) and the reference parses the
text from the start — with its error messages and lenient recovery, so errors and
diagnostics are the reference's by construction.  A further line of a narrative run
takes a short cut through the automaton that leaves it where Lark's steps would
(:func:`_cycles`).  What the reference ignores (``%ignore /[ \\t\\n|]+/``) is passed
over in front of every token: no terminal can begin
with one of those characters (every one starts with a label, a cell, a heading's
``#``/``*`` or, for ``TEXT_LINE``, ``[^\\s|]``), so there Lark's scanner too can only
match the ignored run, which is greedy.

tests/test_fast_path.py checks it: the same trees (every token's type, value and
position) as the reference on the seeds, their variants and generated reports in
every layout, and the same reports, diagnostics and errors for whole parses, damaged
text included (hypothesis; 2,000 examples in the ``thorough`` profile);
benchmarks/fuzz_fast_path.py does the same on the fuzz corpus.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import Any

from lark import Token, Tree
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
from lark.parsers.lalr_analysis import Shift

from ._grammar import parser
from ._lexer import FirstCharacters, first_characters
from .editions import Edition

__all__ = ["fast_tree"]

#: What the grammar ignores between tokens (``%ignore``), read greedily in front of each token.
_IGNORED = r"[ \t\n|]*+"
_NARRATIVE = "TEXT_LINE"


class _Machine:
    """For one edition's start rule: each state's actions, and its scanner (a compiled
    pattern's ``match``, built when first used).

    A state that accepts narrative gets exactly its own terminals.  Any other state stands
    in a table: it gets every terminal accepted in its section (the states reachable from
    the section's heading without reading the next one) — a superset of its own, in the
    same order, which is all the argument above needs; one pattern per section, so that
    a parse compiles a handful of patterns, not one per state.
    """

    def __init__(self, lark: Any, start: str) -> None:
        frontend = lark.parser
        lexer = frontend.lexer
        root = lexer.root_lexer
        table = frontend.parser.parser.parse_table
        self.start_state = table.start_states[start]
        self.end_state = table.end_states[start]
        self.actions = _actions(table.states, frontend.parser.parser.callbacks)
        self.cycles = _cycles(table.states, frontend.parser.parser.callbacks)
        # The grammar's lexer callbacks (``TEXT_LINE``: headings stand out); Lark adds none of its
        # own, as the grammar has no string terminals (``_lexer.DispatchingLexer`` asserts it).
        self.callbacks = dict(root.user_callbacks)
        self.newline_types = root.newline_types
        self._flags = root.g_regex_flags
        self._states = table.states
        # Every terminal in Lark's order (BasicLexer sorts them once: priority, then width).
        self._terminals = [t for t in root.terminals if t.name not in root.ignore_types]
        #: Each terminal's regular expression, by name.
        self._patterns = {t.name: t.pattern.to_regexp() for t in self._terminals}
        self._headings = frozenset(t.name for t in self._terminals if _HEADING.fullmatch(t.name))
        self._section_of: dict[Any, frozenset[str]] = {}
        for section in self._sections(start):
            names = frozenset(name for state in section for name in self._states[state] if name.isupper())
            for state in section:
                self._section_of[state] = self._section_of.get(state, frozenset()) | names
        #: Each state's scanner, once built (:meth:`scanner`).
        self.scanners: dict[Any, Any] = {}
        self._by_terminals: dict[tuple[frozenset[str] | tuple[str, ...], str], Any] = {}
        #: Each terminal's first characters, once worked out (``None``: any).
        self._first: dict[str, FirstCharacters | None] = {}

    def _sections(self, start: str) -> list[set[Any]]:
        """The states of each section: reachable from where a heading was read, up to the next heading."""
        starts = {
            target
            for state in _reachable(self._states, {self.start_state}, frozenset())
            for name, (action, target) in self._states[state].items()
            if action is Shift and name in self._headings
        }
        return [_reachable(self._states, {state}, self._headings) for state in starts]

    def _compile(self, names: frozenset[str] | tuple[str, ...], prefix: str = _IGNORED) -> Any:
        key = (names, prefix)
        found = self._by_terminals.get(key)
        if found is None:
            joined = "|".join(
                f"(?P<{t.name}>{self._patterns[t.name]})" for t in self._terminals if t.name in names
            )
            found = re.compile(f"{prefix}(?:{joined})", self._flags).match if joined else _nothing
            self._by_terminals[key] = found
        return found

    def scanner(self, state: Any) -> Any:
        """The scanner of ``state``, built now (then in :attr:`scanners`).

        In a table, the section's terminals are many (labels, headers, cells) and a pattern
        joining them tries each in turn at every token: there the scanner passes over what
        is ignored, then tries only the terminals that can begin with the character it
        stands at (:func:`._lexer.first_characters`, a superset), in the same order — the
        first of them that matches is the first of all that does.  A terminal that can begin
        with any digit (a run of cells) is in the patterns of ten characters or more, in every
        table: it is compiled once, on its own, and tried in its place in that order
        (:meth:`_pattern`).
        """
        accepted = frozenset(self._states[state])
        if _NARRATIVE in accepted:
            found = self.scanners[state] = self._compile(accepted)
            return found
        names = self._section_of.get(state, accepted) - {_NARRATIVE}
        by_character: dict[str, Any] = {}
        skip = _SKIP

        def dispatching(text: str, position: int) -> Any:
            ignored = skip(text, position)  # (always a match, maybe empty)
            at = ignored.end() if ignored else position
            character = text[at : at + 1]
            match = by_character.get(character)
            if match is None:
                match = self._pattern(self._beginning(names, character))
                if len(by_character) < _KNOWN_CHARACTERS:  # (memory stays bounded whatever is read)
                    by_character[character] = match
            return match(text, at)

        self.scanners[state] = dispatching
        return dispatching

    def _pattern(self, names: tuple[str, ...]) -> Any:
        """A scanner trying ``names`` in order: one pattern for each run of them, and one of its
        own for each that can begin with any digit (shared by every scanner that tries it)."""
        runs: list[list[str]] = [[]]
        for name in names:
            first = self._first_characters(name)
            if first is not None and first.digits:
                runs += [[name], []]
            else:
                runs[-1].append(name)
        parts = [tuple(run) for run in runs if run] or [()]
        if len(parts) == 1:
            return self._compile(parts[0], "")
        return partial(_first_match, tuple(self._compile(part, "") for part in parts))

    def _beginning(self, names: frozenset[str], character: str) -> tuple[str, ...]:
        """The terminals of ``names`` a token beginning with ``character`` can be, in Lark's order."""
        chosen = []
        for terminal in self._terminals:
            if terminal.name in names:
                first = self._first_characters(terminal.name)
                if first is None or character in first:
                    chosen.append(terminal.name)
        return tuple(chosen)

    def _first_characters(self, name: str) -> FirstCharacters | None:
        """The first characters of terminal ``name`` (worked out once)."""
        if name not in self._first:
            self._first[name] = first_characters(self._patterns[name], self._flags)
        return self._first[name]


#: The grammar's section headings (``H1`` … ``H6``): they bound the sections.
_HEADING = re.compile(r"H[1-9]")

#: What to do in a state on a symbol: shift to a state (``target``), or reduce by a rule
#: of ``size`` symbols with its tree builder's ``callback`` and go to the state after ``origin``.
_Action = tuple[Any, int, Any, str]


def _actions(states: Any, callbacks: Any) -> dict[Any, dict[str, _Action]]:
    """Lark's parse table with each reduction's rule looked up once."""
    if any(isinstance(key, str) for key in callbacks):  # pragma: no cover - no terminal callbacks
        raise AssertionError("the fast path builds no token through a parser callback")
    return {
        state: {
            name: (target, 0, None, "")
            if action is Shift
            else (None, len(target.expansion), callbacks[target], target.origin.name)
            for name, (action, target) in actions.items()
        }
        for state, actions in states.items()
    }


def _cycles(states: Any, callbacks: Any) -> frozenset[Any]:
    """The states where a further narrative line only adds the line before it to the run.

    Such a state is entered by shifting a line (``TEXT_LINE``) after a run of them (``_x``),
    and on another line reduces by ``_x: _x TEXT_LINE``, whose tree builder (an inlined rule's,
    as Lark writes it) gives ``Tree("_x", run.children + [line])``, the run's list itself
    extended.  The goto on ``_x`` from the state below the run is the run's state, and its
    shift on ``TEXT_LINE`` the state on top: the stack of states is as before.  So the fast
    path appends the line before to the run's tree, puts the new line on top, and looks
    nothing up — the tree it ends with is Lark's.  Any other rule or tree builder: no such
    state, the automaton's own steps.
    """
    found = set()
    for state, actions in states.items():
        action, rule = actions.get(_NARRATIVE, (None, None))
        if action is Shift or rule is None:
            continue
        callback = callbacks[rule]
        builder = getattr(callback, "node_builder", None)
        if (
            [symbol.name for symbol in rule.expansion] == [rule.origin.name, _NARRATIVE]
            and type(callback) is ChildFilterLALR_NoPlaceholders
            and callback.to_include == [(0, True), (1, False)]
            and isinstance(builder, partial)
            and builder.func is Tree
            and builder.args == (rule.origin.name,)
            and not builder.keywords
        ):
            found.add(state)
    return frozenset(found)


def _reachable(states: Any, starts: set[Any], stop: frozenset[str]) -> set[Any]:
    """The parser states reachable from ``starts`` through shifts and gotos, not reading ``stop``."""
    seen = set(starts)
    todo = list(seen)
    while todo:
        state = todo.pop()
        for name, (action, target) in states[state].items():
            if action is Shift and name not in stop and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


@cache
def _machine(start: str) -> _Machine:
    return _Machine(parser(), start)


_REST = re.compile(_IGNORED + r"\Z")
_SKIP = re.compile(_IGNORED).match
#: How many characters a table state's scanner remembers what to try at (labels, digits, marks
#: begin a table's tokens: a few dozen).
_KNOWN_CHARACTERS = 256


def _first_match(scanners: tuple[Any, ...], text: str, position: int) -> Any:
    """The first of the scanners' matches at ``position`` (``None``: none matches)."""
    for scanner in scanners:
        found = scanner(text, position)
        if found:
            return found
    return None


def _nothing(text: str, position: int) -> None:
    """The scanner where no terminal can begin."""
    return None


def fast_tree(text: str, edition: Edition) -> Tree[Token] | None:
    """The reference parser's tree of ``text`` (normalized), or ``None`` where the fast path gives up.

    ``None`` says nothing about the text: the reference parser reads it then.
    """
    machine = _machine(edition.start)
    actions, end_state, cycles = machine.actions, machine.end_state, machine.cycles
    scanners, scanner = machine.scanners, machine.scanner
    callbacks, newline_types = machine.callbacks, machine.newline_types
    states: list[Any] = [machine.start_state]
    values: list[Any] = []
    new = str.__new__
    position = 0
    # The line being read, where it starts and where the next one starts (past the end: none,
    # so that the loops below stop there): each line break is found once, as the reading moves
    # down the text, and a token's line and column are then known without counting.
    past_end = len(text) + 1
    line, line_start, next_start = 1, 0, text.find("\n") + 1 or past_end
    token = None
    while True:
        found = (scanners.get(states[-1]) or scanner(states[-1]))(text, position)
        if found is None:
            if _REST.match(text, position) is None:
                return None
            token = Token.new_borrow_pos("$END", "", token) if token else Token("$END", "", 0, 1, 1)
        else:
            kind = found.lastgroup
            start, end = found.span(kind)  # the token; before it, what was ignored
            while start >= next_start:  # (before it, a line break: white space, pipes, blank lines)
                line_start = next_start
                line += 1
                next_start = text.find("\n", line_start) + 1 or past_end
            value = text[start:end]
            position = end
            token = new(Token, value)
            token.type, token.value, token.start_pos = kind, value, start
            token.line, token.column = line, start - line_start + 1
            if kind in newline_types:
                while end >= next_start:  # (a line break inside it)
                    line_start = next_start
                    line += 1
                    next_start = text.find("\n", line_start) + 1 or past_end
            token.end_line, token.end_column, token.end_pos = line, position - line_start + 1, position
            if kind in callbacks:
                token = callbacks[kind](token)
            if states[-1] in cycles and token.type == _NARRATIVE:  # a further line of a run
                values[-2].children.append(values[-1])
                values[-1] = token
                continue
        # ParserState.feed_token: reduce as long as the state says so, then shift.
        while True:
            action = actions[states[-1]].get(token.type)
            if action is None:
                return None
            target, size, callback, origin = action
            if target is not None:
                if found is None or target == end_state:  # pragma: no cover - Lark asserts neither
                    return None
                states.append(target)
                values.append(token)
                break
            if size:
                children = values[-size:]
                del states[-size:]
                del values[-size:]
            else:
                children = []
            states.append(actions[states[-1]][origin][0])
            values.append(callback(children))
            if found is None and states[-1] == end_state:
                tree: Tree[Token] = values[-1]
                return tree
