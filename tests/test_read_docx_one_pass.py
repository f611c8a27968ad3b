"""The one pass over a Word table (``docx_grid._one_pass``) against its references.

Two references: the element-by-element walk (``docx_grid.table_rows(..., way="walk")``), which
reads everything the reader reads, and the one pass as it was before it was rewritten for speed
(:func:`_previous_pass` below, kept verbatim apart from returning the new row shape), on every
table of the Word fixtures, of the seeds and of generated reports rendered to Word, and on
generated tables holding the constructs the pass meets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.readers import docx_grid, docx_package, wordml
from govinfo_report.readers.docx_grid import GridRow
from govinfo_report.readers.docx_numbering import Numbering
from govinfo_report.testing import reports
from tests.conftest import FIXTURES, SEED_NAMES, seed_text
from tests.test_read_docx import W_NS, package

pytest.importorskip("lxml")

WORD_FILES = sorted(
    [
        *(FIXTURES / "docx").glob("*.docx"),
        *(FIXTURES / "web2").glob("*.docx"),
        *(FIXTURES / "audit").glob("*.docx"),
        FIXTURES / "real" / "word-template.docx",
    ]
)


def rendered(report: gr.Report) -> bytes:
    data = gr.render(report, "docx")
    assert isinstance(data, bytes)
    return data


# ---------------------------------------------------------------------------
# The pass before the rewrite (the commit before "docx_grid: one pass …"), as the reference.


# The elements the previous pass looked at (complex fields' characters were not among them).
_PREVIOUS_TAGS = (
    *(wordml.TR, wordml.TC, wordml.GRID_BEFORE, wordml.GRID_SPAN, wordml.V_MERGE, wordml.H_MERGE),
    *(wordml.P, wordml.T, *wordml.RUN_TEXT),
)


def _previous_pass(table: Any, numbering: Numbering) -> list[GridRow] | None:
    marks: tuple[str, ...] = ()
    if numbering.walk_marks:
        marks = (wordml.NUM_PR, wordml.PSTYLE) if numbering.linked else (wordml.NUM_PR,)
    found: list[tuple[list[int], list[list[Any]]]] = []
    row: tuple[list[int], list[list[Any]]] = ([0], [])
    cell: list[Any] = [1, False, False, []]  # span, vertical, horizontal, paragraphs
    texts: list[str] = cell[3]
    for element in table.iter(*_PREVIOUS_TAGS, *marks):
        tag = element.tag
        if tag == wordml.T:
            texts[-1] += element.text or ""
        elif tag == wordml.P:
            texts = cell[3]
            texts.append("")
        elif tag == wordml.TC:
            cell = [1, False, False, []]
            row[1].append(cell)
        elif tag == wordml.PSTYLE:
            if element.get(wordml.VAL) in numbering.linked:
                return None
        elif tag == wordml.TR:
            row = ([0], [])
            found.append(row)
        elif tag == wordml.GRID_SPAN:
            cell[0] = max(docx_grid._int(element, 1), 1)
        elif tag == wordml.V_MERGE:
            cell[1] = docx_grid._continues(element)
        elif tag == wordml.H_MERGE:
            cell[2] = docx_grid._continues(element)
        elif tag == wordml.GRID_BEFORE:
            row[0][0] = max(docx_grid._int(element, 0), 0)
        elif tag == wordml.NUM_PR:
            return None
        else:
            texts[-1] += wordml.RUN_TEXT[tag]
    return [(before[0], [("\n".join(c[3]), c[0], c[1], c[2]) for c in cells]) for before, cells in found]


def _previous_way(table: Any) -> bool:
    """Whether the reader before the rewrite tried the pass on ``table``."""
    nested = table.iter(wordml.TBL)
    next(nested)
    return next(nested, None) is None and next(table.iter(*docx_grid._NEEDS_WALK), None) is None


def _tables(data: bytes) -> tuple[list[Any], Numbering]:
    package_ = docx_package.open_package(data)
    return list(package_.body.iter(wordml.TBL)), Numbering.of(package_)


def _compare(data: bytes) -> int:
    """Check every table of a Word file; the number of tables the new pass read."""
    tables, numbering = _tables(data)
    read = 0
    for table in tables:
        way = docx_grid.way_to_read(table, numbering)
        if not _previous_way(table):
            assert way != "pass"
            continue
        before = _previous_pass(table, numbering)
        now = docx_grid._one_pass(table, numbering) if way == "pass" else None
        assert now == before
        walked = docx_grid.table_rows(table, Numbering(), way="walk") if now is not None else None
        assert walked == now
        read += now is not None
    return read


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_the_pass_reads_every_fixture_table_as_before(path: Path) -> None:
    _compare(path.read_bytes())


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_pass_reads_the_seeds_as_before(name: str) -> None:
    assert _compare(rendered(gr.parse(seed_text(name)))) == 3  # each of the three tables, in the pass


@pytest.mark.slow
@settings(max_examples=10, deadline=None)  # rendering a Word file takes 0.5-2 s: 10 examples
@given(reports())
def test_the_pass_reads_generated_reports_as_before(report: gr.Report) -> None:
    assert _compare(rendered(report)) >= 3


# ---------------------------------------------------------------------------
# Generated tables: the constructs of a table's XML, in and out of their places.

TEXTS = st.sampled_from(["", "项目", "12", " 3 ", "1 2", "—", "合计（件）", "a|b"])


@st.composite
def runs(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 3))):
        content = draw(
            st.lists(
                st.one_of(
                    TEXTS.map(lambda text: f'<w:t xml:space="preserve">{text}</w:t>'),
                    st.sampled_from(["<w:t/>", "<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>"]),
                ),
                max_size=3,
            )
        )
        run = "<w:r><w:rPr><w:b/></w:rPr>" + "".join(content) + "</w:r>"
        wrapper = draw(
            st.sampled_from(
                ["{}", '<w:hyperlink w:history="1">{}</w:hyperlink>', "<w:smartTag>{}</w:smartTag>"]
            )
        )
        pieces.append(wrapper.format(run))
    return "".join(pieces)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    style = draw(
        st.sampled_from(
            ["", '<w:pPr><w:pStyle w:val="表格"/></w:pPr>', '<w:pPr><w:jc w:val="center"/></w:pPr>']
        )
    )
    return f"<w:p>{style}{draw(runs())}</w:p>"


@st.composite
def cells(draw: st.DrawFn, misplaced: bool) -> str:
    properties = "".join(
        draw(
            st.lists(
                st.sampled_from(
                    [
                        '<w:tcW w:w="100" w:type="dxa"/>',
                        '<w:gridSpan w:val="2"/>',
                        '<w:gridSpan w:val="x"/>',
                        "<w:vMerge/>",
                        '<w:vMerge w:val="restart"/>',
                        "<w:hMerge/>",
                        '<w:hMerge w:val="restart"/>',
                    ]
                ),
                max_size=3,
            )
        )
    )
    content = "".join(draw(st.lists(paragraphs(), max_size=3)))
    if misplaced:
        # What Word does not write: a run before the cell's first paragraph, the cell's
        # properties after its text.
        content = draw(st.sampled_from([draw(runs()) + content, content + f"<w:tcPr>{properties}</w:tcPr>"]))
    cell = f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"
    if draw(st.booleans()):
        cell = f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{cell}</w:sdtContent></w:sdt>'
    return cell


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, bool]:
    """A table's XML, and whether it holds something out of its place."""
    rows = []
    anywhere_misplaced = False
    for _ in range(draw(st.integers(0, 4))):
        misplaced = draw(st.integers(0, 9)) == 0
        anywhere_misplaced |= misplaced
        before = draw(st.sampled_from(["", '<w:gridBefore w:val="1"/>', '<w:gridBefore w:val="-2"/>']))
        row_cells = "".join(draw(st.lists(cells(misplaced), max_size=4)))
        stray = draw(
            st.sampled_from([p for p in ("<w:p><w:r><w:t>1</w:t></w:r></w:p>", "") if misplaced or not p])
        )
        rows.append(f"<w:tr><w:trPr>{before}</w:trPr>{stray}{row_cells}</w:tr>")
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(rows) + "</w:tbl>", anywhere_misplaced


def _reading(data: bytes) -> object:
    """What is read from ``data``: the document (its problems as their messages and places),
    or the error it raises."""
    try:
        document = gr.read_document(data, form="docx")
    except gr.ParseError as error:
        return type(error), str(error), error.location
    problems = [
        (str(problem), problem.location, problem.line, problem.column) for problem in document.problems
    ]
    return document.text, document.origins, document.source, problems


def _walked(data: bytes) -> object:
    """The reading with the pass switched off: every table walked."""
    with mock.patch.object(docx_grid, "_one_pass", return_value=None):
        return _reading(data)


@settings(max_examples=200)
@given(tables())
def test_the_pass_gives_the_rows_of_the_walk_or_gives_way_to_it(drawn: tuple[str, bool]) -> None:
    xml, misplaced = drawn
    (table,), numbering = _tables(package(xml))
    now = docx_grid._one_pass(table, numbering)
    if not misplaced:
        assert now is not None
        assert now == _previous_pass(table, numbering)
    if now is not None:
        assert now == docx_grid.table_rows(table, numbering, way="walk")
    assert _reading(package(xml)) == _walked(package(xml))


def test_text_before_the_first_paragraph_of_a_table_is_read_as_the_walk_reads_it() -> None:
    """The pass used to stop on it with Python's own IndexError; now the walk reads the table."""
    data = package(
        "<w:tbl><w:tr><w:tc><w:r><w:t>1</w:t></w:r><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    (table,), numbering = _tables(data)
    assert docx_grid._one_pass(table, numbering) is None
    assert _reading(data) == _walked(data)
    assert gr.read_document(data, form="docx").text.endswith("项目 | 2")


def test_text_before_the_first_paragraph_of_a_cell_is_not_given_to_the_cell_before() -> None:
    """The pass used to join such a run to the cell on its left (``项目5``)."""
    data = package(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:r><w:t>5</w:t></w:r><w:p/></w:tc></w:tr></w:tbl>"
    )
    (table,), numbering = _tables(data)
    assert docx_grid._one_pass(table, numbering) is None
    assert _reading(data) == _walked(data)
    assert "项目5" not in gr.read_document(data, form="docx").text


def test_a_numbered_paragraph_sends_the_table_to_the_walk() -> None:
    numbering_xml = (
        f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:pStyle w:val="列表"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    numbered = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>甲</w:t></w:r></w:p>"
    )
    styled = '<w:p><w:pPr><w:pStyle w:val="列表"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>'
    plain = '<w:p><w:pPr><w:pStyle w:val="正文"/></w:pPr><w:r><w:t>丙</w:t></w:r></w:p>'
    for paragraph, way in ((numbered, "walk"), (styled, "pass"), (plain, "pass")):
        xml = f"<w:tbl><w:tr><w:tc>{paragraph}</w:tc></w:tr></w:tbl>"
        (table,), numbering = _tables(package(xml, extra={"word/numbering.xml": numbering_xml}))
        assert docx_grid.way_to_read(table, numbering) == way
        if way == "pass":  # a paragraph in a style linked to a list: the pass gives way to the walk
            assert (docx_grid._one_pass(table, numbering) is None) == (paragraph == styled)
