"""Layouts the seeds don't show, made by rewriting a seed: same cells as the seed."""

from __future__ import annotations

from typing import Any

import pytest

import govinfo_report as gr
from tests.conftest import VARIANTS, expected, variants
from tests.expected_cells import expected_cells

CASES = variants()


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_variant_gives_the_seed_cells(case: dict[str, Any]) -> None:
    report = gr.parse_file(VARIANTS / case["file"])
    want = expected_cells(expected(case["seed"].removesuffix(".txt")))
    for blank in case["not_filled"]:
        key = (blank["table"], blank["row"], blank["column"])
        assert key in want, key
        want[key] = None
    got = {(c.table, c.row, c.column): c.value for c in gr.cells(report)}
    assert got == want


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_variant_keeps_the_seed_metadata(case: dict[str, Any]) -> None:
    report = gr.parse_file(VARIANTS / case["file"])
    want = expected(case["seed"].removesuffix(".txt"))
    assert report.agency == want["agency"]
    assert report.year == want["year"]


def test_declared_encoding_decodes_each_variant() -> None:
    for case in CASES:
        data = (VARIANTS / case["file"]).read_bytes()
        assert gr.parse_file(VARIANTS / case["file"], encoding=case["encoding"]).year == 2024, case["file"]
        assert data  # the fixture is not empty


def test_not_filled_is_not_zero() -> None:
    report = gr.parse_file(VARIANTS / "blank_cells.txt")
    values = [c.value for c in gr.cells(report)]
    assert values.count(None) == 11
    assert 0 in values  # the other cells are real zeros
