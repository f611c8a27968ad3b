"""dict/JSON round trips, the JSON Schema, and readable errors for bad data."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.testing import consistent_reports, reports
from tests.conftest import FIXTURES, SEED_NAMES, proactive_2021, seed_text

JSON_FIXTURES = FIXTURES / "json"

VALIDATOR = jsonschema.Draft202012Validator(gr.json_schema())


@pytest.mark.slow
@given(reports())
def test_dict_round_trip(report: gr.Report) -> None:
    assert gr.from_dict(gr.to_dict(report)) == report


@pytest.mark.slow
@given(reports())
def test_json_round_trip(report: gr.Report) -> None:
    assert gr.from_json(gr.to_json(report)) == report


@pytest.mark.slow
@given(reports())
def test_every_dict_validates_against_the_schema(report: gr.Report) -> None:
    VALIDATOR.validate(gr.to_dict(report))


@pytest.mark.slow
@given(consistent_reports())
def test_consistent_reports_validate_against_the_schema(report: gr.Report) -> None:
    VALIDATOR.validate(json.loads(gr.to_json(report)))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(gr.json_schema())


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_dict_validates_and_round_trips(name: str) -> None:
    report = gr.parse(seed_text(name))
    data = gr.to_dict(report)
    VALIDATOR.validate(data)
    assert gr.from_json(gr.to_json(report, indent=2)) == report


def test_dict_form_shape() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    data = gr.to_dict(report)
    assert data["schema_version"] == 2
    assert data["source"] == {
        "form": "text",
        "path": None,
        "title": None,
        "published": None,
        "index_number": None,
        "publisher": None,
    }
    assert data["proactive"]["fees"] == "0"  # amounts are decimal strings
    assert data["applications"]["new_received"]["natural_person"] == 29
    assert "中卫市" in gr.to_json(report)  # Chinese is not escaped
    blank = gr.parse_file("tests/fixtures/variants/blank_cells.txt")
    assert gr.to_dict(blank)["proactive"]["rules"]["repealed"] is None


def test_decimals_survive_exactly() -> None:
    report = gr.parse(seed_text("000_7047d3e44c49cbca"))
    for amount in ("0.035", "12.50", "123456789.1234"):
        changed = attrs.evolve(report, proactive=attrs.evolve(proactive_2021(report), fees=Decimal(amount)))
        again = gr.from_json(gr.to_json(changed))
        assert str(again.proactive.fees) == amount


def _corrupt(path: list[str | int], value: Any) -> dict[str, Any]:
    data = gr.to_dict(gr.parse(seed_text("000_7047d3e44c49cbca")))
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        (
            ["applications", "outcomes", "withheld", "third_party", "research"],
            "三",
            "$.applications.outcomes.withheld.third_party.research",
            "应为整数",
        ),
        (
            ["applications", "outcomes", "other", "fee_unpaid", "total"],
            1.5,
            "$.applications.outcomes.other.fee_unpaid.total",
            "应为整数",
        ),
        (["applications", "outcomes", "total"], KeyError, "$.applications.outcomes.total", "缺少此字段"),
        (["proactive", "fees"], "十二", "$.proactive.fees", "不是十进制数"),
        (["overview", "subsections", 2, "heading"], None, "$.overview.subsections[2].heading", "应为字符串"),
        (["reviews", "review", "upheld"], True, "$.reviews.review.upheld", "应为整数"),
    ],
)
def test_bad_data_names_its_path(path: list[str | int], value: Any, where: str, words: str) -> None:
    with pytest.raises(gr.SerializationError) as info:
        gr.from_dict(_corrupt(path, value))
    assert info.value.path == where
    assert str(info.value).startswith(where + "：")
    assert words in str(info.value)
    assert "\n" not in str(info.value)  # one readable line, not a cattrs exception group


def test_unknown_field_and_version() -> None:
    data = _corrupt(["applications", "outcomes", "total", "extra"], 1)
    with pytest.raises(gr.SerializationError, match="有未知字段：extra"):
        gr.from_dict(data)
    data = _corrupt(["schema_version"], 99)
    with pytest.raises(gr.SerializationError, match="schema_version"):
        gr.from_dict(data)
    with pytest.raises(gr.SerializationError, match="JSON"):
        gr.from_json("{not json")
    with pytest.raises(gr.SerializationError):
        gr.from_dict([1, 2])


def test_missing_top_level_key() -> None:
    with pytest.raises(gr.SerializationError) as info:
        gr.from_json('{"schema_version": 1}')
    assert info.value.path == "$.edition"
    assert "缺少此字段" in str(info.value)


def test_version_1_documents_still_load() -> None:
    # Written by the library before schema version 2 (tests/fixtures/json/README.md).
    old = gr.from_json((JSON_FIXTURES / "000_7047d3e44c49cbca.v1.json").read_bytes())
    assert old == gr.parse(seed_text("000_7047d3e44c49cbca"))
    assert old.source is None
    cut = gr.from_json((JSON_FIXTURES / "000_cut_lenient.v1.json").read_bytes())
    (diagnostic,) = cut.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.severity) == (242, 1, "error")
    assert diagnostic.location == gr.Location(line=242, column=1)
    assert diagnostic.message.startswith("文本提前结束")
    VALIDATOR.validate(gr.to_dict(cut))
