"""Editions of the national layout, looked up by name.

An :class:`Edition` names the issuing document and the table classes of its
layout; parser, cell export and (later) validators and renderers take an
edition instead of branching on a year.  Today the library reads the 2021
edition; the 2019 trial edition will be another entry here with its own
table-2 and table-3 classes.
"""

from __future__ import annotations

import difflib

import attrs

from .errors import UnknownEditionError
from .model import Applications, ProactiveDisclosure, ReviewsAndLawsuits

__all__ = ["EDITIONS", "HEADINGS", "TABLE_NAMES", "Edition", "TableSpec", "get_edition"]

#: Canonical headings of the six sections (the same in both editions).
HEADINGS: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

#: How messages name each table: 表二, 表三, 表四.
TABLE_NAMES: dict[int, str] = {2: "表二", 3: "表三", 4: "表四"}


@attrs.frozen
class TableSpec:
    """One table of an edition: its number, report attribute and class."""

    number: int
    attribute: str
    cls: type
    name: str


@attrs.frozen
class Edition:
    """A layout edition of the annual report."""

    name: str
    document: str
    description: str
    tables: tuple[TableSpec, ...]

    def table(self, number: int) -> TableSpec:
        """The table with this number (2, 3 or 4)."""
        for spec in self.tables:
            if spec.number == number:
                return spec
        raise UnknownEditionError(f"{self.name}年版格式没有表{number}")


EDITION_2021 = Edition(
    name="2021",
    document="国办公开办函〔2021〕30号",
    description="reports on 2021 and later",
    tables=(
        TableSpec(2, "proactive", ProactiveDisclosure, "主动公开政府信息情况"),
        TableSpec(3, "applications", Applications, "收到和处理政府信息公开申请情况"),
        TableSpec(4, "reviews", ReviewsAndLawsuits, "政府信息公开行政复议、行政诉讼情况"),
    ),
)

#: Every known edition, by name.
EDITIONS: dict[str, Edition] = {EDITION_2021.name: EDITION_2021}


def get_edition(name: str) -> Edition:
    """Look an edition up by name; an unknown name raises with a hint."""
    try:
        return EDITIONS[name]
    except KeyError:
        close = difflib.get_close_matches(str(name), EDITIONS, n=1)
        hint = f"，是否指“{close[0]}”？" if close else f"；已知版本：{'、'.join(EDITIONS)}"
        raise UnknownEditionError(f"未知的格式版本“{name}”{hint}") from None
