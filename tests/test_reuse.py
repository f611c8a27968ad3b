"""Copy detection: gr.reuse against figures counted by hand.

tests/fixtures/analysis/001_minzheng_2023.txt is seed 001 (中卫市民政局 2024) edited
by hand (its README lists every edit).  The sentences of the 2024 seed, with the
characters each weighs (letters and CJK characters, a number counted as one, no
punctuation or white space), and whether the 2023 copy has them:

一、总体情况 (813 in all, 550 reused)
  opening paragraph 133 reused (year only) · （一） 85 reused (numbers only), 16 not ·
  （二） 42 reused (year only) · （三） 61 not, 34, 54, 77 reused · （四） 37, 40, 27 reused ·
  （五） 52, 57, 77 not, 21 reused (year only)
五、存在的主要问题及改进情况 (198, 72 reused)
  53 reused (year only), 19 reused · 58 not, 68 not
六、其他需要报告的事项 (365, 237 reused)
  70 reused (year only), 53 reused (numbers only), 58 not, 54, 19, 41 reused, 70 not

Left out: the preamble's legal basis (with the statistics period), the section-六
fee sentence and the contact sentence.  Overall 859 of 1376.
"""

from __future__ import annotations

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.analysis.reuse import fingerprint, fingerprint_tables, keys, reuse_rate, split_sentences
from tests.conftest import FIXTURES, SEEDS


def seed(name: str) -> gr.Report:
    return gr.parse_file(SEEDS / f"{name}.txt")


@pytest.fixture(scope="module")
def civil_affairs() -> gr.Reuse:
    earlier = gr.parse_file(FIXTURES / "analysis" / "001_minzheng_2023.txt")
    return gr.reuse(earlier, seed("001_c9535c3b51337c03"))


def test_rates_per_section(civil_affairs: gr.Reuse) -> None:
    got = [(s.section, s.sentences, s.characters, s.reused_characters) for s in civil_affairs.sections]
    assert got == [
        ("序言", 0, 0, 0),
        ("一、总体情况", 15, 813, 550),
        ("五、存在的主要问题及改进情况", 4, 198, 72),
        ("六、其他需要报告的事项", 7, 365, 237),
    ]
    assert civil_affairs.sections[0].rate is None
    assert civil_affairs.characters == 1376
    assert civil_affairs.reused_characters == 859
    assert civil_affairs.rate == pytest.approx(859 / 1376)


def test_reused_sentences_listed_with_where_they_were(civil_affairs: gr.Reuse) -> None:
    reused = civil_affairs.reused
    assert len(reused) == 10 + 2 + 5
    # Only numbers changed: reused, not word for word.
    near = [sentence.text for sentence in reused if not sentence.exact]
    prefixes = [
        "2024 年，中卫市民政局",
        "2024 年中卫市民政局持",
        "2024年，我局未收到任何",
        "2024年我局未发生政府信",
        "2024年，我局政府信息公",
        "2024年，我局认真贯彻落",
        "一是不断完善分层分类社会",
    ]
    assert len(near) == len(prefixes)
    assert all(text.startswith(prefix) for text, prefix in zip(near, prefixes, strict=True)), near
    (management,) = [s for s in reused if s.text.startswith("进一步明确公文的公开属性")]
    assert management.exact
    assert management.length == 34
    assert management.location == "一、总体情况（三）政府信息管理情况第1段"
    assert management.earlier_location == "一、总体情况（三）政府信息管理情况第1段"
    (numbers,) = [s for s in reused if s.text.startswith("2024 年中卫市民政局持")]
    assert "98 条" in numbers.earlier_text
    assert "117 条" in numbers.text


def test_boilerplate_is_left_out(civil_affairs: gr.Reuse) -> None:
    excluded = [(e.reason, e.text[:8]) for e in civil_affairs.excluded]
    assert excluded == [
        ("legal-basis", "根据《中华人民共"),
        ("fees", "2024 年，我"),
        ("contact", "如对本报告有任何"),
    ]


def test_tables_zero_in_both_years_are_not_evidence(civil_affairs: gr.Reuse) -> None:
    # 表二 differs in 行政许可; 表三 and 表四 are all 0 in both years: equal, but no evidence.
    tables = [(t.table, t.cells, t.equal, t.evidence, t.identical) for t in civil_affairs.tables]
    assert tables == [(2, 10, 9, 2, False), (3, 175, 175, 0, False), (4, 15, 15, 0, False)]
    assert civil_affairs.identical_tables == ()
    assert [f.rule for f in civil_affairs.findings()] == ["REUSE-TEXT"]
    assert "62.4%" in civil_affairs.findings()[0].message
    assert civil_affairs.findings(threshold=0.7) == []


def test_a_copied_report_is_all_reused_with_identical_tables() -> None:
    later = seed("000_7047d3e44c49cbca")
    result = gr.reuse(attrs.evolve(later, year=2023), later)
    assert result.rate == 1.0
    assert all(sentence.exact for sentence in result.reused)
    # Non-zero cells read off seed 000: 表二 2 9 5 2 43; 表三 21 (rows 一 29 2 31, 二 1 1, （一） 2 2,
    # （二） 1 1, 8. 3 3, （四）1. 22 2 24, （六）3. 1 1, （七） 28 3 31, 四 1 1); 表四 4 4 1 1.
    assert [(t.table, t.evidence) for t in result.tables] == [(2, 5), (3, 21), (4, 4)]
    assert result.identical_tables == (2, 3, 4)
    assert [f.rule for f in result.findings()] == ["REUSE-TEXT", "REUSE-TABLE", "REUSE-TABLE", "REUSE-TABLE"]
    assert [e.reason for e in result.excluded] == ["legal-basis", "fees", "contact"]


def test_other_bodies_share_little() -> None:
    result = gr.reuse(seed("000_7047d3e44c49cbca"), seed("002_8227bd99a070a766"))
    assert result.rate is not None
    assert result.rate < 0.05


def test_fingerprints_give_the_same_figures(civil_affairs: gr.Reuse) -> None:
    earlier, later = fingerprint(civil_affairs.earlier), fingerprint(civil_affairs.later)
    assert reuse_rate(earlier, later) == civil_affairs.rate
    assert fingerprint_tables(earlier, later) == civil_affairs.tables


def test_other_editions_compare_text_and_the_cells_defined_alike() -> None:
    # The 2019-edition report for 2020, and a 2021 report that took its narrative word for word.
    earlier = gr.parse_file(FIXTURES / "edition2019" / "tab_copy.txt")
    later = attrs.evolve(
        seed("001_c9535c3b51337c03"),
        year=2021,
        preamble=earlier.preamble,
        overview=earlier.overview,
        problems=earlier.problems,
        other_matters=earlier.other_matters,
    )
    result = gr.reuse(earlier, later)
    assert result.rate == 1.0
    # Cells defined alike in both editions: 3 in table 2, 154 in table 3, 15 in table 4.
    assert [(t.table, t.cells) for t in result.tables] == [(2, 3), (3, 154), (4, 15)]
    assert not any(t.identical for t in result.tables)


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("一是加强领导；二是完善制度。三是！", ["一是加强领导；", "二是完善制度。", "三是！"]),
        ("联系（电话：1；传真：2）。下一句", ["联系（电话：1；传真：2）。", "下一句"]),
        ("他说：“好。”然后", ["他说：“好。”", "然后"]),
        ("没有句号", ["没有句号"]),
    ],
)
def test_sentences(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_keys_mask_numbers_and_drop_punctuation() -> None:
    assert keys("２０２４年，合格率 85.5%。") == ("2024年合格率855", "#年合格率#")
    assert keys("2023年，合格率90%")[1] == keys("２０２４年，合格率 85.5%。")[1]
