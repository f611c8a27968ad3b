"""Copy detection (内容雷同): how much of a report repeats last year's.

The national format names 内容雷同 as a fault, and evaluators score it (e.g.
"与上年度重复率大于50%").  :func:`reuse` measures it sentence by sentence:

* **Sentences.**  The narrative (序言 and sections 一, 五, 六; sub-headings are
  headings, not sentences) is cut after ``。！？!?`` and after ``；;`` outside
  brackets, so that the clauses of a ``一是……；二是……`` list count one by one.
* **Key.**  A sentence's key is its text in NFKC form (full-width digits and
  letters as ASCII), case-folded, without white space and punctuation, with
  every run of digits replaced by ``#``.  Two sentences with the same key are
  the same sentence: sentences that differ only in their numbers and years
  (``2023年`` → ``2024年``, ``117条`` → ``132条``) count as reused.  Whether it
  was taken over word for word is kept too (``exact``).
* **Length.**  A sentence weighs the characters of its key (a number counts as
  one character).  The reuse rate of a section is the weight of its reused
  sentences over the weight of all its counted sentences; overall, the same
  over all sections.  A sentence counts as reused wherever it stood last year
  (text moved between sections is still reused).
* **Left out** (listed in :attr:`Reuse.excluded` with the reason): what every
  report must say in the same words — the legal basis (``legal-basis``), the
  statistics period (``statistics-period``), where to download the report
  (``download``), whom to ask (``contact``), the information-processing fee
  statement (``fees``) — placeholders of a skeleton (``placeholder``) and
  fragments of fewer than :data:`MIN_LENGTH` characters (``short``:
  telephone numbers, run-in labels).
* **Tables** (:class:`TableSameness`): a table is the same as last year's when
  every one of its cells holds last year's value and at least one of those
  values is a number other than 0.  Cells that are 0 (or blank) in both years
  say nothing: most bodies print a table 4 of zeros every year.

Time is linear in the length of the texts: each sentence is looked up by its
key in a hash table of last year's; nothing is compared pairwise.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from functools import cache

import attrs

from ..cells import CellAddress, Layout, cells, layout_of
from ..editions import HEADINGS, TABLE_NAMES
from ..errors import IncompatibleReportsError
from ..layout import cell_specs
from ..model import Narrative, Report
from ..skeleton import PLACEHOLDER_MARK
from ..values import Value
from .common import number, report_name
from .compare import ComparisonFinding
from .mapping import AddressMapping, address_mapping

__all__ = [
    "MIN_LENGTH",
    "REUSE_THRESHOLD",
    "SECTIONS",
    "ExcludedSentence",
    "Fingerprint",
    "Reuse",
    "ReusedSentence",
    "SectionReuse",
    "TableSameness",
    "fingerprint",
    "fingerprint_tables",
    "keys",
    "reuse",
    "reuse_rate",
    "split_sentences",
    "table_sameness",
]

#: A sentence shorter than this (characters of its key) is not counted.
MIN_LENGTH = 6
#: ``Reuse.findings`` reports a reuse rate above this share (evaluators' "大于50%").
REUSE_THRESHOLD = 0.5
#: The narrative parts, in printed order, as results name them.
SECTIONS: tuple[str, ...] = ("序言", HEADINGS[0], HEADINGS[4], HEADINGS[5])


# --------------------------------------------------------------------------
# Sentences and their keys

_BOUNDARY = re.compile(r"[。！？!?；;][。！？!?；;”’」』）)》】]*")
_SEMICOLONS = "；;"
_OPENING = "（("
_CLOSING = "）)"
_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def split_sentences(paragraph: str) -> list[str]:
    """``paragraph`` cut after ``。！？!?``, and after ``；;`` outside brackets; stripped, none empty."""
    out: list[str] = []
    start = 0
    depth = 0
    scanned = 0
    for match in _BOUNDARY.finditer(paragraph):
        stretch = paragraph[scanned : match.start()]
        depth = max(0, depth + sum(map(stretch.count, _OPENING)) - sum(map(stretch.count, _CLOSING)))
        mark = match.group()
        depth = max(0, depth - sum(map(mark.count, _CLOSING)))
        scanned = match.end()
        if mark[0] in _SEMICOLONS and depth > 0:
            continue
        out.append(paragraph[start : match.end()])
        start = match.end()
    out.append(paragraph[start:])
    return [text.strip() for text in out if text.strip()]


def keys(text: str) -> tuple[str, str]:
    """A sentence's ``(exact, masked)`` keys: NFKC, case-folded, no white space or punctuation;
    ``masked`` has every run of digits as ``#``."""
    exact = _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
    return exact, _DIGITS.sub("#", exact)


def _exclusion(text: str, exact: str, masked: str) -> str | None:
    """Why a sentence is not counted (see the module docstring), or ``None``."""
    if PLACEHOLDER_MARK in text:
        return "placeholder"
    if "年度报告格式" in exact or ("条例" in exact and "年度报告" in exact):
        return "legal-basis"
    if "统计" in exact and "#月#日" in masked:
        return "statistics-period"
    if "本报告" in exact and ("下载" in exact or "查阅" in exact):
        return "download"
    if "联系" in exact and ("疑问" in exact or "本报告" in exact):
        return "contact"
    if "处理费" in exact:
        return "fees"
    if len(masked) < MIN_LENGTH:
        return "short"
    return None


@attrs.frozen
class _Sentence:
    text: str
    location: str
    section: int
    exact: str
    masked: str
    excluded: str | None


def _narratives(report: Report) -> Iterator[tuple[int, str, Sequence[str], str]]:
    """(section index, section name, paragraphs, where prefix) for every run of paragraphs."""
    yield 0, SECTIONS[0], report.preamble, SECTIONS[0]
    parts: tuple[Narrative, ...] = (report.overview, report.problems, report.other_matters)
    for index, narrative in enumerate(parts, start=1):
        name = SECTIONS[index]
        yield index, name, narrative.paragraphs, name
        for sub in narrative.subsections:
            yield index, name, sub.paragraphs, f"{name}{sub.number}{sub.title}"


def _sentences(report: Report) -> Iterator[_Sentence]:
    for section, _, paragraphs, where in _narratives(report):
        for number_, paragraph in enumerate(paragraphs, start=1):
            for text in split_sentences(paragraph):
                exact, masked = keys(text)
                excluded = _exclusion(text, exact, masked)
                yield _Sentence(text, f"{where}第{number_}段", section, exact, masked, excluded)


# --------------------------------------------------------------------------
# Results


@attrs.frozen
class ReusedSentence:
    """A sentence of this year's report found in last year's.

    Attributes:
        text: the sentence as printed this year.
        location: where it is this year, e.g. ``一、总体情况（三）政府信息管理情况第1段``.
        length: its weight (characters of its key).
        earlier_text: the sentence as printed last year.
        earlier_location: where it was last year.
        exact: whether it is the same word for word (only white space and punctuation
            may differ); ``False`` when only numbers changed.
    """

    text: str
    location: str
    length: int
    earlier_text: str
    earlier_location: str
    exact: bool


@attrs.frozen
class ExcludedSentence:
    """A sentence left out of the count, and why (``"legal-basis"``, ``"fees"``, ``"short"`` …)."""

    text: str
    location: str
    reason: str


@attrs.frozen
class SectionReuse:
    """One narrative part (序言, 一, 五 or 六): how much of it was reused.

    Attributes:
        section: ``"序言"`` or the canonical heading, e.g. ``"一、总体情况"``.
        sentences: how many sentences were counted.
        characters: their total weight.
        reused_characters: the weight of those found in last year's report.
        reused: the reused sentences, in printed order.
    """

    section: str
    sentences: int
    characters: int
    reused_characters: int
    reused: tuple[ReusedSentence, ...]

    @property
    def rate(self) -> float | None:
        """``reused_characters / characters``, or ``None`` when nothing was counted."""
        return self.reused_characters / self.characters if self.characters else None


@attrs.frozen
class TableSameness:
    """How one table compares with last year's.

    Attributes:
        table: 2, 3 or 4.
        cells: cells found in both reports.
        equal: cells holding the same value in both (blank counts as equal to blank).
        evidence: equal cells whose value is a number other than 0.
    """

    table: int
    cells: int
    equal: int
    evidence: int

    @property
    def identical(self) -> bool:
        """Every cell as last year, and at least one of them a number other than 0."""
        return self.cells > 0 and self.equal == self.cells and self.evidence > 0


@attrs.frozen
class Reuse:
    """How much of ``later`` repeats ``earlier``.

    Attributes:
        earlier: last year's report.
        later: this year's report.
        sections: 序言, 一, 五, 六 in printed order.
        tables: tables 2, 3, 4; empty when the editions have no cell mapping.
        excluded: sentences of ``later`` left out of the count, with the reason.


    Example:
        >>> import attrs, govinfo_report as gr
        >>> later = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> earlier = attrs.evolve(later, year=2023)  # the same tables, as last year's
        >>> result = gr.reuse(earlier, later)
        >>> [table.identical for table in result.tables]
        [True, True, True]
    """

    earlier: Report
    later: Report
    sections: tuple[SectionReuse, ...]
    tables: tuple[TableSameness, ...]
    excluded: tuple[ExcludedSentence, ...]

    @property
    def characters(self) -> int:
        """Weight of every counted sentence."""
        return sum(section.characters for section in self.sections)

    @property
    def reused_characters(self) -> int:
        """Weight of the reused sentences."""
        return sum(section.reused_characters for section in self.sections)

    @property
    def rate(self) -> float | None:
        """The overall reuse rate, or ``None`` when nothing was counted."""
        return self.reused_characters / self.characters if self.characters else None

    @property
    def reused(self) -> tuple[ReusedSentence, ...]:
        """Every reused sentence, in printed order."""
        return tuple(sentence for section in self.sections for sentence in section.reused)

    @property
    def identical_tables(self) -> tuple[int, ...]:
        """The numbers of the tables identical to last year's."""
        return tuple(table.table for table in self.tables if table.identical)

    def findings(self, threshold: float = REUSE_THRESHOLD) -> list[ComparisonFinding]:
        """``REUSE-TEXT`` when the overall rate is over ``threshold``; ``REUSE-TABLE`` per identical table."""
        earlier_name = report_name(self.earlier, "上年报告")
        found = []
        rate = self.rate
        if rate is not None and rate > threshold:
            message = (
                f"叙述部分与{earlier_name}的重复率为{rate:.1%}（按句子长度计，超过{threshold:.0%}），"
                f"共{len(self.reused)}句与上年相同或仅数字不同"
            )
            found.append(ComparisonFinding("REUSE-TEXT", "warning", (), (), None, None, message))
        for table in self.tables:
            if table.identical:
                message = (
                    f"{TABLE_NAMES.get(table.table, str(table.table))}与{earlier_name}完全相同"
                    f"（{table.cells}个单元格，其中{table.evidence}个非零数值一致）"
                )
                found.append(ComparisonFinding("REUSE-TABLE", "warning", (), (), None, None, message))
        return found


def reuse(earlier: Report, later: Report, *, mapping: AddressMapping | None = None) -> Reuse:
    """How much of ``later``'s narrative and tables repeats ``earlier``'s (see the module docstring).

    Tables are compared cell by cell through ``mapping`` (default: the same address
    within one edition); for reports of editions without a mapping, ``tables`` is
    empty and the narrative is still compared.


    Example:
        >>> import attrs, govinfo_report as gr
        >>> later = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> earlier = attrs.evolve(later, year=2023)  # the same tables, as last year's
        >>> gr.reuse(earlier, later).rate  # every sentence taken over
        1.0
    """
    index: dict[str, _Sentence] = {}
    exact_keys: set[str] = set()
    for sentence in _sentences(earlier):
        index.setdefault(sentence.masked, sentence)
        exact_keys.add(sentence.exact)
    counted: list[list[_Sentence]] = [[] for _ in SECTIONS]
    excluded = []
    for sentence in _sentences(later):
        if sentence.excluded is not None:
            excluded.append(ExcludedSentence(sentence.text, sentence.location, sentence.excluded))
        else:
            counted[sentence.section].append(sentence)
    sections = []
    for name, sentences in zip(SECTIONS, counted, strict=True):
        reused = []
        for sentence in sentences:
            found = index.get(sentence.masked)
            if found is not None:
                reused.append(
                    ReusedSentence(
                        sentence.text,
                        sentence.location,
                        len(sentence.masked),
                        found.text,
                        found.location,
                        sentence.exact in exact_keys,
                    )
                )
        sections.append(
            SectionReuse(
                name,
                len(sentences),
                sum(len(sentence.masked) for sentence in sentences),
                sum(sentence.length for sentence in reused),
                tuple(reused),
            )
        )
    try:
        find = mapping if mapping is not None else address_mapping(earlier.edition, later.edition)
    except IncompatibleReportsError:
        tables: tuple[TableSameness, ...] = ()
    else:
        tables = table_sameness(_values(earlier), _values(later), find)
    return Reuse(earlier, later, tuple(sections), tables, tuple(excluded))


# --------------------------------------------------------------------------
# Tables


def _values(report: Report) -> dict[CellAddress, Value]:
    """The report's cells by address (whatever layout its tables have)."""
    return _by_address(layout_of(report), tuple(cell.value for cell in cells(report)))


@cache
def _addresses(layout: Layout) -> tuple[CellAddress, ...]:
    return tuple(
        CellAddress(number, "/".join(spec.row), "/".join(spec.column))
        for number, _, cls in layout
        for spec in cell_specs(cls)
    )


def _by_address(layout: Layout, values: Sequence[Value]) -> dict[CellAddress, Value]:
    return dict(zip(_addresses(layout), values, strict=True))


def table_sameness(
    earlier: dict[CellAddress, Value], later: dict[CellAddress, Value], mapping: AddressMapping
) -> tuple[TableSameness, ...]:
    """Tables 2, 3, 4 of ``later`` against ``earlier`` (values by address), cells matched by ``mapping``."""
    counts: dict[int, list[int]] = {}
    for address, value in later.items():
        tally = counts.setdefault(address.table, [0, 0, 0])
        where = mapping(address)
        if where is None or where not in earlier:
            continue
        tally[0] += 1
        before = earlier[where]
        if before == value and type(before) is type(value):
            tally[1] += 1
            if number(value) not in (None, 0):
                tally[2] += 1
    return tuple(TableSameness(table, *tally) for table, tally in counts.items())


# --------------------------------------------------------------------------
# Fingerprints: what a corpus check keeps of each report


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


@attrs.frozen(eq=False)
class Fingerprint:
    """What reuse needs of a report, in a few kilobytes: for checking thousands of reports.

    Attributes:
        edition: the report's edition.
        layout: its tables (:func:`govinfo_report.cells.layout_of`).
        values: its cells' values in printed order.
        counted: the hash of each counted sentence's masked key.
        lengths: each counted sentence's weight, in the order of ``counted``.
        known: the hashes of every sentence's masked key (counted or not), sorted.
    """

    edition: str
    layout: Layout
    values: tuple[Value, ...]
    counted: array[int]
    lengths: array[int]
    known: array[int]


def fingerprint(report: Report) -> Fingerprint:
    """The :class:`Fingerprint` of ``report``."""
    counted: array[int] = array("q")
    lengths: array[int] = array("q")
    known = set()
    for sentence in _sentences(report):
        digest = _hash(sentence.masked)
        known.add(digest)
        if sentence.excluded is None:
            counted.append(digest)
            lengths.append(len(sentence.masked))
    values = tuple(cell.value for cell in cells(report))
    return Fingerprint(report.edition, layout_of(report), values, counted, lengths, array("q", sorted(known)))


def reuse_rate(earlier: Fingerprint, later: Fingerprint) -> float | None:
    """The overall reuse rate of :func:`reuse`, from fingerprints; ``None`` when nothing was counted."""
    total = sum(later.lengths)
    if not total:
        return None
    known = set(earlier.known)
    reused = sum(
        length for digest, length in zip(later.counted, later.lengths, strict=True) if digest in known
    )
    return reused / total


def fingerprint_tables(earlier: Fingerprint, later: Fingerprint) -> tuple[TableSameness, ...]:
    """:func:`table_sameness` from fingerprints; empty when the editions have no cell mapping."""
    try:
        find = address_mapping(earlier.edition, later.edition)
    except IncompatibleReportsError:
        return ()
    return table_sameness(
        _by_address(earlier.layout, earlier.values), _by_address(later.layout, later.values), find
    )
