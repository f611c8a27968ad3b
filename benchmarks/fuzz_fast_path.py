"""The fast path against the reference parser on the fuzz corpus (a script, not a timed test).

Each input of ``fuzz_parse.py`` (the seeds with one to four mutations; the same inputs
for the same ``--seed``) is parsed strict and lenient twice: as the library does it
(the fast path of ``govinfo_report/_fast_path.py`` first) and by the reference parser
alone.  The outcomes must be identical — the report and its diagnostics, or the error's
type, line, column, message and expected items.  Printed: how many inputs, how many the
fast path read (its tree was used), and every difference (must be none).

    python benchmarks/fuzz_fast_path.py --count 20000 [--seed 0] [--jobs 2]

The exit status is 1 when an outcome differs.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import sys
import time
from typing import Any

from fuzz_parse import make_input

import govinfo_report as gr

_parse = importlib.import_module("govinfo_report.parse")
_FAST = _parse.fast_tree


def _outcome(text: str, lenient: bool) -> object:
    try:
        report = gr.parse(text, lenient=lenient)
    except gr.GovInfoError as error:
        where = (getattr(error, "line", None), getattr(error, "column", None))
        return (type(error).__name__, where, str(error), getattr(error, "expected", None))
    return (report, report.diagnostics)


def _counting(text: str, edition: Any) -> Any:
    tree = _FAST(text, edition)
    _counting.read += tree is not None  # type: ignore[attr-defined]
    return tree


def compare(task: tuple[int, int, int]) -> dict[str, Any]:
    """Inputs ``start`` … ``start + count - 1`` of ``seed``: counts and the differing inputs."""
    seed, start, count = task
    _counting.read = 0  # type: ignore[attr-defined]
    differ: list[tuple[int, bool]] = []
    for index in range(start, start + count):
        text = make_input(seed, index)
        for lenient in (False, True):
            _parse.fast_tree = _counting
            ours = _outcome(text, lenient)
            _parse.fast_tree = lambda text, edition: None
            reference = _outcome(text, lenient)
            if ours != reference:
                differ.append((index, lenient))
    _parse.fast_tree = _FAST
    return {"inputs": count, "read": _counting.read, "differ": differ}  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=20_000, help="inputs (default 20,000)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    chunk = max(1, args.count // (args.jobs * 8))
    tasks = [(args.seed, start, min(chunk, args.count - start)) for start in range(0, args.count, chunk)]
    began = time.perf_counter()
    with multiprocessing.Pool(args.jobs) as pool:
        parts = pool.map(compare, tasks)
    inputs = sum(part["inputs"] for part in parts)
    read = sum(part["read"] for part in parts)
    differ = [item for part in parts for item in part["differ"]]
    print(
        f"{inputs:,} inputs (strict and lenient) in {time.perf_counter() - began:.0f} s; "
        f"the fast path read {read:,} of {2 * inputs:,} parses ({read / max(2 * inputs, 1):.1%}); "
        f"outcomes that differ from the reference alone: {len(differ)}"
    )
    for index, lenient in differ[:20]:
        print(f"  input #{index} ({'lenient' if lenient else 'strict'})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
