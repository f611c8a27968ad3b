"""In-process speed targets as ratios measured in the same loop (a script, not a timed test).

For every seed report and every layout variant of a seed (``tests/fixtures``), each
call of the library is timed interleaved with its baseline, so that the machine's
changing speed affects both alike:

* parse: ``gr.parse(text)`` against a bare ``re.findall(r"\\d+", text)`` (target ≤ 15×);
* validate: ``gr.validate(report)`` against ``gr.parse(text)`` (target ≤ 0.3×);
* HTML render: ``gr.render(report, "html")`` against ``gr.parse(text)`` (target ≤ 0.3×);
* Word render: ``gr.render(report, "docx")``, ms per report (target ≤ 50 ms), and its
  ratio to the parse.

Times are this process's processor time (``time.process_time``), so that other work on
this shared machine counts as little as it can.  Each round takes the median over
``--runs`` calls per text; printed are min/median/max
over the rounds of the median ratio across the texts, with the absolute medians beside.

    python benchmarks/bench_speed.py [--runs 20] [--rounds 5] [--docx-runs 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
VARIANTS = ROOT / "tests" / "fixtures" / "variants"
_NUMBER = re.compile(r"\d+")


def texts() -> dict[str, str]:
    """The seeds and their layout variants, decoded."""
    found = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    for variant in json.loads((VARIANTS / "variants.json").read_text(encoding="utf-8")):
        found[variant["file"]] = (VARIANTS / variant["file"]).read_bytes().decode(variant["encoding"])
    return found


def _ms(call: Callable[[], object]) -> float:
    """The processor time of one call, in ms (time other processes take is not counted)."""
    start = time.process_time()
    call()
    return (time.process_time() - start) * 1000


def _pair(call: Callable[[], object], base: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians (ms) of ``call`` and ``base``, timed alternately."""
    mine, theirs = [], []
    for _ in range(runs):
        theirs.append(_ms(base))
        mine.append(_ms(call))
    return statistics.median(mine), statistics.median(theirs)


def _show(name: str, ratios: list[float], mine: list[float], base: list[float], what: str, goal: str) -> None:
    print(
        f"{name}: ratio min {min(ratios):.2f}x / median {statistics.median(ratios):.2f}x / "
        f"max {max(ratios):.2f}x ({goal}); {what} median {statistics.median(mine):.3f} ms, "
        f"baseline median {statistics.median(base):.3f} ms"
    )


def _round(
    per: dict[str, list[tuple[float, float]]], text: str, report: gr.Report, runs: int, docx: int
) -> None:
    def parse() -> object:
        return gr.parse(text)

    if docx:
        per["docx"].append(_pair(lambda: gr.render(report, "docx"), parse, runs))
        return
    per["parse"].append(_pair(parse, lambda: _NUMBER.findall(text), runs))
    per["validate"].append(_pair(lambda: gr.validate(report), parse, runs))
    per["html"].append(_pair(lambda: gr.render(report, "html"), parse, runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="calls per text per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--docx-runs", type=int, default=5, help="Word renders per seed per round")
    args = parser.parse_args()
    corpus = texts()
    reports = {name: gr.parse(text) for name, text in corpus.items()}
    for report in reports.values():  # warm up every lazily built part
        gr.validate(report)
        gr.render(report, "html")
    seeds = [name for name in corpus if name.endswith(".txt") and name[:3].isdigit()]
    gr.render(reports[seeds[0]], "docx")
    figures: dict[str, tuple[list[float], list[float], list[float]]] = {
        key: ([], [], []) for key in ("parse", "validate", "html", "docx")
    }
    for _ in range(args.rounds):
        per: dict[str, list[tuple[float, float]]] = {key: [] for key in figures}
        for name, text in corpus.items():
            _round(per, text, reports[name], args.runs, docx=0)
        for name in seeds:
            _round(per, corpus[name], reports[name], args.docx_runs, docx=1)
        for key, pairs in per.items():
            ratios, mine, base = figures[key]
            ratios.append(statistics.median(a / b for a, b in pairs))
            mine.append(statistics.median(a for a, _ in pairs))
            base.append(statistics.median(b for _, b in pairs))
    print(f"{len(corpus)} texts ({len(seeds)} seeds and their variants), {args.rounds} rounds")
    _show("parse / re.findall", *figures["parse"], "parse", "target <= 15x")
    _show("validate / parse", *figures["validate"], "validate", "target <= 0.3x")
    _show("render html / parse", *figures["html"], "render html", "target <= 0.3x")
    _show("render docx / parse", *figures["docx"], "render docx", "target <= 50 ms absolute")


if __name__ == "__main__":
    main()
