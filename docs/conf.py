"""Sphinx configuration: MyST Markdown pages, the API reference from the docstrings."""

from __future__ import annotations

import zlib
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.ext.intersphinx import missing_reference

if TYPE_CHECKING:
    from docutils.nodes import Element, TextElement
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

project = "sodertorn"
author = "The sodertorn maintainers"
copyright = "the sodertorn maintainers; population data: Statistics Sweden (SCB), CC0"
release = _version("sodertorn")
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinxarg.ext",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True
# No "show-inheritance" key at all: autodoc turns the option on by its presence.
autodoc_default_options = {"members": True}

html_theme = "furo"
html_title = f"sodertorn {release}"

nitpicky = True
# Type variables have no page of their own.
nitpick_ignore = [
    ("py:class", "K"),
    ("py:class", "sodertorn.allocation.K"),
    ("py:class", "sodertorn.testing._values.K"),
    ("py:class", "sodertorn.errors._E"),
    ("py:class", "sodertorn.errors._S"),
]

# -- intersphinx ---------------------------------------------------------------------------
# Each project's own inventory first; where the build has no network, a small inventory of
# the names these pages refer to, written below with the same addresses, so that the
# build links them and checks every reference either way.

_FALLBACK: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "python": (
        "https://docs.python.org/3",
        {
            "datetime.date": ("py:class", "library/datetime.html#$"),
            "decimal.Decimal": ("py:class", "library/decimal.html#$"),
            "enum.Enum": ("py:class", "library/enum.html#$"),
            "fractions.Fraction": ("py:class", "library/fractions.html#$"),
            "collections.abc.Iterable": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Mapping": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Sequence": ("py:class", "library/collections.abc.html#$"),
            "collections.abc.Callable": ("py:class", "library/collections.abc.html#$"),
            "os.PathLike": ("py:class", "library/os.html#$"),
            "pathlib.Path": ("py:class", "library/pathlib.html#$"),
            "typing.Any": ("py:data", "library/typing.html#$"),
            "ValueError": ("py:exception", "library/exceptions.html#$"),
            "LookupError": ("py:exception", "library/exceptions.html#$"),
            "KeyError": ("py:exception", "library/exceptions.html#$"),
            "TypeError": ("py:exception", "library/exceptions.html#$"),
            "UserWarning": ("py:exception", "library/exceptions.html#$"),
            "argparse": ("py:module", "library/argparse.html#module-$"),
            "argparse.ArgumentParser": ("py:class", "library/argparse.html#$"),
            "gc.freeze": ("py:function", "library/gc.html#$"),
            "gettext": ("py:module", "library/gettext.html#module-$"),
            "gettext.GNUTranslations": ("py:class", "library/gettext.html#$"),
            "gettext.NullTranslations": ("py:class", "library/gettext.html#$"),
            "DeprecationWarning": ("py:exception", "library/exceptions.html#$"),
        },
    ),
    "pandas": (
        "https://pandas.pydata.org/docs",
        {"pandas.DataFrame": ("py:class", "reference/api/pandas.DataFrame.html#$")},
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        {
            "attrs.frozen": ("py:function", "api.html#$"),
            "attrs.evolve": ("py:function", "api.html#$"),
            "attrs.validators": ("py:module", "api.html#module-$"),
        },
    ),
    "babel": (
        "https://babel.pocoo.org/en/latest",
        {
            "babel.core.Locale": ("py:class", "api/core.html#$"),
            "babel.numbers.format_currency": ("py:function", "api/numbers.html#$"),
        },
    ),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest",
        {
            "hypothesis.strategies.SearchStrategy": (
                "py:class",
                "reference/strategies.html#$",
            ),
            "hypothesis.strategies.from_type": ("py:function", "reference/strategies.html#$"),
            "hypothesis.strategies.register_type_strategy": (
                "py:function",
                "reference/strategies.html#$",
            ),
        },
    ),
}


def _fallback_inventory(name: str, targets: dict[str, tuple[str, str]]) -> str:
    """Write the Sphinx (version 2) inventory of *targets* into the build tree."""
    path = Path(__file__).parent / "_build" / "inventories" / f"{name}.inv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        f"{target} {role} 1 {uri} -\n" for target, (role, uri) in sorted(targets.items())
    )
    header = (
        f"# Sphinx inventory version 2\n# Project: {name}\n# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    path.write_bytes(header.encode() + zlib.compress(lines.encode()))
    return str(path)


intersphinx_mapping = {
    name: (url, (None, _fallback_inventory(name, targets)))
    for name, (url, targets) in _FALLBACK.items()
}
intersphinx_timeout = 5


# -- names imported only for type checking ---------------------------------------------------
# The annotations spell them as the module imports them (``Fraction``); link them to the
# qualified name (``fractions.Fraction``), in these pages or the other project's inventory.

_QUALIFIED = {
    "Decimal": "decimal.Decimal",
    "Fraction": "fractions.Fraction",
    "Path": "pathlib.Path",
    "Membership": "sodertorn.fees.assessment.Membership",
    "Assessed": "sodertorn.fees.explain.Assessed",
    "Cell": "sodertorn.tabular.Cell",
    "_explain.View": "sodertorn.fees.explain.View",
    "SearchStrategy": "hypothesis.strategies.SearchStrategy",
}


def _at_home(target: str) -> str | None:
    """Where a name of the package is documented: ``Item`` and ``sodertorn.Item.name`` (a
    name that moved from the package root) become ``sodertorn.agreement.Item...``; ``SEK``
    (a name at the root, written without its module) becomes ``sodertorn.SEK``."""
    import sodertorn  # noqa: PLC0415 - the package is installed by the time Sphinx reads

    head, _, rest = target.removeprefix("sodertorn.").partition(".")
    if head in sodertorn._MOVED:
        module = sodertorn._MOVED[head]
    elif head in sodertorn._ROOT and not target.startswith("sodertorn."):
        module = "sodertorn"
    else:
        return None
    return ".".join(part for part in (module, head, rest) if part)


def _qualify(
    app: Sphinx, env: BuildEnvironment, node: Element, contnode: TextElement
) -> Element | None:
    target = node.get("reftarget")
    if node.get("refdomain") != "py":
        return None
    if target in _QUALIFIED:
        node["reftarget"] = _QUALIFIED[target]
        # One of ours (documented in these pages), or another project's.
        ours: Element | None = env.get_domain("py").resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode
        )
        resolved: Element | None = ours or missing_reference(app, env, node, contnode)
        return resolved
    at_home = _at_home(target)
    if at_home is None:
        return None
    python = env.get_domain("py")
    found: Element | None = python.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], at_home, node, contnode
    )
    return found


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("missing-reference", _qualify)
    return {"parallel_read_safe": True}
