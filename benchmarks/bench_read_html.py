"""Reading a web page against parsing the same report's text (a script, not a timed test).

Target: reading an HTML report costs at most 3x the text parse of the same report.
For each page — the three seeds rendered to HTML (``gr.render(r, "html")``) and the
real ``tests/fixtures/real/pingtan-2021.html`` — each round times the page read and
parsed (``gr.parse_file``) and the same report's canonical text parsed
(``gr.parse(gr.render(r, "text"))``), the two interleaved call by call, so that the
machine's changing speed affects both alike; the time measured is this process's
processor time (``time.process_time``), so that other work on this shared machine
counts as little as it can.  Printed: min/median/max of each, the ratio of the
medians, and the ratio of the best rounds' medians; beside them, what lxml alone
takes to build the page's tree (the floor no reading of the page goes under: for a
large page full of Word markup it is already a good part of the target).

Then growth with page size: a seed's page with ever more site chrome around the
report, and with ever more narrative inside it — time per KB should stay flat
(linear time).

    python benchmarks/bench_read_html.py [--runs 30] [--rounds 5] [--no-growth]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
REAL = ROOT / "tests" / "fixtures" / "real" / "pingtan-2021.html"


def _timed(call: Callable[[], object]) -> float:
    """The processor time of one call, in ms (time other processes take is not counted)."""
    start = time.process_time()
    call()
    return (time.process_time() - start) * 1000


def compare(name: str, page: Path, runs: int, rounds: int) -> float:
    """Print the figures for one page; return the ratio of the medians."""
    report = gr.parse_file(page)
    text = gr.render(report, "text")
    assert gr.parse(text) == report, name

    def read() -> object:
        return gr.parse_file(page)

    data = page.read_bytes()

    def tree() -> object:
        return etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))

    def baseline() -> object:
        return gr.parse(text)

    for _ in range(5):
        read()
        baseline()
    html_times: list[float] = []
    text_times: list[float] = []
    tree_times: list[float] = []
    html_rounds: list[float] = []
    text_rounds: list[float] = []
    for _ in range(rounds):
        html_batch, text_batch = [], []
        for _ in range(runs):
            html_batch.append(_timed(read))
            text_batch.append(_timed(baseline))
            tree_times.append(_timed(tree))
        html_rounds.append(statistics.median(html_batch))
        text_rounds.append(statistics.median(text_batch))
        html_times += html_batch
        text_times += text_batch
    ratio = statistics.median(html_times) / statistics.median(text_times)
    best = min(html_rounds) / min(text_rounds)
    floor = statistics.median(tree_times) / statistics.median(text_times)
    size = page.stat().st_size
    print(f"{name} ({size / 1024:.0f} KB page, {len(text) / 1024:.1f} KB text), {rounds}x{runs} runs each:")
    print(f"  read the page : {_spread(html_times)}")
    print(f"  parse the text: {_spread(text_times)}")
    print(f"  lxml's tree   : {_spread(tree_times)} ({floor:.2f}x the text parse)")
    print(f"  ratio of medians {ratio:.2f}x; of best rounds' medians {best:.2f}x (target <= 3x)")
    return ratio


def _spread(times: list[float]) -> str:
    return f"min {min(times):.2f} ms, median {statistics.median(times):.2f} ms, max {max(times):.2f} ms"


CHROME = (
    "<div class='nav'><ul>"
    + "".join(f"<li><a href='/c/{i}.html'>栏目{i}</a></li>" for i in range(20))
    + "</ul><table><tr><td><a href='/x'>相关文件</a></td><td>2024-01-01</td></tr></table>"
    "<p>主办单位：某某人民政府办公室　联系电话：0000-12345678</p></div>\n"
)
PARAGRAPH = "<p>全年主动公开政府信息1280条，其中通过门户网站发布1100条，通过政务新媒体发布180条。</p>\n"


def growth(factors: tuple[int, ...] = (1, 10, 100, 1000)) -> None:
    """Time per KB of pages growing around the report (chrome) and inside it (narrative)."""
    report = gr.parse(SEEDS[0].read_text(encoding="utf-8"))
    page = gr.render(report, "html")
    heading = "<h2>一、总体情况</h2>\n"
    with tempfile.TemporaryDirectory() as folder:
        for what, grow in (
            ("chrome around the report", lambda n: page.replace("<body>", "<body>" + CHROME * n, 1)),
            ("narrative in section 一", lambda n: page.replace(heading, heading + PARAGRAPH * n, 1)),
        ):
            print(f"growth, {what}:")
            for factor in factors:
                path = Path(folder) / f"page-{factor}.html"
                path.write_text(grow(factor), encoding="utf-8")
                size = path.stat().st_size
                gr.parse_file(path)
                times = [_timed(lambda p=path: gr.parse_file(p)) for _ in range(max(3, 300 // factor))]
                best = min(times)
                print(
                    f"  x{factor:<5} {size / 1024:9.0f} KB: min {best:9.2f} ms, "
                    f"{best * 1000 / (size / 1024):7.1f} us/KB"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="calls of each per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-growth", action="store_true", help="skip the growth measurements")
    args = parser.parse_args()
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in SEEDS:
            page = Path(folder) / f"{seed.stem}.html"
            page.write_text(gr.render(gr.parse(seed.read_text(encoding="utf-8")), "html"), encoding="utf-8")
            ratios.append(compare(f"seed {seed.stem}", page, args.runs, args.rounds))
    ratios.append(compare("pingtan-2021.html", REAL, args.runs, args.rounds))
    print(f"ratios of medians: {', '.join(f'{r:.2f}x' for r in ratios)}")
    if not args.no_growth:
        growth()


if __name__ == "__main__":
    main()
