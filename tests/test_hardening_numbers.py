"""Issue 10, item 8: numbers of thousands of digits are refused before they are converted.

Counts are at most ``MAX_COUNT`` (10**12) and amounts ``MAX_AMOUNT`` (10**15) in size;
a longer number is refused with a positioned error (parse), the record (from_cells) or
the path (from_dict, from_json) — never ``int()`` of 5,000 digits, which Python refuses
with a ``ValueError`` of its own past 4,300.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import govinfo_report as gr
from govinfo_report.values import MAX_AMOUNT, MAX_COUNT
from tests.conftest import seed_text
from tests.test_errors import line_of, replace_once

HOUSING = "002_8227bd99a070a766"
HUGE = "9" * 5000
ROW = "一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9"  # as printed in the housing report
FEES = "行政事业性收费 0"


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize(
    ("line", "printed"), [(ROW, ROW.replace(" 9 0", f" {HUGE} 0", 1)), (FEES, f"行政事业性收费 {HUGE}")]
)
def test_a_huge_cell_in_the_text(line: str, printed: str, lenient: bool) -> None:
    text = replace_once(seed_text(HOUSING), line, printed)
    if not lenient:
        with pytest.raises(gr.CellValueError) as info:
            gr.parse(text)
        assert info.value.line == line_of(text, printed)
        assert info.value.column == printed.index(HUGE) + 1
        assert "超出上限" in info.value.reason
        return
    report = gr.parse(text, lenient=True)
    [diagnostic] = report.diagnostics
    assert diagnostic.line == line_of(text, printed)
    assert "超出上限" in diagnostic.message
    if line == ROW:
        assert report.applications.new_received.natural_person is None  # skipped, never guessed
        assert report.applications.new_received.total == 9
    else:
        assert report.proactive.fees is None


@pytest.mark.parametrize("value", [HUGE, int(HUGE[:4000]), Decimal(HUGE), Decimal("1E+5000"), 1e300])
def test_a_huge_value_in_from_cells(value: Any) -> None:
    record = {"table": 3, "row": "一、本年新收政府信息公开申请数量", "column": "自然人", "value": value}
    with pytest.raises(gr.CellsError) as info:
        gr.from_cells([record], agency="某局", year=2024)
    assert info.value.record == 1
    assert "超出上限" in info.value.reason


def test_a_huge_amount_in_from_cells() -> None:
    record = {"table": 2, "row": "第二十条第（八）项/行政事业性收费", "column": "本年收费金额（单位：万元）"}
    with pytest.raises(gr.CellsError, match="超出上限"):
        gr.from_cells([{**record, "value": HUGE}], agency="某局", year=2024)
    with pytest.raises(gr.CellsError, match="超出上限"):
        gr.from_cells([{**record, "value": Decimal(MAX_AMOUNT) + 1}], agency="某局", year=2024)
    filled = gr.from_cells([{**record, "value": Decimal(MAX_AMOUNT)}], agency="某局", year=2024)
    assert filled.proactive.fees == MAX_AMOUNT


def test_huge_numbers_in_from_dict() -> None:
    data = gr.to_dict(gr.parse(seed_text(HOUSING)))
    data["applications"]["new_received"]["natural_person"] = int(HUGE[:4000])
    with pytest.raises(gr.SerializationError) as info:
        gr.from_dict(data)
    assert info.value.path == "$.applications.new_received.natural_person"
    data["applications"]["new_received"]["natural_person"] = MAX_COUNT
    data["proactive"]["fees"] = HUGE
    with pytest.raises(gr.SerializationError) as info:
        gr.from_dict(data)
    assert info.value.path == "$.proactive.fees"
    data["proactive"]["fees"] = str(MAX_AMOUNT)
    report = gr.from_dict(data)
    assert report.applications.new_received.natural_person == MAX_COUNT
    assert report.proactive.fees == Decimal(MAX_AMOUNT)


def test_a_huge_number_in_json_is_refused_with_its_path() -> None:
    data = gr.to_dict(gr.parse(seed_text(HOUSING)))
    data["applications"]["new_received"]["natural_person"] = 123456789
    text = json.dumps(data).replace("123456789", HUGE)
    with pytest.raises(gr.SerializationError) as info:
        gr.from_json(text)
    assert info.value.path == "$.applications.new_received.natural_person"
    assert "位数过多" in str(info.value)
    with pytest.raises(gr.SerializationError):
        gr.from_json("1" + "0" * 5000)
