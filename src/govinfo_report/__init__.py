"""govinfo_report: China's government information-disclosure annual reports as typed data.

>>> import govinfo_report as gr
>>> report = gr.parse_file("examples/zhongwei-civil-affairs-2024.txt")
>>> report.applications.new_received.natural_person
0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .api import from_dict as from_dict
from .api import from_json as from_json
from .api import parse as parse
from .api import parse_document as parse_document
from .api import parse_docx as parse_docx
from .api import parse_file as parse_file
from .api import parse_html as parse_html
from .api import read_document as read_document
from .api import to_dict as to_dict
from .api import to_json as to_json
from .cells import CellAddress as CellAddress
from .cells import CellRecord as CellRecord
from .cells import cells as cells
from .editions import EDITIONS as EDITIONS
from .editions import Edition as Edition
from .editions import get_edition as get_edition
from .errors import CellCountError as CellCountError
from .errors import CellsError as CellsError
from .errors import CellValueError as CellValueError
from .errors import DamagedPDFError as DamagedPDFError
from .errors import DecodeError as DecodeError
from .errors import EmptyInputError as EmptyInputError
from .errors import EncryptedPDFError as EncryptedPDFError
from .errors import GovInfoError as GovInfoError
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
from .model import Diagnostic as Diagnostic
from .model import Narrative as Narrative
from .model import NotProcessed as NotProcessed
from .model import OtherHandling as OtherHandling
from .model import Outcomes as Outcomes
from .model import ProactiveDisclosure as ProactiveDisclosure
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

if TYPE_CHECKING:
    from .fill import from_cells as from_cells
    from .render.text import text_layout_problems as text_layout_problems
    from .rules import Finding as Finding
    from .rules import validate as validate
    from .schema import json_schema as json_schema

# Loaded on first use: checking reports needs more modules than reading them.
# (``render`` and ``skeleton`` are imported above: a submodule of the same name
# would otherwise take their place once something imports it.)
_LAZY = {
    "Finding": "rules",
    "from_cells": "fill",
    "json_schema": "schema",
    "text_layout_problems": "render.text",
    "validate": "rules",
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
    "ApplicantCounts",
    "Applications",
    "CellAddress",
    "CellCountError",
    "CellRecord",
    "CellValueError",
    "CellsError",
    "DamagedPDFError",
    "DecodeError",
    "Diagnostic",
    "Edition",
    "EmptyInputError",
    "EncryptedPDFError",
    "Finding",
    "GovInfoError",
    "InputTooLargeError",
    "Location",
    "MissingDependencyError",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "Outcomes",
    "ParseError",
    "ProactiveDisclosure",
    "RegulationCounts",
    "Report",
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
    "cells",
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
    "skeleton",
    "text_layout_problems",
    "to_dict",
    "to_json",
    "validate",
]
