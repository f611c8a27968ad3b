"""Word-reading benchmark: reading a report's .docx costs at most 3x parsing its text.

For each seed report, rendered once to Word (``gr.render(r, "docx")``) and to the
canonical text (``gr.render(r, "text")``), the same run times, round by round:

* ``parse_docx``: ``gr.parse_docx(data)`` — opening the zip, lxml, walking the body, the grammar;
* ``text``: ``gr.parse(text)`` — the baseline;
* the reader's own parts: ``read_document`` (package and body walk, no grammar), of which
  ``open_package`` (the zip and lxml's parse of the parts read, numbering included: what is
  left is the body walk and the document builder) and, for comparison, python-docx's
  ``docx.Document()`` load of the same bytes, which the reader does not use (its load alone
  costs about twice the text parse).

It prints min/median/max in milliseconds and the ratio of medians (and of minima) to
the text parse; the budget is a ratio of 3.  Each figure is given twice: wall-clock time,
and the CPU time of this process (``time.process_time``), which other work on a shared
machine disturbs much less.

    python benchmarks/bench_read_docx.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report as gr

SEEDS = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds").glob("*.txt"))
BUDGET = 3.0


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def _interleaved(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU times (ms) of each action, taken in turn round by round (a burst of other
    work hits all alike), after a warm-up (first-use imports, the grammar).

    The garbage left by one action is collected before the next is timed (python-docx's
    objects hold reference cycles that only the collector frees: left alone, they would make
    whichever action comes next pay for their collection); the collector stays on during
    each action, which pays for its own garbage.
    """
    times: dict[str, dict[str, list[float]]] = {clock: {name: [] for name in actions} for clock in CLOCKS}
    for action in actions.values():
        for _ in range(3):
            action()
    for _ in range(rounds):
        for name, action in actions.items():
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            times["cpu"][name].append((time.process_time() - cpu) * 1000)
            times["wall"][name].append((time.perf_counter() - wall) * 1000)
    return times


def _line(name: str, values: list[float], baseline: list[float] | None) -> str:
    middle = statistics.median(values)
    text = f"  {name:<22} min {min(values):7.2f}  median {middle:7.2f}  max {max(values):7.2f} ms"
    if baseline is not None:
        ratio = statistics.median(values) / statistics.median(baseline)
        best = min(values) / min(baseline)
        text += f"   x{ratio:.2f} of text (minima x{best:.2f})"
    return text


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--rounds", type=int, default=30)
    rounds = options.parse_args().rounds
    import docx

    from govinfo_report.readers.docx_numbering import Numbering
    from govinfo_report.readers.docx_package import open_package

    def package(data: bytes) -> object:
        return Numbering.of(open_package(data))

    worst = dict.fromkeys(CLOCKS, 0.0)
    for path in SEEDS:
        report = gr.parse(path.read_text(encoding="utf-8"))
        text = gr.render(report, "text")
        data = gr.render(report, "docx")
        assert isinstance(data, bytes)
        times = _interleaved(
            {
                "text": lambda text=text: gr.parse(text),
                "parse_docx": lambda data=data: gr.parse_docx(data),
                "read_document": lambda data=data: gr.read_document(data, form="docx"),
                "open_package": lambda data=data: package(data),
                "python-docx Document()": lambda data=data: docx.Document(io.BytesIO(data)),
            },
            rounds,
        )
        print(f"{path.name}: {len(text):,} characters of text, {len(data):,} bytes of .docx, {rounds} rounds")
        for clock, measured in times.items():
            baseline = measured["text"]
            print(f" {clock} time")
            print(_line("gr.parse(text)", baseline, None))
            for name in ("parse_docx", "read_document", "open_package", "python-docx Document()"):
                print(_line(name, measured[name], baseline))
            ratio = statistics.median(measured["parse_docx"]) / statistics.median(baseline)
            worst[clock] = max(worst[clock], ratio)
    for clock, ratio in worst.items():
        verdict = "within" if ratio <= BUDGET else "OVER"
        budget = f"({verdict} the budget of x{BUDGET:.0f})"
        print(f"worst parse_docx/text ratio of medians, {clock} time: x{ratio:.2f} {budget}")


if __name__ == "__main__":
    main()
