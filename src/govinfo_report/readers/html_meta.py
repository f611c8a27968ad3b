"""What a page states about itself: the fields of :class:`~govinfo_report.model.Source`.

Government sites print a block of metadata around an article — a table or a
line of ``名称`` / ``索引号`` / ``发布日期`` / ``发布机构`` / ``发文字号`` … — and
some put the same into ``<meta>`` tags.  These words are the sites' own, not
the report template's.  A field is set only from what the page states, never
guessed (docs/reading-web-pages.md lists the words read):

* ``index_number`` — ``索引号``;
* ``published`` — ``发布日期``, ``发布时间``, ``公开日期``, ``发文日期``, else ``时间``
  or ``日期``; the date at the start of the value, as printed (``2022-02-08``,
  ``2022年2月8日``), without the time of day; the ``<meta>`` tags ``PubDate``,
  ``publishdate``, ``firstpublishedtime``, ``article:published_time``;
* ``publisher`` — ``发布机构``, ``发布单位``, ``发布部门``, ``发文机关``, ``公开主体``,
  else ``信息来源``, ``来源`` or ``文章来源``; the ``<meta>`` tag ``ContentSource``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = [
    "CLOSING_KEYS",
    "FIELD_KEYS",
    "META_NAMES",
    "MetadataFields",
    "field_value",
    "fields_in_cells",
    "fields_in_meta",
    "fields_in_text",
    "is_field_text",
    "is_key",
    "is_metadata_cell",
]

#: The words that name each field, best first.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号",),
    "published": ("发布日期", "发布时间", "公开日期", "公开时间", "发文日期", "时间", "日期"),
    "publisher": ("发布机构", "发布单位", "发布部门", "发文机关", "公开主体", "信息来源", "来源", "文章来源"),
}
#: ``<meta name=…>`` (or ``property``) of each field, lowercased, best first.
META_NAMES: dict[str, tuple[str, ...]] = {
    "published": ("pubdate", "publishdate", "firstpublishedtime", "article:published_time"),
    "publisher": ("contentsource",),
}
#: Other words of metadata blocks: they mark a table as one, but no field is read from them.
OTHER_KEYS = (
    "名称",
    "标题",
    "文号",
    "发文字号",
    "主题分类",
    "信息分类",
    "分类",
    "主题词",
    "关键词",
    "成文日期",
    "生成日期",
    "有效性",
    "公开方式",
    "公开范围",
    "公开形式",
    "公开时限",
    "效力状态",
    "体裁分类",
    "组配分类",
    "内容概述",
    "浏览次数",
    "点击数",
    "访问量",
    "阅读次数",
    "作者",
    "责任编辑",
    "编辑",
    "字体",
    "字号",
    "分享到",
)

MetadataFields = dict[str, str]

_ALL_KEYS = sorted(
    {key for keys in FIELD_KEYS.values() for key in keys} | set(OTHER_KEYS), key=len, reverse=True
)
_SPACED = "|".join(r"\s*".join(map(re.escape, key)) for key in _ALL_KEYS)
# Every key starts with one of these: a quick refusal for the other texts (numbers, labels).
_INITIALS = frozenset(key[0] for key in _ALL_KEYS)
# A key, then a colon; the longest key is tried first (成文日期 is not 日期).
_FIELD = re.compile(rf"({_SPACED})\s*[：:]\s*")
_KEY_CELL = re.compile(rf"^(?:{_SPACED})\s*[：:]?$")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?")
# Where a value ends: wide spaces, brackets and separators around page furniture.
_VALUE_END = re.compile(r"\s{2,}|[【】\[\]|｜]|\s(?=\S+\s*[：:])")
_WHITE = re.compile(r"\s+")
_BUTTONS = re.compile(r"【[^】\n]{0,20}】|\[[^\]\n]{0,20}\]")


def _key_of(text: str) -> str:
    return _WHITE.sub("", text).rstrip("：:")


def is_key(text: str) -> bool:
    """Whether a table cell's whole text is a metadata word (``索 引 号：``)."""
    text = text.strip()
    return text[:1] in _INITIALS and _KEY_CELL.match(text) is not None


def is_metadata_cell(text: str) -> bool:
    """Whether a table cell's text is a metadata word (:func:`is_key`) or a line (:func:`is_field_text`)."""
    if text.strip()[:1] not in _INITIALS and "【" not in text and "[" not in text:
        return False  # neither can be: the quick refusal for numbers and labels
    return is_key(text) or is_field_text(text)


def field_value(field: str, value: str) -> str | None:
    """The value of a field as the page prints it; for dates the date alone; ``None`` if it is no value."""
    value = value.strip()
    if field == "published":
        date = _DATE.match(value)
        return date.group() if date else None
    end = _VALUE_END.search(value)
    value = (value[: end.start()] if end else value).strip()
    return value.split()[0] if value else None


def _field_of(key: str) -> tuple[str, int] | None:
    for field, keys in FIELD_KEYS.items():
        if key in keys:
            return field, keys.index(key)
    return None


def _best(found: Iterable[tuple[str, int, str]]) -> MetadataFields:
    best: dict[str, tuple[int, str]] = {}
    for field, rank, value in found:
        if field not in best or rank < best[field][0]:
            best[field] = (rank, value)
    return {field: value for field, (_, value) in best.items()}


def _found_in_text(text: str) -> list[tuple[str, int, str]]:
    """``(field, rank of its word, value)`` for each field a line states."""
    if "：" not in text and ":" not in text:
        return []
    matches = list(_FIELD.finditer(text))
    found = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        field = _field_of(_key_of(match.group(1)))
        if field is None:
            continue
        value = field_value(field[0], text[match.end() : end])
        if value:
            found.append((field[0], field[1], value))
    return found


def fields_in_text(text: str) -> MetadataFields:
    """The fields a line of page furniture states (``来源：某局 时间：2022-02-08 16:34``)."""
    return _best(_found_in_text(text))


def is_field_text(text: str, *, keys: frozenset[str] | None = None) -> bool:
    """Whether a whole line is metadata (``发布日期：2022-02-08　　浏览次数：12``) and nothing else.

    Page buttons in brackets (``【打印】``, ``[关闭]``) may stand among the fields.
    ``keys``: only these words count (by default, every metadata word).
    """
    text = _BUTTONS.sub(" ", text).strip() if "【" in text or "[" in text else text.strip()
    if text[:1] not in _INITIALS:
        return False
    matches = list(_FIELD.finditer(text))
    if not matches or matches[0].start() != 0:
        return False
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip()
        key = _key_of(match.group(1))
        if not value or (keys is not None and key not in keys):
            return False
        field = _field_of(key)
        if field is None:
            continue  # a word of metadata blocks that names no field of ours
        if field_value(field[0], value) is None:
            return False
        if field[0] == "published" and _DATE.sub("", value, count=1).strip().strip(":：0123456789 "):
            return False  # a date followed by more than a time of day
    return True


#: The words of lines that close an article on a site, never a report's own last line
#: (a signature's ``日期：…`` is the report's).
CLOSING_KEYS = frozenset(
    (
        *("来源", "信息来源", "文章来源", "发布时间", "发布日期", "责任编辑", "编辑", "作者"),
        *("浏览次数", "点击数", "访问量", "阅读次数", "分享到", "字体", "字号"),
    )
)


def fields_in_cells(rows: Iterable[list[str]]) -> MetadataFields:
    """The fields of a metadata table: a key cell and the cell after it, or ``key：value`` in one cell."""
    found = []
    for texts in rows:
        for at, text in enumerate(texts):
            if is_key(text):
                field = _field_of(_key_of(text))
                following = next((t for t in texts[at + 1 :] if t.strip()), "")
                if field is not None and following and not is_key(following):
                    value = field_value(field[0], following)
                    if value:
                        found.append((field[0], field[1], value))
            else:
                found += _found_in_text(text)
    return _best(found)


def fields_in_meta(metas: Mapping[str, str]) -> MetadataFields:
    """The fields the ``<meta>`` tags state (names lowercased)."""
    found: MetadataFields = {}
    for field, names in META_NAMES.items():
        for name in names:
            value = field_value(field, metas.get(name, ""))
            if value:
                found[field] = value
                break
    return found
