"""Fuzzing ``gr.parse``: mutated seed reports, strict and lenient, checked for what must never happen.

The inputs are the seed reports (``tests/fixtures/seeds/*.txt``) with one to four
mutations each: lines deleted, duplicated, swapped, moved or taken from another
seed; the text cut short; characters replaced, deleted or doubled; random text
inserted — CJK, digits, table labels and headings, ``|`` and tabs, control
characters and lone surrogates.  Input ``i`` depends only on ``--seed`` and ``i``,
so a run is repeatable and both modes read the same inputs.

Reported, per mode:

* **foreign exceptions** — anything not a ``GovInfoError`` (must be 0);
* **internal errors** — a ``ParseError`` whose message starts ``内部错误`` (must be 0);
* **inputs over one second** (must be 0; each is printed, and saved with ``--save``) —
  timed again twice when it happens, since the machine may be busy: an input counts
  when it is slow each time;
* for lenient parsing, the **raises**, grouped by message (quoted text, code points and
  numbers taken out), with the count, how many of the texts have a line that starts
  with a section heading or a table row label, and the shortest example of each kind.

    python benchmarks/fuzz_parse.py                      # 100,000 inputs per mode, 2 processes
    python benchmarks/fuzz_parse.py --count 2000 --seed 7 --save /tmp/fuzz

The exit status is 1 when something that must be 0 is not.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import random
import re
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

import govinfo_report as gr
from govinfo_report.editions import HEADINGS

SEEDS = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds").glob("*.txt"))
SLOW = 1.0  # seconds

_WORDS = [
    *HEADINGS,
    "2024年政府信息公开工作年度报告",
    "规章",
    "行政许可",
    "行政事业性收费",
    "1.属于国家秘密",
    "（七）总计",
    "自然人",
    "法人或其他组织",
    "总计",
    "（一）",
    "第二十条第（一）项",
    "0",
    "12",
    "1,234",
    "3.5",
    "-",
    "—",
    "/",
    "无",
    " | ",
    "|",
    "\t",
    " ",
    "\n",
    "\r\n",
    "\r",
    "#",
    "**",
    "|---|",
    "“",
    "”",
    '"',
    "（",
    "）",
    "。",
    "，",
    "、",
]
_ALPHABET = (
    "0123456789 \t|/-—.,，。、（）()“”政府信息公开年度报告申请总计本年一二三四五六七八九十"
    "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\u2028\u3000\u00a0\u200b\ufeff\ufffe\uffff\ud800\udc80\udfff∅"
)


@cache
def _seeds() -> list[list[str]]:
    return [path.read_text(encoding="utf-8").split("\n") for path in SEEDS]


def _random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))


def _line_edit(lines: list[str], rng: random.Random) -> list[str]:
    if not lines:
        return [_random_text(rng)]
    at = rng.randrange(len(lines))
    kind = rng.randrange(6)
    if kind == 0:  # delete a line, or a block
        del lines[at : at + rng.choice((1, 1, 1, 3, 10))]
    elif kind == 1:  # duplicate a line, or a block (a few times: big inputs are bench_complexity's)
        block = lines[at : at + rng.choice((1, 1, 3, 10))]
        lines[at:at] = block * rng.choice((1, 1, 2, 3))
    elif kind == 2:  # swap two lines
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == 3:  # move a block elsewhere
        block = lines[at : at + rng.randint(1, 20)]
        del lines[at : at + len(block)]
        where = rng.randint(0, len(lines))
        lines[where:where] = block
    elif kind == 4:  # a line from another seed
        source = rng.choice(_seeds())
        lines.insert(at, rng.choice(source))
    else:  # truncate
        lines = lines[:at] + ([lines[at][: rng.randrange(len(lines[at]) + 1)]] if rng.random() < 0.5 else [])
    return lines


def _char_edit(text: str, rng: random.Random) -> str:
    at = rng.randint(0, len(text))
    kind = rng.randrange(4)
    if kind == 0:
        return text[:at] + _random_text(rng) + text[at:]
    if kind == 1:
        return text[:at] + text[at + rng.randint(1, 3) :]
    if kind == 2:
        return text[:at] + rng.choice(_ALPHABET) + text[at + 1 :]
    return text[:at] + text[at : at + 1] * rng.randint(2, 5) + text[at + 1 :]


def make_input(seed: int, index: int) -> str:
    """Input number ``index`` of the run with ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    lines = list(rng.choice(_seeds()))
    text = None
    for _ in range(rng.randint(1, 4)):
        if text is None and rng.random() < 0.6:
            lines = _line_edit(lines, rng)
        else:
            text = _char_edit(text if text is not None else "\n".join(lines), rng)
    return text if text is not None else "\n".join(lines)


# ---------------------------------------------------------------------------

_QUOTED = re.compile(r"“[^”]*”|「[^」]*」")
_CODE_POINT = re.compile(r"U\+[0-9A-F]{4,6}")
_NUMBER = re.compile(r"\d+")


def kind_of(message: str) -> str:
    """A message without its quoted text, code points and numbers: messages of one kind group."""
    return _NUMBER.sub("N", _CODE_POINT.sub("U+XXXX", _QUOTED.sub("“…”", message)))


@cache
def _landmark_patterns() -> list[re.Pattern[str]]:
    from govinfo_report._grammar import parser
    from govinfo_report.editions import get_edition
    from govinfo_report.recovery import landmarks

    names = set(landmarks(get_edition("2021")))
    return [
        re.compile(r"^[ \t|]*(?:" + terminal.pattern.to_regexp() + ")", re.MULTILINE)
        for terminal in parser().terminals
        if terminal.name in names
    ]


def has_landmark(text: str) -> bool:
    """Whether a line of the text starts with a section heading or a table row label."""
    from govinfo_report.normalize import normalize

    try:
        normalized = normalize(text)
    except gr.ParseError:  # a lone surrogate: look at the text as it is
        normalized = text
    return any(pattern.search(normalized) for pattern in _landmark_patterns())


def _shorter(found: dict[str, Any], key: str, text: str, **extra: Any) -> None:
    entry = found.setdefault(key, {"count": 0, "example": None, **extra})
    entry["count"] += 1
    if entry["example"] is None or len(text) < len(entry["example"]):
        entry["example"] = text
        entry.update(extra)


def _timed(text: str, lenient: bool) -> float:
    began = time.perf_counter()
    with contextlib.suppress(Exception):
        gr.parse(text, lenient=lenient)
    return time.perf_counter() - began


def fuzz(task: tuple[int, int, int, bool]) -> dict[str, Any]:
    """Parse inputs ``start`` … ``start + count - 1``; what happened, in counts and shortest examples."""
    seed, start, count, lenient = task
    result: dict[str, Any] = {"inputs": 0, "read": 0, "refused": 0, "seconds": 0.0, "noise": 0}
    foreign: dict[str, Any] = {}
    internal: dict[str, Any] = {}
    raises: dict[str, Any] = {}
    slow: list[tuple[int, float, int]] = []
    for index in range(start, start + count):
        text = make_input(seed, index)
        began = time.perf_counter()
        try:
            gr.parse(text, lenient=lenient)
            outcome: BaseException | None = None
        except Exception as error:
            outcome = error
        seconds = time.perf_counter() - began
        result["inputs"] += 1
        result["seconds"] += seconds
        if seconds > SLOW:
            # The machine is shared: an input is slow if it is slow every time, not once.
            again = min(_timed(text, lenient) for _ in range(2))
            if again > SLOW:
                slow.append((index, min(seconds, again), len(text)))
            else:
                result["noise"] += 1
        if outcome is None:
            result["read"] += 1
        elif not isinstance(outcome, gr.GovInfoError):
            _shorter(foreign, f"{type(outcome).__name__}: {outcome}"[:200], text, index=index)
        elif isinstance(outcome, gr.ParseError) and outcome.reason.startswith("内部错误"):
            _shorter(internal, outcome.reason[:200], text, index=index)
        else:
            result["refused"] += 1
            if lenient:
                reason = outcome.reason if isinstance(outcome, gr.ParseError) else str(outcome)
                key = kind_of(reason)
                entry = raises.setdefault(key, {"count": 0, "example": None, "landmarks": 0})
                entry["landmarks"] += has_landmark(text)
                _shorter(raises, key, text, index=index, message=reason)
    result.update(foreign=foreign, internal=internal, raises=raises, slow=slow)
    return result


def _merge(total: dict[str, Any], part: dict[str, Any]) -> None:
    for key in ("inputs", "read", "refused", "seconds", "noise"):
        total[key] = total.get(key, 0) + part[key]
    total.setdefault("slow", []).extend(part["slow"])
    for group in ("foreign", "internal", "raises"):
        mine = total.setdefault(group, {})
        for key, entry in part[group].items():
            if key not in mine:
                mine[key] = dict(entry)
                continue
            kept = mine[key]
            counts = {name: kept.get(name, 0) + entry.get(name, 0) for name in ("count", "landmarks")}
            if (len(entry["example"]), entry["index"]) < (len(kept["example"]), kept["index"]):
                kept.update(entry)
            kept.update(counts)


def _shown(text: str, limit: int = 240) -> str:
    shown = ascii(text) if any(0xD800 <= ord(c) <= 0xDFFF for c in text) else repr(text)
    return shown if len(shown) <= limit else shown[:limit] + f"… ({len(text):,} characters)"


def _report(mode: str, total: dict[str, Any], elapsed: float, save: Path | None, seed: int) -> bool:
    inputs = total["inputs"]
    mean = total["seconds"] / max(inputs, 1) * 1000
    rate = inputs / elapsed
    print(
        f"\n== {mode}: {inputs:,} inputs in {elapsed:.0f} s ({rate:.0f} per second; {mean:.1f} ms per parse)"
    )
    print(f"   read {total['read']:,}, refused with a library error {total['refused']:,}")
    clean = True
    for group, title in (("foreign", "foreign exceptions"), ("internal", "internal errors")):
        entries = total[group]
        count = sum(entry["count"] for entry in entries.values())
        print(f"   {title}: {count}")
        clean &= count == 0
        for key, entry in entries.items():
            print(f"     {entry['count']:>6}  {key}")
            print(f"             input #{entry['index']}: {_shown(entry['example'])}")
            _save(save, f"{mode}-{group}-{entry['index']}.txt", entry["example"])
    slow = sorted(total["slow"], key=lambda item: -item[1])
    noise = (
        f" ({total['noise']} more took over {SLOW:.0f} s once but not when timed again)"
        if total["noise"]
        else ""
    )
    print(f"   inputs over {SLOW:.0f} s: {len(slow)}{noise}")
    clean &= not slow
    for index, seconds, length in slow[:20]:
        print(f"     input #{index}: {seconds:.2f} s, {length:,} characters")
        _save(save, f"{mode}-slow-{index}.txt", make_input(seed, index))
    if mode == "lenient":
        raised = sum(entry["count"] for entry in total["raises"].values())
        print(f"   lenient raises: {raised:,} ({raised / max(inputs, 1):.2%}), by kind:")
        for key, entry in sorted(total["raises"].items(), key=lambda item: -item[1]["count"]):
            print(f"     {entry['count']:>6}  ({entry['landmarks']:,} with a heading or row label)  {key}")
            example = entry["example"]
            where = f"input #{entry['index']} ({len(example):,} characters)"
            print(f"             shortest, {where}: {_shown(example)}")
            _save(save, f"lenient-raise-{entry['index']}.txt", entry["example"])
    return clean


def _save(folder: Path | None, name: str, text: str) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))


def _warm() -> None:
    """Load the grammar before the first input is timed."""
    gr.parse(SEEDS[0].read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="which inputs (default 0)")
    parser.add_argument("--count", type=int, default=100_000, help="inputs per mode (default 100,000)")
    parser.add_argument(
        "--start", type=int, default=0, help="first input number (to rerun one: --start N --count 1)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--mode", choices=("strict", "lenient", "both"), default="both")
    parser.add_argument("--save", type=Path, help="write the examples and slow inputs to this folder")
    args = parser.parse_args(argv)
    modes = {"strict": [False], "lenient": [True], "both": [False, True]}[args.mode]
    chunk = 500
    clean = True
    print(
        f"seeds: {', '.join(path.name for path in SEEDS)}; --seed {args.seed}, {args.count:,} inputs per mode"
    )
    for lenient in modes:
        mode = "lenient" if lenient else "strict"
        tasks = [
            (args.seed, begin, min(chunk, args.start + args.count - begin), lenient)
            for begin in range(args.start, args.start + args.count, chunk)
        ]
        total: dict[str, Any] = {}
        began = time.perf_counter()
        with multiprocessing.get_context().Pool(args.jobs, initializer=_warm) as pool:
            for done, part in enumerate(pool.imap_unordered(fuzz, tasks), start=1):
                _merge(total, part)
                if done % 20 == 0 or done == len(tasks):
                    rate = total["inputs"] / (time.perf_counter() - began)
                    print(
                        f"\r   {mode}: {total['inputs']:,}/{args.count:,} ({rate:.0f}/s)",
                        end="",
                        file=sys.stderr,
                    )
        print(file=sys.stderr)
        clean &= _report(mode, total, time.perf_counter() - began, args.save, args.seed)
    print("\nclean" if clean else "\nNOT CLEAN: see above")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
