"""Reading report files: bytes → text.

UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised from the
bytes themselves.  Anything else (GB18030/GBK above all) is left to
`charset-normalizer <https://github.com/jawah/charset_normalizer>`_, the
optional ``encodings`` extra, restricted to the encodings Chinese reports
are published in.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .errors import DecodeError, InputTooLargeError

__all__ = ["CANDIDATE_ENCODINGS", "decode", "read_text"]

#: Encodings a report file may be in, as charset-normalizer names them.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "utf_16", "big5")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode a report's bytes; ``encoding`` forces a codec."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"无法按“{encoding}”解码：{exc}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"文件以{codec} BOM开头，但无法按{codec}解码：{exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and data.count(b"\x00") * 4 > min(len(data), 4096):
        raise DecodeError("文件看起来是二进制文件，不是文本")
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise DecodeError(
            "文件不是UTF-8编码；识别GB18030/GBK等编码需要安装可选依赖："
            "pip install 'govinfo-report[encodings]'"
        ) from None
    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise DecodeError("无法识别文件编码（已尝试UTF-8、GB18030、UTF-16、Big5）")
    return str(best)


def read_text(
    path: str | os.PathLike[str], encoding: str | None = None, *, max_size: int | None = None
) -> str:
    """Read a report file as text, detecting its encoding.

    A file larger than ``max_size`` bytes is refused before it is read.
    """
    try:
        file = Path(path)
        size = file.stat().st_size
        if max_size is not None and size > max_size:
            raise InputTooLargeError(
                f"文件过大：{size:,}字节，超过上限{max_size:,}（可用max_size调整）", line=1, column=1
            )
        data = file.read_bytes()
    except OSError as exc:
        raise DecodeError(f"无法读取文件“{path}”：{exc.strerror or exc}") from None
    return decode(data, encoding)
