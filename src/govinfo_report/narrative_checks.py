"""Reading numbers out of a report's prose, for the narrative checks of :mod:`.rules`.

Bodies repeat a few table values in their narrative (``全年共收到政府信息公开申请
31件``, ``上年结转 1件``, ``行政复议 4件``).  This module finds those statements,
sentence by sentence, and says where each one is; :mod:`govinfo_report.rules`
compares them with the tables.  Nothing here knows about findings or cells.

The patterns are deliberately narrow: a statement is only read when the wording
leaves no doubt which table value it repeats.  A sentence that names a subset
(``网络申请``, ``法人申请``), a result (``行政复议纠错``) or mixes two quantities
(``行政复议和行政诉讼各1件``) is left alone: a false warning costs a clerk more
than a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .editions import HEADINGS
from .model import Narrative, Report

__all__ = [
    "Period",
    "Sentence",
    "Statement",
    "mentions_processing_fee",
    "sentences",
    "statements",
    "statistics_period",
]

#: Quantities a statement can repeat (the keys :mod:`.rules` maps to table cells).
RECEIVED = "received"
CARRIED_OVER = "carried_over"
HANDLED = "handled"
CARRIED_FORWARD = "carried_forward"
REVIEW = "review"
LAWSUIT = "lawsuit"
LAWSUIT_DIRECT = "lawsuit_direct"
LAWSUIT_AFTER_REVIEW = "lawsuit_after_review"


@attrs.frozen
class Sentence:
    """One sentence of the narrative and where it is printed.

    Attributes:
        text: the sentence as printed, ending punctuation included.
        location: e.g. ``一、总体情况（二）依申请公开情况第1段`` or ``序言第1段``.
    """

    text: str
    location: str


@attrs.frozen
class Statement:
    """A number the narrative states for a table value.

    Attributes:
        quantity: ``"received"``, ``"carried_over"``, ``"handled"``,
            ``"carried_forward"``, ``"review"``, ``"lawsuit"`` (both lawsuit
            groups), ``"lawsuit_direct"`` or ``"lawsuit_after_review"``.
        value: the number stated (``未收到…申请`` is 0).
        column: for table-3 quantities, the applicant column the number is for
            (``"total"``, or ``"natural_person"`` for ``收到4个自然人的…申请9件``).
        phrase: the words the number was read from, e.g. ``收到政府信息公开申请 31件``.
        sentence: the sentence it was read from.
    """

    quantity: str
    value: int
    column: str
    phrase: str
    sentence: Sentence


@attrs.frozen
class Period:
    """The statistics period stated in the preamble (``统计数据从2024年1月1日至12月31日``)."""

    start_year: int
    end_year: int
    phrase: str
    sentence: Sentence


# --------------------------------------------------------------------------
# Sentences

_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")


def _ascii_digits(text: str) -> str:
    """``text`` with full-width digits as ASCII ones (translated only when it holds one)."""
    return text.translate(_FULLWIDTH_DIGITS) if _FULLWIDTH_DIGIT.search(text) else text


def _split(paragraph: str) -> Iterator[str]:
    for match in _SENTENCE.finditer(paragraph):
        text = match.group().strip()
        if text:
            yield text


def _section_heading(report: Report, index: int) -> str:
    headings = report.headings
    if len(headings) == len(HEADINGS) and headings[index].strip():
        return headings[index].strip()
    return HEADINGS[index]


def _narrative_sentences(narrative: Narrative, where: str) -> Iterator[Sentence]:
    for number, paragraph in enumerate(narrative.paragraphs, start=1):
        for text in _split(paragraph):
            yield Sentence(text, f"{where}第{number}段")
    for sub in narrative.subsections:
        label = f"{sub.number}{sub.title}" or sub.heading
        for number, paragraph in enumerate(sub.paragraphs, start=1):
            for text in _split(paragraph):
                yield Sentence(text, f"{where}{label}第{number}段")


def sentences(report: Report) -> Iterator[Sentence]:
    """Every sentence of the preamble and of sections 一, 五 and 六, in printed order."""
    for number, paragraph in enumerate(report.preamble, start=1):
        for text in _split(paragraph):
            yield Sentence(text, f"序言第{number}段")
    for index, narrative in ((0, report.overview), (4, report.problems), (5, report.other_matters)):
        yield from _narrative_sentences(narrative, _section_heading(report, index))


# --------------------------------------------------------------------------
# Statements

# A short stretch of words inside one clause: no punctuation, no digits.
_GAP = r"[^。；;，,、：:（()）！？!?\d]"
_NUMBER = r"(?P<n>\d+)\s*"

# Words that make a stretch name something other than the plain total.
_NOT_THE_TOTAL = (
    "复议",
    "诉讼",
    "起诉",
    "投诉",
    "信访",
    "举报",
    "热线",
    "工单",
    "信箱",
    "结转",
    "网络",
    "网上",
    "在线",
    "邮寄",
    "信函",
    "当面",
    "现场",
    "电子",
    "传真",
    "电话",
    "法人",
    "企业",
    "组织",
    "机构",
    "各",
)
_RESULT_WORDS = ("维持", "纠正", "纠错", "撤销", "确认", "驳回", "败诉", "胜诉", "审结", "结果", "各", "诉讼")

_RECEIVED = re.compile(
    rf"(?:收到|受理|新收|接收|接到)(?:\s*\d+\s*(?:个|名|位))?(?P<gap>{_GAP}{{0,20}}?)"
    rf"申请\s*(?:共|合计|总计)?\s*{_NUMBER}(?:件|份)"
)
_NOT_RECEIVED = re.compile(
    r"未(?:收到|受理|接到)\s*(?:任何形式的?|任何|相关|有关)?\s*的?\s*"
    r"(?:政府信息公开|依申请公开(?:政府信息)?|信息公开)\s*的?\s*申请"
)
# After the number: ``（含上年结转1件）`` or ``，其中本年新收30件`` — the number may include
# applications carried over, so it is not the 本年新收 total.
_INCLUDES_CARRIED = re.compile(
    r"\s*[（(，,]?\s*(?:其中\s*[，,]?\s*)?(?:(?:含|包括|包含)[^。）)]{0,10}结转|(?:本年度?)?新收)"
)
_CARRIED_OVER = re.compile(rf"上一?年度?结转(?P<gap>{_GAP}{{0,16}}?){_NUMBER}件")
_HANDLED = re.compile(rf"(?<!未)办结(?P<gap>{_GAP}{{0,12}}?){_NUMBER}件")
_CARRIED_FORWARD = re.compile(rf"结转(?:至|到)?下一?个?年度?(?P<gap>{_GAP}{{0,10}}?){_NUMBER}件")
_REVIEW = re.compile(rf"(?<!未经)行政复议(?P<gap>{_GAP}{{0,8}}?){_NUMBER}(?:件|起|宗|个|次)")
_LAWSUIT = re.compile(rf"行政诉讼(?P<gap>{_GAP}{{0,8}}?){_NUMBER}(?:件|起|宗|个|次)")
_NONE_FILED = re.compile(
    rf"(?:未发生|没有发生|未出现|未有|无|没有)(?P<gap>{_GAP}{{0,20}}?)"
    r"(?P<what>行政复议(?:(?:和|及|与|、|或)行政诉讼)?|行政诉讼)"
    r"(?:案件|情况|事项)?(?=[。；;，,！!]|$)"
)
_CLAUSE_START = re.compile(r".*[。；;，,、：:（()）]")


def _clause_before(text: str, position: int) -> str:
    """The words of the clause that precede ``position``."""
    head = text[:position]
    match = _CLAUSE_START.match(head)
    return head[match.end() :] if match else head


def _phrase(sentence: Sentence, match: re.Match[str]) -> str:
    """The matched words as printed (matching ran on a copy with half-width digits)."""
    return sentence.text[match.start() : match.end()].strip()


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _received(text: str, sentence: Sentence) -> Iterator[Statement]:
    for match in _RECEIVED.finditer(text):
        gap = match.group("gap")
        if _has_any(gap, _NOT_THE_TOTAL) or _INCLUDES_CARRIED.match(text, match.end()):
            continue
        column = "natural_person" if "自然人" in gap else "total"
        yield Statement(RECEIVED, int(match.group("n")), column, _phrase(sentence, match), sentence)
    for match in _NOT_RECEIVED.finditer(text):
        yield Statement(RECEIVED, 0, "total", _phrase(sentence, match), sentence)


def _simple(
    pattern: re.Pattern[str], quantity: str, text: str, sentence: Sentence, stop: tuple[str, ...]
) -> Iterator[Statement]:
    for match in pattern.finditer(text):
        if _has_any(match.group("gap"), stop):
            continue
        yield Statement(quantity, int(match.group("n")), "total", _phrase(sentence, match), sentence)


def _lawsuits(text: str, sentence: Sentence) -> Iterator[Statement]:
    for match in _LAWSUIT.finditer(text):
        if _has_any(match.group("gap"), _RESULT_WORDS):
            continue
        before = _clause_before(text, match.start())
        if "未经复议" in before or "直接" in before:
            quantity = LAWSUIT_DIRECT
        elif "复议" in before:
            quantity = LAWSUIT_AFTER_REVIEW
        else:
            quantity = LAWSUIT
        phrase = (before[-8:] + _phrase(sentence, match)).strip()
        yield Statement(quantity, int(match.group("n")), "total", phrase, sentence)


def _none_filed(text: str, sentence: Sentence) -> Iterator[Statement]:
    for match in _NONE_FILED.finditer(text):
        if _has_any(match.group("gap"), (*_RESULT_WORDS, "新增")):
            continue
        what = match.group("what")
        phrase = _phrase(sentence, match)
        if "复议" in what:
            yield Statement(REVIEW, 0, "total", phrase, sentence)
        if "诉讼" in what:
            yield Statement(LAWSUIT, 0, "total", phrase, sentence)


def statements(report: Report) -> Iterator[Statement]:
    """Every number the narrative states for a table-3 or table-4 total, in printed order."""
    # Each pattern is tried only in a sentence holding the words it cannot match without
    # (申请, 行政复议, 行政诉讼): most sentences hold none, and are not scanned at all.
    for sentence in sentences(report):
        text = _ascii_digits(sentence.text)
        if "申请" in text:
            yield from _received(text, sentence)
            # 上年结转 / 办结 / 结转下年 are only read in a sentence about applications.
            yield from _simple(_CARRIED_OVER, CARRIED_OVER, text, sentence, _NOT_THE_TOTAL)
            yield from _simple(_HANDLED, HANDLED, text, sentence, _NOT_THE_TOTAL)
            yield from _simple(_CARRIED_FORWARD, CARRIED_FORWARD, text, sentence, _NOT_THE_TOTAL)
        review, lawsuit = "行政复议" in text, "行政诉讼" in text
        if review:
            yield from _simple(_REVIEW, REVIEW, text, sentence, _RESULT_WORDS)
        if lawsuit:
            yield from _lawsuits(text, sentence)
        if review or lawsuit:
            yield from _none_filed(text, sentence)


# --------------------------------------------------------------------------
# Statistics period and fees

_DATE_RANGE = re.compile(
    r"(?P<start>\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:起|始)?\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?:(?P<end>\d{4})\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"
)


def statistics_period(report: Report) -> Period | None:
    """The first ``统计…YYYY年M月D日至…`` period in the preamble or section 一's opening."""
    candidates = [*report.preamble, *report.overview.paragraphs]
    for number, paragraph in enumerate(candidates, start=1):
        in_preamble = number <= len(report.preamble)
        where = (
            f"序言第{number}段"
            if in_preamble
            else f"{_section_heading(report, 0)}第{number - len(report.preamble)}段"
        )
        for text in _split(paragraph):
            if "统计" not in text:
                continue
            match = _DATE_RANGE.search(_ascii_digits(text))
            if match:
                start = int(match.group("start"))
                end = int(match.group("end") or start)
                return Period(start, end, text[match.start() : match.end()], Sentence(text, where))
    return None


def mentions_processing_fee(narrative: Narrative) -> bool:
    """Whether a section says anything about 信息处理费 (``处理费`` in any wording)."""
    return "处理费" in narrative.text
