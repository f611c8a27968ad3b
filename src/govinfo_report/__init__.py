"""govinfo_report: China's government information-disclosure annual reports as typed data.

>>> import govinfo_report as gr
>>> report = gr.parse_file("examples/zhongwei-civil-affairs-2024.txt")
>>> report.applications.new_received.natural_person
0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .api import parse as parse
from .api import parse_document as parse_document
from .api import parse_docx as parse_docx
from .api import parse_file as parse_file
from .api import parse_html as parse_html
from .api import read_document as read_document
from .cells import CellAddress as CellAddress
from .cells import CellRecord as CellRecord
from .cells import cells as cells
from .editions import EDITIONS as EDITIONS
from .editions import Edition as Edition
from .editions import edition_for_year as edition_for_year
from .editions import get_edition as get_edition
from .errors import CellCountError as CellCountError
from .errors import CellsError as CellsError
from .errors import CellValueError as CellValueError
from .errors import DamagedPDFError as DamagedPDFError
from .errors import DecodeError as DecodeError
from .errors import EmptyInputError as EmptyInputError
from .errors import EncryptedPDFError as EncryptedPDFError
from .errors import GovInfoError as GovInfoError
from .errors import IncompatibleReportsError as IncompatibleReportsError
from .errors import InputTooLargeError as InputTooLargeError
from .errors import Location as Location
from .errors import MissingDependencyError as MissingDependencyError
from .errors import ParseError as ParseError
from .errors import ScannedPDFError as ScannedPDFError
from .errors import SerializationError as SerializationError
from .errors import UnknownEditionError as UnknownEditionError
from .errors import UnmappedTextError as UnmappedTextError
from .errors import UnsupportedFormatError as UnsupportedFormatError
from .model import ApplicantCounts as ApplicantCounts
from .model import Applications as Applications
from .model import Applications2019 as Applications2019
from .model import Diagnostic as Diagnostic
from .model import DocumentCounts2019 as DocumentCounts2019
from .model import FeeItems2019 as FeeItems2019
from .model import ItemCounts2019 as ItemCounts2019
from .model import Narrative as Narrative
from .model import NotProcessed as NotProcessed
from .model import OtherHandling as OtherHandling
from .model import Outcomes as Outcomes
from .model import Outcomes2019 as Outcomes2019
from .model import ProactiveDisclosure as ProactiveDisclosure
from .model import ProactiveDisclosure2019 as ProactiveDisclosure2019
from .model import Procurement2019 as Procurement2019
from .model import RegulationCounts as RegulationCounts
from .model import Report as Report
from .model import ReviewOutcomes as ReviewOutcomes
from .model import ReviewsAndLawsuits as ReviewsAndLawsuits
from .model import Source as Source
from .model import Subsection as Subsection
from .model import Unable as Unable
from .model import Withheld as Withheld
from .render import render as render
from .skeleton import skeleton as skeleton
from .values import Money as Money

if TYPE_CHECKING:
    from .analysis.aggregate import Aggregate as Aggregate
    from .analysis.aggregate import aggregate as aggregate
    from .analysis.compare import Comparison as Comparison
    from .analysis.compare import ComparisonFinding as ComparisonFinding
    from .analysis.compare import compare as compare
    from .analysis.corpus import CorpusCheck as CorpusCheck
    from .analysis.corpus import check_corpus as check_corpus
    from .analysis.reuse import Reuse as Reuse
    from .analysis.reuse import reuse as reuse
    from .export.csv import write_cells_csv as write_cells_csv
    from .export.frame import to_frame as to_frame
    from .export.frame import write_parquet as write_parquet
    from .export.xlsx import write_xlsx as write_xlsx
    from .fill import from_cells as from_cells
    from .render.text import text_layout_problems as text_layout_problems
    from .rules import Finding as Finding
    from .rules import validate as validate
    from .schema import json_schema as json_schema
    from .serialize import from_dict as from_dict
    from .serialize import from_json as from_json
    from .serialize import to_dict as to_dict
    from .serialize import to_json as to_json

# Loaded on first use: checking reports needs more modules than reading them.
# (``render`` and ``skeleton`` are imported above: a submodule of the same name
# would otherwise take their place once something imports it.)
_LAZY = {
    "Aggregate": "analysis.aggregate",
    "Comparison": "analysis.compare",
    "ComparisonFinding": "analysis.compare",
    "CorpusCheck": "analysis.corpus",
    "Reuse": "analysis.reuse",
    "aggregate": "analysis.aggregate",
    "check_corpus": "analysis.corpus",
    "compare": "analysis.compare",
    "reuse": "analysis.reuse",
    "to_frame": "export.frame",
    "write_cells_csv": "export.csv",
    "write_parquet": "export.frame",
    "write_xlsx": "export.xlsx",
    "Finding": "rules",
    "from_cells": "fill",
    "json_schema": "schema",
    "text_layout_problems": "render.text",
    "validate": "rules",
    "from_dict": "serialize",
    "from_json": "serialize",
    "to_dict": "serialize",
    "to_json": "serialize",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "EDITIONS",
    "Aggregate",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "CellAddress",
    "CellCountError",
    "CellRecord",
    "CellValueError",
    "CellsError",
    "Comparison",
    "ComparisonFinding",
    "CorpusCheck",
    "DamagedPDFError",
    "DecodeError",
    "Diagnostic",
    "DocumentCounts2019",
    "Edition",
    "EmptyInputError",
    "EncryptedPDFError",
    "FeeItems2019",
    "Finding",
    "GovInfoError",
    "IncompatibleReportsError",
    "InputTooLargeError",
    "ItemCounts2019",
    "Location",
    "MissingDependencyError",
    "Money",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "Outcomes2019",
    "ParseError",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "Procurement2019",
    "RegulationCounts",
    "Report",
    "Reuse",
    "ReviewOutcomes",
    "ReviewsAndLawsuits",
    "ScannedPDFError",
    "SerializationError",
    "Source",
    "Subsection",
    "Unable",
    "UnknownEditionError",
    "UnmappedTextError",
    "UnsupportedFormatError",
    "Withheld",
    "__version__",
    "aggregate",
    "cells",
    "check_corpus",
    "compare",
    "edition_for_year",
    "from_cells",
    "from_dict",
    "from_json",
    "get_edition",
    "json_schema",
    "parse",
    "parse_document",
    "parse_docx",
    "parse_file",
    "parse_html",
    "read_document",
    "render",
    "reuse",
    "skeleton",
    "text_layout_problems",
    "to_dict",
    "to_frame",
    "to_json",
    "validate",
    "write_cells_csv",
    "write_parquet",
    "write_xlsx",
]
