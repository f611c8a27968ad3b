"""The rules catalogue, generated from the rule registry.

For every rule of :data:`govinfo_report.rules.RULES`: its id, the editions it applies
to (:attr:`govinfo_report.editions.Edition.rules`), what it checks (the rule
function's docstring) and an example message made by running ``gr.validate`` on a
skeleton report changed so that it breaks the rule (:data:`BREAKERS`).  A rule that no
breaker triggers takes its example from docs/rules.md instead, and says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
from mdtext import code, from_rst, table

import govinfo_report as gr
from govinfo_report.cells import CellAddress
from govinfo_report.editions import EDITIONS, get_edition
from govinfo_report.layout import build_table, cell_specs, table_values
from govinfo_report.model import Narrative, Report
from govinfo_report.rules import RULES, Finding

__all__ = ["BREAKERS", "Breaker", "Example", "example", "render"]

PATH = "reference/rules.md"
RULES_MD = Path(__file__).resolve().parents[1] / "rules.md"

AGENCY = "某某市某某局"
#: The reporting year of the skeleton each edition's examples start from.
YEARS = {"2021": 2025, "2019": 2020}

Value = int | None
Change = Callable[[Report], Report]


@attrs.frozen
class Breaker:
    """How to make a skeleton break one rule.

    Attributes:
        edition: the edition of the skeleton.
        cells: cells to change, by attribute path from the report (``("reviews", "review",
            "upheld")``), with their new values.
        change: any other change to the report (narrative, headings).
        what: the other change in words, for the page.
    """

    edition: str
    cells: tuple[tuple[tuple[str, ...], Value], ...] = ()
    change: Change | None = None
    what: str = ""


def _set_cells(report: Report, changes: tuple[tuple[tuple[str, ...], Value], ...]) -> Report:
    for path, value in changes:
        spec = next(s for s in get_edition(report.edition).tables if s.attribute == path[0])
        current = getattr(report, spec.attribute)
        values = {cell.key: old for cell, old in table_values(current)}
        (target,) = [cell for cell in cell_specs(type(current)) if cell.attributes == path[1:]]
        values[target.key] = value
        report = attrs.evolve(report, **{spec.attribute: build_table(type(current), values)})
    return report


def _address(report: Report, path: tuple[str, ...]) -> CellAddress:
    spec = next(s for s in get_edition(report.edition).tables if s.attribute == path[0])
    (cell,) = [c for c in cell_specs(type(getattr(report, spec.attribute))) if c.attributes == path[1:]]
    return CellAddress(spec.number, "/".join(cell.row), "/".join(cell.column))


def _applications_paragraph(sentence: str) -> Change:
    """Section 一's sub-heading （二）依申请公开情况 holding ``sentence`` alone."""

    def change(report: Report) -> Report:
        subsections = tuple(
            attrs.evolve(sub, paragraphs=(sentence,)) if "依申请公开" in sub.heading else sub
            for sub in report.overview.subsections
        )
        return attrs.evolve(report, overview=attrs.evolve(report.overview, subsections=subsections))

    return change


def _narrative(sentence: str) -> Breaker:
    return Breaker(
        "2021",
        change=_applications_paragraph(sentence),
        what=f"一、总体情况（二）依申请公开情况 reads “{sentence}” (every table cell 0)",
    )


def _preamble(report: Report) -> Report:
    return attrs.evolve(report, preamble=("本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。",))


def _without_section(index: int) -> Change:
    def change(report: Report) -> Report:
        return attrs.evolve(report, headings=report.headings[:index] + report.headings[index + 1 :])

    return change


def _swap_five_six(report: Report) -> Report:
    first, five, six = report.headings[:4], report.headings[4], report.headings[5]
    return attrs.evolve(report, headings=(*first, six, five))


_NEW = ("applications", "new_received")
_DISCLOSED = ("applications", "outcomes", "disclosed")

#: For each rule id, a change to a skeleton that breaks it.
BREAKERS: dict[str, Breaker] = {
    "CELL-BLANK": Breaker("2021", cells=((("proactive", "punishment"), None),)),
    "CELL-RANGE": Breaker("2021", cells=((("proactive", "punishment"), -3),)),
    "T3-BALANCE": Breaker("2021", cells=(((*_NEW, "natural_person"), 29), ((*_NEW, "total"), 29))),
    "T3-HANDLED": Breaker("2021", cells=(((*_DISCLOSED, "natural_person"), 2), ((*_DISCLOSED, "total"), 2))),
    "T3-ROW-TOTAL": Breaker("2021", cells=(((*_DISCLOSED, "natural_person"), 2),)),
    "T4-TOTAL": Breaker("2021", cells=((("reviews", "review", "upheld"), 4),)),
    "T2-IN-FORCE": Breaker(
        "2021", cells=((("proactive", "rules", "issued"), 2), (("proactive", "rules", "in_force"), 1))
    ),
    "T2-CHANGE": Breaker(
        "2019", cells=((("proactive", "fees", "previous_year"), 9), (("proactive", "fees", "change"), -12))
    ),
    "T2-PUBLISHED-TOTAL": Breaker(
        "2019",
        cells=(
            (("proactive", "normative_documents", "published"), 11),
            (("proactive", "normative_documents", "published_total"), 8),
        ),
    ),
    "NARRATIVE-RECEIVED": _narrative("全年共收到政府信息公开申请30件。"),
    "NARRATIVE-CARRIED-OVER": _narrative("上年结转政府信息公开申请2件。"),
    "NARRATIVE-HANDLED": _narrative("全年办结政府信息公开申请30件。"),
    "NARRATIVE-CARRIED-FORWARD": _narrative("政府信息公开申请结转下年度继续办理1件。"),
    "NARRATIVE-REVIEW": _narrative("因政府信息公开申请收到行政复议3件。"),
    "NARRATIVE-LAWSUIT": _narrative("复议后行政诉讼2件。"),
    "YEAR-PERIOD": Breaker(
        "2021",
        change=_preamble,
        what="the preamble reads “本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。”",
    ),
    "FEES-NOT-STATED": Breaker(
        "2021",
        change=lambda report: attrs.evolve(report, other_matters=Narrative(("无其他需要报告的事项。",))),
        what="section 六 reads “无其他需要报告的事项。”",
    ),
    "SECTION-MISSING": Breaker("2021", change=_without_section(4), what="the heading of section 五 removed"),
    "SECTION-ORDER": Breaker(
        "2021", change=_swap_five_six, what="sections 五 and 六 printed the other way round"
    ),
    "SECTION-EMPTY": Breaker(
        "2021", change=lambda report: attrs.evolve(report, problems=Narrative()), what="section 五 left empty"
    ),
    "PLACEHOLDER": Breaker("2021", what="nothing: the skeleton as it comes"),
}


@attrs.frozen
class Example:
    """An example finding of a rule and how it was made.

    Attributes:
        rule: the rule id.
        finding: the finding ``gr.validate`` made, or ``None`` when the example was taken
            from docs/rules.md.
        message: the finding's message (or docs/rules.md's example).
        how: how the report was changed, in words (Markdown).
        unfilled: for a rule that adds cells up, the warning it gives when one of the
            changed cells is not filled in, if it gives one.
    """

    rule: str
    finding: Finding | None
    message: str
    how: str
    unfilled: Finding | None = None


def _skeleton(edition: str) -> Report:
    return gr.skeleton(AGENCY, YEARS[edition], edition)


def _broken(breaker: Breaker) -> Report:
    report = _set_cells(_skeleton(breaker.edition), breaker.cells)
    return breaker.change(report) if breaker.change else report


def _first(report: Report, rule: str) -> Finding | None:
    return next((finding for finding in gr.validate(report) if finding.rule == rule), None)


def _how(breaker: Breaker) -> str:
    skeleton = _skeleton(breaker.edition)
    changes = [
        f"{_address(skeleton, path)} set to {'not filled in (None)' if value is None else value}"
        for path, value in breaker.cells
    ]
    if breaker.what:
        changes.append(breaker.what)
    call = code(f"gr.skeleton({AGENCY!r}, {YEARS[breaker.edition]})")
    return f"{call} ({breaker.edition}年版), then {'; '.join(changes)}."


def _unfilled(rule: str, breaker: Breaker) -> Finding | None:
    if not breaker.cells:
        return None
    blanked = tuple((path, None) for path, _ in breaker.cells[:1])
    report = _set_cells(_broken(breaker), blanked)
    return next(
        (f for f in gr.validate(report) if f.rule == rule and f.severity == "warning" and f.expected is None),
        None,
    )


def _documented_example(rule: str) -> str | None:
    """The example message of ``rule`` in docs/rules.md's tables (the last column)."""
    for line in RULES_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| `{rule}` |"):
            match = re.search(r"\|\s*`([^`]+)`\s*\|\s*$", line)
            if match:
                return match.group(1)
    return None


def example(rule: str) -> Example:
    """An example of ``rule``: from a skeleton that breaks it, else from docs/rules.md."""
    breaker = BREAKERS.get(rule)
    if breaker is not None:
        finding = _first(_broken(breaker), rule)
        if finding is not None:
            return Example(rule, finding, finding.message, _how(breaker), _unfilled(rule, breaker))
    documented = _documented_example(rule)
    if documented is None:
        raise LookupError(f"no example for rule {rule}: add a breaker to docs/gen/page_rules.py")
    return Example(
        rule, None, documented, "taken from [docs/rules.md](../rules.md): no skeleton change triggers it"
    )


def _prose(doc: str) -> str:
    """A docstring without its ``Example:`` / ``Examples:`` section (the API page shows those)."""
    return re.split(r"^\s*Examples?:\s*$", doc, maxsplit=1, flags=re.MULTILINE)[0].rstrip()


def _checks(function: Callable[..., object], rule: str) -> str:
    """The rule function's docstring without its ``ID (edition):`` prefix, as a sentence."""
    doc = " ".join((function.__doc__ or "").split())
    doc = re.sub(rf"^{re.escape(rule)}(?:\s*\([^)]*\))?:\s*", "", doc)
    return from_rst(doc[:1].upper() + doc[1:])


def _editions(rule: str) -> list[str]:
    return [name for name, edition in EDITIONS.items() if rule in edition.rules]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>\[\]#|])")


def _quote(text: str) -> str:
    """A message as a Markdown block quote, every character shown as it is."""
    return "> " + _MARKDOWN_SPECIAL.sub(r"\\\1", text) + "\n"


def _number(value: object) -> str:
    return "None" if value is None else str(value)


def _finding_details(finding: Finding) -> str:
    cells = "; ".join(str(cell) for cell in finding.cells) or "none (a finding about the text)"
    return (
        f"`severity` {code(finding.severity)} · `expected` {code(_number(finding.expected))} · "
        f"`actual` {code(_number(finding.actual))} · `cells`: {cells}\n"
    )


def _severity(rule: str, ex: Example) -> str:
    if ex.finding is not None:
        return ex.finding.severity
    heading = ""
    for line in RULES_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line
        if line.startswith(f"| `{rule}` |"):
            return "error" if "Error" in heading else "warning"
    return "?"


def _sections(examples: dict[str, Example]) -> Iterator[str]:
    for rule, function in RULES:
        ex = examples[rule]
        yield f"### {rule}\n"
        editions = " and ".join(f"{name}年版" for name in _editions(rule)) or "no edition"
        where = f"`govinfo_report.rules.{function.__name__}`"
        yield f"**{_severity(rule, ex)}** · applies to {editions} · {where}\n"
        yield f"{_checks(function, rule)}\n"
        yield f"Example — {ex.how}\n"
        yield _quote(ex.message)
        if ex.finding is not None:
            yield _finding_details(ex.finding)
        if ex.unfilled is not None:
            yield "With the first changed cell not filled in instead, the rule cannot be checked:\n"
            yield _quote(ex.unfilled.message)
            yield _finding_details(ex.unfilled)


def render() -> str:
    """The whole page, as Markdown."""
    examples = {rule: example(rule) for rule, _ in RULES}
    edition_names = list(EDITIONS)
    summary = [
        (
            f"[{rule}](#{rule.lower()})",
            _severity(rule, examples[rule]),
            *("✓" if rule in EDITIONS[name].rules else "" for name in edition_names),
            _checks(function, rule),
        )
        for rule, function in RULES
    ]
    headers = ("id", "severity", *edition_names, "checks")
    validate_doc = from_rst(" ".join(_prose(gr.validate.__doc__ or "").split("\n\n", 1)[-1].split()))
    return "\n".join(
        [
            "# Rules catalogue\n",
            (
                '!!! info "Generated from the rule registry"\n'
                "    This page is generated at build time (`docs/gen/page_rules.py`) from "
                "`govinfo_report.rules.RULES` and each edition's `rules`. What a rule checks is its "
                "function's docstring; every example message was made by running `gr.validate` on a "
                "skeleton report (`gr.skeleton`) changed so that it breaks the rule. "
                "[rules.md](../rules.md) explains the rules, blank cells and how the narrative is read.\n"
            ),
            (
                f"`gr.validate(report)` runs the rules in this order (errors first) and only those of "
                f"the report's edition. {validate_doc}\n"
            ),
            table(headers, summary),
            "## The rules\n",
            *_sections(examples),
        ]
    )
