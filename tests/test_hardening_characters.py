"""Issue 10, item 7: lone surrogates and control characters, decided once at the border.

* A lone surrogate is not a character: ``parse`` refuses it with a positioned
  ``ParseError``, ``from_dict``/``from_json`` with a ``SerializationError``,
  ``from_cells`` with a ``CellsError``; a report built in Python that holds one is
  written out as text (``\\ud800``) by ``to_json`` and the Word renderer.
* Control characters (and U+FFFE/U+FFFF) are text: kept in the report, escaped by
  JSON, written by the Word renderer as their visible symbols (``␁``).
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from typing import Any

import attrs
import pytest

import govinfo_report as gr
from govinfo_report.narrative import display_width
from tests.conftest import seed_text
from tests.test_errors import line_of, replace_once

HOUSING = "002_8227bd99a070a766"  # PDF text layer: wrapped lines, so widths are measured
WRAPPED = "思想为指导，深入学习贯彻党的二十大和二十届三中全会精神，"
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff"]


def _with(character: str) -> str:
    return replace_once(seed_text(HOUSING), WRAPPED, WRAPPED[:5] + character + WRAPPED[5:])


def test_a_lone_surrogate_is_refused_where_it_stands() -> None:
    text = _with("\ud800")
    with pytest.raises(gr.ParseError) as info:
        gr.parse(text)
    error = info.value
    assert not error.reason.startswith("内部错误")
    assert "U+D800" in error.reason
    assert (error.line, error.column) == (line_of(text, WRAPPED[:5]), 6)
    assert error.excerpt == WRAPPED[:5] + "\ufffd" + WRAPPED[5:]
    str(error).encode("utf-8")  # the message itself can be printed


def test_lenient_parsing_replaces_a_lone_surrogate_and_says_where() -> None:
    """Lenient parsing reads what can be read: each lone surrogate becomes U+FFFD, and a
    warning on each line that held one names the code point and its column."""
    text = _with("\ud800")
    text = text.replace("（一）", "（一）\udcff", 1)  # a second line holding one
    report = gr.parse(text, lenient=True)
    clean = gr.parse(seed_text(HOUSING))
    assert list(gr.cells(report)) == list(gr.cells(clean))
    assert "\ufffd" in report.overview.text
    assert report.overview.text.replace("\ufffd", "") == clean.overview.text
    second = line_of(text, "（一）\udcff")
    second_column = text.splitlines()[second - 1].index("\udcff") + 1
    want = sorted([(line_of(text, WRAPPED[:5]), 6, "U+D800"), (second, second_column, "U+DCFF")])
    warnings = [d for d in report.diagnostics if d.code == "CHARACTER-INVALID"]
    assert [(d.line, d.column, d.message[4:10]) for d in warnings] == want
    assert all(d.severity == "warning" for d in warnings)
    gr.to_json(report).encode("utf-8")  # nothing left that a format cannot hold


def test_the_first_surrogate_is_named_whatever_the_line_breaks() -> None:
    with pytest.raises(gr.ParseError) as info:
        gr.parse("一\r\n二\r三\n四\udcff五")
    assert (info.value.line, info.value.column) == (4, 2)


@pytest.mark.parametrize("character", CONTROLS)
def test_control_characters_are_kept_in_the_narrative(character: str) -> None:
    report = gr.parse(_with(character))
    clean = gr.parse(seed_text(HOUSING))
    assert report.overview.text == clean.overview.text.replace(WRAPPED, WRAPPED[:5] + character + WRAPPED[5:])
    again = gr.from_json(gr.to_json(report))
    assert again == report


def _docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("character", CONTROLS)
def test_every_format_renders_a_report_with_control_characters(character: str) -> None:
    pytest.importorskip("docx")
    report = gr.parse(_with(character))
    for fmt in ("text", "markdown", "html"):
        assert character in gr.render(report, fmt)
    xml = _docx_xml(gr.render(report, "docx"))
    shown = chr(0x2400 + ord(character)) if ord(character) < 0x20 else "\ufffd"
    assert WRAPPED[:5] + shown + WRAPPED[5:] in xml


def _built_in_python(text: str) -> gr.Report:
    report = gr.parse(seed_text(HOUSING))
    overview = attrs.evolve(report.overview, paragraphs=(text, *report.overview.paragraphs))
    return attrs.evolve(report, title=text + report.title, agency=text, overview=overview)


def test_a_report_built_in_python_with_a_surrogate_is_written_out() -> None:
    pytest.importorskip("docx")
    report = _built_in_python("甲\ud800乙\udcff丙")
    xml = _docx_xml(gr.render(report, "docx"))
    assert "甲\\ud800乙\\xff丙" in xml
    loaded = gr.from_json(gr.to_json(report).encode("utf-8"))
    assert loaded.agency == "甲\\ud800乙\\xff丙"
    for fmt in ("text", "markdown", "html"):
        written = gr.render(report, fmt)
        assert "甲\\ud800乙\\xff丙" in written, fmt
        written.encode("utf-8")  # no lone surrogate left: every format can be saved


def test_a_report_built_in_python_with_control_characters_renders_as_word() -> None:
    pytest.importorskip("docx")
    report = _built_in_python("甲\x00乙\x1b丙\ufffe")
    xml = _docx_xml(gr.render(report, "docx"))
    assert "甲␀乙␛丙\ufffd" in xml


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["title"], "2024年\ud800报告", "$.title"),
        (["overview", "paragraphs", 0], "\udcff", "$.overview.paragraphs[0]"),
        (["applications", "outcomes", "total"], {"natural_person\ud800": 1}, "$.applications.outcomes.total"),
        (["reviews", "review", "upheld\udcff"], 1, "$.reviews.review"),  # an unknown key, named printably
    ],
)
def test_from_dict_refuses_lone_surrogates_with_the_path(path: list[Any], value: Any, where: str) -> None:
    data = gr.to_dict(gr.parse(seed_text(HOUSING)))
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(gr.SerializationError) as info:
        gr.from_dict(data)
    assert info.value.path.startswith(where)
    str(info.value).encode("utf-8")


def test_from_json_refuses_an_escaped_lone_surrogate() -> None:
    text = gr.to_json(gr.parse(seed_text(HOUSING))).replace('"title": "', '"title": "\\ud800', 1)
    with pytest.raises(gr.SerializationError) as info:
        gr.from_json(text)
    assert info.value.path == "$.title"
    assert "U+D800" in str(info.value)


def test_from_dict_keeps_control_characters() -> None:
    data = gr.to_dict(gr.parse(seed_text(HOUSING)))
    data["title"] = "2024年\x01政府信息公开工作年度报告\uffff"
    assert gr.from_dict(data).title == "2024年\x01政府信息公开工作年度报告\uffff"


def test_display_width_of_any_string() -> None:
    assert display_width("\ud800") == 2  # as the three UTF-8 bytes of a BMP character
    assert display_width("a中") == 3


def test_from_cells_refuses_a_surrogate_in_a_label() -> None:
    record = {"table": 3, "row": "一、本年新收\ud800", "column": "自然人", "value": 1}
    with pytest.raises(gr.CellsError) as info:
        gr.from_cells([record], agency="某局", year=2024)
    assert info.value.record == 1
    str(info.value).encode("utf-8")


def test_an_argument_that_is_not_utf8_is_refused_without_a_traceback() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "govinfo_report",
            "skeleton",
            "--agency",
            b"\xff\xfe".decode("utf-8", "surrogateescape"),
            "--year",
            "2024",
        ],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"UTF-8" in done.stderr
