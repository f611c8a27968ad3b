"""JSON Schema (draft 2020-12) of the dict form, derived from the model.

Every attrs class of the model becomes one entry under ``$defs``; field types
map as ``int`` → integer, ``Decimal`` → decimal string, ``str``/``bool`` →
string/boolean, ``X | None`` → also null, ``tuple[X, ...]`` → array of X.
Cell fields carry their official labels as ``title`` and ``description``.
Nothing here is written by hand per class, so the schema follows the model.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from .model import COLUMN, KIND, ROW, Report
from .serialize import SCHEMA_VERSION

__all__ = ["DECIMAL_PATTERN", "json_schema"]

#: How an amount is written in the dict form: a plain decimal string.
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"

_SCHEMA_ID = "urn:govinfo-report:report:v1"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`~govinfo_report.serialize.to_dict` output."""
    defs: dict[str, Any] = {}
    root = _class_schema(Report, defs)
    root["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION, "description": "version of the dict form"},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "政府信息公开工作年度报告 (govinfo_report dict form)",
        **root,
        "$defs": defs,
    }


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], defs)
        meta = field.metadata
        labels = [*meta.get(ROW, ()), *meta.get(COLUMN, ())]
        if labels:
            schema = {**schema, "title": "/".join(labels)}
        if KIND in meta:
            schema["description"] = "count (integer)" if meta[KIND] == "count" else "amount (decimal string)"
            schema["description"] += "; null when the cell was not filled in"
        properties[field.name] = schema
    return {
        "type": "object",
        "description": (cls.__doc__ or cls.__name__).strip().split("\n")[0],
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


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
        return {"type": "integer"}
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
