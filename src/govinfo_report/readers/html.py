"""Web pages (HTML, and saved web archives): the page as a person reads it, into the grammar.

The steps, each in its own module:

1. bytes → text (:mod:`~govinfo_report.readers.html_decode`): the caller's
   ``encoding``, a BOM, the page's ``<meta>`` declaration, UTF-8, detection;
   a web archive (MHTML) gives its root HTML part first;
2. text → tree: lxml's HTML parser, which mends broken markup as browsers do;
   its exceptions are caught here;
3. tree → paragraphs and tables in reading order
   (:mod:`~govinfo_report.readers.html_blocks`, with the ``display`` rules of
   :mod:`~govinfo_report.readers.html_style`);
4. the report's region, its title and the page's metadata
   (:mod:`~govinfo_report.readers.html_region`, :mod:`~govinfo_report.readers.html_meta`);
5. the :class:`~govinfo_report.readers.document.Document`: one line per
   paragraph, one row per table row with each grid cell once, at its grid
   position (:mod:`~govinfo_report.readers.html_grid`), every line and cell
   knowing its source line and table/row/column.

Which row is which is the grammar's business: nothing here knows a label of
the template.  docs/reading-web-pages.md describes what is read and why.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

from ..errors import Location, MissingDependencyError, ParseError, shorten
from ..model import Source
from .document import Document, DocumentBuilder
from .html_decode import PageText, archive_page, page_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .html_blocks import Table

__all__ = ["read"]

# libxml2 stops at this depth even with huge_tree; deeper pages are refused, not cut short.
_RESOURCE_LIMIT = "ERR_RESOURCE_LIMIT"


def _lxml() -> ModuleType:
    try:
        from lxml import etree
    except ImportError:
        raise MissingDependencyError(
            "读取网页（HTML）需要安装可选依赖lxml：pip install 'govinfo-report[html]'"
        ) from None
    module: ModuleType = etree
    return module


def read(data: bytes, *, path: str | None = None, encoding: str | None = None, detail: str = "") -> Document:
    """A web page's document (``detail="mhtml"``: a saved web archive).

    Raises:
        DecodeError: the bytes cannot be decoded, or the archive holds no page.
        ParseError: the page cannot be read whole (nested too deeply), or a table
            cannot be read (a cell holding several numbers, merged cells too large).
        MissingDependencyError: lxml is not installed.
    """
    etree = _lxml()
    declared = None
    if detail == "mhtml":
        data, declared = archive_page(data)
    page = page_text(data, encoding, declared)
    root = _tree(etree, page.text, page.utf8)
    if root is None:
        return DocumentBuilder(Source("html", path)).build()
    notes = [_replaced(data, start, end, page) for start, end in page.replaced]
    return _document(root, page.text if page.utf8 is None else page.utf8, path, notes)


def _replaced(data: bytes, start: int, end: int, page: PageText) -> tuple[str, Location]:
    """A note on a bad byte sequence the page was read with, shown as U+FFFD."""
    codec = {"utf-8": "UTF-8", "gb18030": "GB18030（GBK）"}.get(page.codec, page.codec)
    count = f"（共{len(page.replaced)}处）" if len(page.replaced) > 1 else ""
    message = (
        f"字节偏移{start}处的字节“{data[start:end].hex(' ')}”不能按{codec}解码，"
        f"已如浏览器一样显示为“\ufffd”{count}；表格中显示“\ufffd”的单元格不读取"
    )
    return message, Location(line=data.count(b"\n", 0, start) + 1)


def _tree(etree: Any, text: str, utf8: bytes | None = None) -> Any:
    """The page's tree; ``utf8``: the text's UTF-8 bytes, when the caller has them."""
    parser = etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        encoding="utf-8",
        collect_ids=False,  # nothing looks elements up by id: the table is work for nothing
    )
    try:
        if utf8 is None:
            utf8 = text.encode("utf-8", errors="surrogatepass")
        root = etree.fromstring(utf8, parser)
    except (etree.LxmlError, ValueError) as exc:  # pragma: no cover - the HTML parser recovers
        raise ParseError(f"无法解析网页：{exc}", line=1, column=1) from None
    for error in parser.error_log:
        if error.type_name == _RESOURCE_LIMIT:
            raise ParseError(
                f"网页的元素嵌套过深，无法完整读取（{error.message.strip()}）",
                line=1,
                column=1,
                location=Location(line=error.line or None),
            )
    return root


def _document(
    root: Any, page: str | bytes, path: str | None, notes: Sequence[tuple[str, Location]] = ()
) -> Document:
    """The document of a page's tree; ``page``: its text, or its UTF-8 bytes; ``notes``: on the
    bad bytes it was decoded with (each shown as U+FFFD), what to say and where."""
    from .html_blocks import Paragraph, read_blocks
    from .html_meta import fields_in_meta
    from .html_region import lay_out, page_title_parts
    from .html_style import displays

    head = _Head(root)
    layout = lay_out(
        read_blocks(root, displays(root, head.sheets, page)),
        page_titles=head.titles(page_title_parts),
        meta_fields=fields_in_meta({name: content for name, (content, _) in head.metas.items()}),
    )
    source = Source(
        "html",
        path,
        title=head.title,
        published=layout.metadata.get("published"),
        index_number=layout.metadata.get("index_number"),
        publisher=layout.metadata.get("publisher"),
    )
    builder = DocumentBuilder(source, exact_paragraphs=True)
    for message, where in notes:
        builder.note(message, where, code="DECODE-REPLACED")
    if layout.title is not None:
        title, line = layout.title
        builder.paragraph(title, Location(line=line or None))
    number = 0
    for item in layout.items:
        if isinstance(item, Paragraph):
            builder.paragraph(item.text, Location(line=item.line or None))
        else:
            number += 1
            _table(builder, item, number, bad_bytes=bool(notes))
    return builder.build()


class _Head:
    """What the page says outside its body: its title, ``<meta>`` tags, style sheets."""

    def __init__(self, root: Any) -> None:
        from .html_blocks import source_line

        element = root.find("head/title")
        self.title: str | None = None
        self.title_line = 0
        if element is not None:
            self.title = " ".join("".join(element.itertext()).split()) or None
            self.title_line = source_line(element)
        #: ``<meta>`` contents by name (or property), lowercased, with their source lines.
        self.metas: dict[str, tuple[str, int]] = {}
        for meta in root.iter("meta"):
            name = (meta.get("name") or meta.get("property") or "").strip().lower()
            content = meta.get("content")
            if name and content and name not in self.metas:
                self.metas[name] = (content, source_line(meta))
        self.sheets: list[str] = [style.text or "" for style in root.iter("style")]

    def titles(self, parts: Callable[[str], list[str]]) -> list[tuple[str, int]]:
        """Candidate title lines from outside the body, best first, with their source lines."""
        found = []
        if "articletitle" in self.metas:
            article, line = self.metas["articletitle"]
            found.append((" ".join(article.split()), line))
        if self.title:
            found += [(part, self.title_line) for part in parts(self.title)]
        return found


def _table(builder: DocumentBuilder, table: Table, number: int, *, bad_bytes: bool = False) -> None:
    """Write a table's rows; ``bad_bytes``: the page was decoded with bad bytes shown as U+FFFD,
    and a cell showing one is refused at its place (written blank), never read."""
    from .html_grid import GridTooLarge, grid_columns

    for paragraph in table.stray:
        builder.paragraph(paragraph.text, Location(line=paragraph.line or None))
    where = Location(line=table.line or None, table=number)
    try:
        columns = grid_columns([[(cell.rowspan, cell.colspan) for cell in row.cells] for row in table.rows])
    except GridTooLarge:
        _refuse(builder, f"第{number}个表格的合并单元格范围过大，无法读取", where, "")
    for at, (row, placed) in enumerate(zip(table.rows, columns, strict=True), start=1):
        cells = [
            (cell.paragraphs[0].text if len(cell.paragraphs) == 1 else cell.text, column, cell.line or None)
            for cell, column in zip(row.cells, placed, strict=True)
        ]
        unreadable = (
            {
                column: f"单元格“{shorten(text)}”中有不能解码的字节（“\ufffd”），无法确定印的是什么"
                for text, column, _ in cells
                if "\ufffd" in text
            }
            if bad_bytes
            else None
        )
        if unreadable:
            cells = [("" if column in unreadable else text, column, line) for text, column, line in cells]
        builder.row(cells, Location(line=row.line or None, table=number, table_row=at), unreadable or None)


def _refuse(builder: DocumentBuilder, reason: str, location: Location, cell: str) -> NoReturn:
    """Raise a ``ParseError`` at ``location``, placed on the reading text written so far."""
    document = builder.build()
    lines = document.text.split("\n") if document.text else []
    line, column, excerpt = len(lines) + 1, 1, ""
    if cell and document.origins:
        for start, where in document.origins[-1].cells:
            if where == location:
                line, column, excerpt = len(lines), start, lines[-1]
    raise ParseError(reason, line=line, column=column, excerpt=excerpt, location=location)
