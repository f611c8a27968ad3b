"""The three seed reports: all 200 cells and the metadata, against hand-read values."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report as gr
from tests.conftest import SEED_NAMES, SEEDS, applications_2021, expected, proactive_2021, seed_text
from tests.expected_cells import expected_cells


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_cell_matches_the_document(name: str) -> None:
    report = gr.parse(seed_text(name))
    got = {(c.table, c.row, c.column): c.value for c in gr.cells(report)}
    want = expected_cells(expected(name))
    assert len(want) == 200
    assert got == want
    # Types, not only values: counts are int, the fee a Decimal.
    for (table, _, column), value in got.items():
        if column.startswith("本年收费金额"):
            assert isinstance(value, Decimal)
        else:
            assert type(value) is int, (table, column)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_metadata(name: str) -> None:
    report = gr.parse(seed_text(name))
    want = expected(name)
    assert report.edition == "2021"
    assert report.agency == want["agency"]
    assert report.year == want["year"]
    assert report.title == want["title"]
    headings = [f"{sub.number}{sub.title}" for sub in report.overview.subsections]
    assert headings == want["section1_subheadings"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_parse_file_reads_the_seed(name: str) -> None:
    assert gr.parse_file(SEEDS / f"{name}.txt") == gr.parse(seed_text(name))


def test_typed_access_reads_the_same_cells() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    # Read off seed 000 by hand: 一、本年新收 29 2 0 0 0 0 31; 表四 4 0 0 0 4 0 0 0 0 0 1 0 0 0 1.
    assert report.applications.new_received.natural_person == 29
    assert report.applications.new_received.commercial == 2
    assert report.applications.new_received.total == 31
    assert report.applications.outcomes.unable.not_held.total == 24
    assert report.applications.outcomes.withheld.query_matters.natural_person == 3
    assert applications_2021(report).outcomes.other.other.natural_person == 1
    assert report.applications.carried_forward.total == 1
    assert report.reviews.review.upheld == 4
    assert report.reviews.lawsuit_after_review.total == 1
    assert proactive_2021(report).normative_documents.in_force == 43
    assert report.proactive.fees == Decimal("0")


def test_section_headings_as_printed() -> None:
    report = gr.parse(seed_text("001_c9535c3b51337c03"))
    assert report.headings == (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    )
