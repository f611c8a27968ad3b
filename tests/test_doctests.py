"""Every public function and class shows how it is used, and its example runs (issue 15, item 8)."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import govinfo_report as gr


def _modules() -> list[ModuleType]:
    found = [gr]
    for info in pkgutil.walk_packages(gr.__path__, "govinfo_report."):
        if info.name.endswith("__main__"):
            continue
        found.append(importlib.import_module(info.name))
    return found


@pytest.mark.parametrize("module", _modules(), ids=lambda module: module.__name__)
def test_the_examples_run(module: ModuleType) -> None:
    # Run from the repository root (as CI and the README's test command do): the
    # examples read the bundled reports in examples/.
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def _docstrings() -> str:
    """Every docstring of the package: modules, and what they define (as ``doctest`` finds them)."""
    finder = doctest.DocTestFinder()
    return "\n".join(test.docstring or "" for module in _modules() for test in finder.find(module))


@pytest.mark.parametrize("name", sorted(gr.__all__))
def test_every_public_name_has_an_example(name: str) -> None:
    value = getattr(gr, name)
    if inspect.isclass(value) or inspect.isroutine(value):
        assert ">>>" in (inspect.getdoc(value) or ""), f"{name}: no >>> example in its docstring"
    else:  # data (a dict, a version string) has no docstring of its own: an example shows it
        uses = [line for line in _docstrings().splitlines() if ">>>" in line and f"gr.{name}" in line]
        assert uses, f"gr.{name}: no >>> example uses it"
