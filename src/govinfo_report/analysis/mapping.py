"""Which cell of one report is which cell of another.

Comparing two reports cell by cell needs, for every cell of the later report, the
address of the same cell in the earlier one.  Within one edition that is the
same address.  Between the 2019 and the 2021 editions it is a mapping the
edition registry owns (:mod:`govinfo_report.editions`); until it is there,
reports of different editions are not comparable and :func:`address_mapping`
says so.  Everything that compares reports asks this module, so the mapping
plugs in here, in one place.
"""

from __future__ import annotations

from collections.abc import Callable

from ..cells import CellAddress
from .common import IncompatibleReportsError

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
        IncompatibleReportsError: the editions differ and no mapping between them is known.
    """
    if earlier == later:
        return same_address
    raise IncompatibleReportsError(
        f"两份报告的格式版本不同（{earlier}年版与{later}年版），尚无两版之间的单元格对应关系，无法逐项比较"
    )
