"""Edition detection: where the tables stand (between the headings of sections 二 and 四)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._grammar import parser
from govinfo_report.detect import _tables_region, detect_edition
from govinfo_report.normalize import normalize
from tests.conftest import SEED_NAMES, expected, seed_text


def _heading_line(number: int) -> re.Pattern[str]:
    """A heading line as the module's docstring defines it: at the start of a line, after spaces."""
    return re.compile("(?m)^[ \t]*(?:" + parser().get_terminal(f"H{number}").pattern.to_regexp() + ")")


def _region(text: str) -> str:
    start = _heading_line(2).search(text)
    end = _heading_line(4).search(text, start.end() if start else 0)
    return text[start.start() if start else 0 : end.start() if end else len(text)]


_PIECES = [
    "二、主动公开政府信息情况",
    " \t二、主动公开政府信息情况",
    "## **二、主动公开政府信息情况**",
    "四、政府信息公开行政复议、行政诉讼情况",
    "\t四、政府信息公开行政复议、行政诉讼情况 |",
    "见二、主动公开政府信息情况",
    "行政许可",
    "本年制发件数",
    "",
    " ",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["\n", "", " "]))
def test_the_region_runs_from_the_line_of_heading_two_to_the_line_of_heading_four(
    pieces: list[str], joiner: str
) -> None:
    text = joiner.join(pieces)
    assert _tables_region(text) == _region(text)


def test_the_seeds_editions_are_told_from_their_tables() -> None:
    for name in SEED_NAMES:
        # Table 2 as read off the report by a person: 本年制发件数 is a column of the 2021 layout only.
        columns = {column for row in expected(name)["table2"].values() for column in row}
        edition = detect_edition(normalize(seed_text(name)))
        assert edition is not None
        assert edition.name == ("2021" if "本年制发件数" in columns else "2019")
