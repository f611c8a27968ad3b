"""Every public function and class shows how it is used, and its example runs (issue 15, item 8)."""

from __future__ import annotations

import doctest
import importlib
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
