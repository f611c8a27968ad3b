"""JSON Schema (draft 2020-12) of the dict form, derived from the model, and the check against it.

Every attrs class of the model becomes one entry under ``$defs``; field types
map as ``int`` → integer, ``Decimal`` → decimal string, ``str``/``bool`` →
string/boolean, ``X | None`` → ``anyOf`` with null, ``tuple[X, ...]`` → array
of X, ``Literal`` → enum.  A table cell (a field with a ``kind`` in its
metadata) takes its type and bounds from its kind and from
:mod:`govinfo_report.values` (a count is an integer of at most
:data:`~govinfo_report.values.MAX_COUNT`, an amount a plain decimal string of
at most :data:`~govinfo_report.values.MAX_AMOUNT`); other integers stay within
the range every JSON reader holds exactly (±(2**53 - 1), I-JSON); a 2019
procurement amount is ``{"amount": "…", "unit": "元"|"万元"|""}``.  Cell fields
carry their official labels as ``title`` and ``description``.  What the field
types cannot say is in :func:`_refinements`, in one place: the known editions,
the number of section headings, the units.  The edition is the discriminator:
the root's ``oneOf`` has one branch per edition naming the table classes a
report of that edition may have (:data:`govinfo_report.editions.EDITIONS`).

:func:`check` walks a dict along the same schema and names the path of the
first value the schema does not accept; :func:`~govinfo_report.serialize.from_dict`
checks every dict with it before building the report, so ``from_dict`` and the
schema accept exactly the same documents.  It reads the few keywords this module
writes (``type``, ``properties``, ``required``, ``additionalProperties``,
``items``, ``minItems``/``maxItems``, ``enum``, ``const``, ``pattern``,
``minimum``/``maximum``, ``anyOf``, ``oneOf``, ``$ref``), so a schema that
grows a ``oneOf`` per edition is checked as it is written.  Beyond the schema it
refuses only what JSON Schema cannot see: keys that are not strings, strings
holding lone surrogates (not characters; see docs/robustness.md), and numbers
too long to read (``SerializationError`` from ``from_json``).
"""

from __future__ import annotations

import copy
import math
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from .editions import EDITIONS, HEADINGS
from .errors import SerializationError, shorten
from .model import COLUMN, KIND, ROW, Report
from .normalize import first_invalid_character, printable
from .serialize import SCHEMA_VERSION
from .values import MAX_AMOUNT, MAX_COUNT, UNITS, Money

__all__ = ["DECIMAL_PATTERN", "MAX_INTEGER", "Oversized", "check", "describe", "json_schema"]

#: Largest integer (in size) outside table cells: what every JSON reader holds exactly.
MAX_INTEGER = 2**53 - 1


def _decimal_pattern(limit: int) -> str:
    """A plain decimal string of at most ``limit`` (a power of ten) in size.

    No sign but ``-``, no leading zeros, no exponent, no white space; ``$(?!\\n)``
    is the end of the string both for ECMA-262 and for Python, whose ``$`` also
    matches before a final newline.
    """
    digits = len(str(limit)) - 1
    assert limit == 10**digits, "the bound of amounts is a power of ten"
    return rf"^-?(?:(?:0|[1-9][0-9]{{0,{digits - 1}}})(?:\.[0-9]+)?|{limit}(?:\.0+)?)$(?!\n)"


#: How an amount is written in the dict form: a plain decimal string within the bound.
DECIMAL_PATTERN = _decimal_pattern(MAX_AMOUNT)

_SCHEMA_ID = f"urn:govinfo-report:report:v{SCHEMA_VERSION}"

#: What each pattern means, for messages.
_PATTERNS = {
    DECIMAL_PATTERN: f"不是十进制数字符串（应如“12.50”：不带空格、指数或前导零，绝对值不超过{MAX_AMOUNT:,}）",
}

_CELLS: dict[str, dict[str, Any]] = {
    "count": {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT},
    "signed": {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT},
    "amount": {"type": "string", "pattern": DECIMAL_PATTERN},
    "money": {"$ref": "#/$defs/Money"},
}
_DESCRIPTIONS = {
    "count": "count (integer)",
    "signed": "count that may be negative (integer)",
    "amount": "amount (decimal string)",
    "money": "amount with the unit printed in the cell ({amount, unit})",
}


def _refinements() -> dict[tuple[type, str], dict[str, Any]]:
    """What a field's type does not say: one entry per (class, field)."""
    return {
        (Report, "edition"): {"enum": list(EDITIONS)},
        (Report, "headings"): {"minItems": len(HEADINGS), "maxItems": len(HEADINGS)},
        (Money, "unit"): {"enum": ["", *UNITS]},
    }


def _editions(defs: dict[str, Any]) -> list[dict[str, Any]]:
    """One branch per edition: its name, and the table classes a report of it may have."""
    branches = []
    for edition in EDITIONS.values():
        tables = {
            table.attribute: _options([_type_schema(cls, defs) for cls in table.classes])
            for table in edition.tables
        }
        branches.append({"type": "object", "properties": {"edition": {"const": edition.name}, **tables}})
    return branches


def _options(schemas: list[dict[str, Any]]) -> dict[str, Any]:
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`~govinfo_report.serialize.to_dict` output.

    Example:
        >>> import govinfo_report as gr
        >>> schema = gr.json_schema()
        >>> schema["$schema"], [branch["properties"]["edition"]["const"] for branch in schema["oneOf"]]
        ('https://json-schema.org/draft/2020-12/schema', ['2021', '2019'])
    """
    return copy.deepcopy(_schema())


@cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(Report, defs)
    root["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION, "description": "version of the dict form"},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    root["oneOf"] = _editions(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "政府信息公开工作年度报告 (govinfo_report dict form)",
        **root,
        "$defs": defs,
    }


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    refinements = _refinements()
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):
        meta = field.metadata
        if KIND in meta:
            schema = _cell_schema(meta[KIND], hints[field.name], defs)
        else:
            schema = _type_schema(hints[field.name], defs)
        schema = {**schema, **refinements.get((cls, field.name), {})}
        labels = [*meta.get(ROW, ()), *meta.get(COLUMN, ())]
        if labels:
            schema["title"] = "/".join(labels)
        if KIND in meta:
            schema["description"] = _DESCRIPTIONS[meta[KIND]] + "; null when the cell was not filled in"
        properties[field.name] = schema
    return {
        "type": "object",
        "description": (cls.__doc__ or cls.__name__).strip().split("\n")[0],
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _cell_schema(kind: str, hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if kind == "money":
        _type_schema(Money, defs)  # the definition the reference names
    cell = dict(_CELLS[kind])
    if type(None) in typing.get_args(hint):
        return {"anyOf": [cell, {"type": "null"}]}
    return cell  # pragma: no cover - every cell may be not filled in


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in typing.get_args(hint)]
        return {"anyOf": options}
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return {"type": "array", "items": _type_schema(item, defs)}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(hint))}
    if hint is type(None):
        return {"type": "null"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer", "minimum": -MAX_INTEGER, "maximum": MAX_INTEGER}
    if hint is str:
        return {"type": "string"}
    if hint is Decimal:
        return {"type": "string", "pattern": DECIMAL_PATTERN}
    if attrs.has(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # reserve the name first: classes may refer to each other
            defs[name] = _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a model change


# ---------------------------------------------------------------------------
# Checking a dict against the schema


@attrs.frozen
class Oversized:
    """A JSON number too long to read (``from_json`` puts this in its place): never valid."""

    text: str


_Problem = tuple[str, str]  # (path, reason)


def check(data: Any) -> None:
    """Raise ``SerializationError`` (with the path) unless ``data`` is valid under :func:`json_schema`."""
    schema = _schema()
    problem = _check(data, schema, "$", schema["$defs"])
    if problem is not None:
        path, reason = problem
        raise SerializationError(f"{path}：{reason}", path=path)


def _check(value: Any, schema: dict[str, Any], path: str, defs: dict[str, Any]) -> _Problem | None:
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema or "oneOf" in schema:
        # The schema's own keywords first (a missing field is named as such), then its options.
        own = {key: item for key, item in schema.items() if key not in ("anyOf", "oneOf")}
        problem = _check(value, own, path, defs) if "type" in own else None
        return problem or _check_options(value, schema, path, defs)
    if "const" in schema and not _same(value, schema["const"]):
        return path, f"应为{_show(schema['const'])}，实际为{describe(value)}"
    if "enum" in schema and not any(_same(value, option) for option in schema["enum"]):
        listed = "、".join(_show(option) for option in schema["enum"])
        return path, f"应为{listed}之一，实际为{describe(value)}"
    kind = schema.get("type")
    if kind is None:
        return None
    if not _TYPES[kind](value):
        return path, f"应为{_TYPE_NAMES[kind]}，实际为{describe(value)}"
    check_kind = _CHECKS.get(kind)
    return check_kind(value, schema, path, defs) if check_kind else None


def _check_options(value: Any, schema: dict[str, Any], path: str, defs: dict[str, Any]) -> _Problem | None:
    options = schema.get("anyOf") or schema["oneOf"]
    problems = [_check(value, option, path, defs) for option in options]
    passed = problems.count(None)
    if "anyOf" in schema and passed:
        return None
    if "oneOf" in schema and passed == 1:
        return None
    if passed:
        return path, "同时符合多种形式，无法确定是哪一种"
    # The most telling problem: that of the option the value is most like (its edition,
    # the table shape its keys have), the first option's among equals.
    fits = [_fit(value, option, defs, 0) for option in options]
    best = max(range(len(options)), key=lambda at: (fits[at], -at))
    problem = problems[best]
    assert problem is not None
    return problem


def _fit(value: Any, schema: dict[str, Any], defs: dict[str, Any], depth: int) -> int:
    """How much ``value`` looks like what ``schema`` describes: matching constants, then known keys."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "const" in schema:
        return 1000 if _same(value, schema["const"]) else 0
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        return max(_fit(value, option, defs, depth) for option in options)
    properties = schema.get("properties")
    if not isinstance(value, dict) or properties is None or depth > 6:
        return 0
    return sum(
        1 + _fit(item, properties[key], defs, depth + 1) for key, item in value.items() if key in properties
    )


def _check_object(
    value: dict[Any, Any], schema: dict[str, Any], path: str, defs: dict[str, Any]
) -> _Problem | None:
    for key in value:
        if not isinstance(key, str):
            return path, f"键应为字符串，实际为{describe(key)}"
    properties: dict[str, Any] = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            return f"{path}.{name}", "缺少此字段"
    if schema.get("additionalProperties") is False:
        extra = sorted(key for key in value if key not in properties)
        if extra:
            return path, "有未知字段：" + "、".join(printable(shorten(key, 40)) for key in extra[:5])
    for name, sub in properties.items():
        if name in value:
            problem = _check(value[name], sub, f"{path}.{name}", defs)
            if problem is not None:
                return problem
    return None


def _check_array(
    value: list[Any], schema: dict[str, Any], path: str, defs: dict[str, Any]
) -> _Problem | None:
    low, high = schema.get("minItems"), schema.get("maxItems")
    if (low is not None and len(value) < low) or (high is not None and len(value) > high):
        wanted = f"{low}" if low == high else f"{low or 0}至{high if high is not None else '任意'}"
        return path, f"应有{wanted}项，实际为{len(value)}项"
    items = schema.get("items")
    if items is not None:
        for index, item in enumerate(value):
            problem = _check(item, items, f"{path}[{index}]", defs)
            if problem is not None:
                return problem
    return None


def _check_string(value: str, schema: dict[str, Any], path: str, defs: dict[str, Any]) -> _Problem | None:
    bad = first_invalid_character(value)
    if bad is not None:
        return path, f"含有无效字符U+{ord(value[bad]):04X}（单独的代理码位，不是字符）"
    pattern = schema.get("pattern")
    if pattern is not None and _compiled(pattern).search(value) is None:
        meaning = _PATTERNS.get(pattern, f"不符合格式{pattern}")
        return path, f"{meaning}，实际为{describe(value)}"
    return None


def _check_integer(
    value: int | float, schema: dict[str, Any], path: str, defs: dict[str, Any]
) -> _Problem | None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        return path, f"超出范围（应在{low:,}至{high:,}之间），实际为{describe(value)}"
    return None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _is_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    # JSON Schema: a number with a zero fractional part is an integer (1.0).
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": _is_integer,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}
_TYPE_NAMES = {
    "object": "对象",
    "array": "数组",
    "string": "字符串",
    "integer": "整数",
    "boolean": "true或false",
    "null": "null",
}
_CHECKS: dict[str, Callable[[Any, dict[str, Any], str, dict[str, Any]], _Problem | None]] = {
    "object": _check_object,
    "array": _check_array,
    "string": _check_string,
    "integer": _check_integer,
}


def _same(value: Any, wanted: Any) -> bool:
    """JSON equality for ``const`` and ``enum``: ``1`` is not ``true``, ``1.0`` is ``1``."""
    if isinstance(value, bool) or isinstance(wanted, bool):
        return isinstance(value, bool) and isinstance(wanted, bool) and value == wanted
    if isinstance(wanted, int) and _is_integer(value):
        return bool(value == wanted)
    return type(value) is type(wanted) and bool(value == wanted)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe(value: Any) -> str:
    """A value as a message shows it: its JSON type and a short, printable excerpt."""
    if isinstance(value, Oversized):
        return f"位数过多的数字（{len(value.text):,}个字符）"
    if value is None or isinstance(value, bool):
        return _show(value)
    if isinstance(value, int):
        if value.bit_length() > 96:  # str() of a huge int is slow, and refused past 4,300 digits
            return f"约{int(value.bit_length() * 0.30103) + 1:,}位的整数"
        return f"整数{value}"
    if isinstance(value, float):
        return f"数字{value!r}"
    if isinstance(value, str):
        shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
        return f"字符串“{shown[:20]}{'…' if len(shown) > 20 else ''}”"
    if isinstance(value, dict):
        return "对象"
    if isinstance(value, list):
        return "数组"
    return type(value).__name__
