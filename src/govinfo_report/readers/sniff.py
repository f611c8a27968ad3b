"""What a file is, from its bytes: :func:`sniff`.

The form is decided from the content — magic bytes, the members of a zip
file, markup at the start of a text — and the file name's suffix only breaks
ties (an old Office file whose directory does not say which program made it,
a web page that begins with a long comment).  Forms the library does not read
are named too, so that the error can say what the file is and what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

import attrs

__all__ = ["FORM_NAMES", "Sniffed", "sniff"]

#: How messages name each form, with the advice for forms the library does not read.
FORM_NAMES: dict[str, tuple[str, str]] = {
    "text": ("文本文件", ""),
    "html": ("网页（HTML）", ""),
    "docx": ("Word文件（.docx）", ""),
    "pdf": ("PDF文件", ""),
    "json": ("JSON文件", ""),
    "doc": ("旧版Word文件（.doc）", "请用Word或WPS打开后“另存为”.docx文件再读取"),
    "wps": ("WPS文字文件（.wps）", "请用WPS打开后“另存为”.docx文件再读取"),
    "odt": ("OpenDocument文本（.odt）", "请“另存为”.docx文件再读取"),
    "rtf": ("RTF文件", "请用Word或WPS打开后“另存为”.docx文件再读取"),
    "wordml": (
        "Word 2003 XML文档",
        "请用Word打开后“另存为”.docx文件再读取（文件→另存为→Word文档(.docx)）",
    ),
    "flatopc": (
        "Word XML文档（单个XML文件）",
        "请用Word打开后“另存为”.docx文件再读取（文件→另存为→Word文档(.docx)）",
    ),
    "ofd": ("OFD版式文件", "请导出为PDF或.docx文件再读取"),
    "xls": (
        "旧版Excel表格（.xls）",
        "本库读取报告全文；表格数据可整理为table,row,column,value的CSV后用fill命令填入",
    ),
    "xlsx": (
        "Excel表格（.xlsx）",
        "本库读取报告全文；表格数据可整理为table,row,column,value的CSV后用fill命令填入",
    ),
    "ppt": ("演示文稿（PowerPoint）", "请提供报告的Word、PDF或网页文件"),
    "office": ("旧版Office文件", "请用Word或WPS打开后“另存为”.docx文件再读取"),
    "encrypted": ("设有打开密码的Office文件", "请用Word或WPS打开，取消打开密码后另存为.docx文件再读取"),
    "image": ("图片", "图片中的文字需要先进行文字识别（OCR），再读取识别出的文本"),
    "archive": ("压缩文件", "请先解压，再读取其中的报告文件"),
    "binary": ("二进制文件", "请提供报告的文本、网页、Word（.docx）或PDF文件"),
}

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_ARCHIVES = (
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names in an OLE2 (old Office) directory, as UTF-16LE.
_OLE_STREAMS = (
    ("EncryptedPackage", "encrypted"),  # a password-protected .docx/.xlsx is an OLE2 file
    ("WordDocument", "doc"),
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("PowerPoint Document", "ppt"),
)
_OLE_SUFFIXES = {".doc": "doc", ".dot": "doc", ".wps": "wps", ".xls": "xls", ".et": "xls", ".ppt": "ppt"}
# Names of Word (Office Open XML) files: a file so named that is not one is sent to the Word
# reader, which says what is wrong with it.
_DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml"}
# Markup that starts a web page (looked for in the first bytes, lowercased, after comments).
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p[\s>])")
_HTML_ANYWHERE = re.compile(rb"<(?:html|body)[\s>]|<table[\s>]")
_MHTML = re.compile(rb"^(?:mime-version:|from:|date:|subject:).*content-type:\s*multipart/related", re.S)
_PREFIX = 65536
# A Word main document part in a package's content types (.docx, .docm, .dotx, .dotm) …
_WORD_CONTENT_TYPE = re.compile(rb"(?:wordprocessingml\.(?:document|template)|ms-word\.[\w.]+)\.main\+xml")
# … or the package's relationship to it (the officeDocument relationship into word/).
_WORD_RELATIONSHIP = re.compile(
    rb"/officeDocument\"[^>]*Target=\"/?word/|Target=\"/?word/[^\"]*\"[^>]*/officeDocument\""
)
# Word's XML forms, one XML file: Word 2003 XML (w:wordDocument) and Flat OPC (pkg:package).
_WORD_XML = re.compile(
    rb"<\?mso-application\s+progid=\"word\.document\"|<w:worddocument[\s>]|<pkg:package[\s>]"
)


@attrs.frozen
class Sniffed:
    """What a file is.

    Attributes:
        form: a key of :data:`FORM_NAMES`: ``"text"``, ``"html"``, ``"docx"``, ``"pdf"``,
            ``"json"``, or a form the library does not read (``"doc"``, ``"image"`` …).
        detail: more about it, e.g. ``"PNG"`` for an image, ``"mhtml"`` for a saved web archive.
    """

    form: str
    detail: str = ""

    @property
    def description(self) -> str:
        """How messages name the form, e.g. ``图片（PNG）``."""
        name = FORM_NAMES.get(self.form, (self.form, ""))[0]
        return f"{name}（{self.detail}）" if self.detail and self.form in ("image", "archive") else name

    @property
    def advice(self) -> str:
        """What to do with a file of this form, when the library does not read it."""
        return FORM_NAMES.get(self.form, ("", ""))[1]


def sniff(data: bytes, name: str | None = None) -> Sniffed:
    """The form of a file's ``data``; ``name`` (its file name) only breaks ties."""
    suffix = PurePath(name).suffix.lower() if name else ""
    head = data[:_PREFIX]
    if head[:1024].find(b"%PDF-") >= 0:
        return Sniffed("pdf")
    for magic, detail in _IMAGES:
        if head.startswith(magic):
            return Sniffed("image", detail)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Sniffed("image", "WebP")
    if head.startswith(b"BM") and len(data) >= 26 and int.from_bytes(head[2:6], "little") == len(data):
        return Sniffed("image", "BMP")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip(data, suffix)
    if head.startswith(_OLE2):
        return _ole(head, suffix)
    for magic, detail in _ARCHIVES:
        if head.startswith(magic):
            return Sniffed("archive", detail)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return Sniffed("rtf")
    return _textual(head, suffix)


def _zip(data: bytes, suffix: str) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
            word = "word/document.xml" in names or _word_package(archive, names)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        return Sniffed("docx" if suffix in _DOCX_SUFFIXES else "archive", "ZIP")
    if word:
        return Sniffed("docx")
    if "xl/workbook.xml" in names:
        return Sniffed("xlsx")
    if "ppt/presentation.xml" in names:
        return Sniffed("ppt")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return Sniffed("odt")
    if "OFD.xml" in names:
        return Sniffed("ofd")
    if suffix in _DOCX_SUFFIXES and "[Content_Types].xml" in names:
        return Sniffed("docx")  # an Office package without its main part: a damaged Word file
    return Sniffed("archive", "ZIP")


def _word_package(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether a package's main document is a Word document under another name (Word Online
    downloads ``word/document2.xml``): its content type, else the package relationship to it."""
    for name, pattern in (("[Content_Types].xml", _WORD_CONTENT_TYPE), ("_rels/.rels", _WORD_RELATIONSHIP)):
        if (
            name in names
            and archive.getinfo(name).file_size <= _PREFIX
            and pattern.search(archive.read(name))
        ):
            return True
    return False


def _ole(head: bytes, suffix: str) -> Sniffed:
    if suffix == ".wps":
        return Sniffed("wps")
    for stream, form in _OLE_STREAMS:
        if stream.encode("utf-16-le") in head:
            return Sniffed(form)
    return Sniffed(_OLE_SUFFIXES.get(suffix, "office"))


def _skip_comments(probe: bytes) -> bytes:
    """``probe`` after leading white space, ``<!-- … -->`` comments and an XML declaration
    (XHTML pages start ``<?xml version="1.0" …?>``); one pass, no backtracking."""
    at = 0
    while True:
        while at < len(probe) and probe[at] in b" \t\r\n\f":
            at += 1
        if probe.startswith(b"<!--", at):
            end, close = probe.find(b"-->", at + 4), 3
        elif probe.startswith(b"<?xml", at):
            end, close = probe.find(b"?>", at + 5), 2
        else:
            return probe[at:]
        if end < 0:
            return b""
        at = end + close


def _textual(head: bytes, suffix: str) -> Sniffed:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        probe = head.decode(encoding, errors="ignore").encode("utf-8", errors="ignore").lower()
    else:
        probe = head.lower()
    probe = probe.lstrip(b"\xef\xbb\xbf")
    if _MHTML.match(probe[:4096]):
        return Sniffed("html", "mhtml")
    start = _skip_comments(probe)
    if _WORD_XML.match(start):  # (at the start: a web page saved by Word holds <w:WordDocument> too)
        return Sniffed("flatopc" if b"<pkg:package" in start[:4096] else "wordml")
    if _HTML_START.match(start):
        return Sniffed("html")
    if suffix in _HTML_SUFFIXES and _HTML_ANYWHERE.search(probe):
        return Sniffed("html")
    if suffix in _DOCX_SUFFIXES:
        return Sniffed("docx")  # not a zip package: the Word reader says so
    stripped = probe.lstrip()
    if stripped.startswith(b"{") and suffix in (".json", ".jsonl", ""):
        return Sniffed("json")
    return Sniffed("text")
