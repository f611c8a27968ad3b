"""Sub-commands of ``govinfo-report``, one module each.

Every module defines ``NAME``, ``HELP``, ``EXAMPLES`` (two or three command lines
that end its ``--help``), ``add_arguments(parser)`` and ``run(args, out) -> int``;
:mod:`govinfo_report.cli` lists them in ``COMMANDS``.
"""
