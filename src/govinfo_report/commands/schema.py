"""``govinfo-report schema``: the JSON Schema of the dict/JSON form."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

NAME = "schema"
HELP = "输出报告JSON形式的JSON Schema（draft 2020-12）"
EXAMPLES = (
    "govinfo-report schema -o report.schema.json",
    "govinfo-report schema | python -m json.tool --sort-keys",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", help="输出文件（默认标准输出）")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from ..schema import json_schema  # (imported when the command runs: the CLI starts faster)

    out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0
