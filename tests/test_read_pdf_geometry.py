"""The PDF reader's geometry on made-up pages: lines, spaces, page numbers, paragraphs, grids, cut cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pdfplumber")

from govinfo_report.errors import Location, ParseError
from govinfo_report.readers.pdf_page import (
    Char,
    PageContent,
    Ruling,
    _display_transform,
    _straight,
    _thin_rectangle,
)
from govinfo_report.readers.pdf_tables import grids, join_continued
from govinfo_report.readers.pdf_text import Line, Paragraphs, is_page_number, lines

EM = 16.0


def write(text: str, x: float, top: float, *, em: float = EM, gap: float = 0.0) -> list[Char]:
    """Characters of ``text`` set from ``x``: CJK one em wide, Latin half an em, ``gap`` between each."""
    chars = []
    for char in text:
        width = em if ord(char) >= 0x2E80 else em / 2
        if char != " ":
            chars.append(Char(char, x, top, x + width, top + em))
        x += width + gap
    return chars


# ---------------------------------------------------------------------------
# Lines and spaces


def test_lines_top_to_bottom_left_to_right() -> None:
    chars = write("第二行", 100, 140) + write("第一行", 100, 100)
    chars.reverse()
    assert [line.text for line in lines(chars)] == ["第一行", "第二行"]


def test_a_character_drawn_twice_is_read_once() -> None:
    chars = write("加粗", 100, 100) + write("加粗", 100.3, 100)
    assert [line.text for line in lines(chars)] == ["加粗"]


def test_word_gaps_are_spaces_and_autospace_is_not() -> None:
    latin = write("and", 100, 100) + write("so", 100 + 3 * EM / 2 + 0.3 * EM, 100)
    assert lines(latin)[0].text == "and so"
    # CJK then a digit 0.2 em apart: a word processor's own gap, no space in the text.
    auto = write("年", 100, 100) + write("5", 100 + EM + 0.2 * EM, 100)
    assert lines(auto)[0].text == "年5"
    spaced = write("年", 100, 100) + write("5", 100 + EM + 0.3 * EM, 100)
    assert lines(spaced)[0].text == "年 5"


def test_justification_stretch_is_not_a_space() -> None:
    chars = write("政府信息公开", 100, 100, gap=0.3 * EM)  # every gap stretched alike
    assert lines(chars)[0].text == "政府信息公开"
    spaced = write("政府", 100, 100, gap=2.0) + write(
        "信息", 100 + 2 * EM + 2 * 2.0 + 0.25 * EM, 100, gap=2.0
    )
    assert lines(spaced)[0].text == "政府 信息"


@given(
    st.lists(
        st.text(alphabet="政府信息公开年度报告0123456789abc，。", min_size=1, max_size=30).filter(
            lambda s: s.strip() == s and "  " not in s
        ),
        min_size=1,
        max_size=12,
    )
)
def test_every_character_is_kept_in_its_line(texts: list[str]) -> None:
    chars = [char for number, text in enumerate(texts) for char in write(text, 80, 100 + 28 * number)]
    assert [line.text.replace(" ", "") for line in lines(chars)] == [text.replace(" ", "") for text in texts]


# ---------------------------------------------------------------------------
# Page numbers


@pytest.mark.parametrize(
    "text",
    [
        *("- 3 -", "— 12 —", "－3－", "第 3 页", "第3页 共6页"),
        *("共 6 页  第 3 页", "Page 3 of 6", "Page 3", "·3·", "· 3 ·", "〔3〕", "-3-"),
    ],
)
def test_page_numbers(text: str) -> None:
    (line,) = lines(write(text, 280, 400))
    assert is_page_number(line, 842)


@pytest.mark.parametrize("text", ["3", "3 / 6"])
def test_a_bare_number_is_a_page_number_only_in_the_margin(text: str) -> None:
    (bottom,) = lines(write(text, 290, 800))
    (middle,) = lines(write(text, 290, 400))
    assert is_page_number(bottom, 842)
    assert not is_page_number(middle, 842)  # (`5 / 43`: a row's values, 5, not filled in, 43)


@pytest.mark.parametrize(
    "text", ["3件", "- 3 - 件", "第三页", "2024年", "共6页", "〔2021〕30号", "Page 3 of"]
)
def test_not_page_numbers(text: str) -> None:
    (line,) = lines(write(text, 280, 800))
    assert not is_page_number(line, 842)


# ---------------------------------------------------------------------------
# Paragraphs from geometry: a column from x=80 to x=80+20 em


LEFT, WIDTH = 80.0, 20
PAGE_WIDTH = LEFT + WIDTH * EM + LEFT  # even margins


def column_lines(rows: list[tuple[str, float]], top: float = 100.0) -> list[Line]:
    out: list[Line] = []
    for number, (text, x) in enumerate(rows):
        out.extend(lines(write(text, x, top + 28 * number)))
    return out


def paragraphs_of(pages: dict[int, list[Line]]) -> list[str]:
    joiner = Paragraphs(pages, dict.fromkeys(pages, PAGE_WIDTH))
    out: list[list[Line]] = []
    previous: tuple[Line, int] | None = None
    for page, page_lines in pages.items():
        for line in page_lines:
            if previous is not None and joiner.continues(previous[0], previous[1], line, page):
                out[-1].append(line)
            else:
                out.append([line])
            previous = (line, page)
    return [Paragraphs.join([line.text for line in group]) for group in out]


FULL = "政" * WIDTH
INDENTED = "府" * (WIDTH - 2)


def test_paragraphs_end_short_and_start_indented() -> None:
    rows = [
        ("一、总体情况", LEFT + 2 * EM),
        (INDENTED, LEFT + 2 * EM),
        (FULL, LEFT),
        ("信息。", LEFT),
        (INDENTED, LEFT + 2 * EM),
        ("公开。", LEFT),
    ]
    assert paragraphs_of({1: column_lines(rows)}) == [
        "一、总体情况",
        INDENTED + FULL + "信息。",
        INDENTED + "公开。",
    ]


def test_a_full_line_before_an_indented_one_ends_its_paragraph() -> None:
    rows = [(INDENTED, LEFT + 2 * EM), (FULL, LEFT), (INDENTED, LEFT + 2 * EM), ("完。", LEFT)]
    assert paragraphs_of({1: column_lines(rows)}) == [INDENTED + FULL, INDENTED + "完。"]


def test_a_paragraph_runs_on_over_a_page_break() -> None:
    page1 = column_lines([(INDENTED, LEFT + 2 * EM), (FULL, LEFT), (FULL, LEFT)])
    page2 = column_lines([("下页。", LEFT), (INDENTED, LEFT + 2 * EM), (FULL, LEFT), ("完。", LEFT)], top=90)
    assert paragraphs_of({1: page1, 2: page2}) == [
        INDENTED + FULL + FULL + "下页。",
        INDENTED + FULL + "完。",
    ]


def test_a_long_centred_title_is_one_paragraph() -> None:
    big = EM * WIDTH / 14  # a title font: 14 characters fill the column
    title1, title2 = "某" * 14, "年度报告"
    title = lines(write(title1, LEFT, 60, em=big)) + lines(
        write(title2, LEFT + 5 * big, 60 + 1.4 * big, em=big)
    )
    rows = [(INDENTED, LEFT + 2 * EM), (FULL, LEFT), ("完。", LEFT), (FULL[:10], LEFT + 5 * EM)]
    assert paragraphs_of({1: title + column_lines(rows, top=140)}) == [
        title1 + title2,
        INDENTED + FULL + "完。",
        FULL[:10],  # a line of the text's size centred under a short one: a paragraph of its own
    ]


def test_space_between_paragraphs_ends_one() -> None:
    page = column_lines([(INDENTED, LEFT + 2 * EM), (FULL, LEFT), (FULL, LEFT)])
    page += column_lines([(FULL, LEFT), (FULL, LEFT), ("完。", LEFT)], top=100 + 3 * 28 + 20)
    assert paragraphs_of({1: page}) == [INDENTED + FULL + FULL, FULL + FULL + "完。"]


# ---------------------------------------------------------------------------
# Grids


def grid_page(
    xs: Sequence[float],
    ys: Sequence[float],
    texts: dict[tuple[int, int], str],
    *,
    skip: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
) -> PageContent:
    """A ruled grid with the given column and row edges, ``texts`` in cells (row, column)."""
    rulings = [Ruling("h", xs[0], y, xs[-1], y) for at, y in enumerate(ys) if ("h", at) not in skip]
    rulings += [Ruling("v", x, ys[0], x, ys[-1]) for x in xs]
    chars = []
    for (row, column), text in texts.items():
        top = ys[row] + 4
        for number, part in enumerate(text.split("\n")):
            chars += write(part, xs[column] + 3, top + number * (EM + 2), em=EM)
    return PageContent(1, 595, 842, tuple(chars), tuple(rulings), 0.0, 0)


def test_a_grid_and_its_cells() -> None:
    page = grid_page(
        [100, 200, 300, 400], [100, 130, 160], {(0, 0): "规章", (0, 1): "2", (1, 0): "其他", (1, 2): "9"}
    )
    (grid,) = grids(page)
    assert [(c.row, c.column, c.text) for c in grid.cells] == [
        (0, 0, "规章"),
        (0, 1, "2"),
        (0, 2, ""),
        (1, 0, "其他"),
        (1, 1, ""),
        (1, 2, "9"),
    ]
    assert grid.location(grid.cells[4]) == Location(page=1, table=1, table_row=2, table_column=2)


def test_white_or_filled_boxes_are_no_grid() -> None:
    assert (
        _thin_rectangle([((0, 0), (100, 0)), ((100, 0), (100, 40)), ((100, 40), (0, 40)), ((0, 40), (0, 0))])
        is None
    )
    assert _thin_rectangle(
        [((0, 0), (100, 0)), ((100, 0), (100, 0.5)), ((100, 0.5), (0, 0.5)), ((0, 0.5), (0, 0))]
    ) == Ruling("h", 0, 0.25, 100, 0.25)
    assert _straight(0, 0, 50, 10) is None
    page = PageContent(1, 595, 842, tuple(write("正文", 100, 100)), (), 0.0, 0)
    assert grids(page) == []


def test_a_missing_top_border_of_a_table_is_closed_by_its_verticals() -> None:
    page = grid_page(
        [100, 200, 300],
        [100, 130, 160],
        {(0, 0): "规章", (0, 1): "1", (1, 0): "其他", (1, 1): "2"},
        skip={("h", 0)},
    )
    (grid,) = grids(page)
    assert [c.text for c in grid.cells] == ["规章", "1", "其他", "2"]


def test_a_cell_without_its_top_border_holding_two_values_is_two_cells() -> None:
    xs, ys = [100, 200, 300], [100, 130, 160]
    rulings = [
        Ruling("h", 100, 100, 300, 100),
        Ruling("h", 100, 130, 200, 130),
        Ruling("h", 100, 160, 300, 160),
    ]
    rulings += [Ruling("v", x, 100, x, 160) for x in xs]
    chars = write("规章", 103, 104) + write("其他", 103, 134) + write("7", 203, 104) + write("8", 203, 134)
    (grid,) = grids(PageContent(1, 595, 842, tuple(chars), tuple(rulings), 0.0, 0))
    assert [(c.row, c.column, c.text) for c in grid.cells] == [
        (0, 0, "规章"),
        (0, 1, "7"),
        (1, 0, "其他"),
        (1, 1, "8"),
    ]
    del ys


def test_a_merged_label_cell_is_not_cut() -> None:
    xs = [100, 140, 300, 350]
    rulings = [
        Ruling("h", 100, 100, 350, 100),
        Ruling("h", 140, 130, 350, 130),
        Ruling("h", 100, 160, 350, 160),
    ]
    rulings += [Ruling("v", x, 100, x, 160) for x in xs]
    chars = write("三", 103, 104) + write("本", 103, 134) + write("甲", 143, 104) + write("乙", 143, 134)
    chars += write("1", 303, 104) + write("2", 303, 134)
    (grid,) = grids(PageContent(1, 595, 842, tuple(chars), tuple(rulings), 0.0, 0))
    assert grid.cells[0].text == "三\n本"
    assert grid.cells[0].rows == 2


def test_a_number_wrapped_in_a_narrow_cell_is_one_number() -> None:
    xs, ys = [100, 200, 200 + 5 * EM / 2 + 6], [100, 150]
    page = grid_page(xs, ys, {(0, 0): "规章", (0, 1): "12345\n678"})
    (grid,) = grids(page)
    assert grid.cells[1].text == "12345678"
    wide = grid_page([100, 200, 400], ys, {(0, 0): "规章", (0, 1): "1\n2"})
    assert grids(wide)[0].cells[1].text == "1\n2"  # two short lines: not one wrapped number


def test_text_between_cells_is_refused() -> None:
    rulings = [
        Ruling("h", 100, 100, 300, 100),
        Ruling("h", 100, 130, 300, 130),
        Ruling("h", 100, 160, 200, 160),
    ]
    rulings += [
        Ruling("v", 100, 100, 100, 160),
        Ruling("v", 200, 100, 200, 160),
        Ruling("v", 300, 100, 300, 130),
    ]
    chars = write("规章", 103, 104) + write("孤", 250, 140)
    with pytest.raises(ParseError, match="不在任何单元格内") as info:
        grids(PageContent(1, 595, 842, tuple(chars), tuple(rulings), 0.0, 0))
    assert info.value.location == Location(page=1, table=1)


def test_too_many_rulings_is_refused() -> None:
    rulings = tuple(Ruling("h", 0, float(y), 10, float(y)) for y in range(2000))
    with pytest.raises(ParseError, match="线") as info:
        grids(PageContent(3, 595, 842, (), rulings, 0.0, 0))
    assert info.value.location == Location(page=3)


def test_too_many_crossings_is_refused_at_once() -> None:
    """A 50 x 50 lattice: 2,601 crossings, whose boxes would take seconds to find."""
    rulings = [Ruling("h", 0, 10.0 * i, 500, 10.0 * i) for i in range(51)]
    rulings += [Ruling("v", 10.0 * i, 0, 10.0 * i, 500) for i in range(51)]
    with pytest.raises(ParseError, match="交点") as info:
        grids(PageContent(2, 595, 842, (), tuple(rulings), 0.0, 0))
    assert info.value.location == Location(page=2)


# ---------------------------------------------------------------------------
# A table broken by a page break

GROUP_X = [100, 140, 300, 350]  # group column 40 wide: two CJK characters a line


def part(rows: list[tuple[str, str, str]]) -> object:
    ys = [100 + 40 * at for at in range(len(rows) + 1)]
    texts: dict[tuple[int, int], str] = {}
    for at, (group, label, value) in enumerate(rows):
        if group:
            texts[(at, 0)] = group
        texts[(at, 1)] = label
        texts[(at, 2)] = value
    (grid,) = grids(grid_page(GROUP_X, ys, texts))
    return grid


def test_a_group_cell_cut_by_the_page_break_is_joined() -> None:
    before = part([("（四\n无法", "1.本机关", "5")])  # the group's last line is full: its text runs on
    after = part([("提供", "2.没有", "6"), ("", "3.补正", "7")])
    joined_before, joined_after = join_continued(before, before, after)  # type: ignore[arg-type]
    assert joined_before.cells[0].text.replace("\n", "") == "（四无法提供"
    assert joined_after.cells[0].text == ""
    assert [c.text for c in joined_after.cells[1:3]] == ["2.没有", "6"]


def test_a_group_ending_at_the_page_break_is_not_joined() -> None:
    before = part([("（三\n公", "8.属于", "5")])  # last line not full: the label ended there
    after = part([("（四\n无法", "1.本机关", "6")])
    assert join_continued(before, before, after) == (before, after)  # type: ignore[arg-type]


def test_a_full_label_that_stops_short_of_its_foot_ended_there() -> None:
    """A label centred in a tall box ended at the break, however full its last line."""
    ys = [100, 200]
    upper = grids(grid_page(GROUP_X, ys, {(0, 0): "（四\n无法", (0, 1): "1.本机关", (0, 2): "5"}))[0]
    lower = part([("（五\n不予", "1.信访", "6")])
    assert join_continued(upper, upper, lower) == (upper, lower)  # type: ignore[arg-type]


def test_row_labels_are_never_joined() -> None:
    before = part([("（四\n无法", "1.本机", "5")])
    after = part([("", "2.没有", "6")])
    joined_before, joined_after = join_continued(before, before, after)  # type: ignore[arg-type]
    assert joined_before.cells[1].text == "1.本机"
    assert joined_after.cells[1].text == "2.没有"


def test_a_row_cut_by_the_page_break_is_joined() -> None:
    # The label column holds nine characters a line: the row's label runs on; its value is here.
    before = part([("（四\n无法", "本机关不掌握相关政", "5")])
    after = part([("", "府信息", ""), ("", "没有", "6")])
    joined_before, joined_after = join_continued(before, before, after)  # type: ignore[arg-type]
    assert [c.text for c in joined_before.cells] == ["（四\n无法", "本机关不掌握相关政府信息", "5"]
    assert [c.text for c in joined_after.row(0)] == ["", "", ""]
    assert [c.text for c in joined_after.row(1)] == ["", "没有", "6"]


def test_two_rows_with_values_are_never_one() -> None:
    before = part([("", "本机关不掌握相关政", "5")])
    after = part([("", "府信息", "6")])
    assert join_continued(before, before, after) == (before, after)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Rotated pages


@pytest.mark.parametrize(
    ("rotation", "expected"),
    [(0, (10.0, 180.0)), (90, (20.0, 10.0)), (180, (90.0, 20.0)), (270, (180.0, 90.0))],
)
def test_display_coordinates(rotation: int, expected: tuple[float, float]) -> None:
    # A 100 x 200 page; the point 10 from the left and 20 from the bottom of the unrotated page.
    transform = _display_transform(0, 0, 100, 200, rotation)
    assert transform(10, 20) == expected


# ---------------------------------------------------------------------------
# Property: paragraphs laid out as a word processor does come back as they were

_TEXT = "政府信息公开年度报告本机关办理申请主动依法规范平台监督保障，。、；：“”《》0123456789"


def _wrap(paragraph: str) -> list[str]:
    """A paragraph's lines as a word processor sets them: a run of digits is one word, an opening
    bracket stays with what follows it; the first line is two characters shorter (its indent)."""
    words = re.findall(r"[0-9]+|[“《][0-9]+|[“《].|.", paragraph)
    out, line, room = [], "", WIDTH - 2
    for word in words:
        if len(line) + len(word) > room:
            out.append(line)
            line, room = "", WIDTH
        line += word
    return [*out, line] if line else out


def _short_numbers(text: str) -> str:
    """No run of more than ten digits (a word longer than half a line does not occur here)."""
    return re.sub(
        r"[0-9]{11,}",
        lambda m: "政".join(m.group(0)[at : at + 10] for at in range(0, len(m.group(0)), 10)),
        text,
    )


_PARAGRAPH = st.text(alphabet=_TEXT, min_size=1, max_size=70).map(_short_numbers)
_LONG = st.text(alphabet=_TEXT, min_size=WIDTH + 1, max_size=70).map(_short_numbers)


@given(
    st.tuples(st.lists(_PARAGRAPH, max_size=7), _LONG, st.integers(0, 7)).map(
        lambda data: [*data[0][: data[2]], data[1], *data[0][data[2] :]]
    ),
    st.lists(st.integers(1, 40), max_size=3),
)
def test_wrapped_paragraphs_come_back(paragraphs: list[str], breaks: list[int]) -> None:
    """Lines filled as far as the next word allows, a two-character first-line indent; pages
    break after any line."""
    printed: list[tuple[str, float]] = []
    for paragraph in paragraphs:
        for number, text in enumerate(_wrap(paragraph)):
            printed.append((text, LEFT + (2 * EM if number == 0 else 0)))
    pages: dict[int, list[Line]] = {}
    page, row = 1, 0
    cuts = {sum(breaks[: at + 1]) for at in range(len(breaks))}
    for number, (text, x) in enumerate(printed):
        if number in cuts:
            page, row = page + 1, 0
        pages.setdefault(page, []).extend(lines(_cjk_width(text, x, 100 + 28 * row)))
        row += 1
    assert paragraphs_of(pages) == paragraphs


def _cjk_width(text: str, x: float, top: float) -> list[Char]:
    """``text`` with every character one em wide (a CJK font's digits and punctuation too)."""
    return [Char(char, x + at * EM, top, x + (at + 1) * EM, top + EM) for at, char in enumerate(text)]


def test_the_first_word_ends_at_a_space() -> None:
    (line,) = lines(write("12", 100, 100) + write("34", 100 + EM + 0.3 * EM, 100))
    assert line.text == "12 34"
    assert line.first_word_width() == EM  # "12": two half-em digits


def test_a_line_sticking_out_does_not_move_the_column() -> None:
    rows = [
        (INDENTED, LEFT + 2 * EM),
        (FULL, LEFT),
        (FULL + "http", LEFT),  # a long word sticking out past the edge
        (FULL, LEFT),
        ("完。", LEFT),
        (INDENTED, LEFT + 2 * EM),
        (FULL, LEFT),
        ("止。", LEFT),
    ]
    assert paragraphs_of({1: column_lines(rows)}) == [
        INDENTED + FULL + FULL + "http" + FULL + "完。",
        INDENTED + FULL + "止。",
    ]


# ---------------------------------------------------------------------------
# Borders drawn double


def doubled(page: PageContent, gap: float) -> PageContent:
    """``page`` with every ruling drawn twice, ``gap`` apart, each cell's inner line stopping at
    the inner line across it (as Word and LibreOffice draw a double border)."""
    rulings: list[Ruling] = []
    for r in page.rulings:
        if r.orientation == "h":
            rulings += [Ruling("h", r.x0, r.top - gap / 2, r.x1, r.top - gap / 2)]
            rulings += [Ruling("h", r.x0 + gap / 2, r.top + gap / 2, r.x1 - gap / 2, r.top + gap / 2)]
        else:
            rulings += [Ruling("v", r.x0 - gap / 2, r.top, r.x0 - gap / 2, r.bottom)]
            rulings += [Ruling("v", r.x0 + gap / 2, r.top + gap / 2, r.x0 + gap / 2, r.bottom - gap / 2)]
    return attrs.evolve(page, rulings=tuple(rulings))


@pytest.mark.parametrize("gap", [1.5, 3.0, 4.1])
def test_a_table_drawn_with_double_borders_is_one_grid(gap: float) -> None:
    single = grid_page(
        [100, 200, 300, 400], [100, 130, 160], {(0, 0): "规章", (0, 1): "2", (1, 0): "其他", (1, 2): "9"}
    )
    (grid,) = grids(doubled(single, gap))
    assert [(c.row, c.column, c.text) for c in grid.cells] == [
        (c.row, c.column, c.text) for c in grids(single)[0].cells
    ]


def test_two_close_rules_with_text_between_are_two_borders() -> None:
    """A row 4 pt high holding text is a row (however odd): its rules are not one border."""
    page = grid_page([100, 200, 300], [100, 130, 134, 160], {(0, 0): "规章", (2, 0): "其他"})
    small = write("1", 210, 130.5, em=3.0)  # a character 3 pt high between the close rules
    (grid,) = grids(attrs.evolve(page, chars=page.chars + tuple(small)))
    assert grid.row_count == 3
    assert grid.row(1)[1].text == "1"


def test_a_numbered_label_below_a_full_one_is_a_row_of_its_own() -> None:
    """``4.无正当理由…`` fills its line at the foot of a page and ``5.要求…`` starts the next,
    each with a number that fills its narrow column: two labels, two rows (the numbers are
    never joined into one)."""
    xs, ys = [100, 140, 300, 330], [100, 140]

    def one_row(label: str, value: str) -> Any:
        return grids(grid_page(xs, ys, {(0, 1): label, (0, 2): value}))[0]

    before, after = one_row("4.无正当理由大量反", "191"), one_row("5.要求确认", "201")
    assert join_continued(before, before, after) == (before, after)
    # A label running on without a number of its own is still joined (the rule is the number).
    running_before, running_after = one_row("4.无正当理由大量反", "191"), one_row("复申请", "201")
    assert join_continued(running_before, running_before, running_after) != (running_before, running_after)
