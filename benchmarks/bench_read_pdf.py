"""How fast PDF files are read: per page and per report, and how much of it is the grammar's parse.

    python benchmarks/bench_read_pdf.py [--rounds N]

For the real file (tests/fixtures/real/huaian-2024.pdf) and the LibreOffice
fixtures (tests/fixtures/pdf), each round reads every file once and times

* ``read``: the PDF reader (``read_document``: PDFium, the grid finder, lines, paragraphs);
* ``parse``: the grammar on the reader's document (``parse_document``);
* the same report's canonical text parsed with ``gr.parse`` — the baseline measured in
  the same run, so that the ratio says how much dearer a PDF is than its text.

Prints min/median/max over the rounds, per report and per page, the parse's share of
the whole, and the ratio to the text baseline.  Target: at most 150 ms per page on one core.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report as gr
from govinfo_report.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(
    p
    for p in (ROOT / "tests/fixtures/pdf").glob("*.pdf")
    if p.stem.startswith(("seed-", "generated-", "layout-"))
)
FILES = [ROOT / "tests/fixtures/real/huaian-2024.pdf", *FIXTURES]


def pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def summary(label: str, values: list[float], unit: float = 1000.0, suffix: str = "ms") -> str:
    scaled = [v * unit for v in values]
    return (
        f"{label:<28} min {min(scaled):8.1f}  median {statistics.median(scaled):8.1f}"
        f"  max {max(scaled):8.1f} {suffix}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    counts = {path: pages(path) for path in FILES}
    texts = {path: gr.render(gr.parse_file(path), "text") for path in FILES}
    read_document(FILES[0])  # imports and PDFium's start, not timed

    read_times: dict[Path, list[float]] = {path: [] for path in FILES}
    parse_times: dict[Path, list[float]] = {path: [] for path in FILES}
    text_times: dict[Path, list[float]] = {path: [] for path in FILES}
    for _ in range(args.rounds):
        for path in FILES:
            start = time.perf_counter()
            document = read_document(path)
            read_times[path].append(time.perf_counter() - start)
            parse_times[path].append(timed(lambda document=document: gr.parse_document(document)))
            text_times[path].append(timed(lambda path=path: gr.parse(texts[path])))

    total_pages = sum(counts.values())
    print(f"{len(FILES)} PDFs, {total_pages} pages, {args.rounds} rounds (one core)\n")
    real = FILES[0]
    for label, chosen in (("real (huaian-2024.pdf)", [real]), ("LibreOffice fixtures", FILES[1:])):
        if not chosen:
            continue
        n_pages = sum(counts[p] for p in chosen)
        per_round = [sum(read_times[p][r] + parse_times[p][r] for p in chosen) for r in range(args.rounds)]
        read_round = [sum(read_times[p][r] for p in chosen) for r in range(args.rounds)]
        parse_round = [sum(parse_times[p][r] for p in chosen) for r in range(args.rounds)]
        text_round = [sum(text_times[p][r] for p in chosen) for r in range(args.rounds)]
        print(f"== {label}: {len(chosen)} file(s), {n_pages} pages")
        print(summary("per report (read + parse)", [t / len(chosen) for t in per_round]))
        print(summary("per page (read + parse)", [t / n_pages for t in per_round]))
        print(summary("per page (read only)", [t / n_pages for t in read_round]))
        print(
            summary("parse's share", [p / t for p, t in zip(parse_round, per_round, strict=True)], 100, "%")
        )
        ratios = [t / b for t, b in zip(per_round, text_round, strict=True)]
        print(summary("ratio to parsing the text", ratios, 1.0, "x"))
        print(
            f"{'':<28} (text baseline: median {statistics.median(text_round) / len(chosen) * 1000:.1f} ms"
            " per report)\n"
        )
    worst = max(
        (statistics.median(read_times[p]) + statistics.median(parse_times[p])) / counts[p] for p in FILES
    )
    print(f"slowest file, median per page: {worst * 1000:.1f} ms (target ≤ 150 ms)")


if __name__ == "__main__":
    main()
