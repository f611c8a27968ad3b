"""The canonical plain-text layout, which :func:`govinfo_report.parse` reads back.

Title block, preamble, the six sections under their headings as printed;
each paragraph on a line of its own, blocks separated by a blank line; each
table row on one line (label, then its cells separated by spaces), with the
template's group labels and column headers on lines of their own; a cell not
filled in is printed ``—``.

:func:`text_layout_problems` says which reports the layout cannot carry and
why (see ``docs/dict-form.md``): the text of a report is read back by the
same rules that read any report, so a paragraph that reads as a heading, or
two paragraphs that read as one, do not come back as they were.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from .._grammar import parser
from ..editions import get_edition
from ..model import Narrative, Report, Subsection
from ..narrative import SENTENCE_END, SUBSECTION_NUMBER, display_width, is_cjk
from ..normalize import MARKDOWN_RULE, printable
from ..transform import HEADING_MARKUP, TITLE_YEAR
from .layout import format_cell, printed_rows

__all__ = ["TABLE3_NOTE", "render_text", "text_layout_problems"]

#: The note printed at the head of table 3 by the template.
TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_TABLE3_HEADER = (
    "申请人情况 自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
)
_TABLE4_HEADER = (
    "行政复议 行政诉讼",
    "未经复议直接起诉 复议后起诉",
    " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3),
)


def render_text(report: Report) -> str:
    """The report in the canonical plain-text layout."""
    blocks: list[list[str]] = [render_title_block(report)]
    blocks += [[paragraph] for paragraph in report.preamble]
    tables = {spec.number: getattr(report, spec.attribute) for spec in get_edition(report.edition).tables}
    narratives = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in enumerate(report.headings, start=1):
        blocks.append([heading])
        if number in narratives:
            blocks += [[line] for line in render_narrative(narratives[number])]
        else:
            blocks.append(list(_TABLE_RENDERERS[number](tables[number])))
    # A lone surrogate (a report built in Python) is written out, as in every format.
    return printable("\n\n".join("\n".join(block) for block in blocks) + "\n")


def render_title_block(report: Report) -> list[str]:
    """Issuing body (unless the title starts with it) and title line."""
    if report.agency and not report.title.startswith(report.agency):
        return [report.agency, report.title]
    return [report.title]


def render_narrative(section: Narrative) -> list[str]:
    """The printed lines (one per paragraph) of a narrative section."""
    return [*section.paragraphs, *(line for sub in section.subsections for line in sub.lines)]


def render_table2(table: object) -> Iterator[str]:
    """Table 2: each 第二十条 item with its header, then its rows."""
    for row in printed_rows(table):
        for group in row.opens:
            yield group
            yield " ".join(["信息内容", *("/".join(cell.column) for cell in row.spec.cells)])
        yield _row_line(row.label, row.values)


def render_table3(table: object) -> Iterator[str]:
    """Table 3: the note, the header, then every row under its group labels."""
    yield TABLE3_NOTE
    yield from _TABLE3_HEADER
    for row in printed_rows(table):
        yield from row.opens
        yield _row_line(row.label, row.values)


def render_table4(table: object) -> Iterator[str]:
    """Table 4: the header, then the fifteen cells on one line."""
    yield from _TABLE4_HEADER
    yield " ".join(format_cell(value) for row in printed_rows(table) for value in row.values)


def _row_line(label: str, values: Iterable[object]) -> str:
    return " ".join([label, *(format_cell(value) for value in values)])  # type: ignore[arg-type]


_TABLE_RENDERERS = {2: render_table2, 3: render_table3, 4: render_table4}


# ---------------------------------------------------------------------------
# What the text layout cannot carry

_STOP = re.compile(r"[。：:]")
_LINE_BREAKS = re.compile(r"[\r\n]")


def _terminal(name: str) -> re.Pattern[str]:
    return re.compile(parser().get_terminal(name).pattern.to_regexp())


def text_layout_problems(report: Report) -> list[str]:
    """Why the canonical text layout would not give ``report`` back; empty when it would.

    The conditions, all checked here:

    * title: one line that the grammar reads as a title; ``year`` is the
      title's year; ``agency`` is a line of its own, or the title's text
      before the year (then ``None`` when there is none);
    * headings: each the section's heading as the grammar reads it;
    * every paragraph and subsection heading: one line, no white space at
      either end, some character besides white space and ``|``, not a
      section heading;
    * paragraphs outside subsections do not start with ``（一）``-style
      numbers; subsection headings do, and have no ``。``/``：`` before their
      end; an inline heading ends with one and is followed by text;
    * one paragraph per line: a line followed by another in its section
      ends a sentence (``。！？；：…``), or is a heading of its own, or has a
      non-CJK character on one side of the break; and fewer than four
      paragraphs of the report leave a sentence open (otherwise the lines
      look like a wrapped PDF text layer).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.text_layout_problems(report)
        []
    """
    problems: list[str] = []
    problems += _title_problems(report)
    headings = [_terminal(f"H{number}") for number in range(1, 7)]
    for number, (heading, pattern) in enumerate(zip(report.headings, headings, strict=False), start=1):
        if not pattern.fullmatch(heading) or heading != heading.strip(HEADING_MARKUP):
            problems.append(f"第{number}个章节标题“{heading}”不是该章节的标题")
    if len(report.headings) != 6:
        problems.append(f"章节标题应有6个，实有{len(report.headings)}个")
    open_sentences = 0
    sections = {
        "前言": ([*report.preamble], []),
        "一": (list(report.overview.paragraphs), list(report.overview.subsections)),
        "五": (list(report.problems.paragraphs), list(report.problems.subsections)),
        "六": (list(report.other_matters.paragraphs), list(report.other_matters.subsections)),
    }
    for name, (paragraphs, subsections) in sections.items():
        lines: list[tuple[str, bool]] = []  # (line, is a heading of its own)
        for paragraph in paragraphs:
            problems += _line_problems(name, paragraph, headings)
            if SUBSECTION_NUMBER.match(paragraph):
                problems.append(f"{name}：段落“{paragraph[:20]}”以（一）式编号开头，会被读作小标题")
            lines.append((paragraph, False))
        for sub in subsections:
            problems += _subsection_problems(name, sub, headings)
            for index, line in enumerate(sub.lines):
                if index > 0 and SUBSECTION_NUMBER.match(line):
                    problems.append(f"{name}：段落“{line[:20]}”以（一）式编号开头，会被读作小标题")
                lines.append((line, index == 0 and not sub.inline))
        for (line, own_heading), (following, _) in itertools.pairwise(lines):
            if not line or not following:
                continue
            closed = own_heading or SENTENCE_END.search(line) is not None
            if not closed and is_cjk(line[-1]) and is_cjk(following[0]):
                problems.append(f"{name}：段落“{line[-20:]}”未以句末标点结束，会与下一段连成一段")
        open_sentences += sum(
            1 for line, own_heading in lines if not own_heading and not SENTENCE_END.search(line)
        )
    if open_sentences >= 4:
        problems.append(f"有{open_sentences}个段落未以句末标点结束，文本会被当作PDF折行文本重新分段")
    return problems


def _title_problems(report: Report) -> list[str]:
    problems = []
    if _LINE_BREAKS.search(report.title) or not _terminal("TITLE_LINE").fullmatch(report.title):
        return [f"标题“{report.title}”不是一行标题（应含年份、“政府信息公开”并以“报告”结尾）"]
    if report.title != report.title.strip(HEADING_MARKUP):
        problems.append("标题两端有空白或#、*、|等标记符号")
    year = TITLE_YEAR.search(report.title)
    if year is None or report.year != int(year.group(1)):
        problems.append(f"year（{report.year}）与标题中的年份不一致")
    before_year = report.title[: year.start()].strip() if year else ""
    if report.agency is None:
        if before_year:
            problems.append(f"agency为空，但标题在年份前有“{before_year}”，会被读作发布机关")
    elif report.title.startswith(report.agency):
        if report.agency != before_year:
            problems.append(f"标题以发布机关开头，但年份前的文字是“{before_year}”")
    else:
        problems += _line_problems("发布机关", report.agency, [])
        if _terminal("TITLE_LINE").fullmatch(report.agency):
            problems.append(f"发布机关“{report.agency}”会被读作标题")
    return problems


def _line_problems(where: str, line: str, headings: list[re.Pattern[str]]) -> list[str]:
    if _LINE_BREAKS.search(line):
        return [f"{where}：段落“{line[:20]}”含换行"]
    if line != line.strip() or not line.strip(" \t|"):
        return [f"{where}：段落“{line[:20]}”两端有空白或为空"]
    if not line.strip().strip("|").strip():
        return [f"{where}：段落“{line[:20]}”只有分隔符"]
    if any(pattern.fullmatch(line) for pattern in headings):
        return [f"{where}：段落“{line[:20]}”会被读作章节标题"]
    if MARKDOWN_RULE.match(line):
        return [f"{where}：段落“{line[:20]}”会被读作Markdown表格分隔线"]
    return []


def _subsection_problems(where: str, sub: Subsection, headings: list[re.Pattern[str]]) -> list[str]:
    problems = _line_problems(where, sub.heading, headings)
    for paragraph in sub.paragraphs:
        problems += _line_problems(where, paragraph, headings)
    if not SUBSECTION_NUMBER.match(sub.heading):
        problems.append(f"{where}：小标题“{sub.heading[:20]}”不以（一）式编号开头")
    stop = _STOP.search(sub.heading)
    if sub.inline:
        if not sub.paragraphs or not sub.paragraphs[0]:
            problems.append(f"{where}：小标题“{sub.heading[:20]}”接排但没有正文")
        if stop is None or stop.end() != len(sub.heading):
            problems.append(f"{where}：接排的小标题“{sub.heading[:20]}”应以且仅以一个“。”或“：”结束")
        elif display_width(sub.heading[: stop.start()]) > 80:
            problems.append(f"{where}：接排的小标题“{sub.heading[:20]}”过长")
    else:
        if stop is not None and stop.end() != len(sub.heading):
            problems.append(f"{where}：单独成行的小标题“{sub.heading[:20]}”中间有“。”或“：”")
        if display_width(sub.heading) > 64:
            problems.append(f"{where}：单独成行的小标题“{sub.heading[:20]}”过长")
    return problems
