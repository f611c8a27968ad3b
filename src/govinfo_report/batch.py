"""Reading many report files: in parallel, streaming, never stopping on a bad one.

:func:`parse_many` yields one :class:`FileResult` per file, in the order of
the input, as soon as it is ready; worker processes parse, validate and
serialize, so the parent only writes text and counts.  At most a few files per
worker are in flight and nothing is kept after it is yielded, so memory stays
flat however many files there are.

The workers are supervised: each holds at most two files (the one it reads
and the next), so when one dies (killed, or ended by the kernel's OOM killer)
the file it was reading is reported as failed with the reason, the file it had
not started goes to another worker, a new worker takes its place, and the run
goes on.  Workers ignore SIGINT: Ctrl-C reaches the parent only, which stops
them and lets the caller print what was done.

:func:`collect` walks the inputs: files named on the command line are read
whatever they are (a FIFO named there fails with its reason); inside a
directory only regular files (and links to them) are read, and everything else
— dangling links, link loops, links to directories (not followed), FIFOs,
sockets, devices, unreadable folders — is returned as :class:`Skipped`, with
the reason, so a summary can count it.  Hidden files and folders are left out
on purpose and not counted.  The output file of the run is never an input.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import signal
import stat
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._grammar import parser
from .api import parse, parse_file
from .cells import cells
from .errors import GovInfoError
from .model import Report
from .normalize import printable
from .records import diagnostic_record, error_record
from .rules import validate
from .serialize import dumps, to_dict
from .values import format_value

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = [
    "CELLS_HEADER",
    "FORMATS",
    "SPREADSHEET_TRIGGERS",
    "Collected",
    "FileResult",
    "Skipped",
    "cell_rows",
    "collect",
    "collect_paths",
    "parse_many",
    "process_file",
    "spreadsheet_text",
]

#: Output formats of a batch run.
FORMATS = ("jsonl", "cells")
CELLS_HEADER = ("path", "table", "row", "column", "value")

#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Files a worker holds at once: the one it reads, and the next, so that it never waits.
_HELD = 2


@attrs.frozen
class FileResult:
    """What became of one file.

    Attributes:
        path: the file, as given (a name that is not UTF-8 keeps its bytes as
            surrogates; written out, it is :func:`~govinfo_report.normalize.printable`).
        ok: whether it was read as a report.
        text: the output for this file (a JSON line, or CSV rows).
        diagnostics: how many things lenient parsing skipped or filled in.
        errors: how many validation findings of severity ``error``.
        message: the error, when the file could not be read (printable).
        diagnostic_records: the diagnostics as :func:`~govinfo_report.records.diagnostic_record`
            objects (for the command line's summary and ``--diagnostics``).
    """

    path: str
    ok: bool
    text: str
    diagnostics: int = 0
    errors: int = 0
    message: str = ""
    diagnostic_records: tuple[dict[str, Any], ...] = ()


@attrs.frozen
class Skipped:
    """Something inside a directory that is not a file to read, and why."""

    path: str
    reason: str


@attrs.frozen
class Collected:
    """The files to read, in order, and what was skipped inside the directories."""

    files: list[str]
    skipped: list[Skipped]


def collect(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> Collected:
    """Files named, and regular files under directories named (recursively, no hidden ones), sorted.

    ``exclude``: files never taken from a directory (the run's output file), compared
    by identity (device and inode), not by name.  A file named is always an input.
    """
    excluded = {_identity(path) for path in exclude} - {None}
    files: list[str] = []
    skipped: list[Skipped] = []
    for item in inputs:
        path = os.fspath(item)
        if os.path.isdir(path):
            found, passed = _walk(path, excluded)
            files += sorted(found)
            skipped += sorted(passed, key=lambda entry: entry.path)
        else:
            files.append(path)
    return Collected(files, skipped)


def collect_paths(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> list[str]:
    """The files :func:`collect` finds."""
    return collect(inputs, exclude=exclude).files


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _walk(top: str, excluded: set[tuple[int, int] | None]) -> tuple[list[str], list[Skipped]]:
    """Regular files under ``top`` (iteratively: no recursion on the depth of folders)."""
    files: list[str] = []
    skipped: list[Skipped] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                children = list(entries)
        except OSError as exc:
            skipped.append(Skipped(folder, f"无法读取的目录（{exc.strerror or exc}）"))
            continue
        for entry in children:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                info = os.stat(entry.path)  # follows a link to what it names
            except OSError as exc:
                skipped.append(Skipped(entry.path, _unreadable(entry, exc)))
                continue
            if stat.S_ISREG(info.st_mode):
                if (info.st_dev, info.st_ino) not in excluded:
                    files.append(entry.path)
            else:
                skipped.append(Skipped(entry.path, _not_a_file(info.st_mode, entry.is_symlink())))
    return files, skipped


def _unreadable(entry: os.DirEntry[str], exc: OSError) -> str:
    if entry.is_symlink():
        if exc.errno == errno.ELOOP:
            return "符号链接循环"
        if exc.errno == errno.ENOENT:
            return "悬空的符号链接"
    return f"无法访问的条目（{exc.strerror or exc}）"


def _not_a_file(mode: int, link: bool) -> str:
    if stat.S_ISDIR(mode):
        return "指向目录的符号链接"  # not followed: no loops, no file read twice
    if stat.S_ISFIFO(mode):
        kind = "管道"
    elif stat.S_ISSOCK(mode):
        kind = "套接字"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "设备文件"
    else:  # pragma: no cover - door files and the like
        kind = "特殊文件"
    return f"指向{kind}的符号链接" if link else kind


# ---------------------------------------------------------------------------
# One file


def spreadsheet_text(text: str) -> str:
    """A text field of a CSV meant for spreadsheets: ``'`` put before a formula trigger.

    A field that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    would be run as a formula by Excel, LibreOffice or Google Sheets (OWASP's "CSV
    injection"); with the ``'`` it is shown as text.  Only text columns (path, row,
    column) go through this: a value such as ``-18`` is a number and stays as it is.
    """
    return "'" + text if text.startswith(SPREADSHEET_TRIGGERS) else text


def cell_rows(report: Report, path: str | None = None) -> Iterator[list[str]]:
    """The rows of the cells CSV of ``report`` (``path`` first when given), text fields made safe."""
    lead = [spreadsheet_text(printable(path))] if path is not None else []
    for cell in cells(report):
        yield [
            *lead,
            str(cell.table),
            spreadsheet_text(cell.row),
            spreadsheet_text(cell.column),
            format_value(cell.value),
        ]


def process_file(
    path: str, fmt: str = "jsonl", lenient: bool = False, check: bool = True, edition: str | None = None
) -> FileResult:
    """Parse (and validate) one file and write its output; never raises for a bad file."""
    try:
        report = parse_file(path, lenient=lenient, edition=edition)
        diagnostics = tuple(diagnostic_record(d) for d in report.diagnostics)
        findings = validate(report) if check else []
        errors = sum(1 for finding in findings if finding.severity == "error")
        if fmt == "cells":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(cell_rows(report, path))
            text = buffer.getvalue()
        else:
            record = {
                "path": printable(path),
                "status": "ok",
                "error": None,
                "diagnostics": list(diagnostics),
                "findings": [finding.to_dict() for finding in findings],
                "report": to_dict(report),
            }
            text = dumps(record) + "\n"
    except Exception as error:  # one broken file must not end a batch
        return _failure(path, fmt, error)
    return FileResult(path, True, text, len(report.diagnostics), errors, diagnostic_records=diagnostics)


def _failure(path: str, fmt: str, error: BaseException | str) -> FileResult:
    if isinstance(error, str):
        kind, full = "WorkerLost", error
    elif isinstance(error, GovInfoError):
        kind, full = type(error).__name__, str(error)
    else:
        kind, full = type(error).__name__, f"内部错误：{error!r}"
    full = printable(full)
    message = full.split("\n")[0]
    if fmt == "cells":
        return FileResult(path, False, "", message=message)
    detail = error_record(error, kind, full)
    record: dict[str, Any] = {
        "path": printable(path),
        "status": "error",
        "error": detail,
        "diagnostics": [],
        "findings": [],
        "report": None,
    }
    return FileResult(path, False, dumps(record) + "\n", message=message)


# ---------------------------------------------------------------------------
# Many files

_Task = tuple[str, str, bool, bool, str | None]


def parse_many(
    paths: Iterable[str],
    *,
    fmt: str = "jsonl",
    jobs: int | None = None,
    lenient: bool = False,
    check: bool = True,
    edition: str | None = None,
) -> Generator[FileResult, None, None]:
    """One result per path, in order, parsed by ``jobs`` processes (default: all cores).

    ``edition`` forces the layout edition of every file (default: detected per file).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`, or ``jobs`` is not a
            positive integer.
    """
    if fmt not in FORMATS:
        raise ValueError(f"未知的批量输出格式“{fmt}”；可用：{'、'.join(FORMATS)}")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"进程数（jobs）应为正整数，实际为{jobs!r}")
    workers = jobs or os.cpu_count() or 1
    return _results(((path, fmt, lenient, check, edition) for path in paths), workers)


def _results(tasks: Iterator[_Task], workers: int) -> Generator[FileResult, None, None]:
    if workers == 1:
        for task in tasks:
            yield process_file(*task)
        return
    _warm_up()  # once here, so that forked workers start with it all
    yield from _Pool(workers).run(tasks)


def _warm_up() -> None:
    """Build in the parent what each worker would otherwise build again after the fork.

    That is the parser, the scanners of its lexer states (compiled on first use), the
    table plans and the caches of validation and serialization: a report of each
    edition (the skeleton's text) is parsed, validated and serialized.
    """
    from .render.text import render_text
    from .skeleton import skeleton

    parser()
    for year in (2024, 2020):  # the 2021 and the 2019 edition
        try:
            report = parse(render_text(skeleton("样例", year)))
            validate(report)
            to_dict(report)
        except GovInfoError:  # pragma: no cover - the skeleton's text is a report
            continue


def _serve(connection: Connection) -> None:
    """A worker: read tasks, answer each with its result, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, task = message
        connection.send((index, process_file(*task)))


class _Worker:
    def __init__(self, context: Any) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        #: (index, task) sent and not answered yet, oldest first: the first is being read.
        self.held: deque[tuple[int, _Task]] = deque()

    def send(self, index: int, task: _Task) -> None:
        self.held.append((index, task))
        self.connection.send((index, task))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class _Pool:
    """Supervised workers; results come back in input order."""

    def __init__(self, size: int) -> None:
        import multiprocessing  # (when workers are needed: a single file does without)

        self._context = multiprocessing.get_context()
        self._size = size
        self._workers: list[_Worker] = []
        self._retry: deque[tuple[int, _Task]] = deque()  # held by a dead worker, not started

    def run(self, tasks: Iterable[_Task]) -> Iterator[FileResult]:
        source = enumerate(tasks)
        exhausted = False
        done: dict[int, FileResult] = {}
        sent = delivered = 0
        window = self._size * _HELD * 2  # results waiting for an earlier one, at most
        try:
            self._workers = [_Worker(self._context) for _ in range(self._size)]
            while True:
                for at in range(len(self._workers)):
                    while len(self._workers[at].held) < _HELD:
                        if self._retry:
                            item = self._retry.popleft()
                        elif exhausted or sent - delivered >= window:
                            break
                        else:
                            following = next(source, None)
                            if following is None:
                                exhausted = True
                                break
                            item = following
                            sent += 1
                        self._send(at, item, done)
                while delivered in done:
                    yield done.pop(delivered)
                    delivered += 1
                if exhausted and delivered == sent:
                    break
                self._collect(done)
            for worker in self._workers:
                worker.stop()
            for worker in self._workers:
                worker.process.join(5)
        finally:
            for worker in self._workers:
                worker.kill()

    def _send(self, at: int, item: tuple[int, _Task], done: dict[int, FileResult]) -> None:
        worker = self._workers[at]
        try:
            worker.send(*item)
        except OSError:  # it died between two files: the file goes to the next one
            worker.held.pop()
            self._retry.appendleft(item)
            self._replace(worker, done)

    def _collect(self, done: dict[int, FileResult]) -> None:
        """Wait for results or dead workers; put results in ``done``, replace the dead."""
        owners: dict[Any, _Worker] = {}
        for worker in self._workers:
            if worker.held:
                owners[worker.connection] = owners[worker.process.sentinel] = worker
        dead: list[_Worker] = []
        from multiprocessing.connection import wait

        for item in wait(list(owners)):
            worker = owners[item]
            if item is worker.connection and self._receive(worker, done):
                continue
            dead.append(worker)
        for worker in dict.fromkeys(dead):
            if worker not in self._workers:
                continue
            while worker.connection.poll() and self._receive(worker, done):
                pass  # what it answered before it died
            if worker.process.is_alive() and not worker.connection.closed:
                continue  # only a result was waiting
            self._replace(worker, done)

    def _receive(self, worker: _Worker, done: dict[int, FileResult]) -> bool:
        try:
            index, result = worker.connection.recv()
        except (EOFError, OSError):
            return False
        worker.held.popleft()
        done[index] = result
        return True

    def _replace(self, worker: _Worker, done: dict[int, FileResult]) -> None:
        worker.kill()
        if worker.held:
            index, task = worker.held.popleft()  # the file it was reading
            done[index] = _failure(task[0], task[1], _death(worker.process.exitcode))
            self._retry.extend(worker.held)  # files it had not started: another worker reads them
            worker.held.clear()
        self._workers[self._workers.index(worker)] = _Worker(self._context)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:  # pragma: no cover - a signal without a name
            name = f"信号{-exitcode}"
        how = f"被信号{name}终止"
        if -exitcode == signal.SIGKILL:
            how += "（常见原因：内存不足，被系统结束）"
    else:
        how = f"意外退出（退出码{exitcode}）"
    return f"读取此文件的工作进程{how}，此文件未读完"
