"""Where the report is on the page: its region, its title, and which tables are its own.

A report published on a site sits among navigation, breadcrumbs, share
buttons, related links and footers.  The region is found from the report's
own section headings — a paragraph that is a whole heading line, as the
grammar defines them (``H1``–``H6`` in ``grammar/govinfo_report.lark``):

* everything from the first heading to the last is the report, whatever
  element holds it (table 4 may sit outside the ``<div>`` that holds the rest);
* before the first heading, the paragraphs inside the smallest element that
  holds the first two headings (the title block and the preamble); after the
  last heading, those inside the smallest element that holds the last two
  (section 六's text), and tables that follow directly;
* there, a block that is mostly links (navigation, share buttons, related
  links) is furniture and left out, and so is the page's metadata (a table
  of ``索引号`` / ``发布日期`` … anywhere; lines of them before or right after
  the title, or closing the article), which goes into ``Source`` instead
  (:mod:`govinfo_report.readers.html_meta`).

A table is the report's when it is neither a layout table (a cell holding a
whole page of text or a section heading: its cells are read as paragraphs)
nor the page's metadata table, and shows some text.

The title line (``TITLE_LINE`` in the grammar: one line with a four-digit
year, ``年``, ``政府信息公开`` and ending in ``报告``) is the region's own when it
has one — also when the page prints it over two or three lines
(``平潭综合实验区2020年`` / ``政府信息公开工作年度报告``), which are then read as
one.  Otherwise the title is taken from the page: the nearest title line
before the region (``<div class="article_title">``, an ``<h1>``), else
``<meta name="ArticleTitle">``, else the part of ``<title>`` that is a title
line (without the site's suffix such as ``_政府信息公开年报_某某网``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

import attrs
from lxml import etree

from .._grammar import parser
from ..normalize import normalize
from .document import per_cell_text
from .html_blocks import Block, Paragraph, Table
from .html_meta import (
    CLOSING_KEYS,
    MetadataFields,
    fields_in_cells,
    fields_in_text,
    is_field_text,
    is_metadata_cell,
)

__all__ = [
    "Item",
    "Layout",
    "heading_number",
    "is_title_line",
    "lay_out",
    "page_title_parts",
    "table_kind",
    "title_in",
]

#: What a table is to the report.
TableKind = Literal["report", "layout", "metadata", "blank"]

# A cell holding more text than any label of the template is a layout cell.
_LAYOUT_CELL = 120
_NUMERALS = "一二三四五六"
# Title parts are separated in <title> by these.
_TITLE_SEPARATORS = re.compile(r"\s*[_|｜]\s*|\s+[-–—]+\s+|\s*[–—]{1,2}\s*")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    lark = parser()
    headings = tuple(re.compile(lark.get_terminal(f"H{n}").pattern.to_regexp()) for n in range(1, 7))
    return headings, re.compile(lark.get_terminal("TITLE_LINE").pattern.to_regexp())


def _line(text: str) -> str:
    return normalize(text.replace("\n", " ")).strip()


def heading_number(text: str) -> int | None:
    """The section (1–6) whose heading ``text`` is, as a whole line; ``None`` otherwise."""
    # Every heading starts with its numeral (after Markdown marks): a quick refusal first.
    if len(text) > 80 or text.lstrip("#* \t")[:1] not in _NUMERALS:
        return None
    line = _line(text)
    for number, pattern in enumerate(_patterns()[0], start=1):
        if pattern.fullmatch(line):
            return number
    return None


def is_title_line(text: str) -> bool:
    """Whether ``text`` is a title line as the grammar reads one."""
    if len(text) > 200 or "报告" not in text or "政府信息公开" not in text:
        return False
    return _patterns()[1].fullmatch(_line(text)) is not None


def _link_dense(item: Block) -> bool:
    paragraphs = item.paragraphs() if isinstance(item, Table) else [item]
    links = sum(paragraph.links for paragraph in paragraphs)
    if not links:
        return False
    visible = sum(len(paragraph.text.replace(" ", "")) for paragraph in paragraphs)
    return links * 2 >= visible


def _one_paragraph(text: str) -> tuple[bool, bool, bool]:
    """A cell of one paragraph, ``text``: whether it is a metadata key, whether it shows
    anything, whether it makes its table a layout (more text than a label, or a heading)."""
    layout = len(text) > _LAYOUT_CELL or heading_number(text) is not None
    return is_metadata_cell(text), bool(text.strip()), layout


# Worked out once for each short text: the same few (``0``, ``/``, the labels) fill most cells.
_cell_facts = per_cell_text(_one_paragraph)


def table_kind(table: Table) -> TableKind:
    """What a table is to the report (see the module's docstring)."""
    shown = layout = False
    keys = 0
    for cell in table.cells():  # one pass: the tests below, each decided in its order
        paragraphs = cell.paragraphs
        if not paragraphs:
            continue  # an empty cell: no key, nothing shown
        if len(paragraphs) == 1:
            key, shows, makes_layout = _cell_facts(paragraphs[0].text)
        else:
            text = cell.text
            key, shows = is_metadata_cell(text), bool(text.strip())
            makes_layout = not layout and (len(text) > _LAYOUT_CELL or _holds_heading(paragraphs))
        if key:
            keys += 1
            if keys >= 2:
                return "metadata"  # a cell that is a key shows text: the table is not blank
        shown = shown or shows
        layout = layout or makes_layout
    if not shown:
        return "blank"
    if layout or _holds_heading(table.stray):
        return "layout"
    return "report"


def _holds_heading(paragraphs: Sequence[Paragraph]) -> bool:
    return any(heading_number(paragraph.text) is not None for paragraph in paragraphs)


Item = Paragraph | Table


@attrs.frozen
class Layout:
    """The page read: the report's items in order, its title line if the region has none, the metadata.

    Attributes:
        items: the region's paragraphs and report tables, in order.
        title: a title line from outside the region and where it stands (its source line),
            when the region has no title line of its own.
        metadata: the fields the page's metadata tables and lines state.
    """

    items: tuple[Item, ...]
    title: tuple[str, int] | None
    metadata: MetadataFields


def _flatten(blocks: Sequence[Block]) -> tuple[list[Item], list[Table]]:
    """Layout tables dissolved into their paragraphs; metadata tables apart; blank tables dropped."""
    items: list[Item] = []
    metadata: list[Table] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            items.append(block)
            continue
        kind = table_kind(block)
        if kind == "report":
            items.append(block)
        elif kind == "layout":
            items += block.paragraphs()
        elif kind == "metadata":
            metadata.append(block)
    return items, metadata


def _element(item: Item) -> etree._Element | None:
    return item.element


def _ancestors(element: etree._Element | None) -> list[etree._Element]:
    found = []
    while element is not None:
        found.append(element)
        element = element.getparent()
    return found


def _common(a: etree._Element | None, b: etree._Element | None) -> etree._Element | None:
    """The smallest element holding both (``None``: the whole page)."""
    above = _ancestors(a)
    for node in _ancestors(b):
        if node in above:
            return node
    return None


def _inside(item: Item, container: etree._Element | None) -> bool:
    if container is None:
        return True
    return container in _ancestors(_element(item))


def _headings(items: Sequence[Item]) -> list[int]:
    """Indices of the section headings: the first of each, in increasing order."""
    found: list[int] = []
    last = 0
    for index, item in enumerate(items):
        if isinstance(item, Paragraph):
            number = heading_number(item.text)
            if number is not None and number > last:
                found.append(index)
                last = number
    return found


def title_in(paragraphs: Sequence[Paragraph]) -> tuple[int, int] | None:
    """Where the title line is among the paragraphs before section 一: ``(start, end)``.

    A single paragraph that is a title line, else the first run of two or three
    paragraphs that together make one.
    """
    for index, paragraph in enumerate(paragraphs):
        if is_title_line(paragraph.text):
            return index, index + 1
    for size in (2, 3):
        for index in range(len(paragraphs) - size + 1):
            if is_title_line("".join(paragraph.text for paragraph in paragraphs[index : index + size])):
                return index, index + size
    return None


def _merged(paragraphs: Sequence[Paragraph], start: int, end: int) -> Paragraph:
    first = paragraphs[start]
    return Paragraph("".join(p.text for p in paragraphs[start:end]), first.line, first.element, 0)


def _head(items: Sequence[Item], first: int, container: etree._Element | None) -> list[int]:
    """Indices of the items before section 一 inside ``container`` (links among them: :func:`_front`).

    When the container holds none, those of the element just before it, if it holds
    paragraphs only and none mostly links (a CMS's ``<div class="summary">`` holding the
    preamble).
    """
    head: list[int] = []
    for index in range(first - 1, -1, -1):
        if not _inside(items[index], container):
            break
        head.append(index)
    if not head and container is not None:
        head = _beside(items, range(first - 1, -1, -1), _sibling(container, preceding=True))
    head.reverse()
    return head


def _tail(items: Sequence[Item], last: int, container: etree._Element | None, *, table: bool) -> list[int]:
    """Indices of the items after the last heading that belong to the report.

    ``table``: the last heading is a table's (二 to 四), so the table that follows
    belongs to it even outside the container.  A block that is mostly links is left
    out at the end (``【打印】【关闭】``), kept between the report's paragraphs.  When
    the last heading is a narrative one and the container holds nothing after it,
    the paragraphs of the element just after the container are its text, if that
    element holds paragraphs only and none mostly links.
    """
    tail: list[int] = []
    for index in range(last + 1, len(items)):
        item = items[index]
        if not _inside(item, container):
            if not (table and isinstance(item, Table)):
                break
            table = False
        tail.append(index)
    if not tail and not table and container is not None:
        tail = _beside(items, range(last + 1, len(items)), _sibling(container, preceding=False))
    return tail


def _sibling(element: etree._Element, *, preceding: bool) -> etree._Element | None:
    """The element next to ``element`` (before it, or after it), comments passed over."""
    for sibling in element.itersiblings(preceding=preceding):
        if isinstance(sibling.tag, str):
            return sibling
    return None


def _beside(items: Sequence[Item], indices: Iterable[int], sibling: etree._Element | None) -> list[int]:
    """The run of ``indices`` whose items are inside ``sibling``, if all are paragraphs not mostly links."""
    found: list[int] = []
    if sibling is None:
        return found
    for index in indices:
        item = items[index]
        if not _inside(item, sibling):
            break
        if isinstance(item, Table) or _link_dense(item):
            return []
        found.append(index)
    return found


def _parent(element: etree._Element | None) -> etree._Element | None:
    return element.getparent() if element is not None else None


def _first_fields(sources: Sequence[MetadataFields]) -> MetadataFields:
    """Each field from the first source that states it."""
    merged: MetadataFields = {}
    for fields in sources:
        for field, value in fields.items():
            merged.setdefault(field, value)
    return merged


def _front(head: Sequence[Item]) -> tuple[list[Item], list[MetadataFields], bool]:
    """The head with its title line made one and its furniture taken out; whether it has a title.

    Lines of page metadata (``发布时间：…　来源：…``) and blocks that are mostly links
    are taken out before the title and right after it; without a title, at the start
    only.  Once the preamble has begun, a block mostly links is the report's
    (``本报告电子版下载：<a>…</a>``).
    """
    links = [_link_dense(item) for item in head]
    paragraphs = [
        item for item, link in zip(head, links, strict=True) if isinstance(item, Paragraph) and not link
    ]
    found = title_in(paragraphs)
    fields: list[MetadataFields] = []
    kept: list[Item] = []
    furniture = True  # still where metadata lines stand
    position = -1
    for item, link in zip(head, links, strict=True):
        before_title = found is not None and position < found[0]
        if link:  # navigation, share buttons, 【打印】 … unless the preamble has begun
            if not (furniture or before_title):
                kept.append(item)
            continue
        if isinstance(item, Table):
            kept.append(item)
            furniture = False
            continue
        position += 1
        if found and found[0] <= position < found[1]:
            if position == found[0]:
                kept.append(_merged(paragraphs, *found))
            furniture = True  # metadata lines follow the title too
            continue
        if (furniture or before_title) and is_field_text(item.text):
            fields.append(fields_in_text(item.text))
            continue
        furniture = False
        kept.append(item)
    return kept, fields, found is not None


def lay_out(
    blocks: Sequence[Block],
    *,
    page_titles: Sequence[tuple[str, int]] = (),
    meta_fields: MetadataFields | None = None,
) -> Layout:
    """The report's region of a page (see the module's docstring).

    Args:
        blocks: the page's paragraphs and tables (:func:`~.html_blocks.read_blocks`).
        page_titles: titles the page states outside its body, best first
            (``<meta name="ArticleTitle">``, ``<title>``), with their source lines.
        meta_fields: the fields the page's ``<meta>`` tags state.

    Metadata comes from the page's metadata tables, then lines of metadata around
    the title, then such lines elsewhere before the report (nearest first), then
    the ``<meta>`` tags, then lines closing the article, then lines after the report.
    """
    items, metadata_tables = _flatten(blocks)
    tables = [fields_in_cells([cell.text for cell in row.cells] for row in t.rows) for t in metadata_tables]
    headings = _headings(items)
    if not headings:
        return Layout(tuple(items), None, _first_fields([*tables, meta_fields or {}]))
    first, last = headings[0], headings[-1]
    elements = [_element(items[index]) for index in headings]
    head_box = _common(elements[0], elements[1]) if len(elements) > 1 else _parent(elements[0])
    tail_box = _common(elements[-2], elements[-1]) if len(elements) > 1 else _parent(elements[-1])
    head = _head(items, first, head_box)
    last_item = items[last]
    last_number = heading_number(last_item.text) if isinstance(last_item, Paragraph) else None
    tail = _tail(items, last, tail_box, table=last_number in (2, 3, 4))
    front, head_fields, has_title = _front([items[index] for index in head])
    # Lines of page metadata closing the article (来源：… / 责任编辑：…) are not section 六's.
    tail_fields: list[MetadataFields] = []
    # So are blocks mostly links there (【打印】【关闭】, 上一篇): between its paragraphs they are its.
    while tail:
        closing = items[tail[-1]]
        if _link_dense(closing):
            tail.pop()
            continue
        if not isinstance(closing, Paragraph) or not is_field_text(closing.text, keys=CLOSING_KEYS):
            break
        tail_fields.insert(0, fields_in_text(closing.text))
        tail.pop()
    start = head[0] if head else first
    end = tail[-1] if tail else last
    title = None
    if not has_title:
        title = next(
            (
                (item.text, item.line)
                for item in reversed(items[:start])
                if isinstance(item, Paragraph) and not _link_dense(item) and is_title_line(item.text)
            ),
            None,
        ) or next(((text, line) for text, line in page_titles if is_title_line(text)), None)
    before = [fields_in_text(item.text) for item in reversed(items[:start]) if isinstance(item, Paragraph)]
    after = [fields_in_text(item.text) for item in items[end + 1 :] if isinstance(item, Paragraph)]
    metadata = _first_fields([*tables, *head_fields, *before, meta_fields or {}, *tail_fields, *after])
    region = (*front, *items[first : last + 1], *(items[index] for index in tail))
    return Layout(region, title, metadata)


def page_title_parts(title: str) -> list[str]:
    """The parts of a ``<title>`` (``报告_栏目_网站`` → ``报告``, ``栏目``, ``网站``)."""
    return [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]
