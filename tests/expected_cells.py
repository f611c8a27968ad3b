"""Hand-read expected values → cell addresses.

The column orders below are typed from national-format.md, not taken from
the library, so a wrong label or order in the model fails these tests.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

TABLE3_COLUMNS = (
    "自然人",
    "法人或其他组织/商业企业",
    "法人或其他组织/科研机构",
    "法人或其他组织/社会公益组织",
    "法人或其他组织/法律服务机构",
    "法人或其他组织/其他",
    "总计",
)
TABLE4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
AMOUNT_COLUMNS = {"本年收费金额（单位：万元）"}

Address = tuple[int, str, str]


def expected_cells(data: dict[str, Any]) -> dict[Address, object]:
    """Every cell of a hand-read expected file, keyed by (table, row, column)."""
    cells: dict[Address, object] = {}
    for row, columns in data["table2"].items():
        for column, raw in columns.items():
            if raw is None:
                cells[(2, row, column)] = None
            elif column in AMOUNT_COLUMNS:
                cells[(2, row, column)] = Decimal(raw)
            else:
                cells[(2, row, column)] = int(raw)
    for row, values in data["table3"].items():
        assert len(values) == len(TABLE3_COLUMNS)
        for column, value in zip(TABLE3_COLUMNS, values, strict=True):
            cells[(3, row, column)] = value
    for row, values in data["table4"].items():
        assert len(values) == len(TABLE4_COLUMNS)
        for column, value in zip(TABLE4_COLUMNS, values, strict=True):
            cells[(4, row, column)] = value
    return cells
