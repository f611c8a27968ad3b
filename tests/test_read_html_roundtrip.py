"""The library's own web page reads back as the report it was made from.

``gr.parse_html(gr.render(r, "html")) == r`` exactly when
:func:`html_layout_problems` finds nothing: the property below checks both
directions, so the filter can be neither too narrow (a report it lets through
that does not come back fails) nor too broad (a report it stops that does come
back fails too).
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import event, given

import govinfo_report as gr
from govinfo_report.testing import consistent_reports, reports
from tests.conftest import SEED_NAMES, expected, seed_text

#: What gr.text_layout_problems reports about paragraphs being joined: a web page
#: cannot suffer from it, each paragraph being an element of its own (exact_paragraphs).
_JOINING = ("会与下一段连成一段", "会被当作PDF折行文本重新分段")
# White space a page cannot carry: HTML collapses runs and line breaks, &nbsp; is a space.
_COLLAPSED = re.compile(r"[ \t\n\r\f\xa0]{2,}|[\t\n\r\f\xa0]")
_INVISIBLE_EDGE = re.compile(r"^[\u200b-\u200d\u2060\ufeff]|[\u200b-\u200d\u2060\ufeff]$")


def _texts(report: gr.Report) -> list[str]:
    texts = [report.title, *([report.agency] if report.agency else []), *report.headings, *report.preamble]
    for section in (report.overview, report.problems, report.other_matters):
        texts += section.paragraphs
        for sub in section.subsections:
            texts += [sub.heading, *sub.paragraphs]
    return texts


def html_layout_problems(report: gr.Report) -> list[str]:
    """Why reading ``gr.render(report, "html")`` would not give ``report`` back; empty when it would.

    The page says what the canonical text says, paragraph for paragraph, and is read
    by the same grammar, so the conditions are those of :func:`gr.text_layout_problems`
    (title and body, headings, paragraphs that read as headings or subsection numbers,
    subsection headings' shape …), except those about paragraphs being joined, which a
    page does not suffer from; and, as browsers show white space, no text may hold a
    run of white space, a tab, a line break or ``&nbsp;``, nor start or end with an
    invisible character (these are layout on a page).
    """
    problems = [p for p in gr.text_layout_problems(report) if not any(words in p for words in _JOINING)]
    for text in _texts(report):
        if _COLLAPSED.search(text):
            problems.append(f"“{text[:20]}”含连续空白、制表符、换行或不换行空格，网页显示为一个空格")
        if _INVISIBLE_EDGE.search(text):
            problems.append(f"“{text[:20]}”两端有不可见字符")
    return problems


def _check(report: gr.Report) -> None:
    page = gr.render(report, "html")
    problems = html_layout_problems(report)
    event("exact" if not problems else "cannot be carried")
    if not problems:
        back = gr.parse_html(page)
        assert back == report
        assert back.source is not None
        assert back.source.form == "html"
        return
    try:
        back = gr.parse_html(page)
    except gr.ParseError:
        return
    assert back != report, problems


@pytest.mark.slow
@given(reports())
def test_generated_reports_read_back_from_their_page(report: gr.Report) -> None:
    _check(report)


@pytest.mark.slow
@given(consistent_reports())
def test_consistent_reports_read_back_from_their_page(report: gr.Report) -> None:
    _check(report)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_pages_read_back(name: str, tmp_path: Path) -> None:
    report = gr.parse(seed_text(name))
    assert html_layout_problems(report) == []
    path = tmp_path / f"{name}.html"
    path.write_text(gr.render(report, "html"), encoding="utf-8")
    back = gr.parse_file(path)  # the form is sniffed from the content
    assert back == report
    assert back.agency == expected(name)["agency"]
    assert back.source == gr.Source("html", str(path), title=" ".join(_title_lines(report)))


def _title_lines(report: gr.Report) -> list[str]:
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


def test_paragraphs_a_text_layout_would_join_survive_a_page() -> None:
    report = gr.parse(seed_text(SEED_NAMES[0]))
    # Two paragraphs without closing punctuation: the text layout joins them, a page does not.
    open_ended = gr.Narrative(paragraphs=("第一段没有句号", "第二段也没有"))
    changed = attrs.evolve(report, problems=open_ended)
    assert any("连成一段" in p for p in gr.text_layout_problems(changed))
    assert html_layout_problems(changed) == []
    assert gr.parse_html(gr.render(changed, "html")) == changed
    assert gr.parse(gr.render(changed, "text")) != changed


def test_a_paragraph_that_reads_as_a_heading_cannot_be_carried() -> None:
    report = gr.parse(seed_text(SEED_NAMES[0]))
    lookalike = gr.Narrative(paragraphs=("二、主动公开政府信息情况",))
    changed = attrs.evolve(report, other_matters=lookalike)
    assert html_layout_problems(changed)
    with pytest.raises(gr.ParseError, match="章节标题"):
        gr.parse_html(gr.render(changed, "html"))


def test_white_space_runs_cannot_be_carried() -> None:
    report = gr.parse(seed_text(SEED_NAMES[0]))
    spaced = gr.Narrative(paragraphs=("全年公开  信息。",))
    changed = attrs.evolve(report, other_matters=spaced)
    assert html_layout_problems(changed)
    assert gr.parse_html(gr.render(changed, "html")).other_matters.paragraphs == ("全年公开 信息。",)
