"""gr.to_frame: one row per (report, cell), typed columns, wide form, Parquet."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings

import govinfo_report as gr
from govinfo_report.testing import reports as any_reports
from govinfo_report.values import Money
from tests.conftest import SEED_NAMES, SEEDS, VARIANTS, proactive_2021, variants

FEE = (2, "第二十条第（八）项/行政事业性收费", "本年收费金额（单位：万元）")


def seeds() -> list[gr.Report]:
    return [gr.parse_file(SEEDS / f"{name}.txt") for name in SEED_NAMES]


def frame_value(row: Any) -> object:
    """The cell's value from a long-frame row: the count, the amount, or None."""
    if not pd.isna(row["count"]):
        return int(row["count"])
    if not pd.isna(row["amount"]):
        return row["amount"]
    return None


def test_long_columns_and_dtypes() -> None:
    frame = gr.to_frame(seeds())
    assert list(frame.columns) == [
        "report", "agency", "year", "edition", "source", "table", "row", "column",
        "row_path", "column_path", "kind", "count", "amount", "unit",
    ]  # fmt: skip
    assert len(frame) == 3 * 200
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes["report"] == "int64"
    assert dtypes["year"] == "Int64"
    assert dtypes["count"] == "Int64"
    assert dtypes["table"] == "int8"
    assert frame["amount"].dtype == pd.ArrowDtype(pa.decimal128(38, 6))
    for name in ("agency", "edition", "source", "row", "column", "kind", "unit"):
        assert dtypes[name] == "category", name


def test_values_as_read_off_the_seeds() -> None:
    frame = gr.to_frame(seeds())
    first = frame[frame["report"] == 0]
    # Seed 000, read by hand: 表三 一、本年新收 自然人 29, 表四 行政复议 结果维持 4,
    # 表二 行政规范性文件 现行有效件数 43.
    by_address = {(r["table"], r["row"], r["column"]): frame_value(r) for _, r in first.iterrows()}
    assert by_address[(3, "一、本年新收政府信息公开申请数量", "自然人")] == 29
    assert by_address[(4, "行政复议", "结果维持")] == 4
    assert by_address[(2, "第二十条第（一）项/行政规范性文件", "现行有效件数")] == 43
    assert by_address[FEE] == Decimal("0")
    fee = first[(first["table"] == 2) & (first["kind"] == "amount")].iloc[0]
    assert pd.isna(fee["count"])
    assert fee["unit"] == "万元"
    assert list(frame.drop_duplicates("report")["agency"]) == [
        "中卫市人民政府办公室",
        "中卫市民政局",
        "中卫市住房和城乡建设局",
    ]
    assert set(frame["year"]) == {2024}
    assert frame.loc[0, "source"] == str(SEEDS / "000_7047d3e44c49cbca.txt")
    row_path = frame[frame["row"] == "三、本年度办理结果/（三）不予公开/1.属于国家秘密"]["row_path"].iloc[0]
    assert row_path == ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")


def test_blank_cells_are_missing_never_zero() -> None:
    case = next(case for case in variants() if case["file"] == "blank_cells.txt")
    report = gr.parse_file(VARIANTS / case["file"])
    frame = gr.to_frame([report])
    blank = frame[frame["count"].isna() & frame["amount"].isna()]
    want = {(cell["table"], cell["row"], cell["column"]) for cell in case["not_filled"]}
    assert {(int(r.table), r.row, r.column) for r in blank.itertuples()} == want


SEED = gr.parse_file(SEEDS / "000_7047d3e44c49cbca.txt")


# Capped at 30 examples in every profile: drawing one report takes about 0.1 s (200 cells
# and a narrative).  Each example is a seed and a generated report (blank cells, huge and
# negative counts, amounts with up to four decimals).
@pytest.mark.slow
@settings(max_examples=30)
@given(any_reports())
def test_every_value_is_the_cells_value(report: gr.Report) -> None:
    reports = [SEED, report]
    frame = gr.to_frame(reports)
    want = [(i, c.table, c.row, c.column, c.value) for i, r in enumerate(reports) for c in gr.cells(r)]
    counts = frame["count"].astype(object).tolist()
    amounts = frame["amount"].astype(object).tolist()
    units = frame["unit"].astype(object).tolist()

    def value(count: Any, amount: Any, unit: Any, kind: str) -> object:
        if count is pd.NA and amount is pd.NA:
            return None
        if count is not pd.NA:
            return count
        # A 2019 procurement amount keeps the unit printed in its cell ("" when none).
        return Money(amount, "" if pd.isna(unit) else unit) if kind == "money" else amount

    kinds = [c.kind for r in reports for c in gr.cells(r)]
    got = [
        (report, table, row, column, value(count, amount, unit, kind))
        for report, table, row, column, count, amount, unit, kind in zip(
            frame["report"],
            frame["table"],
            frame["row"],
            frame["column"],
            counts,
            amounts,
            units,
            kinds,
            strict=True,
        )
    ]
    assert got == want
    for (*_, cell_value), amount in zip(want, amounts, strict=True):
        if isinstance(cell_value, Decimal):
            assert amount == cell_value  # exact: no digit lost


def test_wide_one_row_per_report() -> None:
    frame = gr.to_frame(seeds(), wide=True)
    assert frame.shape == (3, 200)
    assert list(frame.index.names) == ["report", "agency", "year", "edition", "source"]
    assert list(frame.columns.names) == ["table", "row", "column"]
    received = frame[(3, "一、本年新收政府信息公开申请数量", "总计")]
    assert received.dtype == "Int64"
    assert received.tolist() == [31, 0, 9]  # seeds 000, 001, 002
    assert frame[FEE].dtype == pd.ArrowDtype(pa.decimal128(38, 6))
    assert frame.index.get_level_values("agency").tolist()[1] == "中卫市民政局"


def test_amounts_with_more_decimals_widen_the_scale() -> None:
    import attrs

    report = seeds()[0]
    precise = attrs.evolve(report, proactive=attrs.evolve(proactive_2021(report), fees=Decimal("0.12345678")))
    frame = gr.to_frame([report, precise])
    assert frame["amount"].dtype == pd.ArrowDtype(pa.decimal128(38, 8))
    assert frame["amount"].dropna().tolist() == [Decimal("0"), Decimal("0.12345678")]


def test_empty_input() -> None:
    frame = gr.to_frame([])
    assert len(frame) == 0
    assert str(frame["count"].dtype) == "Int64"


def test_parquet_round_trip(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "cells.parquet"  # type: ignore[operator]
    gr.write_parquet(seeds(), path)
    back = pd.read_parquet(path)
    frame = gr.to_frame(seeds())
    assert list(back.columns) == list(frame.columns)
    assert back["count"].astype(object).tolist() == frame["count"].astype(object).tolist()
    assert back["amount"].dropna().tolist() == [Decimal("0")] * 3
    assert back["row"].astype(str).tolist() == frame["row"].astype(str).tolist()
    assert [tuple(path) for path in back["column_path"]] == frame["column_path"].tolist()


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[frames\]"):
        gr.to_frame(seeds())


def test_parquet_to_a_binary_file() -> None:
    import io

    buffer = io.BytesIO()
    gr.write_parquet(seeds()[:1], buffer)
    back = pd.read_parquet(io.BytesIO(buffer.getvalue()))
    assert back["count"].sum() == gr.to_frame(seeds()[:1])["count"].sum()
    assert len(back) == 200
