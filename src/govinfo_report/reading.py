"""Reading files: bytes from a path, within a size limit; bytes → text.

Only regular files are read (a FIFO or a device would block or never end),
and the size limit is enforced on the bytes actually read, not on what the
file system says.

UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised from the
bytes themselves.  Anything else (GB18030/GBK above all) is left to
`charset-normalizer <https://github.com/jawah/charset_normalizer>`_, the
optional ``encodings`` extra, restricted to the encodings Chinese reports
are published in.
"""

from __future__ import annotations

import codecs
import os
import stat

from .errors import DecodeError, InputTooLargeError
from .normalize import printable

__all__ = ["CANDIDATE_ENCODINGS", "MAX_SIZE", "decode", "read_bytes", "read_text", "too_large"]

#: Default largest input, in characters for text and in bytes for files.
MAX_SIZE = 20_000_000

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


def read_bytes(path: str | os.PathLike[str], *, max_size: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``max_size`` of them.

    Raises:
        DecodeError: the file cannot be opened, or is not a regular file (a directory,
            a FIFO, a device).
        InputTooLargeError: the file holds more than ``max_size`` bytes (checked on the
            bytes read, so a file that grows while it is read is refused too).
    """
    try:
        # Non-blocking: opening a FIFO returns at once (to be refused below), and the
        # checks are made on what was opened, not on a name that may change meanwhile.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise DecodeError(f"无法读取文件“{_shown(path)}”：{exc.strerror or exc}") from None
    except ValueError:  # a NUL character in the name
        raise DecodeError(f"无法读取文件“{_shown(path)}”：文件名含有NUL字符") from None
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = "目录" if stat.S_ISDIR(info.st_mode) else "设备、管道或套接字"
            raise DecodeError(f"“{_shown(path)}”不是普通文件（是{kind}），未读取")
        if max_size is not None and info.st_size > max_size:
            raise too_large(info.st_size, max_size)
        try:
            data = file.read() if max_size is None else file.read(max_size + 1)
        except OSError as exc:
            raise DecodeError(f"无法读取文件“{_shown(path)}”：{exc.strerror or exc}") from None
    if max_size is not None and len(data) > max_size:
        raise too_large(len(data), max_size)
    return data


def _shown(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: bytes that are not UTF-8 as ``\\xNN``."""
    return printable(os.fsdecode(path))


def too_large(size: int, max_size: int) -> InputTooLargeError:
    """The error for input of ``size`` bytes over the limit ``max_size``."""
    more = "以上" if size == max_size + 1 else ""
    return InputTooLargeError(
        f"文件过大：{size:,}字节{more}，超过上限{max_size:,}（可用max_size调整）",
        line=1,
        column=1,
    )


def read_text(
    path: str | os.PathLike[str], encoding: str | None = None, *, max_size: int | None = None
) -> str:
    """Read a text file, detecting its encoding; at most ``max_size`` bytes."""
    return decode(read_bytes(path, max_size=max_size), encoding)
