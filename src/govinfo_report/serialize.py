"""dict and JSON forms of a report, on one configured cattrs Converter.

The dict form mirrors the model: attribute names as keys, tuples as lists,
``None`` for a cell not filled in, and amounts (:class:`~decimal.Decimal`) as
strings such as ``"12.50"`` so that no digit is lost to floating point.  Every
dict carries ``"schema_version"``.  Loading a dict first checks it against
the JSON Schema (:func:`govinfo_report.schema.check`), so ``from_dict`` accepts
exactly what :func:`~govinfo_report.schema.json_schema` accepts; a bad dict
raises one :class:`~govinfo_report.errors.SerializationError` naming the path
of the bad field (``$.applications.outcomes.total.natural_person``).
"""

from __future__ import annotations

import json
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import attrs
import cattrs
from cattrs.errors import BaseValidationError, ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from .errors import Location, SerializationError
from .model import Report
from .normalize import SURROGATES, first_invalid_character, printable

__all__ = ["SCHEMA_VERSION", "dumps", "from_dict", "from_json", "make_converter", "to_dict", "to_json"]

#: Version of the dict/JSON form; bumped when its shape changes.  Documents of
#: earlier versions are read too (see :func:`_upgrade`).
SCHEMA_VERSION = 2


def _structure_decimal(value: Any, _: type) -> Decimal:
    if not isinstance(value, str):
        raise TypeError(f"应为十进制数字符串，实际为{type(value).__name__}")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"不是十进制数：{value!r}") from None


def _structure_int(value: Any, _: type) -> int:
    # A JSON number with a zero fractional part is an integer (JSON Schema's rule).
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"应为整数，实际为{type(value).__name__}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"应为字符串，实际为{type(value).__name__}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"应为true或false，实际为{type(value).__name__}")
    return value


def make_converter() -> cattrs.Converter:
    """A converter for the report model: strict types, exact decimals."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    # Hooks come in pairs: how a value is written, and how it is read back.
    converter.register_unstructure_hook(Decimal, lambda value: format(value, "f"))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook_factory(attrs.has, lambda cls: _complete_fields(cls, converter))
    converter.register_structure_hook_func(
        _is_table_union, lambda data, union: _structure_table(data, union, converter)
    )
    return converter


def _is_table_union(hint: Any) -> bool:
    """``ProactiveDisclosure | ProactiveDisclosure2019`` and the like: a union of attrs classes."""
    members = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else ()
    return len(members) > 1 and all(attrs.has(member) for member in members)


def _structure_table(data: Any, union: Any, converter: cattrs.Converter) -> Any:
    """A table of whichever class its keys are the fields of (the edition and the report's shape tell)."""
    members = typing.get_args(union)
    return converter.structure(data, max(members, key=lambda cls: _shape_score(cls, data)))


def _shape_score(cls: type, data: Any) -> tuple[bool, int]:
    """How well a dict's keys, all the way down, fit ``cls``: (exactly, how many keys fit)."""
    if not isinstance(data, dict):
        return (False, 0)
    fields = attrs.fields_dict(cls)
    exact = set(data) == set(fields)
    fitting = 0
    for name, value in data.items():
        field = fields.get(name)
        if field is None:
            continue
        fitting += 1
        group = getattr(field.default, "factory", None)
        if isinstance(group, type) and attrs.has(group):
            inner_exact, inner_fitting = _shape_score(group, value)
            exact = exact and inner_exact
            fitting += inner_fitting
    return (exact, fitting)


def _complete_fields(cls: type, converter: cattrs.Converter) -> Any:
    """A structure hook for an attrs class that also refuses missing fields.

    The model's fields have defaults (handy when building a report by hand),
    but a dict that leaves one out is damaged, not short-hand.
    """
    base: Any = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
    names = [field.name for field in attrs.fields(cls)]

    def structure(data: Any, _: type) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"应为对象，实际为{type(data).__name__}")
        for name in names:
            if name not in data:
                raise KeyError(name)
        return base(data, cls)

    return structure


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain dicts, lists, strings, ints and ``None``.

    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> data = gr.to_dict(report)
        >>> data["schema_version"], data["edition"], data["proactive"]["fees"]
        (2, '2021', '0')
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(_converter().unstructure(report))
    return data


def from_dict(data: Any) -> Report:
    """A report from its dict form; bad data raises ``SerializationError`` naming its path.

    The dict is checked against :func:`~govinfo_report.schema.json_schema` first
    (:func:`govinfo_report.schema.check`), so ``from_dict`` accepts exactly the
    documents the schema accepts (and documents of earlier schema versions, upgraded).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.from_dict(gr.to_dict(report)) == report
        True
    """
    from .schema import check, describe

    if not isinstance(data, dict):
        raise SerializationError(f"$：报告数据应为对象（dict），实际为{describe(data)}")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        if "schema_version" not in data:
            raise SerializationError(
                "这不是报告的JSON形式（缺少schema_version；应为govinfo-report parse或gr.to_json的输出）",
                path="$.schema_version",
            )
        raise SerializationError(
            f"不支持的schema_version：{printable(repr(version))[:40]}（本版本读取1至{SCHEMA_VERSION}）",
            path="$.schema_version",
        )
    body = {key: value for key, value in data.items() if key != "schema_version"}
    for older in range(version, SCHEMA_VERSION):
        body = _UPGRADES[older](body)
    check({"schema_version": SCHEMA_VERSION, **body})
    try:
        return _converter().structure(body, Report)
    except BaseValidationError as exc:  # pragma: no cover - the schema check comes first
        path, reason = _first_error(exc, "$")
        raise SerializationError(f"{path}：{reason}", path=path) from None
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - as above
        raise SerializationError(f"$：{exc!r}") from None


def _upgrade_1(body: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: ``source`` added; diagnostics gained ``severity``, ``code`` and ``location``."""
    body = {**body, "source": None}
    diagnostics = body.get("diagnostics")
    if isinstance(diagnostics, list):
        body["diagnostics"] = [_upgrade_diagnostic(item) for item in diagnostics]
    return body


def _upgrade_diagnostic(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    location = attrs.asdict(Location(line=item.get("line"), column=item.get("column")))
    return {"severity": "error", "code": "", "location": location, **item}


# How to read a document of each earlier version: the function that turns it into the next.
_UPGRADES: dict[int, Any] = {1: _upgrade_1}


def _first_error(exc: BaseException, path: str) -> tuple[str, str]:
    """The path and reason of the first leaf error in a cattrs error group."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        pairs: tuple[list[tuple[Exception, Any]], list[Exception]] = exc.group_exceptions()
        for inner, note in pairs[0]:
            name = getattr(note, "name", None)
            index = getattr(note, "index", None)
            if name is not None:
                sub = f"{path}.{name}"
            elif index is not None:
                sub = f"{path}[{index}]"
            else:
                sub = path
            return _first_error(inner, sub)
        for inner in pairs[1]:
            return _first_error(inner, path)
    if isinstance(exc, KeyError):
        return f"{path}.{exc.args[0]}" if exc.args else path, "缺少此字段"
    extra = getattr(exc, "extra_fields", None)
    if extra:
        return path, "有未知字段：" + "、".join(sorted(extra))
    return path, str(exc) or type(exc).__name__


def to_json(report: Report, indent: int | None = None) -> str:
    """The report as JSON (Chinese written as is, not escaped).

    Always encodable as UTF-8: a lone surrogate (a file name that is not UTF-8 in
    ``report.source.path``, a string built in Python) is written out as text by
    :func:`~govinfo_report.normalize.printable` (``\\xff``).


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.to_json(report)[:40]
        '{"schema_version": 2, "edition": "2021",'
    """
    return dumps(to_dict(report), indent=indent)


def dumps(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON with Chinese as is; lone surrogates written out as text (``\\xff``)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if first_invalid_character(text) is None:
        return text
    # A surrogate stands only inside a string literal of the JSON text: written out there,
    # its backslash escaped for JSON, it reads back as the text printable() gives.
    return SURROGATES.sub(lambda match: json.dumps(printable(match.group()))[1:-1], text)


def from_json(text: str | bytes) -> Report:
    """A report from JSON written by :func:`to_json`; anything else raises ``SerializationError``.

    Deeply nested arrays, numbers of thousands of digits and bytes that are not
    UTF-8 are refused like any other bad document, with the path of the value.


    Example:
        >>> import govinfo_report as gr
        >>> report = gr.parse_file("examples/zhongwei-government-office-2024.txt")
        >>> gr.from_json(gr.to_json(report)) == report
        True
    """
    from .schema import Oversized

    if not isinstance(text, str | bytes | bytearray):
        raise SerializationError(f"JSON应为文本（str或bytes），而不是{type(text).__name__}")
    try:
        data = json.loads(text, parse_int=lambda digits: _json_int(digits, Oversized))
    except RecursionError:
        raise SerializationError("不是有效的JSON：嵌套过深") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError(f"不是有效的JSON：{printable(str(exc))}") from None
    except ValueError as exc:  # pragma: no cover - what else the decoder may refuse
        raise SerializationError(f"不是有效的JSON：{printable(str(exc))}") from None
    return from_dict(data)


#: Longer JSON integers are not converted (``int()`` of thousands of digits is slow,
#: and refused past 4,300); no bounded field holds one.
_MAX_JSON_DIGITS = 30


def _json_int(digits: str, oversized: Any) -> Any:
    return int(digits) if len(digits) <= _MAX_JSON_DIGITS else oversized(digits)
