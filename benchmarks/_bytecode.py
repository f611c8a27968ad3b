"""Start-up benchmarks measure the package as pip installs it: with its modules' bytecode.

pip byte-compiles a wheel's modules when it installs them, and Python writes the bytecode of an
editable install on first import — unless ``PYTHONDONTWRITEBYTECODE`` is set (as on the project's
shared machines), when every fresh process compiles all of the package's sources again (~90 ms
here).  :func:`compile_package` writes the bytecode once, before the fresh processes are timed.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import govinfo_report


def compile_package() -> str:
    """Byte-compile the ``govinfo_report`` that fresh processes will import; says what was done."""
    package = Path(govinfo_report.__file__).parent
    compileall.compile_dir(package, quiet=1)
    return f"(bytecode of {package} written first, as pip does at install)"
