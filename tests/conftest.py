"""Shared fixtures: the seed reports, their hand-read values, the layout variants."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from lark import Token, Tree

import govinfo_report as gr
from govinfo_report.model import Applications, ProactiveDisclosure, Report, Source

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
VARIANTS = FIXTURES / "variants"

SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return data


def variants() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((VARIANTS / "variants.json").read_text(encoding="utf-8"))
    return data


def variant_texts() -> dict[str, str]:
    """The seeds and their layout variants (tests/fixtures/variants), by name."""
    found = {name: seed_text(name) for name in SEED_NAMES}
    for variant in variants():
        found[variant["file"]] = (VARIANTS / variant["file"]).read_bytes().decode(variant["encoding"])
    return found


def tree_shape(tree: Tree[Token] | Token) -> Any:
    """A parse tree as nested tuples, every token with its type, value and every position."""
    if isinstance(tree, Token):
        return (
            tree.type,
            str(tree),
            tree.start_pos,
            tree.line,
            tree.column,
            tree.end_line,
            tree.end_column,
            tree.end_pos,
        )
    return (tree.data, tuple(tree_shape(child) for child in tree.children))


# Narrowing for the type checker: the seeds and most fixtures are 2021-layout reports.


def proactive_2021(report: Report) -> ProactiveDisclosure:
    """Table 2 of a 2021-layout report (an assertion error for a 2019 table 2)."""
    assert isinstance(report.proactive, ProactiveDisclosure), type(report.proactive).__name__
    return report.proactive


def applications_2021(report: Report) -> Applications:
    """Table 3 of a 2021-layout report with （六）其他处理 in three rows."""
    assert isinstance(report.applications, Applications), type(report.applications).__name__
    return report.applications


def source_of(report: Report) -> Source:
    """Where a report read from a file came from (files always have one)."""
    assert report.source is not None
    return report.source


def cells_of(report: Report) -> dict[tuple[int, str, str], object]:
    """Every cell of ``report`` by its address (table, row, column)."""
    return {(c.table, c.row, c.column): c.value for c in gr.cells(report)}


def damaged_seeds(edits: tuple[int, int], pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A seed with between ``edits[0]`` and ``edits[1]`` lines deleted, duplicated, swapped
    with the next, or given a piece of ``pieces`` at some column."""

    @st.composite
    def damaged(draw: st.DrawFn) -> str:
        lines = seed_text(draw(st.sampled_from(SEED_NAMES))).split("\n")
        for _ in range(draw(st.integers(*edits))):
            at = draw(st.integers(0, len(lines) - 1))
            action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert"]))
            if action == "delete":
                del lines[at]
            elif action == "duplicate":
                lines.insert(at, lines[at])
            elif action == "swap" and at + 1 < len(lines):
                lines[at], lines[at + 1] = lines[at + 1], lines[at]
            else:
                column = draw(st.integers(0, len(lines[at])))
                lines[at] = lines[at][:column] + draw(pieces) + lines[at][column:]
        return "\n".join(lines)

    return damaged()
