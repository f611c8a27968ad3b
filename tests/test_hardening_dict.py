"""Issue 10, items 9–11: the dict and JSON forms refuse everything their schema refuses.

``from_dict`` checks a dict against ``json_schema()`` before it builds the report,
so the two agree: the property at the end mutates the dicts of generated reports
field by field (wrong types, wrong strings, numbers out of bounds, keys added and
removed, lists longer and shorter) and checks that ``from_dict`` accepts a dict
exactly when ``jsonschema`` says it is valid.
"""

from __future__ import annotations

import copy
import functools
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.testing import reports
from tests.conftest import SEED_NAMES, seed_text

HOUSING = "002_8227bd99a070a766"
VALIDATOR = jsonschema.Draft202012Validator(gr.json_schema())


def _dict() -> dict[str, Any]:
    return gr.to_dict(gr.parse(seed_text(HOUSING)))


def _refused(data: Any) -> gr.SerializationError:
    with pytest.raises(gr.SerializationError) as info:
        gr.from_dict(data)
    assert str(info.value).startswith(info.value.path + "：")
    return info.value


# -- item 9: from_json ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"a": ' * 100_000,
        "1" + "0" * 5000,
        "-" + "9" * 5000,
        b"\xff\xfe\x00{",
        "",
        "NaN",
    ],
)
def test_from_json_raises_only_serialization_errors(text: str | bytes) -> None:
    with pytest.raises(gr.SerializationError) as info:
        gr.from_json(text)
    assert info.value.path == "$"


def test_from_json_of_no_text() -> None:
    with pytest.raises(gr.SerializationError):
        gr.from_json(None)  # type: ignore[arg-type]


def test_rendering_evil_json_prints_no_traceback(tmp_path: Path) -> None:
    for name, text in [("deep.json", "[" * 100_000), ("big.json", "1" + "0" * 5000)]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "govinfo_report", "render", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1  # one line


# -- item 10: what the schema refuses ---------------------------------------


@pytest.mark.parametrize(
    "amount", ["NaN", "sNaN", "-Infinity", "1E+7", " 12 ", "1_000", "٣", "12\n", "007", "1.", ".5"]
)
def test_amounts_are_plain_decimal_strings(amount: str) -> None:
    data = _dict()
    data["proactive"]["fees"] = amount
    assert _refused(data).path == "$.proactive.fees"
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize("amount", ["0", "12.50", "-3", "0.035", "1000000000000000"])
def test_plain_decimal_strings_load(amount: str) -> None:
    data = _dict()
    data["proactive"]["fees"] = amount
    assert str(gr.from_dict(data).proactive.fees) == amount
    assert VALIDATOR.is_valid(data)


@pytest.mark.parametrize("headings", ["一二三四五六", {"一": 1}, ["一"] * 5, ["一"] * 10, [1, 2, 3, 4, 5, 6]])
def test_headings_are_six_strings(headings: Any) -> None:
    data = _dict()
    data["headings"] = headings
    assert _refused(data).path.startswith("$.headings")
    assert not VALIDATOR.is_valid(data)


def test_ten_headings_never_reach_render() -> None:
    data = _dict()
    data["headings"] = [f"第{n}节" for n in range(10)]
    error = _refused(data)
    assert "应有6项" in str(error)


@pytest.mark.parametrize("edition", ["1999", "", 2021, None])
def test_the_edition_is_a_known_one(edition: Any) -> None:
    data = _dict()
    data["edition"] = edition
    assert _refused(data).path == "$.edition"
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize("count", [1.5, "3", True, 10**12 + 1, -(10**12) - 1, float("nan"), float("inf")])
def test_counts_are_bounded_integers(count: Any) -> None:
    data = _dict()
    data["reviews"]["review"]["upheld"] = count
    assert _refused(data).path == "$.reviews.review.upheld"
    assert not VALIDATOR.is_valid(data)


def test_an_integral_float_is_an_integer_as_json_schema_says() -> None:
    data = _dict()
    data["reviews"]["review"]["upheld"] = 4.0
    assert VALIDATOR.is_valid(data)
    loaded = gr.from_dict(data)
    assert loaded.reviews.review.upheld == 4
    assert isinstance(loaded.reviews.review.upheld, int)


def test_arrays_are_lists() -> None:
    data = _dict()
    data["headings"] = tuple(data["headings"])
    assert _refused(data).path == "$.headings"
    assert not VALIDATOR.is_valid(data)


# -- item 11: keys that are not strings --------------------------------------


@pytest.mark.parametrize("where", [[], ["overview"], ["applications", "outcomes", "total"]])
@pytest.mark.parametrize("key", [1, None, ("a",), 1.5])
def test_a_key_that_is_not_a_string(where: list[str], key: Any) -> None:
    data = _dict()
    target = data
    for name in where:
        target = target[name]
    target[key] = 1
    error = _refused(data)
    assert error.path == "$" + "".join(f".{name}" for name in where)
    assert "键应为字符串" in str(error)


# -- the property: from_dict and the schema agree ---------------------------

_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**13), 10**13),
    st.sampled_from([0, 1, -1, 10**12, 10**12 + 1, 2**53, 2**53 - 1, -(2**53) + 1, 10**100]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 4.0, -2.0, 1e12, 1e13, 0.5]),
    st.text(max_size=8),
    st.sampled_from(
        [
            "0",
            "12.50",
            "-0",
            "-3",
            "1000000000000000",
            "1000000000000000.00",
            "1000000000000001",
            "NaN",
            "1E+7",
            " 12 ",
            "1_000",
            "٣",
            "007",
            "1.",
            ".5",
            "12\n",
            "2021",
            "2019",
            "error",
            "warning",
            "text",
        ]
    ),
)
_JSON_VALUES = st.one_of(
    _JSON_SCALARS,
    st.lists(_JSON_SCALARS, max_size=7),
    st.dictionaries(st.text(max_size=4), _JSON_SCALARS, max_size=3),
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``data`` (keys of dicts, indexes of lists)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


def _mutate(data: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(data)
    places = [place for place in _places(data) if place and place[0] != "schema_version"]
    place = draw(st.sampled_from(places))
    parent: Any = data
    for key in place[:-1]:
        parent = parent[key]
    value = parent[place[-1]]
    how = draw(st.sampled_from(["replace", "delete", "add key", "longer", "shorter", "key type"]))
    if how == "replace":
        parent[place[-1]] = draw(_JSON_VALUES)
    elif how == "delete" and isinstance(parent, dict):
        del parent[place[-1]]
    elif how == "add key" and isinstance(value, dict):
        value[draw(st.text(max_size=6))] = draw(_JSON_SCALARS)
    elif how == "longer" and isinstance(value, list):
        value.append(draw(st.one_of(_JSON_VALUES, st.sampled_from(value) if value else st.none())))
    elif how == "shorter" and isinstance(value, list) and value:
        value.pop(draw(st.integers(0, len(value) - 1)))
    elif how == "key type" and isinstance(value, dict):
        value[draw(st.one_of(st.integers(), st.none()))] = draw(_JSON_SCALARS)
    return data


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    # Half real reports (the seeds, quick to draw), half generated ones (slow to draw).
    base = draw(st.one_of(st.sampled_from(SEED_NAMES), reports()))
    data = copy.deepcopy(_seed_dict(base)) if isinstance(base, str) else gr.to_dict(base)
    for _ in range(draw(st.integers(1, 3))):
        data = _mutate(data, draw)
    return data


@functools.cache
def _seed_dict(name: str) -> dict[str, Any]:
    return gr.to_dict(gr.parse(seed_text(name)))


def _loads(data: dict[str, Any]) -> bool:
    try:
        gr.from_dict(data)
    except gr.SerializationError:
        return False
    return True


@pytest.mark.slow
@given(_mutated())
def test_from_dict_accepts_exactly_what_the_schema_accepts(data: dict[str, Any]) -> None:
    assert _loads(data) == VALIDATOR.is_valid(data), list(VALIDATOR.iter_errors(data))[:1]
