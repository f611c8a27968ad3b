"""One progress line for runs over many files: done/total, rate and time left.

The command line (``parse`` and ``validate`` of several files, ``check``) shows it on
standard error when that is a terminal and ``--quiet`` is not given; a run piped into a
file prints nothing of it.  The line is redrawn at most ten times a second, so a fast run
does not spend its time drawing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress", "format_duration", "progress_line"]

_BAR = 24


def format_duration(seconds: float) -> str:
    """``seconds`` as a person reads a time left: ``8秒``, ``2分05秒``, ``1小时02分``.

    >>> format_duration(8.4), format_duration(125), format_duration(3720)
    ('8秒', '2分05秒', '1小时02分')
    """
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole}秒"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}分{secs:02d}秒"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}小时{minutes:02d}分"


def progress_line(done: int, total: int, elapsed: float, extra: str = "") -> str:
    """The line shown after ``done`` of ``total`` files in ``elapsed`` seconds.

    The rate is files per second so far; the time left assumes the rest go at that rate
    (not shown before the first file is done, nor once every file is).

    >>> progress_line(50, 200, 10.0)
    '██████··················  50/200  5.0个/秒  剩余约30秒'
    >>> progress_line(200, 200, 10.0, "成功199 失败1")
    '████████████████████████  200/200  20.0个/秒  成功199 失败1'
    """
    filled = _BAR * done // max(total, 1)
    parts = [f"{'█' * filled}{'·' * (_BAR - filled)}  {done}/{total}"]
    if done and elapsed > 0:
        rate = done / elapsed
        parts.append(f"{rate:.1f}个/秒")
        if done < total:
            parts.append(f"剩余约{format_duration((total - done) / rate)}")
    if extra:
        parts.append(extra)
    return "  ".join(parts)


class Progress:
    """A progress line on ``stream``, redrawn in place (``\\r``), cleared at the end.

    Call it with ``(done, total)`` (as :func:`govinfo_report.analysis.corpus.check_corpus`
    does) or use :meth:`update` with a remark; :meth:`clear` before printing anything else.

    >>> import io
    >>> stream = io.StringIO()
    >>> progress = Progress(stream, clock=iter([0.0, 2.0]).__next__)
    >>> progress(4, 4)
    >>> stream.getvalue()
    '\\r████████████████████████  4/4  2.0个/秒\\x1b[K'
    """

    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._start = clock()
        self._shown: float | None = None

    def __call__(self, done: int, total: int) -> None:
        self.update(done, total)

    def update(self, done: int, total: int, extra: str = "") -> None:
        """Redraw the line, unless it was drawn less than 0.1 s ago and the run is not done."""
        now = self._clock()
        if self._shown is not None and now - self._shown < 0.1 and done < total:
            return
        self._shown = now
        self._stream.write("\r" + progress_line(done, total, now - self._start, extra) + "\x1b[K")
        self._stream.flush()

    def clear(self) -> None:
        """Remove the line (before a message, and at the end)."""
        if self._shown is not None:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
