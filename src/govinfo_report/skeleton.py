"""A report to start from: the official layout, every cell 0, narrative still to be written.

:func:`skeleton` builds a :class:`~govinfo_report.model.Report` for a body and
a year in the layout of an edition: title block, a standard preamble, the six
sections under their official headings, the standard sub-headings of section
一, every table cell 0, and placeholder paragraphs marked ``【请填写：……】``
where the body has to write.  Section 六 states that no information-processing
fee (信息处理费) was charged, as most bodies report; a body that charged fees
changes that sentence.

Every placeholder contains :data:`PLACEHOLDER_MARK`; :func:`placeholders` lists
the paragraphs that still hold one.  A skeleton validates with no error, and
its canonical text and Markdown read back to an equal report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .editions import HEADINGS, Edition, edition_for_year, get_edition
from .errors import UnknownEditionError
from .layout import CellKey, build_table, cell_specs
from .model import Narrative, Report, Subsection
from .values import Money, Value

__all__ = [
    "PLACEHOLDER_MARK",
    "placeholder",
    "placeholders",
    "skeleton",
    "skeleton_narrative",
    "split_placeholders",
]

#: Every placeholder paragraph contains this mark.
PLACEHOLDER_MARK = "【请填写"

_PLACEHOLDER = re.compile(r"【请填写[^】\n]*】")

#: The standard sub-headings of section 一、总体情况.
OVERVIEW_SUBHEADINGS: tuple[tuple[str, str], ...] = (
    (
        "（一）主动公开情况",
        "本年度主动公开政府信息的主要做法、公开数量和渠道，重点领域信息公开和政策解读情况",
    ),
    ("（二）依申请公开情况", "本年度收到和办理政府信息公开申请的情况，数字应与第三部分的表格一致"),
    ("（三）政府信息管理情况", "政府信息公开审查、公开属性认定、规范性文件清理等制度及执行情况"),
    ("（四）政府信息公开平台建设情况", "政府网站、政务新媒体、政务公开专区等平台的建设和管理情况"),
    ("（五）监督保障情况", "组织领导、培训、考核、社会评议和责任追究情况"),
)


def placeholder(what: str) -> str:
    """A placeholder paragraph: ``【请填写：what】。``.

    The closing ``。`` keeps the paragraph a finished sentence, so that the text
    layout reads each placeholder back as a paragraph of its own.
    """
    return f"{PLACEHOLDER_MARK}：{what}】。"


def skeleton(
    agency: str, year: int, edition: str | Edition | None = None, *, title: str | None = None
) -> Report:
    """A report for ``agency`` and ``year`` in the official layout, ready to be filled in.

    Args:
        agency: the issuing body, e.g. ``"某某市某某局"``; printed on a line of its own
            above the title.
        year: the reporting year (four digits).
        edition: the layout edition (``"2021"``: 国办公开办函〔2021〕30号; ``"2019"``: the
            trial layout); by default the one meant for ``year`` (2019 and 2020: ``"2019"``).
        title: the title line; ``"{year}年政府信息公开工作年度报告"`` by default.

    Returns:
        A report with all six sections under their official headings, the standard
        sub-headings of section 一, placeholder paragraphs (``【请填写：……】``), a
        section-六 sentence on information-processing fees, and every table cell 0.

    Raises:
        ValueError: ``agency`` is empty or spans lines, or ``year`` is not a four-digit year.
        UnknownEditionError: ``edition`` is not a known edition, or ``year`` comes before it
            (before 2019 there was no national layout).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.skeleton("某某市某某局", 2025)
        >>> report.edition, report.applications.new_received.total
        ('2021', 0)
        >>> gr.skeleton("某某市某某局", 2020).edition  # the trial layout is the one for 2019 and 2020
        '2019'
    """
    _check_front(agency, year)
    agency = agency.strip()
    layout = edition_for_year(year) if edition is None else get_edition(edition)
    if year < layout.first_year:
        raise UnknownEditionError(
            f"{layout}格式适用于{layout.first_year}年度及以后的报告，不能用于{year}年度"
        )
    tables: dict[str, Any] = {
        spec.attribute: build_table(spec.cls, _zeros(spec.cls)) for spec in layout.tables
    }
    overview, problems, other_matters = skeleton_narrative(year)
    return Report(
        edition=layout.name,
        agency=agency,
        year=year,
        title=title if title is not None else f"{year}年政府信息公开工作年度报告",
        headings=HEADINGS,
        preamble=(_preamble(year, layout),),
        overview=overview,
        problems=problems,
        other_matters=other_matters,
        **tables,
    )


def skeleton_narrative(year: int) -> tuple[Narrative, Narrative, Narrative]:
    """Sections 一, 五 and 六 of a skeleton: sub-headings and placeholders."""
    overview = Narrative(
        paragraphs=(placeholder(f"{year}年政府信息公开工作的总体情况"),),
        subsections=tuple(
            Subsection(heading, (placeholder(what),)) for heading, what in OVERVIEW_SUBHEADINGS
        ),
    )
    problems = Narrative(
        paragraphs=(
            placeholder("本年度政府信息公开工作存在的主要问题"),
            placeholder("针对上述问题的改进措施，以及上一年度报告所列问题的整改情况"),
        )
    )
    other_matters = Narrative(
        paragraphs=(
            f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年本机关未收取信息处理费。",
            placeholder(
                "其他需要报告的事项，如落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开等情况；"
                "没有的，删去本段"
            ),
        )
    )
    return overview, problems, other_matters


def placeholders(report: Report) -> list[str]:
    """The paragraphs of ``report`` that still hold a placeholder, each with where it is.

    E.g. ``["一、总体情况（二）依申请公开情况：【请填写：……】。"]``; empty when every
    placeholder has been written over.
    """
    return [f"{where}：{text}" for where, text in _paragraphs(report) if PLACEHOLDER_MARK in text]


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is a placeholder (``【请填写：……】``).

    Renderers use it to highlight what is still to be written.
    """
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(), True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def _paragraphs(report: Report) -> Iterator[tuple[str, str]]:
    yield from (("标题", line) for line in (report.agency or "", report.title) if line)
    yield from (("序言", paragraph) for paragraph in report.preamble)
    headings = report.headings if len(report.headings) == len(HEADINGS) else HEADINGS
    for index, section in ((0, report.overview), (4, report.problems), (5, report.other_matters)):
        heading = headings[index]
        yield from ((heading, paragraph) for paragraph in section.paragraphs)
        for sub in section.subsections:
            yield from ((f"{heading}{sub.number}{sub.title}", line) for line in sub.lines)


def _preamble(year: int, edition: Edition) -> str:
    return (
        f"本报告依据《中华人民共和国政府信息公开条例》和《{edition.format_name}》"
        f"（{edition.document}）编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        f"本报告电子版可在{PLACEHOLDER_MARK}：网站名称及网址】查阅或下载。"
        f"如对本报告有疑问，请与{PLACEHOLDER_MARK}：联系部门、地址、邮编和电话】联系。"
    )


_ZERO: dict[str, Value] = {"count": 0, "signed": 0, "amount": Decimal(0), "money": Money(Decimal(0), "元")}


def _zeros(cls: type) -> dict[CellKey, Value]:
    return {spec.key: _ZERO[spec.kind] for spec in cell_specs(cls)}


def _check_front(agency: str, year: int) -> None:
    if not isinstance(agency, str) or not agency.strip() or "\n" in agency or "\r" in agency:
        raise ValueError(f"发布机关应为一行非空文字，实际为{agency!r}")
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise ValueError(f"年度应为四位数的年份，实际为{year!r}")
