"""gr.from_cells: a report's tables from long-format records."""

from __future__ import annotations

import csv
import io
import pickle
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.commands.parse import write_cells
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, seed_text

NEW = "一、本年新收政府信息公开申请数量"
FEES = "第二十条第（八）项/行政事业性收费"
FEES_COLUMN = "本年收费金额（单位：万元）"


def _tables(report: gr.Report) -> tuple[object, object, object]:
    return (report.proactive, report.applications, report.reviews)


def _record(table: Any, row: str, column: str, value: Any) -> dict[str, Any]:
    return {"table": table, "row": row, "column": column, "value": value}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_cell_records_round_trip(name: str) -> None:
    report = gr.parse(seed_text(name))
    filled = gr.from_cells(gr.cells(report), agency="某某局", year=2024)
    assert _tables(filled) == _tables(report)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_csv_rows_round_trip(name: str) -> None:
    report = gr.parse(seed_text(name))
    buffer = io.StringIO()
    write_cells(report, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert all(isinstance(row["value"], str) for row in rows)
    assert _tables(gr.from_cells(rows, agency="某某局", year=2024)) == _tables(report)


@pytest.mark.slow
@given(reports())
def test_any_report_round_trips_through_its_cells(report: gr.Report) -> None:
    filled = gr.from_cells(gr.cells(report), agency="某某局", year=2024)
    assert _tables(filled) == _tables(report)
    as_text = [
        _record(
            str(c.table),
            c.row,
            c.column,
            "" if c.value is None else format(c.value, "f") if isinstance(c.value, Decimal) else str(c.value),
        )
        for c in gr.cells(report)
    ]
    assert _tables(gr.from_cells(as_text, agency="某某局", year=2024)) == _tables(report)


def test_the_rest_is_the_skeleton() -> None:
    filled = gr.from_cells([_record(3, NEW, "自然人", "7")], agency="某某市某某局", year=2025)
    skeleton = gr.skeleton("某某市某某局", 2025)
    assert filled.overview == skeleton.overview
    assert filled.other_matters == skeleton.other_matters
    assert filled.headings == skeleton.headings
    assert filled.title == skeleton.title
    titled = gr.from_cells([], agency="某某局", year=2025, title="某某局2025年政府信息公开工作年度报告")
    assert titled.title == "某某局2025年政府信息公开工作年度报告"


def test_cells_not_given_are_not_filled_in() -> None:
    filled = gr.from_cells([_record(3, NEW, "自然人", "7")], agency="某某局", year=2025)
    assert filled.applications.new_received.natural_person == 7
    assert filled.applications.new_received.total is None
    assert filled.proactive.fees is None
    values = [cell.value for cell in gr.cells(filled)]
    assert values.count(None) == 199
    assert any(f.rule == "CELL-BLANK" for f in gr.validate(filled))


@pytest.mark.parametrize("value", ["", "  ", None, "/", "—", "——", "-", "无", "空"])
def test_empty_and_marks_are_not_filled_in(value: Any) -> None:
    filled = gr.from_cells([_record(3, NEW, "自然人", value)], agency="某某局", year=2025)
    assert filled.applications.new_received.natural_person is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), (" 12 ", 12), ("1,234", 1234), ("12.0", 12), (12, 12), (Decimal("3"), 3), ("-1", -1)],
)
def test_count_values(value: Any, expected: int) -> None:
    filled = gr.from_cells([_record("3", NEW, "自然人", value)], agency="某某局", year=2025)
    assert filled.applications.new_received.natural_person == expected
    assert type(filled.applications.new_received.natural_person) is int


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12.50", "12.50"), ("0", "0"), ("0.035", "0.035"), (3, "3"), (Decimal("1.20"), "1.20"), (0.5, "0.5")],
)
def test_amount_values_are_exact(value: Any, expected: str) -> None:
    filled = gr.from_cells([_record(2, FEES, FEES_COLUMN, value)], agency="某某局", year=2025)
    assert isinstance(filled.proactive.fees, Decimal)
    assert format(filled.proactive.fees, "f") == expected


def test_table_numbers_may_be_written_in_words() -> None:
    filled = gr.from_cells([_record("表三", NEW, "自然人", "2")], agency="某某局", year=2025)
    assert filled.applications.new_received.natural_person == 2


def test_labels_with_spaces_around_segments() -> None:
    record = _record(3, f" {NEW} ", "法人或其他组织 / 商业企业", "4")
    assert gr.from_cells([record], agency="某某局", year=2025).applications.new_received.commercial == 4


def _error(records: list[Any]) -> gr.CellsError:
    with pytest.raises(gr.CellsError) as info:
        gr.from_cells(records, agency="某某局", year=2025)
    return info.value


def test_unknown_row_names_the_address_and_suggests() -> None:
    error = _error(
        [_record(3, NEW, "自然人", "1"), _record(3, "一、本年新收政府信息公开申请", "自然人", "1")]
    )
    message = str(error)
    assert message.startswith("第2条记录：")
    assert "表三“一、本年新收政府信息公开申请”行“自然人”列不存在" in message
    assert "是否指“一、本年新收政府信息公开申请数量”" in message
    assert error.record == 2
    assert error.address == "表三“一、本年新收政府信息公开申请”行“自然人”列"


def test_unknown_column_names_the_address() -> None:
    message = str(_error([_record(3, NEW, "法人或其他组织/商业企", "1")]))
    assert "表三“一、本年新收政府信息公开申请数量”行“法人或其他组织/商业企”列不存在" in message
    assert "是否指“法人或其他组织/商业企业”" in message
    message = str(_error([_record(2, FEES, "金额", "1")]))
    assert "该行的列为：本年收费金额（单位：万元）" in message


def test_unknown_table() -> None:
    message = str(_error([_record(5, NEW, "自然人", "1")]))
    assert "表5“一、本年新收政府信息公开申请数量”行“自然人”列不存在" in message
    assert "表格编号应为2、3、4" in message
    assert "表格编号“表五”" in str(_error([_record("表五", NEW, "自然人", "1")]))


def test_duplicate_is_an_error_naming_both_records() -> None:
    error = _error([_record(3, NEW, "自然人", "1"), _record(3, NEW, "自然人", "1")])
    assert (
        str(error) == "第2条记录：表三“一、本年新收政府信息公开申请数量”行“自然人”列重复（第1条记录已给出）"
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("abc", "不是数字"),
        ("1.5", "不是整数"),
        ("1e3", "不是数字"),
        (True, "不是数字"),
        ("NaN", "不是数字"),
        ([1], "不是数字"),
    ],
)
def test_count_that_is_not_a_whole_number(value: Any, words: str) -> None:
    message = str(_error([_record(3, NEW, "自然人", value)]))
    assert "表三“一、本年新收政府信息公开申请数量”行“自然人”列" in message
    assert words in message


def test_amount_that_is_not_a_number() -> None:
    message = str(_error([_record(2, FEES, FEES_COLUMN, "十二")]))
    assert (
        "表二“第二十条第（八）项/行政事业性收费”行“本年收费金额（单位：万元）”列的值“十二”不是数字" in message
    )


def test_amount_may_repeat_the_unit_of_its_header_but_not_another() -> None:
    # The header says 万元: "12万元" is 12 in that unit, "12元" a different unit.
    report = gr.from_cells([_record(2, FEES, FEES_COLUMN, "12万元")], agency="某局", year=2024)
    assert report.proactive.fees == Decimal("12")
    message = str(_error([_record(2, FEES, FEES_COLUMN, "12元")]))
    assert "“12元”的单位应为万元" in message


def test_record_without_keys() -> None:
    assert str(_error([{"table": 3, "row": NEW}])) == "第1条记录：缺少column、value"
    assert "应为含table、row、column、value的记录" in str(_error(["3,x,y,1"]))


def test_cells_error_is_a_value_error_and_pickles() -> None:
    error = _error([_record(3, "x", "y", "1")])
    assert isinstance(error, ValueError)
    assert isinstance(error, gr.GovInfoError)
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.address, copy.record) == (str(error), error.address, error.record)
