"""Narrative: wrapped lines joined into paragraphs, sub-headings split off, nothing lost."""

from __future__ import annotations

import re

import pytest

import govinfo_report as gr
from govinfo_report.narrative import is_cjk, narrative, paragraphs, wrap_width
from tests.conftest import SEED_NAMES, seed_text


def _narrative_source(text: str) -> str:
    """The seed's narrative lines: everything outside sections 二 to 四, minus headings."""
    start = text.index("二、主动公开政府信息情况\n")
    end = text.index("五、存在")
    return text[:start] + text[end:]


def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_narrative_character_survives(name: str) -> None:
    report = gr.parse(seed_text(name))
    kept = "".join(
        [
            report.agency or "",
            report.title,
            *report.preamble,
            report.headings[0],
            report.overview.text,
            report.headings[4],
            report.problems.text,
            report.headings[5],
            report.other_matters.text,
        ]
    )
    source = _narrative_source(seed_text(name))
    assert _visible(kept) == _visible(source)


def test_pdf_paragraphs_are_joined() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    # Read off the document: the opening paragraph of 一、总体情况 runs over five lines.
    assert len(report.overview.paragraphs) == 1
    assert report.overview.paragraphs[0].startswith("2024 年，市人民政府办公室坚持")
    assert report.overview.paragraphs[0].endswith("不断提升政府信息公开工作质效。")
    first = report.overview.subsections[0]
    assert first.heading == "（一）主动公开情况。"
    assert first.inline
    assert first.paragraphs[0].startswith("聚焦经济发展")
    assert "9547条（其中，中卫市人民政府网站发布 9245条" in first.paragraphs[0]
    assert len(report.other_matters.paragraphs) == 2


def test_word_paragraphs_and_own_line_headings() -> None:
    report = gr.parse(seed_text("001_c9535c3b51337c03"))
    fifth = report.overview.subsections[4]
    assert fifth.heading == "（五）监督保障情况"
    assert not fifth.inline
    # A paragraph the Word copy split at a page break ("工作考" / "核，") is one again.
    assert len(fifth.paragraphs) == 1
    assert "纳入平时的工作考核，由专人定期巡查" in fifth.paragraphs[0]
    assert [sub.title for sub in report.other_matters.subsections] == [
        "政务公开工作落实情况",
        "信息处理费情况",
    ]
    assert len(report.problems.paragraphs) == 2


def test_one_line_per_paragraph_layout() -> None:
    lines = ["第一段。", "第二段没有结束", "于是接着写。", "（一）小标题", "正文。"]
    assert wrap_width(lines) is None
    assert paragraphs(lines, None) == ["第一段。", "第二段没有结束于是接着写。", "（一）小标题", "正文。"]
    section = narrative(lines, None)
    assert section.paragraphs == ("第一段。", "第二段没有结束于是接着写。")
    assert section.subsections == (gr.Subsection("（一）小标题", ("正文。",)),)


def test_subsection_text_round_trips_the_printed_paragraph() -> None:
    sub = gr.Subsection("（二）依申请公开情况。", ("严格按照规定。", "第二段。"), inline=True)
    assert sub.number == "（二）"
    assert sub.title == "依申请公开情况"
    assert sub.text == "（二）依申请公开情况。严格按照规定。\n第二段。"


def test_cjk_characters_and_marks_join_without_a_space() -> None:
    # CJK, compatibility ideographs, CJK stops, quotes and brackets, U+2E80
    for character in "一政龥豈。、“”《》〈〉⺀":
        assert is_cjk(character), character
    # Latin, full-width forms, hangul, the ranges' ends
    for character in "aZ1 ,.，（）!ｱ가\u2e7f\ua000\ufb00":
        assert not is_cjk(character), repr(character)


def test_a_line_break_between_cjk_characters_joins_them() -> None:
    # unwrapped lines: a line without closing punctuation runs on into the next one when CJK
    # stands on both sides of the break; Latin text on either side ends the paragraph there
    joined = paragraphs(["本机关全年主动公开", "政府信息120条。"], None)
    assert joined == ["本机关全年主动公开政府信息120条。"]
    assert paragraphs(["网址为www.example.gov.cn", "政府信息120条。"], None) == [
        "网址为www.example.gov.cn",
        "政府信息120条。",
    ]
