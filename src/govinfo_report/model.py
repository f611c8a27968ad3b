"""The typed report: frozen attrs classes, one per table, row group and row.

Every table cell is a field whose metadata carries its official label (the
row-path segment or column-path segment of national-format.md), so cell
addresses, the long format and the table layouts of each edition are all
derived from these classes; there is no second list of labels.

Values: ``int`` for counts, :class:`~decimal.Decimal` for amounts, ``None``
for a cell that was not filled in (blank, ``/``, ``—`` …), which is never 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import attrs

from .errors import Location
from .values import Money

__all__ = [
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "Diagnostic",
    "DocumentCounts2019",
    "FeeItems2019",
    "ItemCounts2019",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Outcomes2019",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "Procurement2019",
    "RegulationCounts",
    "Report",
    "ReviewOutcomes",
    "ReviewsAndLawsuits",
    "Source",
    "Subsection",
    "Unable",
    "Withheld",
]

Count = int | None
Signed = int | None
Amount = Decimal | None
MoneyAmount = Money | None

# Metadata keys.  "row"/"column" are path segments added while walking down;
# "kind" marks a leaf cell (a CellKind of values.py: "count", "signed", "amount",
# "money"); "unit" is the unit an amount's column header names.
ROW = "govinfo_report.row"
COLUMN = "govinfo_report.column"
KIND = "govinfo_report.kind"
UNIT = "govinfo_report.unit"


def _count(*, row: tuple[str, ...] = (), column: tuple[str, ...] = ()) -> Any:
    return attrs.field(default=None, metadata={ROW: row, COLUMN: column, KIND: "count"})


def _signed(*, row: tuple[str, ...] = (), column: tuple[str, ...] = ()) -> Any:
    return attrs.field(default=None, metadata={ROW: row, COLUMN: column, KIND: "signed"})


def _amount(*, row: tuple[str, ...] = (), column: tuple[str, ...] = (), unit: str) -> Any:
    return attrs.field(default=None, metadata={ROW: row, COLUMN: column, KIND: "amount", UNIT: unit})


def _money(*, row: tuple[str, ...] = (), column: tuple[str, ...] = ()) -> Any:
    return attrs.field(default=None, metadata={ROW: row, COLUMN: column, KIND: "money"})


def _group(cls: type, *, row: tuple[str, ...] = ()) -> Any:
    return attrs.field(factory=cls, metadata={ROW: row})


# --------------------------------------------------------------------------
# Table 2 — 主动公开政府信息情况 (2021 edition)

_ITEM_1 = "第二十条第（一）项"
_ITEM_5 = "第二十条第（五）项"
_ITEM_6 = "第二十条第（六）项"
_ITEM_8 = "第二十条第（八）项"


@attrs.frozen
class RegulationCounts:
    """A 第二十条第（一）项 row: documents issued, repealed and in force.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.proactive.rules
        RegulationCounts(issued=2, repealed=0, in_force=9)
    """

    issued: Count = _count(column=("本年制发件数",))
    repealed: Count = _count(column=("本年废止件数",))
    in_force: Count = _count(column=("现行有效件数",))


@attrs.frozen
class ProactiveDisclosure:
    """Table 2 of the 2021 edition.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> isinstance(report.proactive, gr.ProactiveDisclosure)
        True
        >>> report.proactive.licensing, report.proactive.fees
        (0, Decimal('0'))
    """

    rules: RegulationCounts = _group(RegulationCounts, row=(_ITEM_1, "规章"))
    normative_documents: RegulationCounts = _group(RegulationCounts, row=(_ITEM_1, "行政规范性文件"))
    licensing: Count = _count(row=(_ITEM_5, "行政许可"), column=("本年处理决定数量",))
    punishment: Count = _count(row=(_ITEM_6, "行政处罚"), column=("本年处理决定数量",))
    enforcement: Count = _count(row=(_ITEM_6, "行政强制"), column=("本年处理决定数量",))
    fees: Amount = _amount(
        row=(_ITEM_8, "行政事业性收费"), column=("本年收费金额（单位：万元）",), unit="万元"
    )


# --------------------------------------------------------------------------
# Table 2 — 主动公开政府信息情况 (2019 trial edition, 国办公开办函〔2019〕60号)


@attrs.frozen
class DocumentCounts2019:
    """A 第二十条第（一）项 row of the 2019 edition: documents made, published, published in all.

    Example:
        >>> import govinfo_report as gr
        >>> gr.parse_file("examples/qinghe-county-office-2020.txt").proactive.rules
        DocumentCounts2019(made=2, published=2, published_total=15)
    """

    made: Count = _count(column=("本年新制作数量",))
    published: Count = _count(column=("本年新公开数量",))
    published_total: Count = _count(column=("对外公开总数量",))


@attrs.frozen
class ItemCounts2019:
    """A 第二十条第（五）/（六）项 row of the 2019 edition: items last year, change, decisions.

    Example:
        >>> import govinfo_report as gr
        >>> gr.parse_file("examples/qinghe-county-office-2020.txt").proactive.licensing
        ItemCounts2019(previous_year=153, change=-3, decisions=1204)
    """

    previous_year: Count = _count(column=("上一年项目数量",))
    change: Signed = _signed(column=("本年增/减",))
    decisions: Count = _count(column=("处理决定数量",))


@attrs.frozen
class FeeItems2019:
    """The 第二十条第（八）项 row of the 2019 edition: fee items last year and their change.

    Example:
        >>> import govinfo_report as gr
        >>> gr.parse_file("examples/qinghe-county-office-2020.txt").proactive.fees
        FeeItems2019(previous_year=9, change=-1)
    """

    previous_year: Count = _count(column=("上一年项目数量",))
    change: Signed = _signed(column=("本年增/减",))


@attrs.frozen
class Procurement2019:
    """The 第二十条第（九）项 row of the 2019 edition: government procurement.

    ``amount`` keeps the unit the body printed in the cell (the header names none):
    ``Money(Decimal("73802895.90"), "元")``.


    Example:
        >>> import govinfo_report as gr
        >>> procurement = gr.parse_file("examples/qinghe-county-office-2020.txt").proactive.procurement
        >>> procurement.projects, str(procurement.amount)
        (46, '35.2万元')
    """

    projects: Count = _count(column=("采购项目数量",))
    amount: MoneyAmount = _money(column=("采购总金额",))


@attrs.frozen
class ProactiveDisclosure2019:
    """Table 2 of the 2019 trial edition.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/qinghe-county-office-2020.txt")
        >>> report.edition, type(report.proactive).__name__
        ('2019', 'ProactiveDisclosure2019')
    """

    rules: DocumentCounts2019 = _group(DocumentCounts2019, row=(_ITEM_1, "规章"))
    normative_documents: DocumentCounts2019 = _group(DocumentCounts2019, row=(_ITEM_1, "规范性文件"))
    licensing: ItemCounts2019 = _group(ItemCounts2019, row=(_ITEM_5, "行政许可"))
    other_services: ItemCounts2019 = _group(ItemCounts2019, row=(_ITEM_5, "其他对外管理服务事项"))
    punishment: ItemCounts2019 = _group(ItemCounts2019, row=(_ITEM_6, "行政处罚"))
    enforcement: ItemCounts2019 = _group(ItemCounts2019, row=(_ITEM_6, "行政强制"))
    fees: FeeItems2019 = _group(FeeItems2019, row=(_ITEM_8, "行政事业性收费"))
    procurement: Procurement2019 = _group(Procurement2019, row=("第二十条第（九）项", "政府集中采购"))


# --------------------------------------------------------------------------
# Table 3 — 收到和处理政府信息公开申请情况

_LEGAL = "法人或其他组织"


@attrs.frozen
class ApplicantCounts:
    """One table-3 row: a count per applicant type, and the total.

    Example:
        >>> import govinfo_report as gr
        >>> row = gr.ApplicantCounts(natural_person=3, total=3)
        >>> row.natural_person, row.commercial  # a cell not given is not filled in, never 0
        (3, None)
    """

    natural_person: Count = _count(column=("自然人",))
    commercial: Count = _count(column=(_LEGAL, "商业企业"))
    research: Count = _count(column=(_LEGAL, "科研机构"))
    public_interest: Count = _count(column=(_LEGAL, "社会公益组织"))
    legal_services: Count = _count(column=(_LEGAL, "法律服务机构"))
    other_organisation: Count = _count(column=(_LEGAL, "其他"))
    total: Count = _count(column=("总计",))


@attrs.frozen
class Withheld:
    """（三）不予公开.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.outcomes.withheld.query_matters.total  # 8.属于行政查询事项
        3
    """

    state_secret: ApplicantCounts = _group(ApplicantCounts, row=("1.属于国家秘密",))
    prohibited_by_law: ApplicantCounts = _group(ApplicantCounts, row=("2.其他法律行政法规禁止公开",))
    three_safeties: ApplicantCounts = _group(ApplicantCounts, row=("3.危及“三安全一稳定”",))
    third_party: ApplicantCounts = _group(ApplicantCounts, row=("4.保护第三方合法权益",))
    internal_affairs: ApplicantCounts = _group(ApplicantCounts, row=("5.属于三类内部事务信息",))
    process_information: ApplicantCounts = _group(ApplicantCounts, row=("6.属于四类过程性信息",))
    enforcement_files: ApplicantCounts = _group(ApplicantCounts, row=("7.属于行政执法案卷",))
    query_matters: ApplicantCounts = _group(ApplicantCounts, row=("8.属于行政查询事项",))


@attrs.frozen
class Unable:
    """（四）无法提供.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.outcomes.unable.not_held.total  # 1.本机关不掌握相关政府信息
        24
    """

    not_held: ApplicantCounts = _group(ApplicantCounts, row=("1.本机关不掌握相关政府信息",))
    needs_creation: ApplicantCounts = _group(ApplicantCounts, row=("2.没有现成信息需要另行制作",))
    still_unclear: ApplicantCounts = _group(ApplicantCounts, row=("3.补正后申请内容仍不明确",))


@attrs.frozen
class NotProcessed:
    """（五）不予处理.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.outcomes.not_processed.repeated.total  # 2.重复申请
        0
    """

    petition: ApplicantCounts = _group(ApplicantCounts, row=("1.信访举报投诉类申请",))
    repeated: ApplicantCounts = _group(ApplicantCounts, row=("2.重复申请",))
    publication: ApplicantCounts = _group(ApplicantCounts, row=("3.要求提供公开出版物",))
    excessive: ApplicantCounts = _group(ApplicantCounts, row=("4.无正当理由大量反复申请",))
    confirmation: ApplicantCounts = _group(ApplicantCounts, row=("5.要求行政机关确认或重新出具已获取信息",))


@attrs.frozen
class OtherHandling:
    """（六）其他处理 of the 2021 edition (three rows).

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.outcomes.other.other.total  # （六）其他处理 / 3.其他
        1
    """

    no_correction: ApplicantCounts = _group(
        ApplicantCounts,
        row=("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",),
    )
    fee_unpaid: ApplicantCounts = _group(
        ApplicantCounts,
        row=("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",),
    )
    other: ApplicantCounts = _group(ApplicantCounts, row=("3.其他",))


_OTHER = "（六）其他处理"
_TOTAL = "（七）总计"
_CARRIED_FORWARD = "四、结转下年度继续办理"
_OUTCOMES = "三、本年度办理结果"


@attrs.frozen
class _OutcomeRows:
    """（一） to （五） of 三、本年度办理结果, the same in every table 3."""

    disclosed: ApplicantCounts = _group(ApplicantCounts, row=("（一）予以公开",))
    partly_disclosed: ApplicantCounts = _group(
        ApplicantCounts, row=("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",)
    )
    withheld: Withheld = _group(Withheld, row=("（三）不予公开",))
    unable: Unable = _group(Unable, row=("（四）无法提供",))
    not_processed: NotProcessed = _group(NotProcessed, row=("（五）不予处理",))


@attrs.frozen
class Outcomes(_OutcomeRows):
    """三、本年度办理结果 of the 2021 edition: （六）其他处理 in three rows.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.outcomes.total.total  # （七）总计
        31
    """

    other: OtherHandling = _group(OtherHandling, row=(_OTHER,))
    total: ApplicantCounts = _group(ApplicantCounts, row=(_TOTAL,))


@attrs.frozen
class Outcomes2019(_OutcomeRows):
    """三、本年度办理结果 with （六）其他处理 as one row (the 2019 edition; some 2021 reports too).

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/qinghe-county-office-2020.txt")
        >>> report.applications.outcomes.other.total  # （六）其他处理, one row
        4
    """

    other: ApplicantCounts = _group(ApplicantCounts, row=(_OTHER,))
    total: ApplicantCounts = _group(ApplicantCounts, row=(_TOTAL,))


@attrs.frozen
class _ApplicationRows:
    """一 and 二 of table 3, the same in every table 3."""

    new_received: ApplicantCounts = _group(ApplicantCounts, row=("一、本年新收政府信息公开申请数量",))
    carried_over: ApplicantCounts = _group(ApplicantCounts, row=("二、上年结转政府信息公开申请数量",))


@attrs.frozen
class Applications(_ApplicationRows):
    """Table 3 of the 2021 edition (25 rows).

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.applications.new_received.natural_person
        29
    """

    outcomes: Outcomes = _group(Outcomes, row=(_OUTCOMES,))
    carried_forward: ApplicantCounts = _group(ApplicantCounts, row=(_CARRIED_FORWARD,))


@attrs.frozen
class Applications2019(_ApplicationRows):
    """Table 3 with （六）其他处理 as one row (23 rows).

    The 2019 edition's table 3; a 2021-edition report that prints （六）其他处理 without
    its three sub-rows has this table 3 too (the sub-rows it does not print are absent).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/qinghe-county-office-2020.txt")
        >>> isinstance(report.applications, gr.Applications2019)
        True
    """

    outcomes: Outcomes2019 = _group(Outcomes2019, row=(_OUTCOMES,))
    carried_forward: ApplicantCounts = _group(ApplicantCounts, row=(_CARRIED_FORWARD,))


# --------------------------------------------------------------------------
# Table 4 — 政府信息公开行政复议、行政诉讼情况


@attrs.frozen
class ReviewOutcomes:
    """One group of five: results of reviews or of lawsuits.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.reviews.review
        ReviewOutcomes(upheld=4, corrected=0, other=0, pending=0, total=4)
    """

    upheld: Count = _count(column=("结果维持",))
    corrected: Count = _count(column=("结果纠正",))
    other: Count = _count(column=("其他结果",))
    pending: Count = _count(column=("尚未审结",))
    total: Count = _count(column=("总计",))


@attrs.frozen
class ReviewsAndLawsuits:
    """Table 4 (the same in both editions).

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.reviews.lawsuit_after_review.total  # 行政诉讼 / 复议后起诉
        1
    """

    review: ReviewOutcomes = _group(ReviewOutcomes, row=("行政复议",))
    lawsuit_direct: ReviewOutcomes = _group(ReviewOutcomes, row=("行政诉讼", "未经复议直接起诉"))
    lawsuit_after_review: ReviewOutcomes = _group(ReviewOutcomes, row=("行政诉讼", "复议后起诉"))


# --------------------------------------------------------------------------
# Narrative


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(value)


def _subsections(value: Any) -> tuple[Subsection, ...]:
    return tuple(value)


@attrs.frozen
class Subsection:
    """A numbered sub-heading such as ``（一）主动公开情况`` and its paragraphs.

    ``heading`` is printed text: the number, the words and, when the heading
    runs on into its first paragraph (``（一）主动公开情况。聚焦……``), the
    punctuation that ends it; ``inline`` is then true and ``paragraphs[0]``
    holds the rest of that printed paragraph.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> first = report.overview.subsections[0]
        >>> first.heading, first.title, first.inline
        ('（一）主动公开情况。', '主动公开情况', True)
    """

    heading: str
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    inline: bool = False

    @property
    def number(self) -> str:
        """The enumerator as printed, e.g. ``（一）``."""
        end = self.heading.find("）")
        return self.heading[: end + 1] if end >= 0 else ""

    @property
    def title(self) -> str:
        """The heading's words without number and closing punctuation."""
        return self.heading[len(self.number) :].rstrip("。：:；;，, ").strip()

    @property
    def lines(self) -> tuple[str, ...]:
        """The printed paragraphs: the heading runs on into the first when inline."""
        if self.inline and self.paragraphs:
            return (self.heading + self.paragraphs[0], *self.paragraphs[1:])
        return (self.heading, *self.paragraphs)

    @property
    def text(self) -> str:
        """The subsection's printed paragraphs joined with newlines."""
        return "\n".join(self.lines)


@attrs.frozen
class Narrative:
    """A narrative section: opening paragraphs, then numbered subsections.

    Example:
        >>> import govinfo_report as gr
        >>> first = gr.Subsection("（一）主动公开", ("公开了。",))
        >>> section = gr.Narrative(paragraphs=("总体情况。",), subsections=(first,))
        >>> print(section.text)
        总体情况。
        （一）主动公开
        公开了。
    """

    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    subsections: tuple[Subsection, ...] = attrs.field(default=(), converter=_subsections)

    @property
    def text(self) -> str:
        """All paragraphs of the section, in order, one per line."""
        return "\n".join([*self.paragraphs, *(sub.text for sub in self.subsections)])


# --------------------------------------------------------------------------
# The report


#: Severity of a diagnostic: ``"error"`` — something could not be read and was skipped
#: or left not filled in (lenient parsing only); ``"warning"`` — read, but worth knowing
#: (a misspelt label read by its place in the table, a superseded layout …).
DiagnosticSeverity = Literal["error", "warning"]


def _location_of(diagnostic: Diagnostic) -> Location:
    return Location(line=diagnostic.line, column=diagnostic.column)


@attrs.frozen
class Diagnostic:
    """What the reading of a report noticed: something skipped, filled in, or read with a doubt.

    Attributes:
        line: 1-based line in the text that was parsed (see :class:`~govinfo_report.errors.ParseError`).
        column: 1-based column in that line.
        message: what was skipped, missing or not understood, and why (Chinese).
        excerpt: the line it is about ("" when the text had ended).
        severity: ``"error"`` (skipped or not filled in) or ``"warning"`` (read, with a remark).
        code: what kind of thing it is, e.g. ``"SKIPPED"``, ``"MISSING"``, ``"LABEL-MISSPELT"``
            (docs/robustness.md lists them).
        location: where it is in the user's file (page/table/row/column for files).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse("一、总体情况\\n二、主动公开政府信息情况\\n规章 0 0 0\\n", lenient=True)
        >>> [d.severity for d in report.diagnostics]
        ['warning', 'error', 'error']
        >>> print(report.diagnostics[-1])  # doctest: +ELLIPSIS
        第3行第1列：文本提前结束，缺少表二“行政规范性文件”行...
    """

    line: int
    column: int
    message: str
    excerpt: str = ""
    severity: DiagnosticSeverity = "error"
    code: str = ""
    location: Location = attrs.field(default=attrs.Factory(_location_of, takes_self=True))

    def __str__(self) -> str:
        return f"{self.location}：{self.message}"


@attrs.frozen
class Source:
    """Where a report was read from, and what the file itself states about it.

    Nothing here is guessed: a field is ``None`` unless the file states it (a web
    page's metadata table or ``<meta>`` tags, a Word file's document properties).

    Attributes:
        form: ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``.
        path: the file, when read from one.
        title: the document's own title (``<title>``, the Word title property).
        published: the publication date as the page states it (发布日期), e.g. ``"2022-02-08"``.
        index_number: the disclosure index number (索引号).
        publisher: the publishing body as the page states it (发布机构).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.source.form, report.source.path
        ('text', 'examples/zhongwei-government-office-2024.txt')
    """

    form: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    index_number: str | None = None
    publisher: str | None = None


def _diagnostics(value: Any) -> tuple[Diagnostic, ...]:
    return tuple(value)


@attrs.frozen(repr=False)
class Report:
    """One annual report.

    Attributes:
        edition: the layout edition: ``"2021"`` (国办公开办函〔2021〕30号) or ``"2019"``
            (the trial layout, 国办公开办函〔2019〕60号), read from the tables.
        agency: the issuing body as printed in the title block, or ``None``.
        year: the reporting year read from the title, or ``None``.
        title: the title line as printed (may start with the agency).
        headings: the six section headings as printed.
        preamble: paragraphs between the title and section one.
        overview: section 一、总体情况.
        proactive: table 2 (section 二): :class:`ProactiveDisclosure` (2021 edition) or
            :class:`ProactiveDisclosure2019`.
        applications: table 3 (section 三): :class:`Applications`, or
            :class:`Applications2019` when （六）其他处理 is one row (the 2019 edition,
            and 2021 reports printed that way).
        reviews: table 4 (section 四).
        problems: section 五、存在的主要问题及改进情况.
        other_matters: section 六、其他需要报告的事项.
        diagnostics: what the reading noticed: what lenient parsing skipped or
            filled in, and warnings about what was read (a misspelt label read by
            its place).  Not part of equality, since it describes the reading, not
            the report.
        source: where the report was read from (form, path, page metadata), or
            ``None`` for a report made in Python; not part of equality either.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> report.agency, report.year, report.edition
        ('中卫市人民政府办公室', 2024, '2021')
        >>> report  # doctest: +ELLIPSIS
        <Report 中卫市人民政府办公室 2024 2021年版: 200 cells (200 filled, 0 blank), ...>
    """

    edition: str
    agency: str | None
    year: int | None
    title: str
    headings: tuple[str, ...] = attrs.field(converter=_strings)
    preamble: tuple[str, ...] = attrs.field(converter=_strings)
    overview: Narrative
    proactive: ProactiveDisclosure | ProactiveDisclosure2019
    applications: Applications | Applications2019
    reviews: ReviewsAndLawsuits
    problems: Narrative
    other_matters: Narrative
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics, eq=False)
    source: Source | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        """One line: body, year, edition, cells filled and blank, findings (not every cell)."""
        from .display import report_repr

        return report_repr(self)

    def _repr_html_(self) -> str:
        """The three tables as the report prints them, findings highlighted (Jupyter)."""
        from .display import report_html

        return report_html(self)
