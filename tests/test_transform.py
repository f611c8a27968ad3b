"""The Transformer (govinfo_report/transform.py) applies each rule's method as Lark's own does.

``ReportTransformer.transform`` walks the tree itself (bottom-up, each rule's method on its
children) and hands a tree that holds tokens only (:func:`~govinfo_report._grammar.token_only_rules`)
to its method as it is; Lark's ``Transformer.transform`` is the reference.
"""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given
from lark import Token, Transformer, Tree

import govinfo_report as gr
from govinfo_report._grammar import parser, token_only_rules
from govinfo_report.detect import detect_edition
from govinfo_report.editions import EDITIONS
from govinfo_report.normalize import normalize, split_lines
from govinfo_report.recovery import Reading
from govinfo_report.testing import reports
from govinfo_report.transform import ReportTransformer
from tests.conftest import tree_shape, variant_texts

_TEXTS = variant_texts()


def _trees(tree: Tree[Token]) -> list[Tree[Token]]:
    return [tree, *(found for child in tree.children if isinstance(child, Tree) for found in _trees(child))]


def _tree(text: str) -> Tree[Token]:
    """The tree a strict parse reads (the reference parser's, with its reading of labels by place)."""
    normalized = normalize(text)
    edition = detect_edition(normalized) or EDITIONS["2021"]
    reading = Reading(normalized, split_lines(text), edition, lenient=False)
    tree: Tree[Token] = parser().parse(normalized, start=edition.start, on_error=reading)
    return tree


def _both(text: str) -> tuple[Any, Any, Tree[Token]]:
    """The report by the Transformer's own walk and by Lark's ``Transformer.transform``, and the tree."""
    edition = detect_edition(normalize(text)) or EDITIONS["2021"]
    tree = _tree(text)
    lines = split_lines(text)
    ours = ReportTransformer(lines, edition).transform(tree)
    lark_s = Transformer.transform(ReportTransformer(lines, edition), tree)
    return ours, lark_s, tree


def test_the_rules_holding_tokens_only_are_those_the_grammar_file_shows() -> None:
    # Read off grammar/govinfo_report.lark: the front matter and sections 一, 五, 六 are lines
    # (their runs are inlined `_` rules), a table row is its label and cells, table 4 is header
    # and cells; sections 二–四 hold a table, tables 2 and 3 hold rows, a report holds sections.
    assert token_only_rules() == {"front", "row", "section1", "section5", "section6", "table4"}


def test_no_tree_of_a_token_only_rule_holds_a_tree_and_every_other_rule_holds_one() -> None:
    seen_with_trees: set[str] = set()
    for name, text in _TEXTS.items():
        for subtree in _trees(_tree(text)):
            holds_tree = any(isinstance(child, Tree) for child in subtree.children)
            assert not (holds_tree and subtree.data in token_only_rules()), (name, subtree.data)
            if holds_tree:
                seen_with_trees.add(str(subtree.data))
    assert "row" not in seen_with_trees
    assert {"report_2021", "section2_2021", "section3_2021", "section4", "table3_2021"} <= seen_with_trees


def test_the_seeds_and_their_variants_transform_as_lark_transforms_them() -> None:
    for name, text in _TEXTS.items():
        ours, lark_s, _ = _both(text)
        assert ours == lark_s, name


@given(reports())
def test_generated_reports_transform_as_lark_transforms_them(report: gr.Report) -> None:
    assume(not gr.text_layout_problems(report))  # (a report the text layout can print)
    text = gr.render(report)
    ours, lark_s, tree = _both(text)
    assert ours == lark_s
    assert ours == report
    # The walk handed the rows' own lists of tokens to the methods: they are left as they were.
    assert tree_shape(tree) == tree_shape(_tree(text))
