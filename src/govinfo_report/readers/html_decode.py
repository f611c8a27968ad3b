"""A web page's bytes as text: the encoding it declares, else what the bytes say.

The order (docs/reading-web-pages.md):

1. ``encoding=`` given by the caller: that codec, nothing else;
2. a byte-order mark (UTF-8, UTF-16);
3. the page's own declaration — ``<meta charset=…>``, ``<meta http-equiv="Content-Type"
   content="…; charset=…">``, an XML declaration, or the charset of a web archive's
   part — if the bytes decode with it (GBK and GB2312 are read as GB18030, their
   superset; a UTF-16 declaration in an ASCII-compatible page means UTF-8, as browsers
   read it);
4. UTF-8, then detection by charset-normalizer (:func:`govinfo_report.reading.decode`);
5. a page that the declared codec (else UTF-8) reads but for a few bad byte sequences
   (at most :data:`FEW_BAD`: a title cut mid-character, stray bytes in a script) is read
   as a browser shows it, each bad sequence as U+FFFD; where they were is returned
   (:attr:`PageText.replaced`) and the reader says so.  More than that, the encoding is
   unknown and the page refused.

A saved web archive (MHTML, ``.mht``) is a MIME message; its root HTML part is taken
with the standard library's :mod:`email` package (:func:`archive_page`).
"""

from __future__ import annotations

import codecs
import re
from email import policy
from email.errors import MessageError
from email.message import Message
from email.parser import BytesParser
from typing import NamedTuple

from ..errors import DecodeError
from ..reading import decode

__all__ = ["FEW_BAD", "PageText", "archive_page", "declared_encoding", "decode_page", "page_text"]

# How far into the page a declaration is looked for (a Word page's head can be long).
_PRESCAN = 65536
_META = re.compile(rb"<meta\b[^>]{0,2048}>", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml\b[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Declared names read as GB18030 (a superset of each).
_GB = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "gb2312_1980", "iso_ir_58", "chinese"}
# Control characters a page may carry that no one sees; form feed is white space in HTML.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


#: Most bad byte sequences a page may hold and be read, each shown as U+FFFD.
FEW_BAD = 5


class PageText(NamedTuple):
    """A page's text, its UTF-8 bytes when the page was just that (else ``None``), the codec
    read with, and where the bad byte sequences shown as U+FFFD were (``(start, end)`` byte
    offsets; usually none)."""

    text: str
    utf8: bytes | None
    codec: str = ""
    replaced: tuple[tuple[int, int], ...] = ()


def _codec(name: str) -> str | None:
    """The Python codec for a declared charset name, or ``None`` when it names none."""
    label = name.strip().lower().replace("-", "_")
    if label in ("x_gbk", "gb_2312", "gb_2312_80", "csgb2312", "windows_936"):
        return "gb18030"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if codec.replace("-", "_") in _GB or label in _GB:
        return "gb18030"
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a declaration readable as ASCII cannot be in UTF-16
    if codec in ("iso8859-1", "ascii"):
        return "cp1252"  # as browsers read these declarations
    return codec


def declared_encoding(data: bytes) -> str | None:
    """The codec the page declares in its first bytes (``<meta>`` or an XML declaration)."""
    head = data[:_PRESCAN]
    declaration = _XML_DECLARATION.match(head)
    if declaration:
        codec = _codec(declaration.group(1).decode("ascii"))
        if codec:
            return codec
    for tag in _META.finditer(head):
        charset = _CHARSET.search(tag.group())
        if charset:
            codec = _codec(charset.group(1).decode("ascii"))
            if codec:
                return codec
    return None


def decode_page(data: bytes, encoding: str | None = None, declared: str | None = None) -> str:
    """The page's text; ``encoding`` forces a codec, ``declared`` is a charset stated outside the page.

    Raises:
        DecodeError: the forced codec fails, or no encoding reads the bytes.
    """
    return page_text(data, encoding, declared).text


def page_text(data: bytes, encoding: str | None = None, declared: str | None = None) -> PageText:
    """:func:`decode_page`, with the text's UTF-8 bytes when ``data`` is just that (else ``None``)
    and where bad bytes were shown as U+FFFD (see the module's docstring).

    (The HTML parser reads UTF-8 bytes: a UTF-8 page need not be encoded again.)
    """
    if encoding is not None:
        return PageText(_clean(decode(data, _codec(encoding) or encoding)), None, encoding)
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return PageText(_clean(decode(data, bom_codec)), None, bom_codec)
    declared_codec = _codec(declared) if declared else declared_encoding(data)
    for codec in (declared_codec, "utf-8"):
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue  # a wrong declaration: read the bytes as they are
        if _visible(data):
            return PageText(text, data if codec == "utf-8" else None, codec)
        return PageText(_clean(text), None, codec)
    if declared_codec is not None:
        shown = _with_replacements(data, declared_codec)
        if shown is not None:
            return shown
    try:
        return PageText(_clean(decode(data)), None)
    except DecodeError:
        shown = _with_replacements(data, "utf-8") if declared_codec is None else None
        if shown is None:
            raise
        return shown


def _with_replacements(data: bytes, codec: str) -> PageText | None:
    """``data`` read with ``codec``, each bad byte sequence as U+FFFD (as ``errors="replace"``
    does), if there are at most :data:`FEW_BAD` of them; else ``None``."""
    pieces: list[str] = []
    replaced: list[tuple[int, int]] = []
    at = 0
    while True:
        try:
            pieces.append(data[at:].decode(codec))
        except UnicodeDecodeError as bad:
            if len(replaced) == FEW_BAD:
                return None
            pieces += [data[at : at + bad.start].decode(codec), "\ufffd"]
            replaced.append((at + bad.start, at + max(bad.end, bad.start + 1)))
            at = replaced[-1][1]
            continue
        except LookupError:
            return None
        return PageText(_clean("".join(pieces)), None, codec, tuple(replaced))


def _visible(data: bytes) -> bool:
    """Whether bytes of an ASCII-based encoding hold none of the control characters no one sees."""
    return len(data.translate(None, _CONTROL_BYTES)) == len(data)


def _clean(text: str) -> str:
    """``text`` without the control characters no one sees."""
    if "\x0c" in text:
        text = text.replace("\x0c", " ")
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def archive_page(data: bytes) -> tuple[bytes, str | None]:
    """The root HTML part of a web archive (MHTML) and its declared charset.

    The root is the part the ``start`` parameter names, else the first ``text/html`` part.

    Raises:
        DecodeError: the archive holds no HTML part.
    """
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
        part = _root_part(message)
        payload = part.get_payload(decode=True) if part is not None else None
        charset = part.get_content_charset() if part is not None else None
    except (MessageError, ValueError, LookupError, TypeError, IndexError) as exc:
        raise DecodeError(f"无法读取网页存档（MHTML）：{exc}") from None
    if not isinstance(payload, bytes):
        raise DecodeError("网页存档（MHTML）中没有HTML网页")
    return payload, charset


def _root_part(message: Message) -> Message | None:
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str):
        wanted = start.strip().strip("<>")
        for part in parts:
            if str(part.get("Content-ID", "")).strip().strip("<>") == wanted:
                return part
    return next((part for part in parts if part.get_content_type() == "text/html"), None)
