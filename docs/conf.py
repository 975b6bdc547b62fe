"""Sphinx configuration: MyST Markdown pages, the API reference from the docstrings.

This file only assigns settings and defines one event handler; importing it has no
effect, so pytest's ``--doctest-modules`` may collect it harmlessly.
"""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

project = "sodertorn"
author = "The sodertorn maintainers"
copyright = "the sodertorn maintainers; population data: Statistics Sweden (SCB), CC0"
release = _version("sodertorn")
version = ".".join(release.split(".")[:2])
language = "en"

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "furo"
html_title = f"sodertorn {release}"

# Pages that arrive with the governance (agreement) and SUP (programme) modules. Listed
# in the table of contents only once they exist, so the build never refers to a missing
# page. At merge the marker in index.md can become an ordinary toctree entry.
OPTIONAL_PAGES = ("agreement", "programme")
_MARKER = "<!-- optional pages: agreement, programme -->"


def _optional_pages(app: Any, docname: str, source: list[str]) -> None:
    if docname != "index":
        return
    present = [page for page in OPTIONAL_PAGES if (Path(app.srcdir) / f"{page}.md").is_file()]
    block = (
        "```{toctree}\n:caption: The agreement and the programme\n\n"
        + "".join(f"{page}\n" for page in present)
        + "```\n"
        if present
        else ""
    )
    source[0] = source[0].replace(_MARKER, block)


def setup(app: Any) -> dict[str, bool]:
    """Register the handler that lists the optional pages that exist."""
    app.connect("source-read", _optional_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
