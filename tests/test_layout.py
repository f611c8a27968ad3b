"""Building a table from its cells' values (the one way parsing, filling and the long format use)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.editions import EDITIONS
from govinfo_report.layout import build_table, cell_specs, table_values

_CLASSES = sorted(
    {cls for edition in EDITIONS.values() for table in edition.tables for cls in table.classes},
    key=lambda cls: cls.__qualname__,
)


@given(st.sampled_from(_CLASSES), st.data())
def test_every_cell_holds_the_value_given_for_its_address_and_the_rest_are_not_filled_in(
    cls: type, data: st.DataObject
) -> None:
    keys = [spec.key for spec in cell_specs(cls)]
    chosen = data.draw(st.lists(st.sampled_from(keys), unique=True))
    values = {key: number for number, key in enumerate(chosen)}
    table: object = build_table(cls, values)
    assert type(table) is cls
    read = {spec.key: value for spec, value in table_values(table)}
    assert list(read) == keys
    assert read == {key: values.get(key) for key in keys}
