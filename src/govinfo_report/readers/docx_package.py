"""Opening a Word file (``.docx``): the zip package, its main part and its title, within limits.

A ``.docx`` file is a zip package (Office Open XML, ISO/IEC 29500).  Only a
few of its parts are read: the main document part (``word/document.xml``,
found through the package relationships), the core properties
(``docProps/core.xml``, for the title), and — only for a document with
automatic numbering — the numbering definitions (``word/numbering.xml``) and,
when a numbered paragraph style is used, the styles (``word/styles.xml``).
Headers, footers, footnotes, comments and images are other parts and are not
read.

Each part is decompressed within :data:`MAX_PART_SIZE` bytes, counted on the
bytes actually decompressed, so a "zip bomb" (a small file whose
``document.xml`` inflates to gigabytes) is refused before it can fill the
memory.  The XML is parsed by lxml without DTDs, entities or network access.

Every failure is the library's own :class:`~govinfo_report.errors.DecodeError`
naming the problem (a file that is not a zip package, a damaged one, a
package without a main document part, XML that does not parse), never an
exception of :mod:`zipfile` or lxml.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import Any, NoReturn

import attrs

from ..errors import DecodeError, MissingDependencyError, UnsupportedFormatError
from .sniff import sniff

__all__ = ["INSTALL_HINT", "MAX_PART_SIZE", "Package", "W", "open_package"]

#: Largest decompressed size, in bytes, of each part that is read (``word/document.xml`` …).
MAX_PART_SIZE = 50_000_000

#: The WordprocessingML namespace (transitional: what Word and WPS write).
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: What to install to read Word files.
INSTALL_HINT = "读取Word文件需要python-docx（及其lxml），请安装：pip install 'govinfo-report[docx]'"

_MAIN_PART = "word/document.xml"
_CORE_PART = "docProps/core.xml"
_RELATIONSHIPS = "_rels/.rels"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_CORE_PROPERTIES = "/metadata/core-properties"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError)


@attrs.frozen
class Package:
    """The parts of a Word file that the reader needs.

    Attributes:
        body: the ``w:body`` element of the main document part (an lxml element).
        title: the title document property, when the file states one.
        related: the parts the main part refers to, by the end of their relationship
            type (``"numbering"``, ``"styles"``), as paths in the zip.
        archive: the zip package (in memory), for reading those parts when they are needed.
        parsed: the related parts parsed so far (:meth:`part`), by kind.
        read: the related parts' bytes read so far (:meth:`raw`), by kind.
    """

    body: Any
    title: str | None
    related: dict[str, str] = attrs.field(factory=dict, repr=False)
    archive: zipfile.ZipFile | None = attrs.field(default=None, repr=False)

    parsed: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
    read: dict[str, bytes | None] = attrs.field(factory=dict, repr=False, eq=False)

    def raw(self, kind: str) -> bytes | None:
        """The bytes of the related part of ``kind`` (``"styles"`` …), or ``None``; read once.

        Raises:
            DecodeError: the part is there but damaged, or too large.
        """
        if kind not in self.read:
            name, archive, data = self.related.get(kind), self.archive, None
            if name is not None and archive is not None and name in archive.NameToInfo:
                data = _read(archive, name)
            self.read[kind] = data
        return self.read[kind]

    def part(self, kind: str) -> Any | None:
        """The root element of the related part of ``kind`` (``"numbering"`` …), or ``None``;
        parsed once.

        Raises:
            DecodeError: the part is there but damaged, or too large.
        """
        if kind not in self.parsed:
            from lxml import etree

            data = self.raw(kind)
            self.parsed[kind] = _parse(data, self.related[kind], etree) if data is not None else None
        return self.parsed[kind]


def open_package(data: bytes) -> Package:
    """The body and title of a Word file's ``data``.

    Raises:
        DecodeError: the data is not a Word file, is damaged, or its main part is
            larger than :data:`MAX_PART_SIZE` once decompressed;
            ``UnsupportedFormatError`` for another kind of file (an Excel table …).
        MissingDependencyError: lxml (installed with python-docx) is missing.
    """
    try:
        from lxml import etree
    except ImportError as exc:
        raise MissingDependencyError(INSTALL_HINT) from exc
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        _not_a_package(data, "内容不是zip压缩包（.docx文件以“PK”开头）")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*_ZIP_ERRORS, NotImplementedError, RuntimeError) as exc:
        raise DecodeError(
            f"Word文件已损坏或不完整，无法打开（{_zip_problem(exc)}）；文件可能未下载完整，请重新获取"
        ) from None
    # The archive stays open for the parts read later (it holds no file: the bytes are in memory).
    names = set(archive.namelist())
    parts = _relationships(archive, names, etree)
    main = parts.get(_OFFICE_DOCUMENT)
    if main not in names:
        main = _MAIN_PART if _MAIN_PART in names else None
    if main is None:
        _not_a_package(data, f"压缩包中没有正文部分（{_MAIN_PART}）", office="[Content_Types].xml" in names)
    root = _xml(archive, main, etree)
    title = _title(archive, names, parts.get(_CORE_PROPERTIES, _CORE_PART), etree)
    related = _related(archive, names, main, etree)
    if root.tag == f"{{{_STRICT_W}}}document":
        raise UnsupportedFormatError(
            "这是“严格Open XML”格式的Word文件，本库不能读取；请用Word打开后“另存为”普通的“Word文档（.docx）”",
            form="docx",
        )
    body = root.find(f"{{{W}}}body")
    if root.tag != f"{{{W}}}document" or body is None:
        raise DecodeError(f"Word文件的正文部分（{main}）不是Word文档（没有w:document/w:body）")
    return Package(body, title, related, archive)


def _not_a_package(data: bytes, problem: str, *, office: bool = False) -> NoReturn:
    """Say what the data is instead, when it is another kind of file.

    ``office``: the data is an Office package (it has ``[Content_Types].xml``), so a damaged
    Word file rather than any zip archive.
    """
    found = sniff(data)
    if found.advice and not (office and found.form == "archive"):
        raise UnsupportedFormatError(
            f"这不是Word文件（.docx），而是{found.description}；{found.advice}", form=found.form
        )
    if found.form in ("html", "pdf", "json"):
        raise DecodeError(f"这不是Word文件（.docx），而是{found.description}，请用parse_file读取")
    raise DecodeError(f"这不是有效的Word文件（.docx）：{problem}")


def _zip_problem(exc: BaseException) -> str:
    if isinstance(exc, zlib.error | EOFError):
        return "压缩数据不完整或已损坏"
    if isinstance(exc, RuntimeError):
        return "压缩包已加密"
    if isinstance(exc, NotImplementedError):
        return "压缩方式不受支持"
    return "不是完整的zip压缩包"


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, decompressed within :data:`MAX_PART_SIZE` (counted on the bytes read)."""
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_SIZE:
        raise _too_large(name, info.file_size)
    try:
        with archive.open(info) as member:
            data = member.read(MAX_PART_SIZE + 1)
    except (*_ZIP_ERRORS, NotImplementedError, RuntimeError) as exc:
        raise DecodeError(f"Word文件已损坏，无法读取其中的{name}（{_zip_problem(exc)}）") from None
    if len(data) > MAX_PART_SIZE:
        raise _too_large(name, len(data))
    return data


def _too_large(name: str, size: int) -> DecodeError:
    return DecodeError(
        f"Word文件中的{name}解压后有{size:,}字节以上，超过上限{MAX_PART_SIZE:,}字节，未读取"
        "（正常的年度报告远小于此；文件可能是恶意构造的压缩包）"
    )


def _parser(etree: Any) -> Any:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def _xml(archive: zipfile.ZipFile, name: str, etree: Any) -> Any:
    """A part's XML, parsed without DTDs, entities or network access."""
    return _parse(_read(archive, name), name, etree)


def _parse(data: bytes, name: str, etree: Any) -> Any:
    """Part ``name``'s ``data`` as XML, parsed without DTDs, entities or network access."""
    try:
        root = etree.fromstring(data, _parser(etree))
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        where = f"第{line}行：" if line else ""
        raise DecodeError(f"Word文件已损坏：{name}不是有效的XML（{where}{exc.msg}）") from None
    if root.getroottree().docinfo.doctype:
        raise DecodeError(f"Word文件中的{name}含有DTD声明（文档类型定义），Word不会写出这样的文件，未读取")
    return root


def _relationships(archive: zipfile.ZipFile, names: set[str], etree: Any) -> dict[str, str]:
    """The package relationships: the end of each type URI → the part it points at."""
    return _targets(archive, names, _RELATIONSHIPS, "", (_OFFICE_DOCUMENT, _CORE_PROPERTIES), etree)


def _related(archive: zipfile.ZipFile, names: set[str], main: str, etree: Any) -> dict[str, str]:
    """The numbering and styles parts of the main part (its relationships, else the usual names)."""
    folder, file = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", file + ".rels")
    found = _targets(archive, names, rels, folder, ("/numbering", "/styles"), etree)
    related = {}
    for kind in ("numbering", "styles"):
        usual = posixpath.join(folder, f"{kind}.xml")
        related[kind] = found.get(f"/{kind}", usual)
    return related


def _targets(
    archive: zipfile.ZipFile, names: set[str], rels: str, folder: str, ends: tuple[str, ...], etree: Any
) -> dict[str, str]:
    """The targets of the relationships in part ``rels`` whose type ends with one of ``ends``."""
    if rels not in names:
        return {}
    try:
        root = _xml(archive, rels, etree)
    except DecodeError:
        return {}
    found: dict[str, str] = {}
    for relationship in root.iter(f"{{{_REL}}}Relationship"):
        kind, target = relationship.get("Type") or "", relationship.get("Target") or ""
        if relationship.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        for end in ends:
            if kind.endswith(end) and end not in found:
                found[end] = posixpath.normpath(path)
    return found


def _title(archive: zipfile.ZipFile, names: set[str], target: str, etree: Any) -> str | None:
    """The title property, or ``None`` when it is not set (or the properties cannot be read)."""
    if target not in names:
        return None
    try:
        element = _xml(archive, target, etree).find(_DC_TITLE)
    except DecodeError:
        return None  # the title is metadata: a damaged properties part does not stop the reading
    title = " ".join((element.text or "").split()) if element is not None else ""
    return title or None
