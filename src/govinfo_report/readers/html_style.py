"""Which elements of a page are shown, and which start a line: the ``display`` of CSS.

A person reads a page as the browser shows it.  What decides where lines
break and what is hidden is, besides the element itself (``<p>`` is a block,
``<span>`` runs on), the ``display`` property: ``display: none`` hides an
element, ``display: block`` puts an inline one on a line of its own.  This
module reads that one property — from ``style`` attributes and from the
page's own ``<style>`` sheets — and ``visibility: hidden``, and nothing else
of CSS; Word's ``mso-`` properties are not CSS and are ignored.

Of a style sheet only plain rules count: selectors made of element names,
``.class``, ``#id`` and ``*``, joined by descendant (space) or child (``>``)
combinators; rules inside ``@media`` and other at-rules, and selectors with
attributes or pseudo-classes, are left out (they depend on the screen or the
state).  Precedence is CSS's: ``!important``, then the ``style`` attribute,
then specificity, then order.

:func:`displays` finds, in one pass per rule (XPath, in C), the elements whose
display is set; the walk over the page then only looks them up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal

import attrs
from lxml import etree

__all__ = ["Display", "Displays", "declarations", "displays"]

#: How an element shows: hidden, on lines of its own, or running on in its line.
Display = Literal["none", "block", "inline"]

_BLOCK_VALUES = {
    "block",
    "flex",
    "grid",
    "list-item",
    "flow-root",
    "table",
    "table-caption",
    "table-row",
    "table-row-group",
    "table-header-group",
    "table-footer-group",
}
_INLINE_VALUES = {"inline", "inline-block", "inline-flex", "inline-grid", "inline-table", "contents"}
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_COMPOUND = re.compile(r"^(\*|[a-zA-Z][\w:-]*)?((?:[.#][\w-]+)*)$")
_PART = re.compile(r"[.#][\w-]+")
_IMPORTANT = re.compile(r"!\s*important", re.IGNORECASE)
# Bounds, so that no style sheet makes reading slow.
_MAX_RULES = 500
_MAX_COMPOUNDS = 16

Rank = tuple[int, int, int, int, int, int]  # important, inline, ids, classes, names, order


def _display_value(value: str) -> Display | None:
    value = value.strip().lower()
    if value == "none":
        return "none"
    if value in _BLOCK_VALUES:
        return "block"
    if value in _INLINE_VALUES:
        return "inline"
    return None


def declarations(text: str) -> tuple[Display | None, bool]:
    """The display a declaration block sets, and whether it is ``!important``.

    ``visibility: hidden`` counts as ``display: none``: either way nothing is seen.
    """
    display: Display | None = None
    important = False
    lowered = text.lower()
    if "display" not in lowered and "visibility" not in lowered:
        return display, important  # the quick refusal: neither property is named
    for declaration in text.split(";"):
        name, colon, value = declaration.partition(":")
        if not colon:
            continue
        name = name.strip().lower()
        flagged = _IMPORTANT.search(value) is not None
        value = _IMPORTANT.sub("", value)
        if name == "display":
            found = _display_value(value)
        elif name == "visibility" and value.strip().lower() in ("hidden", "collapse"):
            found = "none"
        else:
            continue
        if found is not None and (flagged or not important):
            display, important = found, flagged
    return display, important


def _step(token: str) -> tuple[str, int, int, int] | None:
    """A compound selector as an XPath step, with its ids, classes and names counted."""
    match = _COMPOUND.match(token)
    if match is None or not token:
        return None
    tag = match.group(1)
    if tag is None or tag == "*":
        step, names = "*", 0
    elif ":" in tag:
        step, names = f"*[name()='{tag.lower()}']", 1
    else:
        step, names = tag.lower(), 1
    ids = classes = 0
    for part in _PART.findall(match.group(2)):
        if part[0] == "#":
            step += f"[@id='{part[1:]}']"
            ids += 1
        else:
            step += f"[contains(concat(' ', normalize-space(@class), ' '), ' {part[1:]} ')]"
            classes += 1
    return step, ids, classes, names


def _xpath(selector: str) -> tuple[str, int, int, int] | None:
    """A selector as an XPath expression, with its specificity; ``None`` when it is not a plain one."""
    tokens = selector.replace(">", " > ").split()
    path = ""
    ids = classes = names = 0
    axis = "//"
    count = 0
    for token in tokens:
        if token == ">":
            if not path or axis == "/":
                return None
            axis = "/"
            continue
        step = _step(token)
        if step is None:
            return None
        path += axis + step[0]
        ids, classes, names = ids + step[1], classes + step[2], names + step[3]
        axis = "//"
        count += 1
    if not path or axis == "/" or count > _MAX_COMPOUNDS:
        return None
    return path, ids, classes, names


def _plain_rules(sheet: str) -> Iterator[tuple[str, str]]:
    """``(selectors, declarations)`` of a sheet's top-level rules; at-rules are skipped whole."""
    sheet = _COMMENT.sub(" ", sheet).replace("<!--", " ").replace("-->", " ")
    at, length = 0, len(sheet)
    while at < length:
        brace = sheet.find("{", at)
        if brace < 0:
            return
        # The block's end: the brace that closes it, nested blocks (inside @media) counted.
        depth, end = 1, brace + 1
        while depth:
            opening, closing = sheet.find("{", end), sheet.find("}", end)
            if closing < 0:
                end = length
                break
            if 0 <= opening < closing:
                depth, end = depth + 1, opening + 1
            else:
                depth, end = depth - 1, closing + 1
        # An at-rule without a block (``@import …;``) ends at its semicolon.
        prelude = sheet[at:brace]
        prelude = prelude[prelude.rfind(";") + 1 :]
        if not prelude.strip().startswith("@"):
            yield prelude, sheet[brace + 1 : end - 1]
        at = end


@cache
def _compiled(path: str) -> etree.XPath | None:
    try:
        return etree.XPath(path)
    except etree.XPathError:
        return None


@attrs.frozen
class Displays:
    """The elements whose display a style sets.

    Attributes:
        hidden: elements not shown (``display: none``, ``visibility: hidden``, ``hidden``).
        block: inline elements shown as blocks.
        inline: block elements shown inline.
    """

    hidden: tuple[etree._Element, ...] = ()
    block: frozenset[etree._Element] = frozenset()
    inline: frozenset[etree._Element] = frozenset()


_HIDDEN_ATTRIBUTE = etree.XPath("//*[@hidden]")


@cache
def _style_search(terms: tuple[str, ...]) -> etree.XPath:
    return etree.XPath("//@style[" + " or ".join(terms) + "]/..")


def _occurs(word: str, source: str | bytes) -> bool:
    """Whether an ASCII word occurs in the page's source, its text or its UTF-8 bytes (the same answer)."""
    return word in source if isinstance(source, str) else word.encode("ascii") in source


def _styled(root: etree._Element, source: str | bytes) -> list[etree._Element]:
    """The elements whose ``style`` may set a display or visibility, and those marked ``hidden``.

    ``source`` (the page's text, or its UTF-8 bytes: quicker to search) says which
    spellings to look for (``display``, ``Display`` and ``DISPLAY``; mixed spellings
    such as ``DiSpLaY`` are not looked for), so that the search over the ``style``
    attributes is one pass, or none.
    """
    terms = tuple(
        f"contains(., '{spelling}')"
        for spelling in ("isplay", "ISPLAY", "isibility", "ISIBILITY")
        if _occurs(spelling, source)
    )
    searches = [_HIDDEN_ATTRIBUTE] if _occurs("hidden", source) or _occurs("HIDDEN", source) else []
    if terms:
        searches.append(_style_search(terms))
    found: list[etree._Element] = []
    for search in searches:
        hits = search(root)
        if isinstance(hits, list):
            found += [hit for hit in hits if isinstance(hit, etree._Element)]
    return found


def displays(root: etree._Element, sheets: Iterable[str], source: str | bytes) -> Displays:
    """The displays the page's styles set.

    ``source``: the page's text, or its UTF-8 bytes (to skip the search when it can).
    """
    best: dict[etree._Element, tuple[Rank, Display]] = {}
    order = 0
    for sheet in sheets:
        for selectors, body in _plain_rules(sheet):
            display, important = declarations(body)
            if display is None:
                continue
            for selector in selectors.split(","):
                compiled = _xpath(selector)
                if compiled is None or order >= _MAX_RULES:
                    continue
                path, ids, classes, names = compiled
                rank: Rank = (int(important), 0, ids, classes, names, order)
                order += 1
                search = _compiled(path)
                matched = search(root) if search is not None else []
                assert isinstance(matched, list)
                for element in matched:
                    if isinstance(element, etree._Element) and (
                        element not in best or best[element][0] < rank
                    ):
                        best[element] = (rank, display)
    for element in _styled(root, source):
        display, important = declarations(element.get("style") or "")
        if element.get("hidden") is not None:
            display, important = "none", False
        if display is not None:
            rank = (int(important), 1, 0, 0, 0, 0)
            if element not in best or best[element][0] < rank:
                best[element] = (rank, display)
    return Displays(
        tuple(element for element, (_, display) in best.items() if display == "none"),
        frozenset(element for element, (_, display) in best.items() if display == "block"),
        frozenset(element for element, (_, display) in best.items() if display == "inline"),
    )
