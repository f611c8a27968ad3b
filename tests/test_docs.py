"""The documentation site's generators (docs/gen/) against the model, the registry and the CLI.

The counts are national-format.md's, counted by hand: the 2021 edition has 10 cells in
table 2 (2 rows of 3, 4 rows of 1), 25 × 7 in table 3 and 3 × 5 in table 4 — 200; the
2019 edition has 22 in table 2 (6 rows of 3, 2 rows of 2), 23 × 7 in table 3 and 15 in
table 4 — 198.  The slow test builds the site with ``mkdocs build --strict``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import govinfo_report as gr
from govinfo_report import cli
from govinfo_report.editions import CORRESPONDENCES, EDITIONS
from govinfo_report.layout import cell_specs, row_specs
from govinfo_report.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "docs" / "gen"


def _generator(name: str) -> ModuleType:
    if str(GEN) not in sys.path:
        sys.path.insert(0, str(GEN))
    return importlib.import_module(name)


page_format = _generator("page_format")
page_rules = _generator("page_rules")
page_cli = _generator("page_cli")
page_api = _generator("page_api")
mdtext = _generator("mdtext")

# (table, cells) of each edition's template, from national-format.md.
TABLE_CELLS = {"2021": {2: 10, 3: 175, 4: 15}, "2019": {2: 22, 3: 161, 4: 15}}
CELLS = {"2021": 200, "2019": 198}
# 2021 reports printing （六）其他处理 as one row: 23 rows × 7 columns.
VARIANT_CELLS = 161

_ADDRESS_LINE = re.compile(r"^ {4}\| ([234]) \| (.+?) \| (.+?) \| (count|signed|amount|money) \|", re.M)


@pytest.fixture(scope="module")
def format_page() -> str:
    return str(page_format.render())


def _edition_sections(page: str) -> dict[str, str]:
    sections = {}
    for part in page.split("\n## ")[1:]:
        match = re.match(r"(\d{4})年版", part)
        if match:
            sections[match.group(1)] = part
    return sections


def _model_addresses(edition: gr.Edition, *, variants: bool) -> set[tuple[int, str, str, str]]:
    return {
        (spec.number, "/".join(cell.row), "/".join(cell.column), cell.kind)
        for spec in edition.tables
        for cls in (spec.classes if variants else (spec.cls,))
        for cell in cell_specs(cls)
    }


# --------------------------------------------------------------------------
# Format reference


@pytest.mark.parametrize("name", ["2021", "2019"])
def test_addresses_are_every_cell_of_the_edition(name: str) -> None:
    edition = EDITIONS[name]
    listed = page_format.addresses(edition)
    assert len(listed) == CELLS[name]
    for number, count in TABLE_CELLS[name].items():
        assert sum(1 for a in listed if a.table == number) == count
    as_tuples = [(a.table, a.row, a.column, a.kind) for a in listed]
    assert set(as_tuples) == _model_addresses(edition, variants=False)
    # The same addresses, in the same order, as the long format of a report of the edition.
    report = gr.skeleton("某某市某某局", 2025 if name == "2021" else 2020, name)
    assert as_tuples == [(c.table, c.row, c.column, c.kind) for c in gr.cells(report)]


@pytest.mark.parametrize("name", ["2021", "2019"])
def test_format_page_prints_every_address(format_page: str, name: str) -> None:
    section = _edition_sections(format_page)[name]
    printed = [(int(t), row, column, kind) for t, row, column, kind in _ADDRESS_LINE.findall(section)]
    expected = CELLS[name] + (VARIANT_CELLS if name == "2021" else 0)
    assert len(printed) == expected
    assert set(printed) == _model_addresses(EDITIONS[name], variants=True)
    for address in page_format.addresses(EDITIONS[name]):
        assert address.line() in section


def test_format_page_lists_variant_rows(format_page: str) -> None:
    section = _edition_sections(format_page)["2021"]
    assert "#### Variant: `Applications2019`" in section
    variant = section.split("#### Variant", 1)[1]
    # The one-row （六）其他处理, typed from national-format.md.
    assert "| 3 | 三、本年度办理结果/（六）其他处理 | 总计 | count |" in variant
    assert "| 3 | 三、本年度办理结果/（六）其他处理 | 总计 | count |" not in section.split("#### Variant")[0]
    assert len(row_specs(gr.Applications2019)) == 23


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("2021", "| 2 | 第二十条第（八）项/行政事业性收费 | 本年收费金额（单位：万元） | amount |"),
        ("2021", "| 2 | 第二十条第（一）项/行政规范性文件 | 现行有效件数 | count |"),
        (
            "2021",
            "| 3 | 三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定” | 法人或其他组织/科研机构 "
            "| count |",
        ),
        ("2021", "| 4 | 行政诉讼/复议后起诉 | 尚未审结 | count |"),
        ("2019", "| 2 | 第二十条第（五）项/其他对外管理服务事项 | 本年增/减 | signed |"),
        ("2019", "| 2 | 第二十条第（九）项/政府集中采购 | 采购总金额 | money |"),
        ("2019", "| 2 | 第二十条第（一）项/规范性文件 | 对外公开总数量 | count |"),
        ("2019", "| 3 | 三、本年度办理结果/（六）其他处理 | 自然人 | count |"),
    ],
)
def test_format_page_addresses_read_off_national_format(format_page: str, name: str, line: str) -> None:
    assert line in _edition_sections(format_page)[name]


def test_format_page_correspondences(format_page: str) -> None:
    part = format_page.split("## 2019 ↔ 2021", 1)[1]
    # Table 3 rows other than （六）其他处理: 22 × 7, and table 4: 15.
    assert "169 cells have the same address and meaning in both editions (表三: 154; 表四: 15)" in part
    # 2021: 本年废止件数 and 现行有效件数 of two rows, 本年收费金额; 2019: table 2's 22 cells
    # but 本年新制作数量 (2) and 处理决定数量 of 行政许可, 行政处罚, 行政强制 (3).
    assert "**2021年版** (5)" in part
    assert "**2019年版** (17)" in part
    different = [c for c in CORRESPONDENCES if c.cells_2019 != c.cells_2021]
    assert len(different) == 5 + 7  # table 2's five, （六）其他处理 in each of 7 columns
    for correspondence in different:
        assert correspondence.note in part
    assert (
        "| 表二 第二十条第（一）项/规范性文件 · 本年新制作数量 "
        "| 表二 第二十条第（一）项/行政规范性文件 · 本年制发件数 | close |" in part
    )


# --------------------------------------------------------------------------
# Rules catalogue


@pytest.fixture(scope="module")
def rules_page() -> str:
    return str(page_rules.render())


def test_rules_page_has_every_rule(rules_page: str) -> None:
    ids = [rule for rule, _ in RULES]
    assert len(ids) == len(set(ids)) == 21
    for rule in ids:
        assert f"\n### {rule}\n" in rules_page
        assert f"| [{rule}](#{rule.lower()}) |" in rules_page
    headings = re.findall(r"^### (\S+)$", rules_page, re.M)
    assert headings == ids


@pytest.mark.parametrize("rule", [rule for rule, _ in RULES])
def test_every_rule_is_triggered_by_its_breaker(rule: str, rules_page: str) -> None:
    example = page_rules.example(rule)
    assert example.finding is not None, f"{rule}: the breaker no longer triggers it"
    assert example.finding.rule == rule
    assert example.finding.message == example.message
    assert page_rules._quote(example.message) in rules_page


# Severities and editions as docs/rules.md and national-format.md give them.
ERRORS = {"CELL-BLANK", "CELL-RANGE", "T3-BALANCE", "T3-HANDLED", "T3-ROW-TOTAL", "T4-TOTAL"}
ONLY = {"T2-IN-FORCE": "2021", "T2-CHANGE": "2019", "T2-PUBLISHED-TOTAL": "2019"}


@pytest.mark.parametrize("rule", [rule for rule, _ in RULES])
def test_rules_page_severity_and_editions(rule: str, rules_page: str) -> None:
    section = rules_page.split(f"\n### {rule}\n", 1)[1].split("\n### ", 1)[0]
    severity = "error" if rule in ERRORS else "warning"
    assert section.lstrip().startswith(f"**{severity}**")
    editions = [ONLY[rule]] if rule in ONLY else ["2021", "2019"]
    assert f"applies to {' and '.join(f'{e}年版' for e in editions)} ·" in section
    assert editions == [name for name, edition in EDITIONS.items() if rule in edition.rules]


def test_rule_example_worked_by_hand() -> None:
    # BREAKERS["T4-TOTAL"] sets 表四 行政复议 结果维持 to 4 in an all-zero skeleton.
    example = page_rules.example("T4-TOTAL")
    assert (
        example.message == "表四“行政复议”：结果维持(4)+结果纠正(0)+其他结果(0)+尚未审结(0)=4，总计为0，相差4"
    )
    assert example.finding is not None
    assert (example.finding.expected, example.finding.actual) == (4, 0)
    assert example.unfilled is not None
    assert example.unfilled.message == (
        "表四“行政复议”：结果维持+结果纠正+其他结果+尚未审结=总计，无法校验：“结果维持”列未填写"
    )


def test_rule_without_breaker_takes_the_documented_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(page_rules.BREAKERS, "T3-BALANCE")
    example = page_rules.example("T3-BALANCE")
    assert example.finding is None
    # docs/rules.md's example for T3-BALANCE.
    assert example.message.startswith("表三“自然人”列：本年新收(29)+上年结转(0)=29，")
    assert "docs/rules.md" in example.how


def test_rule_docstring_prefix_is_dropped() -> None:
    checks = page_rules._checks(dict(RULES)["T2-CHANGE"], "T2-CHANGE")
    assert checks.startswith("本年增/减 is never below")


# --------------------------------------------------------------------------
# Command line


@pytest.fixture(scope="module")
def cli_page() -> str:
    return str(page_cli.render())


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli._build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_cli_page_has_every_command_and_argument(cli_page: str) -> None:
    subparsers = _subparsers()
    assert list(subparsers) == [module.NAME for module in cli.COMMANDS]
    assert list(page_cli.command_parsers()) == list(subparsers)
    sections = cli_page.split("\n## ")[1:]
    assert [section.split("\n", 1)[0] for section in sections] == list(subparsers)
    for section, (name, parser) in zip(sections, subparsers.items(), strict=True):
        assert f"govinfo-report {name} [-h]" in section
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            label = ", ".join(action.option_strings) if action.option_strings else action.metavar
            assert f"| `{label}" in section, (name, label)
            if action.help:
                assert mdtext.cell(action.help.replace("%(default)s", str(action.default))) in section


def test_cli_page_details(cli_page: str) -> None:
    parse = cli_page.split("\n## parse\n", 1)[1].split("\n## ", 1)[0]
    # parse's options, read off `govinfo-report parse --help`.
    assert "| `--lenient` | flag |" in parse
    assert (
        "| `--format {json,jsonl,cells,parquet,xlsx}` | `json` · `jsonl` · `cells` · `parquet` · `xlsx` |"
        in parse
    )
    assert "| `--edition {2021,2019}` | `2021` · `2019` |" in parse
    # the examples that end `govinfo-report parse --help`, as a code block
    assert "```sh\ngovinfo-report parse 年报.pdf" in parse
    assert "| `--indent INDENT` | integer | `2` |" in parse
    assert "| `PATH` | one or more |" in parse


def test_cli_page_names_unwired_commands(cli_page: str) -> None:
    offered = set(_subparsers())
    for module in page_cli.unwired_commands():
        assert module.NAME not in offered
        assert f"`{module.NAME}` is not reachable from `govinfo-report` yet" in cli_page


# --------------------------------------------------------------------------
# API reference


def test_api_pages_cover_all_public_names() -> None:
    assert page_api.missing() == []
    assert page_api.unknown() == []
    public = set(gr.__all__) - {"__version__"}
    assert set(page_api.grouped()) == public
    pages = page_api.pages()
    assert [group.slug for group in page_api.GROUPS] == [
        "reading",
        "model",
        "checking",
        "writing",
        "many",
        "errors",
    ]
    text = "\n".join(pages.values())
    for name in public:
        assert f"::: {page_api.identifier(name)}\n" in text


def test_api_identifier_avoids_submodules_of_the_same_name() -> None:
    # govinfo_report/parse.py, cells.py, skeleton.py and render/ share a public function's name.
    assert page_api.identifier("parse") == "govinfo_report.parse.parse"
    assert page_api.identifier("cells") == "govinfo_report.cells.cells"
    assert page_api.identifier("skeleton") == "govinfo_report.skeleton.skeleton"
    assert page_api.identifier("render") == "govinfo_report.render.render"
    assert page_api.identifier("EDITIONS") == "govinfo_report.EDITIONS"


def test_api_missing_name_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gr, "__all__", [*gr.__all__, "brand_new"])
    assert page_api.missing() == ["brand_new"]
    monkeypatch.setattr(gr, "__all__", [name for name in gr.__all__ if name not in ("validate", "brand_new")])
    assert page_api.unknown() == ["validate"]


# --------------------------------------------------------------------------
# Markdown helpers and the doctest extension


def test_from_rst() -> None:
    text = "a :class:`~govinfo_report.model.Applications2019`, :data:`CORRESPONDENCES` and ``x = 1``"
    assert mdtext.from_rst(text) == "a `Applications2019`, `CORRESPONDENCES` and `x = 1`"


def test_table_cells_are_escaped() -> None:
    assert (
        mdtext.table(("a", "b"), [("x|y", "line\nbreak")]) == "| a | b |\n|---|---|\n| x\\|y | line break |\n"
    )
    assert mdtext.code("a`b") == "``a`b``"
    assert mdtext.dotted("report.a.b") == "<code>report.<wbr>a.<wbr>b</code>"


def test_doctests_are_fenced_outside_examples_sections() -> None:
    pytest.importorskip("griffe")
    doctests = _generator("griffe_doctests")
    text = (
        "Look it up.\n\n>>> get_edition('2012')\nTraceback ...\n\nAfter.\n\nExamples:\n    >>> 1 + 1\n    2\n"
    )
    fenced = doctests.fence_doctests(text)
    assert fenced == (
        "Look it up.\n\n```pycon\n>>> get_edition('2012')\nTraceback ...\n```\n\nAfter.\n\n"
        "Examples:\n    >>> 1 + 1\n    2"
    )


def _docs_tools_installed() -> bool:
    return all(importlib.util.find_spec(name) for name in ("mkdocs", "material", "mkdocstrings_handlers"))


@pytest.mark.skipif(not _docs_tools_installed(), reason="mkdocs is not installed (pip install -e '.[docs]')")
def test_hooks_generate_every_page() -> None:
    hooks = _generator("hooks")
    pages = hooks.generated_pages()
    assert {"reference/format.md", "reference/rules.md", "reference/cli.md"} <= set(pages)
    assert {group.path for group in page_api.GROUPS} <= set(pages)


@pytest.mark.slow
@pytest.mark.skipif(not _docs_tools_installed(), reason="mkdocs is not installed (pip install -e '.[docs]')")
def test_mkdocs_build_strict(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    format_html = (site / "reference" / "format" / "index.html").read_text(encoding="utf-8")
    assert "第二十条第（九）项/政府集中采购" in format_html
    rules_html = (site / "reference" / "rules" / "index.html").read_text(encoding="utf-8")
    for rule, _ in RULES:
        assert f'id="{rule.lower()}"' in rules_html
    api_html = "".join(
        p.read_text(encoding="utf-8") for p in (site / "reference" / "api").glob("*/index.html")
    )
    for name in set(gr.__all__) - {"__version__"}:
        assert f'id="{page_api.identifier(name)}"' in api_html, name
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert "fonts.gstatic.com" not in html, page
        assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", html), page
