"""Which cell of one report is which cell of another.

Comparing two reports cell by cell needs, for every cell of the later report, the
address of the same cell in the earlier one.  Within one edition that is the
same address.  Between the 2019 and the 2021 editions it is the data the
edition registry owns (:data:`govinfo_report.editions.CORRESPONDENCES`): a cell
is compared with its counterpart when the two are defined alike and stand one
for one (tables 3 and 4 but for （六）其他处理, and 处理决定数量 ↔ 本年处理决定数量 in
table 2); every other cell has no counterpart (``None``).  Everything that
compares reports asks this module, so the mapping lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..cells import CellAddress
from ..editions import CORRESPONDENCES
from ..errors import IncompatibleReportsError

__all__ = ["AddressMapping", "address_mapping", "same_address"]

#: For an address of the later report, the address of the same cell in the earlier
#: report, or ``None`` when the earlier edition has no such cell.
AddressMapping = Callable[[CellAddress], CellAddress | None]


def same_address(address: CellAddress) -> CellAddress:
    """The mapping between two reports of one edition: every cell is where it was."""
    return address


def address_mapping(earlier: str, later: str) -> AddressMapping:
    """How to find a cell of a ``later``-edition report in an ``earlier``-edition one.

    Raises:
        IncompatibleReportsError: no mapping between the two editions is known.
    """
    if earlier == later:
        return same_address
    pairs = _one_for_one()
    if (earlier, later) not in pairs:
        raise IncompatibleReportsError(
            f"两份报告的格式版本不同（{earlier}年版与{later}年版），没有两版之间的单元格对应关系，无法逐项比较"
        )
    table = pairs[(earlier, later)]
    return table.get


@cache
def _one_for_one() -> dict[tuple[str, str], dict[CellAddress, CellAddress]]:
    """Both directions of the cells the editions define alike, one for one."""
    forward: dict[CellAddress, CellAddress] = {}
    for match in CORRESPONDENCES:
        if match.same and len(match.cells_2019) == len(match.cells_2021) == 1:
            old, new = (_address(*match.cells_2019[0]), _address(*match.cells_2021[0]))
            forward[new] = old
    backward = {old: new for new, old in forward.items()}
    return {("2019", "2021"): forward, ("2021", "2019"): backward}


def _address(table: int, row: tuple[str, ...], column: tuple[str, ...]) -> CellAddress:
    return CellAddress(table, "/".join(row), "/".join(column))
