"""The library's own Word output reads back as the report it was made from.

``gr.parse_docx(gr.render(r, "docx"))`` is ``r`` (apart from ``source``), for any report
of ``govinfo_report.testing``, with one exception that no form can carry: a narrative
paragraph whose whole text is a section heading (the strategies put one in now and then,
e.g. ``二、主动公开政府信息情况``). A Word file holds it as a paragraph of its own, so it
reads as that heading, and the file is not the report: the property checks that reading it
is then a ``ParseError`` placed in the file, never a different report.

Rendering a Word file costs half a second to two seconds (python-docx), so each property
runs a tenth of the profile's examples, at least 10: 10 each (20 in all) in the ``ci``
profile, 200 each in ``thorough`` (``HYPOTHESIS_PROFILE=thorough``).
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import event, given, settings

import govinfo_report as gr
from govinfo_report._grammar import parser
from govinfo_report.testing import consistent_reports, reports
from tests.conftest import SEED_NAMES, seed_text
from tests.test_read_docx import same_report

pytest.importorskip("docx")

EXAMPLES = max(10, settings().max_examples // 10)  # the profile loaded by conftest


def _headings() -> list[re.Pattern[str]]:
    return [re.compile(parser().get_terminal(f"H{n}").pattern.to_regexp()) for n in range(1, 7)]


def heading_lookalikes(report: gr.Report) -> list[str]:
    """The narrative paragraphs (and preamble) whose whole text reads as a section heading."""
    patterns = _headings()
    texts = [*report.preamble]
    for section in (report.overview, report.problems, report.other_matters):
        texts += section.paragraphs
        for sub in section.subsections:
            texts += [sub.heading, *sub.paragraphs]
    return [text for text in texts if any(pattern.fullmatch(text) for pattern in patterns)]


def check_round_trip(report: gr.Report) -> None:
    data = gr.render(report, "docx")
    assert isinstance(data, bytes)
    if heading_lookalikes(report):
        event("a paragraph that is a section heading: refused with a position")
        with pytest.raises(gr.ParseError) as info:
            gr.parse_docx(data)
        assert info.value.location.paragraph is not None or info.value.location.table is not None
        return
    event("read back equal")
    same_report(gr.parse_docx(data), report)


@pytest.mark.slow
@settings(max_examples=EXAMPLES)
@given(reports())
def test_any_report_reads_back_from_its_word_file(report: gr.Report) -> None:
    check_round_trip(report)


@pytest.mark.slow
@settings(max_examples=EXAMPLES)
@given(consistent_reports())
def test_any_consistent_report_reads_back_from_its_word_file(report: gr.Report) -> None:
    check_round_trip(report)


def test_a_paragraph_that_is_a_heading_is_seen_and_refused() -> None:
    report = gr.parse(seed_text(SEED_NAMES[0]))
    assert heading_lookalikes(report) == []
    changed = attrs.evolve(
        report, overview=attrs.evolve(report.overview, paragraphs=("二、主动公开政府信息情况",))
    )
    assert heading_lookalikes(changed) == ["二、主动公开政府信息情况"]
    with pytest.raises(gr.ParseError) as info:
        gr.parse_docx(gr.render(changed, "docx"))
    assert info.value.location.paragraph is not None
