"""The API reference pages: every public name of ``govinfo_report.__all__``, grouped.

Each page lists mkdocstrings directives (``::: govinfo_report.NAME``), so the text is
the docstrings'.  :func:`missing` and :func:`unknown` say where the groups and
``__all__`` disagree; the build fails on either (docs/gen/hooks.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import govinfo_report

__all__ = ["GROUPS", "Group", "grouped", "identifier", "missing", "pages", "unknown"]


@attrs.frozen
class Group:
    """One page of the API reference."""

    slug: str
    title: str
    intro: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def path(self) -> str:
        return f"reference/api/{self.slug}.md"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for _, names in self.sections for name in names)


GROUPS: tuple[Group, ...] = (
    Group(
        "reading",
        "Reading reports",
        "From a file (the form is recognised from the content), from text, from a web page or a "
        "Word file; `read_document` and `parse_document` are the two halves of `parse_file`. "
        "See [parsing.md](../../parsing.md) and [robustness.md](../../robustness.md) for lenient mode.",
        (
            ("Files and text", ("parse_file", "parse")),
            ("Web pages and Word files", ("parse_html", "parse_docx")),
            ("The document between reader and grammar", ("read_document", "parse_document")),
        ),
    ),
    Group(
        "model",
        "The model",
        "A `Report` is a tree of frozen attrs classes; a table cell is an `int`, a `Decimal`, a "
        "`Money` or `None` (not filled in). The [format reference](../format.md) lists every cell "
        "with its attribute; [dict-form.md](../../dict-form.md) annotates the dict/JSON form.",
        (
            ("The report", ("Report", "Narrative", "Subsection", "Source", "Diagnostic")),
            (
                "Tables of the 2021 edition",
                (
                    "ProactiveDisclosure",
                    "RegulationCounts",
                    "Applications",
                    "ApplicantCounts",
                    "Outcomes",
                    "Withheld",
                    "Unable",
                    "NotProcessed",
                    "OtherHandling",
                    "ReviewsAndLawsuits",
                    "ReviewOutcomes",
                ),
            ),
            (
                "Tables of the 2019 edition",
                (
                    "ProactiveDisclosure2019",
                    "DocumentCounts2019",
                    "ItemCounts2019",
                    "FeeItems2019",
                    "Procurement2019",
                    "Applications2019",
                    "Outcomes2019",
                ),
            ),
            ("Values", ("Money",)),
            ("Editions", ("Edition", "EDITIONS", "get_edition", "edition_for_year")),
            ("Cells: the long format", ("cells", "CellRecord", "CellAddress")),
            ("The dict and JSON form", ("to_dict", "to_json", "from_dict", "from_json", "json_schema")),
        ),
    ),
    Group(
        "checking",
        "Checking reports",
        "`validate` runs the rules of the report's edition; the [rules catalogue](../rules.md) "
        "lists every rule with an example message.",
        (("Validation", ("validate", "Finding")),),
    ),
    Group(
        "writing",
        "Writing reports",
        "A skeleton in the official layout, tables filled from long-format records, output as "
        "text, Markdown, HTML or Word. See [howto-write-report.md](../../howto-write-report.md) and "
        "[rendering.md](../../rendering.md).",
        (
            ("Making a report", ("skeleton", "from_cells")),
            ("Output", ("render", "text_layout_problems")),
        ),
    ),
    Group(
        "many",
        "Many reports",
        "A directory checked at once, two years compared, text reused from last year, totals over "
        "many reports, and data frames, Parquet, Excel and CSV. See [analysis.md](../../analysis.md) "
        "and the cookbooks.",
        (
            ("Checking a directory", ("check_corpus", "CorpusCheck")),
            ("Two years of one body", ("compare", "Comparison", "ComparisonFinding", "reuse", "Reuse")),
            ("Totals", ("aggregate", "Aggregate")),
            ("Exports", ("to_frame", "write_parquet", "write_xlsx", "write_cells_csv")),
        ),
    ),
    Group(
        "errors",
        "Errors",
        "Every exception the library raises is a `GovInfoError`; see [errors.md](../../errors.md) "
        "for the tree and what a `ParseError` carries.",
        (
            ("The base class and positions", ("GovInfoError", "Location")),
            (
                "Reading",
                (
                    "ParseError",
                    "EmptyInputError",
                    "InputTooLargeError",
                    "CellCountError",
                    "CellValueError",
                    "UnmappedTextError",
                    "DecodeError",
                    "UnsupportedFormatError",
                    "ScannedPDFError",
                    "EncryptedPDFError",
                    "DamagedPDFError",
                ),
            ),
            (
                "Everything else",
                (
                    "SerializationError",
                    "CellsError",
                    "MissingDependencyError",
                    "UnknownEditionError",
                    "IncompatibleReportsError",
                ),
            ),
        ),
    ),
)

#: Public names that are not documented on a page of their own.
LEFT_OUT = frozenset({"__version__"})


def grouped() -> list[str]:
    """Every name the pages document, in page order."""
    return [name for group in GROUPS for name in group.names]


def missing() -> list[str]:
    """Public names (``govinfo_report.__all__``) that no page documents."""
    documented = set(grouped())
    return [name for name in govinfo_report.__all__ if name not in documented and name not in LEFT_OUT]


def unknown() -> list[str]:
    """Names on a page that ``govinfo_report.__all__`` does not list (or listed twice)."""
    public = set(govinfo_report.__all__)
    seen: set[str] = set()
    wrong = []
    for name in grouped():
        if name not in public or name in seen:
            wrong.append(name)
        seen.add(name)
    return wrong


def identifier(name: str) -> str:
    """The path mkdocstrings documents a public name under: where it is defined.

    ``govinfo_report.parse`` would name the module ``govinfo_report/parse.py`` (griffe
    prefers a submodule to a re-exported function of the same name: ``parse``,
    ``cells``, ``render``, ``skeleton``), so functions and classes are documented at
    their definition (``govinfo_report.api.parse``); the page shows the short name.
    """
    value = getattr(govinfo_report, name)
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and module.startswith("govinfo_report"):
        return f"{module}.{qualname}"
    return f"govinfo_report.{name}"


def _page(group: Group) -> Iterator[str]:
    yield f"# {group.title}\n"
    yield f"{group.intro}\n"
    for title, names in group.sections:
        yield f"## {title}\n"
        for name in names:
            yield f"::: {identifier(name)}\n"


def pages() -> dict[str, str]:
    """Each page's path and Markdown."""
    return {group.path: "\n".join(_page(group)) for group in GROUPS}
