"""mkdocs hooks: the reference pages generated at build time (mkdocs.yml lists this file).

``on_files`` adds the generated pages to the site as virtual files, so nothing is
written into docs/ and a build always shows what the installed library says:

* reference/format.md — editions, tables, rows and cells (page_format.py);
* reference/rules.md — the rule registry with example messages (page_rules.py);
* reference/cli.md — the argparse definitions (page_cli.py);
* reference/api/*.md — mkdocstrings directives for ``govinfo_report.__all__`` (page_api.py);
* assets/docs.css — the site's style sheet (docs.css beside this file).

``on_page_content`` turns the Sphinx roles that docstrings use (``:class:`~x.Y```)
into plain code, since mkdocstrings does not read reST.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import page_api
import page_cli
import page_format
import page_rules
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

HERE = Path(__file__).resolve().parent
log = logging.getLogger("mkdocs.hooks.govinfo_report")


def generated_pages() -> dict[str, str]:
    """Every generated page: its path in the site's sources and its Markdown."""
    missing, unknown = page_api.missing(), page_api.unknown()
    if missing or unknown:
        raise PluginError(
            "docs/gen/page_api.py GROUPS and govinfo_report.__all__ disagree: "
            f"not documented: {', '.join(missing) or '-'}; not public or twice: {', '.join(unknown) or '-'}"
        )
    pages = {
        page_format.PATH: page_format.render(),
        page_rules.PATH: page_rules.render(),
        page_cli.PATH: page_cli.render(),
    }
    pages.update(page_api.pages())
    return pages


def on_files(files: Files, config: Any) -> Files:
    for path, markdown in generated_pages().items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} exists but is generated at build time: remove the file")
        files.append(File.generated(config, path, content=markdown))
    files.append(File.generated(config, "assets/docs.css", abs_src_path=str(HERE / "docs.css")))
    return files


# :class:`~govinfo_report.model.Applications2019` as mkdocstrings renders it.
_ROLE_HTML = re.compile(r":(?:py:)?(?:class|func|data|mod|meth|attr|exc|obj):<code>(~?)([^<]+)</code>")


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    def role(match: re.Match[str]) -> str:
        target = match.group(2)
        return f"<code>{target.rsplit('.', 1)[-1] if match.group(1) else target}</code>"

    return _ROLE_HTML.sub(role, html)
