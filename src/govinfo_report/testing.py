"""Hypothesis strategies for reports, for this project's tests and yours.

>>> from hypothesis import given
>>> from govinfo_report.testing import reports
>>> @given(reports())
... def test_round_trip(report): ...

* :func:`reports` — any well-typed report of either edition (or of the one
  named): blank cells, zeros, large numbers, amounts with decimals (and, in the
  2019 edition, signed changes and procurement amounts with their unit),
  negative counts now and then, 2021 reports whose table 3 prints （六）其他处理
  as one row, CJK narrative with punctuation and digits, and (in about a third
  of the reports) one paragraph that looks like a section heading or a table row.
* :func:`consistent_reports` — reports whose numbers satisfy every rule of the
  national format (勾稽关系): no blank cell, no negative count, table 3 and
  table 4 add up, 现行有效件数 ≥ 本年制发件数 (2021), 对外公开总数量 ≥ 本年新公开数量 and
  本年增/减 ≥ −上一年项目数量 (2019).

Importing this module needs hypothesis (``pip install hypothesis``); importing
``govinfo_report`` does not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("govinfo_report.testing needs hypothesis: pip install hypothesis") from exc

import attrs

from .editions import EDITIONS, HEADINGS, Edition, get_edition
from .layout import CellKey, build_table, cell_specs
from .model import Narrative, Report, ReviewsAndLawsuits, Subsection
from .values import Money

__all__ = [
    "amounts",
    "consistent_reports",
    "counts",
    "money",
    "narratives",
    "paragraphs",
    "reports",
    "signed",
]

_HANZI = "政府信息公开工作年度报告本机关全年办理申请主动依法规范平台建设监督保障数据统计市县区局委办厅"
_PUNCTUATION = "，、；：“”《》（）"
_SENTENCE_ENDS = "。！？；"
_NUMERALS = "一二三四五六七八九十"
_HEADING_VARIANTS = {
    4: "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    5: "五、政府信息公开工作存在的主要问题及改进情况",
}
_LOOKALIKES = (
    "二、主动公开政府信息情况",  # a section heading: the text layout cannot carry it
    "规章 0 0 0",
    "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3",
    "行政复议 4件，行政诉讼 1件。",
    "| 行政许可 | 11 |",
)


def counts(*, blank: bool = True, negative: bool = True) -> st.SearchStrategy[int | None]:
    """A count cell: mostly small, sometimes huge, now and then blank or negative."""
    options: list[st.SearchStrategy[Any]] = [
        st.integers(0, 30),
        st.just(0),
        st.integers(0, 10**12),
    ]
    if blank:
        options.append(st.none())
    if negative:
        options.append(st.integers(-99, -1))
    return st.one_of(*options)


def signed(*, blank: bool = True) -> st.SearchStrategy[int | None]:
    """A signed count (the 2019 本年增/减): small either way, sometimes huge, now and then blank."""
    options: list[st.SearchStrategy[Any]] = [st.integers(-30, 30), st.just(0), st.integers(-(10**12), 10**12)]
    if blank:
        options.append(st.none())
    return st.one_of(*options)


def money(*, blank: bool = True) -> st.SearchStrategy[Money | None]:
    """An amount with its unit printed in the cell (the 2019 采购总金额)."""
    amount = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
    options: list[st.SearchStrategy[Any]] = [
        st.builds(Money, amount, st.sampled_from(["元", "万元", ""])),
        st.builds(Money, st.integers(0, 10**6).map(Decimal), st.just("元")),
    ]
    if blank:
        options.append(st.none())
    return st.one_of(*options)


def amounts(*, blank: bool = True) -> st.SearchStrategy[Decimal | None]:
    """An amount cell (万元): whole or with up to four decimals, sometimes blank."""
    options: list[st.SearchStrategy[Any]] = [
        st.decimals(min_value=0, max_value=10**7, places=places, allow_nan=False, allow_infinity=False)
        for places in (0, 1, 2, 4)
    ]
    if blank:
        options.append(st.none())
    return st.one_of(*options)


def _table(cls: type, kinds: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """A table of ``cls`` with each cell drawn from the strategy of its kind."""
    specs = cell_specs(cls)
    cells = [kinds[spec.kind] for spec in specs]
    return st.tuples(*cells).map(
        lambda values: build_table(cls, {s.key: v for s, v in zip(specs, values, strict=True)})
    )


def _any_cells() -> dict[str, st.SearchStrategy[Any]]:
    return {"count": counts(), "signed": signed(), "amount": amounts(), "money": money()}


def _consistent_cells() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "count": counts(blank=False, negative=False),
        "signed": st.integers(0, 30),
        "amount": amounts(blank=False),
        "money": money(blank=False),
    }


def _sentence() -> st.SearchStrategy[str]:
    words = st.text(alphabet=_HANZI, min_size=1, max_size=12)
    pieces = st.lists(
        st.one_of(words, st.integers(0, 9999).map(str), st.sampled_from(_PUNCTUATION[:2]).map(lambda p: p)),
        min_size=1,
        max_size=6,
    )
    return st.tuples(words, pieces, st.sampled_from(_SENTENCE_ENDS)).map(
        lambda parts: parts[0] + "".join(parts[1]) + parts[2]
    )


def paragraphs() -> st.SearchStrategy[str]:
    """A narrative paragraph: one to three sentences."""
    return st.lists(_sentence(), min_size=1, max_size=3).map("".join)


def _subsections() -> st.SearchStrategy[tuple[Subsection, ...]]:
    def build(data: tuple[list[tuple[str, bool, list[str]]], int]) -> tuple[Subsection, ...]:
        items, start = data
        result = []
        for index, (title, inline, texts) in enumerate(items):
            number = f"（{_NUMERALS[(start + index) % len(_NUMERALS)]}）"
            if inline and texts:
                result.append(Subsection(f"{number}{title}。", tuple(texts), inline=True))
            else:
                result.append(Subsection(f"{number}{title}", tuple(texts)))
        return tuple(result)

    item = st.tuples(
        st.text(alphabet=_HANZI, min_size=2, max_size=12),
        st.booleans(),
        st.lists(paragraphs(), min_size=0, max_size=2),
    )
    return st.tuples(st.lists(item, max_size=5), st.integers(0, 4)).map(build)


def narratives() -> st.SearchStrategy[Narrative]:
    """A narrative section: a few paragraphs, then numbered subsections."""
    return st.builds(
        Narrative,
        paragraphs=st.lists(paragraphs(), max_size=3).map(tuple),
        subsections=_subsections(),
    )


def _front() -> st.SearchStrategy[tuple[str | None, int, str]]:
    def build(data: tuple[str, int, int]) -> tuple[str | None, int, str]:
        body, year, style = data
        title = f"{year}年政府信息公开工作年度报告"
        if style == 0:
            return (body, year, title)  # agency on a line of its own
        if style == 1:
            return (body, year, body + title)  # agency and title on one line
        return (None, year, title)

    body = st.text(alphabet=_HANZI, min_size=2, max_size=10).map(lambda s: s + "局")
    return st.tuples(body, st.integers(2008, 2099), st.integers(0, 2)).map(build)


def _headings() -> st.SearchStrategy[tuple[str, ...]]:
    variant = {n: st.sampled_from([HEADINGS[n - 1], _HEADING_VARIANTS[n]]) for n in _HEADING_VARIANTS}
    return st.tuples(*(variant.get(n, st.just(HEADINGS[n - 1])) for n in range(1, 7)))


def _with_lookalike(section: Narrative, line: str, at: int) -> Narrative:
    paragraphs = list(section.paragraphs)
    paragraphs.insert(at % (len(paragraphs) + 1), line)
    return attrs.evolve(section, paragraphs=paragraphs)


def _report(tables: st.SearchStrategy[tuple[Edition, Any, Any, Any]]) -> st.SearchStrategy[Report]:
    def build(data: tuple[Any, ...]) -> Report:
        (agency, year, title), headings, preamble, overview, problems, other, (edition, t2, t3, t4), odd = (
            data
        )
        if odd is not None:  # one paragraph that looks like a heading or a table row
            line, at, where = odd
            sections = [overview, problems, other]
            sections[where] = _with_lookalike(sections[where], line, at)
            overview, problems, other = sections
        return Report(
            edition=edition.name,
            agency=agency,
            year=year,
            title=title,
            headings=headings,
            preamble=preamble,
            overview=overview,
            proactive=t2,
            applications=t3,
            reviews=t4,
            problems=problems,
            other_matters=other,
        )

    return st.tuples(
        _front(),
        _headings(),
        st.lists(paragraphs(), max_size=2).map(tuple),
        narratives(),
        narratives(),
        narratives(),
        tables,
        st.one_of(
            st.none(),
            st.none(),
            st.tuples(st.sampled_from(_LOOKALIKES), st.integers(0, 3), st.integers(0, 2)),
        ),
    ).map(build)


def _editions(edition: str | None) -> st.SearchStrategy[Edition]:
    return st.just(get_edition(edition)) if edition is not None else st.sampled_from(list(EDITIONS.values()))


def reports(edition: str | None = None) -> st.SearchStrategy[Report]:
    """Any well-typed report, of ``edition`` (``"2021"``, ``"2019"``) or of either."""

    def tables(layout: Edition) -> st.SearchStrategy[tuple[Edition, Any, Any, Any]]:
        kinds = _any_cells()
        return st.tuples(
            st.just(layout),
            *(
                st.sampled_from(spec.classes).flatmap(lambda cls: _table(cls, kinds))
                for spec in layout.tables
            ),
        )

    return _report(_editions(edition).flatmap(tables))


# ---------------------------------------------------------------------------
# Consistent reports


def _applications(draw: st.DrawFn, cls: type) -> Any:
    """Table 3 of class ``cls`` whose columns balance and whose rows add up."""
    specs = cell_specs(cls)
    outcome_rows = sorted(
        {spec.row for spec in specs if spec.row[0] == "三、本年度办理结果" and spec.row[-1] != "（七）总计"}
    )
    columns = [spec.column for spec in specs if spec.row == specs[0].row][:-1]  # the six applicant columns
    total_column = specs[6].column
    values: dict[CellKey, int] = {}
    for column in columns:
        handled = 0
        for row in outcome_rows:
            value = draw(st.integers(0, 40))
            values[(row, column)] = value
            handled += value
        forward = draw(st.integers(0, 20))
        carried = draw(st.integers(0, handled + forward))
        values[(("三、本年度办理结果", "（七）总计"), column)] = handled
        values[(("四、结转下年度继续办理",), column)] = forward
        values[(("二、上年结转政府信息公开申请数量",), column)] = carried
        values[(("一、本年新收政府信息公开申请数量",), column)] = handled + forward - carried
    for row in {spec.row for spec in specs}:
        values[(row, total_column)] = sum(values[(row, column)] for column in columns)
    return build_table(cls, values)


def _reviews(draw: st.DrawFn) -> ReviewsAndLawsuits:
    specs = cell_specs(ReviewsAndLawsuits)
    values: dict[CellKey, int] = {}
    for start in range(0, len(specs), 5):
        group = specs[start : start + 5]
        parts = [draw(st.integers(0, 50)) for _ in group[:-1]]
        values.update({spec.key: part for spec, part in zip(group[:-1], parts, strict=True)})
        values[group[-1].key] = sum(parts)
    return build_table(ReviewsAndLawsuits, values)


# Pairs of table-2 cells (attribute names) where the second is never below the first.
_AT_LEAST = (("issued", "in_force"), ("published", "published_total"))


@st.composite
def _consistent_tables(draw: st.DrawFn, edition: Edition) -> tuple[Edition, Any, Any, Any]:
    proactive = draw(_table(edition.table(2).cls, _consistent_cells()))
    for field in attrs.fields(type(proactive)):
        row = getattr(proactive, field.name)
        if not attrs.has(type(row)):
            continue
        for low, high in _AT_LEAST:
            if hasattr(row, low) and getattr(row, high) < getattr(row, low):
                row = attrs.evolve(row, **{high: getattr(row, low)})
        proactive = attrs.evolve(proactive, **{field.name: row})
    applications = _applications(draw, draw(st.sampled_from(edition.table(3).classes)))
    return (edition, proactive, applications, _reviews(draw))


def consistent_reports(edition: str | None = None) -> st.SearchStrategy[Report]:
    """Reports whose numbers satisfy every rule of the national format, of ``edition`` or of either."""
    return _report(_editions(edition).flatmap(_consistent_tables))
