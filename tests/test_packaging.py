"""The package as users get it: the wheel, a clean install, the sdist (issue 15 items 9 and 10).

Every test here builds something or makes a virtual environment, so all are ``slow``
(``pytest -m "not slow"`` leaves them out; CI runs them).  pip works offline against
the local index, as everywhere in this project.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhongwei-government-office-2024.txt"
tomllib = pytest.importorskip("tomllib")  # Python 3.11 on
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


def _build(kind: str, out: Path) -> Path:
    """``python -m build --wheel`` or ``--sdist`` of this checkout into ``out``."""
    subprocess.run(
        [sys.executable, "-m", "build", f"--{kind}", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("*.whl" if kind == "wheel" else "*.tar.gz")
    return built


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build("wheel", tmp_path_factory.mktemp("wheel"))


def test_the_license_file_is_the_license_pyproject_names() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_metadata_urls_and_classifiers() -> None:
    project = PYPROJECT["project"]
    assert set(project["urls"]) >= {"Documentation", "Source", "Changelog"}
    classifiers = project["classifiers"]
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert any(c.startswith("Intended Audience :: ") for c in classifiers)
    assert any(c.startswith("Topic :: ") for c in classifiers)
    assert "Operating System :: OS Independent" in classifiers
    # one classifier for each supported Python version, from requires-python's minimum on
    assert project["requires-python"] == ">=3.10"
    versions = [
        c.rsplit(" ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")
    ]
    assert versions == ["3.10", "3.11", "3.12", "3.13"]


def test_the_wheel_has_the_grammar_py_typed_and_the_license(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        message = email.message_from_bytes(archive.read(metadata))
    assert "govinfo_report/grammar/govinfo_report.lark" in names
    assert "govinfo_report/py.typed" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert message["License-Expression"] == "MIT"
    urls = {value.split(",", 1)[0] for value in message.get_all("Project-URL") or []}
    assert urls == {"Documentation", "Source", "Changelog"}
    assert message["Version"] == gr.__version__


def test_the_wheel_installs_into_a_clean_venv_and_runs(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    command = bin_dir / "govinfo-report"
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert version.stdout == f"govinfo-report {gr.__version__}\n"
    cells = subprocess.run(
        [str(command), "parse", str(EXAMPLE), "--format", "cells"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,  # not the checkout: the grammar must come from the installed wheel
    )
    lines = cells.stdout.splitlines()
    assert lines[0] == "table,row,column,value"
    assert len(lines) == 201  # 200 cells of the 2021 layout
    assert "3,一、本年新收政府信息公开申请数量,自然人,29" in lines
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import govinfo_report; print(govinfo_report.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert str(env_dir) in where.stdout


def test_the_sdist_holds_the_tests_and_they_pass_from_it(tmp_path: Path) -> None:
    sdist = _build("sdist", tmp_path / "dist")
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(tmp_path / "unpacked", filter="data")
        else:  # Python before 3.10.12 / 3.11.4: our own archive, just built
            archive.extractall(tmp_path / "unpacked")
    (top,) = (tmp_path / "unpacked").iterdir()
    for needed in (
        "LICENSE",
        "pyproject.toml",
        "grammar/govinfo_report.lark",
        "tests/conftest.py",
        "examples",
    ):
        assert (top / needed).exists(), needed
    assert list((top / "tests" / "fixtures" / "seeds").glob("*.txt"))
    # The quick loop, run from the unpacked sdist against its own source (PYTHONPATH first).
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow", "-x"],
        cwd=top,
        env={**os.environ, "PYTHONPATH": str(top / "src")},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
