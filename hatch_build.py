"""Build hook: compile the gettext catalogues (``.po`` to ``.mo``) into the wheel.

Hatchling runs this for the wheel and for an editable install (``pip install -e .``).
A wheel gets each ``locale/<lang>/LC_MESSAGES/sodertorn.mo`` from a scratch directory; an
editable install writes it beside its ``.po`` in the source tree (ignored by git), where
the installed package finds it. Compiling needs Babel, listed in ``[build-system]``.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src", "sodertorn")


def _msgfmt(root: Path) -> Any:
    """The package's compiler module, loaded from its file without importing the package."""
    spec = importlib.util.spec_from_file_location(
        "_sodertorn_msgfmt", root / PACKAGE / "_msgfmt.py"
    )
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {root / PACKAGE / '_msgfmt.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CatalogueBuildHook(BuildHookInterface):
    """Compile every ``.po`` under the package's ``locale`` directory."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogues: into the wheel, or beside the ``.po`` for ``editable``."""
        root = Path(self.root)
        msgfmt = _msgfmt(root)
        sources = sorted((root / PACKAGE / "locale").glob("*/LC_MESSAGES/*.po"))
        if not sources:
            raise RuntimeError(f"no catalogue found under {root / PACKAGE / 'locale'}")
        scratch = Path(tempfile.mkdtemp(prefix="sodertorn-mo-"))
        self._scratch = scratch
        for po in sources:
            lang = po.parent.parent.name
            compiled = msgfmt.compile_po(po.read_bytes(), lang)
            if version == "editable":
                po.with_suffix(".mo").write_bytes(compiled)
            else:
                target = scratch / f"{lang}.mo"
                target.write_bytes(compiled)
                inside = po.with_suffix(".mo").relative_to(root / "src").as_posix()
                build_data["force_include"][str(target)] = inside

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the scratch directory once the wheel has its catalogues."""
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    def clean(self, versions: list[str]) -> None:
        """Remove the catalogues an editable install compiled into the source tree."""
        for mo in (Path(self.root) / PACKAGE / "locale").glob("*/LC_MESSAGES/*.mo"):
            mo.unlink()
