"""Sphinx configuration: MyST Markdown pages, the API reference from the docstrings.

This file only assigns settings; importing it has no effect, so pytest's
``--doctest-modules`` may collect it harmlessly.
"""

from __future__ import annotations

from importlib.metadata import version as _version

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
