"""Complexity benchmark: parse time per KB of input, for inputs of pathological shapes.

Each shape is a kind of input a regular expression or a recovery step could take
super-linear time on (a long line of one repeated word, of spaces, of digits, of
``|``, of table labels; many short lines; one huge paragraph; a heading repeated
…), built at 10 KB, 100 KB and 1 MB and parsed strictly and leniently.  For
each it prints min/median/max over the rounds, the time per KB, and the ratio of
the time per KB to that of the 10 KB input measured in the same run: parsing is
linear when the ratio stays within 2x up to 1 MB ("flat").

    python benchmarks/bench_complexity.py                 # every shape, 10 KB .. 1 MB
    python benchmarks/bench_complexity.py --shape title-words --sizes 10,100
    python benchmarks/bench_complexity.py --list

A shape whose 100 KB input already takes longer than ``--give-up`` seconds is not
run at 1 MB (it is reported as not flat).  The exit status is 1 when a shape is
not flat, so the script can be run by hand before a release; it is not a unit
test (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report as gr

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds" / "002_8227bd99a070a766.txt"


def _host(text: str) -> str:
    """The seed report (a PDF text layer) with each narrative part cut to one short paragraph.

    The shapes are put into this report, so that even at 10 KB most of the input
    is the shape and the time per KB is the shape's.
    """
    title = text[: text.index("根据《")]
    tables = text[text.index("二、主动公开政府信息情况") : text.index("五、存在的主要问题及改进情况")]
    return (
        f"{title}根据《中华人民共和国政府信息公开条例》有关规定，现发布本报告。\n\n"
        "一、总体情况\n\n（一）主动公开政府信息情况。本年度主动公开信息132条。\n\n"
        f"{tables}五、存在的主要问题及改进情况\n\n工作人员的专业能力仍需加强。\n\n"
        "六、其他需要报告的事项\n\n本年度没有产生信息处理费。\n"
    )


REPORT = _host(SEED.read_text(encoding="utf-8"))

#: Where a shape's text goes in the seed report: before the line that starts with this.
PLACES = {
    "front": "根据《中华人民共和国政府信息公开条例》",
    "section1": "（一）主动公开政府信息情况",
    "table2": "规章",
    "table3": "（一）予以公开",
    "table4": "五、存在的主要问题及改进情况",
}


_REPORT_SIZE = len(REPORT.encode("utf-8"))


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def _placed(place: str, build: Callable[[int], str], size: int) -> str:
    """The text ``build`` makes, alone or in the seed report, about ``size`` bytes in all."""
    if place == "alone":
        return build(size)
    text = build(max(size - _REPORT_SIZE, 1000))
    at = REPORT.index(PLACES[place])
    at = REPORT.rfind("\n", 0, at) + 1
    return REPORT[:at] + text + "\n" + REPORT[at:]


def _line(unit: str, place: str, suffix: str = "", prefix: str = "") -> Callable[[int], str]:
    """One long line: ``prefix``, ``unit`` repeated, ``suffix``; at ``place``."""
    return lambda size: _placed(place, lambda n: prefix + _repeat(unit, n) + suffix, size)


def _lines(line: str, place: str) -> Callable[[int], str]:
    """Many lines, each ``line``, at ``place``."""
    return lambda size: _placed(place, lambda n: _repeat(line + "\n", n).rstrip("\n"), size)


def _spaces_tab(size: int) -> str:
    return _placed("section1", lambda n: " " * (n // 2) + "\t" + " " * (n // 2) + "x", size)


def _paragraph(size: int) -> str:
    """One huge narrative paragraph: the seed's own sentences on one line."""
    start = REPORT.index("一、总体情况\n") + len("一、总体情况\n")
    sentences = "".join(REPORT[start : REPORT.index("二、主动公开政府信息情况")].split())
    return _placed("section1", lambda n: _repeat(sentences, n), size)


def _note_to_the_end(size: int) -> str:
    """Table 3 cut after its first rows, then lines opening the table-3 note and never closing it."""
    head = REPORT[: REPORT.index("（一）予以公开")]
    return head + _repeat("（本列数据的勾稽关系为\n", max(size - len(head.encode("utf-8")), 1000))


def _pasted(size: int) -> str:
    return _repeat(REPORT, size)


#: name -> (what it is, builder from a size in bytes to the whole input)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "title-words": (
        "one line of 2024年政府信息公开 repeated (no 报告)",
        _line("2024年政府信息公开", "alone"),
    ),
    "title-line-table3": (
        "a line of 2024年政府信息公开工作年度报告 repeated, in table 3",
        _line("2024年政府信息公开工作年度报告", "table3"),
    ),
    "title-lines-front": (
        "lines 2024年政府信息公开工作年度报告 before section 一",
        _lines("2024年政府信息公开工作年度报告", "front"),
    ),
    "year-words": ("a line of 2024年 repeated, in the front matter", _line("2024年 ", "front")),
    "spaces-tab": ("a line of spaces with one tab, in section 一", _spaces_tab),
    "rule-spaces": (
        "|--- then a line of spaces, in table 3",
        _line(" ", "table3", suffix="x", prefix="|---"),
    ),
    "rule-dashes": (
        "|--- repeated (a Markdown rule that never closes), in table 3",
        _line("|---", "table3", "x"),
    ),
    "tabs": ("a line of tabs, in table 3", _line("\t", "table3", suffix="x")),
    "pipes": ("a line of |, in table 3", _line("|", "table3", suffix="x")),
    "pipes-spaced": ("a line of '| ', in table 3", _line("| ", "table3", suffix="x")),
    "digits": ("a line of digits, in table 3", _line("1", "table3")),
    "cells": ("a line of cells '1 ' (one run of cells), in table 3", _line("1 ", "table3")),
    "cells-pipes": ("a line of cells '|1', in table 4", _line("|1", "table4")),
    "thousands": ("a line of 111, repeated, in table 3", _line("111,", "table3")),
    "dashes": ("a line of - (one not-filled mark), in table 3", _line("-", "table3")),
    "dashes-spaced": ("a line of '— ' (not-filled marks), in table 3", _line("— ", "table3")),
    "labels": (
        "a line of the row label 1.属于国家秘密 repeated, in table 3",
        _line("1.属于国家秘密 ", "table3"),
    ),
    "labels-table2": ("a line of the row label 规章 repeated, in table 2", _line("规章 ", "table2")),
    "headers": ("a line of the column header 自然人 repeated, in table 3", _line("自然人 ", "table3")),
    "header-lines": (
        "table 3's header line repeated",
        _lines(
            "申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", "table3"
        ),
    ),
    "heading-lines": ("the heading 一、总体情况 repeated, in section 一", _lines("一、总体情况", "section1")),
    "heading-words": ("a line of 一、总体情况 repeated, in section 一", _line("一、总体情况", "section1")),
    "cjk-section1": ("a line of CJK without punctuation, in section 一", _line("政", "section1")),
    "cjk-table3": ("a line of CJK without punctuation, in table 3", _line("政", "table3")),
    "paragraph": ("one huge paragraph of sentences, in section 一", _paragraph),
    "short-lines": ("many one-character lines, in section 一", _lines("字", "section1")),
    "blank-lines": ("many blank lines, in table 3", _lines(" ", "table3")),
    "subsection-numbers": ("a line of （一） repeated, in section 一", _line("（一）", "section1")),
    "brackets": ("a line of （, in table 3", _line("（", "table3")),
    "quotes": ('a line of "a repeated, in section 一', _line('"a', "section1")),
    "enumerators": ("a line of 1、 repeated, in table 3", _line("1、", "table3")),
    "hashes": ("a line of #, in section 一", _line("#", "section1")),
    "stars": ("a line of *, in section 一", _line("*", "section1")),
    "note-unclosed": (
        "lines （本列数据的勾稽关系为 with no closing bracket, in table 3",
        _lines("（本列数据的勾稽关系为", "table3"),
    ),
    "note-to-the-end": (
        "table 3 cut short, then lines （本列数据的勾稽关系为 and no closing bracket after them",
        _note_to_the_end,
    ),
    "row-lines": (
        "the row 1.属于国家秘密 0 0 0 0 0 0 0 repeated",
        _lines("1.属于国家秘密 0 0 0 0 0 0 0", "table3"),
    ),
    "controls": ("a line of control characters, in section 一", _line("\x01\x0b\x1f", "section1")),
    "pasted": ("the whole report pasted again and again", _pasted),
}


def _time(text: str, lenient: bool) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        report = gr.parse(text, lenient=lenient)
        outcome = f"{len(report.diagnostics)} diagnostics"
    except gr.ParseError as error:
        outcome = f"{type(error).__name__}"
    return time.perf_counter() - start, outcome


def _measure(text: str, lenient: bool, rounds: int) -> tuple[list[float], str]:
    """At least ``rounds`` rounds, and more for small inputs (up to half a second in all)."""
    times: list[float] = []
    outcome = ""
    while len(times) < rounds or (sum(times) < 0.5 and len(times) < 50):
        seconds, outcome = _time(text, lenient)
        times.append(seconds)
    return times, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shape", action="append", help="run only these shapes (repeatable)")
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB (default 10,100,1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--mode", choices=("strict", "lenient", "both"), default="both")
    parser.add_argument(
        "--give-up",
        type=float,
        default=20.0,
        help="stop growing a shape when the next size would take longer (seconds, default 20)",
    )
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, (what, _) in SHAPES.items():
            print(f"{name:<20} {what}")
        return 0
    sizes = [int(size) * 1000 for size in args.sizes.split(",")]
    modes = {"strict": [False], "lenient": [True], "both": [False, True]}[args.mode]
    gr.parse(REPORT)  # load the grammar before timing
    not_flat: list[str] = []
    for name in args.shape or list(SHAPES):
        what, build = SHAPES[name]
        print(f"{name}: {what}")
        for lenient in modes:
            mode = "lenient" if lenient else "strict"
            base = None
            worst = 1.0
            for size in sizes:
                text = build(size)
                kb = len(text.encode("utf-8", "surrogatepass")) / 1000
                times, outcome = _measure(text, lenient, args.rounds)
                per_kb = statistics.median(times) / kb * 1000  # ms per KB
                base = base or per_kb
                ratio = per_kb / base
                worst = max(worst, ratio)
                print(
                    f"  {mode:<7} {kb:>8.0f} KB: min {min(times) * 1000:9.1f} ms, median "
                    f"{statistics.median(times) * 1000:9.1f} ms, max {max(times) * 1000:9.1f} ms; "
                    f"{per_kb:7.3f} ms/KB = {ratio:5.2f}x of the first size  ({outcome})"
                )
                if size != sizes[-1]:
                    # What the next size would take at the growth seen so far.
                    following = sizes[sizes.index(size) + 1]
                    expected = statistics.median(times) * following / size * ratio
                    if expected > args.give_up:
                        print(f"  {mode:<7} stopped: the next size would take about {expected:.0f} s")
                        worst = float("inf")
                        break
            flat = worst <= 2.0
            if not flat:
                not_flat.append(f"{name} ({mode})")
            print(f"  {mode:<7} {'flat' if flat else 'NOT FLAT'}: worst {worst:.2f}x")
    print()
    print("not flat: " + (", ".join(not_flat) if not_flat else "none"))
    return 1 if not_flat else 0


if __name__ == "__main__":
    sys.exit(main())
